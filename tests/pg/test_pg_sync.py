"""A province office on PostgreSQL exchanging real bundles with a commune on its SQLite file: every
record arrives exactly as the commune wrote it, the province reviews a dossier, and the verdict
travels back. Hostile values that SQLite would store but PostgreSQL refuses are quarantined."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from demo_helpers import DEMO_UNIT
from sqlalchemy import select
from sync_helpers import craft_bundle, deliver

from thidua_desktop.bootstrap import App
from thidua_desktop.db.models import Nomination, Person
from thidua_desktop.db.models.sync import QuarantinedRecord
from thidua_desktop.db.repositories.sync_rows import synced_models, to_json
from thidua_desktop.services.demo import DemoBuilder
from thidua_desktop.services.people import PersonInput

pytestmark = pytest.mark.postgres


def rows_of(app: App, node_id: str) -> dict[tuple[str, str], dict[str, Any]]:
    """Every synced row ``node_id`` wrote, as the bundle's JSON form, by (table, id)."""
    out: dict[tuple[str, str], dict[str, Any]] = {}
    with app.db.reader() as session:
        for model in synced_models():
            for row in session.query(model).filter(model.origin_node == node_id):
                out[(model.__tablename__, row.id)] = to_json(row)
    return out


@pytest.fixture
def enrolled(commune: App, pg_province: App, tmp_path: Path) -> tuple[App, App, Path]:
    """The province on PostgreSQL and xã Quảng Uyên (SQLite) enrolled with it, holding the demo."""
    province = pg_province
    province.sync.create_recovery_key(tmp_path / "recovery.tdkey")
    province.sync.export_enrollment(DEMO_UNIT, tmp_path / "ket-noi.json")
    commune.sync.accept_enrollment((tmp_path / "ket-noi.json").read_bytes())
    DemoBuilder(commune, seed=2026, today=date(2026, 11, 25)).build(people=40)
    return province, commune, tmp_path


def test_a_commune_bundle_round_trips_through_a_postgresql_province(enrolled: tuple[App, App, Path]) -> None:
    province, xa, tmp = enrolled
    node = xa.office.office().node_id
    sent = rows_of(xa, node)
    tables = {table for table, _ in sent}
    assert {"people", "nominations", "award_history", "villages", "collectives"} <= tables
    bundles = xa.sync.export(tmp / "usb").files
    reports = [deliver(province, xa, bundle) for bundle in bundles]
    assert sum(r["quarantined"] for r in reports) == 0 and sum(r["conflicts"] for r in reports) == 0
    # Dates, times, booleans, JSON and Vietnamese text come out of PostgreSQL as SQLite held them.
    assert rows_of(province, node) == sent

    person = next(v for (t, _), v in sent.items() if t == "people" and not v["deleted"])
    found = province.people.search(person["search_key"].upper()).rows
    assert person["id"] in {p.id for p in found}

    with province.db.reader() as session:
        submitted = session.scalars(select(Nomination.id).where(
            Nomination.status == "submitted", Nomination.deleted.is_(False)).order_by(Nomination.id)).first()
    assert submitted is not None, "the demo submits dossiers to the province"
    reason = "Thiếu xác nhận của thủ trưởng đơn vị; đề nghị bổ sung"
    province.reviews.review(submitted, "returned", reason)
    assert province.nominations.get(submitted).status == "returned"

    [back] = province.sync.export(tmp / "back", to=DEMO_UNIT).files
    report = xa.sync.import_bundle(back)
    assert report["quarantined"] == 0
    shown = xa.nominations.get(submitted)
    assert (shown.status, shown.status_reason) == ("returned", reason)
    # The province acknowledged every record it received: the commune's next bundle carries no
    # record (only its acknowledgement of the verdict).
    assert xa.sync.export(tmp / "usb2").counts == {}


def test_values_postgresql_refuses_are_quarantined_and_the_rest_applies(enrolled: tuple[App, App, Path]) -> None:
    """SQLite stores a NUL character in a text and any 64-bit integer; PostgreSQL refuses both
    (text never holds NUL, an Integer column is 32-bit). A signed bundle carrying them must not
    abort the import: those records wait in the quarantine as bad values, as they would at a
    province on SQLite, and the others apply (0/1 for a boolean included)."""
    province, xa, tmp = enrolled
    xa.people.create(PersonInput("Nông Văn Mẫu", "male"))
    [first] = xa.sync.export(tmp / "usb").files
    deliver(province, xa, first)
    with xa.db.reader() as session:
        template = to_json(session.query(Person).filter(Person.full_name == "Nông Văn Mẫu").one())
    node = xa.office.office().node_id

    def record(row_id: str, **changes: Any) -> str:
        data = {**template, "id": row_id, "cccd": None, "version": 10_000, "clock": 10_000, **changes}
        return json.dumps(data, ensure_ascii=False)

    good = "00000000-0000-4000-8000-00000000000a"
    nul = "00000000-0000-4000-8000-00000000000b"
    huge = "00000000-0000-4000-8000-00000000000c"
    bundle = craft_bundle(xa, province, tmp / "crafted.tdsync", {"people": [
        record(good, full_name="Lý Thị Tốt", version=10_001, deleted=0, is_direct_worker=1),
        record(nul, full_name="Lý Thị\x00Ẩn", version=10_002),
        record(huge, full_name="Lý Văn Lớn", clock=2 ** 40, version=10_003),
    ]}, manifest={"acks": {}, "since": {}, "upto": {}})
    report = province.sync.import_bundle(bundle)
    assert report["new"] == 1 and report["quarantined"] == 2
    with province.db.reader() as session:
        held = {p.id: (p.deleted, p.is_direct_worker) for p in session.query(Person).filter(Person.origin_node == node)}
        waiting = {r.row_id: (r.reason, r.detail) for r in session.query(QuarantinedRecord)}
    assert held[good] == (False, True) and nul not in held and huge not in held
    assert waiting == {nul: ("BAD_VALUE", "full_name: holds a NUL character"),
                       huge: ("BAD_VALUE", "clock: number out of range")}
