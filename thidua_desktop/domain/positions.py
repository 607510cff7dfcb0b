"""A person's position and unit written together, the unit said once.

Positions often name their unit already ("Chủ tịch Hội Liên hiệp Phụ nữ xã" at "Hội Liên hiệp Phụ
nữ xã"): printed side by side they read "Chủ tịch Hội Liên hiệp Phụ nữ xã, Hội Liên hiệp Phụ nữ xã".
Lists, decisions, certificates and the council's papers use :func:`position_with_unit` instead."""

from __future__ import annotations

from .text import clean_text, search_key


def position_with_unit(position: str | None, unit: str | None) -> str:
    """"Chủ tịch UBND xã" + "UBND xã" -> "Chủ tịch UBND xã"; "Chủ tịch Hội Nông dân" + "Hội Nông dân
    xã Quảng Uyên" -> "Chủ tịch Hội Nông dân xã Quảng Uyên" (the words the position ends with and the
    unit begins with are written once); "Giáo viên" + "Trường Mầm non xã" -> "Giáo viên, Trường Mầm
    non xã". Words compare without accents or case, so a differently typed unit still matches."""
    position, unit = clean_text(position), clean_text(unit)
    if not position or not unit:
        return position or unit
    said, place = position.split(), unit.split()
    said_keys, place_keys = [search_key(w) for w in said], [search_key(w) for w in place]
    if _contains(said_keys, place_keys):
        return position
    for overlap in range(min(len(said), len(place)), 0, -1):
        if said_keys[-overlap:] == place_keys[:overlap]:
            return " ".join([*said, *place[overlap:]])
    short = _short_form_at_end(said_keys, place_keys)
    if short:
        return " ".join([*said[:-short], *place])
    return f"{position}, {unit}"


def _short_form_at_end(said: list[str], place: list[str]) -> int:
    """How many closing words of the position are the unit's short form: "Đoàn xã" for "Đoàn Thanh
    niên Cộng sản Hồ Chí Minh xã", "Hội LHPN xã" for "Hội Liên hiệp Phụ nữ xã" (same first and last
    word, and in between nothing or the initials of the unit's middle words). 0 when they are not:
    "Hội Nông dân xã" is not a short form of "Hội Cựu chiến binh xã"."""
    if len(place) < 3:
        return 0
    middle = "".join(word[:1] for word in place[1:-1])
    for size in (2, 3):
        if len(said) >= size and said[-size] == place[0] and said[-1] == place[-1]:
            between = "".join(said[-size + 1:-1])
            if between in ("", middle):
                return size
    return 0


def _contains(words: list[str], part: list[str]) -> bool:
    return any(words[i:i + len(part)] == part for i in range(len(words) - len(part) + 1))
