"""Paragraphs kept per process (reports/paragraphs.py) print the very bytes ReportLab's own
Paragraph prints, whatever the documents drawn before them: the line breaks, and the page
operators reused only when the fonts' names and character codes in the new document agree."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from reportlab.lib.units import mm
from reportlab.platypus import Flowable, PageBreak, Paragraph, Spacer

from thidua_desktop.reports import blocks, paragraphs
from thidua_desktop.reports.blocks import grid_table, para, styles
from thidua_desktop.reports.page import build_pdf

QR = "TDQR1|report|0b6f1a4e-1a2b-4c3d-9e8f-001122334455|0123456789abcdef0123"
Story = Callable[[], list[Flowable]]


@pytest.fixture(autouse=True)
def _bundled_font(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("THIDUA_DOC_FONT", "bundled")
    paragraphs.clear()


def regular_first() -> list[Flowable]:
    s = styles()
    return [para("BÁO CÁO THÀNH TÍCH", s.doc_type),
            para("Hoàn thành tốt nhiệm vụ được giao năm 2026; chấp hành tốt chủ trương, chính sách của Đảng, "
                 "pháp luật của Nhà nước. " * 3, s.body),
            para("<b>Đồng chí</b> Nông Thị Phương<br/>dân tộc Tày", s.body_plain, markup=True),
            para("(Ký, đóng dấu)", s.sign_note),
            grid_table([["Năm", "Danh hiệu thi đua", "Số, ngày quyết định"]],
                       [["2024", "Lao động tiên tiến", "Số 12/QĐ-UBND ngày 05/01/2025"],
                        ["2025", "Chiến sĩ thi đua cơ sở", "Số 07/QĐ-UBND ngày 10/01/2026"]],
                       [24 * mm, 55 * mm, 86 * mm])]


def bold_first() -> list[Flowable]:
    """The same paragraphs, but the bold face and other letters first: every font gets another
    name in the file ("/F1" is now bold) and the italic face numbers its letters differently."""
    s = styles()
    return [para("ĐỀ NGHỊ TẶNG DANH HIỆU “CHIẾN SĨ THI ĐUA CƠ SỞ”", s.subject),
            para("(Ghi rõ họ tên) ỹ ẵ", s.sign_note),
            *regular_first()]


def long_story() -> list[Flowable]:
    """Paragraphs split over pages, after a page break."""
    s = styles()
    text = "Thôn Nà Pò, xã Quảng Uyên, tỉnh Cao Bằng; Đàm Ngọc Thu, Lương Văn Hùng. "
    return [*regular_first(), PageBreak(), Spacer(1, 600), para(text * 40, s.body), para(text * 12, s.italic)]


def render(story: Story) -> bytes:
    return build_pdf(story(), qr_text=QR, title="Kiểm tra", author="Xã Quảng Uyên")


def plain(story: Story, monkeypatch: pytest.MonkeyPatch) -> bytes:
    """The document as ReportLab alone draws it."""
    with monkeypatch.context() as patch:
        patch.setattr(blocks, "KeptParagraph", Paragraph)
        return render(story)


@pytest.mark.parametrize("order", [
    (regular_first, regular_first), (regular_first, bold_first), (bold_first, regular_first),
    (long_story, bold_first, long_story), (bold_first, long_story, regular_first, long_story),
])
def test_kept_paragraphs_print_what_reportlab_prints(order: tuple[Story, ...], monkeypatch: pytest.MonkeyPatch) -> None:
    expected = [plain(story, monkeypatch) for story in order]
    paragraphs.clear()
    assert [render(story) for story in order] == expected


def test_later_documents_reuse_the_kept_layout_and_drawing(monkeypatch: pytest.MonkeyPatch) -> None:
    render(regular_first)
    drawn, wrapped = len(paragraphs._drawn), len(paragraphs._wrapped)
    calls: list[str] = []
    original = Paragraph.breakLines

    def counting(self: Paragraph, width: list[float]) -> object:
        calls.append("breakLines")
        return original(self, width)

    monkeypatch.setattr(Paragraph, "breakLines", counting)
    render(regular_first)
    assert calls == []  # every line break came from the cache
    assert len(paragraphs._drawn) == drawn > 0 and len(paragraphs._wrapped) == wrapped


def test_a_changed_code_draws_afresh() -> None:
    """A paragraph kept from one document is not reused in another where one of its letters got
    another code (an italic letter met in another order)."""
    s = styles()
    first = build_pdf([para("(Ký, đóng dấu)", s.sign_note)])
    assert first.startswith(b"%PDF")
    key = next(iter(paragraphs._drawn))
    kept = paragraphs._drawn[key]
    other = build_pdf([para("ỹ đ", s.sign_note), para("(Ký, đóng dấu)", s.sign_note)])
    assert other and paragraphs._drawn[key] is not kept  # drawn again and kept anew
