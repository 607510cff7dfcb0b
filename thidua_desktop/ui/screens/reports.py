"""Báo cáo: the year's award statistics (by award, level and kind, and the directive's priority
groups). Printed reports and Excel exports build on the same figures."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QEvent
from PySide6.QtWidgets import (
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ...rules.catalog import Catalog
from ...services.excel_export import ExcelExportService
from ...services.statistics import StatisticsService, YearStatistics
from .. import ops
from ..excel_actions import ExcelButton, export_workbook
from ..texts import award_label, kind_text, level_text


class ReportsScreen(QWidget):
    def __init__(self, statistics: StatisticsService, catalog: Catalog | None = None, today: date | None = None,
                 parent: QWidget | None = None, excel_export: ExcelExportService | None = None) -> None:
        super().__init__(parent)
        self.statistics = statistics
        self.catalog = catalog or statistics.catalog
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
        self.data: YearStatistics | None = None
        top = QHBoxLayout()
        top.addWidget(self.year_label)
        top.addWidget(self.year)
        top.addStretch(1)
        self.excel_button = ExcelButton(self)
        if excel_export is not None:
            self.excel_button.add_entry("statistics", lambda: self.tr("Export the statistics (Excel)…"),
                                        lambda: self.export_statistics(excel_export))
        top.addWidget(self.excel_button)
        side = QVBoxLayout()
        side.addWidget(self.groups_box)
        side.addWidget(self.levels_box)
        side.addStretch(1)
        body = QHBoxLayout()
        body.addWidget(self.awards, 3)
        body.addLayout(side, 2)
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
        self.retranslate()

    @staticmethod
    def _clear(form: QFormLayout) -> None:
        while form.rowCount():
            form.removeRow(0)

    def retranslate(self) -> None:
        data = self.data
        if data is None:
            return
        lang = ops.current_lang()
        self.year_label.setText(self.tr("Year:"))
        self.awards.setHorizontalHeaderLabels([self.tr("Title or form"), self.tr("Number")])
        rows = sorted(data.by_award.items(), key=lambda kv: (-kv[1], kv[0]))
        self.awards.setRowCount(len(rows))
        for row, (code, count) in enumerate(rows):
            try:
                name = award_label(self.catalog.award(code), self.catalog, lang)
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

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)
