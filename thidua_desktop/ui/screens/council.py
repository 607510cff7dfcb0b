"""Hội đồng TĐKT: the council's members, a meeting's ballots per nominee with the pass/fail shown live,
and past meetings with their results. The meeting's form and the members present share the top
row, so the vote grid has the whole width (council_grid.py: a 1366×768 screen at 150%). The screen
follows the members, nominations and thresholds changed anywhere, re-read when next shown, with
what was typed on the meeting form kept."""

from __future__ import annotations

import re
from datetime import date

from PySide6.QtCore import QCoreApplication, QEvent, QItemSelection, Qt, QTimer
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSizePolicy,
    QSpinBox,
    QSplitter,
    QTableView,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from ...domain.errors import DomainError
from ...domain.validation import parse_date
from ...messages import render
from ...services.changes import Change
from ...services.council import ROLES, BallotInput, CouncilService, MeetingView
from ...services.drafts import DraftStore
from ...services.nominations import NominationService, NominationView
from ...services.printing import PrintService
from .. import dialogs, ops
from ..forms import DateField, FormDialog, combo
from ..locale_format import date_text, percent_text
from ..models.paged import Column, PagedTableModel
from ..print_actions import PrintButton, entries_for
from .council_grid import ReasonItem, fit_reason_column, set_up
from .council_written_votes import MeetingDraft, WrittenVotesPanel
from .override_reasons import Nominee, ReasonDialog

ROLE_DATA = Qt.ItemDataRole.UserRole + 1  # the member's row, to reword the role in another language
GRID_LIMIT = 500  # a commune batch has tens of drafts; more is shown as "first 500 of N"
ISSUED, VALID, FOR = 1, 2, 3  # columns of the meeting grid; 4-7 are computed
FIRST_COMPUTED = 4
OVERRIDE = 8  # why the council votes on a nominee whose eligibility check is not met
NOT_ELIGIBLE = "NOMINATION_NOT_ELIGIBLE"  # the service's refusal of a nominee voted on without that reason


def role_text(role: str) -> str:
    names = {"chair": QCoreApplication.translate("CouncilScreen", "Council chair"),
             "vice_chair": QCoreApplication.translate("CouncilScreen", "Council vice chair"),
             "member": QCoreApplication.translate("CouncilScreen", "Council member"),
             "secretary": QCoreApplication.translate("CouncilScreen", "Council secretary")}
    return names.get(role, role)


def pct(value: float | None) -> str:
    return percent_text(value)


class MemberDialog(FormDialog):
    changes = Change.COUNCIL

    def __init__(self, council: CouncilService, drafts: DraftStore | None, parent: QWidget | None = None) -> None:
        super().__init__(drafts, "council-member", parent)
        self.council = council
        self.setWindowTitle(self.tr("New council member"))
        self.add_field("full_name", self.tr("Full name"), QLineEdit())
        self.add_field("council_role", self.tr("Role in the council"), combo([(role_text(r), r) for r in ROLES]))
        self.add_field("position", self.tr("Position"), QLineEdit())
        # The starting role goes through set_values: filled in by the form, it is not the officer's
        # change, so it neither stores a draft nor asks "discard changes?" on Cancel.
        self.set_values({"council_role": "member"})
        self.restore_draft()

    def save(self) -> str:
        v = self.values()
        return self.council.add_member(v["full_name"], v["council_role"], v["position"])


class CouncilScreen(QWidget, ops.Watcher):
    # Members and meetings; the batches' drafts and their nominees' names; the vote thresholds.
    watches = (Change.COUNCIL | Change.NOMINATIONS | Change.PEOPLE | Change.COLLECTIVES | Change.CATALOG
               | Change.SETTINGS)
    live = False  # a rebuild of the meeting grid: once when shown, not after every change elsewhere

    def __init__(self, council: CouncilService, nominations: NominationService, drafts: DraftStore | None = None,
                 today: date | None = None, parent: QWidget | None = None,
                 printing: PrintService | None = None) -> None:
        super().__init__(parent)
        self.council = council
        self.printing = printing
        self.nominations = nominations
        self.drafts = drafts
        self.today = today or date.today()
        self.rows: list[NominationView] = []
        # Ballots issued and valid follow the members present (plus written votes) until typed over.
        self._present_default = 0
        self.meeting_draft = MeetingDraft(self, drafts, following=(ISSUED, VALID))
        # Told of a change while shown, the screen re-reads on the next turn of the event loop; a
        # re-read before then (its own save re-reads at once) cancels it: one action, one rebuild.
        self._refresh_soon = QTimer(self, singleShot=True, interval=0)
        self._refresh_soon.timeout.connect(self.refresh)
        self.tabs = QTabWidget()
        self.tabs.addTab(self._meeting_tab(), "")
        self.tabs.addTab(self._members_tab(), "")
        self.tabs.addTab(self._past_tab(), "")
        layout = QVBoxLayout(self)
        layout.addWidget(self.tabs)
        QShortcut(QKeySequence.StandardKey.Save, self, activated=self.save_meeting)
        self.retranslate()
        self.refresh()

    # Building ------------------------------------------------------------------------------
    def _meeting_tab(self) -> QWidget:
        tab = QWidget()
        self.held_on = DateField()
        self.held_on.setText(self.today.strftime("%d/%m/%Y"))
        self.batch = QComboBox()
        self.batch.currentIndexChanged.connect(lambda _i: self._fill_grid())
        self.batch.currentIndexChanged.connect(self._meeting_changed)
        self.held_on.textChanged.connect(self._meeting_changed)
        self.notes = QLineEdit()
        self.notes.textChanged.connect(self._meeting_changed)
        self.started_at = QLineEdit()  # "08:30", printed "vào hồi 08 giờ 30 phút" in the minutes
        self.started_at.setMaxLength(8)
        self.started_at.textChanged.connect(self._meeting_changed)
        self.secretary = QComboBox()  # who takes the minutes: the council's secretary by default
        self.secretary.currentIndexChanged.connect(self._meeting_changed)
        self.presence = QListWidget()
        self.presence.setWordWrap(True)
        # As tall as the form beside it, scrolling beyond: the grid below keeps the height.
        self.presence.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Ignored)
        self.presence.itemChanged.connect(lambda _item: self._update_all())
        self.presence.itemChanged.connect(self._meeting_changed)
        self.written = WrittenVotesPanel()
        self.written.changed.connect(self._update_all)
        self.written.changed.connect(self._meeting_changed)
        self.presence_summary = QLabel()
        self.grid = QTableWidget(0, 9)
        self.grid.verticalHeader().setVisible(False)
        self.grid.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        set_up(self.grid, OVERRIDE)
        self.grid.cellActivated.connect(self.edit_reason)  # double-click, or Enter on the cell
        self.grid_note = QLabel()
        self.grid_note.setWordWrap(True)
        self.rule_hint = QLabel()
        self.rule_hint.setWordWrap(True)
        self.rule_hint.setStyleSheet("color: #555;")
        self.save_button = QPushButton()
        self.save_button.clicked.connect(self.save_meeting)
        self.form = QFormLayout()
        self.form_labels = [QLabel(), QLabel(), QLabel(), QLabel(), QLabel()]
        for label, field in zip(self.form_labels, (self.held_on, self.started_at, self.batch, self.secretary,
                                                   self.notes), strict=True):
            self.form.addRow(label, field)
        self.presence_label = QLabel()
        self.presence_label.setWordWrap(True)
        presence = QVBoxLayout()
        presence.addWidget(self.presence_label)
        presence.addWidget(self.presence, 1)
        presence.addWidget(self.presence_summary)
        top = QHBoxLayout()
        top.addLayout(self.form, 3)
        top.addLayout(presence, 2)
        bottom = QHBoxLayout()
        bottom.addStretch(1)
        bottom.addWidget(self.save_button)
        layout = QVBoxLayout(tab)
        layout.addLayout(top)
        layout.addWidget(self.grid, 1)
        layout.addWidget(self.written)
        layout.addWidget(self.grid_note)
        layout.addWidget(self.rule_hint)
        layout.addLayout(bottom)
        return tab

    def _members_tab(self) -> QWidget:
        tab = QWidget()
        self.members = QTableWidget(0, 3)
        self.members.verticalHeader().setVisible(False)
        self.members.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.members.setSelectionBehavior(QTableWidget.SelectionBehavior.SelectRows)
        self.members.horizontalHeader().setStretchLastSection(True)
        self.add_member_button = QPushButton()
        self.remove_member_button = QPushButton()
        self.add_member_button.clicked.connect(self.add_member)
        self.remove_member_button.clicked.connect(self.remove_member)
        buttons = QHBoxLayout()
        buttons.addWidget(self.add_member_button)
        buttons.addWidget(self.remove_member_button)
        buttons.addStretch(1)
        layout = QVBoxLayout(tab)
        layout.addWidget(self.members, 1)
        layout.addLayout(buttons)
        return tab

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
            return self.tr("Select a past meeting first")
        m = self.meetings_model.row_object(rows[0].row())
        return self.tr("Meeting of %1").replace("%1", date_text(m.held_on))

    def council_meetings(self, offset: int, limit: int) -> tuple[list[MeetingView], int]:
        return self.council.meetings(offset=offset, limit=limit)

    # Data ----------------------------------------------------------------------------------
    def refresh(self) -> None:
        self._refresh_soon.stop()
        with self.meeting_draft.kept():  # what was typed on the meeting form survives the rebuild
            self._rebuild()

    def on_changed(self, changes: Change) -> None:
        self._refresh_soon.start()

    def _rebuild(self) -> None:
        members = self.council.members()
        self.members.setRowCount(len(members))
        for row, m in enumerate(members):
            for column, text in enumerate((m["full_name"], role_text(m["council_role"]), m["position"])):
                item = QTableWidgetItem(text)
                item.setData(Qt.ItemDataRole.UserRole, m["id"])
                item.setData(ROLE_DATA, m)
                self.members.setItem(row, column, item)
        self.members.resizeColumnsToContents()
        self.presence.blockSignals(True)
        self.presence.clear()
        for m in members:
            item = QListWidgetItem(f"{m['full_name']} ({role_text(m['council_role'])})")
            item.setData(Qt.ItemDataRole.UserRole, m["id"])
            item.setData(ROLE_DATA, m)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Checked)
            self.presence.addItem(item)
        self.presence.blockSignals(False)
        self._fill_secretaries(members)
        current = self.batch.currentData()
        self.batch.blockSignals(True)
        self.batch.clear()
        for b in self.nominations.batches():
            self.batch.addItem(f"{b.name} ({b.year})", b.id)
        self.batch.setCurrentIndex(max(0, self.batch.findData(current)))
        self.batch.blockSignals(False)
        self._fill_grid()
        self.meetings_model.reload()
        self.meetings.resizeColumnsToContents()

    def _fill_secretaries(self, members: list[dict[str, str]]) -> None:
        """Every member, the council's secretary chosen; the blank entry: nobody recorded."""
        self.secretary.blockSignals(True)
        self.secretary.clear()
        self.secretary.addItem("", None)
        for m in members:
            self.secretary.addItem(f"{m['full_name']} ({role_text(m['council_role'])})", m["id"])
        default = next((m["id"] for m in members if m["council_role"] == "secretary"), None)
        self.secretary.setCurrentIndex(max(0, self.secretary.findData(default)))
        self.secretary.blockSignals(False)

    def present_ids(self) -> list[str]:
        return [self.presence.item(r).data(Qt.ItemDataRole.UserRole) for r in range(self.presence.count())
                if self.presence.item(r).checkState() == Qt.CheckState.Checked]

    def absent_ids(self) -> list[str]:
        return [self.presence.item(r).data(Qt.ItemDataRole.UserRole) for r in range(self.presence.count())
                if self.presence.item(r).checkState() != Qt.CheckState.Checked]

    def _fill_grid(self) -> None:
        batch_id = self.batch.currentData()
        rows, total = self.nominations.page("draft", batch_id=batch_id, limit=GRID_LIMIT) if batch_id else ([], 0)
        self.rows = rows
        self.grid.setRowCount(len(rows))
        members = self.presence.count()
        self._present_default = len(self.present_ids())
        for row, n in enumerate(rows):
            nominee = QTableWidgetItem(f"{n.nominee_name}\n{n.award_name}")
            nominee.setToolTip(nominee.text())
            self.grid.setItem(row, 0, nominee)
            for column in (ISSUED, VALID, FOR):
                spin = QSpinBox()
                spin.setRange(0, members)
                spin.setValue(self._present_default if column != FOR else 0)
                spin.valueChanged.connect(lambda _v, r=row: self._update_row(r))
                spin.valueChanged.connect(self._meeting_changed)
                self.grid.setCellWidget(row, column, spin)
            for column in range(FIRST_COMPUTED, FIRST_COMPUTED + 4):
                self.grid.setItem(row, column, QTableWidgetItem(""))
            # Only a nominee the app's check did not find eligible needs a reason to be voted on.
            self.grid.setItem(row, OVERRIDE, ReasonItem(n.eligibility_outcome != "eligible"))
        self.grid_note.setText(self.tr("Showing the first %1 of %2 drafts.").replace("%1", str(len(rows)))
                               .replace("%2", str(total)) if total > len(rows)
                               else self.tr("No draft nominations in this batch.") if not rows else "")
        self.grid_note.setVisible(bool(self.grid_note.text()))
        self._update_all()

    def override(self, row: int) -> ReasonItem:
        """The row's reason to vote although the check does not pass the nominee."""
        item = self.grid.item(row, OVERRIDE)
        assert isinstance(item, ReasonItem)
        return item

    def edit_reason(self, row: int, column: int = OVERRIDE) -> None:
        """The reason in a window: the nominee, the award and why the check does not pass it."""
        if column != OVERRIDE or not 0 <= row < len(self.rows) or not self.override(row).isEnabled():
            return
        n = self.rows[row]
        try:
            day = parse_date(self.held_on.text(), "held_on")
        except DomainError:  # a date still being typed: the check as of today
            day = self.today
        try:
            check = self.nominations.evaluate(n.id, day, store=False)
        except DomainError:  # a read for the reason window: it shows the stored outcome
            check = None  # the stored outcome is still shown
        dialog = ReasonDialog(Nominee(n.id, n.nominee_name, n.award_name, check, n.eligibility_outcome or ""),
                              self.nominations.catalog, self.override(row).text(), self)
        if dialog.exec() == QDialog.DialogCode.Accepted:
            self.override(row).setText(dialog.text())
            self._meeting_changed()
        dialog.deleteLater()

    def spin(self, row: int, column: int) -> QSpinBox:
        widget = self.grid.cellWidget(row, column)
        assert isinstance(widget, QSpinBox)
        return widget

    def _update_all(self) -> None:
        present, total = len(self.present_ids()), self.presence.count()
        self.written.follow([(i.data(Qt.ItemDataRole.UserRole), i.data(ROLE_DATA)["full_name"])
                             for i in map(self.presence.item, range(self.presence.count()))
                             if i.checkState() != Qt.CheckState.Checked],
                            [(n.id, n.nominee_name, n.award_name) for n in self.rows])
        ballots = present + len(self.written.votes())  # a written vote is a ballot issued too
        for row in range(len(self.rows)):
            for column in (ISSUED, VALID):
                box = self.spin(row, column)
                if box.value() == self._present_default:
                    box.blockSignals(True)
                    box.setValue(ballots)
                    box.blockSignals(False)
        self._present_default = ballots
        self.presence_summary.setText(self.tr("Present: %1 of %2 members").replace("%1", str(present))
                                      .replace("%2", str(total)))
        for row in range(len(self.rows)):
            self._update_row(row)

    def _meeting_changed(self, *_args: object) -> None:
        self.written.check({n.id: self.spin(r, FOR).value() for r, n in enumerate(self.rows)})
        self.meeting_draft.changed()

    def _update_row(self, row: int) -> None:
        n = self.rows[row]
        total, present = self.presence.count(), len(self.present_ids())
        votes = self.spin(row, FOR).value()
        try:
            result = self.council.preview_vote(n.award_code, total, present, votes)
        except DomainError:  # e.g. no member listed yet
            result = None
        cells = ["—"] * 4 if result is None else [
            pct(result.pct_of_all), pct(result.pct_of_present if present else None),
            self.threshold_text(n.award_code, result.threshold_pct),
            self.tr("Passes") if result.passed else self.tr("Fails")]
        for offset, text in enumerate(cells):
            self.grid.item(row, FIRST_COMPUTED + offset).setText(text)
        mark = self.grid.item(row, FIRST_COMPUTED + 3)
        mark.setForeground(Qt.GlobalColor.darkGreen if result and result.passed else Qt.GlobalColor.darkRed)

    def threshold_text(self, award_code: str, threshold: float) -> str:
        """"≥ 80,0%" or, for a simple majority, "> 50,0%"."""
        try:
            more_than = self.council.catalog.award(award_code).vote.comparison.value == "more_than"
        except DomainError:  # an award outside the catalog: the usual "≥"
            more_than = False
        return ("> " if more_than else "≥ ") + pct(threshold)

    # Actions -------------------------------------------------------------------------------
    def save_meeting(self) -> None:
        voted = [r for r in range(len(self.rows)) if self.spin(r, ISSUED).value() > 0]  # 0: not voted this time
        ballots = [BallotInput(self.rows[r].id, self.spin(r, ISSUED).value(), self.spin(r, VALID).value(),
                               self.spin(r, FOR).value(), self.override(r).text()) for r in voted]
        # An operation: the votes are recorded and the nominations move on. A refusal points at the
        # nominee's reason cell; a bug is said briefly. Either way what was typed stays.
        outcome = ops.perform(self, lambda: self.council.record_meeting(
            held_on=self.held_on.text(), present_member_ids=self.present_ids(),
            absent_member_ids=self.absent_ids(), ballots=ballots, batch_id=self.batch.currentData(),
            notes=self.notes.text(), written_votes=self.written.votes(), started_at=self.started_at.text(),
            secretary_member_id=self.secretary.currentData()),
            changes=Change.COUNCIL | Change.NOMINATIONS, on_refusal=lambda exc: self._refused(exc, voted))
        if not outcome.ok or outcome.value is None:
            return
        results = outcome.value
        self.meeting_draft.discard()
        passed = sum(1 for r in results if r.passed)
        dialogs.info(self, self.tr("Meeting recorded"),
                     self.tr("%1 of %2 nominees passed and moved to “Council voted”.").replace("%1", str(passed))
                     .replace("%2", str(len(results))))
        self.notes.clear()
        self.started_at.clear()
        self.refresh()

    def _refused(self, exc: DomainError, voted: list[int]) -> None:
        """The service's sentence; for a nominee the check does not pass, its reason cell is
        selected and the officer told how to write the reason there."""
        ops.log.info("refused: %s field=%s", exc.code, exc.field)
        text = render(exc, ops.current_lang())
        ballot = re.fullmatch(r"ballots\[(\d+)\]\.override_reason", exc.field or "")
        if exc.code == NOT_ELIGIBLE and ballot and 0 < int(ballot.group(1)) <= len(voted):
            row = voted[int(ballot.group(1)) - 1]
            self.grid.setCurrentCell(row, OVERRIDE)
            self.grid.scrollToItem(self.override(row))
            text += "\n" + self.tr("Double-click the nominee's cell in the last column (or select it and press Enter) "
                                   "to write the reason, or set its ballots issued to 0 to leave it out of this "
                                   "meeting.")
        dialogs.error(self, QCoreApplication.translate("Ops", "Cannot do this"), text)

    def add_member(self) -> None:
        dialog = MemberDialog(self.council, self.drafts, self)
        if dialog.exec() and dialog.result_value:
            self.refresh()

    def remove_member(self) -> None:
        rows = {i.row() for i in self.members.selectedIndexes()}
        if not rows:
            return
        ids = [self.members.item(r, 0).data(Qt.ItemDataRole.UserRole) for r in sorted(rows)]
        if not dialogs.ask_yes_no(self, self.tr("Council members"),
                                  self.tr("Remove the selected members from the council? Past meetings keep them.")):
            return
        ops.run(self, lambda: self.council.remove_members(ids))  # all of them, or none if refused
        self.refresh()

    def _meeting_selected(self, selected: QItemSelection, _deselected: QItemSelection) -> None:
        rows = selected.indexes()
        if rows:
            self.show_meeting(self.meetings_model.row_object(rows[0].row()).id)

    def show_meeting(self, meeting_id: str) -> None:
        ballots = ops.run(self, lambda: self.council.meeting_ballots(meeting_id)) or []
        self.results.setRowCount(len(ballots))
        for row, b in enumerate(ballots):
            cells = [b.nominee_name, b.award_name, f"{b.votes_for}/{b.ballots_valid}/{b.ballots_issued}",
                     pct(b.pct_of_all), pct(b.pct_of_present), self.threshold_text(b.award_code, b.threshold_pct),
                     self.tr("Passed") if b.passed else self.tr("Failed")]
            for column, text in enumerate(cells):
                self.results.setItem(row, column, QTableWidgetItem(text))

    def retranslate(self) -> None:
        for index, title in enumerate((self.tr("Meeting and votes"), self.tr("Members"), self.tr("Past meetings"))):
            self.tabs.setTabText(index, title)
        for label, text in zip(self.form_labels, (self.tr("Meeting date"), self.tr("Start time"),
                                                  self.tr("Nomination batch"), self.tr("Secretary of the meeting"),
                                                  self.tr("Notes")), strict=True):
            label.setText(text)
        self.started_at.setPlaceholderText(self.tr("hh:mm, e.g. 08:30"))
        self.secretary.setItemText(0, self.tr("(not recorded)"))
        for index in range(1, self.secretary.count()):
            member_id = self.secretary.itemData(index)
            for row in range(self.presence.count()):
                m = self.presence.item(row).data(ROLE_DATA)
                if m["id"] == member_id:
                    self.secretary.setItemText(index, f"{m['full_name']} ({role_text(m['council_role'])})")
        self.presence_label.setText(self.tr("Members present (untick those absent)"))
        # Two-line headers keep the nine columns within a 1366-pixel screen at 150%.
        self.grid.setHorizontalHeaderLabels([
            self.tr("Nominee\nand award"), self.tr("Ballots\nissued"), self.tr("Valid\nballots"),
            self.tr("In\nfavour"), self.tr("% of all\nmembers"), self.tr("% of those\npresent"),
            self.tr("Required\nshare"), self.tr("Result"), self.tr("Reason to\nvote anyway")])
        self.grid.horizontalHeaderItem(OVERRIDE).setToolTip(self.tr(
            "Why the council votes on a nominee the app's check does not find eligible. Double-click the cell "
            "(or press Enter) to write it."))
        for row in range(self.grid.rowCount()):
            if isinstance(item := self.grid.item(row, OVERRIDE), ReasonItem):
                item.refresh()
        fit_reason_column(self.grid, OVERRIDE)
        self.rule_hint.setText(self.tr("Votes in favour include absent members' written votes. The threshold is "
                                       "counted against all members of the council unless the catalog says "
                                       "otherwise."))
        self.save_button.setText(self.tr("Record the meeting"))
        self.save_button.setToolTip(QKeySequence(QKeySequence.StandardKey.Save).toString(
            QKeySequence.SequenceFormat.NativeText))
        self.members.setHorizontalHeaderLabels([self.tr("Full name"), self.tr("Role"), self.tr("Position")])
        self.add_member_button.setText(self.tr("Add a member…"))
        self.remove_member_button.setText(self.tr("Remove from the council"))
        self.meetings_model.set_titles([self.tr("Date"), self.tr("Batch"), self.tr("Present"),
                                        self.tr("Passed"), self.tr("Written votes of absent members")])
        self.results.setHorizontalHeaderLabels([
            self.tr("Nominee"), self.tr("Award"), self.tr("For / valid / issued"), self.tr("% of all members"),
            self.tr("% of those present"), self.tr("Threshold"), self.tr("Result")])
        # Reword in place: a language switch must not lose the ticks and votes typed so far.
        self.presence.blockSignals(True)
        for row in range(self.presence.count()):
            item = self.presence.item(row)
            m = item.data(ROLE_DATA)
            item.setText(f"{m['full_name']} ({role_text(m['council_role'])})")
        self.presence.blockSignals(False)
        for row in range(self.members.rowCount()):
            item = self.members.item(row, 1)
            item.setText(role_text(item.data(ROLE_DATA)["council_role"]))
        if self.rows:
            self._update_all()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)
