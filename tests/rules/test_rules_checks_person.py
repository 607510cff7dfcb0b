"""Per-check tables for the candidate's own record, taken from the legal text (LEGAL-REFERENCE §0)."""

from __future__ import annotations

import json
from datetime import date

import pytest
from rules_factories import (
    AS_OF,
    discipline,
    initiative,
    pending,
    person,
    ratings,
    run,
    titles,
)

from thidua_desktop.domain.enums import CommendationKind
from thidua_desktop.domain.records import History
from thidua_desktop.rules.results import Outcome

# ---------------------------------------------------------------- task_rating_at_least
# Law Art. 24(1)(a): LĐTT needs "hoàn thành tốt nhiệm vụ trở lên" (HTTNV or better).


@pytest.mark.parametrize(
    ("level", "years", "given", "outcome", "code"),
    [
        ("good", 1, {"y2025": "good"}, Outcome.PASS, "RATING_OK"),  # HTTNV meets HTTNV
        ("good", 1, {"y2025": "excellent"}, Outcome.PASS, "RATING_OK"),  # HTXSNV is above
        ("good", 1, {"y2025": "completed"}, Outcome.FAIL, "RATING_TOO_LOW"),  # HTNV is below HTTNV
        ("good", 1, {"y2025": "not_completed"}, Outcome.FAIL, "RATING_TOO_LOW"),
        ("good", 1, {}, Outcome.UNKNOWN, "RATING_MISSING"),
        ("good", 1, {"y2024": "excellent"}, Outcome.UNKNOWN, "RATING_MISSING"),  # only the evaluated year
        ("excellent", 1, {"y2025": "good"}, Outcome.FAIL, "RATING_TOO_LOW"),  # CSTĐCS point 2
        # BK tỉnh: 2 consecutive years HTXSNV
        ("excellent", 2, {"y2024": "excellent", "y2025": "excellent"}, Outcome.PASS, "RATING_OK"),
        ("excellent", 2, {"y2024": "good", "y2025": "excellent"}, Outcome.FAIL, "RATING_TOO_LOW"),
        ("excellent", 2, {"y2025": "excellent"}, Outcome.UNKNOWN, "RATING_MISSING"),
        ("excellent", 2, {"y2023": "excellent", "y2025": "excellent"}, Outcome.UNKNOWN, "RATING_MISSING"),
        # a known low year fails even when another year is missing
        ("excellent", 2, {"y2025": "good"}, Outcome.FAIL, "RATING_TOO_LOW"),
    ],
)
def test_task_rating_at_least(level: str, years: int, given: dict[str, str], outcome: Outcome,
                              code: str) -> None:
    reason = run("task_rating_at_least", {"level": level, "consecutive_years": years},
                 History(ratings=ratings(**given)))
    assert (reason.outcome, reason.code) == (outcome, code)
    assert reason.evidence["years"] == list(range(2025 - years + 1, 2026))


def test_rating_evidence_names_the_years_and_documents() -> None:
    reason = run("task_rating_at_least", {"level": "good", "consecutive_years": 2},
                 History(ratings=ratings(y2024="good", y2025="completed")))
    assert reason.evidence["low_years"] == [2025]
    first = reason.evidence["ratings"][0]
    assert first == {"year": 2024, "rating": "good", "source_document": "QĐ đánh giá 2024"}
    json.dumps(reason.to_dict())  # evidence is JSON-serialisable


def test_two_ratings_for_one_year_the_lower_counts() -> None:
    hist = History(ratings=(*ratings(y2025="excellent"), *ratings(y2025="completed")))
    reason = run("task_rating_at_least", {"level": "good", "consecutive_years": 1}, hist)
    assert reason.code == "RATING_TOO_LOW"


# ---------------------------------------------------------------- title_streak
# Law Art. 22: CSTĐ tỉnh among those with "03 lần liên tục" CSTĐCS.

STREAK3 = {"award_codes": ["CSTDCS"], "times": 3, "ending": "evaluated_year"}


@pytest.mark.parametrize(
    ("years", "params", "outcome", "missing"),
    [
        ((2023, 2024, 2025), STREAK3, Outcome.PASS, None),
        ((2022, 2023, 2024, 2025), STREAK3, Outcome.PASS, None),  # a longer streak includes 3
        ((2022, 2023, 2025), STREAK3, Outcome.FAIL, [2024]),  # a gap breaks "liên tục"
        ((2022, 2023, 2024), STREAK3, Outcome.FAIL, [2025]),  # must end with the evaluated year
        ((2022, 2023, 2024), {**STREAK3, "ending": "previous_year"}, Outcome.PASS, None),
        ((2024, 2025), STREAK3, Outcome.FAIL, [2023]),
        ((), STREAK3, Outcome.FAIL, [2023, 2024, 2025]),
        # CSTĐ toàn quốc: 2 consecutive CSTĐ tỉnh, each after 3 years
        ((2022, 2025), {"award_codes": ["CSTDCS"], "times": 2, "ending": "evaluated_year", "step_years": 3},
         Outcome.PASS, None),
        ((2023, 2025), {"award_codes": ["CSTDCS"], "times": 2, "ending": "evaluated_year", "step_years": 3},
         Outcome.FAIL, [2022]),
    ],
)
def test_title_streak(years: tuple[int, ...], params: dict[str, object], outcome: Outcome,
                      missing: list[int] | None) -> None:
    reason = run("title_streak", params, History(awards=titles("CSTDCS", *years)))
    assert reason.outcome is outcome
    assert reason.code == ("TITLE_STREAK_OK" if outcome is Outcome.PASS else "TITLE_STREAK_SHORT")
    assert reason.evidence.get("missing_years") == missing


def test_title_streak_evidence_lists_decisions() -> None:
    reason = run("title_streak", {"award_codes": ["LDTT"], "times": 2, "ending": "evaluated_year"},
                 History(awards=titles("LDTT", 2024, 2025)))
    assert reason.evidence["awards"] == [
        {"year": 2024, "award_code": "LDTT", "decision_number": "24/QĐ-UBND", "decision_date": "2024-12-20"},
        {"year": 2025, "award_code": "LDTT", "decision_number": "25/QĐ-UBND", "decision_date": "2025-12-20"},
    ]


def test_title_streak_accepts_any_listed_code() -> None:
    hist = History(awards=(*titles("LDTT", 2024), *titles("CSTT", 2025)))
    params = {"award_codes": ["LDTT", "CSTT"], "times": 2, "ending": "evaluated_year"}
    assert run("title_streak", params, hist).outcome is Outcome.PASS


def test_title_streak_ignores_thematic_awards() -> None:
    # Decree 152/2025 Art. 4(3): thematic and ad-hoc awards are not grounds for a merit award.
    thematic = titles("CSTDCS", 2024, kind=CommendationKind.THEMATIC)
    hist = History(awards=(*titles("CSTDCS", 2023, 2025), *thematic))
    assert run("title_streak", STREAK3, hist).evidence["missing_years"] == [2024]


# ---------------------------------------------------------------- initiatives
# Law Art. 5(2)(c), CV 5007/BNV-TĐKT: one initiative backs only one award.

ONE_GRASSROOTS = {"min_level": "grassroots", "count": 1, "within_years": 1}


@pytest.mark.parametrize(
    ("params", "records", "outcome", "code"),
    [
        (ONE_GRASSROOTS, [initiative(2025)], Outcome.PASS, "INITIATIVE_OK"),
        (ONE_GRASSROOTS, [initiative(2025, "provincial")], Outcome.PASS, "INITIATIVE_OK"),  # higher counts
        (ONE_GRASSROOTS, [initiative(2024)], Outcome.FAIL, "INITIATIVE_MISSING"),  # outside the window
        (ONE_GRASSROOTS, [initiative(2026)], Outcome.FAIL, "INITIATIVE_MISSING"),  # after the year
        (ONE_GRASSROOTS, [], Outcome.FAIL, "INITIATIVE_MISSING"),
        (ONE_GRASSROOTS, [initiative(2025, used_by="nom-17")], Outcome.FAIL, "INITIATIVE_ALREADY_USED"),
        ({"min_level": "provincial", "count": 1, "within_years": 3}, [initiative(2024)], Outcome.FAIL,
         "INITIATIVE_MISSING"),  # a grassroots initiative is not provincial
        ({"min_level": "provincial", "count": 1, "within_years": 3}, [initiative(2023, "provincial")],
         Outcome.PASS, "INITIATIVE_OK"),
        ({"min_level": "grassroots", "count": 2, "within_years": 2}, [initiative(2024), initiative(2025)],
         Outcome.PASS, "INITIATIVE_OK"),
        ({"min_level": "grassroots", "count": 2, "within_years": 2},
         [initiative(2024), initiative(2025, used_by="nom-3")], Outcome.FAIL, "INITIATIVE_ALREADY_USED"),
        ({"min_level": "grassroots", "count": 2, "within_years": 2}, [initiative(2025)], Outcome.FAIL,
         "INITIATIVE_MISSING"),
    ],
)
def test_initiatives(params: dict[str, object], records: list[object], outcome: Outcome, code: str) -> None:
    reason = run("initiatives", params, History(initiatives=tuple(records)))  # type: ignore[arg-type]
    assert (reason.outcome, reason.code) == (outcome, code)


def test_initiatives_spend_the_lowest_sufficient_level() -> None:
    # Keep the provincial initiative free for a CSTĐ tỉnh nomination.
    hist = History(initiatives=(initiative(2025, "provincial"), initiative(2025, "grassroots")))
    reason = run("initiatives", ONE_GRASSROOTS, hist)
    assert [i["level"] for i in reason.evidence["initiatives"]] == ["grassroots"]


def test_initiative_already_used_names_the_user() -> None:
    reason = run("initiatives", ONE_GRASSROOTS, History(initiatives=(initiative(2025, used_by="nom-17"),)))
    assert reason.evidence["already_used"][0]["used_by"] == "nom-17"


# ---------------------------------------------------------------- no_discipline
# Decree 152/2025 Art. 4(4): achievements count from the end of a discipline period.

NO_REPRIMAND = {"min_level": "reprimand"}
THREE_YEARS = {"min_level": "reprimand", "years": 3}


@pytest.mark.parametrize(
    ("params", "records", "outcome", "code"),
    [
        (NO_REPRIMAND, [], Outcome.PASS, "DISCIPLINE_NONE"),
        (NO_REPRIMAND, [discipline("reprimand", date(2024, 1, 10), date(2024, 12, 31))], Outcome.PASS,
         "DISCIPLINE_NONE"),  # ended before the evaluated year
        (NO_REPRIMAND, [discipline("reprimand", date(2024, 1, 10), date(2025, 1, 1))], Outcome.FAIL,
         "DISCIPLINE_IN_PERIOD"),  # one day of overlap is an overlap
        (NO_REPRIMAND, [discipline("reprimand", date(2025, 3, 1), date(2026, 3, 1))], Outcome.FAIL,
         "DISCIPLINE_IN_PERIOD"),
        (NO_REPRIMAND, [discipline("reprimand", date(2026, 1, 5), date(2026, 7, 5))], Outcome.PASS,
         "DISCIPLINE_NONE"),  # decided after the evaluated year
        ({"min_level": "warning"}, [discipline("reprimand", date(2025, 3, 1), date(2026, 3, 1))],
         Outcome.PASS, "DISCIPLINE_NONE"),  # below the level that counts
        ({"min_level": "warning"}, [discipline("dismissal", date(2025, 3, 1), date(2026, 3, 1))],
         Outcome.FAIL, "DISCIPLINE_IN_PERIOD"),
        (NO_REPRIMAND, [discipline("reprimand", date(2025, 6, 1), None)], Outcome.FAIL,
         "DISCIPLINE_IN_PERIOD"),  # decided within the year: overlaps whatever its end
        (NO_REPRIMAND, [discipline("reprimand", date(2024, 6, 1), None)], Outcome.UNKNOWN,
         "DISCIPLINE_END_UNKNOWN"),  # may or may not have run into the year
        (THREE_YEARS, [discipline("warning", date(2023, 2, 1), date(2023, 8, 1))],
         Outcome.FAIL, "DISCIPLINE_IN_PERIOD"),  # multi-year achievement period
        (THREE_YEARS, [discipline("warning", date(2022, 2, 1), date(2022, 12, 31))],
         Outcome.PASS, "DISCIPLINE_NONE"),
    ],
)
def test_no_discipline(params: dict[str, object], records: list[object], outcome: Outcome, code: str) -> None:
    reason = run("no_discipline", params, History(disciplines=tuple(records)))  # type: ignore[arg-type]
    assert (reason.outcome, reason.code) == (outcome, code)


def test_discipline_evidence() -> None:
    reason = run("no_discipline", NO_REPRIMAND,
                 History(disciplines=(discipline("warning", date(2025, 3, 1), date(2026, 3, 1)),)))
    assert reason.evidence["period"] == ["2025-01-01", "2025-12-31"]
    assert reason.evidence["disciplines"][0]["level"] == "warning"


# ---------------------------------------------------------------- no_pending_matter
# Decree 152/2025 Art. 4(4): defer while a review, investigation or complaint is open.


@pytest.mark.parametrize(
    ("matters", "outcome", "code"),
    [
        ([], Outcome.PASS, "PENDING_NONE"),
        ([pending("complaint", date(2025, 10, 1))], Outcome.FAIL, "PENDING_MATTER_OPEN"),
        ([pending("complaint", date(2025, 10, 1), date(2025, 11, 30))], Outcome.PASS, "PENDING_NONE"),
        ([pending("complaint", date(2025, 10, 1), AS_OF)], Outcome.PASS, "PENDING_NONE"),  # closed that day
        ([pending("complaint", date(2025, 10, 1), date(2025, 12, 16))], Outcome.FAIL, "PENDING_MATTER_OPEN"),
        ([pending("investigation", AS_OF)], Outcome.FAIL, "PENDING_MATTER_OPEN"),  # opened that day
        ([pending("discipline_review", date(2025, 12, 20))], Outcome.PASS, "PENDING_NONE"),  # opens later
        ([pending("discipline_review", date(2025, 1, 5))], Outcome.FAIL, "PENDING_MATTER_OPEN"),
    ],
)
def test_no_pending_matter(matters: list[object], outcome: Outcome, code: str) -> None:
    reason = run("no_pending_matter", {}, History(pending=tuple(matters)))  # type: ignore[arg-type]
    assert (reason.outcome, reason.code) == (outcome, code)
    assert reason.evidence["as_of"] == "2025-12-15"


# ---------------------------------------------------------------- min_months_worked
# Newly recruited < 06 months: no LĐTT. Counted to 31/12 of the evaluated year.


@pytest.mark.parametrize(
    ("start", "outcome", "code", "months"),
    [
        (date(2025, 7, 1), Outcome.PASS, "MONTHS_WORKED_OK", 6),  # exactly 6 months
        (date(2025, 7, 2), Outcome.FAIL, "MONTHS_WORKED_SHORT", 5),  # one day short
        (date(2025, 6, 30), Outcome.PASS, "MONTHS_WORKED_OK", 6),
        (date(2025, 8, 31), Outcome.FAIL, "MONTHS_WORKED_SHORT", 4),
        (date(2025, 1, 1), Outcome.PASS, "MONTHS_WORKED_OK", 12),
        (date(2026, 1, 10), Outcome.FAIL, "MONTHS_WORKED_SHORT", 0),  # starts after the year
        (None, Outcome.UNKNOWN, "EMPLOYMENT_START_UNKNOWN", None),
    ],
)
def test_min_months_worked(start: date | None, outcome: Outcome, code: str, months: int | None) -> None:
    reason = run("min_months_worked", {"months": 6}, candidate=person(employment_start=start))
    assert (reason.outcome, reason.code) == (outcome, code)
    assert reason.evidence.get("months") == months


def test_maternity_leave_is_not_deducted() -> None:
    # Decree 152/2025 Art. 4(5): maternity leave counts towards the time needed.
    reason = run("min_months_worked", {"months": 6}, History(leave_months_counted=4),
                 candidate=person(employment_start=date(2025, 7, 1)))
    assert reason.outcome is Outcome.PASS
    assert reason.evidence["leave_months_counted"] == 4


# ---------------------------------------------------------------- attestation


@pytest.mark.parametrize(
    ("attested", "when_missing", "outcome", "code"),
    [
        ({"c"}, "unknown", Outcome.PASS, "ATTESTED"),
        ({"TEST.c"}, "unknown", Outcome.PASS, "ATTESTED"),  # attested for this award only
        ({"OTHER.c"}, "unknown", Outcome.UNKNOWN, "NEEDS_ATTESTATION"),  # for another award
        (set(), "unknown", Outcome.UNKNOWN, "NEEDS_ATTESTATION"),
        (set(), "fail", Outcome.FAIL, "NOT_ATTESTED"),
        ({"c"}, "fail", Outcome.PASS, "ATTESTED"),
    ],
)
def test_attestation(attested: set[str], when_missing: str, outcome: Outcome, code: str) -> None:
    reason = run("attestation", {"when_missing": when_missing}, History(attested=frozenset(attested)))
    assert (reason.outcome, reason.code) == (outcome, code)


def test_reason_carries_label_and_verification() -> None:
    reason = run("attestation", {}, History(attested=frozenset({"c"})))
    assert reason.label_vi == "Tiêu chí c"
    assert reason.verified is True  # the test criterion's source has confidence H
