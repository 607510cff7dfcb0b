"""Queries behind the printed award decision and its certificates (read-only)."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from sqlalchemy import or_, select
from sqlalchemy.orm import Session

from ..models import CouncilBallot, CouncilMeeting, Decision, DecisionRecipient, Nomination, NominationBatch
from .common import live


def decision_recipients(session: Session, decision_id: str) -> Sequence[DecisionRecipient]:
    stmt = live(DecisionRecipient).where(DecisionRecipient.decision_id == decision_id)
    return session.scalars(stmt.order_by(DecisionRecipient.id)).all()


def nominations_by_id(session: Session, ids: set[str]) -> dict[str, Nomination]:
    if not ids:
        return {}
    return {n.id: n for n in session.scalars(select(Nomination).where(Nomination.id.in_(ids)))}


def batch_years(session: Session, batch_ids: set[str]) -> dict[str, int]:
    if not batch_ids:
        return {}
    stmt = select(NominationBatch.id, NominationBatch.year).where(NominationBatch.id.in_(batch_ids))
    return {row[0]: row[1] for row in session.execute(stmt)}


def meeting_for(session: Session, nomination_ids: set[str], on_or_before: date) -> CouncilMeeting | None:
    """The latest council meeting, held by the decision date, that voted on any of these nominations."""
    if not nomination_ids:
        return None
    voted = select(CouncilBallot.meeting_id).where(CouncilBallot.nomination_id.in_(nomination_ids),
                                                   CouncilBallot.deleted.is_(False))
    stmt = live(CouncilMeeting).where(CouncilMeeting.id.in_(voted), CouncilMeeting.held_on <= on_or_before)
    return session.scalars(stmt.order_by(CouncilMeeting.held_on.desc(), CouncilMeeting.id)).first()


def decision_ids_of_batch(session: Session, batch_id: str) -> list[str]:
    """Decisions of a batch: linked to it directly, or granting one of its nominations. Not the
    provincial chairman's (a commune receives them): the province prints those, in its own heading."""
    in_batch = (select(DecisionRecipient.decision_id)
                .join(Nomination, Nomination.id == DecisionRecipient.nomination_id)
                .where(Nomination.batch_id == batch_id, DecisionRecipient.deleted.is_(False)))
    stmt = live(Decision).where(or_(Decision.batch_id == batch_id, Decision.id.in_(in_batch)),
                                Decision.level != "province")
    return [d.id for d in session.scalars(stmt.order_by(Decision.decided_on, Decision.number, Decision.id))]
