"""The province's statistics on paper, from prepared data (no database):

- :func:`render_form`: a filled statistical form (Biểu 0601 …) on landscape A4, with the circular
  it comes from and, while its layout is not checked against the circular's annex, a note saying so;
- :func:`render_directive_report`: Sở Nội vụ's periodic report on the directive (Chỉ thị
  12/CT-UBND, point 2: "định kỳ tổng hợp, báo cáo kết quả thực hiện Chỉ thị này"): movements and
  activities by commune, the indicators added up across communes by their kind, and the awards by
  level, kind, group and commune. No official template is known: a reference layout in the
  Decree 30/2020 format. The assessment and the tasks ahead are left as dotted lines for the
  officer: the app does not write an appraisal it cannot know."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Spacer

from ..domain.statistical_forms import FilledForm
from .blocks import (
    Issuer,
    closing_block,
    grid_table,
    para,
    place_date,
    receivers,
    signature,
    state_heading,
    styles,
    title_block,
)
from .charts import BarItem, percent_bar_chart
from .model import PrintJob, Signer
from .page import LANDSCAPE, PORTRAIT, build_pdf, content_width


def _number(value: float | int | None) -> str:
    if value is None:
        return "—"
    if float(value).is_integer():
        return f"{int(value):,}".replace(",", ".")
    return f"{value:,.2f}".replace(",", " ").replace(".", ",").replace(" ", ".")


def _heading(job: PrintJob, symbol: str, width: float) -> Flowable:
    w = job.wording  # the heading's own body lines (Sở Nội vụ under the provincial committee)
    issuer = Issuer(tuple(w.lines("body_lines")), str(w.values.get("place", "")), w.text("parent_body"))
    return state_heading(issuer, number_line=f"Số:      /{symbol}",
                         place_date_line=place_date(issuer.place, job.issued_on), width=width)


def _closing(job: PrintJob, signer: Signer, width: float) -> Flowable:
    w = job.wording
    return closing_block(receivers(w.lines("receivers")), signature(signer.authority, signer.title, signer.name),
                         width)


# Forms -----------------------------------------------------------------------------------------
def form_story(form: FilledForm, job: PrintJob, signer: Signer) -> list[Flowable]:
    width = content_width(LANDSCAPE)
    s = styles()
    columns = form.layout.columns
    header = ["STT", "Chỉ tiêu", "Đơn vị tính", *(c.label for c in columns)]
    rows, number = [], 0
    for row in form.rows:
        number += row.indent == 0
        rows.append([str(number) if row.indent == 0 else "", ("\u00a0" * 4 * row.indent) + row.label,
                     form.layout.unit, *(_number(v) for v in row.values)])
    fixed = [12 * mm, 70 * mm, 18 * mm]
    rest = (width - sum(fixed)) / max(len(columns), 1)
    story: list[Flowable] = [
        para(f"Biểu số {form.layout.number}", s.small),
        para(form.basis.circular, s.small),
        *title_block(form.layout.title, form.layout.subtitle, extra=(f"Kỳ báo cáo: {form.period}",)),
        grid_table([header], rows, [*fixed, *[rest] * len(columns)],
                   aligns=["centre", "left", "centre", *["right"] * len(columns)]),
        Spacer(1, 6)]
    if not form.layout.verified:
        story.append(para(f"Ghi chú: {form.layout.layout_note}.", s.italic))
    if form.basis.succeeded_by:
        story.append(para(f"Văn bản có thể thay thế: {form.basis.succeeded_by}.", s.italic))
    story.append(_closing(job, signer, width))
    return story


def render_form(form: FilledForm, job: PrintJob, signer: Signer) -> bytes:
    return build_pdf(form_story(form, job, signer), orientation=LANDSCAPE,
                     title=f"Biểu số {form.layout.number} {form.layout.title}", author=job.author)


# The periodic report on the directive -------------------------------------------------------------
@dataclass(frozen=True)
class CommuneLine:
    name: str
    movements: int
    activities: int
    awards: int
    women: int
    ethnic_minority: int


@dataclass(frozen=True)
class IndicatorLine:
    movement: str
    name: str
    unit: str
    kind_text: str  # "Cộng dồn" / "Bình quân gia quyền" …
    value: float | None
    reporting: int  # communes with a result
    met: int  # communes meeting their own target


@dataclass(frozen=True)
class DirectiveReport:
    period: str  # "năm 2026"
    communes: tuple[CommuneLine, ...]
    indicators: tuple[IndicatorLine, ...]
    by_level: tuple[tuple[str, int], ...]
    by_kind: tuple[tuple[str, int], ...]
    groups: tuple[tuple[str, int], ...]  # label, awards to individuals in the group
    individuals: int
    total_awards: int
    signer: Signer


def _p(text: str) -> Flowable:
    return para(text, styles().body)


def _dots(count: int) -> list[Flowable]:
    return [_p("." * 150) for _ in range(count)]


def directive_story(data: DirectiveReport, job: PrintJob) -> list[Flowable]:
    w = job.wording
    width = content_width(PORTRAIT)
    s = styles()
    story: list[Flowable] = [_heading(job, w.text("symbol"), width),
                             *title_block(w.text("doc_type"), w.text("subject", period=data.period)),
                             _p(w.text("opening", period=data.period)),
                             para(w.text("section_1"), s.section)]
    movements = sum(c.movements for c in data.communes)
    activities = sum(c.activities for c in data.communes)
    story.append(_p(w.text("movement_summary", communes=len(data.communes), movements=movements,
                           activities=activities)))
    story.append(grid_table(
        [["STT", "Xã, phường", "Phong trào", "Hoạt động", "Lượt khen thưởng", "Nữ", "DTTS"]],
        [[str(i), c.name, _number(c.movements), _number(c.activities), _number(c.awards), _number(c.women),
          _number(c.ethnic_minority)] for i, c in enumerate(data.communes, start=1)]
        + [["", "Tổng cộng", _number(movements), _number(activities),
            _number(sum(c.awards for c in data.communes)), _number(sum(c.women for c in data.communes)),
            _number(sum(c.ethnic_minority for c in data.communes))]],
        [12 * mm, width - 12 * mm - 5 * 22 * mm, *[22 * mm] * 5],
        aligns=["centre", "left", "right", "right", "right", "right", "right"]))
    story += [Spacer(1, 6), para(w.text("section_2"), s.section), _p(w.text("indicator_note"))]
    if data.indicators:
        story.append(grid_table(
            [["STT", "Chỉ tiêu", "Đơn vị", "Cách tổng hợp", "Kết quả toàn tỉnh", "Số xã báo cáo", "Số xã đạt"]],
            [[str(i), f"{x.name} ({x.movement})", x.unit, x.kind_text, _number(x.value), _number(x.reporting),
              _number(x.met)] for i, x in enumerate(data.indicators, start=1)],
            [12 * mm, width - 12 * mm - 18 * mm - 30 * mm - 3 * 20 * mm, 18 * mm, 30 * mm, *[20 * mm] * 3],
            aligns=["centre", "left", "centre", "left", "right", "right", "right"]))
    else:
        story.append(_p(w.text("no_indicators")))
    story += [Spacer(1, 6), para(w.text("section_3"), s.section),
              _p(w.text("award_summary", total=_number(data.total_awards), individuals=_number(data.individuals)))]
    level_rows = [[label, _number(n)] for label, n in (*data.by_level, *data.by_kind)]
    story.append(grid_table([["Cấp, loại hình khen thưởng", "Số lượt"]], level_rows,
                            [width - 30 * mm, 30 * mm], aligns=["left", "right"]))
    if data.individuals:
        story += [Spacer(1, 6), _p(w.text("groups_title")),
                  percent_bar_chart([BarItem(label, n / data.individuals * 100) for label, n in data.groups],
                                    width, reference=100.0, value_text=lambda v: f"{v:.1f}%".replace(".", ","))]
    story += [Spacer(1, 6), para(w.text("section_4"), s.section), *_dots(4),
              para(w.text("section_5"), s.section), *_dots(4), _closing(job, data.signer, width)]
    return story


def render_directive_report(data: DirectiveReport, job: PrintJob) -> bytes:
    return build_pdf(directive_story(data, job), title=job.wording.text("subject", period=data.period),
                     author=job.author)


__all__: Sequence[str] = ("CommuneLine", "DirectiveReport", "IndicatorLine", "render_directive_report",
                          "render_form")
