"""Every award of the shipped catalog, evaluated end to end: one passing and one failing candidate each.

The failing case names the legal reason it fails for. ``test_every_award_has_cases`` fails as soon as
the catalog gains an award without cases here.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import date

import pytest
from rules_factories import (
    AS_OF,
    collective,
    flat_codes,
    household,
    initiative,
    members,
    pending,
    person,
    ratings,
    titles,
)

from thidua_desktop.domain.enums import DisciplineLevel, TaskRating
from thidua_desktop.domain.errors import ValidationError
from thidua_desktop.domain.records import Candidate, History, MemberSummary
from thidua_desktop.rules import evaluate, evaluate_catalog, load_catalog
from thidua_desktop.rules.results import DecisionOutcome


@dataclass(frozen=True)
class Case:
    candidate: Candidate
    history: History


def _att(*ids: str) -> frozenset[str]:
    return frozenset(ids)


OPEN_COMPLAINT = (pending("complaint", date(2025, 11, 1)),)
LDTT_ATT = _att("self_reliance_solidarity")
TT_ATT = _att("effective_movement", "internal_unity")


def _ldtt_team(total: int, ldtt: int, cstdcs: int = 0) -> tuple[MemberSummary, ...]:
    """``total`` members who all completed tasks well; the first ``ldtt`` hold LĐTT, of whom the first
    ``cstdcs`` are also CSTĐCS."""
    out = []
    for i in range(total):
        held = {"LDTT"} if i < ldtt else set()
        if i < cstdcs:
            held.add("CSTDCS")
        out.append(MemberSummary(f"m{i}", rating=TaskRating.GOOD, titles=frozenset(held)))
    return tuple(out)


# code -> (passing case, failing case, a reason code the failure must show)
CASES: dict[str, tuple[Case, Case, str]] = {
    "LDTT": (
        Case(person(), History(ratings=ratings(y2025="good"), attested=LDTT_ATT)),
        Case(person(), History(ratings=ratings(y2025="completed"), attested=LDTT_ATT)),  # HTNV < HTTNV
        "RATING_TOO_LOW",
    ),
    "LDTT_LD": (
        Case(person(employment_start=None),
             History(attested=_att("effective_production", "exemplary_compliance"))),
        Case(person(), History(attested=_att("effective_production", "exemplary_compliance"),
                               pending=OPEN_COMPLAINT)),
        "PENDING_MATTER_OPEN",
    ),
    "CSTT": (
        Case(person(), History(ratings=ratings(y2025="excellent"), attested=LDTT_ATT)),
        Case(person(employment_start=date(2025, 8, 1)),
             History(ratings=ratings(y2025="excellent"), attested=LDTT_ATT)),
        "MONTHS_WORKED_SHORT",
    ),
    "CSTDCS": (
        # HTXSNV alone satisfies point 2: no initiative needed (Law Art. 23)
        Case(person(), History(ratings=ratings(y2025="excellent"), attested=LDTT_ATT)),
        Case(person(), History(ratings=ratings(y2025="good"), attested=LDTT_ATT)),
        "ONE_OF_NONE",
    ),
    "CSTD_TINH": (
        Case(person(), History(awards=titles("CSTDCS", 2023, 2024, 2025),
                               initiatives=(initiative(2024, "provincial"),))),
        Case(person(), History(awards=titles("CSTDCS", 2022, 2023, 2025),  # a gap in the streak
                               initiatives=(initiative(2024, "provincial"),))),
        "TITLE_STREAK_SHORT",
    ),
    "CSTD_TQ": (
        Case(person(), History(awards=titles("CSTD_TINH", 2022, 2025),
                               initiatives=(initiative(2024, "national"),))),
        Case(person(), History(awards=titles("CSTD_TINH", 2022, 2025),
                               initiatives=(initiative(2024, "national", used_by="award-9"),))),
        "INITIATIVE_ALREADY_USED",
    ),
    "TTLDTT": (
        Case(collective(), History(ratings=ratings(y2025="good"), members=_ldtt_team(10, 7),
                                   attested=TT_ATT)),
        Case(collective(), History(ratings=ratings(y2025="good"), members=_ldtt_team(10, 6),  # 60%
                                   attested=TT_ATT)),
        "MEMBER_SHARE_LOW",
    ),
    "DVTT": (
        Case(collective(), History(ratings=ratings(y2025="good"), members=members(10, 8, title="CSTT"),
                                   attested=TT_ATT)),
        Case(collective(), History(
            ratings=ratings(y2025="good"), attested=TT_ATT,
            members=members(10, 8, title="CSTT",
                            extra=(MemberSummary("d", worst_discipline=DisciplineLevel.WARNING),)))),
        "MEMBER_DISCIPLINED",
    ),
    "TTLDXS": (
        Case(collective(), History(ratings=ratings(y2025="excellent"), members=_ldtt_team(10, 7, cstdcs=1),
                                   attested=TT_ATT)),
        Case(collective(), History(ratings=ratings(y2025="excellent"), members=_ldtt_team(10, 7, cstdcs=0),
                                   attested=TT_ATT)),
        "MEMBER_TITLE_MISSING",
    ),
    "CO_TD_TINH": (
        Case(collective(), History(ratings=ratings(y2025="excellent"),
                                   attested=_att("cluster_leading", "replicable_model"))),
        Case(collective(), History(ratings=ratings(y2025="good"),
                                   attested=_att("cluster_leading", "replicable_model"))),
        "RATING_TOO_LOW",
    ),
    "CO_TD_CP": (
        Case(collective(), History(ratings=ratings(y2025="excellent"), attested=_att("national_leading"))),
        Case(collective(), History(ratings=ratings(y2025="excellent"), attested=_att("national_leading"),
                                   pending=(pending("investigation", date(2025, 9, 1)),))),
        "PENDING_MATTER_OPEN",
    ),
    "THON_VH": (
        Case(collective(), History(attested=_att("thon_vh_standard"))),
        Case(collective(), History(attested=_att("thon_vh_standard"), pending=OPEN_COMPLAINT)),
        "PENDING_MATTER_OPEN",
    ),
    "XA_TIEU_BIEU": (
        Case(collective(), History(attested=_att("xa_tieu_bieu_standard"))),
        Case(person(), History(attested=_att("xa_tieu_bieu_standard"))),  # a person is not a commune
        "SUBJECT_TYPE_MISMATCH",
    ),
    "GD_VH": (
        Case(household(), History(attested=_att("gdvh_compliance", "gdvh_movement", "gdvh_family"))),
        Case(household(), History(attested=_att("gdvh_compliance", "gdvh_movement", "gdvh_family"),
                                  pending=OPEN_COMPLAINT)),
        "PENDING_MATTER_OPEN",
    ),
    "GK_XA_CN": (
        Case(person(), History(ratings=ratings(y2025="good"),
                               attested=_att("exemplary_compliance", "movement_achievement"))),
        Case(person(), History(ratings=ratings(y2025="good"), attested=_att("exemplary_compliance"))),
        "ONE_OF_NONE",
    ),
    "GK_XA_TT": (
        # a village without an annual rating: the officer confirms its good results instead
        Case(collective(), History(attested=_att("exemplary_compliance", "good_results_confirmed",
                                                 "notable_achievement"))),
        Case(collective(), History(ratings=ratings(y2025="completed"),
                                   attested=_att("exemplary_compliance", "notable_achievement"))),
        "RATING_TOO_LOW",
    ),
    "GK_XA_HGD": (
        Case(household(), History(attested=_att("exemplary_compliance", "household_contribution"))),
        Case(household(), History(attested=_att("exemplary_compliance"))),
        "ONE_OF_NONE",
    ),
    "BK_TINH_CN": (
        Case(person(), History(awards=titles("CSTDCS", 2024, 2025), attested=_att("exemplary_compliance"))),
        # 2 excellent years but only one initiative, and no CSTĐCS streak
        Case(person(), History(ratings=ratings(y2024="excellent", y2025="excellent"),
                               initiatives=(initiative(2025),), attested=_att("exemplary_compliance"))),
        "INITIATIVE_MISSING",
    ),
    "BK_TINH_TT": (
        Case(collective(), History(awards=titles("TTLDXS", 2025), attested=_att("grassroots_democracy"))),
        Case(collective(), History(ratings=ratings(y2024="good", y2025="excellent"),
                                   attested=_att("grassroots_democracy"))),
        "ONE_OF_NONE",
    ),
    "BK_TINH_HGD": (
        Case(household(), History(attested=_att("household_contribution"))),
        Case(household(), History(attested=_att("household_contribution"), pending=OPEN_COMPLAINT)),
        "PENDING_MATTER_OPEN",
    ),
    "BK_TTG_CN": (
        Case(person(), History(
            ratings=ratings(y2021="excellent", y2022="excellent", y2023="excellent", y2024="excellent",
                            y2025="excellent"),
            initiatives=tuple(initiative(y) for y in range(2021, 2026)))),
        Case(person(), History(
            ratings=ratings(y2021="excellent", y2022="excellent", y2023="excellent", y2024="excellent",
                            y2025="excellent"),
            initiatives=tuple(initiative(y) for y in range(2022, 2026)))),  # only 4 initiatives
        "INITIATIVE_MISSING",
    ),
    "BK_TTG_TT": (
        Case(collective(), History(ratings=ratings(y2021="excellent", y2022="excellent", y2023="excellent",
                                                   y2024="excellent", y2025="excellent"))),
        Case(collective(), History(ratings=ratings(y2021="excellent", y2022="excellent", y2023="good",
                                                   y2024="excellent", y2025="excellent"))),
        "RATING_TOO_LOW",
    ),
}

CATALOG = load_catalog()


def test_every_award_has_cases() -> None:
    missing = set(CATALOG.codes) - set(CASES)
    assert missing == set(), f"awards without pass/fail cases: {sorted(missing)}"
    assert set(CASES) <= set(CATALOG.codes), "cases for awards no longer in the catalog"


@pytest.mark.parametrize("code", CATALOG.codes)
def test_award_passing_case(code: str) -> None:
    case = CASES[code][0]
    decision = evaluate(case.candidate, CATALOG.award(code), case.history, AS_OF)
    assert decision.outcome is DecisionOutcome.ELIGIBLE, [(r.criterion_id, r.code) for r in decision.reasons]
    assert decision.eligible
    assert len(decision.reasons) == len(CATALOG.award(code).criteria)  # one reason per criterion
    json.dumps(decision.to_dict(), ensure_ascii=False)


@pytest.mark.parametrize("code", CATALOG.codes)
def test_award_failing_case(code: str) -> None:
    case, expected = CASES[code][1], CASES[code][2]
    decision = evaluate(case.candidate, CATALOG.award(code), case.history, AS_OF)
    assert decision.outcome is DecisionOutcome.NOT_ELIGIBLE
    assert not decision.eligible
    assert expected in flat_codes(decision)
    assert decision.failed, "a not-eligible decision names the failing criterion"


def test_missing_attestation_makes_the_decision_incomplete() -> None:
    decision = evaluate(person(), CATALOG.award("LDTT"), History(ratings=ratings(y2025="good")), AS_OF)
    assert decision.outcome is DecisionOutcome.INCOMPLETE
    assert [r.code for r in decision.unknown] == ["NEEDS_ATTESTATION"]


def test_failure_beats_unknown() -> None:
    decision = evaluate(person(), CATALOG.award("LDTT"), History(ratings=ratings(y2025="completed")), AS_OF)
    assert decision.outcome is DecisionOutcome.NOT_ELIGIBLE


def test_missing_rating_is_incomplete_not_a_failure() -> None:
    decision = evaluate(person(), CATALOG.award("LDTT"), History(attested=LDTT_ATT), AS_OF)
    assert decision.outcome is DecisionOutcome.INCOMPLETE
    assert decision.unknown[0].code == "RATING_MISSING"


def test_subject_type_mismatch_is_a_single_reason() -> None:
    decision = evaluate(household(), CATALOG.award("LDTT"), History(), AS_OF)
    assert decision.outcome is DecisionOutcome.NOT_ELIGIBLE
    assert [(r.criterion_id, r.code) for r in decision.reasons] == [("subject_type", "SUBJECT_TYPE_MISMATCH")]
    assert decision.reasons[0].evidence == {"expected": "individual", "actual": "household"}


def test_year_defaults_to_as_of_and_may_be_earlier() -> None:
    hist = History(ratings=ratings(y2024="good"), attested=LDTT_ATT)
    assert evaluate(person(), CATALOG.award("LDTT"), hist, date(2024, 12, 20)).year == 2024
    late = evaluate(person(), CATALOG.award("LDTT"), hist, date(2025, 1, 10), year=2024)
    assert late.eligible and late.year == 2024


def test_future_year_is_refused() -> None:
    with pytest.raises(ValidationError) as err:
        evaluate(person(), CATALOG.award("LDTT"), History(), date(2025, 12, 1), year=2026)
    assert err.value.code == "YEAR_IN_FUTURE"


def test_decision_to_dict_shape() -> None:
    case = CASES["CSTDCS"][0]
    data = evaluate(case.candidate, CATALOG.award("CSTDCS"), case.history, AS_OF).to_dict()
    assert data["award_code"] == "CSTDCS" and data["outcome"] == "eligible" and data["as_of"] == "2025-12-15"
    point2 = next(r for r in data["reasons"] if r["criterion_id"] == "excellence_or_initiative")
    assert point2["code"] == "ONE_OF_OK"
    children = [c["criterion_id"] for c in point2["children"]]
    assert children[:2] == ["excellent_rating", "grassroots_initiative"]
    assert data["verified"] is False  # CSTĐCS rests on M/L sources


def test_verified_follows_the_criterion_confidence() -> None:
    case = CASES["LDTT"][0]
    decision = evaluate(case.candidate, CATALOG.award("LDTT"), case.history, AS_OF)
    by_id = {r.criterion_id: r.verified for r in decision.reasons}
    assert by_id["good_rating"] is True  # Law Art. 24(1)(a), confidence H
    assert by_id["months_worked"] is False  # Circular 01/2024, replaced: confidence L


def test_evaluate_catalog_covers_the_subject_type() -> None:
    decisions = evaluate_catalog(household(), CATALOG, History(), AS_OF)
    assert {d.award_code for d in decisions} == {"GD_VH", "GK_XA_HGD", "BK_TINH_HGD"}

