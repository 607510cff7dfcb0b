"""Queries behind the council's printed papers: the minutes and the secret-vote ballots (read-only)."""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from sqlalchemy import or_, select
from sqlalchemy.orm import Session

from ..models import CouncilBallot, CouncilMeeting, CouncilMember, Nomination
from .common import live


def members_by_id(session: Session, ids: Iterable[str]) -> dict[str, CouncilMember]:
    """Council members by id, including those who left the council since: a past meeting still
    names everyone who sat in it."""
    wanted = {i for i in ids if i}
    if not wanted:
        return {}
    return {m.id: m for m in session.scalars(select(CouncilMember).where(CouncilMember.id.in_(wanted)))}


def nominations_by_id(session: Session, ids: Iterable[str]) -> dict[str, Nomination]:
    """Nominations by id whatever their status now: a nominee rejected later stays in the minutes."""
    wanted = {i for i in ids if i}
    if not wanted:
        return {}
    return {n.id: n for n in session.scalars(select(Nomination).where(Nomination.id.in_(wanted)))}


def meeting_ballots(session: Session, meeting_id: str) -> Sequence[CouncilBallot]:
    return session.scalars(live(CouncilBallot).where(CouncilBallot.meeting_id == meeting_id)
                           .order_by(CouncilBallot.id)).all()


def batch_candidates(session: Session, batch_id: str, statuses: Sequence[str]) -> Sequence[Nomination]:
    """The batch's live nominations in the given statuses (the ones a council still has to vote on)."""
    stmt = live(Nomination).where(Nomination.batch_id == batch_id, Nomination.status.in_(list(statuses)))
    return session.scalars(stmt.order_by(Nomination.award_code, Nomination.id)).all()


def batch_meeting_ids(session: Session, batch_id: str) -> list[str]:
    """Meetings about a batch: those recorded against it, and those that voted on one of its
    nominations (a meeting may be recorded without naming its batch). Oldest first."""
    voted_on = (select(CouncilBallot.meeting_id).join(Nomination, Nomination.id == CouncilBallot.nomination_id)
                .where(Nomination.batch_id == batch_id, CouncilBallot.deleted.is_(False)))
    stmt = (select(CouncilMeeting.id)
            .where(CouncilMeeting.deleted.is_(False),
                   or_(CouncilMeeting.batch_id == batch_id, CouncilMeeting.id.in_(voted_on)))
            .order_by(CouncilMeeting.held_on, CouncilMeeting.id))
    return list(session.scalars(stmt))
