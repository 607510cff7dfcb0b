"""Cài đặt → Tài khoản: who is signed in, one's own password, and for the administrator the list
of the office's accounts (add, disable or enable, reset a password).

Shown only where accounts mean something: an office on the shared server, or one that has
accounts. Every action goes through AccountService, which refuses anyone but an admin
(ROLE_REQUIRED, shown as any refusal is); the screen does not decide who may do what."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QEvent, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ...domain.accounts import AccountRole
from ...domain.errors import DomainError
from ...services.accounts import AccountService, AccountView
from .. import dialogs, ops
from ..locale_format import datetime_text
from ..login_dialog import ChangePasswordDialog, FormDialog, password_field


def role_title(role: AccountRole | str) -> str:
    return {"reviewer": QCoreApplication.translate("AccountRole", "Reviewer"),
            "leader": QCoreApplication.translate("AccountRole", "Leader"),
            "admin": QCoreApplication.translate("AccountRole", "Administrator")}.get(str(role), str(role))


class AccountsBox(QGroupBox):
    """The Settings screen's part: the account signed in, and the buttons to the dialogs."""

    def __init__(self, accounts: AccountService, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("AccountsBox")
        self.accounts = accounts
        self.who = QLabel()
        self.who.setWordWrap(True)
        self.change_password = QPushButton()
        self.manage = QPushButton()
        self.change_password.clicked.connect(self.open_change_password)
        self.manage.clicked.connect(self.open_manage)
        row = QHBoxLayout()
        row.addWidget(self.change_password)
        row.addWidget(self.manage)
        row.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.who)
        layout.addLayout(row)
        self.setVisible(self.wanted())
        self.retranslate()

    def wanted(self) -> bool:
        try:
            return self.accounts.is_server() or self.accounts.has_accounts()
        except DomainError:
            return False

    def open_change_password(self) -> None:
        dialog = ChangePasswordDialog(self.accounts.change_own_password, self)
        if dialog.exec() == QDialog.DialogCode.Accepted:
            dialogs.info(self, self.tr("Accounts"), self.tr("Your password was changed."))

    def open_manage(self) -> None:
        AccountsDialog(self.accounts, self).exec()
        self.retranslate()

    def retranslate(self) -> None:
        self.setTitle(self.tr("Accounts"))
        me = self.accounts.signed_in()
        if me is not None:
            self.who.setText(self.tr("Signed in as %1 (%2).").replace("%1", me.username)
                             .replace("%2", role_title(me.role)))
        elif self.accounts.has_accounts():
            self.who.setText(self.tr("Nobody is signed in."))
        else:
            self.who.setText(self.tr("No accounts yet: whoever opens the app acts as the office's single officer. "
                                     "Create the first administrator to give each officer an account."))
        self.change_password.setText(self.tr("Change my password…"))
        self.change_password.setVisible(me is not None)
        self.manage.setText(self.tr("Manage accounts…"))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)


class AccountsDialog(QDialog):
    """The administrator's list. Reading it is refused to anyone else (the refusal is shown and
    the list stays empty)."""

    def __init__(self, accounts: AccountService, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("AccountsDialog")
        self.accounts = accounts
        self.rows: list[AccountView] = []
        self.table = QTableWidget(0, 5)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().setVisible(False)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.add_button, self.toggle_button, self.reset_button = QPushButton(), QPushButton(), QPushButton()
        self.add_button.clicked.connect(self.add_account)
        self.toggle_button.clicked.connect(self.toggle_selected)
        self.reset_button.clicked.connect(self.reset_selected)
        self.table.itemSelectionChanged.connect(self._update_buttons)
        buttons = QHBoxLayout()
        for button in (self.add_button, self.toggle_button, self.reset_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        self.close_box = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.close_box.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table, 1)
        layout.addLayout(buttons)
        layout.addWidget(self.close_box)
        self.resize(min(760, self.fontMetrics().averageCharWidth() * 100), 420)
        self.retranslate()
        self.reload()

    def reload(self) -> None:
        listed = ops.perform(self, self.accounts.list, retry=True)
        self.rows = list(listed.value or [])
        self.table.setRowCount(len(self.rows))
        for row, account in enumerate(self.rows):
            state = self.tr("active") if account.active else self.tr("disabled")
            if account.active and account.must_change_password:
                state = self.tr("active, must change the password")
            last = datetime_text(account.last_login_at)
            for column, text in enumerate((account.username, account.display_name, role_title(account.role),
                                           state, last)):
                item = QTableWidgetItem(text)
                item.setData(Qt.ItemDataRole.UserRole, account.username)
                self.table.setItem(row, column, item)
        self.table.resizeColumnsToContents()
        self._update_buttons()

    def selected(self) -> AccountView | None:
        row = self.table.currentRow()
        return self.rows[row] if 0 <= row < len(self.rows) and self.table.selectedItems() else None

    def _update_buttons(self) -> None:
        chosen = self.selected()
        self.toggle_button.setEnabled(chosen is not None)
        self.reset_button.setEnabled(chosen is not None)
        self.toggle_button.setText(self.tr("Enable") if chosen is not None and not chosen.active
                                   else self.tr("Disable"))

    def add_account(self) -> None:
        if AccountFormDialog(self.accounts, self).exec() == QDialog.DialogCode.Accepted:
            self.reload()

    def toggle_selected(self) -> None:
        chosen = self.selected()
        if chosen is None:
            return
        if chosen.active:
            if not dialogs.ask_yes_no(self, self.tr("Accounts"), self.tr(
                    "Disable %1? The account can no longer sign in, and stops at its next action if it is "
                    "signed in now.").replace("%1", chosen.username)):
                return
            done = ops.perform(self, lambda: self.accounts.disable(chosen.username))
        else:
            done = ops.perform(self, lambda: self.accounts.enable(chosen.username))
        if done.ok:
            self.reload()

    def reset_selected(self) -> None:
        chosen = self.selected()
        if chosen is not None and ResetPasswordDialog(self.accounts, chosen.username, self).exec() \
                == QDialog.DialogCode.Accepted:
            dialogs.info(self, self.tr("Accounts"), self.tr(
                "The password of %1 was reset. Give it to them in person: they choose their own at the next "
                "sign-in.").replace("%1", chosen.username))
            self.reload()

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Accounts of the office"))
        self.table.setHorizontalHeaderLabels([self.tr("Username"), self.tr("Full name"), self.tr("Role"),
                                              self.tr("State"), self.tr("Last sign-in")])
        self.add_button.setText(self.tr("Add account…"))
        self.reset_button.setText(self.tr("Reset password…"))
        self.close_box.button(QDialogButtonBox.StandardButton.Close).setText(self.tr("Close"))
        self._update_buttons()


class AccountFormDialog(FormDialog):
    """A new account: username, full name, role and a first password the officer then changes."""

    def __init__(self, accounts: AccountService, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("AccountFormDialog")
        self.accounts = accounts
        self.username, self.display_name = QLineEdit(), QLineEdit()
        self.role = QComboBox()
        for role in AccountRole:
            self.role.addItem(role_title(role), role.value)
        self.password, self.repeat = password_field(), password_field()
        self.labels = [QLabel() for _ in range(5)]
        for label, field in zip(self.labels, (self.username, self.display_name, self.role, self.password,
                                              self.repeat), strict=True):
            self.form.addRow(label, field)
        self.retranslate()

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Add an account"))
        self.heading.setText(self.tr("The officer changes this first password at their first sign-in."))
        for label, text in zip(self.labels, (self.tr("Username"), self.tr("Full name"), self.tr("Role"),
                                             self.tr("First password"), self.tr("First password again")), strict=True):
            label.setText(text)
        self.username.setPlaceholderText(self.tr("e.g. hoa.nt"))
        self.ok_button.setText(self.tr("Add"))

    def submit(self) -> bool:
        if self.password.text() != self.repeat.text():
            self.refused(DomainError("PASSWORD_MISMATCH", field="new_password"))
            return False
        done = self.attempt(lambda: self.accounts.create(self.username.text(), self.display_name.text(),
                                                         self.role.currentData(), self.password.text()))
        return done.ok


class ResetPasswordDialog(FormDialog):
    def __init__(self, accounts: AccountService, username: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("ResetPasswordDialog")
        self.accounts, self.target = accounts, username
        self.password, self.repeat = password_field(), password_field()
        self.password_label, self.repeat_label = QLabel(), QLabel()
        self.form.addRow(self.password_label, self.password)
        self.form.addRow(self.repeat_label, self.repeat)
        self.retranslate()

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Reset the password of %1").replace("%1", self.target))
        self.heading.setText(self.tr("A temporary password: %1 chooses their own at the next sign-in.")
                             .replace("%1", self.target))
        self.password_label.setText(self.tr("Temporary password"))
        self.repeat_label.setText(self.tr("Temporary password again"))
        self.ok_button.setText(self.tr("Reset password"))

    def submit(self) -> bool:
        if self.password.text() != self.repeat.text():
            self.refused(DomainError("PASSWORD_MISMATCH", field="new_password"))
            return False
        return self.attempt(lambda: self.accounts.reset_password(self.target, self.password.text())).ok
