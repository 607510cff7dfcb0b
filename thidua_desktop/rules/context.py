"""Shared plumbing for the check functions."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import date
from typing import Any

from thidua_desktop.domain.records import Candidate, History

from .definitions import CriterionDef
from .results import Outcome, Reason


@dataclass(frozen=True)
class CheckContext:
    """Everything a check may read. ``year`` is the year of achievement being evaluated;
    ``as_of`` is the day of evaluation (open complaints are judged on that day)."""

    candidate: Candidate
    history: History
    as_of: date
    year: int
    award_code: str


CheckFn = Callable[[CriterionDef, CheckContext], Reason]


def make_reason(
    crit: CriterionDef,
    outcome: Outcome,
    code: str,
    evidence: Mapping[str, Any] | None = None,
    children: tuple[Reason, ...] = (),
) -> Reason:
    return Reason(
        criterion_id=crit.id,
        check=crit.check,
        outcome=outcome,
        code=code,
        evidence=dict(evidence or {}),
        verified=crit.source.verified,
        children=children,
        label_vi=crit.label_vi,
        label_en=crit.label_en,
    )


def iso(day: date | None) -> str | None:
    return None if day is None else day.isoformat()


def add_months(day: date, months: int) -> date:
    """``day`` plus whole months, clamped to the month's last day (31/8 + 1 month = 30/9)."""
    total = day.year * 12 + day.month - 1 + months
    year, month = divmod(total, 12)
    month += 1
    for last in (31, 30, 29, 28):
        try:
            return date(year, month, min(day.day, last))
        except ValueError:
            continue
    raise AssertionError("unreachable")  # pragma: no cover


def whole_months(start: date, end_exclusive: date) -> int:
    """Complete months from ``start`` up to (not including) ``end_exclusive``."""
    if start >= end_exclusive:
        return 0
    months = (end_exclusive.year - start.year) * 12 + end_exclusive.month - start.month
    while months > 0 and add_months(start, months) > end_exclusive:
        months -= 1
    return months
