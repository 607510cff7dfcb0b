"""Finding the header of a commune's list and which column holds what.

Lists come with or without diacritics ("Họ và tên", "Ho va ten", "HỌ TÊN"), in any column order,
under title rows, and with multi-row header blocks such as the official nominee list, where a
merged "Năm sinh" sits over two columns "Nam | Nữ" (the birth year is written in the column of
the person's gender). Then often a row of column numbers "(1) (2) (3)".

:func:`detect_header` finds the block and proposes a mapping field -> column; the GUI shows it with
every column's label and lets the officer change it (see ``services/excel_import.py``).

No Qt, no database.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from ..domain.text import clean_text, search_key
from .cells import cell_text
from .reading import SheetGrid
from .record_fields import RECORD_KINDS, RECORD_REQUIRED, record_field_specs
from .subject_types import INDIVIDUAL, find_type_column

__all__ = [
    "KINDS",
    "FieldSpec",
    "HeaderBlock",
    "HeaderColumn",
    "column_letter",
    "detect_header",
    "fields_for",
    "is_code_label",
    "label_key",
    "match_label",
    "missing_required",
]

KINDS = ("people", "collectives", "awards", *RECORD_KINDS)


@dataclass(frozen=True)
class FieldSpec:
    name: str
    label_vi: str
    label_en: str
    synonyms: tuple[str, ...] = ()

    def label(self, lang: str = "vi") -> str:
        return self.label_vi if lang == "vi" else self.label_en


def _f(name: str, vi: str, en: str, *synonyms: str) -> FieldSpec:
    return FieldSpec(name, vi, en, synonyms)


_SEQ = _f("seq", "STT", "No.", "stt", "tt", "số tt", "số thứ tự", "thứ tự")
# Person, collective or household, in a sheet that lists all three (see subject_types.py). Mostly
# found by the column's values; "Cá nhân/Tập thể" is no synonym, it heads a column of names too.
# The name column of a sheet that lists people, collectives and households together.
_MIXED_NAMES = ("tên cá nhân tập thể", "tên cá nhân tập thể hộ gia đình", "tên đối tượng", "họ và tên tên tập thể",
                "họ tên tên tập thể", "họ tên tên đơn vị", "họ và tên tên đơn vị")
_SUBJECT_TYPE = _f("subject_type", "Loại đối tượng", "Subject type", "loại đối tượng", "loại đối tượng khen thưởng",
                   "phân loại đối tượng", "kiểu đối tượng", "đối tượng cá nhân tập thể")
_NOTES = _f("notes", "Ghi chú", "Notes", "ghi chú", "chú thích")
_AWARD_FIELDS = (
    _f("award_year", "Năm khen thưởng", "Award year", "năm", "năm khen thưởng", "năm được khen", "năm được khen thưởng",
       "năm đạt", "năm công nhận", "năm được công nhận"),
    _f("award_title", "Danh hiệu/Hình thức khen thưởng", "Title or award", "danh hiệu", "danh hiệu thi đua",
       "danh hiệu đạt được", "danh hiệu được công nhận", "danh hiệu hình thức khen thưởng",
       "hình thức danh hiệu khen thưởng", "khen thưởng", "thành tích khen thưởng", "danh hiệu khen thưởng",
       "danh hiệu hình thức"),
    _f("award_form", "Hình thức khen thưởng", "Form of commendation", "hình thức khen thưởng", "hình thức",
       "hình thức khen"),
    _f("decision_number", "Số quyết định", "Decision number", "số quyết định", "số qđ", "quyết định số",
       "số hiệu quyết định", "số ký hiệu", "số ký hiệu quyết định", "số quyết định khen thưởng", "quyết định",
       "số ngày quyết định", "số ngày qđ", "quyết định khen thưởng"),
    _f("decision_date", "Ngày quyết định", "Decision date", "ngày quyết định", "ngày qđ", "ngày ký",
       "ngày ban hành", "ngày ký quyết định", "ngày tháng quyết định", "ngày tháng năm quyết định"),
    _f("issuer", "Cơ quan ban hành", "Issued by", "cơ quan ban hành", "cấp khen", "cơ quan quyết định",
       "cấp quyết định", "người ký", "cơ quan khen thưởng", "cấp khen thưởng", "cơ quan ra quyết định",
       "cơ quan ban hành quyết định"),
)
_BIRTH_FIELDS = (
    _f("birth", "Ngày sinh", "Date of birth", "ngày sinh", "năm sinh", "ngày tháng năm sinh", "sinh ngày",
       "ngày sinh năm sinh", "năm sinh ngày sinh", "sinh năm"),
    _f("birth_male", "Năm sinh (Nam)", "Year of birth (men)", "năm sinh nam", "ngày sinh nam",
       "ngày tháng năm sinh nam"),
    _f("birth_female", "Năm sinh (Nữ)", "Year of birth (women)", "năm sinh nữ", "ngày sinh nữ",
       "ngày tháng năm sinh nữ"),
    _f("gender", "Giới tính", "Gender", "giới tính", "giới", "nam nữ", "phái"),
    _f("cccd", "Số CCCD", "Citizen ID", "số cccd", "cccd", "cmnd cccd", "số cmnd cccd", "cccd cmnd",
       "số cccd cmnd", "số căn cước", "số căn cước công dân", "căn cước công dân", "căn cước", "số định danh",
       "số định danh cá nhân", "mã định danh", "số cmnd", "cmnd", "số cmt"),
)
_VILLAGE = _f("village", "Thôn, xóm", "Village", "thôn", "xóm", "bản", "thôn xóm", "thôn xóm bản", "thôn bản",
              "xóm bản", "tổ dân phố", "thôn tổ dân phố", "thôn xóm tổ dân phố", "thôn bản tổ dân phố")
_ADDRESS = _f("address", "Địa chỉ", "Address", "địa chỉ", "nơi ở", "nơi ở hiện nay", "chỗ ở hiện nay",
              "nơi cư trú", "nơi thường trú", "địa chỉ thường trú", "hộ khẩu thường trú", "địa chỉ liên hệ")

PEOPLE_FIELDS: tuple[FieldSpec, ...] = (
    _SEQ,
    _f("full_name", "Họ và tên", "Full name", "họ và tên", "họ tên", "họ và tên cá nhân", "tên cá nhân",
       "họ và tên người được khen thưởng", "họ và tên người được đề nghị khen thưởng", "tên",
       "người được khen thưởng", "họ và tên cán bộ", *_MIXED_NAMES),
    *_BIRTH_FIELDS,
    _f("ethnicity", "Dân tộc", "Ethnicity", "dân tộc", "dt"),
    _f("phone", "Số điện thoại", "Phone", "số điện thoại", "điện thoại", "sđt", "số đt", "đt", "di động",
       "điện thoại liên hệ"),
    _f("position", "Chức vụ", "Position", "chức vụ", "chức danh", "chức vụ đơn vị công tác",
       "chức vụ và đơn vị công tác", "chức vụ nơi công tác", "chức vụ chức danh", "nghề nghiệp",
       "nghề nghiệp chức vụ"),
    _f("workplace", "Đơn vị công tác", "Workplace", "đơn vị", "nơi công tác", "đơn vị công tác", "cơ quan",
       "cơ quan đơn vị", "cơ quan công tác", "nơi làm việc"),
    _VILLAGE,
    _ADDRESS,
    _f("is_direct_worker", "Lao động trực tiếp", "Direct worker", "lao động trực tiếp", "người lao động trực tiếp",
       "trực tiếp sản xuất", "lao động trực tiếp sản xuất"),
    _f("employment_start", "Ngày bắt đầu công tác", "Employment start", "ngày bắt đầu công tác", "ngày vào làm",
       "ngày tuyển dụng", "ngày vào cơ quan", "thời gian bắt đầu công tác", "ngày vào ngành",
       "ngày bắt đầu làm việc", "ngày nhận công tác"),
    # What the achievement report (Mẫu 05) asks for; the register export writes these headings.
    _f("hometown", "Quê quán", "Hometown", "quê quán", "nguyên quán"),
    _f("qualification", "Trình độ chuyên môn", "Qualification", "trình độ chuyên môn",
       "trình độ chuyên môn nghiệp vụ", "chuyên môn nghiệp vụ"),
    _f("political_theory", "Lý luận chính trị", "Political theory", "lý luận chính trị",
       "trình độ lý luận chính trị"),
    _f("academic_title", "Học hàm, học vị", "Academic title", "học hàm học vị", "học hàm", "học vị"),
    _f("duties", "Nhiệm vụ được giao", "Duties", "nhiệm vụ được giao", "quyền hạn nhiệm vụ được giao"),
    _SUBJECT_TYPE,
    _NOTES,
    *_AWARD_FIELDS,
)

COLLECTIVE_FIELDS: tuple[FieldSpec, ...] = (
    _SEQ,
    _f("name", "Tên tập thể", "Name", "tên tập thể", "tập thể", "tên đơn vị", "đơn vị", "tên tổ chức", "tên",
       "tên tập thể đơn vị", "tên hộ", "tên hộ gia đình", "hộ gia đình", *_MIXED_NAMES),
    _f("kind", "Loại tập thể", "Kind", "loại", "loại hình", "loại tập thể", "loại đơn vị", "phân loại"),
    _VILLAGE,
    _ADDRESS,
    _f("member_count", "Số thành viên", "Members", "số thành viên", "tổng số thành viên", "số người", "tổng số",
       "số lượng", "số cán bộ", "số hội viên", "quân số", "số nhân khẩu", "số khẩu", "tổng số người"),
    _f("women_count", "Số nữ", "Women", "số nữ", "nữ", "trong đó nữ", "thành viên nữ", "số thành viên nữ",
       "số hội viên nữ", "số người nữ"),
    _f("parent", "Đơn vị cấp trên", "Parent unit", "đơn vị cấp trên", "trực thuộc", "thuộc"),
    _SUBJECT_TYPE,
    _NOTES,
    *_AWARD_FIELDS,
)

AWARD_FIELDS: tuple[FieldSpec, ...] = (
    _SEQ,
    _f("full_name", "Họ và tên", "Full name", "họ và tên", "họ tên", "họ và tên cá nhân", "tên cá nhân",
       "họ và tên người được khen thưởng", "người được khen thưởng", "cá nhân", *_MIXED_NAMES),
    *_BIRTH_FIELDS,
    _f("collective", "Tên tập thể", "Collective", "tên tập thể", "tập thể", "tên tập thể được khen thưởng",
       "tập thể được khen thưởng", "tên hộ gia đình"),
    _SUBJECT_TYPE,
    *_AWARD_FIELDS,
    # The initiative that backed the award (one initiative backs one award).
    _f("initiative", "Sáng kiến", "Initiative", "sáng kiến", "tên sáng kiến", "sáng kiến làm căn cứ",
       "căn cứ sáng kiến"),
    _NOTES,
)

FIELDS: dict[str, tuple[FieldSpec, ...]] = {"people": PEOPLE_FIELDS, "collectives": COLLECTIVE_FIELDS,
                                             "awards": AWARD_FIELDS}

# Each group needs at least one of its fields mapped before a preview makes sense.
REQUIRED: dict[str, tuple[tuple[str, ...], ...]] = {
    "people": (("full_name",),),
    "collectives": (("name",),),
    "awards": (("full_name", "cccd", "collective"), ("award_title", "award_form")),
}

# The yearly records the rules read: ratings, initiatives, discipline (spreadsheets/record_fields.py).
FIELDS.update(record_field_specs(_f, _SEQ, _NOTES, (AWARD_FIELDS[1], *_BIRTH_FIELDS)))
REQUIRED.update(RECORD_REQUIRED)


def fields_for(kind: str) -> tuple[FieldSpec, ...]:
    return FIELDS[kind]


def missing_required(kind: str, mapping: dict[str, int]) -> list[str]:
    """The first field of every required group that has no column."""
    return [group[0] for group in REQUIRED[kind] if not any(f in mapping for f in group)]


def column_letter(index: int) -> str:
    """1 -> A, 27 -> AA."""
    letters = ""
    while index > 0:
        index, rest = divmod(index - 1, 26)
        letters = chr(65 + rest) + letters
    return letters


# --- matching labels ---------------------------------------------------------------------------

_PUNCT = re.compile(r"[\W_]+")


def label_key(text: Any) -> tuple[str, str]:
    """(lower-case text with marks, the same without marks), punctuation as single spaces.

    "Số CMND/CCCD" -> ("số cmnd cccd", "so cmnd cccd"); "Ho va ten" -> ("ho va ten", "ho va ten").
    """
    accented = " ".join(_PUNCT.sub(" ", clean_text(cell_text(text)).casefold()).split())
    return accented, search_key(accented)


@dataclass(frozen=True)
class _Syn:
    field: str
    accented: str
    plain: str


def _synonyms(kind: str) -> list[_Syn]:
    out = []
    for spec in FIELDS[kind]:
        for syn in spec.synonyms:
            accented, plain = label_key(syn)
            out.append(_Syn(spec.name, accented, plain))
    return out


_SYNONYMS = {kind: _synonyms(kind) for kind in KINDS}


def _contains(words: str, part: str) -> bool:
    return f" {part} " in f" {words} "


def _score(accented: str, plain: str, syn: _Syn) -> int:
    unmarked = accented == plain  # typed without diacritics
    if accented == syn.accented:
        return 100
    if plain == syn.plain:
        return 95 if unmarked else 70  # marks typed but different: "Họ va tên" still, weaker
    if len(syn.plain) < 4:
        return 0
    if _contains(accented, syn.accented):
        return 50 + min(len(syn.accented), 40)
    if _contains(plain, syn.plain):
        return (45 if unmarked else 30) + min(len(syn.plain), 40)
    return 0


def _scores(accented: str, plain: str, kind: str) -> dict[str, int]:
    best: dict[str, int] = {}
    for syn in _SYNONYMS[kind]:
        score = _score(accented, plain, syn)
        if score > best.get(syn.field, 0):
            best[syn.field] = score
    return best


# "Mã danh hiệu", "MaDonVi", "ID_DanhHieu", "Danh hiệu (mã)": the code of a thing, which a lookup
# sheet of the same workbook translates into its name (spreadsheets/lookup.py).
_CODE_WORDS = {"mã", "ma", "id", "code"}


def _split_camel(text: str) -> str:
    """ "MaDonVi" -> "Ma Don Vi" (an export's column names have no spaces)."""
    return "".join(f" {ch}" if i and ch.isupper() and text[i - 1].islower() else ch for i, ch in enumerate(text))

CODE_PENALTY = 10


def _code_rest(label: Any) -> tuple[str, str] | None:
    """The label without its code word ("mã danh hiệu" -> "danh hiệu"), or None when it has none."""
    text = cell_text(label)
    for accented, plain in (label_key(_split_camel(text)), label_key(text)):
        words, folded = accented.split(), plain.split()
        if len(words) < 2:
            continue
        if words[0] in _CODE_WORDS:
            return " ".join(words[1:]), " ".join(folded[1:])
        if words[-1] in _CODE_WORDS:
            return " ".join(words[:-1]), " ".join(folded[:-1])
    return None


def is_code_label(label: Any, kind: str) -> bool:
    """A header that names a field only through its code ("Mã đơn vị"), not as itself ("Mã định danh")."""
    accented, plain = label_key(label)
    if not accented or _code_rest(label) is None:
        return False
    return max(_scores(accented, plain, kind).values(), default=0) < MIN_SCORE


def match_label(label: Any, kind: str) -> list[tuple[str, int]]:
    """Fields this header label may name, best first: [(field, score 0-100)]."""
    if isinstance(label, str) and len(label) <= _MEMO_MAX_LABEL:
        return list(_match_text(label, kind))
    return _match_label(label, kind)


# Finding the header scores every cell of the first 40 rows against every synonym, and the
# wizard analyses the same sheet again at each change of header row or sheet: the same texts
# come back. Only short texts are kept, so the memo stays small whatever a sheet holds.
_MEMO_MAX_LABEL = 200


@lru_cache(maxsize=8192)
def _match_text(label: str, kind: str) -> tuple[tuple[str, int], ...]:
    return tuple(_match_label(label, kind))


def _match_label(label: Any, kind: str) -> list[tuple[str, int]]:
    accented, plain = label_key(label)
    if not accented:
        return []
    best = _scores(accented, plain, kind)
    if (rest := _code_rest(label)) is not None:
        for field, score in _scores(*rest, kind).items():
            best[field] = max(best.get(field, 0), score - CODE_PENALTY)
    return sorted(best.items(), key=lambda item: -item[1])


MIN_SCORE = 60


# --- the header block ----------------------------------------------------------------------------


@dataclass(frozen=True)
class HeaderColumn:
    index: int  # 1-based
    letter: str
    label: str  # every header text over the column, top to bottom: "Năm sinh / Nam"
    field: str | None  # the proposed field, or None


@dataclass(frozen=True)
class HeaderBlock:
    first_row: int
    last_row: int
    data_start: int  # first row after the header (and after a row of column numbers)
    columns: tuple[HeaderColumn, ...]
    mapping: dict[str, int]  # field -> column index

    def label_of(self, col: int) -> str:
        for c in self.columns:
            if c.index == col:
                return c.label
        return ""


def _texts(grid: SheetGrid, rows: range, col: int) -> list[str]:
    """Distinct non-empty texts over a column in ``rows``, top to bottom."""
    out: list[str] = []
    for r in rows:
        text = cell_text(grid.value(r, col))
        if text and text not in out:
            out.append(text)
    return out


def _split_pair(leaves: dict[int, str], kind: str) -> dict[int, str]:
    """Adjacent leaves "Nam" | "Nữ" (the official list's birth-year split) -> birth_male / birth_female."""
    if kind == "collectives":
        return {}
    found: dict[int, str] = {}
    for col, text in leaves.items():
        accented, plain = label_key(text)
        right = leaves.get(col + 1)
        if plain == "nam" and accented != "năm" and right is not None and label_key(right)[1] == "nu":
            found[col], found[col + 1] = "birth_male", "birth_female"
    return found


def _candidates(grid: SheetGrid, rows: range, kind: str) -> tuple[dict[int, list[str]], list[tuple[int, str, int]]]:
    """Texts per column and every (score, field, column) worth considering."""
    texts = {c: _texts(grid, rows, c) for c in range(1, grid.max_col + 1)}
    texts = {c: t for c, t in texts.items() if t}
    leaves = {c: t[-1] for c, t in texts.items()}
    scored: list[tuple[int, str, int]] = []
    for col, field in _split_pair(leaves, kind).items():
        scored.append((101, field, col))
    for col, labels in texts.items():
        for field, score in match_label(labels[-1], kind):
            scored.append((score, field, col))
        if len(labels) > 1:
            for field, score in match_label(" ".join(labels), kind):
                scored.append((score - 5, field, col))
            for parent in labels[:-1]:
                for field, score in match_label(parent, kind):
                    scored.append((score - 15, field, col))
    return texts, scored


def _assign(scored: list[tuple[int, str, int]]) -> dict[str, int]:
    """Greedy one-to-one: the best score first, then the leftmost column."""
    mapping: dict[str, int] = {}
    used: set[int] = set()
    for score, field, col in sorted(scored, key=lambda s: (-s[0], s[2])):
        if score < MIN_SCORE or field in mapping or col in used:
            continue
        mapping[field] = col
        used.add(col)
    return mapping


def _row_score(grid: SheetGrid, row: int, kind: str) -> int:
    mapping = _assign(_candidates(grid, range(row, row + 1), kind)[1])
    if missing_required(kind, mapping):
        return 0
    return len(mapping)


def _spans(grid: SheetGrid, upper: int, lower: int) -> bool:
    """A merged range covers both rows (a header cell merged down over a sub-header row)."""
    return any(r[0] <= upper and r[2] >= lower for r in grid.merged)


_DATA_LIKE = re.compile(r"\d{5,}|\d{1,2}[/.\-]\d{1,2}[/.\-]\d{2,4}")


def _header_like_row(grid: SheetGrid, row: int, kind: str) -> bool:
    """A row under the header that names columns too ("Nam | Nữ", "Năm | Hình thức") and holds no data."""
    values = [grid.value(row, c) for c in range(1, grid.max_col + 1)]
    if any(isinstance(v, int | float) and not isinstance(v, bool) for v in values):
        return False
    texts = [cell_text(v) for v in values if cell_text(v)]
    if not texts or any(_DATA_LIKE.search(t) for t in texts):
        return False
    leaves = {c: cell_text(grid.value(row, c)) for c in range(1, grid.max_col + 1)}
    if _split_pair({c: t for c, t in leaves.items() if t}, kind):
        return True
    own = []  # cells that start here, not a header cell merged down from the row above
    for c in range(1, grid.max_col + 1):
        rng = grid.merge_at(row, c)
        if cell_text(grid.value(row, c)) and (rng is None or rng[0] == row):
            own.append(c)
    return bool(own) and all(any(s >= 85 for _, s in match_label(grid.value(row, c), kind)) for c in own)


_NUMBER_LABEL = re.compile(r"\(?\s*(\d{1,2}|[a-zA-Z])\s*\)?")


def _numbering_row(grid: SheetGrid, row: int) -> bool:
    """ "(1) (2) (3)" or "1 2 3" or "A B C" under the header: the form's column numbers."""
    texts = [cell_text(grid.value(row, c)) for c in range(1, grid.max_col + 1)]
    texts = [t for t in texts if t]
    if len(texts) < 3 or not all(_NUMBER_LABEL.fullmatch(t) for t in texts):
        return False
    numbers = [int(m) for t in texts if (m := re.sub(r"\D", "", t))]
    return not numbers or numbers == sorted(numbers)


MAX_SCAN_ROWS = 40
MAX_HEADER_ROWS = 4


def detect_header(grid: SheetGrid, kind: str, *, header_rows: tuple[int, int] | None = None,
                  hints: dict[int, str] | None = None) -> HeaderBlock | None:
    """The header block and the proposed mapping, or None when no row looks like a header.

    ``header_rows`` (first, last) forces the block, for when the officer points at it. ``hints``
    (column -> label) are second labels for columns, weaker than the header: the name column's
    header of the lookup sheet that translated the column's codes.
    """
    if kind not in FIELDS:
        raise ValueError(kind)
    if header_rows is not None:
        first, last = header_rows
    else:
        scores = [(_row_score(grid, r, kind), r) for r in range(1, min(grid.max_row, MAX_SCAN_ROWS) + 1)]
        best = max(scores, key=lambda s: (s[0], -s[1]), default=(0, 0))
        if best[0] == 0:
            return None
        first = last = best[1]
        while first > 1 and last - first + 1 < MAX_HEADER_ROWS and _spans(grid, first - 1, first):
            first -= 1
        while (last < grid.max_row and last - first + 1 < MAX_HEADER_ROWS
               and (_spans(grid, last, last + 1) or _header_like_row(grid, last + 1, kind))):
            last += 1
    data_start = last + 1
    if _numbering_row(grid, data_start):
        data_start += 1
    texts, scored = _candidates(grid, range(first, last + 1), kind)
    for col, label in (hints or {}).items():
        scored.extend((score - CODE_PENALTY, field, col) for field, score in match_label(label, kind))
    if "subject_type" in {spec.name for spec in FIELDS[kind]} and (found := find_type_column(grid, data_start)):
        # Its values say it, whatever its header: never an award title. In a list of collectives
        # that names no person it only tells households from the others: the kind column.
        type_col, types = found
        collectives_only = kind == "collectives" and INDIVIDUAL not in types
        scored.append((102, "kind" if collectives_only else "subject_type", type_col))
    mapping = _assign(scored)
    by_col = {col: field for field, col in mapping.items()}
    columns = tuple(HeaderColumn(c, column_letter(c), " / ".join(t), by_col.get(c)) for c, t in sorted(texts.items()))
    return HeaderBlock(first, last, data_start, columns, mapping)


# --- rows that are not data ----------------------------------------------------------------------

_SUMMARY_MARKED = re.compile(r"(tổng cộng|tổng số|cộng|tổng)\b")
_SUMMARY_PLAIN = re.compile(r"(tong cong|tong so|total)\b|(tong|cong)$")
_FOOTER = re.compile(r"nguoi lap|thu truong|xac nhan|ky ten|ky ghi ro|ngay( \d+)? thang( \d+)? nam"
                     r"|^(t m|tm|kt|tl|tuq) ")
_ENUMERATOR = re.compile(r"[ivxlc]+|[a-z]")
_SECTION_TEXT = re.compile(r"([IVXLC]+|[A-Z]|\d{1,2})[.)]\s")


def _is_number(value: Any) -> bool:
    if isinstance(value, int | float) and not isinstance(value, bool):
        return True
    return isinstance(value, str) and value.strip().isdigit()


def classify_row(grid: SheetGrid, row: int, mapping: dict[str, int], name_field: str, *,
                 after_footer: bool = False, has_subject_data: bool = False) -> str | None:
    """Why the row is not data: IMPORT_ROW_SUMMARY, IMPORT_ROW_SECTION, IMPORT_ROW_FOOTER; None for data.

    ``has_subject_data``: the row carries a gender or a birth date, which a totals row never does
    (tells "Tong cong" in a file without diacritics from a person named Tống Công).
    """
    cells = {c: grid.value(row, c) for c in range(1, grid.max_col + 1)}
    filled = {c: v for c, v in cells.items() if cell_text(v)}
    if not filled:
        return None
    seq = cells.get(mapping.get("seq", 0))
    numbered = _is_number(seq)
    name = cell_text(cells.get(mapping.get(name_field, 0)))
    first = cell_text(next(iter(filled.values())))
    for text in (cell_text(seq), name, first):
        accented, plain = label_key(text)
        if not accented:
            continue
        if accented != plain and _SUMMARY_MARKED.match(accented):
            return "IMPORT_ROW_SUMMARY"
        if accented == plain and _SUMMARY_PLAIN.match(plain) and not has_subject_data and not numbered:
            return "IMPORT_ROW_SUMMARY"
    if not numbered:
        if after_footer or any(_FOOTER.search(label_key(v)[1]) for v in filled.values()):
            return "IMPORT_ROW_FOOTER"
        ranges = {grid.merge_at(row, c) for c in filled}
        if len(ranges) == 1 and None not in ranges:
            rng = next(iter(ranges))
            if rng is not None and rng[3] - rng[1] >= 2 and rng[0] == rng[2]:
                return "IMPORT_ROW_SECTION"
        others = [f for f, c in mapping.items() if f not in ("seq", name_field) and cell_text(cells.get(c))]
        if not others and (_ENUMERATOR.fullmatch(label_key(seq)[1] or "-") or _SECTION_TEXT.match(name)):
            return "IMPORT_ROW_SECTION"
    return None


def is_blank_row(grid: SheetGrid, row: int, mapping: dict[str, int]) -> bool:
    """No value in any mapped column but the sequence number (pre-numbered empty form rows count as blank),
    nor any but formulas that show nothing (a template's "#N/A" or 0, see reading.py)."""
    return not any(cell_text(grid.value(row, c)) and (row, c) not in grid.template_cells
                   for f, c in mapping.items() if f != "seq")
