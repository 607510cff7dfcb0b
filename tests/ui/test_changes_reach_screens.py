"""An action on one screen reaches the other screens that show what it changed, without their being
shown again: the operation (``ops``) announces the kinds it changed, and the main window's ``changed``
signal tells each screen that watches them, hidden or not. A refused action announces nothing."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QWizard

from thidua_desktop.services.changes import Change
from thidua_desktop.services.people import PersonInput
from thidua_desktop.ui import ops
from thidua_desktop.ui.main_window import MainWindow
from thidua_desktop.ui.screens.nomination_wizard import NominationWizard

from .conftest import TODAY, type_text


def _window(qtbot, app) -> tuple[MainWindow, list[Change]]:  # type: ignore[no-untyped-def]
    window = MainWindow(app, TODAY)
    qtbot.addWidget(window)
    announced: list[Change] = []
    window.changed.connect(announced.append)
    return window, announced


def _award_row(settings, code: str) -> int:  # type: ignore[no-untyped-def]
    return next(r for r in range(settings.awards.rowCount()) if settings.awards.item(r, 0).data(256) == code)


def _parts(text: str) -> set[str]:
    return set(text.replace("(", " ").replace(")", " ").split())


def _names(page) -> list[str]:  # type: ignore[no-untyped-def]
    return [page.model.row_object(r).name for r in range(page.model.rowCount())]


def test_a_settings_change_reaches_the_reports_without_a_reshow(qtbot, commune) -> None:  # type: ignore[no-untyped-def]
    window, announced = _window(qtbot, commune)
    reports = window.show_screen("reports")
    assert _parts(reports.value_labels["base_salary"].text()) >= {"2.340.000", "01/07/2024"}
    assert reports.value_labels["CSTDCS"].text().startswith("80%")
    settings = window.show_screen("settings")
    settings.awards.cellWidget(_award_row(settings, "CSTDCS"), 1).setValue(75)
    settings.salary.setValue(2_530_000)
    settings.salary_from.setText("01/07/2026")
    settings.params_save.click()
    assert announced == [Change.SETTINGS | Change.CATALOG]  # what the service said it changed
    assert window.stack.currentWidget() is settings and not reports.isVisible()  # never shown again
    assert _parts(reports.value_labels["base_salary"].text()) >= {"2.530.000", "01/07/2026"}
    assert reports.value_labels["CSTDCS"].text().startswith("75%")
    assert "reports" not in window._stale  # current already: showing it again re-reads nothing


def test_a_new_person_reaches_the_open_nomination_wizard(qtbot, commune) -> None:  # type: ignore[no-untyped-def]
    commune.people.create(PersonInput("Nông Thị Hoa", "female", birth="1986", ethnicity="Nùng"))
    commune.nominations.create_batch("Khen thưởng năm 2026", 2026, deadline="10/12/2026")
    window, announced = _window(qtbot, commune)
    nominations = window.show_screen("nominations")
    wizard = NominationWizard(commune.nominations, commune.movements.attachments, today=TODAY, parent=nominations)
    wizard.show()
    wizard.batch_page.award.setCurrentIndex(wizard.batch_page.award.findData("LDTT"))
    qtbot.mouseClick(wizard.button(QWizard.WizardButton.NextButton), Qt.MouseButton.LeftButton)
    page = wizard.nominees_page
    assert wizard.currentPage() is page and _names(page) == ["Nông Thị Hoa"]
    page.model.setData(page.model.index(0, 0), Qt.CheckState.Checked.value, Qt.ItemDataRole.CheckStateRole)

    register = window.show_screen("people")
    dialog = register.people_screen.new_person()
    assert dialog is not None
    type_text(dialog.fields["full_name"], "Lò Văn Minh")
    dialog.fields["gender"].setCurrentIndex(dialog.fields["gender"].findData("male"))
    dialog.try_save()
    assert dialog.result() == dialog.DialogCode.Accepted
    assert announced == [Change.PEOPLE]

    assert wizard.currentPage() is page  # step 2 was never entered again
    assert sorted(_names(page)) == ["Lò Văn Minh", "Nông Thị Hoa"]
    assert [o.name for o in wizard.state.chosen.values()] == ["Nông Thị Hoa"]  # the tick is kept
    assert register.people_screen.model.total == 2
    wizard.reject()


def test_a_refusal_is_shown_once_and_announces_nothing(qtbot, commune, dialog_log) -> None:  # type: ignore[no-untyped-def]
    window, announced = _window(qtbot, commune)
    reports = window.show_screen("reports")
    settings = window.show_screen("settings")
    settings.awards.cellWidget(_award_row(settings, "CSTDCS"), 1).setValue(75)
    settings.salary.setValue(2_530_000)
    settings.salary_from.setText("31/02/2026")  # no such day: the whole save is refused
    settings.params_save.click()
    assert [kind for kind, _text in dialog_log] == ["error"]  # once, through the shared display
    assert announced == []
    assert commune.catalog.award("CSTDCS").vote.threshold_pct == 80
    assert reports.value_labels["CSTDCS"].text().startswith("80%")

    # A form shows its refusal beside the field instead, and still announces nothing.
    dialog = window.show_screen("people").people_screen.new_person()
    dialog.try_save()  # no name, no gender
    assert not dialog.errors["full_name"].isHidden() and dialog.isVisible()
    assert [kind for kind, _text in dialog_log] == ["error"] and announced == []
    dialog.reject()


def test_an_operation_reports_what_its_service_returned(qtbot, commune) -> None:  # type: ignore[no-untyped-def]
    window, announced = _window(qtbot, commune)
    settings = window.show_screen("settings")
    assert ops.run(settings, lambda: commune.settings.save_parameters({}, base_salary=(2_600_000, "01/01/2027")),
                   changes=Change.OFFICE) == Change.SETTINGS | Change.CATALOG
    assert announced == [Change.SETTINGS | Change.CATALOG | Change.OFFICE]
    assert ops.run(None, lambda: commune.settings.save_parameters({}, base_salary=(2_700_000, "01/01/2028")))
    assert len(announced) == 1  # outside the window: no one to tell


def test_a_commit_no_operation_announced_marks_the_screens_stale(qtbot, commune) -> None:  # type: ignore[no-untyped-def]
    window, announced = _window(qtbot, commune)
    register = window.show_screen("people")
    window.show_screen("reports")
    commune.people.create(PersonInput("Hà Thị Lan", "female"))  # written past the operations (not converted)
    assert announced == [] and register.people_screen.model.total == 0
    assert {"people", "reports"} <= window._stale
    window.show_screen("people")  # re-read when shown, as before
    assert register.people_screen.model.total == 1 and "people" not in window._stale


def test_a_command_run_beside_the_window_is_seen_when_the_window_is_activated(qtbot, commune,  # type: ignore[no-untyped-def]
                                                                               app_factory) -> None:
    """A ``thidua`` command (here: a second App on the same folder, as the command would open it)
    writes past this window's operations; coming back to the window re-reads what it shows."""
    window, announced = _window(qtbot, commune)
    register = window.show_screen("people")
    assert register.people_screen.model.total == 0
    assert window.notice_outside_writes() is False  # nothing written since the window looked
    beside = app_factory(commune.paths.data_dir)
    beside.people.create(PersonInput("Lục Văn Bên", "male"))
    beside.close()
    assert window.notice_outside_writes() is True
    assert register.people_screen.model.total == 1 and announced == []
    assert window.notice_outside_writes() is False  # seen once
