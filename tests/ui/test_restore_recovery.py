"""Settings → Restore on a new computer (issue 11, failure 9): the backup is encrypted and this
computer's keys do not open it, so the officer is told to ask the province's Ban Thi đua - Khen
thưởng for the recovery key file and its passphrase, picks them, and the backup is restored."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import nacl.pwhash
import pytest
from office_templates import other_computer
from PySide6.QtWidgets import QDialogButtonBox
from sync_helpers import enrolled_pair

from thidua_desktop.bootstrap import App, open_app
from thidua_desktop.services.people import PersonInput
from thidua_desktop.sync import keys as k
from thidua_desktop.ui import dialogs
from thidua_desktop.ui.screens import restore_recovery
from thidua_desktop.ui.screens.restore_recovery import RestoreRecoveryDialog

from .settings_helpers import settings_screen

NAME = "Lục Thị Riêng Tư"
PASSPHRASE = "Núi Phja Oắc mùa sương 2026"


@pytest.fixture
def lost_computer(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[tuple[App, Path, Path]]:
    """An enrolled commune's backup and the province's recovery key file (under a passphrase);
    then a new computer (its own config folder) with a new office open. Yields (the new office,
    the backup, the key file)."""
    monkeypatch.setattr(k, "RECOVERY_OPSLIMIT", nacl.pwhash.argon2id.OPSLIMIT_MIN)
    monkeypatch.setattr(k, "RECOVERY_MEMLIMIT", nacl.pwhash.argon2id.MEMLIMIT_MIN)
    province, commune, _enrolment = enrolled_pair(tmp_path)
    key_file = tmp_path / "recovery.tdkey"
    try:
        province.sync.protect_recovery_key(key_file, PASSPHRASE)
        commune.people.create(PersonInput(NAME, "female"))
        backup = commune.maintenance.backup(tmp_path / "usb" / "sao-luu.zip")
    finally:
        province.close()
        commune.close()
    # The new computer's office: a copy of one made once under another config folder (its own
    # key-encryption key), which office_templates.other_computer keeps per process.
    folder = other_computer(tmp_path / "may-moi-config", tmp_path / "may-moi")
    monkeypatch.setenv("THIDUA_CONFIG_DIR", str(tmp_path / "may-moi-config"))
    app = open_app(folder, actor="xa")
    app.office.init_office("commune", "01576")
    try:
        yield app, backup, key_file
    finally:
        app.close()


def test_a_new_computer_asks_for_the_recovery_key_then_restores(  # type: ignore[no-untyped-def]
        qtbot, lost_computer, monkeypatch, dialog_log) -> None:
    app, backup, key_file = lost_computer
    answers = [(key_file, "sai mật khẩu rồi"), (key_file, PASSPHRASE)]
    asked: list[str] = []

    def ask(_parent, backup_name: str, key_path: str):  # type: ignore[no-untyped-def]
        asked.append(key_path)
        assert backup_name == backup.name
        return answers.pop(0) if answers else None

    monkeypatch.setattr(restore_recovery, "ask_recovery_key", ask)
    monkeypatch.setattr(dialogs, "open_file", lambda *_a: str(backup))
    screen = settings_screen(app)
    qtbot.addWidget(screen)
    epoch = app.office.office().epoch
    screen.restore.click()
    assert asked == ["", str(key_file)]  # asked again after the wrong passphrase, the file kept
    assert any(kind == "error" and "Sai mật khẩu" in text for kind, text in dialog_log)
    assert [p.full_name for p in app.people.search("").rows] == [NAME]
    assert app.office.office().epoch > epoch


def test_cancelling_the_recovery_key_changes_nothing(qtbot, lost_computer, monkeypatch, dialog_log) -> None:  # type: ignore[no-untyped-def]
    app, backup, _key_file = lost_computer
    app.people.create(PersonInput("Người Trên Máy Mới", "male"))
    monkeypatch.setattr(restore_recovery, "ask_recovery_key", lambda *_a: None)
    monkeypatch.setattr(dialogs, "open_file", lambda *_a: str(backup))
    screen = settings_screen(app)
    qtbot.addWidget(screen)
    screen.restore.click()
    assert [p.full_name for p in app.people.search("").rows] == ["Người Trên Máy Mới"]
    assert not [kind for kind, _text in dialog_log if kind == "ask"]  # never asked to replace the data


def test_another_province_key_is_refused_with_a_message(  # type: ignore[no-untyped-def]
        qtbot, lost_computer, monkeypatch, tmp_path, dialog_log) -> None:
    app, backup, _key_file = lost_computer
    stranger = tmp_path / "khoa-tinh-khac.tdkey"
    k.generate_recovery().export_recovery_private(stranger)
    answers = [(stranger, "")]
    monkeypatch.setattr(restore_recovery, "ask_recovery_key", lambda *_a: answers.pop(0) if answers else None)
    monkeypatch.setattr(dialogs, "open_file", lambda *_a: str(backup))
    screen = settings_screen(app)
    qtbot.addWidget(screen)
    screen.restore.click()
    assert any(kind == "error" and "khóa khôi phục khác" in text for kind, text in dialog_log)
    assert app.people.search("").total == 0


def test_the_dialog_says_whom_to_ask_and_wants_a_file(qtbot, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    dialog = RestoreRecoveryDialog("sao-luu.zip")
    qtbot.addWidget(dialog)
    text = dialog.intro.text()
    assert "«sao-luu.zip»" in text and "Ban Thi đua - Khen thưởng" in text
    dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).click()
    assert dialog.result() == 0 and not dialog.problem.isHidden()
    dialog.path.setText(str(tmp_path / "khoa.tdkey"))
    dialog.passphrase.setText(PASSPHRASE)
    dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).click()
    assert dialog.result() == 1 and dialog.values() == (tmp_path / "khoa.tdkey", PASSPHRASE)
