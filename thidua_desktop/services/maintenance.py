"""Integrity checks, backups and restores."""

from __future__ import annotations

import errno
import json
import logging
import os
import shutil
import zipfile
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from pathlib import Path

from .. import __version__
from ..config import AppPaths, resolve_key_folder
from ..db import Database
from ..db import backup_crypto as bc
from ..db import maintenance as low
from ..db.migrate import current_revision, head_revision
from ..db.models import LocalParameter, Office
from ..db.repositories import attachments as attachments_repo
from ..domain.errors import StateError
from ..sync.keys import KeyStore, OfficeKeys, RecoveryKeys, b64d, load_recovery_private
from .attachment_orphans import OrphanReport, PruneResult, find_orphans, prune_orphans
from .attachments import AttachmentStore
from .restore import BACKUP_FORMAT, check_backup, inspect_backup, read_backup_manifest, restore_backup
from .restore import DB_ENTRY as _DB_ENTRY
from .restore import KEYSTORE_ENTRY as _KEYSTORE_ENTRY
from .restore import MANIFEST as _MANIFEST
from .staging import staging_folder

log = logging.getLogger("thidua")


@dataclass
class CheckReport:
    problems: list[tuple[str, str]] = field(default_factory=list)
    counts: dict[str, int] = field(default_factory=dict)

    @property
    def ok(self) -> bool:
        return not self.problems


class MaintenanceService:
    def __init__(self, db: Database, paths: AppPaths, actor: str = "system") -> None:
        self.db = db
        self.paths = paths
        self.actor = actor
        self.store = AttachmentStore(paths.attachments_dir, db)  # a server office's files are in its database

    def write_stamp(self) -> tuple[int, ...] | None:
        """What changes when anyone writes to the office's database (see Database.write_stamp):
        the main window compares it when it is activated, to notice a ``thidua`` command's writes."""
        return self.db.write_stamp()

    def check(self) -> CheckReport:
        report = CheckReport(problems=low.sqlite_problems(self.db.engine))
        revision = current_revision(self.db.engine)
        if revision != head_revision():
            report.problems.append(("SCHEMA_NOT_CURRENT", str(revision)))
        with self.db.reader() as session:
            if session.get(Office, 1) is None:
                report.problems.append(("OFFICE_NOT_INITIALISED", ""))
            hashes = attachments_repo.live_hashes(session)
        # Each content once, in bulk (a server hashes its stored files in a few queries); every
        # row naming a damaged or missing one is reported, by its table, never its record.
        problems = self.store.verify_many(hashes)
        for sha, owners in hashes.items():
            if sha in problems:
                report.problems += [(problems[sha], f"{sha[:12]}… ({owner})") for owner in owners]
        report.counts["attachments"] = sum(len(owners) for owners in hashes.values())
        orphans = find_orphans(self.db, self.store)  # not a problem: space a prune can give back
        report.counts.update(orphans=orphans.count, orphan_bytes=orphans.size,
                             orphans_ready=orphans.ready_count, orphan_ready_bytes=orphans.ready_size)
        return report

    def unreferenced_attachments(self) -> OrphanReport:
        """The attached contents nothing names any more, and how many a prune removes now."""
        return find_orphans(self.db, self.store)

    def prune_attachments(self, now: datetime | None = None) -> PruneResult:
        """Remove the attached contents no row names, live or deleted, seen so for 24 hours
        (services/attachment_orphans.py); an admin's action on an office with accounts."""
        return prune_orphans(self.db, self.store, self.actor, now)

    def backup(self, out: Path) -> Path:
        """A zip with a manifest, a consistent copy of the database and every attachment, each
        encrypted under a fresh data key sealed to this office's key and the province's recovery
        key (format 2, db/backup_crypto.py): a lost USB stick holds no readable personal data."""
        if not self.db.is_sqlite:
            raise StateError("BACKUP_SQLITE_ONLY")
        out = out.expanduser()
        out.parent.mkdir(parents=True, exist_ok=True)
        with self.db.reader() as session:
            office = session.get(Office, 1)
            if office is None:
                raise StateError("OFFICE_NOT_INITIALISED")
            unit_code, epoch = office.unit_code, office.epoch
            recovery = session.get(LocalParameter, "recovery_public")
            recovery_public = recovery.value.get("value") if recovery is not None else None
        store = KeyStore(self.paths.keys_dir, resolve_key_folder())
        # An office not enrolled yet has no keys: made now, as the first bundle export would.
        office_keys = store.load() if store.exists() else store.create()
        key = bc.new_key()
        encryption: dict[str, object] = {"scheme": bc.SCHEME,
                                         "wrapped_keys": bc.seal_key(key, _recipients(office_keys, recovery_public))}
        if self.db.key is not None:
            encryption["database_key"] = bc.seal_database_key(self.db.key, key)
        # The database copy and the zip are built in a private staging folder inside the data
        # folder (removed at the next start if this process is killed), never beside ``out``.
        with staging_folder(self.paths.data_dir, "backup") as tmp:
            copy = tmp / _DB_ENTRY
            low.online_backup(self.db.engine, copy, self.db.key)  # stays encrypted under the office's key
            members = [(copy, _DB_ENTRY)]
            if self.paths.attachments_dir.exists():
                members += [(file, "attachments/" + file.relative_to(self.paths.attachments_dir).as_posix())
                            for file in sorted(self.paths.attachments_dir.rglob("*"))
                            if file.is_file() and not file.name.endswith(".part")]
            partial = tmp / "backup.part"
            with zipfile.ZipFile(partial, "w", compression=zipfile.ZIP_DEFLATED) as zf:
                plain_bytes = 0
                for source, name in members:
                    # Stored, not deflated: the member is compressed before it is encrypted.
                    with source.open("rb") as src, zf.open(zipfile.ZipInfo(name), "w", force_zip64=True) as dst:
                        # An encrypted database's pages do not compress: zlib would only cost time.
                        squeeze = not (name == _DB_ENTRY and self.db.key is not None)
                        plain_bytes += bc.encrypt_fileobj(src, dst, key, context=name.encode(), compress=squeeze)
                # The key store's private keys are sealed under the key-encryption key of this
                # user's config folder, which no backup holds; see restore.KEYSTORE_ENTRY.
                zf.write(store.path, _KEYSTORE_ENTRY)
                # Last, so it can say how much the members expand to (restore checks free space).
                encryption["plain_bytes"] = plain_bytes
                manifest = {"format": "thidua-backup", "format_version": BACKUP_FORMAT, "app_version": __version__,
                            "created_at": datetime.now(UTC).isoformat(timespec="seconds"), "unit_code": unit_code,
                            "epoch": epoch, "schema_revision": current_revision(self.db.engine),
                            "encryption": encryption}
                zf.writestr(_MANIFEST, json.dumps(manifest, ensure_ascii=False, indent=2))
            with partial.open("rb") as fh:
                os.fsync(fh.fileno())
            _move_into_place(partial, out)
        return out

    def scheduled_backup(self, folder: Path, every_days: int, last: date | None, today: date,
                         keep: int = 10) -> Path | None:
        """Back up when the schedule says so; keeps the newest ``keep`` automatic backups."""
        if every_days <= 0 or (last is not None and (today - last).days < every_days):
            return None
        with self.db.reader() as session:
            office = session.get(Office, 1)
            unit = office.unit_code if office else "office"
        out = self.backup(folder / f"thidua-{unit}-{today.isoformat()}.zip")
        automatic = sorted(folder.glob(f"thidua-{unit}-*.zip"))
        for old in automatic[:-keep] if keep > 0 else []:
            old.unlink(missing_ok=True)
        return out


def open_recovery_key(key_file: Path, passphrase: str | None, backup: Path, paths: AppPaths) -> RecoveryKeys:
    """The province's recovery key in ``key_file``, once it is known to open ``backup``: the
    restore screen asks for the key file and keeps asking until one does."""
    keys = load_recovery_private(key_file, passphrase)
    check_backup(backup, paths, keys)
    return keys


def _recipients(office_keys: OfficeKeys, recovery_public: object) -> dict[str, bytes]:
    """Who can open the backup: this office (its key store), and the province with its recovery
    key when the office knows it (a commune learns it from its enrolment file)."""
    recipients = {"office": office_keys.public().box_key}
    if recovery_public:
        try:
            recipients["recovery"] = b64d(recovery_public, 32)
        except ValueError:
            log.warning("the stored recovery_public is malformed; backup sealed to the office key only")
    return recipients


def _move_into_place(partial: Path, out: Path) -> None:
    """Rename when ``out`` is on the data folder's disk; else copy to a hidden name beside it
    (removed on failure) and rename that, so ``out`` is either complete or absent."""
    try:
        os.replace(partial, out)
        return
    except OSError as exc:
        if exc.errno != errno.EXDEV:
            raise
    hidden = out.with_name(f".{out.name}.part")
    try:
        with partial.open("rb") as src, hidden.open("wb") as dst:
            shutil.copyfileobj(src, dst, 1 << 20)
            dst.flush()
            os.fsync(dst.fileno())
        os.replace(hidden, out)
    except BaseException:
        hidden.unlink(missing_ok=True)
        raise


__all__ = ["BACKUP_FORMAT", "CheckReport", "MaintenanceService", "check_backup", "inspect_backup",
           "read_backup_manifest", "restore_backup"]
