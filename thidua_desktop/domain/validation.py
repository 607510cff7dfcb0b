"""Parsing and validation of user input (forms, Excel, CLI). Standard library only.

Every function raises :class:`ValidationError` with a stable code and parameters; the texts for
those codes are in :data:`MESSAGES` (Vietnamese, English), filled in by the UI or the CLI, which
also supply ``field_label`` (the on-screen name of the field).
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import date
from enum import Enum
from typing import Any, TypeVar

from thidua_desktop.domain.enums import Gender
from thidua_desktop.domain.errors import DomainError, ValidationError, ValidationErrors
from thidua_desktop.domain.text import clean_text

__all__ = [
    "CCCD_PROVINCES",
    "MAX_YEAR",
    "MESSAGES",
    "MIN_YEAR",
    "CccdInfo",
    "DateOrYear",
    "ErrorCollector",
    "check_name_characters",
    "decode_cccd",
    "format_message",
    "parse_date",
    "parse_date_or_year",
    "parse_enum",
    "parse_int",
    "require",
    "validate_cccd",
    "validate_phone",
]

MIN_YEAR = 1900
MAX_YEAR = 2100

T = TypeVar("T")
E = TypeVar("E", bound=Enum)


# --- required values, enums, numbers ---------------------------------------------------------


def require(value: T | None, field: str) -> T:
    """``value``, or REQUIRED if it is None or a blank string. Strings come back cleaned (NFC)."""
    if value is None:
        raise ValidationError("REQUIRED", field=field)
    if isinstance(value, str):
        cleaned = clean_text(value)
        if not cleaned:
            raise ValidationError("REQUIRED", field=field)
        return cleaned  # type: ignore[return-value]  # a str in, a str out
    return value


def parse_enum(enum_cls: type[E], value: Any, field: str) -> E:
    """A member of ``enum_cls`` from a member, its value, or its value/name in any case."""
    if isinstance(value, enum_cls):
        return value
    allowed = [m.value for m in enum_cls]
    if value is None or (isinstance(value, str) and not value.strip()):
        raise ValidationError("REQUIRED", field=field)
    try:
        return enum_cls(value)
    except ValueError:
        pass
    if isinstance(value, str):
        wanted = clean_text(value).casefold()
        for member in enum_cls:
            if wanted in (str(member.value).casefold(), member.name.casefold()):
                return member
    raise ValidationError("ENUM_INVALID", field=field, value=value, allowed=allowed)


# Plain digits, or thousands grouped by "." (Vietnamese) or "," (English) in exact groups of 3.
_INT_RE = re.compile(r"[+-]?(?:\d+|\d{1,3}(?:\.\d{3})+|\d{1,3}(?:,\d{3})+)")


def _range_text(lo: int | None, hi: int | None) -> str:
    if lo is not None and hi is not None:
        return f"{lo} – {hi}"
    return f"≥ {lo}" if lo is not None else f"≤ {hi}"


def parse_int(text: str | int | None, field: str, min: int | None = None, max: int | None = None) -> int:
    """An integer from text ("12", "1.000", "1 000 000", "-3"); optional inclusive bounds."""
    if isinstance(text, bool):  # bool is an int subclass but never a number here
        raise ValidationError("NUMBER_INVALID", field=field, value=text)
    if isinstance(text, int):
        number = text
    else:
        raw = clean_text(text)
        if not raw:
            raise ValidationError("REQUIRED", field=field)
        compact = raw.replace(" ", "")
        if not (compact.isascii() and _INT_RE.fullmatch(compact)):
            raise ValidationError("NUMBER_INVALID", field=field, value=raw)
        number = int(compact.replace(".", "").replace(",", ""))
    if (min is not None and number < min) or (max is not None and number > max):
        raise ValidationError("NUMBER_OUT_OF_RANGE", field=field, value=text, min=min, max=max,
                              range=_range_text(min, max))
    return number


# --- names -----------------------------------------------------------------------------------

# Never part of a name: control and format characters (including the zero-width joiner that
# glues emoji together), unassigned and private-use code points, line/paragraph separators,
# enclosing marks (keycaps) and emoji variation selectors.
_NEVER_IN_NAMES = frozenset({"Cc", "Cf", "Cn", "Co", "Cs", "Zl", "Zp", "Me"})
_VARIATION_SELECTORS = frozenset(range(0xFE00, 0xFE10)) | frozenset(range(0xE0100, 0xE01F0))


# Every letter of Vietnamese and the other Latin scripts, digits, space, hyphen, apostrophes and
# dot: a name made only of these needs no check per character (an imported sheet has thousands).
_SURELY_FINE = frozenset(
    " -.'’0123456789" + "".join(chr(c) for c in [*range(0x41, 0x5B), *range(0x61, 0x7B), *range(0xC0, 0x250),
                                                *range(0x1E00, 0x1F00)]
                                if unicodedata.category(chr(c)).startswith("L")))


def _refused_in_name(ch: str, person: bool) -> bool:
    if ord(ch) in _VARIATION_SELECTORS:
        return True
    category = unicodedata.category(ch)
    if category in _NEVER_IN_NAMES:
        return True
    # Emoji and other pictographs (★, ©) are "other symbols"; skin tones are modifier symbols.
    # A person's name takes no symbol at all; a unit's name may hold "+" or "%" ("Tổ 3+4").
    return category.startswith("S") if person else category in ("So", "Sk")


def check_name_characters(text: str | None, field: str, *, person: bool = True) -> str:
    """The name cleaned (NFC, single spaces), or NAME_INVALID_CHARACTERS naming the first character
    that cannot be in a name (emoji, symbols, control characters) and its position from 1.

    Letters with any diacritics, digits, spaces, hyphens, apostrophes and dots stay accepted.
    Invisible characters pasted along (zero-width space or joiner, BOM) are dropped silently;
    control and bidi characters (ESC, NUL, a right-to-left override) are refused, so give this the
    text as typed, not text :func:`clean_text` already stripped."""
    cleaned = clean_text(text, keep_controls=True)
    if _SURELY_FINE.issuperset(cleaned):
        return cleaned
    for position, ch in enumerate(cleaned, start=1):
        if _refused_in_name(ch, person):
            visible = not unicodedata.category(ch).startswith(("C", "Z")) and ord(ch) not in _VARIATION_SELECTORS
            raise ValidationError("NAME_INVALID_CHARACTERS", field=field, value=cleaned, position=position,
                                  character=ch if visible else f"U+{ord(ch):04X}", codepoint=f"U+{ord(ch):04X}")
    return cleaned


# --- collecting every field's refusal ----------------------------------------------------------


class ErrorCollector:
    """Runs each field's check and keeps its refusal, so one save reports every bad field::

        errors = ErrorCollector()
        with errors.check():
            name = require(data.name, "name")
        phone = errors.call(validate_phone, data.phone, "phone")
        errors.raise_if_any()  # one error raised as itself, several as ValidationErrors

    Only :class:`ValidationError` is collected; any other error (not found, state) stops at once.
    """

    def __init__(self) -> None:
        self.errors: list[DomainError] = []

    def add(self, error: DomainError) -> None:
        self.errors.extend(error.errors if isinstance(error, ValidationErrors) else [error])

    @contextmanager
    def check(self) -> Iterator[None]:
        try:
            yield
        except ValidationError as exc:
            self.add(exc)

    def call(self, fn: Callable[..., T], *args: Any, **kwargs: Any) -> T | None:
        """``fn(*args, **kwargs)``, or None with its refusal kept."""
        try:
            return fn(*args, **kwargs)
        except ValidationError as exc:
            self.add(exc)
            return None

    def failed(self, field: str) -> bool:
        """Whether a refusal names ``field`` (to skip checks that depend on it)."""
        return any(e.field == field for e in self.errors)

    def __bool__(self) -> bool:
        return bool(self.errors)

    def raise_if_any(self) -> None:
        if len(self.errors) == 1:
            raise self.errors[0]
        if self.errors:
            raise ValidationErrors(self.errors)


# --- dates -----------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class DateOrYear:
    """A full date, or only a year when the day is unknown (common on old award records)."""

    day: date | None
    year: int

    def __post_init__(self) -> None:
        if self.day is not None and self.day.year != self.year:
            raise ValueError(f"year {self.year} does not match day {self.day}")

    @classmethod
    def of(cls, value: date | int) -> DateOrYear:
        return cls(value, value.year) if isinstance(value, date) else cls(None, value)

    def display(self) -> str:
        """``"07/03/2025"`` or ``"2025"``, as written on Vietnamese documents."""
        return self.day.strftime("%d/%m/%Y") if self.day else f"{self.year:04d}"

    def to_json(self) -> str:
        """``"2025-03-07"`` or ``"2025"``."""
        return self.day.isoformat() if self.day else f"{self.year:04d}"

    @classmethod
    def from_json(cls, value: str) -> DateOrYear:
        """Inverse of :meth:`to_json`; raises DATE_INVALID for anything else."""
        if re.fullmatch(r"\d{4}", value):
            return cls(None, int(value))
        if re.fullmatch(r"\d{4}-\d{2}-\d{2}", value):
            try:
                day = date.fromisoformat(value)
            except ValueError:
                pass
            else:
                return cls(day, day.year)
        raise ValidationError("DATE_INVALID", value=value)

    def earliest(self) -> date:
        """The day itself, or 1 January of the year (for "on or after" comparisons)."""
        return self.day or date(self.year, 1, 1)

    def latest(self) -> date:
        """The day itself, or 31 December of the year (for "on or before" comparisons)."""
        return self.day or date(self.year, 12, 31)


# Day first, as Vietnamese documents write dates; the same separator both times.
_DMY_RE = re.compile(r"(\d{1,2})\s*([/.\-])\s*(\d{1,2})\s*\2\s*(\d{4})")
_ISO_RE = re.compile(r"(\d{4})-(\d{1,2})-(\d{1,2})")
_YEAR_RE = re.compile(r"\d{4}")


def _check_year(year: int, field: str, text: str) -> None:
    if not MIN_YEAR <= year <= MAX_YEAR:
        raise ValidationError("DATE_OUT_OF_RANGE", field=field, value=text, min=MIN_YEAR, max=MAX_YEAR)


def parse_date(text: str | None, field: str) -> date:
    """A date from dd/mm/yyyy (also d/m/yyyy, dd-mm-yyyy, dd.mm.yyyy) or ISO yyyy-mm-dd.

    Blank -> REQUIRED. Two-digit years are refused: "05/03/26" could be 1926 or 2026.
    """
    raw = clean_text(text)
    if not raw:
        raise ValidationError("REQUIRED", field=field)
    if not raw.isascii():  # e.g. full-width or Arabic-Indic digits, which \d would accept
        raise ValidationError("DATE_INVALID", field=field, value=raw)
    if m := _DMY_RE.fullmatch(raw):
        day, month, year = int(m[1]), int(m[3]), int(m[4])
    elif m := _ISO_RE.fullmatch(raw):
        year, month, day = int(m[1]), int(m[2]), int(m[3])
    else:
        raise ValidationError("DATE_INVALID", field=field, value=raw)
    try:
        result = date(year, month, day)
    except ValueError:
        raise ValidationError("DATE_INVALID", field=field, value=raw) from None
    _check_year(year, field, raw)
    return result


def parse_date_or_year(text: str | None, field: str) -> DateOrYear:
    """Like :func:`parse_date`, but a bare four-digit year is accepted too."""
    raw = clean_text(text)
    if raw.isascii() and _YEAR_RE.fullmatch(raw):
        _check_year(int(raw), field, raw)
        return DateOrYear(None, int(raw))
    day = parse_date(raw, field)
    return DateOrYear(day, day.year)


# --- CCCD (căn cước công dân / căn cước, 12 digits) -----------------------------------------

# Codes of the 63 provinces before the 2025 merger (Circular 07/2016/TT-BCA). The code is where
# the birth was registered, so cards keep these codes after the merger.
CCCD_PROVINCES: dict[str, str] = {
    "001": "Hà Nội", "002": "Hà Giang", "004": "Cao Bằng", "006": "Bắc Kạn", "008": "Tuyên Quang",
    "010": "Lào Cai", "011": "Điện Biên", "012": "Lai Châu", "014": "Sơn La", "015": "Yên Bái",
    "017": "Hòa Bình", "019": "Thái Nguyên", "020": "Lạng Sơn", "022": "Quảng Ninh",
    "024": "Bắc Giang", "025": "Phú Thọ", "026": "Vĩnh Phúc", "027": "Bắc Ninh", "030": "Hải Dương",
    "031": "Hải Phòng", "033": "Hưng Yên", "034": "Thái Bình", "035": "Hà Nam", "036": "Nam Định",
    "037": "Ninh Bình", "038": "Thanh Hóa", "040": "Nghệ An", "042": "Hà Tĩnh", "044": "Quảng Bình",
    "045": "Quảng Trị", "046": "Thừa Thiên Huế", "048": "Đà Nẵng", "049": "Quảng Nam",
    "051": "Quảng Ngãi", "052": "Bình Định", "054": "Phú Yên", "056": "Khánh Hòa",
    "058": "Ninh Thuận", "060": "Bình Thuận", "062": "Kon Tum", "064": "Gia Lai", "066": "Đắk Lắk",
    "067": "Đắk Nông", "068": "Lâm Đồng", "070": "Bình Phước", "072": "Tây Ninh",
    "074": "Bình Dương", "075": "Đồng Nai", "077": "Bà Rịa - Vũng Tàu", "079": "Hồ Chí Minh",
    "080": "Long An", "082": "Tiền Giang", "083": "Bến Tre", "084": "Trà Vinh", "086": "Vĩnh Long",
    "087": "Đồng Tháp", "089": "An Giang", "091": "Kiên Giang", "092": "Cần Thơ",
    "093": "Hậu Giang", "094": "Sóc Trăng", "095": "Bạc Liêu", "096": "Cà Mau",
}

# Digit 4: century of birth (even = male, odd = female).
_CENTURY_START = {0: 1900, 1: 1900, 2: 2000, 3: 2000, 4: 2100, 5: 2100, 6: 2200, 7: 2200,
                  8: 1800, 9: 1800}


@dataclass(frozen=True, slots=True)
class CccdInfo:
    """What a CCCD number itself says about its holder."""

    number: str
    province_code: str
    province_name: str
    gender: Gender
    birth_year: int


def decode_cccd(text: str, field: str = "cccd") -> CccdInfo:
    """Decode a CCCD number; raises CCCD_FORMAT or CCCD_PROVINCE (blank counts as CCCD_FORMAT)."""
    raw = clean_text(text)
    number = "".join(raw.split())
    if not re.fullmatch(r"[0-9]{12}", number):
        raise ValidationError("CCCD_FORMAT", field=field, value=raw)
    province = number[:3]
    if province not in CCCD_PROVINCES:
        raise ValidationError("CCCD_PROVINCE", field=field, value=raw, province_code=province)
    marker = int(number[3])
    return CccdInfo(
        number=number,
        province_code=province,
        province_name=CCCD_PROVINCES[province],
        gender=Gender.FEMALE if marker % 2 else Gender.MALE,
        birth_year=_CENTURY_START[marker] + int(number[4:6]),
    )


def validate_cccd(
    text: str | None,
    field: str = "cccd",
    *,
    birth_year: int | None = None,
    gender: Gender | str | None = None,
) -> str | None:
    """The 12-digit CCCD as text (leading zeros kept), or None when blank.

    With ``birth_year`` / ``gender`` of the record, a number that contradicts them is refused
    with CCCD_MISMATCH (a typo in either the number or the record).
    """
    raw = clean_text(text)
    if not raw:
        return None
    info = decode_cccd(raw, field)
    wanted_gender = Gender(gender) if gender is not None else None
    if birth_year is not None and birth_year != info.birth_year:
        mismatch = "birth_year"
    elif wanted_gender is not None and wanted_gender != info.gender:
        mismatch = "gender"
    else:
        return info.number
    raise ValidationError("CCCD_MISMATCH", field=field, value=raw, mismatch=mismatch,
                          cccd_year=info.birth_year, cccd_gender=info.gender.value)


# --- phone numbers ---------------------------------------------------------------------------

_PHONE_SEPARATORS = re.compile(r"[\s.\-()]")


def validate_phone(text: str | None, field: str) -> str | None:
    """A Vietnamese phone number as domestic digits ("0912345678"), or None when blank.

    Accepts 10 digits starting with 0 (mobile), 11 digits starting with 02 (landlines since
    2017, e.g. Cao Bằng 0206 …), and the same numbers written with +84 / 0084 instead of 0.
    Spaces, dots, hyphens and brackets are ignored.
    """
    raw = clean_text(text)
    if not raw:
        return None
    digits = _PHONE_SEPARATORS.sub("", raw)
    for prefix in ("+84", "0084"):
        if digits.startswith(prefix):
            digits = "0" + digits[len(prefix):]
            break
    if re.fullmatch(r"0[0-9]{9}|02[0-9]{9}", digits):
        return digits
    raise ValidationError("PHONE_INVALID", field=field, value=raw)


# --- messages --------------------------------------------------------------------------------

# code -> (Vietnamese, English). Placeholders: {field_label} from the caller, the rest from
# ValidationError.params.
MESSAGES: dict[str, tuple[str, str]] = {
    "REQUIRED": (
        "Trường «{field_label}» là bắt buộc, vui lòng nhập.",
        "«{field_label}» is required.",
    ),
    "ENUM_INVALID": (
        "Giá trị «{value}» không hợp lệ ở trường «{field_label}». Chỉ được chọn một trong: {allowed}.",
        "«{value}» is not a valid value for «{field_label}». Choose one of: {allowed}.",
    ),
    "NUMBER_INVALID": (
        "«{value}» ở trường «{field_label}» không phải là số nguyên. Chỉ nhập chữ số, ví dụ 12.",
        "«{value}» in «{field_label}» is not a whole number. Enter digits only, e.g. 12.",
    ),
    "NUMBER_OUT_OF_RANGE": (
        "Giá trị «{value}» ở trường «{field_label}» nằm ngoài phạm vi cho phép ({range}).",
        "«{value}» in «{field_label}» is outside the allowed range ({range}).",
    ),
    "DATE_INVALID": (
        "Ngày không hợp lệ ở trường «{field_label}»: «{value}». Nhập theo dạng ngày/tháng/năm, "
        "ví dụ 05/03/2026, hoặc chỉ năm.",
        "Invalid date in «{field_label}»: «{value}». Enter it as day/month/year, e.g. 05/03/2026, "
        "or just the year.",
    ),
    "DATE_OUT_OF_RANGE": (
        "Ngày «{value}» ở trường «{field_label}» nằm ngoài khoảng cho phép: năm phải từ {min} đến {max}.",
        "The date «{value}» in «{field_label}» is out of range: the year must be between {min} and {max}.",
    ),
    "CCCD_FORMAT": (
        "Số căn cước «{value}» ở trường «{field_label}» không hợp lệ: số căn cước gồm đúng 12 chữ số.",
        "The citizen ID «{value}» in «{field_label}» is invalid: it must have exactly 12 digits.",
    ),
    "CCCD_PROVINCE": (
        "Số căn cước «{value}» ở trường «{field_label}» có mã tỉnh «{province_code}» không tồn tại. "
        "Ba chữ số đầu là mã tỉnh nơi đăng ký khai sinh, ví dụ 004 là Cao Bằng.",
        "The citizen ID «{value}» in «{field_label}» starts with an unknown province code «{province_code}». "
        "The first three digits are the province of birth registration, e.g. 004 for Cao Bằng.",
    ),
    "CCCD_MISMATCH": (
        "Số căn cước «{value}» ở trường «{field_label}» không khớp với năm sinh hoặc giới tính đã nhập "
        "(theo số này, người mang thẻ sinh năm {cccd_year}). Vui lòng kiểm tra lại.",
        "The citizen ID «{value}» in «{field_label}» does not match the birth year or gender entered "
        "(the number says born in {cccd_year}). Please check.",
    ),
    "NAME_INVALID_CHARACTERS": (
        "Trường «{field_label}» có ký tự không dùng được trong tên: «{character}» (ký tự thứ {position}). "
        "Tên chỉ gồm chữ cái (có dấu), chữ số, dấu cách, dấu gạch nối, dấu nháy và dấu chấm; "
        "không dùng biểu tượng cảm xúc (emoji) hay ký tự điều khiển.",
        "«{field_label}» holds a character that cannot be in a name: «{character}» (character {position}). "
        "Use letters (with their accents), digits, spaces, hyphens, apostrophes and dots; "
        "no emoji or control characters.",
    ),
    "PHONE_INVALID": (
        "Số điện thoại «{value}» ở trường «{field_label}» không hợp lệ. Nhập 10 chữ số bắt đầu bằng 0 "
        "(ví dụ 0912 345 678) hoặc dạng +84.",
        "The phone number «{value}» in «{field_label}» is invalid. Enter 10 digits starting with 0 "
        "(e.g. 0912 345 678) or the +84 form.",
    ),
}


def _param_text(value: Any) -> Any:
    if isinstance(value, Iterable) and not isinstance(value, str):
        return ", ".join(str(v) for v in value)
    return value


def format_message(error: DomainError, field_label: str, lang: str = "vi", **overrides: Any) -> str:
    """The text for ``error`` in ``lang`` ("vi" or "en"); unknown codes fall back to the code.

    ``overrides`` replace raised parameters with display text, e.g. ``allowed="Nam, Nữ"`` for
    ENUM_INVALID, whose ``allowed`` parameter holds the stored English codes.
    """
    templates = MESSAGES.get(error.code)
    if templates is None:
        return error.code
    template = templates[0] if lang == "vi" else templates[1]
    params = {k: _param_text(v) for k, v in {**error.params, **overrides}.items()}
    return template.format(field_label=field_label, **params)
