"""Báo cáo: the year's award statistics (by award, level and kind, and the directive's priority
groups), and the office's own values they go out with (base salary, vote thresholds). Printed
reports and Excel exports build on the same figures.

The catalog is read through the statistics service each time it is needed, never kept: a value
saved in Settings, or a catalog received by sync, shows here at once (the screen watches those
changes, and the register's and decisions', even while hidden)."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QEvent, Qt
from PySide6.QtWidgets import (
    QFormLayout,
    QFrame,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QScrollArea,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ...services.changes import Change
from ...services.excel_export import ExcelExportService
from ...services.statistics import StatisticsService, ValuesInForce, YearStatistics
from .. import ops
from ..excel_actions import ExcelButton, export_workbook
from ..locale_format import date_text, money_text
from ..texts import award_label, kind_text, level_text


def money(amount: int) -> str:
    """2530000 -> "2.530.000 đồng" (Vietnamese) or "2,530,000 VND"."""
    return money_text(amount)


class ReportsScreen(QWidget, ops.Watcher):
    watches = (Change.PEOPLE | Change.COLLECTIVES | Change.RECORDS | Change.DECISIONS | Change.CATALOG
               | Change.SETTINGS | Change.OFFICE | Change.SYNC)

    def __init__(self, statistics: StatisticsService, today: date | None = None,
                 parent: QWidget | None = None, excel_export: ExcelExportService | None = None) -> None:
        super().__init__(parent)
        self.statistics = statistics
        self.year = QSpinBox()
        self.year.setRange(2000, 2100)
        self.year.setValue((today or date.today()).year)
        self.year_label = QLabel()
        self.awards = QTableWidget(0, 2)
        self.awards.verticalHeader().setVisible(False)
        self.awards.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.groups_box = QGroupBox()
        self.groups = QFormLayout(self.groups_box)
        self.levels_box = QGroupBox()
        self.levels = QFormLayout(self.levels_box)
        self.values_box = QGroupBox()
        self.values = QFormLayout(self.values_box)
        # A long award name puts its value on the next line rather than widening the column.
        self.values.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        self.value_labels: dict[str, QLabel] = {}  # "base_salary" or an award code -> its value shown
        self.data: YearStatistics | None = None
        self.in_force: ValuesInForce | None = None
        top = QHBoxLayout()
        top.addWidget(self.year_label)
        top.addWidget(self.year)
        top.addStretch(1)
        self.excel_button = ExcelButton(self)
        if excel_export is not None:
            self.excel_button.add_entry("statistics", lambda: self.tr("Export the statistics (Excel)…"),
                                        lambda: self.export_statistics(excel_export))
        top.addWidget(self.excel_button)
        # The side column scrolls: the values in force list every voted award, more than a laptop
        # screen at 150 % shows.
        side_panel = QWidget()
        side = QVBoxLayout(side_panel)
        side.setContentsMargins(0, 0, 0, 0)
        side.addWidget(self.groups_box)
        side.addWidget(self.levels_box)
        side.addWidget(self.values_box)
        side.addStretch(1)
        self.side_scroll = QScrollArea()
        self.side_scroll.setWidgetResizable(True)
        self.side_scroll.setFrameShape(QFrame.Shape.NoFrame)
        self.side_scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.side_scroll.setWidget(side_panel)
        body = QHBoxLayout()
        # The award table has two short columns; the side column's names are long.
        body.addWidget(self.awards, 2)
        body.addWidget(self.side_scroll, 3)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addLayout(body)
        self.year.valueChanged.connect(lambda _v: self.refresh())
        self.refresh()

    def export_statistics(self, excel: ExcelExportService) -> object:
        year = self.year.value()
        return export_workbook(self, excel, "statistics", f"thong-ke-khen-thuong-{year}.xlsx", year=year)

    def refresh(self) -> None:
        self.data = self.statistics.year(self.year.value())
        self.in_force = self.statistics.values_in_force(self.year.value())
        self.retranslate()

    def on_changed(self, changes: Change) -> None:
        self.refresh()

    @staticmethod
    def _clear(form: QFormLayout) -> None:
        while form.rowCount():
            form.removeRow(0)

    def retranslate(self) -> None:
        data = self.data
        if data is None:
            return
        lang = ops.current_lang()
        catalog = self.statistics.catalog  # the one in force now
        self.year_label.setText(self.tr("Year:"))
        self.awards.setHorizontalHeaderLabels([self.tr("Title or form"), self.tr("Number")])
        rows = sorted(data.by_award.items(), key=lambda kv: (-kv[1], kv[0]))
        self.awards.setRowCount(len(rows))
        for row, (code, count) in enumerate(rows):
            try:
                name = award_label(catalog.award(code), catalog, lang)
            except Exception:  # an award from paper records outside the catalog
                name = code
            self.awards.setItem(row, 0, QTableWidgetItem(name))
            self.awards.setItem(row, 1, QTableWidgetItem(str(count)))
        self.groups_box.setTitle(self.tr("Awards to people by priority group"))
        self._clear(self.groups)
        self.groups.addRow(self.tr("People awarded"), QLabel(str(data.people)))
        self.groups.addRow(self.tr("Collectives and households awarded"), QLabel(str(data.collectives)))
        for label, count in ((self.tr("Women"), data.women), (self.tr("Ethnic minorities"), data.ethnic_minority),
                             (self.tr("Direct workers"), data.direct_workers),
                             (self.tr("Border or remote villages"), data.border_or_remote)):
            self.groups.addRow(label, QLabel(f"{count} ({data.share(count):.0%})"))
        self.levels_box.setTitle(self.tr("By level and kind"))
        self._clear(self.levels)
        for level, count in sorted(data.by_level.items()):
            self.levels.addRow(level_text(level), QLabel(str(count)))
        for kind, count in sorted(data.by_kind.items()):
            self.levels.addRow(kind_text(kind), QLabel(str(count)))
        self._show_values(lang)

    def _show_values(self, lang: str) -> None:
        values = self.in_force
        self._clear(self.values)
        self.value_labels.clear()
        if values is None:
            return
        catalog = self.statistics.catalog
        self.values_box.setTitle(self.tr("Values in force at the end of %1").replace("%1", str(values.year)))
        salary = (self.tr("%1 (from %2)").replace("%1", money(values.base_salary))
                  .replace("%2", date_text(values.base_salary_from))
                  if values.base_salary is not None and values.base_salary_from is not None else "—")
        self.value_labels["base_salary"] = QLabel(salary)
        self.values.addRow(self.tr("Base salary"), self.value_labels["base_salary"])
        for code, threshold in values.thresholds.items():
            self.value_labels[code] = QLabel(self.tr("%1% of the votes").replace("%1", f"{threshold:g}"))
            self.values.addRow(award_label(catalog.award(code), catalog, lang), self.value_labels[code])

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)
