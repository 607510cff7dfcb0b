"""Amounts in Vietnamese words, as a decision writes its total ("Bằng chữ: …")."""

from __future__ import annotations

import itertools
import unicodedata

import pytest
from hypothesis import given
from hypothesis import strategies as st

from thidua_desktop.reports.words import amount_in_words, money, number_words


@pytest.mark.parametrize(("amount", "words"), [
    (0, "Không đồng"),
    (2_000_005_000, "Hai tỷ không trăm linh năm nghìn đồng"),
    (10**18, "Một tỷ tỷ đồng"),  # billions of billions still say both "tỷ"
    (1, "Một đồng"),
    (5, "Năm đồng"),
    (10, "Mười đồng"),
    (11, "Mười một đồng"),
    (14, "Mười bốn đồng"),
    (15, "Mười lăm đồng"),  # 5 after a ten is "lăm"
    (20, "Hai mươi đồng"),
    (21, "Hai mươi mốt đồng"),  # 1 after "mươi" is "mốt"
    (25, "Hai mươi lăm đồng"),
    (100, "Một trăm đồng"),
    (101, "Một trăm linh một đồng"),  # an empty tens place is "linh", and 1 stays "một"
    (105, "Một trăm linh năm đồng"),  # … and 5 stays "năm"
    (110, "Một trăm mười đồng"),
    (1_005, "Một nghìn không trăm linh năm đồng"),  # a group after a higher one says its hundreds
    (10_000, "Mười nghìn đồng"),
    (105_000, "Một trăm linh năm nghìn đồng"),
    (710_000, "Bảy trăm mười nghìn đồng"),  # LĐTT: 0.3 × 2,340,000 rounded up
    (1_000_000, "Một triệu đồng"),
    (1_050_000, "Một triệu không trăm năm mươi nghìn đồng"),
    (1_880_000, "Một triệu tám trăm tám mươi nghìn đồng"),  # TTLĐTT: 0.8 × 2,340,000 rounded up
    (2_340_000, "Hai triệu ba trăm bốn mươi nghìn đồng"),
    (5_680_000, "Năm triệu sáu trăm tám mươi nghìn đồng"),
    (12_345_678, "Mười hai triệu ba trăm bốn mươi lăm nghìn sáu trăm bảy mươi tám đồng"),
    (1_000_010_000, "Một tỷ không trăm mười nghìn đồng"),  # an empty million group is skipped
    (1_000_000_000_000, "Một nghìn tỷ đồng"),
])
def test_amount_in_words(amount: int, words: str) -> None:
    assert amount_in_words(amount) == words
    assert unicodedata.is_normalized("NFC", amount_in_words(amount))


@pytest.mark.parametrize(("amount", "figures"), [
    (0, "0"), (15, "15"), (710_000, "710.000"), (1_050_000, "1.050.000"), (12_345_678, "12.345.678"), (None, "…"),
])
def test_money_uses_the_vietnamese_thousands_separator(amount: int | None, figures: str) -> None:
    assert money(amount) == figures


@given(st.integers(min_value=1, max_value=999_999_999_999))
def test_words_are_well_formed(amount: int) -> None:
    words = number_words(amount).split(" ")
    assert words[0] not in ("không", "linh", "mươi", "nghìn", "triệu", "tỷ", "trăm")  # no leading filler
    assert "mốt" not in words or words[words.index("mốt") - 1] == "mươi"
    assert "lăm" not in words or words[words.index("lăm") - 1] in ("mươi", "mười")
    assert not any(a == b for a, b in itertools.pairwise(words))  # nothing said twice in a row
    assert words.count("triệu") <= 1 and words.count("tỷ") <= 1


@given(st.integers(min_value=0, max_value=999))
def test_thousands_say_the_group_below_in_full(low: int) -> None:
    """7 000 + n: a non-empty group after "nghìn" always says its hundreds ("không trăm …")."""
    words = number_words(7_000 + low)
    if low:
        assert words.startswith("bảy nghìn ") and words.split(" ")[2] in (
            "không", "một", "hai", "ba", "bốn", "năm", "sáu", "bảy", "tám", "chín")
        assert words.split(" ")[3] == "trăm"
    else:
        assert words == "bảy nghìn"


def test_roman_section_numbers() -> None:
    from thidua_desktop.reports.words import roman

    assert [roman(n) for n in (1, 4, 9, 14, 19, 24, 40, 99)] == ["I", "IV", "IX", "XIV", "XIX", "XXIV", "XL", "XCIX"]
    assert roman(0) == "0"
