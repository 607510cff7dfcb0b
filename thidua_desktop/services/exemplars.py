"""Advanced examples (điển hình tiên tiến) through the four stages: discover, foster, summarise, replicate."""

from __future__ import annotations

from typing import Any

from ..db import Session
from ..db.models import Exemplar, ExemplarStageEntry, Movement
from ..db.repositories import movements as repo
from ..db.repositories.common import get_live
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
    def _entries(session: Session, exemplar_id: str) -> list[ExemplarStageEntry]:
        return repo.stage_entries_of(session, exemplar_id)

    @staticmethod
    def next_stage(stage: str) -> str | None:
        """The stage a card moves to next, or None at the last one."""
        stages = list(ExemplarStage)
        rank = ExemplarStage(stage).rank
        return stages[rank + 1].value if rank + 1 < len(stages) else None

    def board(self, movement_id: str | None = None, limit: int = 200) -> dict[str, list[dict[str, object]]]:
        """The four-column board: stage -> cards (at most ``limit`` per column, by title), each with
        its subject, its movement and its stage history (date and notes of every stage reached)."""
        board: dict[str, list[dict[str, object]]] = {s.value: [] for s in ExemplarStage}
        with self.db.reader() as session:
            rows: list[Any] = []  # (exemplar, movement, person, collective) rows
            for stage in ExemplarStage:
                stmt = repo.exemplars_query(stage.value, movement_id or None)
                rows.extend(repo.page_rows(session, stmt, 0, limit))
            entries: dict[str, list[ExemplarStageEntry]] = {}
            for entry in repo.stage_entries(session, [r[0].id for r in rows]):
                entries.setdefault(entry.exemplar_id, []).append(entry)
            for row, movement, person, collective in rows:
                history = sorted(entries.get(row.id, []), key=lambda e: ExemplarStage(e.stage).rank)
                board[row.stage].append({
                    "id": row.id, "title": row.title, "description": row.description, "stage": row.stage,
                    "movement_id": row.movement_id, "movement": movement or "",
                    "person_id": row.person_id, "collective_id": row.collective_id,
                    "subject": person or collective or "",
                    "stages": [{"stage": e.stage, "date": iso(e.entered_on), "notes": e.notes} for e in history],
                })
        return board

    def stage_counts(self, movement_id: str | None = None) -> dict[str, int]:
        """How many live examples are at each stage (the board may show fewer per column)."""
        with self.db.reader() as session:
            counts = repo.exemplar_stage_counts(session, movement_id or None)
        return {s.value: counts.get(s.value, 0) for s in ExemplarStage}
