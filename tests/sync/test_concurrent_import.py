"""Two imports of one bundle at once (issue 11, failure 7): the second ends with
BUNDLE_ALREADY_IMPORTED or DATABASE_BUSY, never an integrity error, and the bundle is applied once."""

from __future__ import annotations

import threading
from pathlib import Path

from office_db import connect_office
from sync_helpers import deliver

from thidua_desktop.bootstrap import open_app
from thidua_desktop.domain.errors import DomainError
from thidua_desktop.services.people import PersonInput


def test_two_imports_of_one_bundle_at_once(tmp_path: Path) -> None:
    province = open_app(tmp_path / "tinh", actor="tinh")
    province.office.init_office("province", "04")
    province.sync.create_recovery_key(tmp_path / "recovery.tdkey")
    province.sync.export_enrollment("01576", tmp_path / "ket-noi.json")
    xa = open_app(tmp_path / "xa", actor="xa")
    xa.office.init_office("commune", "01576")
    xa.sync.accept_enrollment((tmp_path / "ket-noi.json").read_bytes())
    xa.people.create(PersonInput("Nông Văn An", "male"))
    [bundle] = xa.sync.export(tmp_path / "usb").files
    deliver(province, xa, bundle)
    [back] = province.sync.export(tmp_path / "usb-back", to="01576").files  # the province's answer
    province.close()

    # Two windows (or a window and a command) on the commune's data folder import the same file.
    # A third connection holds the write lock while both start, so both reach their write.
    first, second = open_app(tmp_path / "xa", actor="a"), open_app(tmp_path / "xa", actor="b")
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
        for t in threads:
            t.join(1.5)  # both are decrypted and waiting for the lock by now (if not, still fine)
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
