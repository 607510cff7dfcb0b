"""What an Excel import does for files that come from other software (for ``excel_import``).

- :func:`enrich_plan` (analyse): codes translated through the workbook's lookup sheets, the award
  year named by the title, template rows of formulas, and the notices that say so;
- :func:`award_year` (preview): the year for rows of a file without a year column, or the whole
  file refused once when nothing gives one;
- :func:`apply_cell_problems` (preview): a code no lookup knows, a numeric award "title", a cell
  showing a formula error: each an error of its row and column, instead of a value stored as a name;
- :func:`formula_rows`: which blank rows were template formulas.

No Qt, no database.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable
from typing import Any

from ..domain.errors import ValidationError
from ..domain.text import search_key
from ..domain.validation import MAX_YEAR
from ..spreadsheets.cells import cell_text
from ..spreadsheets.headers import HeaderBlock, column_letter, detect_header
from ..spreadsheets.lookup import find_tables, translate, untranslated_code_columns
from ..spreadsheets.reading import SheetGrid, Workbook, read_sheet
from ..spreadsheets.subject_types import COLLECTIVE, HOUSEHOLD, INDIVIDUAL, subject_type_of
from ..spreadsheets.title_year import MIN_AWARD_YEAR, title_year
from .excel_import_report import ImportPlan, Notice, Problem, RowReport, field_title
from .excel_import_rows import _DECISION_DATE

__all__ = ["BASE_KINDS", "apply_cell_problems", "award_year", "enrich_plan", "formula_rows", "other_sheets"]

BASE_KINDS = ("people", "collectives", "awards")
_AWARD_TITLES = ("award_title", "award_form")


def other_sheets(workbook: Workbook, main: str, file_name: str,
                 read: dict[str, SheetGrid] | None = None) -> list[SheetGrid]:
    """The workbook's other sheets, hidden ones too (lookup sheets often are); ``read``: those
    already read. One that cannot be read (too big, a chart) is left out: it is not what the
    officer asked to import."""
    grids = []
    for name in workbook.sheetnames:
        if name == main:
            continue
        if read and name in read:
            grids.append(read[name])
            continue
        try:
            grids.append(read_sheet(workbook, name, file_name=file_name))
        except ValidationError:
            continue
    return grids


def _without(block: HeaderBlock, fields: Iterable[str]) -> HeaderBlock:
    drop = set(fields)
    return dataclasses.replace(
        block, mapping={f: c for f, c in block.mapping.items() if f not in drop},
        columns=tuple(dataclasses.replace(c, field=None) if c.field in drop else c for c in block.columns))


def _where(plan: ImportPlan, col: int) -> dict[str, Any]:
    return {"file": plan.file, "sheet": plan.sheet, "column": column_letter(col), "header": plan.header.label_of(col)}


def enrich_plan(plan: ImportPlan, others: list[SheetGrid]) -> ImportPlan:
    """``plan`` with its codes translated, its title year and the notices about both (changed in place)."""
    if plan.kind not in BASE_KINDS or not plan.header_found:
        return plan
    block = plan.header
    translation = translate(plan.grid, block, plan.kind, [t for g in others for t in find_tables(g)])
    if translation.columns:
        plan.grid = translation.grid
        found = detect_header(plan.grid, plan.kind, header_rows=(block.first_row, block.last_row),
                              hints=translation.hints())
        block = found if found is not None else block
    unused = untranslated_code_columns(block, plan.kind, translation)
    plan.header = _without(block, unused)
    for name in unused:
        plan.notices.append(Notice("IMPORT_CODE_COLUMN_UNUSED", {**_where(plan, block.mapping[name]),
                                                                 "needed": field_title(name)}))
    for used in translation.columns:
        plan.notices.append(Notice("IMPORT_LOOKUP_APPLIED", {**_where(plan, used.column), "lookup": used.table.sheet,
                                                             "count": used.translated}))
        plan.lookups.append({"column": column_letter(used.column), "lookup": used.table.sheet,
                             "translated": used.translated, "unknown": used.unknown})
    plan.unknown_codes = translation.unknown
    mapping = plan.header.mapping
    named = title_year(plan.grid, plan.header.first_row)
    plan.title_year = named.year if named else None
    if named and "award_year" not in mapping and any(f in mapping for f in _AWARD_TITLES):
        plan.notices.append(Notice("IMPORT_YEAR_FROM_TITLE", {"file": plan.file, "sheet": plan.sheet,
                                                              "year": named.year, "title": named.text,
                                                              "row": named.row}))
    if count := len(_template_rows(plan.grid, plan.header)):
        plan.notices.append(Notice("IMPORT_FORMULA_ROWS", {"file": plan.file, "sheet": plan.sheet, "count": count}))
    if "subject_type" in mapping:
        col = mapping["subject_type"]
        kinds = [subject_type_of(plan.grid.value(r, col)) for r in range(plan.header.data_start, plan.grid.max_row + 1)]
        plan.notices.append(Notice("IMPORT_MIXED_SUBJECTS", {**_where(plan, col), "individual": kinds.count(INDIVIDUAL),
                                                             "collective": kinds.count(COLLECTIVE),
                                                             "household": kinds.count(HOUSEHOLD)}))
    return plan


def _template_rows(grid: SheetGrid, block: HeaderBlock) -> list[int]:
    """Data rows holding nothing but formulas that show nothing (the sequence number aside)."""
    seq = block.mapping.get("seq")
    rows = sorted({r for r, _ in grid.template_cells if r >= block.data_start})
    return [r for r in rows if all((r, c) in grid.template_cells or c == seq or not cell_text(v)
                                   for c, v in enumerate(grid.rows[r - 1], start=1))]


def formula_rows(grid: SheetGrid, blanks: list[int]) -> list[int]:
    """The blank rows that are blank because their formulas show nothing."""
    template = {r for r, _ in grid.template_cells}
    return [r for r in blanks if r in template]


def award_year(plan: ImportPlan, mapping: dict[str, int], year: int | None) -> int | None:
    """The award year of rows in a file without a year column: ``year`` (the officer's), else the title's.

    Refuses the whole file (IMPORT_AWARD_YEAR_MISSING) when rows name awards and nothing gives them a
    year: no year column, no year given or in the title, no decision dates to take it from."""
    if year is not None and not MIN_AWARD_YEAR <= year <= MAX_YEAR:
        raise ValidationError("NUMBER_OUT_OF_RANGE", field="year", value=year, min=MIN_AWARD_YEAR, max=MAX_YEAR,
                              range=f"{MIN_AWARD_YEAR} – {MAX_YEAR}")
    year = year if year is not None else plan.title_year
    titles = [mapping[f] for f in _AWARD_TITLES if f in mapping]
    if year is not None or "award_year" in mapping or not titles or "decision_date" in mapping:
        return year
    grid, rows = plan.grid, range(plan.header.data_start, plan.grid.max_row + 1)
    number = mapping.get("decision_number")
    if number and any(_DECISION_DATE.search(search_key(cell_text(grid.value(r, number)))) for r in rows):
        return None  # "125/QĐ-UBND ngày 20/12/2024": the decisions' years
    if any(cell_text(grid.value(r, c)) and (r, c) not in grid.template_cells for r in rows for c in titles):
        raise ValidationError("IMPORT_AWARD_YEAR_MISSING", field="award_year", file=plan.file, sheet=plan.sheet)
    return None


def _cell_problems(plan: ImportPlan, mapping: dict[str, int]) -> dict[int, list[tuple[int, str, dict[str, Any]]]]:
    grid = plan.grid
    fields = {c: f for f, c in mapping.items() if f != "seq"}
    out: dict[int, list[tuple[int, str, dict[str, Any]]]] = {}
    for (row, col), (code, sheet) in plan.unknown_codes.items():
        if col in fields:
            out.setdefault(row, []).append((col, "IMPORT_CODE_UNKNOWN", {"value": code, "lookup": sheet}))
    for row, col in grid.error_cells:
        if col in fields:
            out.setdefault(row, []).append((col, "IMPORT_CELL_ERROR", {"value": cell_text(grid.value(row, col))}))
    for name in _AWARD_TITLES:  # no award is called "1647933042": a code that nothing translated
        award_col = mapping.get(name)
        if not award_col:
            continue
        for row in range(plan.header.data_start, grid.max_row + 1):
            text = cell_text(grid.value(row, award_col))
            if (text.isdigit() and (row, award_col) not in plan.unknown_codes
                    and (row, award_col) not in grid.error_cells):
                out.setdefault(row, []).append((award_col, "IMPORT_CODE_NO_LOOKUP", {"value": text}))
    return out


def apply_cell_problems(plan: ImportPlan, mapping: dict[str, int], rows: list[RowReport]) -> None:
    """Each data row with such a cell becomes an error naming it; what the parser made of the cell's
    value (a title not in the catalog, an unknown kind …) is dropped: the cell held no such value."""
    problems = _cell_problems(plan, mapping)
    if not problems:
        return
    fields = {c: f for f, c in mapping.items()}
    for row in rows:
        found = problems.get(row.row)
        if not found or row.action == "skip":
            continue
        found.sort(key=lambda item: item[0])
        named = {fields[col] for col, _, _ in found}
        own = [Problem(plan.file, plan.sheet, row.row, column_letter(col), plan.header.label_of(col), fields[col],
                       code, "error", params) for col, code, params in found]
        row.problems[:] = own + [p for p in row.problems if p.field not in named]
        row.action = "error"
        row.awards = []
        row.data["awards"] = []


def type_error(plan: ImportPlan, mapping: dict[str, int], row: RowReport, code: str, **params: Any) -> None:
    """``row`` refused because its type cell says nothing known: whatever was made of the rest of
    the row, read as a person or as a collective by default, does not count."""
    col = mapping["subject_type"]
    row.problems[:] = [Problem(plan.file, plan.sheet, row.row, column_letter(col), plan.header.label_of(col),
                               "subject_type", code, "error", params)]
    row.action = "error"
    row.awards = []
    row.data["awards"] = []


def route_award_subjects(plan: ImportPlan, mapping: dict[str, int], rows: list[RowReport]) -> None:
    """In an award history with a type column, the name of a collective or household row names a
    collective (looked up among collectives, not people)."""
    col = mapping["subject_type"]
    for row in rows:
        if row.action == "skip":
            continue
        text = cell_text(plan.grid.value(row.row, col))
        kind = subject_type_of(text)
        if kind is None:
            if text:
                type_error(plan, mapping, row, "IMPORT_SUBJECT_TYPE_UNKNOWN", value=text)
            else:
                type_error(plan, mapping, row, "REQUIRED")
            continue
        row.values["subject_type"] = kind
        who = row.data.get("who")
        if kind != INDIVIDUAL and who is not None and who.get("name") and not who.get("collective"):
            who.update(collective=who["name"], name="", cccd="", gender=None, year=None)
            row.values["collective"] = row.values.pop("full_name", who["collective"])
