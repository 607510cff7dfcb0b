"""What an Excel import found and will do: the plan (sheet, header, mapping), the per-row report,
and the result once written. Plain data for the GUI wizard and the CLI; ``to_json()`` for --json.
It sits in the services layer (it used to be ``spreadsheets/import_report.py``) because its
sentences come from ``messages``, which sits above ``spreadsheets``; the import screens also find
the field vocabulary they show here (``KINDS``, ``REQUIRED``, ``fields_for``, ``column_letter``),
so they need nothing from ``spreadsheets`` themselves.

Messages are rendered on demand in the officer's language; a problem's sentence always starts
with where it is: file, sheet, row and column.

No Qt, no database.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..domain.errors import DomainError
from ..messages import render
from ..spreadsheets.cells import cell_text
from ..spreadsheets.headers import FIELDS, KINDS, REQUIRED, HeaderBlock, column_letter, fields_for, missing_required
from ..spreadsheets.reading import SheetGrid

__all__ = ["ACTIONS", "KINDS", "REQUIRED", "ImportPlan", "ImportReport", "ImportResult", "Notice", "Problem",
           "RowReport", "column_letter", "field_title", "fields_for"]

# create: a new record; update: an existing record changes or gains awards; skip: nothing to do
# (totals, headings, signature lines, unchanged rows); duplicate: probably someone already in the
# register or earlier in the file, left out unless the officer says otherwise; error: cannot be written.
ACTIONS = ("create", "update", "skip", "duplicate", "error")


def field_title(name: str, lang: str = "vi") -> str:
    """The on-screen name of an import field ("birth_male" -> "Năm sinh (Nam)")."""
    for specs in FIELDS.values():
        for spec in specs:
            if spec.name == name:
                return spec.label(lang)
    return name


@dataclass(frozen=True)
class Problem:
    """One thing wrong with a row, at a column when it is about one cell."""

    file: str
    sheet: str
    row: int
    column: str  # "D", or "" when it is about the whole row
    header: str  # the column's header as written in the file ("" for the whole row)
    field: str  # our field name ("" for the whole row)
    code: str
    severity: str  # "error" (the row is not written) or "warning" (written, but look)
    # dataclasses.field: the ``field`` attribute above hides the imported name from the type checker.
    params: dict[str, Any] = dataclasses.field(default_factory=dict)

    def where(self, lang: str = "vi") -> str:
        if self.column:
            at = DomainError("IMPORT_AT", file=self.file, sheet=self.sheet, row=self.row, column=self.column,
                             header=self.header)
        else:
            at = DomainError("IMPORT_AT_ROW", file=self.file, sheet=self.sheet, row=self.row)
        return render(at, lang)

    def reason(self, lang: str = "vi") -> str:
        label = self.header or (field_title(self.field, lang) if self.field else "")
        return render(DomainError(self.code, field=label or None, **self.params), lang)

    def message(self, lang: str = "vi") -> str:
        return f"{self.where(lang)} {self.reason(lang)}"

    def to_json(self, lang: str = "vi") -> dict[str, Any]:
        return {"row": self.row, "column": self.column, "header": self.header, "field": self.field,
                "code": self.code, "severity": self.severity, "message": self.message(lang)}


@dataclass
class RowReport:
    row: int
    action: str
    values: dict[str, Any] = field(default_factory=dict)  # what the row says, parsed (JSON-ready)
    problems: list[Problem] = field(default_factory=list)
    candidates: list[dict[str, Any]] = field(default_factory=list)  # who it may duplicate
    target_id: str | None = None  # the record an update changes
    changes: dict[str, list[Any]] = field(default_factory=dict)  # field -> [old, new]
    skip_reason: str | None = None
    skip_params: dict[str, Any] = field(default_factory=dict)
    awards: list[dict[str, Any]] = field(default_factory=list)  # award history to add
    data: dict[str, Any] = field(default_factory=dict)  # inputs for the commit (not shown)

    @property
    def errors(self) -> list[Problem]:
        return [p for p in self.problems if p.severity == "error"]

    def to_json(self, lang: str = "vi") -> dict[str, Any]:
        out: dict[str, Any] = {"row": self.row, "action": self.action, "values": self.values,
                               "problems": [p.to_json(lang) for p in self.problems]}
        if self.candidates:
            out["candidates"] = self.candidates
        if self.target_id:
            out["target_id"] = self.target_id
        if self.changes:
            out["changes"] = self.changes
        if self.skip_reason:
            out["skip_reason"] = self.skip_reason
            out["skip_message"] = render(DomainError(self.skip_reason, **self.skip_params), lang)
        if self.awards:
            out["awards"] = self.awards
        return out


@dataclass(frozen=True)
class Notice:
    """Something done to the whole sheet (TCVN3 converted, NFD normalised)."""

    code: str
    params: dict[str, Any]

    def message(self, lang: str = "vi") -> str:
        return render(DomainError(self.code, **self.params), lang)


@dataclass
class ImportPlan:
    """Where the data is and which column holds what: the first step of the wizard."""

    path: Path
    kind: str
    sheet: str
    sheets: list[str]
    header: HeaderBlock
    header_found: bool
    grid: SheetGrid
    notices: list[Notice] = field(default_factory=list)
    # Codes of the sheet that a lookup sheet translated ({column letter, lookup sheet, count}) and
    # those it did not know: (row, col) -> (code as written, lookup sheet), refused on their rows.
    lookups: list[dict[str, Any]] = field(default_factory=list)
    unknown_codes: dict[tuple[int, int], tuple[str, str]] = field(default_factory=dict)
    title_year: int | None = None  # the award year the title names ("… NĂM 2023"), for files without a year column

    @property
    def file(self) -> str:
        return self.path.name

    @property
    def mapping(self) -> dict[str, int]:
        return dict(self.header.mapping)

    @property
    def missing_required(self) -> list[str]:
        return missing_required(self.kind, self.header.mapping)

    @property
    def unmapped(self) -> list[int]:
        return [c.index for c in self.header.columns if c.field is None]

    def sample_rows(self, count: int = 20) -> list[list[str]]:
        """The sheet's first rows as text, for pointing at the header by hand."""
        return [[cell_text(v) for v in row] for row in self.grid.rows[:count]]

    def to_json(self, lang: str = "vi") -> dict[str, Any]:
        return {
            "file": self.file, "kind": self.kind, "sheet": self.sheet, "sheets": self.sheets,
            "header_found": self.header_found,
            "header_rows": [self.header.first_row, self.header.last_row], "data_start": self.header.data_start,
            "columns": [{"index": c.index, "letter": c.letter, "label": c.label, "field": c.field}
                        for c in self.header.columns],
            "mapping": {f: {"index": i, "letter": column_letter(i)} for f, i in self.header.mapping.items()},
            "unmapped": [column_letter(i) for i in self.unmapped],
            "missing_required": self.missing_required,
            "fields": [{"name": s.name, "label": s.label(lang)} for s in fields_for(self.kind)],
            "notices": [{"code": n.code, "message": n.message(lang)} for n in self.notices],
            "lookups": self.lookups, "title_year": self.title_year,
        }


@dataclass
class ImportReport:
    """Row by row, what a commit would do. Nothing is written until :meth:`commit` is called."""

    plan: ImportPlan
    mapping: dict[str, int]
    rows: list[RowReport]
    blank_rows: list[int] = field(default_factory=list)  # nothing in any chosen column (sequence numbers aside)
    committed: bool = False
    formula_rows: list[int] = field(default_factory=list)  # blank rows that hold formulas showing nothing
    year: int | None = None  # the award year used for rows without one (title, --year, the wizard's field)

    @property
    def counts(self) -> dict[str, int]:
        counts = dict.fromkeys(ACTIONS, 0)
        for row in self.rows:
            counts[row.action] += 1
        counts["blank"] = len(self.blank_rows)
        return counts

    @property
    def has_errors(self) -> bool:
        return any(r.action == "error" for r in self.rows)

    @property
    def problems(self) -> list[Problem]:
        return [p for r in self.rows for p in r.problems]

    def row(self, number: int) -> RowReport:
        for r in self.rows:
            if r.row == number:
                return r
        raise KeyError(number)

    def to_json(self, lang: str = "vi") -> dict[str, Any]:
        return {
            "file": self.plan.file, "sheet": self.plan.sheet, "kind": self.plan.kind,
            "mapping": {f: column_letter(i) for f, i in self.mapping.items()},
            "counts": self.counts,
            "notices": [{"code": n.code, "message": n.message(lang)} for n in self.plan.notices],
            "rows": [r.to_json(lang) for r in self.rows],
            "blank_rows": self.blank_rows,
            "formula_rows": self.formula_rows,
            "year": self.year,
        }


@dataclass(frozen=True)
class ImportResult:
    created: int
    updated: int
    awards_added: int
    skipped: int
    ids: dict[int, str]  # row number -> the person or collective written (or the subject of an award)

    def to_json(self) -> dict[str, Any]:
        return {"created": self.created, "updated": self.updated, "awards_added": self.awards_added,
                "skipped": self.skipped, "ids": {str(k): v for k, v in self.ids.items()}}
