"""The list of nominees (danh sách đề nghị khen thưởng) in the official column layout, and the
public list posted at the commune office. Landscape: the table is wide (Decree 30 allows it)."""

from __future__ import annotations

from collections.abc import Sequence
from itertools import groupby
from typing import Any

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Spacer, Table

from .blocks import (
    closing_block,
    doc_number,
    grid_table,
    para,
    place_date,
    receivers,
    signature,
    state_heading,
    styles,
    title_block,
)
from .model import NomineeRow, PrintJob
from .page import LANDSCAPE, build_pdf, content_width
from .words import roman

# Official order: STT, name, birth year split Nam/Nữ, ethnicity, position and unit, summary, award.
LIST_WIDTHS_MM = (12, 50, 14, 14, 17, 50, 63, 32)



def _position_unit(row: NomineeRow) -> str:
    return ", ".join(x for x in (row.position, row.unit) if x)


def nominee_table(rows: Sequence[NomineeRow], width: float) -> Table:
    """Two header rows ("Năm sinh" over "Nam | Nữ") repeated on every page, then one group per award."""
    scale = width / (sum(LIST_WIDTHS_MM) * mm)
    widths = [w * mm * scale for w in LIST_WIDTHS_MM]
    header = [["STT", "Họ và tên (tên tập thể)", "Năm sinh", "", "Dân tộc", "Chức vụ, đơn vị công tác",
               "Tóm tắt thành tích", "Hình thức đề nghị"],
              ["", "", "Nam", "Nữ", "", "", "", ""]]
    spans: list[tuple[tuple[int, int], tuple[int, int]]] = [
        ((2, 0), (3, 0)), *[((c, 0), (c, 1)) for c in (0, 1, 4, 5, 6, 7)]]
    body: list[list[Any]] = []
    s = styles()
    number = 0
    for group_index, (_code, items) in enumerate(groupby(rows, key=lambda r: r.award_code), start=1):
        members = list(items)
        body_row = len(header) + len(body)
        body.append([para(f"{roman(group_index)}. {members[0].award_name} ({len(members)})", s.cell_head),
                     "", "", "", "", "", "", ""])
        spans.append(((0, body_row), (7, body_row)))
        for row in members:
            number += 1
            year = str(row.birth_year or "")
            body.append([str(number), row.name, year if row.gender == "male" else "",
                         year if row.gender == "female" else "", row.ethnicity, _position_unit(row), row.summary,
                         row.award_name])
    return grid_table(header, body, widths, spans=spans,
                      aligns=["centre", "left", "centre", "centre", "centre", "left", "left", "left"])


def list_story(nominees: Sequence[NomineeRow], title: str, caption: str = "") -> list[Flowable]:
    """The attached list of a submission: title, "(Kèm theo Tờ trình số …)" and the table."""
    s = styles()
    parts: list[Flowable] = [para(title, s.subject)]
    if caption:
        parts.append(para(caption, s.sign_note))
    parts += [Spacer(1, 8), nominee_table(nominees, content_width(LANDSCAPE))]
    return parts


def _heading(data: Any, job: PrintJob, symbol: str, body_key: str, orientation: str) -> list[Flowable]:
    w = job.wording
    return [state_heading(w.issuer(body_key), number_line=doc_number(data.number, symbol),
                          place_date_line=place_date(str(w.values.get("place", "")), job.issued_on),
                          width=content_width(orientation),
                          national=w.common_text("national_name"), motto=w.common_text("motto"))]


def render_list(data: Any, job: PrintJob) -> bytes:
    w = job.wording
    width = content_width(LANDSCAPE)
    story = _heading(data, job, w.text("symbol") or "DS-UBND", "commune_body_lines", LANDSCAPE)
    story += title_block(w.text("doc_type") or "DANH SÁCH", w.text("subject", year=data.year))
    story += [Spacer(1, 4), nominee_table(data.nominees, width)]
    counts = w.text("totals", person_count=sum(not r.is_collective for r in data.nominees),
                    collective_count=sum(r.is_collective for r in data.nominees))
    story += [Spacer(1, 6), para(counts, styles().body_plain)]
    signer = data.signer
    story.append(closing_block(receivers(w.lines("receivers")), signature(signer.authority, signer.title,
                                                                            signer.name), width, left_share=0.55))
    return build_pdf(story, orientation=LANDSCAPE, qr_text=job.qr_text, title=w.text("doc_type"), author=job.author)


def render_public(data: Any, job: PrintJob) -> bytes:
    """The notice posted for comment: names, position and unit, the proposed award. No birth year or
    ethnicity: a public wall is not the place for personal data the law does not ask to publish."""
    w = job.wording
    width = content_width(LANDSCAPE)
    s = styles()
    story = _heading(data, job, w.text("symbol") or "TB-UBND", "commune_body_lines", LANDSCAPE)
    story += title_block(w.text("doc_type"), w.text("subject", year=data.year))
    for paragraph in w.lines("body", year=data.year, count=len(data.nominees)):
        story.append(para(paragraph, s.body))
    widths_mm = (13, 70, 89, 80)
    scale = width / (sum(widths_mm) * mm)
    header = [["STT", "Họ và tên (tên tập thể)", "Chức vụ, đơn vị công tác", "Hình thức đề nghị khen thưởng"]]
    rows = [[str(i), r.name, _position_unit(r), r.award_name] for i, r in enumerate(data.nominees, start=1)]
    story += [Spacer(1, 4), grid_table(header, rows, [x * mm * scale for x in widths_mm],
                                       aligns=["centre", "left", "left", "left"])]
    signer = data.signer
    story.append(closing_block(receivers(w.lines("receivers")), signature(signer.authority, signer.title,
                                                                            signer.name), width, left_share=0.55))
    return build_pdf(story, orientation=LANDSCAPE, qr_text=job.qr_text, title=w.text("doc_type"), author=job.author)
