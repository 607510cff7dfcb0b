"""A newcomer's path without the command line: the first-run dialog sets up the commune, the
province's enrolment file (tệp kết nối) is loaded on the Đồng bộ screen after comparing the
fingerprints, a person is added, the bundle is exported to a USB folder, and the province imports
it. Also: the trial office with demo data, and the officer's name in the audit log from the start."""

from __future__ import annotations

from pathlib import Path

import pytest
from office_templates import copy_template
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QDialogButtonBox
from sync_helpers import deliver

from thidua_desktop.bootstrap import App, open_app
from thidua_desktop.config import trial_data_dir
from thidua_desktop.db.models.office import AuditEntry
from thidua_desktop.domain.errors import DomainError
from thidua_desktop.services.people import PersonInput
from thidua_desktop.ui import app as gui
from thidua_desktop.ui import dialogs
from thidua_desktop.ui.first_run import FirstRunDialog
from thidua_desktop.ui.main_window import MainWindow
from thidua_desktop.ui.screens import sync_dialogs, sync_enrolment

from .conftest import type_text


@pytest.fixture
def province(tmp_path: Path, _template_dir: Path):  # type: ignore[no-untyped-def]
    app = open_app(copy_template(_template_dir, tmp_path / "tinh"), actor="Cán bộ tỉnh")
    app.office.init_office("province", "04", officer_name="Cán bộ tỉnh")
    app.sync.create_recovery_key(tmp_path / "khoa.tdkey")
    yield app
    app.close()


def answer_first_run(qtbot, fill) -> None:  # type: ignore[no-untyped-def]
    """Answer the modal first-run dialog as soon as it is shown, like a person would."""
    def answer() -> None:
        dialog = QApplication.activeModalWidget()
        if not isinstance(dialog, FirstRunDialog):
            QTimer.singleShot(20, answer)
            return
        fill(dialog)

    QTimer.singleShot(0, answer)


def set_up_quang_uyen(dialog: FirstRunDialog) -> None:
    type_text(dialog.search, "quảng uyên")
    type_text(dialog.officer, "Nông Thị Hoa")
    dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).click()


def test_newcomer_sets_up_connects_exports_and_the_province_imports(
        qtbot, tmp_path: Path, province: App, monkeypatch, dialog_log, _template_dir: Path) -> None:  # type: ignore[no-untyped-def]
    usb = tmp_path / "usb"
    enrolment = usb / "ket-noi-01576.json"
    province.sync.export_enrollment("01576", enrolment)

    commune = open_app(copy_template(_template_dir, tmp_path / "xa"))
    try:
        answer_first_run(qtbot, set_up_quang_uyen)
        opened = gui.ensure_office(commune)
        assert opened is commune and commune.office.office().unit_code == "01576"
        window = MainWindow(commune)
        qtbot.addWidget(window)
        screen = window.show_screen("sync")
        assert not screen.export_panel.export_button.isEnabled()  # nothing to send to yet
        assert screen.peers.load_button.isVisibleTo(screen.peers)
        assert "Nạp tệp kết nối" in screen.peers.province_label.text()

        shown: list[tuple[str, str]] = []

        def compare(_parent, preview, own) -> bool:  # type: ignore[no-untyped-def]
            shown.append((preview.province_fingerprint, own))
            return True  # the officer read both codes over the phone: they match

        monkeypatch.setattr(sync_enrolment, "choose_enrolment_file", lambda _p: str(enrolment))
        monkeypatch.setattr(sync_enrolment, "confirm_enrolment", compare)
        screen.peers.load_button.click()
        assert shown == [(province.sync.fingerprint(), commune.sync.fingerprint())]
        assert province.sync.fingerprint() in screen.peers.province_label.text()
        assert screen.peers.load_button.text() == "Nạp tệp kết nối mới…"

        commune.people.create(PersonInput("Hoàng Thị Mai", "female"))
        screen.refresh()
        assert screen.export_panel.export_button.isEnabled()
        monkeypatch.setattr(sync_dialogs, "choose_folder", lambda *_a: str(usb))
        result = screen.export_panel.export()
        assert result is not None and len(result.files) == 1
        report = deliver(province, commune, result.files[0])
        assert report["new"] >= 1 and report["quarantined"] == 0
        assert province.people.search("hoang thi mai").total == 1
        assert not any(kind == "error" for kind, _ in dialog_log)
    finally:
        commune.close()


def test_an_enrolment_file_picked_on_the_import_tab_is_loaded_not_refused(
        qtbot, tmp_path: Path, province: App, monkeypatch, dialog_log, _template_dir: Path) -> None:  # type: ignore[no-untyped-def]
    enrolment = tmp_path / "ket-noi-01576.json"
    province.sync.export_enrollment("01576", enrolment)
    commune = open_app(copy_template(_template_dir, tmp_path / "xa"), actor="Nông Thị Hoa")
    try:
        commune.office.init_office("commune", "01576", officer_name="Nông Thị Hoa")
        window = MainWindow(commune)
        qtbot.addWidget(window)
        screen = window.show_screen("sync")
        monkeypatch.setattr(sync_enrolment, "confirm_enrolment", lambda *_a: True)
        monkeypatch.setattr(sync_dialogs, "choose_bundle", lambda *_a: str(enrolment))
        screen.import_panel.choose_button.click()
        assert commune.sync.status()["last_received"] is None
        assert screen.views.province_peer() is not None
        assert not any("không phải là gói" in text for _kind, text in dialog_log)
        # The same file given to the app (double-click, file association) goes the same way.
        assert screen.open_file(enrolment)
    finally:
        commune.close()


def test_cancelling_the_fingerprint_comparison_loads_nothing(
        qtbot, tmp_path: Path, province: App, monkeypatch, _template_dir: Path) -> None:  # type: ignore[no-untyped-def]
    enrolment = tmp_path / "ket-noi-01576.json"
    province.sync.export_enrollment("01576", enrolment)
    commune = open_app(copy_template(_template_dir, tmp_path / "xa"), actor="x")
    try:
        commune.office.init_office("commune", "01576", officer_name="Nông Thị Hoa")
        window = MainWindow(commune)
        qtbot.addWidget(window)
        screen = window.show_screen("sync")
        monkeypatch.setattr(sync_enrolment, "confirm_enrolment", lambda *_a: False)
        assert screen.peers.load_enrollment(enrolment) is None
        assert screen.views.province_peer() is None
    finally:
        commune.close()


def test_the_fingerprint_dialog_shows_both_codes(qtbot, tmp_path: Path, province: App, _template_dir: Path) -> None:  # type: ignore[no-untyped-def]
    enrolment = tmp_path / "ket-noi-01576.json"
    province.sync.export_enrollment("01576", enrolment)
    commune = open_app(copy_template(_template_dir, tmp_path / "xa"), actor="x")
    try:
        commune.office.init_office("commune", "01576", officer_name="Nông Thị Hoa")
        preview = commune.sync.preview_enrollment(enrolment)
        dialog = sync_enrolment.EnrolmentDialog(preview, commune.sync.fingerprint())
        qtbot.addWidget(dialog)
        assert dialog.province_code.text() == province.sync.fingerprint()
        assert dialog.own_code.text() == commune.sync.fingerprint()
        assert dialog.connect_button.text() == "Mã khớp — kết nối"
        assert not dialog.warning.isVisibleTo(dialog)
    finally:
        commune.close()


def test_first_run_with_the_enrolment_file_connects_at_once(
        qtbot, tmp_path: Path, province: App, _template_dir: Path) -> None:  # type: ignore[no-untyped-def]
    enrolment = tmp_path / "ket-noi-01576.json"
    province.sync.export_enrollment("01576", enrolment)
    commune = open_app(copy_template(_template_dir, tmp_path / "xa"))
    try:
        def fill(dialog: FirstRunDialog) -> None:
            assert dialog.unit_code() == "01576"  # the file named the commune
            type_text(dialog.officer, "Nông Thị Hoa")
            dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).click()

        answer_first_run(qtbot, fill)
        assert gui.ensure_office(commune, enrolment) is commune
        from thidua_desktop.services.sync_views import SyncViews

        peer = SyncViews(commune.db, commune.actor).province_peer()
        assert peer is not None and peer.fingerprint == province.sync.fingerprint()
    finally:
        commune.close()


def test_the_officer_named_in_setup_is_in_the_audit_log_from_the_first_change(
        qtbot, tmp_path: Path, _template_dir: Path) -> None:  # type: ignore[no-untyped-def]
    commune = open_app(copy_template(_template_dir, tmp_path / "xa"))
    try:
        answer_first_run(qtbot, set_up_quang_uyen)
        assert gui.ensure_office(commune) is commune
        commune.people.create(PersonInput("Hoàng Thị Mai", "female"))
        commune.office.add_village("Bản Chang")
        with commune.db.reader() as session:
            actors = {row.actor for row in session.query(AuditEntry).all()}
        assert actors == {"Nông Thị Hoa"}
    finally:
        commune.close()


def test_demo_data_goes_to_a_separate_trial_office_that_never_syncs(
        qtbot, tmp_path: Path, province: App, monkeypatch, _template_dir: Path) -> None:  # type: ignore[no-untyped-def]
    real_dir = copy_template(_template_dir, tmp_path / "xa")
    commune = open_app(real_dir)
    try:
        def choose_trial(dialog: FirstRunDialog) -> None:
            type_text(dialog.search, "quang uyen")
            dialog.trial_button.click()

        monkeypatch.setattr(gui, "run_with_progress", lambda _p, _t, work: work(lambda *_a: None))
        answer_first_run(qtbot, choose_trial)
        trial = gui.ensure_office(commune)
        assert trial is not None and trial is not commune
        try:
            assert trial.paths.data_dir == trial_data_dir(real_dir.resolve())
            assert not commune.office.is_initialised()  # the real office is untouched
            assert commune.sync.status()["unsent"] == 0
            assert trial.people.search("").total >= 100 and trial.sync.is_trial()
            window = MainWindow(trial)
            qtbot.addWidget(window)
            assert "DÙNG THỬ" in window.windowTitle()
            assert window.trial_banner.isVisibleTo(window)
            screen = window.show_screen("sync")
            assert not screen.peers.load_button.isVisibleTo(screen.peers)
            enrolment = tmp_path / "ket-noi-01576.json"
            province.sync.export_enrollment("01576", enrolment)
            for attempt in (lambda: trial.sync.load_enrollment(enrolment),
                            lambda: trial.sync.export(tmp_path / "usb")):
                with pytest.raises(DomainError) as caught:
                    attempt()
                assert caught.value.code == "SYNC_TRIAL_OFFICE"
            requested: list[bool] = []
            window.real_office_requested.connect(lambda: requested.append(True))
            window.real_office_button.click()
            assert requested == [True]
        finally:
            trial.close()
        # Asking again opens the same trial office, without building the demo data twice.
        again = gui.open_trial_office(real_dir, "01576", "")
        try:
            assert again.people.search("").total == 300
        finally:
            again.close()
    finally:
        commune.close()


def test_status_bar_counts_follow_every_change_and_an_export(
        qtbot, tmp_path: Path, province: App, monkeypatch, _template_dir: Path) -> None:  # type: ignore[no-untyped-def]
    enrolment = tmp_path / "ket-noi-01576.json"
    province.sync.export_enrollment("01576", enrolment)
    commune = open_app(copy_template(_template_dir, tmp_path / "xa"), actor="Nông Thị Hoa")
    try:
        commune.office.init_office("commune", "01576", officer_name="Nông Thị Hoa")
        commune.sync.load_enrollment(enrolment)
        window = MainWindow(commune)
        qtbot.addWidget(window)
        before = commune.sync.status()
        commune.people.create(PersonInput("Hoàng Thị Mai", "female"))  # not through any screen
        qtbot.waitUntil(lambda: f"Chưa gửi: {before['unsent'] + 1} " in window.sync_label.text(), timeout=3000)
        unsent = commune.sync.status()["unsent"]
        screen = window.show_screen("sync")
        assert f"Chưa gửi: {unsent}" in screen.export_panel.unsent.text()
        monkeypatch.setattr(sync_dialogs, "choose_folder", lambda *_a: str(tmp_path / "usb"))
        assert screen.export_panel.export() is not None
        after = commune.sync.status()
        assert (after["unsent"], after["awaiting"]) == (0, unsent)
        qtbot.waitUntil(lambda: f"Chưa gửi: 0 · chờ xác nhận: {unsent}" in window.sync_label.text(), timeout=3000)
        assert f"chờ tỉnh xác nhận: {unsent}" in screen.export_panel.unsent.text()
        # The province confirms by its next bundle: nothing is awaiting any more.
        [bundle] = sorted((tmp_path / "usb").glob("TD-01576-04-*.tdsync"))
        deliver(province, commune, bundle)
        [back] = province.sync.export(tmp_path / "back", to="01576").files
        commune.sync.import_bundle(back)
        assert (commune.sync.status()["unsent"], commune.sync.status()["awaiting"]) == (0, 0)
        assert dialogs is not None
    finally:
        commune.close()


def test_the_whole_start_up_from_first_run_to_closing_the_window(
        qtbot, tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    """gui.run() as the desktop shortcut starts it: first-run questions, the main window maximised
    the first time, closing it ends the app; the second start restores the window, no questions."""
    monkeypatch.setenv("THIDUA_CONFIG_DIR", str(tmp_path / "config"))
    seen: list[str] = []

    def close_main_window() -> None:
        window = next((w for w in QApplication.topLevelWidgets() if isinstance(w, MainWindow) and w.isVisible()),
                      None)
        if window is None:
            QTimer.singleShot(20, close_main_window)
            return
        seen.append(window.windowTitle())
        window.close()

    answer_first_run(qtbot, set_up_quang_uyen)
    QTimer.singleShot(50, close_main_window)
    assert gui.run(["--data-dir", str(tmp_path / "xa"), "--lang", "vi"]) == 0
    assert (tmp_path / "config" / "window-state.ini").exists()
    QTimer.singleShot(50, close_main_window)
    assert gui.run(["--data-dir", str(tmp_path / "xa"), "--lang", "vi"]) == 0  # no first-run dialog this time
    assert len(seen) == 2 and all("ThiĐua" in title for title in seen)
    # The automatic backup is timed from the window: once the window is gone it never fires (it used
    # to run a little later, in whatever the process did next, on a closed office).
    qtbot.wait(1800)
    backups = tmp_path / "xa" / "backups"
    assert not backups.exists() or not any(backups.iterdir())
    reopened = open_app(tmp_path / "xa")
    try:
        assert reopened.office.office().officer_name == "Nông Thị Hoa"
    finally:
        reopened.close()
