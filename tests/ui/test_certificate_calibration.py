"""Căn chỉnh in phôi: the offsets typed move the printed name on a blank, are saved per office and
survive reopening; closing with unsaved changes asks first."""

from __future__ import annotations

import io

from pypdf import PdfReader

from .settings_helpers import calibration_dialog, documents_box

MM = 72 / 25.4


def _x_of(pdf: bytes, text: str) -> float:
    found: list[float] = []

    def visit(t, cm, tm, *_):  # type: ignore[no-untyped-def]
        if text in t:
            found.append(tm[4] * cm[0] + tm[5] * cm[2] + cm[4])

    PdfReader(io.BytesIO(pdf)).pages[0].extract_text(visitor_text=visit)
    assert found, f"{text!r} not on the page"
    return found[0]


def test_offsets_move_the_name_and_are_saved(qtbot, commune, app_factory, dialog_log, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setenv("THIDUA_DOC_FONT", "bundled")
    before = commune.certificate_layout.preview(outline=False)
    dialog = calibration_dialog(commune)
    qtbot.addWidget(dialog)
    assert not dialog.preview.pixmap().isNull()
    dialog.global_dx.setValue(4.0)
    dialog.field_spins["name"][0].setValue(1.5)
    dialog.render_preview()
    dialog.save_button.click()
    assert ("info", "Đã lưu. Từ nay in lên phôi theo căn chỉnh này.") in dialog_log
    stored = app_factory().certificate_layout.calibration()
    assert stored.dx == 4.0 and stored.offset("name") == (5.5, 0.0)
    after = commune.certificate_layout.preview(outline=False)
    sample = "Nguyễn Văn An"
    assert abs((_x_of(after, sample) - _x_of(before, sample)) - 5.5 * MM) < 0.5


def test_closing_with_unsaved_changes_asks(qtbot, commune, dialog_log) -> None:  # type: ignore[no-untyped-def]
    dialog = calibration_dialog(commune)
    qtbot.addWidget(dialog)
    dialog.global_dy.setValue(-2.0)
    dialog.close_button.click()
    assert dialog_log[-1] == ("ask", "Đóng mà không lưu vị trí đã thay đổi?")
    assert commune.certificate_layout.calibration().dy == 0.0


def test_settings_box_opens_the_calibration(qtbot, commune) -> None:  # type: ignore[no-untyped-def]
    box = documents_box(commune)
    qtbot.addWidget(box)
    box.calibrate.click()
    assert box.calibration_dialog.isVisible()
    box.calibration_dialog.test_button.click()
    assert box.calibration_dialog.last_dialog.isVisible()
