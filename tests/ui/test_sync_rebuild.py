"""A commune rebuilt from the province's copy, through the Đồng bộ screens: the new install sends
its keys with "Send this office's keys…", the province writes the recovery bundle with "Recovery
bundle…", and the new install's import result says, in Vietnamese, what came back and from when
edits must be entered again."""

from __future__ import annotations

from pathlib import Path

from office_templates import fresh_office
from sync_helpers import deliver, enrolled_pair

from thidua_desktop.bootstrap import App, open_app
from thidua_desktop.services.people import PersonInput
from thidua_desktop.services.sync_views import SyncViews
from thidua_desktop.ui.screens import sync_dialogs
from thidua_desktop.ui.screens.sync import SyncScreen


def screen_for(qtbot, app: App) -> SyncScreen:  # type: ignore[no-untyped-def]
    screen = SyncScreen(app.sync, SyncViews(app.db, app.actor, app.current_catalog), app.office)
    qtbot.addWidget(screen)
    return screen


def test_the_province_rebuilds_a_lost_commune_from_the_sync_screen(qtbot, tmp_path: Path, monkeypatch,  # type: ignore[no-untyped-def]
                                                                   dialog_log) -> None:
    province, commune, _enrolment = enrolled_pair(tmp_path)
    opened = [province]
    try:
        commune.people.create_many([PersonInput("Nông Văn An", "male"), PersonInput("Lý Thị Hoa", "female")])
        [first] = commune.sync.export(tmp_path / "usb-1").files
        deliver(province, commune, first)
        commune.close()  # the laptop is gone
        province.sync.revoke_peer("01576")
        again = tmp_path / "ket-noi-lai.json"
        province.sync.export_enrollment("01576", again)
        fresh = open_app(fresh_office(tmp_path / "xa-moi"), actor="xa-moi")  # a new install
        opened.append(fresh)
        fresh.office.init_office("commune", "01576")
        fresh.sync.accept_enrollment(again.read_bytes())

        keys_folder, recovery_folder = tmp_path / "usb-keys", tmp_path / "usb-recovery"
        commune_screen = screen_for(qtbot, fresh)
        button = commune_screen.peers.send_keys_button
        assert not button.isHidden()  # nothing sent yet: the province has no key of this install
        monkeypatch.setattr(sync_dialogs, "choose_folder", lambda *_a: str(keys_folder))
        keys_bundle = commune_screen.peers.send_keys()
        assert keys_bundle is not None and keys_bundle.parent == keys_folder
        assert fresh.sync.fingerprint() in dialog_log[-1][1]
        assert button.isHidden()
        deliver(province, fresh, keys_bundle)  # the officer confirms the new fingerprint

        province_screen = screen_for(qtbot, province)
        peers = province_screen.peers
        assert not peers.recover_button.isHidden() and peers.send_keys_button.isHidden()
        assert peers.select_peer("01576")
        monkeypatch.setattr(sync_dialogs, "choose_folder", lambda *_a: str(recovery_folder))
        written = peers.recover_selected()
        assert written is not None and written.parent == recovery_folder
        kind, text = dialog_log[-1]
        assert kind == "info" and written.name in text and "Gói khôi phục chứa 2 bản ghi" in text
        assert "gói số 000001" in text

        monkeypatch.setattr(sync_dialogs, "choose_bundle", lambda *_a: str(written))
        panel = commune_screen.import_panel
        assert panel.choose()
        report = panel.run_import()
        assert report is not None and report["recovery"]["last_bundle"]["seq"] == 1
        kind, text = dialog_log[-1]
        assert kind == "info" and "dựng lại từ bản sao ở tỉnh: 2 bản ghi" in text and "hãy nhập lại" in text
        assert sorted(p.full_name for p in fresh.people.search("").rows) == ["Lý Thị Hoa", "Nông Văn An"]
    finally:
        for app in opened:
            app.close()


def test_recovering_without_a_chosen_commune_asks_for_one(qtbot, tmp_path: Path, dialog_log) -> None:  # type: ignore[no-untyped-def]
    province, commune, _enrolment = enrolled_pair(tmp_path)
    try:
        screen = screen_for(qtbot, province)
        assert screen.peers.recover_selected() is None
        assert dialog_log[-1][0] == "info" and list(tmp_path.glob("**/*.tdsync")) == []
    finally:
        province.close()
        commune.close()
