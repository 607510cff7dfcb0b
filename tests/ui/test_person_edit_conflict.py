"""Two officers on one person (issue 14's optimistic locking), in the person form: the later save
shows who changed the record and when, offers a reload, and loses nothing that was typed."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from PySide6.QtWidgets import QDialogButtonBox

from thidua_desktop.bootstrap import App
from thidua_desktop.services.people import PersonInput
from thidua_desktop.ui.screens.person_dialog import PersonDialog

from .conftest import type_text

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support")  # completer popups, offscreen


def test_a_stale_save_shows_who_changed_it_and_reloads_keeping_what_was_typed(
        qtbot, commune: App, app_factory: Callable[..., App]) -> None:  # type: ignore[no-untyped-def]
    commune.set_actor("Nông Thị An")
    other = app_factory()  # officer B's window on the same data folder
    other.set_actor("Bế Văn Bình")
    person = commune.people.create(PersonInput(full_name="Lương Văn Cường", gender="male", birth="1980",
                                               phone="0912345678"))
    dialog = PersonDialog(other.people, other.office, other.records, other.drafts, person.id)
    qtbot.addWidget(dialog)
    dialog.show()
    commune.people.edit(person.id, {"phone": "0987654321"})  # officer A saves first
    dialog.fields["position"].clear()
    type_text(dialog.fields["position"], "Trưởng thôn")
    dialog.buttons.button(QDialogButtonBox.StandardButton.Save).click()

    assert dialog.isVisible() and dialog.result() != PersonDialog.DialogCode.Accepted
    assert dialog.banner.isVisibleTo(dialog)
    assert "Nông Thị An" in dialog.banner.text()
    assert dialog.reload_button.isVisibleTo(dialog)
    assert other.people.get(person.id).phone == "0987654321"  # A's number is not overwritten

    dialog.reload_button.click()
    assert dialog.fields["phone"].text() == "0987654321"  # the saved version is in the form
    assert dialog.fields["position"].text() == ""
    note = dialog.errors["position"]
    assert note.isVisibleTo(dialog) and "Trưởng thôn" in note.text()  # what B typed is still shown
    assert not dialog.errors["phone"].isVisibleTo(dialog)  # B did not change the phone: no note
    assert not dialog.reload_button.isVisibleTo(dialog)

    type_text(dialog.fields["position"], "Trưởng thôn")
    dialog.buttons.button(QDialogButtonBox.StandardButton.Save).click()
    assert dialog.result() == PersonDialog.DialogCode.Accepted
    saved = commune.people.get(person.id)
    assert (saved.phone, saved.position) == ("0987654321", "Trưởng thôn")
