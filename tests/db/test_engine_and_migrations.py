"""SQLite pragmas on every connection, migrations to head, and upgrading a saved old database."""

from __future__ import annotations

import shutil
from pathlib import Path

from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy import text

from thidua_desktop.bootstrap import open_app
from thidua_desktop.db import Database
from thidua_desktop.db.migrate import current_revision, head_revision, upgrade
from thidua_desktop.db.models import Base
from thidua_desktop.db.search_index import include_name

DATA = Path(__file__).resolve().parents[1] / "data"


def test_every_connection_gets_wal_full_sync_and_foreign_keys(tmp_path: Path) -> None:
    db = Database(f"sqlite:///{tmp_path / 'x.sqlite'}")
    try:
        for _ in range(3):  # several pooled/new connections
            with db.engine.connect() as conn:
                assert conn.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
                assert conn.exec_driver_sql("PRAGMA synchronous").scalar() == 2  # FULL
                assert conn.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
            db.engine.dispose()
    finally:
        db.dispose()


def test_migrated_schema_matches_the_models(tmp_path: Path) -> None:
    db = Database(f"sqlite:///{tmp_path / 'x.sqlite'}")
    try:
        upgrade(db.engine)
        assert current_revision(db.engine) == head_revision()
        with db.engine.connect() as conn:
            # The word-search index (FTS5 table, its triggers, a covering index) is made by hand.
            context = MigrationContext.configure(conn, opts={"include_name": include_name})
            assert compare_metadata(context, Base.metadata) == []
    finally:
        db.dispose()


def test_database_saved_at_first_revision_upgrades_and_keeps_its_data(tmp_path: Path) -> None:
    folder = tmp_path / "office"
    folder.mkdir()
    shutil.copy(DATA / "db-rev0001.sqlite", folder / "thidua.sqlite")
    db = Database(f"sqlite:///{folder / 'thidua.sqlite'}")
    assert current_revision(db.engine) == "0001"
    db.dispose()

    app = open_app(folder)  # start-up runs the pending migrations
    try:
        assert current_revision(app.db.engine) == head_revision()
        people = {p.full_name: p for p in app.people.search("").rows}
        assert set(people) == {"Nông Văn An", "Nguyễn Thị Bình"}
        # 0002 backfilled the minority flag from the ethnicity code: Tày (02) yes, Kinh (01) no.
        assert people["Nông Văn An"].is_ethnic_minority is True
        assert people["Nguyễn Thị Bình"].is_ethnic_minority is False
        assert app.office.office().unit_code == "01576"
        with app.db.engine.connect() as conn:
            assert conn.execute(text("SELECT is_border FROM villages")).scalar() in (0, False)
    finally:
        app.close()


def test_a_database_from_a_newer_app_is_refused(tmp_path: Path) -> None:
    import pytest

    from thidua_desktop.domain.errors import DomainError

    app = open_app(tmp_path)
    with app.db.engine.begin() as conn:
        conn.execute(text("UPDATE alembic_version SET version_num = '9999'"))
    app.close()
    with pytest.raises(DomainError) as err:
        open_app(tmp_path)
    assert err.value.code == "DATABASE_TOO_NEW"
