"""Aggregate queries for the overview screen."""

from __future__ import annotations

from datetime import date

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from ..models import AwardHistory, Collective, Movement, Nomination, NominationBatch, Person, Village
from . import officials as officials_repo


def nominations_by_status(session: Session) -> dict[str, int]:
    rows = session.execute(select(Nomination.status, func.count()).where(Nomination.deleted.is_(False))
                           .group_by(Nomination.status)).all()
    return {status: int(n) for status, n in rows}


def person_awards_in_year(session: Session, year: int) -> list[tuple[str, bool, bool, bool, bool]]:
    """(gender, minority, direct worker, border village, remote village) per award to a person."""
    stmt = (select(Person.gender, Person.is_ethnic_minority, Person.is_direct_worker,
                   func.coalesce(Village.is_border, False), func.coalesce(Village.is_remote, False))
            .join(AwardHistory, AwardHistory.person_id == Person.id)
            .outerjoin(Village, Village.id == Person.village_id)
            .where(AwardHistory.year == year, AwardHistory.deleted.is_(False), Person.deleted.is_(False)))
    return [(g, bool(m), bool(d), bool(b), bool(r)) for g, m, d, b, r in session.execute(stmt).all()]


def stale_drafts(session: Session, before: date) -> int:
    stmt = select(func.count()).select_from(Nomination).where(
        Nomination.deleted.is_(False), Nomination.status == "draft", Nomination.created_on < before)
    return int(session.scalar(stmt) or 0)


def batches_due(session: Session, today: date, until: date) -> list[tuple[str, str, date]]:
    stmt = (select(NominationBatch.id, NominationBatch.name, NominationBatch.deadline)
            .where(NominationBatch.deleted.is_(False), NominationBatch.deadline.is_not(None),
                   NominationBatch.deadline >= today, NominationBatch.deadline <= until)
            .order_by(NominationBatch.deadline))
    return [(i, n, d) for i, n, d in session.execute(stmt).all() if d is not None]  # the query excludes None


def setup_counts(session: Session) -> dict[str, int]:
    """How far the office has come in setting itself up: live villages, people and collectives,
    movements and nominations (the overview's "start here" steps)."""
    counts = {}
    for key, model in (("villages", Village), ("people", Person), ("collectives", Collective),
                       ("movements", Movement), ("nominations", Nomination)):
        stmt = select(func.count()).select_from(model).where(model.deleted.is_(False))
        counts[key] = int(session.scalar(stmt) or 0)
    counts["officials"] = len(officials_repo.all_officials(session))  # this office's own, not a commune's
    return counts
