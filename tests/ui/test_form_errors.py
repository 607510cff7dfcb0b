"""Form refusals an officer can read and act on (issue 9, points 4, 5, 6 and 14): the dialog grows
so a wrapped message is never cut, one Save shows every problem beside its own field, impossible
dates are refused, and unusual ones are asked about once before saving."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel

from thidua_desktop.services.movements import MovementInput
from thidua_desktop.ui import dialogs
from thidua_desktop.ui.screens.activities import ActivitiesScreen
from thidua_desktop.ui.screens.person_dialog import PersonDialog

from .conftest import type_text

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support")  # completer popups, offscreen


def _dialog(qtbot, app) -> PersonDialog:  # type: ignore[no-untyped-def]
    dialog = PersonDialog(app.people, app.office, app.records, app.drafts)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    return dialog


def _save(qtbot, dialog: PersonDialog) -> None:  # type: ignore[no-untyped-def]
    qtbot.mouseClick(dialog.buttons.button(dialog.buttons.StandardButton.Save), Qt.MouseButton.LeftButton)


def _fits(dialog: PersonDialog, label: QLabel) -> bool:
    """The whole wrapped text has room: the label is as tall as its text needs at its width, and
    the label lies inside the dialog."""
    bottom = label.mapTo(dialog, label.rect().bottomLeft()).y()
    return label.height() >= label.heightForWidth(label.width()) and bottom <= dialog.height()


def _shown(dialog: PersonDialog) -> list[str]:
    return [name for name, label in dialog.errors.items() if not label.isHidden()]


def test_dialog_grows_so_a_two_line_error_is_not_cut(qtbot, commune) -> None:  # type: ignore[no-untyped-def]
    dialog = _dialog(qtbot, commune)
    before = dialog.height()
    type_text(dialog.fields["full_name"], "Nông Thị Hường")
    dialog.fields["gender"].setCurrentIndex(dialog.fields["gender"].findData("female"))
    type_text(dialog.fields["cccd"], "099085123456")  # unknown province: the longest CCCD message
    _save(qtbot, dialog)
    label = dialog.errors["cccd"]
    assert _shown(dialog) == ["cccd"]
    assert "Số căn cước «099085123456»" in label.text() and "Cao Bằng" in label.text()  # accents kept
    assert label.heightForWidth(label.width()) > 2 * label.fontMetrics().height()  # it wraps
    assert _fits(dialog, label)
    assert dialog.height() > before
    assert dialog.isVisible() and commune.people.search().total == 0


def test_one_save_shows_all_three_errors_beside_their_fields(qtbot, commune, dialog_log) -> None:  # type: ignore[no-untyped-def]
    dialog = _dialog(qtbot, commune)
    dialog.fields["gender"].setCurrentIndex(dialog.fields["gender"].findData("male"))
    type_text(dialog.fields["cccd"], "12345")
    type_text(dialog.fields["phone"], "0123")
    type_text(dialog.fields["position"], "Công an viên")
    _save(qtbot, dialog)  # one click
    assert _shown(dialog) == ["full_name", "cccd", "phone"]
    assert "«Họ và tên»" in dialog.errors["full_name"].text()
    assert "12 chữ số" in dialog.errors["cccd"].text()
    assert "«0123»" in dialog.errors["phone"].text()
    assert all(_fits(dialog, dialog.errors[name]) for name in _shown(dialog))
    assert dialog.focusWidget() is dialog.fields["full_name"]  # the first problem has the focus
    assert dialog_log == [] and commune.people.search().total == 0
    assert dialog.fields["position"].text() == "Công an viên"  # nothing typed is lost

    type_text(dialog.fields["full_name"], "Lò Văn 😀")
    _save(qtbot, dialog)
    assert "«😀» (ký tự thứ 8)" in dialog.errors["full_name"].text()


def test_a_future_birth_date_is_refused(qtbot, commune, dialog_log) -> None:  # type: ignore[no-untyped-def]
    dialog = _dialog(qtbot, commune)
    type_text(dialog.fields["full_name"], "Bế Văn Nam")
    dialog.fields["gender"].setCurrentIndex(dialog.fields["gender"].findData("male"))
    future = date.today() + timedelta(days=3)
    type_text(dialog.fields["birth"], future.strftime("%d/%m/%Y"))
    _save(qtbot, dialog)
    assert _shown(dialog) == ["birth"]
    assert future.strftime("%d/%m/%Y") in dialog.errors["birth"].text()
    assert "chưa thể xảy ra" in dialog.errors["birth"].text()
    assert dialog_log == [] and commune.people.search().total == 0


def test_unusual_values_are_asked_about_once_before_saving(qtbot, commune, dialog_log,  # type: ignore[no-untyped-def]
                                                           monkeypatch) -> None:
    dialog = _dialog(qtbot, commune)
    type_text(dialog.fields["full_name"], "Hoàng Văn Đức")
    dialog.fields["gender"].setCurrentIndex(dialog.fields["gender"].findData("male"))
    type_text(dialog.fields["birth"], f"01/01/{date.today().year - 80}")
    type_text(dialog.fields["position"], "Trưởng xóm")
    answers: list[str] = []
    monkeypatch.setattr(dialogs, "ask_yes_no", lambda _p, _title, text: answers.append(text) or False)
    _save(qtbot, dialog)
    [question] = answers
    assert "• Theo «Ngày sinh»" in question and "đã 80 tuổi" in question  # each notice on its line, in Vietnamese
    assert dialog.isVisible() and commune.people.search().total == 0  # "No": back to the form

    monkeypatch.setattr(dialogs, "ask_yes_no", lambda _p, _title, text: answers.append(text) or True)
    _save(qtbot, dialog)
    assert len(answers) == 2 and commune.people.search().total == 1
    assert dialog.result() == PersonDialog.DialogCode.Accepted


def test_an_activity_two_years_ahead_is_asked_about_before_saving(qtbot, commune, dialog_log,  # type: ignore[no-untyped-def]
                                                                  monkeypatch) -> None:
    movement = commune.movements.create(MovementInput(code="B-NTM", name="Chung tay xây dựng nông thôn mới"))
    screen = ActivitiesScreen(commune.movements, commune.office, commune.drafts)
    qtbot.addWidget(screen)
    entry = screen.entry
    entry.movement.setCurrentIndex(entry.movement.findData(movement))
    ahead = (date.today() + timedelta(days=731)).strftime("%d/%m/%Y")
    entry.held_on.clear()
    qtbot.keyClicks(entry.held_on, ahead)
    type_text(entry.place, "Nhà văn hoá xóm")

    monkeypatch.setattr(dialogs, "ask_yes_no", lambda _p, _title, text: dialog_log.append(("ask", text)) or False)
    qtbot.keyClick(entry.save_button, Qt.Key.Key_Space)
    [(kind, question)] = dialog_log
    assert kind == "ask" and ahead in question and "nhầm năm" in question
    assert commune.movements.activities() == [] and entry.place.text() == "Nhà văn hoá xóm"

    monkeypatch.setattr(dialogs, "ask_yes_no", lambda _p, _title, text: dialog_log.append(("ask", text)) or True)
    qtbot.keyClick(entry.save_button, Qt.Key.Key_Space)
    assert len(dialog_log) == 2
    [saved] = commune.movements.activities()
    assert saved["held_on"] == (date.today() + timedelta(days=731)).isoformat()


def test_an_activity_this_month_saves_without_a_question(qtbot, commune, dialog_log) -> None:  # type: ignore[no-untyped-def]
    movement = commune.movements.create(MovementInput(code="A-VH", name="Toàn dân đoàn kết"))
    screen = ActivitiesScreen(commune.movements, commune.office, commune.drafts)
    qtbot.addWidget(screen)
    entry = screen.entry
    entry.movement.setCurrentIndex(entry.movement.findData(movement))
    entry.held_on.clear()
    qtbot.keyClicks(entry.held_on, date.today().strftime("%d/%m/%Y"))
    qtbot.keyClick(entry.save_button, Qt.Key.Key_Space)
    assert [kind for kind, _ in dialog_log if kind == "ask"] == []
    assert len(commune.movements.activities()) == 1


def test_collective_dialog_shows_the_emoji_and_the_other_problems_together(qtbot, commune) -> None:  # type: ignore[no-untyped-def]
    from thidua_desktop.ui.screens.collective_dialog import CollectiveDialog

    dialog = CollectiveDialog(commune.collectives, commune.people, commune.office, commune.records, commune.drafts)
    qtbot.addWidget(dialog)
    dialog.show()
    type_text(dialog.fields["name"], "Chi hội 🌾 Nà Lẹng")
    type_text(dialog.fields["member_count"], "năm mươi")
    dialog.try_save()
    shown = [name for name, label in dialog.errors.items() if not label.isHidden()]
    assert shown == ["name", "kind", "member_count"]  # the kind is still to be chosen
    assert "«🌾» (ký tự thứ 9)" in dialog.errors["name"].text()
    assert dialog.focusWidget() is dialog.fields["name"]
    assert commune.collectives.search()[1] == 0
