"""Restoring a backup that this computer's keys do not open (the computer that made it died or was
stolen): the officer is told to ask the province's Ban Thi đua - Khen thưởng for the recovery key
file and its passphrase, then picks the file and types the passphrase here.

``recovery_key_for(parent, backup, paths)`` runs the flow and returns the opened key (already
checked to open the backup), or None when cancelled; each refusal (wrong passphrase, another
province's key, a backup made before enrolment) is shown and the officer may try again."""

from __future__ import annotations

from functools import partial
from pathlib import Path

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ...config import AppPaths
from ...domain.text import nfc
from ...services.maintenance import check_backup
from ...sync.keys import RecoveryKeys, load_recovery_private
from .. import dialogs, ops


class RestoreRecoveryDialog(QDialog):
    def __init__(self, backup_name: str, key_path: str = "", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("RestoreRecoveryDialog")
        self.setWindowTitle(self.tr("Open the backup with the recovery key"))
        self.intro = intro = QLabel(self.tr(
            "The backup %1 is encrypted with the key of the computer that made it, and this computer does not "
            "have that key. If that computer still works, restore the backup there. If it is broken or lost, "
            "ask the province's Emulation and Commendation Board (Ban Thi đua - Khen thưởng) for the recovery "
            "key file (.tdkey) and its passphrase, then choose the file and type the passphrase below.")
            .replace("%1", f"«{backup_name}»"))
        intro.setWordWrap(True)
        self.path = QLineEdit(key_path)
        self.browse = QPushButton(self.tr("Choose…"))
        self.browse.clicked.connect(self._browse)
        where = QHBoxLayout()
        where.addWidget(self.path, 1)
        where.addWidget(self.browse)
        self.passphrase = QLineEdit()
        self.passphrase.setEchoMode(QLineEdit.EchoMode.Password)
        form = QFormLayout()
        form.addRow(self.tr("Recovery key file:"), where)
        form.addRow(self.tr("Passphrase of the key:"), self.passphrase)
        self.problem = QLabel()
        self.problem.setWordWrap(True)
        self.problem.setStyleSheet("color: #a40000;")
        self.problem.setVisible(False)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self._check_then_accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(self.problem)
        layout.addWidget(self.buttons)
        self.setMinimumWidth(min(560, self.fontMetrics().averageCharWidth() * 80))

    def _browse(self) -> None:
        path = dialogs.open_file(self, self.tr("Choose the recovery key"), self.tr("Recovery key (*.tdkey)"))
        if path:
            self.path.setText(path)

    def _check_then_accept(self) -> None:
        if not self.path.text().strip():
            self.problem.setText(self.tr("Choose the recovery key file."))
            self.problem.setVisible(True)
        else:
            self.accept()

    def values(self) -> tuple[Path, str]:
        return Path(self.path.text().strip()).expanduser(), nfc(self.passphrase.text())


def ask_recovery_key(parent: QWidget | None, backup_name: str, key_path: str) -> tuple[Path, str] | None:
    """The dialog; tests replace this function."""
    dialog = RestoreRecoveryDialog(backup_name, key_path, parent)
    return dialog.values() if dialog.exec() == QDialog.DialogCode.Accepted else None


def recovery_key_for(parent: QWidget | None, backup: Path, paths: AppPaths) -> RecoveryKeys | None:
    key_path = ""
    while True:
        answer = ask_recovery_key(parent, backup.name, key_path)
        if answer is None:
            return None
        key_path = str(answer[0])
        keys = ops.run(parent, partial(_opening_key, answer[0], answer[1], backup, paths))
        if keys is not None:
            return keys


def _opening_key(key_file: Path, passphrase: str, backup: Path, paths: AppPaths) -> RecoveryKeys:
    """The recovery key in ``key_file``, once it is known to open ``backup``."""
    keys = load_recovery_private(key_file, passphrase or None)
    check_backup(backup, paths, keys)
    return keys
