"""The word-search index (db/search_index.py, migration 0020, issue 15): the search finds exactly
what the LIKE-only search found, and the index stays in step whoever writes the table."""

from __future__ import annotations

import shutil
import uuid
from pathlib import Path

import pytest
from sqlalchemy import bindparam, insert, select, text

from thidua_desktop.bootstrap import App, open_app
from thidua_desktop.db import Database, search_index
from thidua_desktop.db.migrate import current_revision, head_revision, upgrade
from thidua_desktop.db.models import Person
from thidua_desktop.db.repositories import common
from thidua_desktop.domain.text import name_sort_string, search_key
from thidua_desktop.services.people import PersonInput

DATA = Path(__file__).resolve().parents[1] / "data"

NAMES = ["Nguyễn Thị Hoa", "Nguyễn Văn Hùng", "Trần Thị Hương", "Đặng Văn Đức", "Lê Thị Thảo", "Nông Văn An",
         "Hoàng Thị Thu Hà", "Phạm Đức Nguyên", "Lò Thị Hà", "Vàng Seo Dìn", "Nguyễn Thị Ánh", "Đỗ Hữu Thắng"]
QUERIES = ["nguyen thi h", "Nguyễn", "ng", "h", "đức", "duc", "thi ha", "HƯƠNG", "ua", "xyz", "a b", "hu an",
           "nguyen thi hoa", "guy", "%", "_", "seo din", "d"]


def _expected(app: App, query: str) -> set[str]:
    """What the LIKE search over the folded key finds: every folded word somewhere in the key."""
    words = search_key(query).split()
    return {p.full_name for p in app.people.search("", limit=1000).rows
            if all(w in search_key(p.full_name) for w in words)}


def _fill(app: App, names: list[str] = NAMES) -> None:
    app.people.create_many([PersonInput(full_name=n, gender="female" if " Thị " in n else "male") for n in names])


def _in_step(app: App) -> None:
    """The FTS5 index holds exactly what the table holds (SQLite's own integrity check)."""
    with app.db.engine.begin() as conn:
        for fts in search_index.INDEXED.values():
            conn.exec_driver_sql(f"INSERT INTO {fts}({fts}, rank) VALUES ('integrity-check', 1)")


@pytest.mark.parametrize("dense", [5000, 1], ids=["rare words: index", "common words: name order"])
def test_search_finds_what_the_like_search_found(commune, monkeypatch, dense) -> None:  # type: ignore[no-untyped-def]
    """Diacritics ignored, đ = d, every word somewhere, words of one or two letters too, and the
    LIKE wildcards typed taken literally: whichever path the index chooses."""
    monkeypatch.setattr(common, "INDEX_DENSE", dense)
    _fill(commune)
    for query in QUERIES:
        page = commune.people.search(query, limit=1000)
        assert {p.full_name for p in page.rows} == _expected(commune, query), query
        assert page.total == len(page.rows) and not page.more
        # Name order kept (given name first): the index only narrows.
        assert [p.id for p in page.rows] == [p.id for p in commune.people.search(query, limit=1000, order="name").rows]


def test_the_index_narrows_a_rare_word_and_leaves_common_ones_to_the_name_order(commune, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    _fill(commune)
    with commune.db.reader() as session:
        assert search_index.has_index(session.connection(), "people")
        assert common.indexed_rows(session, Person, "nguyen thi h") is not None  # 4 of 12: rare enough
        assert common.indexed_rows(session, Person, "h ng") is None  # no word of three letters
        monkeypatch.setattr(common, "INDEX_DENSE", 3)
        assert common.indexed_rows(session, Person, "nguyen") is None  # 4 ≥ 3: common
        assert common.indexed_rows(session, Person, "nguyen thao") is not None  # one rare word is enough


def test_the_index_follows_every_write(commune) -> None:  # type: ignore[no-untyped-def]
    _fill(commune)
    hoa = next(p for p in commune.people.search("nguyen thi hoa").rows)
    commune.people.edit(hoa.id, {"full_name": "Nguyễn Thị Quỳnh"}, expected=hoa.token)
    assert not commune.people.search("hoa nguyen").rows
    assert [p.full_name for p in commune.people.search("quynh").rows] == ["Nguyễn Thị Quỳnh"]
    commune.people.delete(hoa.id, expected=commune.people.get(hoa.id).token)
    assert not commune.people.search("quynh").rows
    # Writers past the ORM: a bundle import's Core executemany, a REPLACE, a plain DELETE.
    with commune.db.engine.connect() as conn:
        template = dict(conn.execute(select(Person.__table__).where(Person.id == hoa.id)).mappings().one())
    rows = [{**template, "id": str(uuid.uuid4()), "full_name": name, "search_key": search_key(name),
             "sort_key": name_sort_string(name), "cccd": None, "deleted": False}
            for name in ("Triệu Văn Khoát", "Bàn Thị Xoan")]
    with commune.db.engine.begin() as conn:
        conn.execute(insert(Person.__table__), rows)
    assert [p.full_name for p in commune.people.search("khoat").rows] == ["Triệu Văn Khoát"]
    assert [p.full_name for p in commune.people.search("xoan").rows] == ["Bàn Thị Xoan"]
    with commune.db.engine.begin() as conn:
        conn.execute(Person.__table__.insert().prefix_with("OR REPLACE"),
                     {**rows[0], "full_name": "Triệu Văn Vinh", "search_key": "trieu van vinh"})
        conn.execute(text("DELETE FROM people WHERE id = :id"), {"id": rows[1]["id"]})
    assert [p.full_name for p in commune.people.search("trieu").rows] == ["Triệu Văn Vinh"]
    assert not commune.people.search("khoat").rows and not commune.people.search("xoan").rows
    _in_step(commune)


def test_a_bulk_writer_keeps_the_index_in_step_without_the_triggers(commune) -> None:  # type: ignore[no-untyped-def]
    """``bulk_writes``: what a bundle import's executemany uses instead of the per-row triggers."""
    _fill(commune)
    table = Person.__table__
    with commune.db.engine.connect() as conn:
        stored = [dict(r) for r in conn.execute(select(table)).mappings()]
    renamed = [{**r, "full_name": "Sầm Văn Khiêm", "search_key": "sam van khiem"} for r in stored[:3]]
    new = [{**stored[0], "id": str(uuid.uuid4()), "full_name": n, "search_key": search_key(n),
            "sort_key": name_sort_string(n), "cccd": None} for n in ("Ma Thị Xuân", "Lục Văn Xuyên")]
    gone = stored[3]["id"]
    with commune.db.engine.begin() as conn:
        with search_index.bulk_writes(conn, "people", [r["id"] for r in renamed + new] + [gone, gone]):
            names = {n for (n,) in conn.exec_driver_sql("SELECT name FROM sqlite_master WHERE type = 'trigger'")}
            assert not names & {"people_search_insert", "people_search_update"}  # the fast path
            conn.execute(table.update().where(table.c.id == bindparam("b_id")),
                         [{**r, "b_id": r["id"]} for r in renamed])
            conn.execute(insert(table), new)
            conn.execute(table.delete().where(table.c.id == gone))
        names = {n for (n,) in conn.exec_driver_sql("SELECT name FROM sqlite_master WHERE type = 'trigger'")}
        assert {"people_search_insert", "people_search_delete", "people_search_update"} <= names
    assert len(commune.people.search("khiem").rows) == 3
    assert {p.full_name for p in commune.people.search("xu").rows} == {"Ma Thị Xuân", "Lục Văn Xuyên"}
    assert {p.full_name for p in commune.people.search("xuan").rows} == {"Ma Thị Xuân"}
    for r in stored[:4]:
        assert not any(p.id == r["id"] for p in commune.people.search(r["full_name"]).rows)
    _in_step(commune)
    commune.people.create(PersonInput(full_name="Hứa Văn Xuyến", gender="male"))  # the triggers work again
    assert len(commune.people.search("xuyen").rows) == 2
    _in_step(commune)


def test_collectives_are_searched_through_the_index_too(commune) -> None:  # type: ignore[no-untyped-def]
    commune.collectives.create("Hội Liên hiệp Phụ nữ xã", "mass_organisation")
    commune.collectives.create("Trường Tiểu học Quảng Hưng", "school")
    with commune.db.reader() as session:
        assert search_index.has_index(session.connection(), "collectives")
    rows, total = commune.collectives.search("quang hung")
    assert [c.name for c in rows] == ["Trường Tiểu học Quảng Hưng"] and total == 1
    rows, total = commune.collectives.search("hoi ph")  # a two-letter word: LIKE on what the index found
    assert [c.name for c in rows] == ["Hội Liên hiệp Phụ nữ xã"] and total == 1
    _in_step(commune)


def test_the_count_stops_where_asked_and_says_so(commune) -> None:  # type: ignore[no-untyped-def]
    _fill(commune)
    exact = commune.people.search("", limit=3)
    assert exact.total == len(NAMES) and not exact.more
    capped = commune.people.search("", limit=3, count_up_to=5)
    assert capped.total == 6 and capped.more and len(capped.rows) == 3  # "more than 5"
    further = commune.people.search("", offset=6, limit=3, count_up_to=5)  # scrolled on: counts past the page
    assert further.total == 10 and further.more
    few = commune.people.search("nguyen thi", limit=3, count_up_to=5)
    assert few.total == 2 and len(few.rows) == 2 and not few.more


def test_an_old_database_is_indexed_when_migrated(tmp_path: Path) -> None:
    """A database of revision 0001 (as a restored old backup is) gets the index with its rows."""
    folder = tmp_path / "office"
    folder.mkdir()
    shutil.copy(DATA / "db-rev0001.sqlite", folder / "thidua.sqlite")
    app = open_app(folder)
    try:
        assert current_revision(app.db.engine) == head_revision()
        with app.db.reader() as session:
            assert common.indexed_rows(session, Person, "nong") is not None
        assert [p.full_name for p in app.people.search("nong van").rows] == ["Nông Văn An"]
        _in_step(app)
    finally:
        app.close()


def test_a_table_rebuilt_by_a_later_migration_is_indexed_again(commune) -> None:  # type: ignore[no-untyped-def]
    """SQLite batch mode rebuilds a table and drops its triggers: the next upgrade makes them again
    and rebuilds the index from the table."""
    _fill(commune)
    with commune.db.engine.begin() as conn:
        conn.exec_driver_sql("DROP TRIGGER people_search_insert")
        conn.exec_driver_sql("DELETE FROM people_search")  # as good as lost
        conn.exec_driver_sql("UPDATE alembic_version SET version_num = '0018'")
    upgrade(commune.db.engine)
    assert current_revision(commune.db.engine) == head_revision()
    found = {p.full_name for p in commune.people.search("thi ha").rows}
    assert found == _expected(commune, "thi ha") and "Lò Thị Hà" in found
    commune.people.create(PersonInput(full_name="Ma Thị Hà", gender="female"))
    assert len(commune.people.search("thi ha").rows) == len(found) + 1
    _in_step(commune)


def test_the_downgrade_removes_the_index(tmp_path: Path) -> None:
    db = Database(f"sqlite:///{tmp_path / 'x.sqlite'}")
    try:
        upgrade(db.engine)
        upgrade_to = "0018"
        from alembic import command

        from thidua_desktop.db.migrate import _config

        cfg = _config()
        with db.engine.begin() as conn:
            cfg.attributes["connection"] = conn
            command.downgrade(cfg, upgrade_to)
        with db.engine.connect() as conn:
            names = {n for (n,) in conn.exec_driver_sql("SELECT name FROM sqlite_master")}
        assert not names & search_index.OWN_NAMES
        upgrade(db.engine)
        with db.engine.connect() as conn:
            assert search_index.has_index(conn, "people")
    finally:
        db.dispose()
