"""Low-level SQLite work: integrity checks, online backup, and recognising our own files."""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, text

from . import cipher
from .cipher import DB_ERRORS

# A DB-API connection of either driver (sqlite3, or sqlcipher3 for an encrypted office file).
Connection = Any

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


def online_backup(engine: Engine, target: Path, key: bytes | None = None) -> None:
    """A consistent copy of a live SQLite database (SQLite's backup API), fsynced. ``key``: the
    live file's SQLCipher key; the copy is encrypted under the same key (never written plain)."""
    raw = engine.raw_connection()
    try:
        source = raw.driver_connection
        dest = cipher.connect(target, key)
        try:
            source.backup(dest)  # type: ignore[union-attr]  # an open connection has its driver connection
            dest.execute("PRAGMA journal_mode=DELETE")
        finally:
            dest.close()
    finally:
        raw.close()


def inspect_file(path: Path, key: bytes | None = None) -> dict[str, object] | None:
    """Header facts of a SQLite file, or None when it is not one of ours, is damaged, or ``key``
    (its SQLCipher key; None for a plain file) does not open it."""
    try:
        conn = cipher.connect(f"file:{path}?mode=ro", key, uri=True)
    except DB_ERRORS:
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
    except DB_ERRORS:
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


def read_epoch(path: Path, key: bytes | None = None) -> int:
    """The office's epoch stored in ``path``; 0 when the file is missing, damaged, not ours or
    not opened by ``key``."""
    if not path.is_file():
        return 0
    try:
        # Not mode=ro: a read-only connection to a WAL database leaves -wal and -shm behind.
        conn = cipher.connect(path, cipher.key_for(path, key), timeout=5)
    except DB_ERRORS:
        return 0
    try:
        conn.execute("PRAGMA query_only=1")
        row = conn.execute("SELECT epoch FROM office WHERE id = 1").fetchone()
    except DB_ERRORS:
        return 0
    finally:
        conn.close()
    epoch = row[0] if row else 0
    return epoch if isinstance(epoch, int) and 0 < epoch < MAX_EPOCH else 0


def write_epoch(path: Path, epoch: int, key: bytes | None = None) -> None:
    """Store ``epoch`` in the staged copy ``path`` (one transaction, rollback journal, fsynced).

    Done on the copy before it replaces the live file, so restored data is never seen under its
    old epoch, whatever moment the process is killed at."""
    conn = cipher.connect(path, key, isolation_level=None)
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


def office_state(conn: Connection) -> tuple[object, ...]:
    """What changes whenever anything is written: the office row (counters, clock) and the newest
    audit entry. Equal states mean nobody wrote in between."""
    office = conn.execute("SELECT * FROM office WHERE id = 1").fetchone()
    audit = conn.execute("SELECT max(rowid) FROM audit_log").fetchone()
    return (tuple(office) if office else None, audit[0] if audit else None)


def read_office_state(path: Path, key: bytes | None = None) -> tuple[object, ...]:
    conn = cipher.connect(f"file:{path.as_posix()}?mode=ro", key, uri=True)
    try:
        return office_state(conn)
    finally:
        conn.close()


class DatabaseInUse(Exception):
    """Another connection (a window, another command) has the database open."""


def _busy(exc: Exception) -> bool:
    return getattr(exc, "sqlite_errorname", "") in {"SQLITE_BUSY", "SQLITE_LOCKED"} or "locked" in str(exc)


def _to_rollback_journal(conn: Connection, path: Path) -> None:
    """Fold any WAL (even one a killed process left) into the file. SQLite refuses to leave WAL
    mode while another connection has the file open, which is how "in use" is detected."""
    mode = conn.execute("PRAGMA journal_mode=DELETE").fetchone()[0]
    if str(mode).lower() != "delete":
        raise DatabaseInUse(path.name)


def _settle_staged(staged: Path, key: bytes | None) -> None:
    conn = cipher.connect(staged, key, isolation_level=None)
    try:
        _to_rollback_journal(conn, staged)
    finally:
        conn.close()
    fsync_file(staged)


def _lock_live(live: Path, guard: Callable[[Connection], None] | None, key: bytes | None) -> Connection | None:
    """The live file held with an exclusive lock, or None when it is missing or damaged (then
    there is nothing in it to keep, unless ``guard`` needs to look at it)."""
    if not live.exists():
        return None
    conn = cipher.connect(live, key, isolation_level=None, timeout=5)
    try:
        _to_rollback_journal(conn, live)
        conn.execute("BEGIN EXCLUSIVE")
        if guard is not None:
            guard(conn)
        return conn
    except DB_ERRORS as exc:
        conn.close()
        if _busy(exc):
            raise DatabaseInUse(live.name) from exc
        if guard is not None:
            raise
        return None
    except BaseException:
        conn.close()
        raise


def swap_into_place(staged: Path, live: Path, guard: Callable[[Connection], None] | None = None,
                    key: bytes | None = None) -> None:
    """Replace the live database file by ``staged`` (same folder) with one os.replace.

    Both files are first brought to rollback-journal mode, so each is complete in itself; the
    live one is then held with an exclusive lock across the rename, so nobody reads or writes it
    half-swapped. No -wal or -shm is left beside the new file (SQLite would replay a stale WAL
    into the wrong database). ``guard`` runs under that lock and may raise to call the swap off.
    ``key`` opens both files (SQLCipher); a plain live file (an older office being encrypted) is
    locked as the plain file it is."""
    _settle_staged(staged, key)
    conn = _lock_live(live, guard, cipher.key_for(live, key))
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
