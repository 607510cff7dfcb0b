"""Đề nghị khen thưởng: nominations by status, with each one's eligibility explained criterion by criterion."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QItemSelection, Qt
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPlainTextEdit,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from ...domain.enums import NominationStatus
from ...rules.explain import explain_decision
from ...services.nominations import NominationService, NominationView
from .. import ops
from ..models.paged import Column, PagedTableModel
from ..texts import status_text


class NominationsScreen(QWidget):
    def __init__(self, nominations: NominationService, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.nominations = nominations
        self.status = QComboBox()
        self.status.addItem("", None)
        for status in NominationStatus:
            self.status.addItem("", status.value)
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
        self.count = QLabel()
        self.status.currentIndexChanged.connect(lambda _i: self.refresh())
        self.table.selectionModel().selectionChanged.connect(self._selected)

        right = QWidget()
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(0, 0, 0, 0)
        right_layout.addWidget(self.detail_title)
        right_layout.addWidget(self.detail)
        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(self.table)
        splitter.addWidget(right)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        top = QHBoxLayout()
        self.status_label = QLabel()
        top.addWidget(self.status_label)
        top.addWidget(self.status)
        top.addStretch(1)
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
        return self.nominations.page(self.status.currentData(), offset=offset, limit=limit)

    def refresh(self) -> None:
        self.model.reload()
        self.count.setText(self.tr("%n nominations", "", self.model.total))
        self.detail.clear()
        self.detail_title.clear()
        self.table.resizeColumnsToContents()

    def _selected(self, selected: QItemSelection, _deselected: QItemSelection) -> None:
        rows = selected.indexes()
        if not rows:
            return
        nomination = self.model.row_object(rows[0].row())
        decision = ops.run(self, lambda: self.nominations.evaluate(nomination.id, store=False))
        if decision is None:
            return
        self.detail_title.setText(f"<b>{nomination.nominee_name}</b> — {nomination.award_name}")
        self.detail.setPlainText("\n".join(explain_decision(decision, ops.current_lang())))

    def select_row(self, row: int) -> None:
        self.table.selectRow(row)

    def retranslate(self) -> None:
        self.status_label.setText(self.tr("Status:"))
        self.status.setItemText(0, self.tr("All"))
        for i in range(1, self.status.count()):
            self.status.setItemText(i, status_text(self.status.itemData(i)))
        self.model.set_titles([self.tr("Nominee"), self.tr("Award"), self.tr("Status"), self.tr("Eligibility")])
        self.count.setText(self.tr("%n nominations", "", self.model.total))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)
