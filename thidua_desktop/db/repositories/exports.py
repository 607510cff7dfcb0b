"""Queries for the Excel exports: the nominations of one batch with the nominee's register data,
and the people register streamed in pages with each page's award history.

The register is read with one ordered query fetched ``page`` rows at a time (``yield_per``),
never loaded whole: a 100 000-person export keeps one page of people and their awards in memory."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from typing import Any

from sqlalchemy import Row, func, select
from sqlalchemy.orm import Session

from ..models import AwardHistory, Collective, Nomination, NominationBatch, Person, Village
from .common import get_live


def batch(session: Session, batch_id: str) -> NominationBatch:
    return get_live(session, NominationBatch, batch_id, field="batch")


def batch_nominations(session: Session, batch_id: str) -> Sequence[Row[*tuple[Any, ...]]]:
    """(Nomination, Person | None, Collective | None, village name | None) for every live nomination
    of the batch whose nominee is still in the register. Village: the person's, else the collective's."""
    village_id = func.coalesce(Person.village_id, Collective.village_id)
    stmt = (select(Nomination, Person, Collective, Village.name)
            .outerjoin(Person, Person.id == Nomination.person_id)
            .outerjoin(Collective, Collective.id == Nomination.collective_id)
            .outerjoin(Village, (Village.id == village_id) & Village.deleted.is_(False))
            .where(Nomination.batch_id == batch_id, Nomination.deleted.is_(False),
                   ((Person.id.is_not(None) & Person.deleted.is_(False))
                    | (Collective.id.is_not(None) & Collective.deleted.is_(False))))
            .order_by(Nomination.award_code, Nomination.id))
    return session.execute(stmt).all()


# The person columns the register prints, in one light row (no ORM objects for 100 000 people).
_PERSON_COLUMNS = (Person.id, Person.full_name, Person.gender, Person.birth_date, Person.birth_year,
                   Person.ethnicity_code, Person.cccd, Person.phone, Person.position, Person.workplace,
                   Person.village_id, Person.is_direct_worker, Person.hometown, Person.qualification,
                   Person.political_theory, Person.academic_title, Person.duties)

_AWARD_COLUMNS = (AwardHistory.person_id, AwardHistory.award_code, AwardHistory.title, AwardHistory.award_kind,
                  AwardHistory.commendation_kind, AwardHistory.year, AwardHistory.decision_number,
                  AwardHistory.decision_date, AwardHistory.issuing_level, AwardHistory.issuer)


def people_pages(session: Session, page: int = 1000) -> Iterator[Sequence[Row[*tuple[Any, ...]]]]:
    """Live people in Vietnamese name order (the stored sort key), ``page`` rows at a time."""
    stmt = (select(*_PERSON_COLUMNS).where(Person.deleted.is_(False))
            .order_by(Person.sort_key, Person.id).execution_options(yield_per=page))
    yield from session.execute(stmt).partitions()


def awards_of_people(session: Session, person_ids: Sequence[str]) -> dict[str, list[Row[*tuple[Any, ...]]]]:
    """Live award history of these people, oldest first, in one query per page of people."""
    out: dict[str, list[Row[*tuple[Any, ...]]]] = {}
    if not person_ids:
        return out
    stmt = (select(*_AWARD_COLUMNS)
            .where(AwardHistory.person_id.in_(list(person_ids)), AwardHistory.deleted.is_(False))
            .order_by(AwardHistory.person_id, AwardHistory.year, AwardHistory.decision_date,
                      AwardHistory.award_code, AwardHistory.id))
    for row in session.execute(stmt):
        out.setdefault(row.person_id, []).append(row)
    return out


def count_people(session: Session) -> int:
    return int(session.scalar(select(func.count()).select_from(Person).where(Person.deleted.is_(False))) or 0)
