"""Font subsets a batch builds once (reports/fonts.py): the regular and bold faces number the
whole Vietnamese alphabet first, so documents with different names embed the same subset, and
the subset dictionaries are written exactly as ReportLab writes them."""

from __future__ import annotations

import io

import pytest
from pypdf import PdfReader
from reportlab.lib.pagesizes import A4
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen.canvas import Canvas

from thidua_desktop.reports import fonts


@pytest.fixture(autouse=True)
def _bundled_font(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("THIDUA_DOC_FONT", "bundled")
    fonts.register_fonts()


def page(*lines: tuple[str, str], compress: bool = True) -> bytes:
    buffer = io.BytesIO()
    canvas = Canvas(buffer, pagesize=A4, invariant=True, pageCompression=int(compress))
    y = 700.0
    for face, text in lines:
        canvas.setFont(face, 13)
        canvas.drawString(80, y, text)
        y -= 20
    canvas.showPage()
    canvas.save()
    return buffer.getvalue()


NAMES = [(fonts.REGULAR, "Họ và tên: Nông Thị Phương"), (fonts.BOLD, "ĐÀM NGỌC THU"),
         (fonts.ITALIC, "(Ký, đóng dấu)"), (fonts.BOLD_ITALIC, "Nơi nhận:"), (fonts.REGULAR, "Số № 5 — €")]


@pytest.mark.parametrize("compress", [True, False])
def test_subset_dictionaries_are_written_as_reportlab_writes_them(compress: bool,
                                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    cached = [page(*NAMES, compress=compress), page(*NAMES, compress=compress)]  # the second from the caches
    monkeypatch.setattr(fonts._CachingFont, "addObjects", TTFont.addObjects)
    assert cached == [page(*NAMES, compress=compress), page(*NAMES, compress=compress)]


def test_documents_with_different_names_embed_the_same_subset() -> None:
    page((fonts.REGULAR, "Nông Thị Phương"), (fonts.BOLD, "NÔNG THỊ PHƯƠNG"))
    before = fonts._subset_stream.cache_info()
    second = page((fonts.REGULAR, "Đàm Ngọc Thu, Lương Văn Hùng"), (fonts.BOLD, "ỸÊN ĂN ƠI"))
    after = fonts._subset_stream.cache_info()
    assert after.misses == before.misses and after.hits >= before.hits + 2
    text = PdfReader(io.BytesIO(second)).pages[0].extract_text()
    assert "Đàm Ngọc Thu, Lương Văn Hùng" in text and "ỸÊN ĂN ƠI" in text


def test_a_letter_outside_the_alphabet_still_prints() -> None:
    text = PdfReader(io.BytesIO(page((fonts.REGULAR, "Số № 5 — € ≥ 3")))).pages[0].extract_text()
    assert "Số № 5 — € ≥ 3" in text


def test_the_alphabet_is_every_vietnamese_letter_in_nfc() -> None:
    import unicodedata

    lower = "aăâbcdđeêghiklmnoôơpqrstuưvxy"
    tones = ["", "\u0300", "\u0301", "\u0309", "\u0303", "\u0323"]
    letters = {unicodedata.normalize("NFC", base + tone) for base in lower + lower.upper() for tone in tones
               if base.lower() in "aăâeêioôơuưy" or not tone}
    non_ascii = {c for c in letters if not c.isascii()}
    assert non_ascii <= set(fonts.VIETNAMESE)
    assert len(fonts.VIETNAMESE) <= 31 + 128  # one subset: codes 1-31 and 127-255 besides ASCII
