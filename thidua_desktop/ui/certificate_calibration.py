"""Căn chỉnh in phôi giấy khen: move the printed fields so they land on the lines of the office's
pre-printed certificate blanks. The preview shows the fields over an outline of the blank; a
test print (no outline) can be laid over a real blank against the light."""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt, QTimer
from PySide6.QtGui import QPixmap
from PySide6.QtWidgets import (
    QDialog,
    QDoubleSpinBox,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from ..services.certificate_layout import Calibration, CertificateLayoutService, FieldOffset
from ..services.changes import Change
from ..services.printing import PrintService, RenderedDocument
from . import dialogs, ops
from .print_preview import PrintPreviewDialog, page_image

LIMIT_MM = 30.0
PREVIEW_SCALE = 0.9  # pixels per PDF point: a landscape A4 fits beside the controls at 1366×768


def _spin() -> QDoubleSpinBox:
    box = QDoubleSpinBox()
    box.setRange(-LIMIT_MM, LIMIT_MM)
    box.setDecimals(1)
    box.setSingleStep(0.5)
    box.setSuffix(" mm")
    return box


class CalibrationDialog(QDialog):
    def __init__(self, layout_service: CertificateLayoutService, printing: PrintService,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.layout_service = layout_service
        self.printing = printing  # the test print's preview prints through it
        self.fields = self.layout_service.fields()
        self.global_dx, self.global_dy = _spin(), _spin()
        self.field_spins: dict[str, tuple[QDoubleSpinBox, QDoubleSpinBox]] = {
            f.name: (_spin(), _spin()) for f in self.fields}
        self.field_labels = {f.name: QLabel(f.label) for f in self.fields}
        self.preview = QLabel()
        self.preview.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.save_button, self.reset_button, self.test_button, self.close_button = (QPushButton() for _ in range(4))
        self.hint = QLabel()
        self.hint.setWordWrap(True)
        self.lbl_all, self.lbl_right, self.lbl_down = QLabel(), QLabel(), QLabel()

        grid = QGridLayout()
        grid.addWidget(self.lbl_right, 0, 1)
        grid.addWidget(self.lbl_down, 0, 2)
        grid.addWidget(self.lbl_all, 1, 0)
        grid.addWidget(self.global_dx, 1, 1)
        grid.addWidget(self.global_dy, 1, 2)
        for row, f in enumerate(self.fields, start=2):
            dx, dy = self.field_spins[f.name]
            grid.addWidget(self.field_labels[f.name], row, 0)
            grid.addWidget(dx, row, 1)
            grid.addWidget(dy, row, 2)
        controls = QVBoxLayout()
        controls.addWidget(self.hint)
        controls.addLayout(grid)
        controls.addStretch(1)
        for button in (self.test_button, self.reset_button, self.save_button, self.close_button):
            controls.addWidget(button)
        scroll = QScrollArea()
        scroll.setWidget(self.preview)
        scroll.setWidgetResizable(True)
        body = QHBoxLayout(self)
        body.addLayout(controls)
        body.addWidget(scroll, 1)

        self._render_timer = QTimer(self)
        self._render_timer.setSingleShot(True)
        self._render_timer.setInterval(250)  # re-render once typing pauses, not on every keystroke
        self._render_timer.timeout.connect(self.render_preview)
        self.load(self.layout_service.calibration())
        for spin in (self.global_dx, self.global_dy, *[s for pair in self.field_spins.values() for s in pair]):
            spin.valueChanged.connect(self._render_timer.start)
        self.save_button.clicked.connect(self.save)
        self.reset_button.clicked.connect(self.reset)
        self.test_button.clicked.connect(self.test_print)
        self.close_button.clicked.connect(self.reject)
        self.retranslate()
        self.resize(1200, 640)
        self.render_preview()

    def load(self, calibration: Calibration) -> None:
        self.global_dx.setValue(calibration.dx)
        self.global_dy.setValue(calibration.dy)
        for name, (dx, dy) in self.field_spins.items():
            own = calibration.fields.get(name, FieldOffset())
            dx.setValue(own.dx)
            dy.setValue(own.dy)
        self._saved = self.current()

    def current(self) -> Calibration:
        fields = {name: FieldOffset(dx.value(), dy.value()) for name, (dx, dy) in self.field_spins.items()
                  if dx.value() or dy.value()}
        return Calibration(self.global_dx.value(), self.global_dy.value(), fields)

    def render_preview(self) -> None:
        import pypdfium2 as pdfium

        pdf_bytes = ops.run(self, lambda: self.layout_service.preview(self.current()))
        if pdf_bytes is None:
            return
        pdf = pdfium.PdfDocument(pdf_bytes)
        try:
            self.preview.setPixmap(QPixmap.fromImage(page_image(pdf[0], PREVIEW_SCALE)))
        finally:
            pdf.close()

    def save(self) -> None:
        stored = ops.run(self, lambda: self.layout_service.save_calibration(self.current()), changes=Change.OFFICE)
        if stored is not None:
            self.load(stored)
            dialogs.info(self, self.tr("Certificate blanks"), self.tr("Saved. Blank-form printing uses it now."))

    def reset(self) -> None:
        if dialogs.ask_yes_no(self, self.tr("Certificate blanks"), self.tr("Put every field back where it was?")):
            if ops.perform(self, self.layout_service.reset_calibration, changes=Change.OFFICE).ok:
                self.load(self.layout_service.calibration())
                self.render_preview()

    def test_print(self) -> None:
        pdf = ops.run(self, lambda: self.layout_service.preview(self.current(), outline=False))
        if pdf is None:
            return
        doc = RenderedDocument("certificate", "calibration", self.tr("Test print on a blank"), pdf, "")
        dialog = PrintPreviewDialog(self.printing, doc, self)
        dialog.open()
        self.last_dialog = dialog

    def has_unsaved_changes(self) -> bool:
        return self.current() != self._saved

    def reject(self) -> None:
        if self.has_unsaved_changes() and not dialogs.ask_yes_no(
                self, self.tr("Certificate blanks"), self.tr("Close without saving the changed positions?")):
            return
        super().reject()

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Calibrate printing on certificate blanks"))
        self.hint.setText(self.tr("Print a test page, lay it over a blank against the light, then move the fields. "
                                  "Positive values move right and down."))
        self.lbl_all.setText(self.tr("All fields"))
        self.lbl_right.setText(self.tr("Right"))
        self.lbl_down.setText(self.tr("Down"))
        self.save_button.setText(self.tr("Save"))
        self.reset_button.setText(self.tr("Reset"))
        self.test_button.setText(self.tr("Test print…"))
        self.close_button.setText(self.tr("Close"))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)
