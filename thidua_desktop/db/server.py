"""The office's PostgreSQL server as the first-run dialog and the start-up see it: its URL built from
the fields an officer types, the password kept out of that URL, a connection test, and the
server's refusals turned into reason codes that say what to fix (storage_messages.py)."""

from __future__ import annotations

from typing import Any

from sqlalchemy import create_engine, text
from sqlalchemy.engine import URL, make_url
from sqlalchemy.exc import ArgumentError, SQLAlchemyError
from sqlalchemy.pool import NullPool

from ..domain.errors import DomainError

DRIVER = "postgresql+psycopg"
DEFAULT_PORT = 5432
# Seconds before an unreachable server is reported instead of the app appearing to hang (the
# operating system's own TCP timeout can be two minutes). Written into the saved URL.
CONNECT_TIMEOUT_S = 10

# SQLSTATEs libpq reports when the server answered and said no.
_LOGIN_FAILED = {"28P01"}  # invalid_password (or no such role, which PostgreSQL words the same)
_NOT_ALLOWED = {"28000"}  # invalid_authorization_specification: no pg_hba.conf line admits this computer
_NO_DATABASE = {"3D000"}  # invalid_catalog_name


def server_url(host: str, port: int, database: str, user: str, password: str | None = None) -> str:
    """``postgresql+psycopg://user@host:port/database?connect_timeout=10``, with the password only
    when given (the URL written to config.json never holds it)."""
    url = URL.create(DRIVER, username=user, password=password or None, host=host, port=port, database=database,
                     query={"connect_timeout": str(CONNECT_TIMEOUT_S)})
    return url.render_as_string(hide_password=False)


def is_server_url(url: str) -> bool:
    try:
        return make_url(url).get_backend_name() == "postgresql"
    except ArgumentError:
        return False


def has_password(url: str) -> bool:
    return make_url(url).password is not None


def with_password(url: str, password: str) -> str:
    return make_url(url).set(password=password).render_as_string(hide_password=False)


def describe(url: str) -> dict[str, Any]:
    """Host, port, database and user of a server URL (never its password), to name the server in
    a message or fill in the settings again."""
    parsed = make_url(url)
    return {"host": parsed.host or "", "port": parsed.port or DEFAULT_PORT, "database": parsed.database or "",
            "user": parsed.username or ""}


def refusal_for_connect(exc: BaseException, url: str) -> DomainError | None:
    """The reason code for a failed connection to the server ``url`` names, or None when ``exc``
    is not one (a bug, to be reported as such)."""
    orig = getattr(exc, "orig", None) or exc
    if not isinstance(exc, SQLAlchemyError) and type(orig).__module__.split(".")[0] != "psycopg":
        return None
    where = describe(url)
    state = getattr(orig, "sqlstate", None)
    message = str(orig).lower()
    if state in _LOGIN_FAILED or "password authentication failed" in message or "no password supplied" in message:
        return DomainError("SERVER_LOGIN_FAILED", field="server", **where)
    if state in _NOT_ALLOWED or "pg_hba.conf" in message:
        return DomainError("SERVER_NOT_ALLOWED", field="server", **where)
    if state in _NO_DATABASE or ("database" in message and "does not exist" in message):
        return DomainError("SERVER_DATABASE_MISSING", field="server", **where)
    if state is None and any(t in message for t in (
            "connection refused", "could not translate host name", "timeout expired", "timed out",
            "could not connect", "no route to host", "network is unreachable", "name or service not known",
            "connection to server", "server closed the connection")):
        return DomainError("SERVER_UNREACHABLE", field="server", **where)
    if isinstance(exc, SQLAlchemyError) and state is None:
        return DomainError("SERVER_UNREACHABLE", field="server", **where)
    return None


def check_connection(url: str) -> str:
    """Connect once and ask the server's version ("PostgreSQL 16.4"); a SERVER_* refusal when it
    does not answer, refuses the login or has no such database."""
    engine = create_engine(url, poolclass=NullPool, hide_parameters=True)
    try:
        with engine.connect() as conn:
            version = str(conn.execute(text("SHOW server_version")).scalar() or "")
    except SQLAlchemyError as exc:
        refusal = refusal_for_connect(exc, url)
        if refusal is None:
            raise
        raise refusal from exc
    finally:
        engine.dispose()
    return f"PostgreSQL {version.split()[0]}" if version else "PostgreSQL"
