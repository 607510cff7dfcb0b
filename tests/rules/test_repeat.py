"""One achievement is awarded once (Law 06/2022 Art. 5(2)(c)), checked by the province over the
records of every commune that holds the person, merged into one history (rules/repeat.py)."""

from __future__ import annotations

from datetime import date

import pytest

from thidua_desktop.domain.enums import CommendationKind, DisciplineLevel, TaskRating
from thidua_desktop.domain.records import AwardRecord, DisciplineRecord, History, RatingRecord
from thidua_desktop.rules import load_catalog
from thidua_desktop.rules.explain import explain_reason
from thidua_desktop.rules.repeat import merge, not_awarded_twice, with_reason
from thidua_desktop.rules.results import Decision, DecisionOutcome, Outcome

CATALOG = load_catalog()
LDTT = CATALOG.award("LDTT")
REGULAR, AD_HOC = CommendationKind.REGULAR, CommendationKind.AD_HOC


@pytest.mark.parametrize(("held", "year", "kind", "expected"), [
    ((AwardRecord("LDTT", 2026, "12/QĐ-UBND"),), 2026, REGULAR, "AWARD_ALREADY_RECEIVED"),
    ((AwardRecord("LDTT", 2025, "31/QĐ-UBND"),), 2026, REGULAR, "AWARD_NOT_YET_RECEIVED"),  # last year's
    ((AwardRecord("CSTDCS", 2026, "40/QĐ-UBND"),), 2026, REGULAR, "AWARD_NOT_YET_RECEIVED"),  # another title
    ((AwardRecord("LDTT", 2026, "5/QĐ-UBND", commendation_kind=AD_HOC),), 2026, REGULAR,
     "AWARD_NOT_YET_RECEIVED"),  # an ad-hoc award rewards another achievement
    ((AwardRecord("LDTT", 2026, "12/QĐ-UBND"),), 2026, AD_HOC, None),  # a year cannot tell ad-hoc deeds apart
    ((), 2026, REGULAR, "AWARD_NOT_YET_RECEIVED"),
])
def test_one_achievement_is_awarded_once(held: tuple[AwardRecord, ...], year: int, kind: CommendationKind,
                                         expected: str | None) -> None:
    reason = not_awarded_twice(LDTT, History(awards=held), year, kind)
    assert (reason.code if reason else None) == expected
    if reason is not None:
        assert reason.outcome is (Outcome.FAIL if expected == "AWARD_ALREADY_RECEIVED" else Outcome.PASS)
        assert not reason.verified  # the article's text is quoted from a secondary source


def test_the_reason_names_the_award_and_its_decision() -> None:
    reason = not_awarded_twice(LDTT, History(awards=(AwardRecord("LDTT", 2026, "12/QĐ-UBND"),)), 2026)
    assert reason is not None
    assert explain_reason(reason, "vi", CATALOG) == (
        "Không đạt: đã được tặng Lao động tiên tiến năm 2026 (QĐ số 12/QĐ-UBND); không khen thưởng nhiều lần cho "
        "một thành tích")


def test_merge_keeps_the_nominating_offices_records_first_and_adds_the_others() -> None:
    own = History(ratings=(RatingRecord(2026, TaskRating.EXCELLENT),), awards=(AwardRecord("LDTT", 2024, "3/QĐ"),),
                  attested=frozenset({"solidarity"}))
    other = History(ratings=(RatingRecord(2026, TaskRating.COMPLETED), RatingRecord(2025, TaskRating.GOOD)),
                    awards=(AwardRecord("LDTT", 2024, " 3/qđ "), AwardRecord("LDTT", 2025, "9/QĐ")),
                    disciplines=(DisciplineRecord(DisciplineLevel.REPRIMAND, date(2026, 3, 1)),),
                    attested=frozenset({"other"}))
    merged = merge(own, [other])
    assert [(r.year, r.rating) for r in merged.ratings] == [(2025, TaskRating.GOOD), (2026, TaskRating.EXCELLENT)]
    assert [(a.year, a.decision_number) for a in merged.awards] == [(2024, "3/QĐ"), (2025, "9/QĐ")]  # one decision
    assert len(merged.disciplines) == 1 and merged.attested == frozenset({"solidarity"})
    assert merge(own, []) == own


def test_an_added_reason_decides_with_the_others() -> None:
    passed = Decision("LDTT", DecisionOutcome.ELIGIBLE, (), 2026, date(2026, 12, 1))
    failed = not_awarded_twice(LDTT, History(awards=(AwardRecord("LDTT", 2026),)), 2026)
    assert with_reason(passed, failed).outcome is DecisionOutcome.NOT_ELIGIBLE
    assert with_reason(passed, None) is passed
