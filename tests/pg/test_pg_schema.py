"""Every migration runs on PostgreSQL, and the schema they build is the one the models declare:
types, booleans, the "C" collation of the sort keys, the partial unique index on CCCD."""

from __future__ import annotations

import pytest
from alembic import command
from alembic.autogenerate import compare_metadata
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from sqlalchemy import Boolean, Engine, String, inspect, text
from sqlalchemy.dialects import postgresql

from thidua_desktop.db.engine import make_engine
from thidua_desktop.db.migrate import MIGRATIONS_DIR, current_revision, head_revision, upgrade
from thidua_desktop.db.models import Base
from thidua_desktop.db.search_index import include_name

pytestmark = pytest.mark.postgres


def _schema_diff(engine: Engine) -> list[object]:
    with engine.connect() as conn:
        # The pg_trgm index of the word search is made by hand (db/search_index.py).
        context = MigrationContext.configure(conn, opts={"compare_type": True, "include_name": include_name})
        return list(compare_metadata(context, Base.metadata))


def _c_collated_in_models() -> set[tuple[str, str]]:
    """(table, column) of every column the models want in the "C" collation on PostgreSQL."""
    dialect = postgresql.dialect()  # type: ignore[no-untyped-call]
    out = set()
    for table in Base.metadata.tables.values():
        for column in table.columns:
            impl = column.type.dialect_impl(dialect)
            if isinstance(impl, String) and impl.collation == "C":
                out.add((table.name, column.name))
    return out


def _columns_of_type(engine: Engine, data_type: str) -> set[tuple[str, str]]:
    with engine.connect() as conn:
        rows = conn.execute(text("SELECT table_name, column_name FROM information_schema.columns "
                                 "WHERE table_schema = 'public' AND data_type = :t"), {"t": data_type}).all()
    return {(str(t), str(c)) for t, c in rows}


def _c_collated_in_database(engine: Engine) -> set[tuple[str, str]]:
    with engine.connect() as conn:
        rows = conn.execute(text("SELECT table_name, column_name FROM information_schema.columns "
                                 "WHERE table_schema = 'public' AND collation_name = 'C'")).all()
    return {(str(t), str(c)) for t, c in rows}


def test_migrations_build_the_models_schema_on_an_empty_database(pg_empty_database: str) -> None:
    engine = make_engine(pg_empty_database)
    try:
        assert current_revision(engine) is None
        upgrade(engine)
        assert current_revision(engine) == head_revision()
        assert _schema_diff(engine) == []
        # compare_metadata does not look at collations: the sort keys are checked here.
        wanted = _c_collated_in_models()
        assert {("people", "sort_key"), ("collectives", "sort_key")} <= wanted
        assert _c_collated_in_database(engine) == wanted
        # Booleans are real booleans (SQLite keeps 0/1): the partial index and raw SQL rely on it.
        assert _columns_of_type(engine, "boolean") == {
            (t.name, c.name) for t in Base.metadata.tables.values() for c in t.columns if isinstance(c.type, Boolean)}
        with engine.connect() as conn:
            definition = conn.execute(text(
                "SELECT indexdef FROM pg_indexes WHERE indexname = 'uq_people_cccd_live'")).scalar()
        assert definition is not None and "UNIQUE" in definition
        assert "WHERE ((cccd IS NOT NULL) AND (deleted = false))" in definition
    finally:
        engine.dispose()


def test_data_migrations_run_on_postgresql_rows(pg_empty_database: str) -> None:
    """0002 fills is_ethnic_minority from the ethnicity (a boolean expression on PostgreSQL, 0/1 on
    SQLite) and 0007 the direction of an indicator: run each over real rows, then downgrade to
    nothing and up again (every downgrade runs too)."""
    engine = make_engine(pg_empty_database)
    try:
        upgrade(engine, "0001")
        with engine.begin() as conn:
            for pid, code in (("p-kinh", "01"), ("p-tay", "02"), ("p-none", None)):
                conn.execute(text(
                    "INSERT INTO people (id, full_name, family_name, middle_name, given_name, search_key, sort_key,"
                    " gender, ethnicity_code, phone, position, workplace, address, is_direct_worker, notes,"
                    " origin_node, origin_epoch, version, clock, updated_at, deleted) VALUES (:id, 'A', '', '', 'A',"
                    " 'a', 'a', 'male', :code, '', '', '', '', false, '', '', 0, 0, 0, now(), false)"),
                    {"id": pid, "code": code})
        upgrade(engine)
        with engine.connect() as conn:
            flags = dict(conn.execute(text("SELECT id, is_ethnic_minority FROM people")).all())
        assert flags == {"p-kinh": False, "p-tay": True, "p-none": False}
        with engine.begin() as conn:
            conn.execute(text("DELETE FROM people"))
        cfg = Config()
        cfg.set_main_option("script_location", str(MIGRATIONS_DIR))
        with engine.begin() as conn:
            cfg.attributes["connection"] = conn
            command.downgrade(cfg, "base")
        assert current_revision(engine) is None
        assert inspect(engine).get_table_names() == ["alembic_version"]
        upgrade(engine)
        assert _schema_diff(engine) == []
    finally:
        engine.dispose()
