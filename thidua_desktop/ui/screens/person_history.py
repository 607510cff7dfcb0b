"""The history of one person or collective, as tabs: award history, annual task-completion
ratings, initiatives, discipline and open matters. Each tab lists the records and has a short
form to add one from paper; adding or removing a row is saved at once (one action, one
transaction), so nothing here waits for the dialog's Save button."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import date
from typing import Any

from PySide6.QtCore import QEvent, Signal
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import QComboBox, QLineEdit, QTabWidget, QWidget

from ...domain.enums import SubjectType
from ...services.records import OTHER_AWARD, RecordsService, Subject
from .. import ops
from ..forms import DateField, set_widget_value
from ..models.paged import Column
from ..texts import award_label
from . import person_labels as labels
from .person_records import DisciplineSection, InitiativesSection, MattersSection
from .person_section import HistorySection, combo_of, day_text, year_now


class AwardsSection(HistorySection):
    """Awards received, from our decisions or typed from paper (catalog award or free text)."""

    def __init__(self, records: RecordsService, subject: Subject, subject_type: SubjectType,
                 parent: QWidget | None = None) -> None:
        super().__init__(records, subject, parent)
        self.subject_type = subject_type
        self.award = QComboBox()
        self.award.setMinimumContentsLength(24)
        self.award.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.field("award_code", self.award, 0, 0)
        self.field("title", QLineEdit(), 0, 1)
        self.field("award_kind", combo_of(labels.award_kind_items()), 1, 0)
        self.field("year", QLineEdit(year_now()), 1, 1)
        self.field("decision_number", QLineEdit(), 2, 0)
        self.field("decision_date", DateField(), 2, 1)
        self.field("issuing_level", combo_of(labels.authority_items()), 3, 0)
        self.field("commendation_kind", combo_of(labels.commendation_items()), 3, 1)
        if subject.person_id:  # the initiative that backed the award (one initiative backs one award)
            self.field("initiative", QComboBox(), 4, 0)
        self.award.currentIndexChanged.connect(self._award_changed)
        self.retranslate()
        self.reload()

    def _fill_awards(self) -> None:
        current = self.award.currentData()
        english = ops.current_lang() == "en"
        self.award.blockSignals(True)
        self.award.clear()
        for award in self.records.catalog.awards_for(self.subject_type):
            self.award.addItem(award_label(award, self.records.catalog, "en" if english else "vi"), award.code)
        self.award.addItem(self.tr("Other award (type its name)"), OTHER_AWARD)
        index = self.award.findData(current)
        self.award.setCurrentIndex(max(index, 0))
        self.award.blockSignals(False)
        self._award_changed()

    def _award_changed(self, *_args: object) -> None:
        other = self.award.currentData() == OTHER_AWARD
        self.fields["title"].setEnabled(other)
        self.fields["award_kind"].setEnabled(other)
        if not other:
            award = self.records.catalog.award(self.award.currentData())
            set_widget_value(self.fields["award_kind"], award.kind.value)
            set_widget_value(self.fields["issuing_level"], award.authority.value)

    def _fill_initiatives(self) -> None:
        """The person's initiatives not used for an award yet, after "none"."""
        combo = self.fields.get("initiative")
        if not isinstance(combo, QComboBox):
            return
        current = combo.currentData()
        free = ops.run(self, lambda: [i for i in self.records.initiatives_of(self.subject) if not i.used]) or []
        combo.blockSignals(True)
        combo.clear()
        combo.addItem(self.tr("No initiative"), "")
        for initiative in free:
            combo.addItem(f"{initiative.title} ({initiative.year})", initiative.id)
        combo.setCurrentIndex(max(combo.findData(current), 0))
        combo.blockSignals(False)

    def reload(self) -> None:
        super().reload()
        self._fill_initiatives()  # an award added or removed uses or frees one

    def showEvent(self, event: QShowEvent) -> None:
        self._fill_initiatives()  # initiatives may have been added on their own tab meanwhile
        super().showEvent(event)

    def columns(self) -> list[Column]:
        return [Column("", lambda a: a["year"]), Column("", lambda a: a["title"] or a["award_code"]),
                Column("", lambda a: a["decision_number"]), Column("", lambda a: day_text(a["decision_date"])),
                Column("", lambda a: labels.label_of(labels.authority_items(), str(a["issuing_level"]))),
                Column("", lambda a: self.tr("From our decision") if a["source"] == "decision"
                       else self.tr("Entered by hand")),
                Column("", lambda a: a.get("initiative") or "")]

    def titles(self) -> list[str]:
        return [self.tr("Year"), self.tr("Award"), self.tr("Decision number"), self.tr("Decision date"),
                self.tr("Issuing level"), self.tr("Source"), self.tr("Initiative")]

    def retranslate(self) -> None:
        super().retranslate()
        texts = {"award_code": self.tr("Award"), "title": self.tr("Name (other award)"),
                 "award_kind": self.tr("Type"), "year": self.tr("Year"),
                 "decision_number": self.tr("Decision number"), "decision_date": self.tr("Decision date"),
                 "issuing_level": self.tr("Issuing level"), "commendation_kind": self.tr("Kind of commendation"),
                 "initiative": self.tr("Backed by initiative")}
        for name, text in texts.items():
            if name in self.labels:
                self.labels[name].setText(text)
        labels.fill_combo(self.combo("award_kind"), labels.award_kind_items())
        labels.fill_combo(self.combo("issuing_level"), labels.authority_items())
        labels.fill_combo(self.combo("commendation_kind"), labels.commendation_items())
        self._fill_awards()
        self.add_button.setText(self.tr("Add award"))

    def load(self) -> Sequence[Any]:
        return self.records.awards_of(self.subject)

    def create_record(self, values: dict[str, Any]) -> object:
        other = values["award_code"] == OTHER_AWARD
        return self.records.add_award(
            self.subject, award_code=values["award_code"], year=values["year"],
            award_kind=values["award_kind"] if other else "", title=values["title"] if other else "",
            decision_number=values["decision_number"], decision_date=values["decision_date"],
            issuing_level=values["issuing_level"], commendation_kind=values["commendation_kind"],
            initiative_id=values.get("initiative") or None)

    def delete(self, row: Any) -> None:
        self.records.remove_award(str(row["id"]))

    def reset_form(self) -> None:
        for name in ("title", "decision_number", "decision_date"):
            self.fields[name].clear()  # type: ignore[attr-defined]


class RatingsSection(HistorySection):
    """Annual task-completion ratings: one per year; saving a year again replaces its rating."""

    def __init__(self, records: RecordsService, subject: Subject, parent: QWidget | None = None) -> None:
        super().__init__(records, subject, parent)
        self.field("year", QLineEdit(str(date.today().year)), 0, 0)
        self.field("rating", combo_of(labels.rating_items()), 0, 1)
        self.field("source_document", QLineEdit(), 1, 0)
        self.retranslate()
        self.reload()

    def columns(self) -> list[Column]:
        return [Column("", lambda r: r.year), Column("", lambda r: labels.label_of(labels.rating_items(), r.rating)),
                Column("", lambda r: r.source_document)]

    def titles(self) -> list[str]:
        return [self.tr("Year"), self.tr("Task rating"), self.tr("Source document")]

    def retranslate(self) -> None:
        super().retranslate()
        for name, text in {"year": self.tr("Year"), "rating": self.tr("Task rating"),
                           "source_document": self.tr("Source document")}.items():
            self.labels[name].setText(text)
        labels.fill_combo(self.combo("rating"), labels.rating_items())
        self.add_button.setText(self.tr("Save rating"))

    def load(self) -> Sequence[Any]:
        return self.records.ratings_of(self.subject)

    def create_record(self, values: dict[str, Any]) -> object:
        return self.records.set_rating(self.subject, values["year"], values["rating"], values["source_document"])

    def delete(self, row: Any) -> None:
        self.records.remove_rating(row.id)

    def reset_form(self) -> None:
        self.fields["source_document"].clear()  # type: ignore[attr-defined]


class SubjectHistory(QTabWidget):
    """All history tabs of one subject; initiatives only for a person (their authors are people)."""

    changed = Signal()

    def __init__(self, records: RecordsService, subject: Subject, subject_type: SubjectType,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.awards = AwardsSection(records, subject, subject_type)
        self.ratings = RatingsSection(records, subject)
        self.initiatives = InitiativesSection(records, subject) if subject.person_id else None
        self.discipline = DisciplineSection(records, subject)
        self.matters = MattersSection(records, subject)
        self.sections: list[HistorySection] = [s for s in (self.awards, self.ratings, self.initiatives,
                                                           self.discipline, self.matters) if s is not None]
        for section in self.sections:
            self.addTab(section, "")
            section.changed.connect(self.changed)
        self.retranslate()

    def retranslate(self) -> None:
        names: dict[int, Callable[[], str]] = {
            id(self.awards): lambda: self.tr("Award history"), id(self.ratings): lambda: self.tr("Task ratings"),
            id(self.initiatives): lambda: self.tr("Initiatives"), id(self.discipline): lambda: self.tr("Discipline"),
            id(self.matters): lambda: self.tr("Open matters")}
        for index, section in enumerate(self.sections):
            self.setTabText(index, names[id(section)]())

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)
