"""A movement indicator's result by its kind and its verdict by its direction (domain/indicators.py)."""

from __future__ import annotations

from datetime import date

import pytest

from thidua_desktop.domain.indicators import Reading, assess, default_direction, indicator_result

D1, D2, D3 = date(2026, 3, 1), date(2026, 6, 30), date(2026, 11, 15)


@pytest.mark.parametrize(("kind", "readings", "expected"), [
    # Counts add up every report: 3 models, then 2, then 1.
    ("count", [Reading(D1, 3), Reading(D2, 2), Reading(D3, 1)], 6),
    ("count", [Reading(D1, 2.5)], 2.5),
    ("count", [], None),
    # Levels and percentages take the latest report, whatever order the rows come in.
    ("level", [Reading(D3, 38.2), Reading(D1, 33.0), Reading(D2, 35.5)], 38.2),
    ("percentage", [Reading(D2, 14.0), Reading(D3, 12.5), Reading(D1, 16.0)], 12.5),
    ("percentage", [], None),
    # Two reports on one day: the later write (clock, then id) is the latest.
    ("percentage", [Reading(D2, 14.0, (7, "b")), Reading(D2, 13.0, (9, "a"))], 13.0),
    # An unknown kind (a newer app's) is summed, as every indicator was before kinds.
    ("ratio", [Reading(D1, 1), Reading(D2, 2)], 3),
])
def test_result_by_kind(kind: str, readings: list[Reading], expected: float | None) -> None:
    assert indicator_result(kind, readings) == expected


@pytest.mark.parametrize(
    ("direction", "baseline", "target", "result", "achieved", "percent", "progress", "verdict"), [
        # Up: met when the result reaches the target; rate = result ÷ target, the bar stops full.
        ("up", 32, 45, 38, False, 38 / 45 * 100, 38 / 45, "not_met"),
        ("up", 32, 45, 45, True, 100, 1.0, "met"),
        ("up", 85, 95, 97, True, 97 / 95 * 100, 1.0, "met"),
        ("up", None, 10, 12, True, 120, 1.0, "met"),
        # Down (poverty rate 18.5 % → 10 %): met at or below the target; the rate is the share of the
        # planned reduction already done, so 8 % against a target of 5 % is not met.
        ("down", 18.5, 5, 8, False, (18.5 - 8) / (18.5 - 5) * 100, (18.5 - 8) / 13.5, "not_met"),
        ("down", 18.5, 10, 14.25, False, 50, 0.5, "not_met"),
        ("down", 18.5, 10, 10, True, 100, 1.0, "met"),
        ("down", 18.5, 10, 9, True, 9.5 / 8.5 * 100, 1.0, "met"),
        ("down", 18.5, 10, 20, False, -1.5 / 8.5 * 100, 0.0, "not_met"),  # worse than the start
        ("down", None, 5, 8, False, 5 / 8 * 100, 5 / 8, "not_met"),  # no baseline: target ÷ result
        ("down", 3, 0, 0, True, 100, 1.0, "met"),  # no incidents at all: met, no division by zero
        ("up", 0, 0, 0, True, 100, 1.0, "met"),
        # Nothing reported, or no target: no verdict.
        ("up", 32, 45, None, None, None, None, "no_data"),
        ("down", 18.5, None, 12, None, None, None, ""),
    ])
def test_verdict_and_progress_by_direction(direction: str, baseline: float | None, target: float | None,
                                           result: float | None, achieved: bool | None, percent: float | None,
                                           progress: float | None, verdict: str) -> None:
    a = assess(direction, baseline, target, result)
    assert (a.result, a.achieved, a.verdict) == (result, achieved, verdict)
    assert a.percent == (pytest.approx(percent) if percent is not None else None)
    assert a.progress == (pytest.approx(progress) if progress is not None else None)


@pytest.mark.parametrize(("baseline", "target", "direction"), [
    (18.5, 10, "down"), (32, 45, "up"), (None, 10, "up"), (5, None, "up"), (10, 10, "up")])
def test_direction_assumed_for_rows_without_one(baseline: float | None, target: float | None,
                                                direction: str) -> None:
    assert default_direction(baseline, target) == direction
