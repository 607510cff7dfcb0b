"""The form to create or edit an emulation movement: launch, period, goals, criteria, participating
units, review dates and a table of indicators with their targets and reporting dates."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import asdict
from typing import Any

from PySide6.QtCore import QSize, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ...domain.errors import DomainError
from ...domain.indicators import default_direction
from ...services.changes import Change
from ...services.drafts import DraftStore
from ...services.movements import IndicatorInput, MovementInput, MovementService, parse_number
from .. import dialogs
from ..forms import DateField, combo
from .movement_forms import (
    DIRECTIONS,
    INDICATOR_KINDS,
    KINDS,
    LEVELS,
    STATUSES,
    LabelledFormDialog,
    direction_text,
    error_text,
    indicator_kind_text,
    kind_text,
    level_text,
    movement_status_text,
    number_text,
)

ID_ROLE = Qt.ItemDataRole.UserRole
INDICATOR_KEYS = ("name", "unit", "kind", "direction", "baseline", "target", "reporting_dates")
# Columns chosen from a list (a combo box in the cell), with their codes and the text of each code.
CHOICES: dict[str, tuple[tuple[str, ...], Callable[[str], str]]] = {
    "kind": (INDICATOR_KINDS, indicator_kind_text), "direction": (DIRECTIONS, direction_text)}
_INDICATOR_FIELD = re.compile(r"indicators\[(\d+)\](?:\.(\w+))?")


def _lines(text: str) -> list[str]:
    return [line.strip() for line in text.splitlines() if line.strip()]


def _dates(text: str) -> list[str]:
    return [part.strip() for part in re.split(r"[,;]", text) if part.strip()]


class MovementDialog(LabelledFormDialog):
    """New movement when ``movement_id`` is None, else edits that movement."""

    changes = Change.MOVEMENTS

    def __init__(self, movements: MovementService, drafts: DraftStore | None = None,
                 movement_id: str | None = None, parent: QWidget | None = None) -> None:
        super().__init__(drafts, f"movement-{movement_id or 'new'}", parent)
        self.movements = movements
        self.movement_id = movement_id
        self._row_of_input: list[int] = []
        self._loading = True  # building the form is not a change to save as a draft
        left, right = QFormLayout(), QFormLayout()
        for layout in (left, right):
            layout.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
            layout.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        right.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapAllRows)  # long labels above the boxes
        self.form = left
        self.add_field("code", self.tr("Code"), QLineEdit())
        self.add_field("name", self.tr("Name of the movement"), QLineEdit())
        self.add_field("theme", self.tr("Theme"), QLineEdit())
        self.add_field("launch_level", self.tr("Launched by"), combo([(level_text(v), v) for v in LEVELS]))
        self.add_field("launch_doc_number", self.tr("Launch document number"), QLineEdit())
        self.add_field("launch_doc_date", self.tr("Launch document date"), DateField())
        self.add_field("kind", self.tr("Kind of movement"), combo([(kind_text(v), v) for v in KINDS]))
        self.add_field("status", self.tr("Status"), combo([(movement_status_text(v), v) for v in STATUSES]))
        self.add_field("period_start", self.tr("Period from"), DateField())
        self.add_field("period_end", self.tr("Period to"), DateField())
        self.add_field("interim_review_date", self.tr("Interim review date"), DateField())
        self.add_field("final_review_date", self.tr("Final review date"), DateField())
        self.form = right
        for name, label in (("goals", self.tr("Goals (one per line)")),
                            ("criteria", self.tr("Criteria (one per line)")),
                            ("participants", self.tr("Participating units (one per line)"))):
            box = QPlainTextEdit()
            box.setTabChangesFocus(True)
            box.setFixedHeight(72)
            self.add_field(name, label, box)
        self.fields["status"].setCurrentIndex(STATUSES.index("active"))  # type: ignore[attr-defined]
        self.fields["kind"].setCurrentIndex(KINDS.index("thematic"))  # type: ignore[attr-defined]

        self.table = QTableWidget(0, len(INDICATOR_KEYS))
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.verticalHeader().setVisible(False)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for column, width in ((1, 100), (2, 170), (3, 130), (4, 80), (5, 80), (6, 170)):
            self.table.setColumnWidth(column, width)
        self.table.setMinimumHeight(120)
        self.table.itemChanged.connect(self._cell_changed)
        self.add_row = QPushButton()
        self.remove_row = QPushButton()
        self.add_row.clicked.connect(lambda: self.add_indicator())
        self.remove_row.clicked.connect(self.remove_selected_indicator)
        self.dates_hint = QLabel()
        self.dates_hint.setWordWrap(True)
        self.dates_hint.setStyleSheet("color: #555;")
        self.indicator_error = QLabel()
        self.indicator_error.setStyleSheet("color: #a40000;")
        self.indicator_error.setWordWrap(True)
        self.indicator_error.hide()
        self.indicator_box = QGroupBox()
        box_layout = QVBoxLayout(self.indicator_box)
        buttons = QHBoxLayout()
        buttons.addWidget(self.add_row)
        buttons.addWidget(self.remove_row)
        buttons.addWidget(self.dates_hint, 1)
        box_layout.addWidget(self.table)
        box_layout.addWidget(self.indicator_error)
        box_layout.addLayout(buttons)

        content = QWidget()
        columns = QHBoxLayout()
        columns.addLayout(left, 1)
        columns.addLayout(right, 1)
        outer = QVBoxLayout(content)
        outer.addLayout(columns)
        outer.addWidget(self.indicator_box)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        scroll.setWidget(content)
        self.body.insertWidget(2, scroll, 1)
        self._loading = False
        # The version loaded, handed back on save (RECORD_CHANGED if someone saved meanwhile).
        self.token: tuple[int, int] | None = None
        if movement_id:
            loaded = movements.get(movement_id)
            self.token = loaded.token
            self.set_values(self._form_values(loaded))
        self.restore_draft()
        self.retranslate()

    def sizeHint(self) -> QSize:
        return QSize(1060, 660)  # inside a 1366×768 screen with the taskbar

    @staticmethod
    def _form_values(data: MovementInput) -> dict[str, Any]:
        values = asdict(data)
        for key in ("goals", "criteria", "participants"):
            values[key] = "\n".join(values[key])
        values["indicators"] = [{
            "id": ind.id or "", "name": ind.name, "unit": ind.unit, "kind": ind.kind, "direction": ind.direction,
            "baseline": number_text(ind.baseline), "target": number_text(ind.target),
            "reporting_dates": ", ".join(ind.reporting_dates),
        } for ind in data.indicators]
        return values

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Edit movement") if self.movement_id else self.tr("New movement"))
        self.indicator_box.setTitle(self.tr("Indicators and targets"))
        self.table.setHorizontalHeaderLabels([self.tr("Indicator"), self.tr("Unit of measure"),
                                              self.tr("Kind of indicator"), self.tr("Better when"),
                                              self.tr("Baseline"), self.tr("Target"), self.tr("Reporting dates")])
        header = self.table.horizontalHeader()
        for column in range(1, self.table.columnCount()):  # never narrower than its title (no "…")
            self.table.setColumnWidth(column, max(self.table.columnWidth(column),
                                                  header.sectionSizeFromContents(column).width()))
        for row in range(self.table.rowCount()):
            for key, (codes, text) in CHOICES.items():
                box = self._choice(row, key)
                for index, code in enumerate(codes):
                    box.setItemText(index, text(code))
        self.dates_hint.setText(self.tr("Type reporting dates as dd/mm/yyyy, separated by commas."))
        self.add_row.setText(self.tr("Add indicator"))
        self.remove_row.setText(self.tr("Remove indicator"))
        for name in ("goals", "criteria", "participants"):
            self.fields[name].setPlaceholderText(self.tr("One item per line"))  # type: ignore[attr-defined]

    # The indicators table --------------------------------------------------------------------
    def add_indicator(self, row: dict[str, Any] | None = None) -> int:
        row = row or {}
        index = self.table.rowCount()
        loading, self._loading = self._loading, True
        try:
            self.table.insertRow(index)
            for column, key in enumerate(INDICATOR_KEYS):
                if key in CHOICES:
                    self.table.setCellWidget(index, column, self._choice_box(key, str(row.get(key) or "")))
                    continue
                item = QTableWidgetItem(str(row.get(key, "") or ""))
                if column == 0:
                    item.setData(ID_ROLE, row.get("id") or "")
                self.table.setItem(index, column, item)
        finally:
            self._loading = loading
        if not row:
            self._changed()
            self.table.setCurrentCell(index, 0)
            cell = self.table.item(index, 0)
            if cell is not None:
                self.table.editItem(cell)
        return index

    def _choice_box(self, key: str, value: str) -> QComboBox:
        """The kind or direction cell. A new row's direction follows its figures (lower is better
        when the target is below the baseline) until the officer picks one."""
        codes, text = CHOICES[key]
        box = QComboBox()
        for code in codes:
            box.addItem(text(code), code)
        box.setCurrentIndex(codes.index(value) if value in codes else 0)
        box.setProperty("chosen", value in codes)
        box.currentIndexChanged.connect(lambda _index: self._changed())
        box.activated.connect(lambda _index: box.setProperty("chosen", True))
        return box

    def _cell_changed(self, item: QTableWidgetItem) -> None:
        if INDICATOR_KEYS[item.column()] in ("baseline", "target") and not self._loading:
            box = self._choice(item.row(), "direction")
            if not box.property("chosen"):
                cells = [self.table.item(item.row(), INDICATOR_KEYS.index(k)) for k in ("baseline", "target")]
                try:
                    baseline, target = (parse_number(c.text() if c else "", "") for c in cells)
                except DomainError:  # a figure still being typed: no direction guessed from it yet
                    baseline = target = None
                box.setCurrentIndex(DIRECTIONS.index(default_direction(baseline, target)))
        self._changed()

    def _choice(self, row: int, key: str) -> QComboBox:
        box = self.table.cellWidget(row, INDICATOR_KEYS.index(key))
        assert isinstance(box, QComboBox)
        return box

    def remove_selected_indicator(self) -> None:
        row = self.table.currentRow()
        if row < 0:
            return
        item = self.table.item(row, 0)
        if item is not None and item.data(ID_ROLE):
            question = self.tr("Remove the indicator «%1»? Values already reported by activities are kept "
                               "but no longer counted.").replace("%1", item.text())
            if not dialogs.ask_yes_no(self, self.tr("Remove indicator"), question):
                return
        self.table.removeRow(row)
        self._changed()

    def indicator_rows(self) -> list[dict[str, str]]:
        rows = []
        for r in range(self.table.rowCount()):
            cells = {key: (str(self._choice(r, key).currentData()) if key in CHOICES
                           else cell.text() if (cell := self.table.item(r, c)) else "")
                     for c, key in enumerate(INDICATOR_KEYS)}
            first = self.table.item(r, 0)
            cells["id"] = str(first.data(ID_ROLE) or "") if first else ""
            rows.append(cells)
        return rows

    # Values, drafts and saving ---------------------------------------------------------------
    def values(self) -> dict[str, Any]:
        values = super().values()
        values["indicators"] = self.indicator_rows()
        return values

    def set_values(self, values: dict[str, Any]) -> None:
        super().set_values(values)
        if "indicators" in values:
            self.table.setRowCount(0)
            for row in values["indicators"] or []:
                self.add_indicator(dict(row))

    def save(self) -> str:
        v = self.values()
        self._row_of_input = []
        indicators = []
        for table_row, row in enumerate(v["indicators"]):
            typed = [key for key in INDICATOR_KEYS if key not in CHOICES]
            if not any(str(row.get(key, "")).strip() for key in typed) and not row.get("id"):
                continue  # an empty row the user added and never filled
            self._row_of_input.append(table_row)
            indicators.append(IndicatorInput(row["name"], row["unit"], row["baseline"], row["target"],
                                             _dates(row["reporting_dates"]), id=row.get("id") or None,
                                             kind=row.get("kind") or "count", direction=row.get("direction") or ""))
        data = MovementInput(
            code=v["code"], name=v["name"], theme=v["theme"], launch_level=v["launch_level"],
            launch_doc_number=v["launch_doc_number"], launch_doc_date=v["launch_doc_date"], kind=v["kind"],
            period_start=v["period_start"], period_end=v["period_end"], status=v["status"],
            goals=_lines(v["goals"]), criteria=_lines(v["criteria"]), participants=_lines(v["participants"]),
            interim_review_date=v["interim_review_date"], final_review_date=v["final_review_date"],
            indicators=indicators)
        if self.movement_id:
            self.movements.update(self.movement_id, data, expected=self.token)
            return self.movement_id
        return self.movements.create(data)

    def reload_record(self) -> dict[str, Any] | None:
        if not self.movement_id:
            return None
        loaded = self.movements.get(self.movement_id)
        self.token = loaded.token
        return self._form_values(loaded)

    # Errors in the indicators table ------------------------------------------------------------
    def clear_errors(self) -> None:
        super().clear_errors()
        self.indicator_error.hide()

    def _indicator_cell(self, field: str | None) -> tuple[int, int] | None:
        match = _INDICATOR_FIELD.fullmatch(field or "")
        if not match:
            return None
        index = int(match.group(1)) - 1
        row = self._row_of_input[index] if 0 <= index < len(self._row_of_input) else index
        column = INDICATOR_KEYS.index(match.group(2)) if match.group(2) in INDICATOR_KEYS else 0
        return row, column

    def field_text(self, field: str | None) -> str | None:
        cell = self._indicator_cell(field)
        if cell is None:
            return super().field_text(field)
        header = self.table.horizontalHeaderItem(cell[1])
        return self.tr("Indicators, row %1, %2").replace("%1", str(cell[0] + 1)).replace(
            "%2", header.text() if header else "")

    def show_error(self, error: DomainError) -> None:
        cell = self._indicator_cell(error.field)
        if cell is None:
            super().show_error(error)
            return
        text = error_text(error, self.field_text(error.field))
        shown = self.indicator_error.text() if not self.indicator_error.isHidden() else ""
        self.indicator_error.setText(f"{shown}\n{text}" if shown else text)  # every cell's problem
        self.indicator_error.show()
        if cell[0] < self.table.rowCount():
            self.table.setCurrentCell(*cell)
        self.table.setFocus()
