"""Quyết định khen thưởng of the commune chairman (Decree 30/2020 layout), with the list of
recipients and their reward money attached on its own page(s).

The money is what the decision recorded when it was issued (base salary on the decision date ×
multiplier, rounded up to 10,000 đ); an amount the catalog could not give prints as "chưa xác
định", never as a guess."""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any

from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import Flowable, KeepTogether, PageBreak, Spacer, Table

from ..domain.positions import position_with_unit
from .blocks import (
    doc_number,
    document_title,
    grid_table,
    number_text,
    para,
    place_date,
    plain_table_style,
    receivers,
    signature,
    state_heading,
    styles,
    text,
    title_block,
)
from .fonts import ITALIC
from .model import PrintJob, Signer, Wording
from .page import PORTRAIT, build_pdf, content_width
from .words import amount_in_words, money, roman

PERSON, COLLECTIVE, HOUSEHOLD = "person", "collective", "household"
KIND_ORDER = (COLLECTIVE, HOUSEHOLD, PERSON)  # collectives first, as the lists of the dossier
LIST_WIDTHS_MM = (12, 50, 70, 33)


@dataclass(frozen=True)
class AwardRecipient:
    """One recipient of a decision as the decision, its list and the certificate show it."""

    recipient_id: str  # DecisionRecipient.id
    nomination_id: str
    name: str
    kind: str  # "person", "collective" or "household"
    gender: str  # "male" / "female" / "" for collectives and households
    position: str
    unit: str  # workplace, village or the collective's own address
    achievement: str  # the nomination's summary of achievements
    reward_amount: int | None  # None: no multiplier in the catalog when the decision was issued

    @property
    def position_unit(self) -> str:
        return position_with_unit(self.position, self.unit)


@dataclass(frozen=True)
class DecisionDoc:
    """Stored facts of one decision (no print date: the QR of a paper copy stays checkable)."""

    decision_id: str
    number: str
    decided_on: date
    award_code: str
    award_name: str
    award_kind: str  # "emulation_title" or "commendation_form"
    year: int  # the year of the nomination batch (the year the achievements belong to)
    base_salary: int | None
    multiplier: float | None  # only when every known amount equals base salary × multiplier, rounded up
    meeting_date: date | None
    signer_name: str
    signer_title: str
    recipients: tuple[AwardRecipient, ...]

    @property
    def total(self) -> int:
        return sum(r.reward_amount or 0 for r in self.recipients)

    @property
    def unknown_count(self) -> int:
        return sum(r.reward_amount is None for r in self.recipients)


def two(n: int) -> str:
    return f"{n:02d}"


def date_text(day: date) -> str:
    return day.strftime("%d/%m/%Y")


def decimal_text(value: float) -> str:
    """0.3 → "0,3" (Vietnamese decimal comma)."""
    return f"{value:g}".replace(".", ",")


def kind_counts(recipients: Sequence[AwardRecipient]) -> OrderedDict[str, int]:
    counts: OrderedDict[str, int] = OrderedDict()
    for kind in KIND_ORDER:
        n = sum(r.kind == kind for r in recipients)
        if n:
            counts[kind] = n
    return counts


def subjects_phrase(w: Wording, recipients: Sequence[AwardRecipient]) -> str:
    """"01 tập thể và 08 cá nhân"."""
    words = w.doc.get("subject_words", {})
    parts = [f"{two(n)} {words.get(kind, kind)}" for kind, n in kind_counts(recipients).items()]
    if not parts:
        return f"00 {words.get(PERSON, PERSON)}"
    return parts[0] if len(parts) == 1 else ", ".join(parts[:-1]) + " và " + parts[-1]


def subjects_words(w: Wording, recipients: Sequence[AwardRecipient]) -> str:
    """"tập thể, cá nhân" — the kinds of recipients without their counts."""
    words = w.doc.get("subject_words", {})
    return ", ".join(str(words.get(k, k)) for k in kind_counts(recipients)) or str(words.get(PERSON, PERSON))


def award_phrase(w: Wording, data: DecisionDoc) -> str:
    phrases = w.doc.get("award_phrases", {})
    template = phrases.get(data.award_kind, phrases.get("commendation_form", "{award_name}"))
    return w.with_doc({"t": template}).text("t", award_name=data.award_name, year=data.year)


def award_short(w: Wording, data: DecisionDoc) -> str:
    shorts = w.doc.get("award_short", {})
    template = shorts.get(data.award_kind, "{award_name}")
    return w.with_doc({"t": template}).text("t", award_name=data.award_name, year=data.year)


def achievement_clause(achievement: str) -> str:
    """"Hoàn thành tốt nhiệm vụ năm 2026." → "hoàn thành tốt nhiệm vụ năm 2026", to follow "Đã có
    thành tích". The first letter is lowered only when it is a plain sentence capital (the rest of
    the word and the next word are lower case), so "Hội Nông dân …" keeps its capital."""
    clause = " ".join(achievement.split()).rstrip(" .;")
    for prefix in ("đã có thành tích", "có thành tích"):  # the documents say "Đã có thành tích" themselves
        if clause.lower().startswith((prefix + " ", prefix + ":")):
            clause = clause[len(prefix):].strip(" :")
            break
    words = clause.split(" ")
    first = words[0] if words else ""
    if first[:1].isupper() and first[1:] == first[1:].lower() and (len(words) < 2 or words[1][:1].islower()):
        clause = first[:1].lower() + clause[1:]
    return clause


def common_achievement(recipients: Sequence[AwardRecipient]) -> str:
    """The achievement all recipients share, else ""."""
    texts = {achievement_clause(r.achievement) for r in recipients}
    return texts.pop() if len(texts) == 1 else ""


def decision_signer(w: Wording, data: DecisionDoc) -> Signer:
    """The chairman signs his own decision (no "TM."; the province may set ``chairman_authority``);
    a vice-chairman signs "KT. CHỦ TỊCH / PHÓ CHỦ TỊCH" (Decree 30/2020)."""
    chairman = (w.common_text("chairman_title") or "CHỦ TỊCH").upper()
    title = (data.signer_title or chairman).upper()
    if title != chairman and title.startswith("PHÓ"):
        return Signer(w.common_text("deputy_for_chairman"), title, data.signer_name)
    return Signer(w.text("chairman_authority"), title, data.signer_name)


SIGNATURE_GAP = 22 * mm  # room for the signature and the seal
BODY_SIZES = (14.0, 13.0)  # Decree 30/2020: body 13-14 pt; 13 only when 14 would push the signature over


def _body_style(size: float) -> ParagraphStyle:
    """Single line spacing (1.2) and 6 pt between paragraphs: the lower ends of Decree 30/2020's ranges."""
    return ParagraphStyle(f"decision_body_{size:g}", parent=styles().body, fontSize=size, leading=size * 1.2,
                          spaceAfter=6)


def _ground_style(size: float) -> ParagraphStyle:
    return ParagraphStyle(f"decision_ground_{size:g}", parent=_body_style(size), fontName=ITALIC)


def _article(number: int, body: str, size: float) -> Flowable:
    return para(f"<b>Điều {number}.</b> {text(body)}", _body_style(size), markup=True)


class PageMark(Flowable):
    """Zero-size flowable that notes the page it lands on (where the signature block starts)."""

    def __init__(self) -> None:
        super().__init__()
        self.page = 0

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        return 0, 0

    def draw(self) -> None:
        self.page = self.canv.getPageNumber()


def article_2(w: Wording, data: DecisionDoc) -> list[str]:
    short = award_short(w, data)
    known = [r for r in data.recipients if r.reward_amount is not None]
    if not known:
        return [w.text("article_2_unknown_all", award_short=short)]
    amounts = {r.reward_amount for r in known}
    kinds = kind_counts(data.recipients)
    words = w.doc.get("subject_words", {})
    if len(amounts) == 1 and len(kinds) == 1 and not data.unknown_count:
        basis = ""
        if data.multiplier is not None and data.base_salary:
            basis = w.text("article_2_basis", multiplier=decimal_text(data.multiplier),
                           base_salary=money(data.base_salary))
        first = w.text("article_2_each", award_short=short, subject_word=words.get(next(iter(kinds)), ""),
                       amount=money(known[0].reward_amount), basis=basis)
    else:
        first = w.text("article_2_listed", award_short=short, subjects_words=subjects_words(w, data.recipients))
    lines = [first + " " + w.text("article_2_total", total=money(data.total), total_words=amount_in_words(data.total))]
    if data.unknown_count:
        lines.append(w.text("article_2_unknown_some", count=two(data.unknown_count)))
    return lines


def recipient_table(w: Wording, data: DecisionDoc, width: float) -> Table:
    s = styles()
    scale = width / (sum(LIST_WIDTHS_MM) * mm)
    widths = [x * mm * scale for x in LIST_WIDTHS_MM]
    headers = [str(h) for h in w.doc.get("list_headers", ["STT", "Họ và tên", "Chức vụ, đơn vị", "Số tiền"])]
    if all(r.kind == PERSON for r in data.recipients):
        headers[1] = w.text("list_name_header_people") or headers[1]
    unknown = w.text("unknown_amount")
    groups = w.doc.get("list_groups", {})
    counts = kind_counts(data.recipients)
    body: list[list[Any]] = []
    spans: list[tuple[tuple[int, int], tuple[int, int]]] = []
    keep: list[int] = []  # a group's heading row goes over with its first recipient
    number = 0
    for index, kind in enumerate(counts, start=1):
        if len(counts) > 1:
            keep.append(1 + len(body))
            spans.append(((0, 1 + len(body)), (3, 1 + len(body))))
            body.append([para(f"{roman(index)}. {groups.get(kind, kind)} ({counts[kind]})", s.cell_head), "", "", ""])
        for row in (r for r in data.recipients if r.kind == kind):
            number += 1
            amount = money(row.reward_amount) if row.reward_amount is not None else unknown
            body.append([str(number), row.name, row.position_unit, amount])
    total_row = 1 + len(body)
    total = money(data.total) if len(data.recipients) > data.unknown_count else unknown
    body.append([para(w.text("list_total"), s.cell_head), "", "", para(total, _bold_right())])
    spans.append(((0, total_row), (2, total_row)))
    return grid_table([headers], body, widths, spans=spans, aligns=["centre", "left", "left", "right"],
                      keep_with_next=keep)


def _bold_right() -> ParagraphStyle:
    s = styles()
    return ParagraphStyle("cell_right_bold", parent=s.cell_right, fontName=s.cell_head.fontName)


def list_story(w: Wording, data: DecisionDoc, number_text: str) -> list[Flowable]:
    s = styles()
    values = {"subjects_words_upper": subjects_words(w, data.recipients).upper(),
              "award_phrase_upper": award_phrase(w, data).upper()}
    parts: list[Flowable] = [para(w.text("list_title", **values), s.subject),
                             para(w.text("list_subject", **values), s.subject),
                             para(w.text("list_caption", number_text=number_text,
                                         date_text=date_text(data.decided_on)), s.sign_note),
                             Spacer(1, 10), recipient_table(w, data, content_width(PORTRAIT))]
    # The total in words under the table, where the wording asks for it (the province's lists do).
    words = w.text("list_total_words", total=money(data.total), total_words=amount_in_words(data.total))
    if words and len(data.recipients) > data.unknown_count:
        parts += [Spacer(1, 6), para(words, s.body)]
    if data.unknown_count and len(data.recipients) > data.unknown_count:
        parts += [Spacer(1, 6), para(w.text("list_unknown_note", count=two(data.unknown_count)), s.small)]
    return parts


def _story(w: Wording, data: DecisionDoc, size: float, mark: PageMark) -> list[Flowable]:
    s = styles()
    width = content_width(PORTRAIT)
    number_line = doc_number(data.number, w.text("symbol") or "QĐ-UBND")
    phrase = award_phrase(w, data)
    meeting = date_text(data.meeting_date) if data.meeting_date else ""
    story: list[Flowable] = [state_heading(w.issuer(), number_line=number_line,
                                           place_date_line=place_date(str(w.values.get("place", "")),
                                                                      data.decided_on),
                                           width=width, national=w.common_text("national_name"),
                                           motto=w.common_text("motto"))]
    story += title_block(w.text("doc_type"), w.text("subject", award_phrase=phrase))
    story += [para(w.text("issuer_line"), s.doc_type), Spacer(1, 6)]
    ground, body = _ground_style(size), _body_style(size)
    for name in w.doc.get("grounds", []):
        if name == "council_minutes" and not meeting:
            continue
        story.append(para(w.ground(str(name), meeting_date=meeting), ground))
    story.append(para(w.text("proposal"), ground))
    story += [para(w.text("decides"), s.doc_type), Spacer(1, 6)]
    achievement = common_achievement(data.recipients)
    clause = (w.text("achievement_common", achievement=achievement) if achievement
              else w.text("achievement_various", year=data.year))
    story.append(_article(1, w.text("article_1", award_phrase=phrase, subjects=subjects_phrase(w, data.recipients),
                                    achievement_clause=clause), size))
    lines = article_2(w, data)
    story.append(_article(2, lines[0], size))
    story += [para(line, body) for line in lines[1:]]
    signer = decision_signer(w, data)
    # Điều 3 goes with the signature: a signature never stands alone on a page. (Not closing_block:
    # a KeepTogether inside another reports an endless height and always breaks the page.)
    closing = Table([[receivers(w.lines("receivers")),
                      signature(signer.authority, signer.title, signer.name, gap=SIGNATURE_GAP)]],
                    colWidths=[width * 0.45, width * 0.55])
    closing.setStyle(plain_table_style())
    story.append(KeepTogether([
        mark, _article(3, w.text("article_3", recipients_phrase="các " + subjects_words(w, data.recipients)), size),
        Spacer(1, 10), closing]))
    story += [PageBreak(), *list_story(w, data, number_text(number_line))]
    return story


def render(data: DecisionDoc, job: PrintJob) -> bytes:
    """14 pt when the decision then fits on page 1, else 13 pt if that fits, else 14 pt over two pages."""
    w = job.wording
    first: bytes | None = None
    for size in BODY_SIZES:
        mark = PageMark()
        title = document_title(w.text("doc_type"), w.text("subject", award_phrase=award_phrase(w, data)))
        pdf = build_pdf(_story(w, data, size, mark), qr_text=job.qr_text, title=title, author=job.author)
        if mark.page == 1:
            return pdf
        first = first or pdf
    assert first is not None
    return first
