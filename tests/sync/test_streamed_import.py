"""A bundle is applied as it is read, table by table in chunks (issue 15): memory stays bounded
whatever its size, a bad row is quarantined alone with its real cause while the rest of its table
goes in by the fast path, and a CCCD two communes hold is a duplicate for the reviewer, never a
quarantine."""

from __future__ import annotations

import json
import tracemalloc
import uuid
from collections.abc import Iterator
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from province_overview_helpers import enrol
from sqlalchemy import select
from sync_helpers import confirmed_pair_with_template, craft_bundle, deliver

from thidua_desktop.bootstrap import App
from thidua_desktop.db.models import Person, QuarantinedRecord
from thidua_desktop.db.repositories import sync_apply
from thidua_desktop.services.demo import DemoBuilder
from thidua_desktop.sync import MESSAGES

TEMPLATE_VERSION_GAP = 10  # crafted versions start above the template's, so every one is new


@pytest.fixture
def pinned(tmp_path: Path) -> Iterator[tuple[App, App, Path, dict[str, Any]]]:
    province, commune, template = confirmed_pair_with_template(tmp_path)
    yield province, commune, tmp_path, template
    province.close()
    commune.close()


def people(template: dict[str, Any], count: int, **changes: Any) -> list[dict[str, Any]]:
    base = template["version"] + TEMPLATE_VERSION_GAP
    return [{**template, "id": str(uuid.uuid4()), "full_name": f"Người Thứ {n}", "cccd": None,
             "version": base + n, "clock": base + n, **changes} for n in range(count)]


def lines(records: list[Any]) -> list[str]:
    return [json.dumps(r, ensure_ascii=False) for r in records]


def open_quarantine(app: App) -> list[tuple[str, str, str]]:
    with app.db.reader() as session:
        rows = session.query(QuarantinedRecord).filter(QuarantinedRecord.resolved_at.is_(None)).all()
        return sorted((r.row_id, r.reason, r.detail) for r in rows)


def people_ids(app: App) -> set[str]:
    with app.db.reader() as session:
        return set(session.scalars(select(Person.id)))


def cccds(app: App) -> list[str]:
    with app.db.reader() as session:
        return [n for n in session.scalars(select(Person.cccd)) if n]


@pytest.fixture
def row_by_row(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The ids the import sent down the row-by-row path (the applier's own calls only; the retry
    of the quarantine afterwards is row by row by design). A spy: each call still runs."""
    calls: list[str] = []
    real = sync_apply.apply_record

    def spy(session: Any, table: str, data: Any, *args: Any, **kwargs: Any) -> bool:
        calls.append(str(data.get("id")) if isinstance(data, dict) else "")
        return real(session, table, data, *args, **kwargs)
    monkeypatch.setattr(sync_apply, "apply_record", spy)
    return calls


def test_memory_stays_bounded_for_a_bundle_many_chunks_long(pinned, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    province, commune, tmp, template = pinned
    monkeypatch.setattr(sync_apply, "CHUNK_ROWS", 200)
    records = people(template, 6_000, notes="Ghi chú " * 40)
    text = lines(records)
    bundle = craft_bundle(commune, province, tmp / "big.tdsync", {"people": text})
    # What holding the table whole would cost: its records parsed, as the import used to keep them.
    tracemalloc.start()
    held = [json.loads(line) for line in text]
    whole = tracemalloc.get_traced_memory()[0]
    del held
    tracemalloc.stop()
    del records, text

    tracemalloc.start()
    try:
        report = province.sync.import_bundle(bundle)
        _current, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert report["new"] == 6_000 and report["quarantined"] == 0
    assert peak < whole / 4, (peak, whole)  # thirty chunks: never more than a few of them at once


def test_a_bad_row_mid_table_is_quarantined_alone_and_the_rest_takes_the_fast_path(  # type: ignore[no-untyped-def]
        pinned, row_by_row) -> None:
    province, commune, tmp, template = pinned
    records = people(template, 900)
    records[300] = {**records[300], "birth_date": "1985-13-45"}  # not a date
    records[450] = {**records[450], "village_id": str(uuid.uuid4())}  # a village never sent
    records[600] = {**records[600], "cccd": "004185000111"}
    records[700] = {**records[700], "cccd": "004185000111"}  # the same office's number twice
    bundle = craft_bundle(commune, province, tmp / "b.tdsync", {"people": lines(records)})
    report = province.sync.import_bundle(bundle)

    assert report["new"] == 897 and report["quarantined"] == 3
    assert open_quarantine(province) == sorted([
        (records[300]["id"], "BAD_VALUE", "birth_date: not a date"),
        (records[450]["id"], "REFERENCE_MISSING", "village_id: not held"),
        (records[700]["id"], "DUPLICATE_VALUE", "cccd: already held by another record"),
    ])
    assert row_by_row == []  # no row, good or bad, left the fast path
    held = people_ids(province)
    assert {r["id"] for i, r in enumerate(records) if i not in (300, 450, 700)} <= held
    assert not {records[300]["id"], records[450]["id"], records[700]["id"]} & held


def test_a_unique_value_held_by_a_stored_row_of_the_same_office_is_a_duplicate_not_a_missing_reference(  # type: ignore[no-untyped-def]
        pinned) -> None:
    province, commune, tmp, template = pinned
    [first] = people(template, 1, cccd="004185000222")
    craft_bundle(commune, province, tmp / "1.tdsync", {"people": lines([first])})
    assert province.sync.import_bundle(tmp / "1.tdsync")["new"] == 1
    second = {**first, "id": str(uuid.uuid4()), "full_name": "Người Khác", "version": first["version"] + 1,
              "clock": first["clock"] + 1}
    craft_bundle(commune, province, tmp / "2.tdsync", {"people": lines([second])})
    report = province.sync.import_bundle(tmp / "2.tdsync")
    assert report["quarantined"] == 1
    assert open_quarantine(province) == [(second["id"], "DUPLICATE_VALUE", "cccd: already held by another record")]
    # Worded for the officer in both languages (the GUI words it too, sync_texts.py).
    vi, en = MESSAGES["DUPLICATE_VALUE"]
    assert "CCCD" in vi and "citizen ID" in en


def test_a_cccd_on_two_communes_registers_is_a_duplicate_finding_never_a_quarantine(tmp_path: Path) -> None:
    from office_templates import fresh_office

    from thidua_desktop.bootstrap import open_app

    province = open_app(fresh_office(tmp_path / "tinh"), actor="tinh")
    province.office.init_office("province", "04")
    province.sync.create_recovery_key(tmp_path / "recovery.tdkey")
    first, second = enrol(province, tmp_path, "01576"), enrol(province, tmp_path, "01294")
    try:
        DemoBuilder(first, seed=11, today=date(2026, 11, 25)).build(people=40)
        numbers = sorted(cccds(first))
        # The same seed: both communes draw the same numbers, so only the commune's own block of
        # serials keeps them apart (the hardest case for "never by chance").
        DemoBuilder(second, seed=11, today=date(2026, 11, 25), shared_cccds=numbers[:1]).build(people=40)
        theirs = cccds(second)
        assert len(theirs) == len(set(theirs)) and len(numbers) == len(set(numbers))  # none twice in a commune
        assert set(numbers) & set(theirs) == {numbers[0]}  # the one asked for, and no other by chance
        for commune in (first, second):  # both nominate the citizen: the province's concern (issue 14)
            nominate(commune, numbers[0])
        for commune in (first, second):
            [bundle] = commune.sync.export(tmp_path / f"usb-{commune.office.office().unit_code}").files
            report = deliver(province, commune, bundle)
            assert report["quarantined"] == 0, report
        assert open_quarantine(province) == []
        found = province.duplicates.findings()
        same = [v for v in found if v.reason == "SAME_CCCD"]
        assert same, [(v.kind, v.reason) for v in found]
        assert len(same) == 1
        assert {same[0].a.commune_code, same[0].b.commune_code} == {"01576", "01294"}
    finally:
        for app in (province, first, second):
            app.close()


def nominate(app: App, cccd: str) -> None:
    with app.db.reader() as session:
        person_id = session.scalars(select(Person.id).where(Person.cccd == cccd)).one()
    batch = app.nominations.create_batch("Khen thưởng năm 2026", 2026)
    nomination = app.nominations.create(batch_id=batch.id, award_code="BK_TINH_CN", person_id=person_id,
                                        as_of=date(2026, 11, 25),
                                        achievement_summary="Hoàn thành xuất sắc nhiệm vụ năm 2026")
    for status in ("council_voted", "submitted"):
        app.nominations.transition(nomination.id, status)
