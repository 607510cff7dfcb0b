"""Quỹ thi đua, khen thưởng: this office's reward fund, the province's or a commune's own. The
ledger lists the money received and the reward money each decision pays (filled in by the
decisions themselves), oldest first with the balance after each line; the officer adds what the
fund received, removes an income entered by mistake, and exports the ledger to Excel.

``RewardFundScreen(fund, today)``; every write is one ``ops`` operation announcing FUND."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from PySide6.QtCore import QEvent, Qt, QTimer
from PySide6.QtWidgets import (
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ...domain.errors import DomainError
from ...messages import render
from ...services.changes import Change
from ...services.reward_fund import INCOME, FundLedger, LedgerEntry, RewardFundService
from .. import dialogs, ops
from ..forms import DateField
from ..locale_format import date_text
from .decisions import money

_RIGHT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
NEGATIVE = "#a40000"  # a balance below zero: more paid than received


class RewardFundScreen(QWidget, ops.Watcher):
    # Income (FUND) and the decisions that pay from it, their amounts by the catalog in force.
    watches = Change.FUND | Change.DECISIONS | Change.CATALOG | Change.SETTINGS
    live = True  # one small query: stays current while hidden

    def __init__(self, fund: RewardFundService, today: date | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.fund = fund
        self.today = today or date.today()
        self.ledger = FundLedger(())
        self.last_export: Path | None = None
        self._refresh_soon = QTimer(self, singleShot=True, interval=0)
        self._refresh_soon.timeout.connect(self.refresh)
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.summary.setTextFormat(Qt.TextFormat.PlainText)
        self.table = QTableWidget(0, 6)
        self.table.verticalHeader().setVisible(False)
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QTableWidget.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QTableWidget.SelectionMode.SingleSelection)
        self.table.setWordWrap(True)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.table.itemSelectionChanged.connect(self._selection_changed)
        # Wrapped lines take the height of the width they get: measured again once the columns settle.
        self._fit_rows = QTimer(self, singleShot=True, interval=0)
        self._fit_rows.timeout.connect(self.table.resizeRowsToContents)
        header.sectionResized.connect(lambda *_a: self._fit_rows.start())
        self.remove_button = QPushButton()
        self.remove_button.clicked.connect(self.remove_selected)
        self.export_button = QPushButton()
        self.export_button.clicked.connect(self.export)
        actions = QHBoxLayout()
        actions.addWidget(self.summary, 1)
        actions.addWidget(self.remove_button)
        actions.addWidget(self.export_button)
        layout = QVBoxLayout(self)
        self.title = QLabel()
        self.title.setStyleSheet("font-weight: bold;")
        layout.addWidget(self.title)
        layout.addLayout(actions)
        layout.addWidget(self.table, 1)
        layout.addWidget(self._income_form())
        self.retranslate()
        self.refresh()

    def _income_form(self) -> QWidget:
        box = QWidget()
        self.received_on = DateField()
        self.received_on.setText(self.today.strftime("%d/%m/%Y"))
        self.amount = QLineEdit()
        self.amount.setPlaceholderText("50.000.000")
        self.source = QLineEdit()
        self.note = QLineEdit()
        self.add_button = QPushButton()
        self.add_button.clicked.connect(self.add_income)
        self.form_labels = {key: QLabel() for key in ("heading", "received_on", "amount", "source", "note")}
        self.form_labels["heading"].setStyleSheet("font-weight: bold;")
        self.error = QLabel()
        self.error.setStyleSheet("color: #a40000;")
        self.error.setWordWrap(True)
        self.error.hide()
        grid = QGridLayout(box)
        grid.setContentsMargins(0, 0, 0, 0)
        grid.addWidget(self.form_labels["heading"], 0, 0, 1, 4)
        grid.addWidget(self.form_labels["received_on"], 1, 0)
        grid.addWidget(self.received_on, 1, 1)
        grid.addWidget(self.form_labels["amount"], 1, 2)
        grid.addWidget(self.amount, 1, 3)
        grid.addWidget(self.form_labels["source"], 2, 0)
        grid.addWidget(self.source, 2, 1, 1, 3)
        grid.addWidget(self.form_labels["note"], 3, 0)
        grid.addWidget(self.note, 3, 1, 1, 3)
        grid.addWidget(self.error, 4, 0, 1, 3)
        grid.addWidget(self.add_button, 4, 3, Qt.AlignmentFlag.AlignRight)
        grid.setColumnStretch(1, 1)
        grid.setColumnStretch(3, 1)
        return box

    # Data -----------------------------------------------------------------------------------------
    def refresh(self) -> None:
        self._refresh_soon.stop()
        self.ledger = self.fund.ledger()
        entries = self.ledger.entries
        self.table.setRowCount(len(entries))
        for row, entry in enumerate(entries):
            cells = [date_text(entry.day), self._content(entry),
                     money(entry.amount) if entry.kind == INCOME else "",
                     money(entry.amount) if entry.kind != INCOME else "", money(entry.balance), entry.note]
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                if column in (2, 3, 4):
                    item.setTextAlignment(_RIGHT)
                if column == 4 and entry.balance < 0:
                    item.setForeground(Qt.GlobalColor.darkRed)
                if column == 0:
                    item.setData(Qt.ItemDataRole.UserRole, entry.income_id or entry.decision_id)
                self.table.setItem(row, column, item)
        self.table.resizeRowsToContents()
        if entries:
            self.table.scrollToBottom()  # the latest lines and the balance now
        self._summarise()
        self._selection_changed()

    def _content(self, entry: LedgerEntry) -> str:
        if entry.kind == INCOME or not entry.unknown:
            return entry.content
        return entry.content + " — " + self.tr("%1 without a reward amount (not verified)").replace(
            "%1", str(entry.unknown))

    def _summarise(self) -> None:
        text = self.tr("Received: %1 · Paid: %2 · Balance: %3").replace("%1", money(self.ledger.total_income)) \
            .replace("%2", money(self.ledger.total_paid)).replace("%3", money(self.ledger.balance))
        if self.ledger.unknown:
            text += "\n" + self.tr("%1 recipient(s) have no reward amount in the catalog yet: not counted as paid.") \
                .replace("%1", str(self.ledger.unknown))
        self.summary.setText(text)
        self.summary.setStyleSheet(f"color: {NEGATIVE};" if self.ledger.balance < 0 else "")

    def on_changed(self, changes: Change) -> None:
        self._refresh_soon.start()

    def selected_entry(self) -> LedgerEntry | None:
        rows = {i.row() for i in self.table.selectedIndexes()}
        return self.ledger.entries[rows.pop()] if len(rows) == 1 else None

    def _selection_changed(self) -> None:
        entry = self.selected_entry()
        self.remove_button.setEnabled(entry is not None and entry.kind == INCOME)

    # Actions --------------------------------------------------------------------------------------
    def add_income(self) -> None:
        self.error.hide()
        outcome = ops.perform(self, lambda: self.fund.add_income(
            received_on=self.received_on.text(), amount=self.amount.text(), source=self.source.text(),
            note=self.note.text()), changes=Change.FUND, on_refusal=self._refused)
        if outcome.ok:
            self.amount.clear()
            self.source.clear()
            self.note.clear()
            self.refresh()

    def _refused(self, exc: DomainError) -> None:
        self.error.setText(render(exc, ops.current_lang()))
        self.error.show()

    def remove_selected(self) -> None:
        entry = self.selected_entry()
        if entry is None or entry.kind != INCOME:
            return
        if not dialogs.ask_yes_no(self, self.tr("Remove the income"), self.tr(
                "Remove the income of %1 on %2 (%3)? Enter it again to correct it.")
                .replace("%1", money(entry.amount)).replace("%2", date_text(entry.day))
                .replace("%3", entry.content)):
            return
        if ops.perform(self, lambda: self.fund.remove_income(entry.income_id), changes=Change.FUND).ok:
            self.refresh()

    def export(self) -> None:
        target = dialogs.save_file(self, self.tr("Export the fund ledger"),
                                   f"quy-thi-dua-khen-thuong-{self.today.strftime('%Y%m%d')}.xlsx",
                                   self.tr("Excel workbooks (*.xlsx)"))
        if not target:
            return
        result = ops.run(self, lambda: self.fund.export(target))
        if result is not None:
            self.last_export = result.path
            dialogs.info(self, self.tr("Export the fund ledger"),
                         self.tr("The ledger was saved in %1.").replace("%1", str(result.path)))

    def retranslate(self) -> None:
        self.title.setText(self.tr("Emulation and commendation fund"))
        self.table.setHorizontalHeaderLabels([self.tr("Date"), self.tr("Content"), self.tr("Received"),
                                              self.tr("Paid"), self.tr("Balance"), self.tr("Note")])
        self.remove_button.setText(self.tr("Remove the income…"))
        self.export_button.setText(self.tr("Export to Excel…"))
        self.form_labels["heading"].setText(self.tr("Add money received"))
        self.form_labels["received_on"].setText(self.tr("Date received"))
        self.form_labels["amount"].setText(self.tr("Amount (đồng)"))
        self.form_labels["source"].setText(self.tr("Source"))
        self.form_labels["note"].setText(self.tr("Note"))
        self.source.setPlaceholderText(self.tr("e.g. the provincial budget for 2027"))
        self.add_button.setText(self.tr("Add the income"))
        if self.ledger.entries:
            for row, entry in enumerate(self.ledger.entries):
                item = self.table.item(row, 1)
                if item is not None:  # the ledger's rows are all in the table
                    item.setText(self._content(entry))
        self._summarise()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)
