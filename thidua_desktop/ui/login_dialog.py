"""Signing in to a shared (server) office, and the password dialogs around it: the first admin made
at set-up, one's own password changed (also right after signing in with a password the admin set).

Each dialog takes the service call it needs as a function, as the first-run dialog does: the
start-up code (ui/app.py) passes ``App.sign_in`` and the accounts service of the app signed in.
A refusal is shown in the dialog itself (LOGIN_FAILED says the same for every wrong answer), and
the password is cleared so the next try starts afresh."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QEvent
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from ..domain.accounts import PASSWORD_MIN, SignedIn
from ..domain.errors import DomainError
from ..messages import render
from . import ops

SignIn = Callable[[str, str], SignedIn]
ChangePassword = Callable[[str, str], object]  # (current, new)
CreateAdmin = Callable[[str, str, str], object]  # (username, full name, password)


def password_field() -> QLineEdit:
    field = QLineEdit()
    field.setEchoMode(QLineEdit.EchoMode.Password)
    return field


class FormDialog(QDialog):
    """A form, a line for what is wrong, and OK / Cancel; ``submit`` does the work (True: done)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.heading = QLabel()
        self.heading.setWordWrap(True)
        self.form = QFormLayout()
        self.problems = QLabel()
        self.problems.setObjectName("problems")
        self.problems.setWordWrap(True)
        self.problems.setStyleSheet("color: #a40000;")
        self.problems.hide()
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.ok_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addLayout(self.form)
        layout.addWidget(self.problems)
        layout.addWidget(self.buttons)
        self.setMinimumWidth(min(520, self.fontMetrics().averageCharWidth() * 70))

    def show_problem(self, text: str) -> None:
        self.problems.setText(text)
        self.problems.setVisible(bool(text))

    def refused(self, exc: DomainError) -> None:
        self.show_problem(render(exc, ops.current_lang()))

    def attempt(self, action: Callable[[], Any]) -> ops.Outcome[Any]:
        """The service call, its refusal shown here (a bug still goes to the usual message)."""
        return ops.perform(self, action, retry=True, on_refusal=self.refused)

    def submit(self) -> bool:
        raise NotImplementedError

    def accept(self) -> None:
        if self.submit():
            super().accept()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def retranslate(self) -> None:
        raise NotImplementedError


class ChangePasswordDialog(FormDialog):
    """One's own password: the current one (filled in and hidden when the officer just typed it to
    sign in), the new one twice."""

    def __init__(self, change: ChangePassword, parent: QWidget | None = None, *, current: str | None = None,
                 forced: bool = False) -> None:
        super().__init__(parent)
        self.setObjectName("ChangePasswordDialog")
        self.change, self.forced = change, forced
        self.current, self.new, self.repeat = password_field(), password_field(), password_field()
        self.current_label, self.new_label, self.repeat_label = QLabel(), QLabel(), QLabel()
        if current is not None:
            self.current.setText(current)
        self.form.addRow(self.current_label, self.current)
        self.form.addRow(self.new_label, self.new)
        self.form.addRow(self.repeat_label, self.repeat)
        self.current_label.setVisible(current is None)
        self.current.setVisible(current is None)
        self.retranslate()

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Change your password"))
        self.heading.setText(self.tr("The administrator chose your password: choose your own now. It needs at "
                                     "least %1 characters.").replace("%1", str(PASSWORD_MIN)) if self.forced
                             else self.tr("At least %1 characters. Nobody else, the administrator included, "
                                          "will know it.").replace("%1", str(PASSWORD_MIN)))
        self.current_label.setText(self.tr("Current password"))
        self.new_label.setText(self.tr("New password"))
        self.repeat_label.setText(self.tr("New password again"))
        self.ok_button.setText(self.tr("Change password"))

    def submit(self) -> bool:
        if self.new.text() != self.repeat.text():
            self.refused(DomainError("PASSWORD_MISMATCH", field="new_password"))
            self.repeat.clear()
            self.repeat.setFocus()
            return False
        done = self.attempt(lambda: self.change(self.current.text(), self.new.text()))
        return done.ok


class LoginDialog(FormDialog):
    """Username and password; after a sign-in with a password the admin set, the officer chooses
    their own before the main window opens (cancelling that cancels the start)."""

    def __init__(self, sign_in: SignIn, change_password: ChangePassword | None = None, *, office: str = "",
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("LoginDialog")
        self.sign_in, self.change_password, self.office = sign_in, change_password, office
        self.signed: SignedIn | None = None
        self.username, self.password = QLineEdit(), password_field()
        self.username_label, self.password_label = QLabel(), QLabel()
        self.form.addRow(self.username_label, self.username)
        self.form.addRow(self.password_label, self.password)
        self.retranslate()

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Sign in — ThiĐua Desktop"))
        self.heading.setText(self.tr("%1: sign in with your own account.").replace("%1", self.office)
                             if self.office else self.tr("Sign in with your own account."))
        self.username_label.setText(self.tr("Username"))
        self.username.setPlaceholderText(self.tr("e.g. hoa.nt"))
        self.password_label.setText(self.tr("Password"))
        self.ok_button.setText(self.tr("Sign in"))

    def submit(self) -> bool:
        typed = self.password.text()
        done = self.attempt(lambda: self.sign_in(self.username.text(), typed))
        if not done.ok or done.value is None:
            self.password.clear()
            self.password.setFocus()
            return False
        self.signed = done.value
        if self.signed.must_change_password and self.change_password is not None:
            dialog = ChangePasswordDialog(self.change_password, self, current=typed, forced=True)
            if dialog.exec() != QDialog.DialogCode.Accepted:
                self.signed = None
                self.reject()
                return False
        return True


class FirstAdminDialog(FormDialog):
    """The office's first account, an administrator, made when the office server is set up: the
    officer chooses the username and the password, which no one else ever sees."""

    def __init__(self, create: CreateAdmin, parent: QWidget | None = None, *, display_name: str = "") -> None:
        super().__init__(parent)
        self.setObjectName("FirstAdminDialog")
        self.create_admin = create
        self.username, self.display_name = QLineEdit(), QLineEdit(display_name)
        self.password, self.repeat = password_field(), password_field()
        self.labels = [QLabel() for _ in range(4)]
        for label, field in zip(self.labels, (self.username, self.display_name, self.password, self.repeat),
                                strict=True):
            self.form.addRow(label, field)
        self.retranslate()

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("The office's first administrator"))
        self.heading.setText(self.tr("Several officers share the office server, each with an account. Create "
                                     "the first one now: an administrator, who then adds the others "
                                     "(Settings → Accounts)."))
        for label, text in zip(self.labels, (self.tr("Username"), self.tr("Full name"), self.tr("Password"),
                                             self.tr("Password again")), strict=True):
            label.setText(text)
        self.username.setPlaceholderText(self.tr("e.g. hoa.nt"))
        self.ok_button.setText(self.tr("Create the administrator"))

    def submit(self) -> bool:
        if self.password.text() != self.repeat.text():
            self.refused(DomainError("PASSWORD_MISMATCH", field="new_password"))
            self.repeat.clear()
            return False
        done = self.attempt(lambda: self.create_admin(self.username.text(), self.display_name.text(),
                                                      self.password.text()))
        return done.ok

    def credentials(self) -> tuple[str, str]:
        """What to sign in with once the account exists."""
        return self.username.text(), self.password.text()
