"""Đề nghị khen thưởng — the nomination wizard: batch and award, nominees, eligibility, achievement
summary, dossier, and saving every nominee as a draft in one transaction.

The steps live in ``nomination_wizard_pages`` (1–2), ``nomination_wizard_check`` (3) and
``nomination_wizard_dossier`` (4–5); this module holds the wizard and the last step."""

from __future__ import annotations

from dataclasses import asdict
from datetime import date
from typing import Any

from PySide6.QtCore import QEvent, QSize
from PySide6.QtWidgets import QHeaderView, QLabel, QTableWidget, QTableWidgetItem, QVBoxLayout, QWidget, QWizard

from ...domain.errors import DomainError
from ...services.attachments import AttachmentStore
from ...services.changes import Change
from ...services.drafts import DraftStore
from ...services.nominations import NominationService, NominationView, NomineeDraft, NomineeOption
from .. import dialogs, ops
from .nomination_wizard_check import EligibilityPage
from .nomination_wizard_dossier import DossierPage, SummaryPage
from .nomination_wizard_pages import (
    BatchAwardPage,
    NomineesPage,
    Page,
    WizardState,
    award_name,
    kind_text,
    outcome_text,
)


class ReviewPage(Page):
    """Step 6: what will be saved, before saving it as drafts."""

    def __init__(self, state: WizardState) -> None:
        super().__init__()
        self.state = state
        self.intro = QLabel()
        self.intro.setWordWrap(True)
        self.table = QTableWidget(0, 4)
        self.table.verticalHeader().setVisible(False)
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        layout = QVBoxLayout(self)
        layout.addWidget(self.intro)
        layout.addWidget(self.table, 1)
        self.retranslate()

    def retranslate(self) -> None:
        self.setTitle(self.tr("Step 6 of 6: save as drafts"))
        self.setSubTitle(self.tr("Nothing is saved until you press “Save as drafts”; then every nominee below is "
                                 "saved together, or none is."))
        self.table.setHorizontalHeaderLabels([self.tr("Nominee"), self.tr("Eligibility"),
                                              self.tr("Achievement summary"), self.tr("Required documents")])
        if self.state.award is not None:
            self.initializePage()

    def initializePage(self) -> None:
        state = self.state
        if state.award is None or state.batch is None:
            return
        lang = ops.current_lang()
        self.intro.setText(self.tr("%1 — %2 — batch “%3”").replace("%1", award_name(state.award, lang))
                           .replace("%2", kind_text(state.kind)).replace("%3", state.batch.name))
        required = [d.code for d in state.award.dossier if d.required]
        self.table.setRowCount(len(state.chosen))
        for row, (subject_id, option) in enumerate(state.chosen.items()):
            draft = state.draft(subject_id)
            preview = state.previews.get(subject_id)
            summary = draft.achievement_summary.strip().splitlines()
            done = sum(1 for code in required if code in draft.provided)
            cells = [option.name, outcome_text(preview.decision.outcome.value) if preview else "",
                     summary[0] if summary else "", f"{done}/{len(required)}"]
            for column, text in enumerate(cells):
                self.table.setItem(row, column, QTableWidgetItem(text))


DRAFT_KEY = "nomination-wizard"


class NominationWizard(QWizard):
    """``saved`` holds the saved nominations once the wizard is accepted. With a ``drafts`` store,
    the choices so far are kept at every step (and offered back next time) until saved or dropped.
    Opened over a screen of the main window, it follows the register: a person or collective added
    or changed elsewhere meanwhile shows in step 2's list at once (the ticks are kept)."""

    def __init__(self, nominations: NominationService, attachments: AttachmentStore | None = None,
                 today: date | None = None, parent: QWidget | None = None, drafts: DraftStore | None = None) -> None:
        super().__init__(parent)
        self.nominations = nominations
        self.attachments = attachments
        self.drafts = drafts
        self.today = today or date.today()
        self.saved: list[NominationView] = []
        self.state = WizardState()
        self.setWizardStyle(QWizard.WizardStyle.ModernStyle)
        self.setOption(QWizard.WizardOption.NoBackButtonOnStartPage, True)
        lang = ops.current_lang()
        self.batch_page = BatchAwardPage(nominations, self.state, lang, self.today.year)
        self.nominees_page = NomineesPage(nominations, self.state)
        self.eligibility_page = EligibilityPage(nominations, self.state, self.today)
        self.summary_page = SummaryPage(nominations, self.state)
        self.dossier_page = DossierPage(nominations, self.state)
        self.review_page = ReviewPage(self.state)
        for page in (self.batch_page, self.nominees_page, self.eligibility_page, self.summary_page,
                     self.dossier_page, self.review_page):
            self.addPage(page)
        self.currentIdChanged.connect(lambda _id: self.store_draft())
        self.summary_page.text.textChanged.connect(self.store_draft)
        ops.subscribe(self, Change.PEOPLE | Change.COLLECTIVES, self._register_changed)
        self.retranslate()

    def _register_changed(self, _changes: Change) -> None:
        if self.state.award is not None:  # step 2 has a list to show
            self.nominees_page.model.reload()

    # Drafts: typed work survives a closed window or a power cut ----------------------------------
    def store_draft(self) -> None:
        state = self.state
        if not self.drafts or not state.chosen or state.batch is None or state.award is None:
            return
        self.drafts.save(DRAFT_KEY, {
            "batch_id": state.batch.id, "award_code": state.award.code, "kind": state.kind,
            "chosen": [asdict(o) for o in state.chosen.values()],
            "drafts": {sid: asdict(d) for sid, d in state.drafts.items()}})

    def restore_draft(self) -> bool:
        """Offer the unsaved nomination kept from last time; True when it was restored."""
        data = self.drafts.load(DRAFT_KEY) if self.drafts else None
        if not data or not dialogs.ask_yes_no(self, self.tr("Unsaved nomination"),
                                              self.tr("Continue the nomination you had not saved?")):
            return False
        try:
            page = self.batch_page
            index = next(i for i in range(page.batch.count()) if page.batch.itemData(i).id == data["batch_id"])
            page.batch.setCurrentIndex(index)
            page.award.setCurrentIndex(page.award.findData(data["award_code"]))
            page.kind.setCurrentIndex(max(0, page.kind.findData(data["kind"])))
            self.state.award = self.nominations.catalog.award(data["award_code"])
            self.state.batch = page.batch.currentData()
            self.state.kind = str(data["kind"])
            options: list[dict[str, Any]] = data["chosen"]
            self.state.chosen.update({o["id"]: NomineeOption(**o) for o in options})
            self.state.drafts.update({sid: NomineeDraft(**d) for sid, d in data["drafts"].items()})
        except (StopIteration, KeyError, TypeError, DomainError):
            self.drafts.discard(DRAFT_KEY)  # type: ignore[union-attr]  # kept from an older batch or catalog
            return False
        return True

    def _drop_draft(self) -> None:
        if self.drafts:
            self.drafts.discard(DRAFT_KEY)

    def sizeHint(self) -> QSize:
        return QSize(1100, 660)  # fits a 1366×768 laptop with the taskbar

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("New nomination"))
        # Qt ships no Vietnamese for the wizard's buttons, so they get their text here.
        self.setButtonText(QWizard.WizardButton.BackButton, self.tr("< Back"))
        self.setButtonText(QWizard.WizardButton.NextButton, self.tr("Next >"))
        self.setButtonText(QWizard.WizardButton.CommitButton, self.tr("Confirm"))
        self.setButtonText(QWizard.WizardButton.FinishButton, self.tr("Save as drafts"))
        self.setButtonText(QWizard.WizardButton.CancelButton, self.tr("Cancel"))
        self.setButtonText(QWizard.WizardButton.HelpButton, self.tr("Help"))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def save(self) -> list[NominationView]:
        state = self.state
        assert state.batch is not None and state.award is not None
        return self.nominations.create_many(batch_id=state.batch.id, award_code=state.award.code,
                                            commendation_kind=state.kind, nominees=state.ordered_drafts(),
                                            as_of=self.today, store=self.attachments)

    def accept(self) -> None:
        saved = ops.run(self, self.save, changes=Change.NOMINATIONS)
        if saved is None:
            return  # the refusal was shown; everything typed is still here
        self.saved = saved
        self._drop_draft()
        super().accept()

    def reject(self) -> None:
        if self.state.chosen and not dialogs.ask_yes_no(
                self, self.tr("Close the wizard"), self.tr("Close without saving these nominations?")):
            return
        self._drop_draft()
        super().reject()
