"""The Đồng bộ screen driven as an officer would, between a real province and a real commune
exchanging real bundles in tmp_path; results are read back through the services."""

from __future__ import annotations

import copy
from pathlib import Path

import pytest
from office_templates import copy_template
from PySide6.QtCore import QEvent, QSize
from PySide6.QtWidgets import QApplication

from thidua_desktop.bootstrap import App, open_app
from thidua_desktop.domain.errors import DomainError
from thidua_desktop.services import sync_views
from thidua_desktop.services.people import PersonInput
from thidua_desktop.services.sync_exchange import SyncExchange
from thidua_desktop.services.sync_views import SyncViews
from thidua_desktop.ui import dialogs
from thidua_desktop.ui.screens import sync_dialogs
from thidua_desktop.ui.screens.sync import SyncScreen
from thidua_desktop.ui.screens.sync_texts import table_text


@pytest.fixture
def offices(tmp_path: Path, _template_dir: Path):  # type: ignore[no-untyped-def]
    province = open_app(copy_template(_template_dir, tmp_path / "tinh"), actor="tinh")
    province.office.init_office("province", "04")
    province.sync.create_recovery_key(tmp_path / "recovery.tdkey")
    enrolment = tmp_path / "ket-noi-01576.json"
    province.sync.export_enrollment("01576", enrolment)
    commune = open_app(copy_template(_template_dir, tmp_path / "xa"), actor="xa")
    commune.office.init_office("commune", "01576")
    commune.sync.accept_enrollment(enrolment.read_bytes())
    yield province, commune, tmp_path
    province.close()
    commune.close()


def views(app: App) -> SyncViews:
    return SyncViews(app.db, app.actor, app.current_catalog)


def screen_for(qtbot, app: App) -> SyncScreen:  # type: ignore[no-untyped-def]
    screen = SyncScreen(app.sync, views(app), app.office)
    qtbot.addWidget(screen)
    return screen


def commune_bundle(commune: App, tmp: Path) -> Path:
    commune.people.create_many([PersonInput("Nông Văn An", "male"), PersonInput("Lý Thị Hoa", "female")])
    [bundle] = commune.sync.export(tmp / "usb").files
    return bundle


def test_commune_exports_to_the_detected_usb_drive(qtbot, offices, monkeypatch, dialog_log) -> None:  # type: ignore[no-untyped-def]
    _province, commune, tmp = offices
    usb = tmp / "media" / "USB16GB"
    usb.mkdir(parents=True)
    monkeypatch.setattr(sync_views, "removable_drives", lambda: [usb])
    commune.people.create_many([PersonInput("Nông Văn An", "male"), PersonInput("Lý Thị Hoa", "female")])
    screen = screen_for(qtbot, commune)
    panel = screen.export_panel
    assert panel.recipient.currentData() == "04"
    assert panel.target.currentData() == str(usb)  # the stick comes first
    assert panel.counts == {"people": 2}
    assert panel.contents.item(0, 0).text() == table_text("people") and panel.contents.item(0, 1).text() == "2"
    assert "2" in panel.unsent.text()

    panel.export_button.click()
    [written] = sorted(usb.glob("*.tdsync"))
    assert written.name.startswith("TD-01576-04-") and panel.last_result.files == [written]
    assert written.name in panel.result.text() and any(written.name in text for _k, text in dialog_log)
    assert commune.sync.inspect(written)["counts"] == {"people": 2}
    assert screen.exports.model.total == 1 and screen.exports.model.row_object(0).file_name == written.name


def test_nothing_new_is_reported_and_a_folder_can_be_chosen(qtbot, offices, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    _province, commune, tmp = offices
    monkeypatch.setattr(sync_views, "removable_drives", lambda: [])
    folder = tmp / "chosen"
    folder.mkdir()
    monkeypatch.setattr(sync_dialogs, "choose_folder", lambda *_a: str(folder))
    screen = screen_for(qtbot, commune)
    panel = screen.export_panel
    choose = panel.target.count() - 1
    panel.target.setCurrentIndex(choose)
    panel.target.activated.emit(choose)  # the officer picks "Chọn thư mục…"
    assert panel.target.currentData() == str(folder)
    result = panel.export()
    assert result is not None and result.nothing_new
    assert panel.result.text() == panel.tr("Nothing new to send.")
    assert list(folder.iterdir()) == []


def test_province_previews_then_imports_and_sees_the_people(qtbot, offices, monkeypatch, dialog_log) -> None:  # type: ignore[no-untyped-def]
    province, commune, tmp = offices
    bundle = commune_bundle(commune, tmp)
    monkeypatch.setattr(sync_dialogs, "choose_bundle", lambda *_a: str(bundle))
    screen = screen_for(qtbot, province)
    panel = screen.import_panel
    screen.tabs.setCurrentWidget(panel)
    panel.choose_button.click()
    assert panel.preview_box.isVisibleTo(screen)
    assert "01576" in panel.preview_text("sender") and "04" in panel.preview_text("recipient")
    assert panel.preview_text("fingerprint") == commune.sync.fingerprint()
    assert f"{table_text('people')}: 2" in panel.preview_text("contents")
    assert panel.preview_text("intact") and panel.warning.text() == ""
    assert province.people.search("").total == 0  # a preview imports nothing

    panel.import_button.click()  # the commune's first bundle: it waits for the fingerprint check
    kind, text = dialog_log[-1]
    assert kind == "error" and "chờ cán bộ tỉnh xác nhận mã xác thực" in text and commune.sync.fingerprint() in text
    assert panel.last_report is None and province.people.search("").total == 0
    assert views(province).peer("01576").status == "waiting"
    peers = screen.peers
    assert peers.select_peer("01576") and commune.sync.fingerprint() in peers._fingerprint_text(peers.selected_peer())
    done = peers.confirm_selected()  # the officer compared it with the commune's screen over the phone
    assert any(k == "ask" and commune.sync.fingerprint() in t for k, t in dialog_log)
    assert done is not None and done.applied[0]["new"] >= 2 and done.discarded == 0
    assert sorted(p.full_name for p in province.people.search("").rows) == ["Lý Thị Hoa", "Nông Văn An"]
    assert screen.imports.model.total == 1 and screen.imports.model.row_object(0).peer_code == "01576"
    assert screen.imports.model.row_object(0).file_name == bundle.name
    assert views(province).peer("01576").fingerprint == commune.sync.fingerprint()

    commune.people.create(PersonInput("Hoàng Văn Đức", "male"))  # the next bundles apply at once
    [second] = commune.sync.export(tmp / "usb2").files
    assert screen.open_bundle(second)
    panel.import_button.click()
    assert panel.last_report is not None and panel.last_report["new"] >= 1
    assert panel.report_values["new"][1].text() == str(panel.last_report["new"])
    assert panel.report_box.isVisibleTo(screen) and not panel.preview_box.isVisibleTo(screen)
    assert province.people.search("").total == 3


def test_a_truncated_copy_is_refused_in_vietnamese_and_nothing_changes(qtbot, offices, dialog_log) -> None:  # type: ignore[no-untyped-def]
    province, commune, tmp = offices
    bundle = commune_bundle(commune, tmp)
    cut = tmp / "cut.tdsync"
    cut.write_bytes(bundle.read_bytes()[: bundle.stat().st_size // 2])
    screen = screen_for(qtbot, province)
    assert screen.open_bundle(cut) is False
    assert screen.tabs.currentWidget() is screen.import_panel
    kind, text = dialog_log[-1]
    assert kind == "error" and "bị thiếu phần cuối" in text and "cut.tdsync" in text
    assert not screen.import_panel.preview_box.isVisibleTo(screen)
    assert province.people.search("").total == 0 and views(province).imports() == ([], 0)


def test_a_bundle_damaged_after_the_preview_is_refused_and_logged(qtbot, offices, dialog_log) -> None:  # type: ignore[no-untyped-def]
    province, commune, tmp = offices
    bundle = commune_bundle(commune, tmp)
    screen = screen_for(qtbot, province)
    assert screen.open_bundle(bundle)
    data = bytearray(bundle.read_bytes())
    data[-5] ^= 0x01  # the stick lies: one bit flips before the import
    bundle.write_bytes(bytes(data))
    assert screen.import_panel.run_import() is None
    kind, text = dialog_log[-1]
    assert kind == "error" and "bị hỏng hoặc đã bị sửa đổi" in text
    assert province.people.search("").total == 0 and views(province).imports()[1] == 0
    assert screen.security.model.total == 1
    assert screen.security.model.row_object(0).file_name == bundle.name


def test_province_confirms_a_communes_fingerprint_then_sends_back(qtbot, offices, monkeypatch, dialog_log) -> None:  # type: ignore[no-untyped-def]
    province, commune, tmp = offices
    with pytest.raises(DomainError):  # a first bundle waits for the fingerprint check
        province.sync.import_bundle(commune_bundle(commune, tmp))
    screen = screen_for(qtbot, province)
    peers = screen.peers
    assert peers.table.isVisibleTo(screen) and not peers.province_label.isVisibleTo(screen)
    assert peers.own_code.text() == province.sync.fingerprint()
    assert peers.select_peer("01576")

    monkeypatch.setattr(dialogs, "ask_yes_no", lambda *_a: False)  # the codes did not match (and keep it)
    peers.confirm_button.click()
    assert views(province).peer("01576").status == "waiting" and province.people.search("").total == 0
    monkeypatch.setattr(dialogs, "ask_yes_no", lambda _p, _t, text: dialog_log.append(("ask", text)) or True)
    peers.confirm_button.click()
    asked = [text for kind, text in dialog_log if kind == "ask"]
    assert len(asked) == 1 and commune.sync.fingerprint() in asked[0]
    assert dialog_log[-1][0] == "info" and province.people.search("").total == 2
    assert views(province).peer("01576").status == "confirmed"
    assert peers.selected_peer().status == "confirmed"

    out = tmp / "usb-tinh"
    monkeypatch.setattr(sync_dialogs, "choose_folder", lambda *_a: str(out))
    panel = screen.export_panel
    assert panel.recipient.currentData() == "01576"
    [back] = panel.export().files
    assert back.parent == out and back.name.startswith("TD-04-01576-")
    assert commune.sync.import_bundle(back)["new"] >= 0
    assert views(commune).status().unsent == 0


def test_province_issues_an_enrolment_file_from_its_list_of_communes(qtbot, offices, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    province, _commune, tmp = offices
    target = tmp / "ket-noi-01273.json"
    monkeypatch.setattr(sync_dialogs, "choose_save_file", lambda _p, _t, suggested: str(tmp / suggested))
    screen = screen_for(qtbot, province)
    combo = screen.peers.commune
    combo.setCurrentIndex(combo.findData("01273"))
    assert screen.peers.create_enrollment() == target and target.exists()
    assert views(province).peer("01273").status == "pending"
    assert screen.peers.selected_peer().unit_code == "01273"
    other = open_app(tmp / "phuong", actor="phuong")
    try:
        other.office.init_office("commune", "01273")
        assert other.sync.accept_enrollment(target.read_bytes()) == province.sync.fingerprint()
    finally:
        other.close()


def test_commune_header_shows_the_province_and_the_screen_fits_a_laptop(qtbot, offices) -> None:  # type: ignore[no-untyped-def]
    province, commune, _tmp = offices
    screen = screen_for(qtbot, commune)
    assert not screen.peers.table.isVisibleTo(screen) and screen.peers.province_label.isVisibleTo(screen)
    assert province.sync.fingerprint() in screen.peers.province_label.text()
    assert screen.peers.own_code.text() == commune.sync.fingerprint()
    screen.resize(QSize(1366 - 230, 768 - 110))  # beside the navigation pane, above the taskbar
    screen.show()
    qtbot.waitExposed(screen)
    assert screen.minimumSizeHint().height() <= 768 - 110 and screen.minimumSizeHint().width() <= 1366 - 230
    i18n_before = screen.tabs.tabText(0)
    QApplication.sendEvent(screen, QEvent(QEvent.Type.LanguageChange))
    assert screen.tabs.tabText(0) == i18n_before


def test_a_forged_conflict_shows_both_versions_and_the_choice_is_recorded(qtbot, offices, dialog_log) -> None:  # type: ignore[no-untyped-def]
    province, commune, _tmp = offices
    person = commune.people.create(PersonInput("Nông Văn An", "male"))
    SyncExchange(province.db).add_peer("01576", "Quảng Uyên", "commune", commune.office.office().node_id,
                                       status="confirmed")
    payload = SyncExchange(commune.db).build_payload("04")
    forged = copy.deepcopy(payload)
    row = forged.records["people"][0]
    row["full_name"], row["clock"] = "Bản sao khác", 10**6
    row["origin_node"] = province.office.office().node_id  # a cloned database or a bug
    SyncExchange(province.db).apply_payload(payload, "b1")
    SyncExchange(province.db).apply_payload(forged, "b-forged")

    screen = screen_for(qtbot, province)
    panel = screen.conflicts
    assert panel.model.rowCount() == 1 and "(1)" in screen.tabs.tabText(screen.tabs.indexOf(panel))
    assert panel.current is not None and panel.current.row_id == person.id
    cells = {panel.fields.item(r, 1).text(): panel.fields.item(r, 2).text() for r in range(panel.fields.rowCount())}
    assert cells["Bản sao khác"] == "Nông Văn An"
    assert panel.keep_loser.isEnabled()
    panel.keep_loser.click()
    assert dialog_log[-1][0] == "ask"
    [done], _ = views(province).conflicts(open_only=False)
    assert done.resolution == "loser" and done.resolved_at is not None
    assert province.people.get(person.id).full_name == "Nông Văn An"
    assert panel.model.rowCount() == 0 and screen.tabs.tabText(screen.tabs.indexOf(panel)).find("(") == -1
    panel.show_all.setChecked(True)
    assert panel.model.rowCount() == 1 and not panel.keep_winner.isEnabled()

