"""Loading the province's enrolment file (Tệp kết nối) at a commune: pick the file, see what it
says, compare the two fingerprints (Mã xác thực) with the province over the phone, then connect.

``load_enrolment(parent, sync, path=None)`` runs the whole flow and returns the province's
fingerprint, or None when cancelled or refused (the refusal is shown to the user)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QFormLayout, QLabel, QVBoxLayout, QWidget

from ...services.changes import Change
from ...services.sync import EnrollmentPreview, SyncService
from .. import dialogs, ops


def _code_label(text: str) -> QLabel:
    label = QLabel(text)
    font = QFont("monospace")
    font.setStyleHint(QFont.StyleHint.Monospace)
    font.setBold(True)
    font.setPointSizeF(font.pointSizeF() * 1.3)
    label.setFont(font)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    return label


class EnrolmentDialog(QDialog):
    """Shows what the file says and both fingerprints; "The codes match — connect" accepts."""

    def __init__(self, preview: EnrollmentPreview, own_fingerprint: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("EnrolmentDialog")
        self.setWindowTitle(self.tr("Connect with the provincial office"))
        self.preview = preview
        intro = QLabel(self.tr("This enrolment file was issued by %1 (%2) for %3 (%4) on %5.")
                       .replace("%1", preview.province_name).replace("%2", preview.province_code)
                       .replace("%3", preview.commune_name).replace("%4", preview.commune_code)
                       .replace("%5", preview.created_at[:10]))
        intro.setWordWrap(True)
        steps = QLabel(self.tr("Call the emulation and commendation office of the province. Read them this "
                               "office's fingerprint, and ask them to read you the province's. Connect only "
                               "if the province's code below is exactly the one they read."))
        steps.setWordWrap(True)
        form = QFormLayout()
        self.province_code = _code_label(preview.province_fingerprint)
        self.own_code = _code_label(own_fingerprint)
        form.addRow(self.tr("Province's fingerprint:"), self.province_code)
        form.addRow(self.tr("This office's fingerprint:"), self.own_code)
        self.warning = QLabel()
        self.warning.setWordWrap(True)
        self.warning.setStyleSheet("color: #a40000;")
        if preview.replaces_fingerprint:
            self.warning.setText(self.tr("This office is already connected with the province under the "
                                         "fingerprint %1. Loading this file replaces it: do so only if the "
                                         "province told you it issued a new file.")
                                 .replace("%1", preview.replaces_fingerprint))
        self.warning.setVisible(bool(preview.replaces_fingerprint))
        self.buttons = QDialogButtonBox()
        self.connect_button = self.buttons.addButton(self.tr("The codes match — connect"),
                                                     QDialogButtonBox.ButtonRole.AcceptRole)
        self.buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(steps)
        layout.addLayout(form)
        layout.addWidget(self.warning)
        layout.addWidget(self.buttons)
        self.setMinimumWidth(min(560, self.fontMetrics().averageCharWidth() * 80))


def confirm_enrolment(parent: QWidget | None, preview: EnrollmentPreview, own_fingerprint: str) -> bool:
    """The fingerprint comparison; tests replace this function."""
    dialog = EnrolmentDialog(preview, own_fingerprint, parent)
    return dialog.exec() == QDialog.DialogCode.Accepted


def choose_enrolment_file(parent: QWidget | None) -> str:
    return dialogs.open_file(parent, QCoreApplication.translate("SyncEnrolment", "Choose the enrolment file"),
                             QCoreApplication.translate("SyncEnrolment", "Enrolment files (*.json);;All files (*)"))


def load_enrolment(parent: QWidget | None, sync: SyncService, path: Path | None = None) -> str | None:
    if path is None:
        chosen = choose_enrolment_file(parent)
        if not chosen:
            return None
        path = Path(chosen)
    preview = ops.run(parent, lambda: sync.preview_enrollment(path))
    if preview is None:
        return None
    own = ops.run(parent, sync.fingerprint)
    if own is None or not confirm_enrolment(parent, preview, own):
        return None
    theirs = ops.run(parent, lambda: sync.load_enrollment(path), changes=Change.SYNC)  # the province as a peer
    if theirs is None:
        return None
    dialogs.info(parent, QCoreApplication.translate("SyncEnrolment", "Connected"),
                 QCoreApplication.translate("SyncEnrolment", "This office is now connected with %1. You can "
                                            "export sync bundles for the province on this screen.")
                 .replace("%1", preview.province_name))
    return theirs
