"""Đính chính quyết định: correct (re-issue) a commune decision already issued, from the Decisions
screen's list of issued decisions. Its number, date, signer and recipients come filled in; the
officer changes what was wrong, ticks or unticks recipients (the council-voted nominations for the
same award may be added) and says why. DecisionService.reissue does it in one transaction and
refuses what it must; the refusal shows in the window, which stays open with what was typed."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QTableWidget,
    QVBoxLayout,
    QWidget,
)

from ...domain.errors import DomainError
from ...messages import render
from ...services.decisions import DecisionService, DecisionView
from ...services.nominations import NominationService
from .. import ops
from ..forms import DateField
from ..screen_parts import checkable_item, checked_values, error_label, fill_signers

GRID_LIMIT = 500
SIGNER_TITLES = ("CHỦ TỊCH", "PHÓ CHỦ TỊCH")  # as the Decisions screen offers them


class ReissueDialog(QDialog):
    def __init__(self, decisions: DecisionService, nominations: NominationService, decision: DecisionView,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.decisions = decisions
        self.decision = decision
        self.result_view: DecisionView | None = None
        self.number = QLineEdit(decision.number)
        self.decided_on = DateField()
        self.decided_on.setText(decision.decided_on.strftime("%d/%m/%Y"))
        self.signer_title = QComboBox()
        self.signer_title.addItems(list(SIGNER_TITLES))
        self.signer_title.setCurrentIndex(max(0, self.signer_title.findText(decision.signer_title)))
        self.signer_name = QComboBox()
        self.signer_title.currentIndexChanged.connect(lambda _i: self._fill_signers())
        self.decided_on.textChanged.connect(lambda _t: self._fill_signers())
        self.recipients = QTableWidget(0, 1)
        self.recipients.verticalHeader().setVisible(False)
        self.recipients.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.recipients.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        # Its recipients ticked, then the nominations still waiting for a decision on the same award.
        waiting, _total = nominations.page("council_voted", award_code=decision.award_code, limit=GRID_LIMIT)
        rows = [(r.nomination_id, r.nominee_name, True) for r in decision.recipients]
        rows += [(n.id, n.nominee_name, False) for n in waiting if n.id not in {r[0] for r in rows}]
        self.recipients.setRowCount(len(rows))
        for row, (nomination_id, name, ticked) in enumerate(rows):
            self.recipients.setItem(row, 0, checkable_item(name, nomination_id, ticked))
        self.reason = QLineEdit()
        self.error = error_label()
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.buttons.accepted.connect(self.submit)  # closes only once the service took it
        self.buttons.rejected.connect(self.reject)
        self.form = QFormLayout()
        self.labels = {name: QLabel() for name in ("number", "decided_on", "signer_title", "signer_name",
                                                   "recipients", "reason")}
        for name, widget in (("number", self.number), ("decided_on", self.decided_on),
                             ("signer_title", self.signer_title), ("signer_name", self.signer_name),
                             ("reason", self.reason)):
            self.form.addRow(self.labels[name], widget)
        layout = QVBoxLayout(self)
        layout.addLayout(self.form)
        layout.addWidget(self.labels["recipients"])
        layout.addWidget(self.recipients, 1)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)
        self._fill_signers(decision.signer_name)
        self.retranslate()
        self.resize(640, 520)

    def _fill_signers(self, wanted: str | None = None) -> None:
        fill_signers(self.signer_name, lambda: self.decisions.signers(self.decided_on.text(),
                                                                      self.signer_title.currentText()), keep=wanted)

    def chosen_ids(self) -> list[str]:
        return checked_values(self.recipients)

    def submit(self) -> None:
        """Re-issue; a refusal stays in the window with what was typed, success closes it."""
        self.error.hide()
        outcome = ops.perform(self, lambda: self.decisions.reissue(
            self.decision.id, number=self.number.text(), decided_on=self.decided_on.text(),
            nomination_ids=self.chosen_ids(), reason=self.reason.text(),
            signer_name=self.signer_name.currentText(), signer_title=self.signer_title.currentText()),
            changes=DecisionService.CHANGES, on_refusal=self._refused)
        if outcome.ok:
            self.result_view = outcome.value
            self.accept()

    def _refused(self, exc: DomainError) -> None:
        self.error.setText(render(exc, ops.current_lang()))
        self.error.show()

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Correct decision %1").replace("%1", self.decision.number))
        texts = {"number": self.tr("Decision number"), "decided_on": self.tr("Decision date"),
                 "signer_title": self.tr("Signer's title"), "signer_name": self.tr("Signed by"),
                 "recipients": self.tr("Recipients (untick to take one out; tick a waiting nomination to add it)"),
                 "reason": self.tr("Why is it corrected?")}
        for name, text in texts.items():
            self.labels[name].setText(text)
        self.recipients.setHorizontalHeaderLabels([self.tr("Recipient")])
        self.ok.setText(self.tr("Re-issue the decision"))
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Cancel"))
