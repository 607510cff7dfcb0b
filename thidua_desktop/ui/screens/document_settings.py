"""Cài đặt → Văn bản: the names and wording the printed documents need (who signs, the place name,
the drafting unit's abbreviation). Saved in one audited transaction by the print service."""

from __future__ import annotations

import dataclasses
from datetime import date

from PySide6.QtCore import QEvent
from PySide6.QtWidgets import QCheckBox, QFormLayout, QGroupBox, QHBoxLayout, QLabel, QLineEdit, QPushButton, QWidget

from ...services.certificate_layout import CertificateLayoutService
from ...services.changes import Change
from ...services.decisions import DecisionService
from ...services.office import OfficeService
from ...services.print_context import DocumentSettings
from ...services.printing import PrintService
from .. import dialogs, ops
from .wording_tools import WordingTools


class DocumentSettingsBox(QGroupBox):
    def __init__(self, printing: PrintService, decisions: DecisionService, office: OfficeService,
                 certificate_layout: CertificateLayoutService, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.printing = printing
        self.decisions = decisions  # who signs today (the officials' terms), shown here read-only
        self.certificate_layout = certificate_layout  # for the calibration dialog
        self.chairman = QLineEdit()
        self.vice_chairman = QLineEdit()
        self.as_deputy = QCheckBox()
        self.place = QLineEdit()
        self.drafting_unit = QLineEdit()
        self.drafting_unit.setMaxLength(20)
        # The province's regulation on emulation and commendation ("Căn cứ Quyết định số …").
        self.rules_number = QLineEdit()
        self.rules_date = QLineEdit()
        self.rules_title = QLineEdit()
        self.rules_hint = QLabel()
        self.rules_hint.setWordWrap(True)
        self.rules_hint.setStyleSheet("color: #555;")
        self.save = QPushButton()
        self.calibrate = QPushButton()
        self.labels = [QLabel() for _ in range(7)]
        form = QFormLayout(self)
        for label, field in zip(self.labels, (self.chairman, self.vice_chairman, self.place, self.drafting_unit,
                                              self.rules_number, self.rules_date, self.rules_title), strict=True):
            form.addRow(label, field)
        form.addRow(self.rules_hint)
        row = QHBoxLayout()
        row.addWidget(self.as_deputy, 1)
        row.addWidget(self.calibrate)
        row.addWidget(self.save)
        form.addRow(row)
        self.wording = WordingTools(printing, office)
        form.addRow(self.wording)
        self.save.clicked.connect(self.save_settings)
        self.calibrate.clicked.connect(self.open_calibration)
        self.load()
        self.retranslate()

    def load(self) -> None:
        current = self.printing.document_settings()
        self.show_signers()
        self.as_deputy.setChecked(current.sign_as_deputy)
        self.place.setText(current.place)
        self.drafting_unit.setText(current.drafting_unit)
        self.rules_number.setText(current.province_rules_number)
        self.rules_date.setText(current.province_rules_date)
        self.rules_title.setText(current.province_rules_title)
        self.loaded = current
        self.pushed = self.printing.province_legal_bases()

    def show_signers(self) -> None:
        """Who signs is kept once, with terms, in Lãnh đạo ký văn bản (officials.py): shown here, not
        typed, and shown again when a term changes (nothing typed in this box is touched)."""
        self.chairman.setText(", ".join(self.decisions.signers(date.today())))
        self.vice_chairman.setText(", ".join(self.decisions.signers(date.today(), "PHÓ CHỦ TỊCH")))

    def current(self) -> DocumentSettings:
        """The form's values over the stored settings (fields set elsewhere are kept)."""
        return dataclasses.replace(
            self.loaded, sign_as_deputy=self.as_deputy.isChecked(), place=self.place.text(),
            drafting_unit=self.drafting_unit.text(), province_rules_number=self.rules_number.text(),
            province_rules_date=self.rules_date.text(), province_rules_title=self.rules_title.text())

    def save_settings(self) -> None:
        if ops.perform(self, lambda: self.printing.set_document_settings(self.current()),
                       changes=Change.OFFICE).ok:
            dialogs.info(self, self.tr("Documents"), self.tr("Saved. New documents use these names."))
            self.load()
            self.retranslate()

    def open_calibration(self) -> None:
        from ..certificate_calibration import CalibrationDialog

        self.calibration_dialog = CalibrationDialog(self.certificate_layout, self.printing, self)
        self.calibration_dialog.open()

    def retranslate(self) -> None:
        self.setTitle(self.tr("Printed documents"))
        for label, text in zip(self.labels, (self.tr("Chairman's full name"), self.tr("Vice-chairman's full name"),
                                             self.tr("Place name in dates"), self.tr("Drafting unit (Lưu: VT, …)"),
                                             self.tr("Province's rules on emulation: decision number"),
                                             self.tr("Province's rules: date issued"),
                                             self.tr("Province's rules: title")), strict=True):
            label.setText(text)
        from_province = self.tr("From the province: %1")
        for field, key, empty in ((self.rules_number, "province_rules_number", self.tr("e.g. 25/2025/QĐ-UBND")),
                                  (self.rules_date, "province_rules_date", self.tr("dd/mm/yyyy")),
                                  (self.rules_title, "province_rules_title",
                                   "Quy định công tác thi đua, khen thưởng trên địa bàn tỉnh")):
            pushed = self.pushed.get(key, "")
            field.setPlaceholderText(from_province.replace("%1", pushed) if pushed else empty)
        self.rules_hint.setText(self.tr("Printed in “Căn cứ Quyết định số … ban hành Quy định công tác thi đua, khen "
                                        "thưởng”. The province's values travel to its communes with the document "
                                        "wording; a commune's own value, when filled in, is used instead. Left "
                                        "empty, the documents keep the dotted blank."))
        self.place.setPlaceholderText(self.tr("Empty: the commune's name"))
        for name in (self.chairman, self.vice_chairman):
            name.setReadOnly(True)
            name.setPlaceholderText(self.tr("Enter in Officials who sign documents"))
            name.setToolTip(self.tr("Who is in office today, from Officials who sign documents"))
        self.as_deputy.setText(self.tr("The vice-chairman signs (KT. CHỦ TỊCH)"))
        self.save.setText(self.tr("Save"))
        self.calibrate.setText(self.tr("Certificate blanks…"))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)
