"""Building blocks of a state document: styles, the heading, title, body, signature and tables.

All text passes through :func:`text` (NFC + XML escaping) before it reaches ReportLab, so a name
typed in decomposed form or containing ``&`` prints correctly."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date
from typing import Any, Literal
from xml.sax.saxutils import escape

from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER, TA_JUSTIFY, TA_LEFT, TA_RIGHT
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import Flowable, KeepTogether, Paragraph, Spacer, Table, TableStyle

from ..domain.text import nfc
from .fonts import BOLD, BOLD_ITALIC, FAMILY, ITALIC, REGULAR, register_fonts, text_width
from .page import ClosingBlock
from .paragraphs import KeptParagraph

# One TableStyle command: (name, first cell, last cell, values...), the form types-reportlab accepts.
TableCommand = tuple[str, tuple[int, int], tuple[int, int], *tuple[Any, ...]]


def text(value: object) -> str:
    """NFC and escaped for a Paragraph; ``None`` prints as nothing."""
    return escape(nfc("" if value is None else str(value)))


def _style(name: str, size: float, font: str = REGULAR, align: Literal[0, 1, 2, 4] = TA_LEFT,
           **extra: Any) -> ParagraphStyle:
    options: dict[str, Any] = {"leading": size * 1.25, **extra}
    return ParagraphStyle(name, fontName=font, fontSize=size, alignment=align, textColor=colors.black,
                          **options)


@dataclass(frozen=True)
class Styles:
    body: ParagraphStyle = field(default_factory=lambda: _style(
        "body", 14, align=TA_JUSTIFY, firstLineIndent=10 * mm, spaceAfter=6, leading=14 * 1.2))
    body_plain: ParagraphStyle = field(default_factory=lambda: _style(
        "body_plain", 14, align=TA_JUSTIFY, spaceAfter=6, leading=14 * 1.2))
    centre: ParagraphStyle = field(default_factory=lambda: _style("centre", 13, align=TA_CENTER))
    centre_bold: ParagraphStyle = field(default_factory=lambda: _style("centre_bold", 13, BOLD, TA_CENTER))
    doc_type: ParagraphStyle = field(default_factory=lambda: _style("doc_type", 14, BOLD, TA_CENTER, spaceBefore=12))
    subject: ParagraphStyle = field(default_factory=lambda: _style("subject", 14, BOLD, TA_CENTER))
    section: ParagraphStyle = field(default_factory=lambda: _style(
        "section", 14, BOLD, TA_JUSTIFY, spaceBefore=6, spaceAfter=6, firstLineIndent=10 * mm))
    place_date: ParagraphStyle = field(default_factory=lambda: _style("place_date", 14, ITALIC, TA_CENTER))
    heading_body: ParagraphStyle = field(default_factory=lambda: _style("heading_body", 13, BOLD, TA_CENTER))
    heading_parent: ParagraphStyle = field(default_factory=lambda: _style("heading_parent", 13, REGULAR, TA_CENTER))
    national: ParagraphStyle = field(default_factory=lambda: _style("national", 12, BOLD, TA_CENTER))
    motto: ParagraphStyle = field(default_factory=lambda: _style("motto", 13.5, BOLD, TA_CENTER))
    number: ParagraphStyle = field(default_factory=lambda: _style("number", 13, REGULAR, TA_CENTER))
    receivers_title: ParagraphStyle = field(default_factory=lambda: _style("receivers_title", 12, BOLD_ITALIC))
    receivers_item: ParagraphStyle = field(default_factory=lambda: _style("receivers_item", 11))
    sign_title: ParagraphStyle = field(default_factory=lambda: _style("sign_title", 13.5, BOLD, TA_CENTER))
    sign_name: ParagraphStyle = field(default_factory=lambda: _style("sign_name", 14, BOLD, TA_CENTER))
    sign_note: ParagraphStyle = field(default_factory=lambda: _style("sign_note", 13, ITALIC, TA_CENTER))
    cell: ParagraphStyle = field(default_factory=lambda: _style("cell", 12, leading=14))
    cell_centre: ParagraphStyle = field(default_factory=lambda: _style("cell_centre", 12, align=TA_CENTER, leading=14))
    cell_right: ParagraphStyle = field(default_factory=lambda: _style("cell_right", 12, align=TA_RIGHT, leading=14))
    cell_head: ParagraphStyle = field(default_factory=lambda: _style("cell_head", 12, BOLD, TA_CENTER, leading=14))
    italic: ParagraphStyle = field(default_factory=lambda: _style("italic", 14, ITALIC, TA_JUSTIFY, leading=14 * 1.3))
    small: ParagraphStyle = field(default_factory=lambda: _style("small", 11))


_styles: Styles | None = None


def styles() -> Styles:
    global _styles
    if _styles is None:
        register_fonts()
        _styles = Styles()
    return _styles


def plain_table_style(*extra: TableCommand) -> TableStyle:
    """A borderless layout table. Every table must name the document font: a plain-text cell would
    otherwise be set in ReportLab's default Helvetica, which is not embedded."""
    return TableStyle([("FONT", (0, 0), (-1, -1), REGULAR, 12), ("VALIGN", (0, 0), (-1, -1), "TOP"),
                       ("LEFTPADDING", (0, 0), (-1, -1), 0), ("RIGHTPADDING", (0, 0), (-1, -1), 0), *extra])


class Rule(Flowable):
    """A solid line of a given width, centred in its cell (under the motto, the issuing body, a title)."""

    def __init__(self, width: float, *, thickness: float = 0.6, space: float = 2) -> None:
        super().__init__()
        self.line_width, self.thickness, self.space = width, thickness, space

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        self._avail = avail_width
        return avail_width, self.thickness + 2 * self.space

    def draw(self) -> None:
        x = (self._avail - self.line_width) / 2
        self.canv.setLineWidth(self.thickness)
        self.canv.line(x, self.space, x + self.line_width, self.space)


def para(value: object, style: ParagraphStyle | None = None, *, markup: bool = False) -> Paragraph:
    """A paragraph of plain text (escaped) or, with ``markup``, of trusted template markup. Its
    parse and line breaks are kept for the next document that prints the same text in the same
    style (reports/paragraphs.py)."""
    content = nfc(str(value)) if markup else text(value)
    return KeptParagraph(content.replace("\n", "<br/>"), style or styles().body)


# Room for the clerk's handwritten number: 16 no-break spaces, about 18 mm at 13 pt (plain spaces
# would collapse, and a no-break space is never a place to end a line).
BLANK_NUMBER = "\u00a0" * 16
NBSP = "\u00a0"


def two_digits(n: int) -> str:
    return f"{n:02d}"


def place_date(place: str, day: date | None) -> str:
    """"Quảng Uyên, ngày 05 tháng 02 năm 2026": day < 10 and months 1–2 take a leading zero (Decree 30)."""
    if day is None:
        return f"{nfc(place)}, ngày     tháng     năm     "
    month = two_digits(day.month) if day.month <= 2 else str(day.month)
    return f"{nfc(place)}, ngày {two_digits(day.day)} tháng {month} năm {day.year}"


def number_text(number_line: str) -> str:
    """"Số: 05/TTr-UBND" → "05/TTr-UBND"; an unnumbered line keeps its room for the number."""
    return number_line.removeprefix("Số:").strip(" ")


def doc_number(number: str | int | None, symbol: str) -> str:
    """"Số: 05/TTr-UBND"; an unnumbered draft leaves room for the clerk to write the number."""
    value = str(number).strip() if number not in (None, "") else ""
    if value.isdigit() and int(value) < 10:
        value = two_digits(int(value))
    if "/" in value:  # the officer typed the whole "05/QĐ-UBND"
        return f"Số: {value}"
    return f"Số: {value or BLANK_NUMBER}/{symbol}"


@dataclass(frozen=True)
class Issuer:
    """Who issues the document. ``body_lines`` is the issuing body, e.g. ["ỦY BAN NHÂN DÂN", "XÃ QUẢNG UYÊN"]."""

    body_lines: tuple[str, ...]
    place: str
    parent_body: str = ""


def state_heading(issuer: Issuer, *, number_line: str, place_date_line: str, width: float,
                  national: str = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
                  motto: str = "Độc lập - Tự do - Hạnh phúc") -> Table:
    """The two-column block at the top of page 1: issuing body and number on the left, the national
    name and motto on the right, then the place and date under the motto."""
    s = styles()
    national_width = text_width(nfc(national), BOLD, s.national.fontSize) + 6
    right = max(national_width, width * 0.54)
    left = width - right
    body_text = " ".join(nfc(x) for x in issuer.body_lines)
    body_lines = [part for x in issuer.body_lines for part in _fit_line(nfc(x).upper(), left, s.heading_body.fontSize)]
    longest = max((text_width(x, BOLD, s.heading_body.fontSize) for x in body_lines), default=0.0)
    left_cells: list[Flowable] = []
    if issuer.parent_body:
        left_cells.append(para(issuer.parent_body.upper(), s.heading_parent))
    left_cells.append(para("\n".join(body_lines) or body_text, s.heading_body))
    left_cells.append(Rule(min(longest, left) / 2.5))
    left_cells.append(para(number_line, s.number))
    motto_width = text_width(nfc(motto), BOLD, s.motto.fontSize)
    right_cells: list[Flowable] = [para(national, s.national), para(motto, s.motto), Rule(motto_width)]
    table = Table([[left_cells, right_cells], ["", para(place_date_line, s.place_date)]],
                  colWidths=[left, right])
    table.setStyle(plain_table_style(("TOPPADDING", (0, 1), (-1, 1), 4)))
    return table


def _fit_line(line: str, width: float, size: float) -> list[str]:
    """A heading line too wide for its column, broken after a " - " so the hyphen stays on the
    first line ("HỘI ĐỒNG THI ĐUA -" / "KHEN THƯỞNG"); other lines are left to wrap by themselves."""
    if text_width(line, BOLD, size) <= width - 2 or " - " not in line:
        return [line]
    head, _sep, rest = line.rpartition(" - ")
    return [*_fit_line(head + " -", width, size), rest]


def keep_last_words(line: str) -> str:
    """The last two words joined by a no-break space: a subject never ends with a lone "2026"."""
    words = nfc(line).split(" ")
    if len(words) < 3:
        return line
    return " ".join(words[:-2]) + " " + NBSP.join(words[-2:])


def document_title(doc_type: str, subject: str = "") -> str:
    """The title the PDF's metadata carries: the page's own type and subject as one phrase,
    "TỜ TRÌNH" + "Về việc đề nghị …" → "Tờ trình về việc đề nghị …"."""
    kind = nfc(doc_type).strip()
    kind = kind[:1].upper() + kind[1:].lower()
    rest = " ".join(nfc(subject).split())
    if rest[:1].isupper() and rest[1:2].islower():  # a sentence capital, not "UBND"
        rest = rest[:1].lower() + rest[1:]
    return f"{kind} {rest}".strip()


def title_block(doc_type: str, subject: str = "", *, extra: Sequence[str] = ()) -> list[Flowable]:
    """"TỜ TRÌNH" then the subject in bold with a short line under it (Decree 30: tên loại, trích yếu)."""
    s = styles()
    parts: list[Flowable] = [Spacer(1, 6), para(doc_type.upper(), s.doc_type)]
    for line in [subject, *extra]:
        if line:
            parts.append(para(keep_last_words(line), s.subject))
    parts += [Spacer(1, 2), Rule(35 * mm), Spacer(1, 8)]
    return parts


def authority_lines(on_behalf: str, authority: str) -> str:
    """The authority lines of a signature (Decree 30/2020, Phụ lục I, ký thay mặt / ký thay).

    A document the collective body issues (the committee's tờ trình or notice, the council's list) is
    signed "TM. ỦY BAN NHÂN DÂN" (or "TM. HỘI ĐỒNG") by its head; when a deputy signs in the head's
    place, "KT. CHỦ TỊCH" comes under that line: "TM. ỦY BAN NHÂN DÂN / KT. CHỦ TỊCH / PHÓ CHỦ TỊCH".
    A document the chairman issues personally (his decision) passes no ``on_behalf`` and keeps
    "KT. CHỦ TỊCH" alone. Nothing is repeated when the signer already carries the line."""
    lines = [x.strip() for x in nfc(authority).split("\n") if x.strip()]
    head = nfc(on_behalf).strip()
    if head and lines and lines[0].upper().startswith("KT.") and head.upper() not in (x.upper() for x in lines):
        lines.insert(0, head)
    return "\n".join(lines)


def signature(authority: str, title: str, name: str, *, note: str = "", gap: float = 24 * mm) -> list[Flowable]:
    """"TM. ỦY BAN NHÂN DÂN / CHỦ TỊCH", room for the signature and seal, then the name in bold.
    ``authority`` may hold several lines ("TM. ỦY BAN NHÂN DÂN\nKT. CHỦ TỊCH")."""
    s = styles()
    cells: list[Flowable] = []
    for line in authority.split("\n"):
        if line.strip():
            cells.append(para(line.strip().upper(), s.sign_title))
    if title:
        cells.append(para(title.upper(), s.sign_title))
    if note:
        cells.append(para(note, s.sign_note))
    cells += [Spacer(1, gap), para(name or " ", s.sign_name)]
    return cells


def receivers(items: Sequence[str], title: str = "Nơi nhận:") -> list[Flowable]:
    """"Nơi nhận:" (12, bold italic) then "- entry;" lines (11); the last entry ends with a full stop."""
    s = styles()
    lines: list[Flowable] = [para(title, s.receivers_title)]
    cleaned = [nfc(i).strip().rstrip(";.") for i in items if i and i.strip()]
    for index, item in enumerate(cleaned):
        end = "." if index == len(cleaned) - 1 else ";"
        lines.append(para(f"- {item}{end}", s.receivers_item))
    return lines


def closing_block(left: Sequence[Flowable], right: Sequence[Flowable], width: float,
                  left_share: float = 0.45) -> KeepTogether:
    """Nơi nhận on the left and the signature on the right, kept on one page, and (by
    ``page.build_pdf``) with the last lines of the body or the last row of its table."""
    table = Table([[list(left), list(right)]], colWidths=[width * left_share, width * (1 - left_share)])
    table.setStyle(plain_table_style())
    return ClosingBlock([Spacer(1, 10), table])


class _GridTable(Table):
    """A Table that works out which cells its spans and no-split ranges cover once per shape.

    ReportLab works both out again, over every cell of the table, each time the table is
    measured or split: a list of 500 nominees split over a hundred pages did it about a thousand
    times over the rows still to come, a third of drawing the list. The results depend only on
    the number of columns and rows and on the SPAN and NOSPLIT commands, so they are kept until
    one of those changes (the parts a split makes are new tables of this class, and work theirs
    out once)."""

    def _calcSpanRanges(self) -> None:  # ReportLab's name
        shape = (self._ncols, self._nrows, list(self._spanCmds))  # type: ignore[attr-defined]  # privates
        if getattr(self, "_span_shape", None) != shape:
            super()._calcSpanRanges()  # type: ignore[misc]  # not in the stubs
            self._span_shape = shape

    def _calcNoSplitRanges(self) -> None:  # ReportLab's name
        shape = (self._ncols, self._nrows, list(self._nosplitCmds))  # type: ignore[attr-defined]  # privates
        if getattr(self, "_nosplit_shape", None) != shape:
            super()._calcNoSplitRanges()  # type: ignore[misc]  # not in the stubs
            self._nosplit_shape = shape


def grid_table(header_rows: Sequence[Sequence[object]], rows: Sequence[Sequence[object]], col_widths: Sequence[float],
               *, spans: Sequence[tuple[tuple[int, int], tuple[int, int]]] = (),
               aligns: Sequence[str] | None = None, keep_with_next: Sequence[int] = ()) -> Table:
    """A bordered table whose header rows repeat on every page. Cells given as text are wrapped in
    paragraphs (long Vietnamese names break inside the cell); ``aligns`` per column: left/centre/right.
    ``keep_with_next``: rows (counted with the header rows) that never end a page, such as a group's
    heading row, which goes over with its first row."""
    s = styles()
    by_align = {"left": s.cell, "centre": s.cell_centre, "right": s.cell_right}

    def cell(value: object, column: int, header: bool) -> object:
        if isinstance(value, Flowable) or value is None:
            return value or ""
        if header:
            return para(value, s.cell_head)
        return para(value, by_align[(aligns or ["left"] * len(col_widths))[column]])

    data = [[cell(v, i, True) for i, v in enumerate(r)] for r in header_rows]
    data += [[cell(v, i, False) for i, v in enumerate(r)] for r in rows]
    table = _GridTable(data, colWidths=list(col_widths), repeatRows=len(header_rows))
    commands: list[TableCommand] = [
        ("FONT", (0, 0), (-1, -1), REGULAR, 12),
        ("GRID", (0, 0), (-1, -1), 0.5, colors.black), ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
        ("LEFTPADDING", (0, 0), (-1, -1), 3), ("RIGHTPADDING", (0, 0), (-1, -1), 3),
        ("TOPPADDING", (0, 0), (-1, -1), 2), ("BOTTOMPADDING", (0, 0), (-1, -1), 3),
    ]
    commands += [("SPAN", start, end) for start, end in spans]
    commands += [("NOSPLIT", (0, row), (-1, min(row + 1, len(data) - 1))) for row in keep_with_next]
    table.setStyle(TableStyle(commands))
    return table


__all__ = ["FAMILY", "Issuer", "Rule", "authority_lines", "closing_block", "doc_number", "document_title", "grid_table",
           "keep_last_words", "number_text", "para", "place_date", "plain_table_style", "receivers", "signature",
           "state_heading", "styles", "text", "title_block", "two_digits"]
