"""Run Alembic migrations at start-up (and in tests) without an alembic.ini.

The usual start finds the database at the head revision. That is decided by reading the
revision ids from the migration files' ``revision = ...`` lines and one query of the stored
revision, without importing Alembic at all: loading Alembic (and its script directory) cost
about a tenth of a second of every start (issue 15). Alembic is imported only when a migration
is due."""

from __future__ import annotations

import re
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy import Engine, inspect, text

from . import search_index

if TYPE_CHECKING:
    from alembic.config import Config

MIGRATIONS_DIR = Path(__file__).resolve().parent / "migrations"
VERSION_TABLE = "alembic_version"

# The two lines every migration file carries (Alembic's template writes them this way).
_REVISION = re.compile(r"^revision(?:\s*:\s*[^=]+)?\s*=\s*['\"]([^'\"]+)['\"]", re.MULTILINE)
_DOWN = re.compile(r"^down_revision(?:\s*:\s*[^=]+)?\s*=\s*(.+)$", re.MULTILINE)


def _config() -> Config:
    from alembic.config import Config

    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS_DIR))
    return cfg


@cache
def _revisions() -> dict[str, tuple[str, ...]]:
    """Each revision id with the ids it follows, read from the migration files' text."""
    found: dict[str, tuple[str, ...]] = {}
    for path in sorted((MIGRATIONS_DIR / "versions").glob("*.py")):
        source = path.read_text(encoding="utf-8")
        revision = _REVISION.search(source)
        if revision is None:
            continue  # __init__.py
        down = _DOWN.search(source)
        found[revision.group(1)] = tuple(re.findall(r"['\"]([^'\"]+)['\"]", down.group(1))) if down else ()
    return found


def head_revision() -> str:
    """The one revision no other revision follows (a linear history has exactly one)."""
    revisions = _revisions()
    followed = {down for downs in revisions.values() for down in downs}
    heads = [rev for rev in revisions if rev not in followed]
    if len(heads) != 1:
        raise RuntimeError(f"the migrations have {len(heads)} heads: {sorted(heads)}")
    return heads[0]


def current_revision(engine: Engine) -> str | None:
    """The revision stored in the database, None for a database never migrated (one query)."""
    with engine.connect() as conn:
        if not inspect(conn).has_table(VERSION_TABLE):
            return None
        return conn.execute(text(f"SELECT version_num FROM {VERSION_TABLE}")).scalar()


def upgrade(engine: Engine, revision: str = "head") -> None:
    """Migrate to ``revision`` in one transaction.

    SQLite rebuilds tables for many ALTERs ("batch" mode); foreign keys must be off while it
    does, and that pragma only works outside a transaction. They are checked before commit."""
    if revision == "head" and current_revision(engine) == head_revision():
        return  # nothing to do: the usual start, without importing Alembic
    from alembic import command

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
                if revision == "head":
                    # A migration that rebuilt people or collectives (SQLite batch mode) dropped the
                    # search index's triggers and renumbered the rows: made again and rebuilt.
                    search_index.ensure(conn)
                if sqlite:
                    broken = conn.exec_driver_sql("PRAGMA foreign_key_check").all()
                    if broken:
                        raise RuntimeError(f"migration broke {len(broken)} foreign keys")
        finally:
            if sqlite:
                raw.execute("PRAGMA foreign_keys=ON")  # type: ignore[union-attr]  # an open connection has one


def is_known_revision(revision: str | None) -> bool:
    return revision is None or revision in _revisions()


def is_newer_than_app(engine: Engine) -> bool:
    """True when the database was written by a newer app (a revision we do not know)."""
    return not is_known_revision(current_revision(engine))
