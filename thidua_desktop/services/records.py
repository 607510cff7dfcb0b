"""A subject's history: awards received, annual task ratings, initiatives, discipline and open matters.
Every record can be listed and removed (a tombstone, so the removal syncs like any other change)."""

from __future__ import annotations

from collections.abc import Mapping
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
from ..db.repositories import records as repo
from ..db.repositories.common import get_live
from ..domain.enums import (
    AuthorityLevel,
    AwardKind,
    CommendationKind,
    DisciplineLevel,
    InitiativeLevel,
    PendingMatterKind,
)
from ..domain.enums import TaskRating as Rating
from ..domain.errors import DomainError, StateError, ValidationError
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


def _year(text: str | int, field: str) -> int:
    return parse_int(str(text), field, min=1945, max=2100)


def _opt_date(text: str, field: str) -> date | None:
    return parse_date(text, field) if clean_text(text) else None


OTHER_AWARD = "OTHER"  # a free-text award from paper that is not in the catalog


@dataclass(frozen=True)
class RatingView:
    id: str
    year: int
    rating: str
    source_document: str


@dataclass(frozen=True)
class InitiativeView:
    id: str
    title: str
    level: str
    year: int
    decision_number: str
    decision_date: date | None
    effect: str
    used: bool  # already backed an award or a nomination
    scope: str = ""  # phạm vi ảnh hưởng: an InitiativeLevel code, "" = not recorded
    recognised_by: str = ""  # the body that recognised it, as written on the decision


@dataclass(frozen=True)
class DisciplineView:
    id: str
    level: str
    decided_on: date
    period_end: date | None
    decision_number: str
    notes: str


@dataclass(frozen=True)
class MatterView:
    id: str
    kind: str
    opened_on: date
    closed_on: date | None
    note: str

    @property
    def is_open(self) -> bool:
        return self.closed_on is None


def _row_error(exc: DomainError, row: int) -> DomainError:
    """The same refusal, naming the grid row it came from (``rows[3].rating``)."""
    return type(exc)(exc.code, field=f"rows[{row}].{exc.field or 'subject'}", row=row, **exc.params)


class RecordsService(ServiceBase):
    # Awards -------------------------------------------------------------------------------------
    def _award_kind(self, code: str, award_kind: str, title: str) -> tuple[str, str]:
        """(kind, title): a catalog award brings its own; a free-text one needs both typed."""
        if code != OTHER_AWARD:
            award = self.catalog.award(code)  # AWARD_UNKNOWN (field award_code) when not in the catalog
            kind = parse_enum(AwardKind, clean_text(award_kind) or award.kind.value, "award_kind")
            return kind.value, clean_text(title) or award.name_vi
        require(clean_text(title), "title")
        return parse_enum(AwardKind, clean_text(award_kind), "award_kind").value, clean_text(title)

    def add_award(self, subject: Subject, *, award_code: str, year: str | int, award_kind: str = "",
                  title: str = "", decision_number: str = "", decision_date: str = "",
                  issuing_level: str = "commune", issuer: str = "", commendation_kind: str = "regular",
                  issuing_body: str = "", award_form: str = "", inferred_from_name: bool = False,
                  period_from: str | int | None = None, period_to: str | int | None = None,
                  source: str = "manual", session: Session | None = None, initiative_id: str | None = None) -> str:
        """Record an award received (by hand from paper, or from one of our decisions).
        ``award_code`` is a catalog code, or ``OTHER`` with a free-text ``title`` and ``award_kind``.
        ``initiative_id``: the subject's initiative that backed the award; it then counts as used
        (Law 06/2022 Art. 5(2)(c): one initiative backs one award)."""
        code = clean_text(award_code)
        require(code, "award_code")
        kind, clean_title = self._award_kind(code, award_kind, title)
        row = AwardHistory(
            person_id=subject.person_id, collective_id=subject.collective_id, award_code=code,
            title=clean_title, award_kind=kind, year=_year(year, "year"),
            decision_number=clean_text(decision_number), decision_date=_opt_date(decision_date, "decision_date"),
            issuing_level=parse_enum(AuthorityLevel, issuing_level, "issuing_level").value,
            issuer=clean_text(issuer),
            # finer than the level, and whether an import inferred them from the name (award_inference.json)
            issuing_body=clean_text(issuing_body), award_form=clean_text(award_form),
            inferred_from_name=bool(inferred_from_name),
            commendation_kind=parse_enum(CommendationKind, commendation_kind, "commendation_kind").value,
            period_from=_year(period_from, "period_from") if period_from not in (None, "") else None,
            period_to=_year(period_to, "period_to") if period_to not in (None, "") else None,
            source=source,
        )
        if row.decision_date is not None and row.decision_date.year < row.year:
            raise ValidationError("DATE_ORDER", field="decision_date")
        if session is not None:
            subject.check(session)
            session.add(row)
            session.flush()
            self._back_award(session, subject, row, initiative_id)
            return row.id
        with self.db.transaction(self.actor) as own:
            subject.check(own)
            own.add(row)
            own.flush()
            self._back_award(own, subject, row, initiative_id)
            return row.id

    @staticmethod
    def _back_award(session: Session, subject: Subject, award: AwardHistory, initiative_id: str | None) -> None:
        """Mark the initiative as used by ``award``: it must be the subject's and not used yet."""
        if not clean_text(initiative_id or ""):
            return
        initiative = get_live(session, Initiative, clean_text(initiative_id or ""), field="initiative")
        if not subject.person_id or subject.person_id not in {o.person_id for o in repo.owners(session, initiative.id)}:
            raise ValidationError("INITIATIVE_NOT_OWN", field="initiative", title=initiative.title)
        if initiative.used_by_award_id or initiative.used_by_nomination_id:
            raise ValidationError("INITIATIVE_ALREADY_USED", field="initiative", title=initiative.title)
        initiative.used_by_award_id = award.id

    def awards_of(self, subject: Subject) -> list[dict[str, object]]:
        with self.db.reader() as session:
            backing = ({x.used_by_award_id: x for x in repo.initiatives(session, subject.person_id)
                        if x.used_by_award_id} if subject.person_id else {})
            return [{"id": r.id, "award_code": r.award_code, "title": r.title, "year": r.year,
                     "initiative_id": backing[r.id].id if r.id in backing else None,
                     "initiative": backing[r.id].title if r.id in backing else "",
                     "decision_number": r.decision_number,
                     "decision_date": r.decision_date.isoformat() if r.decision_date else None,
                     "issuing_level": r.issuing_level, "source": r.source, "award_kind": r.award_kind,
                     "commendation_kind": r.commendation_kind, "issuer": r.issuer,
                     "issuing_body": r.issuing_body, "award_form": r.award_form,
                     "inferred_from_name": r.inferred_from_name}
                    for r in repo.awards(session, subject.person_id, subject.collective_id)]

    def remove_award(self, award_id: str) -> None:
        """Tombstone an award entered by hand. One written by our own decision stays with the decision."""
        with self.db.transaction(self.actor) as session:
            row = get_live(session, AwardHistory, award_id, field="award")
            if row.source == "decision" or row.decision_id:
                raise StateError("AWARD_FROM_DECISION", field="award", value=row.decision_number)
            row.deleted = True
            if row.person_id:  # the initiative that backed it may back another award now
                for initiative in repo.initiatives(session, row.person_id):
                    if initiative.used_by_award_id == row.id:
                        initiative.used_by_award_id = None

    # Ratings ------------------------------------------------------------------------------------
    def set_rating(self, subject: Subject, year: str | int, rating: str, source_document: str = "") -> str:
        """Set the year's task-completion rating (one per subject and year; a new value replaces the old)."""
        year_value = _year(year, "year")
        rating_value = parse_enum(Rating, clean_text(rating), "rating")
        with self.db.transaction(self.actor) as session:
            subject.check(session)
            return self._upsert_rating(session, subject, year_value, rating_value, clean_text(source_document))

    def set_ratings(self, year: str | int, ratings: Mapping[Subject, str | tuple[str, str]],
                    source_document: str = "") -> int:
        """A whole unit's grid of ratings for one year, saved in one transaction: all rows or none.
        A value is a rating code, or (rating, source document) when a row has its own document.
        A bad row is named by its position, counted from 1 (``rows[3].rating``)."""
        year_value = _year(year, "year")
        parsed: list[tuple[Subject, Rating, str]] = []
        for index, (subject, value) in enumerate(ratings.items(), start=1):
            rating, source = (value, "") if isinstance(value, str) else value
            try:
                parsed.append((subject, parse_enum(Rating, clean_text(rating), "rating"),
                               clean_text(source) or clean_text(source_document)))
            except DomainError as exc:
                raise _row_error(exc, index) from exc
        with self.db.transaction(self.actor) as session:
            for index, (subject, rating_value, source) in enumerate(parsed, start=1):
                try:
                    subject.check(session)
                except DomainError as exc:
                    raise _row_error(exc, index) from exc
                self._upsert_rating(session, subject, year_value, rating_value, source)
            return len(parsed)

    @staticmethod
    def _upsert_rating(session: Session, subject: Subject, year: int, rating: Rating, source: str) -> str:
        row = repo.rating_of(session, subject.person_id, subject.collective_id, year)
        if row is None:
            row = TaskRating(person_id=subject.person_id, collective_id=subject.collective_id, year=year)
            session.add(row)
        row.rating = rating.value
        row.source_document = source
        session.flush()
        return row.id

    def ratings_of(self, subject: Subject) -> list[RatingView]:
        with self.db.reader() as session:
            return [RatingView(r.id, r.year, r.rating, r.source_document)
                    for r in repo.ratings(session, subject.person_id, subject.collective_id)]

    def ratings_in_year(self, year: str | int, person_ids: list[str]) -> dict[str, RatingView]:
        """The given people's ratings for one year, by person id (to pre-fill a grid)."""
        year_value = _year(year, "year")
        with self.db.reader() as session:
            return {r.person_id or "": RatingView(r.id, r.year, r.rating, r.source_document)
                    for r in repo.ratings_in_year(session, year_value, person_ids)}

    def remove_rating(self, rating_id: str) -> None:
        with self.db.transaction(self.actor) as session:
            get_live(session, TaskRating, rating_id, field="rating").deleted = True

    # Initiatives --------------------------------------------------------------------------------
    def add_initiative(self, *, title: str, level: str, year: str | int, owner_ids: list[str],
                       decision_number: str = "", decision_date: str = "", effect: str = "",
                       scope: str = "", recognised_by: str = "", session: Session | None = None) -> str:
        """``scope``: where the initiative has effect (phạm vi ảnh hưởng), one of the InitiativeLevel
        codes (cơ sở, tỉnh, toàn quốc: the reaches Law 06/2022 Art. 21-23 ask of an initiative), or "".
        ``recognised_by``: the body that recognised it. ``session``: write inside the caller's
        transaction (an import), else in one of its own."""
        clean = clean_text(title)
        require(clean, "title")
        if not owner_ids:
            raise ValidationError("REQUIRED", field="owners")
        reach = parse_enum(InitiativeLevel, scope, "scope").value if clean_text(scope) else ""
        if len(clean_text(effect)) > 2000:
            raise ValidationError("TEXT_TOO_LONG", field="effect", max=2000)
        if len(clean_text(recognised_by)) > 300:
            raise ValidationError("TEXT_TOO_LONG", field="recognised_by", max=300)
        row = Initiative(title=clean, level=parse_enum(InitiativeLevel, level, "level").value,
                         year=_year(year, "year"), decision_number=clean_text(decision_number),
                         decision_date=_opt_date(decision_date, "decision_date"), effect=clean_text(effect),
                         scope=reach, recognised_by=clean_text(recognised_by))
        if session is not None:
            return self._insert_initiative(session, row, owner_ids)
        with self.db.transaction(self.actor) as own:
            return self._insert_initiative(own, row, owner_ids)

    @staticmethod
    def _insert_initiative(session: Session, row: Initiative, owner_ids: list[str]) -> str:
        session.add(row)
        session.flush()
        for person_id in dict.fromkeys(owner_ids):  # an author named twice is one author
            get_live(session, Person, person_id, field="owners")
            session.add(InitiativeOwner(initiative_id=row.id, person_id=person_id))
        return row.id

    def initiatives_of(self, subject: Subject) -> list[InitiativeView]:
        """A person's initiatives (collectives own none: authors are people)."""
        if not subject.person_id:
            return []
        with self.db.reader() as session:
            return [InitiativeView(x.id, x.title, x.level, x.year, x.decision_number, x.decision_date, x.effect,
                                   bool(x.used_by_award_id or x.used_by_nomination_id), x.scope,
                                   x.recognised_by)
                    for x in repo.initiatives(session, subject.person_id)]

    def remove_initiative(self, initiative_id: str) -> None:
        """Tombstone an initiative and its authorship; one that already backed an award stays."""
        with self.db.transaction(self.actor) as session:
            row = get_live(session, Initiative, initiative_id, field="initiative")
            if row.used_by_award_id or row.used_by_nomination_id:
                raise StateError("INITIATIVE_ALREADY_USED", field="initiative", title=row.title)
            row.deleted = True
            for owner in repo.owners(session, row.id):
                owner.deleted = True

    # Discipline ---------------------------------------------------------------------------------
    def add_discipline(self, subject: Subject, *, level: str, decided_on: str, period_end: str = "",
                       decision_number: str = "", notes: str = "", session: Session | None = None) -> str:
        """``session``: write inside the caller's transaction (an import), else in one of its own."""
        level_value = parse_enum(DisciplineLevel, level, "level").value
        decided = parse_date(decided_on, "decided_on")
        end = _opt_date(period_end, "period_end")
        if end is not None and end < decided:
            raise ValidationError("DATE_ORDER", field="period_end")
        row = DisciplineRecord(person_id=subject.person_id, collective_id=subject.collective_id,
                               level=level_value, decided_on=decided,
                               period_end=end, decision_number=clean_text(decision_number),
                               notes=clean_text(notes))
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

    def disciplines_of(self, subject: Subject) -> list[DisciplineView]:
        with self.db.reader() as session:
            return [DisciplineView(x.id, x.level, x.decided_on, x.period_end, x.decision_number, x.notes)
                    for x in repo.disciplines(session, subject.person_id, subject.collective_id)]

    def remove_discipline(self, discipline_id: str) -> None:
        with self.db.transaction(self.actor) as session:
            get_live(session, DisciplineRecord, discipline_id, field="discipline").deleted = True

    # Open matters -------------------------------------------------------------------------------
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
        closed = parse_date(closed_on, "closed_on")
        with self.db.transaction(self.actor) as session:
            row = get_live(session, PendingMatter, matter_id, field="matter")
            if closed < row.opened_on:
                raise ValidationError("DATE_ORDER", field="closed_on")
            row.closed_on = closed

    def matters_of(self, subject: Subject) -> list[MatterView]:
        with self.db.reader() as session:
            return [MatterView(x.id, x.kind, x.opened_on, x.closed_on, x.note)
                    for x in repo.matters(session, subject.person_id, subject.collective_id)]

    def remove_matter(self, matter_id: str) -> None:
        with self.db.transaction(self.actor) as session:
            get_live(session, PendingMatter, matter_id, field="matter").deleted = True
