"""Per-check tables for collectives (Bắc Ninh model for TTLĐTT / TTLĐXS) and the combinators."""

from __future__ import annotations

import pytest
from rules_factories import collective, crit_dict, members, ratings, run

from thidua_desktop.domain.enums import DisciplineLevel, TaskRating
from thidua_desktop.domain.records import History, MemberSummary
from thidua_desktop.rules.results import Outcome

# ---------------------------------------------------------------- member_share_with_title
# TTLĐTT: "≥ 70% of members LĐTT".

SHARE = {"award_codes": ["LDTT", "CSTDCS"], "min_share": 0.7}


@pytest.mark.parametrize(
    ("total", "holders", "outcome", "code"),
    [
        (10, 7, Outcome.PASS, "MEMBER_SHARE_OK"),  # exactly 70%
        (1000, 699, Outcome.FAIL, "MEMBER_SHARE_LOW"),  # 69.9%
        (1000, 700, Outcome.PASS, "MEMBER_SHARE_OK"),
        (10, 6, Outcome.FAIL, "MEMBER_SHARE_LOW"),
        (3, 3, Outcome.PASS, "MEMBER_SHARE_OK"),
        (3, 2, Outcome.FAIL, "MEMBER_SHARE_LOW"),  # 66.7%
        (0, 0, Outcome.UNKNOWN, "MEMBERS_UNKNOWN"),
    ],
)
def test_member_share_with_title(total: int, holders: int, outcome: Outcome, code: str) -> None:
    reason = run("member_share_with_title", SHARE, History(members=members(total, holders)),
                 candidate=collective())
    assert (reason.outcome, reason.code) == (outcome, code)
    if total:
        assert reason.evidence["members"] == total and reason.evidence["with_title"] == holders


def test_member_share_counts_any_listed_title() -> None:
    hist = History(members=(*members(7, 4), *members(3, 3, title="CSTDCS")))
    assert run("member_share_with_title", SHARE, hist).code == "MEMBER_SHARE_OK"
    assert run("member_share_with_title", {**SHARE, "award_codes": ["LDTT"]}, hist).code == "MEMBER_SHARE_LOW"


# ---------------------------------------------------------------- members_all_completed
# TTLĐXS: "100% of members complete their tasks".


def _m(pid: str, rating: str | None) -> MemberSummary:
    return MemberSummary(pid, rating=TaskRating(rating) if rating else None)


@pytest.mark.parametrize(
    ("given", "outcome", "code"),
    [
        ([_m("a", "completed"), _m("b", "excellent")], Outcome.PASS, "MEMBERS_ALL_COMPLETED"),
        ([_m("a", "completed"), _m("b", "not_completed")], Outcome.FAIL, "MEMBERS_NOT_ALL_COMPLETED"),
        ([_m("a", "good"), _m("b", None)], Outcome.UNKNOWN, "MEMBER_RATING_MISSING"),
        ([_m("a", "not_completed"), _m("b", None)], Outcome.FAIL, "MEMBERS_NOT_ALL_COMPLETED"),
        ([], Outcome.UNKNOWN, "MEMBERS_UNKNOWN"),
    ],
)
def test_members_all_completed(given: list[MemberSummary], outcome: Outcome, code: str) -> None:
    reason = run("members_all_completed", {"min_rating": "completed"}, History(members=tuple(given)),
                 candidate=collective())
    assert (reason.outcome, reason.code) == (outcome, code)


def test_members_not_all_completed_names_them() -> None:
    reason = run("members_all_completed", {"min_rating": "completed"},
                 History(members=(_m("a", "completed"), _m("b", "not_completed"))))
    assert reason.evidence["below"] == ["b"]


# ---------------------------------------------------------------- member_has_title
# TTLĐXS: "at least one CSTĐCS".


@pytest.mark.parametrize(
    ("holders", "count", "outcome", "code"),
    [
        (1, 1, Outcome.PASS, "MEMBER_TITLE_OK"),
        (0, 1, Outcome.FAIL, "MEMBER_TITLE_MISSING"),
        (1, 2, Outcome.FAIL, "MEMBER_TITLE_MISSING"),
        (3, 2, Outcome.PASS, "MEMBER_TITLE_OK"),
    ],
)
def test_member_has_title(holders: int, count: int, outcome: Outcome, code: str) -> None:
    reason = run("member_has_title", {"award_codes": ["CSTDCS"], "count": count},
                 History(members=members(10, holders, title="CSTDCS")))
    assert (reason.outcome, reason.code) == (outcome, code)
    assert len(reason.evidence["holders"]) == holders


def test_member_has_title_without_members_is_unknown() -> None:
    reason = run("member_has_title", {"award_codes": ["CSTDCS"], "count": 1}, History())
    assert reason.outcome is Outcome.UNKNOWN


# ---------------------------------------------------------------- no_member_disciplined
# TTLĐTT/TTLĐXS: "no member disciplined at cảnh cáo or above".


def _disciplined(level: str | None) -> MemberSummary:
    return MemberSummary("x", worst_discipline=DisciplineLevel(level) if level else None)


@pytest.mark.parametrize(
    ("level", "outcome", "code"),
    [
        (None, Outcome.PASS, "MEMBERS_NOT_DISCIPLINED"),
        ("reprimand", Outcome.PASS, "MEMBERS_NOT_DISCIPLINED"),  # khiển trách is below cảnh cáo
        ("warning", Outcome.FAIL, "MEMBER_DISCIPLINED"),  # the boundary itself fails
        ("dismissal", Outcome.FAIL, "MEMBER_DISCIPLINED"),
    ],
)
def test_no_member_disciplined(level: str | None, outcome: Outcome, code: str) -> None:
    hist = History(members=(*members(4), _disciplined(level)))
    reason = run("no_member_disciplined", {"min_level": "warning"}, hist, candidate=collective())
    assert (reason.outcome, reason.code) == (outcome, code)


def test_no_member_disciplined_without_members_is_unknown() -> None:
    assert run("no_member_disciplined", {"min_level": "warning"}, History()).code == "MEMBERS_UNKNOWN"


# ---------------------------------------------------------------- one_of / all_of
# Law Art. 23(2): HTXSNV OR a recognised initiative (an initiative is NOT required).

PASSING = crit_dict("attestation", {}, "yes")
UNSURE = crit_dict("attestation", {}, "maybe")
FAILING = crit_dict("attestation", {"when_missing": "fail"}, "no")
ATTESTED = History(attested=frozenset({"yes"}))


@pytest.mark.parametrize(
    ("options", "outcome", "code"),
    [
        ([FAILING, PASSING], Outcome.PASS, "ONE_OF_OK"),
        ([UNSURE, PASSING], Outcome.PASS, "ONE_OF_OK"),  # one pass is enough
        ([FAILING, UNSURE], Outcome.UNKNOWN, "ONE_OF_UNKNOWN"),
        ([FAILING], Outcome.FAIL, "ONE_OF_NONE"),
    ],
)
def test_one_of(options: list[dict[str, object]], outcome: Outcome, code: str) -> None:
    reason = run("one_of", options=options, history=ATTESTED)
    assert (reason.outcome, reason.code) == (outcome, code)
    assert len(reason.children) == len(options)


@pytest.mark.parametrize(
    ("options", "outcome", "code"),
    [
        ([PASSING, PASSING | {"id": "yes2"}], Outcome.PASS, "ALL_OF_OK"),
        ([PASSING, UNSURE], Outcome.UNKNOWN, "ALL_OF_UNKNOWN"),
        ([UNSURE, FAILING], Outcome.FAIL, "ALL_OF_FAILED"),  # a failure beats an unknown
    ],
)
def test_all_of(options: list[dict[str, object]], outcome: Outcome, code: str) -> None:
    hist = History(attested=frozenset({"yes", "yes2"}))
    reason = run("all_of", options=options, history=hist)
    assert (reason.outcome, reason.code) == (outcome, code)


def test_cstdcs_point_2_excellent_rating_alone_is_enough() -> None:
    options = [
        crit_dict("task_rating_at_least", {"level": "excellent", "consecutive_years": 1}, "excellent"),
        crit_dict("initiatives", {"min_level": "grassroots", "count": 1, "within_years": 1}, "initiative"),
    ]
    reason = run("one_of", options=options, history=History(ratings=ratings(y2025="excellent")))
    assert reason.outcome is Outcome.PASS
    assert reason.evidence["passed"] == ["excellent"]
    assert [c.code for c in reason.children] == ["RATING_OK", "INITIATIVE_MISSING"]


def test_every_check_name_has_a_table() -> None:
    # Each check must be exercised directly by these two table modules, not only through awards.
    from pathlib import Path

    from thidua_desktop.rules import CHECK_NAMES

    here = Path(__file__).parent
    source = "".join((here / n).read_text(encoding="utf-8")
                     for n in ("test_rules_checks_person.py", "test_rules_checks_members.py"))
    tested = {name for name in CHECK_NAMES if f'run("{name}"' in source}
    assert tested == set(CHECK_NAMES)
