"""Low-level SQLite work: integrity checks, online backup, and recognising our own files."""

from __future__ import annotations

import os
import sqlite3
from collections.abc import Callable
from pathlib import Path

from sqlalchemy import Engine, text

# Written into the SQLite header (PRAGMA application_id) so a restore can tell our files apart.
APPLICATION_ID = 0x54445431  # "TDT1"
MAX_EPOCH = 1_000_000_000  # far beyond any real count of restores; bigger values come from a forged file


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


def sqlite_file(engine: Engine) -> Path | None:
    """The file behind a SQLite engine (None for PostgreSQL or an in-memory database)."""
    database = engine.url.database
    if engine.dialect.name != "sqlite" or not database or database == ":memory:":
        return None
    return Path(database)


def fsync_dir(folder: Path) -> None:
    """Make a rename in ``folder`` durable (POSIX; Windows has no directory handle to sync)."""
    if os.name == "nt":
        return
    fd = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def fsync_file(path: Path) -> None:
    with path.open("rb") as fh:
        os.fsync(fh.fileno())


def read_epoch(path: Path) -> int:
    """The office's epoch stored in ``path``; 0 when the file is missing, damaged or not ours."""
    if not path.is_file():
        return 0
    try:
        # Not mode=ro: a read-only connection to a WAL database leaves -wal and -shm behind.
        conn = sqlite3.connect(str(path), timeout=5)
    except sqlite3.Error:
        return 0
    try:
        conn.execute("PRAGMA query_only=1")
        row = conn.execute("SELECT epoch FROM office WHERE id = 1").fetchone()
    except sqlite3.Error:
        return 0
    finally:
        conn.close()
    epoch = row[0] if row else 0
    return epoch if isinstance(epoch, int) and 0 < epoch < MAX_EPOCH else 0


def write_epoch(path: Path, epoch: int) -> None:
    """Store ``epoch`` in the staged copy ``path`` (one transaction, rollback journal, fsynced).

    Done on the copy before it replaces the live file, so restored data is never seen under its
    old epoch, whatever moment the process is killed at."""
    conn = sqlite3.connect(str(path), isolation_level=None)
    try:
        conn.execute("PRAGMA journal_mode=DELETE")
        conn.execute("PRAGMA synchronous=FULL")
        conn.execute("BEGIN IMMEDIATE")
        if conn.execute("UPDATE office SET epoch = ? WHERE id = 1", (epoch,)).rowcount != 1:
            conn.execute("ROLLBACK")
            raise LookupError("the staged copy has no office row")
        conn.execute("COMMIT")
    finally:
        conn.close()
    fsync_file(path)


def office_state(conn: sqlite3.Connection) -> tuple[object, ...]:
    """What changes whenever anything is written: the office row (counters, clock) and the newest
    audit entry. Equal states mean nobody wrote in between."""
    office = conn.execute("SELECT * FROM office WHERE id = 1").fetchone()
    audit = conn.execute("SELECT max(rowid) FROM audit_log").fetchone()
    return (tuple(office) if office else None, audit[0] if audit else None)


def read_office_state(path: Path) -> tuple[object, ...]:
    conn = sqlite3.connect(f"file:{path.as_posix()}?mode=ro", uri=True)
    try:
        return office_state(conn)
    finally:
        conn.close()


class DatabaseInUse(Exception):
    """Another connection (a window, another command) has the database open."""


def _busy(exc: sqlite3.Error) -> bool:
    return getattr(exc, "sqlite_errorname", "") in {"SQLITE_BUSY", "SQLITE_LOCKED"} or "locked" in str(exc)


def _to_rollback_journal(conn: sqlite3.Connection, path: Path) -> None:
    """Fold any WAL (even one a killed process left) into the file. SQLite refuses to leave WAL
    mode while another connection has the file open, which is how "in use" is detected."""
    mode = conn.execute("PRAGMA journal_mode=DELETE").fetchone()[0]
    if str(mode).lower() != "delete":
        raise DatabaseInUse(path.name)


def _settle_staged(staged: Path) -> None:
    conn = sqlite3.connect(str(staged), isolation_level=None)
    try:
        _to_rollback_journal(conn, staged)
    finally:
        conn.close()
    fsync_file(staged)


def _lock_live(live: Path, guard: Callable[[sqlite3.Connection], None] | None) -> sqlite3.Connection | None:
    """The live file held with an exclusive lock, or None when it is missing or damaged (then
    there is nothing in it to keep, unless ``guard`` needs to look at it)."""
    if not live.exists():
        return None
    conn = sqlite3.connect(str(live), isolation_level=None, timeout=5)
    try:
        _to_rollback_journal(conn, live)
        conn.execute("BEGIN EXCLUSIVE")
        if guard is not None:
            guard(conn)
        return conn
    except sqlite3.Error as exc:
        conn.close()
        if _busy(exc):
            raise DatabaseInUse(live.name) from exc
        if guard is not None:
            raise
        return None
    except BaseException:
        conn.close()
        raise


def swap_into_place(staged: Path, live: Path, guard: Callable[[sqlite3.Connection], None] | None = None) -> None:
    """Replace the live database file by ``staged`` (same folder) with one os.replace.

    Both files are first brought to rollback-journal mode, so each is complete in itself; the
    live one is then held with an exclusive lock across the rename, so nobody reads or writes it
    half-swapped. No -wal or -shm is left beside the new file (SQLite would replay a stale WAL
    into the wrong database). ``guard`` runs under that lock and may raise to call the swap off."""
    _settle_staged(staged)
    conn = _lock_live(live, guard)
    try:
        for suffix in ("-wal", "-shm", "-journal"):
            Path(f"{live}{suffix}").unlink(missing_ok=True)
        if conn is not None and os.name == "nt":  # Windows cannot rename over an open file
            conn.close()
            conn = None
        os.replace(staged, live)
        fsync_dir(live.parent)
    finally:
        if conn is not None:
            conn.close()
