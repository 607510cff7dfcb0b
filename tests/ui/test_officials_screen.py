"""Cài đặt → Lãnh đạo ký văn bản: officials listed with their terms, a term added, ended and
removed from the section, an overlapping term refused with the reason, and the section placed in
the settings screen."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QCoreApplication, Qt

from thidua_desktop.services.changes import Change
from thidua_desktop.ui.main_window import MainWindow
from thidua_desktop.ui.screens.officials import OfficialsBox

from .conftest import TODAY, type_text
from .settings_helpers import settings_screen


def tr(text: str) -> str:
    """The section's text in the language installed (Vietnamese once the translations are merged)."""
    return QCoreApplication.translate("OfficialsBox", text)


def _add(qtbot, box: OfficialsBox, role: str, name: str, start: str, end: str = "") -> None:  # type: ignore[no-untyped-def]
    box.role.setCurrentIndex(box.role.findData(role))
    type_text(box.full_name, name)
    type_text(box.term_start, start)
    type_text(box.term_end, end)
    qtbot.mouseClick(box.add, Qt.MouseButton.LeftButton)


def test_add_end_and_remove_terms(qtbot, commune, dialog_log) -> None:  # type: ignore[no-untyped-def]
    box = OfficialsBox(commune.officials)
    qtbot.addWidget(box)
    assert box.title() == tr("Officials who sign documents") and box.table.rowCount() == 0
    assert box.role.itemText(box.role.findData("chairman")) == "Chủ tịch UBND xã"
    assert not box.end.isEnabled() and not box.remove.isEnabled()  # nothing selected

    _add(qtbot, box, "chairman", "Hoàng Văn Thắng", "01/07/2025")
    assert not dialog_log
    assert [box.table.item(0, c).text() for c in range(5)] == [
        "Chủ tịch UBND xã", "Hoàng Văn Thắng", "Chủ tịch UBND xã", "01/07/2025", tr("in office")]
    assert box.full_name.text() == ""  # the form is cleared for the next term

    # A second chairman over the same time is refused, with the reason.
    _add(qtbot, box, "chairman", "Nông Thị Hà", "01/03/2026")
    assert dialog_log[-1][0] == "error" and "Nhiệm kỳ trùng với Hoàng Văn Thắng" in dialog_log[-1][1]
    assert box.table.rowCount() == 1

    # End the first term, then the successor is accepted.
    box.table.selectRow(0)
    assert box.end.isEnabled()
    type_text(box.end_date, "28/02/2026")
    qtbot.mouseClick(box.end, Qt.MouseButton.LeftButton)
    assert box.table.item(0, 4).text() == "28/02/2026"
    box.full_name.clear()
    box.term_start.clear()
    _add(qtbot, box, "chairman", "Nông Thị Hà", "01/03/2026")
    assert box.table.rowCount() == 2 and box.table.item(0, 1).text() == "Nông Thị Hà"  # latest term first
    assert commune.officials.holder("chairman", date(2026, 1, 1)).full_name == "Hoàng Văn Thắng"
    assert commune.officials.holder("chairman", date(2026, 11, 24)).full_name == "Nông Thị Hà"

    # A term entered by mistake is removed (after a question).
    _add(qtbot, box, "secretary", "Đàm Thị Thư", "01/07/2025")
    row = next(r for r in range(box.table.rowCount()) if box.table.item(r, 1).text() == "Đàm Thị Thư")
    box.table.selectRow(row)
    qtbot.mouseClick(box.remove, Qt.MouseButton.LeftButton)
    assert dialog_log[-1][0] == "ask" and box.table.rowCount() == 2
    assert commune.officials.holder("secretary", date(2026, 1, 1)) is None


def test_the_settings_screen_has_the_section_before_the_documents(qtbot, demo) -> None:  # type: ignore[no-untyped-def]
    screen = settings_screen(demo)
    qtbot.addWidget(screen)
    box = screen.box_officials
    # The demo office: the commune chairman chairs the council, the vice-chairman is its vice-chair.
    rows = {box.table.item(r, 0).text(): box.table.item(r, 1).text() for r in range(box.table.rowCount())}
    assert rows["Chủ tịch UBND xã"] == rows["Chủ tịch Hội đồng Thi đua - Khen thưởng"]
    assert rows["Phó Chủ tịch UBND xã"] == rows["Phó Chủ tịch Hội đồng Thi đua - Khen thưởng"]
    layout = box.parentWidget().layout()
    assert layout.indexOf(box) < layout.indexOf(screen.box_documents)
    # The documents box shows who signs today, read from the officials, and cannot be typed into.
    assert screen.box_documents.chairman.isReadOnly()
    assert screen.box_documents.chairman.text() == rows["Chủ tịch UBND xã"]


def test_a_term_saved_in_the_window_announces_the_office_changed(qtbot, commune, dialog_log) -> None:  # type: ignore[no-untyped-def]
    """The settings screen gets its services from the main window (never App) and writes through
    operations: a saved term announces OFFICE to the screens, a refused one nothing."""
    window = MainWindow(commune, TODAY)
    qtbot.addWidget(window)
    announced: list[Change] = []
    window.changed.connect(announced.append)
    box = window.show_screen("settings").box_officials
    assert box.officials is commune.officials
    _add(qtbot, box, "chairman", "Hoàng Văn Thắng", "01/07/2025")
    assert announced == [Change.OFFICE] and not dialog_log
    box.full_name.clear()
    box.term_start.clear()
    _add(qtbot, box, "chairman", "Nông Thị Hà", "01/03/2026")  # overlaps the first term: refused
    assert announced == [Change.OFFICE] and dialog_log[-1][0] == "error"
