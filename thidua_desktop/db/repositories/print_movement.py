"""Queries behind the printed movement report (read-only): the movement's activities and examples,
and the awards given through the nomination batches of the movement (see ``movement_batches``)."""

from __future__ import annotations

from collections.abc import Sequence

from sqlalchemy import and_, or_, select
from sqlalchemy.orm import Session

from ...domain.enums import BatchKind, MovementKind
from ..models import (
    Activity,
    AwardHistory,
    Collective,
    Decision,
    DecisionRecipient,
    Exemplar,
    Movement,
    Nomination,
    NominationBatch,
    Person,
    Village,
)
from .common import live


def movement_batches(session: Session, movement: Movement) -> Sequence[NominationBatch]:
    """Live nomination batches of this movement: those opened for it (NominationBatch.movement_id)
    and, for a regular movement (phong trào thi đua thường xuyên), the annual batches of the years
    of its period that no movement claims: the yearly titles are awarded through it."""
    linked = NominationBatch.movement_id == movement.id
    start, end = movement.period_start, movement.period_end
    first_day, last_day = start or end, end or start  # a period open at one end: the known day
    if movement.kind == MovementKind.REGULAR.value and first_day is not None and last_day is not None:
        first, last = first_day.year, last_day.year
        linked = or_(linked, and_(NominationBatch.movement_id.is_(None),
                                  NominationBatch.kind == BatchKind.ANNUAL.value,
                                  NominationBatch.year.between(first, last)))
    stmt = live(NominationBatch).where(linked)
    return session.scalars(stmt.order_by(NominationBatch.year, NominationBatch.name, NominationBatch.id)).all()


def batches_nominations(session: Session, batch_ids: Sequence[str]) -> Sequence[Nomination]:
    """Every live nomination of these batches, whatever its status."""
    if not batch_ids:
        return []
    stmt = live(Nomination).where(Nomination.batch_id.in_(list(batch_ids)))
    return session.scalars(stmt.order_by(Nomination.award_code, Nomination.id)).all()


def decision_recipients(session: Session, nomination_ids: Sequence[str],
                        batch_ids: Sequence[str]) -> Sequence[tuple[DecisionRecipient, Decision]]:
    """Live recipients of live decisions that award one of these nominations, or that belong to one
    of these batches (a decision entered for the batch without nominations)."""
    if not nomination_ids and not batch_ids:
        return []
    stmt = (select(DecisionRecipient, Decision)
            .join(Decision, Decision.id == DecisionRecipient.decision_id)
            .where(DecisionRecipient.deleted.is_(False), Decision.deleted.is_(False),
                   or_(DecisionRecipient.nomination_id.in_(list(nomination_ids)),
                       Decision.batch_id.in_(list(batch_ids))))
            .order_by(Decision.decided_on, Decision.number, DecisionRecipient.id))
    return [(r, d) for r, d in session.execute(stmt).all()]


def award_history_of(session: Session, person_ids: set[str], collective_ids: set[str]) -> Sequence[AwardHistory]:
    """Live awards already recorded for these people and collectives (to find a province's decision
    for a nomination it approved)."""
    if not person_ids and not collective_ids:
        return []
    stmt = live(AwardHistory).where(or_(AwardHistory.person_id.in_(person_ids),
                                        AwardHistory.collective_id.in_(collective_ids)))
    return session.scalars(stmt.order_by(AwardHistory.decision_date, AwardHistory.id)).all()


def movement_activities(session: Session, movement_id: str) -> Sequence[tuple[Activity, str | None]]:
    """(activity, village name) of the movement, oldest first: the report tells them in order."""
    stmt = (select(Activity, Village.name)
            .outerjoin(Village, Village.id == Activity.village_id)
            .where(Activity.deleted.is_(False), Activity.movement_id == movement_id)
            .order_by(Activity.held_on, Activity.id))
    return [(a, v) for a, v in session.execute(stmt).all()]


def movement_exemplars(session: Session, movement_id: str) -> Sequence[tuple[Exemplar, str | None, str | None]]:
    """(example, person name, collective name) of the movement, by title."""
    stmt = (select(Exemplar, Person.full_name, Collective.name)
            .outerjoin(Person, Person.id == Exemplar.person_id)
            .outerjoin(Collective, Collective.id == Exemplar.collective_id)
            .where(Exemplar.deleted.is_(False), Exemplar.movement_id == movement_id)
            .order_by(Exemplar.title, Exemplar.id))
    return [(e, p, c) for e, p, c in session.execute(stmt).all()]


def villages_by_id(session: Session) -> dict[str, Village]:
    return {v.id: v for v in session.scalars(select(Village))}
