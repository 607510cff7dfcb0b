"""Charts drawn with ReportLab graphics and placed in a document as a Drawing flowable.

ReportLab's graphics fall back to Helvetica for every string and for the drawing's initial state,
and Helvetica is not embedded. Every string here names the document's REGULAR face, and the
drawing starts in it too, so the PDF carries only the embedded DocSerif subsets."""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Literal

from reportlab.graphics.shapes import Drawing, Line, Rect, String
from reportlab.lib import colors

from ..domain.text import nfc
from .fonts import REGULAR, register_fonts, text_width

LABEL_SIZE = 11
VALUE_SIZE = 10.5
AXIS_SIZE = 10
# Shades print well on a black-and-white office printer; "open" bars are outlined only.
SHADES: dict[str, colors.Color | None] = {
    "dark": colors.Color(0.35, 0.35, 0.35),
    "light": colors.Color(0.78, 0.78, 0.78),
    "open": None,
}


@dataclass(frozen=True)
class BarItem:
    label: str
    value: float | None  # None: no bar; ``note`` is printed in its place
    shade: str = "dark"  # a key of SHADES
    note: str = ""


def wrap_label(text: str, width: float, size: float = LABEL_SIZE, max_lines: int = 3) -> list[str]:
    """Greedy word wrap measured in the document font; a label too long for ``max_lines`` ends in "…"."""
    words = nfc(text).split()
    lines: list[str] = []
    current = ""
    for word in words:
        candidate = f"{current} {word}".strip()
        if current and text_width(candidate, REGULAR, size) > width:
            lines.append(current)
            current = word
        else:
            current = candidate
    if current:
        lines.append(current)
    if len(lines) > max_lines:
        last = lines[max_lines - 1]
        while last and text_width(last + " …", REGULAR, size) > width:
            last = last[:-1]
        lines = [*lines[:max_lines - 1], last.rstrip() + " …"]
    return lines or [""]


def _axis_max(values: Sequence[float], reference: float, cap: float) -> tuple[float, float]:
    """The axis end (a round number at least the reference, at most ``cap``) and its tick step."""
    top = min(max([reference, *values]), cap)
    step = 25.0 if top <= 150 else 50.0 if top <= 300 else 100.0
    return max(step, math.ceil(top / step) * step), step


def _string(x: float, y: float, text: str, size: float,
            anchor: Literal["start", "middle", "end"] = "start") -> String:
    return String(x, y, nfc(text), fontName=REGULAR, fontSize=size, textAnchor=anchor, fillColor=colors.black)


def _rect(x: float, y: float, width: float, height: float, fill: colors.Color | None) -> Rect:
    """A box with a thin black outline (a legend swatch or a bar)."""
    # types-reportlab declares Rect(**kw: _SolidShapeKwArgs) without Unpack, so it refuses every keyword.
    return Rect(x, y, width, height, fillColor=fill, strokeColor=colors.black, strokeWidth=0.5)  # type: ignore[arg-type]


def percent_bar_chart(items: Sequence[BarItem], width: float, *, reference: float = 100.0,
                      reference_label: str = "", legend: Sequence[tuple[str, str]] = (),
                      value_text: Callable[[float], str] = lambda v: f"{v:g}%",
                      axis_cap: float = 300.0) -> Drawing:
    """Horizontal bars, one per item, with the label on the left and the value at the bar's end,
    a dashed line at ``reference`` (the plan, 100 %) and a legend above: (shade, text) pairs.
    A value beyond ``axis_cap`` is drawn to the end of the axis and keeps its true figure."""
    register_fonts()
    label_width = width * 0.38
    value_room = max(text_width(value_text(9999.9), REGULAR, VALUE_SIZE), 40.0) + 6
    plot_x = label_width + 8
    plot_width = width - plot_x - value_room
    values = [i.value for i in items if i.value is not None]
    axis_max, step = _axis_max(values, reference, axis_cap)
    scale = plot_width / axis_max
    wrapped = [wrap_label(i.label, label_width - 4) for i in items]
    line_height = LABEL_SIZE * 1.2
    rows = [max(len(lines) * line_height + 8, 22.0) for lines in wrapped]
    legend_height = 22.0 if legend or reference_label else 0.0
    axis_height = 20.0
    height = legend_height + sum(rows) + axis_height + 4
    drawing = Drawing(width, height, initialFontName=REGULAR, initialFontSize=LABEL_SIZE)
    plot_top = height - legend_height
    plot_bottom = axis_height
    # Legend: a swatch and its text, left to right, then the reference line's own key.
    x = plot_x
    y = height - 14
    for shade, text in legend:
        drawing.add(_rect(x, y - 1, 10, 10, SHADES.get(shade)))
        drawing.add(_string(x + 14, y, text, AXIS_SIZE))
        x += 14 + text_width(nfc(text), REGULAR, AXIS_SIZE) + 16
    if reference_label:
        drawing.add(Line(x, y + 4, x + 18, y + 4, strokeColor=colors.black, strokeWidth=0.8,
                         strokeDashArray=[3, 2]))
        drawing.add(_string(x + 22, y, reference_label, AXIS_SIZE))
    # Grid: ticks and their labels under the plot, faint vertical lines across it.
    tick = 0.0
    while tick <= axis_max + 1e-9:
        tx = plot_x + tick * scale
        drawing.add(Line(tx, plot_bottom, tx, plot_top, strokeColor=colors.Color(0.85, 0.85, 0.85),
                         strokeWidth=0.4))
        drawing.add(Line(tx, plot_bottom - 3, tx, plot_bottom, strokeColor=colors.black, strokeWidth=0.5))
        drawing.add(_string(tx, plot_bottom - 13, value_text(tick), AXIS_SIZE, "middle"))
        tick += step
    drawing.add(Line(plot_x, plot_bottom, plot_x + plot_width, plot_bottom, strokeColor=colors.black,
                     strokeWidth=0.6))
    drawing.add(Line(plot_x, plot_bottom, plot_x, plot_top, strokeColor=colors.black, strokeWidth=0.6))
    # Bars, top to bottom in the given order.
    top = plot_top
    for item, lines, row in zip(items, wrapped, rows, strict=True):
        centre = top - row / 2
        first = centre + (len(lines) - 1) * line_height / 2 - LABEL_SIZE * 0.35
        for index, line in enumerate(lines):
            drawing.add(_string(0, first - index * line_height, line, LABEL_SIZE))
        if item.value is None:
            drawing.add(_string(plot_x + 4, centre - VALUE_SIZE * 0.35, item.note, VALUE_SIZE))
        else:
            length = max(0.0, min(item.value, axis_max)) * scale
            drawing.add(_rect(plot_x, centre - 6, length, 12, SHADES.get(item.shade, SHADES["dark"])))
            drawing.add(_string(plot_x + length + 4, centre - VALUE_SIZE * 0.35, value_text(item.value),
                                VALUE_SIZE))
        top -= row
    ref_x = plot_x + min(reference, axis_max) * scale
    drawing.add(Line(ref_x, plot_bottom, ref_x, plot_top, strokeColor=colors.black, strokeWidth=0.8,
                     strokeDashArray=[3, 2]))
    return drawing


__all__ = ["SHADES", "BarItem", "percent_bar_chart", "wrap_label"]
