"""Checks on the candidate's own record: ratings, earlier titles, initiatives, discipline,
open matters, time worked and officer attestations. Each returns one ``Reason``."""

from __future__ import annotations

from datetime import date
from typing import Any

from thidua_desktop.domain.enums import (
    CommendationKind,
    DisciplineLevel,
    InitiativeLevel,
    TaskRating,
)
from thidua_desktop.domain.records import AwardRecord, DisciplineRecord, InitiativeRecord, RatingRecord

from .context import CheckContext, iso, make_reason, whole_months
from .definitions import CriterionDef
from .results import Outcome, Reason


def _rating_by_year(ratings: tuple[RatingRecord, ...]) -> dict[int, RatingRecord]:
    # Two records for one year should not happen; if they do, the lower one counts (err on caution).
    out: dict[int, RatingRecord] = {}
    for rec in ratings:
        cur = out.get(rec.year)
        if cur is None or rec.rating.rank < cur.rating.rank:
            out[rec.year] = rec
    return out


def task_rating_at_least(crit: CriterionDef, ctx: CheckContext) -> Reason:
    level: TaskRating = crit.params["level"]
    years = list(range(ctx.year - crit.params["consecutive_years"] + 1, ctx.year + 1))
    by_year = _rating_by_year(ctx.history.ratings)
    found = [by_year[y] for y in years if y in by_year]
    evidence: dict[str, Any] = {
        "level": level.value,
        "years": years,
        "ratings": [
            {"year": r.year, "rating": r.rating.value, "source_document": r.source_document} for r in found
        ],
    }
    low = [r.year for r in found if not r.rating.at_least(level)]
    missing = [y for y in years if y not in by_year]
    if low:
        return make_reason(crit, Outcome.FAIL, "RATING_TOO_LOW", {**evidence, "low_years": low})
    if missing:
        return make_reason(crit, Outcome.UNKNOWN, "RATING_MISSING", {**evidence, "missing_years": missing})
    return make_reason(crit, Outcome.PASS, "RATING_OK", evidence)


def _award_dict(rec: AwardRecord) -> dict[str, Any]:
    return {
        "year": rec.year,
        "award_code": rec.award_code,
        "decision_number": rec.decision_number,
        "decision_date": iso(rec.decision_date),
    }


def title_streak(crit: CriterionDef, ctx: CheckContext) -> Reason:
    codes: tuple[str, ...] = crit.params["award_codes"]
    kinds: tuple[CommendationKind, ...] = crit.params["count_kinds"]
    step: int = crit.params["step_years"]
    end = ctx.year if crit.params["ending"] == "evaluated_year" else ctx.year - 1
    years = sorted(end - k * step for k in range(crit.params["times"]))
    matched: list[AwardRecord] = []
    missing: list[int] = []
    for year in years:
        hits = [
            a for a in ctx.history.awards
            if a.award_code in codes and a.year == year and a.commendation_kind in kinds
        ]
        if hits:
            matched.append(hits[0])
        else:
            missing.append(year)
    evidence: dict[str, Any] = {
        "award_codes": list(codes),
        "years": years,
        "awards": [_award_dict(a) for a in matched],
    }
    if missing:
        return make_reason(crit, Outcome.FAIL, "TITLE_STREAK_SHORT", {**evidence, "missing_years": missing})
    return make_reason(crit, Outcome.PASS, "TITLE_STREAK_OK", evidence)


def _initiative_dict(rec: InitiativeRecord) -> dict[str, Any]:
    data: dict[str, Any] = {
        "id": rec.id,
        "title": rec.title,
        "level": rec.level.value,
        "year": rec.year,
        "decision_number": rec.decision_number,
    }
    if rec.used_by is not None:
        data["used_by"] = rec.used_by
    return data


def initiatives(crit: CriterionDef, ctx: CheckContext) -> Reason:
    """Law Art. 5(2)(c), CV 5007/BNV-TĐKT: one initiative backs one award only, so initiatives
    already used (``used_by`` set) do not count. Services clear ``used_by`` for initiatives linked
    to the very nomination being re-evaluated."""
    min_level: InitiativeLevel = crit.params["min_level"]
    count: int = crit.params["count"]
    first = ctx.year - crit.params["within_years"] + 1
    eligible = [
        i for i in ctx.history.initiatives if first <= i.year <= ctx.year and i.level.at_least(min_level)
    ]
    # Spend the lowest sufficient level first, newest first, to keep higher-level initiatives
    # free for higher awards.
    free = sorted((i for i in eligible if i.used_by is None), key=lambda i: (i.level.rank, -i.year, i.id))
    used = [i for i in eligible if i.used_by is not None]
    evidence: dict[str, Any] = {
        "min_level": min_level.value,
        "count": count,
        "years": [first, ctx.year],
        "initiatives": [_initiative_dict(i) for i in free[:count]],
    }
    if len(free) >= count:
        return make_reason(crit, Outcome.PASS, "INITIATIVE_OK", evidence)
    if used and len(free) + len(used) >= count:
        evidence["already_used"] = [_initiative_dict(i) for i in used]
        return make_reason(crit, Outcome.FAIL, "INITIATIVE_ALREADY_USED", evidence)
    return make_reason(crit, Outcome.FAIL, "INITIATIVE_MISSING", evidence)


def _overlaps(rec: DisciplineRecord, start: date, end: date) -> bool | None:
    """Does the discipline period touch [start, end]? None when its end is unknown and it began
    before the period (it may or may not still have been running)."""
    if rec.decided_on > end:
        return False
    if rec.period_end is None:
        return None if rec.decided_on < start else True
    return rec.period_end >= start


def _discipline_dict(rec: DisciplineRecord) -> dict[str, Any]:
    return {
        "level": rec.level.value,
        "decided_on": iso(rec.decided_on),
        "period_end": iso(rec.period_end),
        "decision_number": rec.decision_number,
    }


def no_discipline(crit: CriterionDef, ctx: CheckContext) -> Reason:
    """Decree 152/2025 Art. 4(4): achievements count only from the end of a discipline period, so a
    discipline whose period overlaps the evaluated period fails the criterion."""
    min_level: DisciplineLevel = crit.params["min_level"]
    start = date(ctx.year - crit.params["years"] + 1, 1, 1)
    end = date(ctx.year, 12, 31)
    relevant = [d for d in ctx.history.disciplines if d.level.at_least(min_level)]
    hits = [d for d in relevant if _overlaps(d, start, end)]
    unsure = [d for d in relevant if _overlaps(d, start, end) is None]
    evidence: dict[str, Any] = {"min_level": min_level.value, "period": [iso(start), iso(end)]}
    if hits:
        evidence["disciplines"] = [_discipline_dict(d) for d in hits]
        return make_reason(crit, Outcome.FAIL, "DISCIPLINE_IN_PERIOD", evidence)
    if unsure:
        evidence["disciplines"] = [_discipline_dict(d) for d in unsure]
        return make_reason(crit, Outcome.UNKNOWN, "DISCIPLINE_END_UNKNOWN", evidence)
    return make_reason(crit, Outcome.PASS, "DISCIPLINE_NONE", evidence)


def no_pending_matter(crit: CriterionDef, ctx: CheckContext) -> Reason:
    """Decree 152/2025 Art. 4(4): no award or proposal while a discipline review, an investigation
    or a complaint is open on the day of evaluation."""
    open_matters = [m for m in ctx.history.pending if m.open_on(ctx.as_of)]
    evidence: dict[str, Any] = {"as_of": iso(ctx.as_of)}
    if open_matters:
        evidence["open"] = [{"kind": m.kind.value, "opened_on": iso(m.opened_on)} for m in open_matters]
        return make_reason(crit, Outcome.FAIL, "PENDING_MATTER_OPEN", evidence)
    return make_reason(crit, Outcome.PASS, "PENDING_NONE", evidence)


def min_months_worked(crit: CriterionDef, ctx: CheckContext) -> Reason:
    """Months from the first day of work to the end of the evaluated year. Maternity leave counts
    as worked time (Decree 152/2025 Art. 4(5)), so no leave is deducted."""
    required: int = crit.params["months"]
    start = ctx.candidate.employment_start
    evidence: dict[str, Any] = {"months_required": required, "period_end": iso(date(ctx.year, 12, 31))}
    if start is None:
        return make_reason(crit, Outcome.UNKNOWN, "EMPLOYMENT_START_UNKNOWN", evidence)
    months = whole_months(start, date(ctx.year + 1, 1, 1))
    evidence.update({"employment_start": iso(start), "months": months})
    if ctx.history.leave_months_counted:
        evidence["leave_months_counted"] = ctx.history.leave_months_counted
    if months >= required:
        return make_reason(crit, Outcome.PASS, "MONTHS_WORKED_OK", evidence)
    return make_reason(crit, Outcome.FAIL, "MONTHS_WORKED_SHORT", evidence)


def attestation(crit: CriterionDef, ctx: CheckContext) -> Reason:
    """A qualitative criterion only an officer can confirm. The attestation key is the criterion id
    (shared by awards that name the same quality) or "<AWARD_CODE>.<id>" for one award only."""
    for key in (crit.id, f"{ctx.award_code}.{crit.id}"):
        if key in ctx.history.attested:
            return make_reason(crit, Outcome.PASS, "ATTESTED", {"attested": key})
    evidence = {"attestation_key": crit.id}
    if crit.params["when_missing"] == "fail":
        return make_reason(crit, Outcome.FAIL, "NOT_ATTESTED", evidence)
    return make_reason(crit, Outcome.UNKNOWN, "NEEDS_ATTESTATION", evidence)
