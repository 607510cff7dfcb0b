"""The list of nominees (danh sách đề nghị khen thưởng) in the official column layout, and the
public list posted at the commune office. Landscape: the table is wide (Decree 30 allows it)."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, timedelta
from itertools import groupby
from typing import Any

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Spacer, Table

from ..domain.positions import position_with_unit
from .blocks import (
    authority_lines,
    closing_block,
    doc_number,
    document_title,
    grid_table,
    para,
    place_date,
    receivers,
    signature,
    state_heading,
    styles,
    title_block,
)
from .counting import count_nominees
from .model import NomineeRow, PrintJob, Wording
from .page import LANDSCAPE, build_pdf, content_width
from .words import roman

# Official order: STT, name, birth year split Nam/Nữ, ethnicity, position and unit, summary, award.
LIST_WIDTHS_MM = (12, 50, 14, 14, 17, 50, 63, 32)



def _position_unit(row: NomineeRow) -> str:
    return position_with_unit(row.position, row.unit)


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
    keep: list[int] = []
    s = styles()
    number = 0
    for group_index, (_code, items) in enumerate(groupby(rows, key=lambda r: r.award_code), start=1):
        members = list(items)
        body_row = len(header) + len(body)
        keep.append(body_row)  # the award's heading row goes over with its first nominee
        body.append([para(f"{roman(group_index)}. {members[0].award_name} ({len(members)})", s.cell_head),
                     "", "", "", "", "", "", ""])
        spans.append(((0, body_row), (7, body_row)))
        for row in members:
            number += 1
            year = str(row.birth_year or "")
            body.append([str(number), row.name, year if row.gender == "male" else "",
                         year if row.gender == "female" else "", row.ethnicity, _position_unit(row), row.summary,
                         row.award_name])
    return grid_table(header, body, widths, spans=spans, keep_with_next=keep,
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


def _level_wording(w: Wording, level: str) -> tuple[Wording, dict[str, Any]]:
    """The list of a level's submission is issued by whoever issues that submission: the council
    to the commune chairman, the committee to the province (list.json "variants")."""
    variants = w.doc.get("variants") or {}
    variant = dict(variants.get(level) or variants.get("province") or {})
    return w.with_doc({**w.doc, **variant}), variant


def render_list(data: Any, job: PrintJob) -> bytes:
    w, variant = _level_wording(job.wording, str(getattr(data, "level", "")))
    width = content_width(LANDSCAPE)
    story = _heading(data, job, w.text("symbol") or "DS-UBND", str(variant.get("body_lines", "commune_body_lines")),
                     LANDSCAPE)
    subject = w.text("subject", year=data.year)
    story += title_block(w.text("doc_type") or "DANH SÁCH", subject)
    story += [Spacer(1, 4), nominee_table(data.nominees, width)]
    tally = count_nominees(data.nominees)
    counts = w.text("totals", person_count=tally.people, collective_count=tally.collectives + tally.households,
                    subjects=tally.phrase())
    story += [Spacer(1, 6), para(counts, styles().body_plain)]
    signer = data.signer
    authority = authority_lines(w.common_text(str(variant.get("authority", ""))), signer.authority)
    story.append(closing_block(receivers(w.lines("receivers")), signature(authority, signer.title, signer.name),
                               width, left_share=0.55))
    return build_pdf(story, orientation=LANDSCAPE, qr_text=job.qr_text,
                     title=document_title(w.text("doc_type") or "DANH SÁCH", subject), author=job.author)


def working_days_after(start: date, days: int) -> date:
    """The last day of a posting of ``days`` working days (Monday to Friday) that starts on
    ``start`` (a weekend start counts from the next Monday). Public holidays are not known here."""
    day = start
    while day.weekday() >= 5:
        day += timedelta(days=1)
    counted = 1
    while counted < days:
        day += timedelta(days=1)
        if day.weekday() < 5:
            counted += 1
    return day


def posting_period(w: Wording, issued_on: date | None) -> str:
    """"Thời gian niêm yết: 10 ngày làm việc, từ ngày 07/12/2026 đến ngày 18/12/2026." The length
    and whether it counts working days are wording data (public-list.json); an undated notice
    leaves the dates for the clerk."""
    days = int(w.doc.get("posting_days") or 0)
    if days <= 0:
        return ""
    working = bool(w.doc.get("posting_working_days", True))
    unit = w.text("posting_unit_working" if working else "posting_unit_days")
    if issued_on is None:
        start_text = end_text = w.text("posting_blank_date") or "…/…/……"
    else:
        start = working_days_after(issued_on, 1) if working else issued_on
        end = working_days_after(issued_on, days) if working else issued_on + timedelta(days=days - 1)
        start_text, end_text = start.strftime("%d/%m/%Y"), end.strftime("%d/%m/%Y")
    return w.text("posting_period", days=f"{days:02d}", unit=unit, start=start_text, end=end_text)


def villages_phrase(w: Wording, kinds: Sequence[str]) -> str:
    """The commune's own word for its villages, from the kinds it has ("xóm", "thôn, tổ dân phố"…),
    in the order of public-list.json "village_words"; the fallback wording when none is known."""
    words: dict[str, str] = {str(k): str(v) for k, v in (w.doc.get("village_words") or {}).items()}
    present = [words[k] for k in words if k in set(kinds)]
    present += sorted({k for k in kinds if k and k not in words})  # a kind the wording does not know
    return ", ".join(present) if present else w.text("villages_fallback")


def render_public(data: Any, job: PrintJob) -> bytes:
    """The notice posted for comment: names, position and unit, the proposed award. No birth year or
    ethnicity: a public wall is not the place for personal data the law does not ask to publish."""
    w = job.wording
    width = content_width(LANDSCAPE)
    s = styles()
    story = _heading(data, job, w.text("symbol") or "TB-UBND", "commune_body_lines", LANDSCAPE)
    subject = w.text("subject", year=data.year)
    story += title_block(w.text("doc_type"), subject)
    tally = count_nominees(data.nominees)
    # The commune's word for its villages: the gatherer passes the kinds it has (xóm, thôn, bản, tổ dân phố).
    villages = villages_phrase(w, tuple(getattr(data, "village_kinds", ()) or ()))
    for paragraph in w.lines("body", year=data.year, count=tally.nominees, subjects=tally.phrase(),
                             villages=villages):
        story.append(para(paragraph, s.body))
    period = posting_period(w, job.issued_on)
    if period:
        story.append(para(period, s.body))
    widths_mm = (13, 70, 89, 80)
    scale = width / (sum(widths_mm) * mm)
    header = [["STT", "Họ và tên (tên tập thể)", "Chức vụ, đơn vị công tác", "Hình thức đề nghị khen thưởng"]]
    rows = [[str(i), r.name, _position_unit(r), r.award_name] for i, r in enumerate(data.nominees, start=1)]
    story += [Spacer(1, 4), grid_table(header, rows, [x * mm * scale for x in widths_mm],
                                       aligns=["centre", "left", "left", "left"])]
    signer = data.signer
    authority = authority_lines(w.common_text("on_behalf_of_committee"), signer.authority)
    story.append(closing_block(receivers(w.lines("receivers", villages=villages)),
                               signature(authority, signer.title, signer.name), width, left_share=0.55))
    return build_pdf(story, orientation=LANDSCAPE, qr_text=job.qr_text,
                     title=document_title(w.text("doc_type"), subject), author=job.author)
