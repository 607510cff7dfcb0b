"""A4 pages in the Decree 30/2020 layout: margins, page numbers from page 2, the verification QR.

Every document builds a list of flowables and hands it to :func:`build_pdf`; the page templates
here are the only place that knows the paper, the margins and where the page number goes. Two
layout rules hold for every document here, once: every mark stays at least :data:`EDGE_CLEARANCE`
inside the paper edge (the unprintable zone of most office printers is 4-6 mm), and the closing
block (Nơi nhận and signature) never stands on a page without the last lines of the body."""

from __future__ import annotations

import io
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass
from functools import lru_cache

from reportlab.lib.pagesizes import A4, landscape
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import (
    BaseDocTemplate,
    Flowable,
    Frame,
    KeepTogether,
    NextPageTemplate,
    PageBreak,
    PageTemplate,
    Paragraph,
    Spacer,
    Table,
)

from ..domain.text import nfc
from . import qr_matrix
from .fonts import REGULAR, register_fonts

PORTRAIT, LANDSCAPE = "portrait", "landscape"
PAGE_NUMBER_SIZE = 13
QR_SIZE = 15 * mm  # the code with its 4-module quiet zone
EDGE_CLEARANCE = 10 * mm  # no ink nearer the paper edge than this
QR_BOTTOM_MARGIN = 23 * mm  # a page carrying the QR (Decree 30: 20-25 mm): room for it 10 mm above the edge

# The titles written into PDF metadata while a caller listens (see capture_pdf_title).
_TITLES: ContextVar[list[str] | None] = ContextVar("pdf_titles", default=None)


def pdf_title(title: str) -> str:
    """The title as the PDF's metadata will carry it (NFC, single spaces); every renderer passes
    its metadata title through here, so the print service can name the document as the file does."""
    clean = " ".join(nfc(title).split())
    sink = _TITLES.get()
    if sink is not None:
        sink.append(clean)
    return clean


@contextmanager
def capture_pdf_title() -> Iterator[list[str]]:
    """Collect the metadata titles of the PDFs rendered inside the block (the last one is the
    file's: a renderer that tries several layouts keeps the last it built)."""
    sink: list[str] = []
    token = _TITLES.set(sink)
    try:
        yield sink
    finally:
        _TITLES.reset(token)


@dataclass(frozen=True)
class Margins:
    """Decree 30/2020 Phụ lục I: top and bottom 20–25 mm, left 30–35 mm, right 15–20 mm."""

    top: float = 20 * mm
    bottom: float = 20 * mm
    left: float = 30 * mm
    right: float = 15 * mm


STATE_MARGINS = Margins()


def content_width(orientation: str = PORTRAIT, margins: Margins = STATE_MARGINS) -> float:
    width = landscape(A4)[0] if orientation == LANDSCAPE else A4[0]
    return width - margins.left - margins.right


def to_landscape() -> list[Flowable]:
    """Flowables that continue the story on landscape pages (wide tables, Decree 30 allows it)."""
    return [NextPageTemplate(LANDSCAPE), PageBreak()]


def to_portrait() -> list[Flowable]:
    return [NextPageTemplate(PORTRAIT), PageBreak()]


# The data mask every code is drawn with. The standard's rule scores all eight masks and keeps the
# best, which was four fifths of encoding a code (2.9 ms of 3.6 ms, a tenth of a dossier's CPU); any
# of the eight makes a valid code that every reader decodes, as the mask is written in the code's
# format bits. Mask 2 is the one that rule picks for 96% of a batch's codes: the fixed prefix and
# the uuid-and-hash shape of the text make our codes alike (tests/reports/test_batch_pool.py scans
# codes drawn with it).
QR_MASK = 2


@lru_cache(maxsize=64)
def _qr_modules(text: str) -> tuple[bytes, ...]:
    """The code's modules, row by row (1: dark): the code segno makes with the fixed mask
    :data:`QR_MASK`, encoded from a per-length template (reports/qr_matrix.py). Kept per text:
    every page that carries the code (each ballot, say) asks for it twice.

    Level L at least: a printed page is clean, and the smallest symbol keeps its modules large
    (0.36 mm) in the band between the 10 mm edge clearance and the body. segno raises the level
    when the text fits the same symbol at a higher one (boost_error), which only helps a scanner."""
    return qr_matrix.encode(text, QR_MASK)


def _dark_runs(row: bytes) -> Iterator[tuple[int, int]]:
    """(first column, length) of each run of dark modules in a row."""
    col, n = 0, len(row)
    while col < n:
        if row[col]:
            start = col
            while col < n and row[col]:
                col += 1
            yield start, col - start
        else:
            col += 1


@lru_cache(maxsize=64)
def _qr_path(text: str) -> str:
    """The dark modules as PDF path operators on the code's own grid (one unit per module, row 0
    at the bottom): one rectangle per run of dark modules in a row, then a fill. Whole numbers,
    written once per code, where a path drawn in page units formatted four decimals per rectangle
    (a few hundred per code)."""
    modules = _qr_modules(text)
    n = len(modules)
    runs = [f"{col} {n - 1 - row} {length} 1 re" for row, dark in enumerate(modules)
            for col, length in _dark_runs(dark)]
    return "\n".join([*runs, "f"])


def draw_qr(canvas: Canvas, text: str, x: float, y: float, size: float = QR_SIZE) -> None:
    """Dark modules with a 4-module quiet zone; (x, y, size) is the square with its quiet zone.
    One filled path of one rectangle per run of dark modules in a row (a few hundred path
    operators instead of a filled rect per module), in module units under one matrix that puts
    the grid in place. Drawn directly rather than through a graphics Drawing, which would pull the
    unembedded Helvetica into the file."""
    n = len(_qr_modules(text))
    cell = size / (n + 8)
    canvas.saveState()
    canvas.setFillColorRGB(0, 0, 0)
    canvas.transform(cell, 0, 0, cell, x + 4 * cell, y + 4 * cell)
    canvas.addLiteral(_qr_path(text))
    canvas.restoreState()


def qr_ink_size(text: str, size: float = QR_SIZE) -> float:
    """Side of the dark part of the code drawn in a ``size`` square (the quiet zone is paper)."""
    n = len(_qr_modules(text))
    return size * n / (n + 8)


def qr_origin(text: str, page_width: float, right_margin: float, bottom_margin: float,
              size: float = QR_SIZE) -> tuple[float, float]:
    """Where to draw the code in the bottom-right corner: its right edge on the right margin, its
    dark part centred in the band between :data:`EDGE_CLEARANCE` and the body's bottom edge (so it
    is clear of the unprintable zone and of the text)."""
    ink = qr_ink_size(text, size)
    quiet = (size - ink) / 2
    band = max(bottom_margin - EDGE_CLEARANCE, ink)
    ink_bottom = EDGE_CLEARANCE + (band - ink) / 2
    return page_width - max(right_margin, EDGE_CLEARANCE) - size, ink_bottom - quiet


class ClosingBlock(KeepTogether):
    """Nơi nhận and the signature (see ``blocks.closing_block``). :func:`build_pdf` ties it to the
    last lines of the body before it, so it never stands alone on a page."""


class TableTail(Flowable):
    """A table and what must follow it on the same page (the closing block): when the closing does
    not fit under the table, the table's last row goes over with it (the header rows repeat), so
    the signature page always carries body text. Reports a height no frame has, so the frame
    always asks :meth:`split`, which hands back plain flowables; never put it in a KeepTogether."""

    def __init__(self, table: Flowable, tail: list[Flowable]) -> None:
        # ``table`` is a Table or a part from Table.split (typed as a plain Flowable by the stubs);
        # only the Flowable interface is used.
        super().__init__()
        self.table, self.tail = table, tail

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        return avail_width, avail_height + 1  # never drawn whole: see split

    def _height(self, items: Sequence[Flowable], width: float, height: float) -> float:
        return sum(f.wrapOn(self.canv, width, height)[1] + f.getSpaceBefore() + f.getSpaceAfter() for f in items)

    def split(self, avail_width: float, avail_height: float) -> list[Flowable]:
        table_height = self.table.wrapOn(self.canv, avail_width, avail_height)[1]
        if table_height + self._height(self.tail, avail_width, avail_height) <= avail_height:
            return [self.table, *self.tail]
        if table_height <= avail_height:  # the table fits but the closing does not: carry its last row
            rows = getattr(self.table, "_rowHeights", None) or [0.0]
            limit = table_height - rows[-1] - 0.5
        else:
            limit = avail_height
        parts = self.table.split(avail_width, limit)
        if len(parts) < 2:  # nothing to carry: the whole table goes over, unless it already starts a page
            at_top = bool(getattr(getattr(self, "_frame", None), "_atTop", False))
            return [self.table, *self.tail] if at_top else []
        return [parts[0], TableTail(parts[1], self.tail)]


def _unwrap(item: Flowable) -> list[Flowable]:
    # _content is KeepTogether's private list of flowables; types-reportlab does not declare it.
    return list(item._content) if isinstance(item, KeepTogether) else [item]  # type: ignore[attr-defined]  # private


def keep_closing_with_body(story: Sequence[Flowable], lines: int = 2) -> list[Flowable]:
    """Tie every :class:`ClosingBlock` to what comes before it: the last ``lines`` paragraphs of the
    body (with the spacing between them), or, when the body ends with a table, the table's last
    row. Documents that build their own closing keep-together are left as they are."""
    out: list[Flowable] = []
    for item in story:
        if not isinstance(item, ClosingBlock):
            out.append(item)
            continue
        lead: list[Flowable] = []
        paragraphs = 0
        while out and paragraphs < lines and isinstance(out[-1], Paragraph | Spacer):
            paragraphs += isinstance(out[-1], Paragraph)
            lead.insert(0, out.pop())
        tail = [*[f for x in lead for f in _unwrap(x)], *_unwrap(item)]
        if out and isinstance(out[-1], Table) and paragraphs < lines:
            out.append(TableTail(out.pop(), [KeepTogether(tail)]))
        else:
            out.append(KeepTogether(tail))
    return out


class _StateDocTemplate(BaseDocTemplate):
    def __init__(self, buffer: io.BytesIO, *, first: str, margins: Margins, qr_text: str | None,
                 title: str, author: str, numbered: bool = True, qr_every_page: bool = False) -> None:
        super().__init__(buffer, pagesize=A4, leftMargin=margins.left, rightMargin=margins.right,
                         topMargin=margins.top, bottomMargin=margins.bottom, title=title, author=author,
                         creator="ThiĐua Desktop", invariant=True,
                         initialFontName=REGULAR, initialFontSize=13)
        self._margins = margins
        self._qr_text = qr_text
        self._numbered = numbered
        self._qr_every_page = bool(qr_text) and qr_every_page
        qr_margins = Margins(margins.top, max(margins.bottom, QR_BOTTOM_MARGIN), margins.left, margins.right)
        later = qr_margins if self._qr_every_page else margins
        first_margins = qr_margins if qr_text else margins
        templates = [self._template(f"first-{first}", landscape(A4) if first == LANDSCAPE else A4,
                                    first_margins, then=first),
                     self._template(PORTRAIT, A4, later), self._template(LANDSCAPE, landscape(A4), later)]
        self.addPageTemplates(templates)

    def _template(self, name: str, size: tuple[float, float], m: Margins, then: str | None = None) -> PageTemplate:
        frame = Frame(m.left, m.bottom, size[0] - m.left - m.right, size[1] - m.top - m.bottom,
                      leftPadding=0, rightPadding=0, topPadding=0, bottomPadding=0, id=f"{name}-body")
        return PageTemplate(id=name, frames=[frame], pagesize=size, onPage=self._decorate,
                            autoNextPageTemplate=then)

    def _decorate(self, canvas: Canvas, doc: BaseDocTemplate) -> None:
        # The page template sets the canvas's page size; types-reportlab does not declare the attribute.
        width, height = canvas._pagesize  # type: ignore[attr-defined]  # not in the stubs, see above
        canvas.saveState()
        if doc.page > 1 and self._numbered:  # Decree 30: numbered from page 2, centred in the top margin
            canvas.setFont(REGULAR, PAGE_NUMBER_SIZE)
            # the digits (cap height about 0.66 em) centred in the band between the 10 mm edge
            # clearance and the body, so they stay clear of the printer's unprintable zone
            band_middle = (max(self._margins.top, EDGE_CLEARANCE) + EDGE_CLEARANCE) / 2
            canvas.drawCentredString(self._margins.left + (width - self._margins.left - self._margins.right) / 2,
                                     height - band_middle - PAGE_NUMBER_SIZE * 0.33, str(doc.page))
        if self._qr_text and (doc.page == 1 or self._qr_every_page):  # bottom-right, inside the bottom margin
            x, y = qr_origin(self._qr_text, width, self._margins.right, QR_BOTTOM_MARGIN)
            draw_qr(canvas, self._qr_text, x, y)
        canvas.restoreState()


def build_pdf(story: Sequence[Flowable], *, orientation: str = PORTRAIT, qr_text: str | None = None,
              title: str = "", author: str = "", margins: Margins = STATE_MARGINS, numbered: bool = True,
              qr_every_page: bool = False) -> bytes:
    """Lay the story out on A4 pages and return the PDF bytes (fonts embedded as subsets).

    ``numbered=False`` prints no page numbers (copies of one sheet, such as ballots, are not pages
    of one document); ``qr_every_page`` draws the same code on every page, not only page 1."""
    register_fonts()
    buffer = io.BytesIO()
    doc = _StateDocTemplate(buffer, first=orientation, margins=margins, qr_text=qr_text,
                            title=pdf_title(title), author=nfc(author), numbered=numbered,
                            qr_every_page=qr_every_page)
    if qr_text:  # the same code in the file's metadata, for a reviewer checking the PDF itself
        doc.subject = qr_text
    doc.build(keep_closing_with_body(story))
    return buffer.getvalue()
