"""Two imports of one bundle at once (issue 11, failure 7): the second ends with
BUNDLE_ALREADY_IMPORTED or DATABASE_BUSY, never an integrity error, and the bundle is applied once."""

from __future__ import annotations

import threading
import time
from pathlib import Path
from typing import Any

from office_db import connect_office
from sqlalchemy import event
from sync_helpers import deliver, enrolled_pair

from thidua_desktop.bootstrap import App, open_app
from thidua_desktop.domain.errors import DomainError
from thidua_desktop.services.people import PersonInput


def announce_write(app: App) -> threading.Event:
    """Set when ``app`` is about to start a write transaction (SQLite's BEGIN IMMEDIATE, which then
    waits for the lock): only watched, the app runs as it does."""
    reached = threading.Event()

    def before(_conn: Any, _cursor: Any, statement: str, *_args: Any) -> None:
        if statement.strip().upper().startswith("BEGIN IMMEDIATE"):
            reached.set()

    event.listen(app.db.engine, "before_cursor_execute", before)
    return reached


def test_two_imports_of_one_bundle_at_once(tmp_path: Path) -> None:
    # The province (recovery key made, enrolment exported) and the commune that accepted it.
    province, xa, _enrolment = enrolled_pair(tmp_path)
    xa.people.create(PersonInput("Nông Văn An", "male"))
    [bundle] = xa.sync.export(tmp_path / "usb").files
    deliver(province, xa, bundle)
    [back] = province.sync.export(tmp_path / "usb-back", to="01576").files  # the province's answer
    province.close()

    # Two windows (or a window and a command) on the commune's data folder import the same file.
    # A third connection holds the write lock while both start, so both reach their write.
    first, second = open_app(xa.paths.data_dir, actor="a"), open_app(xa.paths.data_dir, actor="b")
    writing = [announce_write(first), announce_write(second)]
    outcomes: dict[str, object] = {}
    lock = connect_office(xa, isolation_level=None)
    lock.execute("BEGIN IMMEDIATE")

    def run(name: str, app) -> None:  # type: ignore[no-untyped-def]
        try:
            outcomes[name] = app.sync.import_bundle(back)
        except DomainError as exc:
            outcomes[name] = exc.code
        except Exception as exc:  # the failure this test is about: recorded, then asserted
            outcomes[name] = exc

    threads = [threading.Thread(target=run, args=(n, a)) for n, a in (("a", first), ("b", second))]
    try:
        for t in threads:
            t.start()
        # Both decrypted the bundle and start their write (or ended before it: the asserts below
        # say how) …
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline and not all(
                reached.is_set() or not t.is_alive() for reached, t in zip(writing, threads, strict=True)):
            time.sleep(0.01)
        time.sleep(0.2)  # … and wait for the lock inside BEGIN IMMEDIATE (if not yet, still fine)
    finally:
        lock.execute("ROLLBACK")
        lock.close()
    for t in threads:
        t.join()
    try:
        reports = [o for o in outcomes.values() if isinstance(o, dict)]
        refusals = [o for o in outcomes.values() if not isinstance(o, dict)]
        assert len(reports) == 1, outcomes
        assert refusals and refusals[0] in ("BUNDLE_ALREADY_IMPORTED", "DATABASE_BUSY"), outcomes
        con = connect_office(xa)
        try:
            assert con.execute("SELECT count(*) FROM sync_imports").fetchone()[0] == 1
        finally:
            con.close()
    finally:
        for app in (first, second, xa):
            app.close()
