"""Restoring a backup that this computer's keys do not open (the computer that made it died or was
stolen): the officer is told to ask the province's Ban Thi đua - Khen thưởng for the recovery key
file and its passphrase, then picks the file and types the passphrase here.

``recovery_key_for(parent, backup, paths)`` runs the flow and returns the opened key (already
checked to open the backup), or None when cancelled; each refusal (wrong passphrase, another
province's key, a backup made before enrolment) is shown and the officer may try again."""

from __future__ import annotations

from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QDialog, QWidget

from ...config import AppPaths
from ...services.maintenance import open_recovery_key
from .. import ops
from ..recovery_key_form import RecoveryKeyFormDialog, RecoveryKeyFormTexts

if TYPE_CHECKING:  # the key is handed from the service back to it, never used here
    from ...sync.keys import RecoveryKeys


class RestoreRecoveryDialog(RecoveryKeyFormDialog):
    def __init__(self, backup_name: str, key_path: str = "", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("RestoreRecoveryDialog")
        self.setWindowTitle(self.tr("Open the backup with the recovery key"))
        self._build(self.tr(
            "The backup %1 is encrypted with the key of the computer that made it, and this computer does not "
            "have that key. If that computer still works, restore the backup there. If it is broken or lost, "
            "ask the province's Emulation and Commendation Board (Ban Thi đua - Khen thưởng) for the recovery "
            "key file (.tdkey) and its passphrase, then choose the file and type the passphrase below.")
            .replace("%1", f"«{backup_name}»"), RecoveryKeyFormTexts(
            file_label=self.tr("Recovery key file:"),
            passphrase_label=self.tr("Passphrase of the key:"),
            choose=self.tr("Choose…"),
            browse_title=self.tr("Choose the recovery key"),
            filters=self.tr("Recovery key (*.tdkey)")), key_path, saving=False)
        self.path, self.browse, self.passphrase = self.form.path, self.form.browse, self.form.passphrase

    def _check_then_accept(self) -> None:
        if not self.form.has_path():
            self._say(self.tr("Choose the recovery key file."))
        else:
            self.accept()


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
        keys = ops.run(parent, partial(open_recovery_key, answer[0], answer[1] or None, backup, paths))
        if keys is not None:
            return keys

