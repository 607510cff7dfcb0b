"""A commune rebuilt from the province's copy (issue 11, "done when"): the commune's laptop is lost
with edits that never reached the province; the province revokes the old key, enrols a new install,
confirms its fingerprint and sends a recovery bundle; every record that reached the province is
back, the lost edits are not (and the report says from when), the officers carry on, and the next
round trips apply cleanly. Real SQLite files, real bundles, in tmp_path."""

from __future__ import annotations

import shutil
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from office_db import connect_office
from sqlalchemy import select
from sync_helpers import craft_bundle, deliver, enrolled_pair

from thidua_desktop.bootstrap import App, open_app
from thidua_desktop.db.models import Office
from thidua_desktop.db.repositories.sync_rows import synced_models, to_json
from thidua_desktop.domain.errors import DomainError
from thidua_desktop.services.people import PersonInput
from thidua_desktop.services.records import Subject
from thidua_desktop.services.sync_recovery import report_lines

from .test_roundtrip_cli import thidua

TODAY = date(2026, 11, 25)
CODE = "01576"


def partition(app: App, node: str) -> dict[str, dict[str, dict[str, Any]]]:
    """Every synced row owned by ``node``, per table and id, every column as it travels."""
    out: dict[str, dict[str, dict[str, Any]]] = {}
    with app.db.reader() as session:
        for model in synced_models():
            rows = session.scalars(select(model).where(model.origin_node == node)).all()
            if rows:
                out[model.__tablename__] = {r.id: to_json(r) for r in rows}
    return out


def office_row(app: App) -> Office:
    with app.db.reader() as session:
        office = session.get(Office, 1)
        session.expunge(office)
        return office


def names(app: App) -> list[str]:
    return sorted(p.full_name for p in app.people.search("").rows)


def snapshot(app: App, tables: tuple[str, ...] = ("office", "people", "sync_peers", "sync_imports",
                                                  "sync_quarantine", "sync_conflicts")) -> dict[str, list[tuple]]:
    con = connect_office(app)
    try:
        return {t: sorted(con.execute(f"SELECT * FROM {t}").fetchall(), key=repr) for t in tables}
    finally:
        con.close()


def one_bundle(app: App, folder: Path, **kwargs: Any) -> Path:
    [bundle] = app.sync.export(folder, **kwargs).files
    return bundle


def nominate_with_scan(app: App, name: str, scan: Path) -> str:
    person = app.people.create(PersonInput(name, "female", birth="1985", ethnicity="Tày",
                                           employment_start="01/03/2015", position="Công chức"))
    app.records.set_rating(Subject(person_id=person.id), 2026, "excellent", "Kết quả xếp loại 2026")
    batch = app.nominations.create_batch("Khen thưởng năm 2026", 2026)
    nomination = app.nominations.create(batch_id=batch.id, award_code="LDTT", person_id=person.id, as_of=TODAY)
    app.nominations.attach_document(nomination.id, "TO_TRINH", scan)
    for status in ("council_voted", "submitted"):
        app.nominations.transition(nomination.id, status)
    return nomination.id


def lose_the_laptop(province: App, commune: App, tmp: Path) -> tuple[str, Path, Path]:
    """Rounds of exchange, then edits that never reach the province and a lost laptop. Returns the
    commune's node id, the bundle it wrote last (never delivered) and the new enrolment file."""
    usb = tmp / "usb"
    scan = tmp / "to-trinh.jpg"
    scan.write_bytes(b"\xff\xd8\xff\xe0 to trinh 2026 " * 50)
    commune.people.create_many([PersonInput("Nông Văn An", "male"), PersonInput("Lý Thị Hoa", "female"),
                                PersonInput("Hoàng Văn Bảy", "male")])
    nomination = nominate_with_scan(commune, "Đàm Thị Mai", scan)
    deliver(province, commune, one_bundle(commune, usb / "1"))  # waits for the fingerprint, then applies
    province.reviews.review(nomination, "approved")  # the province's own row about the commune's dossier
    commune.sync.import_bundle(one_bundle(province, usb / "2", to=CODE))

    an = next(p for p in commune.people.search("Nông Văn An").rows)
    commune.people.update(an.id, PersonInput("Nông Văn An", "male", birth="1990", position="Trưởng thôn"))
    bay = next(p for p in commune.people.search("Hoàng Văn Bảy").rows)
    commune.people.delete(bay.id)
    photo = tmp / "anh.png"
    photo.write_bytes(b"\x89PNG\r\n\x1a\n anh " * 40)
    commune.nominations.attach_document(nomination, "BIEN_BAN_BINH_XET", photo)
    assert province.sync.import_bundle(one_bundle(commune, usb / "3"))["quarantined"] == 0

    # Edits after the last delivered bundle: they are on the laptop only.
    commune.people.create(PersonInput("Chưa Gửi Lên", "male"))
    hoa = next(p for p in commune.people.search("Lý Thị Hoa").rows)
    commune.people.update(hoa.id, PersonInput("Lý Thị Hoa Sửa Sau", "female"))
    stale = one_bundle(commune, usb / "4")  # written, never delivered: the stick went with the laptop
    node = office_row(commune).node_id
    data_dir = commune.paths.data_dir
    commune.close()
    shutil.rmtree(data_dir)

    province.sync.revoke_peer(CODE)
    again = tmp / "ket-noi-lai.json"
    province.sync.export_enrollment(CODE, again)
    return node, stale, again


def new_install(province: App, tmp: Path, enrolment: Path, folder: str = "xa-moi") -> App:
    """The new laptop: set up, enrolment loaded, its first (empty) bundle confirmed by the province."""
    rebuilt = open_app(tmp / folder, actor="xa-moi")
    rebuilt.office.init_office("commune", CODE)
    rebuilt.sync.accept_enrollment(enrolment.read_bytes())
    assert rebuilt.sync.export(tmp / "usb" / f"{folder}-0").nothing_new  # nothing new unless asked
    first = one_bundle(rebuilt, tmp / "usb" / f"{folder}-1", even_if_empty=True)
    assert rebuilt.sync.inspect(first)["counts"] == {}
    assert deliver(province, rebuilt, first)["new"] == 0  # waits, the fingerprint is confirmed, applies
    return rebuilt


@pytest.fixture
def lost(tmp_path: Path):  # type: ignore[no-untyped-def]
    province, commune, _enrolment = enrolled_pair(tmp_path, CODE)
    node, stale, again = lose_the_laptop(province, commune, tmp_path)
    opened: list[App] = [province]
    yield province, node, stale, again, tmp_path, opened
    for app in opened:
        app.close()


def test_a_lost_commune_is_rebuilt_from_the_province_copy_and_carries_on(lost) -> None:  # type: ignore[no-untyped-def]
    province, node, stale, again, tmp, opened = lost
    rebuilt = new_install(province, tmp, again)
    opened.append(rebuilt)
    assert province.sync.exchange.peer(CODE).node_id == node  # the empty first bundle did not replace it
    held = partition(province, node)
    assert {"people", "nominations", "attachments"} <= held.keys()

    result = province.sync.recover(CODE, tmp / "usb" / "recovery")
    summary = result.summary
    assert result.file.name == f"TD-04-{CODE}-000002.tdsync" and result.file.exists()
    old_epochs = {int(row["origin_epoch"]) for rows in held.values() for row in rows.values()}
    assert summary["node_id"] == node and summary["epoch"] > max(old_epochs)
    assert summary["last_bundle"]["seq"] == 2 and summary["rows"]["people"] == 3  # An, Hoa, Mai (Bảy deleted)

    report = rebuilt.sync.import_bundle(result.file)
    assert report["conflicts"] == 0 and report["quarantined"] == 0 and report["gaps"] == 0
    office = office_row(rebuilt)
    assert (office.node_id, office.epoch) == (node, summary["epoch"])
    # Every record that reached the province is back, column for column (tombstones too) …
    assert partition(rebuilt, node) == held
    province_rows = partition(province, office_row(province).node_id)
    assert partition(rebuilt, office_row(province).node_id)["nomination_reviews"] == \
        province_rows["nomination_reviews"]
    for row in held["attachments"].values():
        assert rebuilt.sync.store.path_for(row["sha256"]).read_bytes() == \
            province.sync.store.path_for(row["sha256"]).read_bytes()
    # … the edits that never arrived are not, and the report names the last bundle received.
    assert names(rebuilt) == ["Lý Thị Hoa", "Nông Văn An", "Đàm Thị Mai"]
    assert report["recovery"]["last_bundle"]["seq"] == 2
    lines = report_lines(report["recovery"])
    assert "gói số 000002" in lines[1] and "hãy nhập lại" in lines[3] and "Cá nhân: 3" in lines[0]
    assert rebuilt.sync.history()["imports"][0]["report"]["recovery"]["epoch"] == summary["epoch"]

    # The officers carry on: an old row edited, a new one added; only those go up.
    hoa = next(p for p in rebuilt.people.search("Lý Thị Hoa").rows)
    rebuilt.people.update(hoa.id, PersonInput("Lý Thị Hoa", "female", birth="1979"))
    rebuilt.people.create(PersonInput("Bế Văn Mới", "male"))
    up = rebuilt.sync.export(tmp / "usb" / "5")
    assert up.counts == {"people": 2}
    before = snapshot(province, ("sync_quarantine", "sync_conflicts"))
    arrived = province.sync.import_bundle(up.files[0])
    assert (arrived["new"], arrived["updated"], arrived["conflicts"], arrived["quarantined"], arrived["gaps"]) == \
        (1, 1, 0, 0, 0)
    assert snapshot(province, ("sync_quarantine", "sync_conflicts")) == before
    assert "Bế Văn Mới" in names(province)
    assert next(p for p in province.people.search("Lý Thị Hoa").rows).birth_year == 1979
    assert partition(province, node) == partition(rebuilt, node)
    down = rebuilt.sync.import_bundle(one_bundle(province, tmp / "usb" / "6", to=CODE))  # and down again
    assert (down["conflicts"], down["quarantined"], down["gaps"]) == (0, 0, 0)
    assert rebuilt.sync.export(tmp / "usb" / "7").nothing_new  # everything acknowledged both ways

    # The stolen laptop's key is refused, and nothing of its bundle lands.
    before = snapshot(province)
    with pytest.raises(DomainError) as old_key:
        province.sync.import_bundle(stale)
    assert old_key.value.code == "BUNDLE_SIGNATURE_INVALID"
    assert snapshot(province) == before and "Chưa Gửi Lên" not in names(province)


def test_a_recovery_bundle_is_refused_by_an_office_with_data_of_its_own(lost) -> None:  # type: ignore[no-untyped-def]
    province, node, _stale, again, tmp, opened = lost
    rebuilt = new_install(province, tmp, again)
    opened.append(rebuilt)
    bundle = province.sync.recover(CODE, tmp / "usb" / "recovery").file
    rebuilt.people.create(PersonInput("Nhập Trước", "male"))  # the officers did not wait
    before = snapshot(rebuilt)
    with pytest.raises(DomainError) as refused:
        rebuilt.sync.import_bundle(bundle)
    assert refused.value.code == "RECOVERY_OFFICE_NOT_EMPTY" and refused.value.params["count"] == 1
    assert snapshot(rebuilt) == before and office_row(rebuilt).node_id != node
    # Once applied, the same office refuses a second recovery bundle too (it holds the rows now).
    other = new_install(province, tmp, _reenrol(province, tmp), folder="xa-moi-2")
    opened.append(other)
    first = province.sync.recover(CODE, tmp / "usb" / "recovery-2").file
    other.sync.import_bundle(first)
    second = province.sync.recover(CODE, tmp / "usb" / "recovery-3").file
    with pytest.raises(DomainError) as twice:
        other.sync.import_bundle(second)
    assert twice.value.code == "RECOVERY_OFFICE_NOT_EMPTY"


def _reenrol(province: App, tmp: Path) -> Path:
    province.sync.revoke_peer(CODE)
    path = tmp / "ket-noi-lan-3.json"
    province.sync.export_enrollment(CODE, path)
    return path


def test_a_recovery_bundle_from_a_commune_is_refused_and_logged(tmp_path: Path) -> None:
    province, commune, _enrolment = enrolled_pair(tmp_path, CODE)
    try:
        commune.people.create(PersonInput("Nông Văn An", "male"))
        deliver(province, commune, one_bundle(commune, tmp_path / "usb"))
        node = office_row(commune).node_id
        # A stolen commune key claims the province's node under a new epoch.
        forged = craft_bundle(commune, province, tmp_path / "forged.tdsync", {}, manifest={
            "acks": {}, "since": {}, "upto": {},
            "recovery": {"format": 1, "commune": "04", "node_id": office_row(province).node_id, "epoch": 99}})
        before = snapshot(province)
        with pytest.raises(DomainError) as refused:
            province.sync.import_bundle(forged)
        assert refused.value.code == "RECOVERY_SENDER_NOT_PROVINCE"
        assert snapshot(province) == before
        assert province.sync.security_events()[0]["kind"] == "RECOVERY_SENDER_NOT_PROVINCE"
        assert office_row(commune).node_id == node
    finally:
        province.close()
        commune.close()


def test_a_recovery_needs_the_new_key_confirmed_and_a_province(lost) -> None:  # type: ignore[no-untyped-def]
    province, _node, _stale, again, tmp, opened = lost
    with pytest.raises(DomainError) as no_key:  # enrolled again, its first bundle not confirmed yet
        province.sync.recover(CODE, tmp / "usb" / "r")
    assert no_key.value.code == "PEER_NO_KEYS_YET"
    rebuilt = new_install(province, tmp, again)
    opened.append(rebuilt)
    with pytest.raises(DomainError) as not_province:
        rebuilt.sync.recover("04", tmp / "usb" / "r")
    assert not_province.value.code == "RECOVERY_BUNDLE_PROVINCE_ONLY"
    province.sync.revoke_peer(CODE)
    with pytest.raises(DomainError) as revoked:
        province.sync.recover(CODE, tmp / "usb" / "r")
    assert revoked.value.code == "PEER_REVOKED"
    assert not (tmp / "usb" / "r").exists() or not list((tmp / "usb" / "r").iterdir())


def test_a_reinstall_not_rebuilt_still_sends_everything(tmp_path: Path) -> None:
    """Without a recovery, a new install is a new node: the province's marks for the old one must
    not make its first versions look received (they would never be sent)."""
    province, commune, _enrolment = enrolled_pair(tmp_path, CODE)
    opened = [province]
    try:
        commune.people.create_many([PersonInput(f"Người Cũ {i}", "male") for i in range(6)])
        deliver(province, commune, one_bundle(commune, tmp_path / "usb" / "1"))
        commune.close()
        again = _reenrol(province, tmp_path)
        fresh = open_app(tmp_path / "xa-moi", actor="xa-moi")
        opened.append(fresh)
        fresh.office.init_office("commune", CODE)
        fresh.sync.accept_enrollment(again.read_bytes())
        fresh.people.create(PersonInput("Người Mới Một", "female"))
        deliver(province, fresh, one_bundle(fresh, tmp_path / "usb" / "2"))
        fresh.sync.import_bundle(one_bundle(province, tmp_path / "usb" / "3", to=CODE))
        fresh.people.create(PersonInput("Người Mới Hai", "female"))  # version 2, below the old node's marks
        up = fresh.sync.export(tmp_path / "usb" / "4")
        assert up.counts == {"people": 1}
        assert province.sync.import_bundle(up.files[0])["gaps"] == 0
        assert {"Người Mới Một", "Người Mới Hai"} <= set(names(province))
    finally:
        for app in opened:
            app.close()


def test_the_command_line_recovers_and_reports_in_vietnamese(lost) -> None:  # type: ignore[no-untyped-def]
    province, node, _stale, again, tmp, _opened = lost
    data = province.paths.data_dir
    folder = tmp / "xa-cli"
    thidua(folder, "init", "--role", "commune", "--unit-code", CODE, "--enrollment", str(again))
    assert "Không có gì mới" in thidua(folder, "bundle", "export", "--out", str(tmp / "cli-0")).stdout
    thidua(folder, "bundle", "export", "--out", str(tmp / "cli-1"), "--even-if-empty")
    [first] = sorted((tmp / "cli-1").glob("*.tdsync"))
    assert thidua(data, "bundle", "import", str(first), ok=False).returncode == 1  # waits for the fingerprint
    mine = open_app(folder)
    try:
        fingerprint = mine.sync.fingerprint()
    finally:
        mine.close()
    thidua(data, "enroll", "confirm", CODE, "--fingerprint", fingerprint)
    written = thidua(data, "bundle", "recover", CODE, "--out", str(tmp / "cli-2")).stdout
    assert "Đã ghi gói khôi phục cho xã 01576" in written and "gói số 000002" in written
    assert thidua(data, "bundle", "recover", "01273", "--out", str(tmp / "cli-2"), ok=False).returncode == 1
    assert thidua(data, "bundle", "recover", ok=False).returncode == 2
    [bundle] = sorted((tmp / "cli-2").glob("*.tdsync"))
    shown = thidua(folder, "bundle", "import", str(bundle)).stdout
    assert "dựng lại từ bản sao ở tỉnh" in shown and "gói số 000002" in shown and "hãy nhập lại" in shown
    again_refused = thidua(folder, "bundle", "import", str(bundle), ok=False)
    assert again_refused.returncode == 1 and "Traceback" not in again_refused.stderr
    mine = open_app(folder)
    try:
        assert office_row(mine).node_id == node
    finally:
        mine.close()
