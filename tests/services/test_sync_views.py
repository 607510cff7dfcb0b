"""What the Đồng bộ screen reads about sync, and the user's choice on a conflict, over real
offices exchanging real bundles (and payloads) in tmp_path."""

from __future__ import annotations

import copy
from pathlib import Path

import pytest
from sync_helpers import confirm_first, enrolled_pair

from thidua_desktop.bootstrap import App
from thidua_desktop.domain.errors import DomainError
from thidua_desktop.services import sync_views
from thidua_desktop.services.people import PersonInput
from thidua_desktop.services.sync_exchange import SyncExchange
from thidua_desktop.services.sync_views import SyncViews


@pytest.fixture
def offices(tmp_path: Path):  # type: ignore[no-untyped-def]
    """A province and its enrolled commune (sync_helpers.enrolled_pair: built once, copied here)."""
    province, commune, _enrolment = enrolled_pair(tmp_path)
    yield province, commune, tmp_path
    province.close()
    commune.close()


def views(app: App) -> SyncViews:
    return SyncViews(app.db, app.actor, app.current_catalog)


def test_peers_fingerprints_and_histories_follow_a_round_trip(offices) -> None:  # type: ignore[no-untyped-def]
    province, commune, tmp = offices
    [pending], total = views(province).peers()
    assert total == 1 and pending.unit_code == "01576" and pending.status == "pending" and not pending.has_keys
    commune.people.create_many([PersonInput("Nông Văn An", "male"), PersonInput("Lý Thị Hoa", "female")])
    assert views(commune).unsent_count() == sum(commune.sync.exchange.build_payload("04").counts.values()) >= 2
    [bundle] = commune.sync.export(tmp / "usb").files
    with pytest.raises(DomainError) as waits:  # a first bundle waits for the fingerprint check
        province.sync.import_bundle(bundle)
    assert waits.value.code == "BUNDLE_WAITS_FOR_FINGERPRINT"
    waiting = views(province).peer("01576")
    assert waiting.status == "waiting" and not waiting.has_keys and views(province).imports()[1] == 0
    confirm_first(province, commune)

    peer = views(province).peer("01576")
    assert peer.has_keys and peer.fingerprint == commune.sync.fingerprint() and peer.last_received_at
    [imported], total = views(province).imports()
    assert total == 1 and imported.file_name == bundle.name and imported.peer_code == "01576"
    assert imported.report["new"] >= 2
    [exported], _ = views(commune).exports()
    assert exported.file_name == bundle.name and exported.peer_code == "04" and exported.counts["people"] == 2
    province_peer = views(commune).province_peer()
    assert province_peer is not None and province_peer.fingerprint == province.sync.fingerprint()
    assert province_peer.status == "confirmed"

    assert views(province).peer("01576").status == "confirmed"
    [back] = province.sync.export(tmp / "usb", to="01576").files
    commune.sync.import_bundle(back)  # carries the province's acknowledgement
    status = views(commune).status()
    assert status.unsent == 0 and status.last_sent and status.last_received
    assert status.last_exchange == max(status.last_sent, status.last_received)
    commune.people.create(PersonInput("Hoàng Văn Đức", "male"))
    assert views(commune).unsent_count() == 1


def test_enrollable_communes_are_the_provinces_communes_only(offices) -> None:  # type: ignore[no-untyped-def]
    province, _commune, _tmp = offices
    units = dict(views(province).enrollable_communes())
    assert "01576" in units and "04" not in units
    assert all(len(code) == 5 for code in units)


def test_security_log_is_paged(offices) -> None:  # type: ignore[no-untyped-def]
    province, commune, tmp = offices
    commune.people.create(PersonInput("Nông Văn An", "male"))
    [bundle] = commune.sync.export(tmp / "usb").files
    for cut in (60, 200, 400):
        damaged = tmp / f"cut-{cut}.tdsync"
        damaged.write_bytes(bundle.read_bytes()[:cut])
        with pytest.raises(DomainError):
            province.sync.import_bundle(damaged)
    first, total = views(province).security_events(0, 2)
    rest, _ = views(province).security_events(2, 2)
    assert total == 3 and len(first) == 2 and len(rest) == 1
    assert first[0].file_name == "cut-400.tdsync" and first[0].kind in {"BUNDLE_TRUNCATED", "BUNDLE_CORRUPT"}


def _forge_conflict(commune: App, province: App) -> str:
    """The same person from two writers (a cloned database, a bug): see tests/sync/test_exchange.py."""
    person = commune.people.create(PersonInput("Nông Văn An", "male"))
    SyncExchange(province.db).add_peer("01576", "Quảng Uyên", "commune", commune.office.office().node_id,
                                       status="confirmed")
    payload = SyncExchange(commune.db).build_payload("04")
    forged = copy.deepcopy(payload)
    row = forged.records["people"][0]
    row["full_name"], row["clock"] = "Bản sao khác", 10**6
    row["origin_node"] = province.office.office().node_id
    SyncExchange(province.db).apply_payload(payload, "b1")
    assert SyncExchange(province.db).apply_payload(forged, "b-forged").conflicts == 1
    return person.id


def test_conflict_shows_both_versions_and_keeping_the_loser_writes_a_new_local_version(offices) -> None:  # type: ignore[no-untyped-def]
    province, commune, _tmp = offices
    person_id = _forge_conflict(commune, province)
    [conflict], total = views(province).conflicts()
    assert total == 1 and conflict.table == "people" and conflict.row_id == person_id
    name = next(f for f in conflict.fields if f.name == "full_name")
    assert (name.winner, name.loser, name.differs) == ("Bản sao khác", "Nông Văn An", True)
    assert not any(f.name in ("version", "clock", "search_key") for f in conflict.fields)
    assert conflict.owned_here and conflict.winner_origin == "04" and conflict.label == "Bản sao khác"
    assert province.people.get(person_id).full_name == "Bản sao khác"

    resolved = views(province).resolve_conflict(conflict.id, "loser")
    assert resolved.resolution == "loser" and resolved.resolved_at is not None
    assert province.people.get(person_id).full_name == "Nông Văn An"
    assert views(province).conflicts() == ([], 0)
    assert views(province).conflicts(open_only=False)[1] == 1
    # The kept version is a new local write that outranks the forged clock, so it travels and wins.
    payload = province.sync.exchange.build_payload("01576")
    [row] = [r for r in payload.records["people"] if r["id"] == person_id]
    assert row["full_name"] == "Nông Văn An" and row["clock"] > 10**6

    with pytest.raises(DomainError) as err:
        views(province).resolve_conflict(conflict.id, "winner")
    assert err.value.code == "CONFLICT_ALREADY_RESOLVED"


def test_keeping_a_version_of_a_row_another_office_writes_only_records_the_choice(offices) -> None:  # type: ignore[no-untyped-def]
    province, commune, _tmp = offices
    person_id = _forge_conflict(commune, province)
    [conflict], _ = views(province).conflicts()
    with province.db.transaction() as session:  # the row now belongs to the commune again
        from thidua_desktop.db.models import Person

        session.info["applying_remote"] = True
        session.get(Person, person_id).origin_node = commune.office.office().node_id
    before = province.people.get(person_id).full_name
    assert not views(province).conflict(conflict.id).owned_here
    views(province).resolve_conflict(conflict.id, "loser")
    assert province.people.get(person_id).full_name == before
    assert views(province).conflict(conflict.id).resolution == "loser"


def test_resolve_conflict_refuses_bad_input(offices) -> None:  # type: ignore[no-untyped-def]
    province, commune, _tmp = offices
    _forge_conflict(commune, province)
    [conflict], _ = views(province).conflicts()
    with pytest.raises(DomainError) as err:
        views(province).resolve_conflict(conflict.id, "both")
    assert err.value.code == "ENUM_INVALID" and err.value.field == "keep"
    with pytest.raises(DomainError) as err:
        views(province).resolve_conflict(9999, "winner")
    assert err.value.code == "NOT_FOUND" and err.value.field == "conflict"
    assert views(province).conflict(conflict.id).resolved_at is None


def test_quarantine_lists_open_items_with_reason_and_attempts(offices) -> None:  # type: ignore[no-untyped-def]
    province, commune, _tmp = offices
    SyncExchange(province.db).add_peer("01576", "Quảng Uyên", "commune", commune.office.office().node_id,
                                       status="confirmed")
    village = commune.office.add_village("Xóm Nà Cạn")
    commune.people.create(PersonInput("Nông Văn An", "male", village_id=village.id))
    payload = SyncExchange(commune.db).build_payload("04")
    villages = payload.records.pop("villages")
    SyncExchange(province.db).apply_payload(copy.deepcopy(payload), "b1")
    [item], total = views(province).quarantine()
    assert total == 1 and item.table == "people" and item.reason == "REFERENCE_MISSING" and item.attempts >= 1
    payload.records = {"villages": villages}
    SyncExchange(province.db).apply_payload(payload, "b2")
    assert views(province).quarantine() == ([], 0)


def test_removable_drives_lists_mounted_folders_and_never_fails(tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    media = tmp_path / "media"
    (media / "USB16GB").mkdir(parents=True)
    (media / "not-mounted").mkdir()
    monkeypatch.setattr(sync_views.os.path, "ismount", lambda p: Path(p).name == "USB16GB")
    assert sync_views._mounted_children([media, tmp_path / "missing"]) == [media / "USB16GB"]

    def broken() -> str:
        raise OSError("no user")

    monkeypatch.setattr(sync_views.getpass, "getuser", broken)
    monkeypatch.setattr(sync_views.sys, "platform", "linux")
    assert sync_views.removable_drives() == []
