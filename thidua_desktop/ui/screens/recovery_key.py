"""The province's recovery key (Khóa khôi phục), made before its first enrolment file: where to
save the private half (a USB stick kept in a safe) and the passphrase that protects it, typed
twice. The key opens every commune's bundles, so the dialog has no "no passphrase" choice.

``make_recovery_key(parent, sync)`` runs the flow and returns the key's fingerprint, or None when
cancelled or refused (the refusal is shown)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication
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

from ...domain.text import nfc
from ...services.sync import SyncService
from .. import dialogs, ops


class RecoveryKeyDialog(QDialog):
    def __init__(self, suggested: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("RecoveryKeyDialog")
        self.setWindowTitle(self.tr("Make the recovery key"))
        intro = QLabel(self.tr(
            "Before the first enrolment file, the province makes its recovery key. With it the province can "
            "rebuild a commune whose computer was lost or broken, so it opens every commune's data: save it "
            "on a USB stick kept in a safe, not on this computer, and protect it with a passphrase that only "
            "the people responsible know. Without the passphrase the file is useless, so write it down and "
            "keep it apart from the stick."))
        intro.setWordWrap(True)
        self.path = QLineEdit(suggested)
        self.browse = QPushButton(self.tr("Choose…"))
        self.browse.clicked.connect(self._browse)
        where = QHBoxLayout()
        where.addWidget(self.path, 1)
        where.addWidget(self.browse)
        self.passphrase, self.repeat = QLineEdit(), QLineEdit()
        for field in (self.passphrase, self.repeat):
            field.setEchoMode(QLineEdit.EchoMode.Password)
        form = QFormLayout()
        form.addRow(self.tr("Save the key to:"), where)
        form.addRow(self.tr("Passphrase (at least 8 characters):"), self.passphrase)
        form.addRow(self.tr("Repeat the passphrase:"), self.repeat)
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
        path = dialogs.save_file(self, self.tr("Save the recovery key"), self.path.text(),
                                 self.tr("Recovery key (*.tdkey)"))
        if path:
            self.path.setText(path)

    def _check_then_accept(self) -> None:
        """The two typings must match and a place must be chosen; the length is the service's to judge."""
        if not self.path.text().strip():
            self._say(self.tr("Choose where to save the key."))
        elif self.passphrase.text() != self.repeat.text():
            self._say(self.tr("The two passphrases do not match."))
        else:
            self.accept()

    def _say(self, text: str) -> None:
        self.problem.setText(text)
        self.problem.setVisible(True)

    def values(self) -> tuple[Path, str]:
        return Path(self.path.text().strip()).expanduser(), nfc(self.passphrase.text())


def ask_recovery_key(parent: QWidget | None, suggested: str) -> tuple[Path, str] | None:
    """The dialog; tests replace this function."""
    dialog = RecoveryKeyDialog(suggested, parent)
    return dialog.values() if dialog.exec() == QDialog.DialogCode.Accepted else None


def make_recovery_key(parent: QWidget | None, sync: SyncService, suggested: str = "khoa-khoi-phuc.tdkey") -> str | None:
    answer = ask_recovery_key(parent, suggested)
    if answer is None:
        return None
    path, passphrase = answer
    fingerprint = ops.run(parent, lambda: sync.create_recovery_key(path, passphrase))
    if fingerprint is None:
        return None
    dialogs.info(parent, QCoreApplication.translate("RecoveryKey", "Recovery key"), QCoreApplication.translate(
        "RecoveryKey", "The recovery key %1 was saved to %2, protected by the passphrase. Move the file to the "
        "USB stick kept in the safe and delete it from this computer.").replace("%1", fingerprint)
        .replace("%2", str(path)))
    return fingerprint
