"""The award-history form records the initiative that backed an award (it is then used and no
longer offered), the initiative form takes who recognised it, and the import wizard offers the
lists of ratings, initiatives and disciplinary decisions."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from thidua_desktop.domain.enums import SubjectType
from thidua_desktop.services.people import PersonInput
from thidua_desktop.services.records import Subject
from thidua_desktop.ui.import_state import ImportState
from thidua_desktop.ui.import_wizard import FilePage
from thidua_desktop.ui.screens.person_history import SubjectHistory

from .conftest import type_text

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support")


def test_an_award_typed_from_paper_uses_the_initiative_chosen(qtbot, commune) -> None:  # type: ignore[no-untyped-def]
    person = commune.people.create(PersonInput("Lục Thị Mai", "female", birth="1987"))
    subject = Subject(person_id=person.id)
    history = SubjectHistory(commune.records, subject, SubjectType.INDIVIDUAL)
    qtbot.addWidget(history)
    history.show()

    initiatives = history.initiatives
    assert initiatives is not None
    history.setCurrentWidget(initiatives)
    type_text(initiatives.fields["title"], "Số hóa hồ sơ một cửa")
    type_text(initiatives.fields["recognised_by"], "Hội đồng sáng kiến xã")
    qtbot.mouseClick(initiatives.add_button, Qt.MouseButton.LeftButton)
    assert initiatives.error.isHidden(), initiatives.error.text()
    [initiative] = commune.records.initiatives_of(subject)
    assert (initiative.title, initiative.recognised_by, initiative.used) == (
        "Số hóa hồ sơ một cửa", "Hội đồng sáng kiến xã", False)

    awards = history.awards
    history.setCurrentWidget(awards)  # shown again: the new initiative is offered
    combo = awards.fields["initiative"]
    assert [combo.itemData(i) for i in range(combo.count())] == ["", initiative.id]
    combo.setCurrentIndex(1)
    awards.fields["award_code"].setCurrentIndex(awards.fields["award_code"].findData("GK_XA_CN"))
    qtbot.mouseClick(awards.add_button, Qt.MouseButton.LeftButton)
    assert awards.error.isHidden(), awards.error.text()
    [award] = commune.records.awards_of(subject)
    assert (award["award_code"], award["initiative_id"]) == ("GK_XA_CN", initiative.id)
    assert [i.used for i in commune.records.initiatives_of(subject)] == [True]
    assert [combo.itemData(i) for i in range(combo.count())] == [""]  # used: offered no more
    assert awards.model.data(awards.model.index(0, 6)) == "Số hóa hồ sơ một cửa"


def test_a_collective_award_form_has_no_initiative(qtbot, commune) -> None:  # type: ignore[no-untyped-def]
    collective = commune.collectives.create("Hội Cựu chiến binh xã", "mass_organisation")
    history = SubjectHistory(commune.records, Subject(collective_id=collective.id), SubjectType.COLLECTIVE)
    qtbot.addWidget(history)
    assert "initiative" not in history.awards.fields and history.initiatives is None


def test_the_wizard_offers_the_records_the_rules_read(qtbot, commune) -> None:  # type: ignore[no-untyped-def]
    page = FilePage(ImportState(commune.excel_import))
    qtbot.addWidget(page)
    kinds = [(page.kind.itemData(i), page.kind.itemText(i)) for i in range(page.kind.count())]
    assert [k for k, _ in kinds] == ["people", "collectives", "awards", "ratings", "initiatives", "discipline"]
    assert all(text for _, text in kinds)
