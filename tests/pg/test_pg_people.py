"""The app on PostgreSQL: opened through THIDUA_DATABASE_URL, an office set up, people added and
found by folded text (no accents, đ = d), listed in Vietnamese order whatever the server's locale."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from pg_fixtures import PgServer, fresh_name, point_folder_at
from sqlalchemy import text

from thidua_desktop.bootstrap import App, open_app
from thidua_desktop.domain.errors import ValidationError
from thidua_desktop.domain.text import name_sort_key
from thidua_desktop.services.people import PersonInput

pytestmark = pytest.mark.postgres

# Names whose stored sort keys a linguistic collation orders differently from code points.
NAMES = ["Nông Văn An", "Lý Thị Ánh", "Đàm Văn Ân", "Hoàng Thị Bích", "Nguyễn Văn ân", "Triệu Thị Đào",
         "Lục Văn Dũng", "Bế Thị Yến", "Ma Văn Ương", "Nông Thị Ứng", "Hà Văn A", "Lương Thị Ă",
         "Vi Văn Z", "Đinh Thị Ó", "La Văn O-Lê", "Sầm Thị Ơn", "Mông Văn 2", "Hứa Thị Ánh Dương"]


@pytest.fixture
def env_app(pg_database: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[App]:
    """Opened as an officer sets it up at the province: THIDUA_DATABASE_URL names the server."""
    monkeypatch.setenv("THIDUA_DATABASE_URL", pg_database)
    app = open_app(tmp_path / "data", actor="tinh")
    yield app
    app.close()


def test_open_app_through_the_environment_variable_uses_the_server(env_app: App, tmp_path: Path) -> None:
    assert env_app.db.engine.dialect.name == "postgresql" and not env_app.db.is_sqlite
    assert env_app.db.file is None and env_app.db.key is None
    # No SQLite file and no database key appear in the data folder.
    assert not (tmp_path / "data" / "thidua.sqlite").exists()
    assert not list((tmp_path / "data").glob("*.tdkey"))
    env_app.office.init_office("province", "04", officer_name="Cán bộ tỉnh")
    office = env_app.office.office()
    assert (office.role, office.unit_code, office.unit_name) == ("province", "04", "Cao Bằng")
    env_app.close()
    again = open_app(tmp_path / "data")  # migrations already at head; the officer's name is read back
    try:
        assert again.actor == "Cán bộ tỉnh" and again.office.is_initialised()
    finally:
        again.close()


def test_people_are_found_without_accents_and_listed_in_vietnamese_order(pg_province: App) -> None:
    people = pg_province.people
    people.create_many([PersonInput(name, "female" if " Thị " in name else "male") for name in NAMES])
    found = {query: sorted(p.full_name for p in people.search(query).rows)
             for query in ("nong van an", "NÔNG", "dam van an", "đàm", "DAO", "ung", "thi anh")}
    assert found == {
        "nong van an": ["Nông Văn An"],
        "NÔNG": ["Nông Thị Ứng", "Nông Văn An"],
        "dam van an": ["Đàm Văn Ân"],
        "đàm": ["Đàm Văn Ân"],
        "DAO": ["Triệu Thị Đào"],
        "ung": ["Lục Văn Dũng", "Nông Thị Ứng"],
        "thi anh": ["Hứa Thị Ánh Dương", "Lý Thị Ánh"],
    }
    listed = [p.full_name for p in people.search("", limit=100).rows]
    assert listed == sorted(NAMES, key=name_sort_key)
    assert [p.full_name for p in people.search("", order="-name", limit=100).rows] == listed[::-1]
    assert people.search("", limit=5, offset=5).total == len(NAMES)


def test_sort_keys_keep_code_point_order_on_a_vietnamese_locale_database(pg_server: PgServer,
                                                                        tmp_path: Path) -> None:
    """An office server created with the Vietnamese locale (ICU) still lists people in our order:
    the sort key columns carry the "C" collation. Ordering by the database's own collation
    instead gives another order, which is what the column collation protects against."""
    name = fresh_name() + "_vi"
    try:
        url = pg_server.create_with_locale(name, "vi-VN")
    except RuntimeError as exc:
        pytest.skip(str(exc))
    try:
        app = open_app(point_folder_at(tmp_path / "vi", url), actor="tinh")
        try:
            app.office.init_office("province", "04")
            app.people.create_many([PersonInput(n, "male") for n in NAMES])
            expected = sorted(NAMES, key=name_sort_key)
            assert [p.full_name for p in app.people.search("", limit=100).rows] == expected
            with app.db.reader() as session:
                by_locale = session.execute(text(
                    'SELECT full_name FROM people ORDER BY sort_key COLLATE "default", id')).scalars().all()
            assert list(by_locale) != expected
        finally:
            app.close()
    finally:
        pg_server.drop_later(name)


def test_a_cccd_is_unique_among_live_people_only(pg_province: App) -> None:
    """The partial unique index (deleted = false) lets a deleted person's CCCD be used again."""
    people = pg_province.people
    first = people.create(PersonInput("Nông Văn An", "male", cccd="004085001234"))
    with pytest.raises(ValidationError) as err:
        people.create(PersonInput("Nông Văn Ân", "male", cccd="004085001234"))
    assert err.value.code == "CCCD_DUPLICATE"
    people.delete(first.id)
    again = people.create(PersonInput("Nông Văn Ân", "male", cccd="004085001234"))
    assert [p.id for p in people.search("").rows] == [again.id]
    with pg_province.db.reader() as session:
        live = session.execute(text("SELECT count(*) FROM people WHERE cccd = '004085001234' AND NOT deleted")).scalar()
    assert live == 1


def test_two_officers_on_one_server_see_each_others_writes(pg_app_factory, pg_province: App) -> None:  # type: ignore[no-untyped-def]
    """A second officer's window notices the first one's save: the write stamp of a server
    database is the office's counters, not a file's modification time."""
    other = pg_app_factory("officer-2")
    stamp = other.maintenance.write_stamp()
    assert stamp is not None
    pg_province.people.create(PersonInput("Lý Thị Hoa", "female"))
    assert other.maintenance.write_stamp() != stamp
    assert [p.full_name for p in other.people.search("hoa").rows] == ["Lý Thị Hoa"]
