"""How a movement indicator (chỉ tiêu) is read from the values its activities reported.

An indicator has a kind and a direction:

- ``count`` (number of models, trainings, houses …): every reported value adds to the result;
- ``level`` (average income) and ``percentage`` (poverty rate, share of officials rated HTTNV or
  better): a reported value is the state at that date, so the latest one is the result;
- ``up``: higher is better, achieved when the result reaches the target;
- ``down``: lower is better (poverty rate), achieved when the result is at or below the target.

Pure functions, stdlib only; the services, the screens, the report and the workbook all use them."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from enum import StrEnum


class IndicatorKind(StrEnum):
    COUNT = "count"  # summed over the activities' values
    LEVEL = "level"  # the latest reported value
    PERCENTAGE = "percentage"  # the latest reported value, in %


class Direction(StrEnum):
    UP = "up"  # higher is better
    DOWN = "down"  # lower is better


@dataclass(frozen=True)
class Reading:
    """One value an activity reported. ``order`` breaks ties between readings of the same day
    (the row's clock, then its id): the later write is the later reading."""

    day: date
    value: float
    order: tuple[int | str, ...] = ()


@dataclass(frozen=True)
class Assessment:
    result: float | None  # None: nothing reported yet
    achieved: bool | None  # None: no result or no target
    percent: float | None  # how far towards the target, in %, may pass 100 (the report's "Tỷ lệ")
    progress: float | None  # ``percent`` kept within 0 … 1, for a bar

    @property
    def verdict(self) -> str:
        """"met", "not_met", "no_data" (nothing reported) or "" (no target to judge by)."""
        if self.result is None:
            return "no_data"
        if self.achieved is None:
            return ""
        return "met" if self.achieved else "not_met"


def is_latest_value(kind: str) -> bool:
    """Levels and percentages take the latest value; counts (and unknown kinds) are summed."""
    return kind in (IndicatorKind.LEVEL.value, IndicatorKind.PERCENTAGE.value)


def indicator_result(kind: str, readings: Iterable[Reading]) -> float | None:
    """The indicator's result from its readings: the sum for a count, the latest value (by day,
    then ``order``) for a level or a percentage; None when nothing was reported."""
    items = list(readings)
    if not items:
        return None
    if is_latest_value(kind):
        return max(items, key=lambda r: (r.day, r.order)).value
    return float(sum(r.value for r in items))


def default_direction(baseline: float | None, target: float | None) -> str:
    """The direction to assume where none was recorded (rows written before indicators had one):
    a target below the baseline is one to reduce."""
    if baseline is not None and target is not None and target < baseline:
        return Direction.DOWN.value
    return Direction.UP.value


def _percent(direction: str, baseline: float | None, target: float, result: float) -> float | None:
    if direction == Direction.DOWN.value:
        if baseline is not None and baseline > target:  # the share of the planned reduction achieved
            return (baseline - result) / (baseline - target) * 100
        if result > 0:
            return target / result * 100
        return 100.0 if result <= target else None
    return result / target * 100 if target else None


def assess(direction: str, baseline: float | None, target: float | None, result: float | None) -> Assessment:
    """Whether the result meets the target by the direction, and how far it has come.

    Up: the result against the target (result ÷ target). Down: from the baseline towards the target
    ((baseline − result) ÷ (baseline − target)); without a baseline above the target, target ÷ result."""
    if result is None:
        return Assessment(None, None, None, None)
    if target is None:
        return Assessment(result, None, None, None)
    down = direction == Direction.DOWN.value
    achieved = result <= target if down else result >= target
    percent = _percent(direction, baseline, target, result)
    if percent is None and achieved:
        percent = 100.0
    progress = None if percent is None else min(1.0, max(0.0, percent / 100))
    return Assessment(result, achieved, percent, progress)
