"""Enrolment cannot be hijacked: a commune's first bundle is not trusted on use. It waits until the
province officer confirms the fingerprint the commune reads over the phone; an impostor who holds
the enrolment file and sends first is found out then. Revoking forgets the keys, and enrolling
again starts fresh."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from office_db import connect_office
from office_templates import copy_template
from sync_helpers import deliver, enrolled_pair

from thidua_desktop.bootstrap import App, open_app
from thidua_desktop.db.models import SyncPeer
from thidua_desktop.db.models.sync import WaitingBundle
from thidua_desktop.domain.errors import DomainError
from thidua_desktop.services.people import PersonInput
from thidua_desktop.services.sync_waiting import normalise_fingerprint, waiting_dir

from .test_roundtrip_cli import thidua

TABLES = ("people", "sync_imports", "attachments")


@pytest.fixture
def offices(tmp_path: Path, _template_dir: Path) -> Iterator[tuple[App, App, Path, App]]:
    province, commune, enrolment = enrolled_pair(tmp_path)
    # Someone else got a copy of the enrolment file (a stick left on a desk, a forwarded e-mail).
    impostor = open_app(copy_template(_template_dir, tmp_path / "impostor"), actor="ke-gia")
    impostor.office.init_office("commune", "01576")
    impostor.sync.accept_enrollment(enrolment.read_bytes())
    yield province, commune, tmp_path, impostor
    for app in (province, commune, impostor):
        app.close()


def snapshot(app: App) -> dict[str, list[tuple]]:
    con = connect_office(app)
    try:
        return {t: sorted(con.execute(f"SELECT * FROM {t}").fetchall(), key=repr) for t in TABLES}
    finally:
        con.close()


def bundle_from(app: App, name: str, folder: Path) -> Path:
    app.people.create(PersonInput(name, "male"))
    [bundle] = app.sync.export(folder).files
    return bundle


def waits(province: App, bundle: Path) -> DomainError:
    with pytest.raises(DomainError) as caught:
        province.sync.import_bundle(bundle)
    assert caught.value.code == "BUNDLE_WAITS_FOR_FINGERPRINT"
    return caught.value


def test_an_impostor_who_sends_first_waits_and_is_discarded_at_the_real_fingerprint(offices) -> None:  # type: ignore[no-untyped-def]
    province, commune, tmp, impostor = offices
    fake = bundle_from(impostor, "Kẻ Giả Mạo", tmp / "usb-gia")
    before = snapshot(province)
    refused = waits(province, fake)
    assert refused.params["fingerprint"] == impostor.sync.fingerprint() != commune.sync.fingerprint()
    assert snapshot(province) == before  # nothing of it applied
    [held] = province.sync.waiting_bundles("01576")
    assert held.fingerprint == impostor.sync.fingerprint() and held.file_name == fake.name
    assert (waiting_dir(province.paths.data_dir) / f"{held.bundle_id}.tdsync").read_bytes() == fake.read_bytes()
    peer = province.sync.exchange.peer("01576")
    assert peer.status == "waiting" and peer.sign_key == "" and peer.fingerprint == ""
    assert waits(province, fake).params["fingerprint"] == held.fingerprint  # again: still one copy
    assert len(province.sync.waiting_bundles()) == 1

    real = bundle_from(commune, "Nông Văn Thật", tmp / "usb-that")
    waits(province, real)
    with pytest.raises(DomainError) as wrong:  # a misheard code confirms nothing
        province.sync.confirm_peer("01576", "2222-3333-4444-5555")
    assert wrong.value.code == "PEER_FINGERPRINT_MISMATCH"
    assert province.sync.exchange.peer("01576").sign_key == "" and len(province.sync.waiting_bundles()) == 2

    spoken = commune.sync.fingerprint().lower().replace("-", " ")  # as typed while listening
    done = province.sync.confirm_peer("01576", spoken)
    assert done.fingerprint == commune.sync.fingerprint() and done.discarded == 1 and not done.failed
    assert [report["new"] >= 1 for report in done.applied] == [True]
    assert [p.full_name for p in province.people.search("").rows] == ["Nông Văn Thật"]
    peer = province.sync.exchange.peer("01576")
    assert (peer.status, peer.fingerprint) == ("confirmed", commune.sync.fingerprint())
    assert province.sync.waiting_bundles() == [] and list(waiting_dir(province.paths.data_dir).iterdir()) == []
    kinds = [event["kind"] for event in province.sync.security_events()]
    assert "BUNDLE_KEY_NOT_CONFIRMED" in kinds and kinds.count("BUNDLE_WAITS_FOR_FINGERPRINT") == 2

    later = bundle_from(impostor, "Kẻ Giả Mạo Lần Hai", tmp / "usb-gia-2")  # the key is pinned now
    with pytest.raises(DomainError) as forged:
        province.sync.import_bundle(later)
    assert forged.value.code == "BUNDLE_SIGNATURE_INVALID"
    assert deliver(province, commune, bundle_from(commune, "Lý Thị Hoa", tmp / "usb-that-2"))["new"] >= 1


def test_the_command_line_says_the_bundle_waits_and_exits_1(offices) -> None:  # type: ignore[no-untyped-def]
    province, commune, tmp, impostor = offices
    fake = bundle_from(impostor, "Kẻ Giả Mạo", tmp / "usb-gia")
    real = bundle_from(commune, "Nông Văn Thật", tmp / "usb-that")
    data = province.paths.data_dir
    for bundle, fingerprint in ((fake, impostor.sync.fingerprint()), (real, commune.sync.fingerprint())):
        result = thidua(data, "bundle", "import", str(bundle), ok=False)
        assert result.returncode == 1 and result.stdout == ""
        assert "chờ cán bộ tỉnh xác nhận mã xác thực" in result.stderr and fingerprint in result.stderr
        assert "Traceback" not in result.stderr and "không mong đợi" not in result.stderr
    english = thidua(data, "--lang", "en", "bundle", "import", str(fake), ok=False)
    assert english.returncode == 1 and "waits until the province confirms" in english.stderr
    listed = thidua(data, "enroll", "waiting").stdout
    assert impostor.sync.fingerprint() in listed and commune.sync.fingerprint() in listed
    wrong = thidua(data, "enroll", "confirm", "01576", "--fingerprint", "2222-3333-4444-5555", ok=False)
    assert wrong.returncode == 1 and "không khớp" in wrong.stderr
    assert thidua(data, "enroll", "confirm", "01576", ok=False).returncode == 2  # the fingerprint is required
    confirmed = thidua(data, "enroll", "confirm", "01576", "--fingerprint", commune.sync.fingerprint()).stdout
    assert "Đã nhập gói đang chờ" in confirmed and "Đã hủy 1 gói" in confirmed
    assert [p.full_name for p in province.people.search("").rows] == ["Nông Văn Thật"]


def test_rejecting_discards_the_waiting_bundles_and_the_real_one_waits_afresh(offices) -> None:  # type: ignore[no-untyped-def]
    province, commune, tmp, impostor = offices
    waits(province, bundle_from(impostor, "Kẻ Giả Mạo", tmp / "usb-gia"))
    assert province.sync.reject_waiting("01576") == 1
    assert province.sync.waiting_bundles() == [] and province.sync.exchange.peer("01576").status == "pending"
    assert list(waiting_dir(province.paths.data_dir).iterdir()) == []
    with pytest.raises(DomainError) as nothing:
        province.sync.confirm_peer("01576", commune.sync.fingerprint())
    assert nothing.value.code == "PEER_NO_KEYS_YET"
    real = bundle_from(commune, "Nông Văn Thật", tmp / "usb-that")
    assert deliver(province, commune, real)["new"] >= 1
    assert [p.full_name for p in province.people.search("").rows] == ["Nông Văn Thật"]


def test_revoke_forgets_the_key_and_a_new_enrolment_starts_fresh(offices) -> None:  # type: ignore[no-untyped-def]
    province, commune, tmp, _impostor = offices
    deliver(province, commune, bundle_from(commune, "Nông Văn An", tmp / "usb-1"))
    old_key = province.sync.exchange.peer("01576").sign_key
    assert old_key
    stale = bundle_from(commune, "Lý Thị Hoa", tmp / "usb-2")  # made before the laptop was stolen
    province.sync.revoke_peer("01576")
    peer = province.sync.exchange.peer("01576")
    assert (peer.sign_key, peer.previous_sign_key, peer.box_key, peer.key_id, peer.fingerprint) == ("",) * 5
    with pytest.raises(DomainError) as revoked:
        province.sync.import_bundle(stale)
    assert revoked.value.code == "BUNDLE_SENDER_REVOKED"

    again = tmp / "ket-noi-lai.json"
    province.sync.export_enrollment("01576", again)  # the commune enrols again from a new install
    assert province.sync.exchange.peer("01576").status == "pending"
    rebuilt = open_app(tmp / "xa-moi", actor="xa")
    try:
        rebuilt.office.init_office("commune", "01576")
        rebuilt.sync.accept_enrollment(again.read_bytes())
        assert rebuilt.sync.fingerprint() != commune.sync.fingerprint()
        fresh = bundle_from(rebuilt, "Hoàng Văn Mới", tmp / "usb-3")
        assert deliver(province, rebuilt, fresh)["new"] >= 1  # waits, then the new key is confirmed
        assert province.sync.exchange.peer("01576").fingerprint == rebuilt.sync.fingerprint()
        with pytest.raises(DomainError) as old:  # the stolen laptop's key is refused
            province.sync.import_bundle(stale)
        assert old.value.code == "BUNDLE_SIGNATURE_INVALID"
    finally:
        rebuilt.close()


def test_a_peer_revoked_before_this_fix_still_forgets_its_key_when_enrolled_again(offices) -> None:  # type: ignore[no-untyped-def]
    province, commune, tmp, _impostor = offices
    deliver(province, commune, bundle_from(commune, "Nông Văn An", tmp / "usb-1"))
    with province.db.transaction() as session:  # revoked by an older version: the key was kept
        session.get(SyncPeer, "01576").status = "revoked"
    assert province.sync.exchange.peer("01576").sign_key
    province.sync.export_enrollment("01576", tmp / "ket-noi-lai.json")
    peer = province.sync.exchange.peer("01576")
    assert (peer.status, peer.sign_key, peer.fingerprint, peer.revoked_at) == ("pending", "", "", None)


def test_revoking_discards_waiting_bundles(offices) -> None:  # type: ignore[no-untyped-def]
    province, _commune, tmp, impostor = offices
    waits(province, bundle_from(impostor, "Kẻ Giả Mạo", tmp / "usb-gia"))
    province.sync.revoke_peer("01576")
    assert province.sync.waiting_bundles() == [] and list(waiting_dir(province.paths.data_dir).iterdir()) == []
    with province.db.reader() as session:
        assert session.query(WaitingBundle).count() == 0


def test_a_commune_never_waits_for_its_province(offices) -> None:  # type: ignore[no-untyped-def]
    province, commune, tmp, _impostor = offices
    deliver(province, commune, bundle_from(commune, "Nông Văn An", tmp / "usb-1"))
    [down] = province.sync.export(tmp / "xuong", to="01576").files
    assert commune.sync.import_bundle(down)["new"] >= 0  # the province's key came in the enrolment file


def test_fingerprints_are_read_back_whatever_the_spacing() -> None:
    assert normalise_fingerprint(" 7kq4 m2xh-9dpa rt3f ") == "7KQ4-M2XH-9DPA-RT3F"
    assert normalise_fingerprint("") == ""
