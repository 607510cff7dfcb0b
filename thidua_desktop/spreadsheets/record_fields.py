"""The columns of the yearly lists the rules read (task ratings, initiatives, disciplinary
decisions), and the words those lists use for a rating, an initiative's level and a disciplinary
form, with or without diacritics.

``headers.py`` adds these kinds to its own (see :func:`record_field_specs`), so header detection,
the mapping page and the CLI treat them like people, collectives and awards.

No Qt, no database.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import date
from typing import TYPE_CHECKING

from ..domain.enums import DisciplineLevel, InitiativeLevel, TaskRating
from ..domain.text import search_key

if TYPE_CHECKING:
    from .headers import FieldSpec

__all__ = ["RATING_ABBREVIATIONS", "RECORD_KINDS", "RECORD_REQUIRED", "add_months", "body_level",
           "discipline_level", "initiative_level", "period_months", "rating_of", "record_field_specs",
           "split_authors"]

RECORD_KINDS = ("ratings", "initiatives", "discipline")

# Each group needs at least one of its fields mapped before a preview makes sense.
RECORD_REQUIRED: dict[str, tuple[tuple[str, ...], ...]] = {
    "ratings": (("full_name", "cccd"), ("rating",)),
    "initiatives": (("title",), ("authors",)),
    "discipline": (("full_name", "cccd"), ("form",)),
}

_DECISION_NUMBER = ("số quyết định", "số qđ", "quyết định số", "số hiệu quyết định", "số ký hiệu",
                    "số ký hiệu quyết định", "quyết định", "số ngày quyết định", "số ngày qđ")
_DECISION_DATE = ("ngày quyết định", "ngày qđ", "ngày ký", "ngày ban hành", "ngày ký quyết định",
                  "ngày tháng quyết định", "ngày tháng năm quyết định")


def record_field_specs(f: Callable[..., FieldSpec], seq: FieldSpec, notes: FieldSpec,
                       person: tuple[FieldSpec, ...]) -> dict[str, tuple[FieldSpec, ...]]:
    """The field specs of the three kinds, built with ``headers``' own helper and shared specs
    (``person``: the name, birth, gender and CCCD columns that find a person in the register)."""
    return {
        "ratings": (
            seq, *person,
            f("rating_year", "Năm đánh giá", "Year rated", "năm", "năm đánh giá", "năm xếp loại",
              "năm đánh giá xếp loại"),
            f("rating", "Mức độ hoàn thành nhiệm vụ", "Task rating", "mức độ hoàn thành nhiệm vụ", "xếp loại",
              "kết quả xếp loại", "kết quả đánh giá", "đánh giá xếp loại", "kết quả đánh giá xếp loại",
              "xếp loại chất lượng", "mức xếp loại", "mức độ xếp loại", "mức đánh giá", "đánh giá",
              "kết quả đánh giá xếp loại chất lượng", "mức độ hoàn thành"),
            f("source_document", "Văn bản căn cứ", "Source document", "văn bản căn cứ", "căn cứ",
              *_DECISION_NUMBER),
            notes,
        ),
        "initiatives": (
            seq,
            f("title", "Tên sáng kiến", "Initiative", "tên sáng kiến", "sáng kiến", "tên sáng kiến kinh nghiệm",
              "sáng kiến kinh nghiệm", "tên đề tài sáng kiến", "tên giải pháp", "tên sáng kiến giải pháp",
              "tên đề tài"),
            f("authors", "Tác giả", "Authors", "tác giả", "tác giả sáng kiến", "họ và tên tác giả", "họ tên tác giả",
              "tác giả đồng tác giả", "đồng tác giả", "người thực hiện", "họ và tên", "họ tên"),
            *person[1:],  # birth, gender, CCCD: tell apart a single author with a common name
            f("level", "Cấp công nhận", "Level recognised", "cấp công nhận", "cấp", "cấp sáng kiến",
              "cấp độ", "cấp độ công nhận", "sáng kiến cấp"),
            f("recognised_by", "Cơ quan công nhận", "Recognised by", "cơ quan công nhận", "đơn vị công nhận",
              "hội đồng công nhận", "cơ quan ra quyết định", "cơ quan ban hành", "cấp ra quyết định",
              "hội đồng sáng kiến"),
            f("initiative_year", "Năm công nhận", "Year recognised", "năm", "năm công nhận", "năm áp dụng"),
            f("decision_number", "Số quyết định", "Decision number", *_DECISION_NUMBER,
              "quyết định công nhận", "số quyết định công nhận"),
            f("decision_date", "Ngày quyết định", "Decision date", *_DECISION_DATE, "ngày công nhận"),
            f("scope", "Phạm vi ảnh hưởng", "Scope of effect", "phạm vi ảnh hưởng", "phạm vi áp dụng",
              "phạm vi", "phạm vi ảnh hưởng áp dụng"),
            f("effect", "Hiệu quả", "Effect", "hiệu quả", "hiệu quả áp dụng", "kết quả áp dụng", "lợi ích",
              "hiệu quả kinh tế xã hội", "hiệu quả mang lại"),
            notes,
        ),
        "discipline": (
            seq, *person,
            f("form", "Hình thức kỷ luật", "Disciplinary form", "hình thức kỷ luật", "hình thức", "kỷ luật",
              "mức kỷ luật", "hình thức xử lý kỷ luật"),
            f("decision_number", "Số quyết định", "Decision number", *_DECISION_NUMBER,
              "số quyết định kỷ luật"),
            f("decision_date", "Ngày quyết định", "Decision date", *_DECISION_DATE, "ngày kỷ luật",
              "ngày quyết định kỷ luật"),
            f("period_end", "Hết thời hạn kỷ luật", "End of the period", "thời hạn", "thời hạn kỷ luật",
              "hết thời hạn", "ngày hết thời hạn", "hết thời hạn kỷ luật", "đến ngày", "thời hạn đến",
              "thời gian kỷ luật", "thời hạn thi hành kỷ luật"),
            f("notes", "Ghi chú", "Notes", "ghi chú", "chú thích", "lý do", "lý do kỷ luật", "nội dung vi phạm",
              "hành vi vi phạm"),
        ),
    }


def _key(text: str) -> str:
    """Folded, punctuation as single spaces: "Hoàn thành tốt NV." -> "hoan thanh tot nv"."""
    return " ".join(re.sub(r"[\W_]+", " ", search_key(text)).split())


# --- ratings ---------------------------------------------------------------------------------------

RATING_ABBREVIATIONS = {TaskRating.EXCELLENT: "HTXSNV", TaskRating.GOOD: "HTTNV", TaskRating.COMPLETED: "HTNV",
                        TaskRating.NOT_COMPLETED: "KHTNV"}
_RATING_SHORT = {"htxsnv": TaskRating.EXCELLENT, "htxs": TaskRating.EXCELLENT, "httnv": TaskRating.GOOD,
                 "htt": TaskRating.GOOD, "htnv": TaskRating.COMPLETED, "ht": TaskRating.COMPLETED,
                 "khtnv": TaskRating.NOT_COMPLETED, "kht": TaskRating.NOT_COMPLETED,
                 # the rating column's short words: "Xuất sắc", "Tốt"
                 "xuatsac": TaskRating.EXCELLENT, "tot": TaskRating.GOOD}
# Phrases, checked in this order: "không hoàn thành" before "hoàn thành".
_RATING_WORDS: tuple[tuple[str, TaskRating], ...] = (
    ("khong hoan thanh", TaskRating.NOT_COMPLETED),
    ("hoan thanh xuat sac", TaskRating.EXCELLENT),
    ("hoan thanh tot", TaskRating.GOOD),
    ("hoan thanh", TaskRating.COMPLETED),  # also "hoàn thành nhiệm vụ nhưng còn hạn chế về năng lực"
)


def rating_of(text: str) -> TaskRating | None:
    """HTXSNV / HTTNV / HTNV / KHTNV in full words or abbreviated, with or without diacritics."""
    key = _key(text)
    if not key:
        return None
    for rating in TaskRating:
        if key == rating.value.replace("_", " "):
            return rating
    short = _RATING_SHORT.get(key.replace(" ", ""))
    if short is not None:
        return short
    for words, rating in _RATING_WORDS:
        if key.startswith(words):
            return rating
    return None


# --- initiatives -----------------------------------------------------------------------------------

_LEVEL_WORDS: tuple[tuple[InitiativeLevel, tuple[str, ...]], ...] = (
    (InitiativeLevel.GRASSROOTS, ("co so", "grassroots")),  # "cơ sở" says it outright, whatever else is named
    (InitiativeLevel.NATIONAL, ("toan quoc", "quoc gia", "trung uong", "national")),
    # A ministry or a sector recognises at the level the law puts beside the province.
    (InitiativeLevel.PROVINCIAL, ("tinh", "bo", "nganh", "provincial")),
    (InitiativeLevel.GRASSROOTS, ("xa", "phuong", "thi tran", "huyen", "don vi", "truong", "hoi dong sang kien")),
)


def _level_words(key: str) -> InitiativeLevel | None:
    key = key.replace("bo phan", "bophan")  # a department (bộ phận) is no ministry (bộ)
    for level, words in _LEVEL_WORDS:
        if any(f" {w} " in f" {key} " for w in words):
            return level
    return None


def initiative_level(text: str) -> InitiativeLevel | None:
    """"Cơ sở", "cấp tỉnh", "Toan quoc" … (also the codes themselves); None when unclear."""
    key = _key(text)
    if not key:
        return None
    for level in InitiativeLevel:
        if key == level.value:
            return level
    return _level_words(key)


def body_level(text: str) -> InitiativeLevel | None:
    """The level a recognising body implies ("UBND tỉnh" -> provincial, "Hội đồng sáng kiến xã" ->
    grassroots), for a list that names the body but not the level."""
    return _level_words(_key(text)) if _key(text) else None


# --- discipline ------------------------------------------------------------------------------------

_DISCIPLINE_WORDS: tuple[tuple[DisciplineLevel, str], ...] = (
    (DisciplineLevel.REPRIMAND, "khien trach"),
    (DisciplineLevel.WARNING, "canh cao"),
    (DisciplineLevel.SALARY_DEMOTION, "ha bac luong"),
    (DisciplineLevel.DEMOTION, "giang chuc"),
    (DisciplineLevel.REMOVAL, "cach chuc"),
    (DisciplineLevel.DISMISSAL, "buoc thoi viec"),
)


def discipline_level(text: str) -> DisciplineLevel | None:
    """The disciplinary form a cell names; None when it names none or several."""
    key = _key(text)
    for level in DisciplineLevel:
        if key == level.value.replace("_", " "):
            return level
    found = {level for level, words in _DISCIPLINE_WORDS if f" {words} " in f" {key} "}
    return found.pop() if len(found) == 1 else None


_MONTHS = re.compile(r"^(\d{1,3})\s*(thang|nam)$")


def period_months(text: str) -> int | None:
    """ "12 tháng" -> 12, "1 năm" -> 12: a period written as a length, not an end date."""
    m = _MONTHS.match(_key(text))
    if m is None:
        return None
    return int(m[1]) * (12 if m[2] == "nam" else 1)


def add_months(day: date, months: int) -> date:
    """The day ``months`` later, the last day of a shorter month when needed (31/01 + 1 -> 28/02)."""
    index = day.month - 1 + months
    year, month = day.year + index // 12, index % 12 + 1
    for last in (31, 30, 29, 28):
        try:
            return date(year, month, min(day.day, last))
        except ValueError:
            continue
    raise AssertionError("unreachable")


# --- authors and title rows ------------------------------------------------------------------------

_SPLIT = re.compile(r"\s*(?:[,;\n+]|\s-\s|\bvà\b|\bva\b)\s*", re.IGNORECASE)
_HONORIFIC = re.compile(r"^(ông|bà|anh|chị|đ/c|đc|đồng chí|tác giả|đồng tác giả)\s*[:.]?\s+", re.IGNORECASE)
_PAREN = re.compile(r"\(([^)]*)\)")


def split_authors(text: str) -> list[tuple[str, str]]:
    """ "Ông Hoàng Văn Minh (1980); Lục Thị Mai" -> [("Hoàng Văn Minh", "1980"), ("Lục Thị Mai", "")].

    The text in brackets after a name (a birth year or a CCCD) tells apart people of the same name."""
    out: list[tuple[str, str]] = []
    masked = _PAREN.sub(lambda m: "(" + m[1].replace(",", " ").replace(";", " ") + ")", text)
    for part in _SPLIT.split(masked):
        extra = " ".join(m.strip() for m in _PAREN.findall(part))
        name = " ".join(_HONORIFIC.sub("", _PAREN.sub(" ", part).strip(" .:-")).split())
        if name:
            out.append((name, extra))
    return out
