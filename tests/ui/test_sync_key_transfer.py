"""The two key actions of the Đồng bộ screen (ui/screens/sync_key_transfer.py): an administrator
exports the office keys on the computer that holds them and loads them on another one; a server
computer without keys says so. Real offices, real key files; only the file-and-passphrase dialogs
are answered by the test. In English: the Vietnamese of these strings waits in i18n/pending/
(server-keys.json) until the catalogues are merged; the refusals are the services' own sentences."""

from __future__ import annotations

import json
from pathlib import Path

import nacl.pwhash
import pytest
from office_templates import copy_template
from pg_fixtures import pg_database, pg_server, pg_template, point_folder_at  # noqa: F401  # fixtures by name
from PySide6.QtCore import QEvent, QThreadPool
from PySide6.QtWidgets import QApplication, QDialog

from thidua_desktop.bootstrap import App, open_app
from thidua_desktop.services.key_transfer import KeyTransfer
from thidua_desktop.services.sync_views import SyncViews
from thidua_desktop.sync import keys as k
from thidua_desktop.ui import dialogs, i18n
from thidua_desktop.ui.screens import sync_key_transfer
from thidua_desktop.ui.screens.sync import SyncScreen
from thidua_desktop.ui.screens.sync_key_transfer import KeyExportDialog, KeyImportDialog

PASSPHRASE = "Khóa văn phòng Sở Nội vụ 2026"


@pytest.fixture(autouse=True)
def fast_kdf(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(k, "RECOVERY_OPSLIMIT", nacl.pwhash.argon2id.OPSLIMIT_MIN)
    monkeypatch.setattr(k, "RECOVERY_MEMLIMIT", nacl.pwhash.argon2id.MEMLIMIT_MIN)


@pytest.fixture(autouse=True)
def english(vietnamese) -> None:  # type: ignore[no-untyped-def]
    i18n.install("en")


def screen_for(qtbot, app: App) -> SyncScreen:  # type: ignore[no-untyped-def]
    screen = SyncScreen(app.sync, SyncViews(app.db, app.actor, app.current_catalog), app.office)
    qtbot.addWidget(screen)
    return screen


@pytest.fixture
def province(tmp_path: Path, _template_dir: Path):  # type: ignore[no-untyped-def]
    app = open_app(copy_template(_template_dir, tmp_path / "tinh"), actor="tinh")
    app.office.init_office("province", "04")
    yield app
    app.close()


def test_the_province_exports_its_keys_and_loads_them_back(qtbot, province: App, tmp_path: Path,  # type: ignore[no-untyped-def]
                                                           monkeypatch, dialog_log) -> None:
    screen = screen_for(qtbot, province)
    row = screen.peers.keys_row
    assert not row.isHidden() and row.hint.isHidden() and row.export_button.isEnabled()
    assert row.export_button.text() == "Export the office keys for another computer…"
    assert row.import_button.text() == "Load the office keys from another computer…"
    out = tmp_path / "usb" / "khoa-van-phong.tdkeys"

    # A passphrase too short: the service refuses it in words, nothing is written.
    monkeypatch.setattr(sync_key_transfer, "ask_export", lambda _p, _s: (out, "ngắn"))
    row.export_button.click()
    assert not out.exists() and dialog_log[-1][0] == "error" and "at least 8 characters" in dialog_log[-1][1]
    # What was typed waits for the next dialog, which opens with it (nothing typed is lost).
    assert row.typed_export == (out, "ngắn")
    again = sync_key_transfer.KeyExportDialog("khoa.tdkeys", row, row.typed_export)
    qtbot.addWidget(again)
    assert (again.path.text(), again.passphrase.text(), again.repeat.text()) == (str(out), "ngắn", "ngắn")

    monkeypatch.setattr(sync_key_transfer, "ask_export", lambda _p, suggested: (out, PASSPHRASE))
    row.export_button.click()
    assert out.is_file() and json.loads(out.read_text(encoding="utf-8"))["kind"] == "thidua-office-keys"
    fingerprint = province.sync.fingerprint()
    assert dialog_log[-1][0] == "info" and fingerprint in dialog_log[-1][1] and str(out) in dialog_log[-1][1]
    assert row.typed_export is None  # done: the next dialog starts empty
    # The file exists now: exporting again asks before replacing it, and a no leaves it as it was.
    before = out.read_bytes()
    monkeypatch.setattr(dialogs, "ask_yes_no", lambda _p, _t, text: dialog_log.append(("ask", text)) is None and False)
    row.export_button.click()
    assert dialog_log[-1][0] == "ask" and str(out) in dialog_log[-1][1] and out.read_bytes() == before
    monkeypatch.setattr(dialogs, "ask_yes_no", lambda *_a: True)
    row.export_button.click()
    assert dialog_log[-1][0] == "info" and out.read_bytes() != before  # replaced (a fresh salt)

    # Loading: a wrong passphrase is refused in words; the right one finds the keys already here.
    monkeypatch.setattr(sync_key_transfer, "ask_import", lambda _p: (out, "Không phải mật khẩu này"))
    row.import_button.click()
    assert dialog_log[-1][0] == "error" and "Wrong passphrase for the key file" in dialog_log[-1][1]
    monkeypatch.setattr(sync_key_transfer, "ask_import", lambda _p: (out, PASSPHRASE))
    row.import_button.click()
    assert dialog_log[-1] == ("info", f"This computer already holds these keys (fingerprint {fingerprint}); "
                                      "nothing changed.")

    # This computer's store gone (as on a new computer of the office): the file brings the keys back.
    province.sync.keystore.path.unlink()
    row.import_button.click()
    assert dialog_log[-1][0] == "info" and "are now on this computer" in dialog_log[-1][1]
    assert province.sync.fingerprint() == fingerprint
    assert screen.peers.own_code.text() == fingerprint


def test_a_cancelled_dialog_does_nothing(qtbot, province: App, monkeypatch, dialog_log) -> None:  # type: ignore[no-untyped-def]
    screen = screen_for(qtbot, province)
    monkeypatch.setattr(sync_key_transfer, "ask_export", lambda *_a: None)
    monkeypatch.setattr(sync_key_transfer, "ask_import", lambda *_a: None)
    assert screen.peers.keys_row.export_keys() is None and screen.peers.keys_row.import_keys() is None
    assert dialog_log == []


def test_the_export_dialog_checks_the_two_typings(qtbot, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    dialog = KeyExportDialog(str(tmp_path / "khoa.tdkeys"))
    qtbot.addWidget(dialog)
    dialog.passphrase.setText(PASSPHRASE)
    dialog.repeat.setText(PASSPHRASE + "x")
    dialog.buttons.accepted.emit()
    assert dialog.result() != QDialog.DialogCode.Accepted and "do not match" in dialog.problem.text()
    dialog.repeat.setText(PASSPHRASE)
    dialog.buttons.accepted.emit()
    assert dialog.result() == QDialog.DialogCode.Accepted
    assert dialog.values() == (tmp_path / "khoa.tdkeys", PASSPHRASE)


def test_the_import_dialog_wants_a_file_and_a_passphrase(qtbot, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    dialog = KeyImportDialog()
    qtbot.addWidget(dialog)
    dialog.buttons.accepted.emit()
    assert dialog.result() != QDialog.DialogCode.Accepted and "Choose the key file" in dialog.problem.text()
    dialog.path.setText(str(tmp_path / "khoa.tdkeys"))
    dialog.buttons.accepted.emit()
    assert dialog.result() != QDialog.DialogCode.Accepted and "Type the passphrase" in dialog.problem.text()
    dialog.passphrase.setText(PASSPHRASE)
    dialog.buttons.accepted.emit()
    assert dialog.result() == QDialog.DialogCode.Accepted
    assert dialog.values() == (tmp_path / "khoa.tdkeys", PASSPHRASE)


def test_a_commune_on_its_own_computer_sees_no_key_actions(qtbot, commune: App) -> None:  # type: ignore[no-untyped-def]
    screen = screen_for(qtbot, commune)
    assert screen.peers.keys_row.isHidden()


def unregistered_screen(app: App, screens: list[SyncScreen]) -> SyncScreen:
    """A screen this test deletes itself, before its office closes (not left to qtbot's teardown)."""
    screen = SyncScreen(app.sync, SyncViews(app.db, app.actor, app.current_catalog), app.office)
    screens.append(screen)
    return screen


@pytest.mark.postgres
def test_a_server_computer_without_keys_is_told_and_loads_them(  # type: ignore[no-untyped-def]
        qtbot, pg_database: str, tmp_path: Path, monkeypatch, dialog_log) -> None:  # noqa: F811
    monkeypatch.delenv("THIDUA_DATABASE_URL", raising=False)
    a = open_app(point_folder_at(tmp_path / "may-a", pg_database), actor="may-a")
    b = open_app(point_folder_at(tmp_path / "may-b", pg_database), actor="may-b")
    screens: list[SyncScreen] = []
    try:
        a.office.init_office("province", "04")
        screen_a = unregistered_screen(a, screens)  # the computer that set the office up makes the keys
        fingerprint = a.sync.fingerprint()
        assert screen_a.peers.own_code.text() == fingerprint and screen_a.peers.keys_row.hint.isHidden()

        screen_b = unregistered_screen(b, screens)
        row = screen_b.peers.keys_row
        assert not row.hint.isHidden() and not row.export_button.isEnabled()
        assert row.hint.text() == ("This computer has no sync keys yet: load them from the computer that set "
                                   "the office up.")
        assert screen_b.peers.own_code.text() == "—" and not b.sync.keystore.exists()

        out = tmp_path / "usb" / "khoa.tdkeys"
        monkeypatch.setattr(sync_key_transfer, "ask_export", lambda _p, _s: (out, PASSPHRASE))
        screen_a.peers.keys_row.export_button.click()
        monkeypatch.setattr(sync_key_transfer, "ask_import", lambda _p: (out, PASSPHRASE))
        row.import_button.click()
        assert dialog_log[-1][0] == "info" and fingerprint in dialog_log[-1][1]
        QApplication.processEvents()
        assert row.hint.isHidden() and row.export_button.isEnabled()
        assert screen_b.peers.own_code.text() == fingerprint
        assert KeyTransfer.of(b.sync).status().has_keys
    finally:
        # The screens go before their offices: the test's database is dropped right after the test,
        # and a screen still alive then would read it (the language switched back at teardown).
        for screen in screens:
            screen.close()
            screen.deleteLater()
        QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
        QThreadPool.globalInstance().waitForDone()
        a.close()
        b.close()
