"""Trùng lặp giữa các xã: the provincial office's list of open duplicate findings (the same person
nominated by two communes, the same achievement nominated twice, award histories that disagree),
both sides of the selected one next to each other with what differs highlighted, and the answer
form: a choice and a reason, saved through ``ops`` (services/duplicates.py stores and audits it).

``DuplicatesScreen(service)``; a Watcher of the kinds its findings come from."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QItemSelectionModel, Qt
from PySide6.QtGui import QFont, QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from ...domain.errors import DomainError
from ...domain.text import collation_string, name_sort_string, search_key
from ...messages import render
from ...services.changes import Change
from ...services.duplicate_views import (
    DIFFERENT_PEOPLE,
    KEEP_BOTH,
    LINK_PERSON,
    RETURN_NOMINATION,
    FindingView,
)
from ...services.duplicates import DuplicateService
from .. import dialogs, ops
from ..models.sortable import SortableTableModel, SortColumn
from .duplicate_compare import ComparisonTable

KINDS = ("same_person", "same_achievement", "history_conflict")
# Codes the officer can only act on by looking again: the list is re-read after showing them.
_STALE = ("DUPLICATE_FINDING_CHANGED", "DUPLICATE_ALREADY_RESOLVED")


class DuplicatesScreen(QWidget, ops.Watcher):
    # Findings come from people, nominations (and the province's reviews of them), award records,
    # decisions, and the records a bundle brings or the quarantine holds back.
    watches = Change.PEOPLE | Change.NOMINATIONS | Change.RECORDS | Change.DECISIONS | Change.SYNC
    live = False  # the whole province is compared: re-read when next shown, not while hidden

    def __init__(self, service: DuplicateService, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.service = service
        self.views: list[FindingView] = []
        self.current: FindingView | None = None
        self._quiet = False
        self._fitted = False  # the list's width is set once, when first shown
        self.kind = QComboBox()
        self.kind.currentIndexChanged.connect(lambda _i: self.apply_filter())
        self.search = QLineEdit()
        self.search.setClearButtonEnabled(True)
        self.search.textChanged.connect(lambda _t: self.apply_filter())
        self.summary = QLabel()
        self.summary.setWordWrap(True)

        self.model = SortableTableModel(self._columns(), self, tooltip=self._row_tip)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setSortingEnabled(True)
        self.table.horizontalHeader().setSortIndicator(0, Qt.SortOrder.AscendingOrder)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().setVisible(False)
        self.table.setWordWrap(False)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.table.selectionModel().selectionChanged.connect(lambda *_a: self._selected())

        self.headline = QLabel()
        bold = QFont()
        bold.setBold(True)
        self.headline.setFont(bold)
        self.headline.setWordWrap(True)
        self.note = QLabel()
        self.note.setWordWrap(True)
        self.compare = ComparisonTable()

        self.choice = QComboBox()
        self.choice.currentIndexChanged.connect(lambda _i: self._choice_changed())
        self.nomination = QComboBox()
        self.nomination_label = QLabel()
        self.reason = QPlainTextEdit()
        self.reason.setTabChangesFocus(True)
        self.reason.setFixedHeight(self.fontMetrics().lineSpacing() * 3 + 12)
        self.form_error = QLabel()
        self.form_error.setWordWrap(True)
        self.form_error.setStyleSheet("color: #b00020;")
        self.save_button = QPushButton()
        self.save_button.clicked.connect(self.resolve)
        self.answer = QGroupBox()
        form = QFormLayout(self.answer)
        self.choice_label, self.reason_label = QLabel(), QLabel()
        form.addRow(self.choice_label, self.choice)
        form.addRow(self.nomination_label, self.nomination)
        form.addRow(self.reason_label, self.reason)
        buttons = QHBoxLayout()
        buttons.addWidget(self.form_error, 1)
        buttons.addWidget(self.save_button, 0, Qt.AlignmentFlag.AlignTop)
        form.addRow(buttons)

        detail = QWidget()
        column = QVBoxLayout(detail)
        column.setContentsMargins(0, 0, 0, 0)
        column.addWidget(self.headline)
        column.addWidget(self.note)
        column.addWidget(self.compare, 1)
        column.addWidget(self.answer)
        self.split = QSplitter(Qt.Orientation.Horizontal)
        self.split.setObjectName("duplicates_split")
        self.split.addWidget(self.table)
        self.split.addWidget(detail)
        self.split.setStretchFactor(0, 4)
        self.split.setStretchFactor(1, 5)
        top = QHBoxLayout()
        top.addWidget(self.kind)
        top.addWidget(self.search, 1)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.summary)
        layout.addWidget(self.split, 1)
        self.retranslate()
        self.refresh()

    # The list -------------------------------------------------------------------------------------
    def _columns(self) -> list[SortColumn]:
        titles = self._titles()
        return [
            SortColumn(titles[0], self.kind_text, lambda v: (KINDS.index(v.kind), v.key)),
            SortColumn(titles[1], lambda v: v.person_name, lambda v: name_sort_string(v.person_name)),
            SortColumn(titles[2], lambda v: " / ".join(v.communes),
                       lambda v: collation_string(" / ".join(v.communes))),
            SortColumn(titles[3], self._award_text, lambda v: (collation_string(v.award_name), v.year or 0)),
        ]

    def _titles(self) -> list[str]:
        return [self.tr("Finding"), self.tr("Person"), self.tr("Communes"), self.tr("Award")]

    def kind_text(self, view: FindingView | str) -> str:
        kind = view if isinstance(view, str) else view.kind
        return {"same_person": self.tr("Same person"),
                "same_achievement": self.tr("Nominated twice"),
                "history_conflict": self.tr("Histories differ")}.get(kind, kind)

    def kind_tip(self, kind: str) -> str:
        return {"same_person": self.tr("The same person on two communes' registers, nominated by both (or one "
                                       "record held back among the pending records)"),
                "same_achievement": self.tr("The same person nominated twice for one award in the same year or "
                                            "period, by one commune or by two"),
                "history_conflict": self.tr("Two communes record this person's awards differently, or one lacks "
                                            "an award the other records")}.get(kind, "")

    def _award_text(self, view: FindingView) -> str:
        if not view.award_code:
            return ""
        years = f"{view.year}" + (f", {view.other_year}" if view.other_year else "")
        return f"{view.award_short} {years}" if view.year else view.award_short

    def _row_tip(self, view: FindingView) -> str:
        lines = [self.kind_tip(view.kind), self.reason_text(view)]
        if view.award_name:
            lines.append(view.award_name)
        return "\n".join(line for line in lines if line)

    def reason_text(self, view: FindingView) -> str:
        return {"SAME_CCCD": self.tr("Same CCCD number"),
                "SAME_NAME_BIRTH_ETHNICITY": self.tr("Same name, date of birth and ethnic group (a CCCD number is "
                                                     "missing)"),
                "SAME_RECORD": self.tr("One record, nominated twice")}.get(view.reason, view.reason)

    def refresh(self) -> None:
        views = ops.run(self, self.service.findings)
        if views is None:
            return
        self.views = views
        self.apply_filter()

    def on_changed(self, changes: Change) -> None:
        self.refresh()

    def apply_filter(self) -> None:
        """The findings the kind chosen and the search let through; the selection stays on its finding."""
        chosen = self.current.key if self.current else None
        kind = self.kind.currentData()
        wanted = search_key(self.search.text())
        rows = [v for v in self.views if (not kind or v.kind == kind) and (
            not wanted or wanted in search_key(" ".join([v.a.values.get("full_name", ""), *v.communes,
                                                         v.a.commune_code, v.b.commune_code])))]
        self._quiet = True  # the reset clears the selection for a moment: not a choice of the officer's
        try:
            self.model.set_rows(rows)
            if not (chosen and self.select_finding(chosen)) and rows:
                self.table.selectRow(0)
        finally:
            self._quiet = False
        self._selected()
        self.retranslate_summary()

    def select_finding(self, key: str) -> bool:
        for row in range(self.model.rowCount()):
            if self.model.row_object(row).key == key:
                self.table.selectionModel().select(self.model.index(row, 0),
                                                   QItemSelectionModel.SelectionFlag.ClearAndSelect
                                                   | QItemSelectionModel.SelectionFlag.Rows)
                self.table.scrollTo(self.model.index(row, 0))
                return True
        return False

    def _selected(self) -> None:
        if self._quiet:
            return
        rows = self.table.selectionModel().selectedRows()
        self.show_finding(self.model.row_object(rows[0].row()) if rows else None)

    # One finding ----------------------------------------------------------------------------------
    def show_finding(self, view: FindingView | None) -> None:
        if view is not None and self.current is not None and view.key == self.current.key \
                and view.fingerprint == self.current.fingerprint:
            self.current = view
            return  # the same finding again (a re-read): keep what the officer typed
        self.current = view
        self.compare.show_finding(view)
        self.form_error.clear()
        self.reason.clear()
        self.answer.setEnabled(view is not None)
        self.choice.blockSignals(True)
        self.choice.clear()
        for code in view.choices if view else ():
            self.choice.addItem(self.choice_text(code), code)
        self.choice.blockSignals(False)
        self.nomination.clear()
        if view is not None:
            for line in view.nominations:
                if line.returnable:
                    side = view.a if line.side == "a" else view.b
                    where = side.commune_name or side.commune_code
                    self.nomination.addItem(f"{line.award_name} {line.year or ''} — {where}", line.id)
        self._choice_changed()
        self.retranslate_detail()

    def choice_text(self, code: str) -> str:
        return {DIFFERENT_PEOPLE: self.tr("Different people: not a duplicate"),
                KEEP_BOTH: self.tr("Same person: keep both nominations, note it"),
                RETURN_NOMINATION: self.tr("Same person: return one nomination to its commune"),
                LINK_PERSON: self.tr("Same person: link the held-back record to the person already held")
                }.get(code, code)

    def _choice_changed(self) -> None:
        returning = self.choice.currentData() == RETURN_NOMINATION
        self.nomination.setVisible(returning)
        self.nomination_label.setVisible(returning)
        self.retranslate_hint()

    def resolve(self) -> bool:
        """Save the answer to the finding shown (a reason is required; the service says so too)."""
        view = self.current
        choice = self.choice.currentData()
        if view is None or not choice:
            return False
        reason = self.reason.toPlainText()
        nomination = self.nomination.currentData() if choice == RETURN_NOMINATION else None
        if choice == RETURN_NOMINATION and not dialogs.ask_yes_no(
                self, self.tr("Return a nomination"),
                self.tr("Return “%1” to its commune with this reason? The commune receives it in the next bundle.")
                .replace("%1", self.nomination.currentText())):
            return False
        self.form_error.clear()
        changes = Change.NOMINATIONS
        if choice == LINK_PERSON:  # held-back records of the commune are applied now, if they can be
            changes |= Change.PEOPLE | Change.RECORDS | Change.SYNC
        outcome = ops.perform(self, lambda: self.service.resolve(view.key, view.fingerprint, choice, reason,
                                                                 nomination),
                              changes=changes, on_refusal=self._refused)
        if not outcome.ok:
            return False
        self.current = None
        if ops.root_of(self) is None:
            self.refresh()  # in the main window, the change it announces refreshes this screen
        return True

    def _refused(self, error: DomainError) -> None:
        self.form_error.setText(render(error, ops.current_lang()))
        if error.code in _STALE:
            self.refresh()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if not self._fitted:
            self._fitted = True
            self.fit_split()

    def fit_split(self) -> None:
        """The list as wide as its columns need, up to a little over half the width: the two sides
        of the comparison keep the rest."""
        total = self.split.width()
        if total <= 0:
            return
        needed = sum(max(self.table.sizeHintForColumn(c), self.table.horizontalHeader().sectionSizeHint(c))
                     for c in range(self.model.columnCount()))
        needed += 2 * self.table.frameWidth() + self.table.verticalScrollBar().sizeHint().width() + 4
        left = min(needed, int(total * 0.55))
        self.split.setSizes([left, total - left])

    # Texts ----------------------------------------------------------------------------------------
    def retranslate(self) -> None:
        self.model.set_titles(self._titles())
        current = self.kind.currentData()
        self.kind.blockSignals(True)
        self.kind.clear()
        self.kind.addItem(self.tr("All findings"), None)
        for kind in KINDS:
            self.kind.addItem(self.kind_text(kind), kind)
        self.kind.setCurrentIndex(max(self.kind.findData(current), 0))
        self.kind.blockSignals(False)
        self.search.setPlaceholderText(self.tr("Search a person or a commune (accents optional)"))
        self.answer.setTitle(self.tr("Answer"))
        self.choice_label.setText(self.tr("Choice"))
        self.nomination_label.setText(self.tr("Nomination to return"))
        self.reason_label.setText(self.tr("Reason (required)"))
        self.save_button.setText(self.tr("Save the answer"))
        for index in range(self.choice.count()):
            self.choice.setItemText(index, self.choice_text(self.choice.itemData(index)))
        self.retranslate_summary()
        self.retranslate_detail()

    def retranslate_summary(self) -> None:
        if not self.views:
            self.summary.setText(self.tr("No open duplicate: no person is nominated by two communes or twice for "
                                         "the same achievement, and no award histories disagree."))
            return
        self.summary.setText(self.tr("Showing %1 of %2 open findings. Both sides are always kept: an answer never "
                                     "deletes or merges a commune's record.")
                             .replace("%1", str(self.model.total)).replace("%2", str(len(self.views))))

    def retranslate_detail(self) -> None:
        view = self.current
        if view is None:
            self.headline.setText(self.tr("Select a finding to see both sides."))
            self.note.clear()
            self.note.setVisible(False)
            return
        self.headline.setText(f"{self.kind_text(view)}: {view.person_name} — {self.reason_text(view)}")
        notes = []
        if not view.exact_name:
            notes.append(self.tr("The names are written differently (accents, or another Unicode form); they are "
                                 "the same once accents are set aside."))
        if view.a.held_back or view.b.held_back:
            notes.append(self.tr("One record is held back among the pending records (Sync screen): it is shown "
                                 "here all the same."))
        if view.kind == "history_conflict":
            notes.append(self.tr("The communes' award histories of this person disagree: highlighted below."))
        self.note.setText(" ".join(notes))
        self.note.setVisible(bool(notes))
        self.compare.show_finding(view)
        self.retranslate_hint()

    def retranslate_hint(self) -> None:
        hints = {DIFFERENT_PEOPLE: self.tr("Not flagged again while these two records stay as they are."),
                 KEEP_BOTH: self.tr("Both nominations stay; the answer is noted."),
                 RETURN_NOMINATION: self.tr("The chosen nomination is returned through the review, with this "
                                            "reason."),
                 LINK_PERSON: self.tr("The held-back record is remembered as the person already held, and applied "
                                      "beside it as soon as nothing else holds it back.")}
        self.choice.setToolTip(hints.get(self.choice.currentData(), ""))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
            self.model.set_rows(self.model.rows)
        super().changeEvent(event)
