"""Queries behind the achievement report (báo cáo thành tích) of one nomination (read-only)."""

from __future__ import annotations

from collections.abc import Sequence

from sqlalchemy import or_, select
from sqlalchemy.orm import Session

from ..models import Decision, DecisionRecipient, Initiative, Nomination
from .common import live


def nomination_initiatives(session: Session, nomination: Nomination) -> Sequence[Initiative]:
    """The live initiatives this nomination relies on: listed on it, or marked as used by it."""
    ids = [str(x) for x in (nomination.initiative_ids or [])]
    condition = Initiative.used_by_nomination_id == nomination.id
    if ids:
        condition = or_(condition, Initiative.id.in_(ids))
    stmt = live(Initiative).where(condition).order_by(Initiative.year, Initiative.title, Initiative.id)
    return session.scalars(stmt).all()


def own_decision_numbers(session: Session, nomination_id: str) -> set[tuple[str, str]]:
    """(award code, decision number) of the live decisions that granted this very nomination:
    the award it asks for must not be listed among those already received."""
    stmt = (select(Decision.award_code, Decision.number)
            .join(DecisionRecipient, DecisionRecipient.decision_id == Decision.id)
            .where(DecisionRecipient.nomination_id == nomination_id, DecisionRecipient.deleted.is_(False),
                   Decision.deleted.is_(False)))
    return {(row[0], row[1]) for row in session.execute(stmt)}
