"""Statistical report forms (biểu mẫu báo cáo thống kê) as data, and how one is filled.

A form is rows × columns. Each row and each column carries a filter over award lines
(:mod:`domain.province_figures`); a cell is the number of award lines passing both, so the layout
file says exactly which statistic fills each cell. A row may ``expand`` into one row per commune,
level, kind, title or form. The layouts live in ``resources/statistics/`` (a newer circular is a
data update); this module only reads the parsed layout and fills it. Stdlib only."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from .province_figures import DIMENSIONS, AwardLine, matches

EXPANDABLE = ("commune", "level", "kind", "award_code", "form", "subject", "award_kind")


@dataclass(frozen=True)
class Basis:
    """Which legal text the layouts come from, and what is known about it."""

    circular: str  # the circular the form numbers come from
    succeeded_by: str  # a newer circular that appears to replace it ("" if none known)
    due: str  # "15/12"
    note: str  # what is and is not verified, in Vietnamese


@dataclass(frozen=True)
class Line:
    key: str
    label: str
    where: Mapping[str, object] = field(default_factory=dict)
    expand: str = ""  # one row per value of this dimension (EXPANDABLE)
    indent: int = 0  # 0 a main row, 1 "trong đó" under it
    parent: str = ""  # a column's group header ("Trong đó")
    keep_empty: bool = False  # an expanded row with no awards is still listed


@dataclass(frozen=True)
class FormLayout:
    number: str  # "0601"
    title: str
    subtitle: str
    verified: bool  # the layout was checked against the circular's annex
    layout_note: str
    rows: tuple[Line, ...]
    columns: tuple[Line, ...]
    unit: str = "Lượt"


@dataclass(frozen=True)
class FilledRow:
    key: str
    label: str
    values: tuple[int, ...]
    indent: int = 0


@dataclass(frozen=True)
class FilledForm:
    layout: FormLayout
    basis: Basis
    period: str  # "Năm 2026"
    rows: tuple[FilledRow, ...]

    def cell(self, row_key: str, column_key: str) -> int:
        index = [c.key for c in self.layout.columns].index(column_key)
        return next(r for r in self.rows if r.key == row_key).values[index]


def _line(raw: Mapping[str, Any]) -> Line:
    where = dict(raw.get("where", {}))
    unknown = set(where) - set(DIMENSIONS)
    if unknown:
        raise ValueError(f"unknown dimension(s) {sorted(unknown)} in {raw.get('key')!r}")
    expand = str(raw.get("expand", ""))
    if expand and expand not in EXPANDABLE:
        raise ValueError(f"cannot expand by {expand!r}")
    return Line(str(raw["key"]), str(raw["label"]), where, expand, int(raw.get("indent", 0)),
                str(raw.get("parent", "")), bool(raw.get("keep_empty", False)))


def parse_forms(data: Mapping[str, Any]) -> tuple[Basis, tuple[FormLayout, ...]]:
    """The forms file (format_version 1) as layouts; refuses unknown dimensions."""
    if int(data.get("format_version", 0)) > 1:
        raise ValueError("newer forms file")
    b = data["basis"]
    basis = Basis(str(b["circular"]), str(b.get("succeeded_by", "")), str(b.get("due", "")), str(b.get("note", "")))
    forms = tuple(FormLayout(str(f["number"]), str(f["title"]), str(f.get("subtitle", "")),
                             bool(f.get("verified", False)), str(f.get("layout_note", "")),
                             tuple(_line(r) for r in f["rows"]), tuple(_line(c) for c in f["columns"]),
                             str(f.get("unit", "Lượt")))
                  for f in data["forms"])
    return basis, forms


def fill(layout: FormLayout, basis: Basis, period: str, lines: Sequence[AwardLine],
         values: Mapping[str, Sequence[tuple[str, str]]]) -> FilledForm:
    """The form's cells from the award lines. ``values``: for each expandable dimension, its
    codes with their Vietnamese labels in the order rows are listed (communes by code, awards in
    catalog order); a code met in the lines but missing there is listed after them by its code."""
    rows: list[FilledRow] = []
    for spec in layout.rows:
        if not spec.expand:
            rows.append(_row(spec.key, spec.label, spec.where, spec.indent, layout, lines))
            continue
        known = list(values.get(spec.expand, ()))
        seen = {code for code, _label in known}
        present = sorted({str(getattr(x, spec.expand)) for x in lines if matches(x, spec.where)} - seen)
        for code, label in [*known, *((c, c or "Chưa ghi") for c in present)]:
            where = {**spec.where, spec.expand: code}
            row = _row(f"{spec.key}:{code}", label, where, spec.indent, layout, lines)
            if spec.keep_empty or any(row.values):
                rows.append(row)
    return FilledForm(layout, basis, period, tuple(rows))


def _row(key: str, label: str, where: Mapping[str, object], indent: int, layout: FormLayout,
         lines: Sequence[AwardLine]) -> FilledRow:
    mine = [x for x in lines if matches(x, where)]
    return FilledRow(key, label, tuple(sum(1 for x in mine if matches(x, c.where)) for c in layout.columns), indent)
