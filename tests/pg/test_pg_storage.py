"""What only a SQLite file has (a database key, PRAGMAs, the backup API, the file swap of a
restore) is skipped or refused in words for an office on PostgreSQL, never half done."""

from __future__ import annotations

from pathlib import Path

import pytest

from thidua_desktop.bootstrap import App
from thidua_desktop.domain.errors import DomainError
from thidua_desktop.services.maintenance import restore_backup
from thidua_desktop.services.people import PersonInput

pytestmark = pytest.mark.postgres


def test_the_integrity_check_runs_on_the_server(pg_province: App) -> None:
    pg_province.people.create(PersonInput("Nông Văn An", "male"))
    report = pg_province.maintenance.check()
    assert report.ok, report.problems


def test_app_backups_and_restores_are_refused_and_write_no_file(pg_province: App, tmp_path: Path) -> None:
    """The server's own tools back it up (pg_dump). A restore must not quietly write a SQLite
    file into the data folder and report success while the office keeps reading the server."""
    folder = pg_province.paths.data_dir
    with pytest.raises(DomainError) as err:
        pg_province.maintenance.backup(tmp_path / "sao-luu.zip")
    assert err.value.code == "BACKUP_SQLITE_ONLY"
    backup = tmp_path / "from-a-commune.zip"
    backup.write_bytes(b"PK\x05\x06" + b"\0" * 18)  # refused before the file is even read
    for attempt in (lambda: pg_province.restore_from(backup), lambda: restore_backup(backup, pg_province.paths)):
        with pytest.raises(DomainError) as err:
            attempt()
        assert err.value.code == "BACKUP_SQLITE_ONLY"
    assert not (folder / "thidua.sqlite").exists() and not (tmp_path / "sao-luu.zip").exists()
    assert pg_province.people.create(PersonInput("Lý Thị Hoa", "female")).full_name == "Lý Thị Hoa"
