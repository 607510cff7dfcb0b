"""The province's recovery key (Khóa khôi phục), made before its first enrolment file: where to
save the private half (a USB stick kept in a safe) and the passphrase that protects it, typed
twice. The key opens every commune's bundles, so the dialog has no "no passphrase" choice.

``make_recovery_key(parent, sync)`` runs the flow and returns the key's fingerprint, or None when
cancelled or refused (the refusal is shown)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QDialog, QWidget

from ...services.changes import Change
from ...services.sync import SyncService
from .. import dialogs, ops
from ..recovery_key_form import RecoveryKeyFormDialog, RecoveryKeyFormTexts


class RecoveryKeyDialog(RecoveryKeyFormDialog):
    def __init__(self, suggested: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("RecoveryKeyDialog")
        self.setWindowTitle(self.tr("Make the recovery key"))
        self._build(self.tr(
            "Before the first enrolment file, the province makes its recovery key. With it the province can "
            "rebuild a commune whose computer was lost or broken, so it opens every commune's data: save it "
            "on a USB stick kept in a safe, not on this computer, and protect it with a passphrase that only "
            "the people responsible know. Without the passphrase the file is useless, so write it down and "
            "keep it apart from the stick."), RecoveryKeyFormTexts(
            file_label=self.tr("Save the key to:"),
            passphrase_label=self.tr("Passphrase (at least 8 characters):"),
            choose=self.tr("Choose…"),
            browse_title=self.tr("Save the recovery key"),
            filters=self.tr("Recovery key (*.tdkey)"),
            repeat_label=self.tr("Repeat the passphrase:")), suggested, saving=True)
        self.path, self.browse, self.passphrase = self.form.path, self.form.browse, self.form.passphrase
        assert self.form.repeat is not None  # asked for by repeat_label above
        self.repeat = self.form.repeat

    def _check_then_accept(self) -> None:
        """The two typings must match and a place must be chosen; the length is the service's to judge."""
        if not self.form.has_path():
            self._say(self.tr("Choose where to save the key."))
        elif not self.form.passphrases_match():
            self._say(self.tr("The two passphrases do not match."))
        else:
            self.accept()


def ask_recovery_key(parent: QWidget | None, suggested: str) -> tuple[Path, str] | None:
    """The dialog; tests replace this function."""
    dialog = RecoveryKeyDialog(suggested, parent)
    return dialog.values() if dialog.exec() == QDialog.DialogCode.Accepted else None


def make_recovery_key(parent: QWidget | None, sync: SyncService, suggested: str = "khoa-khoi-phuc.tdkey") -> str | None:
    answer = ask_recovery_key(parent, suggested)
    if answer is None:
        return None
    path, passphrase = answer
    fingerprint = ops.run(parent, lambda: sync.create_recovery_key(path, passphrase), changes=Change.SYNC)
    if fingerprint is None:
        return None
    dialogs.info(parent, QCoreApplication.translate("RecoveryKey", "Recovery key"), QCoreApplication.translate(
        "RecoveryKey", "The recovery key %1 was saved to %2, protected by the passphrase. Move the file to the "
        "USB stick kept in the safe and delete it from this computer.").replace("%1", fingerprint)
        .replace("%2", str(path)))
    return fingerprint
