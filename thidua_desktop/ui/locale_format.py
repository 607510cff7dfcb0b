"""Dates and numbers as the screens show them, through QLocale: 1.234.567,5 when the interface is
Vietnamese, 1,234,567.5 in English. Dates are dd/mm/yyyy in both languages (the officers' own
habit, and what the English UI's British locale writes anyway).

Printed documents do not use this module: they are always Vietnamese (reports/words.py), whatever
language the screens are in."""

from __future__ import annotations

from datetime import date, datetime

from PySide6.QtCore import QDate, QDateTime, QLocale, QTime

from . import ops

DATE_FORMAT = "dd/MM/yyyy"
DATETIME_FORMAT = "dd/MM/yyyy HH:mm"
VIETNAMESE = QLocale(QLocale.Language.Vietnamese, QLocale.Country.Vietnam)
ENGLISH = QLocale(QLocale.Language.English, QLocale.Country.UnitedKingdom)


def ui_locale() -> QLocale:
    """The locale of the interface language now (the translator installed decides, not QLocale's
    default, so a screen retranslated on a language switch formats the same way it words)."""
    return VIETNAMESE if ops.current_lang() == "vi" else ENGLISH


def _qdate(value: date) -> QDate:
    return QDate(value.year, value.month, value.day)


def date_text(value: date | datetime | str | None, empty: str = "") -> str:
    """dd/mm/yyyy for a date, a datetime or an ISO date string (a dd/mm/yyyy string stays)."""
    if not value:
        return empty
    if isinstance(value, str):
        if "/" in value:
            return value
        value = date.fromisoformat(value[:10])
    return ui_locale().toString(_qdate(value), DATE_FORMAT)


def datetime_text(value: datetime | None, empty: str = "") -> str:
    """dd/mm/yyyy HH:mm (24-hour clock, as offices write it)."""
    if not value:
        return empty
    moment = QDateTime(_qdate(value), QTime(value.hour, value.minute, value.second))
    return ui_locale().toString(moment, DATETIME_FORMAT)


def number_text(value: float | int | None, decimals: int | None = None, empty: str = "") -> str:
    """Thousands grouped and the decimal mark of the interface language: 1.234.567,5 / 1,234,567.5.
    Without ``decimals`` a whole number has none and a fraction keeps up to 6 places, trailing zeros
    dropped (never exponent form)."""
    if value is None:
        return empty
    locale = ui_locale()
    if decimals is not None:
        return locale.toString(float(value), "f", decimals)
    number = float(value)
    if number.is_integer():
        return locale.toString(int(number))
    text = locale.toString(number, "f", 6)
    point = locale.decimalPoint()
    return text.rstrip("0").rstrip(point) if point in text else text


def money_text(amount: int | None, empty: str = "—", short: bool = False) -> str:
    """710000 -> "710.000 đồng" ("710.000 đ" ``short``, for tables) in Vietnamese, "710,000 VND" in English."""
    if amount is None:
        return empty
    unit = ("đ" if short else "đồng") if ops.current_lang() == "vi" else "VND"
    return f"{number_text(int(amount))} {unit}"


def percent_text(value: float | None, decimals: int = 1, empty: str = "—") -> str:
    """66,7% / 66.7%."""
    if value is None:
        return empty
    return number_text(value, decimals) + "%"
