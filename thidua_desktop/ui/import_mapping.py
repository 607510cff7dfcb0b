"""Excel import wizard, step 2: which column holds which field.

Every field of the kind gets a combo of the sheet's columns (letter and header as written),
pre-filled with what the header detection proposed; required fields are starred. The header rows
can be pointed at by hand when the detection missed them, with the sheet's first rows shown
underneath. Next reads every row (the preview) with the chosen columns: nothing is written."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractTableModel, QCoreApplication, QEvent, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QComboBox,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QScrollArea,
    QSpinBox,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
    QWizardPage,
)

from ..services.excel_import_report import REQUIRED, ImportPlan, column_letter, field_title, fields_for
from . import ops
from .import_state import ImportState
from .worker import run_with_progress

Index = QModelIndex | QPersistentModelIndex
SAMPLE_ROWS = 30  # enough to see a title block, the header and the first data rows
HEADER_COLOUR = QColor("#d9edf7")



def column_items(plan: ImportPlan) -> list[tuple[str, int]]:
    """(text, column) for every column of the sheet: "C — Năm sinh / Nam", or the letter alone."""
    last = max(plan.grid.max_col, max((c.index for c in plan.header.columns), default=0))
    items = []
    for col in range(1, last + 1):
        label = plan.header.label_of(col)
        items.append((f"{column_letter(col)} — {label}" if label else column_letter(col), col))
    return items


def required_fields(kind: str) -> set[str]:
    return {name for group in REQUIRED[kind] for name in group}


def required_text(kind: str, lang: str) -> str:
    """"Needed: Họ và tên" or, for award history, one of each starred group."""
    joiner = QCoreApplication.translate("ImportMapping", " or ")
    groups = [joiner.join(field_title(name, lang) for name in group) for group in REQUIRED[kind]]
    return QCoreApplication.translate("ImportMapping", "* Needed: %1.").replace("%1", "; ".join(groups))


class SheetSampleModel(QAbstractTableModel):
    """The sheet's first rows as written, the header block tinted, numbered as in Excel."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.rows: list[list[str]] = []
        self.width = 0
        self.header_rows = (0, 0)

    def load(self, plan: ImportPlan | None) -> None:
        self.beginResetModel()
        self.rows = plan.sample_rows(SAMPLE_ROWS) if plan else []
        self.width = max((len(r) for r in self.rows), default=0)
        self.header_rows = (plan.header.first_row, plan.header.last_row) if plan and plan.header_found else (0, 0)
        self.endResetModel()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else self.width

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        return column_letter(section + 1) if orientation == Qt.Orientation.Horizontal else str(section + 1)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            row = self.rows[index.row()]
            return row[index.column()] if index.column() < len(row) else ""
        if role == Qt.ItemDataRole.BackgroundRole and self.header_rows[0] <= index.row() + 1 <= self.header_rows[1]:
            return QBrush(HEADER_COLOUR)
        return None


class MappingPage(QWizardPage):
    def __init__(self, state: ImportState) -> None:
        super().__init__()
        self.state = state
        self.combos: dict[str, QComboBox] = {}
        self.labels: dict[str, QLabel] = {}
        self.notices = QLabel()
        self.notices.setWordWrap(True)
        self.notices.setStyleSheet("background: #fcf8e3; border: 1px solid #e5d9a3; padding: 4px;")
        self.header_label = QLabel()
        self.first_row = QSpinBox()
        self.last_row = QSpinBox()
        self.header_label.setBuddy(self.first_row)
        self.to_label = QLabel()
        self.reread = QPushButton()
        self.reread.clicked.connect(self.reread_header)
        self.data_label = QLabel()
        self.grid_box = QWidget()
        self.grid = QGridLayout(self.grid_box)
        self.grid.setColumnStretch(1, 1)
        self.grid.setColumnStretch(3, 1)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(self.grid_box)
        self.sample = SheetSampleModel(self)
        self.sample_view = QTableView()
        self.sample_view.setModel(self.sample)
        self.sample_view.setWordWrap(False)
        self.sample_view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.sample_view.horizontalHeader().setDefaultSectionSize(120)
        self.sample_view.verticalHeader().setDefaultSectionSize(22)
        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.addWidget(scroll)
        splitter.addWidget(self.sample_view)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 1)
        splitter.setChildrenCollapsible(False)
        splitter.setSizes([330, 130])  # scaled to the real height; the combos come first
        self.required = QLabel()
        self.required.setWordWrap(True)
        self.hint = QLabel()
        self.hint.setWordWrap(True)
        self.hint.setStyleSheet("color: #a94442;")
        header_row = QHBoxLayout()
        for widget in (self.header_label, self.first_row, self.to_label, self.last_row, self.reread):
            header_row.addWidget(widget)
        header_row.addSpacing(12)
        header_row.addWidget(self.data_label)
        header_row.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.notices)
        layout.addLayout(header_row)
        layout.addWidget(splitter, 1)
        layout.addWidget(self.required)
        layout.addWidget(self.hint)
        self.retranslate()

    # Filling -------------------------------------------------------------------------------------
    def initializePage(self) -> None:
        self._build()

    def _build(self) -> None:
        """One labelled combo per field, in two columns, from the current plan and mapping."""
        plan, state = self.state.plan, self.state
        while self.grid.count():
            item = self.grid.takeAt(0)
            widget = item.widget() if item is not None else None
            if widget is not None:
                widget.deleteLater()
        self.combos.clear()
        self.labels.clear()
        if plan is None:
            return
        lang = ops.current_lang()
        specs = fields_for(plan.kind)
        needed = required_fields(plan.kind)
        half = (len(specs) + 1) // 2
        items = column_items(plan)
        for i, spec in enumerate(specs):
            combo = QComboBox()
            combo.addItem(self.tr("— not imported —"), 0)
            for text, col in items:
                combo.addItem(text, col)
            combo.setCurrentIndex(max(combo.findData(state.mapping.get(spec.name, 0)), 0))
            combo.currentIndexChanged.connect(lambda _i, name=spec.name: self._changed(name))
            label = QLabel(field_title(spec.name, lang) + (" *" if spec.name in needed else ""))
            label.setBuddy(combo)
            self.combos[spec.name], self.labels[spec.name] = combo, label
            row, col = i % half, (i // half) * 2
            self.grid.addWidget(label, row, col)
            self.grid.addWidget(combo, row, col + 1)
        self.grid.setRowStretch(half, 1)
        top = min(max(plan.grid.max_row, 1), 999)
        for box in (self.first_row, self.last_row):
            box.setRange(1, top)
        self.first_row.setValue(plan.header.first_row)
        self.last_row.setValue(plan.header.last_row)
        self.sample.load(plan)
        self._show_plan()
        self._check()

    def _show_plan(self) -> None:
        plan = self.state.plan
        if plan is None:
            return
        lang = ops.current_lang()
        notes = [n.message(lang) for n in plan.notices]
        if not plan.header_found:
            missing = self.tr("No header row was recognised in sheet «%1». Enter the rows of the header above and "
                              "press “Read again”, or choose the columns below.")
            notes.insert(0, missing.replace("%1", plan.sheet))
        self.notices.setText("\n".join(notes))
        self.notices.setVisible(bool(notes))
        self.data_label.setText(self.tr("Data start at row %1.").replace("%1", str(plan.header.data_start)))
        self.required.setText(required_text(plan.kind, lang))

    def _changed(self, name: str) -> None:
        col = self.combos[name].currentData()
        if col:
            self.state.mapping[name] = int(col)
        else:
            self.state.mapping.pop(name, None)
        self.state.set_report(None)  # the preview no longer matches
        self._check()

    def set_column(self, name: str, col: int) -> None:
        """Choose column ``col`` (0: none) for field ``name``, as the officer would."""
        combo = self.combos[name]
        index = combo.findData(col)
        if index < 0:
            raise ValueError(col)
        combo.setCurrentIndex(index)

    def problems(self) -> list[str]:
        """Why the mapping cannot be previewed yet: a required field without a column, a column chosen twice."""
        plan = self.state.plan
        if plan is None:
            return []
        lang = ops.current_lang()
        out = []
        for group in REQUIRED[plan.kind]:
            if not any(name in self.state.mapping for name in group):
                out.append(self.tr("Choose the column of «%1».").replace("%1", field_title(group[0], lang)))
        by_col: dict[int, list[str]] = {}
        for name, col in self.state.mapping.items():
            by_col.setdefault(col, []).append(field_title(name, lang))
        for col, names in sorted(by_col.items()):
            if len(names) > 1:
                out.append(self.tr("Column %1 is chosen for %2; choose it once.").replace("%1", column_letter(col))
                           .replace("%2", ", ".join(f"«{n}»" for n in names)))
        return out

    def _check(self) -> None:
        self.hint.setText("\n".join(self.problems()))
        self.completeChanged.emit()

    def isComplete(self) -> bool:
        return self.state.plan is not None and not self.problems()

    # Pointing at the header by hand ----------------------------------------------------------------
    def reread_header(self) -> None:
        plan = self.state.plan
        if plan is None:
            return
        first, last = self.first_row.value(), max(self.first_row.value(), self.last_row.value())
        service, path, kind, sheet = self.state.service, plan.path, plan.kind, plan.sheet
        found = run_with_progress(self, self.tr("Reading the header…"),
                                  lambda _p: service.analyse(path, kind, sheet=sheet, header_rows=(first, last)))
        if found is not None:
            self.state.set_plan(found)
            self._build()

    # Next: read every row with these columns (writes nothing) --------------------------------------
    def validatePage(self) -> bool:
        plan, mapping, service = self.state.plan, dict(self.state.mapping), self.state.service
        if plan is None:
            return False
        year = self.state.year
        report = run_with_progress(self, self.tr("Reading the rows…"), lambda progress: service.preview(
            plan, mapping, progress=lambda done, total: progress.step(done, total), year=year))
        if report is None:
            return False
        self.state.set_report(report)
        return True

    def retranslate(self) -> None:
        self.setTitle(self.tr("Step 2 of 4: columns"))
        self.setSubTitle(self.tr("Check which column of the file holds each piece of information. Columns left "
                                 "“not imported” are ignored."))
        self.header_label.setText(self.tr("&Header rows from"))
        self.to_label.setText(self.tr("to"))
        self.reread.setText(self.tr("Read &again"))
        if self.state.plan is not None and self.combos:
            lang = ops.current_lang()
            needed = required_fields(self.state.plan.kind)
            for name, label in self.labels.items():
                label.setText(field_title(name, lang) + (" *" if name in needed else ""))
            for combo in self.combos.values():
                combo.setItemText(0, self.tr("— not imported —"))
            self._show_plan()
            self._check()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)
