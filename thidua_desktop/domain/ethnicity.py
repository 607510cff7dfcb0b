"""The 54 ethnic groups (dân tộc) of Vietnam, read from ``resources/data/ethnic_groups.json``.

Codes follow Decision 121-TCTK/PPCĐ (1979). Other lists number the groups differently, so the
*name* is the key we store; the code is only meaningful together with :data:`CODE_LIST`.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from functools import cache
from types import MappingProxyType
from typing import Any

from thidua_desktop.domain.errors import IntegrityProblem
from thidua_desktop.domain.text import clean_text, search_key
from thidua_desktop.paths import resource_path

__all__ = [
    "CAO_BANG_MIX",
    "CODE_LIST",
    "FORMAT_VERSION",
    "EthnicGroup",
    "ethnic_group_by_code",
    "ethnic_groups",
    "find_ethnic_group",
]

FORMAT_VERSION = 1
CODE_LIST = "121-TCTK/PPCĐ"
_RESOURCE = "data/ethnic_groups.json"


@dataclass(frozen=True, slots=True)
class EthnicGroup:
    code: str  # two digits, in the CODE_LIST numbering
    name: str  # official spelling, NFC
    aliases: tuple[str, ...]
    is_minority: bool  # every group except Kinh (dân tộc thiểu số)


# Approximate population shares in Cao Bằng, by official name, for realistic demo data only.
# The glossary's "Sán Chay, Lô Lô and others ~3%" is split over real groups so each entry resolves.
CAO_BANG_MIX: MappingProxyType[str, float] = MappingProxyType({
    "Tày": 0.41,
    "Nùng": 0.31,
    "Mông": 0.10,
    "Dao": 0.10,
    "Kinh": 0.05,
    "Sán Chay": 0.015,
    "Lô Lô": 0.008,
    "Hoa": 0.007,
})


def _load(raw: dict[str, Any]) -> tuple[EthnicGroup, ...]:
    version = raw.get("format_version")
    if version != FORMAT_VERSION:
        raise IntegrityProblem("ETHNIC_DATA_VERSION", found=version, supported=FORMAT_VERSION)
    if raw.get("code_list", {}).get("id") != CODE_LIST:
        raise IntegrityProblem("ETHNIC_DATA_CODE_LIST", found=raw.get("code_list"))
    return tuple(
        EthnicGroup(
            code=str(item["code"]),
            name=clean_text(item["name"]),
            aliases=tuple(clean_text(a) for a in item.get("aliases", ())),
            is_minority=bool(item["is_minority"]),
        )
        for item in raw["groups"]
    )


@cache
def ethnic_groups() -> tuple[EthnicGroup, ...]:
    """All groups in code order (read once per process)."""
    text = resource_path(_RESOURCE).read_text(encoding="utf-8")
    return _load(json.loads(text))


# Words people put in front of the name in spreadsheets: "Dân tộc Tày", "DT Nùng".
_PREFIX_RE = re.compile(r"^(?:dan toc|dt)[\s.:]+")


def _match_key(text: str) -> str:
    """search_key without hyphens, spaces, apostrophes or brackets: "H'Mông" -> "hmong"."""
    return "".join(ch for ch in search_key(text) if ch.isalnum())


@cache
def _index() -> dict[str, EthnicGroup]:
    index: dict[str, EthnicGroup] = {}
    for group in ethnic_groups():
        for spelling in (group.name, *group.aliases):
            key = _match_key(spelling)
            other = index.setdefault(key, group)
            if other is not group:  # a data error: two groups would share a spelling
                raise IntegrityProblem(
                    "ETHNIC_DATA_AMBIGUOUS", spelling=spelling, codes=[other.code, group.code]
                )
    return index


def ethnic_group_by_code(code: str | int) -> EthnicGroup | None:
    """The group with this code in the CODE_LIST numbering ("07", "7" or 7)."""
    try:
        number = int(str(code).strip())
    except ValueError:
        return None
    wanted = f"{number:02d}"
    return next((g for g in ethnic_groups() if g.code == wanted), None)


def find_ethnic_group(text: str | None) -> EthnicGroup | None:
    """Match a code ("07", "7"), the official name or a common spelling.

    Insensitive to diacritics, case, hyphens, apostrophes and spaces ("HMong", "h'mông",
    "Ê Đê", "ede", "tay"); a leading "Dân tộc"/"DT" is ignored. None when nothing matches.
    """
    cleaned = clean_text(text)
    if not cleaned:
        return None
    if cleaned.isascii() and cleaned.isdigit():
        return ethnic_group_by_code(cleaned)
    key = _PREFIX_RE.sub("", search_key(cleaned))
    return _index().get(_match_key(key))
