"""Advanced examples (điển hình tiên tiến) through the four stages: discover, foster, summarise, replicate."""

from __future__ import annotations

from ..db.models import Exemplar, ExemplarStageEntry, Movement
from ..db.repositories.common import get_live, live
from ..domain.enums import ExemplarStage
from ..domain.errors import StateError
from ..domain.text import clean_text
from ..domain.validation import parse_date, require
from .base import ServiceBase, iso
from .records import Subject


class ExemplarService(ServiceBase):
    def discover(self, *, title: str, discovered_on: str, subject: Subject | None = None,
                 movement_id: str | None = None, description: str = "", notes: str = "") -> str:
        clean = clean_text(title)
        require(clean, "title")
        day = parse_date(discovered_on, "discovered_on")
        with self.db.transaction(self.actor) as session:
            if subject and (subject.person_id or subject.collective_id):
                subject.check(session)
            if movement_id:
                get_live(session, Movement, movement_id, field="movement")
            row = Exemplar(title=clean, description=clean_text(description), movement_id=movement_id,
                           person_id=subject.person_id if subject else None,
                           collective_id=subject.collective_id if subject else None,
                           stage=ExemplarStage.DISCOVERED.value)
            session.add(row)
            session.flush()
            session.add(ExemplarStageEntry(exemplar_id=row.id, stage=row.stage, entered_on=day,
                                           notes=clean_text(notes)))
            return row.id

    def advance(self, exemplar_id: str, entered_on: str, notes: str = "") -> str:
        """Move the card to the next stage; stages are never skipped."""
        day = parse_date(entered_on, "entered_on")
        with self.db.transaction(self.actor) as session:
            row = get_live(session, Exemplar, exemplar_id, field="exemplar")
            stages = list(ExemplarStage)
            current = ExemplarStage(row.stage)
            if current is stages[-1]:
                raise StateError("EXEMPLAR_LAST_STAGE", field="stage")
            last = max((e.entered_on for e in self._entries(session, exemplar_id)), default=None)
            if last and day < last:
                raise StateError("DATE_ORDER", field="entered_on")
            nxt = stages[current.rank + 1]
            row.stage = nxt.value
            session.add(ExemplarStageEntry(exemplar_id=row.id, stage=nxt.value, entered_on=day,
                                           notes=clean_text(notes)))
            return nxt.value

    @staticmethod
    def _entries(session: object, exemplar_id: str) -> list[ExemplarStageEntry]:
        return list(session.scalars(live(ExemplarStageEntry)  # type: ignore[attr-defined]
                                    .where(ExemplarStageEntry.exemplar_id == exemplar_id)).all())

    def board(self) -> dict[str, list[dict[str, object]]]:
        """The four-column board: stage -> cards, each with its stage history."""
        board: dict[str, list[dict[str, object]]] = {s.value: [] for s in ExemplarStage}
        with self.db.reader() as session:
            for row in session.scalars(live(Exemplar).order_by(Exemplar.title)).all():
                entries = sorted(self._entries(session, row.id), key=lambda e: ExemplarStage(e.stage).rank)
                board[row.stage].append({
                    "id": row.id, "title": row.title, "movement_id": row.movement_id,
                    "stages": [{"stage": e.stage, "date": iso(e.entered_on), "notes": e.notes} for e in entries],
                })
        return board
