"""Báo cáo kết quả thực hiện phong trào thi đua: the movement's purpose and targets, its indicators
against their results (table and chart), its activities, its advanced examples, the awards given
through it and their shares among women, ethnic minorities, direct workers and remote villages.

No official template is known (a reference layout in the Decree 30/2020 format). An indicator is
read by its kind and direction (domain/indicators.py): see :func:`assess`."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any

from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import Flowable, KeepTogether, Spacer

from ..domain import indicators as rule
from ..domain.text import search_key
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
from .charts import BarItem, percent_bar_chart
from .model import PrintJob, Signer, Wording
from .page import PORTRAIT, build_pdf, content_width
from .templates import fill

UP, DOWN = "up", "down"
MET, NOT_MET, NO_DATA, UNKNOWN = "met", "not_met", "no_data", ""


@dataclass(frozen=True)
class IndicatorResult:
    """An indicator's stored figures; ``result`` is what its activities reported, read by its kind
    (the sum for a count, the latest value for a level or a percentage; None: nothing reported)."""

    name: str
    unit: str
    baseline: float | None
    target: float | None
    result: float | None
    kind: str = rule.IndicatorKind.COUNT.value
    direction: str = rule.Direction.UP.value


@dataclass(frozen=True)
class ActivityRow:
    held_on: date
    place: str  # village and place, as typed
    description: str
    participants: int
    women: int
    minority: int


@dataclass(frozen=True)
class ExemplarRow:
    title: str
    subject: str
    stage: str
    stages: tuple[tuple[str, date], ...]  # every stage reached, with its date


@dataclass(frozen=True)
class ProposalRow:
    award_name: str
    proposed: int
    awarded: int


@dataclass(frozen=True)
class AwardRow:
    name: str
    is_collective: bool
    award_name: str
    decision_number: str
    decided_on: date | None
    level: str  # "commune", "province", "central"


@dataclass(frozen=True)
class GroupShares:
    """Among individual awards, as services/statistics.py counts them (one per award)."""

    people: int = 0
    collectives: int = 0
    women: int = 0
    ethnic_minority: int = 0
    direct_workers: int = 0
    border_or_remote: int = 0


@dataclass(frozen=True)
class MovementReport:
    movement_id: str
    code: str
    name: str
    theme: str
    launch_level: str
    launch_doc_number: str
    launch_doc_date: date | None
    period_start: date | None
    period_end: date | None
    interim_review_date: date | None
    final_review_date: date | None
    goals: tuple[str, ...]
    criteria: tuple[str, ...]
    participants: tuple[str, ...]
    indicators: tuple[IndicatorResult, ...]
    activities: tuple[ActivityRow, ...]
    exemplars: tuple[ExemplarRow, ...]
    proposals: tuple[ProposalRow, ...]
    awards: tuple[AwardRow, ...]
    shares: GroupShares
    signer: Signer
    number: str


@dataclass(frozen=True)
class Assessment:
    direction: str  # UP or DOWN, as stored on the indicator
    percent: float | None  # towards the target: result ÷ target; for DOWN from the baseline
    verdict: str  # MET, NOT_MET, NO_DATA or UNKNOWN (no target to judge by)


def assess(ind: IndicatorResult) -> Assessment:
    """The verdict and the rate by the indicator's direction, as every screen and export computes
    them (``domain.indicators.assess``): up is met when the result reaches the target, down (poverty
    rate 18.5 → 10) when it is at or below it, its rate the share of the planned reduction done."""
    figures = rule.assess(ind.direction, ind.baseline, ind.target, ind.result)
    direction = DOWN if ind.direction == DOWN else UP
    return Assessment(direction, figures.percent, figures.verdict)


def number_text(value: float | None, decimals: int = 2) -> str:
    """Vietnamese figures: "1.500", "12,5"; None prints as a dash."""
    if value is None:
        return "–"
    rounded = round(value, decimals)
    whole, _, frac = f"{abs(rounded):,.{decimals}f}".partition(".")
    frac = frac.rstrip("0")
    text = whole.replace(",", ".") + ("," + frac if frac else "")
    return ("-" if rounded < 0 else "") + text


def percent_text(value: float | None) -> str:
    return number_text(value, 1)


def _dmy(day: date | None) -> str:
    return day.strftime("%d/%m/%Y") if day else "…"


def _share(count: int, total: int) -> str:
    return percent_text(count / total * 100) if total else "–"


def movement_phrase(w: Wording, name: str) -> str:
    """"phong trào thi đua thực hiện …" when the name already says "Thi đua …", else the name in quotes."""
    key = search_key(name)
    for prefix in ("phong trao ", "thi dua "):
        if key.startswith(prefix):
            rest = name[len("Phong trào "):] if prefix == "phong trao " else name
            return rest[:1].lower() + rest[1:]
    return w.text("movement_quoted", name=name.replace("“", "‘").replace("”", "’"))


# Document parts --------------------------------------------------------------------------------------
_HEADING: ParagraphStyle | None = None


def _heading() -> ParagraphStyle:
    """A section title that never ends a page: it moves over with the paragraph or table after it."""
    global _HEADING
    if _HEADING is None:
        _HEADING = ParagraphStyle("movement_heading", parent=styles().section, keepWithNext=1)
    return _HEADING


def _bullets(items: Sequence[str]) -> list[Flowable]:
    s = styles()
    cleaned = [x.strip().rstrip(";.") for x in items if x and x.strip()]
    return [para(f"- {x}{'.' if i == len(cleaned) - 1 else ';'}", s.body) for i, x in enumerate(cleaned)]


def _widths(mm_widths: Sequence[float], width: float) -> list[float]:
    scale = width / (sum(mm_widths) * mm)
    return [x * mm * scale for x in mm_widths]


def _situation(data: MovementReport, w: Wording, phrase: str) -> list[Flowable]:
    s = styles()
    launchers: dict[str, Any] = w.doc.get("launchers", {})
    launcher = fill(str(launchers.get(data.launch_level, data.launch_level)), w.values)
    story: list[Flowable] = [para(w.text("section_1"), _heading())]
    document = w.text("launch_document", number=data.launch_doc_number,
                      date=_dmy(data.launch_doc_date)) if data.launch_doc_number else ""
    story.append(para(w.text("launched", phrase=phrase, launcher=launcher, document=document,
                             start=_dmy(data.period_start), end=_dmy(data.period_end)), s.body))
    if data.theme:
        story.append(para(w.text("theme_line", theme=data.theme.strip().rstrip(".")), s.body))
    for key, items in (("goals_title", data.goals), ("criteria_title", data.criteria),
                       ("participants_title", data.participants)):
        if items:
            story.append(para(w.text(key), s.body))
            story += _bullets(items)
    reviews = [w.text(k, date=_dmy(d)) for k, d in (("interim_review", data.interim_review_date),
                                                      ("final_review", data.final_review_date)) if d]
    story.append(para(w.text("indicator_count", count=len(data.indicators))
                      + ("; " + ", ".join(reviews) if reviews else "") + ".", s.body))
    return story


def _indicator_part(data: MovementReport, w: Wording, width: float) -> list[Flowable]:
    s = styles()
    story: list[Flowable] = [para(w.text("part_indicators"), _heading())]
    if not data.indicators:
        return [*story, para(w.text("no_indicators"), s.body)]
    verdicts: dict[str, str] = w.doc.get("verdicts", {})
    rows: list[list[object]] = []
    items: list[BarItem] = []
    assessed = [(ind, assess(ind)) for ind in data.indicators]
    for number, (ind, a) in enumerate(assessed, start=1):
        mark = " (*)" if a.direction == DOWN else ""
        rows.append([str(number), ind.name + mark, ind.unit, number_text(ind.baseline), number_text(ind.target),
                     number_text(ind.result), percent_text(a.percent), verdicts.get(a.verdict or "unknown", "")])
        shade = {MET: "dark", NOT_MET: "light"}.get(a.verdict, "open")
        items.append(BarItem(f"{number}. {ind.name}{mark}", a.percent, shade,
                             note=w.text("chart_no_figure")))
    header = [["STT", "Chỉ tiêu", "Đơn vị tính", "Đầu kỳ", "Kế hoạch", "Thực hiện", "Tỷ lệ (%)", "Đánh giá"]]
    story.append(grid_table(header, rows, _widths((11, 48, 20, 17, 18, 18, 15, 18), width),
                            aligns=["centre", "left", "centre", "right", "right", "right", "right", "centre"]))
    notes = [w.text("note_source")]
    latest = [str(n) for n, ind in enumerate(data.indicators, start=1) if rule.is_latest_value(ind.kind)]
    if latest and w.text("note_latest"):
        notes.append(w.text("note_latest", numbers=", ".join(latest)))
    if any(a.direction == DOWN for _, a in assessed):
        notes.append(w.text("note_down"))
    if any(a.verdict == UNKNOWN for _, a in assessed):
        notes.append(w.text("note_unknown"))
    story += [Spacer(1, 3), *[para(n, s.small) for n in notes], Spacer(1, 6)]
    used = {i.shade for i in items if i.value is not None}
    legend = [(shade, str(text)) for shade, text in w.doc.get("chart_legend", []) if shade in used]
    chart = percent_bar_chart(items, width, reference_label=w.text("chart_reference"), legend=legend,
                              value_text=lambda v: f"{percent_text(v)}%")
    story.append(KeepTogether([para(w.text("chart_title"), s.centre_bold), Spacer(1, 4), chart, Spacer(1, 8)]))
    return story


def _activity_part(data: MovementReport, w: Wording, width: float) -> list[Flowable]:
    s = styles()
    story: list[Flowable] = [para(w.text("part_activities"), _heading())]
    if not data.activities:
        return [*story, para(w.text("no_activities"), s.body)]
    total = sum(a.participants for a in data.activities)
    women = sum(a.women for a in data.activities)
    minority = sum(a.minority for a in data.activities)
    story.append(para(w.text("activities_summary", count=len(data.activities), total=number_text(total),
                             women=number_text(women), women_share=_share(women, total),
                             minority=number_text(minority), minority_share=_share(minority, total)), s.body))
    header = [["STT", "Ngày", "Địa điểm", "Nội dung hoạt động", "Số người tham gia", "", ""],
              ["", "", "", "", "Tổng số", "Nữ", "DTTS"]]
    spans = [((4, 0), (6, 0)), *[((c, 0), (c, 1)) for c in range(4)]]
    rows = [[str(i), _dmy(a.held_on), a.place, a.description, number_text(a.participants), number_text(a.women),
             number_text(a.minority)] for i, a in enumerate(data.activities, start=1)]
    rows.append(["", "", "", "Cộng", number_text(total), number_text(women), number_text(minority)])
    story.append(grid_table(header, rows, _widths((11, 22, 32, 57, 15, 14, 14), width), spans=spans,
                            aligns=["centre", "centre", "left", "left", "right", "right", "right"]))
    return [*story, Spacer(1, 6)]


def _exemplar_part(data: MovementReport, w: Wording, width: float) -> list[Flowable]:
    s = styles()
    stages: dict[str, str] = w.doc.get("stages", {})
    story: list[Flowable] = [para(w.text("part_exemplars"), _heading())]
    if not data.exemplars:
        return [*story, para(w.text("no_exemplars"), s.body)]
    counts = ", ".join(f"{label.lower()} {sum(e.stage == key for e in data.exemplars)}"
                       for key, label in stages.items())
    story.append(para(w.text("exemplars_summary", count=len(data.exemplars), counts=counts), s.body))
    rows = [[str(i), e.title, e.subject, stages.get(e.stage, e.stage),
             "; ".join(f"{stages.get(k, k)}: {_dmy(d)}" for k, d in e.stages)]
            for i, e in enumerate(data.exemplars, start=1)]
    header = [["STT", "Điển hình tiên tiến", "Tập thể, cá nhân", "Khâu hiện nay", "Quá trình"]]
    story.append(grid_table(header, rows, _widths((11, 50, 38, 24, 42), width),
                            aligns=["centre", "left", "left", "centre", "left"]))
    return [*story, Spacer(1, 6)]


def _award_part(data: MovementReport, w: Wording, width: float) -> list[Flowable]:
    s = styles()
    story: list[Flowable] = [para(w.text("part_awards"), _heading())]
    if not data.proposals and not data.awards:
        return [*story, para(w.text("no_awards"), s.body)]
    proposed = sum(p.proposed for p in data.proposals)
    story.append(para(w.text("awards_summary", proposed=proposed, awarded=len(data.awards),
                             collectives=data.shares.collectives, people=data.shares.people), s.body))
    if data.proposals:
        rows = [[str(i), p.award_name, str(p.proposed), str(p.awarded)] for i, p in enumerate(data.proposals, 1)]
        rows.append(["", "Cộng", str(proposed), str(sum(p.awarded for p in data.proposals))])
        story.append(grid_table([["STT", "Hình thức khen thưởng", "Số đề nghị", "Được khen thưởng"]], rows,
                                _widths((11, 94, 30, 30), width), aligns=["centre", "left", "right", "right"]))
        story.append(Spacer(1, 6))
    if data.awards:
        levels: dict[str, str] = w.doc.get("levels", {})
        story.append(para(w.text("awards_list_title"), s.body))
        rows = [[str(i), a.name, a.award_name,
                 w.text("decision_ref", number=a.decision_number, date=_dmy(a.decided_on)) if a.decision_number
                 and a.decided_on else a.decision_number or (_dmy(a.decided_on) if a.decided_on else ""),
                 levels.get(a.level, a.level)] for i, a in enumerate(data.awards, start=1)]
        story.append(grid_table([["STT", "Tập thể, cá nhân", "Hình thức khen thưởng", "Số, ngày quyết định",
                                  "Cấp khen"]], rows, _widths((11, 46, 50, 38, 20), width),
                                aligns=["centre", "left", "left", "left", "centre"]))
        story.append(Spacer(1, 6))
    sh = data.shares
    story.append(para(w.text("shares_title"), s.body))
    groups = [("group_women", sh.women), ("group_minority", sh.ethnic_minority),
              ("group_direct", sh.direct_workers), ("group_remote", sh.border_or_remote)]
    rows = [["", w.text("group_people"), str(sh.people), "100" if sh.people else "–"]]
    rows += [[str(i), w.text(key), str(n), _share(n, sh.people)] for i, (key, n) in enumerate(groups, start=1)]
    story.append(grid_table([["STT", "Nhóm đối tượng", "Số lượt cá nhân", "Tỷ lệ (%)"]], rows,
                            _widths((11, 94, 30, 30), width), aligns=["centre", "left", "right", "right"]))
    return [*story, Spacer(1, 6)]


class DottedLines(Flowable):
    """Lines of dots the officer writes on (Ưu điểm, Hạn chế, Phương hướng …)."""

    def __init__(self, count: int, gap: float = 7 * mm) -> None:
        super().__init__()
        self.count, self.gap = count, gap

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        self.width = avail_width
        return avail_width, self.count * self.gap

    def draw(self) -> None:
        self.canv.saveState()
        self.canv.setDash(1, 2.5)
        self.canv.setLineWidth(0.6)
        for i in range(self.count):
            y = self.count * self.gap - (i + 1) * self.gap + 2
            self.canv.line(0, y, self.width, y)
        self.canv.restoreState()


def _assessment_part(data: MovementReport, w: Wording) -> list[Flowable]:
    s = styles()
    verdicts = [assess(ind).verdict for ind in data.indicators]
    story: list[Flowable] = [para(w.text("section_3"), _heading())]
    if verdicts:
        counts = (("assessment_met", verdicts.count(MET)), ("assessment_not_met", verdicts.count(NOT_MET)),
                  ("assessment_open", verdicts.count(UNKNOWN) + verdicts.count(NO_DATA)))
        parts = ", ".join(w.text(key, count=n) for key, n in counts if n)
        story.append(para(w.text("assessment_data", total=len(verdicts), parts=parts), s.body))
    for title in w.lines("assessment_parts"):
        story += [KeepTogether([para(title, s.section), DottedLines(3)]), Spacer(1, 4)]
    return story


def render(data: MovementReport, job: PrintJob) -> bytes:
    s = styles()
    base = job.wording
    variants: dict[str, Any] = base.doc.get("variants", {})
    variant = dict(variants.get(data.launch_level, variants.get("commune", {})))
    w = base.with_doc({**base.doc, **variant})
    width = content_width(PORTRAIT)
    phrase = movement_phrase(w, data.name)
    story: list[Flowable] = [state_heading(w.issuer("commune_body_lines"),
                                           number_line=doc_number(data.number, w.text("symbol")),
                                           place_date_line=place_date(str(w.values.get("place", "")), job.issued_on),
                                           width=width, national=w.common_text("national_name"),
                                           motto=w.common_text("motto"))]
    story += title_block(w.text("doc_type"), w.text("subject", phrase=phrase))
    addressee = w.text("addressee")
    if addressee:
        story.append(para(f"Kính gửi: {addressee}", s.subject))
        if w.text("addressee_note"):
            story.append(para(w.text("addressee_note"), s.place_date))
        story.append(Spacer(1, 8))
    story.append(para(w.text("opening", phrase=phrase), s.body))
    story += _situation(data, w, phrase)
    story.append(para(w.text("section_2"), _heading()))
    story += _indicator_part(data, w, width)
    story += _activity_part(data, w, width)
    story += _exemplar_part(data, w, width)
    story += _award_part(data, w, width)
    story += _assessment_part(data, w)
    story.append(para(w.text("closing", phrase=phrase), s.body))
    story.append(closing_block(receivers(w.lines("receivers")),
                               signature(data.signer.authority, data.signer.title, data.signer.name), width))
    return build_pdf(story, qr_text=job.qr_text, title=w.text("title"), author=job.author)
