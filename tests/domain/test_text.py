"""Vietnamese text helpers: search keys, name splitting, alphabet order, sort strings."""

from __future__ import annotations

import unicodedata
from itertools import pairwise

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from thidua_desktop.domain.text import (
    clean_text,
    name_sort_key,
    name_sort_string,
    nfc,
    search_key,
    split_name,
    vi_collation_key,
)


def nfd(s: str) -> str:
    return unicodedata.normalize("NFD", s)


# --- normalisation and search ---------------------------------------------------------------


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        (None, ""),
        ("", ""),
        ("   ", ""),
        ("  Nguyễn   Thị\tÁnh \n", "Nguyễn Thị Ánh"),
        (nfd("Nguyễn Thị Ánh"), "Nguyễn Thị Ánh"),
    ],
)
def test_clean_text(raw: str | None, expected: str) -> None:
    assert clean_text(raw) == expected
    assert clean_text(raw) == nfc(clean_text(raw))


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Nguyễn Thị Ánh", "nguyen thi anh"),
        (nfd("Nguyễn Thị Ánh"), "nguyen thi anh"),
        ("  NGUYỄN   THỊ ÁNH ", "nguyen thi anh"),
        ("Đức", "duc"),
        ("đặng đình", "dang dinh"),
        ("Ðức", "duc"),  # U+00D0 eth, a common stand-in for Đ in converted legacy text
        ("Phương Ưng Ơn", "phuong ung on"),
        ("Hoà Hòa", "hoa hoa"),
        ("", ""),
    ],
)
def test_search_key(text: str, expected: str) -> None:
    assert search_key(text) == expected


def test_search_key_mixed_precomposed_and_combining() -> None:
    # "ệ" written as precomposed "ê" + combining dot below, next to fully precomposed letters.
    mixed = "Nguy\u00ea\u0323n Ánh"
    assert search_key(mixed) == "nguyen anh"
    assert search_key(mixed) == search_key("Nguyện Ánh")


@pytest.mark.parametrize(
    ("query", "name"),
    [
        ("nguyen thi anh", "Nguyễn Thị Ánh"),
        ("duc", "Đức"),
        ("duc", "Nguyễn Minh Đức"),
        ("thi anh", nfd("Nguyễn Thị Ánh")),
        ("Ánh", "NGUYỄN THỊ ÁNH"),
        ("hoang", "Hoàng Văn Hùng"),
    ],
)
def test_search_key_finds(query: str, name: str) -> None:
    assert search_key(query) in search_key(name)


@pytest.mark.parametrize(
    ("query", "name"),
    [
        ("nguyen thi anh", "Nguyễn Thị Ngọc Ánh"),
        ("dung", "Đức"),
    ],
)
def test_search_key_does_not_find(query: str, name: str) -> None:
    assert search_key(query) not in search_key(name)


@given(st.text())
def test_search_key_is_normalisation_insensitive(s: str) -> None:
    assert search_key(nfd(s)) == search_key(s) == search_key(nfc(s))


# --- name splitting --------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("full", "expected"),
    [
        ("Nguyễn Thị Ánh", ("Nguyễn", "Thị", "Ánh")),
        ("Hoàng Văn Minh Đức", ("Hoàng", "Văn Minh", "Đức")),
        ("Lý Bình", ("Lý", "", "Bình")),
        ("Bình", ("", "", "Bình")),
        ("  Bế   Thị  Đào ", ("Bế", "Thị", "Đào")),
        ("", ("", "", "")),
        (None, ("", "", "")),
    ],
)
def test_split_name(full: str | None, expected: tuple[str, str, str]) -> None:
    assert split_name(full) == expected


# --- alphabet order ---------------------------------------------------------------------------

VI_ALPHABET = "a ă â b c d đ e ê f g h i j k l m n o ô ơ p q r s t u ư v w x y z".split()


@pytest.mark.parametrize(("lower", "higher"), list(pairwise(VI_ALPHABET)))
def test_letter_order(lower: str, higher: str) -> None:
    assert vi_collation_key(lower) < vi_collation_key(higher)
    assert vi_collation_key(lower.upper()) < vi_collation_key(higher.upper())


@pytest.mark.parametrize(
    "ordered",
    [
        # tones: none, huyền, hỏi, ngã, sắc, nặng
        ["ma", "mà", "mả", "mã", "má", "mạ"],
        ["Anh", "Ánh", "Ân", "Bình", "Dung", "Duy", "Đức"],
        # đ after every d-word, ư after u, ơ after ô after o
        ["Dzung", "Đa", "Đức"],
        ["Uy", "Ưng"],
        ["Oz", "Ôm", "Ơn"],
        ["Hồ", "Hổ", "Hộ", "Hơ", "Hờ", "Hợ"],
        # base letters of the whole string beat tones: "mạ" (heaviest tone) before "mai"
        ["mạ", "mai", "mái"],
        ["Ạnh", "Ăn"],
        # a word boundary sorts before any letter
        ["An Bình", "Anh"],
        # case is the last level: it loses to tone
        ["anh", "Anh", "ánh", "Ánh"],
        # foreign letters in their Latin places
        ["Ê", "Frank", "Gấm", "Ích", "John", "Kim", "Vũ", "William", "Xuân", "Yến", "Zoe"],
        ["Bảo", "Bão", "Báo", "Bạo", "Bát"],
    ],
)
def test_collation_order(ordered: list[str]) -> None:
    shuffled = list(reversed(ordered))
    assert sorted(shuffled, key=vi_collation_key) == ordered
    # NFD input sorts the same way
    assert [nfc(s) for s in sorted(map(nfd, shuffled), key=vi_collation_key)] == ordered


def test_collation_ignores_tone_placement() -> None:
    old, new = vi_collation_key("Hòa"), vi_collation_key("Hoà")
    assert old[:3] == new[:3]  # only the final text tie-break differs
    assert old != new


@given(st.text())
def test_collation_key_is_normalisation_insensitive(s: str) -> None:
    assert vi_collation_key(nfd(s)) == vi_collation_key(s)


# --- sorting people ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    "ordered",
    [
        ["Nông Văn An", "Hoàng Thị Ánh", "Lý Văn Bình", "Bế Thị Đào"],
        # same given name -> middle name decides
        ["Nguyễn Thị Hoa", "Lê Văn Hoa"],
        # same given and middle name -> family name decides
        ["Lê Văn Hùng", "Trần Văn Hùng"],
        # no middle name sorts before any middle name
        ["Hùng", "Lý Hùng", "Lê Văn Hùng"],
        ["Lục Văn Dũng", "Nông Thị Duyên", "Hà Văn Đông", "Vi Thị Đức"],
        ["Ma Văn Uy", "Ma Văn Ư"],
    ],
)
def test_name_sort_order(ordered: list[str]) -> None:
    shuffled = list(reversed(ordered))
    assert sorted(shuffled, key=name_sort_key) == ordered
    assert sorted(shuffled, key=name_sort_string) == ordered
    assert sorted(map(nfd, shuffled), key=name_sort_string) == [nfd(s) for s in ordered]


def test_name_sort_string_is_compact_and_printable_for_vietnamese_names() -> None:
    s = name_sort_string("Nguyễn Thị Ánh")
    assert s.isprintable()
    assert len(s) < 60


# --- name_sort_string orders exactly like name_sort_key ---------------------------------------

ONSETS = ["", "b", "c", "ch", "d", "đ", "g", "gh", "gi", "h", "k", "kh", "l", "m", "n", "ng", "ngh",
          "nh", "p", "ph", "qu", "r", "s", "t", "th", "tr", "v", "x"]
VOWELS = ["a", "ă", "â", "e", "ê", "i", "o", "ô", "ơ", "u", "ư", "y", "oa", "oă", "uy", "iê", "ươ",
          "uô", "ai", "ao", "ay", "âu", "oi", "ôi", "ơi", "ui", "ưi", "ưu", "yê"]
CODAS = ["", "c", "ch", "m", "n", "ng", "nh", "p", "t", "i", "o", "u"]
TONE_MARKS = ["", "\u0300", "\u0309", "\u0303", "\u0301", "\u0323"]


# Built once: a strategy made inside the composite is built again for every syllable drawn, which
# took half of these tests' time (the values drawn are the same).
_ONSET, _VOWEL, _CODA, _TONE = (st.sampled_from(part) for part in (ONSETS, VOWELS, CODAS, TONE_MARKS))
_TONE_AT = {n: st.integers(0, n - 1) for n in {len(vowel) for vowel in VOWELS}}
_CAPITALISED, _ONE_IN_TEN, _FORM = st.booleans(), st.integers(0, 9), st.sampled_from((nfc, nfd))


@st.composite
def syllables(draw: st.DrawFn) -> str:
    onset, vowel, coda = draw(_ONSET), draw(_VOWEL), draw(_CODA)
    tone = draw(_TONE)
    at = draw(_TONE_AT[len(vowel)])
    body = nfd(vowel)
    # put the tone mark after a random vowel letter (old/new placement both occur)
    letters = [c for c in body]
    base_positions = [i for i, c in enumerate(letters) if not unicodedata.combining(c)]
    pos = base_positions[min(at, len(base_positions) - 1)]
    letters.insert(pos + 1, tone)
    word = onset + "".join(letters) + coda
    if draw(_CAPITALISED):
        word = word[:1].upper() + word[1:]
    if draw(_ONE_IN_TEN) == 0:
        word = word.upper()
    return draw(_FORM)(word)  # NFC or NFD


vietnamese_names = st.lists(syllables(), min_size=0, max_size=5).map(" ".join)
# Anything at all, including controls, symbols, foreign scripts and odd whitespace.
any_names = st.text(alphabet=st.characters(exclude_categories=["Cs"]), max_size=12)
names = st.one_of(vietnamese_names, any_names, vietnamese_names.map(lambda s: s + " Ω-ß 3"))


def _cmp(a: object, b: object) -> int:
    return (a > b) - (a < b)  # type: ignore[operator]


@settings(max_examples=400)
@given(st.lists(names, max_size=12))
def test_sort_string_sorts_like_sort_key(people: list[str]) -> None:
    by_key = sorted(people, key=name_sort_key)
    by_string = sorted(people, key=name_sort_string)
    assert by_key == by_string


@settings(max_examples=600)
@given(names, names)
def test_sort_string_compares_like_sort_key(a: str, b: str) -> None:
    assert _cmp(name_sort_string(a), name_sort_string(b)) == _cmp(name_sort_key(a), name_sort_key(b))


@given(vietnamese_names)
def test_sort_string_equal_only_for_equal_cleaned_names(a: str) -> None:
    assert name_sort_string(nfd(a)) == name_sort_string(nfc(a))
    assert name_sort_string(a + "x") != name_sort_string(a)

