"""The council screen's meeting tab: the meeting's form and the members present share the top row,
so the vote grid has the whole width (council_grid.py: a 1366×768 screen at 150%); the ballots per
nominee show the pass/fail live, the absent members' written votes sit below (council_written_votes.py),
and "Record the meeting" saves it all in one operation.

``MeetingTab`` is mixed into ``CouncilScreen`` (council.py), which builds and fills it. Its strings
keep the screen's translation context: ``QCoreApplication.translate("CouncilScreen", …)`` is read by
lupdate as ``self.tr()`` in CouncilScreen, so the Vietnamese in i18n/*.ts still applies."""

from __future__ import annotations

import re
from datetime import date
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QFormLayout,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ...domain.errors import DomainError
from ...domain.validation import parse_date
from ...messages import render
from ...services.changes import Change
from ...services.council import BallotInput, CouncilService
from ...services.drafts import DraftStore
from ...services.nominations import NominationService, NominationView
from .. import dialogs, ops
from ..forms import DateField
from ..locale_format import percent_text
from .council_grid import ReasonItem, fit_reason_column, set_up
from .council_members import ROLE_DATA, role_text
from .council_written_votes import MeetingDraft, WrittenVotesPanel
from .override_reasons import Nominee, ReasonDialog

if TYPE_CHECKING:
    _Screen = QWidget  # mypy reads the tab as the QWidget it is mixed into
else:
    _Screen = object

GRID_LIMIT = 500  # a commune batch has tens of drafts; more is shown as "first 500 of N"
ISSUED, VALID, FOR = 1, 2, 3  # columns of the meeting grid; 4-7 are computed
FIRST_COMPUTED = 4
OVERRIDE = 8  # why the council votes on a nominee whose eligibility check is not met
NOT_ELIGIBLE = "NOMINATION_NOT_ELIGIBLE"  # the service's refusal of a nominee voted on without that reason


def pct(value: float | None) -> str:
    return percent_text(value)


def threshold_text(council: CouncilService, award_code: str, threshold: float) -> str:
    """"≥ 80,0%" or, for a simple majority, "> 50,0%" (the meeting grid and the past meetings)."""
    try:
        more_than = council.catalog.award(award_code).vote.comparison.value == "more_than"
    except DomainError:  # an award outside the catalog: the usual "≥"
        more_than = False
    return ("> " if more_than else "≥ ") + pct(threshold)


class MeetingTab(_Screen):
    """The meeting form, the members present, the vote grid and the written votes; the screen owns
    the services, ``refresh`` and the Save shortcut."""

    council: CouncilService
    nominations: NominationService
    drafts: DraftStore | None
    today: date

    if TYPE_CHECKING:
        def refresh(self) -> None: ...  # CouncilScreen's: re-reads every tab

    def _meeting_tab(self) -> QWidget:
        self.rows: list[NominationView] = []
        # Ballots issued and valid follow the members present (plus written votes) until typed over.
        self._present_default = 0
        self.meeting_draft = MeetingDraft(self, self.drafts, following=(ISSUED, VALID))
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
        # The form, the grid and the written votes scroll together when the window is shorter than
        # they are (a laptop at 150% with the taskbar: about 400 pixels for the screen, and the
        # written votes of absent members take 110 of them); Save stays in sight below.
        body = QWidget()
        form = QVBoxLayout(body)
        form.setContentsMargins(0, 0, 0, 0)
        form.addLayout(top)
        form.addWidget(self.grid, 1)
        form.addWidget(self.written)
        form.addWidget(self.grid_note)
        form.addWidget(self.rule_hint)
        self.meeting_scroll = QScrollArea()
        self.meeting_scroll.setWidgetResizable(True)
        self.meeting_scroll.setFrameShape(QFrame.Shape.NoFrame)
        self.meeting_scroll.setWidget(body)
        layout = QVBoxLayout(tab)
        layout.addWidget(self.meeting_scroll, 1)
        layout.addLayout(bottom)
        return tab

    # Data ----------------------------------------------------------------------------------
    def _fill_meeting(self, members: list[dict[str, str]]) -> None:
        """The members present (all ticked), the secretaries, the batches (the one chosen kept) and
        the chosen batch's drafts in the grid."""
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
        self.grid_note.setText(QCoreApplication.translate("CouncilScreen", "Showing the first %1 of %2 drafts.")
                               .replace("%1", str(len(rows))).replace("%2", str(total)) if total > len(rows)
                               else QCoreApplication.translate("CouncilScreen", "No draft nominations in this batch.")
                               if not rows else "")
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
        self.presence_summary.setText(QCoreApplication.translate("CouncilScreen", "Present: %1 of %2 members")
                                      .replace("%1", str(present)).replace("%2", str(total)))
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
            threshold_text(self.council, n.award_code, result.threshold_pct),
            QCoreApplication.translate("CouncilScreen", "Passes") if result.passed
            else QCoreApplication.translate("CouncilScreen", "Fails")]
        for offset, text in enumerate(cells):
            cell = self.grid.item(row, FIRST_COMPUTED + offset)
            assert cell is not None  # the computed cells are made with the row
            cell.setText(text)
        mark = self.grid.item(row, FIRST_COMPUTED + 3)
        assert mark is not None
        mark.setForeground(Qt.GlobalColor.darkGreen if result and result.passed else Qt.GlobalColor.darkRed)

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
        dialogs.info(self, QCoreApplication.translate("CouncilScreen", "Meeting recorded"),
                     QCoreApplication.translate("CouncilScreen",
                                                "%1 of %2 nominees passed and moved to “Council voted”.")
                     .replace("%1", str(passed)).replace("%2", str(len(results))))
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
            text += "\n" + QCoreApplication.translate(
                "CouncilScreen", "Double-click the nominee's cell in the last column (or select it and press Enter) "
                "to write the reason, or set its ballots issued to 0 to leave it out of this meeting.")
        dialogs.error(self, QCoreApplication.translate("Ops", "Cannot do this"), text)

    def _retranslate_meeting(self) -> None:
        for label, text in zip(self.form_labels, (
                QCoreApplication.translate("CouncilScreen", "Meeting date"),
                QCoreApplication.translate("CouncilScreen", "Start time"),
                QCoreApplication.translate("CouncilScreen", "Nomination batch"),
                QCoreApplication.translate("CouncilScreen", "Secretary of the meeting"),
                QCoreApplication.translate("CouncilScreen", "Notes")), strict=True):
            label.setText(text)
        self.started_at.setPlaceholderText(QCoreApplication.translate("CouncilScreen", "hh:mm, e.g. 08:30"))
        self.secretary.setItemText(0, QCoreApplication.translate("CouncilScreen", "(not recorded)"))
        for index in range(1, self.secretary.count()):
            member_id = self.secretary.itemData(index)
            for row in range(self.presence.count()):
                m = self.presence.item(row).data(ROLE_DATA)
                if m["id"] == member_id:
                    self.secretary.setItemText(index, f"{m['full_name']} ({role_text(m['council_role'])})")
        self.presence_label.setText(QCoreApplication.translate("CouncilScreen",
                                                               "Members present (untick those absent)"))
        # Two-line headers keep the nine columns within a 1366-pixel screen at 150%.
        self.grid.setHorizontalHeaderLabels([
            QCoreApplication.translate("CouncilScreen", "Nominee\nand award"),
            QCoreApplication.translate("CouncilScreen", "Ballots\nissued"),
            QCoreApplication.translate("CouncilScreen", "Valid\nballots"),
            QCoreApplication.translate("CouncilScreen", "In\nfavour"),
            QCoreApplication.translate("CouncilScreen", "% of all\nmembers"),
            QCoreApplication.translate("CouncilScreen", "% of those\npresent"),
            QCoreApplication.translate("CouncilScreen", "Required\nshare"),
            QCoreApplication.translate("CouncilScreen", "Result"),
            QCoreApplication.translate("CouncilScreen", "Reason to\nvote anyway")])
        header = self.grid.horizontalHeaderItem(OVERRIDE)
        assert header is not None  # the header labels were just set
        header.setToolTip(QCoreApplication.translate(
            "CouncilScreen", "Why the council votes on a nominee the app's check does not find eligible. "
            "Double-click the cell (or press Enter) to write it."))
        for row in range(self.grid.rowCount()):
            if isinstance(reason := self.grid.item(row, OVERRIDE), ReasonItem):
                reason.refresh()
        fit_reason_column(self.grid, OVERRIDE)
        self.rule_hint.setText(QCoreApplication.translate(
            "CouncilScreen", "Votes in favour include absent members' written votes. The threshold is counted "
            "against all members of the council unless the catalog says otherwise."))
        self.save_button.setText(QCoreApplication.translate("CouncilScreen", "Record the meeting"))
        self.save_button.setToolTip(QKeySequence(QKeySequence.StandardKey.Save).toString(
            QKeySequence.SequenceFormat.NativeText))
        # Reword in place: a language switch must not lose the ticks and votes typed so far.
        self.presence.blockSignals(True)
        for row in range(self.presence.count()):
            item = self.presence.item(row)
            m = item.data(ROLE_DATA)
            item.setText(f"{m['full_name']} ({role_text(m['council_role'])})")
        self.presence.blockSignals(False)
        if self.rows:
            self._update_all()
