"""Small builders for the rules tests (records, criteria, contexts)."""

from __future__ import annotations

from datetime import date
from typing import Any

from thidua_desktop.domain.enums import (
    CommendationKind,
    DisciplineLevel,
    Gender,
    InitiativeLevel,
    PendingMatterKind,
    SubjectType,
    TaskRating,
)
from thidua_desktop.domain.records import (
    AwardRecord,
    Candidate,
    DisciplineRecord,
    History,
    InitiativeRecord,
    MemberSummary,
    PendingMatter,
    RatingRecord,
)
from thidua_desktop.rules.checks import run_check
from thidua_desktop.rules.context import CheckContext
from thidua_desktop.rules.definitions import CriterionDef
from thidua_desktop.rules.parse import parse_criterion
from thidua_desktop.rules.results import Decision, Reason

AS_OF = date(2025, 12, 15)  # the annual review of 2025
YEAR = 2025


def person(**kw: Any) -> Candidate:
    base: dict[str, Any] = {
        "id": "p1",
        "subject_type": SubjectType.INDIVIDUAL,
        "display_name": "Nông Thị Hoa",
        "gender": Gender.FEMALE,
        "employment_start": date(2018, 3, 1),
    }
    return Candidate(**{**base, **kw})


def collective(**kw: Any) -> Candidate:
    base: dict[str, Any] = {"id": "c1", "subject_type": SubjectType.COLLECTIVE,
                            "display_name": "Thôn Nà Lẹng"}
    return Candidate(**{**base, **kw})


def household(**kw: Any) -> Candidate:
    base: dict[str, Any] = {"id": "h1", "subject_type": SubjectType.HOUSEHOLD,
                            "display_name": "Hộ Lương Văn Tú"}
    return Candidate(**{**base, **kw})


def ratings(**by_year: str) -> tuple[RatingRecord, ...]:
    """ratings(y2024="good", y2025="excellent")"""
    return tuple(
        RatingRecord(int(k[1:]), TaskRating(v), f"QĐ đánh giá {k[1:]}") for k, v in sorted(by_year.items())
    )


def titles(code: str, *years: int,
           kind: CommendationKind = CommendationKind.REGULAR) -> tuple[AwardRecord, ...]:
    return tuple(
        AwardRecord(code, y, decision_number=f"{y - 2000}/QĐ-UBND", decision_date=date(y, 12, 20),
                    commendation_kind=kind)
        for y in years
    )


def initiative(
    year: int, level: str = "grassroots", used_by: str | None = None, ident: str | None = None
) -> InitiativeRecord:
    return InitiativeRecord(
        id=ident or f"sk-{level}-{year}",
        title=f"Sáng kiến {level} {year}",
        level=InitiativeLevel(level),
        year=year,
        decision_number=f"{year - 2000}/QĐ-SK",
        used_by=used_by,
    )


def discipline(level: str, decided: date, end: date | None) -> DisciplineRecord:
    return DisciplineRecord(DisciplineLevel(level), decided, end, decision_number="07/QĐ-KL")


def pending(kind: str, opened: date, closed: date | None = None) -> PendingMatter:
    return PendingMatter(PendingMatterKind(kind), opened, closed)


def members(
    total: int,
    with_title: int = 0,
    title: str = "LDTT",
    rating: str | None = "good",
    extra: tuple[MemberSummary, ...] = (),
) -> tuple[MemberSummary, ...]:
    out = [
        MemberSummary(
            person_id=f"m{i}",
            rating=TaskRating(rating) if rating else None,
            titles=frozenset({title}) if i < with_title else frozenset(),
        )
        for i in range(total - len(extra))
    ]
    return (*out, *extra)


def make_crit(check: str, params: dict[str, Any] | None = None, cid: str = "c", confidence: str = "H",
              options: list[dict[str, Any]] | None = None) -> CriterionDef:
    raw = crit_dict(check, params, cid, confidence)
    if options is not None:
        raw["params"]["options"] = options
    return parse_criterion(raw, "test")


def crit_dict(check: str, params: dict[str, Any] | None = None, cid: str = "c",
              confidence: str = "H") -> dict[str, Any]:
    return {
        "id": cid,
        "check": check,
        "params": dict(params or {}),
        "label_vi": f"Tiêu chí {cid}",
        "label_en": f"Criterion {cid}",
        "source": {"ref": "test", "confidence": confidence},
    }


def run(
    check: str,
    params: dict[str, Any] | None = None,
    history: History | None = None,
    candidate: Candidate | None = None,
    as_of: date = AS_OF,
    year: int = YEAR,
    options: list[dict[str, Any]] | None = None,
) -> Reason:
    crit = make_crit(check, params, options=options)
    ctx = CheckContext(
        candidate=candidate or person(),
        history=history or History(),
        as_of=as_of,
        year=year,
        award_code="TEST",
    )
    return run_check(crit, ctx)


def flat_codes(decision: Decision) -> set[str]:
    out: set[str] = set()

    def walk(reason: Reason) -> None:
        out.add(reason.code)
        for child in reason.children:
            walk(child)

    for r in decision.reasons:
        walk(r)
    return out


def flat_reasons(decision: Decision) -> list[Reason]:
    out: list[Reason] = []

    def walk(reason: Reason) -> None:
        out.append(reason)
        for child in reason.children:
            walk(child)

    for r in decision.reasons:
        walk(r)
    return out
