"""Row exchange between a commune and the province, without the file format: acknowledgements,
idempotency, lost sticks, tombstones, conflicts, quarantine and restore epochs."""

from __future__ import annotations

import copy

import pytest
from office_templates import copy_template

from thidua_desktop.bootstrap import App, open_app
from thidua_desktop.services.people import PersonInput
from thidua_desktop.services.sync_exchange import Payload, SyncExchange


@pytest.fixture
def pair(tmp_path, _template_dir):  # type: ignore[no-untyped-def]
    commune = open_app(copy_template(_template_dir, tmp_path / "xa"), actor="xa")
    province = open_app(copy_template(_template_dir, tmp_path / "tinh"), actor="tinh")
    commune.office.init_office("commune", "01576")
    province.office.init_office("province", "04")
    c, p = commune.office.office(), province.office.office()
    SyncExchange(commune.db).add_peer("04", "Cao Bằng", "province", p.node_id, status="confirmed")
    SyncExchange(province.db).add_peer("01576", "Quảng Uyên", "commune", c.node_id, status="confirmed")
    yield commune, province
    commune.close()
    province.close()


def send(src: App, dst: App, peer_code: str, bundle: str) -> tuple[Payload, dict[str, int]]:
    payload = SyncExchange(src.db).build_payload(peer_code)
    report = SyncExchange(dst.db).apply_payload(copy.deepcopy(payload), bundle)
    return payload, report.as_dict()


def names(app: App) -> list[str]:
    return sorted(p.full_name for p in app.people.search("", limit=1000).rows)


def test_rows_arrive_once_and_reimport_changes_nothing(pair) -> None:  # type: ignore[no-untyped-def]
    commune, province = pair
    commune.people.create_many([PersonInput("Nông Văn An", "male"), PersonInput("Lý Thị Hoa", "female")])
    payload, report = send(commune, province, "04", "b1")
    assert report["new"] == 2 and names(province) == ["Lý Thị Hoa", "Nông Văn An"]
    again = SyncExchange(province.db).apply_payload(copy.deepcopy(payload), "b1-again").as_dict()
    assert again["new"] == 0 and again["updated"] == 0 and again["unchanged"] == 2


def test_acknowledgement_shrinks_the_next_export_and_nothing_new_is_empty(pair) -> None:  # type: ignore[no-untyped-def]
    commune, province = pair
    commune.people.create(PersonInput("Nông Văn An", "male"))
    send(commune, province, "04", "b1")
    send(province, commune, "01576", "r1")  # carries the province's acknowledgement back
    assert SyncExchange(commune.db).build_payload("04").empty


def test_lost_stick_is_covered_by_the_next_bundle(pair) -> None:  # type: ignore[no-untyped-def]
    commune, province = pair
    commune.people.create(PersonInput("Nông Văn An", "male"))
    lost = SyncExchange(commune.db).build_payload("04")  # never arrives
    commune.people.create(PersonInput("Lý Thị Hoa", "female"))
    _, report = send(commune, province, "04", "b2")
    assert report["new"] == 2
    late = SyncExchange(province.db).apply_payload(lost, "b1-late").as_dict()
    assert late["new"] == 0 and names(province) == ["Lý Thị Hoa", "Nông Văn An"]


def test_delete_then_stale_bundle_does_not_resurrect(pair) -> None:  # type: ignore[no-untyped-def]
    commune, province = pair
    person = commune.people.create(PersonInput("Nông Văn An", "male"))
    stale = SyncExchange(commune.db).build_payload("04")
    commune.people.delete(person.id)
    send(commune, province, "04", "b2")
    assert names(province) == []
    SyncExchange(province.db).apply_payload(stale, "b1-stale")
    assert names(province) == []


def test_updates_win_by_version_in_any_order(pair) -> None:  # type: ignore[no-untyped-def]
    commune, province = pair
    person = commune.people.create(PersonInput("Nông Văn An", "male"))
    first = SyncExchange(commune.db).build_payload("04")
    commune.people.update(person.id, PersonInput("Nông Văn Ân", "male"))
    second = SyncExchange(commune.db).build_payload("04")
    SyncExchange(province.db).apply_payload(second, "b2")
    SyncExchange(province.db).apply_payload(first, "b1")
    assert names(province) == ["Nông Văn Ân"]


def test_same_record_from_two_writers_is_a_visible_conflict_with_one_winner(pair) -> None:  # type: ignore[no-untyped-def]
    commune, province = pair
    person = commune.people.create(PersonInput("Nông Văn An", "male"))
    payload = SyncExchange(commune.db).build_payload("04")
    forged = copy.deepcopy(payload)
    row = forged.records["people"][0]
    row["full_name"], row["clock"] = "Bản sao khác", 10**6
    row["origin_node"] = province.office.office().node_id  # a cloned/buggy writer
    SyncExchange(province.db).apply_payload(payload, "b1")
    report = SyncExchange(province.db).apply_payload(forged, "b-forged").as_dict()
    assert report["conflicts"] == 1
    from sqlalchemy import select

    from thidua_desktop.db.models import SyncConflict

    with province.db.reader() as session:
        [conflict] = session.scalars(select(SyncConflict)).all()
        assert conflict.row_id == person.id
        assert {conflict.winner["full_name"], conflict.loser["full_name"]} == {"Nông Văn An", "Bản sao khác"}


def test_a_row_with_a_missing_parent_is_quarantined_then_released(pair) -> None:  # type: ignore[no-untyped-def]
    commune, province = pair
    village = commune.office.add_village("Xóm Nà Cạn")
    commune.people.create(PersonInput("Nông Văn An", "male", village_id=village.id))
    payload = SyncExchange(commune.db).build_payload("04")
    villages = payload.records.pop("villages")
    report = SyncExchange(province.db).apply_payload(copy.deepcopy(payload), "b1").as_dict()
    assert report["quarantined"] == 1 and names(province) == []
    payload.records = {"villages": villages}
    report = SyncExchange(province.db).apply_payload(payload, "b2").as_dict()
    assert report["released"] == 1 and report["quarantined"] == 0
    assert names(province) == ["Nông Văn An"]


def test_a_commune_cannot_write_rows_of_another_office(pair, tmp_path) -> None:  # type: ignore[no-untyped-def]
    commune, province = pair
    commune.people.create(PersonInput("Nông Văn An", "male"))
    payload = SyncExchange(commune.db).build_payload("04")
    payload.records["people"][0]["origin_node"] = "someone-else"
    report = SyncExchange(province.db).apply_payload(payload, "b1").as_dict()
    assert report["quarantined"] == 1 and names(province) == []


def test_restore_starts_a_new_epoch_and_new_writes_still_travel(pair, tmp_path) -> None:  # type: ignore[no-untyped-def]
    commune, province = pair
    commune.people.create(PersonInput("Nông Văn An", "male"))
    backup = commune.maintenance.backup(tmp_path / "b.zip")
    commune.people.create(PersonInput("Lý Thị Hoa", "female"))
    send(commune, province, "04", "b1")
    send(province, commune, "01576", "r1")
    commune.restore_from(backup)  # counters go back; the epoch moves on
    commune.people.create(PersonInput("Hoàng Văn Đức", "male"))
    _payload, report = send(commune, province, "04", "b2")
    assert report["new"] == 1
    assert names(province) == ["Hoàng Văn Đức", "Lý Thị Hoa", "Nông Văn An"]
