"""Signing in to a shared (server) office (issue 14): the login dialog with its one generic refusal,
the password the admin set changed before the main window, the first administrator, and the
administrator's accounts dialog in Cài đặt. Real SQLite offices with accounts (the accounts work
the same on both databases; tests/ui/test_first_run_server.py runs the server's own set-up)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import nacl.pwhash
import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QDialog

from thidua_desktop.bootstrap import App
from thidua_desktop.domain.errors import DomainError
from thidua_desktop.messages import render
from thidua_desktop.sync import passwords
from thidua_desktop.ui.login_dialog import ChangePasswordDialog, FirstAdminDialog, LoginDialog
from thidua_desktop.ui.screens.accounts import AccountFormDialog, AccountsBox, AccountsDialog, ResetPasswordDialog

from .conftest import type_text


@pytest.fixture(autouse=True)
def fast_hash(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(passwords, "OPSLIMIT", nacl.pwhash.argon2id.OPSLIMIT_MIN)
    monkeypatch.setattr(passwords, "MEMLIMIT", nacl.pwhash.argon2id.MEMLIMIT_MIN)


@pytest.fixture
def province(app_factory: Callable[..., App], tmp_path: Path) -> App:
    """The province with its admin (signed in here) and a reviewer whose password the admin set."""
    app = app_factory(tmp_path / "tinh")
    app.office.init_office("province", "04", officer_name="Cán bộ tỉnh")
    app.accounts.create("quantri", "Hoàng Văn Quản", "admin", "Quan-tri-2026")
    app.sign_in("quantri", "Quan-tri-2026")
    app.accounts.create("hoa.nt", "Nông Thị Hoa", "reviewer", "Tam-thoi-123")
    return app


def officer(province: App, app_factory: Callable[..., App]) -> App:
    """Another computer's window on the same office, nobody signed in yet."""
    other = app_factory(province.paths.data_dir)
    assert other.needs_sign_in()
    return other


def when_modal(action: Callable[[QDialog], None]) -> None:
    """Act on the next dialog that opens modally (the one ``exec`` is about to show)."""
    def act() -> None:
        dialog = QApplication.activeModalWidget()
        if dialog is None:
            QTimer.singleShot(10, act)
            return
        action(dialog)  # type: ignore[arg-type]
    QTimer.singleShot(0, act)


def test_a_wrong_answer_is_said_in_the_dialog_in_the_same_words_for_everyone(
        qtbot, province: App, app_factory) -> None:  # type: ignore[no-untyped-def]
    app = officer(province, app_factory)
    dialog = LoginDialog(app.sign_in, lambda old, new: app.accounts.change_own_password(old, new),
                         office="Tỉnh Cao Bằng")
    qtbot.addWidget(dialog)
    generic = render(DomainError("LOGIN_FAILED"))
    shown = []
    for username in ("quantri", "khong-co-ai"):
        dialog.username.setText(username)
        qtbot.keyClicks(dialog.password, "sai-mat-khau")
        dialog.ok_button.click()
        assert dialog.result() == 0 and dialog.problems.isVisibleTo(dialog)
        assert dialog.password.text() == ""  # the next try starts afresh
        shown.append(dialog.problems.text())
    assert shown == [generic, generic]
    assert app.signed_in is None
    dialog.username.setText("QuanTri")
    qtbot.keyClicks(dialog.password, "Quan-tri-2026")
    dialog.ok_button.click()
    assert dialog.result() == QDialog.DialogCode.Accepted
    assert app.signed_in is not None and app.signed_in.username == "quantri"
    assert app.actor == f"quantri (#{app.signed_in.account_id})"


def test_a_password_the_admin_set_is_changed_before_work_starts(
        qtbot, province: App, app_factory) -> None:  # type: ignore[no-untyped-def]
    app = officer(province, app_factory)
    dialog = LoginDialog(app.sign_in, lambda old, new: app.accounts.change_own_password(old, new))
    qtbot.addWidget(dialog)
    seen: list[str] = []

    def choose(change: QDialog) -> None:
        assert isinstance(change, ChangePasswordDialog)
        assert not change.current.isVisible()  # just typed to sign in: not asked again
        seen.append(change.heading.text())
        change.new.setText("Cua-toi-2026")
        change.repeat.setText("Cua-khac-2026")
        change.ok_button.click()  # the two differ: said in place
        seen.append(change.problems.text())
        change.repeat.setText("Cua-toi-2026")
        change.ok_button.click()

    when_modal(choose)
    dialog.username.setText("hoa.nt")
    dialog.password.setText("Tam-thoi-123")
    dialog.ok_button.click()
    assert dialog.result() == QDialog.DialogCode.Accepted
    assert seen[1] == render(DomainError("PASSWORD_MISMATCH"))
    assert app_factory(province.paths.data_dir).sign_in("hoa.nt", "Cua-toi-2026").must_change_password is False


def test_cancelling_the_forced_change_cancels_the_sign_in(
        qtbot, province: App, app_factory) -> None:  # type: ignore[no-untyped-def]
    app = officer(province, app_factory)
    dialog = LoginDialog(app.sign_in, lambda old, new: app.accounts.change_own_password(old, new))
    qtbot.addWidget(dialog)
    when_modal(lambda change: change.reject())
    dialog.username.setText("hoa.nt")
    dialog.password.setText("Tam-thoi-123")
    dialog.ok_button.click()
    assert dialog.result() == QDialog.DialogCode.Rejected and dialog.signed is None


def test_the_first_administrator(qtbot, app_factory, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    app = app_factory(tmp_path / "moi")
    app.office.init_office("province", "04", officer_name="Cán bộ tỉnh")
    dialog = FirstAdminDialog(lambda user, name, password: app.accounts.create(user, name, "admin", password),
                              display_name="Hoàng Văn Quản")
    qtbot.addWidget(dialog)
    assert dialog.display_name.text() == "Hoàng Văn Quản"
    dialog.username.setText("Nông Hoa")  # a space and a letter with a mark: refused in place
    dialog.password.setText("Quan-tri-2026")
    dialog.repeat.setText("Quan-tri-2026")
    dialog.ok_button.click()
    assert dialog.result() == 0 and "Nông Hoa" in dialog.problems.text()
    dialog.username.setText("quantri")
    dialog.ok_button.click()
    assert dialog.result() == QDialog.DialogCode.Accepted
    assert app.sign_in(*dialog.credentials()).role.value == "admin"


def test_the_administrator_manages_accounts_from_the_settings(
        qtbot, province: App, dialog_log) -> None:  # type: ignore[no-untyped-def]
    box = AccountsBox(province.accounts)
    qtbot.addWidget(box)
    assert box.wanted() and "quantri" in box.who.text()
    dialog = AccountsDialog(province.accounts)
    qtbot.addWidget(dialog)
    assert [dialog.table.item(r, 0).text() for r in range(dialog.table.rowCount())] == ["hoa.nt", "quantri"]

    form = AccountFormDialog(province.accounts, dialog)
    form.username.setText("lanhdao")
    type_text(form.display_name, "Lục Văn Tài")
    form.role.setCurrentIndex(form.role.findData("leader"))
    form.password.setText("Lanh-dao-01")
    form.repeat.setText("Lanh-dao-01")
    form.ok_button.click()
    assert form.result() == QDialog.DialogCode.Accepted
    dialog.reload()
    assert dialog.table.rowCount() == 3

    dialog.table.selectRow(0)  # hoa.nt
    dialog.toggle_button.click()  # asked (answered Yes in tests), then disabled
    assert [a.active for a in province.accounts.list() if a.username == "hoa.nt"] == [False]
    reset = ResetPasswordDialog(province.accounts, "hoa.nt", dialog)
    reset.password.setText("Tam-thoi-456")
    reset.repeat.setText("Tam-thoi-456")
    reset.ok_button.click()
    assert reset.result() == QDialog.DialogCode.Accepted

    row = next(r for r in range(dialog.table.rowCount()) if dialog.table.item(r, 0).text() == "quantri")
    dialog.table.selectRow(row)
    dialog.toggle_button.click()  # the last admin: refused, said as every refusal is
    assert dialog_log[-1][0] == "error" and dialog_log[-1][1] == render(DomainError("LAST_ADMIN"))


def test_a_reviewer_sees_the_refusal_not_the_accounts(
        qtbot, province: App, app_factory, dialog_log) -> None:  # type: ignore[no-untyped-def]
    app = officer(province, app_factory)
    app.sign_in("hoa.nt", "Tam-thoi-123")
    dialog = AccountsDialog(app.accounts)
    qtbot.addWidget(dialog)
    assert dialog.table.rowCount() == 0
    assert dialog_log and "quản trị viên" in dialog_log[-1][1]


def test_an_office_on_this_computer_without_accounts_shows_no_accounts_box(
        qtbot, commune: App) -> None:  # type: ignore[no-untyped-def]
    box = AccountsBox(commune.accounts)
    qtbot.addWidget(box)
    assert not box.wanted() and box.isHidden()
    from thidua_desktop.ui import app as ui_app

    assert ui_app.sign_in(commune)  # nothing asked, nothing changed
    assert commune.signed_in is None
