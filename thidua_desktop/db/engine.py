"""Engines and sessions. SQLite gets WAL, synchronous=FULL, foreign keys and a busy timeout on every
connection; PostgreSQL (the provincial office's shared server) is used as given, with the same
one-writer-at-a-time rule (below).

Several writers share one SQLite file: the GUI, a ``thidua`` command run beside it, two imports
started at once. A write transaction therefore starts with ``BEGIN IMMEDIATE``: it takes the write
lock first and waits (up to the busy timeout) for another writer to finish. A deferred ``BEGIN``
that reads and later writes would instead fail at once with "database is locked" when someone else
wrote in between (SQLite does not wait on a read-to-write lock upgrade, whatever the timeout).
Readers keep a deferred ``BEGIN`` and never wait for writers (WAL).

On PostgreSQL a write transaction first takes a transaction-scoped advisory lock, waiting at most
the same timeout (``lock_timeout``). Without it two officers' saves run together: both read the
office's change counter before either commits and stamp their rows with the same version, or the
one stamped first commits last, after a bundle acknowledged the higher number, and a peer never
receives it (stamping.py, sync_rows.py). With it, versions are handed out in commit order, as on
SQLite. This relies on READ COMMITTED (PostgreSQL's default): every statement after the lock sees
what the previous writer committed. Readers never take it (MVCC)."""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from functools import partial
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, create_engine, event, text
from sqlalchemy.engine import make_url
from sqlalchemy.exc import OperationalError, SQLAlchemyError
from sqlalchemy.orm import Session, sessionmaker
from sqlalchemy.pool import QueuePool

from ..domain.errors import DomainError, StateError
from . import cipher, stamping

DEFAULT_BUSY_TIMEOUT_MS = 10_000
# Tests (and an impatient deployment) shorten the wait without touching the code.
BUSY_TIMEOUT_ENV = "THIDUA_DB_BUSY_TIMEOUT_MS"
_WRITE_OPTION = "thidua_write"  # execution option: this connection's transactions write
_BUSY_TEXTS = ("database is locked", "database table is locked", "database is busy")
# PostgreSQL's lock_not_available: lock_timeout ran out while waiting for the write lock.
_BUSY_SQLSTATES = frozenset({"55P03"})
# The advisory lock every PostgreSQL write transaction holds ("TDT1", as maintenance.APPLICATION_ID);
# advisory locks are per database, so two offices' databases on one server never wait for each other.
PG_WRITE_LOCK = 0x54445431
# What a server database's write stamp reads (Database.write_stamp): one round trip.
_SERVER_STAMP = text("SELECT (SELECT change_counter FROM office WHERE id = 1), "
                     "(SELECT clock FROM office WHERE id = 1), (SELECT max(id) FROM audit_log)")

# A shorter wait for one caller (the GUI thread retries a few short waits instead of freezing for
# one long one); None means the database's own timeout.
_wait_override: ContextVar[int | None] = ContextVar("thidua_busy_wait_ms", default=None)


class BusyScope:
    """What happened inside one :func:`busy_wait` block: how many transactions committed. A caller
    may retry a busy action only when none did (else the retry would do the first part twice)."""

    def __init__(self) -> None:
        self.commits = 0


_scope: ContextVar[BusyScope | None] = ContextVar("thidua_busy_scope", default=None)


class DatabaseBusy(StateError):
    """Another window or command held the write lock for longer than we waited. Nothing was written."""

    def __init__(self) -> None:
        super().__init__("DATABASE_BUSY")


def busy_timeout_ms(given: int | None = None) -> int:
    if given is not None:
        return max(0, int(given))
    raw = os.environ.get(BUSY_TIMEOUT_ENV, "").strip()
    return max(0, int(raw)) if raw.isdigit() else DEFAULT_BUSY_TIMEOUT_MS


@contextmanager
def busy_wait(milliseconds: int | None) -> Iterator[BusyScope]:
    """Within the block, transactions begun in this thread wait at most ``milliseconds`` for the lock."""
    scope = BusyScope()
    token, scope_token = _wait_override.set(milliseconds), _scope.set(scope)
    try:
        yield scope
    finally:
        _scope.reset(scope_token)
        _wait_override.reset(token)


def is_busy_error(exc: BaseException) -> bool:
    """True for SQLite's "database is locked" (SQLITE_BUSY / SQLITE_LOCKED) and PostgreSQL's lock
    timeout, wrapped or not."""
    orig = getattr(exc, "orig", None) or exc
    if getattr(orig, "sqlstate", None) in _BUSY_SQLSTATES:
        return True
    text = str(orig).lower()
    return any(t in text for t in _BUSY_TEXTS)


PAGE_CACHE_KIB = 16 * 1024
WAL_CHECKPOINT_PAGES = 16384  # pages of 4 KB


def _sqlite_on_connect(timeout_ms: int, dbapi_connection: Any, _record: Any) -> None:
    # Let SQLAlchemy emit BEGIN itself (pysqlite's implicit transactions break atomicity).
    dbapi_connection.isolation_level = None
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA synchronous=FULL")
    cursor.execute("PRAGMA foreign_keys=ON")
    # A row an INSERT OR REPLACE pushes out fires its DELETE triggers only with this on: the word
    # search index (db/search_index.py) must hear of it, whatever writer replaced the row.
    cursor.execute("PRAGMA recursive_triggers=ON")
    cursor.execute(f"PRAGMA busy_timeout={int(timeout_ms)}")
    # A 16 MB page cache (the default is 2 MB) for as long as the connection lives: a bundle
    # inserts into indexes keyed by names and CCCDs, and with the default cache every insert read
    # its pages back (and decrypted them) again; kept between imports, a province importing one
    # commune after another finds them still there. Bounded per connection.
    cursor.execute(f"PRAGMA cache_size=-{PAGE_CACHE_KIB}")
    # Copy the write-ahead log into the database once it holds 64 MB, not 4 MB: a province import
    # commits about 16 MB, so with the default every import was copied at its commit, and an index
    # page changed by five imports in a row was written to the database five times, not once.
    # Each commit is still synced to disk before it returns (synchronous=FULL).
    cursor.execute(f"PRAGMA wal_autocheckpoint={WAL_CHECKPOINT_PAGES}")
    cursor.close()
    _record.info["busy_timeout_ms"] = _record.info["default_busy_timeout_ms"] = int(timeout_ms)


def _sqlite_on_begin(conn: Any) -> None:
    wanted = _wait_override.get()
    info = conn.info
    wanted = info.get("default_busy_timeout_ms") if wanted is None else wanted
    if wanted is not None and info.get("busy_timeout_ms") != wanted:
        conn.exec_driver_sql(f"PRAGMA busy_timeout={int(wanted)}")
        info["busy_timeout_ms"] = wanted
    write = bool(conn.get_execution_options().get(_WRITE_OPTION))
    conn.exec_driver_sql("BEGIN IMMEDIATE" if write else "BEGIN")


def _postgres_on_begin(timeout_ms: int, conn: Any) -> None:
    if not conn.get_execution_options().get(_WRITE_OPTION):
        return
    wanted = _wait_override.get()
    # lock_timeout 0 would mean "wait for ever": the shortest wait is 1 ms.
    wait = max(1, int(timeout_ms if wanted is None else wanted))
    conn.exec_driver_sql(f"SET LOCAL lock_timeout = {wait}")
    conn.exec_driver_sql(f"SELECT pg_advisory_xact_lock({PG_WRITE_LOCK})")


def make_engine(url: str, *, busy_timeout: int | None = None, key: bytes | None = None, **kwargs: Any) -> Engine:
    """An engine for ``url``; ``busy_timeout`` (ms, default 10 s or $THIDUA_DB_BUSY_TIMEOUT_MS) is how
    long a writer waits for another one, on SQLite and on PostgreSQL. ``key``: the file is encrypted with SQLCipher
    (db/cipher.py) under this 32-byte key."""
    target: Any = url
    if key is not None:
        parsed = make_url(url)
        if parsed.get_backend_name() != "sqlite":
            raise ValueError("only a SQLite file is encrypted with a database key")
        # SQLAlchemy's pysqlcipher dialect sends the URL's password as ``PRAGMA key = "…"``
        # before anything else; the raw-key literal x'…' skips SQLCipher's passphrase derivation.
        target = parsed.set(drivername="sqlite+pysqlcipher", password=f"x'{key.hex()}'")
        # That dialect would keep one connection per thread (SingletonThreadPool), so a reader
        # opened inside a write transaction would share its connection; pool like plain SQLite.
        kwargs.setdefault("poolclass", QueuePool)
        cipher.quiet()
    # hide_parameters: SQL errors must never carry personal data into logs or messages.
    engine = create_engine(target, hide_parameters=True, **kwargs)
    if engine.dialect.name == "sqlite":
        event.listen(engine, "connect", partial(_sqlite_on_connect, busy_timeout_ms(busy_timeout)))
        event.listen(engine, "begin", _sqlite_on_begin)
    elif engine.dialect.name == "postgresql":
        event.listen(engine, "begin", partial(_postgres_on_begin, busy_timeout_ms(busy_timeout)))
    return engine


def sqlite_path_of(url: str) -> Path | None:
    """The file a SQLite URL names; None for PostgreSQL or an in-memory database."""
    parsed = make_url(url)
    if parsed.get_backend_name() != "sqlite" or not parsed.database or parsed.database == ":memory:":
        return None
    return Path(parsed.database)


class Database:
    """An engine plus a session factory whose sessions stamp sync metadata and write the audit log."""

    def __init__(self, url: str, *, busy_timeout: int | None = None, key: bytes | None = None,
                 **engine_kwargs: Any) -> None:
        self.url = url
        self.key = key  # the SQLCipher key of the file, for backups and swaps made beside SQLAlchemy
        self.engine = make_engine(url, busy_timeout=busy_timeout, key=key, **engine_kwargs)
        # Write transactions go through an engine view whose BEGIN takes the write lock first:
        # BEGIN IMMEDIATE on SQLite, the advisory lock on PostgreSQL.
        self._writer = self.engine.execution_options(**{_WRITE_OPTION: True})
        self._factory = sessionmaker(bind=self.engine, expire_on_commit=False)
        stamping.install(self._factory)
        # Told after every committed transaction (from whatever thread ran it), so a window can
        # update its counters the moment anything changed; a listener must not raise or block.
        self.committed: list[Callable[[], None]] = []

    @property
    def is_sqlite(self) -> bool:
        return self.engine.dialect.name == "sqlite"

    @property
    def file(self) -> Path | None:
        """The SQLite file, if this is one (to name it in a message)."""
        return sqlite_path_of(self.url)

    def write_stamp(self) -> tuple[int, ...] | None:
        """Changes whenever anyone (this process, a ``thidua`` command, another window) commits to
        the SQLite file: the modification time and size of the file and its WAL. A server database
        has no file to look at: there it is the office's counters and the newest audit entry,
        which every write moves in its own transaction (stamping.py), whoever's computer made it.
        None for an in-memory database, or a server that does not answer."""
        file = self.file
        if file is None:
            return None if self.is_sqlite else self._server_stamp()
        stamp: list[int] = []
        for path in (file, Path(f"{file}-wal")):
            try:
                info = path.stat()
                stamp += [info.st_mtime_ns, info.st_size]
            except OSError:
                stamp += [0, 0]
        return tuple(stamp)

    def _server_stamp(self) -> tuple[int, ...] | None:
        try:
            with self.engine.connect() as conn:
                row = conn.execute(_SERVER_STAMP).one()
        except SQLAlchemyError:
            return None  # the window only misses one refresh; the next action reports the server
        return tuple(int(value or 0) for value in row)

    @contextmanager
    def transaction(self, actor: str = "system") -> Iterator[Session]:
        """One user action = one transaction: commit on success, roll back on any error.

        Raises :class:`DatabaseBusy` when another writer kept the lock past the busy timeout."""
        session = self._factory(bind=self._writer)
        session.info["actor"] = actor
        try:
            with session.begin():
                yield session
        except OperationalError as exc:
            if is_busy_error(exc):
                raise DatabaseBusy() from exc
            if self.is_sqlite and "disk is full" in str(exc.orig).lower():
                raise DomainError("DISK_FULL", field="data_dir", path=str(self.file or "")) from exc
            raise
        finally:
            session.close()
        scope = _scope.get()
        if scope is not None:
            scope.commits += 1
        for listener in list(self.committed):
            listener()

    @contextmanager
    def reader(self) -> Iterator[Session]:
        """A read-only unit of work (rolled back at the end)."""
        session = self._factory()
        try:
            yield session
        finally:
            session.rollback()
            session.close()

    def dispose(self) -> None:
        self.engine.dispose()
