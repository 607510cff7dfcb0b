"""Tờ trình đề nghị khen thưởng (Decree 152/2025 Mẫu số 01 where known), with the list of nominees
attached on landscape pages."""

from __future__ import annotations

from collections import OrderedDict
from typing import Any

from reportlab.platypus import Flowable, Spacer

from .blocks import (
    authority_lines,
    closing_block,
    doc_number,
    document_title,
    number_text,
    para,
    place_date,
    receivers,
    signature,
    state_heading,
    styles,
    title_block,
)
from .counting import count_nominees
from .model import PrintJob
from .nominee_list import list_story
from .page import PORTRAIT, build_pdf, content_width, to_landscape


def _two(n: int) -> str:
    return f"{n:02d}"


def subjects_phrase(rows: list[Any]) -> str:
    """"01 tập thể, 04 hộ gia đình và 02 cá nhân": distinct nominees (see counting.py)."""
    return count_nominees(rows).phrase()


def render(data: Any, job: PrintJob) -> bytes:
    s = styles()
    base = job.wording
    variant = dict(base.doc.get("variants", {}).get(data.level, base.doc.get("variants", {}).get("province", {})))
    w = base.with_doc({**base.doc, **variant})
    counts = count_nominees(data.nominees)
    people, collectives = counts.people, counts.collectives + counts.households
    meeting = data.meeting_date.strftime("%d/%m/%Y") if data.meeting_date else "…"
    addressee = w.text("addressee")
    values = {"year": data.year, "meeting_date": meeting, "person_count": _two(people),
              "collective_count": _two(collectives),
              "subjects": subjects_phrase(list(data.nominees)), "addressee_short": addressee,
              "proposer": w.text("proposer")}
    width = content_width(PORTRAIT)
    symbol = w.text("symbol")
    number_line = doc_number(data.number, symbol)
    story: list[Flowable] = [state_heading(w.issuer(str(variant.get("body_lines", "commune_body_lines"))),
                                           number_line=number_line,
                                           place_date_line=place_date(str(w.values.get("place", "")), job.issued_on),
                                           width=width, national=w.common_text("national_name"),
                                           motto=w.common_text("motto"))]
    story += title_block(w.text("doc_type"), w.text("subject", **values))
    story.append(para(f"Kính gửi: {addressee}", s.subject))
    note = w.text("addressee_note")
    if note:
        story.append(para(note, s.place_date))
    story.append(Spacer(1, 8))
    for ground in variant.get("grounds", []):
        if ground == "council_minutes" and not data.meeting_date:
            continue
        story.append(para(w.ground(str(ground), **values), s.body))
    story.append(para(w.text("opening", **values), s.body))
    by_award: OrderedDict[str, list[Any]] = OrderedDict()
    for row in data.nominees:
        by_award.setdefault(row.award_name, []).append(row)
    for award_name, rows in by_award.items():
        story.append(para(w.text("award_line", award_name=award_name, subjects=subjects_phrase(rows)), s.body))
    story.append(para(w.text("attachment_line"), s.italic))
    story.append(para(w.text("closing", **values), s.body))
    authority = authority_lines(w.common_text(str(variant.get("authority", ""))), data.signer.authority)
    story.append(closing_block(receivers(w.lines("receivers", **values)),
                               signature(authority, data.signer.title, data.signer.name), width))
    if data.nominees:
        date_text = job.issued_on.strftime("%d/%m/%Y") if job.issued_on else "…"
        caption = w.text("list_subtitle", number_text=number_text(number_line), date_text=date_text, **values)
        story += to_landscape() + list_story(data.nominees, w.text("list_title"), caption)
    return build_pdf(story, qr_text=job.qr_text, title=document_title(w.text("doc_type"), w.text("subject", **values)),
                     author=job.author)
