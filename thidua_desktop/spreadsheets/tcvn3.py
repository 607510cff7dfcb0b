"""Legacy TCVN3 (TCVN 5712:1993, "ABC", the .VnTime fonts) text -> Unicode.

Before Unicode, Vietnamese offices typed with the ABC keyboard into .VnTime fonts. Excel stored
each byte as the Windows-1252 character of the same code, so a cell that shows "Nguyễn Thị Hương"
in .VnTime holds "NguyÔn ThÞ H\xad¬ng". The table below is the VN3 part of TCVN 5712:1993 (the
upper half, 0xA1-0xFE); the lower half is ASCII and stays as it is.

VN3 has no codes for capital letters with a tone mark: offices wrote capitals with the matching
"H" font (.VnTimeH), which draws the same lower-case codes as capitals. Pass ``upper=True`` for
text in such a font.

Standard library only.
"""

from __future__ import annotations

import unicodedata

__all__ = ["TCVN3_TO_UNICODE", "is_capitals_font", "is_tcvn3_font", "looks_tcvn3", "may_be_tcvn3", "tcvn3_to_unicode"]

# byte (as the Latin-1 character Excel shows) -> Unicode letter. Grouped by base letter.
TCVN3_TO_UNICODE: dict[str, str] = {
    # capitals that VN3 does encode
    "\xa1": "Ă", "\xa2": "Â", "\xa3": "Ê", "\xa4": "Ô", "\xa5": "Ơ", "\xa6": "Ư", "\xa7": "Đ",
    # a
    "\xb5": "à", "\xb6": "ả", "\xb7": "ã", "\xb8": "á", "\xb9": "ạ",
    # ă
    "\xa8": "ă", "\xbb": "ằ", "\xbc": "ẳ", "\xbd": "ẵ", "\xbe": "ắ", "\xc6": "ặ",
    # â
    "\xa9": "â", "\xc7": "ầ", "\xc8": "ẩ", "\xc9": "ẫ", "\xca": "ấ", "\xcb": "ậ",
    # đ
    "\xae": "đ",
    # e
    "\xcc": "è", "\xce": "ẻ", "\xcf": "ẽ", "\xd0": "é", "\xd1": "ẹ",
    # ê
    "\xaa": "ê", "\xd2": "ề", "\xd3": "ể", "\xd4": "ễ", "\xd5": "ế", "\xd6": "ệ",
    # i
    "\xd7": "ì", "\xd8": "ỉ", "\xdc": "ĩ", "\xdd": "í", "\xde": "ị",
    # o
    "\xdf": "ò", "\xe1": "ỏ", "\xe2": "õ", "\xe3": "ó", "\xe4": "ọ",
    # ô
    "\xab": "ô", "\xe5": "ồ", "\xe6": "ổ", "\xe7": "ỗ", "\xe8": "ố", "\xe9": "ộ",
    # ơ
    "\xac": "ơ", "\xea": "ờ", "\xeb": "ở", "\xec": "ỡ", "\xed": "ớ", "\xee": "ợ",
    # u
    "\xef": "ù", "\xf1": "ủ", "\xf2": "ũ", "\xf3": "ú", "\xf4": "ụ",
    # ư
    "\xad": "ư", "\xf5": "ừ", "\xf6": "ử", "\xf7": "ữ", "\xf8": "ứ", "\xf9": "ự",
    # y
    "\xfa": "ỳ", "\xfb": "ỷ", "\xfc": "ỹ", "\xfd": "ý", "\xfe": "ỵ",
}

_TABLE = str.maketrans(TCVN3_TO_UNICODE)

# Latin-1 letters that are also ordinary Vietnamese letters in Unicode ("à", "Ô", "ý" …): in a
# cell they prove nothing either way. Every other character of the table is a sure sign of TCVN3
# ("¸", "µ", the soft hyphen that VN3 uses for "ư", "§" for "Đ" …).
_VIETNAMESE_LATIN1 = frozenset("àáâãèéêìíòóôõùúýÀÁÂÃÈÉÊÌÍÒÓÔÕÙÚÝ")
_MARKERS = frozenset(TCVN3_TO_UNICODE) - _VIETNAMESE_LATIN1
# Latin-1 capitals that VN3 uses for toned small letters: "NguyÔn", "DÒn". A capital right after a
# small letter inside a word is how they give themselves away.
_CAPITAL_CODES = frozenset(ch for ch in TCVN3_TO_UNICODE if ch.isupper() and ch in _VIETNAMESE_LATIN1)


def _plausible(text: str) -> bool:
    """Every character fits in one byte (TCVN3 text never has anything above U+00FF)."""
    return all(ord(ch) <= 0xFF for ch in text)


def looks_tcvn3(text: str) -> bool:
    """True when ``text`` is almost certainly TCVN3 shown as Latin-1 rather than Unicode.

    A sure marker (a character of the table that is no Vietnamese letter in Unicode) standing
    next to a letter, or a capital code right after a small letter ("NguyÔn"), and nothing above
    U+00FF. Stray symbols such as "«»" around plain words are not enough.
    """
    if not text or text.isascii() or not _plausible(text):
        return False
    for i, ch in enumerate(text):
        before = text[i - 1] if i else ""
        after = text[i + 1] if i + 1 < len(text) else ""
        if ch in _MARKERS and (before.isalpha() or after.isalpha() or ch == "\xa7"):
            return True
        if ch in _CAPITAL_CODES and before.isalpha() and before.islower():
            return True
    return False


def may_be_tcvn3(text: str) -> bool:
    """Could be TCVN3: has non-ASCII characters and none above U+00FF (for sheet-level decisions)."""
    return bool(text) and not text.isascii() and _plausible(text)


def tcvn3_to_unicode(text: str, *, upper: bool = False) -> str:
    """The Unicode (NFC) text for TCVN3 ``text``; ``upper`` for the capitals-only "H" fonts."""
    converted = unicodedata.normalize("NFC", text.translate(_TABLE))
    return converted.upper() if upper else converted


def is_tcvn3_font(font_name: str | None) -> bool:
    """The ABC fonts are named ".VnTime", ".VnArial", ".VnTimeH" …: a leading ".Vn"."""
    return font_name is not None and font_name.strip().casefold().startswith(".vn")


def is_capitals_font(font_name: str | None) -> bool:
    """".VnTimeH", ".VnArialH": the variants that draw every letter as a capital."""
    return font_name is not None and is_tcvn3_font(font_name) and font_name.strip().casefold().endswith("h")
