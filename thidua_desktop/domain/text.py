"""Vietnamese text helpers: normalisation, search keys, name splitting and alphabet order.

Standard library only. See docs ARCHITECTURE.md, section "Vietnamese text":
- every input boundary calls :func:`clean_text` (NFC, trimmed, single spaces);
- search columns store :func:`search_key` (no marks, casefolded, đ -> d);
- printed lists sort with :func:`name_sort_key`; the database stores :func:`name_sort_string`,
  whose plain codepoint order is the same order, because SQLite has no Vietnamese collation.
"""

from __future__ import annotations

import re
import string
import unicodedata
from functools import lru_cache
from typing import NamedTuple

__all__ = [
    "BIDI_CONTROLS",
    "INVISIBLE",
    "CollationKey",
    "clean_text",
    "is_control",
    "name_sort_key",
    "name_sort_string",
    "nfc",
    "printable",
    "search_key",
    "split_name",
    "vi_collation_key",
]


def nfc(s: str) -> str:
    """``s`` in Unicode NFC (the one form we store and compare)."""
    return unicodedata.normalize("NFC", s)


# Invisible formatting characters that pasted text brings along (from web pages, Word, a CSV's
# byte-order mark): zero-width space, non-joiner and joiner, word joiner, BOM. They change nothing
# a person sees, so they are removed silently.
INVISIBLE = frozenset("\u200b\u200c\u200d\u2060\ufeff")
# Characters that reorder the text shown around them ("\u202egpj.exe" shows as "exe.jpg"): the
# bidi embeddings, overrides, isolates and marks. Never needed in Vietnamese text.
BIDI_CONTROLS = frozenset("\u061c\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")


# The same sets as patterns, so cleaning stays at C speed (clean_text runs for every cell of an
# imported sheet). Cc is exactly U+0000-U+001F and U+007F-U+009F.
_INVISIBLE_RE = re.compile("[" + "".join(sorted(INVISIBLE)) + "]")
_CONTROL_RE = re.compile("[\x00-\x1f\x7f-\x9f" + "".join(sorted(BIDI_CONTROLS)) + "]")


def is_control(ch: str) -> bool:
    """A C0/C1 control character (ESC, NUL, BEL, DEL …) or a bidi control."""
    return _CONTROL_RE.fullmatch(ch) is not None


@lru_cache(maxsize=1 << 16)  # called for every cell of an imported sheet, often on the same values
def clean_text(s: str | None, *, keep_controls: bool = False) -> str:
    """NFC, trimmed, every run of whitespace collapsed to one space; ``None`` -> ``""``.

    Invisible characters (:data:`INVISIBLE`) are dropped, and so are control and bidi characters
    (:func:`is_control`), which no single-line field may hold: a terminal would obey an ESC, and a
    right-to-left override disguises a name. ``keep_controls`` leaves those for a caller that
    refuses them with a message naming the field and the character (names do)."""
    if s is None:
        return ""
    text = " ".join(_INVISIBLE_RE.sub("", nfc(s)).split())
    if keep_controls or not _CONTROL_RE.search(text):
        return text
    return " ".join(_CONTROL_RE.sub("", text).split())


def printable(s: object, *, keep_newlines: bool = False) -> str:
    """``s`` safe to write to a terminal: control, bidi, invisible and other format characters
    shown as escapes (``\\x1b``, ``\\u202e``) instead of being obeyed. Text read from a bundle or an
    old database may hold them even though our own forms refuse them."""
    out: list[str] = []
    for ch in str(s):
        if ch == "\n" and keep_newlines:
            out.append(ch)
        elif unicodedata.category(ch) in ("Cc", "Cf", "Zl", "Zp", "Cs") or ch in INVISIBLE:
            code = ord(ch)
            out.append(f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}" if code < 0x10000 else f"\\U{code:08x}")
        else:
            out.append(ch)
    return "".join(out)


# "Ð" (U+00D0, Icelandic eth) is what legacy VNI/TCVN3 conversions and some keyboards produce
# for "Đ" (U+0110); both look the same on screen, so we treat them as the same letter.
_D_STROKE = {"đ": "d", "ð": "d"}


def search_key(s: str | None) -> str:
    """Accent-, case- and normalisation-insensitive key: ``"Nguyễn Thị Ánh" -> "nguyen thi anh"``.

    Combining marks are removed after NFD, so NFC, NFD and mixed input give the same key.
    """
    if not s:
        return ""
    return _search_key(s)


@lru_cache(maxsize=1)
def _bare_table() -> dict[int, str | None]:
    """str.translate table: every combining mark removed, đ and ð to d (built once; the marks end
    at U+1E94A). Translating is C speed: an imported sheet asks for thousands of keys."""
    table: dict[int, str | None] = {c: None for c in range(0x1E94B) if unicodedata.combining(chr(c))}
    table.update({ord(k): v for k, v in _D_STROKE.items()})
    return table


@lru_cache(maxsize=1 << 16)  # the same villages, ethnic groups and words come back row after row
def _search_key(s: str) -> str:
    bare = unicodedata.normalize("NFD", s.casefold()).translate(_bare_table())
    # NFC again so that non-Latin text (e.g. Hangul) that NFD split into pieces is whole again.
    return " ".join(nfc(bare).split())


def split_name(full_name: str | None) -> tuple[str, str, str]:
    """``(family, middle, given)``: first word, the words between, last word.

    A single word is a given name only. Compound family names (e.g. "Tôn Nữ") cannot be told
    apart from middle names by form alone; they end up in the middle part, which only matters
    for the last sort level.
    """
    words = clean_text(full_name).split(" ")
    words = [w for w in words if w]
    if not words:
        return "", "", ""
    if len(words) == 1:
        return "", "", words[0]
    return words[0], " ".join(words[1:-1]), words[-1]


# --- Vietnamese alphabet order -------------------------------------------------------------

# The Vietnamese alphabet, with f j w z slotted in where Latin puts them (foreign names).
_ALPHABET = ("a", "ă", "â", "b", "c", "d", "đ", "e", "ê", "f", "g", "h", "i", "j", "k", "l", "m",
             "n", "o", "ô", "ơ", "p", "q", "r", "s", "t", "u", "ư", "v", "w", "x", "y", "z")

# Marks that make a distinct letter (primary level): breve, circumflex, horn.
_LETTER_MARKS: dict[tuple[str, str], str] = {
    ("a", "\u0306"): "ă",
    ("a", "\u0302"): "â",
    ("e", "\u0302"): "ê",
    ("o", "\u0302"): "ô",
    ("o", "\u031b"): "ơ",
    ("u", "\u031b"): "ư",
}

# Tone marks (secondary level) in dictionary order; 0 = no tone (thanh ngang).
_TONES = {
    "\u0300": 1,  # huyền
    "\u0309": 2,  # hỏi
    "\u0303": 3,  # ngã
    "\u0301": 4,  # sắc
    "\u0323": 5,  # nặng
}

# Primary weights. One table decides both the integer key and its string encoding:
# 0 is the end-of-sequence separator, then space, ASCII digits/punctuation (by codepoint),
# the 33 letters, and finally every other character ordered by codepoint.
_SPACE_WEIGHT = 1
_ASCII_OTHERS = "".join(sorted(string.punctuation + string.digits))
_ASCII_WEIGHTS = {ch: 2 + i for i, ch in enumerate(_ASCII_OTHERS)}
_LETTER_BASE = 2 + len(_ASCII_OTHERS)
_LETTER_WEIGHTS = {letter: _LETTER_BASE + i for i, letter in enumerate(_ALPHABET)}
_OTHER_BASE = _LETTER_BASE + len(_ALPHABET)  # weight = _OTHER_BASE + ord(char)
_PLAIN_LETTERS = frozenset("abcdefghijklmnopqrstuvwxyzđð")


class CollationKey(NamedTuple):
    """Compares as a tuple: base letters, then tones (one per syllable), then case, then text."""

    primary: tuple[int, ...]
    secondary: tuple[int, ...]
    tertiary: tuple[int, ...]
    text: str  # the cleaned NFC text: last tie-break, so distinct strings never compare equal


def _clusters(decomposed: str) -> list[tuple[str, str]]:
    """Split NFD text into (base character, following combining marks)."""
    out: list[tuple[str, str]] = []
    for ch in decomposed:
        if unicodedata.combining(ch):
            if out:  # a stray mark with no base is ignored
                base, marks = out[-1]
                out[-1] = (base, marks + ch)
        else:
            out.append((ch, ""))
    return out


@lru_cache(maxsize=1 << 14)  # family and middle names repeat: "Nông", "Thị", "Văn" (keys are immutable)
def vi_collation_key(s: str | None) -> CollationKey:
    """Deterministic key for Vietnamese alphabet order (NFC, NFD or mixed input).

    Level 1: base letters of the whole string (ă â đ ê ô ơ ư are letters of their own).
    Level 2: tone of each syllable: none, huyền, hỏi, ngã, sắc, nặng. Counting tones per
    syllable rather than per vowel makes "Hòa" and "Hoà" (old and new tone placement) tie.
    Level 3: case (lower before upper). Level 4: the cleaned text itself.
    """
    text = clean_text(s)
    primary: list[int] = []
    tones: list[int] = []
    cases: list[int] = []
    in_syllable = False
    for base, marks in _clusters(unicodedata.normalize("NFD", text)):
        lower = base.lower()
        upper_flag = int(base != lower)
        if lower in _PLAIN_LETTERS:
            letter = "đ" if lower == "ð" else lower
            for mark in marks:
                letter = _LETTER_MARKS.get((letter, mark), letter)
            if not in_syllable:
                tones.append(0)
                in_syllable = True
            tone = next((_TONES[m] for m in marks if m in _TONES), 0)
            if tone and not tones[-1]:
                tones[-1] = tone
            primary.append(_LETTER_WEIGHTS[letter])
            cases.append(upper_flag)
            continue
        in_syllable = False
        if base == " ":
            primary.append(_SPACE_WEIGHT)
            cases.append(0)
        elif base in _ASCII_WEIGHTS:
            primary.append(_ASCII_WEIGHTS[base])
            cases.append(0)
        else:
            # Foreign scripts and symbols: case-insensitive, ordered by codepoint after z.
            for ch in base.casefold():
                primary.append(_OTHER_BASE + ord(ch))
                cases.append(upper_flag)
    return CollationKey(tuple(primary), tuple(tones), tuple(cases), text)


def name_sort_key(full_name: str | None) -> tuple[CollationKey, CollationKey, CollationKey]:
    """Sort key for people: given name, then middle name, then family name."""
    family, middle, given = split_name(full_name)
    return vi_collation_key(given), vi_collation_key(middle), vi_collation_key(family)


# --- the same order as a plain string ---------------------------------------------------------
# Every sequence is written with characters above the separator " " and ends with " ", so a
# shorter sequence sorts before any longer one it starts (tuple semantics). Each element's
# encoding is order-preserving and prefix-free, so codepoint order of the whole string equals
# tuple order of the key. Vietnamese names give printable text only.

_SEPARATOR = " "
_ESCAPE_OTHER = chr(0x20 + _OTHER_BASE)  # followed by the foreign character itself


def _encode_primary(weights: tuple[int, ...]) -> str:
    parts = []
    for w in weights:
        if w < _OTHER_BASE:
            parts.append(chr(0x20 + w))
        else:
            parts.append(_ESCAPE_OTHER + chr(w - _OTHER_BASE))
    return "".join(parts)


def _encode_small(values: tuple[int, ...]) -> str:
    # Tones (0-5) and case flags (0-1) map onto "!" .. "&".
    return "".join(chr(0x21 + v) for v in values)


def _encode_text(text: str) -> str:
    # Characters up to "!" are escaped as "!" + a shifted character; everything above stays.
    return "".join("!" + chr(0x21 + ord(ch)) if ord(ch) <= 0x21 else ch for ch in text)


def _encode_key(key: CollationKey) -> str:
    return _SEPARATOR.join(
        (_encode_primary(key.primary), _encode_small(key.secondary), _encode_small(key.tertiary),
         _encode_text(key.text), "")
    )


def name_sort_string(full_name: str | None) -> str:
    """A string whose codepoint (binary) order equals :func:`name_sort_key` order.

    Store it in an indexed column and ``ORDER BY`` it (SQLite's default BINARY collation
    compares UTF-8 bytes, which is codepoint order). Recompute it whenever the name changes;
    it is not meant to be read or parsed.
    """
    return "".join(_encode_key(k) for k in name_sort_key(full_name))


def collation_string(text: str | None) -> str:
    """Like :func:`name_sort_string` but for a whole string in Vietnamese order (collectives,
    villages), not a person's name, which sorts by given name first."""
    return _encode_key(vi_collation_key(text))
