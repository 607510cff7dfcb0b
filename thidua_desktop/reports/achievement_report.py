"""Báo cáo thành tích (achievement report) of one nominee.

An individual's report follows the layout of Decree 152/2025 Mẫu số 05; a collective's and a
household's are reference layouts with the same three parts: I. who the nominee is, II. what was
achieved, III. the awards already received. Everything the database knows is filled in; what it
does not know prints as a dotted blank for the officer to complete by hand (and is listed before
printing, ``services/print_missing.py``). All fixed wording is in ``resources/documents/report.json``.

The achievement sentence follows the data: it is chosen by the nominee's kind (person, collective,
household) and the task rating stored for the year (wording ``achievement_sentences``). A summary
paragraph that only states a rating ("Hoàn thành tốt nhiệm vụ được giao năm 2026.") is replaced by
that sentence, so the text never says "tốt" where the table below says "xuất sắc"."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from functools import cache
from typing import Any

from reportlab.lib.enums import TA_LEFT
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import CondPageBreak, Flowable, KeepTogether, Paragraph, Spacer, Table

from ..domain.text import nfc, search_key
from .blocks import (
    Issuer,
    document_title,
    grid_table,
    para,
    place_date,
    plain_table_style,
    signature,
    state_heading,
    styles,
    title_block,
)
from .fonts import text_width
from .model import PrintJob, Wording
from .page import PORTRAIT, build_pdf, content_width
from .templates import fill

INDIVIDUAL, COLLECTIVE, HOUSEHOLD = "individual", "collective", "household"
TITLE_KIND = "emulation_title"
FORM_KIND = "commendation_form"
HISTORY_WIDTHS_MM = (24, 55, 86)
RATING_WIDTHS_MM = (24, 62, 79)
KEEP_WHOLE_ROWS = 6  # a forms table this short moves with the signatures as a whole
KEEP_TAIL_ROWS = 2
TABLE_START_ROOM = 45 * mm  # a heading needs this much below it for the table's header and first rows


@dataclass(frozen=True)
class AwardLine:
    """One award already received, as the award history holds it."""

    year: int
    period_from: int | None
    period_to: int | None
    title: str
    award_kind: str  # "emulation_title" / "commendation_form"
    decision_number: str
    decision_date: date | None
    issuing_level: str
    issuer: str


@dataclass(frozen=True)
class RatingLine:
    year: int
    rating: str  # TaskRating code
    source_document: str


@dataclass(frozen=True)
class InitiativeLine:
    title: str
    level: str  # InitiativeLevel code
    year: int
    decision_number: str
    decision_date: date | None
    effect: str
    scope: str = ""  # phạm vi ảnh hưởng: an InitiativeLevel code, "" = not recorded


@dataclass(frozen=True)
class ReportData:
    """Stored facts only (the QR vouches for them): no print date, no wording."""

    nomination_id: str
    subject: str  # individual / collective / household
    year: int
    award_code: str
    award_name: str
    award_kind: str
    commendation_kind: str
    name: str
    summary: str
    gender: str = ""
    birth_date: date | None = None
    birth_year: int | None = None
    ethnicity: str = ""
    position: str = ""
    workplace: str = ""
    village: str = ""
    address: str = ""
    collective_kind: str = ""
    parent_unit: str = ""
    head_name: str = ""
    member_count: int | None = None
    women_count: int | None = None
    initiatives: tuple[InitiativeLine, ...] = ()
    ratings: tuple[RatingLine, ...] = ()
    awards: tuple[AwardLine, ...] = ()
    # Mẫu 05: "" when the register does not know it (a dotted blank).
    hometown: str = ""
    qualification: str = ""
    political_theory: str = ""
    academic_title: str = ""
    duties: str = ""


# Wording helpers ---------------------------------------------------------------------------------

def variant_wording(base: Wording, subject: str) -> Wording:
    """The document's wording with the subject's variant (profile, items, signatures) merged in."""
    variants = base.doc.get("variants", {})
    return base.with_doc({**base.doc, **dict(variants.get(subject, variants.get(INDIVIDUAL, {})))})


def layout_of(base: Wording, subject: str) -> dict[str, str]:
    """Official (individual, Mẫu số 05) or reference (collective, household) layout of one report."""
    variant = base.doc.get("variants", {}).get(subject, {})
    layout = variant.get("layout") or base.doc.get("layout") or {}
    return {k: str(v) for k, v in layout.items()}


def _mapped(w: Wording, table: str, code: str) -> str:
    value = w.doc.get(table, {}).get(code)
    return fill(str(value), w.values) if value else code


def _fmt(day: date | None) -> str:
    return day.strftime("%d/%m/%Y") if day else ""


def full_award_name(w: Wording, name: str) -> str:
    """"Giấy khen của Chủ tịch Ủy ban nhân dân xã" → "… xã Quảng Uyên": the catalog's generic
    level word is completed with the unit's name (wording ``award_name_endings``)."""
    for ending, replacement in w.doc.get("award_name_endings", {}).items():
        if name.endswith(f" {ending}"):
            return f"{name[: -len(ending) - 1]} {fill(str(replacement), w.values)}"
    return name


def report_subject(data: ReportData, w: Wording) -> str:
    key = "subject_emulation_title" if data.award_kind == TITLE_KIND else "subject_commendation_form"
    award = nfc(data.award_name) if data.award_kind == TITLE_KIND else full_award_name(w, nfc(data.award_name))
    return w.text(key, award_upper=nfc(award).upper())


def balanced(text: str, font: str, size: float, width: float, breaks: Sequence[str] = ()) -> str:
    """A title too long for one line, in two lines of similar length, broken before one of the
    ``breaks`` phrases when one fits ("… GIẤY KHEN CỦA CHỦ TỊCH / ỦY BAN NHÂN DÂN XÃ …"), never
    inside "CHỦ TỊCH" or with a lone word on the second line."""
    if text_width(text, font, size) <= width or "\n" in text:
        return text
    words = text.split()
    cuts = [i for i in range(1, len(words)) if any(" ".join(words[i:]).startswith(b) for b in breaks if b)]
    for candidates in (cuts, range(1, len(words))):
        best: tuple[float, str] | None = None
        for cut in candidates:
            first, second = " ".join(words[:cut]), " ".join(words[cut:])
            longest = max(text_width(first, font, size), text_width(second, font, size))
            if longest <= width and (best is None or longest < best[0]):
                best = (longest, f"{first}\n{second}")
        if best:
            return best[1]
    return text


def is_commune_itself(w: Wording, unit: str) -> bool:
    key = search_key(unit)
    return any(key == search_key(fill(str(alias), w.values)) for alias in w.doc.get("commune_workplace_aliases", []))


def heading_unit(data: ReportData, w: Wording) -> str:
    """The nominee's own unit for the heading, or "" when it is the commune's People's Committee."""
    if data.subject == COLLECTIVE:
        return data.name
    if data.subject == INDIVIDUAL and data.workplace:
        return "" if is_commune_itself(w, data.workplace) else data.workplace
    return data.village


def heading_issuer(data: ReportData, w: Wording) -> Issuer:
    """Left of the national heading: the managing body (not bold) over the nominee's unit (bold)."""
    unit = heading_unit(data, w)
    place = str(w.values.get("place", ""))
    if not unit:
        return Issuer(w.issuer().body_lines, place, w.text("heading_commune_parent"))
    parent = data.parent_unit if data.subject == COLLECTIVE and data.parent_unit else w.text("heading_parent")
    return Issuer((unit,), place, parent)


def _in_commune(w: Wording, village: str) -> str:
    return w.text("in_commune", village=village) if village else ""


def profile_values(data: ReportData, w: Wording) -> dict[str, str]:
    """Section I values by field key; "" prints as a dotted blank."""
    birth = _fmt(data.birth_date) or (str(data.birth_year) if data.birth_year else "")
    workplace = data.workplace
    if workplace and is_commune_itself(w, workplace):
        workplace = w.text("commune_workplace_name")
    elif not workplace and data.village:
        workplace = _in_commune(w, data.village)
    residence = data.address or _in_commune(w, data.village)
    headcount = ""
    if data.member_count:
        key = "headcount_with_women" if data.women_count is not None else "headcount_only"
        headcount = w.text(key, member_count=data.member_count, women_count=data.women_count)
    return {
        "full_name": data.name, "birth": birth, "gender": _mapped(w, "genders", data.gender) if data.gender else "",
        "ethnicity": data.ethnicity, "residence": residence, "workplace": workplace, "position": data.position,
        "hometown": data.hometown, "qualification": data.qualification, "political_theory": data.political_theory,
        "degrees": data.academic_title,
        "collective_name": data.name, "parent_unit": data.parent_unit,
        "collective_kind": _mapped(w, "collective_kinds", data.collective_kind) if data.collective_kind else "",
        "address": residence, "head": data.head_name, "headcount": headcount,
        "household_name": data.name, "household_head": data.head_name, "household_address": residence,
        "household_size": w.text("headcount_only", member_count=data.member_count) if data.member_count else "",
    }


def decision_text(w: Wording, number: str, day: date | None, issuer: str = "") -> str:
    blank = w.text("blank")
    values = {"number": number or blank, "date": _fmt(day) or blank}
    if issuer:
        return w.text("decision_with_issuer", issuer=issuer, **values)
    if not number and not day:
        return blank
    return w.text("decision_ref", **values)


def award_rows(lines: Sequence[AwardLine], w: Wording) -> list[list[str]]:
    rows = []
    for a in lines:
        year = f"{a.period_from} - {a.period_to}" if a.period_from and a.period_to and a.period_from != a.period_to \
            else str(a.year)
        default = w.doc.get("issuers", {}).get(a.issuing_level)  # the level's usual issuer, when typed blank
        issuer = a.issuer or (fill(str(default), w.values) if default else "")
        rows.append([year, a.title, decision_text(w, a.decision_number, a.decision_date, issuer)])
    return rows or _none_row(w)


def _none_row(w: Wording) -> list[list[str]]:
    """The register holds no line: the table says so, as the clerk would write it by hand."""
    return [["", w.text("none"), ""]]


def rating_rows(lines: Sequence[RatingLine], w: Wording) -> list[list[str]]:
    rows = [[str(r.year), _mapped(w, "ratings", r.rating), r.source_document or w.text("blank")] for r in lines]
    return rows or _none_row(w)


def initiative_texts(lines: Sequence[InitiativeLine], w: Wording) -> list[str]:
    blank = w.text("blank")
    return [w.text("initiative_line", title=i.title, level=_mapped(w, "initiative_levels", i.level), year=i.year,
                   decision=decision_text(w, i.decision_number, i.decision_date), effect=i.effect or blank,
                   scope=_mapped(w, "initiative_scopes", i.scope) if i.scope else blank)
            for i in lines]


# Achievement sentences ---------------------------------------------------------------------------

def year_rating(data: ReportData) -> str:
    """The task rating stored for the report's year ("" when none)."""
    return next((r.rating for r in data.ratings if r.year == data.year), "")


def achievement_sentence(w: Wording, subject: str, rating: str, year: int) -> str:
    """The sentence for this kind of nominee and this rating (wording ``achievement_sentences``:
    by subject, a rating code or "any"); "" when the wording has none (no rating stored)."""
    table: dict[str, Any] = w.doc.get("achievement_sentences", {}).get(subject, {})
    template = table.get(rating) or table.get("any") or ""
    return fill(str(template), {**w.values, "year": year}) if template else ""


def _plain(text: str) -> str:
    return " ".join(re.sub(r"[^\w]+", " ", nfc(text).casefold()).split())


# generic_sentences by what they depend on, written out: every report of a batch asks with the
# same wording and year (twice: for its missing blanks and when drawn).
_GENERIC: dict[str, frozenset[str]] = {}


def generic_sentences(w: Wording, year: int) -> frozenset[str]:
    """Paragraphs that say no more than a rating ("Hoàn thành tốt nhiệm vụ được giao năm 2026."),
    or one of the stock sentences, folded for comparison: the data's own sentence replaces them."""
    key = repr((year, w.doc.get("achievement_sentences", {}), w.doc.get("ratings", {}), sorted(w.values.items())))
    found = _GENERIC.get(key)
    if found is None:
        if len(_GENERIC) > 64:  # a new wording or year each time (tests): keep a few
            _GENERIC.clear()
        found = _GENERIC[key] = frozenset(_generic_sentences(w, year))
    return found


def _generic_sentences(w: Wording, year: int) -> set[str]:
    found = set()
    for table in w.doc.get("achievement_sentences", {}).values():
        for template in table.values():
            found.add(_plain(fill(str(template), {**w.values, "year": year})))
    for label in w.doc.get("ratings", {}).values():
        for tail in ("", " được giao", f" năm {year}", f" được giao năm {year}"):
            found.add(_plain(f"{label}{tail}"))
    found.discard("")
    return found


def achievement_paragraphs(data: ReportData, w: Wording) -> list[str]:
    """What §II prints as achievements: the nomination's summary, its bare rating sentences replaced
    by the sentence the stored rating and the nominee's kind call for; that sentence alone when the
    summary is empty; nothing (dotted lines) when neither is known."""
    sentence = achievement_sentence(w, data.subject, year_rating(data), data.year)
    generic = generic_sentences(w, data.year)
    out: list[str] = []
    for paragraph in (p.strip() for p in nfc(data.summary).splitlines()):
        if not paragraph:
            continue
        if sentence and _plain(paragraph) in generic:  # no rating stored: the officer's word stands
            if sentence not in out:
                out.append(sentence)
            continue
        out.append(paragraph)
    return out or ([sentence] if sentence else [])


def duties_lines(data: ReportData) -> list[str]:
    return [line.strip() for line in nfc(data.duties).splitlines() if line.strip()]


# Layout ------------------------------------------------------------------------------------------
# The styles are made once per process (after the fonts, by styles()) and never changed: a batch
# prints the same styles in every report, and a paragraph's kept layout is found by its style
# (reports/paragraphs.py).

@cache
def _line_style() -> ParagraphStyle:
    s = styles()
    return ParagraphStyle("report_line", parent=s.body_plain, alignment=TA_LEFT, firstLineIndent=10 * mm,
                          spaceAfter=3)


@cache
def _item_style(keep: bool = True) -> ParagraphStyle:
    """A numbered item heading. Before a table it does not keep with it (a whole table would jump to
    the next page and leave half a page empty): a conditional page break guards it instead."""
    return ParagraphStyle("report_item", parent=styles().section, spaceBefore=4, spaceAfter=3,
                          keepWithNext=int(keep))


@cache
def _section_style(keep: bool = True) -> ParagraphStyle:
    return ParagraphStyle("report_section", parent=styles().section, keepWithNext=int(keep))


def _before_table() -> CondPageBreak:
    return CondPageBreak(TABLE_START_ROOM)


def dots_after(prefix: str, width: float, style: ParagraphStyle, dot: str) -> str:
    """Enough dots to fill the rest of the line the prefix ends on (the officer writes on them)."""
    dot_width = text_width(dot, style.fontName, style.fontSize)
    first = width - style.firstLineIndent
    used = text_width(nfc(prefix), style.fontName, style.fontSize)
    remaining = first - used if used <= first else width - ((used - first) % width)
    if remaining < 4 * dot_width:  # too little room: a whole line of dots under it
        remaining += width
    return dot * max(int(remaining * 0.97 / dot_width), 1)


def field_line(label: str, value: str, width: float, dot: str) -> Paragraph:
    style = _line_style()
    prefix = f"- {label}: "
    return para(prefix + (value if value else dots_after(prefix, width, style, dot)), style)


@cache
def _blank_style() -> ParagraphStyle:
    return ParagraphStyle("report_blank", parent=_line_style(), firstLineIndent=0)


def blank_lines(count: int, width: float, dot: str) -> list[Flowable]:
    style = _blank_style()
    return [para(dots_after("", width, style, dot), style) for _ in range(max(count, 1))]


def _scaled(widths_mm: Sequence[float], width: float) -> list[float]:
    scale = width / (sum(widths_mm) * mm)
    return [x * mm * scale for x in widths_mm]


def _table(columns: Sequence[str], rows: list[list[str]], widths_mm: Sequence[float], width: float) -> Table:
    return grid_table([list(columns)], rows, _scaled(widths_mm, width), aligns=["centre", "left", "left"])


def _section_ii(data: ReportData, w: Wording, width: float) -> list[Flowable]:
    s = styles()
    dot = w.text("blank")[:1] or "…"
    lines = int(w.doc.get("blank_lines", 2))
    story: list[Flowable] = [para(w.text("section_ii"), _section_style())]
    for item in w.doc.get("items", []):
        kind, title = str(item.get("kind", "")), fill(str(item.get("title", "")), w.values)
        if kind == "ratings":
            story.append(_before_table())
        story.append(para(title, _item_style(keep=kind != "ratings")))
        if kind == "summary":
            story += [para(p, s.body) for p in achievement_paragraphs(data, w)] or blank_lines(lines + 1, width, dot)
        elif kind == "duties":
            story += [para(p, s.body) for p in duties_lines(data)] or blank_lines(lines, width, dot)
        elif kind == "initiatives":
            texts = initiative_texts(data.initiatives, w)
            story += [para(t, s.body) for t in texts] or [para(w.text("none") + ".", s.body)]
        elif kind == "ratings":
            story += [_table(w.lines("ratings_columns"), rating_rows(data.ratings, w), RATING_WIDTHS_MM, width),
                      Spacer(1, 4)]
        else:
            story += blank_lines(lines, width, dot)
    return story


def _section_iii(data: ReportData, w: Wording, width: float) -> list[Flowable]:
    """The two award tables, then the signatures. The signatures never stand alone on a page:
    they keep the last rows of the last table (or the whole of a short one) with them."""
    titles = [a for a in data.awards if a.award_kind == TITLE_KIND]
    forms = award_rows([a for a in data.awards if a.award_kind != TITLE_KIND], w)
    columns, widths = w.lines("forms_columns"), _scaled(HISTORY_WIDTHS_MM, width)
    aligns = ["centre", "left", "left"]
    story: list[Flowable] = [
        _before_table(), para(w.text("section_iii"), _section_style(keep=False)),
        para(w.text("titles_heading"), _item_style(keep=False)),
        _table(w.lines("titles_columns"), award_rows(titles, w), HISTORY_WIDTHS_MM, width)]
    heading = para(w.text("forms_heading"), _item_style(keep=False))
    signatures = _signatures(data, w, width)
    if len(forms) <= KEEP_WHOLE_ROWS:
        return [*story, KeepTogether([heading, grid_table([columns], forms, widths, aligns=aligns), *signatures])]
    tail = grid_table([], forms[-KEEP_TAIL_ROWS:], widths, aligns=aligns)
    return [*story, _before_table(), heading,
            grid_table([columns], forms[:-KEEP_TAIL_ROWS], widths, aligns=aligns),
            KeepTogether([tail, *signatures])]


def _signatures(data: ReportData, w: Wording, width: float) -> list[Flowable]:
    sig: dict[str, Any] = w.doc.get("signatures", {})

    def part(key: str, name: str = "", gap: float = 26 * mm) -> list[Flowable]:
        entry = sig.get(key, {})
        return signature("", fill(str(entry.get("title", "")), w.values), name,
                         note=fill(str(entry.get("note", "")), w.values), gap=gap)

    reporter_name = data.name if data.subject == INDIVIDUAL else data.head_name
    pair = Table([[part("unit_head"), part("reporter", reporter_name)]], colWidths=[width / 2, width / 2])
    pair.setStyle(plain_table_style(("LEFTPADDING", (0, 0), (-1, -1), 4), ("RIGHTPADDING", (0, 0), (-1, -1), 4)))
    upper = Table([[part("upper", gap=22 * mm)]], colWidths=[width])
    upper.setStyle(plain_table_style())
    return [Spacer(1, 12), pair, Spacer(1, 6), upper]


def report_story(data: ReportData, job: PrintJob) -> list[Flowable]:
    s = styles()
    w = variant_wording(job.wording, data.subject)
    width = content_width(PORTRAIT)
    dot = w.text("blank")[:1] or "…"
    story: list[Flowable] = [state_heading(heading_issuer(data, w), number_line="",
                                           place_date_line=place_date(str(w.values.get("place", "")), job.issued_on),
                                           width=width, national=w.common_text("national_name"),
                                           motto=w.common_text("motto"))]
    note = w.doc.get("commendation_kind_notes", {}).get(data.commendation_kind) \
        if data.award_kind == FORM_KIND else None
    subject_style = styles().subject
    story += title_block(w.text("doc_type"), balanced(report_subject(data, w), subject_style.fontName,
                                                      subject_style.fontSize, width * 0.92,
                                                      w.lines("subject_breaks")))
    if note:
        story.append(para(fill(str(note), w.values), s.sign_note))
    story.append(para(w.text("section_i"), _section_style()))
    values = profile_values(data, w)
    labels: dict[str, str] = w.doc.get("fields", {})
    for key in w.doc.get("profile", []):
        story.append(field_line(fill(str(labels.get(key, key)), w.values), values.get(key, ""), width, dot))
    story += _section_ii(data, w, width)
    story += _section_iii(data, w, width)
    return story


def render(data: ReportData, job: PrintJob) -> bytes:
    w = variant_wording(job.wording, data.subject)
    # The metadata says what the page says, in sentence case: "Báo cáo thành tích đề nghị tặng
    # danh hiệu “Lao động tiên tiến”" (the page prints the subject in capitals).
    template = str(w.doc.get("subject_emulation_title" if data.award_kind == TITLE_KIND
                             else "subject_commendation_form", ""))
    before, _, after = template.partition("{award_upper}")
    award = nfc(data.award_name) if data.award_kind == TITLE_KIND else full_award_name(w, nfc(data.award_name))
    subject = before.lower() + award + after
    return build_pdf(report_story(data, job), qr_text=job.qr_text, title=document_title(w.text("doc_type"), subject),
                     author=job.author)
