"""A raw DB-API connection to an office's encrypted database, for tests that look under the
services (byte-for-byte comparisons, a second writer holding the lock)."""

from __future__ import annotations

from typing import Any

from thidua_desktop.config import AppPaths
from thidua_desktop.database_key import load_database_key
from thidua_desktop.db import cipher


def connect_office(office: Any, **kwargs: Any) -> Any:
    """``office``: an App, or the AppPaths of a data folder. Keyed like the app keys it."""
    paths: AppPaths = office if isinstance(office, AppPaths) else office.paths
    return cipher.connect(paths.db_file, load_database_key(paths), **kwargs)


def dump_office(office: Any) -> list[str]:
    """Every row of every table, as text: equal lists mean an unchanged database (sqlcipher3's
    connection has no ``iterdump``)."""
    conn = connect_office(office)
    try:
        tables = list(conn.execute("SELECT name, sql FROM sqlite_master WHERE type = 'table' ORDER BY name"))
        # The search index's FTS5 shadow tables include WITHOUT ROWID ones, read in key order.
        lines = [f"{table}: {row!r}" for table, sql in tables
                 for row in conn.execute(f'SELECT * FROM "{table}"' + (
                     "" if "WITHOUT ROWID" in (sql or "").upper() else " ORDER BY rowid"))]
    finally:
        conn.close()
    return lines
