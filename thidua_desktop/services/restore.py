"""Restoring a backup: every check before anything is written, then one atomic swap.

1. The zip is checked without extracting anything: entry count, names, the manifest's shape,
   the declared sizes against a ceiling and against the free space on the data folder's disk.
2. The database is extracted into a staging folder inside the data folder, counting the bytes
   really produced (a lying header cannot overrun), and the new epoch is written into that copy.
3. Attachments are extracted beside it and each one's SHA-256 is checked against its name.
4. They move into the store (new content, or replacing a damaged file of the same name).
5. The staged database replaces the live file with one os.replace; the folder is fsynced.

A kill before step 5 leaves the old office (at most with extra, unreferenced attachments); a
kill after it leaves the restored office under its new epoch. The staging folder a kill leaves
is removed at the next start (services/staging.py). Epochs: ../shared/domain/SYNC-DESIGN.md."""

from __future__ import annotations

import errno
import hashlib
import json
import lzma
import os
import re
import shutil
import zipfile
import zlib
from dataclasses import dataclass
from pathlib import Path

from ..config import AppPaths
from ..db import maintenance as low
from ..db.migrate import is_known_revision
from ..domain.errors import DomainError, StateError
from .attachments import MAX_ATTACHMENT_BYTES
from .kill_points import pause_for_kill_test
from .staging import clean_leftovers, file_sha256, install_attachments, new_private_file, staging_folder

BACKUP_FORMAT = 1
DB_ENTRY = "thidua.sqlite"
MANIFEST = "manifest.json"

MAX_ENTRIES = 100_000  # a commune has a few thousand attachments; more is a crafted file
MAX_RESTORE_BYTES = 16 * 1024**3  # expanded size of the whole backup
MAX_MANIFEST_BYTES = 64 * 1024
FREE_SPACE_MARGIN = 64 * 1024**2  # left free for the database's own journal and the log
_MB = 1024 * 1024

_ATTACHMENT = re.compile(r"^attachments/([0-9a-f]{2})/([0-9a-f]{64})$")
# Every field backup() has written since format 1, with the types it writes.
_MANIFEST_FIELDS: dict[str, tuple[type, ...]] = {
    "format": (str,), "format_version": (int,), "app_version": (str,), "created_at": (str,),
    "unit_code": (str,), "epoch": (int,), "schema_revision": (str, type(None)),
}
# What reading a damaged or hostile zip can raise (CRC errors, bad deflate data, encrypted
# entries, unsupported methods, truncated headers).
_ZIP_ERRORS = (zipfile.BadZipFile, zipfile.LargeZipFile, OSError, EOFError, ValueError, RuntimeError,
               NotImplementedError, OverflowError, zlib.error, lzma.LZMAError)


@dataclass(frozen=True)
class BackupContents:
    """What a checked backup holds; nothing has been extracted yet."""

    manifest: dict[str, object]
    database: zipfile.ZipInfo
    attachments: list[tuple[zipfile.ZipInfo, str]]  # (entry, its sha256 name)
    total_bytes: int  # declared expanded size of what a restore writes


def read_backup_manifest(path: Path) -> dict[str, object]:
    """The manifest of one of our backups, after every check that needs no disk space."""
    return inspect_backup(path).manifest


def inspect_backup(path: Path) -> BackupContents:
    name = path.name
    try:
        if not path.is_file() or not zipfile.is_zipfile(path):
            raise DomainError("BACKUP_NOT_OURS", field="file", value=name)
        with zipfile.ZipFile(path) as zf:
            entries = zf.infolist()
            if len(entries) > MAX_ENTRIES:
                raise DomainError("BACKUP_TOO_MANY_FILES", field="file", value=name, count=len(entries),
                                  max=MAX_ENTRIES)
            _check_names(entries, name)
            by_name = {e.filename: e for e in entries}
            manifest = _manifest(zf, by_name.get(MANIFEST), name)
            database = by_name.get(DB_ENTRY)
            if database is None:
                raise DomainError("BACKUP_NOT_OURS", field="file", value=name)
            _check_db_header(zf, database, name)
    except _ZIP_ERRORS as exc:
        raise DomainError("BACKUP_NOT_OURS", field="file", value=name) from exc
    attachments = []
    for entry in entries:
        match = _ATTACHMENT.match(entry.filename)
        if match is None or match.group(1) != match.group(2)[:2]:
            continue  # anything else under attachments/ (a stray system file) is not restored
        if entry.file_size > MAX_ATTACHMENT_BYTES:
            raise DomainError("BACKUP_ENTRY_TOO_LARGE", field="file", value=name, entry=entry.filename,
                              max_mb=MAX_ATTACHMENT_BYTES // _MB)
        attachments.append((entry, match.group(2)))
    total = database.file_size + sum(entry.file_size for entry, _sha in attachments)
    if total > MAX_RESTORE_BYTES:
        raise DomainError("BACKUP_TOO_LARGE", field="file", value=name, size_mb=total // _MB,
                          max_mb=MAX_RESTORE_BYTES // _MB)
    return BackupContents(manifest, database, attachments, total)


def _check_names(entries: list[zipfile.ZipInfo], name: str) -> None:
    seen: set[str] = set()
    for entry in entries:
        entry_name = entry.filename
        parts = entry_name.split("/")
        if (not entry_name or entry_name.startswith("/") or "\\" in entry_name or ":" in entry_name
                or "\x00" in entry_name or ".." in parts or entry_name in seen):
            raise DomainError("BACKUP_UNSAFE_PATH", field="file", value=entry_name, file=name)
        seen.add(entry_name)
        if entry.compress_type not in (zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED) or entry.flag_bits & 0x1:
            raise DomainError("BACKUP_NOT_OURS", field="file", value=name)  # we write neither


def _check_db_header(zf: zipfile.ZipFile, entry: zipfile.ZipInfo, name: str) -> None:
    """The database entry's first 100 bytes: one of our SQLite files, and as long as its header
    says (page size × page count), so a bomb of zeros or a padded file is refused unextracted."""
    with zf.open(entry) as fh:
        head = fh.read(100)
    ours = head[:16] == b"SQLite format 3\x00" and int.from_bytes(head[68:72], "big") == low.APPLICATION_ID
    if len(head) < 100 or not ours:
        raise DomainError("BACKUP_NOT_OURS", field="file", value=name)
    page_size = int.from_bytes(head[16:18], "big")
    page_size = 65536 if page_size == 1 else page_size
    pages = int.from_bytes(head[28:32], "big")
    # The page count is trustworthy only when its "valid for" counter matches the change counter.
    if head[92:96] == head[24:28] and pages and page_size * pages != entry.file_size:
        raise DomainError("BACKUP_ENTRY_DAMAGED", field="file", value=name, entry=entry.filename)


def _manifest(zf: zipfile.ZipFile, entry: zipfile.ZipInfo | None, name: str) -> dict[str, object]:
    if entry is None:
        raise DomainError("BACKUP_NOT_OURS", field="file", value=name)
    if entry.file_size > MAX_MANIFEST_BYTES:
        raise DomainError("BACKUP_MANIFEST_UNREADABLE", field="file", value=name)
    with zf.open(entry) as fh:
        raw = fh.read(MAX_MANIFEST_BYTES + 1)
    try:
        manifest = json.loads(raw.decode("utf-8")) if len(raw) <= MAX_MANIFEST_BYTES else None
    except (ValueError, RecursionError):
        manifest = None
    if not isinstance(manifest, dict):
        raise DomainError("BACKUP_MANIFEST_UNREADABLE", field="file", value=name)
    if manifest.get("format") != "thidua-backup":
        raise DomainError("BACKUP_NOT_OURS", field="file", value=name)
    version = manifest.get("format_version")
    if not _typed(version, (int,)) or int(version) < 1:  # type: ignore[arg-type]
        raise DomainError("BACKUP_MANIFEST_INVALID", field="file", value=name, key="format_version")
    if int(version) > BACKUP_FORMAT:  # type: ignore[arg-type]
        raise DomainError("BACKUP_TOO_NEW", field="file", value=name)
    for key, types in _MANIFEST_FIELDS.items():
        value = manifest.get(key)
        if key not in manifest or not _typed(value, types) or (isinstance(value, str) and len(value) > 200):
            raise DomainError("BACKUP_MANIFEST_INVALID", field="file", value=name, key=key)
    if not 0 < int(manifest["epoch"]) < low.MAX_EPOCH:  # type: ignore[call-overload]
        raise DomainError("BACKUP_MANIFEST_INVALID", field="file", value=name, key="epoch")
    return manifest


def _typed(value: object, types: tuple[type, ...]) -> bool:
    return isinstance(value, types) and not isinstance(value, bool)  # JSON true is not a number


def restore_backup(path: Path, paths: AppPaths) -> dict[str, object]:
    """Replace the office's database and attachments with a backup, under a new epoch.

    The caller must have closed every connection to the current database first; another one
    still open is refused (DATABASE_IN_USE) rather than swapped from under it."""
    contents = inspect_backup(path)
    try:
        paths.data_dir.mkdir(parents=True, exist_ok=True)
        clean_leftovers(paths.data_dir)
        free = shutil.disk_usage(paths.data_dir).free
        if contents.total_bytes + FREE_SPACE_MARGIN > free:
            raise DomainError("BACKUP_DISK_FULL", field="file", value=path.name,
                              need_mb=(contents.total_bytes + FREE_SPACE_MARGIN) // _MB + 1, free_mb=free // _MB)
        with staging_folder(paths.data_dir, "restore") as folder, zipfile.ZipFile(path) as zf:
            staged = folder / DB_ENTRY
            _extract(zf, contents.database, staged, path.name)
            backup_epoch = _check_staged(staged, path.name)
            # Above the backup's and the live office's epochs, so no epoch is ever reused.
            new_epoch = max(backup_epoch, low.read_epoch(paths.db_file)) + 1
            low.write_epoch(staged, new_epoch)
            pause_for_kill_test("restore:db_staged")
            _stage_attachments(zf, contents, folder / "attachments", paths.attachments_dir, path.name)
            pause_for_kill_test("restore:attachments_staged")
            install_attachments(folder / "attachments", paths.attachments_dir)
            pause_for_kill_test("restore:before_swap")
            low.swap_into_place(staged, paths.db_file)
            pause_for_kill_test("restore:after_swap")
    except low.DatabaseInUse as exc:
        raise StateError("DATABASE_IN_USE", field="file", value=path.name) from exc
    except OSError as exc:
        if exc.errno == errno.ENOSPC:
            raise DomainError("BACKUP_DISK_FULL", field="file", value=path.name,
                              need_mb=contents.total_bytes // _MB + 1, free_mb=0) from exc
        raise
    return {**contents.manifest, "new_epoch": new_epoch}


def _check_staged(staged: Path, name: str) -> int:
    """The staged database's epoch, once it is known to be one of ours that this app can open."""
    info = low.inspect_file(staged)
    if info is None or info.get("epoch") is None:
        raise DomainError("BACKUP_NOT_OURS", field="file", value=name)
    if not is_known_revision(info.get("revision")):  # type: ignore[arg-type]
        raise DomainError("BACKUP_TOO_NEW", field="file", value=name)
    epoch = info["epoch"]
    if not isinstance(epoch, int) or not 0 < epoch < low.MAX_EPOCH:
        raise DomainError("BACKUP_NOT_OURS", field="file", value=name)
    return epoch


def _stage_attachments(zf: zipfile.ZipFile, contents: BackupContents, staged: Path, store: Path, name: str) -> None:
    for entry, sha in contents.attachments:
        existing = store / sha[:2] / sha
        if existing.is_file() and existing.stat().st_size == entry.file_size and file_sha256(existing) == sha:
            continue  # the same content is already in the store
        target = staged / sha[:2] / sha
        target.parent.mkdir(parents=True, exist_ok=True)
        if _extract(zf, entry, target, name) != sha:
            raise DomainError("BACKUP_ENTRY_DAMAGED", field="file", value=name, entry=entry.filename)


def _extract(zf: zipfile.ZipFile, entry: zipfile.ZipInfo, target: Path, name: str) -> str:
    """Copy one entry to a new private file, never more bytes than its header declared; its SHA-256."""
    digest = hashlib.sha256()
    written = 0
    try:
        with zf.open(entry) as src, new_private_file(target) as dst:
            for chunk in iter(lambda: src.read(1 << 20), b""):
                written += len(chunk)
                if written > entry.file_size:
                    raise DomainError("BACKUP_ENTRY_DAMAGED", field="file", value=name, entry=entry.filename)
                digest.update(chunk)
                dst.write(chunk)
            dst.flush()
            os.fsync(dst.fileno())
    except OSError as exc:
        if exc.errno == errno.ENOSPC:
            raise
        raise DomainError("BACKUP_ENTRY_DAMAGED", field="file", value=name, entry=entry.filename) from exc
    except (zipfile.BadZipFile, EOFError, ValueError, zlib.error, RuntimeError) as exc:
        raise DomainError("BACKUP_ENTRY_DAMAGED", field="file", value=name, entry=entry.filename) from exc
    if written != entry.file_size:
        raise DomainError("BACKUP_ENTRY_DAMAGED", field="file", value=name, entry=entry.filename)
    return digest.hexdigest()
