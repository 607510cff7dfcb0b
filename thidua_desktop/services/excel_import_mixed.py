"""One sheet listing people, collectives and households, told apart by a type column (for ``excel_import``).

Each row goes to its own register in the same import: "individual" rows are read as people,
"collective" and "household" rows as collectives (households with their kind set). The people
rows and the collective rows are read by the usual parsers, each on a copy of the sheet where
the other's rows are empty, then matched against the register, and the two reports are merged
row by row. The commit then writes them all in one transaction (``row.data["route"]``).

Rows whose type is empty or unknown are read by the parser of the kind the officer chose, so
headings, totals and signature lines are still recognised; a data row among them is an error.

No Qt.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from typing import Any

from ..db import Session
from ..spreadsheets.cells import cell_text
from ..spreadsheets.headers import detect_header, fields_for
from ..spreadsheets.reading import SheetGrid
from ..spreadsheets.subject_types import HOUSEHOLD, INDIVIDUAL, subject_type_of
from .collectives import CollectiveService
from .excel_import_foreign import apply_cell_problems, type_error
from .excel_import_match import Matcher
from .excel_import_report import ImportPlan, RowReport
from .people import PeopleService

__all__ = ["mixed_mappings", "preview_mixed"]

Tick = Callable[[int, int], None]
_HOUSEHOLD_TEXT = "Hộ gia đình"  # what the collective parser reads as the household kind


def mixed_mappings(plan: ImportPlan, mapping: dict[str, int]) -> tuple[dict[str, int], dict[str, int]]:
    """(people mapping, collectives mapping) for one sheet: the chosen kind's mapping as the officer
    left it, the other kind's derived from it (its name column is the chosen one's) and completed by
    the header detection for its own fields (members, kind …; gender, birth …) on free columns."""
    own = "people" if plan.kind == "people" else "collectives"
    other = "collectives" if own == "people" else "people"
    name, other_name = ("full_name", "name") if own == "people" else ("name", "full_name")
    other_fields = {spec.name for spec in fields_for(other)}
    derived = {f: c for f, c in mapping.items() if f in other_fields and f != name}
    derived[other_name] = mapping[name]
    detected = detect_header(plan.grid, other, header_rows=(plan.header.first_row, plan.header.last_row))
    used = set(mapping.values())
    for field, col in (detected.mapping if detected is not None else {}).items():
        if field not in derived and col not in used:
            derived[field] = col
    return (dict(mapping), derived) if own == "people" else (derived, dict(mapping))


def _grid(grid: SheetGrid, drop: set[int], cells: dict[tuple[int, int], Any]) -> SheetGrid:
    """A copy of ``grid`` with rows ``drop`` emptied and ``cells`` rewritten."""
    rows = [[] if number in drop else list(row) for number, row in enumerate(grid.rows, start=1)]
    for (r, c), value in cells.items():
        row = rows[r - 1]
        if len(row) < c:
            row.extend([None] * (c - len(row)))
        row[c - 1] = value
    return dataclasses.replace(grid, rows=rows)


def preview_mixed(session: Session, plan: ImportPlan, mapping: dict[str, int], parser_args: tuple[Any, ...],
                  year: int | None, tick: Tick, people: PeopleService,
                  collectives: CollectiveService) -> tuple[list[RowReport], list[int]]:
    """Rows and blank rows of a people/collectives import whose sheet has a type column.

    ``parser_args``: (catalog, villages) for the parsers."""
    grid, type_col = plan.grid, mapping["subject_type"]
    types = {r: subject_type_of(grid.value(r, type_col)) for r in range(plan.header.data_start, grid.max_row + 1)}
    person_rows = {r for r, t in types.items() if t == INDIVIDUAL}
    collective_rows = {r for r, t in types.items() if t is not None and t != INDIVIDUAL}
    people_map, coll_map = mixed_mappings(plan, mapping)
    # Households get their kind from the type; other collectives from a kind column, else their name.
    cells: dict[tuple[int, int], Any] = {}
    kind_col = coll_map.get("kind")
    if kind_col is None:  # the type column then tells households; the others' kind comes from their name
        coll_map["kind"] = kind_col = type_col
        cells.update({(r, type_col): None for r in types})
    cells.update({(r, kind_col): _HOUSEHOLD_TEXT for r in collective_rows if types[r] == HOUSEHOLD})
    default_people = plan.kind == "people"
    people_plan = dataclasses.replace(plan, kind="people", grid=_grid(grid, collective_rows if default_people else
                                                                      set(types) - person_rows, {}))
    coll_plan = dataclasses.replace(plan, kind="collectives", grid=_grid(grid, person_rows if not default_people else
                                                                         set(types) - collective_rows, cells))
    total = max(grid.max_row - plan.header.data_start + 1, 1)
    people_parser = Matcher(people_plan, people_map, *parser_args)
    coll_parser = Matcher(coll_plan, coll_map, *parser_args)
    people_parser.default_year = coll_parser.default_year = year
    people_rows, people_blanks = people_parser.parse_all(lambda done, _t: tick(done, 2 * total))
    coll_rows, coll_blanks = coll_parser.parse_all(lambda done, _t: tick(total + done, 2 * total))
    apply_cell_problems(plan, people_map, people_rows)
    apply_cell_problems(plan, coll_map, coll_rows)
    for rows, own in ((people_rows, person_rows), (coll_rows, collective_rows)):
        for row in rows:
            if row.action == "skip":
                continue
            kind = types.get(row.row)
            if row.row in own and kind is not None:
                row.values["subject_type"] = kind
                row.data["route"] = "people" if kind == INDIVIDUAL else "collectives"
            elif text := cell_text(grid.value(row.row, type_col)):
                type_error(plan, mapping, row, "IMPORT_SUBJECT_TYPE_UNKNOWN", value=text)
            else:
                type_error(plan, mapping, row, "REQUIRED")
    people_parser.match_people(session, people_rows, people)
    coll_parser.match_collectives(session, coll_rows, collectives)
    blanks = people_blanks if default_people else coll_blanks
    other = collective_rows if default_people else person_rows
    own_rows = people_rows if default_people else coll_rows
    other_rows = coll_rows if default_people else people_rows
    merged = [r for r in own_rows if r.row not in other] + [r for r in other_rows if r.row in other]
    return sorted(merged, key=lambda r: r.row), [r for r in blanks if r not in other]
