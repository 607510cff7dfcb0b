"""Numbers Excel damaged: a CCCD or a phone number typed into a number cell loses its leading zeros.

Every CCCD starts with 0 (the province codes run from 001 to 096), so 4085001234 in a number cell
was 004085001234. Putting the zeros back is safe only when the result is a CCCD that fits: a known
province code, a sex/century digit that gives a birth year that has been, and, when the row says
them, the same birth year and sex. Anything else is refused as before (we never guess a digit).

A mobile number 0912 345 678 typed as a number is 912345678: nine digits starting with 3, 5, 7, 8
or 9 (the mobile prefixes 03x, 05x, 07x, 08x, 09x). A landline 0206 3871 234 becomes 2063871234:
ten digits starting with 2. Both get their 0 back and must then be a valid number.

No Qt, no database.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from .enums import Gender
from .errors import ValidationError
from .validation import decode_cccd, validate_phone

__all__ = ["restore_cccd", "restore_phone"]

CCCD_LENGTH = 12
# A number cell keeps 10 digits of a CCCD from province 001-009 and 11 of one from 010-096.
_CCCD_KEPT = (10, 11)
_MOBILE_FIRST = frozenset("35789")
_OLDEST_BIRTH_YEAR = 1900


def _whole_number(value: Any) -> str | None:
    """The digits of a whole, positive number cell; None for text and anything else."""
    if isinstance(value, bool) or not isinstance(value, int | float):
        return None
    if isinstance(value, float) and not value.is_integer():
        return None
    return str(int(value)) if value > 0 else None


def restore_cccd(value: Any, *, birth_year: int | None = None, gender: Gender | str | None = None,
                 today: date | None = None) -> str | None:
    """The 12-digit CCCD a number cell held before Excel dropped its leading zeros, or None when the
    cell is no such number or the zeros cannot be put back with certainty."""
    digits = _whole_number(value)
    if digits is None or len(digits) not in _CCCD_KEPT:
        return None
    number = digits.zfill(CCCD_LENGTH)
    try:
        info = decode_cccd(number)
    except ValidationError:
        return None  # an unknown province code: more than zeros were lost
    this_year = (today or date.today()).year
    if not _OLDEST_BIRTH_YEAR <= info.birth_year <= this_year:
        return None
    if birth_year is not None and birth_year != info.birth_year:
        return None
    if gender is not None and Gender(gender) != info.gender:
        return None
    return info.number


def restore_phone(value: Any) -> str | None:
    """The phone number a number cell held before Excel dropped its leading 0, or None."""
    digits = _whole_number(value)
    if digits is None:
        return None
    mobile = len(digits) == 9 and digits[0] in _MOBILE_FIRST
    landline = len(digits) == 10 and digits[0] == "2"
    if not (mobile or landline):
        return None
    try:
        return validate_phone("0" + digits, "phone")
    except ValidationError:
        return None
