"""The office's sync keys carried to another computer of a server office, on the Đồng bộ screen
(services/key_transfer.py): "Export the office keys for another computer…" on the computer that
holds them, "Load the office keys from another computer…" on the other, each with its file and
passphrase dialog; and, on a server computer that has no keys yet, the hint that says so.

``KeyTransferRow(sync, on_change)`` sits in the screen's head (sync_peers.PeersPanel); the dialogs
go through ``ask_export`` and ``ask_import``, which tests replace."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QEvent
from PySide6.QtWidgets import QDialog, QHBoxLayout, QLabel, QPushButton, QSizePolicy, QWidget

from ...domain.errors import DomainError
from ...services.changes import Change
from ...services.key_transfer import KeysExported, KeysImported, KeyTransfer
from ...services.sync import SyncService
from .. import dialogs, ops
from ..recovery_key_form import RecoveryKeyFormDialog, RecoveryKeyFormTexts

SUGGESTED_NAME = "khoa-van-phong.tdkeys"
Typed = tuple[Path, str]  # the file and the passphrase the officer typed


class KeyExportDialog(RecoveryKeyFormDialog):
    """Where to save the key file, and its passphrase typed twice (a typo would leave the other
    computer unable to open the file; the export is then simply made again)."""

    def __init__(self, suggested: str, parent: QWidget | None = None, typed: Typed | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("KeyExportDialog")
        self.setWindowTitle(self.tr("Export the office keys"))
        self._build(self.tr(
            "The file holds this office's sync keys: whoever has it and its passphrase can sign bundles in the "
            "office's name and open the communes' bundles. Save it on a USB stick, load it on the other computer "
            "of the office right away, then delete it from the stick. Tell the passphrase to the administrator of "
            "the other computer yourself, never on the stick."), RecoveryKeyFormTexts(
            file_label=self.tr("Save the keys to:"),
            passphrase_label=self.tr("Passphrase (at least 8 characters):"),
            choose=self.tr("Choose…"),
            browse_title=self.tr("Save the office keys"),
            filters=self.tr("Office key file (*.tdkeys)"),
            repeat_label=self.tr("Repeat the passphrase:")), suggested, saving=True)
        self.path, self.passphrase = self.form.path, self.form.passphrase
        assert self.form.repeat is not None  # asked for by repeat_label above
        self.repeat = self.form.repeat
        if typed is not None:  # what the officer typed before the service refused it
            self.path.setText(str(typed[0]))
            self.passphrase.setText(typed[1])
            self.repeat.setText(typed[1])

    def _check_then_accept(self) -> None:
        """A place chosen and the two typings the same; the length is the service's to judge."""
        if not self.form.has_path():
            self._say(self.tr("Choose where to save the keys."))
        elif not self.form.passphrases_match():
            self._say(self.tr("The two passphrases do not match."))
        else:
            self.accept()


class KeyImportDialog(RecoveryKeyFormDialog):
    """The key file exported on the other computer, and its passphrase."""

    def __init__(self, parent: QWidget | None = None, typed: Typed | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("KeyImportDialog")
        self.setWindowTitle(self.tr("Load the office keys"))
        self._build(self.tr(
            "Choose the key file exported on the computer that holds the office's sync keys (\"Export the office "
            "keys for another computer…\" on its Sync screen) and type its passphrase. The keys are then kept on "
            "this computer, protected for this Windows account."), RecoveryKeyFormTexts(
            file_label=self.tr("Key file:"),
            passphrase_label=self.tr("Passphrase of the file:"),
            choose=self.tr("Choose…"),
            browse_title=self.tr("Choose the office key file"),
            filters=self.tr("Office key file (*.tdkeys);;All files (*)")), "", saving=False)
        self.path, self.passphrase = self.form.path, self.form.passphrase
        if typed is not None:
            self.path.setText(str(typed[0]))
            self.passphrase.setText(typed[1])

    def _check_then_accept(self) -> None:
        if not self.form.has_path():
            self._say(self.tr("Choose the key file."))
        elif not self.passphrase.text():
            self._say(self.tr("Type the passphrase of the file."))
        else:
            self.accept()


def ask_export(parent: QWidget | None, suggested: str) -> tuple[Path, str] | None:
    """The export dialog, filled with what was typed before a refusal; tests replace this function."""
    dialog = KeyExportDialog(suggested, parent, getattr(parent, "typed_export", None))
    return dialog.values() if dialog.exec() == QDialog.DialogCode.Accepted else None


def ask_import(parent: QWidget | None) -> tuple[Path, str] | None:
    """The import dialog, filled with what was typed before a refusal; tests replace this function."""
    dialog = KeyImportDialog(parent, getattr(parent, "typed_import", None))
    return dialog.values() if dialog.exec() == QDialog.DialogCode.Accepted else None


class KeyTransferRow(QWidget):
    """The hint (a server computer without keys) and the two buttons; shown to a province and on
    any server office, never on a trial office. ``on_change`` runs after keys were loaded."""

    def __init__(self, sync: SyncService, on_change: Callable[[], None] | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.sync = sync
        self.transfer = KeyTransfer.of(sync)
        self.on_change = on_change
        # What the officer typed in the last dialog the service refused: the next one opens with it.
        self.typed_export: Typed | None = None
        self.typed_import: Typed | None = None
        self.hint = QLabel()
        self.hint.setWordWrap(True)
        self.hint.setStyleSheet("color: #a40000; font-weight: bold;")
        self.export_button = QPushButton()
        self.import_button = QPushButton()
        self.export_button.clicked.connect(lambda: self.export_keys())
        self.import_button.clicked.connect(lambda: self.import_keys())
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.hint, 1)
        for button in (self.export_button, self.import_button):
            # Their own width, not half the screen each while the hint is hidden.
            button.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)
            row.addWidget(button)
        row.addStretch(0)
        self.retranslate()

    def refresh(self, is_province: bool, is_trial: bool) -> None:
        try:
            status = self.transfer.status()
        except DomainError:  # a read on refresh (no office yet): nothing to offer
            self.setVisible(False)
            return
        self.setVisible(not is_trial and (is_province or status.server))
        self.hint.setVisible(status.needs_import)
        # Exporting needs keys here; a server computer that has none can only load them.
        self.export_button.setEnabled(not status.needs_import)

    def export_keys(self) -> KeysExported | None:
        answer = ask_export(self, SUGGESTED_NAME)
        self.typed_export = answer
        if answer is None:
            return None
        path, passphrase = answer
        replace = path.exists()
        if replace and not dialogs.ask_yes_no(self, self.tr("Export the office keys"), self.tr(
                "%1 already exists. Replace it with the office keys?").replace("%1", str(path))):
            return None
        done = ops.run(self, lambda: self.transfer.export(path, passphrase, overwrite=replace), changes=Change.SYNC)
        if done is None:
            return None
        self.typed_export = None
        dialogs.info(self, self.tr("Export the office keys"), self.tr(
            "The office's %1 key(s) (fingerprint %2) were saved to %3, protected by the passphrase. On the other "
            "computer choose \"Load the office keys from another computer…\", then delete the file from the USB "
            "stick.").replace("%1", str(done.count)).replace("%2", done.fingerprint).replace("%3", str(done.path)))
        return done

    def import_keys(self) -> KeysImported | None:
        answer = ask_import(self)
        self.typed_import = answer
        if answer is None:
            return None
        path, passphrase = answer
        done = ops.run(self, lambda: self.transfer.load(path, passphrase), changes=Change.SYNC)
        if done is None:
            return None
        self.typed_import = None
        if done.outcome == "unchanged":
            text = self.tr("This computer already holds these keys (fingerprint %1); nothing changed.")
        else:
            text = self.tr("The office's sync keys (fingerprint %1) are now on this computer: it can export and "
                           "import bundles. You may delete the key file from the USB stick.")
        dialogs.info(self, self.tr("Load the office keys"), text.replace("%1", done.fingerprint))
        if self.on_change is not None:
            self.on_change()
        return done

    def retranslate(self) -> None:
        self.hint.setText(self.tr("This computer has no sync keys yet: load them from the computer that set the "
                                  "office up."))
        self.export_button.setText(self.tr("Export the office keys for another computer…"))
        self.import_button.setText(self.tr("Load the office keys from another computer…"))
        self.export_button.setToolTip(self.tr("For another computer of this office on the shared server: it can "
                                              "then exchange bundles with the communes too."))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)
