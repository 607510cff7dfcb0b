"""Impossible dates are refused, unusual ones noticed (issue 9, point 6); the limits are data."""

from __future__ import annotations

import json
import string
from datetime import date
from pathlib import Path

import pytest

from thidua_desktop.domain.errors import DomainError, Notice
from thidua_desktop.domain.validation import DateOrYear
from thidua_desktop.messages import render
from thidua_desktop.paths import resource_path
from thidua_desktop.rules.plausibility import (
    MESSAGES,
    DateLimits,
    age_on,
    days_ahead_notice,
    load_limits,
    person_date_checks,
)

TODAY = date(2026, 11, 25)
LIMITS = DateLimits(min_working_age=15, warn_official_age_over=70, warn_days_ahead=365)


def test_limits_come_from_the_data_file_with_sources() -> None:
    raw = json.loads(resource_path("catalog/validation.json").read_text(encoding="utf-8"))
    assert raw["format_version"] == 1
    assert raw["min_working_age"]["value"] == 15 and "Bộ luật Lao động 2019" in raw["min_working_age"]["source"]
    limits = load_limits()
    assert limits == LIMITS
    assert all(limits.sources[key] for key in ("min_working_age", "warn_official_age_over", "warn_days_ahead"))


def test_limits_file_can_be_changed(tmp_path: Path) -> None:
    raw = json.loads(resource_path("catalog/validation.json").read_text(encoding="utf-8"))
    raw["min_working_age"]["value"] = 18
    path = tmp_path / "validation.json"
    path.write_text(json.dumps(raw), encoding="utf-8")
    assert load_limits(path).min_working_age == 18
    raw["format_version"] = 99
    path.write_text(json.dumps(raw), encoding="utf-8")
    load_limits.cache_clear()
    with pytest.raises(DomainError, match="CATALOG_TOO_NEW"):
        load_limits(path)


@pytest.mark.parametrize(("birth", "day", "age"), [
    (date(2000, 5, 10), date(2015, 5, 9), 14), (date(2000, 5, 10), date(2015, 5, 10), 15),
    (date(2000, 2, 29), date(2015, 2, 28), 14), (date(2000, 2, 29), date(2015, 3, 1), 15)])
def test_age_on(birth: date, day: date, age: int) -> None:
    assert age_on(birth, day) == age


def _birth(text: str | None) -> DateOrYear | None:
    if text is None:
        return None
    return DateOrYear.of(int(text)) if len(text) == 4 else DateOrYear.of(date.fromisoformat(text))


# birth, employment start, official -> refusal codes, notice codes
PERSON_CASES = [
    # births
    ("1985-03-07", None, False, [], []),
    ("2026-11-25", None, False, [], []),  # born today
    ("2026-11-26", None, False, ["DATE_IN_FUTURE"], []),  # tomorrow
    ("2030", None, False, ["DATE_IN_FUTURE"], []),
    ("2026", None, False, [], []),  # this year, day unknown
    ("2027", "2040-01-01", True, ["DATE_IN_FUTURE"], ["DATE_FAR_AHEAD"]),  # nothing else said of that birth
    # employment before birth (refused) and below the minimum working age (asked)
    ("1990-06-01", "1990-05-31", True, ["EMPLOYMENT_BEFORE_BIRTH"], []),
    ("1990", "1989-12-31", True, ["EMPLOYMENT_BEFORE_BIRTH"], []),
    ("1990", "1990-03-01", True, [], ["EMPLOYMENT_UNDER_WORKING_AGE"]),  # day unknown: not provably before
    ("1990-06-01", "2005-05-31", True, [], ["EMPLOYMENT_UNDER_WORKING_AGE"]),  # 14
    ("1990-06-01", "2005-06-01", True, [], []),  # 15th birthday
    ("1990", "2005-01-01", True, [], []),  # year only: counted as old as possible
    (None, "1960-01-01", True, [], []),  # no birth: nothing to compare
    # employment start far ahead
    ("1990-06-01", "2027-11-25", True, [], []),  # 365 days ahead
    ("1990-06-01", "2027-11-26", True, [], ["DATE_FAR_AHEAD"]),  # 366
    # officials over 70
    ("1956-11-25", "1980-01-01", True, [], []),  # exactly 70 today
    ("1955-11-25", "1980-01-01", True, [], ["OFFICIAL_AGE_UNUSUAL"]),  # 71
    ("1955", "1980-01-01", True, [], []),  # year only: 70 if born late that year
    ("1954", None, True, [], ["OFFICIAL_AGE_UNUSUAL"]),
    ("1930-01-01", None, False, [], []),  # not an official: a 96-year-old veteran is fine
]


@pytest.mark.parametrize(("birth", "start", "official", "refused", "noticed"), PERSON_CASES)
def test_person_dates(birth: str | None, start: str | None, official: bool, refused: list[str],
                      noticed: list[str]) -> None:
    errors, notices = person_date_checks(_birth(birth), date.fromisoformat(start) if start else None,
                                         official=official, today=TODAY, limits=LIMITS)
    assert [e.code for e in errors] == refused
    assert [n.code for n in notices] == noticed
    for item in [*errors, *notices]:
        for lang in ("vi", "en"):
            text = render(item, lang)
            assert "{" not in text and "…" not in text and "None" not in text, text


@pytest.mark.parametrize(("day", "noticed"), [
    (date(2026, 1, 1), False), (TODAY, False), (date(2027, 11, 25), False), (date(2027, 11, 26), True),
    (date(2028, 11, 25), True), (date(2030, 11, 25), True)])
def test_days_ahead(day: date, noticed: bool) -> None:
    notices = days_ahead_notice(day, "held_on", TODAY, LIMITS)
    assert bool(notices) == noticed
    if noticed:
        assert notices[0] == Notice("DATE_FAR_AHEAD", "held_on", {"value": day.strftime("%d/%m/%Y"),
                                                                   "days": (day - TODAY).days, "limit": 365})


@pytest.mark.parametrize("code", sorted(MESSAGES))
def test_messages_in_both_languages(code: str) -> None:
    vi, en = MESSAGES[code]
    assert not vi.isascii() and vi != en
    assert {f for _, f, _, _ in string.Formatter().parse(vi) if f} == {
        f for _, f, _, _ in string.Formatter().parse(en) if f}


def test_sentence_example() -> None:
    errors, _ = person_date_checks(_birth("2030-01-02"), None, official=False, today=TODAY, limits=LIMITS)
    assert render(errors[0]) == ("«Ngày sinh» là 02/01/2030, muộn hơn hôm nay (25/11/2026): ngày này chưa thể "
                                 "xảy ra. Vui lòng kiểm tra lại.")
