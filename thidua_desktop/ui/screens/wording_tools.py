"""Cài đặt → Văn bản in → mẫu văn bản: write the wording in use to a folder to edit it and, at
the provincial office, load the edited files for every commune (they travel in the next bundles)."""

from __future__ import annotations

from PySide6.QtCore import QEvent
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QWidget

from ...services.changes import Change
from ...services.office import OfficeService
from ...services.printing import PrintService
from .. import dialogs, ops


class WordingTools(QWidget):
    def __init__(self, printing: PrintService, office: OfficeService, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.printing = printing
        self.is_province = office.office().role == "province"
        self.state = QLabel()
        self.export_button, self.load_button, self.reset_button = QPushButton(), QPushButton(), QPushButton()
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.state, 1)
        row.addWidget(self.export_button)
        row.addWidget(self.load_button)
        row.addWidget(self.reset_button)
        self.load_button.setVisible(self.is_province)  # a commune's own files go in its data folder
        self.reset_button.setVisible(self.is_province)
        self.export_button.clicked.connect(self.export_wording)
        self.load_button.clicked.connect(self.load_wording)
        self.reset_button.clicked.connect(self.reset_wording)
        self.retranslate()

    def export_wording(self) -> None:
        folder = dialogs.choose_folder(self, self.tr("Folder for the wording files"))
        if not folder:
            return
        files = ops.run(self, lambda: self.printing.export_wording(folder))
        if files is not None:
            dialogs.info(self, self.tr("Document wording"), self.tr(
                "%1 files written to %2. Edit them with a text editor; keep them as UTF-8 JSON.")
                .replace("%1", str(len(files))).replace("%2", folder))

    def load_wording(self) -> None:
        folder = dialogs.choose_folder(self, self.tr("Folder with the edited wording files"))
        if not folder:
            return
        revision = ops.run(self, lambda: self.printing.load_wording(folder), changes=Change.OFFICE)
        if revision is not None:
            dialogs.info(self, self.tr("Document wording"), self.tr(
                "Revision %1 saved. It goes to every commune with the next sync bundles.").replace("%1", str(revision)))
            self.retranslate()

    def reset_wording(self) -> None:
        if not dialogs.ask_yes_no(self, self.tr("Document wording"), self.tr(
                "Go back to the wording shipped with the app, for every commune?")):
            return
        if ops.run(self, self.printing.reset_wording, changes=Change.OFFICE) is not None:
            self.retranslate()

    def retranslate(self) -> None:
        revision = self.printing.wording_revision()
        self.state.setText(self.tr("Province wording: revision %1").replace("%1", str(revision)) if revision
                           else self.tr("Wording shipped with the app"))
        self.export_button.setText(self.tr("Write wording to a folder…"))
        self.load_button.setText(self.tr("Load wording for all communes…"))
        self.reset_button.setText(self.tr("Back to the shipped wording"))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)
