"""Connecting an officer's computer to the office's PostgreSQL server (the first-run dialog's
"the office server" choice): test the connection, then remember it.

Where the server's password goes. config.json gets the URL **without** the password; the password
is sealed in ``keys/server-password.json`` under a key-encryption key kept in the user's config
folder (DPAPI on Windows), exactly as the SQLite office's database key is kept (database_key.py).
Why not ask at every start: the database role's password is the office's shared secret, set once
by whoever installs the server; the officers should not have to know it, let alone type it daily
(they sign in with their own account and password, services/accounts.py). Why not keep it plainly:
a copied data folder, a backup of it or another Windows account on the PC then holds nothing that
reaches the server. The limit, said in docs/province-server.md: whoever runs programs under this
Windows account can unseal it, so the server only accepts the office's LAN (pg_hba.conf) and the
role owns only the office's database."""

from __future__ import annotations

import logging
from dataclasses import dataclass
from pathlib import Path

from ..config import AppPaths, resolve_key_folder, save_database_url
from ..db import server
from ..domain.errors import DomainError, ValidationError
from ..domain.text import clean_text
from ..domain.validation import parse_int, require
from ..sync import passwords

log = logging.getLogger("thidua")
PASSWORD_FILE_NAME = "server-password.json"


@dataclass(frozen=True)
class ServerSettings:
    """What the officer types: the server's address and port, the database and the role's login."""

    host: str
    port: int | str
    database: str
    user: str
    password: str = ""

    def checked(self) -> ServerSettings:
        """Cleaned, each problem a refusal naming its field (REQUIRED, NUMBER_OUT_OF_RANGE…)."""
        host = require(self.host, "host")
        port = parse_int(str(self.port).strip() or str(server.DEFAULT_PORT), "port", min=1, max=65535)
        database = require(self.database, "database")
        user = require(self.user, "user")
        if any(ch.isspace() for ch in host):
            raise ValidationError("SERVER_HOST_INVALID", field="host", value=host)
        return ServerSettings(host, port, database, user, self.password)

    def url(self, with_password: bool = False) -> str:
        s = self.checked()
        return server.server_url(s.host, int(s.port), s.database, s.user, s.password if with_password else None)


def password_file(paths: AppPaths) -> Path:
    return paths.keys_dir / PASSWORD_FILE_NAME


def check_server(settings: ServerSettings) -> str:
    """The "test connection" button: connect once; the server's version, or a SERVER_* refusal
    that says what to fix (the address, the password, pg_hba.conf, the database's name)."""
    return server.check_connection(settings.url(with_password=True))


def connect_office(paths: AppPaths, settings: ServerSettings) -> str:
    """Test the connection, then make this data folder open the office on the server from now on:
    the URL (no password) into config.json, the password sealed on this computer. Nothing is
    written when the test fails. Returns the server's version."""
    version = check_server(settings)
    url = settings.url()
    if settings.password:
        passwords.seal_secret(password_file(paths), settings.password, resolve_key_folder(), url=url)
    else:  # the server trusts this computer another way (.pgpass, a certificate): no stale password kept
        password_file(paths).unlink(missing_ok=True)
    save_database_url(paths, url)
    log.info("data folder now opens the office server")  # its address is in config.json; never the password
    return version


def url_to_open(paths: AppPaths, url: str) -> str:
    """The URL the app connects with: a server URL that holds no password gets the one sealed on
    this computer (SERVER_PASSWORD_UNREADABLE when it no longer opens); any other URL as it is."""
    if not server.is_server_url(url) or server.has_password(url):
        return url
    path = password_file(paths)
    if not path.exists():
        return url  # libpq may still find one (PGPASSWORD, pgpass.conf)
    try:
        secret = passwords.unseal_secret(path, resolve_key_folder())
    except DomainError as exc:
        raise DomainError("SERVER_PASSWORD_UNREADABLE", field="server", value=str(path)) from exc
    return server.with_password(url, secret)


def server_refusal(exc: BaseException, url: str) -> DomainError | None:
    """A failed first connection to the server at start-up as a refusal (SERVER_UNREACHABLE…), or
    None when ``exc`` is something else."""
    if not server.is_server_url(url):
        return None
    return server.refusal_for_connect(exc, url)


def settings_of(url: str) -> ServerSettings | None:
    """The saved server's fields (no password), to fill the dialog in again; None for SQLite."""
    if not server.is_server_url(url):
        return None
    where = server.describe(url)
    return ServerSettings(clean_text(where["host"]), where["port"], where["database"], where["user"])
