"""Bundles on disk between a province and two communes: enrolment, round trip, reviews, and every
class of bad bundle refused with the database unchanged."""

from __future__ import annotations

import hashlib
import os
import shutil
import signal
import subprocess
import time
from pathlib import Path

import pytest
from checkpoint_runner import command
from office_db import connect_office
from office_templates import copy_template
from sync_helpers import deliver

from thidua_desktop.bootstrap import App, open_app
from thidua_desktop.checkpoints import IMPORT_BEFORE_COMMIT
from thidua_desktop.domain.errors import DomainError
from thidua_desktop.services.people import PersonInput

TABLES = ("people", "nominations", "nomination_reviews", "sync_imports", "attachments", "award_history")


@pytest.fixture
def offices(tmp_path: Path, _template_dir: Path):  # type: ignore[no-untyped-def]
    province = open_app(copy_template(_template_dir, tmp_path / "tinh"), actor="tinh")
    province.office.init_office("province", "04")
    province.sync.create_recovery_key(tmp_path / "recovery.tdkey")
    communes = {}
    for code in ("01576", "01273"):
        enrolment = tmp_path / f"ket-noi-{code}.json"
        province.sync.export_enrollment(code, enrolment)
        app = open_app(copy_template(_template_dir, tmp_path / code), actor=code)
        app.office.init_office("commune", code)
        app.sync.accept_enrollment(enrolment.read_bytes())
        communes[code] = app
    yield province, communes, tmp_path
    for app in (province, *communes.values()):
        app.close()


def snapshot(app: App) -> dict[str, list[tuple]]:
    con = connect_office(app)
    try:
        return {t: sorted(con.execute(f"SELECT * FROM {t}").fetchall(), key=repr) for t in TABLES}
    finally:
        con.close()


def test_round_trip_with_review_and_no_other_communes_people(offices) -> None:  # type: ignore[no-untyped-def]
    province, communes, tmp = offices
    xa, phuong = communes["01576"], communes["01273"]
    xa.people.create(PersonInput("Nông Văn An", "male"))
    phuong.people.create(PersonInput("Lý Thị Hoa", "female"))
    for app in (xa, phuong):
        [bundle] = app.sync.export(tmp / "usb").files
        report = deliver(province, app, bundle)  # the first bundle waits for the fingerprint check
        assert report["new"] >= 1 and report["quarantined"] == 0
    assert sorted(p.full_name for p in province.people.search("").rows) == ["Lý Thị Hoa", "Nông Văn An"]
    [back] = province.sync.export(tmp / "usb", to="01576").files
    xa.sync.import_bundle(back)
    assert [p.full_name for p in xa.people.search("").rows] == ["Nông Văn An"]  # never the other commune's
    assert xa.sync.export(tmp / "usb").nothing_new


def test_reimport_is_refused_as_a_replay_and_changes_nothing(offices) -> None:  # type: ignore[no-untyped-def]
    province, communes, tmp = offices
    communes["01576"].people.create(PersonInput("Nông Văn An", "male"))
    [bundle] = communes["01576"].sync.export(tmp / "usb").files
    deliver(province, communes["01576"], bundle)
    before = snapshot(province)
    with pytest.raises(DomainError) as err:
        province.sync.import_bundle(bundle)
    assert err.value.code == "BUNDLE_ALREADY_IMPORTED"
    assert snapshot(province) == before


def _bad_copies(bundle: Path, tmp: Path) -> dict[str, Path]:
    data = bundle.read_bytes()
    out = {}
    for offset in (5, 40, len(data) // 2, len(data) - 3):
        truncated = tmp / f"cut-{offset}.tdsync"
        truncated.write_bytes(data[:offset])
        out[f"truncated@{offset}"] = truncated
        flipped = bytearray(data)
        flipped[offset] ^= 0x01
        path = tmp / f"flip-{offset}.tdsync"
        path.write_bytes(bytes(flipped))
        out[f"flipped@{offset}"] = path
    return out


def test_damaged_bundles_are_refused_and_logged_with_the_database_unchanged(offices) -> None:  # type: ignore[no-untyped-def]
    province, communes, tmp = offices
    communes["01576"].people.create(PersonInput("Nông Văn An", "male"))
    [bundle] = communes["01576"].sync.export(tmp / "usb").files
    before = snapshot(province)
    for label, path in _bad_copies(bundle, tmp).items():
        with pytest.raises(DomainError) as err:
            province.sync.import_bundle(path)
        assert err.value.code in {"BUNDLE_TRUNCATED", "BUNDLE_CORRUPT", "BUNDLE_NOT_A_BUNDLE"}, label
        assert snapshot(province) == before, label
    assert len(province.sync.security_events()) >= 8


def test_wrong_recipient_names_the_intended_office(offices) -> None:  # type: ignore[no-untyped-def]
    _province, communes, tmp = offices
    communes["01576"].people.create(PersonInput("Nông Văn An", "male"))
    [bundle] = communes["01576"].sync.export(tmp / "usb").files
    before = snapshot(communes["01273"])
    with pytest.raises(DomainError) as err:
        communes["01273"].sync.import_bundle(bundle)
    assert err.value.code == "BUNDLE_WRONG_RECIPIENT" and err.value.params["intended_code"] == "04"
    assert snapshot(communes["01273"]) == before


def test_unknown_and_revoked_senders_are_refused(offices, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    province, _communes, tmp = offices
    stranger = open_app(tmp / "stranger")
    try:
        stranger.office.init_office("commune", "01290")
        enrolment = tmp / "fake.json"
        province.sync.export_enrollment("01290", enrolment)
        stranger.sync.accept_enrollment(enrolment.read_bytes())
        stranger.people.create(PersonInput("Người Lạ", "male"))
        [bundle] = stranger.sync.export(tmp / "usb").files
    finally:
        stranger.close()
    province.sync.revoke_peer("01290")
    before = snapshot(province)
    with pytest.raises(DomainError) as err:
        province.sync.import_bundle(bundle)
    assert err.value.code == "BUNDLE_SENDER_REVOKED" and snapshot(province) == before
    with province.db.transaction() as session:
        from thidua_desktop.db.models import SyncPeer

        session.delete(session.get(SyncPeer, "01290"))
    with pytest.raises(DomainError) as err:
        province.sync.import_bundle(bundle)
    assert err.value.code == "BUNDLE_SENDER_UNKNOWN"


def test_a_bundle_signed_by_another_key_is_refused(offices) -> None:  # type: ignore[no-untyped-def]
    province, communes, tmp = offices
    xa = communes["01576"]
    xa.people.create(PersonInput("Nông Văn An", "male"))
    [first] = xa.sync.export(tmp / "usb").files
    deliver(province, xa, first)  # pins the commune's key (after the fingerprint check)
    shutil.rmtree(xa.paths.keys_dir)  # e.g. a copied database on another machine with fresh keys
    xa.people.create(PersonInput("Lý Văn Bình", "male"))
    [forged] = xa.sync.export(tmp / "usb2").files
    before = snapshot(province)
    with pytest.raises(DomainError) as err:
        province.sync.import_bundle(forged)
    assert err.value.code == "BUNDLE_SIGNATURE_INVALID" and snapshot(province) == before


def test_attachments_travel_deduplicated_and_verified(offices, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    from thidua_desktop.services.movements import MovementInput

    province, communes, tmp = offices
    xa = communes["01576"]
    photo = tmp / "anh.png"
    photo.write_bytes(b"\x89PNG fake photo" * 100)
    movement = xa.movements.create(MovementInput(code="M1", name="Phong trào"))
    for day in ("01/06/2026", "02/06/2026"):
        xa.movements.record_activity(movement_id=movement, held_on=day, files=[photo])
    [bundle] = xa.sync.export(tmp / "usb").files
    report = deliver(province, xa, bundle)
    assert report["quarantined"] == 0
    sha = hashlib.sha256(photo.read_bytes()).hexdigest()
    stored = [p for p in province.paths.attachments_dir.rglob("*") if p.is_file()]
    assert [p.name for p in stored] == [sha]
    assert province.maintenance.check().ok


def test_killed_import_leaves_nothing_and_reimport_works(offices) -> None:  # type: ignore[no-untyped-def]
    province, communes, tmp = offices
    communes["01576"].people.create(PersonInput("Nông Văn Đầu", "male"))
    [first] = communes["01576"].sync.export(tmp / "usb0").files
    deliver(province, communes["01576"], first)  # the commune's key is pinned: the next bundle applies at once
    communes["01576"].people.create_many([PersonInput(f"Nông Văn Số{i}", "male") for i in range(50)])
    [bundle] = communes["01576"].sync.export(tmp / "usb").files
    province.close()
    marker = tmp / "paused"
    env = {**os.environ, "THIDUA_TEST_KILL_POINT": IMPORT_BEFORE_COMMIT, "THIDUA_TEST_KILL_MARKER": str(marker)}
    proc = subprocess.Popen(command("--data-dir", str(tmp / "tinh"), "bundle", "import", str(bundle)), env=env,
                            stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE)
    deadline = time.time() + 60
    while not marker.exists() and time.time() < deadline and proc.poll() is None:
        time.sleep(0.05)
    assert marker.exists(), proc.stderr.read().decode() if proc.stderr else ""
    proc.send_signal(signal.SIGKILL)
    proc.wait()
    again = open_app(tmp / "tinh")
    try:
        assert again.maintenance.check().ok
        assert again.people.search("").total == 1  # all or nothing
        report = again.sync.import_bundle(bundle)
        assert report["new"] >= 50 and again.people.search("").total == 51
    finally:
        again.close()


def test_a_bundle_from_a_newer_app_says_update_and_changes_nothing(offices) -> None:  # type: ignore[no-untyped-def]
    from thidua_desktop.services.sync import SCHEMA_VERSION
    from thidua_desktop.sync import keys as k
    from thidua_desktop.sync.container import BundleWriter
    from thidua_desktop.sync.keys import KeyStore

    province, communes, tmp = offices
    xa = communes["01576"]
    office, prov = xa.office.office(), province.office.office()
    recovery = k.b64d(province.office.parameter("recovery_public"), 32)
    box = KeyStore(province.paths.keys_dir, xa.sync.keystore.kek_folder).load().public().box_key
    target = tmp / "newer.tdsync"
    with BundleWriter(target, {"code": office.unit_code, "name": office.unit_name, "node_id": office.node_id,
                               "epoch": office.epoch}, {"code": "04", "name": prov.unit_name},
                      xa.sync.ensure_keys(), box, recovery, SCHEMA_VERSION + 1, None, 1) as writer:
        writer.add_manifest({"acks": {}, "since": {}, "upto": {}})
        writer.add_lines("records/people.jsonl", ['{"id": "x"}'])
    before = snapshot(province)
    with pytest.raises(DomainError) as err:
        province.sync.import_bundle(target)
    assert err.value.code == "BUNDLE_SCHEMA_TOO_NEW"
    from thidua_desktop.messages import render

    assert "cập nhật" in render(err.value, "vi")
    assert snapshot(province) == before


def test_a_large_backlog_is_split_and_parts_apply_in_any_order(offices) -> None:  # type: ignore[no-untyped-def]
    from thidua_desktop.services.movements import MovementInput

    province, communes, tmp = offices
    xa = communes["01576"]
    xa.people.create_many([PersonInput(f"Nông Văn Số {i}", "male") for i in range(120)])
    movement = xa.movements.create(MovementInput(code="M1", name="Phong trào"))
    photos = []
    for i in range(6):
        photo = tmp / f"anh-{i}.jpg"
        photo.write_bytes(os.urandom(30_000))
        photos.append(photo)
    xa.movements.record_activity(movement_id=movement, held_on="01/06/2026", files=photos)
    result = xa.sync.export(tmp / "usb", limit=60_000)
    assert len(result.files) >= 3
    assert all(f.stat().st_size < 200_000 for f in result.files)
    reports = [deliver(province, xa, bundle) for bundle in reversed(result.files)]  # worst order
    assert sum(r["gaps"] for r in reports) >= 1  # later parts first: the marks wait
    assert reports[-1]["quarantined"] == 0  # children that came before their parents are released
    assert province.people.search("").total == 120
    assert province.maintenance.check().ok
    with province.db.reader() as session:
        from thidua_desktop.db.models import QuarantinedRecord

        assert session.query(QuarantinedRecord).filter(QuarantinedRecord.resolved_at.is_(None)).count() == 0
    # The marks only moved over complete ranges, so a new round converges without losing anything.
    [ack] = province.sync.export(tmp / "back", to="01576").files
    xa.sync.import_bundle(ack)
    again = xa.sync.export(tmp / "usb2")
    for bundle in again.files:
        assert province.sync.import_bundle(bundle)["new"] == 0
    if again.files:
        [ack2] = province.sync.export(tmp / "back2", to="01576").files
        xa.sync.import_bundle(ack2)
    assert xa.sync.export(tmp / "usb3").nothing_new


def test_a_rotated_key_endorsed_by_the_old_one_keeps_sync_working(offices) -> None:  # type: ignore[no-untyped-def]
    province, communes, tmp = offices
    xa = communes["01576"]
    xa.people.create(PersonInput("Nông Văn An", "male"))
    [first] = xa.sync.export(tmp / "usb").files
    deliver(province, xa, first)
    old = xa.sync.fingerprint()
    new = xa.sync.rotate_keys()
    assert new != old
    xa.people.create(PersonInput("Lý Thị Hoa", "female"))
    [second] = xa.sync.export(tmp / "usb").files
    assert province.sync.import_bundle(second)["new"] >= 1
    [back] = province.sync.export(tmp / "back", to="01576").files  # sealed to the commune's new key
    assert xa.sync.import_bundle(back)["new"] == 0
    assert xa.sync.export(tmp / "usb2").nothing_new


def test_the_province_pushes_a_newer_catalog_and_the_unit_list(offices) -> None:  # type: ignore[no-untyped-def]
    import json

    from thidua_desktop.db.models import AdminUnit
    from thidua_desktop.paths import resource_path
    from thidua_desktop.services import catalog_store

    province, communes, tmp = offices
    xa = communes["01576"]
    xa.people.create(PersonInput("Nông Văn An", "male"))
    [first] = xa.sync.export(tmp / "usb").files
    deliver(province, xa, first)
    data = json.loads(resource_path("catalog/awards.json").read_text(encoding="utf-8"))
    data["catalog_version"] = "2027.1"  # a new provincial regulation
    cstdcs = next(a for a in data["awards"] if a["code"] == "CSTDCS")
    cstdcs["vote"]["threshold_pct"] = 75
    new_file = tmp / "danh-muc-2027.json"
    new_file.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    assert catalog_store.load_file(province.db, new_file, "tinh") == "2027.1"
    with province.db.transaction() as session:  # a unit renamed by the province
        session.get(AdminUnit, "01290").name = "Xã Bảo Lâm (tên mới)"
    [down] = province.sync.export(tmp / "back", to="01576").files
    report = xa.sync.import_bundle(down)
    assert report["catalog"] == "2027.1"
    assert xa.catalog.catalog_version == "2027.1" and xa.catalog.award("CSTDCS").vote.threshold_pct == 75
    assert ("01290", "Xã Bảo Lâm (tên mới)") in xa.office.admin_units("bao lam")
    reopened = open_app(xa.paths.data_dir)  # kept across restarts
    try:
        assert reopened.catalog.catalog_version == "2027.1"
    finally:
        reopened.close()
