"""A province set up in the GUI makes its recovery key, protected by a passphrase, before its first
enrolment file (until now only ``thidua init`` made one, and the GUI province could not enrol)."""

from __future__ import annotations

from pathlib import Path

import pytest
from office_templates import copy_template
from PySide6.QtWidgets import QDialogButtonBox

from thidua_desktop.bootstrap import App, open_app
from thidua_desktop.domain.errors import DomainError
from thidua_desktop.services.sync_views import SyncViews
from thidua_desktop.sync.keys import load_recovery_private, recovery_is_protected
from thidua_desktop.ui.screens import recovery_key, sync_dialogs
from thidua_desktop.ui.screens.recovery_key import RecoveryKeyDialog
from thidua_desktop.ui.screens.sync import SyncScreen

from .conftest import type_text

PASSPHRASE = "Núi Phja Oắc mùa sương 2026"


@pytest.fixture
def province(tmp_path: Path, _template_dir: Path):  # type: ignore[no-untyped-def]
    app = open_app(copy_template(_template_dir, tmp_path / "tinh"), actor="tinh")
    app.office.init_office("province", "04")
    yield app
    app.close()


def _screen(qtbot, app: App) -> SyncScreen:  # type: ignore[no-untyped-def]
    screen = SyncScreen(app.sync, SyncViews(app.db, app.actor, app.current_catalog), app.office)
    qtbot.addWidget(screen)
    return screen


def test_the_dialog_wants_a_place_and_the_same_passphrase_twice(qtbot, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    dialog = RecoveryKeyDialog(str(tmp_path / "khoa.tdkey"))
    qtbot.addWidget(dialog)
    ok = dialog.buttons.button(QDialogButtonBox.StandardButton.Ok)
    type_text(dialog.passphrase, PASSPHRASE)
    type_text(dialog.repeat, PASSPHRASE + "x")
    ok.click()
    assert dialog.result() == 0 and not dialog.problem.isHidden() and dialog.problem.text()
    dialog.repeat.clear()
    type_text(dialog.repeat, PASSPHRASE)
    ok.click()
    assert dialog.result() == 1
    assert dialog.values() == (tmp_path / "khoa.tdkey", PASSPHRASE)


def test_first_enrolment_file_makes_a_protected_recovery_key_first(  # type: ignore[no-untyped-def]
        qtbot, province, tmp_path: Path, monkeypatch, dialog_log) -> None:
    key = tmp_path / "usb" / "khoa-khoi-phuc.tdkey"
    key.parent.mkdir()
    monkeypatch.setattr(recovery_key, "ask_recovery_key", lambda _p, _s: (key, PASSPHRASE))
    monkeypatch.setattr(sync_dialogs, "choose_save_file", lambda _p, _t, suggested: str(tmp_path / suggested))
    screen = _screen(qtbot, province)
    combo = screen.peers.commune
    combo.setCurrentIndex(combo.findData("01576"))
    assert screen.peers.create_enrollment() == tmp_path / "ket-noi-01576.json"
    assert recovery_is_protected(key)
    opened = load_recovery_private(key, PASSPHRASE)
    assert province.sync.check_recovery_key(key, PASSPHRASE) == (opened.fingerprint, True)
    assert any(opened.fingerprint in text for kind, text in dialog_log if kind == "info")

    # The second enrolment file asks nothing more.
    monkeypatch.setattr(recovery_key, "ask_recovery_key", lambda *_a: pytest.fail("asked again"))
    combo.setCurrentIndex(combo.findData("01273"))
    assert screen.peers.create_enrollment() == tmp_path / "ket-noi-01273.json"


def test_a_short_passphrase_is_refused_and_no_enrolment_file_is_written(  # type: ignore[no-untyped-def]
        qtbot, province, tmp_path: Path, monkeypatch, dialog_log) -> None:
    monkeypatch.setattr(recovery_key, "ask_recovery_key", lambda _p, _s: (tmp_path / "khoa.tdkey", "ngắn"))
    monkeypatch.setattr(sync_dialogs, "choose_save_file", lambda *_a: pytest.fail("went on without a key"))
    screen = _screen(qtbot, province)
    screen.peers.commune.setCurrentIndex(screen.peers.commune.findData("01576"))
    assert screen.peers.create_enrollment() is None
    assert [kind for kind, _text in dialog_log] == ["error"] and "8" in dialog_log[0][1]
    assert not (tmp_path / "khoa.tdkey").exists() and not province.sync.has_recovery_key()
    with pytest.raises(DomainError):
        province.sync.export_enrollment("01576", tmp_path / "ket-noi.json")
