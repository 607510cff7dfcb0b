"""The word search on PostgreSQL (issue 15): a pg_trgm GIN index on the folded key serves
``LIKE '%word%'``, and a server that refuses the extension leaves the search working without it."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import create_engine, text

from thidua_desktop.bootstrap import App, open_app
from thidua_desktop.db import search_index
from thidua_desktop.services.people import PersonInput

pytestmark = pytest.mark.postgres


@pytest.fixture
def env_app(pg_database: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[App]:
    monkeypatch.setenv("THIDUA_DATABASE_URL", pg_database)
    app = open_app(tmp_path / "data", actor="tinh")
    yield app
    app.close()


def test_the_migration_makes_trigram_indexes_and_the_search_keeps_its_meaning(env_app: App) -> None:
    env_app.office.init_office("province", "04")
    with env_app.db.engine.connect() as conn:
        names = set(conn.execute(text("SELECT indexname FROM pg_indexes WHERE tablename IN "
                                      "('people', 'collectives')")).scalars())
    assert set(search_index.PG_INDEXES.values()) <= names
    env_app.people.create_many([PersonInput("Nguyễn Thị Hoa", "female"), PersonInput("Đặng Văn Đức", "male"),
                                PersonInput("Lê Thị Thảo", "female")])
    assert [p.full_name for p in env_app.people.search("nguyen thi h").rows] == ["Nguyễn Thị Hoa"]
    assert [p.full_name for p in env_app.people.search("duc d").rows] == ["Đặng Văn Đức"]
    page = env_app.people.search("thi", limit=1, count_up_to=5)
    assert page.total == 2 and not page.more  # under the cap: exact
    page = env_app.people.search("", limit=1, count_up_to=1)
    assert page.total == 2 and page.more  # stopped at one more than the page: "more than 1"


def test_a_refused_index_leaves_the_transaction_usable(pg_empty_database: str) -> None:
    """``ensure`` runs in the migration's transaction: a refusal (here: no tables to index) is
    rolled back to its savepoint, and the migration goes on."""
    engine = create_engine(pg_empty_database)
    try:
        with engine.begin() as conn:
            assert search_index.ensure(conn) is False
            assert conn.execute(text("SELECT 1")).scalar() == 1
    finally:
        engine.dispose()
