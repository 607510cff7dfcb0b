"""Quotas, council votes, reward money, base salary, tie-breaks and local overrides."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest
from rules_factories import collective, household, person

from thidua_desktop.domain.enums import Gender
from thidua_desktop.domain.errors import DomainError, ValidationError
from thidua_desktop.rules import (
    Confidence,
    QuotaRule,
    RewardRule,
    Rounding,
    SourceRef,
    VoteBase,
    apply_overrides,
    base_salary_on,
    check_quota,
    load_catalog,
    reward_amount,
    tie_break_key,
    vote_result,
)

CATALOG = load_catalog()
BASE = 2_340_000
SRC = SourceRef("test", Confidence.LOW)


def quota(rounding: str, ratio: float = 0.15, enabled: bool = True) -> QuotaRule:
    return QuotaRule(enabled, "ratio_of_award", "LDTT", ratio, Rounding(rounding), "batch", SRC)


# ---------------------------------------------------------------- quota (old 15% cap, off by default)


@pytest.mark.parametrize(
    ("rounding", "base", "limit"),
    [
        ("floor", 20, 3),  # 0.15 × 20 is exactly 3, not 3.0000000000000004
        ("ceil", 20, 3),
        ("floor", 19, 2),  # 2.85
        ("round_half_up", 19, 3),
        ("ceil", 19, 3),
        ("floor", 10, 1),  # 1.5
        ("round_half_up", 10, 2),
        ("round_half_up", 9, 1),  # 1.35
        ("ceil", 1, 1),
        ("floor", 0, 0),
    ],
)
def test_quota_rounding(rounding: str, base: int, limit: int) -> None:
    result = check_quota(quota(rounding), nominated=limit, base_count=base)
    assert (result.enabled, result.limit, result.within) == (True, limit, True)
    assert check_quota(quota(rounding), nominated=limit + 1, base_count=base).within is False


def test_quota_off_or_absent_is_always_within() -> None:
    shipped = CATALOG.award("CSTDCS").quota
    for rule in (shipped, None, quota("floor", enabled=False)):
        result = check_quota(rule, nominated=50, base_count=10)
        assert (result.enabled, result.limit, result.within, result.count) == (False, None, True, 50)


def test_quota_rejects_negative_counts() -> None:
    with pytest.raises(ValidationError):
        check_quota(quota("floor"), nominated=-1, base_count=10)


# ---------------------------------------------------------------- council votes (against ALL members)

CSTDCS_VOTE = CATALOG.award("CSTDCS").vote  # 80%
CSTD_TINH_VOTE = CATALOG.award("CSTD_TINH").vote  # 90%
MAJORITY = CATALOG.award("LDTT").vote  # more than 50%


@pytest.mark.parametrize(
    ("vote", "total", "present", "votes_for", "passed"),
    [
        (CSTDCS_VOTE, 10, 10, 8, True),  # exactly 80%
        (CSTDCS_VOTE, 10, 8, 8, True),  # 8 of 10 members, whoever was present
        (CSTDCS_VOTE, 10, 8, 7, False),  # 87.5% of those present but only 70% of all members
        (CSTDCS_VOTE, 9, 9, 7, False),  # 77.8%
        (CSTDCS_VOTE, 9, 7, 8, True),  # absent members voted in writing
        (CSTD_TINH_VOTE, 10, 10, 9, True),
        (CSTD_TINH_VOTE, 10, 10, 8, False),
        (MAJORITY, 10, 10, 6, True),
        (MAJORITY, 10, 10, 5, False),  # a tie is not a majority
        (MAJORITY, 7, 5, 4, True),
    ],
)
def test_vote_result(vote: object, total: int, present: int, votes_for: int, passed: bool) -> None:
    result = vote_result(vote, total, present, votes_for)  # type: ignore[arg-type]
    assert result.passed is passed
    assert result.pct_of_all == round(votes_for * 100 / total, 2)


def test_vote_reports_both_percentages() -> None:
    result = vote_result(CSTDCS_VOTE, 10, 8, 7)
    assert (result.pct_of_all, result.pct_of_present, result.threshold_pct) == (70.0, 87.5, 80)


def test_vote_threshold_override() -> None:
    assert vote_result(CSTDCS_VOTE, 10, 10, 7, threshold_override=70).passed
    assert not vote_result(CSTDCS_VOTE, 10, 10, 7, threshold_override=75).passed


def test_vote_counted_against_present_members_when_configured() -> None:
    rule = replace(CSTDCS_VOTE, base=VoteBase.PRESENT_MEMBERS)
    assert vote_result(rule, 10, 8, 7).passed  # 87.5% of present


@pytest.mark.parametrize(("total", "present", "votes_for"), [(0, 0, 0), (5, 6, 3), (5, 5, 6), (5, -1, 3)])
def test_vote_rejects_impossible_counts(total: int, present: int, votes_for: int) -> None:
    with pytest.raises(ValidationError):
        vote_result(CSTDCS_VOTE, total, present, votes_for)


# ---------------------------------------------------------------- reward money (Decree 152/2025 Art. 49)


@pytest.mark.parametrize(
    ("code", "amount"),
    [
        ("LDTT", 710_000),  # 0.3 × 2,340,000 = 702,000 → rounded up to 710,000
        ("CSTDCS", 2_340_000),  # already a multiple of 10,000
        ("TTLDTT", 1_880_000),  # 1,872,000
        ("CSTD_TQ", 10_530_000),
        ("CO_TD_CP", 28_080_000),
        ("GK_XA_TT", 1_410_000),  # 1,404,000
        ("GK_XA_CN", None),  # multiplier not found: never guessed
        ("BK_TINH_CN", None),
        ("GK_XA_HGD", None),
    ],
)
def test_reward_amount(code: str, amount: int | None) -> None:
    assert reward_amount(CATALOG.award(code), BASE) == amount


def test_household_gets_one_and_a_half_times() -> None:
    award = replace(CATALOG.award("GK_XA_HGD"), reward=RewardRule(0.3, 1.5, SRC))
    assert reward_amount(award, BASE) == 1_060_000  # 702,000 × 1.5 = 1,053,000 → 1,060,000
    individual = replace(CATALOG.award("LDTT"), reward=RewardRule(0.3, 1.5, SRC))
    assert reward_amount(individual, BASE) == 710_000
    assert reward_amount(individual, BASE, household=True) == 1_060_000


def test_household_amount_without_a_factor_is_unknown() -> None:
    assert reward_amount(CATALOG.award("LDTT"), BASE, household=True) is None


def test_reward_rejects_a_bad_base_salary() -> None:
    with pytest.raises(ValidationError):
        reward_amount(CATALOG.award("LDTT"), 0)


# ---------------------------------------------------------------- base salary on the decision date


def test_base_salary_on() -> None:
    assert base_salary_on(CATALOG, date(2024, 7, 1)) == 2_340_000
    assert base_salary_on(CATALOG, date(2026, 3, 1)) == 2_340_000
    with pytest.raises(DomainError) as err:
        base_salary_on(CATALOG, date(2024, 6, 30))
    assert (err.value.code, err.value.params) == ("BASE_SALARY_UNKNOWN", {"day": "2024-06-30"})


# ---------------------------------------------------------------- tie-break (Decree 152/2025 Art. 4(6))


def test_women_first_then_original_order() -> None:
    people = [person(id="a", gender=Gender.MALE), person(id="b", gender=Gender.FEMALE),
              person(id="c", gender=None), person(id="d", gender=Gender.FEMALE)]
    assert [p.id for p in sorted(people, key=tie_break_key)] == ["b", "d", "a", "c"]


@pytest.mark.parametrize(("share", "first"), [(0.7, True), (7 / 10, True), (0.85, True), (0.69, False),
                                              (None, False)])
def test_collectives_with_70_percent_women_first(share: float | None, first: bool) -> None:
    assert (tie_break_key(collective(women_share=share)) == (0,)) is first


def test_tie_break_share_comes_from_the_catalog() -> None:
    share = CATALOG.parameters.women_priority_share
    assert tie_break_key(collective(women_share=0.75), share) == (0,)
    assert tie_break_key(household()) == (1,)


# ---------------------------------------------------------------- local overrides


def test_apply_overrides() -> None:
    local = apply_overrides(CATALOG, {
        "awards": {"CSTDCS": {"vote_threshold_pct": 70, "quota_enabled": True, "quota_rounding": "ceil"}},
        "base_salary": [{"from": "2026-07-01", "amount": 2_530_000, "source": "Nghị định mới"}],
    })
    cstdcs = local.award("CSTDCS")
    assert cstdcs.vote.threshold_pct == 70 and cstdcs.vote.source.note
    assert cstdcs.quota is not None and cstdcs.quota.enabled and cstdcs.quota.rounding is Rounding.CEIL
    assert base_salary_on(local, date(2026, 7, 1)) == 2_530_000
    assert base_salary_on(local, date(2026, 6, 30)) == 2_340_000
    assert CATALOG.award("CSTDCS").vote.threshold_pct == 80  # the shipped catalog is untouched
    assert local.award("LDTT") is CATALOG.award("LDTT")


@pytest.mark.parametrize(
    ("overrides", "field", "problem"),
    [
        ({"awards": {"CSTDCS": {"vote_threshold_pct": 30}}}, "awards.CSTDCS.vote_threshold_pct",
         "out_of_range"),
        ({"awards": {"LDTT": {"quota_enabled": True}}}, "awards.LDTT.quota_enabled", "not_applicable"),
        ({"awards": {"CSTDCS": {"reward_multiplier": 2}}}, "awards.CSTDCS.reward_multiplier", "not_allowed"),
        ({"awards": {"NOPE": {}}}, "awards.NOPE", "unknown_award"),
        ({"awards": {"CSTDCS": {"quota_rounding": "banker"}}}, "awards.CSTDCS.quota_rounding",
         "unknown_value"),
        ({"base_salary": [{"from": "1/7/2026", "amount": 1}]}, "base_salary[0].from", "wrong_type"),
        ({"base_salary": [{"from": "2026-07-01", "amount": -5}]}, "base_salary[0].amount", "wrong_type"),
        ({"reward": {}}, "reward", "not_allowed"),
    ],
)
def test_apply_overrides_refuses(overrides: dict[str, object], field: str, problem: str) -> None:
    with pytest.raises(ValidationError) as err:
        apply_overrides(CATALOG, overrides)
    assert (err.value.code, err.value.field, err.value.params["problem"]) == ("LOCAL_PARAM_INVALID", field,
                                                                            problem)
