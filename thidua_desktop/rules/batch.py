"""Batch-level rules: quotas, council votes, reward money, base salary and tie-breaks."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import ROUND_CEILING, ROUND_FLOOR, ROUND_HALF_UP, Decimal
from fractions import Fraction

from thidua_desktop.domain.enums import Gender, SubjectType
from thidua_desktop.domain.errors import DomainError, ValidationError
from thidua_desktop.domain.records import Candidate

from .catalog import Catalog
from .definitions import AwardDef, QuotaRule, Rounding, VoteBase, VoteComparison, VoteRule

_ROUNDING = {
    Rounding.FLOOR: ROUND_FLOOR,
    Rounding.CEIL: ROUND_CEILING,
    Rounding.ROUND_HALF_UP: ROUND_HALF_UP,
}

REWARD_ROUNDING_STEP = 10_000  # Decree 152/2025 Art. 49: round up to the nearest 10,000 đồng


@dataclass(frozen=True)
class QuotaResult:
    enabled: bool
    limit: int | None  # None when no quota applies
    count: int
    within: bool
    base_count: int = 0


def check_quota(quota: QuotaRule | None, nominated: int, base_count: int) -> QuotaResult:
    """``nominated`` candidates for the award against ``max_ratio`` × ``base_count`` (e.g. the
    number of LĐTT in the batch), rounded per the rule."""
    if nominated < 0:
        raise ValidationError("VALUE_NEGATIVE", field="nominated", value=nominated)
    if base_count < 0:
        raise ValidationError("VALUE_NEGATIVE", field="base_count", value=base_count)
    if quota is None or not quota.enabled:
        return QuotaResult(enabled=False, limit=None, count=nominated, within=True, base_count=base_count)
    # Decimal from the text of the ratio: 0.15 × 20 must be exactly 3, not 3.0000000000000004.
    raw = Decimal(str(quota.max_ratio)) * base_count
    limit = int(raw.quantize(Decimal(1), rounding=_ROUNDING[quota.rounding]))
    return QuotaResult(enabled=True, limit=limit, count=nominated, within=nominated <= limit,
                       base_count=base_count)


@dataclass(frozen=True)
class VoteResult:
    pct_of_all: float
    pct_of_present: float | None  # None when nobody was present
    threshold_pct: float
    passed: bool
    base: VoteBase = VoteBase.ALL_MEMBERS


def vote_result(
    vote: VoteRule,
    members_total: int,
    members_present: int,
    votes_for: int,
    threshold_override: float | None = None,
) -> VoteResult:
    """Council vote on one nominee. By default the share is counted against ALL members (the
    Decree 98/2023 rule); absent members' written votes are included in ``votes_for``."""
    if members_total < 1:
        raise ValidationError("VALUE_OUT_OF_RANGE", field="members_total", value=members_total)
    if not 0 <= members_present <= members_total:
        raise ValidationError("VALUE_OUT_OF_RANGE", field="members_present", value=members_present)
    if not 0 <= votes_for <= members_total:
        raise ValidationError("VALUE_OUT_OF_RANGE", field="votes_for", value=votes_for)
    threshold = vote.threshold_pct if threshold_override is None else threshold_override
    if not 0 <= threshold <= 100:
        raise ValidationError("VALUE_OUT_OF_RANGE", field="threshold_override", value=threshold)
    base_count = members_total if vote.base is VoteBase.ALL_MEMBERS else members_present
    if base_count == 0:
        passed = False
    else:
        share = Fraction(votes_for * 100, base_count)
        limit = Fraction(str(threshold))
        passed = share > limit if vote.comparison is VoteComparison.MORE_THAN else share >= limit
    return VoteResult(
        pct_of_all=round(votes_for * 100 / members_total, 2),
        pct_of_present=round(votes_for * 100 / members_present, 2) if members_present else None,
        threshold_pct=threshold,
        passed=passed,
        base=vote.base,
    )


def reward_amount(award: AwardDef, base_salary: int, household: bool = False) -> int | None:
    """Base salary × multiplier (× the household factor for a household), rounded UP to the
    nearest 10,000 đồng (Decree 152/2025 Art. 49). None when a needed figure is not in the catalog:
    an unknown multiplier is never guessed."""
    if base_salary <= 0:
        raise ValidationError("VALUE_OUT_OF_RANGE", field="base_salary", value=base_salary)
    rule = award.reward
    if rule.multiplier is None:
        return None
    amount = Decimal(base_salary) * Decimal(str(rule.multiplier))
    if household or award.subject_type is SubjectType.HOUSEHOLD:
        if rule.household_factor is None:
            return None
        amount *= Decimal(str(rule.household_factor))
    steps = (amount / REWARD_ROUNDING_STEP).to_integral_value(rounding=ROUND_CEILING)
    return int(steps) * REWARD_ROUNDING_STEP


def base_salary_on(catalog: Catalog, day: date) -> int:
    """The base salary in force on ``day`` (Art. 49: the day of the award decision)."""
    amount: int | None = None
    for entry in catalog.parameters.base_salary:  # sorted by valid_from
        if entry.valid_from <= day:
            amount = entry.amount
    if amount is None:
        raise DomainError("BASE_SALARY_UNKNOWN", field="day", day=day.isoformat())
    return amount


def tie_break_key(candidate: Candidate, min_women_share: float = 0.7) -> tuple[int]:
    """Sort key for equally qualified candidates: women first, and collectives with at least
    ``min_women_share`` women first (Decree 152/2025 Art. 4(6)). ``sorted`` is stable, so the
    existing order is kept otherwise. Pass ``catalog.parameters.women_priority_share``."""
    if candidate.subject_type is SubjectType.COLLECTIVE:
        share = candidate.women_share
        # A tiny tolerance so that 7/10 computed in floating point still counts as 70%.
        preferred = share is not None and share + 1e-9 >= min_women_share
    else:
        preferred = candidate.gender is Gender.FEMALE
    return (0 if preferred else 1,)
