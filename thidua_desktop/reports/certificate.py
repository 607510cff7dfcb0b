"""Giấy khen (certificate): one A4 landscape page per recipient, drawn straight on the canvas.

Two modes. "full" draws the whole certificate on plain paper: a double ornamental border, the
national heading, the title, the recipient and the signature block. "blank" prints on the
pre-printed certificate blanks many offices buy: only the variable fields (name, unit, achievement,
date, decision number, signer's name) are drawn, each moved by the office's calibration so it lands
on the blank's lines. A preview of the blank mode draws a faint outline of the sheet and the field
boxes with their labels, for the officer to check the alignment on screen.

Positions are data (``resources/documents/certificate.json``): millimetres from the top-left corner
of the sheet, ``y`` being the top of a field's box. A certificate is not state correspondence: no
"Nơi nhận" and no page numbers (each page is a separate certificate), but A4, embedded fonts,
text at least 30 mm from the left edge, every mark at least 10 mm inside the paper edge and the
verification QR like every document (inside the ornamental frame, bottom left, clear of the text)."""

from __future__ import annotations

import io
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field, replace
from typing import Any, Literal

from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER, TA_LEFT, TA_RIGHT
from reportlab.lib.pagesizes import A4, landscape
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Paragraph

from ..domain.text import nfc
from .blocks import doc_number, document_title, place_date, text
from .decision import PERSON, AwardRecipient, DecisionDoc, achievement_clause, decision_signer
from .fonts import BOLD, BOLD_ITALIC, ITALIC, REGULAR, register_fonts, text_width
from .model import PrintJob, Wording
from .page import draw_qr, pdf_title
from .templates import fill

FULL, BLANK = "full", "blank"
MODES = (FULL, BLANK)
MAX_OFFSET_MM = 30.0  # a blank further off than 3 cm is a wrong blank, not a feed offset
PAGE_WIDTH, PAGE_HEIGHT = landscape(A4)
FACES = {"regular": REGULAR, "bold": BOLD, "italic": ITALIC, "bold_italic": BOLD_ITALIC}
ALIGNS: dict[str, Literal[0, 1, 2, 4]] = {"left": TA_LEFT, "centre": TA_CENTER, "center": TA_CENTER, "right": TA_RIGHT}
MIN_SHRINK = 0.6  # a long name shrinks to 60 % of its size before it may overflow its box


@dataclass(frozen=True)
class FieldOffset:
    """Extra shift of one field, in mm: ``dx`` to the right, ``dy`` down the sheet."""

    dx: float = 0.0
    dy: float = 0.0


@dataclass(frozen=True)
class Calibration:
    """Where this office's blanks put their lines relative to our default positions, in mm.
    ``dx``/``dy`` move every field (the printer's feed offset); ``fields`` add per-field shifts."""

    dx: float = 0.0
    dy: float = 0.0
    fields: Mapping[str, FieldOffset] = field(default_factory=dict)

    def offset(self, name: str) -> tuple[float, float]:
        own = self.fields.get(name, FieldOffset())
        return self.dx + own.dx, self.dy + own.dy

    def with_field(self, name: str, dx: float, dy: float) -> Calibration:
        return replace(self, fields={**self.fields, name: FieldOffset(dx, dy)})

    def to_json(self) -> dict[str, Any]:
        return {"version": 1, "dx": self.dx, "dy": self.dy,
                "fields": {k: {"dx": v.dx, "dy": v.dy} for k, v in sorted(self.fields.items())
                           if v.dx or v.dy}}

    @classmethod
    def from_json(cls, data: Mapping[str, Any] | None) -> Calibration:
        """Lenient: a stored value that is not a number counts as 0 (the service validates input)."""
        if not isinstance(data, Mapping):
            return cls()
        raw = data.get("fields")
        fields = {str(k): FieldOffset(_number(v.get("dx")), _number(v.get("dy")))
                  for k, v in (raw.items() if isinstance(raw, Mapping) else ()) if isinstance(v, Mapping)}
        return cls(_number(data.get("dx")), _number(data.get("dy")), fields)


def _number(value: Any) -> float:
    try:
        return round(float(value), 1)
    except (TypeError, ValueError):
        return 0.0


@dataclass(frozen=True)
class FieldBox:
    """One text item of the certificate at its default position (mm from the top-left corner)."""

    name: str
    label: str
    text: str
    variable: bool  # drawn on a pre-printed blank
    x: float
    y: float
    width: float
    height: float
    size: float
    style: str = "regular"
    align: str = "centre"
    blank_text: str = ""
    colour: str = ""
    underline: bool = False


def field_boxes(doc: Mapping[str, Any]) -> dict[str, FieldBox]:
    """The layout of certificate.json's "fields", in file order."""
    boxes: dict[str, FieldBox] = {}
    for name, raw in (doc.get("fields") or {}).items():
        if not isinstance(raw, Mapping):
            continue
        boxes[name] = FieldBox(
            name=name, label=nfc(str(raw.get("label", name))), text=nfc(str(raw.get("text", ""))),
            variable=bool(raw.get("variable", False)), x=float(raw.get("x", 40)), y=float(raw.get("y", 20)),
            width=float(raw.get("width", 100)), height=float(raw.get("height", 8)), size=float(raw.get("size", 14)),
            style=str(raw.get("style", "regular")), align=str(raw.get("align", "centre")),
            blank_text=nfc(str(raw.get("blank_text", ""))), colour=str(raw.get("colour", "")),
            underline=bool(raw.get("underline", False)))
    return boxes


@dataclass(frozen=True)
class CertificateOptions:
    mode: str = FULL
    preview: bool = False
    calibration: Calibration = field(default_factory=Calibration)


@dataclass(frozen=True)
class CertificateSet:
    """The certificates of one decision (all recipients, or the one asked for)."""

    decision: DecisionDoc
    # How to print, not what: kept apart so the record's facts stay the same in every mode.
    render_options: CertificateOptions = field(default_factory=CertificateOptions)


def honorific_name(w: Wording, recipient: AwardRecipient) -> str:
    """"Ông Nguyễn Văn An" / "Bà …" for a person; a collective or a household by its own name."""
    if recipient.kind != PERSON:
        return recipient.name
    title = str((w.doc.get("honorifics") or {}).get(recipient.gender, ""))
    return f"{title} {recipient.name}".strip()


def field_values(w: Wording, data: DecisionDoc, recipient: AwardRecipient) -> dict[str, object]:
    variants = w.doc.get("variants") or {}
    variant = dict(variants.get(data.award_kind) or variants.get("commendation_form") or {})
    facts = {"award_name": data.award_name, "year": data.year}
    clause = achievement_clause(recipient.achievement)
    template = str(variant.get("achievement", "") if clause else variant.get("achievement_fallback", ""))
    signer = decision_signer(w, data)
    number = doc_number(data.number, w.text("decision_symbol") or "QĐ-UBND").removeprefix("Số: ").strip()
    values: dict[str, object] = {**w.values, **facts, "number": number}
    values.update({
        "national_name": w.common_text("national_name"), "motto": w.common_text("motto"),
        "authority_line": w.text("authority_line"), "title": fill(str(variant.get("title", "")), values),
        "lead": fill(str(variant.get("lead", "")), values), "honorific_name": honorific_name(w, recipient),
        "name": recipient.name, "unit": recipient.position_unit,
        "achievement": fill(template, {**values, "achievement": clause}),
        "place_date": place_date(str(w.values.get("place", "")), data.decided_on),
        "signer_title": "\n".join(x for x in (signer.authority.upper(), signer.title.upper()) if x),
        "signer_name": signer.name, "decision_line": w.text("decision_line", number=number),
        "gold_book_line": w.text("gold_book_line"),
    })
    return values


def _colour(w: Wording, key: str, default: str = "#000000") -> colors.Color:
    value = str((w.doc.get("colours") or {}).get(key, default)) if key else default
    try:
        return colors.HexColor(value)
    except (ValueError, TypeError):
        return colors.HexColor(default)


def _fit(content: str, box: FieldBox, colour: colors.Color) -> tuple[Paragraph, float, float]:
    """The field's paragraph, shrunk until it fits its box (a long name or achievement never runs
    into the next field); returns the paragraph, its height and the size used, in points."""
    face = FACES.get(box.style, REGULAR)
    markup = text(content).replace("\n", "<br/>")
    size = box.size
    while True:
        style = ParagraphStyle(f"cert_{box.name}", fontName=face, fontSize=size, leading=size * 1.2,
                               alignment=ALIGNS.get(box.align, TA_CENTER), textColor=colour)
        paragraph = Paragraph(markup, style)
        _w, height = paragraph.wrap(box.width * mm, box.height * mm * 4)
        if height <= box.height * mm + 0.5 or size <= box.size * MIN_SHRINK:
            return paragraph, height, size
        size -= 0.5


def _draw_field(canvas: Canvas, box: FieldBox, content: str, colour: colors.Color, dx: float = 0.0,
                dy: float = 0.0) -> None:
    if not content.strip():
        return
    paragraph, height, size = _fit(content, box, colour)
    left = (box.x + dx) * mm
    top = PAGE_HEIGHT - (box.y + dy) * mm
    paragraph.drawOn(canvas, left, top - height)
    if box.underline:  # the motto's solid line, as long as the text (Decree 30/2020)
        width = text_width(nfc(content), FACES.get(box.style, REGULAR), size)
        centre = left + box.width * mm / 2
        canvas.setStrokeColor(colour)
        canvas.setLineWidth(0.7)
        canvas.line(centre - width / 2, top - height - 1.2, centre + width / 2, top - height - 1.2)


BORDER_INSET = 11 * mm  # the outer rule (2.4 pt wide): its ink starts 10.6 mm inside the paper edge


def draw_border(canvas: Canvas, colour: colors.Color) -> None:
    """Two frames: a heavy outer rule with a thin companion, and an inner frame with concave
    corners, rosettes at the corners and lozenges in the middle of each side. Nothing nearer the
    paper edge than 10 mm (most printers cannot print the outer 4-6 mm)."""
    w, h = PAGE_WIDTH, PAGE_HEIGHT
    canvas.saveState()
    canvas.setStrokeColor(colour)
    canvas.setFillColor(colour)
    canvas.setLineWidth(2.4)
    outer = BORDER_INSET
    canvas.rect(outer, outer, w - 2 * outer, h - 2 * outer, stroke=1, fill=0)
    canvas.setLineWidth(0.6)
    canvas.rect(outer + 2.5 * mm, outer + 2.5 * mm, w - 2 * outer - 5 * mm, h - 2 * outer - 5 * mm, stroke=1, fill=0)
    inset, radius = outer + 5.5 * mm, 6 * mm
    x0, y0, x1, y1 = inset, inset, w - inset, h - inset
    path = canvas.beginPath()
    path.moveTo(x0 + radius, y0)
    path.lineTo(x1 - radius, y0)
    path.arcTo(x1 - radius, y0 - radius, x1 + radius, y0 + radius, startAng=180, extent=-90)
    path.lineTo(x1, y1 - radius)
    path.arcTo(x1 - radius, y1 - radius, x1 + radius, y1 + radius, startAng=270, extent=-90)
    path.lineTo(x0 + radius, y1)
    path.arcTo(x0 - radius, y1 - radius, x0 + radius, y1 + radius, startAng=0, extent=-90)
    path.lineTo(x0, y0 + radius)
    path.arcTo(x0 - radius, y0 - radius, x0 + radius, y0 + radius, startAng=90, extent=-90)
    path.close()
    canvas.setLineWidth(1.1)
    canvas.drawPath(path, stroke=1, fill=0)
    for cx, cy in ((x0, y0), (x1, y0), (x1, y1), (x0, y1)):
        canvas.circle(cx, cy, 2.2 * mm, stroke=1, fill=0)
        canvas.circle(cx, cy, 0.9 * mm, stroke=0, fill=1)
    for cx, cy in ((w / 2, y0), (w / 2, y1), (x0, h / 2), (x1, h / 2)):
        d = 2.6 * mm
        diamond = canvas.beginPath()
        diamond.moveTo(cx - d, cy)
        diamond.lineTo(cx, cy + d)
        diamond.lineTo(cx + d, cy)
        diamond.lineTo(cx, cy - d)
        diamond.close()
        canvas.drawPath(diamond, stroke=1, fill=1)
    canvas.restoreState()


def _draw_box(canvas: Canvas, box: FieldBox, colour: colors.Color, dx: float, dy: float) -> None:
    """Preview only: the field's box, dashed, with its label above the top-left corner."""
    left, top = (box.x + dx) * mm, PAGE_HEIGHT - (box.y + dy) * mm
    canvas.saveState()
    canvas.setStrokeColor(colour)
    canvas.setFillColor(colour)
    canvas.setLineWidth(0.5)
    canvas.setDash(2, 2)
    canvas.rect(left, top - box.height * mm, box.width * mm, box.height * mm, stroke=1, fill=0)
    canvas.setFont(ITALIC, 6)  # small, in the gap above the box: boxes sit only 2-3 mm apart
    canvas.drawString(left + 1, top + 0.8, nfc(f"{box.label} ({dx:+.1f}; {dy:+.1f} mm)".replace(".", ",")))
    canvas.restoreState()


def _page(canvas: Canvas, w: Wording, boxes: Iterable[FieldBox], values: Mapping[str, object],
          options: CertificateOptions) -> None:
    black = colors.black
    if options.mode == FULL:
        draw_border(canvas, _colour(w, "ornament", "#8B1A1A"))
        for box in boxes:
            colour = _colour(w, box.colour) if box.colour else black
            _draw_field(canvas, box, fill(box.text, dict(values)), colour)
        return
    if options.preview:  # a faint picture of the blank itself, which the print never carries
        faint = _colour(w, "faint", "#C8C8C8")
        draw_border(canvas, faint)
        for box in boxes:
            if not box.variable:
                _draw_field(canvas, box, fill(box.text, dict(values)), faint)
    for box in boxes:
        if not box.variable:
            continue
        dx, dy = options.calibration.offset(box.name)
        if options.preview:
            _draw_box(canvas, box, _colour(w, "box", "#1F5FA8"), dx, dy)
        _draw_field(canvas, box, fill(box.blank_text or box.text, dict(values)), black, dx, dy)


def _draw_qr(canvas: Canvas, w: Wording, text_: str, options: CertificateOptions) -> None:
    """The verification code at certificate.json "qr" (mm from the top-left corner, ``y`` its top).
    On a pre-printed blank only when the office's layout says so ("on_blank"): the blank's own
    ornament may sit there; it then moves with the calibration like every field."""
    spec = w.doc.get("qr") or {}
    if not isinstance(spec, Mapping) or not spec:
        return
    if options.mode == BLANK and not spec.get("on_blank", False):
        return
    size = float(spec.get("size", 15))
    dx, dy = options.calibration.offset("qr") if options.mode == BLANK else (0.0, 0.0)
    x = (float(spec.get("x", 22)) + dx) * mm
    y = PAGE_HEIGHT - (float(spec.get("y", 174)) + dy + size) * mm
    draw_qr(canvas, text_, x, y, size * mm)


def certificate_title(w: Wording, data: DecisionDoc) -> str:
    """The title the page prints ("GIẤY CHỨNG NHẬN" for an emulation title, "GIẤY KHEN" for a
    commendation), in sentence case for the PDF's metadata: the file names what the page says."""
    variants = w.doc.get("variants") or {}
    variant = variants.get(data.award_kind) or variants.get("commendation_form") or {}
    title = fill(str(variant.get("title", "")), dict(w.values)) if isinstance(variant, Mapping) else ""
    return document_title(title) if title.strip() else (w.text("document_title") or "Giấy khen")


def render(data: CertificateSet, job: PrintJob) -> bytes:
    register_fonts()
    w = job.wording
    options = data.render_options
    boxes = list(field_boxes(w.doc).values())
    buffer = io.BytesIO()
    # types-reportlab types Canvas's initialFontName as a float (a stub error: it is a font name).
    canvas = Canvas(buffer, pagesize=(PAGE_WIDTH, PAGE_HEIGHT), invariant=True,
                    initialFontName=REGULAR,  # type: ignore[arg-type]  # stub error, see above
                    initialFontSize=13)
    canvas.setTitle(pdf_title(certificate_title(w, data.decision)))
    canvas.setAuthor(nfc(job.author))
    canvas.setCreator("ThiĐua Desktop")
    if job.qr_text:  # the code is printed on every certificate and named in the file
        canvas.setSubject(job.qr_text)
    for recipient in data.decision.recipients:
        _page(canvas, w, boxes, field_values(w, data.decision, recipient), options)
        if job.qr_text:
            _draw_qr(canvas, w, job.qr_text, options)
        canvas.showPage()
    canvas.save()
    return buffer.getvalue()
