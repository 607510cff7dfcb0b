"""Reads a generated PDF back with pypdf and checks the Decree 30/2020 layout rules every
document must keep. Shared by the document tests."""

from __future__ import annotations

import io
import unicodedata
from dataclasses import dataclass, field

from pypdf import PdfReader

MM = 72 / 25.4
A4_SHORT, A4_LONG = 210 * MM, 297 * MM
NATIONAL = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"
MOTTO = "Độc lập - Tự do - Hạnh phúc"


@dataclass
class PageText:
    width: float
    height: float
    text: str
    runs: list[tuple[float, float, str]] = field(default_factory=list)  # x, y, text (user space)


def flat(text: str) -> str:
    """Text with every run of whitespace and line breaks read as one space (cells wrap)."""
    return " ".join(text.split())


def read_pages(pdf: bytes) -> list[PageText]:
    reader = PdfReader(io.BytesIO(pdf))
    pages: list[PageText] = []
    for page in reader.pages:
        runs: list[tuple[float, float, str]] = []

        def visit(text: str, cm: list[float], tm: list[float], _font: object, _size: object,
                  runs: list[tuple[float, float, str]] = runs) -> None:
            if text.strip():
                # position = text matrix applied to the current transformation matrix
                x = tm[4] * cm[0] + tm[5] * cm[2] + cm[4]
                y = tm[4] * cm[1] + tm[5] * cm[3] + cm[5]
                runs.append((x, y, text))

        text = flat(page.extract_text(visitor_text=visit))
        box = page.mediabox
        pages.append(PageText(float(box.width), float(box.height), text, runs))
    return pages


def fonts_of(pdf: bytes) -> dict[str, bool]:
    """Every font used on any page → whether its glyphs are embedded in the file."""
    reader = PdfReader(io.BytesIO(pdf))
    found: dict[str, bool] = {}
    for page in reader.pages:
        resources = page.get("/Resources") or {}
        fonts = resources.get("/Font") or {}
        for ref in fonts.values():
            font = ref.get_object()
            descriptor = font.get("/FontDescriptor")
            if descriptor is None and "/DescendantFonts" in font:
                descriptor = font["/DescendantFonts"][0].get_object().get("/FontDescriptor")
            descriptor = descriptor.get_object() if descriptor is not None else {}
            embedded = any(k in descriptor for k in ("/FontFile", "/FontFile2", "/FontFile3"))
            found[str(font.get("/BaseFont"))] = embedded
    return found


def check_state_layout(pdf: bytes, *, names: list[str] = (), heading: bool = True,  # type: ignore[assignment]
                       numbered: bool = True) -> list[PageText]:
    """Assert the common rules and return the pages for document-specific checks."""
    pages = read_pages(pdf)
    assert pages, "no pages"
    fonts = fonts_of(pdf)
    assert fonts and all(fonts.values()), f"fonts not embedded: {fonts}"
    for page in pages:
        size = sorted((round(page.width, 1), round(page.height, 1)))
        assert size == [round(A4_SHORT, 1), round(A4_LONG, 1)], f"not A4: {page.width}x{page.height}"
        left = min(x for x, _y, _t in page.runs)
        assert left >= 30 * MM - 0.5, f"text starts {left / MM:.1f} mm from the left edge"
    all_text = "\n".join(p.text for p in pages)
    assert unicodedata.is_normalized("NFC", all_text)
    if heading:
        assert NATIONAL in pages[0].text and MOTTO in pages[0].text
    # A long name may wrap inside its cell: compare with line breaks read as spaces.
    flowing = flat(all_text)
    for name in names:
        assert unicodedata.normalize("NFC", name) in flowing, f"name missing: {name}"
    if numbered:
        top = [page_number_on(p) for p in pages]
        assert top[0] is None, "page 1 must not show a page number"
        assert top[1:] == [str(i) for i in range(2, len(pages) + 1)], f"page numbers: {top}"
    return pages


def page_number_on(page: PageText) -> str | None:
    """The number centred in the top margin (above the 20 mm line), if any."""
    centre = page.width / 2
    for x, y, text in page.runs:
        if y > page.height - 20 * MM and text.strip().isdigit():
            assert abs(x - centre) < 40 * MM, "page number not centred"
            return text.strip()
    return None
