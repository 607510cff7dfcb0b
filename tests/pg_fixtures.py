"""PostgreSQL fixtures: each test gets a database of its own on the server
``THIDUA_TEST_POSTGRES_URL`` names (``export THIDUA_TEST_POSTGRES_URL="$(bash scripts/postgres.sh)"``).

The schema is migrated once per session (and per xdist worker) into a template database; a
test's database is ``CREATE DATABASE … TEMPLATE`` of it (a copy made by the server, about a
tenth of a second), as tests/conftest.py copies a migrated SQLite file, and is dropped after the
test by a background thread (a drop waits for a checkpoint).
Tests marked ``@pytest.mark.postgres`` are skipped, with the reason, when the variable is unset.

tests/pg/conftest.py imports the fixtures and the hook from here; a conftest elsewhere can do
the same, or tests/conftest.py can name this module in ``pytest_plugins``."""

from __future__ import annotations

import json
import os
import queue
import threading
import time
import uuid
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from sqlalchemy import Engine, create_engine, text
from sqlalchemy.engine import URL, make_url
from sqlalchemy.exc import SQLAlchemyError

from thidua_desktop.bootstrap import App, open_app
from thidua_desktop.db.engine import make_engine
from thidua_desktop.db.migrate import upgrade

URL_ENV = "THIDUA_TEST_POSTGRES_URL"
SKIP_REASON = (f"{URL_ENV} is not set: no PostgreSQL server to test on "
               f'(export {URL_ENV}="$(bash scripts/postgres.sh)")')
# Every database a test run makes starts with this, so a run killed half-way leaves names that
# are easy to find (and `PgServer.drop_leftovers` removes them a day later).
PREFIX = "thidua_t_"


def server_url() -> str | None:
    return os.environ.get(URL_ENV, "").strip() or None


def pytest_runtest_setup(item: pytest.Item) -> None:
    if item.get_closest_marker("postgres") is not None and server_url() is None:
        pytest.skip(SKIP_REASON)


def _admin_engine(url: URL) -> Engine:
    # CREATE/DROP DATABASE cannot run inside a transaction block.
    return create_engine(url, isolation_level="AUTOCOMMIT")


def fresh_name() -> str:
    # The creation time in the name lets a later run tell a killed run's database from a live one.
    worker = os.environ.get("PYTEST_XDIST_WORKER", "main")
    return f"{PREFIX}{int(time.time())}_{worker}_{uuid.uuid4().hex[:8]}"


class PgServer:
    """The test server: makes and drops databases, always through the maintenance database the
    URL names (never through the database being copied, which must have no connection)."""

    def __init__(self, url: str) -> None:
        self.url = make_url(url)
        self.admin = _admin_engine(self.url)
        # DROP DATABASE waits for a checkpoint (about 0.1-2 s): a test's database is dropped by
        # this thread while the next test runs, and ``close`` waits for the last ones.
        self._doomed: queue.Queue[str | None] = queue.Queue()
        self._dropper = threading.Thread(target=self._drop_queued, name="pg-dropper", daemon=True)
        self._dropper.start()

    def url_of(self, database: str) -> str:
        return self.url.set(database=database).render_as_string(hide_password=False)

    def create(self, name: str, template: str | None = None) -> str:
        clause = f' TEMPLATE "{template}"' if template else ""
        with self.admin.connect() as conn:
            conn.execute(text(f'CREATE DATABASE "{name}"{clause}'))
        return self.url_of(name)

    def create_with_locale(self, name: str, icu_locale: str) -> str:
        """An empty database whose default collation is ``icu_locale`` (ICU, PostgreSQL 15+), as an
        office server set up in Vietnamese would be. RuntimeError when the server cannot."""
        try:
            with self.admin.connect() as conn:
                conn.execute(text(f'CREATE DATABASE "{name}" TEMPLATE template0 ENCODING \'UTF8\' '
                                  f"LOCALE_PROVIDER icu ICU_LOCALE '{icu_locale}'"))
        except SQLAlchemyError as exc:
            raise RuntimeError(f"this server makes no ICU {icu_locale} database: {exc.__class__.__name__}") from exc
        return self.url_of(name)

    def drop(self, name: str) -> None:
        # FORCE (PostgreSQL 13+): a connection a failed test left open must not keep it alive.
        with self.admin.connect() as conn:
            conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))

    def drop_later(self, name: str) -> None:
        self._doomed.put(name)

    def _drop_queued(self) -> None:
        while (name := self._doomed.get()) is not None:
            try:
                self.drop(name)
            except SQLAlchemyError:  # left for drop_leftovers, a day later
                pass

    def close(self) -> None:
        self._doomed.put(None)
        self._dropper.join(timeout=300)
        self.admin.dispose()

    def drop_leftovers(self, older_than_s: int = 24 * 3600) -> None:
        """Drop the databases runs killed before their teardown left: made more than a day ago
        and with nobody connected (a database of a run going on now is never that old)."""
        with self.admin.connect() as conn:
            names = conn.execute(text(
                "SELECT datname FROM pg_database d WHERE datname LIKE :p AND NOT EXISTS "
                "(SELECT FROM pg_stat_activity a WHERE a.datname = d.datname)"),
                {"p": PREFIX.replace("_", r"\_") + "%"}).scalars().all()
        now = time.time()
        for name in names:
            stamp = name[len(PREFIX):].split("_", 1)[0]
            if stamp.isdigit() and now - int(stamp) > older_than_s:
                try:
                    self.drop(name)
                except SQLAlchemyError:  # another worker dropped it first
                    pass


@pytest.fixture(scope="session")
def pg_server() -> Iterator[PgServer]:
    url = server_url()
    if url is None:
        pytest.skip(SKIP_REASON)
    server = PgServer(url)
    server.drop_leftovers()
    yield server
    server.close()


@pytest.fixture(scope="session")
def pg_template(pg_server: PgServer) -> Iterator[str]:
    """The name of a database migrated to head (no office in it), to copy for each test."""
    name = fresh_name() + "_tpl"
    url = pg_server.create(name)
    engine = make_engine(url)
    try:
        upgrade(engine)
    finally:
        engine.dispose()  # a template with a connection open cannot be copied
    yield name
    pg_server.drop(name)


@pytest.fixture
def pg_database(pg_server: PgServer, pg_template: str) -> Iterator[str]:
    """The URL of a migrated database of this test's own, dropped after it."""
    name = fresh_name()
    url = pg_server.create(name, template=pg_template)
    yield url
    pg_server.drop_later(name)


@pytest.fixture
def pg_empty_database(pg_server: PgServer) -> Iterator[str]:
    """The URL of an empty database (no tables), for migration tests."""
    name = fresh_name()
    url = pg_server.create(name)
    yield url
    pg_server.drop_later(name)


def point_folder_at(folder: Path, url: str) -> Path:
    """Make ``folder`` a data folder whose office lives at ``url`` (its config.json says so, as
    the first-run dialog writes it), so a SQLite office and a PostgreSQL one can be open at once."""
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "config.json").write_text(json.dumps({"database_url": url}), encoding="utf-8")
    return folder


@pytest.fixture
def computers(pg_database: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Callable[[str], App]]:
    """``open_on("a")``: the province office opened on computer "a" (its own data folder, the
    shared database). Every app is closed after."""
    monkeypatch.delenv("THIDUA_DATABASE_URL", raising=False)
    opened: list[App] = []

    def open_on(name: str) -> App:
        app = open_app(point_folder_at(tmp_path / f"may-{name}", pg_database), actor=f"can-bo-{name}")
        opened.append(app)
        return app

    yield open_on
    for app in opened:
        app.close()


@pytest.fixture
def pg_app_factory(pg_database: str, tmp_path: Path,
                   monkeypatch: pytest.MonkeyPatch) -> Iterator[Callable[..., App]]:
    """``make(actor="tester")``: the app opened on this test's PostgreSQL database (a second call
    opens a second app, a second officer, on the same database). Every app is closed after."""
    # An outer THIDUA_DATABASE_URL would win over the folder's config.json.
    monkeypatch.delenv("THIDUA_DATABASE_URL", raising=False)
    folder = point_folder_at(tmp_path / "pg-office", pg_database)
    opened: list[App] = []

    def make(actor: str = "tester") -> App:
        app = open_app(folder, actor=actor)
        opened.append(app)
        return app

    yield make
    for app in opened:
        app.close()


@pytest.fixture
def pg_province(pg_app_factory: Callable[..., App]) -> App:
    """A province office (Cao Bằng, 04) on PostgreSQL, with no data yet."""
    app = pg_app_factory("tinh")
    app.office.init_office("province", "04", officer_name="Cán bộ tỉnh")
    return app
