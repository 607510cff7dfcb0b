"""Print preview: the rendered PDF's pages drawn with pypdfium2 (QtPdf is not part of
PySide6-Essentials), zoom, "page x of n", printing through the system dialog and "save as PDF".

Pages are rasterised only when they are painted, so a long list opens at once and costs memory
only for the pages looked at. Printing paints each page as an image at the printer's resolution
(capped: 300 dpi is sharp for text and keeps an A4 page near 35 MB)."""

from __future__ import annotations

import logging
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pypdfium2 as pdfium
from PySide6.QtCore import (
    QCoreApplication,
    QEvent,
    QEventLoop,
    QMarginsF,
    QObject,
    QRect,
    QSize,
    QSizeF,
    QStandardPaths,
    Qt,
)
from PySide6.QtGui import (
    QColor,
    QGuiApplication,
    QImage,
    QKeySequence,
    QPageLayout,
    QPageSize,
    QPainter,
    QPalette,
    QShortcut,
)
from PySide6.QtWidgets import (
    QApplication,
    QComboBox,
    QDialog,
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from ..messages import render
from ..services.printing import PrintService, RenderedDocument, file_target, safe_file_stem, write_atomically
from . import dialogs, ops
from .worker import run_with_progress

if TYPE_CHECKING:
    from PySide6.QtPrintSupport import QPrinter

log = logging.getLogger("thidua")

SCREEN_DPI = 96.0  # "100%": a page as large on screen as on paper (Qt's logical pixels)
PRINT_DPI_MAX = 300
FIT_WIDTH = "fit-width"
ZOOMS: tuple[float, ...] = (0.5, 0.75, 1.0, 1.25, 1.5, 2.0)
PAGE_GAP = 12
_FORMATS = {"RGBX": QImage.Format.Format_RGBX8888, "RGBA": QImage.Format.Format_RGBA8888,
            "RGB": QImage.Format.Format_RGB888, "L": QImage.Format.Format_Grayscale8}
_last_folder: list[str] = []  # where the officer saved last, offered again in this session


def page_image(page: pdfium.PdfPage, scale: float) -> QImage:
    """One page as a QImage, ``scale`` pixels per PDF point. Asks pdfium for RGBX bytes, which
    QImage reads as they are (no numpy or PIL needed)."""
    bitmap = page.render(scale=scale, rev_byteorder=True, prefer_bgrx=True)
    try:
        image_format = _FORMATS.get(bitmap.mode)
        if image_format is None:
            raise ValueError(f"unexpected bitmap mode {bitmap.mode}")
        # copy(): the QImage must own its pixels, pdfium frees the buffer with the bitmap
        return QImage(bitmap.buffer, bitmap.width, bitmap.height, bitmap.stride, image_format).copy()
    finally:
        bitmap.close()


def page_layout(size_pt: QSizeF, paper: QPageSize | None = None) -> QPageLayout:
    """The printer page for a PDF page: A4 unless the officer chose another paper, turned to match."""
    orientation = (QPageLayout.Orientation.Landscape if size_pt.width() > size_pt.height()
                   else QPageLayout.Orientation.Portrait)
    return QPageLayout(paper or QPageSize(QPageSize.PageSizeId.A4), orientation, QMarginsF(0, 0, 0, 0))


class PageWidget(QWidget):
    """One page at the current zoom, rendered the first time it is painted at that size."""

    def __init__(self, pdf: pdfium.PdfDocument, index: int, size_pt: QSizeF, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.pdf, self.index, self.size_pt = pdf, index, size_pt
        self.zoom = 1.0
        self._image: QImage | None = None

    def set_zoom(self, zoom: float) -> None:
        self.zoom = zoom
        self._image = None
        factor = zoom * SCREEN_DPI / 72.0
        self.setFixedSize(QSize(max(1, round(self.size_pt.width() * factor)),
                                max(1, round(self.size_pt.height() * factor))))
        self.update()

    @property
    def rendered(self) -> bool:
        return self._image is not None

    def paintEvent(self, _event: QEvent) -> None:
        painter = QPainter(self)
        painter.fillRect(self.rect(), Qt.GlobalColor.white)
        ratio = self.devicePixelRatioF()
        if self._image is None:
            try:
                self._image = page_image(self.pdf[self.index], self.zoom * SCREEN_DPI / 72.0 * ratio)
                self._image.setDevicePixelRatio(ratio)
            except Exception as exc:  # a broken page must not take the dialog down
                log.error("page render failed: %s", type(exc).__name__, exc_info=exc)
                self._image = QImage()
        if not self._image.isNull():
            painter.drawImage(self.rect(), self._image)
        painter.setPen(QColor("#9a9a9a"))
        painter.drawRect(self.rect().adjusted(0, 0, -1, -1))
        painter.end()


class PrintPreviewDialog(QDialog):
    def __init__(self, printing: PrintService, doc: RenderedDocument, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowFlag(Qt.WindowType.WindowMaximizeButtonHint, True)
        self.printing = printing
        self.doc = doc
        self.pdf = pdfium.PdfDocument(doc.pdf)
        self.zoom_mode: str | float = FIT_WIDTH
        self.saved_to: Path | None = None

        self.print_button = QPushButton()
        self.print_button.clicked.connect(self.print_document)
        self.save_button = QPushButton()
        self.save_button.clicked.connect(self.save_pdf)
        self.close_button = QPushButton()
        self.close_button.clicked.connect(self.reject)
        for button in (self.print_button, self.save_button, self.close_button):
            button.setAutoDefault(False)  # Enter in the page box must not start printing
        self.zoom_label = QLabel()
        self.zoom = QComboBox()
        self.zoom.addItem("", FIT_WIDTH)
        for value in ZOOMS:
            self.zoom.addItem(f"{round(value * 100)}%", value)
        self.zoom.currentIndexChanged.connect(lambda _i: self.set_zoom(self.zoom.currentData()))
        self.page_label = QLabel()
        self.page = QSpinBox()
        self.page.setRange(1, max(len(self.pdf), 1))
        self.page.setKeyboardTracking(False)  # typing "12" jumps to 12, not to 1 first
        self.page.valueChanged.connect(self.go_to_page)
        self.of_pages = QLabel()
        self.status = QLabel()
        self.status.setStyleSheet("color: #555;")
        self.status.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        # What the document still prints as dotted blanks: fill it in first, or print knowingly.
        self.missing_banner = QLabel()
        self.missing_banner.setWordWrap(True)
        self.missing_banner.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.missing_banner.setStyleSheet("background: #fff3b0; color: #3d3000; border: 1px solid #e0c200; "
                                          "padding: 6px;")
        self.missing_banner.setVisible(bool(doc.missing))

        self.pages: list[PageWidget] = []
        column = QWidget()
        column_layout = QVBoxLayout(column)
        column_layout.setSpacing(PAGE_GAP)
        column_layout.setContentsMargins(PAGE_GAP, PAGE_GAP, PAGE_GAP, PAGE_GAP)
        for index in range(len(self.pdf)):
            width, height = self.pdf[index].get_size()
            widget = PageWidget(self.pdf, index, QSizeF(width, height))
            self.pages.append(widget)
            column_layout.addWidget(widget, 0, Qt.AlignmentFlag.AlignHCenter)
        self.scroll_area = QScrollArea()
        self.scroll_area.setWidget(column)  # sized by hand on zoom: positions are right at once, shown or not
        self.scroll_area.setAlignment(Qt.AlignmentFlag.AlignHCenter)
        self.scroll_area.setFrameShape(QFrame.Shape.NoFrame)
        self.scroll_area.setBackgroundRole(QPalette.ColorRole.Dark)  # grey around the white sheets
        self.scroll_area.viewport().installEventFilter(self)
        self.scroll_area.verticalScrollBar().valueChanged.connect(lambda _v: self._track_page())

        top = QHBoxLayout()
        top.addWidget(self.print_button)
        top.addWidget(self.save_button)
        top.addSpacing(16)
        top.addWidget(self.zoom_label)
        top.addWidget(self.zoom)
        top.addSpacing(16)
        top.addWidget(self.page_label)
        top.addWidget(self.page)
        top.addWidget(self.of_pages)
        top.addSpacing(16)
        top.addWidget(self.status, 1)
        top.addWidget(self.close_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 8, 8, 8)
        layout.addLayout(top)
        layout.addWidget(self.missing_banner)
        layout.addWidget(self.scroll_area, 1)

        # Esc closes (QDialog's own reject); Ctrl+P and Ctrl+S as in every office program.
        QShortcut(QKeySequence.StandardKey.Print, self).activated.connect(self.print_document)
        QShortcut(QKeySequence.StandardKey.Save, self).activated.connect(self.save_pdf)
        QShortcut(QKeySequence.StandardKey.ZoomIn, self).activated.connect(lambda: self.step_zoom(+1))
        QShortcut(QKeySequence.StandardKey.ZoomOut, self).activated.connect(lambda: self.step_zoom(-1))
        self.finished.connect(self._release)
        self._fit_to_screen(parent)
        self.retranslate()
        self.set_zoom(FIT_WIDTH)

    def _fit_to_screen(self, parent: QWidget | None) -> None:
        """Large enough to read a page, never larger than a 1366×768 laptop's free area."""
        # QWidget.screen called unbound: the main window has its own screen(key) method
        screen = QWidget.screen(parent) if parent is not None else QGuiApplication.primaryScreen()
        area = screen.availableGeometry() if screen is not None else QRect(0, 0, 1366, 728)
        self.resize(min(1000, area.width() - 40), min(960, area.height() - 40))

    # Pages and zoom ----------------------------------------------------------------------
    @property
    def page_count(self) -> int:
        return len(self.pages)

    def current_page(self) -> int:
        return self.page.value()

    def set_zoom(self, mode: str | float) -> None:
        """FIT_WIDTH, or a factor of the paper size (1.0 = 100%)."""
        self.zoom_mode = mode
        index = self.zoom.findData(mode)
        if index >= 0 and index != self.zoom.currentIndex():
            self.zoom.blockSignals(True)
            self.zoom.setCurrentIndex(index)
            self.zoom.blockSignals(False)
        keep = self.current_page()
        factor = self._fit_width_factor() if mode == FIT_WIDTH else float(mode)
        for widget in self.pages:
            widget.set_zoom(factor)
        column = self.scroll_area.widget()
        assert column is not None  # set when the dialog was built
        column.adjustSize()
        layout = column.layout()
        if layout is not None:
            layout.activate()
        self.go_to_page(keep)

    def step_zoom(self, direction: int) -> None:
        factor = self.pages[0].zoom if self.pages else 1.0
        bigger = [z for z in ZOOMS if z > factor + 0.01]
        smaller = [z for z in ZOOMS if z < factor - 0.01]
        if direction > 0 and bigger:
            self.set_zoom(bigger[0])
        elif direction < 0 and smaller:
            self.set_zoom(smaller[-1])

    def _fit_width_factor(self) -> float:
        widest = max((w.size_pt.width() for w in self.pages), default=595.0) * SCREEN_DPI / 72.0
        bar = self.scroll_area.verticalScrollBar().sizeHint().width()
        scrolls = self.scroll_area.verticalScrollBar().isVisible()
        available = self.scroll_area.viewport().width() - 2 * PAGE_GAP - (0 if scrolls else bar)
        return max(0.2, available / widest)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        resized = event.type() == QEvent.Type.Resize
        if watched is self.scroll_area.viewport() and resized and self.zoom_mode == FIT_WIDTH:
            factor = self._fit_width_factor()
            if self.pages and abs(factor - self.pages[0].zoom) > 0.005:
                self.set_zoom(FIT_WIDTH)
        return super().eventFilter(watched, event)

    def go_to_page(self, number: int) -> None:
        if not self.pages:
            return
        number = min(max(number, 1), self.page_count)
        self.scroll_area.verticalScrollBar().setValue(max(0, self.pages[number - 1].y() - PAGE_GAP))
        self._show_page_number(number)

    def _track_page(self) -> None:
        """The page number follows the page that fills the upper part of the view."""
        line = self.scroll_area.verticalScrollBar().value() + self.scroll_area.viewport().height() // 3
        number = 1
        for index, widget in enumerate(self.pages, start=1):
            if widget.y() <= line:
                number = index
        self._show_page_number(number)

    def _show_page_number(self, number: int) -> None:
        self.page.blockSignals(True)
        self.page.setValue(number)
        self.page.blockSignals(False)

    # Actions -----------------------------------------------------------------------------
    def suggested_name(self) -> str:
        return f"{safe_file_stem(self.doc.title)}-{file_target(self.doc.target_id)}.pdf"

    def save_pdf(self) -> Path | None:
        folder = _last_folder[-1] if _last_folder else QStandardPaths.writableLocation(
            QStandardPaths.StandardLocation.DocumentsLocation)
        chosen = dialogs.save_file(self, self.tr("Save as PDF"), str(Path(folder) / self.suggested_name()),
                                   self.tr("PDF documents (*.pdf)"))
        if not chosen:
            return None
        target = Path(chosen)
        if target.suffix.lower() != ".pdf":
            target = target.with_name(target.name + ".pdf")
        if not ops.perform(self, lambda: write_atomically(target, self.doc.pdf)).ok:
            return None
        _last_folder[:] = [str(target.parent)]
        self.saved_to = target
        self.status.setText(self.tr("Saved: %1").replace("%1", target.name))
        self.status.setToolTip(str(target))
        return target

    def print_document(self) -> bool:
        """The system print dialog, then every chosen page; False when cancelled or refused."""
        from PySide6.QtPrintSupport import QPrinter

        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        printer.setDocName(self.doc.title)
        printer.setFullPage(True)  # the PDF carries its own margins (Decree 30/2020)
        printer.setFromTo(1, self.page_count)
        if self.pages:
            printer.setPageLayout(page_layout(self.pages[0].size_pt))
        if not dialogs.setup_printer(self, printer, self.page_count):
            return False
        printed = ops.run(self, lambda: self.print_to(printer, self.chosen_pages(printer)))
        if printed is None:
            return False
        if not printed:
            dialogs.error(self, self.tr("Printing"), self.tr("The printer could not be started. Check that it is "
                                                             "switched on and connected, then try again."))
            return False
        self.status.setText(self.tr("Sent %1 page(s) to the printer.").replace("%1", str(printed)))
        return True

    def chosen_pages(self, printer: QPrinter) -> list[int]:
        """Page indexes in print order, as the print dialog's range and order ask."""
        from PySide6.QtPrintSupport import QPrinter

        indexes = list(range(self.page_count))
        if printer.printRange() == QPrinter.PrintRange.PageRange and printer.fromPage() > 0:
            indexes = indexes[printer.fromPage() - 1:max(printer.toPage(), printer.fromPage())]
        elif printer.printRange() == QPrinter.PrintRange.CurrentPage:
            indexes = [self.current_page() - 1]
        if printer.pageOrder() == QPrinter.PageOrder.LastPageFirst:
            indexes.reverse()
        return indexes

    def print_to(self, printer: QPrinter, indexes: list[int]) -> int:
        """Paint the pages onto ``printer``, one image each at the printer's resolution; the number
        of pages sent (0: the printer refused to start)."""
        if not indexes:
            return 0
        dpi = min(printer.resolution(), PRINT_DPI_MAX)
        paper = printer.pageLayout().pageSize()
        # Engines that cannot make copies themselves (PDF output) get the copies page by page.
        copies = 1 if printer.supportsMultipleCopies() else max(printer.copyCount(), 1)
        order = indexes * copies
        printer.setPageLayout(page_layout(self.pages[order[0]].size_pt, paper))
        painter = QPainter()
        if not painter.begin(printer):
            return 0
        QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            for position, index in enumerate(order):
                if position:
                    # A landscape page in a portrait document turns the sheet for that page only.
                    printer.setPageLayout(page_layout(self.pages[index].size_pt, paper))
                    printer.newPage()
                image = page_image(self.pdf[index], dpi / 72.0)
                target = printer.pageLayout().fullRectPixels(printer.resolution())
                painter.drawImage(_fitted(target, image.size()), image)
                # Keep the window painted on a long list, without taking clicks meanwhile.
                QApplication.processEvents(QEventLoop.ProcessEventsFlag.ExcludeUserInputEvents)
        finally:
            painter.end()
            QApplication.restoreOverrideCursor()
        return len(order)

    def _release(self, _result: int) -> None:
        for widget in self.pages:
            widget.pdf = None
        self.pdf.close()

    # Language ----------------------------------------------------------------------------
    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Print preview — %1").replace("%1", self.doc.title))
        self.print_button.setText(self.tr("Print…"))
        self.print_button.setToolTip(_shortcut(QKeySequence.StandardKey.Print))
        self.save_button.setText(self.tr("Save PDF…"))
        self.save_button.setToolTip(_shortcut(QKeySequence.StandardKey.Save))
        self.close_button.setText(self.tr("Close"))
        self.close_button.setToolTip("Esc")
        self.zoom_label.setText(self.tr("Zoom:"))
        self.zoom.setItemText(0, self.tr("Fit width"))
        self.page_label.setText(self.tr("Page"))
        self.of_pages.setText(self.tr("of %1").replace("%1", str(self.page_count)))
        if self.doc.missing:
            lang = ops.current_lang()
            lines = "".join(f"\n• {render(item, lang)}" for item in self.doc.missing)
            self.missing_banner.setText(self.tr("Left blank (dotted lines on paper): fill these in first, or "
                                                "print and write them by hand:") + lines)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)


def _fitted(area: QRect, size: QSize) -> QRect:
    """``size`` scaled to fit ``area`` and centred (a paper other than A4 keeps the page's shape)."""
    scaled = size.scaled(area.size(), Qt.AspectRatioMode.KeepAspectRatio)
    return QRect(area.x() + (area.width() - scaled.width()) // 2, area.y() + (area.height() - scaled.height()) // 2,
                 scaled.width(), scaled.height())


def _shortcut(key: QKeySequence.StandardKey) -> str:
    return QKeySequence(key).toString(QKeySequence.SequenceFormat.NativeText)


def show_document(parent: QWidget | None, printing: PrintService, kind: str, target_id: str, *,
                  options: dict[str, Any] | None = None) -> PrintPreviewDialog | None:
    """Render a document (with a progress dialog, big batches take a while) and open its preview,
    window-modal without blocking; the dialog, or None when cancelled or refused (already said)."""
    doc = run_with_progress(parent, QCoreApplication.translate("PrintPreview", "Preparing the document…"),
                            lambda _progress: printing.render(kind, target_id, options=options))
    if doc is None:
        return None
    try:
        dialog = PrintPreviewDialog(printing, doc, parent)
    except Exception as exc:  # a PDF pdfium cannot open: a bug, logged, the app goes on
        ops.report_unexpected(parent, exc)
        return None
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.open()
    return dialog
