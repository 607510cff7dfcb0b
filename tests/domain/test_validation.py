"""Input validation: dates, CCCD, numbers, enums, phones, and the message table."""

from __future__ import annotations

import string
from collections.abc import Callable
from datetime import date

import pytest

from thidua_desktop.domain.enums import Gender
from thidua_desktop.domain.errors import ValidationError
from thidua_desktop.domain.validation import (
    CCCD_PROVINCES,
    MESSAGES,
    DateOrYear,
    check_name_characters,
    decode_cccd,
    format_message,
    parse_date,
    parse_date_or_year,
    parse_enum,
    parse_int,
    require,
    validate_cccd,
    validate_phone,
)


def raises(code: str, func: Callable[..., object], *args: object, **kwargs: object) -> ValidationError:
    with pytest.raises(ValidationError) as info:
        func(*args, **kwargs)
    assert info.value.code == code, info.value
    return info.value


# --- dates -----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("05/03/2026", date(2026, 3, 5)),
        ("5/3/2026", date(2026, 3, 5)),
        ("05-03-2026", date(2026, 3, 5)),
        ("05.03.2026", date(2026, 3, 5)),
        (" 05 / 03 / 2026 ", date(2026, 3, 5)),
        ("2026-03-05", date(2026, 3, 5)),
        ("29/02/2024", date(2024, 2, 29)),  # leap year
        ("29/02/2000", date(2000, 2, 29)),  # divisible by 400
        ("31/12/2100", date(2100, 12, 31)),
        ("01/01/1900", date(1900, 1, 1)),
        ("31/01/2025", date(2025, 1, 31)),
    ],
)
def test_parse_date_valid(text: str, expected: date) -> None:
    assert parse_date(text, "decision_date") == expected


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("29/02/2025", "DATE_INVALID"),
        ("29/02/1900", "DATE_INVALID"),  # 1900 is not a leap year
        ("31/02/2020", "DATE_INVALID"),
        ("31/04/2024", "DATE_INVALID"),
        ("00/01/2024", "DATE_INVALID"),
        ("12/13/2024", "DATE_INVALID"),  # month 13: we read day first
        ("05/03/26", "DATE_INVALID"),  # two-digit year is ambiguous
        ("05/03-2026", "DATE_INVALID"),  # mixed separators
        ("2026/03/05", "DATE_INVALID"),
        ("hôm qua", "DATE_INVALID"),
        ("05/03/２０２６", "DATE_INVALID"),  # full-width digits
        ("2026", "DATE_INVALID"),  # a bare year is not a date
        ("31/12/1899", "DATE_OUT_OF_RANGE"),
        ("01/01/2101", "DATE_OUT_OF_RANGE"),
        ("", "REQUIRED"),
        ("   ", "REQUIRED"),
    ],
)
def test_parse_date_invalid(text: str, code: str) -> None:
    err = raises(code, parse_date, text, "decision_date")
    assert err.field == "decision_date"
    if code != "REQUIRED":
        assert err.params["value"] == text.strip()


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2025", DateOrYear(None, 2025)),
        ("1900", DateOrYear(None, 1900)),
        ("2100", DateOrYear(None, 2100)),
        ("07/03/2025", DateOrYear(date(2025, 3, 7), 2025)),
        ("2025-03-07", DateOrYear(date(2025, 3, 7), 2025)),
    ],
)
def test_parse_date_or_year_valid(text: str, expected: DateOrYear) -> None:
    assert parse_date_or_year(text, "award_date") == expected


@pytest.mark.parametrize(
    ("text", "code"),
    [("1899", "DATE_OUT_OF_RANGE"), ("2101", "DATE_OUT_OF_RANGE"), ("925", "DATE_INVALID"),
     ("20255", "DATE_INVALID"), ("năm 2025", "DATE_INVALID"), ("", "REQUIRED")],
)
def test_parse_date_or_year_invalid(text: str, code: str) -> None:
    raises(code, parse_date_or_year, text, "award_date")


@pytest.mark.parametrize(
    ("value", "shown", "stored"),
    [
        (DateOrYear(date(2025, 3, 7), 2025), "07/03/2025", "2025-03-07"),
        (DateOrYear(None, 2025), "2025", "2025"),
        (DateOrYear.of(date(1999, 12, 31)), "31/12/1999", "1999-12-31"),
        (DateOrYear.of(1950), "1950", "1950"),
    ],
)
def test_date_or_year_display_and_json(value: DateOrYear, shown: str, stored: str) -> None:
    assert value.display() == shown
    assert value.to_json() == stored
    assert DateOrYear.from_json(stored) == value
    assert parse_date_or_year(shown, "f") == value


def test_date_or_year_bounds() -> None:
    assert DateOrYear(None, 2024).earliest() == date(2024, 1, 1)
    assert DateOrYear(None, 2024).latest() == date(2024, 12, 31)
    day = DateOrYear.of(date(2024, 5, 6))
    assert day.earliest() == day.latest() == date(2024, 5, 6)
    with pytest.raises(ValueError):
        DateOrYear(date(2024, 5, 6), 2023)


@pytest.mark.parametrize("stored", ["2025-02-30", "07/03/2025", "25", "", "2025-3-7"])
def test_date_or_year_from_json_rejects(stored: str) -> None:
    raises("DATE_INVALID", DateOrYear.from_json, stored)


# --- CCCD ------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "kwargs", "expected"),
    [
        ("004085123456", {}, "004085123456"),  # Cao Bằng, male, born 1985
        ("004 085 123 456", {}, "004085123456"),
        ("004085123456", {"birth_year": 1985, "gender": Gender.MALE}, "004085123456"),
        ("004185000001", {"birth_year": 1985, "gender": "female"}, "004185000001"),
        ("004301012345", {"birth_year": 2001, "gender": Gender.FEMALE}, "004301012345"),
        ("001200000001", {"birth_year": 2000, "gender": Gender.MALE}, "001200000001"),
        ("096099999999", {"birth_year": 1999}, "096099999999"),  # Cà Mau
        ("079812345678", {"birth_year": 1812}, "079812345678"),  # 8 = male born in the 1800s
        ("", {}, None),
        ("  ", {}, None),
        (None, {}, None),
    ],
)
def test_validate_cccd_valid(text: str | None, kwargs: dict[str, object], expected: str | None) -> None:
    assert validate_cccd(text, **kwargs) == expected  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("text", "kwargs", "code"),
    [
        ("00408512345", {}, "CCCD_FORMAT"),  # 11 digits
        ("0040851234567", {}, "CCCD_FORMAT"),  # 13 digits
        ("083123456", {}, "CCCD_FORMAT"),  # old 9-digit CMND
        ("00408512345A", {}, "CCCD_FORMAT"),
        ("004-085-123-456", {}, "CCCD_FORMAT"),
        ("００４０８５１２３４５６", {}, "CCCD_FORMAT"),  # full-width digits
        ("099085123456", {}, "CCCD_PROVINCE"),
        ("000085123456", {}, "CCCD_PROVINCE"),
        ("003085123456", {}, "CCCD_PROVINCE"),  # gap in the official list
        ("097085123456", {}, "CCCD_PROVINCE"),
        ("004085123456", {"birth_year": 1986}, "CCCD_MISMATCH"),
        ("004085123456", {"birth_year": 2085}, "CCCD_MISMATCH"),  # right last digits, wrong century
        ("004085123456", {"gender": Gender.FEMALE}, "CCCD_MISMATCH"),
        ("004301012345", {"birth_year": 2001, "gender": "male"}, "CCCD_MISMATCH"),
    ],
)
def test_validate_cccd_invalid(text: str, kwargs: dict[str, object], code: str) -> None:
    err = raises(code, validate_cccd, text, "id_number", **kwargs)
    assert err.field == "id_number"


def test_decode_cccd() -> None:
    info = decode_cccd("004 3 01 012345")
    assert (info.number, info.province_code, info.province_name) == ("004301012345", "004", "Cao Bằng")
    assert (info.gender, info.birth_year) == (Gender.FEMALE, 2001)


def test_cccd_province_list() -> None:
    assert len(CCCD_PROVINCES) == 63
    assert all(len(c) == 3 and c.isdigit() and "001" <= c <= "096" for c in CCCD_PROVINCES)
    assert CCCD_PROVINCES["004"] == "Cao Bằng"
    assert CCCD_PROVINCES["020"] == "Lạng Sơn"


# --- required, enums, numbers, phones --------------------------------------------------------


def test_require() -> None:
    assert require("  Nguyễn  Văn A ", "name") == "Nguyễn Văn A"
    assert require(0, "count") == 0
    for blank in (None, "", "  \t"):
        raises("REQUIRED", require, blank, "name")


@pytest.mark.parametrize("value", [Gender.FEMALE, "female", " Female ", "FEMALE"])
def test_parse_enum_valid(value: object) -> None:
    assert parse_enum(Gender, value, "gender") is Gender.FEMALE


def test_parse_enum_invalid() -> None:
    err = raises("ENUM_INVALID", parse_enum, Gender, "nữ", "gender")
    assert err.params["allowed"] == ["male", "female"]
    raises("REQUIRED", parse_enum, Gender, None, "gender")


@pytest.mark.parametrize(
    ("text", "kwargs", "expected"),
    [
        ("12", {}, 12),
        (" -3 ", {}, -3),
        ("+7", {}, 7),
        ("1.000.000", {}, 1_000_000),
        ("1,000", {}, 1000),
        ("1 490 000", {}, 1_490_000),
        (5, {"min": 1, "max": 5}, 5),
        ("1", {"min": 1, "max": 5}, 1),
        ("0", {"min": 0}, 0),
    ],
)
def test_parse_int_valid(text: str | int, kwargs: dict[str, int], expected: int) -> None:
    assert parse_int(text, "count", **kwargs) == expected


@pytest.mark.parametrize(
    ("text", "kwargs", "code"),
    [
        ("1.5", {}, "NUMBER_INVALID"),
        ("1.0000", {}, "NUMBER_INVALID"),
        ("1.000,000", {}, "NUMBER_INVALID"),
        ("mười", {}, "NUMBER_INVALID"),
        ("１２", {}, "NUMBER_INVALID"),
        (True, {}, "NUMBER_INVALID"),
        ("", {}, "REQUIRED"),
        ("0", {"min": 1, "max": 5}, "NUMBER_OUT_OF_RANGE"),
        ("6", {"min": 1, "max": 5}, "NUMBER_OUT_OF_RANGE"),
        (-1, {"min": 0}, "NUMBER_OUT_OF_RANGE"),
        ("101", {"max": 100}, "NUMBER_OUT_OF_RANGE"),
    ],
)
def test_parse_int_invalid(text: object, kwargs: dict[str, int], code: str) -> None:
    raises(code, parse_int, text, "count", **kwargs)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("0912345678", "0912345678"),
        ("0912 345 678", "0912345678"),
        ("0912.345.678", "0912345678"),
        ("+84912345678", "0912345678"),
        ("+84 912 345 678", "0912345678"),
        ("(+84) 912-345-678", "0912345678"),
        ("0084912345678", "0912345678"),
        ("02063852123", "02063852123"),  # Cao Bằng landline, 11 digits
        ("+842063852123", "02063852123"),
        ("", None),
        (None, None),
    ],
)
def test_validate_phone_valid(text: str | None, expected: str | None) -> None:
    assert validate_phone(text, "phone") == expected


@pytest.mark.parametrize(
    "text",
    ["912345678", "091234567", "09123456789", "03123456789", "84912345678", "+8409123456789",
     "0912abc678", "số điện thoại", "1912345678"],
)
def test_validate_phone_invalid(text: str) -> None:
    raises("PHONE_INVALID", validate_phone, text, "phone")


# --- messages --------------------------------------------------------------------------------

SPEC_CODES = {
    "DATE_INVALID", "DATE_OUT_OF_RANGE", "CCCD_FORMAT", "CCCD_PROVINCE", "CCCD_MISMATCH",
    "REQUIRED", "ENUM_INVALID", "NUMBER_INVALID", "NUMBER_OUT_OF_RANGE", "PHONE_INVALID",
}


def test_every_code_has_messages() -> None:
    assert set(MESSAGES) >= SPEC_CODES


@pytest.mark.parametrize("code", sorted(MESSAGES))
def test_messages_non_empty_in_both_languages(code: str) -> None:
    vi, en = MESSAGES[code]
    assert vi.strip() and en.strip()
    assert "{field_label}" in vi and "{field_label}" in en
    assert not vi.isascii(), "Vietnamese text needs its diacritics"
    assert en != vi
    # the same placeholders in both languages
    fields = {f for _, f, _, _ in string.Formatter().parse(vi) if f}
    assert fields == {f for _, f, _, _ in string.Formatter().parse(en) if f}


# One real call per code, so every template is formatted with the parameters actually raised.
EXAMPLES: list[tuple[str, Callable[[], object]]] = [
    ("REQUIRED", lambda: require(" ", "name")),
    ("ENUM_INVALID", lambda: parse_enum(Gender, "nữ", "gender")),
    ("NUMBER_INVALID", lambda: parse_int("1,5", "count")),
    ("NUMBER_OUT_OF_RANGE", lambda: parse_int("6", "count", min=1, max=5)),
    ("NUMBER_OUT_OF_RANGE", lambda: parse_int("-1", "count", min=0)),
    ("NUMBER_OUT_OF_RANGE", lambda: parse_int("101", "count", max=100)),
    ("DATE_INVALID", lambda: parse_date("31/02/2020", "birth_date")),
    ("DATE_INVALID", lambda: DateOrYear.from_json("x")),
    ("DATE_OUT_OF_RANGE", lambda: parse_date_or_year("1899", "birth_date")),
    ("CCCD_FORMAT", lambda: validate_cccd("123")),
    ("CCCD_PROVINCE", lambda: validate_cccd("099085123456")),
    ("CCCD_MISMATCH", lambda: validate_cccd("004085123456", birth_year=1990)),
    ("CCCD_MISMATCH", lambda: validate_cccd("004085123456", gender=Gender.FEMALE)),
    ("PHONE_INVALID", lambda: validate_phone("12345", "phone")),
    ("NAME_INVALID_CHARACTERS", lambda: check_name_characters("Lê Văn 😀", "full_name")),
    ("NAME_INVALID_CHARACTERS", lambda: check_name_characters("Lê\x07Văn", "full_name")),
]


def test_examples_cover_every_code() -> None:
    assert {code for code, _ in EXAMPLES} == set(MESSAGES)


@pytest.mark.parametrize(("code", "call"), EXAMPLES)
@pytest.mark.parametrize("lang", ["vi", "en"])
def test_every_raised_error_formats(code: str, call: Callable[[], object], lang: str) -> None:
    err = raises(code, call)
    text = format_message(err, "Trường thử", lang)
    assert "«Trường thử»" in text
    assert "{" not in text and "None" not in text and "[" not in text, text


def test_format_message_example() -> None:
    err = raises("DATE_INVALID", parse_date, "31/02/2020", "birth_date")
    assert format_message(err, "Ngày sinh") == (
        "Ngày không hợp lệ ở trường «Ngày sinh»: «31/02/2020». Nhập theo dạng ngày/tháng/năm, "
        "ví dụ 05/03/2026, hoặc chỉ năm."
    )
    assert "exactly 12 digits" in format_message(raises("CCCD_FORMAT", validate_cccd, "123"), "ID", "en")
    enum_err = raises("ENUM_INVALID", parse_enum, Gender, "x", "gender")
    assert format_message(enum_err, "Giới tính", allowed="Nam, Nữ").endswith("một trong: Nam, Nữ.")
