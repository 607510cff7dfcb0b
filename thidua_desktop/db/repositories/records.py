"""Queries over one subject's records: awards, ratings, initiatives, discipline and open matters."""

from __future__ import annotations

from collections.abc import Sequence

from sqlalchemy import ColumnElement, select
from sqlalchemy.orm import Session

from ..models import (
    AwardHistory,
    DisciplineRecord,
    Initiative,
    InitiativeOwner,
    PendingMatter,
    TaskRating,
)
from .common import live


def _of(model: type[AwardHistory | TaskRating | DisciplineRecord | PendingMatter], person_id: str | None,
        collective_id: str | None) -> ColumnElement[bool]:
    if person_id:
        return model.person_id == person_id
    return model.collective_id == collective_id


def awards(session: Session, person_id: str | None, collective_id: str | None) -> Sequence[AwardHistory]:
    stmt = (live(AwardHistory).where(_of(AwardHistory, person_id, collective_id))
            .order_by(AwardHistory.year, AwardHistory.award_code, AwardHistory.id))
    return session.scalars(stmt).all()


def ratings(session: Session, person_id: str | None, collective_id: str | None) -> Sequence[TaskRating]:
    stmt = live(TaskRating).where(_of(TaskRating, person_id, collective_id)).order_by(TaskRating.year)
    return session.scalars(stmt).all()


def rating_of(session: Session, person_id: str | None, collective_id: str | None, year: int) -> TaskRating | None:
    """The subject's live rating for one year, if any."""
    stmt = live(TaskRating).where(_of(TaskRating, person_id, collective_id), TaskRating.year == year)
    return session.scalars(stmt).first()


def ratings_in_year(session: Session, year: int, person_ids: Sequence[str]) -> Sequence[TaskRating]:
    if not person_ids:
        return []
    stmt = live(TaskRating).where(TaskRating.year == year, TaskRating.person_id.in_(list(person_ids)))
    return session.scalars(stmt).all()


def initiatives(session: Session, person_id: str) -> Sequence[Initiative]:
    stmt = (select(Initiative).join(InitiativeOwner, InitiativeOwner.initiative_id == Initiative.id)
            .where(InitiativeOwner.person_id == person_id, InitiativeOwner.deleted.is_(False),
                   Initiative.deleted.is_(False))
            .order_by(Initiative.year, Initiative.title, Initiative.id))
    return session.scalars(stmt).all()


def owners(session: Session, initiative_id: str) -> Sequence[InitiativeOwner]:
    return session.scalars(live(InitiativeOwner).where(InitiativeOwner.initiative_id == initiative_id)).all()


def disciplines(session: Session, person_id: str | None, collective_id: str | None) -> Sequence[DisciplineRecord]:
    stmt = (live(DisciplineRecord).where(_of(DisciplineRecord, person_id, collective_id))
            .order_by(DisciplineRecord.decided_on, DisciplineRecord.id))
    return session.scalars(stmt).all()


def matters(session: Session, person_id: str | None, collective_id: str | None) -> Sequence[PendingMatter]:
    stmt = (live(PendingMatter).where(_of(PendingMatter, person_id, collective_id))
            .order_by(PendingMatter.opened_on, PendingMatter.id))
    return session.scalars(stmt).all()
