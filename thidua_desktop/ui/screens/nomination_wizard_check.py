"""Nomination wizard, step 3: each nominee's eligibility, criterion by criterion, with the live quota
and the legal preference for women among equally qualified candidates."""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

from PySide6.QtCore import QItemSelectionModel, QModelIndex, QPersistentModelIndex, QRect, QSize, Qt, QTimer
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QSplitter,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ...services.nominations import CandidatePreview, NominationService
from .. import ops
from ..texts import UNVERIFIED_MARK, confidence_text, unverified_legend
from .nomination_wizard_pages import Page, WizardState, outcome_text, show_quota

if TYPE_CHECKING:  # rule results are only named here; the nomination service words them
    from ...rules import Reason

# Green = met, red = not met, amber = not known yet (data missing or the officer must confirm).
COLORS = {"pass": QColor("#d8f0d2"), "fail": QColor("#f7d4d0"), "unknown": QColor("#fbe9b7")}
OUTCOME_COLORS = {"eligible": COLORS["pass"], "not_eligible": COLORS["fail"], "incomplete": COLORS["unknown"]}
MARKS = {"pass": "✓", "fail": "✗", "unknown": "?"}
ATTESTATION = "attestation"


class WrapDelegate(QStyledItemDelegate):
    """Row heights that fit the wrapped sentence at the column's current width (QTreeView on its own
    measures wrapped text as one line)."""

    def __init__(self, tree: QTreeWidget) -> None:
        super().__init__(tree)
        self.tree = tree

    def sizeHint(self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex) -> QSize:
        opt = QStyleOptionViewItem(option)
        self.initStyleOption(opt, index)
        depth, parent = 0, index.parent()
        while parent.isValid():
            depth, parent = depth + 1, parent.parent()
        indent = self.tree.indentation() * (depth + 1) + 24 if index.column() == 0 else 0
        opt.rect = QRect(0, 0, max(40, self.tree.columnWidth(index.column()) - indent), 10_000)
        return QSize(opt.rect.width(), super().sizeHint(opt, index).height())


def _any_unverified(reasons: tuple[Reason, ...] | list[Reason]) -> bool:
    return any(not r.verified or _any_unverified(r.children) for r in reasons)


class EligibilityPage(Page):
    """Step 3: pick a nominee on the left, read the criteria on the right; qualitative criteria are
    ticked by the officer, which re-checks everything at once."""

    def __init__(self, nominations: NominationService, state: WizardState, today: date) -> None:
        super().__init__()
        self.nominations = nominations
        self.state = state
        self.today = today
        self.ranked: list[CandidatePreview] = []
        self.quota = QLabel()
        self.quota.setWordWrap(True)
        self.tie = QLabel()
        self.tie.setWordWrap(True)
        self.tie.setStyleSheet("color: #204a87;")
        self.people = QListWidget()
        self.people.setWordWrap(True)
        self.tree = QTreeWidget()
        self.tree.setColumnCount(4)
        # Reasons are whole sentences: wrap them rather than cut them off.
        self.tree.setWordWrap(True)
        self.tree.setTextElideMode(Qt.TextElideMode.ElideNone)
        self.tree.setUniformRowHeights(False)
        self.tree.setItemDelegate(WrapDelegate(self.tree))
        header = self.tree.header()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(False)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        for column, width in ((0, 230), (1, 95), (3, 60)):
            self.tree.setColumnWidth(column, width)
        header.sectionResized.connect(lambda *_: self.tree.doItemsLayout())
        self.hint = QLabel()
        self.hint.setWordWrap(True)
        self.basis = QLabel()
        self.basis.setWordWrap(True)
        self.basis.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.legend = QLabel()  # what the (*) beside a criterion means (about the law, not the person)
        self.legend.setWordWrap(True)
        self.legend.setStyleSheet("color: #555;")
        self.legend.hide()
        self.tree.currentItemChanged.connect(self._show_basis)
        self.people.currentItemChanged.connect(lambda *_: self._show_current())
        self.tree.itemChanged.connect(self._attestation_changed)
        right = QWidget()
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(0, 0, 0, 0)
        right_layout.addWidget(self.tree, 1)
        right_layout.addWidget(self.legend)
        right_layout.addWidget(self.basis)
        right_layout.addWidget(self.hint)
        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(self.people)
        splitter.addWidget(right)
        splitter.setStretchFactor(0, 1)
        splitter.setStretchFactor(1, 3)
        layout = QVBoxLayout(self)
        top = QHBoxLayout()
        top.addWidget(self.quota, 1)
        layout.addLayout(top)
        layout.addWidget(self.tie)
        layout.addWidget(splitter, 1)
        self.retranslate()

    def retranslate(self) -> None:
        self.setTitle(self.tr("Step 3 of 6: eligibility"))
        self.setSubTitle(self.tr("Green: met. Red: not met. Amber: information missing or your confirmation needed."))
        self.tree.setHeaderLabels([self.tr("Criterion"), self.tr("Result"), self.tr("Reason and evidence"),
                                   self.tr("Legal basis")])
        self.legend.setText(unverified_legend())
        self.hint.setText(self.tr("Tick a qualitative criterion (such as solidarity or taking part in the "
                                  "movements) once you have confirmed it for this nominee."))
        if self.state.previews:
            self._fill()

    # Evaluation ----------------------------------------------------------------------------
    def initializePage(self) -> None:
        self.evaluate()

    def evaluate(self) -> None:
        state = self.state
        if state.award is None or state.batch is None:
            return
        award, batch = state.award, state.batch
        previews = ops.run(self, lambda: self.nominations.preview(
            award_code=award.code, year=batch.year, nominees=state.ordered_drafts(), as_of=self.today)) or []
        state.previews = {p.subject_id: p for p in previews}
        self.ranked = list(previews)
        self._fill()
        self._show_quota()

    def _fill(self) -> None:
        current = self.current_id()
        tied = self._tied()
        self.people.blockSignals(True)
        self.people.clear()
        for preview in self.ranked:
            outcome = preview.decision.outcome.value
            text = f"{preview.name}\n{outcome_text(outcome)}"
            if preview.preferred and preview.subject_id in tied:
                text += " · " + self.tr("preferred among equals")
            item = QListWidgetItem(text)
            item.setData(Qt.ItemDataRole.UserRole, preview.subject_id)
            item.setBackground(QBrush(OUTCOME_COLORS[outcome]))
            self.people.addItem(item)
        self.people.blockSignals(False)
        ids = [p.subject_id for p in self.ranked]
        self.people.setCurrentRow(ids.index(current) if current in ids else 0)
        self._show_current()
        share = round(self.nominations.catalog.parameters.women_priority_share * 100)
        note = self.tr("Equally qualified candidates: the law prefers women, and collectives with at least "
                       "%1% women (Decree 152/2025, Art. 4(6)). They are listed first.").replace("%1", str(share))
        source = self.nominations.catalog.parameters.women_priority_source
        if source is not None and not source.verified:
            note += f" {UNVERIFIED_MARK}"
        self.tie.setText(note)
        # A catalog without the share keeps the default 70% and names no source for it.
        self.tie.setToolTip("" if source is None else self.tr("Legal basis: %1").replace("%1", source.ref) + "\n"
                            + confidence_text(source.confidence.value))
        self.tie.setVisible(bool(tied))

    def _tied(self) -> set[str]:
        """Candidates with the same outcome as someone the preference ranks differently."""
        tied: set[str] = set()
        for p in self.ranked:
            same = [q for q in self.ranked if q.decision.outcome is p.decision.outcome]
            if len({q.preferred for q in same}) > 1:
                tied.add(p.subject_id)
        return tied

    def _show_quota(self) -> None:
        show_quota(self.quota, self.nominations, self.state, self)

    # The criteria of one nominee -----------------------------------------------------------
    def current_id(self) -> str | None:
        item = self.people.currentItem()
        return item.data(Qt.ItemDataRole.UserRole) if item else None

    def _show_current(self) -> None:
        subject_id = self.current_id()
        self.tree.blockSignals(True)
        self.tree.clear()
        preview = self.state.previews.get(subject_id or "")
        if preview is not None:
            attested = set(self.state.draft(preview.subject_id).attested)
            for reason in preview.decision.reasons:
                self.tree.addTopLevelItem(self._item(reason, attested))
            self.tree.expandAll()
        self.tree.blockSignals(False)
        self.legend.setVisible(preview is not None and _any_unverified(preview.decision.reasons))
        first = self.tree.topLevelItem(0)
        if first is not None:  # in focus for the keyboard, but not highlighted over its colour
            self.tree.setCurrentItem(first, 0, QItemSelectionModel.SelectionFlag.NoUpdate)
        self._show_basis(first)

    def _item(self, reason: Reason, attested: set[str]) -> QTreeWidgetItem:
        lang = ops.current_lang()
        award = self.state.award
        assert award is not None
        label = (reason.label_vi if lang == "vi" else reason.label_en) or reason.criterion_id
        outcome = reason.outcome.value
        result = {"pass": self.tr("Met"), "fail": self.tr("Not met"), "unknown": self.tr("Unknown")}[outcome]
        sources = {c.id: c.source for c in award.all_criteria()}
        source = sources.get(reason.criterion_id)
        basis = source.ref if source else ""
        # How sure the catalog is of the source: a mark explained by the legend, and the source with
        # its confidence in the tooltip; never a word beside the pass mark.
        sure = confidence_text(source.confidence.value if source else "H" if reason.verified else "M")
        explanation = self.nominations.explain_reason(reason, lang)
        item = QTreeWidgetItem([label, f"{MARKS[outcome]} {result}", explanation,
                                "" if reason.verified else UNVERIFIED_MARK])
        item.setData(0, Qt.ItemDataRole.UserRole, reason.criterion_id)
        item.setData(3, Qt.ItemDataRole.UserRole, f"{basis} — {sure}" if basis else sure)
        item.setTextAlignment(3, Qt.AlignmentFlag.AlignCenter)
        where = self.tr("Legal basis: %1").replace("%1", basis) if basis else ""
        for column in range(4):
            item.setBackground(column, QBrush(COLORS[outcome]))
            item.setToolTip(column, "\n".join(t for t in (label, explanation, where, sure) if t))
        if reason.check == ATTESTATION:
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            ticked = reason.criterion_id in attested or f"{award.code}.{reason.criterion_id}" in attested
            item.setCheckState(0, Qt.CheckState.Checked if ticked else Qt.CheckState.Unchecked)
        for child in reason.children:
            item.addChild(self._item(child, attested))
        return item

    def _show_basis(self, item: QTreeWidgetItem | None, _previous: QTreeWidgetItem | None = None) -> None:
        """The full legal basis of the criterion in focus (too long for a column)."""
        text = item.data(3, Qt.ItemDataRole.UserRole) if item else ""
        self.basis.setText(self.tr("Legal basis: %1").replace("%1", text) if text else "")

    def _attestation_changed(self, item: QTreeWidgetItem, column: int) -> None:
        subject_id = self.current_id()
        if column != 0 or subject_id is None or not item.flags() & Qt.ItemFlag.ItemIsUserCheckable:
            return
        self.attest(subject_id, item.data(0, Qt.ItemDataRole.UserRole),
                    item.checkState(0) == Qt.CheckState.Checked)

    def attest(self, subject_id: str, criterion_id: str, confirmed: bool) -> None:
        """Record (or withdraw) the officer's confirmation and re-check every nominee."""
        draft = self.state.draft(subject_id)
        assert self.state.award is not None
        keys = {criterion_id, f"{self.state.award.code}.{criterion_id}"}
        rest = [a for a in draft.attested if a not in keys]
        draft.attested = [*rest, criterion_id] if confirmed else rest
        # Re-check once the tick's own signal is over: the tree is rebuilt, with this row in it.
        QTimer.singleShot(0, self, self.evaluate)

    def criterion_item(self, criterion_id: str) -> QTreeWidgetItem | None:
        """The row of a criterion of the current nominee (nested options included)."""
        pending = [self.tree.topLevelItem(i) for i in range(self.tree.topLevelItemCount())]
        while pending:
            item = pending.pop(0)
            if item is None:  # only for an index out of range, which the counts rule out
                continue
            if item.data(0, Qt.ItemDataRole.UserRole) == criterion_id:
                return item
            pending.extend(item.child(i) for i in range(item.childCount()))
        return None

    def select(self, subject_id: str) -> None:
        for row in range(self.people.count()):
            if self.people.item(row).data(Qt.ItemDataRole.UserRole) == subject_id:
                self.people.setCurrentRow(row)
