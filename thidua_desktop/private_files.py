"""Files that hold personal data stay readable by the user who runs the app and nobody else.

The data folder, the key folders, the backups and the logs are folders of mode 0700 and every
file the app writes there is 0600: a process umask of 077 is set at start (``restrict_umask``) so
SQLite, logging, zipfile and openpyxl create their files private without each being told, and the
folders and any file left 0644/0755 by an older version are put right at start (``tighten_tree``).

Exports (workbooks, PDFs) are written next to their destination under a hidden temporary name
(``.~thidua-…``), mode 0600, locked while written, moved into place at the end and removed on any
failure; a temporary file left by a killed process is removed at the next export into that folder.

On Windows these modes mean nothing (``os.chmod`` only toggles the read-only flag): the data
folder lives in the user's profile (``%LOCALAPPDATA%``) whose ACL already shuts other accounts
out, and the keys are also bound to the account by DPAPI. Every chmod here is skipped there."""

from __future__ import annotations

import contextlib
import os
import stat
import tempfile
from collections.abc import Callable, Iterator
from pathlib import Path

PRIVATE_UMASK = 0o077
DIR_MODE = 0o700
FILE_MODE = 0o600
TEMP_PREFIX = ".~thidua-"  # hidden on Linux/macOS, and recognisably ours in a listing

_POSIX = os.name == "posix"


def restrict_umask() -> None:
    """Every file and folder this process creates from now on is private (no group/other bits)."""
    if _POSIX:
        os.umask(PRIVATE_UMASK)


def private_dir(path: Path) -> Path:
    """Create ``path`` (and missing parents) and make ``path`` itself 0700. Parents such as
    ``~/.local/share`` belong to the user's desktop and keep their mode."""
    path = Path(path)
    path.mkdir(mode=DIR_MODE, parents=True, exist_ok=True)
    _chmod(path, DIR_MODE)
    return path


def tighten_tree(root: Path, include: Callable[[str], bool] | None = None) -> None:
    """Take the group/other bits off ``root`` and everything below it (an older version left the
    database, logs and backups 0644 in a 0755 folder). ``include`` limits which entries directly
    in ``root`` are touched (a data folder chosen by hand may hold the user's other files).
    Symbolic links are neither followed nor changed; a file we cannot change is left as it is."""
    if not _POSIX:
        return
    root = Path(root)
    try:
        if not root.is_dir() or root.is_symlink():
            return
    except OSError:
        return
    _chmod(root, DIR_MODE)
    stack = [root]
    while stack:
        folder = stack.pop()
        try:
            entries = list(os.scandir(folder))
        except OSError:
            continue
        for entry in entries:
            if include is not None and folder == root and not include(entry.name):
                continue
            try:
                mode = entry.stat(follow_symlinks=False).st_mode
            except OSError:
                continue
            if stat.S_ISDIR(mode):
                _chmod(Path(entry.path), DIR_MODE, mode)
                stack.append(Path(entry.path))
            elif stat.S_ISREG(mode):
                _chmod(Path(entry.path), stat.S_IMODE(mode) & ~PRIVATE_UMASK, mode)


def _chmod(path: Path, mode: int, current: int | None = None) -> None:
    if not _POSIX:
        return  # see the module docstring: the profile's ACL does this on Windows
    try:
        if current is None:
            current = os.lstat(path).st_mode
        # Symbolic links were skipped by the caller (lstat): plain chmod, since Linux has no lchmod.
        if stat.S_IMODE(current) != mode and not stat.S_ISLNK(current):
            os.chmod(path, mode)
    except OSError:
        pass  # not ours to change (another owner) or a file system without modes (FAT stick)


# Exports through a temporary name ----------------------------------------------------------------
def _lock(fd: int) -> bool | None:
    """An exclusive, non-blocking lock on an open file: held while we write, released by the
    kernel when the process dies, so a lock we can take means the writer is gone. True when
    taken, False when another process holds it, None when the file system has no such locks."""
    if not _POSIX:
        return True  # Windows: an open file cannot be deleted by another process anyway
    import errno
    import fcntl

    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except OSError as exc:
        return False if exc.errno in (errno.EWOULDBLOCK, errno.EAGAIN, errno.EACCES) else None
    return True


def clean_stale_temps(folder: Path) -> int:
    """Remove our temporary export files in ``folder`` that no running export holds (a process
    killed mid-write leaves one behind, with personal data in it). Returns how many went."""
    removed = 0
    try:
        entries = [e for e in os.scandir(folder) if e.name.startswith(TEMP_PREFIX)]
    except OSError:
        return 0
    for entry in entries:
        try:
            if not entry.is_file(follow_symlinks=False):
                continue
            if not _POSIX:
                # Deleting fails while the writing process still has the file open.
                os.unlink(entry.path)
                removed += 1
                continue
            fd = os.open(entry.path, os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0))
        except OSError:
            continue
        try:
            if _lock(fd) is True:  # never on a file system without locks: it may be in use
                os.unlink(entry.path)
                removed += 1
        except OSError:
            pass
        finally:
            os.close(fd)
    return removed


# Where the app notes the folder of each export in progress (see ``track_exports_in``).
_pending_notes: Path | None = None


def track_exports_in(notes: Path) -> int:
    """From now on, note in ``notes`` (a private folder in the data folder) the destination folder
    of every export while it is written, and clean the folders that earlier notes name: an export
    cut off by a power cut or a kill left a temporary file full of personal data beside its
    destination, removed here at the next start instead of waiting for the next export into that
    same folder. Returns how many such files went."""
    global _pending_notes
    _pending_notes = notes
    removed = 0
    try:
        entries = sorted(notes.glob("*.folder")) if notes.is_dir() else []
    except OSError:
        return 0
    for note in entries:
        try:
            folder = Path(note.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            continue
        removed += clean_stale_temps(folder)
        if not any(folder.glob(TEMP_PREFIX + "*")):  # an export still running keeps its note
            with contextlib.suppress(OSError):
                note.unlink()
    return removed


@contextlib.contextmanager
def _noted(folder: Path) -> Iterator[None]:
    note = None
    if _pending_notes is not None:
        with contextlib.suppress(OSError):
            private_dir(_pending_notes)
            fd, name = tempfile.mkstemp(dir=_pending_notes, suffix=".folder")
            with os.fdopen(fd, "w", encoding="utf-8") as fh:
                fh.write(str(folder.resolve()))
            note = Path(name)
    try:
        yield
    finally:
        if note is not None:
            with contextlib.suppress(OSError):
                note.unlink()


@contextlib.contextmanager
def temp_beside(out: Path, suffix: str | None = None, *, clean: bool = True) -> Iterator[Path]:
    """A private temporary file next to ``out`` for the block to write; moved onto ``out`` when
    the block ends normally, deleted on any exception. Stale ones of ours are cleaned first,
    unless the caller already cleaned the folder (``clean=False``: a batch of 500 files would
    otherwise list the growing folder 500 times)."""
    out = Path(out)
    folder = out.parent if str(out.parent) else Path(".")
    if clean:
        clean_stale_temps(folder)
    with _noted(folder):  # noted before the file exists, so no moment is left unnoted
        yield from _write_beside(out, folder, suffix)


def _write_beside(out: Path, folder: Path, suffix: str | None) -> Iterator[Path]:
    fd, temp = _locked_temp(folder, suffix if suffix is not None else out.suffix)
    try:
        yield temp
        if not _POSIX:  # Windows cannot rename a file this process still holds open
            os.close(fd)
            fd = -1
        os.replace(temp, out)
    except BaseException:
        with contextlib.suppress(OSError):
            temp.unlink(missing_ok=True)
        raise
    finally:
        if fd >= 0:
            os.close(fd)


def _locked_temp(folder: Path, suffix: str) -> tuple[int, Path]:
    """mkstemp (mode 0600) plus our lock. Another export's cleaning can take the lock in the
    instant between the two and delete the new file: then the name no longer leads to our file,
    and we simply make another."""
    while True:
        fd, name = tempfile.mkstemp(dir=folder, prefix=TEMP_PREFIX, suffix=suffix)
        if _POSIX:
            os.fchmod(fd, FILE_MODE)
        try:
            locked = _lock(fd)
            if locked is None:  # no locks here: write unlocked (cleaning then skips the file)
                return fd, Path(name)
            if locked and (not _POSIX or os.stat(name).st_ino == os.fstat(fd).st_ino):
                return fd, Path(name)
        except OSError:
            pass
        os.close(fd)
