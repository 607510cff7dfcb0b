"""Plain, immutable records the eligibility rules read. Services build them from the database;
the rules never see the database. Dates are ``datetime.date``; years are ``int``."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from .enums import (
    CommendationKind,
    DisciplineLevel,
    Gender,
    InitiativeLevel,
    PendingMatterKind,
    SubjectType,
    TaskRating,
)


@dataclass(frozen=True)
class Candidate:
    """Who is being evaluated. ``id`` is the person's or collective's UUID."""

    id: str
    subject_type: SubjectType
    display_name: str = ""
    gender: Gender | None = None
    is_ethnic_minority: bool = False
    is_direct_worker: bool = False
    # First day of work at the current unit; None when unknown (criteria needing it report "unknown").
    employment_start: date | None = None
    # For collectives: share of women among members, 0..1, when known.
    women_share: float | None = None


@dataclass(frozen=True)
class AwardRecord:
    """An award already received (from a decision or entered by hand from paper records)."""

    award_code: str  # catalog code, or "OTHER" for a free-text award from paper
    year: int
    decision_number: str = ""
    decision_date: date | None = None
    issuing_level: str = ""
    commendation_kind: CommendationKind = CommendationKind.REGULAR
    title: str = ""  # free-text title for awards outside the catalog


@dataclass(frozen=True)
class RatingRecord:
    year: int
    rating: TaskRating
    source_document: str = ""


@dataclass(frozen=True)
class DisciplineRecord:
    level: DisciplineLevel
    decided_on: date
    period_end: date | None = None  # end of the discipline period; None = not yet known
    decision_number: str = ""


@dataclass(frozen=True)
class PendingMatter:
    """An open discipline review, investigation or complaint. Open matters defer every award."""

    kind: PendingMatterKind
    opened_on: date
    closed_on: date | None = None
    note: str = ""

    def open_on(self, day: date) -> bool:
        return self.opened_on <= day and (self.closed_on is None or self.closed_on > day)


@dataclass(frozen=True)
class InitiativeRecord:
    id: str
    title: str
    level: InitiativeLevel
    year: int
    decision_number: str = ""
    # The nomination or award this initiative already backed; None = still free to use.
    used_by: str | None = None


@dataclass(frozen=True)
class MemberSummary:
    """One member of a collective, as the collective criteria need them."""

    person_id: str
    gender: Gender | None = None
    rating: TaskRating | None = None  # rating for the evaluated year
    titles: frozenset[str] = frozenset()  # award codes received for the evaluated year
    worst_discipline: DisciplineLevel | None = None  # worst discipline in the evaluated year


@dataclass(frozen=True)
class History:
    """Everything known about a candidate that the rules may read."""

    ratings: tuple[RatingRecord, ...] = ()
    awards: tuple[AwardRecord, ...] = ()
    disciplines: tuple[DisciplineRecord, ...] = ()
    pending: tuple[PendingMatter, ...] = ()
    initiatives: tuple[InitiativeRecord, ...] = ()
    members: tuple[MemberSummary, ...] = ()
    # Criterion ids an officer has attested for qualitative criteria (e.g. "active in the movement").
    attested: frozenset[str] = field(default_factory=frozenset)
    # Months of maternity leave etc. count as worked time (Decree 152/2025 Art. 4(5)); kept for clarity.
    leave_months_counted: int = 0
