"""Characters allowed in names (issue 9, point 14) and collecting every field's refusal (point 5)."""

from __future__ import annotations

import unicodedata

import pytest

from thidua_desktop.domain.errors import DomainError, NotFoundError, ValidationError, ValidationErrors
from thidua_desktop.domain.validation import ErrorCollector, check_name_characters, require, validate_phone
from thidua_desktop.messages import render


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Nguyễn Thị Ánh", "Nguyễn Thị Ánh"),
        ("Đặng Thị Hường", "Đặng Thị Hường"),
        ("Lương Văn Ượng", "Lương Văn Ượng"),
        ("Hoàng Thị Ỷ", "Hoàng Thị Ỷ"),
        (unicodedata.normalize("NFD", "Nguyễn Ngọc Ẩn"), "Nguyễn Ngọc Ẩn"),  # NFD typed or pasted
        ("  Bế   Văn  Nam ", "Bế Văn Nam"),
        ("Y-Bih Niê Kdăm", "Y-Bih Niê Kdăm"),  # hyphen
        ("H'Hen Niê", "H'Hen Niê"),  # apostrophe
        ("H’Mông A Páo", "H’Mông A Páo"),  # typographic apostrophe
        ("Nguyễn V. An", "Nguyễn V. An"),  # dot
        ("Nông Văn Số 12", "Nông Văn Số 12"),  # digits (numbered placeholders in old registers)
        ("ÐINH VĂN TÚ", "ÐINH VĂN TÚ"),  # Icelandic eth from legacy conversions
        ("Lê\tVăn\nTám\u2028Út", "Lê Văn Tám Út"),  # tabs, line breaks become one space
        # Invisible characters pasted along are dropped (issue 11): zero-width space and joiner, BOM.
        ("Lê\u200bVăn", "LêVăn"),
        ("Lê\u200dVăn\u2060", "LêVăn"),
        ("\ufeffBế Văn Nam", "Bế Văn Nam"),
    ],
)
def test_names_accepted(text: str, expected: str) -> None:
    assert check_name_characters(text, "full_name") == expected


@pytest.mark.parametrize(
    ("text", "position", "character"),
    [
        ("Nguyễn Văn An 😀", 15, "😀"),
        ("😀Lan", 1, "😀"),
        ("Lê Thị ❤️ Hoa", 8, "❤"),
        ("Bế Văn 👍🏽", 8, "👍"),
        ("Lê\x07Văn", 3, "U+0007"),  # bell
        ("Lê\x00Văn", 3, "U+0000"),  # NUL
        ("Lê\u202eVăn", 3, "U+202E"),  # right-to-left override
        ("Lê \u2067Văn", 4, "U+2067"),  # right-to-left isolate
        ("Lê\x1b[31mVăn", 3, "U+001B"),  # a terminal escape
        ("Lê Văn\ue000", 7, "U+E000"),  # private use (some old fonts' symbols)
        ("Lê Văn ★", 8, "★"),
        ("Lê Văn 1\ufe0f\u20e3", 9, "U+FE0F"),  # keycap emoji
        ("Lê Văn +", 8, "+"),
    ],
)
def test_person_names_refused(text: str, position: int, character: str) -> None:
    with pytest.raises(ValidationError) as info:
        check_name_characters(text, "full_name")
    err = info.value
    assert (err.code, err.field) == ("NAME_INVALID_CHARACTERS", "full_name")
    assert err.params["position"] == position
    assert err.params["character"] == character
    text_vi = render(err, "vi")
    assert f"«{character}» (ký tự thứ {position})" in text_vi and "«Họ và tên»" in text_vi
    assert f"character {position}" in render(err, "en")


@pytest.mark.parametrize(("text", "ok"), [("Tổ 3+4", True), ("Hộ gia đình ông/bà Lý Văn Toàn", True),
                                          ("Chi hội (thôn Nà Lẹng), 50%", True), ("Thôn 🌾 Nà Lẹng", False),
                                          ("Thôn\x1bNà", False)])
def test_collective_names(text: str, ok: bool) -> None:
    if ok:
        assert check_name_characters(text, "name", person=False) == text
    else:
        with pytest.raises(ValidationError, match="NAME_INVALID_CHARACTERS"):
            check_name_characters(text, "name", person=False)


def test_collector_raises_one_error_as_itself_and_several_together() -> None:
    one = ErrorCollector()
    assert one.call(validate_phone, "0912345678", "phone") == "0912345678"
    with one.check():
        require("", "full_name")
    assert one.failed("full_name") and not one.failed("phone")
    with pytest.raises(ValidationError) as info:
        one.raise_if_any()
    assert not isinstance(info.value, ValidationErrors) and info.value.code == "REQUIRED"

    many = ErrorCollector()
    many.call(require, "", "full_name")
    many.call(validate_phone, "123", "phone")
    many.add(ValidationErrors([ValidationError("CCCD_FORMAT", field="cccd", value="1")]))  # flattened
    with pytest.raises(ValidationErrors) as info2:
        many.raise_if_any()
    err = info2.value
    assert isinstance(err, DomainError) and isinstance(err, ValidationError)
    assert (err.code, err.field, err.params["count"]) == ("MANY_ERRORS", None, 3)
    assert [(e.code, e.field) for e in err.errors] == [("REQUIRED", "full_name"), ("PHONE_INVALID", "phone"),
                                                       ("CCCD_FORMAT", "cccd")]
    ErrorCollector().raise_if_any()  # nothing collected, nothing raised


def test_collector_lets_other_errors_through() -> None:
    errors = ErrorCollector()
    with pytest.raises(NotFoundError):
        with errors.check():
            raise NotFoundError("NOT_FOUND", field="village", id="x")
    assert not errors


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_render_many_errors_one_line_each_naming_the_field(lang: str) -> None:
    err = ValidationErrors([ValidationError("REQUIRED", field="full_name"),
                            ValidationError("CCCD_DUPLICATE", field="cccd"),
                            ValidationError("PHONE_INVALID", field="phone", value="123")])
    lines = render(err, lang).splitlines()
    assert len(lines) == 4
    assert lines[0] == ("Có 3 chỗ cần sửa:" if lang == "vi" else "3 things to fix:")
    labels = (["Họ và tên", "Số CCCD", "Số điện thoại"] if lang == "vi"
              else ["Full name", "Citizen ID number", "Phone"])
    for line, label in zip(lines[1:], labels, strict=True):
        assert line.startswith("– ") and label in line
