"""Thẩm định hồ sơ: one dossier as the provincial reviewer works on it, in a window over the queue.

Left: the documents (printed from the dossier, previewed with the print engine, and the files the
commune attached) and the checklist of the award's dossier items, each checked with a note.
Right: the eligibility recomputed with the province's catalog and every commune's records of the
nominee (the records used are named), and the reviewers' comments. Below: the verdict, approve,
return (a reason, prefilled from the checklist) or reject (a reason), through ``ops``.

``DossierReviewScreen(service, printing, today, parent)``; ``load(nomination_id)``; ``reviewed``
fires after a verdict with the dossier's id."""

from __future__ import annotations

from datetime import date, datetime

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ...services.attachments import is_executable_name
from ...services.changes import Change
from ...services.dossier_review import DossierReview, DossierReviewService
from ...services.dossier_review_views import ChecklistLine, CriterionLine
from ...services.printing import PrintService
from .. import dialogs, ops
from ..locale_format import date_text, datetime_text
from ..print_actions import label as document_label
from ..reflow import WrapLabel
from ..texts import UNVERIFIED_MARK, status_text, unverified_legend
from . import activity_files
from .activities import open_path
from .nomination_wizard_check import COLORS, MARKS, WrapDelegate
from .nomination_wizard_pages import outcome_text

CHANGED_COLOUR = "#8a5a00"
DOC_ROLE = Qt.ItemDataRole.UserRole  # ("print", kind, target) or ("file", attachment id, name)
CODE_ROLE = Qt.ItemDataRole.UserRole
NOTE_WIDTH, NOTE_MIN_WIDTH = 170, 80  # the checklist's note column: as wide as it may be, as narrow


def ask_reason(parent: QWidget | None, title: str, label: str, text: str = "") -> str | None:
    """Why a dossier is returned or rejected, ``text`` offered to edit; None when cancelled (tests
    replace this function)."""
    dialog = QDialog(parent)
    dialog.setWindowTitle(title)
    editor = QPlainTextEdit(text)
    buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
    buttons.accepted.connect(dialog.accept)
    buttons.rejected.connect(dialog.reject)
    layout = QVBoxLayout(dialog)
    caption = QLabel(label)
    caption.setWordWrap(True)
    layout.addWidget(caption)
    layout.addWidget(editor)
    layout.addWidget(buttons)
    dialog.resize(560, 300)
    return editor.toPlainText() if dialog.exec() == QDialog.DialogCode.Accepted else None


def _when(moment: datetime | None) -> str:
    return datetime_text(moment)


class DossierReviewScreen(QDialog):
    reviewed = Signal(str)  # a nomination id: a verdict was recorded on it

    def __init__(self, service: DossierReviewService, printing: PrintService | None = None,
                 today: date | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowFlag(Qt.WindowType.Window)  # its own window beside the queue, never modal
        self.service = service
        self.printing = printing
        self.today = today
        self.view: DossierReview | None = None
        self.nomination_id: str | None = None
        self._filling = False
        self.title = QLabel()
        self.title.setWordWrap(True)
        self.title.setTextFormat(Qt.TextFormat.RichText)
        self.state = QLabel()
        self.state.setWordWrap(True)
        self.state.setTextFormat(Qt.TextFormat.RichText)

        self.documents = QTreeWidget()
        self.documents.setHeaderHidden(True)
        self.documents.itemDoubleClicked.connect(lambda item, _c: self.open_document(item))
        self.open_button = QPushButton()
        self.open_button.clicked.connect(lambda: self.open_document(self.documents.currentItem()))
        self.checklist = QTableWidget(0, 4)
        self.checklist.verticalHeader().setVisible(False)
        self.checklist.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.checklist.setEditTriggers(QAbstractItemView.EditTrigger.DoubleClicked
                                       | QAbstractItemView.EditTrigger.EditKeyPressed
                                       | QAbstractItemView.EditTrigger.SelectedClicked)
        self.checklist.setWordWrap(True)
        header = self.checklist.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)  # the item's name, wrapped
        header.setSectionResizeMode(3, QHeaderView.ResizeMode.Interactive)
        header.resizeSection(3, NOTE_WIDTH)
        self.checklist.viewport().installEventFilter(self)  # the note column gives way when narrow
        # Rows as high as their wrapped names, whatever the width.
        self.checklist.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.checklist.itemChanged.connect(self._checklist_changed)
        self.checklist_hint = WrapLabel()
        self.checklist_hint.setStyleSheet("color: #555;")

        self.outcome = QLabel()
        self.criteria = QTreeWidget()
        self.criteria.setColumnCount(2)
        self.criteria.setWordWrap(True)
        self.criteria.setTextElideMode(Qt.TextElideMode.ElideNone)
        self.criteria.setUniformRowHeights(False)
        self.criteria.setItemDelegate(WrapDelegate(self.criteria))
        self.criteria.setColumnWidth(0, 110)
        self.criteria.header().setStretchLastSection(True)
        self.criteria.header().sectionResized.connect(lambda *_: self.criteria.doItemsLayout())
        self.sources = WrapLabel()  # whole at 150% too: the splitter gives the box the room
        self.sources.setTextFormat(Qt.TextFormat.RichText)
        self.legend = WrapLabel()
        self.legend.setStyleSheet("color: #555;")
        self.comments = QListWidget()
        self.comments.setWordWrap(True)
        self.comment_editor = QPlainTextEdit()
        self.comment_editor.setFixedHeight(52)
        self.comment_button = QPushButton()
        self.comment_button.clicked.connect(self.add_comment)

        self.last_review = QLabel()
        self.last_review.setWordWrap(True)
        self.approve_button, self.return_button, self.reject_button = QPushButton(), QPushButton(), QPushButton()
        self.approve_button.clicked.connect(lambda: self.decide("approved"))
        self.return_button.clicked.connect(lambda: self.decide("returned"))
        self.reject_button.clicked.connect(lambda: self.decide("rejected"))
        self.close_button = QPushButton()
        self.close_button.clicked.connect(self.close)

        self.documents_box, self.checklist_box = QGroupBox(), QGroupBox()
        self.eligibility_box, self.comments_box = QGroupBox(), QGroupBox()
        documents = QVBoxLayout(self.documents_box)
        documents.addWidget(self.documents, 1)
        documents.addWidget(self.open_button, 0, Qt.AlignmentFlag.AlignRight)
        checklist = QVBoxLayout(self.checklist_box)
        checklist.addWidget(self.checklist, 1)
        checklist.addWidget(self.checklist_hint)
        eligibility = QVBoxLayout(self.eligibility_box)
        eligibility.addWidget(self.outcome)
        eligibility.addWidget(self.criteria, 1)
        eligibility.addWidget(self.sources)
        eligibility.addWidget(self.legend)
        comments = QVBoxLayout(self.comments_box)
        comments.addWidget(self.comments, 1)
        add_row = QHBoxLayout()
        add_row.addWidget(self.comment_editor, 1)
        add_row.addWidget(self.comment_button, 0, Qt.AlignmentFlag.AlignBottom)
        comments.addLayout(add_row)
        left, right = QSplitter(Qt.Orientation.Vertical), QSplitter(Qt.Orientation.Vertical)
        left.addWidget(self.documents_box)
        left.addWidget(self.checklist_box)
        left.setSizes([200, 320])
        right.addWidget(self.eligibility_box)
        right.addWidget(self.comments_box)
        right.setSizes([340, 180])
        body = QSplitter(Qt.Orientation.Horizontal)
        body.addWidget(left)
        body.addWidget(right)
        body.setSizes([560, 640])
        buttons = QHBoxLayout()
        buttons.addWidget(self.last_review, 1)
        for button in (self.approve_button, self.return_button, self.reject_button, self.close_button):
            buttons.addWidget(button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.title)
        layout.addWidget(self.state)
        layout.addWidget(body, 1)
        layout.addLayout(buttons)
        self.resize(1240, 680)  # inside a 1366×768 screen with the taskbar
        # A bundle bringing a newer version, or a verdict from another window, shows here at once.
        self._subscribed = ops.subscribe(self, Change.NOMINATIONS | Change.SYNC | Change.CATALOG,
                                         lambda _c: self.refresh())
        self.retranslate()

    # Data ----------------------------------------------------------------------------------
    def load(self, nomination_id: str) -> bool:
        self.nomination_id = nomination_id
        return self.refresh()

    def refresh(self) -> bool:
        nomination_id = self.nomination_id
        if nomination_id is None:
            return False
        view = ops.run(self, lambda: self.service.dossier(nomination_id, self.today, ops.current_lang()))
        if view is None:
            return False
        self.view = view
        self._fill()
        return True

    def _fill(self) -> None:
        view = self.view
        if view is None:
            return
        self._filling = True
        self.setWindowTitle(self.tr("Dossier review — %1").replace("%1", view.nominee_name))
        self.title.setText(f"<b>{_html(view.nominee_name)}</b> — {_html(view.award_name)} {view.year}"
                           f" · {_html(view.unit_name or view.unit_code)} · {_html(view.batch_name)}")
        state = self.tr("Status: %1 · version %2").replace("%1", status_text(view.status)).replace(
            "%2", str(view.version))
        if view.with_commune:
            state += " · " + self.tr("the commune is correcting it")
        if view.changed_since_review:
            state += (f' · <span style="color:{CHANGED_COLOUR}"><b>'
                      + _html(self.tr("Changed since review (the last review looked at version %1)")
                              .replace("%1", str(view.reviewed_version))) + "</b></span>")
        self.state.setText(state)
        self._fill_documents(view)
        self._fill_checklist(view.checklist)
        self._fill_eligibility(view)
        self._fill_comments(view)
        self._fill_verdict(view)
        self._filling = False

    def _fill_documents(self, view: DossierReview) -> None:
        self.documents.clear()
        printed = QTreeWidgetItem([self.tr("Printed from the dossier")])
        for doc in view.documents:
            item = QTreeWidgetItem([document_label(doc.kind)])
            item.setData(0, DOC_ROLE, ("print", doc.kind, doc.target_id))
            item.setToolTip(0, doc.title_vi)
            printed.addChild(item)
        attached = QTreeWidgetItem([self.tr("Files the commune attached")])
        for line in view.checklist:
            for file in line.files:
                item = QTreeWidgetItem([f"{file.file_name} — {line.name}"])
                item.setData(0, DOC_ROLE, ("file", file.attachment_id, file.file_name))
                item.setToolTip(0, f"{file.file_name}\n{line.name}")
                attached.addChild(item)
        if not attached.childCount():
            attached.addChild(QTreeWidgetItem([self.tr("(no file attached)")]))
        self.documents.addTopLevelItems([printed, attached])
        self.documents.expandAll()
        first = printed.child(0)  # None when nothing is printed
        if first is not None:
            self.documents.setCurrentItem(first)

    def _fill_checklist(self, lines: tuple[ChecklistLine, ...]) -> None:
        table = self.checklist
        table.blockSignals(True)
        table.setRowCount(len(lines))
        for row, line in enumerate(lines):
            check = QTableWidgetItem()
            check.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsUserCheckable | Qt.ItemFlag.ItemIsSelectable)
            check.setCheckState(Qt.CheckState.Checked if line.checked else Qt.CheckState.Unchecked)
            check.setData(CODE_ROLE, line.code)
            name = QTableWidgetItem(line.name + ("" if line.required else " " + self.tr("(if any)")))
            sent = QTableWidgetItem(self._sent_text(line))
            note = QTableWidgetItem(line.note)
            for item in (name, sent):
                item.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable)
            tip = (self.tr("Checked by %1 on %2").replace("%1", line.checked_by).replace("%2", _when(line.checked_at))
                   if line.checked_at else "")
            if line.stale:
                tip += "\n" + self.tr("Checked on an earlier version: the commune changed the dossier since.")
                check.setBackground(QBrush(QColor("#fdebc0")))
            for item in (check, name, sent, note):
                item.setToolTip(tip.strip())
            for column, item in enumerate((check, name, sent, note)):
                table.setItem(row, column, item)
        table.blockSignals(False)

    def _sent_text(self, line: ChecklistLine) -> str:
        if line.files:
            return self.tr("Yes, %n file(s)", "", len(line.files))
        return self.tr("Yes") if line.provided else self.tr("Not sent")

    def _fill_eligibility(self, view: DossierReview) -> None:
        check = view.eligibility
        words = outcome_text(check.outcome) if check.outcome != "unknown_award" else self.tr(
            "The province's catalog has no award with this code")
        colour = {"eligible": COLORS["pass"], "not_eligible": COLORS["fail"]}.get(check.outcome, COLORS["unknown"])
        self.outcome.setText(self.tr("Result with the province's catalog (%1) on %2: %3")
                             .replace("%1", check.catalog_version).replace("%2", date_text(check.as_of))
                             .replace("%3", words))
        self.outcome.setStyleSheet(f"background: {colour.name()}; color: #000; padding: 3px;")
        self.outcome.setWordWrap(True)
        self.criteria.clear()
        for line in check.criteria:
            self.criteria.addTopLevelItem(self._criterion(line))
        self.criteria.expandAll()
        self.legend.setText(unverified_legend())
        self.legend.setVisible(any(not line.verified for line in check.criteria))
        self.sources.setText(self._sources_text(view))

    def _criterion(self, line: CriterionLine) -> QTreeWidgetItem:
        result = {"pass": self.tr("Met"), "fail": self.tr("Not met"), "unknown": self.tr("Unknown")}[line.outcome]
        text = line.text + ("" if line.verified else f" {UNVERIFIED_MARK}")
        if line.added_by_review:
            text += " " + self.tr("(checked at the province, across communes)")
        item = QTreeWidgetItem([f"{MARKS[line.outcome]} {result}", text])
        for column in range(2):
            item.setBackground(column, QBrush(COLORS[line.outcome]))
            item.setForeground(column, QBrush(QColor("#000000")))
            item.setToolTip(column, text)
        for child in line.children:
            item.addChild(self._criterion(child))
        return item

    def _sources_text(self, view: DossierReview) -> str:
        check = view.eligibility
        parts = []
        for source in check.sources:
            where = _html(source.unit_name or source.unit_code or self.tr("an office not enrolled"))
            who = (self.tr("the nominating commune") if source.matched_by == "nominee"
                   else self.tr("same CCCD, registered as %1").replace("%1", source.person_name))
            held = "; ".join(source.awards) if source.awards else self.tr("no award recorded")
            counts = self.tr("%1 award(s), %2 yearly rating(s), %3 discipline record(s)").replace(
                "%1", str(len(source.awards))).replace("%2", str(source.ratings)).replace("%3", str(source.disciplines))
            parts.append(f"<b>{where}</b> ({_html(who)}): {_html(counts)} — {_html(held)}")
        notes = {"cccd": self.tr("People are matched across communes by CCCD."),
                 "no_cccd": self.tr("The nominee has no CCCD recorded: only the nominating commune's records "
                                    "were used."),
                 "collective": self.tr("A collective or household is one commune's own: its records were used.")}
        heading = self.tr("Records used:")
        return f"{_html(heading)} " + "<br>".join(parts) + f"<br><i>{_html(notes.get(check.match, ''))}</i>"

    def _fill_comments(self, view: DossierReview) -> None:
        self.comments.clear()
        for comment in view.comments:
            with_verdict = (" · " + self.tr("before the verdict: %1").replace("%1", status_text(comment.verdict))
                            if comment.verdict else "")
            item = QListWidgetItem(f"{comment.author} · {_when(comment.created_at)}{with_verdict}\n{comment.text}")
            self.comments.addItem(item)
        if not view.comments:
            self.comments.addItem(QListWidgetItem(self.tr("No comment yet.")))
        self.comments.scrollToBottom()

    def _fill_verdict(self, view: DossierReview) -> None:
        for outcome, button in (("approved", self.approve_button), ("returned", self.return_button),
                                ("rejected", self.reject_button)):
            button.setEnabled(outcome in view.allowed)
        verdicts = [r for r in view.reviews if r.status != "received"]
        if not verdicts:
            self.last_review.setText(self.tr("Not reviewed yet."))
            return
        last = verdicts[-1]
        text = (self.tr("Last review: %1 on %2 (version %3)").replace("%1", status_text(last.status))
                .replace("%2", _when(last.at)).replace("%3", str(last.reviewed_version)))
        self.last_review.setText(text + (f": {last.reason}" if last.reason else ""))

    # Actions -------------------------------------------------------------------------------
    def open_document(self, item: QTreeWidgetItem | None) -> None:
        data = item.data(0, DOC_ROLE) if item is not None else None
        if not data or self.nomination_id is None:
            return
        if data[0] == "print":
            if self.printing is not None:
                from ..print_preview import show_document  # loaded when first used: pypdfium2 is heavy

                show_document(self, self.printing, data[1], data[2])
            return
        nomination_id = self.nomination_id
        path = ops.run(self, lambda: self.service.file_path(nomination_id, data[1]))
        if path is not None and is_executable_name(path.name):  # never run a program a commune attached
            activity_files.handle_blocked_file(self, path)
        elif path is not None and not open_path(path):
            dialogs.error(self, self.tr("Cannot open the file"),
                          self.tr("No program on this computer opens «%1».").replace("%1", path.name))

    def _checklist_changed(self, item: QTableWidgetItem) -> None:
        if self._filling or item.column() not in (0, 3):
            return
        row = item.row()
        check, note = self.checklist.item(row, 0), self.checklist.item(row, 3)
        if check is None or note is None:
            return
        # Shown again once the edit's own signal is over: the table is rebuilt, this cell with it.
        self.set_item(str(check.data(CODE_ROLE)), check.checkState() == Qt.CheckState.Checked, note.text(),
                      later=True)

    def set_item(self, code: str, checked: bool, note: str, later: bool = False) -> bool:
        """Save one checklist line (ticked, or its note edited) and show the dossier again."""
        nomination_id = self.nomination_id
        if nomination_id is None:
            return False
        done = ops.perform(self, lambda: self.service.set_item(nomination_id, code, checked, note)).ok
        if later:
            QTimer.singleShot(0, self, self.refresh)  # saved or refused, the table shows what is stored
        else:
            self.refresh()
        return done

    def add_comment(self) -> bool:
        nomination_id, text = self.nomination_id, self.comment_editor.toPlainText()
        if nomination_id is None or not text.strip():
            return False
        if not ops.perform(self, lambda: self.service.add_comment(nomination_id, text)).ok:
            return False
        self.comment_editor.clear()
        self.refresh()
        return True

    def _return_draft(self) -> str:
        """The reason offered when returning: the checklist items not checked, with their notes."""
        view = self.view
        if view is None:
            return ""
        lines = [f"- {line.name}" + (f": {line.note}" if line.note else "")
                 for line in view.checklist if not line.checked and (line.required or line.note)]
        return "\n".join(lines)

    def decide(self, outcome: str) -> bool:
        """Record a verdict on the dossier's current version; a return or a rejection asks why."""
        view, nomination_id = self.view, self.nomination_id
        if view is None or nomination_id is None:
            return False
        reason = ""
        if outcome in ("returned", "rejected"):
            title = self.tr("Return the dossier") if outcome == "returned" else self.tr("Reject the dossier")
            label = (self.tr("Why is it returned? The commune sees this reason, and the checklist, after its "
                             "next bundle, and can submit the dossier again.") if outcome == "returned"
                     else self.tr("Why is it rejected? The commune sees this reason after its next bundle."))
            typed = ask_reason(self, title, label, self._return_draft() if outcome == "returned" else "")
            if typed is None:
                return False
            reason = typed
        else:
            missing = [line for line in view.checklist if line.required and not line.checked]
            if missing and not dialogs.ask_yes_no(self, self.tr("Approve the dossier"), self.tr(
                    "%n required item(s) of the checklist are not checked. Approve the dossier anyway?", "",
                    len(missing))):
                return False
        if not ops.perform(self, lambda: self.service.decide(nomination_id, outcome, reason)).ok:
            return False
        if not self._subscribed:
            self.refresh()  # in the main window the announced change has refreshed it already
        self.reviewed.emit(nomination_id)
        return True

    # Texts ---------------------------------------------------------------------------------
    def retranslate(self) -> None:
        self.documents_box.setTitle(self.tr("Dossier documents"))
        self.checklist_box.setTitle(self.tr("Checklist of the dossier items"))
        self.eligibility_box.setTitle(self.tr("Eligibility, recomputed at the province"))
        self.comments_box.setTitle(self.tr("Comments"))
        self.open_button.setText(self.tr("Open / preview"))
        self.checklist.setHorizontalHeaderLabels([self.tr("Checked"), self.tr("Dossier item"), self.tr("Sent"),
                                                  self.tr("Note (double-click to write)")])
        self.checklist_hint.setText(self.tr("Tick an item once you have checked it in the dossier; a note says "
                                            "what is wrong. They travel to the commune with the verdict."))
        self.criteria.setHeaderLabels([self.tr("Result"), self.tr("Reason and evidence")])
        self.comment_editor.setPlaceholderText(self.tr("A comment for the other reviewers (stays at the province)"))
        self.comment_button.setText(self.tr("Add comment"))
        self.approve_button.setText(self.tr("Approve"))
        self.return_button.setText(self.tr("Return…"))
        self.reject_button.setText(self.tr("Reject…"))
        self.close_button.setText(self.tr("Close"))
        self._fill()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
            self.refresh()  # the award and dossier item names come in the language
        super().changeEvent(event)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.checklist.viewport() and event.type() == QEvent.Type.Resize:
            self._fit_note_column()
        return super().eventFilter(watched, event)

    def _fit_note_column(self) -> None:
        """On a laptop at 150% the checklist is about 370 pixels wide: with the note column at its
        170 the item's name (which wraps) was left a word per line. The note gives way down to half
        of what the two narrow columns leave; at 100% it keeps its 170."""
        header = self.checklist.horizontalHeader()
        rest = self.checklist.viewport().width() - header.sectionSize(0) - header.sectionSize(2)
        header.resizeSection(3, max(NOTE_MIN_WIDTH, min(NOTE_WIDTH, rest // 2)))


def _html(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
