"""Collectives and households as an officer uses them: search, kind filter, a new collective
with members picked from the register, errors beside the field, editing with its history."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from thidua_desktop.services.people import PersonInput
from thidua_desktop.services.records import Subject
from thidua_desktop.ui.screens.collectives import CollectivesScreen

from .conftest import type_text


def _screen(qtbot, app) -> CollectivesScreen:  # type: ignore[no-untyped-def]
    screen = CollectivesScreen(app.collectives, app.people, app.office, app.records, app.drafts)
    qtbot.addWidget(screen)
    screen.resize(1280, 700)
    screen.show()
    screen.activateWindow()  # keyboard shortcuts need the active window
    qtbot.waitUntil(lambda: QApplication.activeWindow() is screen)
    return screen


def _names(screen) -> list[str]:  # type: ignore[no-untyped-def]
    return [screen.model.row_object(r).name for r in range(screen.model.rowCount())]


def _choose(combo, data) -> None:  # type: ignore[no-untyped-def]
    combo.setCurrentIndex(combo.findData(data))


def test_search_and_kind_filter(qtbot, demo) -> None:  # type: ignore[no-untyped-def]
    screen = _screen(qtbot, demo)
    assert screen.model.total == demo.collectives.search()[1]
    type_text(screen.search, "hoi phu nu")  # no accents typed
    qtbot.waitUntil(lambda: _names(screen) == ["Hội Liên hiệp Phụ nữ xã"], timeout=2000)
    screen.search.clear()
    _choose(screen.kind, "household")
    qtbot.waitUntil(lambda: screen.model.total == demo.collectives.search(kind="household")[1], timeout=2000)
    assert {screen.model.row_object(r).kind for r in range(screen.model.rowCount())} == {"household"}


def test_new_collective_with_members_from_the_register(qtbot, commune) -> None:  # type: ignore[no-untyped-def]
    village = commune.office.add_village("Bản Giốc")
    commune.people.create_many([PersonInput("Nông Thị Hoa", "female"), PersonInput("Lý Văn Đức", "male"),
                                PersonInput("Bế Thị Lan", "female")])
    screen = _screen(qtbot, commune)
    screen.new_button.click()
    dialog = screen.dialog
    f = dialog.fields
    type_text(f["name"], "Chi hội Phụ nữ Bản Giốc")
    _choose(f["kind"], "mass_organisation")
    _choose(f["village"], village.id)
    type_text(f["member_count"], "40")
    type_text(f["women_count"], "41")  # more women than members: refused beside the field
    picker = dialog.picker
    type_text(picker.search, "thi")  # finds the two women, accents optional
    assert [picker.model.row_object(r).full_name for r in range(picker.model.rowCount())] == [
        "Nông Thị Hoa", "Bế Thị Lan"]
    picker.results.selectAll()
    picker.add_button.click()
    assert len(picker.ids()) == 2
    assert commune.drafts.load("collective-new")["member_ids"] == picker.ids()
    dialog.try_save()
    assert not dialog.errors["women_count"].isHidden() and dialog.isVisible()
    assert commune.collectives.search()[1] == 0
    f["women_count"].setText("38")
    qtbot.keyClick(f["name"], Qt.Key.Key_Return)  # Enter saves
    assert not dialog.isVisible()
    [unit], total = commune.collectives.search("chi hoi phu nu ban gioc")
    assert total == 1
    assert (unit.name, unit.kind, unit.village, unit.member_count, unit.women_count, unit.registered_members) == (
        "Chi hội Phụ nữ Bản Giốc", "mass_organisation", "Bản Giốc", 40, 38, 2)
    names = {p.full_name for p in commune.people.get_many(commune.collectives.member_ids(unit.id))}
    assert names == {"Nông Thị Hoa", "Bế Thị Lan"}
    assert _names(screen) == ["Chi hội Phụ nữ Bản Giốc"]


def test_edit_members_history_and_delete(qtbot, commune, dialog_log) -> None:  # type: ignore[no-untyped-def]
    people = commune.people.create_many([PersonInput("Nông Thị Hoa", "female"), PersonInput("Lý Văn Đức", "male")])
    unit = commune.collectives.create("Tổ hợp tác Nà Rị", "cooperative", member_ids=[people[0].id])
    screen = _screen(qtbot, commune)
    screen.table.setFocus()
    screen.table.selectRow(0)
    qtbot.keyClick(screen.table, Qt.Key.Key_Return)  # Enter edits
    dialog = screen.dialog
    assert dialog.collective_id == unit.id and dialog.picker.ids() == [people[0].id]
    assert dialog.history is not None and dialog.history.initiatives is None  # authors of initiatives are people

    awards = dialog.history.awards
    _choose(awards.fields["award_code"], "TTLDTT")
    awards.fields["year"].setText("2025")
    awards.add_button.click()
    ratings = dialog.history.ratings
    ratings.fields["year"].setText("2025")
    _choose(ratings.fields["rating"], "excellent")
    ratings.add_button.click()
    me = Subject(collective_id=unit.id)
    assert [(a["award_code"], a["year"]) for a in commune.records.awards_of(me)] == [("TTLDTT", 2025)]
    assert [(r.year, r.rating) for r in commune.records.ratings_of(me)] == [(2025, "excellent")]

    dialog.picker.members.item(0).setSelected(True)
    dialog.picker.remove_button.click()
    type_text(dialog.picker.search, "duc")
    qtbot.waitUntil(lambda: dialog.picker.model.rowCount() == 1, timeout=2000)
    dialog.picker.results.selectRow(0)
    dialog.picker.add_button.click()
    dialog.try_save()
    assert commune.collectives.member_ids(unit.id) == [people[1].id]

    screen.table.selectRow(0)
    screen.delete_button.click()
    assert dialog_log[-1][0] == "ask" and "Tổ hợp tác Nà Rị" in dialog_log[-1][1]
    assert commune.collectives.search()[1] == 0 and screen.model.total == 0
    assert commune.people.search("").total == 2  # the members stay in the register
