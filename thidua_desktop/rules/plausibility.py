"""Dates that cannot be true, and dates that are merely unusual.

Impossible dates are refused with a :class:`ValidationError` (a birth in the future, employment
that starts before birth). Unusual ones become :class:`Notice` objects that the GUI asks about
before saving (a date more than a year ahead, employment below the minimum working age, an
official older than 70). The numbers are data, in ``resources/catalog/validation.json``, each with
its source; the legal one is the Labour Code 2019's minimum working age.

Pure functions: the caller passes "today" and the limits.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from datetime import date
from functools import lru_cache
from pathlib import Path
from typing import Any

from thidua_desktop.domain.errors import Notice, ValidationError
from thidua_desktop.domain.validation import DateOrYear
from thidua_desktop.paths import resource_path

__all__ = ["MESSAGES", "DateLimits", "age_on", "days_ahead_notice", "load_limits", "person_date_checks"]

LIMITS_FILE = "catalog/validation.json"
FORMAT_VERSION = 1
_KEYS = ("min_working_age", "warn_official_age_over", "warn_days_ahead")


@dataclass(frozen=True)
class DateLimits:
    min_working_age: int = 15
    warn_official_age_over: int = 70
    warn_days_ahead: int = 365
    sources: dict[str, str] = field(default_factory=dict, compare=False)


def _read(path: Path) -> DateLimits:
    raw: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
    version = int(raw.get("format_version", 0))
    if version > FORMAT_VERSION:
        raise ValidationError("CATALOG_TOO_NEW", field="file", found=version, supported=FORMAT_VERSION)
    values = {key: int(raw[key]["value"]) for key in _KEYS}
    sources = {key: str(raw[key].get("source", "")) for key in _KEYS}
    return DateLimits(**values, sources=sources)


@lru_cache(maxsize=4)
def load_limits(path: Path | None = None) -> DateLimits:
    """The limits shipped in ``resources/catalog/validation.json`` (or in ``path``)."""
    return _read(path or resource_path(LIMITS_FILE))


def age_on(birth: date, day: date) -> int:
    """Whole years from ``birth`` to ``day``."""
    return day.year - birth.year - ((day.month, day.day) < (birth.month, birth.day))


def _dmy(day: date) -> str:
    return day.strftime("%d/%m/%Y")


def days_ahead_notice(day: date | None, field_name: str, today: date, limits: DateLimits) -> list[Notice]:
    """DATE_FAR_AHEAD when ``day`` is more than ``warn_days_ahead`` days after today."""
    if day is None or (day - today).days <= limits.warn_days_ahead:
        return []
    return [Notice("DATE_FAR_AHEAD", field_name, {"value": _dmy(day), "days": (day - today).days,
                                                  "limit": limits.warn_days_ahead})]


def person_date_checks(birth: DateOrYear | None, employment_start: date | None, *, official: bool,
                       today: date, limits: DateLimits) -> tuple[list[ValidationError], list[Notice]]:
    """Refusals and notices about a person's birth and employment start.

    A birth known only by its year counts in the person's favour: it is in the future only when the
    year is, and an age is the oldest (minimum working age) or youngest (official's age) possible.
    ``official``: the person works in an office (has a position or an employment start and is not
    a direct worker)."""
    errors: list[ValidationError] = []
    notices: list[Notice] = []
    if birth is not None and birth.earliest() > today:
        errors.append(ValidationError("DATE_IN_FUTURE", field="birth", value=birth.display(), today=_dmy(today)))
        birth = None  # nothing else can be said about an impossible birth
    if employment_start is not None:
        notices += days_ahead_notice(employment_start, "employment_start", today, limits)
        if birth is not None and employment_start < birth.earliest():
            errors.append(ValidationError("EMPLOYMENT_BEFORE_BIRTH", field="employment_start",
                                          value=_dmy(employment_start), birth=birth.display()))
        elif birth is not None:
            age = age_on(birth.earliest(), employment_start)
            if age < limits.min_working_age:
                notices.append(Notice("EMPLOYMENT_UNDER_WORKING_AGE", "employment_start",
                                      {"value": _dmy(employment_start), "age": age,
                                       "min_age": limits.min_working_age}))
    if birth is not None and official:
        age = age_on(birth.latest(), today)
        if age > limits.warn_official_age_over:
            notices.append(Notice("OFFICIAL_AGE_UNUSUAL", "birth",
                                  {"value": birth.display(), "age": age, "limit": limits.warn_official_age_over}))
    return errors, notices


# code -> (Vietnamese, English). {field_label} is the on-screen name of the field.
MESSAGES: dict[str, tuple[str, str]] = {
    "DATE_IN_FUTURE": (
        "«{field_label}» là {value}, muộn hơn hôm nay ({today}): ngày này chưa thể xảy ra. Vui lòng kiểm tra lại.",
        "«{field_label}» is {value}, after today ({today}): it cannot have happened yet. Please check it.",
    ),
    "EMPLOYMENT_BEFORE_BIRTH": (
        "«{field_label}» ({value}) sớm hơn ngày sinh ({birth}). Vui lòng kiểm tra lại một trong hai ngày.",
        "«{field_label}» ({value}) is before the date of birth ({birth}). Please check one of the two dates.",
    ),
    "DATE_FAR_AHEAD": (
        "«{field_label}» là {value}, muộn hơn hôm nay {days} ngày (hơn {limit} ngày). Có thể đã nhập nhầm năm.",
        "«{field_label}» is {value}, {days} days from today (more than {limit}). The year may be mistyped.",
    ),
    "EMPLOYMENT_UNDER_WORKING_AGE": (
        "Theo «{field_label}» ({value}), người này bắt đầu công tác khi mới {age} tuổi, dưới độ tuổi lao động "
        "tối thiểu {min_age} tuổi (Bộ luật Lao động 2019, Điều 3).",
        "By «{field_label}» ({value}), this person started work at {age}, below the minimum working age of "
        "{min_age} (Labour Code 2019, Article 3).",
    ),
    "OFFICIAL_AGE_UNUSUAL": (
        "Theo «{field_label}» ({value}), người này đã {age} tuổi mà vẫn có chức vụ hoặc ngày bắt đầu công tác "
        "(trên {limit} tuổi là hiếm gặp). Có thể đã nhập nhầm năm sinh.",
        "By «{field_label}» ({value}), this person is {age} and still holds a position or an employment start "
        "(over {limit} is rare). The birth year may be mistyped.",
    ),
}
