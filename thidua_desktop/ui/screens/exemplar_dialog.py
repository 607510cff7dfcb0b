"""Forms of the advanced-example board: discover a new example, and move a card to its next stage
with the date and notes of that stage."""

from __future__ import annotations

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QComboBox, QLineEdit, QPlainTextEdit, QWidget

from ...services.changes import Change
from ...services.collectives import CollectiveService
from ...services.drafts import DraftStore
from ...services.exemplars import ExemplarService
from ...services.movements import MovementService
from ...services.people import PeopleService
from ...services.records import Subject
from ..forms import DateField
from .movement_forms import LabelledFormDialog, compact, stage_text

MATCHES = 20  # people and collectives offered per search


def _notes_box() -> QPlainTextEdit:
    box = QPlainTextEdit()
    box.setTabChangesFocus(True)
    box.setFixedHeight(70)
    return box


class NewExemplarDialog(LabelledFormDialog):
    """Phát hiện: a new advanced example, optionally tied to a movement and to a person or collective."""

    changes = Change.MOVEMENTS

    def __init__(self, exemplars: ExemplarService, movements: MovementService, people: PeopleService,
                 collectives: CollectiveService, drafts: DraftStore | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(drafts, "exemplar-new", parent)
        self.exemplars = exemplars
        self.people = people
        self.collectives = collectives
        self.add_field("title", self.tr("Name of the example"), QLineEdit())
        description = _notes_box()
        self.add_field("description", self.tr("Description"), description)
        self.movement = compact(QComboBox(), 40)
        self.movement.addItem(self.tr("(no movement)"), None)
        rows, _total = movements.search(limit=500)
        for m in rows:
            self.movement.addItem(f"{m.code} — {m.name}", m.id)
        self.add_field("movement", self.tr("Movement"), self.movement)
        self.find_field = QLineEdit()
        self.find_field.setPlaceholderText(self.tr("Type part of a name, with or without accents…"))
        self.add_field("find", self.tr("Find a person or collective"), self.find_field)
        self.subject = compact(QComboBox(), 40)
        self.subject.addItem(self.tr("(none)"), None)
        self.add_field("subject", self.tr("Person or collective"), self.subject)
        date = DateField()
        date.set_today()
        self.add_field("discovered_on", self.tr("Date discovered"), date)
        self.add_field("notes", self.tr("Notes"), _notes_box())
        self._debounce = QTimer(self)
        self._debounce.setSingleShot(True)
        self._debounce.setInterval(200)
        self._debounce.timeout.connect(self.find_subjects)
        self.find_field.textChanged.connect(lambda _t: self._debounce.start())
        self.restore_draft()
        self.setWindowTitle(self.tr("Discover an advanced example"))
        self.setMinimumWidth(560)

    def find_subjects(self) -> None:
        """Offer the people and collectives whose names match what is typed."""
        text = self.find_field.text().strip()
        keep = self.subject.currentData()
        loading, self._loading = self._loading, True
        try:
            self.subject.clear()
            self.subject.addItem(self.tr("(none)"), None)
            if text:
                for person in self.people.search(text, limit=MATCHES).rows:
                    extra = f" — {person.village}" if person.village else ""
                    self.subject.addItem(self.tr("Person: %1").replace("%1", person.full_name + extra),
                                         f"person:{person.id}")
                collectives, _total = self.collectives.search(text, limit=MATCHES)
                for collective in collectives:
                    self.subject.addItem(self.tr("Collective: %1").replace("%1", collective.name),
                                         f"collective:{collective.id}")
            index = self.subject.findData(keep) if keep else -1
            self.subject.setCurrentIndex(index if index >= 0 else (1 if self.subject.count() == 2 else 0))
        finally:
            self._loading = loading

    def set_values(self, values: dict[str, object]) -> None:
        super().set_values(values)
        if values.get("find"):  # a restored draft: offer the matches again, then pick the same one
            self.find_subjects()
            index = self.subject.findData(values.get("subject"))
            self.subject.setCurrentIndex(max(0, index))

    def save(self) -> str:
        v = self.values()
        subject = None
        if v["subject"]:
            kind, _sep, ident = str(v["subject"]).partition(":")
            subject = Subject(person_id=ident) if kind == "person" else Subject(collective_id=ident)
        return self.exemplars.discover(title=v["title"], discovered_on=v["discovered_on"], subject=subject,
                                       movement_id=v["movement"] or None, description=v["description"],
                                       notes=v["notes"])

    def field_text(self, field: str | None) -> str | None:
        if field in ("person", "collective"):
            return self.labels["subject"]
        return super().field_text(field)

    def _field_for(self, field: str | None) -> str | None:
        return "subject" if field in ("person", "collective") else super()._field_for(field)


class AdvanceDialog(LabelledFormDialog):
    """Move one card to its next stage; the date and notes are kept with that stage."""

    changes = Change.MOVEMENTS

    def __init__(self, exemplars: ExemplarService, card: dict[str, object], drafts: DraftStore | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(drafts, f"exemplar-advance-{card['id']}", parent)
        self.exemplars = exemplars
        self.card = card
        self.next_stage = exemplars.next_stage(str(card["stage"])) or ""
        date = DateField()
        date.set_today()
        self.add_field("entered_on", self.tr("Date"), date)
        self.add_field("notes", self.tr("Notes"), _notes_box())
        self.restore_draft()
        self.setWindowTitle(self.tr("Move «%1» to: %2").replace("%1", str(card["title"]))
                            .replace("%2", stage_text(self.next_stage)))
        self.setMinimumWidth(480)

    def save(self) -> str:
        v = self.values()
        return self.exemplars.advance(str(self.card["id"]), v["entered_on"], v["notes"])
