"""Movements, Activities, Council, Settings and Sync follow the kinds of data they show (issue 13):
a change made on another screen, or in another part of the same page, reaches them without their
being shown again (or, for the screens re-read only when shown, on the next show, once), and a
plain show with nothing changed re-reads nothing.

The services are real; a few of their read methods are wrapped to count the calls (the calls still
go through), which is how "not re-queried" is seen."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
from PySide6.QtWidgets import QApplication, QProgressBar

from thidua_desktop.services.changes import Change
from thidua_desktop.services.movements import IndicatorInput, MovementInput
from thidua_desktop.services.nominations import NomineeDraft
from thidua_desktop.services.people import PersonInput
from thidua_desktop.services.records import Subject
from thidua_desktop.ui import ops
from thidua_desktop.ui.main_window import MainWindow

from .conftest import TODAY, type_text


def _window(qtbot, app) -> tuple[MainWindow, list[Change]]:  # type: ignore[no-untyped-def]
    window = MainWindow(app, TODAY)
    qtbot.addWidget(window)
    window.show()  # a screen not ``live`` is told only while shown
    announced: list[Change] = []
    window.changed.connect(announced.append)
    return window, announced


def _count_calls(monkeypatch: pytest.MonkeyPatch, service: object, name: str) -> list[int]:
    """Every call of ``service.name`` still runs; the list grows by one per call."""
    calls: list[int] = []
    method: Callable[..., Any] = getattr(service, name)

    def counted(*args: Any, **kwargs: Any) -> Any:
        calls.append(1)
        return method(*args, **kwargs)

    monkeypatch.setattr(service, name, counted)
    return calls


def _settle() -> None:
    """One turn of the event loop: a re-read a shown screen put off until after the action runs."""
    QApplication.processEvents()


def _bar(movements) -> QProgressBar:  # type: ignore[no-untyped-def]
    bar = movements.indicators.itemAtPosition(0, 1).widget()
    assert isinstance(bar, QProgressBar)
    return bar


def test_an_activity_reaches_the_hidden_movements_screen_and_a_movement_the_activities(  # type: ignore[no-untyped-def]
        qtbot, commune, monkeypatch) -> None:
    movement = commune.movements.create(MovementInput(code="B-NTM", name="Chung tay xây dựng nông thôn mới",
                                                      indicators=[IndicatorInput("Hộ thoát nghèo", "hộ", 0, 40)]))
    window, announced = _window(qtbot, commune)
    movements = window.show_screen("movements")
    assert movements.select_movement(movement)
    assert _bar(movements).format().startswith("—")  # nothing reported yet

    activities = window.show_screen("activities")
    entry = activities.entry
    entry.movement.setCurrentIndex(entry.movement.findData(movement))
    entry.held_on.setText("12/06/2026")
    [households] = commune.movements.indicators(movement)
    type_text(entry.indicator_fields[str(households["id"])], "10")
    assert entry.save() is not None
    assert announced == [Change.MOVEMENTS]
    assert window.stack.currentWidget() is activities and not movements.isVisible()  # never shown again
    assert movements.selected_id == movement and _bar(movements).format() == "10 / 40"  # the selection kept
    _settle()
    assert activities.model.total == 1 and activities.current() is not None  # the new one, selected

    # A plain show re-reads nothing: the screen is current already.
    searches = _count_calls(monkeypatch, commune.movements, "search")
    window.show_screen("movements")
    window.show_screen("activities")
    _settle()
    assert searches == [] and not {"movements", "activities"} & window._stale

    # A movement made on the Movements screen is in the (hidden) activity form's list at once.
    movements = window.show_screen("movements")
    dialog = movements.new_movement()
    type_text(dialog.fields["code"], "A-VH")
    type_text(dialog.fields["name"], "Toàn dân đoàn kết xây dựng đời sống văn hoá")
    dialog.try_save()
    assert dialog.result() == dialog.DialogCode.Accepted and announced[-1] == Change.MOVEMENTS
    new = commune.movements.search("A-VH")[0][0].id
    assert not activities.isVisible()
    assert entry.movement.findData(new) >= 0 and activities.filter.findData(new) >= 0
    assert entry.movement.currentData() == movement  # the officer's choice stays
    _settle()
    assert movements.selected_id == new and movements.model.total == 2


def test_settings_parts_follow_each_other_and_the_page_is_reread_only_after_changes(  # type: ignore[no-untyped-def]
        qtbot, commune, monkeypatch) -> None:
    window, announced = _window(qtbot, commune)
    activities = window.show_screen("activities")
    settings = window.show_screen("settings")
    documents, officials = settings.box_documents, settings.box_officials
    assert documents.chairman.text() == ""
    type_text(documents.place, "Quảng Uyên")  # typed in the documents box, not saved yet

    # A chairman's term entered in the officials box reaches the documents box's "who signs".
    officials.role.setCurrentIndex(officials.role.findData("chairman"))
    type_text(officials.full_name, "Hoàng Văn Nam")
    officials.term_start.setText("01/07/2025")
    officials.add.click()
    assert announced == [Change.OFFICE]
    assert documents.chairman.text() == "Hoàng Văn Nam"
    assert documents.place.text() == "Quảng Uyên"  # only the part that changed was re-read

    # A village added here is in the hidden Activities form at once.
    type_text(settings.village_name, "Xóm Nà Cạn")
    settings.village_add.click()
    [village] = commune.office.villages()
    assert not activities.isVisible() and activities.entry.village.findData(village.id) >= 0

    # Switching away and back re-reads nothing; a change made elsewhere re-reads the page once, when shown.
    reads = _count_calls(monkeypatch, commune.printing, "document_settings")
    window.show_screen("people")
    window.show_screen("settings")
    assert reads == []
    register = window.show_screen("people")
    changed = ops.run(register, lambda: commune.settings.save_parameters({"CSTDCS": {"vote_threshold_pct": 75}}))
    assert changed == Change.SETTINGS | Change.CATALOG and "settings" in window._stale
    assert reads == []  # not re-read while hidden
    window.show_screen("settings")
    row = next(r for r in range(settings.awards.rowCount()) if settings.awards.item(r, 0).data(256) == "CSTDCS")
    assert reads == [1] and settings.awards.cellWidget(row, 1).value() == 75


def _drafts(app) -> list[str]:  # type: ignore[no-untyped-def]
    ids = []
    for name in ("Nông Thị Hoa", "Lý Văn An"):
        person = app.people.create(PersonInput(name, "female", birth="1985", employment_start="01/03/2015"))
        app.records.set_rating(Subject(person_id=person.id), 2026, "excellent")
        ids.append(person.id)
    batch = app.nominations.create_batch("Khen thưởng năm 2026", 2026)
    app.nominations.create_many(batch_id=batch.id, award_code="CSTDCS", as_of=TODAY,
                                nominees=[NomineeDraft(pid) for pid in ids])
    for i in range(3):
        app.council.add_member(f"Thành viên {i}")
    return ids


def _nominees(council) -> list[str]:  # type: ignore[no-untyped-def]
    return sorted(council.grid.item(r, 0).text().splitlines()[0] for r in range(council.grid.rowCount()))


def test_a_renamed_person_reaches_the_council_grid_when_shown_once(qtbot, commune, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    hoa, _an = _drafts(commune)
    window, announced = _window(qtbot, commune)
    council = window.show_screen("council")
    assert _nominees(council) == ["Lý Văn An", "Nông Thị Hoa"]
    council.notes.setText("Họp thường kỳ")  # typed on the meeting form, not recorded yet
    reads = _count_calls(monkeypatch, commune.council, "members")

    register = window.show_screen("people")
    dialog = register.people_screen.edit_person(hoa)
    assert dialog is not None
    dialog.fields["full_name"].clear()
    type_text(dialog.fields["full_name"], "Nông Thị Hồng")
    dialog.try_save()
    assert dialog.result() == dialog.DialogCode.Accepted and announced == [Change.PEOPLE]
    _settle()
    assert reads == [] and "council" in window._stale  # a rebuild of the grid waits for the screen's show

    window.show_screen("council")
    assert reads == [1] and _nominees(council) == ["Lý Văn An", "Nông Thị Hồng"]
    assert council.notes.text() == "Họp thường kỳ"  # what was typed survives the rebuild
    window.show_screen("people")
    window.show_screen("council")
    assert reads == [1]  # nothing changed: not re-read

    # Its own action re-reads it once, not once more for the change it announced.
    council.members.selectRow(0)
    council.remove_member()
    _settle()
    assert announced[-1] == Change.COUNCIL and reads == [1, 1]
    assert council.members.rowCount() == 2 == len(commune.council.members())


def test_a_person_added_elsewhere_counts_on_the_sync_screen_when_it_is_next_shown(  # type: ignore[no-untyped-def]
        qtbot, commune, monkeypatch) -> None:
    window, announced = _window(qtbot, commune)
    sync = window.show_screen("sync")
    unsent = sync.export_panel.unsent.text()
    counts = _count_calls(monkeypatch, sync.views, "counters")
    window.show_screen("people")
    window.show_screen("sync")
    assert counts == []  # a plain show: the counts are not taken again

    register = window.show_screen("people")
    dialog = register.people_screen.new_person()
    type_text(dialog.fields["full_name"], "Lò Văn Minh")
    dialog.fields["gender"].setCurrentIndex(dialog.fields["gender"].findData("male"))
    dialog.try_save()
    assert announced == [Change.PEOPLE] and "sync" in window._stale and counts == []
    window.show_screen("sync")
    assert counts and sync.export_panel.unsent.text() != unsent
