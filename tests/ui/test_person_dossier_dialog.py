"""The person dialog's "Dossier profile" tab (what Mẫu 05 asks for) and the initiative's scope of
effect, as an officer types them: saved in NFC, refused beside the field on the right tab, loaded
back when editing."""

from __future__ import annotations

import unicodedata

import pytest
from PySide6.QtCore import Qt

from thidua_desktop.services.people import PersonInput
from thidua_desktop.services.records import Subject
from thidua_desktop.ui.screens.person_dialog import DOSSIER_FIELDS, PersonDialog

from .conftest import type_text

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support")  # completer popups, offscreen


def _dialog(qtbot, app, person_id: str | None = None) -> PersonDialog:  # type: ignore[no-untyped-def]
    dialog = PersonDialog(app.people, app.office, app.records, app.drafts, person_id)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    return dialog


def _save(qtbot, dialog: PersonDialog) -> None:  # type: ignore[no-untyped-def]
    qtbot.mouseClick(dialog.buttons.button(dialog.buttons.StandardButton.Save), Qt.MouseButton.LeftButton)


def test_dossier_fields_are_typed_on_their_own_tab_and_saved(qtbot, commune) -> None:  # type: ignore[no-untyped-def]
    dialog = _dialog(qtbot, commune)
    assert dialog.tabs.count() == 2  # Details and Dossier profile (no history before the first save)
    f = dialog.fields
    type_text(f["full_name"], "Nông Thị Hường")
    f["gender"].setCurrentIndex(f["gender"].findData("female"))
    dialog.tabs.setCurrentIndex(1)
    assert all(dialog.tabs.widget(1).isAncestorOf(f[name]) for name in DOSSIER_FIELDS)
    type_text(f["hometown"], unicodedata.normalize("NFD", "xã  Hòa An, tỉnh Cao Bằng"))
    type_text(f["qualification"], "Đại học Luật")
    type_text(f["political_theory"], "Trung cấp")
    type_text(f["academic_title"], "Không")
    duties = f["duties"]
    type_text(duties, "Tiếp nhận hồ sơ một cửa")
    qtbot.keyClick(duties, Qt.Key.Key_Return)  # a new line in the duties, not Save
    assert dialog.isVisible()
    type_text(duties, "Văn thư, lưu trữ")
    assert commune.drafts.load("person-new")["hometown"]  # the draft keeps this tab too
    _save(qtbot, dialog)
    assert dialog.result() == PersonDialog.DialogCode.Accepted
    [person] = commune.people.search("nong thi huong").rows
    assert (person.hometown, person.qualification, person.political_theory, person.academic_title,
            person.duties) == ("xã Hòa An, tỉnh Cao Bằng", "Đại học Luật", "Trung cấp", "Không",
                               "Tiếp nhận hồ sơ một cửa\nVăn thư, lưu trữ")
    assert unicodedata.is_normalized("NFC", person.hometown)

    again = _dialog(qtbot, commune, person.id)
    assert again.tabs.count() == 3  # and the history
    assert again.fields["hometown"].text() == "xã Hòa An, tỉnh Cao Bằng"
    assert again.fields["duties"].toPlainText() == "Tiếp nhận hồ sơ một cửa\nVăn thư, lưu trữ"
    assert not again.dirty


def test_a_refused_dossier_field_brings_its_tab_to_the_front(qtbot, commune) -> None:  # type: ignore[no-untyped-def]
    dialog = _dialog(qtbot, commune)
    f = dialog.fields
    type_text(f["full_name"], "Lý Văn Toàn")
    f["gender"].setCurrentIndex(f["gender"].findData("male"))
    f["political_theory"].setText("Trung cấp " * 12)  # pasted by mistake: past the 100 characters kept
    assert dialog.tabs.currentIndex() == 0
    _save(qtbot, dialog)
    assert dialog.isVisible() and commune.people.search("").total == 0
    assert [name for name, label in dialog.errors.items() if not label.isHidden()] == ["political_theory"]
    assert "100" in dialog.errors["political_theory"].text()
    assert dialog.tabs.currentIndex() == 1 and dialog.errors["political_theory"].isVisible()
    f["political_theory"].setText("Trung cấp")
    _save(qtbot, dialog)
    assert commune.people.search("").rows[0].political_theory == "Trung cấp"


def test_an_initiative_is_added_with_its_scope_and_effect(qtbot, commune) -> None:  # type: ignore[no-untyped-def]
    person = commune.people.create(PersonInput("Lý Văn Toàn", "male"))
    dialog = _dialog(qtbot, commune, person.id)
    section = dialog.history.initiatives
    scope = section.fields["scope"]
    assert [scope.itemData(i) for i in range(scope.count())] == [None, "grassroots", "provincial", "national"]
    type_text(section.fields["title"], "Sổ tay song ngữ Tày - Việt")
    section.fields["year"].setText("2026")
    scope.setCurrentIndex(scope.findData("provincial"))
    type_text(section.fields["effect"], "Các xã vùng cao trong tỉnh áp dụng")
    section.add_button.click()
    assert section.error.isHidden()
    [stored] = commune.records.initiatives_of(Subject(person_id=person.id))
    assert (stored.title, stored.scope, stored.effect) == ("Sổ tay song ngữ Tày - Việt", "provincial",
                                                           "Các xã vùng cao trong tỉnh áp dụng")
    # Left blank, the scope is "not recorded" (printed dotted and listed before printing).
    type_text(section.fields["title"], "Bản đồ số")
    section.fields["year"].setText("2025")
    scope.setCurrentIndex(0)
    section.add_button.click()
    assert sorted(i.scope for i in commune.records.initiatives_of(Subject(person_id=person.id))) == ["", "provincial"]
    assert section.model.rowCount() == 2
