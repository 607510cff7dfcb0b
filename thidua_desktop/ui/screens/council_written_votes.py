"""The absent members' written votes (phiếu biểu quyết bằng văn bản) on the council's meeting form,
and the draft that keeps the whole meeting form, written votes included, across screen switches,
a closed window or a power cut.

Absent members vote in writing and their votes count against all members (LEGAL-REFERENCE §0
"Council votes"); the minutes print, for each absent member, whether a written vote came in and
which nominees it agreed to."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtWidgets import QHeaderView, QLabel, QSpinBox, QTableWidget, QTableWidgetItem, QVBoxLayout, QWidget

from ...services.drafts import DraftStore

if TYPE_CHECKING:
    from .council_meeting import MeetingTab

DRAFT_KEY = "council-meeting"
ID = Qt.ItemDataRole.UserRole
VISIBLE_ROWS = 4  # a commune council rarely has more absent members; more scroll


class WrittenVotesPanel(QWidget):
    """Rows: the members marked absent; the first cell says whether the member voted in writing,
    the others which nominees (one column each, as in the vote grid) the member agreed to."""

    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        # Source of truth, kept while a member is ticked present again or the batch changes:
        # member id -> ids of the nominees agreed to; a member not in it sent no written vote.
        self._written: dict[str, set[str]] = {}
        self._members: list[tuple[str, str]] = []
        self._nominees: list[tuple[str, str, str]] = []
        self._votes_for: dict[str, int] = {}
        self._rendering = False
        self.title = QLabel()
        self.title.setWordWrap(True)
        self.table = QTableWidget(0, 1)
        self.table.verticalHeader().setVisible(False)
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.itemChanged.connect(self._item_changed)
        self.warning = QLabel()
        self.warning.setWordWrap(True)
        self.warning.setStyleSheet("color: #a00;")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.title)
        layout.addWidget(self.table)
        layout.addWidget(self.warning)
        self.retranslate()
        self._render()

    # Data ----------------------------------------------------------------------------------
    def follow(self, members: list[tuple[str, str]], nominees: list[tuple[str, str, str]]) -> None:
        """Show ``members`` (id, name: those absent now) against ``nominees`` (nomination id, name,
        award name: the drafts in the vote grid)."""
        if members == self._members and nominees == self._nominees:
            return
        self._members, self._nominees = list(members), list(nominees)
        self._render()

    def votes(self) -> dict[str, list[str]]:
        """{absent member id: [nomination ids agreed to, in grid order]} for the service."""
        order = [nid for nid, _name, _award in self._nominees]
        return {member_id: [nid for nid in order if nid in self._written[member_id]]
                for member_id, _name in self._members if member_id in self._written}

    def set_votes(self, votes: dict[str, Any]) -> None:
        self._written = {str(m): {str(i) for i in ids} for m, ids in votes.items() if isinstance(ids, list)}
        self._render()
        self.changed.emit()

    def set_voted(self, member_id: str, voted: bool) -> None:
        """Tick (or untick) "voted in writing" for an absent member, as a click on the cell does."""
        item = self._cell(member_id, 0)
        if item is not None:
            item.setCheckState(Qt.CheckState.Checked if voted else Qt.CheckState.Unchecked)

    def set_agreed(self, member_id: str, nomination_id: str, agreed: bool) -> None:
        column = next((c for c, (nid, _n, _a) in enumerate(self._nominees, start=1) if nid == nomination_id), None)
        item = self._cell(member_id, column) if column is not None else None
        if item is not None:
            item.setCheckState(Qt.CheckState.Checked if agreed else Qt.CheckState.Unchecked)

    def clear(self) -> None:
        self.set_votes({})

    def check(self, votes_for: dict[str, int]) -> None:
        """Warn, before saving, where written agreements outnumber the votes in favour typed in the grid:
        each agreement is one of those votes."""
        self._votes_for = dict(votes_for)
        agreed: dict[str, int] = {}
        for ids in self.votes().values():
            for nid in ids:
                agreed[nid] = agreed.get(nid, 0) + 1
        lines = [self.tr("%1: %2 written agreements but only %3 votes in favour in the grid.")
                 .replace("%1", name).replace("%2", str(agreed[nid])).replace("%3", str(self._votes_for[nid]))
                 for nid, name, _award in self._nominees
                 if nid in self._votes_for and agreed.get(nid, 0) > self._votes_for[nid]]
        self.warning.setText("\n".join(lines))
        self.warning.setVisible(bool(lines))

    # Table ---------------------------------------------------------------------------------
    def _cell(self, member_id: str, column: int) -> QTableWidgetItem | None:
        for row in range(self.table.rowCount()):
            first = self.table.item(row, 0)
            if first is not None and first.data(ID) == member_id:
                return self.table.item(row, column)
        return None

    def _render(self) -> None:
        self._rendering = True
        try:
            self.table.setRowCount(len(self._members))
            self.table.setColumnCount(1 + len(self._nominees))
            self._headers()
            for row, (member_id, name) in enumerate(self._members):
                voted = member_id in self._written
                first = QTableWidgetItem(name)
                first.setData(ID, member_id)
                first.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
                               | Qt.ItemFlag.ItemIsUserCheckable)
                first.setCheckState(Qt.CheckState.Checked if voted else Qt.CheckState.Unchecked)
                self.table.setItem(row, 0, first)
                for column, (nid, nominee, award) in enumerate(self._nominees, start=1):
                    cell = QTableWidgetItem()
                    cell.setData(ID, nid)
                    cell.setToolTip(f"{nominee} - {award}")
                    self.table.setItem(row, column, cell)
                    self._set_cell(cell, voted, voted and nid in self._written[member_id])
        finally:
            self._rendering = False
        self._fit()
        if self.parent() is not None:  # a parentless widget shown would open as a window of its own
            self.setVisible(bool(self._members and self._nominees))
        self.check(self._votes_for)

    def _set_cell(self, cell: QTableWidgetItem, enabled: bool, checked: bool) -> None:
        flags = Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemIsUserCheckable
        cell.setFlags(flags | Qt.ItemFlag.ItemIsEnabled if enabled else flags)
        cell.setCheckState(Qt.CheckState.Checked if checked else Qt.CheckState.Unchecked)

    def _headers(self) -> None:
        labels = [self.tr("Absent member: voted in writing")]
        labels += [name for _nid, name, _award in self._nominees]
        self.table.setHorizontalHeaderLabels(labels)
        for column, (_nid, name, award) in enumerate(self._nominees, start=1):
            header = self.table.horizontalHeaderItem(column)
            if header is not None:
                header.setToolTip(f"{name}\n{award}")

    def _fit(self) -> None:
        """As tall as its rows (up to VISIBLE_ROWS), so the vote grid above keeps the room."""
        rows = min(max(self.table.rowCount(), 1), VISIBLE_ROWS)
        height = (self.table.horizontalHeader().sizeHint().height() + 2 * self.table.frameWidth()
                  + rows * self.table.verticalHeader().defaultSectionSize()
                  + self.table.horizontalScrollBar().sizeHint().height())
        self.table.setFixedHeight(height)

    def _item_changed(self, item: QTableWidgetItem) -> None:
        if self._rendering:
            return
        first = self.table.item(item.row(), 0)
        assert first is not None  # each member's row starts with their name
        member_id = first.data(ID)
        checked = item.checkState() == Qt.CheckState.Checked
        if item.column() == 0:
            if checked:
                self._written.setdefault(member_id, set())
            else:
                self._written.pop(member_id, None)
            self._rendering = True
            try:  # agreements can be ticked only once the written vote is there
                for column in range(1, self.table.columnCount()):
                    cell = self.table.item(item.row(), column)
                    assert cell is not None
                    self._set_cell(cell, checked, checked and cell.data(ID) in self._written.get(member_id, ()))
            finally:
                self._rendering = False
        elif member_id in self._written:
            agreed = self._written[member_id]
            if checked:
                agreed.add(item.data(ID))
            else:
                agreed.discard(item.data(ID))
        self.check(self._votes_for)
        self.changed.emit()

    # Language ------------------------------------------------------------------------------
    def retranslate(self) -> None:
        self.title.setText(self.tr("Written votes of absent members: tick a member who sent a written vote, then "
                                   "the nominees the member agreed to. Count them in “In favour” above."))
        self._headers()
        self.check(self._votes_for)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)


class MeetingDraft:
    """The meeting form as typed so far (date, start time, batch, secretary, notes, who is absent,
    the counts and the reason to vote anyway per nominee, and the written votes), saved in the
    DraftStore on every change and put back when the screen is rebuilt: after a switch to another
    screen (which refreshes it), or on the next start."""

    def __init__(self, screen: MeetingTab, store: DraftStore | None, following: tuple[int, ...] = ()) -> None:
        self.screen = screen
        self.store = store
        # Grid columns whose counts follow the members present until typed over: only typed counts
        # are kept, so a count still following goes on following (members added meanwhile, say).
        self.following = following
        self.loading = False
        self.started = False  # the first refresh restores the stored draft, later ones the live form

    def values(self) -> dict[str, Any]:
        s = self.screen
        ballots: dict[str, dict[str, int]] = {}
        for row, nomination in enumerate(s.rows):
            ballots[nomination.id] = {
                str(column): spin.value() for column, spin in self._spins(row)
                if column not in self.following or spin.value() != s._present_default}
        return {"held_on": s.held_on.text(), "batch_id": s.batch.currentData(), "notes": s.notes.text(),
                "started_at": s.started_at.text(), "secretary_id": s.secretary.currentData(),
                "absent": s.absent_ids(), "ballots": ballots, "written_votes": s.written.votes(),
                "reasons": {n.id: reason for row, n in enumerate(s.rows) if (reason := s.override(row).text())}}

    def apply(self, values: dict[str, Any]) -> None:
        s = self.screen
        if isinstance(values.get("held_on"), str):
            s.held_on.setText(values["held_on"])
        index = s.batch.findData(values.get("batch_id"))
        if index >= 0 and index != s.batch.currentIndex():
            s.batch.setCurrentIndex(index)  # refills the grid with that batch's drafts
        if isinstance(values.get("notes"), str):
            s.notes.setText(values["notes"])
        if isinstance(values.get("started_at"), str):
            s.started_at.setText(values["started_at"])
        if "secretary_id" in values:  # None: the officer chose "not recorded"
            index = s.secretary.findData(values["secretary_id"]) if values["secretary_id"] else 0
            if index >= 0:
                s.secretary.setCurrentIndex(index)
        absent = {str(x) for x in values.get("absent") or []}
        for row in range(s.presence.count()):
            item = s.presence.item(row)
            state = Qt.CheckState.Unchecked if item.data(ID) in absent else Qt.CheckState.Checked
            if item.checkState() != state:
                item.setCheckState(state)
        stored_ballots = values.get("ballots")
        ballots = stored_ballots if isinstance(stored_ballots, dict) else {}
        for row, nomination in enumerate(s.rows):
            counts = ballots.get(nomination.id)
            for column, spin in self._spins(row):
                value = counts.get(str(column)) if isinstance(counts, dict) else None
                if isinstance(value, int):
                    spin.setValue(value)
        stored_reasons = values.get("reasons")
        reasons = stored_reasons if isinstance(stored_reasons, dict) else {}
        for row, nomination in enumerate(s.rows):
            if isinstance(reason := reasons.get(nomination.id), str) and s.override(row).isEnabled():
                s.override(row).setText(reason)
        written = values.get("written_votes")
        s.written.set_votes(written if isinstance(written, dict) else {})

    def _spins(self, row: int) -> list[tuple[int, QSpinBox]]:
        grid = self.screen.grid
        return [(c, w) for c in range(grid.columnCount()) if isinstance(w := grid.cellWidget(row, c), QSpinBox)]

    @contextmanager
    def kept(self) -> Iterator[None]:
        """Rebuild the form inside this block; what was typed is put back afterwards."""
        values = self.values() if self.started else (self.store.load(DRAFT_KEY) if self.store else None)
        self.loading = True
        try:
            yield
            if values:
                self.apply(values)
        finally:
            self.loading = False
            self.started = True

    def changed(self) -> None:
        if self.store and self.started and not self.loading:
            self.store.save(DRAFT_KEY, self.values())

    def discard(self) -> None:
        """The meeting was recorded: the next rebuild starts from an empty form."""
        if self.store:
            self.store.discard(DRAFT_KEY)
        self.started = False
        self.screen.written.clear()
