"""Hàng chờ thẩm định: the provincial office's queue of the dossiers its communes submitted, by round
(đợt), award, commune and status, with each round's review deadline. Overdue dossiers are red,
dossiers the commune changed since they were last reviewed are amber and say so; every column
sorts. Opening a row (double-click, Enter, the button) shows its review in DossierReviewScreen.

``ReviewQueueScreen(queue, dossiers, printing, today)``."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from PySide6.QtCore import QEvent, QItemSelectionModel, QObject, Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from ...domain.text import search_key
from ...services.changes import Change
from ...services.dossier_review import DossierReviewService
from ...services.printing import PrintService
from ...services.review_queue import QueueItem, ReviewQueue, ReviewQueueService, ReviewRound, select_items
from .. import ops
from ..lists import enter_opens
from ..models.sortable import SortableTableModel, SortColumn
from ..reflow import Reflow
from ..screen_parts import fit_stretch_column, legend_html
from ..texts import status_text
from .movement_forms import compact, dmy

OVERDUE_COLOUR = QColor("#f9d6d5")  # waiting past its round's deadline
CHANGED_COLOUR = QColor("#fdebc0")  # the commune changed the dossier since it was reviewed
_RIGHT = Qt.AlignmentFlag.AlignRight
_CENTER = Qt.AlignmentFlag.AlignCenter
STATUSES = ("waiting", "approved", "returned", "rejected", "all")


class ReviewQueueScreen(QWidget, ops.Watcher):
    # Dossiers and their reviews (NOMINATIONS), what bundles bring (SYNC), and a newer catalog's names.
    watches = Change.NOMINATIONS | Change.SYNC | Change.CATALOG
    # Visible (behind an open dossier too) it follows every change at once; hidden, it re-reads when
    # shown: with every commune's dossiers (16,800 at 56 × 300) a read takes about half a second.
    live = False

    def __init__(self, queue: ReviewQueueService, dossiers: DossierReviewService,
                 printing: PrintService | None = None, today: date | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.service = queue
        self.dossiers = dossiers
        self.printing = printing
        self.today = today
        self.data: ReviewQueue | None = None
        self.dossier_window: QWidget | None = None
        self.rounds = compact(QComboBox(), 22)
        self.awards = compact(QComboBox(), 20)
        self.communes = compact(QComboBox(), 16)
        self.statuses = QComboBox()
        for box in (self.rounds, self.awards, self.communes, self.statuses):
            box.currentIndexChanged.connect(lambda _i: self.apply_filter())
        self.search = QLineEdit()
        self.search.setClearButtonEnabled(True)
        self.search.textChanged.connect(lambda _t: self.apply_filter())
        self.deadline_label = QLabel()
        self.deadline = QLineEdit()
        self.deadline.returnPressed.connect(self.save_deadline)
        self.deadline_button = QPushButton()
        self.deadline_button.clicked.connect(self.save_deadline)
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.legend = QLabel()
        self.legend.setWordWrap(True)
        self.legend.setTextFormat(Qt.TextFormat.RichText)
        self.open_button = QPushButton()
        self.open_button.clicked.connect(self.open_selected)

        self.table = QTableView()
        self.model = SortableTableModel(self._columns(), self, background=self._background,
                                        foreground=self._foreground, tooltip=self._row_tip)
        self.table.setModel(self.model)
        self.table.setSortingEnabled(True)
        self.table.horizontalHeader().setSortIndicator(5, Qt.SortOrder.DescendingOrder)  # the longest wait first
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().setVisible(False)
        self.table.setWordWrap(False)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)  # the nominee takes what is left
        header.setDefaultAlignment(Qt.AlignmentFlag.AlignCenter | Qt.AlignmentFlag.AlignVCenter)
        self.table.doubleClicked.connect(lambda index: self.open_row(index.row()))
        self.enter_shortcuts = enter_opens(self.table, self.open_selected)
        self.table.selectionModel().selectionChanged.connect(lambda *_a: self._selection_changed())
        self.table.viewport().installEventFilter(self)

        self.filter_labels = [QLabel() for _ in range(4)]
        for label, box in zip(self.filter_labels, (self.rounds, self.awards, self.communes, self.statuses),
                              strict=True):
            label.setBuddy(box)
        # One line at 100%, two on a laptop at 150% (the four filters side by side are ~1050 pixels).
        self.filters = Reflow([([label, (box, 1)], 1) for label, box in zip(
            self.filter_labels, (self.rounds, self.awards, self.communes, self.statuses), strict=True)])
        search_row = QHBoxLayout()
        search_row.addWidget(self.search, 1)
        search_row.addSpacing(12)
        search_row.addWidget(self.deadline_label)
        search_row.addWidget(self.deadline)
        search_row.addWidget(self.deadline_button)
        bottom = QHBoxLayout()
        bottom.addWidget(self.legend, 1)
        bottom.addWidget(self.open_button, 0, Qt.AlignmentFlag.AlignTop)
        layout = QVBoxLayout(self)
        layout.addWidget(self.filters)
        layout.addLayout(search_row)
        layout.addWidget(self.summary)
        layout.addWidget(self.table, 1)
        layout.addLayout(bottom)
        self.retranslate()
        self.refresh()

    # Columns -------------------------------------------------------------------------------
    def _columns(self) -> list[SortColumn]:
        titles, tips = self._titles()
        getters: list[tuple[Callable[[QueueItem], object], Callable[[QueueItem], object] | None, Qt.AlignmentFlag]] = [
            (lambda i: i.nominee_name, lambda i: i.nominee_sort, Qt.AlignmentFlag.AlignLeft),
            (lambda i: i.unit_name, lambda i: search_key(i.unit_name), Qt.AlignmentFlag.AlignLeft),
            (lambda i: i.award_name, lambda i: (i.award_name, i.award_code), Qt.AlignmentFlag.AlignLeft),
            (self._round_of, lambda i: (-i.year, i.round_key), Qt.AlignmentFlag.AlignLeft),
            (lambda i: dmy(i.submitted_on) or "—", lambda i: i.submitted_on, _CENTER),
            (lambda i: "" if i.days_waiting is None else str(i.days_waiting),
             lambda i: -1 if i.days_waiting is None else i.days_waiting, _RIGHT),  # no wait: last when longest first
            (lambda i: dmy(i.deadline) or "—", lambda i: i.deadline, _CENTER),
            (self._status_of, lambda i: (not i.overdue, not i.waiting, i.status), Qt.AlignmentFlag.AlignLeft),
            (lambda i: str(i.version), lambda i: i.version, _RIGHT),
            (lambda i: self.tr("Yes") if i.changed_since_review else "", lambda i: not i.changed_since_review, _CENTER),
        ]
        return [SortColumn(title, value, key, align, tip)
                for title, tip, (value, key, align) in zip(titles, tips, getters, strict=True)]

    def _titles(self) -> tuple[list[str], list[str]]:
        titles = [self.tr("Person or\ncollective"), self.tr("Commune"), self.tr("Title or\nform"), self.tr("Round"),
                  self.tr("Submitted on"), self.tr("Days\nwaiting"), self.tr("Review\ndeadline"), self.tr("Status"),
                  self.tr("Version"), self.tr("Changed since\nreview")]
        tips = ["", "", "", self.tr("The round (đợt): the communes' batches of one year and kind"),
                self.tr("When the commune last submitted the dossier"),
                self.tr("Days since it was submitted, while it waits for the province"),
                self.tr("The review deadline the province set for the dossier's round"), "",
                self.tr("The version of the dossier the commune sent (its change counter): a review records the "
                        "version it looked at"),
                self.tr("The commune changed the dossier after the province last reviewed it")]
        return titles, tips

    def round_text(self, review_round: ReviewRound | None, with_deadline: bool = True) -> str:
        if review_round is None:
            return ""
        kinds = {"annual": self.tr("Annual %1"), "thematic": self.tr("Thematic %1"), "ad_hoc": self.tr("Ad hoc %1")}
        text = kinds.get(review_round.kind, "%1").replace("%1", str(review_round.year))
        if review_round.movement_name:
            text += f" · {review_round.movement_name}"
        if with_deadline and review_round.deadline is not None:
            text += " " + self.tr("(deadline %1)").replace("%1", dmy(review_round.deadline))
        return text

    def _round_of(self, item: QueueItem) -> str:
        found = next((r for r in self.data.rounds if r.key == item.round_key), None) if self.data else None
        return self.round_text(found, with_deadline=False) or item.batch_name

    def _status_of(self, item: QueueItem) -> str:
        text = status_text(item.status)
        if item.with_commune:
            text += " · " + self.tr("being corrected")
        if item.overdue:
            text += " · " + self.tr("overdue")
        return text

    def _background(self, item: QueueItem) -> QColor | None:
        if item.overdue:
            return OVERDUE_COLOUR
        return CHANGED_COLOUR if item.changed_since_review else None

    def _foreground(self, item: QueueItem) -> QColor | None:
        return QColor("#000000") if item.overdue or item.changed_since_review else None  # dark on light, any theme

    def _row_tip(self, item: QueueItem) -> str:
        reasons = []
        if item.overdue and item.deadline is not None:
            reasons.append(self.tr("waiting past the round's review deadline (%1)").replace("%1", dmy(item.deadline)))
        if item.changed_since_review:
            reasons.append(self.tr("the commune changed it after the last review (version %1, reviewed: %2)")
                           .replace("%1", str(item.version)).replace("%2", str(item.reviewed_version)))
        if item.reason:
            reasons.append(self.tr("reason given: %1").replace("%1", item.reason))
        return f"{item.nominee_name}: " + "; ".join(reasons) if reasons else ""

    # Data ----------------------------------------------------------------------------------
    def refresh(self) -> None:
        data = ops.run(self, lambda: self.service.queue(self.today, ops.current_lang()))
        if data is None:
            return
        self.data = data
        self._fill_filters()
        self.apply_filter()

    def on_changed(self, changes: Change) -> None:
        self.refresh()

    def _fill_filters(self) -> None:
        data = self.data
        if data is None:
            return
        options: list[tuple[QComboBox, str, list[tuple[str, str]]]] = [
            (self.rounds, self.tr("All rounds"), [(r.key, self.round_text(r)) for r in data.rounds]),
            (self.awards, self.tr("All awards"), list(data.awards)),
            (self.communes, self.tr("All communes"), [(code, name or code) for code, name in data.communes]),
            (self.statuses, "", [(s, self._status_filter_text(s)) for s in STATUSES]),
        ]
        for box, everything, entries in options:
            chosen = box.currentData()
            box.blockSignals(True)
            box.clear()
            if everything:
                box.addItem(everything, "")
            for key, text in entries:
                box.addItem(text, key)
            index = box.findData(chosen) if chosen is not None else -1
            box.setCurrentIndex(max(index, 0))
            box.blockSignals(False)

    def _status_filter_text(self, status: str) -> str:
        if status == "waiting":
            return self.tr("Waiting for review")
        return self.tr("All statuses") if status == "all" else status_text(status)

    def chosen_round(self) -> ReviewRound | None:
        key = self.rounds.currentData()
        return next((r for r in self.data.rounds if r.key == key), None) if self.data and key else None

    def apply_filter(self) -> None:
        """The rows the filters and the search let through, in memory; the selection stays on its dossier."""
        chosen = self.selected_id()
        items = self.data.items if self.data else []
        rows = select_items(items, round_key=self.rounds.currentData() or None,
                            award_code=self.awards.currentData() or None,
                            unit_code=self.communes.currentData() or None,
                            status=self.statuses.currentData() or "waiting")
        wanted = search_key(self.search.text())
        if wanted:
            rows = [i for i in rows if wanted in search_key(i.nominee_name)]
        self.model.set_rows(rows)
        if chosen is not None:
            self.select_dossier(chosen)
        self._show_deadline()
        self.retranslate_counts()
        self._selection_changed()
        self.fit_columns()

    def _show_deadline(self) -> None:
        review_round = self.chosen_round()
        for widget in (self.deadline, self.deadline_button):
            widget.setEnabled(review_round is not None)
        self.deadline.setText(dmy(review_round.deadline) if review_round and review_round.deadline else "")
        self.deadline.setToolTip("" if review_round else self.tr("Choose a round to set its review deadline"))

    def save_deadline(self) -> None:
        review_round = self.chosen_round()
        if review_round is None:
            return
        typed = self.deadline.text()
        saved = ops.perform(self, lambda: self.service.set_deadline(review_round.key, typed)).ok
        if saved and ops.root_of(self) is None:
            self.refresh()  # in the main window, the change it announces refreshes this screen

    def fit_columns(self) -> None:
        """The nominee's name takes the width left over, or keeps its full width and the table
        scrolls sideways (screen_parts.fit_stretch_column)."""
        fit_stretch_column(self.table, 0)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.table.viewport() and event.type() == QEvent.Type.Resize:
            self.fit_columns()
        return super().eventFilter(watched, event)

    # Selection and the dossier ---------------------------------------------------------------
    def selected_id(self) -> str | None:
        rows = self.table.selectionModel().selectedRows()
        return self.model.row_object(rows[0].row()).nomination_id if rows else None

    def select_dossier(self, nomination_id: str) -> bool:
        for row in range(self.model.rowCount()):
            if self.model.row_object(row).nomination_id == nomination_id:
                self.table.selectionModel().select(
                    self.model.index(row, 0), QItemSelectionModel.SelectionFlag.ClearAndSelect
                    | QItemSelectionModel.SelectionFlag.Rows)
                return True
        return False

    def _selection_changed(self) -> None:
        self.open_button.setEnabled(self.selected_id() is not None)

    def open_row(self, row: int) -> QWidget | None:
        if 0 <= row < self.model.rowCount():
            return self.open_dossier(self.model.row_object(row).nomination_id)
        return None

    def open_selected(self) -> QWidget | None:
        chosen = self.selected_id()
        return self.open_dossier(chosen) if chosen is not None else None

    def open_dossier(self, nomination_id: str) -> QWidget | None:
        """The dossier's review in its own window (one at a time: the next dossier replaces it)."""
        from .dossier_review import DossierReviewScreen

        window = self.dossier_window
        if not isinstance(window, DossierReviewScreen) or not window.isVisible():
            window = DossierReviewScreen(self.dossiers, self.printing, self.today, self)
            # In the main window the verdict's announced change refreshes this screen; alone, this does.
            window.reviewed.connect(lambda _id: self.refresh() if ops.root_of(self) is None else None)
            self.dossier_window = window
        if not window.load(nomination_id):
            return None
        window.show()
        window.raise_()
        window.activateWindow()
        return window

    # Texts ---------------------------------------------------------------------------------
    def retranslate(self) -> None:
        titles, tips = self._titles()
        self.model.set_titles(titles, tips)
        for label, text in zip(self.filter_labels, (self.tr("&Round"), self.tr("&Award"), self.tr("&Commune"),
                                                    self.tr("&Status")), strict=True):
            label.setText(text)
        self.search.setPlaceholderText(self.tr("Search a nominee by name (accents optional)"))
        self.deadline_label.setText(self.tr("Review deadline of the round:"))
        self.deadline.setPlaceholderText(self.tr("dd/mm/yyyy"))
        metrics = self.deadline.fontMetrics()  # the placeholder whole, in either language
        self.deadline.setMinimumWidth(max(metrics.horizontalAdvance(t) for t in (
            self.deadline.placeholderText(), "00/00/0000")) + 24)
        self.deadline_button.setText(self.tr("Set deadline"))
        self.deadline_button.setToolTip(self.tr("Save the date typed (leave it empty to remove the deadline)"))
        self.open_button.setText(self.tr("Open the dossier"))
        self.open_button.setToolTip(self.tr("Its documents, eligibility, checklist and comments, and the verdict "
                                            "(double-click a row does the same)."))
        self.legend.setText(legend_html([
            (OVERDUE_COLOUR, self.tr("Overdue: still waiting after its round's review deadline")),
            (CHANGED_COLOUR, self.tr("Changed by the commune since the last review"))]))
        self._fill_filters()
        self.retranslate_counts()

    def retranslate_counts(self) -> None:
        data = self.data
        if data is None or not data.items:
            self.summary.setText(self.tr("No dossier has been submitted by a commune yet."))
            return
        self.summary.setText(
            self.tr("Showing %1 of %2 dossiers · %3 waiting for review · %4 overdue · %5 changed since review")
            .replace("%1", str(self.model.total)).replace("%2", str(len(data.items)))
            .replace("%3", str(data.waiting)).replace("%4", str(data.overdue)).replace("%5", str(data.changed)))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
            self.refresh()  # the award names come in the language
        super().changeEvent(event)
