"""Quyết định của Chủ tịch UBND tỉnh: the province's decisions for the dossiers it approved. Pick
the title or form, tick the approved dossiers (of one commune or several, people and collectives),
type the number, date and signer, see each reward and the total as the service counts them, and
issue; then print the decision with its list and the certificates, or cancel a decision with its
reason. Decisions are a leader's act: the service refuses any other account.

``ProvinceDecisionsScreen(decisions, printing, today)``; every write is one ``ops`` operation."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QEvent, QItemSelection, Qt, QTimer
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QComboBox,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QSplitter,
    QTableView,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from ...domain.errors import DomainError
from ...messages import render
from ...services.changes import Change
from ...services.document_kinds import PROVINCE_DECISION
from ...services.printing import PrintService
from ...services.province_decisions import AwardGroup, ProvinceDecisionService, ProvinceDecisionView, ReadyDossier
from .. import dialogs, ops
from ..forms import DateField
from ..locale_format import date_text
from ..models.paged import Column, PagedTableModel
from ..print_actions import PrintButton, entries_for
from ..screen_parts import checkable_item, checked_values, error_label, fill_signers
from .decisions import SIGNER_TITLES, money

_RIGHT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
ERROR_STYLE = "color: #a40000;"


class ProvinceDecisionsScreen(QWidget, ops.Watcher):
    # The dossiers approved (reviews arrive with NOMINATIONS), the decisions, who signs (OFFICE)
    # and the base salary and multipliers in force (CATALOG, SETTINGS).
    watches = (Change.DECISIONS | Change.NOMINATIONS | Change.PEOPLE | Change.COLLECTIVES | Change.CATALOG
               | Change.SETTINGS | Change.OFFICE)
    live = False  # a re-read ticks the dossiers again: once when shown, not behind the officer's back

    def __init__(self, decisions: ProvinceDecisionService, printing: PrintService | None = None,
                 today: date | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.decisions = decisions
        self.printing = printing
        self.today = today or date.today()
        self.groups: list[AwardGroup] = []
        self.ready: list[ReadyDossier] = []  # every approved dossier not decided yet
        self.rows: list[ReadyDossier] = []  # those of the chosen award, as the table lists them
        self.amounts: dict[str, int | None] = {}
        self.preview: ProvinceDecisionView | None = None  # the rewards of the listed dossiers, unsaved
        self.preview_error: DomainError | None = None  # why they could not be counted (not the date)
        self._refresh_soon = QTimer(self, singleShot=True, interval=0)
        self._refresh_soon.timeout.connect(self.refresh)
        self.tabs = QTabWidget()
        self.tabs.addTab(self._issue_tab(), "")
        self.tabs.addTab(self._past_tab(), "")
        layout = QVBoxLayout(self)
        layout.addWidget(self.tabs)
        QShortcut(QKeySequence.StandardKey.Save, self).activated.connect(self.issue)
        self.retranslate()
        self.refresh()

    # Building -------------------------------------------------------------------------------------
    def _issue_tab(self) -> QWidget:
        tab = QWidget()
        self.award = QComboBox()
        self.award.currentIndexChanged.connect(lambda _i: self._fill_table())
        self.number = QLineEdit()
        self.number.setPlaceholderText("125/QĐ-UBND")
        self.decided_on = DateField()
        self.decided_on.setText(self.today.strftime("%d/%m/%Y"))
        self.decided_on.textChanged.connect(self._date_changed)
        self.signer_title = QComboBox()
        self.signer_title.addItems(list(SIGNER_TITLES))
        self.signer_title.currentIndexChanged.connect(lambda _i: self._fill_signers())
        self.signer_name = QComboBox()
        self.labels = {key: QLabel() for key in ("award", "number", "decided_on", "signer_title", "signer_name",
                                                 "table")}
        grid = QGridLayout()
        grid.addWidget(self.labels["award"], 0, 0)
        grid.addWidget(self.award, 0, 1, 1, 3)
        grid.addWidget(self.labels["number"], 1, 0)
        grid.addWidget(self.number, 1, 1)
        grid.addWidget(self.labels["decided_on"], 1, 2)
        grid.addWidget(self.decided_on, 1, 3)
        grid.addWidget(self.labels["signer_title"], 2, 0)
        grid.addWidget(self.signer_title, 2, 1)
        grid.addWidget(self.labels["signer_name"], 2, 2)
        grid.addWidget(self.signer_name, 2, 3)
        grid.setColumnStretch(1, 1)
        grid.setColumnStretch(3, 1)
        self.table = QTableWidget(0, 4)
        self.table.verticalHeader().setVisible(False)
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QTableWidget.SelectionBehavior.SelectRows)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.table.itemChanged.connect(lambda _item: self._update_total())
        self.select_all = QPushButton()
        self.select_all.clicked.connect(lambda: self._tick_all(True))
        self.select_none = QPushButton()
        self.select_none.clicked.connect(lambda: self._tick_all(False))
        self.total = QLabel()
        self.total.setWordWrap(True)
        self.error = error_label()
        self.issue_button = QPushButton()
        self.issue_button.clicked.connect(self.issue)
        bottom = QHBoxLayout()
        bottom.addWidget(self.select_all)
        bottom.addWidget(self.select_none)
        bottom.addWidget(self.total, 1)
        bottom.addWidget(self.issue_button)
        layout = QVBoxLayout(tab)
        layout.addLayout(grid)
        layout.addWidget(self.labels["table"])
        layout.addWidget(self.table, 1)
        layout.addWidget(self.error)
        layout.addLayout(bottom)
        return tab

    def _past_tab(self) -> QWidget:
        tab = QWidget()
        self.past = QTableView()
        self.past_model = PagedTableModel([
            Column("", lambda d: d.number), Column("", lambda d: date_text(d.decided_on)),
            Column("", lambda d: d.award_name), Column("", lambda d: ", ".join(d.communes)),
            Column("", lambda d: len(d.recipients), Qt.AlignmentFlag.AlignRight),
            Column("", lambda d: money(d.total), Qt.AlignmentFlag.AlignRight)], self._fetch_past, self)
        self.past.setModel(self.past_model)
        self.past.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
        self.past.setSelectionMode(QTableView.SelectionMode.SingleSelection)
        self.past.verticalHeader().setVisible(False)
        self.past.horizontalHeader().setStretchLastSection(True)
        self.past.selectionModel().selectionChanged.connect(self._past_selected)
        self.past_recipients = QTableWidget(0, 3)
        self.past_recipients.verticalHeader().setVisible(False)
        self.past_recipients.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.past_recipients.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.past_recipients.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.addWidget(self.past)
        splitter.addWidget(self.past_recipients)
        self.print_button = PrintButton(self.printing, tab)
        self.print_button.add_group(self._print_header, lambda: d.id if (d := self.selected_decision()) else None,
                                    entries_for(PROVINCE_DECISION))
        self.cancel_reason = QLineEdit()
        self.cancel_button = QPushButton()
        self.cancel_button.clicked.connect(self.cancel_selected)
        actions = QHBoxLayout()
        actions.addWidget(self.cancel_reason, 1)
        actions.addWidget(self.cancel_button)
        actions.addWidget(self.print_button)
        layout = QVBoxLayout(tab)
        layout.addWidget(splitter, 1)
        layout.addLayout(actions)
        return tab

    # Data -----------------------------------------------------------------------------------------
    def refresh(self) -> None:
        self._refresh_soon.stop()
        self.groups = self.decisions.award_groups()
        self.ready = self.decisions.ready()
        current = self.award.currentData()
        self.award.blockSignals(True)
        self.award.clear()
        for group in self.groups:
            self.award.addItem("", group.code)
        index = self.award.findData(current)
        if index < 0:  # the first award with something to decide
            index = next((i for i, g in enumerate(self.groups) if self._of(g)), 0)
        self.award.setCurrentIndex(index)
        self.award.blockSignals(False)
        self._name_awards()
        self._fill_signers()
        self._fill_table()
        self.past_model.reload()
        self.past.resizeColumnsToContents()

    def on_changed(self, changes: Change) -> None:
        self._refresh_soon.start()

    def _of(self, group: AwardGroup) -> list[ReadyDossier]:
        return [r for r in self.ready if r.award_code in group.codes]

    def _group(self) -> AwardGroup | None:
        code = self.award.currentData()
        return next((g for g in self.groups if g.code == code), None)

    def _name_awards(self) -> None:
        lang = ops.current_lang()
        for i, group in enumerate(self.groups):
            name = group.name_vi if lang == "vi" else group.name_en
            self.award.setItemText(i, f"{name} ({len(self._of(group))})")

    def _date_changed(self, _text: str) -> None:
        self._fill_signers()  # who was in office on the new date
        self._update_money()  # and what each reward comes to on it

    def _fill_signers(self) -> None:
        fill_signers(self.signer_name, lambda: self.decisions.signers(self.decided_on.text(),
                                                                      self.signer_title.currentText()),
                     self.tr("Nobody holds this post on the decision date: enter the term in Settings → Officials "
                             "who sign documents."))

    def _fill_table(self) -> None:
        group = self._group()
        self.rows = self._of(group) if group else []
        self.table.blockSignals(True)
        self.table.setRowCount(len(self.rows))
        for row, r in enumerate(self.rows):
            self.table.setItem(row, 0, checkable_item(r.nominee_name, r.nomination_id))
            self.table.setItem(row, 1, QTableWidgetItem(r.commune_name))
            self.table.setItem(row, 2, QTableWidgetItem(self._kind_text(r)))
            amount = QTableWidgetItem("")
            amount.setTextAlignment(_RIGHT)
            self.table.setItem(row, 3, amount)
        self.table.blockSignals(False)
        self._update_money()

    def _kind_text(self, r: ReadyDossier) -> str:
        return self.tr("Collective") if r.is_collective else self.tr("Individual")

    def chosen_ids(self) -> list[str]:
        return checked_values(self.table)

    def _tick_all(self, on: bool) -> None:
        self.table.blockSignals(True)
        for r in range(self.table.rowCount()):
            cell = self.table.item(r, 0)
            if cell is not None:  # every row starts with its tick box
                cell.setCheckState(Qt.CheckState.Checked if on else Qt.CheckState.Unchecked)
        self.table.blockSignals(False)
        self._update_total()

    def _update_money(self) -> None:
        """Each dossier's reward as the service counts it on the decision date (nothing saved)."""
        group = self._group()
        self.preview, self.preview_error = None, None
        if group and self.rows:
            try:
                self.preview = self.decisions.preview(decided_on=self.decided_on.text(), award_code=group.code,
                                                      nomination_ids=[r.nomination_id for r in self.rows])
            except DomainError as exc:  # the date is half typed, or a dossier changed meanwhile
                self.preview_error = None if exc.field == "decided_on" else exc
        self.amounts = {r.nomination_id: r.reward_amount for r in self.preview.recipients} if self.preview else {}
        self.table.blockSignals(True)
        for row, r in enumerate(self.rows):
            cell = self.table.item(row, 3)
            assert cell is not None  # each dossier's row has its amount cell
            cell.setText(money(self.amounts.get(r.nomination_id)) if self.preview else "")
        self.table.blockSignals(False)
        self._update_total()

    def _update_total(self) -> None:
        chosen = self.chosen_ids()
        if not self.rows:
            text = self.tr("No approved dossier of this award is waiting for a decision.")
        elif self.preview_error is not None:  # e.g. another officer decided a dossier meanwhile
            text = render(self.preview_error, ops.current_lang())
        elif self.preview is None:
            text = self.tr("Type the decision date to compute the reward money.")
        else:
            text = self.tr("Base salary on the decision date: %1. Total reward for %2 recipient(s): %3.") \
                .replace("%1", money(self.preview.base_salary)).replace("%2", str(len(chosen))) \
                .replace("%3", money(sum(self.amounts.get(i) or 0 for i in chosen)))
            unknown = sum(self.amounts.get(i) is None for i in chosen)
            if unknown:
                text += " " + self.tr("%1 of them have no reward amount in the catalog (not verified).") \
                    .replace("%1", str(unknown))
        self.total.setText(text)
        self.issue_button.setEnabled(bool(chosen))

    # Actions --------------------------------------------------------------------------------------
    def issue(self) -> None:
        group = self._group()
        self.error.hide()
        if group is None:
            return
        outcome = ops.perform(self, lambda: self.decisions.issue(
            number=self.number.text(), decided_on=self.decided_on.text(), award_code=group.code,
            nomination_ids=self.chosen_ids(), signer_name=self.signer_name.currentText(),
            signer_title=self.signer_title.currentText()),
            changes=Change.DECISIONS | Change.NOMINATIONS | Change.RECORDS, on_refusal=self._refused)
        if not outcome.ok or outcome.value is None:
            return
        decision = outcome.value
        dialogs.info(self, self.tr("Decision issued"), self.tr(
            "Decision %1 was issued for %2 recipient(s) of %3 commune(s); total reward %4. The results go to "
            "each commune in its next bundle.").replace("%1", decision.number)
            .replace("%2", str(len(decision.recipients))).replace("%3", str(len(decision.communes)))
            .replace("%4", money(decision.total)))
        self.number.clear()
        self.refresh()
        self.select_decision(decision.id)

    def _refused(self, exc: DomainError) -> None:
        self.error.setText(render(exc, ops.current_lang()))
        self.error.show()

    def selected_decision(self) -> ProvinceDecisionView | None:
        rows = self.past.selectionModel().selectedRows()
        return self.past_model.row_object(rows[0].row()) if rows else None

    def select_decision(self, decision_id: str) -> bool:
        for row in range(self.past_model.rowCount()):
            if self.past_model.row_object(row).id == decision_id:
                self.past.selectRow(row)
                return True
        return False

    def _print_header(self) -> str:
        decision = self.selected_decision()
        if decision is None:
            return self.tr("Select an issued decision first")
        return self.tr("Decision %1").replace("%1", decision.number)

    def _fetch_past(self, offset: int, limit: int) -> tuple[list[ProvinceDecisionView], int]:
        return self.decisions.page(offset=offset, limit=limit)

    def _past_selected(self, selected: QItemSelection, _deselected: QItemSelection) -> None:
        decision = self.selected_decision()
        recipients = decision.recipients if decision else ()
        self.past_recipients.setRowCount(len(recipients))
        for row, r in enumerate(recipients):
            self.past_recipients.setItem(row, 0, QTableWidgetItem(r.nominee_name))
            self.past_recipients.setItem(row, 1, QTableWidgetItem(r.commune_name))
            amount = QTableWidgetItem(money(r.reward_amount))
            amount.setTextAlignment(_RIGHT)
            self.past_recipients.setItem(row, 2, amount)
        self.cancel_button.setEnabled(decision is not None)

    def cancel_selected(self) -> None:
        decision = self.selected_decision()
        if decision is None:
            return
        if not dialogs.ask_yes_no(self, self.tr("Cancel the decision"), self.tr(
                "Cancel decision %1? Its recipients lose the award in their communes' history at the next bundle, "
                "their dossiers are approved again, and the fund no longer pays it.").replace("%1", decision.number)):
            return
        outcome = ops.perform(self, lambda: self.decisions.cancel(decision.id, self.cancel_reason.text()),
                              changes=Change.DECISIONS | Change.NOMINATIONS | Change.RECORDS)
        if outcome.ok:
            self.cancel_reason.clear()
            self.refresh()

    def retranslate(self) -> None:
        self.tabs.setTabText(0, self.tr("Issue a decision"))
        self.tabs.setTabText(1, self.tr("Decisions issued"))
        texts = {"award": self.tr("Title or form granted"), "number": self.tr("Decision number"),
                 "decided_on": self.tr("Decision date"), "signer_title": self.tr("Signer's title"),
                 "signer_name": self.tr("Signed by"),
                 "table": self.tr("Approved dossiers waiting for the provincial chairman's decision")}
        for key, text in texts.items():
            self.labels[key].setText(text)
        self.table.setHorizontalHeaderLabels([self.tr("Recipient"), self.tr("Commune"), self.tr("Kind"),
                                              self.tr("Reward")])
        self.select_all.setText(self.tr("Tick all"))
        self.select_none.setText(self.tr("Untick all"))
        self.issue_button.setText(self.tr("Issue the decision"))
        self.issue_button.setToolTip(QKeySequence(QKeySequence.StandardKey.Save).toString(
            QKeySequence.SequenceFormat.NativeText))
        self.past_model.set_titles([self.tr("Number"), self.tr("Date"), self.tr("Award"), self.tr("Communes"),
                                    self.tr("Recipients"), self.tr("Total reward")])
        self.past_recipients.setHorizontalHeaderLabels([self.tr("Recipient"), self.tr("Commune"), self.tr("Reward")])
        self.cancel_reason.setPlaceholderText(self.tr("Reason for cancelling the selected decision"))
        self.cancel_button.setText(self.tr("Cancel the decision"))
        self.cancel_button.setEnabled(self.selected_decision() is not None)
        if self.groups:
            self._name_awards()
        for row, r in enumerate(self.rows):
            cell = self.table.item(row, 2)
            assert cell is not None  # each dossier's row has its kind cell
            cell.setText(self._kind_text(r))
        self._update_total()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)
