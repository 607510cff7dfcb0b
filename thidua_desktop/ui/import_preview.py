"""Excel import wizard, step 3: every row of the file and what a commit would do with it.

The table is a model over the service's row reports (a commune list has hundreds of rows, a
district one thousands), one line per row: its number, what the analysis found, the name, the
values or changes, the decision, and every problem with its column and reason. The officer may
decide single rows (a likely duplicate: skip, create anyway or update the person already there);
those choices become the ``resolutions`` of the commit. Nothing is written on this page until the
commit button is pressed and confirmed."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QEvent,
    QItemSelection,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPlainTextEdit,
    QTableView,
    QVBoxLayout,
    QWidget,
    QWizardPage,
)

from ..domain.errors import DomainError
from ..messages import render
from ..services.changes import Change
from ..services.excel_import_report import ImportReport, Problem, RowReport, field_title, fields_for
from . import dialogs, ops
from .import_state import ImportState
from .locale_format import number_text
from .screens import person_labels as labels
from .worker import run_with_progress

Index = QModelIndex | QPersistentModelIndex

ACTION_COLOURS = {"create": "#dff0d8", "update": "#d9edf7", "skip": "#eeeeee", "duplicate": "#fcf0c8",
                  "error": "#f2dede"}
ERROR_TEXT, WARNING_TEXT = QColor("#a94442"), QColor("#8a5a00")
NAME_FIELDS = ("full_name", "name", "collective")


def action_text(action: str) -> str:
    """What the analysis found for a row."""
    names = {"create": QCoreApplication.translate("ImportPreview", "New record"),
             "update": QCoreApplication.translate("ImportPreview", "Update"),
             "skip": QCoreApplication.translate("ImportPreview", "Skip"),
             "duplicate": QCoreApplication.translate("ImportPreview", "Possible duplicate"),
             "error": QCoreApplication.translate("ImportPreview", "Error")}
    return names.get(action, action)


def _dmy(text: str) -> str:
    parts = text.split("-")
    return f"{parts[2]}/{parts[1]}/{parts[0]}" if len(parts) == 3 else text


def value_text(name: str, value: Any) -> str:
    if value is None or value == "":
        return ""
    if isinstance(value, bool):
        return (QCoreApplication.translate("ImportPreview", "Yes") if value
                else QCoreApplication.translate("ImportPreview", "No"))
    if name == "gender":
        return labels.label_of(labels.gender_items(), str(value))
    if name == "kind":
        return labels.label_of(labels.collective_kind_items(), str(value))
    if name in ("level", "scope"):  # an imported initiative
        return labels.label_of(labels.initiative_level_items(), str(value))
    if name == "form":  # an imported disciplinary decision
        return labels.label_of(labels.discipline_items(), str(value))
    if name == "subject_type":  # a row of a sheet that mixes people, collectives and households
        return {"individual": QCoreApplication.translate("ImportPreview", "Person"),
                "collective": QCoreApplication.translate("ImportPreview", "Collective"),
                "household": QCoreApplication.translate("ImportPreview", "Household")}.get(str(value), str(value))
    if name in ("birth", "decision_date", "period_end", "employment_start") and isinstance(value, str):
        return _dmy(value)
    return str(value)


def candidate_text(candidate: dict[str, Any]) -> str:
    """A record the row may be: "Hoàng Văn Minh (1980)", or "row 5 of the file"."""
    if "row" in candidate:
        return QCoreApplication.translate("ImportPreview", "row %1 of the file").replace("%1", str(candidate["row"]))
    name = str(candidate.get("full_name") or candidate.get("name") or "")
    birth = candidate.get("birth")
    return f"{name} ({value_text('birth', birth)})" if birth else name


def candidate_id(candidate: dict[str, Any]) -> str | None:
    return candidate.get("person_id") or candidate.get("collective_id")


def problem_text(problem: Problem, lang: str) -> str:
    """The problem as the table shows it: its column and reason (the row is in the first column)."""
    reason = problem.reason(lang)
    if not problem.column:
        return reason
    if problem.header:
        return (QCoreApplication.translate("ImportPreview", "Column %1 («%2»): %3").replace("%1", problem.column)
                .replace("%2", problem.header).replace("%3", reason))
    return (QCoreApplication.translate("ImportPreview", "Column %1: %2").replace("%1", problem.column)
            .replace("%2", reason))


def skip_text(row: RowReport, lang: str) -> str:
    if not row.skip_reason:
        return ""
    return render(DomainError(row.skip_reason, **row.skip_params), lang)


def choices_for(row: RowReport, kind: str) -> list[tuple[str, str]]:
    """(choice, text) a row offers, the default first: "create", "update", "skip" or a record's id."""
    skip = ("skip", QCoreApplication.translate("ImportPreview", "Skip this row"))
    if row.action == "create":
        return [("create", QCoreApplication.translate("ImportPreview", "Add as new")), skip]
    if row.action == "update":
        return [("update", QCoreApplication.translate("ImportPreview", "Update the record already there")), skip]
    if row.action == "duplicate":
        options = [skip, ("create", QCoreApplication.translate("ImportPreview", "Add as new anyway"))]
        if kind != "awards":  # an award row names its subject; it cannot be moved to another record
            update = QCoreApplication.translate("ImportPreview", "Update %1")
            options += [(cid, update.replace("%1", candidate_text(c))) for c in row.candidates
                        if (cid := candidate_id(c))]
        return options
    return []


class ImportRowsModel(QAbstractTableModel):
    """The preview's rows; ``only_problems`` hides rows that need no look."""

    COLUMNS = 6  # row, found, name, details, decision, problems

    def __init__(self, state: ImportState, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.state = state
        self.rows: list[RowReport] = []
        self.visible: list[int] = []
        self.only_problems = False
        self.lang = "vi"

    def reload(self) -> None:
        self.beginResetModel()
        self.lang = ops.current_lang()
        report = self.state.report
        self.rows = list(report.rows) if report else []
        self.visible = [i for i, row in enumerate(self.rows) if not self.only_problems or self._needs_look(row)]
        self.endResetModel()

    def set_only_problems(self, on: bool) -> None:
        self.only_problems = on
        self.reload()

    @staticmethod
    def _needs_look(row: RowReport) -> bool:
        return bool(row.problems) or row.action in ("error", "duplicate")

    def row_report(self, view_row: int) -> RowReport:
        return self.rows[self.visible[view_row]]

    def view_row_of(self, number: int) -> int | None:
        return next((i for i, index in enumerate(self.visible) if self.rows[index].row == number), None)

    def row_changed(self, number: int) -> None:
        view_row = self.view_row_of(number)
        if view_row is not None:
            self.dataChanged.emit(self.index(view_row, 0), self.index(view_row, self.COLUMNS - 1))

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.visible)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else self.COLUMNS

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        return (self.tr("Row"), self.tr("Row action"), self.tr("Name of the person or collective"),
                self.tr("Row values"), self.tr("On import"), self.tr("Problems"))[section]

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        row, column = self.row_report(index.row()), index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return self.text(row, column)
        if role == Qt.ItemDataRole.ToolTipRole and column in (3, 5):
            return self.full_text(row, column)
        if role == Qt.ItemDataRole.BackgroundRole and column == 1:
            return QBrush(QColor(ACTION_COLOURS.get(row.action, "#ffffff")))
        if role == Qt.ItemDataRole.ForegroundRole and column == 5 and row.problems:
            return QBrush(ERROR_TEXT if row.errors else WARNING_TEXT)
        if role == Qt.ItemDataRole.TextAlignmentRole and column == 0:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    # The words of each cell ----------------------------------------------------------------------
    def text(self, row: RowReport, column: int) -> str:
        if column == 0:
            return str(row.row)
        if column == 1:
            return action_text(row.action)
        if column == 2:
            return next((str(row.values[f]) for f in NAME_FIELDS if row.values.get(f)), "")
        if column == 3:
            return self.details(row)
        if column == 4:
            return self.decision_text(row)
        return " • ".join(problem_text(p, self.lang) for p in row.problems)

    def full_text(self, row: RowReport, column: int) -> str:
        if column == 5:
            return "\n".join(p.message(self.lang) for p in row.problems)
        return self.details(row, named=True)

    def details(self, row: RowReport, named: bool = False) -> str:
        """The row's values (or, for an update, its changes) and awards; ``named``: each value with its name."""
        if row.action == "skip":
            return skip_text(row, self.lang)
        kind = self.state.kind
        if row.changes:
            parts = [f"{field_title(name, self.lang)}: «{value_text(name, old)}» → «{value_text(name, new)}»"
                     for name, (old, new) in row.changes.items()]
        else:
            names = ["gender"] + [s.name for s in fields_for(kind) if s.name not in (*NAME_FIELDS, "seq", "gender")]
            shown = [(name, row.values[name]) for name in names if row.values.get(name) not in (None, "")]
            # The table names bare numbers only, which say nothing alone.
            parts = [f"{field_title(name, self.lang)}: {value_text(name, value)}"
                     if named or (isinstance(value, int) and not isinstance(value, bool))
                     else value_text(name, value) for name, value in shown]
        if kind != "awards" and row.awards:
            parts.append(self.tr("Awards: %1").replace("%1", "; ".join(
                f"{a.get('title') or a.get('award_code')} ({a.get('year')})" for a in row.awards)))
        return " · ".join(p for p in parts if p)

    def decision_text(self, row: RowReport) -> str:
        if row.action == "error":
            return self.tr("Not written")
        options = dict(choices_for(row, self.state.kind))
        choice = self.state.choice(row)
        return options.get(choice) or self.tr("Skip this row")


class PreviewPage(QWizardPage):
    """Step 3: the rows, their problems and the officer's choices; the commit button writes them."""

    def __init__(self, state: ImportState) -> None:
        super().__init__()
        self.state = state
        self.setCommitPage(True)
        self.counts = QLabel()
        self.counts.setWordWrap(True)
        self.outcome = QLabel()
        self.outcome.setWordWrap(True)
        self.only_problems = QCheckBox()
        self.only_problems.toggled.connect(self._filter)
        self.model = ImportRowsModel(state, self)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QTableView.SelectionMode.SingleSelection)
        self.table.setWordWrap(False)
        self.table.verticalHeader().setVisible(False)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        self.table.verticalHeader().setDefaultSectionSize(24)  # more rows on a 768-pixel screen
        for column, width in enumerate((50, 110, 170, 210, 130)):
            self.table.setColumnWidth(column, width)
        self.table.selectionModel().selectionChanged.connect(self._selected)
        self.detail = QPlainTextEdit()
        self.detail.setReadOnly(True)
        self.detail.setMaximumHeight(96)
        self.detail.setTabChangesFocus(True)
        self.choice_label = QLabel()
        self.choice = QComboBox()
        self.choice.setMinimumContentsLength(28)
        self.choice_label.setBuddy(self.choice)
        self.choice.activated.connect(self._chosen)
        filters = QHBoxLayout()
        filters.addWidget(self.only_problems)
        filters.addStretch(1)
        choice_row = QHBoxLayout()
        choice_row.addWidget(self.choice_label)
        choice_row.addWidget(self.choice)
        choice_row.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.counts)
        layout.addLayout(filters)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.detail)
        layout.addLayout(choice_row)
        layout.addWidget(self.outcome)
        self.retranslate()

    # Filling -------------------------------------------------------------------------------------
    def initializePage(self) -> None:
        self.model.reload()
        self._show_counts()
        if self.model.rowCount():
            self.table.selectRow(0)
        else:
            self._show_row(None)
        self.table.setFocus()

    def _filter(self, on: bool) -> None:
        keep = self.current()
        self.model.set_only_problems(on)
        view_row = self.model.view_row_of(keep.row) if keep else None
        if view_row is None and self.model.rowCount():
            view_row = 0
        if view_row is not None:
            self.table.selectRow(view_row)
        else:
            self._show_row(None)

    def current(self) -> RowReport | None:
        rows = self.table.selectionModel().selectedRows()
        return self.model.row_report(rows[0].row()) if rows else None

    def select_file_row(self, number: int) -> bool:
        """Select the line of the file's row ``number`` (as the officer would click it)."""
        view_row = self.model.view_row_of(number)
        if view_row is None:
            return False
        self.table.selectRow(view_row)
        return True

    def _selected(self, _selected: QItemSelection, _deselected: QItemSelection) -> None:
        self._show_row(self.current())

    def _show_row(self, row: RowReport | None) -> None:
        self.choice.blockSignals(True)
        self.choice.clear()
        if row is None:
            self.detail.setPlainText("")
            self.choice.setEnabled(False)
            self.choice.blockSignals(False)
            return
        lang = ops.current_lang()
        lines = [self.tr("Row %1: %2").replace("%1", str(row.row)).replace("%2", action_text(row.action))]
        details = self.model.full_text(row, 3)
        if details:
            lines.append(details)
        if row.candidates and row.action in ("duplicate", "error"):
            lines.append(self.tr("May be: %1").replace("%1", "; ".join(candidate_text(c) for c in row.candidates)))
        lines += [p.message(lang) for p in row.problems]
        self.detail.setPlainText("\n".join(lines))
        for choice, text in choices_for(row, self.state.kind):
            self.choice.addItem(text, choice)
        self.choice.setEnabled(self.choice.count() > 1)
        self.choice.setCurrentIndex(max(self.choice.findData(self.state.choice(row)), 0))
        self.choice.blockSignals(False)

    def _chosen(self, _index: int) -> None:
        row = self.current()
        if row is None:
            return
        self.state.set_choice(row, str(self.choice.currentData()))
        self.model.row_changed(row.row)
        self._show_counts()
        self.completeChanged.emit()

    def choose(self, number: int, choice: str) -> None:
        """Decide the file's row ``number`` as the combo below the table does."""
        if not self.select_file_row(number) and not self._reveal(number):
            raise KeyError(number)
        index = self.choice.findData(choice)
        if index < 0:
            raise ValueError(choice)
        self.choice.setCurrentIndex(index)
        self._chosen(index)

    def _reveal(self, number: int) -> bool:
        self.only_problems.setChecked(False)
        return self.select_file_row(number)

    def _show_counts(self) -> None:
        report = self.state.report
        if report is None:
            self.counts.setText("")
            self.outcome.setText("")
            return
        counts = report.counts
        self.counts.setText(
            self.tr("Rows read: new %1 · update %2 · skip %3 · possible duplicate %4 · error %5 · blank %6")
            .replace("%1", number_text(counts["create"])).replace("%2", number_text(counts["update"]))
            .replace("%3", number_text(counts["skip"])).replace("%4", number_text(counts["duplicate"]))
            .replace("%5", number_text(counts["error"])).replace("%6", number_text(counts["blank"])))
        plan = self.state.planned()
        if plan["create"] + plan["update"] == 0:
            self.outcome.setText(self.tr("No row can be written. Go back to change the columns, or correct the file."))
        else:
            self.outcome.setText(
                self.tr("On import: %1 new, %2 updated, %3 awards added; rows with errors are not written. Nothing "
                        "has been written yet: press “Import into the register” to write them all at once.")
                .replace("%1", number_text(plan["create"])).replace("%2", number_text(plan["update"]))
                .replace("%3", number_text(plan["awards"])))

    def isComplete(self) -> bool:
        plan = self.state.planned() if self.state.report else None
        return bool(plan and plan["create"] + plan["update"])

    # The commit ----------------------------------------------------------------------------------
    def validatePage(self) -> bool:
        state = self.state
        report = state.report
        if report is None:
            return False
        plan = state.planned()
        question = (self.tr("Write %1 new and %2 updated records to the register now? Everything is written at "
                            "once; if one row cannot be written, nothing is.")
                    .replace("%1", number_text(plan["create"])).replace("%2", number_text(plan["update"])))
        if not dialogs.ask_yes_no(self, self.tr("Import from Excel"), question):
            return False
        result = run_with_progress(self, self.tr("Writing to the register…"), lambda _progress: commit(state, report),
                                   changes=Change.PEOPLE | Change.COLLECTIVES | Change.RECORDS | Change.OFFICE)
        if result is None:
            return False
        state.result = result
        return True

    def retranslate(self) -> None:
        self.setTitle(self.tr("Step 3 of 4: check the rows"))
        self.setSubTitle(self.tr("What importing would do with each row of the file, and every problem found. "
                                 "Nothing is written until you press “Import into the register”."))
        self.only_problems.setText(self.tr("Only rows with &problems"))
        self.choice_label.setText(self.tr("This &row:"))
        self.model.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, ImportRowsModel.COLUMNS - 1)
        if self.state.report is not None:
            self.model.reload()
            self._show_counts()
            self._show_row(self.current())

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)


def commit(state: ImportState, report: ImportReport) -> Any:
    return state.service.commit(report, resolutions=dict(state.choices))
