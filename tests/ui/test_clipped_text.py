"""Issue 9, point 11: text that was cut off on a 1366×768 screen at 150% scaling (about 910×512
logical pixels): the direct-worker check box of the person form, the register's "Excel" button at
the window edge, and the name field of the new-batch dialog."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPoint, QRect, Qt
from PySide6.QtWidgets import QApplication, QLineEdit, QStyle, QStyleOptionFrame, QWidget

from thidua_desktop.ui.screens.nomination_wizard_pages import BatchDialog
from thidua_desktop.ui.screens.people import RegisterScreen
from thidua_desktop.ui.screens.person_dialog import PersonDialog

from .conftest import type_text

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support")  # completer popups, offscreen

# The main window at 150% on a 1366×768 screen, less the 210-pixel navigation pane and margins.
SCREEN_AREA = (680, 470)


def _rect_in(widget: QWidget, ancestor: QWidget) -> QRect:
    return QRect(widget.mapTo(ancestor, QPoint(0, 0)), widget.size())


def _line_edit_room(edit: QLineEdit) -> int:
    """The pixels a line edit has for its text (its frame and Qt's 2-pixel margins left out)."""
    option = QStyleOptionFrame()
    edit.initStyleOption(option)
    contents = edit.style().subElementRect(QStyle.SubElement.SE_LineEditContents, option, edit)
    margins = edit.textMargins()
    return contents.width() - margins.left() - margins.right() - 2 * 2


@pytest.mark.parametrize("width", [600, 480])
def test_direct_worker_check_box_text_wraps_instead_of_being_cut(qtbot, commune, width: int) -> None:  # type: ignore[no-untyped-def]
    dialog = PersonDialog(commune.people, commune.office, commune.records, commune.drafts)
    qtbot.addWidget(dialog)
    dialog.resize(width, 480)
    dialog.show()
    QApplication.processEvents()
    label, box = dialog.direct_text, dialog.fields["is_direct_worker"]
    full = "Trực tiếp lao động sản xuất, kinh doanh, dịch vụ (không phải cán bộ, công chức)"
    assert label.text() == full and box.text() == "" and box.accessibleName() == full
    assert label.wordWrap() and label.isVisible()
    assert dialog.rect().contains(_rect_in(label, dialog))  # not past the dialog's edge
    assert label.height() >= label.heightForWidth(label.width())  # every wrapped line shown
    assert label.fontMetrics().horizontalAdvance(full) > label.width()  # it really needed wrapping
    # Clicking the text ticks the box, as a check box's own text does.
    qtbot.mouseClick(label, Qt.MouseButton.LeftButton)
    assert box.isChecked() and dialog.values()["is_direct_worker"] is True
    qtbot.mouseClick(label, Qt.MouseButton.LeftButton)
    assert not box.isChecked()


def test_register_excel_button_stays_inside_the_window(qtbot, commune) -> None:  # type: ignore[no-untyped-def]
    screen = RegisterScreen(commune.people, commune.collectives, commune.office, commune.records, commune.drafts,
                            excel_import=commune.excel_import, excel_export=commune.excel_export)
    qtbot.addWidget(screen)
    screen.resize(*SCREEN_AREA)
    screen.show()
    QApplication.processEvents()
    button = screen.excel_button
    assert button.isVisible() and button.text() == "Excel"
    assert screen.tabs.rect().contains(_rect_in(button, screen.tabs))  # not cut at the window edge
    arrow = button.style().pixelMetric(QStyle.PixelMetric.PM_MenuButtonIndicator, None, button)
    assert button.width() >= button.fontMetrics().horizontalAdvance("Excel") + arrow  # text and ▾ both fit


def test_new_batch_dialog_shows_the_whole_name(qtbot, commune) -> None:  # type: ignore[no-untyped-def]
    dialog = BatchDialog(commune.nominations, 2026)
    qtbot.addWidget(dialog)
    dialog.show()
    QApplication.processEvents()
    name = dialog.fields["name"]
    assert isinstance(name, QLineEdit)
    text = "Xét khen thưởng phong trào thi đua năm 2026"
    type_text(name, text)
    assert name.text() == text
    assert name.fontMetrics().horizontalAdvance(text) <= _line_edit_room(name)
    assert name.fontMetrics().horizontalAdvance(name.placeholderText()) <= _line_edit_room(name)
    assert dialog.width() <= 910 - 40  # still fits the 150% screen
