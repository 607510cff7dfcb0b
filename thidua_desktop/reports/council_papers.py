"""The council's papers: the minutes of a Hội đồng Thi đua - Khen thưởng meeting (biên bản họp) and
the secret-vote ballots (phiếu bầu). Neither has an official template (LEGAL-REFERENCE §0
"Templates"): both are reference layouts in the Decree 30/2020 format.

Vote shares are counted against ALL members of the council (§0 "Council votes"); the minutes
print the shares exactly as the meeting recorded them."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any

from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import Flowable, KeepTogether, PageBreak, Spacer, Table, TableStyle

from .blocks import (
    doc_number,
    document_title,
    grid_table,
    para,
    place_date,
    plain_table_style,
    signature,
    state_heading,
    styles,
    title_block,
    two_digits,
)
from .decision import PageMark
from .model import PrintJob, Wording
from .page import PORTRAIT, build_pdf, content_width
from .words import roman

ROLE_ORDER = ("chair", "vice_chair", "member", "secretary")


@dataclass(frozen=True)
class Candidate:
    """A nominee as the council sees it: name, position and unit, the award proposed."""

    nomination_id: str
    name: str
    is_collective: bool
    position_unit: str
    award_code: str
    award_name: str


@dataclass(frozen=True)
class MemberLine:
    member_id: str
    name: str
    position: str
    role: str  # chair / vice_chair / member / secretary
    # Absent members only: the nominees they agreed to in writing; None: no written vote came in.
    written_vote: tuple[Candidate, ...] | None = None


@dataclass(frozen=True)
class BallotLine:
    """The recorded count for one nominee, as stored at the meeting (never recomputed)."""

    candidate: Candidate
    ballots_issued: int
    ballots_valid: int
    votes_for: int
    pct_of_all: float
    pct_of_present: float
    threshold_pct: float
    threshold_sign: str  # "≥" (at least) or ">" (more than)
    passed: bool
    override_reason: str = ""  # why the council voted although the eligibility check was not met


@dataclass(frozen=True)
class CouncilMinutes:
    meeting_id: str
    held_on: date
    year: int
    batch_name: str
    members_total: int
    members_present: int
    present: tuple[MemberLine, ...]
    absent: tuple[MemberLine, ...]
    chair: MemberLine | None  # who presided: the chair, else a vice-chair present
    secretary: MemberLine | None  # who kept the minutes
    notes: str
    results: tuple[BallotLine, ...]
    number: str
    started_at: str = ""  # "08:30"; "" prints the dotted blank


@dataclass(frozen=True)
class BallotPaper:
    meeting_id: str
    held_on: date
    year: int
    batch_name: str
    members_total: int
    candidates: tuple[Candidate, ...]


# --- small formatting helpers ----------------------------------------------------------------
def percent(value: float | None) -> str:
    """85.71 → "85,71%", 100.0 → "100%": the stored share with a Vietnamese decimal comma."""
    if value is None:
        return ""
    digits = f"{value:.2f}".rstrip("0").rstrip(".")
    return f"{digits.replace('.', ',')}%"


def threshold_text(line: BallotLine) -> str:
    return f"{line.threshold_sign}\u00a0{percent(line.threshold_pct)}"  # the sign never parts from its number


def long_date(day: date) -> str:
    month = two_digits(day.month) if day.month <= 2 else str(day.month)
    return f"ngày {two_digits(day.day)} tháng {month} năm {day.year}"


def start_time(w: Wording, started_at: str) -> dict[str, str]:
    """"08:30" → hour "08", minute "30" for "vào hồi 08 giờ 30 phút"; unknown: the dotted blanks."""
    hour, _, minute = started_at.partition(":")
    if hour.isdigit() and minute.isdigit():
        return {"hour": hour.zfill(2), "minute": minute.zfill(2)}
    blank = w.text("blank_time") or "......"
    return {"hour": blank, "minute": blank}


def _count(n: int) -> str:
    return two_digits(n)


def _heading(w: Wording, number_line: str, day: date) -> Table:
    return state_heading(w.issuer("council_body_lines"), number_line=number_line,
                         place_date_line=place_date(str(w.values.get("place", "")), day),
                         width=content_width(PORTRAIT), national=w.common_text("national_name"),
                         motto=w.common_text("motto"))


def _by_award(items: Sequence[Candidate]) -> list[tuple[str, list[Candidate]]]:
    """Consecutive candidates of the same award, in the order given."""
    groups: list[tuple[str, list[Candidate]]] = []
    for item in items:
        if groups and groups[-1][1][0].award_code == item.award_code:
            groups[-1][1].append(item)
        else:
            groups.append((item.award_name, [item]))
    return groups


# --- the minutes -------------------------------------------------------------------------------
def _role(w: Wording, role: str) -> str:
    roles: dict[str, Any] = w.doc.get("roles", {})
    return str(roles.get(role, role))


def _member_text(w: Wording, m: MemberLine) -> str:
    who = ", ".join(x for x in (m.name, m.position) if x)
    return w.text("member_line", who=who, role=_role(w, m.role))


def _written_vote_text(w: Wording, m: MemberLine) -> str:
    if m.written_vote is None:
        return w.text("written_vote_missing")
    if not m.written_vote:
        return w.text("written_vote_none_for")
    names = "; ".join(f"{c.name} - {c.award_name}" for c in m.written_vote)
    return w.text("written_vote_for", count=len(m.written_vote), names=names)


def _small(style: ParagraphStyle) -> ParagraphStyle:
    """The same style at 11 pt: ten columns fit the portrait page without breaking a word."""
    return ParagraphStyle(f"{style.name}_small", parent=style, fontSize=11, leading=13)


def _result_table(w: Wording, results: Sequence[BallotLine], width: float) -> Table:
    s = styles()
    head_style, left, centre = _small(s.cell_head), _small(s.cell), _small(s.cell_centre)
    widths_mm = (10, 31, 26, 12, 12, 14, 15, 15, 16, 14)
    scale = width / (sum(widths_mm) * mm)
    head = [[para(h, head_style) for h in w.lines("result_headers")]]
    rows = []
    for index, line in enumerate(results, start=1):
        c = line.candidate
        values = [str(index), c.name, c.award_name, str(line.ballots_issued), str(line.ballots_valid),
                  str(line.votes_for), percent(line.pct_of_all), percent(line.pct_of_present),
                  threshold_text(line), w.text("passed" if line.passed else "failed")]
        rows.append([para(v, left if i in (1, 2) else centre) for i, v in enumerate(values)])
    table = grid_table(head, rows, [x * mm * scale for x in widths_mm])
    table.setStyle(TableStyle([("LEFTPADDING", (0, 0), (-1, -1), 2), ("RIGHTPADDING", (0, 0), (-1, -1), 2)]))
    return table


def _minutes_members(w: Wording, data: CouncilMinutes) -> list[Flowable]:
    s = styles()
    parts: list[Flowable] = [para(w.text("section_members"), s.section)]
    parts.append(para(w.text("members_line", members_total=_count(data.members_total),
                             members_present=_count(data.members_present),
                             members_absent=_count(data.members_total - data.members_present)), s.body))
    parts.append(para(w.text("present_title", count=_count(len(data.present))), s.body))
    for index, m in enumerate(data.present, start=1):
        parts.append(para(_member_text(w, m) + ("." if index == len(data.present) else ";"), s.body))
    if data.absent:
        parts.append(para(w.text("absent_title", count=_count(len(data.absent))), s.body))
        for index, m in enumerate(data.absent, start=1):
            end = "." if index == len(data.absent) else ";"
            parts.append(para(f"{_member_text(w, m)} ({_written_vote_text(w, m)}){end}", s.body))
    chair = data.chair
    parts.append(para(w.text("chair_line", who=", ".join(x for x in (chair.name, chair.position) if x) if chair
                             else w.text("blank_name"), role=_role(w, chair.role if chair else "chair")), s.body))
    secretary = data.secretary
    parts.append(para(w.text("secretary_line", who=", ".join(x for x in (secretary.name, secretary.position) if x)
                             if secretary else w.text("blank_name")), s.body))
    return parts


def _minutes_content(w: Wording, data: CouncilMinutes, width: float) -> list[Flowable]:
    s = styles()
    parts: list[Flowable] = [para(w.text("section_content"), s.section)]
    candidates = [r.candidate for r in data.results]
    if data.results:
        parts.append(para(w.text("content_intro", count=_count(len(candidates))), s.body))
        for award_name, items in _by_award(candidates):
            parts.append(para(w.text("award_line", award_name=award_name, count=_count(len(items))), s.body))
        parts.append(para(w.text("discussion"), s.body))
        parts += [Spacer(1, 2), _result_table(w, data.results, width), Spacer(1, 6)]
        parts.append(para(w.text("basis_note", members_total=_count(data.members_total)), s.italic))
        for line in (r for r in data.results if r.override_reason):  # the council's own word, on the record
            parts.append(para(w.text("override_line", name=line.candidate.name, reason=line.override_reason),
                              s.body))
        passed = sum(r.passed for r in data.results)
        parts.append(para(w.text("conclusion", passed=_count(passed), failed=_count(len(data.results) - passed)),
                          s.body))
    else:
        parts.append(para(w.text("no_results"), s.body))
    notes = data.notes.strip()
    if notes:
        end = "" if notes[-1] in ".!?…" else "."
        parts.append(para(w.text("notes_line", notes=notes + end), s.body))
    return parts


def minutes_story(data: CouncilMinutes, job: PrintJob) -> list[Flowable]:
    w = job.wording
    s = styles()
    width = content_width(PORTRAIT)
    story: list[Flowable] = [_heading(w, doc_number(data.number, w.text("symbol")), data.held_on)]
    story += title_block(w.text("doc_type"), w.text("subject", year=data.year))
    story.append(para(w.text("section_time"), s.section))
    story.append(para(w.text("time_line", held_on_long=long_date(data.held_on), **start_time(w, data.started_at)),
                      s.body))
    story.append(para(w.text("venue_line"), s.body))
    if data.batch_name:
        story.append(para(w.text("batch_line", batch_name=data.batch_name), s.body))
    story += _minutes_members(w, data)
    story += _minutes_content(w, data, width)
    closing = para(w.text("closing"), s.body)
    secretary = signature("", w.text("secretary_title"), data.secretary.name if data.secretary else "")
    chair_title = w.text("vice_chair_title" if data.chair and data.chair.role == "vice_chair" else "chair_title")
    chair = signature("", chair_title, data.chair.name if data.chair else "")
    table = Table([[secretary, chair]], colWidths=[width / 2, width / 2])
    table.setStyle(plain_table_style())
    story.append(KeepTogether([closing, Spacer(1, 8), table]))
    return story


def render_minutes(data: CouncilMinutes, job: PrintJob) -> bytes:
    w = job.wording
    return build_pdf(minutes_story(data, job), qr_text=job.qr_text,
                     title=document_title(w.text("doc_type"), w.text("subject", year=data.year)), author=job.author)


# --- the ballots -------------------------------------------------------------------------------
class TickBox(Flowable):
    """An empty square for the member's X, centred in its cell with room around it. Drawn, not
    typed: no font needed."""

    def __init__(self, size: float = 4.2 * mm, margin: float = 0.5 * mm) -> None:
        super().__init__()
        self.size, self.margin = size, margin

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        self._avail = avail_width
        return avail_width, self.size + 2 * self.margin

    def draw(self) -> None:
        self.canv.setLineWidth(0.8)
        self.canv.rect((self._avail - self.size) / 2, self.margin, self.size, self.size, stroke=1, fill=0)


def _sized(style: ParagraphStyle, size: float) -> ParagraphStyle:
    return ParagraphStyle(f"{style.name}_{size:g}", parent=style, fontSize=size, leading=size * 1.17)


def _candidate_table(w: Wording, candidates: Sequence[Candidate], width: float, size: float = 12) -> Table:
    s = styles()
    cell, head_style = _sized(s.cell, size), _sized(s.cell_head, size)
    unit_style = _sized(s.cell, size - 1)
    widths_mm = (11, 42, 83, 16, 16)
    box = max(size * 0.32, 3.0) * mm
    scale = width / (sum(widths_mm) * mm)
    head = [w.lines("candidate_headers")]
    rows: list[list[Any]] = []
    spans: list[tuple[tuple[int, int], tuple[int, int]]] = []
    keep: list[int] = []
    number = 0
    for group_index, (award_name, items) in enumerate(_by_award(candidates), start=1):
        at = len(head) + len(rows)
        spans.append(((0, at), (4, at)))
        keep.append(at)
        rows.append([para(f"{roman(group_index)}. {award_name}", head_style), "", "", "", ""])
        for c in items:
            number += 1
            rows.append([para(str(number), _sized(s.cell_centre, size)), para(c.name, cell),
                         para(c.position_unit, unit_style), TickBox(box, 0.3 * mm), TickBox(box, 0.3 * mm)])
    if not candidates:  # nothing recorded yet: lines for the names the council writes in
        for index in range(1, int(w.doc.get("blank_rows", 5)) + 1):
            rows.append([str(index), para("\u00a0", cell), "", TickBox(box), TickBox(box)])
    # An award's title row never ends a page: it goes over with its first nominee.
    table = grid_table(head, rows, [x * mm * scale for x in widths_mm], spans=spans,
                       aligns=["centre", "left", "left", "centre", "centre"], keep_with_next=keep)
    if size < 12:  # a long list: tighter rows before smaller type
        table.setStyle(TableStyle([("TOPPADDING", (0, 0), (-1, -1), 1), ("BOTTOMPADDING", (0, 0), (-1, -1), 1.5)]))
    return table


def ballot_story(data: BallotPaper, job: PrintJob, size: float = 12) -> list[Flowable]:
    """One ballot; the file repeats it once per council member. Nothing on it differs between copies."""
    w = job.wording
    s = styles()
    width = content_width(PORTRAIT)
    awards = "; ".join(name for name, _items in _by_award(data.candidates))
    parts: list[Flowable] = [_heading(w, "", data.held_on)]
    parts += title_block(w.text("doc_type"), w.text("subject", year=data.year),
                         extra=[w.text("meeting_line", held_on=data.held_on.strftime("%d/%m/%Y"))])
    parts.append(para(w.text("footer_note"), s.sign_note))  # "(Phiếu bầu kín …)" under the title
    prose = min(14.0, size + 2)  # a long list shrinks the preamble with the table
    if awards:
        parts.append(para(w.text("awards_line", awards=awards),
                          ParagraphStyle(f"ballot_body_{prose:g}", parent=s.body, fontSize=prose, leading=prose * 1.2)))
    parts.append(para(w.text("instructions"),
                      ParagraphStyle(f"ballot_note_{prose:g}", parent=s.italic, fontSize=prose, leading=prose * 1.2)))
    parts += [Spacer(1, 4), _candidate_table(w, data.candidates, width, size)]
    return parts


# The candidates' table (and the preamble with it) shrinks until one ballot is one page; a list too
# long even at 9 pt takes two pages per ballot, still the same on every copy (print them duplex).
BALLOT_SIZES = (12.0, 11.0, 10.0, 9.0)


def _ballot_pdf(data: BallotPaper, job: PrintJob, copies: int, size: float, end: PageMark | None = None) -> bytes:
    story: list[Flowable] = []
    for index in range(copies):
        if index:
            story.append(PageBreak())
        story += ballot_story(data, job, size)
    if end is not None:
        story.append(end)
    # A secret ballot: every copy the same sheet. No page numbers across copies, and the QR (which
    # names the meeting's ballot paper, never a member) on every sheet alike, so that the counters
    # can check each returned ballot belongs to this meeting and no sheet stands out.
    w = job.wording
    title = document_title(w.text("doc_type"), w.text("subject", year=data.year))
    return build_pdf(story, qr_text=job.qr_text, title=title, author=job.author, numbered=False, qr_every_page=True)


def render_ballots(data: BallotPaper, job: PrintJob) -> bytes:
    """One identical sheet per council member (all members: absent ones vote in writing)."""
    size = BALLOT_SIZES[-1]
    for candidate_size in BALLOT_SIZES:
        end = PageMark()
        _ballot_pdf(data, job, 1, candidate_size, end)
        if end.page == 1:
            size = candidate_size
            break
    return _ballot_pdf(data, job, max(data.members_total, 1), size)
