"""The shared form machinery (errors in place, drafts, unsaved prompt, Enter saves) and the
background worker (progress, Cancel, refusals shown)."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox, QLineEdit

from thidua_desktop.domain.errors import ValidationError
from thidua_desktop.services.people import PersonInput
from thidua_desktop.ui import dialogs
from thidua_desktop.ui.forms import DateField, FormDialog
from thidua_desktop.ui.worker import run_with_progress

from .conftest import type_text


class PersonForm(FormDialog):
    def __init__(self, app, **kw) -> None:  # type: ignore[no-untyped-def]
        super().__init__(app.drafts, "test-person", **kw)
        self.app = app
        self.add_field("full_name", "Họ và tên", QLineEdit())
        gender = QComboBox()
        gender.addItem("Nữ", "female")
        gender.addItem("Nam", "male")
        self.add_field("gender", "Giới tính", gender)
        self.add_field("birth", "Ngày sinh", DateField(year_allowed=True))
        self.restore_draft()

    def save(self):  # type: ignore[no-untyped-def]
        v = self.values()
        return self.app.people.create(PersonInput(v["full_name"], v["gender"], birth=v["birth"]))


def test_error_is_shown_beside_the_named_field_and_nothing_is_lost(qtbot, commune) -> None:  # type: ignore[no-untyped-def]
    form = PersonForm(commune)
    qtbot.addWidget(form)
    form.show()
    type_text(form.fields["full_name"], "Nông Thị Hoa")
    type_text(form.fields["birth"], "31/02/1990")
    qtbot.keyClick(form.fields["birth"], Qt.Key.Key_Return)  # Enter saves
    assert not form.errors["birth"].isHidden()
    assert "Ngày sinh" in form.errors["birth"].text()
    assert form.fields["full_name"].text() == "Nông Thị Hoa"
    assert commune.people.search("").total == 0
    form.fields["birth"].setText("1990")
    qtbot.keyClick(form.fields["birth"], Qt.Key.Key_Return)
    assert form.result() == FormDialog.DialogCode.Accepted
    assert [p.full_name for p in commune.people.search("").rows] == ["Nông Thị Hoa"]
    assert commune.drafts.load("test-person") is None


def test_typed_values_survive_as_a_draft_and_come_back(qtbot, commune, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    form = PersonForm(commune)
    qtbot.addWidget(form)
    type_text(form.fields["full_name"], "Lý Văn Đức")
    assert commune.drafts.load("test-person")["full_name"] == "Lý Văn Đức"
    asked = []
    monkeypatch.setattr(dialogs, "ask_yes_no", lambda *a: asked.append(a) or False)
    form.show()
    form.reject()  # the prompt appears; the user answers "No, keep editing"
    assert asked and form.isVisible()
    assert commune.drafts.load("test-person")["full_name"] == "Lý Văn Đức"
    form.dirty = False  # simulate the window vanishing in a power cut: the draft is all that is left
    again = PersonForm(commune)
    qtbot.addWidget(again)
    assert again.fields["full_name"].text() == "Lý Văn Đức"
    assert not again.banner.isHidden()


def test_worker_reports_progress_and_can_be_cancelled(qtbot) -> None:  # type: ignore[no-untyped-def]
    steps = []

    def work(progress):  # type: ignore[no-untyped-def]
        for i in range(5):
            progress.step(i, 5)
            steps.append(i)
        return "xong"

    assert run_with_progress(None, "Đang làm", work) == "xong"
    assert steps == [0, 1, 2, 3, 4]

    def cancelled(progress):  # type: ignore[no-untyped-def]
        progress.cancel()
        progress.step(1, 2)
        return "never"

    assert run_with_progress(None, "Đang làm", cancelled) is None


def test_worker_shows_a_refusal(qtbot, dialog_log) -> None:  # type: ignore[no-untyped-def]

    def refuse(_progress):  # type: ignore[no-untyped-def]
        raise ValidationError("REQUIRED", field="full_name")

    assert run_with_progress(None, "Đang làm", refuse) is None
    assert dialog_log and dialog_log[0][0] == "error" and "Họ và tên" in dialog_log[0][1]


@pytest.mark.parametrize("year_allowed", [True, False])
def test_date_field_placeholder(qtbot, year_allowed: bool) -> None:  # type: ignore[no-untyped-def]
    field = DateField(year_allowed=year_allowed)
    qtbot.addWidget(field)
    assert "dd/mm/yyyy" in field.placeholderText() or "ngày" in field.placeholderText()
