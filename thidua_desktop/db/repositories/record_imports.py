"""Queries for importing ratings, initiatives and discipline: what the register already holds for
the people a file names, fetched in chunks (one query per few hundred people, not one per row)."""

from __future__ import annotations

from collections.abc import Iterable

from sqlalchemy import select
from sqlalchemy.orm import Session

from ..models import DisciplineRecord, Initiative, InitiativeOwner, TaskRating
from .common import live
from .imports import _chunks


def ratings_of(session: Session, person_ids: Iterable[str]) -> list[TaskRating]:
    out: list[TaskRating] = []
    for chunk in _chunks(person_ids):
        out.extend(session.scalars(live(TaskRating).where(TaskRating.person_id.in_(chunk))).all())
    return out


def disciplines_of(session: Session, person_ids: Iterable[str]) -> list[DisciplineRecord]:
    out: list[DisciplineRecord] = []
    for chunk in _chunks(person_ids):
        stmt = live(DisciplineRecord).where(DisciplineRecord.person_id.in_(chunk)).order_by(DisciplineRecord.id)
        out.extend(session.scalars(stmt).all())
    return out


def initiatives_of(session: Session, person_ids: Iterable[str]) -> list[tuple[str, Initiative]]:
    """(author id, initiative) for every live initiative the given people wrote."""
    out: list[tuple[str, Initiative]] = []
    for chunk in _chunks(person_ids):
        stmt = (select(InitiativeOwner.person_id, Initiative)
                .join(Initiative, InitiativeOwner.initiative_id == Initiative.id)
                .where(InitiativeOwner.person_id.in_(chunk), InitiativeOwner.deleted.is_(False),
                       Initiative.deleted.is_(False))
                .order_by(Initiative.id))
        out.extend((person_id, initiative) for person_id, initiative in session.execute(stmt).all())
    return out
