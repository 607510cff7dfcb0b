"""Queries behind the printed dossier documents (read-only)."""

from __future__ import annotations

from collections.abc import Sequence

from sqlalchemy import select
from sqlalchemy.orm import Session

from ..models import Collective, CouncilMeeting, Nomination, Person, Village
from .common import live


def batch_nominations(session: Session, batch_id: str) -> Sequence[Nomination]:
    """Live nominations of a batch that are still proposed (not rejected)."""
    stmt = live(Nomination).where(Nomination.batch_id == batch_id, Nomination.status != "rejected")
    return session.scalars(stmt.order_by(Nomination.award_code, Nomination.id)).all()


def latest_meeting_of_batch(session: Session, batch_id: str) -> CouncilMeeting | None:
    """The live council meeting recorded against the batch that was held last (the dossier's date)."""
    return session.scalars(live(CouncilMeeting).where(CouncilMeeting.batch_id == batch_id)
                           .order_by(CouncilMeeting.held_on.desc())).first()


def people_by_id(session: Session, ids: set[str]) -> dict[str, Person]:
    if not ids:
        return {}
    return {p.id: p for p in session.scalars(select(Person).where(Person.id.in_(ids)))}


def collectives_by_id(session: Session, ids: set[str]) -> dict[str, Collective]:
    if not ids:
        return {}
    return {c.id: c for c in session.scalars(select(Collective).where(Collective.id.in_(ids)))}


def village_names(session: Session) -> dict[str, str]:
    return {row[0]: row[1] for row in session.execute(select(Village.id, Village.name))}


def village_kinds(session: Session) -> list[str]:
    """The kinds of the office's live villages (xom, thon, ban, to_dan_pho…), each once."""
    rows = session.scalars(select(Village.kind).where(Village.deleted.is_(False)).distinct())
    return sorted(str(k) for k in rows if k)
