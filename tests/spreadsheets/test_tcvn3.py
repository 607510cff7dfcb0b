"""TCVN3 (.VnTime) text: the table, the detection heuristic, and the checked-in legacy file."""

from __future__ import annotations

import unicodedata
from pathlib import Path

import openpyxl
import pytest
from hypothesis import given
from hypothesis import strategies as st

from thidua_desktop.spreadsheets.reading import open_workbook, read_sheet
from thidua_desktop.spreadsheets.tcvn3 import (
    TCVN3_TO_UNICODE,
    is_capitals_font,
    is_tcvn3_font,
    looks_tcvn3,
    tcvn3_to_unicode,
)

DATA = Path(__file__).resolve().parents[1] / "data" / "import"

# (as a .VnTime cell holds it, the Unicode text): typed byte by byte from TCVN 5712:1993 VN3.
WORDS = [
    ("NguyÔn ThÞ H\xad¬ng", "Nguyễn Thị Hương"),
    ("§µm Thñy", "Đàm Thủy"),
    ("N«ng V¨n DÒn", "Nông Văn Dền"),
    ("Hoµng V¨n Minh", "Hoàng Văn Minh"),
    ("Cao B»ng", "Cao Bằng"),
    ("Qu¶ng Uyªn", "Quảng Uyên"),
    ("Lao ®éng tiªn tiÕn", "Lao động tiên tiến"),
    ("ChiÕn sÜ thi ®ua c¬ së", "Chiến sĩ thi đua cơ sở"),
    ("Hä vµ tªn", "Họ và tên"),
    ("N÷", "Nữ"),
]


@pytest.mark.parametrize(("legacy", "unicode"), WORDS)
def test_real_words_convert(legacy: str, unicode: str) -> None:
    assert looks_tcvn3(legacy)
    converted = tcvn3_to_unicode(legacy)
    assert converted == unicode
    assert unicodedata.is_normalized("NFC", converted)


def test_the_table_is_the_vn3_upper_half_and_one_to_one() -> None:
    assert len(TCVN3_TO_UNICODE) == 74  # 67 small letters with marks + Ă Â Ê Ô Ơ Ư Đ
    assert len(set(TCVN3_TO_UNICODE.values())) == 74
    assert all(0xA1 <= ord(k) <= 0xFE for k in TCVN3_TO_UNICODE)
    assert {TCVN3_TO_UNICODE[k] for k in "\xa1\xa2\xa3\xa4\xa5\xa6\xa7"} == set("ĂÂÊÔƠƯĐ")
    # every Vietnamese small vowel with a tone mark is reachable
    small = {v for v in TCVN3_TO_UNICODE.values() if v.islower()}
    for base in "aăâeêioôơuưy":
        for mark in ("\u0300", "\u0309", "\u0303", "\u0301", "\u0323"):
            assert unicodedata.normalize("NFC", base + mark) in small


@pytest.mark.parametrize("text", ["Nguyễn Thị Hương", "Hà Nội", "Lò Tô", "«Tổ dân phố»", "Nguyen Van A", "", "1985",
                                  "Ông Bà"])
def test_unicode_and_plain_text_are_left_alone(text: str) -> None:
    assert not looks_tcvn3(text)


def test_capitals_fonts_draw_lower_codes_as_capitals() -> None:
    assert tcvn3_to_unicode("danh s¸ch c¸ nh©n", upper=True) == "DANH SÁCH CÁ NHÂN"
    assert is_tcvn3_font(".VnTime") and is_tcvn3_font(".VnArialH") and not is_tcvn3_font("Times New Roman")
    assert is_capitals_font(".VnTimeH") and not is_capitals_font(".VnTime") and not is_capitals_font(None)


def test_checked_in_file_holds_legacy_text_and_reads_as_unicode() -> None:
    raw = openpyxl.load_workbook(DATA / "people_tcvn3.xlsx")["DS"]
    assert raw["B4"].value == "NguyÔn ThÞ H\xad¬ng" and raw["B4"].font.name == ".VnTime"
    assert raw["B7"].font.name != ".VnTime"  # only the text gives it away
    grid = read_sheet(open_workbook(DATA / "people_tcvn3.xlsx"), "DS")
    assert grid.value(1, 1) == "DANH SÁCH CÁ NHÂN"  # .VnTimeH title
    assert [grid.value(3, c) for c in range(1, 7)] == ["STT", "Họ và tên", "Giới tính", "Năm sinh", "Dân tộc",
                                                       "Thôn, xóm"]
    assert [grid.value(r, 2) for r in range(4, 9)] == ["Nguyễn Thị Hương", "Đàm Thị Thủy", "Nông Văn Dền",
                                                       "Hoàng Văn Minh", "Võ Tú"]
    # "Vâ Tó" has no sure sign on its own: the rest of the sheet being TCVN3 decides
    assert not looks_tcvn3("Vâ Tó")
    assert grid.tcvn3_cells == 21 and grid.nfd_cells == 0


def test_a_unicode_sheet_is_not_converted() -> None:
    grid = read_sheet(open_workbook(DATA / "people_merged_header.xlsx"), "Danh sách")
    assert grid.tcvn3_cells == 0
    assert grid.value(9, 2) == "Nguyễn Thị Hương"


_TO_LEGACY = {v: k for k, v in TCVN3_TO_UNICODE.items()}
_LETTERS = "".join(sorted(set("abcdeghiklmnopqrstuvxy ") | {v for v in TCVN3_TO_UNICODE.values() if v.islower()}))


@given(st.text(alphabet=_LETTERS, min_size=1, max_size=40))
def test_any_lower_case_vietnamese_text_survives_the_round_trip(text: str) -> None:
    legacy = "".join(_TO_LEGACY.get(ch, ch) for ch in text)
    assert tcvn3_to_unicode(legacy) == text
    assert tcvn3_to_unicode(legacy, upper=True) == text.upper()
