"""Tổng quan toàn tỉnh: the provincial office's first screen. One row per enrolled commune: the
last bundle received and sent, dossiers waiting for review, returned dossiers not resubmitted,
results and provincial decisions not yet sent back, conflicts, duplicate findings not yet answered,
pending records and keys to confirm; late and blocked
communes are coloured, and the filters bring them to the top of the officer's attention.

``ProvinceOverviewScreen(service, today)``; ``open_commune`` asks the main window for the Đồng
bộ screen with that commune selected (double-click, Enter, or the button)."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime

from PySide6.QtCore import QEvent, QItemSelectionModel, QObject, QSize, Qt, QTimer, Signal
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QButtonGroup,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from ...domain.text import collation_string
from ...services.changes import Change
from ...services.province_overview import (
    DEFAULT_LATE_DAYS,
    FILTERS,
    MAX_LATE_DAYS,
    CommuneRow,
    ProvinceOverview,
    ProvinceOverviewService,
    select_rows,
)
from .. import ops
from ..lists import enter_opens
from ..locale_format import date_text
from ..models.sortable import SortableTableModel, SortColumn
from ..screen_parts import fit_stretch_column, legend_html

BLOCKED_COLOUR = QColor("#f9d6d5")  # needs an officer now: a key to confirm, records held back
LATE_COLOUR = QColor("#fdebc0")  # silent for too long
REVOKED_COLOUR = QColor("#8a8a8a")  # text of a commune no longer accepted
STATUS_ORDER = {"blocked": 0, "late": 1, "ok": 2, "revoked": 3}  # the most urgent first
_RIGHT = Qt.AlignmentFlag.AlignRight
COUNTS = ("waiting_review", "returned_open", "results_unsent", "decided_unsent", "conflicts", "duplicates_open",
          "quarantined", "keys_waiting")


def _day(moment: datetime | None) -> str:
    return date_text(moment, "—")


def _count(value: int) -> str:
    return str(value) if value else ""  # a zero is blank: the numbers that need action stand out


class _CompactHeader(QHeaderView):
    """A header that leaves the sort arrow a small room instead of the section's full height:
    Qt reserves the height beside each label, twice over for a two-line label, although the
    Fusion and Windows styles draw the arrow above the label. Thirteen columns (each explained in
    its tooltip) then fit a 1366-pixel screen without scrolling sideways."""

    ARROW = 8

    def sectionSizeFromContents(self, logicalIndex: int) -> QSize:
        size = super().sectionSizeFromContents(logicalIndex)
        if self.isSortIndicatorShown() and self.orientation() == Qt.Orientation.Horizontal:
            size.setWidth(max(size.width() - size.height() + self.ARROW, self.minimumSectionSize()))
        return size


def _attr(name: str) -> Callable[[CommuneRow], object]:
    """A column's getter by field name."""
    return lambda row: getattr(row, name)


def _counted(name: str) -> Callable[[CommuneRow], object]:
    """A count column's shown text by field name (a zero blank, as ``_count``)."""
    return lambda row: _count(getattr(row, name))


class ProvinceOverviewScreen(QWidget, ops.Watcher):
    open_commune = Signal(str)  # a commune code: show it on the Đồng bộ screen
    # What it counts comes from bundles (sync), nominations and their reviews; plus its own setting.
    watches = Change.SYNC | Change.NOMINATIONS | Change.DECISIONS | Change.SETTINGS
    live = True  # a few grouped queries: cheap enough to stay current while hidden

    def __init__(self, service: ProvinceOverviewService, today: date | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.service = service
        self.today = today
        self.data: ProvinceOverview | None = None
        self.filter_buttons: dict[str, QPushButton] = {}
        self.filters = QButtonGroup(self)
        self.filters.setExclusive(True)
        for kind in FILTERS:
            button = QPushButton()
            button.setCheckable(True)
            self.filter_buttons[kind] = button
            self.filters.addButton(button)
        self.filter_buttons["all"].setChecked(True)
        self.filters.buttonToggled.connect(self._filter_toggled)
        self.search = QLineEdit()
        self.search.setClearButtonEnabled(True)
        self.search.textChanged.connect(lambda _t: self.apply_filter())  # in memory: no query to wait for
        self.late_label = QLabel()
        self.late_days = QSpinBox()
        self.late_days.setRange(1, MAX_LATE_DAYS)
        self.late_days.setValue(DEFAULT_LATE_DAYS)
        # Saved once the officer stops clicking the arrows, not at every step.
        self._save_timer = QTimer(self, singleShot=True, interval=500)
        self._save_timer.timeout.connect(self.save_late_days)
        self.late_days.valueChanged.connect(lambda _v: self._save_timer.start())
        self.open_button = QPushButton()
        self.open_button.clicked.connect(self.open_selected)
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.legend = QLabel()
        self.legend.setWordWrap(True)
        self.legend.setTextFormat(Qt.TextFormat.RichText)

        self.table = QTableView()
        self.table.setHorizontalHeader(_CompactHeader(Qt.Orientation.Horizontal, self.table))
        self.model = SortableTableModel(self._columns(), self, background=self._background,
                                        foreground=self._foreground, tooltip=self._row_tip)
        self.table.setModel(self.model)
        self.table.setSortingEnabled(True)
        self.table.horizontalHeader().setSortIndicator(1, Qt.SortOrder.AscendingOrder)  # by name at first
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setAlternatingRowColors(False)  # the colours say late or blocked; stripes would blur them
        self.table.verticalHeader().setVisible(False)
        self.table.setWordWrap(False)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)  # the commune's name takes the rest
        header.setDefaultAlignment(Qt.AlignmentFlag.AlignCenter | Qt.AlignmentFlag.AlignVCenter)
        self.table.doubleClicked.connect(lambda index: self._open_row(index.row()))
        self.enter_shortcuts = enter_opens(self.table, self.open_selected)
        self.table.selectionModel().selectionChanged.connect(lambda *_a: self._selection_changed())
        self.table.viewport().installEventFilter(self)

        filters = QHBoxLayout()
        for button in self.filter_buttons.values():
            filters.addWidget(button)
        filters.addWidget(self.search, 1)
        bottom = QHBoxLayout()  # the setting beside the legend it explains: the filters keep the width
        bottom.addWidget(self.legend, 1)
        late = QWidget()
        late_row = QHBoxLayout(late)
        late_row.setContentsMargins(0, 0, 0, 0)
        late_row.addWidget(self.late_label)
        late_row.addWidget(self.late_days)
        bottom.addWidget(late, 0, Qt.AlignmentFlag.AlignTop)
        bottom.addSpacing(12)
        bottom.addWidget(self.open_button, 0, Qt.AlignmentFlag.AlignTop)
        layout = QVBoxLayout(self)
        layout.addLayout(filters)
        layout.addWidget(self.summary)
        layout.addWidget(self.table, 1)
        layout.addLayout(bottom)
        self.retranslate()
        self.refresh()

    # Columns -------------------------------------------------------------------------------
    def _columns(self) -> list[SortColumn]:
        titles, tips = self._titles()
        getters: list[tuple[Callable[[CommuneRow], object], Callable[[CommuneRow], object] | None]] = [
            (_attr("unit_code"), None),
            (_attr("unit_name"), lambda r: collation_string(r.unit_name)),  # Vietnamese alphabet order
            (self._status_text, lambda r: (STATUS_ORDER.get(r.status, 9), -(r.days_silent or 0))),
            (lambda r: _day(r.last_received), _attr("last_received")),
            (lambda r: _day(r.last_sent), _attr("last_sent")),
        ]
        getters += [(_counted(name), _attr(name)) for name in COUNTS]
        aligns = [Qt.AlignmentFlag.AlignLeft] * 5 + [_RIGHT] * len(COUNTS)
        return [SortColumn(title, value, key, align, tip)
                for title, tip, (value, key), align in zip(titles, tips, getters, aligns, strict=True)]

    def _titles(self) -> tuple[list[str], list[str]]:
        titles = [self.tr("Code"), self.tr("Commune"), self.tr("Status"), self.tr("Last\nreceived"),
                  self.tr("Last\nsent"), self.tr("Waiting\nreview"), self.tr("Returned,\nnot resent"),
                  self.tr("Results\nnot sent"), self.tr("Decided,\nnot sent"), self.tr("Conflicts"),
                  self.tr("Duplicates"), self.tr("Pending\nrecords"),
                  self.tr("Keys to\nconfirm")]
        tips = ["", "", self.tr("Blocked: a key to confirm, pending records or conflicts. Late: nothing received "
                                "for the number of days set above."),
                self.tr("When the commune's last bundle was imported"),
                self.tr("When this office last wrote a bundle for the commune"),
                self.tr("Dossiers submitted, received or in review, with no verdict yet on their current version"),
                self.tr("Dossiers returned for more information that the commune has not submitted again yet"),
                self.tr("Verdicts (approved, returned, rejected) not yet written into a bundle for the commune"),
                self.tr("Dossiers awarded by a provincial decision whose result is not yet written into a bundle "
                        "for the commune"),
                self.tr("Data conflicts not yet looked at, between the commune's version of a record and another"),
                self.tr("Duplicate findings about the commune's people or nominations not yet answered on the "
                        "Duplicates screen"),
                self.tr("Records from the commune's bundles that could not be applied and wait on the Sync screen"),
                self.tr("Different keys that signed bundles claiming to come from the commune: compare the "
                        "fingerprint over the phone on the Sync screen")]
        return titles, tips

    def _status_text(self, row: CommuneRow) -> str:
        return {"blocked": self.tr("Blocked"), "late": self.tr("Late"), "ok": self.tr("Up to date"),
                "revoked": self.tr("Revoked")}.get(row.status, row.status)

    def _background(self, row: CommuneRow) -> QColor | None:
        return {"blocked": BLOCKED_COLOUR, "late": LATE_COLOUR}.get(row.status)

    def _foreground(self, row: CommuneRow) -> QColor | None:
        if row.status in ("blocked", "late"):
            return QColor("#000000")  # dark text on the light colour, in a dark theme too
        return REVOKED_COLOUR if row.status == "revoked" else None

    def _row_tip(self, row: CommuneRow) -> str:
        """Why a row is coloured, in a sentence or two."""
        reasons = []
        if row.keys_waiting:
            reasons.append(self.tr("%n bundle(s) wait until its key is confirmed on the Sync screen", "",
                                   row.bundles_waiting))
        if row.quarantined:
            reasons.append(self.tr("%n pending record(s)", "", row.quarantined))
        if row.conflicts:
            reasons.append(self.tr("%n data conflict(s)", "", row.conflicts))
        if row.late and row.days_silent is not None:
            reasons.append(self.tr("nothing received for %n day(s)", "", row.days_silent))
        if row.status == "revoked":
            reasons.append(self.tr("revoked: its bundles are refused until it enrols again"))
        return f"{row.unit_name} ({row.unit_code}): " + "; ".join(reasons) if reasons else ""

    # Data ----------------------------------------------------------------------------------
    def refresh(self) -> None:
        data = ops.run(self, lambda: self.service.overview(self.today))
        if data is None:
            return
        self.data = data
        if self.late_days.value() != data.late_days:
            self._save_timer.stop()
            self.late_days.blockSignals(True)  # the stored value shown, not saved again
            self.late_days.setValue(data.late_days)
            self.late_days.blockSignals(False)
        self.apply_filter()

    def on_changed(self, changes: Change) -> None:
        self.refresh()

    def apply_filter(self) -> None:
        """Show the rows the chosen filter and the search let through; the selection stays on its commune."""
        chosen = self.selected_code()
        rows = select_rows(self.data.rows, self.current_filter(), self.search.text()) if self.data else []
        self.model.set_rows(rows)
        if chosen is not None:
            self.select_commune(chosen)
        self.retranslate_counts()
        self._selection_changed()
        self.fit_columns()

    def fit_columns(self) -> None:
        """The commune's name takes the width left over, or keeps its full width and the table
        scrolls sideways (screen_parts.fit_stretch_column)."""
        fit_stretch_column(self.table, 1)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.table.viewport() and event.type() == QEvent.Type.Resize:
            self.fit_columns()  # the viewport has its new width now (the screen's own resize comes earlier)
        return super().eventFilter(watched, event)

    def _filter_toggled(self, _button: QAbstractButton, checked: bool) -> None:
        if checked:  # the button turned off is told too: filter once
            self.apply_filter()

    def current_filter(self) -> str:
        return next((kind for kind, button in self.filter_buttons.items() if button.isChecked()), "all")

    def set_filter(self, kind: str) -> None:
        self.filter_buttons[kind].setChecked(True)

    def save_late_days(self) -> None:
        days = self.late_days.value()
        if self.data is not None and days == self.data.late_days:
            return
        self._save_timer.stop()
        if ops.perform(self, lambda: self.service.set_late_days(days)).ok and ops.root_of(self) is None:
            self.refresh()  # in the main window, the SETTINGS change it announces refreshes this screen

    # Selection and the way to the Sync screen -----------------------------------------------
    def selected_code(self) -> str | None:
        rows = self.table.selectionModel().selectedRows()
        return self.model.row_object(rows[0].row()).unit_code if rows else None

    def select_commune(self, code: str) -> bool:
        for row in range(self.model.rowCount()):
            if self.model.row_object(row).unit_code == code:
                self.table.selectionModel().select(
                    self.model.index(row, 0), QItemSelectionModel.SelectionFlag.ClearAndSelect
                    | QItemSelectionModel.SelectionFlag.Rows)
                return True
        return False

    def _selection_changed(self) -> None:
        self.open_button.setEnabled(self.selected_code() is not None)

    def _open_row(self, row: int) -> None:
        if 0 <= row < self.model.rowCount():
            self.open_commune.emit(self.model.row_object(row).unit_code)

    def open_selected(self) -> None:
        code = self.selected_code()
        if code is not None:
            self.open_commune.emit(code)

    # Texts ---------------------------------------------------------------------------------
    def retranslate(self) -> None:
        titles, tips = self._titles()
        self.model.set_titles(titles, tips)
        self.search.setPlaceholderText(self.tr("Search a commune by name or code (accents optional)"))
        self.late_label.setText(self.tr("Late after"))
        self.late_days.setSuffix(self.tr(" days"))
        self.late_days.setToolTip(self.tr("A commune is late when nothing has arrived from it for this many days "
                                          "(counted from its enrolment while it has never sent anything)."))
        self.open_button.setText(self.tr("Open on the Sync screen"))
        self.open_button.setToolTip(self.tr("Confirm its key, look at its pending records and conflicts, or "
                                            "write a bundle for it (double-click a row does the same)."))
        self.retranslate_counts()

    def retranslate_counts(self) -> None:
        rows = self.data.rows if self.data else []
        counts = {"all": len(rows), "late": sum(1 for r in rows if r.late),
                  "blocked": sum(1 for r in rows if r.blocked),
                  "waiting_review": sum(1 for r in rows if r.waiting_review)}
        labels = {"all": self.tr("All (%1)"), "late": self.tr("Late (%1)"), "blocked": self.tr("Blocked (%1)"),
                  "waiting_review": self.tr("Waiting review (%1)")}
        for kind, button in self.filter_buttons.items():
            button.setText(labels[kind].replace("%1", str(counts[kind])))
        if not rows:
            self.summary.setText(self.tr("No commune is enrolled yet: create their enrolment files on the Sync "
                                         "screen."))
        else:
            self.summary.setText(
                self.tr("Showing %1 of %2 communes · %3 dossiers waiting for review · %4 results not yet sent")
                .replace("%1", str(self.model.total)).replace("%2", str(len(rows)))
                .replace("%3", str(sum(r.waiting_review for r in rows)))
                .replace("%4", str(sum(r.results_unsent for r in rows))))
        days = self.data.late_days if self.data else self.late_days.value()
        self.legend.setText(legend_html([
            (BLOCKED_COLOUR, self.tr("Blocked: a key to confirm, pending records or conflicts")),
            (LATE_COLOUR, self.tr("Late: nothing received for %1 days or more").replace("%1", str(days)))]))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
            self.model.set_rows(self.model.rows)  # the status words and tooltips are translated too
        super().changeEvent(event)
