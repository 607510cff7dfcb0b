"""Hội đồng TĐKT: the council's members, a meeting's ballots per nominee with the pass/fail shown live,
and past meetings with their results. The screen follows the members, nominations and thresholds
changed anywhere, re-read when next shown, with what was typed on the meeting form kept.

One tab per module, mixed into ``CouncilScreen`` here (all three keep its translation context):
council_meeting.py (the meeting's form, the vote grid and the written votes), council_members.py
and council_past.py. This module builds the tabs, re-reads them together and names them."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QEvent, QTimer
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QTabWidget, QVBoxLayout, QWidget

from ...services.changes import Change
from ...services.council import CouncilService
from ...services.drafts import DraftStore
from ...services.nominations import NominationService
from ...services.printing import PrintService
from .. import ops
from .council_meeting import FOR, ISSUED, OVERRIDE, VALID, MeetingTab
from .council_members import MemberDialog, MembersTab, role_text
from .council_past import PastMeetingsTab

# Imported from here by tests and scripts: the screen, the member form, the grid's columns.
__all__ = ["FOR", "ISSUED", "OVERRIDE", "VALID", "CouncilScreen", "MemberDialog", "role_text"]


class CouncilScreen(MeetingTab, MembersTab, PastMeetingsTab, QWidget, ops.Watcher):
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
        QShortcut(QKeySequence.StandardKey.Save, self).activated.connect(self.save_meeting)
        self.retranslate()
        self.refresh()

    def refresh(self) -> None:
        self._refresh_soon.stop()
        with self.meeting_draft.kept():  # what was typed on the meeting form survives the rebuild
            self._rebuild()

    def on_changed(self, changes: Change) -> None:
        self._refresh_soon.start()

    def _rebuild(self) -> None:
        members = self.council.members()
        self._fill_members(members)
        self._fill_meeting(members)
        self._reload_meetings()

    def retranslate(self) -> None:
        for index, title in enumerate((self.tr("Meeting and votes"), self.tr("Members"), self.tr("Past meetings"))):
            self.tabs.setTabText(index, title)
        self._retranslate_meeting()
        self._retranslate_members()
        self._retranslate_past()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)
