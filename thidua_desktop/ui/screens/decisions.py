"""Quyết định: the commune chairman's decision for the titles he grants (number, date, signer, award,
recipients), with each recipient's reward money and the total; past decisions with their recipients.
A recipient the eligibility check does not pass on the decision date, and whom the council passed
without a reason of its own, goes in only with the chairman's reason (override_reasons.py). The
screen follows the nominations voted, the officials and the values changed anywhere, re-read when
next shown."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QEvent, QItemSelection, Qt, QTimer
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QFormLayout,
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
from ...services.decisions import DecisionService, DecisionView, OverrideNeed
from ...services.nominations import NominationService, NominationView
from ...services.printing import PrintService
from .. import dialogs, ops
from ..forms import DateField
from ..locale_format import date_text, money_text
from ..models.paged import Column, PagedTableModel
from ..print_actions import PrintButton, entries_for
from ..screen_parts import checkable_item, checked_values, error_label, fill_signers
from ..texts import award_label
from .decision_reissue import ReissueDialog
from .nomination_wizard_pages import outcome_text
from .override_reasons import Nominee, OverrideReasonsDialog

GRID_LIMIT = 500
SIGNER_TITLES = ("CHỦ TỊCH", "PHÓ CHỦ TỊCH")
FIELDS = ("number", "decided_on", "signer_name", "signer_title", "award_code", "recipients")
NOT_ELIGIBLE = "NOMINATION_NOT_ELIGIBLE"  # the service's refusal of a nominee the check does not pass


def money(amount: int | None) -> str:
    """710000 -> "710.000 đ" (Vietnamese) or "710,000 VND"; None (no multiplier in the catalog) -> "—"."""
    return money_text(amount, short=True)  # the thousands dot of Vietnamese documents, through QLocale


class DecisionsScreen(QWidget, ops.Watcher):
    # Decisions issued; the council-voted nominations and their nominees' names; the awards and the
    # base salary in force (catalog, settings); who signs (the officials' terms, OFFICE).
    watches = (Change.DECISIONS | Change.NOMINATIONS | Change.COUNCIL | Change.PEOPLE | Change.COLLECTIVES
               | Change.CATALOG | Change.SETTINGS | Change.OFFICE)
    live = False  # a re-read ticks every recipient again: once when shown, not behind the officer's back

    def __init__(self, decisions: DecisionService, nominations: NominationService, today: date | None = None,
                 parent: QWidget | None = None, printing: PrintService | None = None) -> None:
        super().__init__(parent)
        self.decisions = decisions
        self.printing = printing
        self.nominations = nominations
        self.today = today or date.today()
        self.rows: list[NominationView] = []
        self.amounts: dict[str, int | None] = {}
        # The chairman's reasons typed so far, kept when a decision is refused or the window
        # cancelled, so the next attempt does not ask for them again from scratch.
        self.typed_reasons: dict[str, str] = {}
        # Told of a change while shown, the screen re-reads on the next turn of the event loop; a
        # re-read before then (its own decision re-reads at once) cancels it: one action, one re-read.
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

    def _issue_tab(self) -> QWidget:
        tab = QWidget()
        self.number = QLineEdit()
        self.number.setPlaceholderText("05/QĐ-UBND")
        self.decided_on = DateField()
        self.decided_on.setText(self.today.strftime("%d/%m/%Y"))
        # Who signs comes from Cài đặt → Lãnh đạo ký văn bản: the chairman in office on the decision
        # date, or a vice-chairman signing KT. CHỦ TỊCH; nothing is typed.
        self.signer_name = QComboBox()
        self.signer_title = QComboBox()
        self.signer_title.addItems(list(SIGNER_TITLES))
        self.signer_title.currentIndexChanged.connect(lambda _i: self._fill_signers())
        self.decided_on.textChanged.connect(lambda _t: self._fill_signers())
        self.award = QComboBox()
        self.award.currentIndexChanged.connect(lambda _i: self._fill_recipients())
        self.decided_on.textChanged.connect(lambda _t: self._update_money())
        self.recipients = QTableWidget(0, 3)
        self.recipients.verticalHeader().setVisible(False)
        self.recipients.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        header = self.recipients.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.recipients.itemChanged.connect(lambda _item: self._update_money())
        self.total = QLabel()
        self.total.setWordWrap(True)
        self.issue_button = QPushButton()
        self.issue_button.clicked.connect(self.issue)
        self.form = QFormLayout()
        self.form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.labels: dict[str, QLabel] = {}
        self.errors: dict[str, QLabel] = {}
        widgets = {"number": self.number, "decided_on": self.decided_on, "signer_name": self.signer_name,
                   "signer_title": self.signer_title, "award_code": self.award, "recipients": self.recipients}
        layout = QVBoxLayout(tab)
        for name in FIELDS:
            self.labels[name] = QLabel()
            self.labels[name].setWordWrap(True)
            self.labels[name].setMinimumWidth(170)
            error = error_label()
            self.errors[name] = error
            holder = QWidget()
            column = QVBoxLayout(holder)
            column.setContentsMargins(0, 0, 0, 0)
            column.setSpacing(2)
            column.addWidget(widgets[name])
            column.addWidget(error)
            if name == "recipients":  # the list takes the height left over
                layout.addLayout(self.form)
                layout.addWidget(self.labels[name])
                layout.addWidget(holder, 1)
            else:
                self.form.addRow(self.labels[name], holder)
        bottom = QHBoxLayout()
        bottom.addWidget(self.total, 1)
        bottom.addWidget(self.issue_button)
        layout.addLayout(bottom)
        return tab

    def _past_tab(self) -> QWidget:
        tab = QWidget()
        self.past = QTableView()
        self.past_model = PagedTableModel([
            Column("", lambda d: d.number), Column("", lambda d: date_text(d.decided_on)),
            Column("", lambda d: d.award_name), Column("", lambda d: f"{d.signer_title} {d.signer_name}"),
            Column("", lambda d: len(d.recipients), Qt.AlignmentFlag.AlignRight),
            Column("", lambda d: money(d.total_reward), Qt.AlignmentFlag.AlignRight)], self._fetch_past, self)
        self.past.setModel(self.past_model)
        self.past.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
        self.past.setSelectionMode(QTableView.SelectionMode.SingleSelection)
        self.past.verticalHeader().setVisible(False)
        self.past.horizontalHeader().setStretchLastSection(True)
        self.past.selectionModel().selectionChanged.connect(self._past_selected)
        self.past_recipients = QTableWidget(0, 2)
        self.past_recipients.verticalHeader().setVisible(False)
        self.past_recipients.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.past_recipients.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.addWidget(self.past)
        splitter.addWidget(self.past_recipients)
        self.print_button = PrintButton(self.printing, tab)
        self.print_button.add_group(self._print_header, lambda: d.id if (d := self.selected_decision()) else None,
                                    entries_for("decision"))
        # A decision with a wrong number, date, signer or recipient is corrected (re-issued), not re-made.
        self.reissue_button = QPushButton()
        self.reissue_button.setEnabled(False)
        self.reissue_button.clicked.connect(self.reissue_selected)
        actions = QHBoxLayout()
        actions.addStretch(1)
        actions.addWidget(self.reissue_button)
        actions.addWidget(self.print_button)
        layout = QVBoxLayout(tab)
        layout.addLayout(actions)
        layout.addWidget(splitter)
        return tab

    def selected_decision(self) -> DecisionView | None:
        rows = self.past.selectionModel().selectedRows()
        return self.past_model.row_object(rows[0].row()) if rows else None

    def _print_header(self) -> str:
        decision = self.selected_decision()
        if decision is None:
            return self.tr("Select an issued decision first")
        return self.tr("Decision %1").replace("%1", decision.number)

    def _fetch_past(self, offset: int, limit: int) -> tuple[list[DecisionView], int]:
        return self.decisions.page(offset=offset, limit=limit)

    # Data ----------------------------------------------------------------------------------
    def _fill_signers(self) -> None:
        """The holders in office on the decision date for the chosen title (empty: none entered)."""
        fill_signers(self.signer_name, lambda: self.decisions.signers(self.decided_on.text(),
                                                                      self.signer_title.currentText()),
                     self.tr("Nobody holds this post on the decision date: enter the term in Settings → Officials "
                             "who sign documents."))

    def refresh(self) -> None:
        self._refresh_soon.stop()
        current = self.award.currentData()
        self.award.blockSignals(True)
        self.award.clear()
        lang = ops.current_lang()
        for award in self.decisions.commune_awards():
            self.award.addItem(award_label(award, self.decisions.catalog, lang), award.code)
        self.award.setCurrentIndex(max(0, self.award.findData(current)))
        self.award.blockSignals(False)
        self._fill_signers()
        self._fill_recipients()
        self.past_model.reload()
        self.past.resizeColumnsToContents()
        self.reissue_button.setEnabled(self.selected_decision() is not None)

    def on_changed(self, changes: Change) -> None:
        self._refresh_soon.start()

    def _fill_recipients(self) -> None:
        code = self.award.currentData()
        rows, _total = self.nominations.page("council_voted", award_code=code, limit=GRID_LIMIT) if code else ([], 0)
        self.rows = rows
        self.recipients.blockSignals(True)
        self.recipients.setRowCount(len(rows))
        for row, n in enumerate(rows):
            self.recipients.setItem(row, 0, checkable_item(n.nominee_name, n.id))
            self.recipients.setItem(row, 1, QTableWidgetItem(n.award_name))
            amount = QTableWidgetItem("")
            amount.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            self.recipients.setItem(row, 2, amount)
        self.recipients.blockSignals(False)
        self._update_money()

    def chosen_ids(self) -> list[str]:
        return checked_values(self.recipients)

    def _update_money(self) -> None:
        """Reward per recipient and the total, as the service will compute them (nothing saved)."""
        code = self.award.currentData()
        preview = None
        if code and self.rows:
            try:
                preview = self.decisions.preview(decided_on=self.decided_on.text(), award_code=code,
                                                 nomination_ids=[n.id for n in self.rows])
            except DomainError:  # a preview while typing: no money shown until the date parses
                preview = None  # e.g. the date is half typed
        self.amounts = {r.nomination_id: r.reward_amount for r in preview.recipients} if preview else {}
        self.recipients.blockSignals(True)
        for row, n in enumerate(self.rows):
            cell = self.recipients.item(row, 2)
            assert cell is not None  # each recipient row has its amount cell
            cell.setText(money(self.amounts.get(n.id)) if preview else "")
        self.recipients.blockSignals(False)
        chosen = self.chosen_ids()
        if not self.rows:
            text = self.tr("No council-voted nomination for this award is waiting for a decision.")
        elif preview is None:
            text = self.tr("Type the decision date to compute the reward money.")
        elif any(self.amounts.get(i) is None for i in chosen):
            text = self.tr("The catalog has no reward amount for this award (not verified): no money is computed.")
        else:
            text = self.tr("Base salary on the decision date: %1. Total reward for %2 recipient(s): %3.") \
                .replace("%1", money(preview.base_salary)).replace("%2", str(len(chosen))) \
                .replace("%3", money(sum(self.amounts[i] or 0 for i in chosen)))
        self.total.setText(text)

    # Actions -------------------------------------------------------------------------------
    def _clear_errors(self) -> None:
        for label in self.errors.values():
            label.hide()

    def issue(self) -> None:
        """Issue the decision; when the service refuses a nominee the check does not pass, ask the
        chairman's reason for every such nominee at once, then try again with them."""
        self._clear_errors()
        ids = self.chosen_ids()
        overrides: dict[str, str] = {}
        decision: DecisionView | None = None
        for asked in (False, True):
            refusals: list[DomainError] = []
            # An operation: the award history and the nominations change with the decision.
            def issue(given: dict[str, str] = overrides) -> DecisionView:
                return self.decisions.issue(
                    number=self.number.text(), decided_on=self.decided_on.text(),
                    signer_name=self.signer_name.currentText(),
                    signer_title=self.signer_title.currentText(), award_code=self.award.currentData() or "",
                    nomination_ids=ids, overrides=given)

            outcome = ops.perform(self, issue, changes=Change.DECISIONS | Change.NOMINATIONS | Change.RECORDS,
                                  on_refusal=refusals.append)
            if outcome.ok:
                decision = outcome.value
                break
            if not refusals:  # a bug, already shown; what was typed stays
                return
            if refusals[0].code == NOT_ELIGIBLE and not asked:
                answered = self.ask_reasons(ids)
                if answered is None:
                    return
                overrides = answered
                continue
            self._refused(refusals[0])
            return
        if decision is None:
            return
        self.typed_reasons.clear()
        dialogs.info(self, self.tr("Decision issued"),
                     self.tr("Decision %1 was issued for %2 recipient(s); their award history is updated.")
                     .replace("%1", decision.number).replace("%2", str(len(decision.recipients))))
        self.number.clear()
        self.refresh()

    def ask_reasons(self, ids: list[str]) -> dict[str, str] | None:
        """The chairman's reason for each nominee that needs one (None: not given, nothing issued)."""
        asked = ops.perform(self, lambda: self.decisions.overrides_needed(
            decided_on=self.decided_on.text(), award_code=self.award.currentData() or "", nomination_ids=ids),
            on_refusal=self._refused)
        if not asked.ok:
            return None
        needs = asked.value or []
        if not needs:  # the data changed meanwhile: the next attempt says what is wrong
            return {}
        dialog = OverrideReasonsDialog([self._nominee(n) for n in needs], self.decisions.catalog,
                                       self.typed_reasons, self)
        accepted = dialog.exec() == QDialog.DialogCode.Accepted
        self.typed_reasons.update({k: v for k, v in dialog.reasons().items() if v})
        dialog.deleteLater()
        if not accepted:
            self._show_error("recipients", self.tr(
                "Not issued: the chairman's reason is needed for %1. Click “Issue the decision” again to write "
                "it, or untick them to leave them out of this decision.").replace(
                "%1", ", ".join(n.nominee_name for n in needs)))
            return None
        return {n.nomination_id: self.typed_reasons.get(n.nomination_id, "") for n in needs}

    def _nominee(self, need: OverrideNeed) -> Nominee:
        catalog = self.decisions.catalog
        return Nominee(need.nomination_id, need.nominee_name,
                       award_label(catalog.award(need.award_code), catalog, ops.current_lang()), need.check)

    def _refused(self, exc: DomainError) -> None:
        """The refusal beside the field it names, else in a message box; a nominee the check does
        not pass is told how to go on (the service's own sentence names a reason field the screen
        does not have: the reason is asked for in a window)."""
        if exc.code == NOT_ELIGIBLE:
            self._show_error("recipients", self.tr(
                "«%1» does not meet the criteria by the app's check on the decision date (%2). Click “Issue the "
                "decision” again and write the chairman's reason in the window that opens, or untick the "
                "nominee to leave them out.").replace("%1", str(exc.params.get("name", "")))
                .replace("%2", outcome_text(str(exc.params.get("outcome", "")))))
            return
        name = (exc.field or "").split("[", 1)[0]
        if name in self.errors:  # shown beside the field it names
            self._show_error(name, render(exc, ops.current_lang()))
        else:
            dialogs.error(self, self.tr("Cannot issue the decision"), render(exc, ops.current_lang()))

    def _show_error(self, name: str, text: str) -> None:
        self.errors[name].setText(text)
        self.errors[name].show()

    def _past_selected(self, selected: QItemSelection, _deselected: QItemSelection) -> None:
        rows = selected.indexes()
        if rows:
            self.show_decision(self.past_model.row_object(rows[0].row()))
        self.reissue_button.setEnabled(self.selected_decision() is not None)

    def reissue_dialog(self) -> ReissueDialog | None:
        """The correction window for the selected decision (None: nothing selected)."""
        decision = self.selected_decision()
        return ReissueDialog(self.decisions, self.nominations, decision, self) if decision else None

    def reissue_selected(self) -> None:
        dialog = self.reissue_dialog()
        if dialog is None:
            return
        if dialog.exec() == QDialog.DialogCode.Accepted and dialog.result_view is not None:
            fixed = dialog.result_view
            self.refresh()  # at once: the announced change would re-read it on the next turn anyway
            dialogs.info(self, self.tr("Decision corrected"),
                         self.tr("Decision %1 was corrected for %2 recipient(s); their award history is updated.")
                         .replace("%1", fixed.number).replace("%2", str(len(fixed.recipients))))
        dialog.deleteLater()

    def show_decision(self, decision: DecisionView) -> None:
        self.past_recipients.setRowCount(len(decision.recipients))
        for row, r in enumerate(decision.recipients):
            self.past_recipients.setItem(row, 0, QTableWidgetItem(r.nominee_name))
            amount = QTableWidgetItem(money(r.reward_amount))
            amount.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            self.past_recipients.setItem(row, 1, amount)

    def retranslate(self) -> None:
        lang = ops.current_lang()
        for i in range(self.award.count()):
            award = self.decisions.catalog.award(self.award.itemData(i))
            self.award.setItemText(i, award.name_vi if lang == "vi" else award.name_en)
        self.tabs.setTabText(0, self.tr("Issue a decision"))
        self.tabs.setTabText(1, self.tr("Decisions issued"))
        texts = {"number": self.tr("Decision number"), "decided_on": self.tr("Decision date"),
                 "signer_name": self.tr("Signed by"), "signer_title": self.tr("Signer's title"),
                 "award_code": self.tr("Title or form granted"),
                 "recipients": self.tr("Council-voted nominations to include")}
        for name, text in texts.items():
            self.labels[name].setText(text)
        self.recipients.setHorizontalHeaderLabels([self.tr("Recipient"), self.tr("Award"), self.tr("Reward")])
        self.issue_button.setText(self.tr("Issue the decision"))
        self.issue_button.setToolTip(QKeySequence(QKeySequence.StandardKey.Save).toString(
            QKeySequence.SequenceFormat.NativeText))
        self.past_model.set_titles([self.tr("Number"), self.tr("Date"), self.tr("Award"), self.tr("Signed by"),
                                    self.tr("Number of recipients"), self.tr("Total reward")])
        self.past_recipients.setHorizontalHeaderLabels([self.tr("Recipient"), self.tr("Reward")])
        self.reissue_button.setText(self.tr("Correct this decision…"))
        self.reissue_button.setToolTip(self.tr("Re-issue the selected decision with its number, date, signer or "
                                               "recipients corrected; the award histories follow"))
        self._update_money()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)
