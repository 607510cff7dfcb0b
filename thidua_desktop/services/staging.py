"""Staging folders: where a restore or the demo builds its new files before one atomic swap.

A staging folder is named ``.<kind>-staging-<random>``, lives inside the data folder (the same
file system as the live files, so the final moves are renames) and is private (0700). While in
use it holds an OS lock on its ``.lock`` file; a killed process drops that lock, which is how the
next start tells a leftover (removed) from a folder another process is still working in (kept)."""

from __future__ import annotations

import contextlib
import hashlib
import logging
import os
import re
import shutil
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path
from typing import IO

from ..db.maintenance import fsync_dir

log = logging.getLogger("thidua")

_STAGING = re.compile(r"^\.[a-z]+-staging-")
_LOCK = ".lock"
# A folder this young with no lock file yet may be one another process has just created.
_GRACE_SECONDS = 60
# An attachment ``.part`` untouched this long belongs to no running write (writes touch it every MB).
_STALE_PART_SECONDS = 600
_SHA_NAME = re.compile(r"^[0-9a-f]{64}$")


def _lock(handle: IO[bytes]) -> None:
    if os.name == "nt":  # Windows: an open file cannot be deleted, which is lock enough
        return
    import fcntl

    fcntl.flock(handle.fileno(), fcntl.LOCK_EX)


def _held_elsewhere(folder: Path) -> bool:
    """True when a running process holds ``folder``'s lock (or may be about to take it)."""
    lock = folder / _LOCK
    if not lock.exists():
        try:
            if not any(folder.iterdir()):
                # Killed between making the folder and taking its lock: it holds nothing. (A process
                # caught in that same instant makes itself another folder: ``staging_folder``.)
                return False
            return time.time() - folder.stat().st_mtime < _GRACE_SECONDS
        except OSError:
            return False
    if os.name == "nt":
        try:
            lock.unlink()
        except PermissionError:
            return True
        except OSError:
            return False
        return False
    import fcntl

    try:
        with lock.open("rb") as handle:
            try:
                fcntl.flock(handle.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
            except BlockingIOError:
                return True
            return False
    except OSError:
        return False


@contextlib.contextmanager
def staging_folder(parent: Path, kind: str) -> Iterator[Path]:
    """A fresh private folder inside ``parent`` (removed afterwards, whatever happens)."""
    parent.mkdir(parents=True, exist_ok=True)
    while True:
        folder = Path(tempfile.mkdtemp(prefix=f".{kind}-staging-", dir=parent))  # mkdtemp makes it 0700
        try:
            handle = (folder / _LOCK).open("wb")
        except FileNotFoundError:
            continue  # another start's cleaning took the empty folder in that instant
        break
    try:
        with handle:
            _lock(handle)
            yield folder
    finally:
        shutil.rmtree(folder, ignore_errors=True)


def clean_leftovers(*folders: Path) -> int:
    """Remove what killed restores, backups and demo builds left in ``folders`` (the data folder):
    staging folders nobody holds, the ``tmp*`` copies older versions left, and attachment
    ``.part`` files no write has touched for a while. Returns how many were removed."""
    removed = 0
    for parent in dict.fromkeys(folders):
        try:
            children = list(parent.iterdir()) if parent.is_dir() else []
        except OSError:
            continue
        for child in children:
            if child.is_dir() and not child.is_symlink() and (_STAGING.match(child.name) or _legacy_tmp(child)):
                if _STAGING.match(child.name) and _held_elsewhere(child):
                    continue
                shutil.rmtree(child, ignore_errors=True)
                removed += 1
        removed += _stale_parts(parent / "attachments")
    if removed:
        log.info("removed %d leftover staging item(s)", removed)
    return removed


def _legacy_tmp(folder: Path) -> bool:
    """A ``tempfile`` folder of an older version's restore or backup: it holds a database copy."""
    if not re.fullmatch(r"tmp[a-z0-9_]{8}", folder.name):
        return False
    try:
        names = {p.name for p in folder.iterdir()}
    except OSError:
        return False
    return bool(names) and names <= {"thidua.sqlite", "backup.part", "thidua.sqlite-journal"}


def _stale_parts(store: Path) -> int:
    if not store.is_dir():
        return 0
    count = 0
    now = time.time()
    for part in store.glob("*/*.part"):
        try:
            if now - part.stat().st_mtime > _STALE_PART_SECONDS:
                part.unlink()
                count += 1
        except OSError:
            continue
    return count


def file_sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as fh:
        for chunk in iter(lambda: fh.read(1 << 20), b""):
            digest.update(chunk)
    return digest.hexdigest()


def new_private_file(path: Path) -> IO[bytes]:
    """A new file only this user can read (the data at rest is personal data)."""
    flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0)
    return os.fdopen(os.open(path, flags, 0o600), "wb")


def install_attachments(staged: Path, store: Path) -> int:
    """Move staged attachments (``<2 hex>/<sha256>``, already checked against their names) into
    the store. A file already there is kept when its content matches its name and replaced when
    it does not (a half-written file from an older version). Each move is a rename, fsynced."""
    moved = 0
    if not staged.is_dir():
        return 0
    for file in sorted(staged.glob("*/*")):
        if not _SHA_NAME.match(file.name) or file.parent.name != file.name[:2]:
            continue
        target = store / file.name[:2] / file.name
        if target.is_file() and file_sha256(target) == file.name:
            continue
        target.parent.mkdir(parents=True, exist_ok=True)
        os.replace(file, target)
        fsync_dir(target.parent)
        moved += 1
    return moved
