"""Restoring a backup: every check before anything is written, then one atomic swap.

1. The zip is checked without extracting anything: entry count, names, the manifest's shape,
   the declared sizes against a ceiling and against the free space on the data folder's disk.
2. An encrypted backup (format 2, db/backup_crypto.py) has its data key opened with the keys at
   hand: this office's key store, the key store the backup carries (sealed under a key-encryption
   key that only this computer's user account holds), or the province's recovery key.
3. The database is extracted (or decrypted) into a staging folder inside the data folder, counting
   the bytes really produced (a lying header or a crafted encrypted member cannot overrun what the
   manifest declared), checked as one of our SQLite files, and the new epoch is written into it.
4. Attachments are extracted beside it and each one's SHA-256 is checked against its name.
5. They move into the store (new content, or replacing a damaged file of the same name).
6. The staged database replaces the live file with one os.replace; the folder is fsynced.

A kill before step 6 leaves the old office (at most with extra, unreferenced attachments); a
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
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import IO, TypeGuard

from .. import checkpoints
from ..config import AppPaths, database_url, resolve_key_folder
from ..database_key import create_database_key, key_for_restore
from ..db import backup_crypto as bc
from ..db import cipher
from ..db import maintenance as low
from ..db.engine import sqlite_path_of
from ..db.migrate import is_known_revision
from ..domain.errors import DomainError, StateError
from ..sync.keys import KeyStore
from .attachments import MAX_ATTACHMENT_BYTES
from .staging import clean_leftovers, file_sha256, install_attachments, new_private_file, staging_folder

BACKUP_FORMAT = 2  # 2: members encrypted (db/backup_crypto.py); 1 (clear) is still read
DB_ENTRY = "thidua.sqlite"
MANIFEST = "manifest.json"
# The office's key store as it was at backup time. Its private keys are sealed under the
# key-encryption key in the user's config folder (never in a backup), so the copy only helps this
# computer's user: restoring into a new data folder, or after the keys were rotated.
KEYSTORE_ENTRY = "keys/office-keys.json"

MAX_ENTRIES = 100_000  # a commune has a few thousand attachments; more is a crafted file
MAX_RESTORE_BYTES = 16 * 1024**3  # expanded size of the whole backup
MAX_MANIFEST_BYTES = 64 * 1024
MAX_KEYSTORE_BYTES = 256 * 1024  # a key store is about 1 kB per key
MAX_WRAPPED_KEYS = 16
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
    total_bytes: int  # expanded size of what a restore writes (declared; enforced while writing)
    wrapped_keys: list[dict[str, object]] | None = None  # None: a clear backup (format 1)
    keystore: zipfile.ZipInfo | None = None

    @property
    def encrypted(self) -> bool:
        return self.wrapped_keys is not None


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
            encryption = manifest.get("encryption")
            database = by_name.get(DB_ENTRY)
            if database is None:
                raise DomainError("BACKUP_NOT_OURS", field="file", value=name)
            if encryption is None:
                with zf.open(database) as fh:
                    _check_db_header(fh.read(100), database.file_size, name)
            else:
                with zf.open(database) as fh:  # its header is checked once decrypted
                    if not bc.is_encrypted_member(fh.read(len(bc.MAGIC))):
                        raise DomainError("BACKUP_NOT_OURS", field="file", value=name)
    except _ZIP_ERRORS as exc:
        raise DomainError("BACKUP_NOT_OURS", field="file", value=name) from exc
    # Encrypted members hold compressed plaintext plus a little framing (db/backup_crypto.py).
    entry_cap = MAX_ATTACHMENT_BYTES if encryption is None else _cipher_bound(MAX_ATTACHMENT_BYTES)
    attachments = []
    for entry in entries:
        match = _ATTACHMENT.match(entry.filename)
        if match is None or match.group(1) != match.group(2)[:2]:
            continue  # anything else under attachments/ (a stray system file) is not restored
        if entry.file_size > entry_cap:
            raise DomainError("BACKUP_ENTRY_TOO_LARGE", field="file", value=name, entry=entry.filename,
                              max_mb=MAX_ATTACHMENT_BYTES // _MB)
        attachments.append((entry, match.group(2)))
    total = database.file_size + sum(entry.file_size for entry, _sha in attachments)
    if isinstance(encryption, dict):
        # What decryption may write: the manifest's figure, also enforced while writing.
        total = max(total, int(encryption["plain_bytes"]))
    if total > MAX_RESTORE_BYTES:
        raise DomainError("BACKUP_TOO_LARGE", field="file", value=name, size_mb=total // _MB,
                          max_mb=MAX_RESTORE_BYTES // _MB)
    if not isinstance(encryption, dict):
        return BackupContents(manifest, database, attachments, total)
    keystore = by_name.get(KEYSTORE_ENTRY)
    if keystore is not None and keystore.file_size > MAX_KEYSTORE_BYTES:
        keystore = None  # not one we wrote: the other keys may still open the backup
    return BackupContents(manifest, database, attachments, total, encryption["wrapped_keys"], keystore)


def _cipher_bound(plain: int) -> int:
    """The largest encrypted member holding ``plain`` bytes (zlib's worst case and the frames)."""
    return plain + plain // 256 + 4096


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


def _check_db_header(head: bytes, size: int, name: str) -> None:
    """The database's first 100 bytes: one of our SQLite files, and as long as its header says
    (page size × page count), so a bomb of zeros or a padded file is refused. A clear backup's
    entry is checked before extraction (``size`` as declared), an encrypted one once decrypted."""
    ours = head[:16] == b"SQLite format 3\x00" and int.from_bytes(head[68:72], "big") == low.APPLICATION_ID
    if len(head) < 100 or not ours:
        raise DomainError("BACKUP_NOT_OURS", field="file", value=name)
    page_size = int.from_bytes(head[16:18], "big")
    page_size = 65536 if page_size == 1 else page_size
    pages = int.from_bytes(head[28:32], "big")
    # The page count is trustworthy only when its "valid for" counter matches the change counter.
    if head[92:96] == head[24:28] and pages and page_size * pages != size:
        raise DomainError("BACKUP_ENTRY_DAMAGED", field="file", value=name, entry=DB_ENTRY)


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
    if not _is_int(version) or int(version) < 1:
        raise DomainError("BACKUP_MANIFEST_INVALID", field="file", value=name, key="format_version")
    if int(version) > BACKUP_FORMAT:
        raise DomainError("BACKUP_TOO_NEW", field="file", value=name)
    for key, types in _MANIFEST_FIELDS.items():
        value = manifest.get(key)
        if key not in manifest or not _typed(value, types) or (isinstance(value, str) and len(value) > 200):
            raise DomainError("BACKUP_MANIFEST_INVALID", field="file", value=name, key=key)
    if not 0 < int(manifest["epoch"]) < low.MAX_EPOCH:
        raise DomainError("BACKUP_MANIFEST_INVALID", field="file", value=name, key="epoch")
    if manifest.get("encryption") is not None:
        _check_encryption(manifest["encryption"], name)
    return manifest


def _check_encryption(encryption: object, name: str) -> None:
    def invalid(key: str) -> DomainError:
        return DomainError("BACKUP_MANIFEST_INVALID", field="file", value=name, key=f"encryption.{key}")

    if not isinstance(encryption, dict):
        raise invalid("scheme")
    scheme = encryption.get("scheme")
    if scheme != bc.SCHEME:
        if isinstance(scheme, str) and len(scheme) <= 200:
            raise DomainError("BACKUP_TOO_NEW", field="file", value=name)  # a later app's cipher
        raise invalid("scheme")
    wrapped = encryption.get("wrapped_keys")
    if not isinstance(wrapped, list) or not 0 < len(wrapped) <= MAX_WRAPPED_KEYS \
            or not all(isinstance(w, dict) for w in wrapped):
        raise invalid("wrapped_keys")
    size = encryption.get("plain_bytes")
    if not _is_int(size) or not 0 <= int(size) <= 2**63:
        raise invalid("plain_bytes")
    sealed_db_key = encryption.get("database_key")
    if sealed_db_key is not None and (not isinstance(sealed_db_key, str) or len(sealed_db_key) > 200):
        raise invalid("database_key")


def _typed(value: object, types: tuple[type, ...]) -> bool:
    return isinstance(value, types) and not isinstance(value, bool)  # JSON true is not a number


def _is_int(value: object) -> TypeGuard[int]:
    return _typed(value, (int,))


def check_backup(path: Path, paths: AppPaths, recovery: bc.Unsealer | None = None) -> BackupContents:
    """Every check a restore makes before writing, the data key included: BACKUP_KEY_MISSING when
    neither this computer's keys nor ``recovery`` open it (ask the province for its recovery key),
    BACKUP_RECOVERY_KEY_WRONG when ``recovery`` was given and does not."""
    _refuse_server_database(paths, path.name)
    contents = inspect_backup(path)
    if contents.encrypted:
        with staging_folder(paths.data_dir, "restore") as scratch, zipfile.ZipFile(path) as zf:
            _data_key(zf, contents, paths, scratch, recovery, path.name)
    return contents


def _refuse_server_database(paths: AppPaths, name: str) -> None:
    """A backup is a SQLite file swapped in for the office's own. An office on a server
    (PostgreSQL at the province) has no such file: restoring would write one nobody reads and
    report success. Its backups are the server's own (pg_dump)."""
    if sqlite_path_of(database_url(paths)) is None:
        raise StateError("BACKUP_SQLITE_ONLY", field="file", value=name)


def _data_key(zf: zipfile.ZipFile, contents: BackupContents, paths: AppPaths, scratch: Path,
              recovery: bc.Unsealer | None, name: str) -> bytes:
    candidates: list[bc.Unsealer] = [*_store_keys(paths.keys_dir), *_carried_keys(zf, contents.keystore, scratch)]
    if recovery is not None:
        candidates.append(recovery)
    try:
        return bc.open_key(contents.wrapped_keys, candidates, name)
    except DomainError as exc:
        if exc.code == "BACKUP_KEY_MISSING" and recovery is not None:
            sealed_to_recovery = any(w.get("role") == "recovery" for w in contents.wrapped_keys or [])
            raise DomainError("BACKUP_RECOVERY_KEY_WRONG" if sealed_to_recovery else "BACKUP_NO_RECOVERY_KEY",
                              field="recovery_key", value=name) from exc
        raise


def _store_keys(folder: Path) -> Sequence[bc.Unsealer]:
    """The private keys of the key store in ``folder``, current and retired; none when the store
    or its key-encryption key is not on this computer (another computer, another user)."""
    try:
        store = KeyStore(folder, resolve_key_folder())
        return store.all_keys() if store.exists() else []
    except (DomainError, OSError, ValueError, TypeError, KeyError, RecursionError):
        return []


def _carried_keys(zf: zipfile.ZipFile, entry: zipfile.ZipInfo | None, scratch: Path) -> Sequence[bc.Unsealer]:
    if entry is None:
        return []
    try:
        with zf.open(entry) as src:
            data = src.read(MAX_KEYSTORE_BYTES + 1)
    except _ZIP_ERRORS:
        return []
    if len(data) > MAX_KEYSTORE_BYTES:
        return []
    folder = scratch / "keys"
    folder.mkdir(mode=0o700, exist_ok=True)
    with new_private_file(folder / Path(KEYSTORE_ENTRY).name) as fh:
        fh.write(data)
    return _store_keys(folder)


def restore_backup(path: Path, paths: AppPaths, recovery: bc.Unsealer | None = None) -> dict[str, object]:
    """Replace the office's database and attachments with a backup, under a new epoch.
    ``recovery``: the province's recovery key, for a backup this computer's keys do not open.

    The caller must have closed every connection to the current database first; another one
    still open is refused (DATABASE_IN_USE) rather than swapped from under it."""
    _refuse_server_database(paths, path.name)
    contents = inspect_backup(path)
    try:
        paths.data_dir.mkdir(parents=True, exist_ok=True)
        clean_leftovers(paths.data_dir)
        # The restored copy is encrypted under this folder's key (saved at the swap if it is new).
        local_key, unsaved = key_for_restore(paths)
        free = shutil.disk_usage(paths.data_dir).free
        if contents.total_bytes + FREE_SPACE_MARGIN > free:
            raise DomainError("BACKUP_DISK_FULL", field="file", value=path.name,
                              need_mb=(contents.total_bytes + FREE_SPACE_MARGIN) // _MB + 1, free_mb=free // _MB)
        with staging_folder(paths.data_dir, "restore") as folder, zipfile.ZipFile(path) as zf:
            data_key = _data_key(zf, contents, paths, folder, recovery, path.name) if contents.encrypted else None
            member = _Members(zf, path.name, contents.total_bytes, data_key)
            extracted = folder / "extracted.sqlite"
            member.extract(contents.database, extracted, MAX_RESTORE_BYTES)
            staged = _adopt(extracted, _backup_db_key(contents, data_key, path.name), local_key, path.name)
            backup_epoch = _check_staged(staged, path.name, local_key)
            # Above the backup's and the live office's epochs, so no epoch is ever reused.
            new_epoch = max(backup_epoch, low.read_epoch(paths.db_file, local_key)) + 1
            low.write_epoch(staged, new_epoch, local_key)
            checkpoints.reached("restore:db_staged")
            _stage_attachments(member, contents, folder / "attachments", paths.attachments_dir)
            checkpoints.reached("restore:attachments_staged")
            install_attachments(folder / "attachments", paths.attachments_dir)
            checkpoints.reached("restore:before_swap")
            if unsaved:
                create_database_key(paths, key=local_key)
            low.swap_into_place(staged, paths.db_file, key=local_key)
            checkpoints.reached("restore:after_swap")
    except low.DatabaseInUse as exc:
        raise StateError("DATABASE_IN_USE", field="file", value=path.name) from exc
    except OSError as exc:
        if exc.errno == errno.ENOSPC:
            raise DomainError("BACKUP_DISK_FULL", field="file", value=path.name,
                              need_mb=contents.total_bytes // _MB + 1, free_mb=0) from exc
        raise
    return {**contents.manifest, "new_epoch": new_epoch}


def _backup_db_key(contents: BackupContents, data_key: bytes | None, name: str) -> bytes | None:
    """The SQLCipher key of the backup's database copy; None for a plain copy (backups made
    before the database was encrypted, and every format-1 backup)."""
    encryption = contents.manifest.get("encryption")
    sealed = encryption.get("database_key") if isinstance(encryption, dict) else None
    if sealed is None or data_key is None:
        return None
    return bc.open_database_key(sealed, data_key, name)


def _adopt(extracted: Path, backup_key: bytes | None, local_key: bytes, name: str) -> Path:
    """The extracted copy as this folder's database: a plain copy is checked as one of our SQLite
    files and encrypted into a new file; an encrypted one is re-keyed in place when it came from
    another computer. Nothing plain is left behind in the staging folder."""
    if backup_key is None:
        with extracted.open("rb") as fh:
            _check_db_header(fh.read(100), extracted.stat().st_size, name)
        staged = extracted.with_name(DB_ENTRY)
        try:
            cipher.export_database(extracted, None, staged, local_key)
        except cipher.DB_ERRORS as exc:
            raise DomainError("BACKUP_NOT_OURS", field="file", value=name) from exc
        extracted.unlink()
        return staged
    if low.inspect_file(extracted, backup_key) is None:
        raise DomainError("BACKUP_NOT_OURS", field="file", value=name)
    try:
        cipher.rekey(extracted, backup_key, local_key)
    except cipher.DB_ERRORS as exc:
        raise DomainError("BACKUP_NOT_OURS", field="file", value=name) from exc
    staged = extracted.with_name(DB_ENTRY)
    os.replace(extracted, staged)
    return staged


def _check_staged(staged: Path, name: str, key: bytes) -> int:
    """The staged database's epoch, once it is known to be one of ours that this app can open."""
    info = low.inspect_file(staged, key)
    if info is None or info.get("epoch") is None:
        raise DomainError("BACKUP_NOT_OURS", field="file", value=name)
    if not is_known_revision(info.get("revision")):  # type: ignore[arg-type]  # a str or None in our files
        raise DomainError("BACKUP_TOO_NEW", field="file", value=name)
    epoch = info["epoch"]
    if not isinstance(epoch, int) or not 0 < epoch < low.MAX_EPOCH:
        raise DomainError("BACKUP_NOT_OURS", field="file", value=name)
    return epoch


def _stage_attachments(member: _Members, contents: BackupContents, staged: Path, store: Path) -> None:
    for entry, sha in contents.attachments:
        existing = store / sha[:2] / sha
        # A clear entry's size is its content's; an encrypted one's is not, so only the hash tells.
        if (existing.is_file() and (contents.encrypted or existing.stat().st_size == entry.file_size)
                and file_sha256(existing) == sha):
            continue  # the same content is already in the store
        target = staged / sha[:2] / sha
        target.parent.mkdir(parents=True, exist_ok=True)
        if member.extract(entry, target, MAX_ATTACHMENT_BYTES) != sha:
            raise DomainError("BACKUP_ENTRY_DAMAGED", field="file", value=member.name, entry=entry.filename)


class _Hashing:
    """A writer that hashes what goes through it."""

    def __init__(self, dst: IO[bytes]) -> None:
        self.dst, self.digest = dst, hashlib.sha256()

    def write(self, data: bytes) -> int:
        self.digest.update(data)
        return self.dst.write(data)


class _Members:
    """Extracts members of one backup into new private files, never writing more in all than the
    backup declared (``budget``): a clear entry no more than its header's size, an encrypted one no
    more than what is left of the manifest's ``plain_bytes``."""

    def __init__(self, zf: zipfile.ZipFile, name: str, budget: int, key: bytes | None) -> None:
        self.zf, self.name, self.left, self.key = zf, name, budget, key

    def damaged(self, entry: zipfile.ZipInfo) -> DomainError:
        return DomainError("BACKUP_ENTRY_DAMAGED", field="file", value=self.name, entry=entry.filename)

    def extract(self, entry: zipfile.ZipInfo, target: Path, cap: int) -> str:
        """Write one member to ``target`` (at most ``cap`` bytes); the SHA-256 of what was written."""
        limit = min(cap, self.left)
        try:
            with self.zf.open(entry) as src, new_private_file(target) as dst:
                sink = _Hashing(dst)
                if self.key is None:
                    written = self._copy(src, sink, entry)
                else:
                    written = bc.decrypt_fileobj(src, sink, self.key, context=entry.filename.encode(),
                                                 max_bytes=limit, label=self.name)
                dst.flush()
                os.fsync(dst.fileno())
        except DomainError as exc:
            if exc.code == "BACKUP_ENTRY_TOO_LARGE" and limit < cap:
                raise self.damaged(entry) from exc  # more than the manifest declared
            raise
        except OSError as exc:
            if exc.errno == errno.ENOSPC:
                raise
            raise self.damaged(entry) from exc
        except (zipfile.BadZipFile, EOFError, ValueError, zlib.error, RuntimeError) as exc:
            raise self.damaged(entry) from exc
        self.left -= written
        return sink.digest.hexdigest()

    def _copy(self, src: IO[bytes], sink: _Hashing, entry: zipfile.ZipInfo) -> int:
        """A clear member, never more bytes than its header declared."""
        written = 0
        for chunk in iter(lambda: src.read(1 << 20), b""):
            written += len(chunk)
            if written > entry.file_size:
                raise self.damaged(entry)
            sink.write(chunk)
        if written != entry.file_size:
            raise self.damaged(entry)
        return written
