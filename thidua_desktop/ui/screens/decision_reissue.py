"""Đính chính quyết định: correct (re-issue) a commune decision already issued, from the Decisions
screen's list of issued decisions. Its number, date, signer and recipients come filled in; the
officer changes what was wrong, ticks or unticks recipients (the council-voted nominations for the
same award may be added) and says why. DecisionService.reissue does it in one transaction and
refuses what it must; the refusal shows in the window, which stays open with what was typed.

An added recipient the eligibility check does not pass on the decision date (and whom the council
passed without a reason of its own) goes in only with the chairman's reason, as on the Decisions
screen: the window then shows each such recipient with the criteria not met or not known, worded
from the check's reason codes, above a field for the reason, and the next "Re-issue" sends them."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QScrollArea,
    QTableWidget,
    QVBoxLayout,
    QWidget,
)

from ...domain.errors import DomainError
from ...messages import render
from ...services.decisions import DecisionService, DecisionView, OverrideNeed
from ...services.nominations import NominationService
from .. import ops
from ..forms import DateField
from ..screen_parts import checkable_item, checked_values, error_label, fill_signers
from ..texts import award_label
from .override_reasons import Nominee, ReasonBox

GRID_LIMIT = 500
SIGNER_TITLES = ("CHỦ TỊCH", "PHÓ CHỦ TỊCH")  # as the Decisions screen offers them
NOT_ELIGIBLE = "NOMINATION_NOT_ELIGIBLE"  # the service's refusal of an added recipient the check does not pass


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
        # The chairman's reasons, shown once the service refused an added recipient for want of one.
        self.typed_reasons: dict[str, str] = {}  # by nomination id: kept when the boxes are rebuilt
        self.reason_boxes: list[ReasonBox] = []
        self.needs_intro = QLabel()
        self.needs_intro.setWordWrap(True)
        self.needs_column = QVBoxLayout()
        needs_inner = QWidget()
        inner_layout = QVBoxLayout(needs_inner)
        inner_layout.addWidget(self.needs_intro)
        inner_layout.addLayout(self.needs_column)
        inner_layout.addStretch(1)
        self.needs = QScrollArea()
        self.needs.setWidgetResizable(True)
        self.needs.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.needs.setWidget(needs_inner)
        self.needs.hide()
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
        layout.addWidget(self.needs, 1)
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

    def chairman_reasons(self) -> dict[str, str]:
        """The chairman's reasons typed so far for the recipients ticked, by nomination id."""
        self._remember_reasons()
        chosen = set(self.chosen_ids())
        return {i: text for i, text in self.typed_reasons.items() if i in chosen and text}

    def submit(self) -> None:
        """Re-issue; a refusal stays in the window with what was typed, success closes it. When an
        added recipient needs the chairman's reason the window asks for it (what the check found,
        and a field for each), and the next click sends the reasons."""
        self.error.hide()
        given = self.chairman_reasons()
        refusals: list[DomainError] = []
        outcome = ops.perform(self, lambda: self.decisions.reissue(
            self.decision.id, number=self.number.text(), decided_on=self.decided_on.text(),
            nomination_ids=self.chosen_ids(), reason=self.reason.text(),
            signer_name=self.signer_name.currentText(), signer_title=self.signer_title.currentText(),
            overrides=given),
            changes=DecisionService.CHANGES, on_refusal=refusals.append)
        if outcome.ok:
            self.result_view = outcome.value
            self.accept()
            return
        if not refusals:  # a bug, already shown; what was typed stays
            return
        if refusals[0].code == NOT_ELIGIBLE and self._ask_reasons():
            return
        self._refused(refusals[0])

    def _ask_reasons(self) -> bool:
        """Show every added recipient that needs the chairman's reason, with why, and say so (False:
        none does any more, the data changed meanwhile, so the service's own refusal is shown)."""
        asked = ops.perform(self, lambda: self.decisions.reissue_overrides_needed(
            self.decision.id, decided_on=self.decided_on.text(), nomination_ids=self.chosen_ids()),
            on_refusal=self._refused)
        if not asked.ok:
            return True  # that refusal is shown already
        needs: list[OverrideNeed] = asked.value or []
        if not needs:
            return False
        self._show_needs(needs)
        missing = [b for b in self.reason_boxes if not b.text()]
        self.error.setText(self.tr(
            "Not re-issued: on the decision date the app's check does not find %1 eligible, and the council "
            "recorded no reason when it passed them. Write the chairman's reason for each below and click "
            "“Re-issue the decision” again, or untick them to leave them out.").replace(
            "%1", ", ".join(b.nominee.name for b in missing or self.reason_boxes)))
        self.error.show()
        (missing or self.reason_boxes)[0].editor.setFocus()
        return True

    def _remember_reasons(self) -> None:
        self.typed_reasons.update({b.nominee.nomination_id: b.text() for b in self.reason_boxes})

    def _show_needs(self, needs: list[OverrideNeed]) -> None:
        """One box per recipient needing a reason (rebuilt: who needs one follows the date and the
        ticks), each with what was typed for it before."""
        self._remember_reasons()
        for box in self.reason_boxes:
            self.needs_column.removeWidget(box)
            box.deleteLater()
        catalog = self.decisions.catalog
        label = self.tr("Chairman's reason (required)")
        self.reason_boxes = []
        for need in needs:
            nominee = Nominee(need.nomination_id, need.nominee_name,
                              award_label(catalog.award(need.award_code), catalog, ops.current_lang()), need.check)
            box = ReasonBox(nominee, catalog, label, self.typed_reasons.get(need.nomination_id, ""))
            self.needs_column.addWidget(box)
            self.reason_boxes.append(box)
        if self.needs.isHidden():
            self.needs.show()
            self._grow()

    def _grow(self) -> None:
        """Room for the reasons, no taller than the screen (a 1366×768 laptop at 150%: 512 high)."""
        screen = self.screen().availableGeometry() if self.screen() else None
        room = screen.height() - 60 if screen is not None else 760
        self.resize(self.width(), min(max(self.height(), 700), room))

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
        self.needs_intro.setText(self.tr(
            "The chairman's reason is needed for these added recipients: the app's check does not find them "
            "eligible on the decision date. It is kept in each nomination's history and in the correction's "
            "audit entry."))
        self.ok.setText(self.tr("Re-issue the decision"))
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Cancel"))
