"""Queries over nominations and their history."""

from __future__ import annotations

from collections.abc import Sequence

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from ..models import Nomination, NominationEvent
from .common import live


def nominations(session: Session, status: str | None, batch_id: str | None, offset: int,
                limit: int) -> Sequence[Nomination]:
    stmt = live(Nomination)
    if status:
        stmt = stmt.where(Nomination.status == status)
    if batch_id:
        stmt = stmt.where(Nomination.batch_id == batch_id)
    stmt = stmt.order_by(Nomination.award_code, Nomination.created_on, Nomination.id)
    return session.scalars(stmt.offset(offset).limit(limit)).all()


def events(session: Session, nomination_id: str) -> Sequence[NominationEvent]:
    return session.scalars(live(NominationEvent).where(NominationEvent.nomination_id == nomination_id)
                           .order_by(NominationEvent.at, NominationEvent.version)).all()


def count_in_batch(session: Session, batch_id: str, award_code: str) -> int:
    stmt = select(func.count()).select_from(Nomination).where(
        Nomination.batch_id == batch_id, Nomination.award_code == award_code, Nomination.deleted.is_(False),
        Nomination.status != "rejected")
    return int(session.scalar(stmt) or 0)


def count(session: Session, status: str | None) -> int:
    stmt = select(func.count()).select_from(Nomination).where(Nomination.deleted.is_(False))
    if status:
        stmt = stmt.where(Nomination.status == status)
    return int(session.scalar(stmt) or 0)
