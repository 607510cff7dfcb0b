"""Phong trào: create and edit movements with their indicators through the form, search, filter,
and see the indicators' progress."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QApplication, QDialogButtonBox, QLineEdit, QProgressBar, QTableWidget

from thidua_desktop.services.movements import IndicatorInput, MovementInput
from thidua_desktop.ui.screens.movement_dialog import INDICATOR_KEYS, MovementDialog
from thidua_desktop.ui.screens.movement_forms import direction_text, indicator_kind_text
from thidua_desktop.ui.screens.movements import MovementsScreen

from .conftest import type_text

COL = {key: column for column, key in enumerate(INDICATOR_KEYS)}
TYPED = ("name", "unit", "baseline", "target", "reporting_dates")  # the columns typed into, in order


def edit_cell(qtbot, table: QTableWidget, row: int, column: int, text: str) -> None:  # type: ignore[no-untyped-def]
    """Open the cell's editor as a double-click would, type, press Enter."""
    index = table.model().index(row, column)
    if table.indexWidget(index) is None:  # "Add indicator" already opened the first cell's editor
        table.setCurrentCell(row, column)
        table.editItem(table.item(row, column))
    editor = table.indexWidget(index)
    assert isinstance(editor, QLineEdit)
    editor.selectAll()
    editor.del_()
    type_text(editor, text)
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: table.item(row, column).text() == text, timeout=1000)  # Qt commits queued


def type_lines(qtbot, box, lines: list[str]) -> None:  # type: ignore[no-untyped-def]
    for number, line in enumerate(lines):
        if number:
            qtbot.keyClick(box, Qt.Key.Key_Return)
        type_text(box, line)


def save(qtbot, dialog: MovementDialog) -> None:  # type: ignore[no-untyped-def]
    qtbot.mouseClick(dialog.buttons.button(QDialogButtonBox.StandardButton.Save), Qt.MouseButton.LeftButton)


def test_new_movement_with_indicators_is_saved_through_the_form(qtbot, commune) -> None:  # type: ignore[no-untyped-def]
    screen = MovementsScreen(commune.movements, commune.drafts)
    qtbot.addWidget(screen)
    screen.resize(1130, 680)
    screen.show()
    screen.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is screen)
    screen.table.setFocus()
    qtbot.keyClick(screen.table, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)  # Ctrl+N = New
    dialog = screen.dialog
    assert dialog is not None and dialog.isVisible()
    f = dialog.fields
    qtbot.keyClicks(f["code"], "XDNTM-2026")
    type_text(f["name"], "Cả nước chung tay xây dựng nông thôn mới")
    type_text(f["launch_doc_number"], "01/KH-UBND")
    qtbot.keyClicks(f["launch_doc_date"], "05/01/2026")
    f["launch_level"].setCurrentIndex(f["launch_level"].findData("commune"))
    f["kind"].setCurrentIndex(f["kind"].findData("regular"))
    qtbot.keyClicks(f["period_start"], "01/02/2026")
    qtbot.keyClicks(f["period_end"], "31/12/2026")
    qtbot.keyClicks(f["final_review_date"], "15/12/2026")
    type_lines(qtbot, f["goals"], ["Giữ vững 19 tiêu chí", "Nâng cao thu nhập"])
    type_lines(qtbot, f["participants"], ["Xóm Nà Đoỏng", "Hội Phụ nữ xã"])
    qtbot.mouseClick(dialog.add_row, Qt.MouseButton.LeftButton)
    for key, text in zip(TYPED, ["Đường giao thông được cứng hoá", "km", "2", "5,5", "30/06/2026, 15/12/2026"],
                         strict=True):
        edit_cell(qtbot, dialog.table, 0, COL[key], text)
    qtbot.mouseClick(dialog.add_row, Qt.MouseButton.LeftButton)
    for key, text in zip(TYPED, ["Hộ đạt gia đình văn hoá", "hộ", "", "120", ""], strict=True):
        if text:
            edit_cell(qtbot, dialog.table, 1, COL[key], text)
    save(qtbot, dialog)
    assert dialog.result() == MovementDialog.DialogCode.Accepted

    rows, total = commune.movements.search("nong thon moi")  # read back through the service
    assert total == 1
    movement = commune.movements.get(rows[0].id)
    assert (movement.code, movement.kind, movement.period_end) == ("XDNTM-2026", "regular", "31/12/2026")
    assert movement.goals == ["Giữ vững 19 tiêu chí", "Nâng cao thu nhập"]
    assert movement.participants == ["Xóm Nà Đoỏng", "Hội Phụ nữ xã"]
    assert [(i.name, i.unit, i.baseline, i.target, i.reporting_dates) for i in movement.indicators] == [
        ("Đường giao thông được cứng hoá", "km", 2.0, 5.5, ["30/06/2026", "15/12/2026"]),
        ("Hộ đạt gia đình văn hoá", "hộ", None, 120.0, [])]
    assert screen.model.total == 1 and screen.selected_id == rows[0].id
    assert commune.drafts.load("movement-new") is None


def test_a_bad_date_is_shown_beside_its_field_and_nothing_is_written(qtbot, commune) -> None:  # type: ignore[no-untyped-def]
    screen = MovementsScreen(commune.movements, commune.drafts)
    qtbot.addWidget(screen)
    dialog = screen.new_movement()
    qtbot.keyClicks(dialog.fields["code"], "M1")
    type_text(dialog.fields["name"], "Phong trào thử")
    qtbot.keyClicks(dialog.fields["period_start"], "31/02/2026")
    qtbot.keyClick(dialog.fields["period_start"], Qt.Key.Key_Return)  # Enter saves
    assert not dialog.errors["period_start"].isHidden()
    assert "31/02/2026" in dialog.errors["period_start"].text()
    assert "period_start" not in dialog.errors["period_start"].text()  # the field is named, not its code
    assert commune.movements.search()[1] == 0
    dialog.fields["period_start"].clear()
    qtbot.mouseClick(dialog.add_row, Qt.MouseButton.LeftButton)
    edit_cell(qtbot, dialog.table, 0, 0, "Chỉ tiêu")
    edit_cell(qtbot, dialog.table, 0, COL["target"], "nhiều")
    save(qtbot, dialog)
    assert not dialog.indicator_error.isHidden()
    assert "nhiều" in dialog.indicator_error.text() and "indicators" not in dialog.indicator_error.text()
    assert dialog.table.currentRow() == 0 and dialog.table.currentColumn() == COL["target"]
    assert commune.movements.search()[1] == 0
    dialog.reject()


def _movement_with_values(app) -> tuple[str, list[dict[str, object]]]:  # type: ignore[no-untyped-def]
    movement = app.movements.create(MovementInput(
        code="CT12", name="Thi đua thực hiện Chỉ thị 12", period_start="15/05/2026",
        indicators=[IndicatorInput("Mô hình kinh tế mới", "mô hình", 2, 10),
                    IndicatorInput("Hộ thoát nghèo", "hộ", 0, 40)]))
    indicators = app.movements.indicators(movement)
    app.movements.record_activity(movement_id=movement, held_on="01/06/2026", participants_total=30,
                                  indicator_values={str(indicators[0]["id"]): 4, str(indicators[1]["id"]): 7})
    return movement, indicators


def test_edit_by_double_click_changes_adds_and_removes_indicators(qtbot, commune, dialog_log) -> None:  # type: ignore[no-untyped-def]
    movement, indicators = _movement_with_values(commune)
    screen = MovementsScreen(commune.movements, commune.drafts)
    qtbot.addWidget(screen)
    screen.show()
    qtbot.waitExposed(screen)
    rect = screen.table.visualRect(screen.model.index(0, 1))
    qtbot.mouseClick(screen.table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    qtbot.mouseDClick(screen.table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    dialog = screen.dialog
    assert dialog is not None and dialog.movement_id == movement
    assert dialog.fields["code"].text() == "CT12" and dialog.table.rowCount() == 2
    edit_cell(qtbot, dialog.table, 0, COL["target"], "12")
    dialog.table.setCurrentCell(1, 0)
    qtbot.mouseClick(dialog.remove_row, Qt.MouseButton.LeftButton)
    assert dialog_log[-1][0] == "ask" and "Hộ thoát nghèo" in dialog_log[-1][1]
    qtbot.mouseClick(dialog.add_row, Qt.MouseButton.LeftButton)
    edit_cell(qtbot, dialog.table, 1, 0, "Sản phẩm OCOP")
    edit_cell(qtbot, dialog.table, 1, COL["target"], "3")
    save(qtbot, dialog)
    assert dialog.result() == MovementDialog.DialogCode.Accepted
    after = commune.movements.indicators(movement)
    assert [(i["name"], i["target"], i["reported"]) for i in after] == [
        ("Mô hình kinh tế mới", 12.0, 4.0), ("Sản phẩm OCOP", 3.0, 0.0)]
    assert after[0]["id"] == indicators[0]["id"]  # changed in place, so its reported values still count


def test_search_ignores_accents_filter_by_status_and_progress_bars(qtbot, commune) -> None:  # type: ignore[no-untyped-def]
    movement, _indicators = _movement_with_values(commune)
    commune.movements.create(MovementInput(code="VH", name="Toàn dân đoàn kết xây dựng đời sống văn hoá",
                                           status="closed"))
    screen = MovementsScreen(commune.movements, commune.drafts)
    qtbot.addWidget(screen)
    assert screen.model.total == 2
    type_text(screen.search, "doi song van hoa")
    qtbot.waitUntil(lambda: screen.model.total == 1, timeout=2000)
    assert screen.model.row_object(0).code == "VH"
    screen.search.clear()
    qtbot.waitUntil(lambda: screen.model.total == 2, timeout=2000)
    screen.status.setCurrentIndex(screen.status.findData("active"))
    assert [screen.model.row_object(r).code for r in range(screen.model.rowCount())] == ["CT12"]
    screen.table.selectRow(0)
    bars = [screen.indicators.itemAt(i).widget() for i in range(screen.indicators.count())]
    bars = [b for b in bars if isinstance(b, QProgressBar)]
    assert [(b.value(), b.text()) for b in bars] == [(40, "4 / 10"), (18, "7 / 40")]
    assert screen.selected_id == movement


def test_indicator_kind_and_direction_are_chosen_in_the_table(qtbot, commune) -> None:  # type: ignore[no-untyped-def]
    """Issue 10, point 8: each indicator row has its kind and its direction; a new row's direction
    follows its figures (target below baseline: lower is better) until the officer picks one."""
    screen = MovementsScreen(commune.movements, commune.drafts)
    qtbot.addWidget(screen)
    dialog = screen.new_movement()
    qtbot.keyClicks(dialog.fields["code"], "KTXH")
    type_text(dialog.fields["name"], "Phát triển kinh tế - xã hội")
    assert dialog.table.horizontalHeaderItem(COL["kind"]).text() == QCoreApplication.translate(
        "MovementDialog", "Kind of indicator")
    qtbot.mouseClick(dialog.add_row, Qt.MouseButton.LeftButton)
    for key, text in zip(TYPED, ["Tỷ lệ hộ nghèo", "%", "18,5", "10", ""], strict=True):
        if text:
            edit_cell(qtbot, dialog.table, 0, COL[key], text)
    kind, direction = (dialog.table.cellWidget(0, COL[k]) for k in ("kind", "direction"))
    assert direction.currentData() == "down" and direction.currentText() == direction_text("down")
    kind.setCurrentIndex(kind.findData("percentage"))
    qtbot.mouseClick(dialog.add_row, Qt.MouseButton.LeftButton)
    for key, text in zip(TYPED, ["Thu nhập bình quân đầu người", "triệu đồng/năm", "32", "45", ""], strict=True):
        if text:
            edit_cell(qtbot, dialog.table, 1, COL[key], text)
    dialog.table.cellWidget(1, COL["kind"]).setCurrentIndex(1)  # level
    assert [dialog.table.cellWidget(1, COL["kind"]).itemText(i) for i in range(3)] == [
        indicator_kind_text(k) for k in ("count", "level", "percentage")]
    save(qtbot, dialog)
    assert dialog.result() == MovementDialog.DialogCode.Accepted
    [row] = commune.movements.search("KTXH")[0]
    assert [(i.name, i.kind, i.direction) for i in commune.movements.get(row.id).indicators] == [
        ("Tỷ lệ hộ nghèo", "percentage", "down"), ("Thu nhập bình quân đầu người", "level", "up")]

    # Reopened for editing, the rows show what was stored.
    edit = screen._open(row.id)
    assert edit.table.cellWidget(0, COL["kind"]).currentData() == "percentage"
    assert edit.table.cellWidget(0, COL["direction"]).currentData() == "down"
    edit.reject()
