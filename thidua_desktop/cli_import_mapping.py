"""``thidua import … --header-row N --map "Họ và tên=C" --year 2023``: what the wizard's first two
steps let the officer choose, for the command line (used by ``cli_excel``).

- ``--header-row N`` (or ``N-M`` for a header block over several rows) says where the header is;
- ``--map LABEL=COLUMN`` (repeatable) puts a field in a column: LABEL is the field's title as the
  refusals and the report print it ("Họ và tên", "Full name", with or without diacritics) or its
  key ("full_name"); COLUMN a letter ("C"), or nothing ("Ghi chú=") to leave the field out.
  The column's previous field, if any, is left out;
- ``--year`` is the award year of a file without a year column.

A value that cannot be understood is a usage error (exit 2), said in one line with the reason;
nothing is opened or written.
"""

from __future__ import annotations

import re
import sys
from dataclasses import dataclass
from typing import Any

from .domain.validation import MAX_YEAR
from .services.excel_import_report import ImportPlan
from .spreadsheets.headers import column_letter, fields_for, label_key
from .spreadsheets.title_year import MIN_AWARD_YEAR

__all__ = ["ImportUsageError", "apply_overrides", "check_plan", "parse_options", "usage"]

_ROWS = re.compile(r"\s*(\d{1,6})\s*(?:[-–:]\s*(\d{1,6})\s*)?")
_LETTERS = re.compile(r"[A-Za-z]{1,3}")


class ImportUsageError(Exception):
    def __init__(self, vi: str, en: str) -> None:
        super().__init__(en)
        self.vi, self.en = vi, en


def usage(error: ImportUsageError, lang: str) -> int:
    """Say the error the way ``thidua`` says a malformed command, and return its exit code (2)."""
    text = (f"Lệnh không hợp lệ: {error.vi}. Xem «thidua import --help»." if lang == "vi" else
            f"Usage error: {error.en}. See «thidua import --help».")
    sys.stderr.write(text + "\n")
    return 2


@dataclass(frozen=True)
class Options:
    header_rows: tuple[int, int] | None
    columns: dict[str, int | None]  # field -> 1-based column, None to leave it out
    year: int | None


def _header_rows(text: str | None) -> tuple[int, int] | None:
    if text is None:
        return None
    match = _ROWS.fullmatch(text)
    first = int(match[1]) if match else 0
    last = int(match[2]) if match and match[2] else first
    if not match or first < 1 or last < first:
        raise ImportUsageError(f"--header-row «{text}» phải là số dòng (ví dụ 5) hoặc hai số dòng (ví dụ 5-6)",
                               f"--header-row «{text}» must be a row number (e.g. 5) or two (e.g. 5-6)")
    return first, last


def _field(label: str, kind: str) -> str:
    wanted = label_key(label)
    specs = fields_for(kind)
    for fold in (0, 1):  # with diacritics first: "Năm sinh (Nam)" and "Năm sinh (Nữ)" differ only there
        for spec in specs:
            names = (spec.label_vi, spec.label_en, spec.name, spec.name.replace("_", " "))
            if any(label_key(n)[fold] == wanted[fold] for n in names):
                return spec.name
    known = ", ".join(f"«{s.label_vi}»" for s in specs)
    raise ImportUsageError(f"--map: không có trường «{label}» khi nhập {kind}; các trường: {known}",
                           f"--map: there is no field «{label}» when importing {kind}; the fields: {known}")


def _column(text: str, item: str) -> int | None:
    text = text.strip()
    if text in ("", "-"):
        return None
    if not _LETTERS.fullmatch(text):
        raise ImportUsageError(f"--map «{item}»: «{text}» không phải chữ cái tên cột (ví dụ C hoặc AB)",
                               f"--map «{item}»: «{text}» is not a column letter (e.g. C or AB)")
    index = 0
    for ch in text.upper():
        index = index * 26 + ord(ch) - 64
    return index


def parse_options(args: Any) -> Options:
    """The import options of ``args``, checked for what can be checked without the file."""
    year = getattr(args, "year", None)
    if year is not None and not MIN_AWARD_YEAR <= year <= MAX_YEAR:
        raise ImportUsageError(f"--year {year} phải trong khoảng {MIN_AWARD_YEAR}–{MAX_YEAR}",
                               f"--year {year} must be between {MIN_AWARD_YEAR} and {MAX_YEAR}")
    columns: dict[str, int | None] = {}
    chosen: dict[int, str] = {}
    for item in getattr(args, "map", None) or []:
        label, sep, col_text = item.rpartition("=")
        if not sep or not label.strip():
            raise ImportUsageError(f"--map «{item}» phải có dạng «Tên trường=Cột», ví dụ «Họ và tên=C»",
                                   f"--map «{item}» must look like «Field=Column», e.g. «Họ và tên=C»")
        field, col = _field(label.strip(), args.kind), _column(col_text, item)
        if col is not None and chosen.get(col, field) != field:
            raise ImportUsageError(
                f"--map: cột {column_letter(col)} được chọn cho hai trường «{chosen[col]}» và «{field}»",
                f"--map: column {column_letter(col)} is chosen for two fields, «{chosen[col]}» and «{field}»")
        if col is not None:
            chosen[col] = field
        columns[field] = col
    return Options(_header_rows(getattr(args, "header_row", None)), columns, year)


def check_plan(plan: ImportPlan, options: Options) -> None:
    """What only the file can tell: the header rows and the columns exist in the sheet."""
    rows, cols = plan.grid.max_row, max(plan.grid.max_col, 1)
    if options.header_rows is not None and options.header_rows[1] > rows:
        first, last = options.header_rows
        shown = str(first) if first == last else f"{first}-{last}"
        raise ImportUsageError(f"--header-row {shown}: trang «{plan.sheet}» chỉ có {rows} dòng",
                               f"--header-row {shown}: sheet «{plan.sheet}» has only {rows} rows")
    for field, col in options.columns.items():
        if col is not None and col > cols:
            raise ImportUsageError(
                f"--map: trang «{plan.sheet}» không có cột {column_letter(col)} (cột cuối là {column_letter(cols)}) "
                f"cho «{field}»",
                f"--map: sheet «{plan.sheet}» has no column {column_letter(col)} (the last is {column_letter(cols)}) "
                f"for «{field}»")


def apply_overrides(mapping: dict[str, int], columns: dict[str, int | None]) -> dict[str, int]:
    """``mapping`` with the chosen columns; a column's former field is left out."""
    out = dict(mapping)
    for field, col in columns.items():
        out.pop(field, None)
        if col is not None:
            out = {f: c for f, c in out.items() if c != col}
            out[field] = col
    return out
