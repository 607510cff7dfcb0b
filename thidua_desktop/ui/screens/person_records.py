"""History tabs for initiatives, discipline records and open matters (reviews, investigations,
complaints). Each addition or removal is saved at once."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtWidgets import QComboBox, QLineEdit, QPushButton, QWidget

from ...services.changes import Change
from ...services.records import RecordsService, Subject
from .. import ops
from ..forms import DateField
from ..models.paged import Column
from . import person_labels as labels
from .person_section import HistorySection, combo_of, day_text, year_now


class InitiativesSection(HistorySection):
    def __init__(self, records: RecordsService, subject: Subject, parent: QWidget | None = None) -> None:
        super().__init__(records, subject, parent)
        self.field("title", QLineEdit(), 0, 0)
        self.field("level", combo_of(labels.initiative_level_items()), 0, 1)
        self.field("year", QLineEdit(year_now()), 1, 0)
        self.field("decision_number", QLineEdit(), 1, 1)
        self.field("decision_date", DateField(), 2, 0)
        scope = QComboBox()
        labels.fill_combo(scope, labels.initiative_scope_items(), blank="")
        self.field("scope", scope, 2, 1)
        self.field("effect", QLineEdit(), 3, 0)
        self.field("recognised_by", QLineEdit(), 3, 1)
        self.retranslate()
        self.reload()

    def columns(self) -> list[Column]:
        return [Column("", lambda i: i.year), Column("", lambda i: i.title),
                Column("", lambda i: labels.label_of(labels.initiative_level_items(), i.level)),
                Column("", lambda i: labels.label_of(labels.initiative_scope_items(), i.scope)),
                Column("", lambda i: i.decision_number),
                Column("", lambda i: self.tr("Already used for an award") if i.used else "")]

    def titles(self) -> list[str]:
        return [self.tr("Year"), self.tr("Initiative"), self.tr("Level"), self.tr("Scope of effect"),
                self.tr("Decision number"), self.tr("Use")]

    def retranslate(self) -> None:
        super().retranslate()
        for name, text in {"title": self.tr("Initiative"), "level": self.tr("Recognised at"),
                           "year": self.tr("Year"), "decision_number": self.tr("Decision number"),
                           "decision_date": self.tr("Decision date"), "scope": self.tr("Scope of effect"),
                           "effect": self.tr("Effect (results)"), "recognised_by": self.tr("Recognised by")}.items():
            self.labels[name].setText(text)
        labels.fill_combo(self.combo("level"), labels.initiative_level_items())
        labels.fill_combo(self.combo("scope"), labels.initiative_scope_items(), blank="")
        self.add_button.setText(self.tr("Add initiative"))

    def load(self) -> Sequence[Any]:
        return self.records.initiatives_of(self.subject)

    def create_record(self, values: dict[str, Any]) -> object:
        return self.records.add_initiative(title=values["title"], level=values["level"], year=values["year"],
                                           owner_ids=[self.subject.person_id or ""],
                                           decision_number=values["decision_number"],
                                           decision_date=values["decision_date"], effect=values["effect"],
                                           scope=values["scope"] or "", recognised_by=values["recognised_by"])

    def delete(self, row: Any) -> None:
        self.records.remove_initiative(row.id)


class DisciplineSection(HistorySection):
    def __init__(self, records: RecordsService, subject: Subject, parent: QWidget | None = None) -> None:
        super().__init__(records, subject, parent)
        self.field("level", combo_of(labels.discipline_items()), 0, 0)
        self.field("decision_number", QLineEdit(), 0, 1)
        self.field("decided_on", DateField(), 1, 0)
        self.field("period_end", DateField(), 1, 1)
        self.retranslate()
        self.reload()

    def columns(self) -> list[Column]:
        return [Column("", lambda d: labels.label_of(labels.discipline_items(), d.level)),
                Column("", lambda d: day_text(d.decided_on)), Column("", lambda d: day_text(d.period_end)),
                Column("", lambda d: d.decision_number)]

    def titles(self) -> list[str]:
        return [self.tr("Discipline"), self.tr("Decided on"), self.tr("End of period"), self.tr("Decision number")]

    def retranslate(self) -> None:
        super().retranslate()
        for name, text in {"level": self.tr("Discipline"), "decision_number": self.tr("Decision number"),
                           "decided_on": self.tr("Decided on"), "period_end": self.tr("End of period")}.items():
            self.labels[name].setText(text)
        labels.fill_combo(self.combo("level"), labels.discipline_items())
        self.add_button.setText(self.tr("Add discipline record"))

    def load(self) -> Sequence[Any]:
        return self.records.disciplines_of(self.subject)

    def create_record(self, values: dict[str, Any]) -> object:
        return self.records.add_discipline(self.subject, level=values["level"], decided_on=values["decided_on"],
                                           period_end=values["period_end"],
                                           decision_number=values["decision_number"])

    def delete(self, row: Any) -> None:
        self.records.remove_discipline(row.id)


class MattersSection(HistorySection):
    """Open reviews, investigations and complaints: each defers every award while open."""

    def __init__(self, records: RecordsService, subject: Subject, parent: QWidget | None = None) -> None:
        super().__init__(records, subject, parent)
        self.field("kind", combo_of(labels.matter_items()), 0, 0)
        self.field("opened_on", DateField(), 0, 1)
        self.field("note", QLineEdit(), 1, 0)
        self.field("closed_on", DateField(), 1, 1)
        self.close_button = QPushButton()
        self.close_button.setAutoDefault(False)
        self.close_button.clicked.connect(self.close_selected)
        self.buttons.insertWidget(1, self.close_button)
        self.retranslate()
        self.reload()

    def columns(self) -> list[Column]:
        return [Column("", lambda m: labels.label_of(labels.matter_items(), m.kind)),
                Column("", lambda m: day_text(m.opened_on)), Column("", lambda m: day_text(m.closed_on)),
                Column("", lambda m: m.note)]

    def titles(self) -> list[str]:
        return [self.tr("Matter"), self.tr("Opened on"), self.tr("Closed on"), self.tr("Note")]

    def retranslate(self) -> None:
        super().retranslate()
        for name, text in {"kind": self.tr("Matter"), "opened_on": self.tr("Opened on"), "note": self.tr("Note"),
                           "closed_on": self.tr("Closed on (for Close)")}.items():
            self.labels[name].setText(text)
        labels.fill_combo(self.combo("kind"), labels.matter_items())
        self.add_button.setText(self.tr("Open matter"))
        self.close_button.setText(self.tr("Close selected matter"))

    def load(self) -> Sequence[Any]:
        return self.records.matters_of(self.subject)

    def values(self) -> dict[str, Any]:
        return {k: v for k, v in super().values().items() if k != "closed_on"}

    def create_record(self, values: dict[str, Any]) -> object:
        return self.records.open_matter(self.subject, kind=values["kind"], opened_on=values["opened_on"],
                                        note=values["note"])

    def close_selected(self) -> None:
        row = self.selected()
        if row is None:
            return
        self.clear_error()
        closed_on = self.fields["closed_on"].text()  # type: ignore[attr-defined]
        if not ops.perform(self, lambda: self.records.close_matter(row.id, closed_on), changes=Change.RECORDS,
                           on_refusal=self.show_error).ok:
            return
        self.fields["closed_on"].clear()  # type: ignore[attr-defined]
        self.reload()
        self.changed.emit()

    def delete(self, row: Any) -> None:
        self.records.remove_matter(row.id)
