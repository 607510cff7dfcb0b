"""A filled statistical report form (Biểu 0601 …) as a workbook: pure builder, no database.

The sheet: the letterhead, "Biểu số 0601" with the circular it comes from, the title, the period,
a note when the layout is not yet checked against the circular's annex; then STT, Chỉ tiêu, Đơn vị
tính and one column per statistic (grouped under their header, such as "Trong đó"), and the
signatures. :func:`write_form` returns where each cell went, so a caller (and a test) can read a
figure back by its row and column keys."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from openpyxl.utils import get_column_letter

from ..domain.statistical_forms import FilledForm
from .exports import Letterhead
from .style import (
    CENTER,
    NUMBER,
    PLAIN,
    CellStyle,
    Head,
    finish,
    fit_width,
    letterhead,
    line_count,
    new_sheet,
    put,
    row_height,
    signatures,
    text_width,
    write_header,
)

FIXED = 3  # STT, Chỉ tiêu, Đơn vị tính
BOLD_NUMBER = CellStyle(bold=True, horizontal="right", number_format="#,##0")
BOLD_LABEL = CellStyle(bold=True)


def heads_of(form: FilledForm) -> list[Head]:
    """The header: the fixed columns, then the form's columns grouped by their ``parent``."""
    heads = [Head("STT"), Head("Chỉ tiêu"), Head("Đơn vị tính")]
    columns = form.layout.columns
    index = 0
    while index < len(columns):
        parent = columns[index].parent
        if not parent:
            heads.append(Head(columns[index].label))
            index += 1
            continue
        group = []
        while index < len(columns) and columns[index].parent == parent:
            group.append(Head(columns[index].label))
            index += 1
        heads.append(Head(parent, tuple(group)))
    return heads


def header_lines(form: FilledForm) -> tuple[str, ...]:
    """The lines above the table: form number and basis, subtitle, period, due date."""
    basis = form.basis
    lines = [f"Biểu số {form.layout.number} - {basis.circular}"]
    if form.layout.subtitle:
        lines.append(form.layout.subtitle)
    lines.append(f"Kỳ báo cáo: {form.period}" + (f"; hạn gửi: {basis.due}" if basis.due else ""))
    return tuple(lines)


def notes_of(form: FilledForm) -> tuple[str, ...]:
    notes = []
    if not form.layout.verified:
        notes.append(f"Ghi chú: {form.layout.layout_note}.")
    if form.basis.succeeded_by:
        notes.append(f"Văn bản có thể thay thế: {form.basis.succeeded_by}.")
    notes.append("Số liệu: số lượt khen thưởng trong sổ theo dõi khen thưởng của các xã, phường gửi về. "
                 "Các nhóm ưu tiên chỉ tính khen thưởng cá nhân.")
    return tuple(notes)


def write_form(form: FilledForm, head: Letterhead, out: Path) -> dict[tuple[str, str], str]:
    """Write the form; returns {(row key, column key): cell coordinate such as "D9"}."""
    wb, ws = new_sheet(f"Biểu {form.layout.number}")
    heads = heads_of(form)
    labels = [("  " * r.indent) + r.label for r in form.rows]
    widths = [6.0, fit_width(max((text_width(x) for x in labels), default=20) + 2, 30, 60), 10.0]
    widths += [fit_width(max(text_width(w) for w in c.label.split()) + 2, 10, 16) for c in form.layout.columns]
    subtitles = header_lines(form)
    notes = notes_of(form)
    top = letterhead(ws, widths, head.agency, form.layout.title, subtitles, "")
    bottom = write_header(ws, top, heads, widths)
    row = bottom + 1
    # The column numbers under the header, as on the ministry's forms (A, B, C, 1, 2, …).
    for column, text in enumerate(["A", "B", "C", *map(str, range(1, len(form.layout.columns) + 1))], start=1):
        put(ws, row, column, text, CellStyle(italic=True, horizontal="center"))
    row += 1
    cells: dict[tuple[str, str], str] = {}
    number = 0
    for filled in form.rows:
        main = filled.indent == 0
        if main:
            number += 1
        put(ws, row, 1, str(number) if main else "", CENTER)
        put(ws, row, 2, ("  " * filled.indent) + filled.label, BOLD_LABEL if main else PLAIN)
        put(ws, row, 3, form.layout.unit, CENTER)
        for offset, (value, form_column) in enumerate(zip(filled.values, form.layout.columns, strict=True)):
            at = FIXED + 1 + offset
            put(ws, row, at, value, BOLD_NUMBER if main else NUMBER)
            cells[(filled.key, form_column.key)] = f"{get_column_letter(at)}{row}"
        ws.row_dimensions[row].height = row_height(line_count(labels[form.rows.index(filled)], widths[1]))
        row += 1
    for text in notes:
        ws.merge_cells(start_row=row, start_column=1, end_row=row, end_column=len(widths))
        put(ws, row, 1, text, CellStyle(italic=True, border="none"))
        ws.row_dimensions[row].height = row_height(line_count(text, sum(widths)))
        row += 1
    signatures(ws, row + 1, widths, "NGƯỜI LẬP BIỂU", head.preparer, head.place_date, head.signer, head.signer_name)
    finish(ws, widths, (top, bottom), freeze_column=FIXED)
    wb.save(out)
    return cells


def column_labels(form: FilledForm) -> Sequence[str]:
    return [c.label for c in form.layout.columns]
