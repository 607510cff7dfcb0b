"""Integrity checks, backups and restores."""

from __future__ import annotations

import json
import os
import shutil
import tempfile
import zipfile
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from pathlib import Path

from .. import __version__
from ..config import AppPaths
from ..db import Database
from ..db import maintenance as low
from ..db.migrate import current_revision, head_revision, is_known_revision
from ..db.models import Attachment, Office
from ..db.repositories.common import live
from ..domain.errors import DomainError, StateError
from .attachments import AttachmentStore

BACKUP_FORMAT = 1
_DB_ENTRY = "thidua.sqlite"
_MANIFEST = "manifest.json"


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
        self.store = AttachmentStore(paths.attachments_dir)

    def check(self) -> CheckReport:
        report = CheckReport(problems=low.sqlite_problems(self.db.engine))
        revision = current_revision(self.db.engine)
        if revision != head_revision():
            report.problems.append(("SCHEMA_NOT_CURRENT", str(revision)))
        with self.db.reader() as session:
            if session.get(Office, 1) is None:
                report.problems.append(("OFFICE_NOT_INITIALISED", ""))
            attachments = session.scalars(live(Attachment)).all()
            for att in attachments:
                problem = self.store.verify(att.sha256)
                if problem:
                    report.problems.append((problem, f"{att.sha256[:12]}… ({att.owner_table})"))
            report.counts["attachments"] = len(attachments)
        return report

    def backup(self, out: Path) -> Path:
        """A zip with a manifest, a consistent copy of the database and every attachment."""
        if not self.db.is_sqlite:
            raise StateError("BACKUP_SQLITE_ONLY")
        out = out.expanduser()
        out.parent.mkdir(parents=True, exist_ok=True)
        with self.db.reader() as session:
            office = session.get(Office, 1)
            if office is None:
                raise StateError("OFFICE_NOT_INITIALISED")
            unit_code, epoch = office.unit_code, office.epoch
        with tempfile.TemporaryDirectory(dir=out.parent) as tmp:
            copy = Path(tmp) / _DB_ENTRY
            low.online_backup(self.db.engine, copy)
            manifest = {"format": "thidua-backup", "format_version": BACKUP_FORMAT, "app_version": __version__,
                        "created_at": datetime.now(UTC).isoformat(timespec="seconds"), "unit_code": unit_code,
                        "epoch": epoch, "schema_revision": current_revision(self.db.engine)}
            partial = Path(tmp) / "backup.part"
            with zipfile.ZipFile(partial, "w", compression=zipfile.ZIP_DEFLATED) as zf:
                zf.writestr(_MANIFEST, json.dumps(manifest, ensure_ascii=False, indent=2))
                zf.write(copy, _DB_ENTRY)
                if self.paths.attachments_dir.exists():
                    for file in sorted(self.paths.attachments_dir.rglob("*")):
                        if file.is_file() and not file.name.endswith(".part"):
                            zf.write(file, "attachments/" + file.relative_to(self.paths.attachments_dir).as_posix())
            with partial.open("rb") as fh:
                os.fsync(fh.fileno())
            os.replace(partial, out)
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


def read_backup_manifest(path: Path) -> dict[str, object]:
    """The manifest of one of our backups, or DomainError("BACKUP_NOT_OURS" | "BACKUP_TOO_NEW")."""
    if not path.is_file() or not zipfile.is_zipfile(path):
        raise DomainError("BACKUP_NOT_OURS", field="file", value=path.name)
    try:
        with zipfile.ZipFile(path) as zf:
            manifest = json.loads(zf.read(_MANIFEST).decode("utf-8"))
            names = zf.namelist()
    except (KeyError, ValueError, zipfile.BadZipFile, OSError) as exc:
        raise DomainError("BACKUP_NOT_OURS", field="file", value=path.name) from exc
    if manifest.get("format") != "thidua-backup" or _DB_ENTRY not in names:
        raise DomainError("BACKUP_NOT_OURS", field="file", value=path.name)
    if int(manifest.get("format_version", 0)) > BACKUP_FORMAT:
        raise DomainError("BACKUP_TOO_NEW", field="file", value=path.name)
    for name in names:
        if name.startswith("/") or ".." in Path(name).parts or "\\" in name:
            raise DomainError("BACKUP_UNSAFE_PATH", field="file", value=name)
    return manifest


def restore_backup(path: Path, paths: AppPaths) -> dict[str, object]:
    """Replace the office's database and attachments with a backup, then start a new epoch.

    The caller must have closed every connection to the current database first."""
    manifest = read_backup_manifest(path)
    paths.data_dir.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(dir=paths.data_dir) as tmp:
        staged = Path(tmp) / _DB_ENTRY
        with zipfile.ZipFile(path) as zf:
            with zf.open(_DB_ENTRY) as src, staged.open("wb") as dst:
                shutil.copyfileobj(src, dst)
            info = low.inspect_file(staged)
            if info is None:
                raise DomainError("BACKUP_NOT_OURS", field="file", value=path.name)
            if not is_known_revision(info.get("revision")):  # type: ignore[arg-type]
                raise DomainError("BACKUP_TOO_NEW", field="file", value=path.name)
            for name in zf.namelist():
                if name.startswith("attachments/") and not name.endswith("/"):
                    target = paths.attachments_dir / Path(name).relative_to("attachments")
                    if not target.exists():
                        target.parent.mkdir(parents=True, exist_ok=True)
                        with zf.open(name) as src, target.open("wb") as dst:
                            shutil.copyfileobj(src, dst)
        for suffix in ("-wal", "-shm"):
            Path(str(paths.db_file) + suffix).unlink(missing_ok=True)
        os.replace(staged, paths.db_file)
    db = Database(f"sqlite:///{paths.db_file.as_posix()}")
    try:
        # A restored copy must never reuse the counters it had: a new epoch (see docs/sync-format.md).
        with db.transaction("restore") as session:
            office = session.get(Office, 1)
            if office is None:
                raise DomainError("BACKUP_NOT_OURS", field="file", value=path.name)
            office.epoch = (office.epoch or 1) + 1
            new_epoch = office.epoch
    finally:
        db.dispose()
    return {**manifest, "new_epoch": new_epoch}
