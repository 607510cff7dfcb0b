"""The two sides of a duplicate finding next to each other: the person's fields, the nominations
and the award records, one column per commune, with what differs highlighted. Read-only; the
Trùng lặp screen (duplicates.py) puts it beside its list."""

from __future__ import annotations

from collections.abc import Mapping
from itertools import zip_longest
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush, QColor, QFont
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableWidget, QTableWidgetItem, QWidget

from ..texts import level_text, status_text
from .sync_texts import quarantine_reason_text

if TYPE_CHECKING:
    from ...services.duplicate_views import AwardLine, FindingView, NominationLine, SideView

DIFFERS_COLOUR = QColor("#fdebc0")  # a value that is not the same on both sides
SECTION_COLOUR = QColor("#e8eef5")
MISSING = "—"


class ComparisonTable(QTableWidget):
    """Field | side A | side B. ``rows_shown`` lists (label, a, b, differs) for tests."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(0, 3, parent)
        self.verticalHeader().setVisible(False)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.setWordWrap(True)
        self.setAlternatingRowColors(False)  # the colour says "differs": stripes would blur it
        header = self.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        for column in (1, 2):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Stretch)
        self.rows_shown: list[tuple[str, str, str, bool]] = []
        self.view: FindingView | None = None

    def show_finding(self, view: FindingView | None) -> None:
        self.view = view
        self.clearSpans()
        self.setRowCount(0)
        self.rows_shown = []
        if view is None:
            self.setHorizontalHeaderLabels(["", "", ""])
            return
        self.setHorizontalHeaderLabels([self.tr("Field"), self._side_title("A", view.a), self._side_title("B", view.b)])
        self._section(self.tr("Person"))
        labels = self._field_labels()
        for row in view.fields:
            self._row(labels.get(row.name, row.name), self._value(row.name, row.a), self._value(row.name, row.b),
                      row.differs)
        self._row(self.tr("Record"), self._record_state(view.a), self._record_state(view.b),
                  bool(view.a.held_back) != bool(view.b.held_back))
        if view.nominations:
            self._section(self.tr("Nominations"))
            mine = [n for n in view.nominations if n.side == "a"]
            theirs = [n for n in view.nominations if n.side == "b"]
            for first, second in zip_longest(mine, theirs):
                self._row(self.tr("Nomination"), self._nomination(first), self._nomination(second), False)
        if view.awards:
            self._section(self.tr("Award history"))
            for line in view.awards:
                self._row(f"{line.award_name} {line.year}", self._award(line, line.a), self._award(line, line.b), True)
        self.resizeRowsToContents()

    # Pieces --------------------------------------------------------------------------------------
    def _side_title(self, letter: str, side: SideView) -> str:
        return f"{letter}: {side.commune_name or side.commune_code} ({side.commune_code})"

    def _section(self, title: str) -> None:
        row = self.rowCount()
        self.insertRow(row)
        item = QTableWidgetItem(title)
        font = QFont()
        font.setBold(True)
        item.setFont(font)
        item.setBackground(QBrush(SECTION_COLOUR))
        item.setForeground(QBrush(QColor("#000000")))
        self.setItem(row, 0, item)
        self.setSpan(row, 0, 1, 3)

    def _row(self, label: str, a: str, b: str, differs: bool) -> None:
        row = self.rowCount()
        self.insertRow(row)
        self.rows_shown.append((label, a, b, differs))
        bold = QFont()
        bold.setBold(True)
        for column, text in enumerate((label, a or MISSING, b or MISSING)):
            item = QTableWidgetItem(text)
            item.setTextAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
            if differs and column:
                item.setBackground(QBrush(DIFFERS_COLOUR))
                item.setForeground(QBrush(QColor("#000000")))  # dark on the light colour, in a dark theme too
                item.setFont(bold)
                item.setToolTip(self.tr("Not the same on both sides"))
            self.setItem(row, column, item)

    def _field_labels(self) -> dict[str, str]:
        return {"full_name": self.tr("Full name"), "cccd": self.tr("CCCD number"), "birth_date": self.tr("Born"),
                "gender": self.tr("Sex"), "ethnicity": self.tr("Ethnic group"), "village": self.tr("Village"),
                "position": self.tr("Position"), "workplace": self.tr("Workplace")}

    def _value(self, name: str, value: str) -> str:
        if name == "gender":
            return {"male": self.tr("Male"), "female": self.tr("Female")}.get(value, value)
        return value

    def _record_state(self, side: SideView) -> str:
        if not side.held_back:
            return self.tr("In the province's register")
        return self.tr("Held back among the pending records: %1").replace("%1",
                                                                          quarantine_reason_text(side.held_back))

    def _nomination(self, line: NominationLine | None) -> str:
        if line is None:
            return ""
        parts = [f"{line.award_name} {line.year or ''}".strip(), line.batch, status_text(line.status)]
        text = " · ".join(p for p in parts if p)
        return text + (" · " + self.tr("held back") if line.held_back else "")

    def _award(self, line: AwardLine, values: Mapping[str, str] | None) -> str:
        if values is None:
            return self.tr("Not recorded")
        parts = []
        if values.get("decision_number"):
            parts.append(self.tr("Decision %1").replace("%1", values["decision_number"]))
        if values.get("decision_date"):
            parts.append(self.tr("dated %1").replace("%1", values["decision_date"]))
        if values.get("issuing_level"):
            parts.append(level_text(values["issuing_level"]))
        if values.get("period_from") or values.get("period_to"):
            parts.append(self.tr("period %1–%2").replace("%1", values.get("period_from", ""))
                         .replace("%2", values.get("period_to", "")))
        if values.get("held_back"):
            parts.append(self.tr("held back"))
        return " · ".join(parts) or self.tr("Recorded, no decision given")
