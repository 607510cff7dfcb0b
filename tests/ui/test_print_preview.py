"""The print preview on real rendered documents: every page shown, zoom, page x of n, "save as PDF"
and printing through a (patched) system dialog into a PDF file read back with pypdf."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from pypdf import PdfReader
from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QColor
from PySide6.QtPrintSupport import QPrinter
from PySide6.QtWidgets import QApplication

from thidua_desktop.services.printing import RenderedDocument
from thidua_desktop.ui import dialogs
from thidua_desktop.ui.print_preview import FIT_WIDTH, PrintPreviewDialog, page_image, show_document

A4_WIDTH_PT = 595.2756


@pytest.fixture(autouse=True)
def bundled_font(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("THIDUA_DOC_FONT", "bundled")


def _render(app, kind: str) -> RenderedDocument:  # type: ignore[no-untyped-def]
    return app.printing.render(kind, app.nominations.batches()[0].id)


def _reader(data: bytes | Path) -> PdfReader:
    return PdfReader(io.BytesIO(data) if isinstance(data, bytes) else str(data))


def _orientations(reader: PdfReader) -> list[bool]:
    """True for each landscape page."""
    return [float(p.mediabox.width) > float(p.mediabox.height) for p in reader.pages]


def _open(qtbot, app, doc: RenderedDocument) -> PrintPreviewDialog:  # type: ignore[no-untyped-def]
    dialog = PrintPreviewDialog(app.printing, doc)
    qtbot.addWidget(dialog)
    dialog.resize(1000, 688)  # a 1366×768 laptop's free area
    dialog.show()
    qtbot.waitExposed(dialog)
    return dialog


def test_preview_shows_every_page_of_a_real_document(qtbot, demo) -> None:  # type: ignore[no-untyped-def]
    doc = _render(demo, "public-list")
    reader = _reader(doc.pdf)
    assert len(reader.pages) >= 2  # long enough to page through
    dialog = _open(qtbot, demo, doc)
    assert dialog.page_count == len(reader.pages)
    assert dialog.of_pages.text().endswith(str(len(reader.pages)))
    assert dialog.page.maximum() == len(reader.pages)
    assert [w.width() > w.height() for w in dialog.pages] == _orientations(reader)
    assert "Danh sách công khai" in dialog.windowTitle()
    assert dialog.print_button.text() == "In…" and dialog.save_button.text() == "Lưu PDF…"

    dialog.grab()  # paints what is in view: only the first page is rasterised so far
    assert dialog.pages[0].rendered and not dialog.pages[-1].rendered
    dialog.page.setValue(len(reader.pages))  # "page x of n" jumps to the page
    assert dialog.scroll_area.verticalScrollBar().value() > 0
    dialog.grab()
    assert dialog.pages[-1].rendered
    dialog.page.setValue(1)
    assert dialog.scroll_area.verticalScrollBar().value() == 0
    # Scrolling by hand moves the page number along.
    dialog.scroll_area.verticalScrollBar().setValue(dialog.pages[1].y())
    assert dialog.current_page() == 2


def test_page_image_is_the_page_drawn_at_the_asked_scale(demo) -> None:  # type: ignore[no-untyped-def]
    import pypdfium2 as pdfium

    doc = _render(demo, "public-list")
    pdf = pdfium.PdfDocument(doc.pdf)
    try:
        image = page_image(pdf[0], 2.0)
        width, height = pdf[0].get_size()
    finally:
        pdf.close()
    assert (image.width(), image.height()) == (round(width * 2), round(height * 2))
    assert image.pixelColor(2, 2) == QColor("white")  # the margin
    dark = sum(1 for x in range(0, image.width(), 7) for y in range(0, image.height() // 3, 7)
               if image.pixelColor(x, y).lightness() < 100)
    assert dark > 50  # the heading's black text is there


def test_zoom_changes_the_page_size(qtbot, demo) -> None:  # type: ignore[no-untyped-def]
    doc = _render(demo, "submission")  # a portrait letter with its landscape list attached
    dialog = _open(qtbot, demo, doc)
    portrait = dialog.pages[0]
    dialog.set_zoom(1.0)
    assert portrait.width() == round(A4_WIDTH_PT * 96 / 72)  # 100%: as large as the paper
    assert dialog.zoom.currentText() == "100%"
    dialog.set_zoom(2.0)
    assert portrait.width() == round(A4_WIDTH_PT * 96 / 72 * 2)
    dialog.step_zoom(-1)
    assert dialog.zoom.currentData() == 1.5 and portrait.width() == round(A4_WIDTH_PT * 96 / 72 * 1.5)
    dialog.zoom.setCurrentIndex(dialog.zoom.findData(FIT_WIDTH))  # as the officer picks it
    widest = max(w.width() for w in dialog.pages)
    assert widest <= dialog.scroll_area.viewport().width() and widest > dialog.scroll_area.viewport().width() - 60
    before = widest
    dialog.resize(800, 600)  # the window shrinks: the page follows
    qtbot.waitUntil(lambda: max(w.width() for w in dialog.pages) < before)


def test_save_pdf_writes_the_same_document(qtbot, demo, monkeypatch, tmp_path) -> None:  # type: ignore[no-untyped-def]
    doc = _render(demo, "public-list")
    dialog = _open(qtbot, demo, doc)
    assert dialog.save_pdf() is None  # cancelled (conftest): nothing written
    asked: list[str] = []
    monkeypatch.setattr(dialogs, "save_file", lambda _p, _t, suggested, _f: asked.append(suggested)
                        or str(tmp_path / "niêm yết" / "danh-sach"))
    saved = dialog.save_pdf()
    assert saved == tmp_path / "niêm yết" / "danh-sach.pdf"  # ".pdf" added, the folder made
    assert saved.read_bytes() == doc.pdf
    assert len(_reader(saved).pages) == dialog.page_count
    assert asked[0].endswith(".pdf") and "danh-sach-cong-khai" in Path(asked[0]).name
    assert "danh-sach.pdf" in dialog.status.text()
    assert not list(saved.parent.glob(".tmp-*"))  # written atomically, no leftovers


def test_save_refusal_is_shown(qtbot, demo, monkeypatch, tmp_path, dialog_log) -> None:  # type: ignore[no-untyped-def]
    blocker = tmp_path / "file"
    blocker.write_text("x")
    monkeypatch.setattr(dialogs, "save_file", lambda *_a: str(blocker / "sub" / "a.pdf"))  # a file as folder
    dialog = _open(qtbot, demo, _render(demo, "public-list"))
    assert dialog.save_pdf() is None
    assert dialog_log and dialog_log[-1][0] == "error"


def _pdf_printer(path: Path, first: int = 0, last: int = 0):  # type: ignore[no-untyped-def]
    """Stands in for the system print dialog: the officer picks "print to file" (and a range)."""

    def setup(_parent, printer: QPrinter, pages: int) -> bool:  # type: ignore[no-untyped-def]
        assert pages > 0
        printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
        printer.setOutputFileName(str(path))
        if first:
            printer.setPrintRange(QPrinter.PrintRange.PageRange)
            printer.setFromTo(first, last)
        return True

    return setup


def test_printing_sends_every_page_in_its_orientation(qtbot, demo, monkeypatch, tmp_path) -> None:  # type: ignore[no-untyped-def]
    doc = _render(demo, "submission")
    source = _reader(doc.pdf)
    assert set(_orientations(source)) == {False, True}  # portrait letter, landscape list
    dialog = _open(qtbot, demo, doc)
    assert dialog.print_document() is False  # the print dialog was cancelled (conftest)
    out = tmp_path / "printed.pdf"
    monkeypatch.setattr(dialogs, "setup_printer", _pdf_printer(out))
    assert dialog.print_document() is True
    printed = _reader(out)
    assert len(printed.pages) == len(source.pages)
    assert _orientations(printed) == _orientations(source)
    for page in printed.pages:  # A4 either way round
        assert sorted((round(float(page.mediabox.width)), round(float(page.mediabox.height)))) == [595, 842]
    assert str(len(source.pages)) in dialog.status.text()


def test_printing_a_page_range(qtbot, demo, monkeypatch, tmp_path) -> None:  # type: ignore[no-untyped-def]
    doc = _render(demo, "public-list")
    dialog = _open(qtbot, demo, doc)
    out = tmp_path / "page2.pdf"
    monkeypatch.setattr(dialogs, "setup_printer", _pdf_printer(out, 2, 2))
    assert dialog.print_document() is True
    assert len(_reader(out).pages) == 1


def test_keyboard_prints_saves_and_closes(qtbot, demo, monkeypatch, tmp_path) -> None:  # type: ignore[no-untyped-def]
    doc = _render(demo, "public-list")
    dialog = _open(qtbot, demo, doc)
    dialog.activateWindow()
    qtbot.waitUntil(dialog.isActiveWindow)
    monkeypatch.setattr(dialogs, "save_file", lambda *_a: str(tmp_path / "ctrl-s.pdf"))
    qtbot.keyClick(dialog, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    assert (tmp_path / "ctrl-s.pdf").read_bytes() == doc.pdf
    monkeypatch.setattr(dialogs, "setup_printer", _pdf_printer(tmp_path / "ctrl-p.pdf"))
    qtbot.keyClick(dialog, Qt.Key.Key_P, Qt.KeyboardModifier.ControlModifier)
    assert len(_reader(tmp_path / "ctrl-p.pdf").pages) == dialog.page_count
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    assert not dialog.isVisible()


def test_show_document_renders_and_opens_without_blocking(qtbot, demo) -> None:  # type: ignore[no-untyped-def]
    batch = demo.nominations.batches()[0]
    dialog = show_document(None, demo.printing, "list", batch.id)
    assert isinstance(dialog, PrintPreviewDialog)
    try:
        assert dialog.isVisible() and dialog.windowModality() != Qt.WindowModality.NonModal
        assert (dialog.doc.kind, dialog.doc.target_id) == ("list", batch.id)
        assert dialog.page_count == len(_reader(dialog.doc.pdf).pages) >= 1
    finally:
        dialog.close()


def test_show_document_refusals_are_messages(qtbot, demo, dialog_log) -> None:  # type: ignore[no-untyped-def]
    assert show_document(None, demo.printing, "no-such-kind", "x") is None
    assert dialog_log[-1][0] == "error" and "no-such-kind" in dialog_log[-1][1]
    assert show_document(None, demo.printing, "list", "00000000-missing") is None
    assert dialog_log[-1][0] == "error" and len(dialog_log) == 2


def test_preview_speaks_english_too(qtbot, demo) -> None:  # type: ignore[no-untyped-def]
    from thidua_desktop.ui import i18n

    dialog = _open(qtbot, demo, _render(demo, "public-list"))
    i18n.install("en")
    QApplication.sendPostedEvents(None, QEvent.Type.LanguageChange)
    assert dialog.print_button.text() == "Print…" and dialog.save_button.text() == "Save PDF…"
    assert dialog.zoom.itemText(0) == "Fit width"


def test_preview_opens_over_the_main_window(qtbot, demo) -> None:  # type: ignore[no-untyped-def]
    """The main window has its own screen(key) method; the preview must still find the monitor."""
    from datetime import date

    from thidua_desktop.ui.main_window import MainWindow

    window = MainWindow(demo, date(2026, 11, 25))
    qtbot.addWidget(window)
    batch = demo.nominations.batches()[0].id
    dialog = show_document(window, demo.printing, "list", batch)
    assert dialog is not None and dialog.isVisible()
    assert dialog.width() <= 1000
