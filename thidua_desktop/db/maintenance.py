"""Low-level SQLite work: integrity checks, online backup, and recognising our own files."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from sqlalchemy import Engine, text

# Written into the SQLite header (PRAGMA application_id) so a restore can tell our files apart.
APPLICATION_ID = 0x54445431  # "TDT1"


def mark_application(engine: Engine) -> None:
    if engine.dialect.name != "sqlite":
        return
    with engine.begin() as conn:
        if conn.exec_driver_sql("PRAGMA application_id").scalar() != APPLICATION_ID:
            conn.exec_driver_sql(f"PRAGMA application_id = {APPLICATION_ID}")


def sqlite_problems(engine: Engine) -> list[tuple[str, str]]:
    """(code, detail) for every problem SQLite itself reports."""
    if engine.dialect.name != "sqlite":
        return []
    problems: list[tuple[str, str]] = []
    with engine.connect() as conn:
        for (row,) in conn.execute(text("PRAGMA integrity_check")).all():
            if row != "ok":
                problems.append(("SQLITE_INTEGRITY", str(row)))
        for table, rowid, parent, _fk in conn.execute(text("PRAGMA foreign_key_check")).all():
            problems.append(("FOREIGN_KEY_BROKEN", f"{table} rowid={rowid} -> {parent}"))
    return problems


def online_backup(engine: Engine, target: Path) -> None:
    """A consistent copy of a live SQLite database (SQLite's backup API), fsynced."""
    raw = engine.raw_connection()
    try:
        source = raw.driver_connection
        dest = sqlite3.connect(str(target))
        try:
            source.backup(dest)  # type: ignore[union-attr]
            dest.execute("PRAGMA journal_mode=DELETE")
        finally:
            dest.close()
    finally:
        raw.close()


def inspect_file(path: Path) -> dict[str, object] | None:
    """Header facts of a SQLite file, or None when it is not one of ours or is damaged."""
    try:
        conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    except sqlite3.Error:
        return None
    try:
        if conn.execute("PRAGMA application_id").fetchone()[0] != APPLICATION_ID:
            return None
        if conn.execute("PRAGMA integrity_check").fetchone()[0] != "ok":
            return None
        revision = conn.execute("SELECT version_num FROM alembic_version").fetchone()
        office = conn.execute("SELECT role, unit_code, node_id, epoch FROM office WHERE id = 1").fetchone()
        return {"revision": revision[0] if revision else None,
                "role": office[0] if office else None, "unit_code": office[1] if office else None,
                "node_id": office[2] if office else None, "epoch": office[3] if office else None}
    except sqlite3.Error:
        return None
    finally:
        conn.close()
