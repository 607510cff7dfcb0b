"""The council screen's Past meetings tab: the meetings recorded, a page at a time, and the chosen
meeting's ballots with their results; its papers (the minutes, the ballots) print from here.

``PastMeetingsTab`` is mixed into ``CouncilScreen`` (council.py), which builds and fills it. Its
strings keep the screen's translation context: ``QCoreApplication.translate("CouncilScreen", …)``
is read by lupdate as ``self.tr()`` in CouncilScreen, so the Vietnamese in i18n/*.ts still applies."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QItemSelection, Qt
from PySide6.QtWidgets import (
    QHBoxLayout,
    QHeaderView,
    QSplitter,
    QTableView,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ...services.council import CouncilService, MeetingView
from ...services.printing import PrintService
from .. import ops
from ..locale_format import date_text
from ..models.paged import Column, PagedTableModel
from ..print_actions import PrintButton, entries_for
from .council_meeting import pct, threshold_text

if TYPE_CHECKING:
    _Screen = QWidget  # mypy reads the tab as the QWidget it is mixed into
else:
    _Screen = object


class PastMeetingsTab(_Screen):
    """The meetings table over the chosen meeting's results, and the print button; the screen owns
    the services and ``refresh``."""

    council: CouncilService
    printing: PrintService | None

    def _past_tab(self) -> QWidget:
        tab = QWidget()
        self.meetings = QTableView()
        self.meetings_model = PagedTableModel([
            Column("", lambda m: date_text(m.held_on)), Column("", lambda m: m.batch_name),
            Column("", lambda m: f"{m.members_present}/{m.members_total}"),
            Column("", lambda m: f"{m.passed}/{m.ballots}"),
            Column("", lambda m: str(len(m.written_votes)) if m.written_votes else "")], self.council_meetings, self)
        self.meetings.setModel(self.meetings_model)
        self.meetings.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
        self.meetings.setSelectionMode(QTableView.SelectionMode.SingleSelection)
        self.meetings.verticalHeader().setVisible(False)
        self.meetings.horizontalHeader().setStretchLastSection(True)
        self.meetings.selectionModel().selectionChanged.connect(self._meeting_selected)
        self.results = QTableWidget(0, 7)
        self.results.verticalHeader().setVisible(False)
        self.results.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.results.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.results.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.addWidget(self.meetings)
        splitter.addWidget(self.results)
        self.print_button = PrintButton(self.printing, tab)
        self.print_button.add_group(self._print_header, self.selected_meeting_id, entries_for("meeting"))
        actions = QHBoxLayout()
        actions.addStretch(1)
        actions.addWidget(self.print_button)
        layout = QVBoxLayout(tab)
        layout.addLayout(actions)
        layout.addWidget(splitter)
        return tab

    def selected_meeting_id(self) -> str | None:
        rows = self.meetings.selectionModel().selectedRows()
        return self.meetings_model.row_object(rows[0].row()).id if rows else None

    def _print_header(self) -> str:
        rows = self.meetings.selectionModel().selectedRows()
        if not rows:
            return QCoreApplication.translate("CouncilScreen", "Select a past meeting first")
        m = self.meetings_model.row_object(rows[0].row())
        return QCoreApplication.translate("CouncilScreen", "Meeting of %1").replace("%1", date_text(m.held_on))

    def council_meetings(self, offset: int, limit: int) -> tuple[list[MeetingView], int]:
        return self.council.meetings(offset=offset, limit=limit)

    def _reload_meetings(self) -> None:
        self.meetings_model.reload()
        self.meetings.resizeColumnsToContents()

    def _meeting_selected(self, selected: QItemSelection, _deselected: QItemSelection) -> None:
        rows = selected.indexes()
        if rows:
            self.show_meeting(self.meetings_model.row_object(rows[0].row()).id)

    def show_meeting(self, meeting_id: str) -> None:
        ballots = ops.run(self, lambda: self.council.meeting_ballots(meeting_id)) or []
        self.results.setRowCount(len(ballots))
        for row, b in enumerate(ballots):
            cells = [b.nominee_name, b.award_name, f"{b.votes_for}/{b.ballots_valid}/{b.ballots_issued}",
                     pct(b.pct_of_all), pct(b.pct_of_present), threshold_text(self.council, b.award_code,
                                                                              b.threshold_pct),
                     QCoreApplication.translate("CouncilScreen", "Passed") if b.passed
                     else QCoreApplication.translate("CouncilScreen", "Failed")]
            for column, text in enumerate(cells):
                self.results.setItem(row, column, QTableWidgetItem(text))

    def _retranslate_past(self) -> None:
        self.meetings_model.set_titles([QCoreApplication.translate("CouncilScreen", "Date"),
                                        QCoreApplication.translate("CouncilScreen", "Batch"),
                                        QCoreApplication.translate("CouncilScreen", "Present"),
                                        QCoreApplication.translate("CouncilScreen", "Passed"),
                                        QCoreApplication.translate("CouncilScreen",
                                                                   "Written votes of absent members")])
        self.results.setHorizontalHeaderLabels([
            QCoreApplication.translate("CouncilScreen", "Nominee"),
            QCoreApplication.translate("CouncilScreen", "Award"),
            QCoreApplication.translate("CouncilScreen", "For / valid / issued"),
            QCoreApplication.translate("CouncilScreen", "% of all members"),
            QCoreApplication.translate("CouncilScreen", "% of those present"),
            QCoreApplication.translate("CouncilScreen", "Threshold"),
            QCoreApplication.translate("CouncilScreen", "Result")])
