"""Cài đặt → Văn bản: the names and wording the printed documents need (who signs, the place name,
the drafting unit's abbreviation). Saved in one audited transaction by the print service."""

from __future__ import annotations

from PySide6.QtCore import QEvent
from PySide6.QtWidgets import QCheckBox, QFormLayout, QGroupBox, QHBoxLayout, QLabel, QLineEdit, QPushButton, QWidget

from ...bootstrap import App
from ...services.print_context import DocumentSettings
from .. import dialogs, ops
from .wording_tools import WordingTools


class DocumentSettingsBox(QGroupBox):
    def __init__(self, app: App, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.app = app
        self.chairman = QLineEdit()
        self.vice_chairman = QLineEdit()
        self.as_deputy = QCheckBox()
        self.place = QLineEdit()
        self.drafting_unit = QLineEdit()
        self.drafting_unit.setMaxLength(20)
        self.save = QPushButton()
        self.calibrate = QPushButton()
        self.labels = [QLabel() for _ in range(4)]
        form = QFormLayout(self)
        for label, field in zip(self.labels, (self.chairman, self.vice_chairman, self.place, self.drafting_unit),
                                strict=True):
            form.addRow(label, field)
        row = QHBoxLayout()
        row.addWidget(self.as_deputy, 1)
        row.addWidget(self.calibrate)
        row.addWidget(self.save)
        form.addRow(row)
        self.wording = WordingTools(app)
        form.addRow(self.wording)
        self.save.clicked.connect(self.save_settings)
        self.calibrate.clicked.connect(self.open_calibration)
        self.load()
        self.retranslate()

    def load(self) -> None:
        current = self.app.printing.document_settings()
        self.chairman.setText(current.chairman_name)
        self.vice_chairman.setText(current.vice_chairman_name)
        self.as_deputy.setChecked(current.sign_as_deputy)
        self.place.setText(current.place)
        self.drafting_unit.setText(current.drafting_unit)

    def current(self) -> DocumentSettings:
        return DocumentSettings(chairman_name=self.chairman.text(), vice_chairman_name=self.vice_chairman.text(),
                                sign_as_deputy=self.as_deputy.isChecked(), place=self.place.text(),
                                drafting_unit=self.drafting_unit.text())

    def save_settings(self) -> None:
        if ops.run(self, lambda: self.app.printing.set_document_settings(self.current()) or True):
            dialogs.info(self, self.tr("Documents"), self.tr("Saved. New documents use these names."))
            self.load()

    def open_calibration(self) -> None:
        from ..certificate_calibration import CalibrationDialog

        self.calibration_dialog = CalibrationDialog(self.app, self)
        self.calibration_dialog.open()

    def retranslate(self) -> None:
        self.setTitle(self.tr("Printed documents"))
        for label, text in zip(self.labels, (self.tr("Chairman's full name"), self.tr("Vice-chairman's full name"),
                                             self.tr("Place name in dates"), self.tr("Drafting unit (Lưu: VT, …)")),
                               strict=True):
            label.setText(text)
        self.place.setPlaceholderText(self.tr("Empty: the commune's name"))
        self.chairman.setPlaceholderText(self.tr("Empty: the council chair"))
        self.as_deputy.setText(self.tr("The vice-chairman signs (KT. CHỦ TỊCH)"))
        self.save.setText(self.tr("Save"))
        self.calibrate.setText(self.tr("Certificate blanks…"))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)
