"""Queries over the council's members (read-only): who sits in it now, its secretary and its chair.
Meetings and ballots are queried in ``nominations`` (the meeting list) and ``print_council``."""

from __future__ import annotations

from collections.abc import Sequence

from sqlalchemy.orm import Session

from ..models import CouncilMember
from .common import live


def active_members(session: Session) -> Sequence[CouncilMember]:
    """Members still sitting in the council, by council role, then name."""
    return session.scalars(live(CouncilMember).where(CouncilMember.active.is_(True))
                           .order_by(CouncilMember.council_role, CouncilMember.full_name)).all()


def first_active_secretary(session: Session) -> CouncilMember | None:
    """The active member whose council role is secretary (the first by name when there are several)."""
    return session.scalars(live(CouncilMember).where(CouncilMember.active.is_(True),
                                                     CouncilMember.council_role == "secretary")
                           .order_by(CouncilMember.full_name, CouncilMember.id)).first()


def first_chair(session: Session) -> CouncilMember | None:
    """A live member whose council role is chair, active or not (the first by id): the name a
    document falls back on when the office keeps no officials and typed no chairman."""
    return session.scalars(live(CouncilMember).where(CouncilMember.council_role == "chair")
                           .order_by(CouncilMember.id)).first()
