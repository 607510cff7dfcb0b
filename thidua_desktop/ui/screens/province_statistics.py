"""Thống kê toàn tỉnh: the province's statistics across its communes for a year or a run of years.

Tabs: awards by commune (with the priority groups), the Ministry's yearly forms (Biểu 0601 …) as
filled from the same figures, the movement indicators combined by their kind, and bar charts.
Exports: the chosen form as Excel or PDF, and Sở Nội vụ's periodic report on the directive (PDF).
"In ▾" opens the print preview of each yearly form and of the directive report for the years chosen
(the print service's ``statistics-form`` and ``directive-report`` kinds, targets "0601-2026", "2026").

``ProvinceStatisticsScreen(service, today, printing=…)``. QtCharts is not in the PySide6 wheel we
ship, so the charts are a small QPainter widget (:class:`BarChart`)."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import date
from pathlib import Path

from PySide6.QtCore import QEvent, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QPainter, QPaintEvent
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from ...domain.statistical_forms import FilledForm
from ...services.document_kinds import STATISTICS
from ...services.printing import PrintService
from ...services.province_statistics import (
    WATCHES,
    FileResult,
    Period,
    ProvinceFigures,
    ProvinceStatisticsService,
    form_target,
    parse_period_target,
    period_target,
)
from .. import dialogs, ops
from ..locale_format import number_text
from ..print_actions import PrintButton, entries_for
from ..reflow import STRETCH, Reflow

_RIGHT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
COMMUNE_FIELDS = ("total", "individual", "collective", "central", "province", "commune", "women",
                  "ethnic_minority", "direct_worker", "border_remote")


def _number(value: float | None) -> str:
    if value is None:
        return "—"
    return number_text(value) if float(value).is_integer() else number_text(value, 2)


def _two_lines(text: str) -> str:
    """A long header on two lines, broken at the space nearest its middle, so columns stay narrow."""
    if len(text) <= 12 or " " not in text:
        return text
    spaces = [i for i, ch in enumerate(text) if ch == " "]
    cut = min(spaces, key=lambda i: abs(i - len(text) / 2))
    return text[:cut] + "\n" + text[cut + 1:]


def _headers(table: QTableWidget, labels: Sequence[str]) -> None:
    table.setHorizontalHeaderLabels([_two_lines(x) for x in labels])
    header = table.horizontalHeader()
    header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
    for column in range(1, len(labels)):
        header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)


class BarChart(QWidget):
    """Horizontal bars, one per (label, value), the value written at the bar's end."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.title = ""
        self.items: list[tuple[str, float]] = []
        self.suffix = ""
        self.setMinimumHeight(120)

    def set_data(self, title: str, items: Sequence[tuple[str, float]], suffix: str = "") -> None:
        self.title, self.items, self.suffix = title, list(items), suffix
        self.updateGeometry()
        self.update()

    def sizeHint(self) -> QSize:
        return QSize(400, 40 + 24 * max(len(self.items), 1))

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        metrics = painter.fontMetrics()
        painter.drawText(QRectF(4, 2, self.width() - 8, 20), Qt.AlignmentFlag.AlignLeft, self.title)
        if not self.items:
            return
        label_width = min(max(metrics.horizontalAdvance(label) for label, _v in self.items) + 8, self.width() * 0.4)
        value_room = metrics.horizontalAdvance("9999.9" + self.suffix) + 8
        plot = max(self.width() - label_width - value_room - 8, 10)
        top = max(value for _l, value in self.items) or 1.0
        bar = QColor("#4a7ab5")
        for index, (label, value) in enumerate(self.items):
            y = 26 + index * 24
            painter.setPen(self.palette().text().color())
            painter.drawText(QRectF(4, y, label_width - 8, 20), _RIGHT,
                             metrics.elidedText(label, Qt.TextElideMode.ElideRight, int(label_width - 8)))
            length = plot * value / top
            painter.fillRect(QRectF(label_width, y + 3, length, 14), bar)
            painter.drawText(QRectF(label_width + length + 4, y, value_room, 20), Qt.AlignmentFlag.AlignVCenter,
                             _number(value) + self.suffix)
        painter.end()


class ProvinceStatisticsScreen(QWidget, ops.Watcher):
    watches = WATCHES
    live = False  # reads every commune's award history: refreshed when next shown

    def __init__(self, service: ProvinceStatisticsService, today: date | None = None,
                 parent: QWidget | None = None, *, printing: PrintService | None = None) -> None:
        super().__init__(parent)
        self.service = service
        self.printing = printing
        year = (today or date.today()).year
        self.first_year, self.last_year = QSpinBox(), QSpinBox()
        for spin in (self.first_year, self.last_year):
            spin.setRange(2000, 2100)
            spin.setValue(year)
        self.from_label, self.to_label = QLabel(), QLabel()
        # Shown in place of an error box while the years are reversed: the screen also refreshes on
        # changes made elsewhere, and a dialog then would pop up over another screen.
        self.year_hint = QLabel()
        self.year_hint.setStyleSheet("color: #b00020;")
        self.year_hint.setVisible(False)
        self.form_choice = QComboBox()
        self.excel_button, self.pdf_button, self.report_button = QPushButton(), QPushButton(), QPushButton()
        # Hidden without a print service (or one that knows neither statistics kind).
        self.print_button = PrintButton(printing, self)
        self.tabs = QTabWidget()
        self.communes = QTableWidget(0, 1 + len(COMMUNE_FIELDS))
        self.form_table = QTableWidget(0, 1)
        self.form_note = QLabel()
        self.form_note.setWordWrap(True)
        self.indicators = QTableWidget(0, 7)
        self.commune_chart, self.group_chart = BarChart(), BarChart()
        for table in (self.communes, self.form_table, self.indicators):
            table.verticalHeader().setVisible(False)
            table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
            table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        form_page = QWidget()
        form_layout = QVBoxLayout(form_page)
        form_layout.addWidget(self.form_table)
        form_layout.addWidget(self.form_note)
        chart_page = QWidget()
        charts = QHBoxLayout(chart_page)
        charts.addWidget(self.commune_chart, 1)
        charts.addWidget(self.group_chart, 1)
        for page in (self.communes, form_page, self.indicators, chart_page):
            self.tabs.addTab(page, "")
        # The years, then the form and its exports on the right; on a laptop at 150% the exports
        # go to a second line (on one line they made the window wider than the screen).
        self.top = Reflow([([self.from_label, self.first_year, self.to_label, self.last_year], 0), STRETCH,
                           ([self.form_choice, self.excel_button, self.pdf_button], 0),
                           ([self.report_button, self.print_button], 0)])
        layout = QVBoxLayout(self)
        layout.addWidget(self.top)
        layout.addWidget(self.year_hint)
        layout.addWidget(self.tabs)
        self.figures: ProvinceFigures | None = None
        self.form: FilledForm | None = None
        basis, layouts = service.forms()
        self.basis = basis
        for layout_ in layouts:
            self.form_choice.addItem(f"Biểu {layout_.number}", layout_.number)
        self.form_numbers = [layout_.number for layout_ in layouts]
        # Every kind printed from a period, in the registry's order: one entry per form for the form kind.
        self.print_button.add_group(self._print_header, self.print_target,
                                    entries_for(STATISTICS, {"statistics-form": self._form_variants}))
        self.first_year.valueChanged.connect(lambda _v: self.refresh())
        self.last_year.valueChanged.connect(lambda _v: self.refresh())
        self.form_choice.currentIndexChanged.connect(lambda _i: self._show_form())
        self.excel_button.clicked.connect(lambda: self.export_form("xlsx"))
        self.pdf_button.clicked.connect(lambda: self.export_form("pdf"))
        self.report_button.clicked.connect(self.export_report)
        self.retranslate()
        self.refresh()

    # Data --------------------------------------------------------------------------------------------
    def period(self) -> Period | None:
        return ops.run(self, lambda: self.service.period(self.first_year.value(), self.last_year.value()))

    def refresh(self) -> None:
        reversed_years = self.first_year.value() > self.last_year.value()
        self.year_hint.setVisible(reversed_years)
        if reversed_years:
            return
        period = self.period()
        if period is None:
            return
        self.figures = ops.run(self, lambda: self.service.figures(period))
        self._show()

    def on_changed(self, changes: object) -> None:
        self.refresh()

    def _show(self) -> None:
        data = self.figures
        if data is None:
            return
        self.communes.setRowCount(len(data.communes) + 1)
        for row, commune in enumerate(data.communes):
            self._put(self.communes, row, [commune.name, *(getattr(commune, f) for f in COMMUNE_FIELDS)])
        totals = [sum(getattr(c, f) for c in data.communes) for f in COMMUNE_FIELDS]
        self._put(self.communes, len(data.communes), [self.tr("Whole province"), *totals], bold=True)
        self.indicators.setRowCount(len(data.indicators))
        for row, ind in enumerate(data.indicators):
            self._put(self.indicators, row, [ind.name, ind.movement_code, ind.unit, self._method(ind.method),
                                             _number(ind.value), ind.reporting, ind.met])
        self.commune_chart.set_data(self.tr("Awards by commune"), [(c.name, float(c.total)) for c in data.communes])
        people = data.individuals
        self.group_chart.set_data(self.tr("Awards to people by group (%)"), [
            (label, 100.0 * data.groups.get(key, 0) / people if people else 0.0)
            for key, label in self._groups()], "%")
        self._show_form()

    def _show_form(self) -> None:
        period = self.period()
        number = self.form_choice.currentData()
        if self.figures is None or period is None or number is None:
            return
        self.form = self.service.fill_form(str(number), period, self.figures)
        columns = self.form.layout.columns
        self.form_table.setColumnCount(1 + len(columns))
        _headers(self.form_table, [self.tr("Item"), *(c.label for c in columns)])
        self.form_table.setRowCount(len(self.form.rows))
        for row, filled in enumerate(self.form.rows):
            self._put(self.form_table, row, ["    " * filled.indent + filled.label, *filled.values],
                      bold=filled.indent == 0)
        note = f"Biểu số {self.form.layout.number} — {self.form.layout.title}. {self.basis.circular}."
        if not self.form.layout.verified:
            note += " " + self.tr("Layout to be checked against the circular's annex.")
        if self.basis.succeeded_by:
            note += " " + self.tr("May be replaced by: %1.").replace("%1", self.basis.succeeded_by)
        self.form_note.setText(note)

    @staticmethod
    def _put(table: QTableWidget, row: int, values: Sequence[object], bold: bool = False) -> None:
        for column, value in enumerate(values):
            item = QTableWidgetItem(str(value))
            if column:
                item.setTextAlignment(_RIGHT)
            if bold:
                font = item.font()
                font.setBold(True)
                item.setFont(font)
            table.setItem(row, column, item)

    def cell_value(self, row_key: str, column_key: str) -> int:
        """The on-screen form's figure (for a reader of the screen, and the tests)."""
        assert self.form is not None
        columns = [c.key for c in self.form.layout.columns]
        row = [r.key for r in self.form.rows].index(row_key)
        item = self.form_table.item(row, 1 + columns.index(column_key))
        assert item is not None  # every cell of the form is filled when it is shown
        return int(item.text())

    # Exports -----------------------------------------------------------------------------------------
    def _save(self, suggested: str, filters: str, write: Callable[[Path], FileResult]) -> FileResult | None:
        path = dialogs.save_file(self, self.tr("Save as"), suggested, filters)
        if not path:
            return None
        result = ops.run(self, lambda: write(Path(path)))
        if result is not None:
            dialogs.info(self, self.tr("Saved"), self.tr("Saved to %1").replace("%1", str(result.path)))
        return result

    def export_form(self, kind: str) -> FileResult | None:
        period, number = self.period(), str(self.form_choice.currentData())
        if period is None:
            return None
        name = f"bieu-{number}-{period.first_year}" + ("" if period.first_year == period.last_year
                                                       else f"-{period.last_year}")
        if kind == "xlsx":
            return self._save(f"{name}.xlsx", self.tr("Excel workbook (*.xlsx)"),
                              lambda path: self.service.export_form(number, period, path))
        return self._save(f"{name}.pdf", self.tr("PDF document (*.pdf)"),
                          lambda path: self.service.export_form_pdf(number, period, path))

    def export_report(self) -> FileResult | None:
        period = self.period()
        if period is None:
            return None
        return self._save(f"bao-cao-chi-thi-12-{period.first_year}.pdf", self.tr("PDF document (*.pdf)"),
                          lambda path: self.service.export_directive_report(period, path))

    # Printing ----------------------------------------------------------------------------------------
    def print_target(self) -> str | None:
        """The years chosen as a print target ("2026", "2024-2026"); None (entries greyed) while
        the run of years is reversed. Read quietly: the menu opening must not raise a dialog."""
        first, last = self.first_year.value(), self.last_year.value()
        return period_target(Period(first, last)) if first <= last else None

    def _form_variants(self, _printing: PrintService, target: str) -> list[tuple[str, str]]:
        period = parse_period_target(target)
        return [(form_target(number, period), f"Biểu {number}") for number in self.form_numbers]

    def _print_header(self) -> str:
        first, last = self.first_year.value(), self.last_year.value()
        if first > last:
            return self.tr("Choose a first year no later than the last")
        years = (self.tr("year %1").replace("%1", str(first)) if first == last
                 else self.tr("years %1–%2").replace("%1", str(first)).replace("%2", str(last)))
        return self.tr("Statistics for %1").replace("%1", years)

    # Words -------------------------------------------------------------------------------------------
    def _groups(self) -> list[tuple[str, str]]:
        return [("women", self.tr("Women")), ("ethnic_minority", self.tr("Ethnic minorities")),
                ("direct_worker", self.tr("Direct workers")), ("border_remote", self.tr("Border or remote villages"))]

    def _method(self, method: str) -> str:
        return {"sum": self.tr("Sum"), "weighted_mean": self.tr("Weighted mean"), "mean": self.tr("Mean"),
                "none": self.tr("No data")}.get(method, method)

    def retranslate(self) -> None:
        self.from_label.setText(self.tr("From year:"))
        self.year_hint.setText(self.tr("Choose a first year no later than the last"))
        self.to_label.setText(self.tr("to:"))
        self.excel_button.setText(self.tr("Form to Excel…"))
        self.pdf_button.setText(self.tr("Form to PDF…"))
        self.report_button.setText(self.tr("Directive report (PDF)…"))
        for index, title in enumerate((self.tr("By commune"), self.tr("Yearly forms"), self.tr("Indicators"),
                                       self.tr("Charts"))):
            self.tabs.setTabText(index, title)
        _headers(self.communes, [
            self.tr("Commune"), self.tr("Awards"), self.tr("People"), self.tr("Collectives"), self.tr("Central"),
            self.tr("Province"), self.tr("Commune level"), *(label for _k, label in self._groups())])
        _headers(self.indicators, [
            self.tr("Indicator"), self.tr("Movement"), self.tr("Unit"), self.tr("Combined as"),
            self.tr("Province figure"), self.tr("Communes reporting"), self.tr("Communes meeting target")])
        self._show()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)
