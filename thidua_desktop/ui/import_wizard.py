"""Nhập từ Excel: people, collectives and award history from the lists communes already keep.

Four steps: (1) the file, what it lists and the sheet; (2) which column holds what
(``import_mapping``); (3) every row and what importing would do with it, with each problem's row,
column and reason, and a choice for likely duplicates (``import_preview``); (4) the result.
Only the commit button of step 3 writes, all rows in one transaction; Cancel at any step writes
nothing, and closing once a preview was made asks first."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QSize
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
    QWizard,
    QWizardPage,
)

from ..domain.errors import DomainError
from ..domain.validation import MAX_YEAR
from ..messages import render
from ..services.excel_import import ExcelImportService
from ..services.excel_import_report import ImportPlan
from . import dialogs, ops
from .import_mapping import MappingPage
from .import_preview import PreviewPage
from .import_state import KINDS, ImportState
from .locale_format import number_text
from .worker import run_with_progress

NO_YEAR = 1944  # the year spin box's "—": one below the first award year (1945)


class FilePage(QWizardPage):
    """Step 1: what the file lists, the file, and the sheet (the best one is proposed)."""

    def __init__(self, state: ImportState) -> None:
        super().__init__()
        self.state = state
        self.kind = QComboBox()
        for kind in KINDS:
            self.kind.addItem("", kind)
        self.kind.setCurrentIndex(max(self.kind.findData(state.kind), 0))
        self.path = QLineEdit()
        self.path.setPlaceholderText("…/danh-sach.xlsx")
        self.browse = QPushButton()
        self.sheet = QComboBox()
        self.sheet.setEnabled(False)
        # The award year of a file without a year column; "—" (the minimum) when none is given.
        self.year = QSpinBox()
        self.year.setRange(NO_YEAR, MAX_YEAR)
        self.year.setSpecialValueText("—")
        self.year.setValue(NO_YEAR)
        self.year_hint = QLabel()
        self.year_hint.setWordWrap(True)
        self.year_hint.setStyleSheet("color: #666;")
        self._year_typed = False  # the officer chose it: a new file's title does not replace it
        self._filling = False  # the year is being set from a title, not typed
        self.year.valueChanged.connect(self._year_changed)
        self.status = QLabel()
        self.status.setWordWrap(True)
        self.refusal = ""  # why the chosen file was refused, in the officer's language
        self.kind_label, self.path_label, self.sheet_label = QLabel(), QLabel(), QLabel()
        self.year_label = QLabel()
        self.year_label.setBuddy(self.year)
        self.kind_label.setBuddy(self.kind)
        self.path_label.setBuddy(self.path)
        self.sheet_label.setBuddy(self.sheet)
        self.kind.currentIndexChanged.connect(lambda _i: self._kind_changed())
        self.browse.clicked.connect(self.choose_file)
        self.path.returnPressed.connect(lambda: self.load(self.path.text()))
        self.sheet.activated.connect(lambda _i: self.load(self.state.path, sheet=self.sheet.currentText()))
        file_row = QHBoxLayout()
        file_row.addWidget(self.path, 1)
        file_row.addWidget(self.browse)
        form = QFormLayout()
        form.addRow(self.kind_label, self.kind)
        form.addRow(self.path_label, file_row)
        form.addRow(self.sheet_label, self.sheet)
        form.addRow(self.year_label, self.year)
        form.addRow("", self.year_hint)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.status)
        layout.addStretch(1)
        self.retranslate()

    def choose_file(self) -> None:
        path = dialogs.open_file(self, self.tr("Choose an Excel file"),
                                 self.tr("Excel workbooks (*.xlsx);;All files (*)"))
        if path:
            self.load(path)

    def _year_changed(self, value: int) -> None:
        self.state.year = None if value == NO_YEAR else value
        if not self._filling:
            self._year_typed = value != NO_YEAR
        self.state.set_report(None)  # a preview made with another year no longer holds

    def _fill_year(self, plan: ImportPlan | None) -> None:
        """The year the file's title names, unless the officer typed one."""
        if self._year_typed:
            return
        self._filling = True
        try:
            self.year.setValue(plan.title_year if plan is not None and plan.title_year else NO_YEAR)
        finally:
            self._filling = False

    def _kind_changed(self) -> None:
        self.state.kind = str(self.kind.currentData())
        if self.state.path:
            self.load(self.state.path, sheet=self.state.plan.sheet if self.state.plan else None)

    def load(self, path: str, sheet: str | None = None) -> ImportPlan | None:
        """Analyse ``path``; a refused file is named in a message and leaves no plan."""
        path = path.strip()
        self.path.setText(path)
        self.state.path = path
        self.state.set_plan(None)
        if not path:
            self._show()
            return None
        service, kind = self.state.service, self.state.kind
        refused: list[DomainError] = []
        outcome = run_with_progress(self, self.tr("Reading the file…"),
                                    lambda _p: service.analyse(path, kind, sheet=sheet), on_refusal=refused.append)
        if refused:  # named on the page, and said (and logged) as any operation says it
            self._show(render(refused[0], ops.current_lang()))
            ops.show_refusal(self, refused[0])
            return None
        if isinstance(outcome, ImportPlan):
            self.state.set_plan(outcome)
            self._fill_year(outcome)
        self._show()
        return self.state.plan

    def _show(self, refusal: str = "") -> None:
        self.refusal = refusal
        plan = self.state.plan
        self.sheet.blockSignals(True)
        self.sheet.clear()
        if plan is not None:
            self.sheet.addItems(plan.sheets)
            self.sheet.setCurrentIndex(max(self.sheet.findText(plan.sheet), 0))
        self.sheet.setEnabled(plan is not None and len(plan.sheets) > 1)
        self.sheet.blockSignals(False)
        if refusal:
            self.status.setStyleSheet("color: #a94442;")
            self.status.setText(refusal)
        elif plan is None:
            self.status.setStyleSheet("")
            self.status.setText(self.tr("Choose the Excel file (.xlsx) the commune keeps. Nothing is written until "
                                        "you have checked every row and confirmed."))
        elif plan.header_found:
            self.status.setStyleSheet("")
            found = (self.tr("Sheet «%1»: header on row %2, data from row %4; %5 columns recognised.")
                     if plan.header.first_row == plan.header.last_row else
                     self.tr("Sheet «%1»: header on rows %2–%3, data from row %4; %5 columns recognised."))
            self.status.setText(found.replace("%1", plan.sheet).replace("%2", str(plan.header.first_row))
                                .replace("%3", str(plan.header.last_row)).replace("%4", str(plan.header.data_start))
                                .replace("%5", str(len(plan.mapping))))
        else:
            self.status.setStyleSheet("color: #8a5a00;")
            self.status.setText(self.tr("Sheet «%1»: no header row was recognised. In the next step, point at the "
                                        "header rows and choose the columns.").replace("%1", plan.sheet))
        self.completeChanged.emit()

    def isComplete(self) -> bool:
        return self.state.plan is not None

    def retranslate(self) -> None:
        self.setTitle(self.tr("Step 1 of 4: the file"))
        self.setSubTitle(self.tr("People, collectives, award history, yearly ratings, initiatives or disciplinary "
                                 "decisions from an Excel list, also one exported by other software. Headers with or "
                                 "without accents, in any order, over merged cells are recognised."))
        self.kind_label.setText(self.tr("The file &lists"))
        self.path_label.setText(self.tr("&File"))
        self.sheet_label.setText(self.tr("&Sheet"))
        self.year_label.setText(self.tr("Award &year"))
        self.year_hint.setText(self.tr("Only for a file without an award-year column; filled in from the title "
                                       "when it names the year."))
        self.browse.setText(self.tr("&Browse…"))
        for index, text in enumerate((self.tr("People"), self.tr("Collectives and households"),
                                      self.tr("Award history"), self.tr("Task ratings"), self.tr("Initiatives"),
                                      self.tr("Disciplinary decisions"))):
            self.kind.setItemText(index, text)
        self._show(self.refusal)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)


class DonePage(QWizardPage):
    """Step 4: what was written."""

    def __init__(self, state: ImportState) -> None:
        super().__init__()
        self.state = state
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addStretch(1)
        self.retranslate()

    def initializePage(self) -> None:
        result = self.state.result
        if result is None:
            return
        self.summary.setText(self.tr("Imported: %1 new, %2 updated, %3 awards added; %4 rows were not written.")
                             .replace("%1", number_text(result.created)).replace("%2", number_text(result.updated))
                             .replace("%3", number_text(result.awards_added))
                             .replace("%4", number_text(result.skipped)))

    def retranslate(self) -> None:
        self.setTitle(self.tr("Step 4 of 4: done"))
        self.setSubTitle(self.tr("The rows were written to the register in one go."))
        self.initializePage()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)


class ImportWizard(QWizard):
    """``ImportWizard(service, kind)``; ``state.result`` holds what was written once committed."""

    def __init__(self, service: ExcelImportService, kind: str = "people", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.state = ImportState(service, kind if kind in KINDS else "people")
        self.setWizardStyle(QWizard.WizardStyle.ModernStyle)
        self.setOption(QWizard.WizardOption.NoBackButtonOnStartPage, True)
        self.setOption(QWizard.WizardOption.NoBackButtonOnLastPage, True)
        self.setOption(QWizard.WizardOption.NoCancelButtonOnLastPage, True)
        self.file_page = FilePage(self.state)
        self.mapping_page = MappingPage(self.state)
        self.preview_page = PreviewPage(self.state)
        self.done_page = DonePage(self.state)
        for page in (self.file_page, self.mapping_page, self.preview_page, self.done_page):
            self.addPage(page)
        self.retranslate()

    def sizeHint(self) -> QSize:
        return QSize(1100, 660)  # fits a 1366×768 laptop with the taskbar

    def reject(self) -> None:
        state = self.state
        if state.report is not None and state.result is None and not dialogs.ask_yes_no(
                self, self.tr("Close the import"), self.tr("The rows you checked have not been written. Close "
                                                          "without importing them?")):
            return
        super().reject()

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Import from Excel"))
        # Qt ships no Vietnamese for the wizard's buttons, so they get their text here.
        self.setButtonText(QWizard.WizardButton.BackButton, self.tr("< Back"))
        self.setButtonText(QWizard.WizardButton.NextButton, self.tr("Next >"))
        self.setButtonText(QWizard.WizardButton.CommitButton, self.tr("Import into the register"))
        self.setButtonText(QWizard.WizardButton.FinishButton, self.tr("Close"))
        self.setButtonText(QWizard.WizardButton.CancelButton, self.tr("Cancel"))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)
