"""Checks on a collective's members (History.members, summarised for the evaluated year)."""

from __future__ import annotations

from fractions import Fraction
from typing import Any

from thidua_desktop.domain.enums import DisciplineLevel, TaskRating

from .context import CheckContext, make_reason
from .definitions import CriterionDef
from .results import Outcome, Reason


def _no_members(crit: CriterionDef) -> Reason:
    return make_reason(crit, Outcome.UNKNOWN, "MEMBERS_UNKNOWN", {"members": 0})


def member_share_with_title(crit: CriterionDef, ctx: CheckContext) -> Reason:
    members = ctx.history.members
    if not members:
        return _no_members(crit)
    codes = frozenset(crit.params["award_codes"])
    holders = sum(1 for m in members if m.titles & codes)
    min_share = crit.params["min_share"]
    evidence: dict[str, Any] = {
        "award_codes": list(crit.params["award_codes"]),
        "members": len(members),
        "with_title": holders,
        "share": round(holders / len(members), 4),
        "min_share": min_share,
    }
    # Exact arithmetic: 7 of 10 is exactly 70% and must pass; floats would not guarantee that.
    if Fraction(holders, len(members)) >= Fraction(str(min_share)):
        return make_reason(crit, Outcome.PASS, "MEMBER_SHARE_OK", evidence)
    return make_reason(crit, Outcome.FAIL, "MEMBER_SHARE_LOW", evidence)


def members_all_completed(crit: CriterionDef, ctx: CheckContext) -> Reason:
    members = ctx.history.members
    if not members:
        return _no_members(crit)
    min_rating: TaskRating = crit.params["min_rating"]
    below = [m.person_id for m in members if m.rating is not None and not m.rating.at_least(min_rating)]
    missing = [m.person_id for m in members if m.rating is None]
    evidence: dict[str, Any] = {"min_rating": min_rating.value, "members": len(members)}
    if below:
        return make_reason(crit, Outcome.FAIL, "MEMBERS_NOT_ALL_COMPLETED", {**evidence, "below": below})
    if missing:
        return make_reason(crit, Outcome.UNKNOWN, "MEMBER_RATING_MISSING", {**evidence, "missing": missing})
    return make_reason(crit, Outcome.PASS, "MEMBERS_ALL_COMPLETED", evidence)


def member_has_title(crit: CriterionDef, ctx: CheckContext) -> Reason:
    members = ctx.history.members
    if not members:
        return _no_members(crit)
    codes = frozenset(crit.params["award_codes"])
    required: int = crit.params["count"]
    holders = [m.person_id for m in members if m.titles & codes]
    evidence: dict[str, Any] = {
        "award_codes": list(crit.params["award_codes"]),
        "required": required,
        "holders": holders,
    }
    if len(holders) >= required:
        return make_reason(crit, Outcome.PASS, "MEMBER_TITLE_OK", evidence)
    return make_reason(crit, Outcome.FAIL, "MEMBER_TITLE_MISSING", evidence)


def no_member_disciplined(crit: CriterionDef, ctx: CheckContext) -> Reason:
    members = ctx.history.members
    if not members:
        return _no_members(crit)
    min_level: DisciplineLevel = crit.params["min_level"]
    hits = [
        {"person_id": m.person_id, "level": m.worst_discipline.value}
        for m in members
        if m.worst_discipline is not None and m.worst_discipline.at_least(min_level)
    ]
    evidence: dict[str, Any] = {"min_level": min_level.value, "members": len(members)}
    if hits:
        return make_reason(crit, Outcome.FAIL, "MEMBER_DISCIPLINED", {**evidence, "disciplined": hits})
    return make_reason(crit, Outcome.PASS, "MEMBERS_NOT_DISCIPLINED", evidence)
