"""Điển hình tiên tiến: discover an example through the form, move its card stage by stage with a
date and notes, and see each stage's date and notes on the card."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QDialogButtonBox

from thidua_desktop.services.movements import MovementInput
from thidua_desktop.services.people import PersonInput
from thidua_desktop.ui.screens.exemplars import ExemplarsScreen

from .conftest import type_text


def _screen(qtbot, app) -> ExemplarsScreen:  # type: ignore[no-untyped-def]
    screen = ExemplarsScreen(app.exemplars, app.movements, app.people, app.collectives, app.drafts)
    qtbot.addWidget(screen)
    screen.resize(1130, 680)
    return screen


def _save(qtbot, dialog) -> None:  # type: ignore[no-untyped-def]
    qtbot.mouseClick(dialog.buttons.button(QDialogButtonBox.StandardButton.Save), Qt.MouseButton.LeftButton)


def test_discover_then_advance_a_card_through_every_stage(qtbot, commune) -> None:  # type: ignore[no-untyped-def]
    movement = commune.movements.create(MovementInput(code="NTM", name="Chung tay xây dựng nông thôn mới"))
    person = commune.people.create(PersonInput("Hoàng Thị Mai", "female", ethnicity="Tày"))
    commune.people.create(PersonInput("Nông Văn Mạnh", "male"))
    screen = _screen(qtbot, commune)
    screen.show()
    screen.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is screen)
    screen.filter.setFocus()
    qtbot.keyClick(screen.filter, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)  # Ctrl+N = New
    dialog = screen.dialog
    assert dialog is not None and dialog.isVisible()
    type_text(dialog.fields["title"], "Hộ nuôi ong lấy mật thoát nghèo")
    type_text(dialog.fields["description"], "Từ 5 đàn ong lên 60 đàn")
    dialog.movement.setCurrentIndex(dialog.movement.findData(movement))
    type_text(dialog.find_field, "hoang thi")
    qtbot.waitUntil(lambda: dialog.subject.count() == 2, timeout=2000)
    assert dialog.subject.currentData() == f"person:{person.id}"  # the only match is picked
    dialog.fields["discovered_on"].clear()
    qtbot.keyClicks(dialog.fields["discovered_on"], "10/06/2026")
    type_text(dialog.fields["notes"], "Phát hiện qua báo cáo của xóm")
    _save(qtbot, dialog)

    [card] = commune.exemplars.board()["discovered"]  # read back through the service
    assert (card["title"], card["subject"], card["movement"]) == (
        "Hộ nuôi ong lấy mật thoát nghèo", "Hoàng Thị Mai", "Chung tay xây dựng nông thôn mới")
    assert card["stages"] == [{"stage": "discovered", "date": "2026-06-10", "notes": "Phát hiện qua báo cáo của xóm"}]
    widget = screen.cards[str(card["id"])]
    assert "10/06/2026" in widget.history.text() and "Phát hiện qua báo cáo" in widget.toolTip()

    for stage, day, notes in (("fostered", "01/07/2026", "Hỗ trợ vốn và kỹ thuật"),
                              ("summarised", "01/09/2026", "Tổng kết mô hình"),
                              ("replicated", "15/10/2026", "Nhân rộng ra 3 xóm")):
        button = screen.cards[str(card["id"])].advance_button
        assert button is not None
        qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
        advance = screen.dialog
        advance.fields["entered_on"].clear()
        qtbot.keyClicks(advance.fields["entered_on"], day)
        type_text(advance.fields["notes"], notes)
        qtbot.keyClick(advance.fields["entered_on"], Qt.Key.Key_Return)  # Enter saves
        assert [c["id"] for c in commune.exemplars.board()[stage]] == [card["id"]]
    [done] = commune.exemplars.board()["replicated"]
    assert [(s["stage"], s["date"], s["notes"]) for s in done["stages"]] == [
        ("discovered", "2026-06-10", "Phát hiện qua báo cáo của xóm"),
        ("fostered", "2026-07-01", "Hỗ trợ vốn và kỹ thuật"),
        ("summarised", "2026-09-01", "Tổng kết mô hình"),
        ("replicated", "2026-10-15", "Nhân rộng ra 3 xóm")]
    last = screen.cards[str(card["id"])]
    assert last.advance_button is None  # the last stage has no next one
    assert "15/10/2026" in last.history.text() and "Nhân rộng ra 3 xóm" in last.history.text()
    assert screen.columns["replicated"][0].title().endswith("(1)")


def test_a_date_before_the_previous_stage_is_refused_beside_the_date(qtbot, commune) -> None:  # type: ignore[no-untyped-def]
    exemplar = commune.exemplars.discover(title="Câu lạc bộ hát then", discovered_on="10/06/2026")
    screen = _screen(qtbot, commune)
    qtbot.mouseClick(screen.cards[exemplar].advance_button, Qt.MouseButton.LeftButton)
    dialog = screen.dialog
    dialog.fields["entered_on"].clear()
    qtbot.keyClicks(dialog.fields["entered_on"], "01/05/2026")
    _save(qtbot, dialog)
    assert not dialog.errors["entered_on"].isHidden()
    assert "entered_on" not in dialog.errors["entered_on"].text()
    assert [c["id"] for c in commune.exemplars.board()["discovered"]] == [exemplar]
    dialog.fields["entered_on"].setText("31/13/2026")
    _save(qtbot, dialog)
    assert "31/13/2026" in dialog.errors["entered_on"].text()
    dialog.reject()


def test_new_example_needs_a_title_and_board_filters_by_movement(qtbot, commune) -> None:  # type: ignore[no-untyped-def]
    first = commune.movements.create(MovementInput(code="A", name="Phong trào A"))
    second = commune.movements.create(MovementInput(code="B", name="Phong trào B"))
    commune.exemplars.discover(title="Mô hình A", discovered_on="01/06/2026", movement_id=first)
    commune.exemplars.discover(title="Mô hình B", discovered_on="01/06/2026", movement_id=second)
    screen = _screen(qtbot, commune)
    assert len(screen.cards) == 2
    screen.filter.setCurrentIndex(screen.filter.findData(second))
    assert [c.card["title"] for c in screen.cards.values()] == ["Mô hình B"]
    dialog = screen.new_exemplar()
    assert dialog.movement.currentData() == second  # the filtered movement is proposed
    _save(qtbot, dialog)
    assert not dialog.errors["title"].isHidden()
    assert len(commune.exemplars.board()["discovered"]) == 2
    dialog.reject()
