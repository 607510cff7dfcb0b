"""A subject's history: awards received, annual task ratings, initiatives, discipline and open matters."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from ..db import Session
from ..db.models import (
    AwardHistory,
    Collective,
    DisciplineRecord,
    Initiative,
    InitiativeOwner,
    PendingMatter,
    Person,
    TaskRating,
)
from ..db.repositories.common import get_live, live
from ..domain.enums import (
    AuthorityLevel,
    CommendationKind,
    DisciplineLevel,
    InitiativeLevel,
    PendingMatterKind,
)
from ..domain.enums import TaskRating as Rating
from ..domain.errors import ValidationError
from ..domain.text import clean_text
from ..domain.validation import parse_date, parse_enum, parse_int, require
from .base import ServiceBase


@dataclass(frozen=True)
class Subject:
    """Exactly one of a person or a collective."""

    person_id: str | None = None
    collective_id: str | None = None

    def check(self, session: Session) -> None:
        if bool(self.person_id) == bool(self.collective_id):
            raise ValidationError("SUBJECT_REQUIRED", field="subject")
        if self.person_id:
            get_live(session, Person, self.person_id, field="person")
        else:
            get_live(session, Collective, self.collective_id, field="collective")

    def where(self, model: type) -> object:
        if self.person_id:
            return model.person_id == self.person_id  # type: ignore[attr-defined]
        return model.collective_id == self.collective_id  # type: ignore[attr-defined]


def _year(text: str | int, field: str) -> int:
    return parse_int(str(text), field, min=1945, max=2100)


def _opt_date(text: str, field: str) -> date | None:
    return parse_date(text, field) if clean_text(text) else None


class RecordsService(ServiceBase):
    def add_award(self, subject: Subject, *, award_code: str, year: str | int, award_kind: str,
                  title: str = "", decision_number: str = "", decision_date: str = "",
                  issuing_level: str = "commune", issuer: str = "", commendation_kind: str = "regular",
                  period_from: str | int | None = None, period_to: str | int | None = None,
                  source: str = "manual", session: Session | None = None) -> str:
        """Record an award received (by hand from paper, or from one of our decisions)."""
        code = clean_text(award_code)
        require(code, "award_code")
        row = AwardHistory(
            person_id=subject.person_id, collective_id=subject.collective_id, award_code=code,
            title=clean_text(title), award_kind=clean_text(award_kind), year=_year(year, "year"),
            decision_number=clean_text(decision_number), decision_date=_opt_date(decision_date, "decision_date"),
            issuing_level=parse_enum(AuthorityLevel, issuing_level, "issuing_level").value,
            issuer=clean_text(issuer),
            commendation_kind=parse_enum(CommendationKind, commendation_kind, "commendation_kind").value,
            period_from=_year(period_from, "period_from") if period_from not in (None, "") else None,
            period_to=_year(period_to, "period_to") if period_to not in (None, "") else None,
            source=source,
        )
        require(row.award_kind, "award_kind")
        if session is not None:
            subject.check(session)
            session.add(row)
            session.flush()
            return row.id
        with self.db.transaction(self.actor) as own:
            subject.check(own)
            own.add(row)
            own.flush()
            return row.id

    def set_rating(self, subject: Subject, year: str | int, rating: str, source_document: str = "") -> str:
        """Set the year's task-completion rating (one per subject and year; a new value replaces the old)."""
        year_value = _year(year, "year")
        rating_value = parse_enum(Rating, clean_text(rating), "rating")
        with self.db.transaction(self.actor) as session:
            subject.check(session)
            return self._upsert_rating(session, subject, year_value, rating_value, clean_text(source_document))

    def set_ratings(self, year: str | int, ratings: dict[Subject, str], source_document: str = "") -> int:
        """A whole unit's grid of ratings for one year, saved in one transaction."""
        year_value = _year(year, "year")
        parsed = {s: parse_enum(Rating, clean_text(r), "rating") for s, r in ratings.items()}
        with self.db.transaction(self.actor) as session:
            for subject, rating in parsed.items():
                subject.check(session)
                self._upsert_rating(session, subject, year_value, rating, clean_text(source_document))
            return len(parsed)

    @staticmethod
    def _upsert_rating(session: Session, subject: Subject, year: int, rating: Rating, source: str) -> str:
        row = session.scalars(live(TaskRating).where(subject.where(TaskRating), TaskRating.year == year)).first()
        if row is None:
            row = TaskRating(person_id=subject.person_id, collective_id=subject.collective_id, year=year)
            session.add(row)
        row.rating = rating.value
        row.source_document = source
        session.flush()
        return row.id

    def add_initiative(self, *, title: str, level: str, year: str | int, owner_ids: list[str],
                       decision_number: str = "", decision_date: str = "", effect: str = "") -> str:
        clean = clean_text(title)
        require(clean, "title")
        if not owner_ids:
            raise ValidationError("REQUIRED", field="owners")
        row = Initiative(title=clean, level=parse_enum(InitiativeLevel, level, "level").value,
                         year=_year(year, "year"), decision_number=clean_text(decision_number),
                         decision_date=_opt_date(decision_date, "decision_date"), effect=clean_text(effect))
        with self.db.transaction(self.actor) as session:
            session.add(row)
            session.flush()
            for person_id in owner_ids:
                get_live(session, Person, person_id, field="owners")
                session.add(InitiativeOwner(initiative_id=row.id, person_id=person_id))
            return row.id

    def add_discipline(self, subject: Subject, *, level: str, decided_on: str, period_end: str = "",
                       decision_number: str = "", notes: str = "") -> str:
        decided = parse_date(decided_on, "decided_on")
        end = _opt_date(period_end, "period_end")
        if end is not None and end < decided:
            raise ValidationError("DATE_ORDER", field="period_end")
        row = DisciplineRecord(person_id=subject.person_id, collective_id=subject.collective_id,
                               level=parse_enum(DisciplineLevel, level, "level").value, decided_on=decided,
                               period_end=end, decision_number=clean_text(decision_number),
                               notes=clean_text(notes))
        with self.db.transaction(self.actor) as session:
            subject.check(session)
            session.add(row)
            session.flush()
            return row.id

    def open_matter(self, subject: Subject, *, kind: str, opened_on: str, note: str = "") -> str:
        row = PendingMatter(person_id=subject.person_id, collective_id=subject.collective_id,
                            kind=parse_enum(PendingMatterKind, kind, "kind").value,
                            opened_on=parse_date(opened_on, "opened_on"), note=clean_text(note))
        with self.db.transaction(self.actor) as session:
            subject.check(session)
            session.add(row)
            session.flush()
            return row.id

    def close_matter(self, matter_id: str, closed_on: str) -> None:
        with self.db.transaction(self.actor) as session:
            row = get_live(session, PendingMatter, matter_id, field="matter")
            closed = parse_date(closed_on, "closed_on")
            if closed < row.opened_on:
                raise ValidationError("DATE_ORDER", field="closed_on")
            row.closed_on = closed

    def awards_of(self, subject: Subject) -> list[dict[str, object]]:
        with self.db.reader() as session:
            rows = session.scalars(live(AwardHistory).where(subject.where(AwardHistory))
                                   .order_by(AwardHistory.year, AwardHistory.award_code)).all()
            return [{"id": r.id, "award_code": r.award_code, "title": r.title, "year": r.year,
                     "decision_number": r.decision_number,
                     "decision_date": r.decision_date.isoformat() if r.decision_date else None,
                     "issuing_level": r.issuing_level, "source": r.source} for r in rows]
