"""Code columns and the lookup sheets that translate them.

Another program's export often stores the award, the collective type or the unit as a code
("1647933042", "DH01") and puts a small sheet beside it that maps each code to its name. Read
as they are, the codes end up as award titles. Here:

- :func:`find_tables` finds the code -> name tables in the workbook's other sheets (hidden ones
  included): two adjacent columns, codes on the left, names on the right, in a sheet of at most
  three columns or under a header whose code column says it holds codes ("Mã", "ID", "Code");
- :func:`translate` replaces the codes of the main sheet's columns with their names, column by
  column, through the table that knows most of the column's codes. A code the table does not
  know stays as it is and is listed, so the import reports it on its row instead of storing it.

Only columns that are mapped to a field that can hold a name, or whose header says "code"
("Mã danh hiệu"), are translated: a sequence or a birth-year column never is, even when its
numbers happen to be codes of some table.

No Qt, no database.
"""

from __future__ import annotations

import dataclasses
import re
from dataclasses import dataclass
from typing import Any

from .cells import cell_text
from .headers import HeaderBlock, is_code_label, label_key
from .reading import SheetGrid

__all__ = ["CodeColumn", "LookupTable", "Translation", "code_key", "find_tables", "translate",
           "untranslated_code_columns"]

# Fields whose numbers are the value itself, never a code.
NUMERIC_FIELDS = frozenset({"seq", "birth", "birth_male", "birth_female", "award_year", "cccd", "phone",
                            "member_count", "women_count", "decision_date", "decision_number", "employment_start"})
MAX_PAIR_COLUMNS = 12  # tables further right are not looked for
MAX_PLAIN_COLUMNS = 3  # a sheet this narrow is a lookup without needing a "Mã" header
MIN_CODED_SHARE = 0.5  # of a column's filled cells that must look like codes
MIN_KNOWN_SHARE = 0.5  # of those codes that the table must know
_CODE_TEXT = re.compile(r"[A-Za-z0-9_.\-/]{1,24}")
_CODE_HEADERS = {"ma", "id", "code", "ma so", "ky hieu", "ma code", "ma id"}
_SEQ_HEADERS = {"stt", "tt", "so tt", "so thu tu", "thu tu"}


def code_key(value: Any) -> str | None:
    """The comparable form of a cell that may be a code (1647933042, "DH01", "01"), or None.

    Numbers and digit strings compare without leading zeros ("01" and 1 are the same code), text
    codes without case. Text with spaces or diacritics is a name, not a code."""
    if isinstance(value, bool) or value is None:
        return None
    if isinstance(value, int | float):
        return str(int(value)) if float(value).is_integer() and value >= 0 else None
    text = cell_text(value)
    if not _CODE_TEXT.fullmatch(text):
        return None
    return text.lstrip("0") or "0" if text.isdigit() else text.casefold()


@dataclass(frozen=True)
class LookupTable:
    sheet: str
    code_col: int
    name_col: int
    code_header: str
    name_header: str
    names: dict[str, str]  # code_key -> name


@dataclass(frozen=True)
class CodeColumn:
    """One column of the main sheet translated through a table."""

    column: int
    table: LookupTable
    translated: int
    unknown: int


@dataclass
class Translation:
    grid: SheetGrid
    columns: list[CodeColumn]
    unknown: dict[tuple[int, int], tuple[str, str]]  # (row, col) -> (the code as written, lookup sheet)

    def hints(self) -> dict[int, str]:
        """Column -> the name header of its table ("Tên danh hiệu"), for the header detection."""
        return {c.column: c.table.name_header for c in self.columns if c.table.name_header}


def _is_name(value: Any) -> bool:
    return any(ch.isalpha() for ch in cell_text(value))


def _pair(grid: SheetGrid, col: int, narrow: bool) -> LookupTable | None:
    """A code -> name table in columns ``col`` and ``col + 1``, or None."""
    names: dict[str, str] = {}
    clashes: set[str] = set()
    code_header = name_header = ""
    for row in range(1, grid.max_row + 1):
        code, name = grid.value(row, col), grid.value(row, col + 1)
        head = label_key(code)[1]
        if not names and (head in _CODE_HEADERS or head.startswith(("ma ", "id "))):
            code_header, name_header = cell_text(code), cell_text(name)
            continue
        if not names and head in _SEQ_HEADERS:
            return None  # a numbered list, not codes
        key = code_key(code)
        if key is None or not _is_name(name) or (row, col + 1) in grid.template_cells:
            continue
        text = cell_text(name)
        if key in names and names[key] != text:
            clashes.add(key)
        names[key] = text
    for key in clashes:  # one code, two names: the table cannot say which
        names.pop(key)
    if not names or not (code_header or narrow):
        return None
    return LookupTable(grid.title, col, col + 1, code_header, name_header, names)


def find_tables(grid: SheetGrid) -> list[LookupTable]:
    """The code -> name tables of one (other) sheet."""
    filled = {c for row in grid.rows for c, v in enumerate(row, start=1) if cell_text(v)}
    narrow = len(filled) <= MAX_PLAIN_COLUMNS
    tables = []
    for col in range(1, min(grid.max_col, MAX_PAIR_COLUMNS)):
        if col in filled and col + 1 in filled and (table := _pair(grid, col, narrow)) is not None:
            tables.append(table)
    return tables


def _label_words(text: str) -> set[str]:
    return set(label_key(text)[1].split()) - {"ma", "id", "code", "ten", "danh", "muc", "dm"}


def translate(grid: SheetGrid, block: HeaderBlock, kind: str, tables: list[LookupTable]) -> Translation:
    """``grid`` with the codes of its code columns replaced by their names (a copy; ``grid`` is kept)."""
    out = Translation(grid, [], {})
    if not tables:
        return out
    fields = {col: field for field, col in block.mapping.items()}
    rows: list[list[Any]] | None = None
    for col in range(1, grid.max_col + 1):
        field = fields.get(col)
        label = block.label_of(col)
        if field in NUMERIC_FIELDS or (field is None and not is_code_label(label, kind)):
            continue
        filled: list[tuple[int, str | None]] = []
        for row in range(block.data_start, grid.max_row + 1):
            value = grid.value(row, col)
            if cell_text(value) and (row, col) not in grid.template_cells:
                filled.append((row, code_key(value)))
        coded = [(row, key) for row, key in filled if key is not None]
        if not coded or len(coded) < MIN_CODED_SHARE * len(filled):
            continue
        words = _label_words(label)

        def fit(table: LookupTable, coded: list[tuple[int, str]] = coded, words: set[str] = words
                ) -> tuple[int, int]:
            known = sum(key in table.names for _, key in coded)
            named = len(words & (_label_words(table.name_header) | _label_words(table.sheet)))
            return known, named

        table = max(tables, key=fit)
        known = fit(table)[0]
        if known == 0 or known < MIN_KNOWN_SHARE * len(coded):
            continue
        if rows is None:
            rows = [list(r) for r in grid.rows]
        unknown = 0
        for row, key in coded:
            if key in table.names:
                rows[row - 1][col - 1] = table.names[key]
            else:
                out.unknown[(row, col)] = (cell_text(grid.value(row, col)), table.sheet)
                unknown += 1
        out.columns.append(CodeColumn(col, table, len(coded) - unknown, unknown))
    if rows is not None:
        out.grid = dataclasses.replace(grid, rows=rows)
    return out


def untranslated_code_columns(block: HeaderBlock, kind: str, translation: Translation) -> list[str]:
    """Fields proposed only because their header names a code ("Mã đơn vị") that no table translated:
    their codes would be stored as names, so they are not proposed."""
    done = {c.column for c in translation.columns}
    return [field for field, col in block.mapping.items()
            if col not in done and is_code_label(block.label_of(col), kind)]
