"""The office's officials and their terms (queries only; the service owns the transaction)."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from typing import Any

from sqlalchemy import Select, func, or_, select
from sqlalchemy.orm import Session

from ..models import CouncilMeeting, Decision, Office, OfficeOfficial, Synced
from .common import live

# A session may name whose officials sign (``session.info[OWNER_NODE]``): the province checking a
# commune's paper copy re-creates the commune's document, signed by the commune's own officials.
OWNER_NODE = "officials_node"


def _mine(session: Session) -> Any:
    node = session.info.get(OWNER_NODE)
    return OfficeOfficial.origin_node == (node if node else select(Office.node_id).scalar_subquery())


def _own(session: Session) -> Select[OfficeOfficial]:
    """This office's own officials: a province also receives its communes' rows in their bundles."""
    return live(OfficeOfficial).where(_mine(session))


def any_rows(session: Session) -> bool:
    """Whether the office has ever entered an official (ended and removed terms count)."""
    return session.scalar(select(func.count()).select_from(OfficeOfficial).where(_mine(session))) != 0


def kept(session: Session) -> bool:
    """Whether the office keeps its officials here (a live row exists)."""
    return session.scalars(_own(session).limit(1)).first() is not None


def all_officials(session: Session) -> Sequence[OfficeOfficial]:
    return session.scalars(_own(session).order_by(OfficeOfficial.role, OfficeOfficial.term_start.desc(),
                                                  OfficeOfficial.full_name)).all()


def of_role(session: Session, role: str) -> Sequence[OfficeOfficial]:
    return session.scalars(_own(session).where(OfficeOfficial.role == role)
                           .order_by(OfficeOfficial.term_start, OfficeOfficial.full_name)).all()


def holders(session: Session, role: str, on: date) -> Sequence[OfficeOfficial]:
    """Who holds ``role`` on ``on`` (term start and end days included), earliest term first."""
    return session.scalars(
        _own(session).where(OfficeOfficial.role == role, OfficeOfficial.term_start <= on,
                                   or_(OfficeOfficial.term_end.is_(None), OfficeOfficial.term_end >= on))
        .order_by(OfficeOfficial.term_start, OfficeOfficial.full_name)).all()


def earliest_document_date(session: Session) -> date | None:
    """The first day a decision or a council meeting of the office is dated."""
    days = [session.scalar(select(func.min(Decision.decided_on)).where(Decision.deleted.is_(False))),
            session.scalar(select(func.min(CouncilMeeting.held_on)).where(CouncilMeeting.deleted.is_(False)))]
    found = [d for d in days if d is not None]
    return min(found) if found else None


def origin_node_of(session: Session, record_id: str) -> str | None:
    """The office that wrote a printed record (batch, meeting, decision, nomination, movement)."""
    from ..models import Movement, Nomination, NominationBatch

    models: tuple[type[Synced], ...] = (NominationBatch, CouncilMeeting, Decision, Nomination, Movement)
    for model in models:
        row = session.get(model, record_id)
        if row is not None:
            return str(row.origin_node)
    return None
