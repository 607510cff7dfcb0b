"""Run Alembic migrations at start-up (and in tests) without an alembic.ini."""

from __future__ import annotations

from functools import cache
from pathlib import Path

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import Engine

MIGRATIONS_DIR = Path(__file__).resolve().parent / "migrations"


def _config() -> Config:
    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS_DIR))
    return cfg


@cache
def _scripts() -> ScriptDirectory:
    """The migration scripts, read once per process: Alembic compiles every script file each
    time it builds a ScriptDirectory, which cost a tenth of a second at each start."""
    return ScriptDirectory.from_config(_config())


def head_revision() -> str:
    head = _scripts().get_current_head()
    assert head is not None
    return head


def current_revision(engine: Engine) -> str | None:
    with engine.connect() as conn:
        return MigrationContext.configure(conn).get_current_revision()


def upgrade(engine: Engine, revision: str = "head") -> None:
    """Migrate to ``revision`` in one transaction.

    SQLite rebuilds tables for many ALTERs ("batch" mode); foreign keys must be off while it
    does, and that pragma only works outside a transaction. They are checked before commit."""
    if revision == "head" and current_revision(engine) == head_revision():
        return  # nothing to do: the usual start, without loading Alembic's environment
    cfg = _config()
    with engine.connect() as conn:
        sqlite = engine.dialect.name == "sqlite"
        raw = conn.connection.driver_connection
        if sqlite:
            raw.execute("PRAGMA foreign_keys=OFF")  # type: ignore[union-attr]  # an open connection has one
        try:
            with conn.begin():
                cfg.attributes["connection"] = conn
                command.upgrade(cfg, revision)
                if sqlite:
                    broken = conn.exec_driver_sql("PRAGMA foreign_key_check").all()
                    if broken:
                        raise RuntimeError(f"migration broke {len(broken)} foreign keys")
        finally:
            if sqlite:
                raw.execute("PRAGMA foreign_keys=ON")  # type: ignore[union-attr]  # an open connection has one


def is_known_revision(revision: str | None) -> bool:
    if revision is None:
        return True
    try:
        return _scripts().get_revision(revision) is not None
    except Exception:  # alembic raises several types for an unknown id
        return False


def is_newer_than_app(engine: Engine) -> bool:
    """True when the database was written by a newer app (a revision we do not know)."""
    return not is_known_revision(current_revision(engine))
