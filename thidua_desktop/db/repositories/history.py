"""Builds the plain records the eligibility rules read from the database rows of one subject."""

from __future__ import annotations

from datetime import date

from sqlalchemy import ColumnElement, select
from sqlalchemy.orm import Session

from ...domain import records as r
from ...domain.enums import (
    CommendationKind,
    DisciplineLevel,
    Gender,
    InitiativeLevel,
    PendingMatterKind,
    SubjectType,
    TaskRating,
)
from ..models import (
    AwardHistory,
    Collective,
    CollectiveMember,
    DisciplineRecord,
    Initiative,
    InitiativeOwner,
    PendingMatter,
    Person,
)
from ..models import TaskRating as TaskRatingRow
from .common import live


def _subject_filter(model: type[AwardHistory | TaskRatingRow | DisciplineRecord | PendingMatter],
                    person_id: str | None, collective_id: str | None) -> ColumnElement[bool]:
    if person_id:
        return model.person_id == person_id
    return model.collective_id == collective_id


def candidate_for_person(p: Person) -> r.Candidate:
    return r.Candidate(id=p.id, subject_type=SubjectType.INDIVIDUAL, display_name=p.full_name,
                       gender=Gender(p.gender), is_ethnic_minority=p.is_ethnic_minority,
                       is_direct_worker=p.is_direct_worker, employment_start=p.employment_start)


def candidate_for_collective(session: Session, c: Collective) -> r.Candidate:
    subject = SubjectType.HOUSEHOLD if c.kind == "household" else SubjectType.COLLECTIVE
    share = None
    if c.member_count and c.women_count is not None:
        share = c.women_count / c.member_count
    else:
        members = _members(session, c.id)
        if members:
            share = sum(1 for m in members if m.gender == Gender.FEMALE.value) / len(members)
    return r.Candidate(id=c.id, subject_type=subject, display_name=c.name, women_share=share)


def _members(session: Session, collective_id: str) -> list[Person]:
    stmt = (select(Person).join(CollectiveMember, CollectiveMember.person_id == Person.id)
            .where(CollectiveMember.collective_id == collective_id, CollectiveMember.deleted.is_(False),
                   Person.deleted.is_(False)))
    return list(session.scalars(stmt).all())


def _ratings(session: Session, person_id: str | None, collective_id: str | None) -> tuple[r.RatingRecord, ...]:
    rows = session.scalars(live(TaskRatingRow).where(_subject_filter(TaskRatingRow, person_id, collective_id))
                           .order_by(TaskRatingRow.year)).all()
    return tuple(r.RatingRecord(x.year, TaskRating(x.rating), x.source_document) for x in rows)


def _awards(session: Session, person_id: str | None, collective_id: str | None) -> tuple[r.AwardRecord, ...]:
    rows = session.scalars(live(AwardHistory).where(_subject_filter(AwardHistory, person_id, collective_id))
                           .order_by(AwardHistory.year)).all()
    return tuple(r.AwardRecord(award_code=x.award_code, year=x.year, decision_number=x.decision_number,
                               decision_date=x.decision_date, issuing_level=x.issuing_level,
                               commendation_kind=CommendationKind(x.commendation_kind), title=x.title)
                 for x in rows)


def _disciplines(session: Session, person_id: str | None,
                 collective_id: str | None) -> tuple[r.DisciplineRecord, ...]:
    rows = session.scalars(live(DisciplineRecord)
                           .where(_subject_filter(DisciplineRecord, person_id, collective_id))).all()
    return tuple(r.DisciplineRecord(DisciplineLevel(x.level), x.decided_on, x.period_end, x.decision_number)
                 for x in rows)


def _pending(session: Session, person_id: str | None, collective_id: str | None) -> tuple[r.PendingMatter, ...]:
    rows = session.scalars(live(PendingMatter).where(_subject_filter(PendingMatter, person_id, collective_id))).all()
    return tuple(r.PendingMatter(PendingMatterKind(x.kind), x.opened_on, x.closed_on, x.note) for x in rows)


def _initiatives(session: Session, person_id: str | None, nomination_id: str | None) -> tuple[r.InitiativeRecord, ...]:
    if not person_id:
        return ()
    stmt = (select(Initiative).join(InitiativeOwner, InitiativeOwner.initiative_id == Initiative.id)
            .where(InitiativeOwner.person_id == person_id, InitiativeOwner.deleted.is_(False),
                   Initiative.deleted.is_(False)))
    out = []
    for x in session.scalars(stmt).all():
        used_by = x.used_by_award_id or (x.used_by_nomination_id if x.used_by_nomination_id != nomination_id else None)
        out.append(r.InitiativeRecord(x.id, x.title, InitiativeLevel(x.level), x.year, x.decision_number, used_by))
    return tuple(out)


def _member_summaries(session: Session, collective_id: str, year: int) -> tuple[r.MemberSummary, ...]:
    out = []
    for p in _members(session, collective_id):
        ratings = {x.year: x.rating for x in _ratings(session, p.id, None)}
        titles = frozenset(a.award_code for a in _awards(session, p.id, None) if a.year == year)
        year_start, year_end = date(year, 1, 1), date(year, 12, 31)
        worst = None
        for d in _disciplines(session, p.id, None):
            if d.decided_on <= year_end and (d.period_end is None or d.period_end >= year_start):
                if worst is None or d.level.rank > worst.rank:
                    worst = d.level
        out.append(r.MemberSummary(p.id, Gender(p.gender), ratings.get(year), titles, worst))
    return tuple(out)


def load_history(session: Session, person_id: str | None, collective_id: str | None, year: int,
                 attested: frozenset[str] = frozenset(), nomination_id: str | None = None) -> r.History:
    return r.History(
        ratings=_ratings(session, person_id, collective_id),
        awards=_awards(session, person_id, collective_id),
        disciplines=_disciplines(session, person_id, collective_id),
        pending=_pending(session, person_id, collective_id),
        initiatives=_initiatives(session, person_id, nomination_id),
        members=_member_summaries(session, collective_id, year) if collective_id else (),
        attested=attested,
    )
