"""Several writers on one SQLite file (issue 11, failure 7): the GUI and a `thidua` command, two
commands, two imports of one bundle. A writer waits for the other instead of failing at once, and
when the wait runs out it gets DATABASE_BUSY (a refusal with a clear sentence), never an
OperationalError. Real files in tmp_path, real threads; no timing is asserted."""

from __future__ import annotations

import sqlite3
import threading
from pathlib import Path

import pytest
from sqlalchemy import text

from thidua_desktop.db import Database, DatabaseBusy
from thidua_desktop.db.engine import BUSY_TIMEOUT_ENV, busy_timeout_ms, busy_wait
from thidua_desktop.messages import render


def _db(path: Path, timeout_ms: int = 10_000) -> Database:
    db = Database(f"sqlite:///{path.as_posix()}", busy_timeout=timeout_ms)
    with db.transaction() as session:
        session.execute(text("CREATE TABLE IF NOT EXISTS t (x INTEGER)"))
    return db


def _rows(db: Database) -> list[int]:
    with db.reader() as session:
        return list(session.execute(text("SELECT x FROM t ORDER BY x")).scalars())


def test_a_writer_that_read_first_is_not_refused_when_another_writes_meanwhile(tmp_path: Path) -> None:
    """The failure seen with the GUI open during an import: a save reads, someone else commits a
    write, the save then writes. With a deferred BEGIN SQLite refused the save at once ("database
    is locked", whatever the busy timeout); with BEGIN IMMEDIATE the other writer waits instead."""
    gui, cli = _db(tmp_path / "x.db"), _db(tmp_path / "x.db")
    other_started, errors = threading.Event(), []

    def other_writer() -> None:
        other_started.set()
        try:
            with cli.transaction() as session:
                session.execute(text("INSERT INTO t VALUES (2)"))
        except Exception as exc:  # recorded: the assertion below names it
            errors.append(exc)

    worker = threading.Thread(target=other_writer)
    with gui.transaction() as session:
        session.execute(text("SELECT count(*) FROM t")).scalar()  # the save reads first …
        worker.start()
        other_started.wait()
        worker.join(0.5)  # … the other writer tries meanwhile (it waits for us now) …
        session.execute(text("INSERT INTO t VALUES (1)"))  # … and the save writes
    worker.join()
    assert errors == []
    assert _rows(gui) == [1, 2]


def test_a_second_writer_waits_for_the_first_and_then_succeeds(tmp_path: Path) -> None:
    first, second = _db(tmp_path / "x.db"), _db(tmp_path / "x.db")
    holding, release, errors = threading.Event(), threading.Event(), []

    def hold() -> None:
        with first.transaction() as session:
            session.execute(text("INSERT INTO t VALUES (1)"))
            holding.set()
            release.wait()

    holder = threading.Thread(target=hold)
    holder.start()
    holding.wait()

    def write() -> None:
        try:
            with second.transaction() as session:
                session.execute(text("INSERT INTO t VALUES (2)"))
        except Exception as exc:
            errors.append(exc)

    writer = threading.Thread(target=write)
    writer.start()
    writer.join(0.5)  # still waiting for the lock: not failed
    assert errors == []
    release.set()
    holder.join()
    writer.join()
    assert errors == []
    assert _rows(second) == [1, 2]


def test_held_past_the_timeout_is_database_busy_and_writes_nothing(tmp_path: Path) -> None:
    path = tmp_path / "x.db"
    _db(path).dispose()
    impatient = _db(path, timeout_ms=50)
    other = sqlite3.connect(path, isolation_level=None)
    try:
        other.execute("BEGIN EXCLUSIVE")
        other.execute("INSERT INTO t VALUES (9)")
        with pytest.raises(DatabaseBusy) as caught, impatient.transaction() as session:
            session.execute(text("INSERT INTO t VALUES (1)"))
        assert _rows(impatient) == []  # readers are not blocked by the writer (WAL)
    finally:
        other.execute("ROLLBACK")
        other.close()
    assert caught.value.code == "DATABASE_BUSY"
    assert render(caught.value, "vi") == ("Một cửa sổ hoặc lệnh khác đang ghi dữ liệu; vui lòng thử lại sau "
                                          "giây lát.")
    assert "Another window or command is writing" in render(caught.value, "en")
    assert _rows(impatient) == []


def test_a_shorter_wait_for_one_block_and_a_count_of_its_commits(tmp_path: Path) -> None:
    path = tmp_path / "x.db"
    db = _db(path)  # 10 s by default
    other = sqlite3.connect(path, isolation_level=None)
    try:
        with busy_wait(50) as scope:
            with db.transaction() as session:
                session.execute(text("INSERT INTO t VALUES (1)"))
            other.execute("BEGIN IMMEDIATE")
            with pytest.raises(DatabaseBusy), db.transaction() as session:
                session.execute(text("INSERT INTO t VALUES (2)"))
        assert scope.commits == 1  # the GUI never retries an action that already saved a part
    finally:
        other.execute("ROLLBACK")
        other.close()
    assert _rows(db) == [1]


def test_busy_timeout_comes_from_the_environment_for_tests(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(BUSY_TIMEOUT_ENV, "1234")
    assert busy_timeout_ms() == 1234
    assert busy_timeout_ms(5) == 5
    monkeypatch.setenv(BUSY_TIMEOUT_ENV, "soon")
    assert busy_timeout_ms() == 10_000


def test_readers_keep_a_deferred_begin(tmp_path: Path) -> None:
    """A reader never takes the write lock: it reads while another connection writes."""
    path = tmp_path / "x.db"
    db = _db(path, timeout_ms=50)
    other = sqlite3.connect(path, isolation_level=None)
    try:
        other.execute("BEGIN IMMEDIATE")
        with db.reader() as session:
            assert session.execute(text("SELECT count(*) FROM t")).scalar() == 0
    finally:
        other.execute("ROLLBACK")
        other.close()
