"""Đề nghị khen thưởng: nominations by status, each one's eligibility criterion by criterion, its
dossier and status history, and the status moves the state machine allows next."""

from __future__ import annotations

from datetime import UTC, date, datetime

from PySide6.QtCore import QEvent, QItemSelection, Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QTableView,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ...domain.enums import NOMINATION_TRANSITIONS, NominationStatus
from ...services.attachments import AttachmentStore
from ...services.changes import Change
from ...services.drafts import DraftStore
from ...services.excel_export import ExcelExportService
from ...services.nomination_views import decision_lines
from ...services.nominations import NominationService, NominationView
from ...services.printing import PrintService
from .. import ops
from ..excel_actions import ExcelButton, export_workbook
from ..lists import search_as_you_type
from ..locale_format import datetime_text
from ..models.paged import Column, PagedTableModel
from ..print_actions import BATCH, PrintButton, entries, entries_for, submission_levels
from ..texts import UNVERIFIED_MARK, status_text, unverified_legend
from .nomination_wizard import NominationWizard

NEEDS_REASON = {NominationStatus.RETURNED.value, NominationStatus.REJECTED.value}


def ask_reason(parent: QWidget | None, title: str, label: str) -> str | None:
    """Asks why a dossier is returned or rejected; None when cancelled (tests replace this function)."""
    dialog = QDialog(parent)
    dialog.setWindowTitle(title)
    text = QPlainTextEdit()
    buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
    buttons.accepted.connect(dialog.accept)
    buttons.rejected.connect(dialog.reject)
    layout = QVBoxLayout(dialog)
    caption = QLabel(label)
    caption.setWordWrap(True)
    layout.addWidget(caption)
    layout.addWidget(text)
    layout.addWidget(buttons)
    return text.toPlainText() if dialog.exec() == QDialog.DialogCode.Accepted else None


class NominationsScreen(QWidget, ops.Watcher):
    """The nominations, filtered by status and nominee; it follows changes made anywhere (the council
    and decisions screens move nominations on, and a renamed person shows under the new name)."""

    watches = (Change.NOMINATIONS | Change.COUNCIL | Change.DECISIONS | Change.PEOPLE | Change.COLLECTIVES
               | Change.CATALOG | Change.SYNC)

    def __init__(self, nominations: NominationService, attachments: AttachmentStore | None = None,
                 today: date | None = None, parent: QWidget | None = None, drafts: DraftStore | None = None,
                 printing: PrintService | None = None, excel_export: ExcelExportService | None = None) -> None:
        super().__init__(parent)
        self.nominations = nominations
        self.attachments = attachments
        self.drafts = drafts
        self.today = today
        self.current: NominationView | None = None
        self.status = QComboBox()
        self.status.addItem("", None)
        for status in NominationStatus:
            self.status.addItem("", status.value)
        self.search = QLineEdit()  # the nominee's name, accents optional; the service filters
        self.search.setClearButtonEnabled(True)
        self.new_button = QPushButton()
        self.new_button.clicked.connect(self.new_nomination)
        QShortcut(QKeySequence.StandardKey.New, self).activated.connect(self.new_nomination)
        self.table = QTableView()
        self.model = PagedTableModel([
            Column("", lambda n: n.nominee_name), Column("", lambda n: n.award_name),
            Column("", lambda n: status_text(n.status)), Column("", lambda n: self._outcome(n.eligibility_outcome))],
            self._fetch, self)
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QTableView.SelectionMode.SingleSelection)
        self.table.verticalHeader().setVisible(False)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.detail_title = QLabel()
        self.detail_title.setWordWrap(True)
        self.detail = QPlainTextEdit()
        self.detail.setReadOnly(True)
        self.history_label = QLabel()
        self.history = QTableWidget(0, 4)
        self.history.verticalHeader().setVisible(False)
        self.history.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        for column in range(3):
            self.history.horizontalHeader().setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        self.history.horizontalHeader().setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)
        self.history.setWordWrap(True)
        self.moves_label = QLabel()
        self.moves = QGridLayout()
        self.move_buttons: dict[str, QPushButton] = {}
        self.move_hint = QLabel()
        self.move_hint.setWordWrap(True)
        self.move_hint.setStyleSheet("color: #555;")
        self.count = QLabel()
        self.status.currentIndexChanged.connect(lambda _i: self.refresh())
        self._debounce = search_as_you_type(self, self.search, self.refresh)
        self.table.selectionModel().selectionChanged.connect(self._selected)

        right = QWidget()
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(0, 0, 0, 0)
        right_layout.addWidget(self.detail_title)
        right_layout.addWidget(self.detail, 3)
        right_layout.addWidget(self.history_label)
        right_layout.addWidget(self.history, 2)
        right_layout.addWidget(self.moves_label)
        right_layout.addLayout(self.moves)
        right_layout.addWidget(self.move_hint)
        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(self.table)
        splitter.addWidget(right)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        top = QHBoxLayout()
        self.status_label = QLabel()
        top.addWidget(self.search, 3)
        top.addWidget(self.status_label)
        top.addWidget(self.status, 1)
        top.addWidget(self.new_button)
        self.print_button = self._print_button(printing)
        top.addWidget(self.print_button)
        self.excel_button = self._excel_button(excel_export)
        top.addWidget(self.excel_button)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(splitter, 1)
        layout.addWidget(self.count)
        self.retranslate()
        self.refresh()

    def _outcome(self, outcome: str | None) -> str:
        return {"eligible": self.tr("Eligible"), "not_eligible": self.tr("Not eligible"),
                "incomplete": self.tr("Needs information")}.get(outcome or "", "")

    def _fetch(self, offset: int, limit: int) -> tuple[list[NominationView], int]:
        return self.nominations.page(self.status.currentData(), search=self.search.text(), offset=offset,
                                     limit=limit)

    def refresh(self) -> None:
        self.model.reload()
        self.count.setText(self.tr("%n nominations", "", self.model.total))
        self.show_nomination(None)
        self.table.resizeColumnsToContents()
        for column in range(self.model.columnCount()):  # long award names must not push eligibility off screen
            self.table.setColumnWidth(column, min(self.table.columnWidth(column), 220))

    def on_changed(self, changes: Change) -> None:
        shown = self.current.id if self.current else None
        self.refresh()
        rows = [row for row in range(self.model.rowCount()) if self.model.row_object(row).id == shown]
        if rows:  # the officer keeps what they were reading (unless it left the list)
            self.table.selectRow(rows[0])

    def _selected(self, selected: QItemSelection, _deselected: QItemSelection) -> None:
        rows = selected.indexes()
        if rows:
            self.show_nomination(self.model.row_object(rows[0].row()).id)

    def select_row(self, row: int) -> None:
        self.table.selectRow(row)

    def select_nomination(self, nomination_id: str) -> None:
        for row in range(self.model.rowCount()):
            if self.model.row_object(row).id == nomination_id:
                self.table.selectRow(row)
                return
        self.show_nomination(nomination_id)  # filtered out of the list: still show what happened to it

    # The selected nomination -------------------------------------------------------------
    def show_nomination(self, nomination_id: str | None) -> None:
        self.current = ops.run(self, lambda: self.nominations.get(nomination_id)) if nomination_id else None
        if self.current is None:
            self.detail.clear()
            self.detail_title.clear()
            self.history.setRowCount(0)
            self._fill_moves()
            return
        n = self.current
        decision = ops.run(self, lambda: self.nominations.evaluate(n.id, as_of=self.today, store=False))
        lines = decision_lines(decision, ops.current_lang(), unverified_mark=UNVERIFIED_MARK) if decision else []
        if any(line.endswith(UNVERIFIED_MARK) for line in lines):
            lines.append(unverified_legend())  # the mark is about the law's source, not the nominee
        lines = self._province_review_lines(n.id) + lines
        docs = ops.run(self, lambda: self.nominations.documents(n.id)) or []
        if docs:
            lines += ["", self.tr("Dossier:")]
            for d in docs:
                name = d.name_vi if ops.current_lang() == "vi" else d.name_en
                files = f" ({'; '.join(d.files)})" if d.files else ""
                lines.append(f"{'✓' if d.provided else '✗'} {name}{files}")
        self.detail_title.setText(f"<b>{n.nominee_name}</b> — {n.award_name} — {status_text(n.status)}")
        self.detail.setPlainText("\n".join(lines))
        self._fill_history(n.id)
        self._fill_moves()

    def _province_review_lines(self, nomination_id: str) -> list[str]:
        """The province's verdict, its reason and its checklist notes, first: a returned dossier
        comes back in a bundle and the commune fixes it from these."""
        review = ops.run(self, lambda: self.nominations.province_review(nomination_id))
        if review is None:
            return []
        day = review.reviewed_at.replace(tzinfo=UTC).astimezone().strftime("%d/%m/%Y")
        lines = [self.tr("Province's review: %1 on %2").replace("%1", status_text(review.status)).replace("%2", day)]
        if review.reason:
            lines.append(self.tr("Reason: %1").replace("%1", review.reason))
        if review.notes:
            lines.append(self.tr("Checklist notes:"))
            vi = ops.current_lang() == "vi"
            for note in review.notes:
                name = note.name_vi if vi else note.name_en
                lines.append(f"{'✓' if note.checked else '✗'} {name}" + (f": {note.note}" if note.note else ""))
        if review.changed_since:
            lines.append(self.tr("(The dossier was changed after this review.)"))
        return [*lines, ""]

    def _fill_history(self, nomination_id: str) -> None:
        events = ops.run(self, lambda: self.nominations.history(nomination_id)) or []
        self.history.setRowCount(len(events))
        for row, e in enumerate(events):
            at = datetime.fromisoformat(str(e["at"])).replace(tzinfo=UTC).astimezone()
            for column, text in enumerate((datetime_text(at), status_text(str(e["to"])),
                                           str(e["actor"]), str(e["reason"]))):
                item = QTableWidgetItem(text)
                item.setToolTip(text)
                self.history.setItem(row, column, item)
        self.history.resizeRowsToContents()

    def _move_label(self, target: str) -> str:
        labels = {
            "submitted": self.tr("Submit to the higher level"),
            "received": self.tr("Received by the higher level"),
            "in_review": self.tr("Under review"),
            "approved": self.tr("Approved by the review"),
            "returned": self.tr("Returned to complete…"),
            "rejected": self.tr("Not approved…"),
            "decided": self.tr("Decided by the higher level"),
            "draft": self.tr("Back to draft"),
        }
        return labels.get(target, status_text(target))

    def _fill_moves(self) -> None:
        while self.moves.count():
            item = self.moves.takeAt(0)
            widget = item.widget() if item is not None else None
            if widget is not None:
                widget.deleteLater()
        self.move_buttons.clear()
        hints = []
        n = self.current
        allowed = sorted(NOMINATION_TRANSITIONS[NominationStatus(n.status)],
                         key=list(NominationStatus).index) if n else []
        for target in allowed:
            # The council screen records the vote, and the decisions screen writes the award history.
            if target is NominationStatus.COUNCIL_VOTED:
                hints.append(self.tr("It moves on after the council votes (Emulation council screen)."))
                continue
            if n and n.status == NominationStatus.COUNCIL_VOTED.value and target is NominationStatus.DECIDED:
                hints.append(self.tr("A commune-level title is decided on the Decisions screen."))
                continue
            button = QPushButton(self._move_label(target.value))
            button.clicked.connect(lambda _c=False, t=target.value: self.move_selected(t))
            self.moves.addWidget(button, len(self.move_buttons) // 2, len(self.move_buttons) % 2)
            self.move_buttons[target.value] = button
        if n is not None and not allowed:
            hints.append(self.tr("This nomination has reached its final status."))
        self.moves_label.setVisible(n is not None)
        self.move_hint.setText(" ".join(hints))
        self.move_hint.setVisible(bool(hints))

    def move_selected(self, target: str) -> None:
        """Move the shown nomination; the service refuses a move the state machine does not allow,
        and one made on a nomination someone changed since it was shown (then it is shown anew)."""
        n = self.current
        if n is None:
            return
        reason = ""
        if target in NEEDS_REASON:
            typed = ask_reason(self, self._move_label(target).rstrip("…"),
                               self.tr("Why? The commune will see this reason in the history."))
            if typed is None:
                return
            reason = typed
        # The token read with the shown nomination: a move or an edit someone else saved since is
        # refused with who and when (RECORD_CHANGED), never silently overwritten.
        moved = ops.run(self, lambda: self.nominations.transition(n.id, target, reason, expected=n.token),
                        changes=Change.NOMINATIONS)
        if moved is None:
            self.show_nomination(n.id)  # show where it really is now
            return
        self.model.reload()
        self.count.setText(self.tr("%n nominations", "", self.model.total))
        self.select_nomination(moved.id)
        self.show_nomination(moved.id)

    def _print_button(self, printing: PrintService | None) -> PrintButton:
        """The selected nomination's batch papers (and the whole batch), then its own dossier report."""
        button = PrintButton(printing, self)
        button.add_group(lambda: self._print_header(batch=True),
                         lambda: self.current.batch_id if self.current else None,
                         entries_for("batch", {"submission": submission_levels, "list": submission_levels})
                         + entries(BATCH))
        button.add_group(lambda: self._print_header(batch=False), lambda: self.current.id if self.current else None,
                         entries_for("nomination"))
        return button

    def _excel_button(self, excel: ExcelExportService | None) -> ExcelButton:
        """The selected nomination's batch as the official list of nominees."""
        button = ExcelButton(self)
        if excel is not None:
            button.add_header(lambda: self._print_header(batch=True))
            button.add_entry("nominees", lambda: self.tr("Export the list of nominees (Excel)…"),
                             lambda: self.export_nominees(excel), enabled=lambda: self.current is not None)
        return button

    def export_nominees(self, excel: ExcelExportService) -> object:
        n = self.current
        if n is None:
            return None
        year = next((b.year for b in self.nominations.batches() if b.id == n.batch_id), "")
        return export_workbook(self, excel, "nominees", f"danh-sach-de-nghi-{year}.xlsx", batch_id=n.batch_id)

    def _print_header(self, batch: bool) -> str:
        n = self.current
        if n is None:
            return self.tr("Select a nomination first")
        if not batch:
            return self.tr("Nomination: %1").replace("%1", n.nominee_name)
        name = next((f"{b.name} ({b.year})" for b in self.nominations.batches() if b.id == n.batch_id), "")
        return self.tr("Batch: %1").replace("%1", name)

    def new_nomination(self) -> None:
        wizard = NominationWizard(self.nominations, self.attachments, self.today, self, self.drafts)
        wizard.restore_draft()
        if wizard.exec() and wizard.saved:
            self.refresh()
            self.select_nomination(wizard.saved[0].id)
        wizard.deleteLater()

    def retranslate(self) -> None:
        self.search.setPlaceholderText(self.tr("Search by nominee name, with or without accents…"))
        self.status_label.setText(self.tr("Status:"))
        self.status.setItemText(0, self.tr("All"))
        for i in range(1, self.status.count()):
            self.status.setItemText(i, status_text(self.status.itemData(i)))
        self.new_button.setText(self.tr("New nomination…"))
        self.new_button.setToolTip(QKeySequence(QKeySequence.StandardKey.New).toString(
            QKeySequence.SequenceFormat.NativeText))
        self.model.set_titles([self.tr("Nominee"), self.tr("Award"), self.tr("Status"), self.tr("Eligibility")])
        self.count.setText(self.tr("%n nominations", "", self.model.total))
        self.history_label.setText(self.tr("Status history"))
        self.history.setHorizontalHeaderLabels([self.tr("When"), self.tr("Status"), self.tr("Done by"),
                                                self.tr("Reason")])
        self.moves_label.setText(self.tr("Move to the next status:"))
        if self.current is not None:
            self.show_nomination(self.current.id)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def prepare_screenshot(self) -> None:
        """Show a nomination's checklist and history in the documentation screenshots."""
        if self.model.rowCount():
            self.table.selectRow(0)
