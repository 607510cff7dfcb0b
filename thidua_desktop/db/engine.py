"""Engines and sessions. SQLite gets WAL, synchronous=FULL and foreign keys on every connection;
any other URL (PostgreSQL at the provincial office) is used as given."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any

from sqlalchemy import Engine, create_engine, event
from sqlalchemy.orm import Session, sessionmaker

from . import stamping


def _sqlite_on_connect(dbapi_connection: Any, _record: Any) -> None:
    # Let SQLAlchemy emit BEGIN itself (pysqlite's implicit transactions break atomicity).
    dbapi_connection.isolation_level = None
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA synchronous=FULL")
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute("PRAGMA busy_timeout=10000")
    cursor.close()


def _sqlite_on_begin(conn: Any) -> None:
    conn.exec_driver_sql("BEGIN")


def make_engine(url: str, **kwargs: Any) -> Engine:
    # hide_parameters: SQL errors must never carry personal data into logs or messages.
    engine = create_engine(url, hide_parameters=True, **kwargs)
    if engine.dialect.name == "sqlite":
        event.listen(engine, "connect", _sqlite_on_connect)
        event.listen(engine, "begin", _sqlite_on_begin)
    return engine


class Database:
    """An engine plus a session factory whose sessions stamp sync metadata and write the audit log."""

    def __init__(self, url: str, **engine_kwargs: Any) -> None:
        self.url = url
        self.engine = make_engine(url, **engine_kwargs)
        self._factory = sessionmaker(bind=self.engine, expire_on_commit=False)
        stamping.install(self._factory)
        # Told after every committed transaction (from whatever thread ran it), so a window can
        # update its counters the moment anything changed; a listener must not raise or block.
        self.committed: list[Callable[[], None]] = []

    @property
    def is_sqlite(self) -> bool:
        return self.engine.dialect.name == "sqlite"

    @contextmanager
    def transaction(self, actor: str = "system") -> Iterator[Session]:
        """One user action = one transaction: commit on success, roll back on any error."""
        session = self._factory()
        session.info["actor"] = actor
        try:
            with session.begin():
                yield session
        finally:
            session.close()
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
