"""Migration 0021: a SQLite office at 0020 upgrades with its attachment rows untouched and an
empty ``attachment_contents`` (a commune keeps its files in its data folder), and downgrades
again. tests/pg/test_pg_attachments.py runs the same on PostgreSQL."""

from __future__ import annotations

from pathlib import Path

from attachment_migration_helpers import check_0021_upgrade_and_downgrade

from thidua_desktop.db import Database


def test_0021_on_a_sqlite_file(tmp_path: Path) -> None:
    db = Database(f"sqlite:///{tmp_path / 'old.sqlite'}")
    try:
        check_0021_upgrade_and_downgrade(db.engine)
    finally:
        db.dispose()
