"""Reading one cell's value the way a commune officer meant it.

Excel hands back strings, ints, floats, datetimes or None. Dates come as real dates, as serial
numbers (a date column that lost its format), as "dd/mm/yyyy" text or as a year alone; ID and phone
numbers typed into a number column have lost their leading zeros. Each helper returns the clean
value or raises :class:`ValidationError` with a code: we report, we never guess a lost digit. (The
zeros alone are put back before these helpers run when the result is certain to be the number:
see domain/damaged_numbers.py.)

No Qt, no database.
"""

from __future__ import annotations

import re
from datetime import date, datetime, time, timedelta
from typing import Any

from ..domain.enums import Gender
from ..domain.errors import ValidationError
from ..domain.text import clean_text, search_key
from ..domain.validation import MAX_YEAR, MIN_YEAR, DateOrYear, parse_date_or_year

__all__ = [
    "cell_text",
    "is_blank",
    "parse_cccd_cell",
    "parse_date_cell",
    "parse_flag_cell",
    "parse_gender_cell",
    "parse_phone_cell",
    "parse_year_cell",
    "serial_to_date",
]

# Excel's day 1 is 1900-01-01 in the default system, but it counts the non-existent 29/02/1900,
# so from day 61 on the real epoch is 1899-12-30. The 1904 system (old Mac files) starts 1904-01-01.
_EPOCH_1900 = date(1899, 12, 30)
_EPOCH_1904 = date(1904, 1, 1)
# Serials for 01/01/1900 .. 31/12/2100 (MIN_YEAR .. MAX_YEAR).
_SERIAL_MIN, _SERIAL_MAX = 1, 73415


def is_blank(value: Any) -> bool:
    return value is None or (isinstance(value, str) and not clean_text(value))


def _number_text(value: float | int) -> str:
    """12.0 -> "12", 12.5 -> "12.5" (Excel keeps every whole number as a float)."""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


def cell_text(value: Any) -> str:
    """Any cell as clean NFC text: numbers without ".0", dates as dd/mm/yyyy, booleans as x / ""."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "x" if value else ""
    if isinstance(value, datetime):
        return value.strftime("%d/%m/%Y") if value.time() == time(0) else value.strftime("%d/%m/%Y %H:%M")
    if isinstance(value, date):
        return value.strftime("%d/%m/%Y")
    if isinstance(value, int | float):
        return _number_text(value)
    return clean_text(str(value))


def serial_to_date(serial: float, *, epoch_1904: bool = False) -> date:
    """The calendar day of an Excel serial number (the time of day is dropped)."""
    whole = int(serial)
    if epoch_1904:
        return _EPOCH_1904 + timedelta(days=whole)
    if whole < 61:  # before Excel's phantom 29/02/1900
        return date(1899, 12, 31) + timedelta(days=whole)
    return _EPOCH_1900 + timedelta(days=whole)


# "03/1985", "3-1985": month and year only.
_MONTH_YEAR_RE = re.compile(r"(\d{1,2})\s*[/.\-]\s*(\d{4})")
# "Năm 1985", "năm 1985": the word before a bare year.
_YEAR_WORD_RE = re.compile(r"(?:nam\s*)?(\d{4})")


def parse_date_cell(value: Any, field: str, *, epoch_1904: bool = False) -> tuple[DateOrYear, bool]:
    """(date or year, month_dropped) from a date cell, a serial, "dd/mm/yyyy" text or a year.

    A whole number between 1900 and 2100 is a year, never a serial (serial 1985 is 1905, an
    impossible birth date for anyone still in the register). "mm/yyyy" keeps the year only and
    says so (``month_dropped``); two-digit years are refused like everywhere else.
    """
    if isinstance(value, bool):
        raise ValidationError("DATE_INVALID", field=field, value=str(value))
    if isinstance(value, datetime | date):
        day = value.date() if isinstance(value, datetime) else value
        if not MIN_YEAR <= day.year <= MAX_YEAR:
            raise ValidationError("DATE_OUT_OF_RANGE", field=field, value=day.strftime("%d/%m/%Y"),
                                  min=MIN_YEAR, max=MAX_YEAR)
        return DateOrYear(day, day.year), False
    if isinstance(value, int | float):
        if float(value).is_integer() and MIN_YEAR <= value <= MAX_YEAR:
            return DateOrYear(None, int(value)), False
        if _SERIAL_MIN <= value <= _SERIAL_MAX:
            day = serial_to_date(float(value), epoch_1904=epoch_1904)
            if MIN_YEAR <= day.year <= MAX_YEAR:
                return DateOrYear(day, day.year), False
        raise ValidationError("DATE_INVALID", field=field, value=_number_text(value))
    raw = cell_text(value)
    if not raw:
        raise ValidationError("REQUIRED", field=field)
    if raw.isascii() and (m := _MONTH_YEAR_RE.fullmatch(raw)) and 1 <= int(m[1]) <= 12:
        return parse_date_or_year(m[2], field), True
    if (m := _YEAR_WORD_RE.fullmatch(search_key(raw).replace(" ", ""))) and raw[-4:].isdigit():
        return parse_date_or_year(m[1], field), False
    return parse_date_or_year(raw, field), False


def parse_year_cell(value: Any, field: str) -> int:
    """A year from 2023, 2023.0, "2023", "Năm 2023" or a date cell (its year)."""
    if isinstance(value, datetime | date):
        year = value.year  # range-checked below like a typed year: 1908 passed preview, failed commit
    elif isinstance(value, int | float) and not isinstance(value, bool) and float(value).is_integer():
        year = int(value)
    else:
        raw = cell_text(value)
        if not raw:
            raise ValidationError("REQUIRED", field=field)
        m = _YEAR_WORD_RE.fullmatch(search_key(raw).replace(" ", ""))
        if m is None:
            raise ValidationError("NUMBER_INVALID", field=field, value=raw)
        year = int(m[1])
    if not 1945 <= year <= MAX_YEAR:
        raise ValidationError("NUMBER_OUT_OF_RANGE", field=field, value=year, min=1945, max=MAX_YEAR,
                              range=f"1945 – {MAX_YEAR}")
    return year


_SCIENTIFIC_RE = re.compile(r"\d+(?:[.,]\d+)?[eE]\+?\d+")


def parse_cccd_cell(value: Any, field: str) -> str:
    """The CCCD digits as typed text ("" when blank).

    A number cell has always lost digits (every CCCD starts with 0, the province code 001-096),
    and "4.01234E+11" is the same loss shown as text: both are IMPORT_CCCD_NUMBER, with the digits
    Excel kept. An old 9-digit CMND is IMPORT_CMND_OLD (the caller decides whether it blocks).
    Other shapes go on to the register's own CCCD validation.
    """
    if value is None:
        return ""
    if isinstance(value, int | float) and not isinstance(value, bool):
        raise ValidationError("IMPORT_CCCD_NUMBER", field=field, value=_number_text(value))
    raw = cell_text(value)
    if _SCIENTIFIC_RE.fullmatch(raw):
        raise ValidationError("IMPORT_CCCD_NUMBER", field=field, value=raw)
    digits = "".join(raw.split()).replace(".", "").replace("-", "")
    if digits.isdigit() and len(digits) == 9:
        raise ValidationError("IMPORT_CMND_OLD", field=field, value=raw)
    return digits if digits.isdigit() else raw


def parse_phone_cell(value: Any, field: str) -> str:
    """The phone number as text; a number cell that dropped its leading 0 is IMPORT_PHONE_NUMBER."""
    if value is None:
        return ""
    if isinstance(value, int | float) and not isinstance(value, bool):
        text = _number_text(value)
        if not text.startswith("0"):
            raise ValidationError("IMPORT_PHONE_NUMBER", field=field, value=text)
        return text
    return cell_text(value)


_GENDERS = {
    "nam": Gender.MALE, "male": Gender.MALE, "m": Gender.MALE, "trai": Gender.MALE, "ong": Gender.MALE,
    "nu": Gender.FEMALE, "female": Gender.FEMALE, "f": Gender.FEMALE, "gai": Gender.FEMALE, "ba": Gender.FEMALE,
}


def parse_gender_cell(value: Any, field: str) -> Gender:
    """Nam / Nữ (with or without marks, any case), or the stored English codes."""
    raw = cell_text(value)
    if not raw:
        raise ValidationError("REQUIRED", field=field)
    found = _GENDERS.get(search_key(raw).replace(".", "").strip())
    if found is None:
        raise ValidationError("IMPORT_GENDER_UNKNOWN", field=field, value=raw)
    return found


_TRUE = {"x", "co", "1", "true", "yes", "v", "✓", "✔", "dung", "phai"}
_FALSE = {"", "khong", "0", "false", "no", "-"}


def parse_flag_cell(value: Any, field: str) -> bool:
    """A tick column: "x", "có", "1", ✓ … true; blank, "không", "0" false; anything else refused."""
    if isinstance(value, bool):
        return value
    key = search_key(cell_text(value))
    if key in _TRUE:
        return True
    if key in _FALSE:
        return False
    raise ValidationError("IMPORT_FLAG_UNKNOWN", field=field, value=cell_text(value))


# --- award titles --------------------------------------------------------------------------------

# Long forms people write out, folded to the short form the catalog key uses, and words that
# change nothing ("Giấy khen của Chủ tịch UBND xã" = "Giấy khen UBND xã").
_AWARD_FOLDS = (("uy ban nhan dan", "ubnd"), ("thu tuong chinh phu", "ttg"), ("thu tuong", "ttg"),
                ("chu tich", ""), ("danh hieu", ""), (" cua ", " "), (" cap ", " "))
_COMMENDATION_PREFIXES = ("giay khen", "bang khen", "huan chuong", "huy chuong", "ky niem chuong", "giai thuong",
                          "danh hieu vinh du", "anh hung", "nha giao", "thay thuoc", "nghe nhan",
                          "ba me viet nam anh hung")


_WORDS = re.compile(r"[\W_]+")


def award_key(text: str) -> str:
    """A folded award title for comparison: "Giấy khen của Chủ tịch UBND xã" -> "giay khen ubnd xa"."""
    key = " " + " ".join(_WORDS.sub(" ", search_key(text)).split()) + " "
    for long, short in _AWARD_FOLDS:
        key = key.replace(f" {long.strip()} ", f" {short} " if short else " ")
    return " ".join(key.split())


def guess_award_kind(title: str) -> str:
    """emulation_title or commendation_form for a title that is not in the catalog."""
    key = " ".join(_WORDS.sub(" ", search_key(title)).split())
    return "commendation_form" if key.startswith(_COMMENDATION_PREFIXES) else "emulation_title"


def guess_issuing_level(*texts: str) -> str:
    """commune / province / central from the issuer or the title ("UBND tỉnh", "Thủ tướng Chính phủ")."""
    key = " " + " ".join(_WORDS.sub(" ", search_key(" ".join(texts))).split()) + " "
    if any(f" {w} " in key for w in ("thu tuong", "ttg", "chinh phu", "chu tich nuoc", "nha nuoc", "trung uong",
                                     "bo")):
        return "central"
    if " tinh " in key or " so " in key:
        return "province"
    return "commune"
