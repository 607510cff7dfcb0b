"""A4 pages in the Decree 30/2020 layout: margins, page numbers from page 2, the verification QR.

Every document builds a list of flowables and hands it to :func:`build_pdf`; the page templates
here are the only place that knows the paper, the margins and where the page number goes."""

from __future__ import annotations

import io
from collections.abc import Sequence
from dataclasses import dataclass

from reportlab.graphics.barcode import qrencoder
from reportlab.lib.pagesizes import A4, landscape
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import BaseDocTemplate, Flowable, Frame, NextPageTemplate, PageBreak, PageTemplate

from ..domain.text import nfc
from .fonts import REGULAR, register_fonts

PORTRAIT, LANDSCAPE = "portrait", "landscape"
PAGE_NUMBER_SIZE = 13
QR_SIZE = 15 * mm


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


def draw_qr(canvas: Canvas, text: str, x: float, y: float, size: float = QR_SIZE) -> None:
    """Dark modules as filled squares with a 4-module quiet zone. Drawn directly rather than through
    a graphics Drawing, which would pull the unembedded Helvetica into the file."""
    code = qrencoder.QRCode(None, qrencoder.QRErrorCorrectLevel.M)
    code.addData(text)
    code.make()
    n = code.getModuleCount()
    cell = size / (n + 8)
    canvas.setFillColorRGB(0, 0, 0)
    for row in range(n):
        for col in range(n):
            if code.isDark(row, col):
                canvas.rect(x + (col + 4) * cell, y + (n - row + 3) * cell, cell, cell, stroke=0, fill=1)


class _StateDocTemplate(BaseDocTemplate):
    def __init__(self, buffer: io.BytesIO, *, first: str, margins: Margins, qr_text: str | None,
                 title: str, author: str) -> None:
        super().__init__(buffer, pagesize=A4, leftMargin=margins.left, rightMargin=margins.right,
                         topMargin=margins.top, bottomMargin=margins.bottom, title=title, author=author,
                         creator="ThiĐua Desktop", invariant=True,
                         initialFontName=REGULAR, initialFontSize=13)
        self._margins = margins
        self._qr_text = qr_text
        templates = [self._template(PORTRAIT, A4), self._template(LANDSCAPE, landscape(A4))]
        if first == LANDSCAPE:
            templates.reverse()
        self.addPageTemplates(templates)

    def _template(self, name: str, size: tuple[float, float]) -> PageTemplate:
        m = self._margins
        frame = Frame(m.left, m.bottom, size[0] - m.left - m.right, size[1] - m.top - m.bottom,
                      leftPadding=0, rightPadding=0, topPadding=0, bottomPadding=0, id=f"{name}-body")
        return PageTemplate(id=name, frames=[frame], pagesize=size, onPage=self._decorate)

    def _decorate(self, canvas: Canvas, doc: BaseDocTemplate) -> None:
        width, height = canvas._pagesize
        canvas.saveState()
        if doc.page > 1:  # Decree 30: numbered from page 2, centred in the top margin
            canvas.setFont(REGULAR, PAGE_NUMBER_SIZE)
            canvas.drawCentredString(self._margins.left + (width - self._margins.left - self._margins.right) / 2,
                                     height - self._margins.top / 2 - PAGE_NUMBER_SIZE / 3, str(doc.page))
        elif self._qr_text:  # bottom-right corner of page 1, inside the bottom margin
            draw_qr(canvas, self._qr_text, width - self._margins.right - QR_SIZE,
                    (self._margins.bottom - QR_SIZE) / 2)
        canvas.restoreState()


def build_pdf(story: Sequence[Flowable], *, orientation: str = PORTRAIT, qr_text: str | None = None,
              title: str = "", author: str = "", margins: Margins = STATE_MARGINS) -> bytes:
    """Lay the story out on A4 pages and return the PDF bytes (fonts embedded as subsets)."""
    register_fonts()
    buffer = io.BytesIO()
    doc = _StateDocTemplate(buffer, first=orientation, margins=margins, qr_text=qr_text,
                            title=nfc(title), author=nfc(author))
    if qr_text:  # the same code in the file's metadata, for a reviewer checking the PDF itself
        doc.subject = qr_text
    doc.build(list(story))
    return buffer.getvalue()
