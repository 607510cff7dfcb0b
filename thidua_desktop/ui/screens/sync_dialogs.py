"""The file pickers of the Đồng bộ screen, one small function each so tests replace them (the
message boxes go through ui.dialogs as everywhere else)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QFileDialog, QWidget

from .. import dialogs


def choose_folder(parent: QWidget | None, title: str) -> str:
    """A folder to write a bundle into (e.g. the root of a USB stick); "" when cancelled."""
    return QFileDialog.getExistingDirectory(parent, title, "")


def choose_bundle(parent: QWidget | None, title: str) -> str:
    """A .tdsync file to import (or an enrolment file, which the screen recognises); "" when cancelled."""
    return dialogs.open_file(parent, title, QCoreApplication.translate(
        "SyncDialogs", "Sync bundles (*.tdsync);;Enrolment files (*.json);;All files (*)"))


def choose_save_file(parent: QWidget | None, title: str, suggested: str) -> str:
    """Where to save an enrolment file; "" when cancelled."""
    path, _ = QFileDialog.getSaveFileName(parent, title, suggested,
                                          QCoreApplication.translate("SyncDialogs", "Enrolment files (*.json)"))
    return path


def choose_fingerprint(parent: QWidget | None, title: str, text: str, fingerprints: list[str]) -> str:
    """Which of several fingerprints the commune read over the phone; "" for none of them (or cancelled)."""
    from PySide6.QtWidgets import QInputDialog

    none = QCoreApplication.translate("SyncDialogs", "None of these")
    chosen, ok = QInputDialog.getItem(parent, title, text, [*fingerprints, none], 0, False)
    return chosen if ok and chosen in fingerprints else ""
