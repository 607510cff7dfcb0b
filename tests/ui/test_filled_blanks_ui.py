"""The blanks the app now fills, as an officer meets them: the meeting's start time and secretary
on the council form (kept in its draft), the head of a household picked from the register, the
province's regulation in Cài đặt → Văn bản in, and the yellow banner in the print preview."""

from __future__ import annotations

import dataclasses
from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, Qt

from thidua_desktop.messages import render
from thidua_desktop.services import template_store
from thidua_desktop.services.people import PersonInput
from thidua_desktop.ui.print_preview import PrintPreviewDialog
from thidua_desktop.ui.screens.collective_dialog import CollectiveDialog
from thidua_desktop.ui.screens.council import CouncilScreen
from thidua_desktop.ui.screens.document_settings import DocumentSettingsBox

from .conftest import type_text

TODAY = date(2026, 11, 25)
ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(autouse=True)
def bundled_font(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("THIDUA_DOC_FONT", "bundled")


def _council(qtbot, app) -> CouncilScreen:  # type: ignore[no-untyped-def]
    screen = CouncilScreen(app.council, app.nominations, app.drafts, TODAY)
    qtbot.addWidget(screen)
    screen.resize(1150, 700)
    screen.show()
    return screen


def test_meeting_form_records_start_time_and_secretary(qtbot, commune, dialog_log) -> None:  # type: ignore[no-untyped-def]
    commune.council.add_member("Hà Thành Vĩnh", "chair")
    secretary = commune.council.add_member("Hoàng Thị Mến", "secretary")
    member = commune.council.add_member("Lục Văn Đức", "member")
    commune.nominations.create_batch("Khen thưởng năm 2026", 2026)
    screen = _council(qtbot, commune)
    assert screen.secretary.currentData() == secretary  # the council's secretary by default
    type_text(screen.started_at, "8h30")
    screen.secretary.setCurrentIndex(screen.secretary.findData(member))
    # The draft keeps both: a second screen on the same store finds them again.
    again = _council(qtbot, commune)
    assert (again.started_at.text(), again.secretary.currentData()) == ("8h30", member)
    screen.held_on.setText("20/11/2026")
    qtbot.mouseClick(screen.save_button, Qt.MouseButton.LeftButton)
    assert [kind for kind, _ in dialog_log] == ["info"]
    [meeting], _ = commune.council.meetings()
    assert (meeting.started_at, meeting.secretary_member_id) == ("08:30", member)
    assert screen.started_at.text() == "" and screen.secretary.currentData() == secretary


def test_an_impossible_start_time_is_refused_on_the_form(qtbot, commune, dialog_log) -> None:  # type: ignore[no-untyped-def]
    commune.council.add_member("Hà Thành Vĩnh", "chair")
    screen = _council(qtbot, commune)
    type_text(screen.started_at, "25:10")
    qtbot.mouseClick(screen.save_button, Qt.MouseButton.LeftButton)
    [(kind, text)] = dialog_log
    assert kind == "error" and "25:10" in text and "giờ:phút" in text
    assert commune.council.meetings()[1] == 0


def test_household_head_picked_from_the_register(qtbot, commune) -> None:  # type: ignore[no-untyped-def]
    village = commune.office.add_village("Bản Giốc")
    commune.people.create_many([PersonInput("Nông Thị Hoa", "female", village_id=village.id),
                                PersonInput("Lý Văn Đức", "male", village_id=village.id)])
    dialog = CollectiveDialog(commune.collectives, commune.people, commune.office, commune.records, commune.drafts)
    qtbot.addWidget(dialog)
    dialog.show()
    f = dialog.fields
    f["kind"].setCurrentIndex(f["kind"].findData("mass_organisation"))
    assert not dialog.head_button.isVisible()  # only a household has a head
    f["kind"].setCurrentIndex(f["kind"].findData("household"))
    assert dialog.head_button.isVisible() and dialog.head.isVisible()
    type_text(f["name"], "Hộ gia đình bà Nông Thị Hoa")
    type_text(dialog.picker.search, "Nông Thị")
    qtbot.waitUntil(lambda: dialog.picker.model.rowCount() == 1, timeout=2000)
    dialog.picker.results.selectRow(0)
    dialog.head_button.click()
    assert dialog.head.currentText().startswith("Nông Thị Hoa")
    dialog.try_save()
    assert not dialog.isVisible()
    [household], _ = commune.collectives.search(kind="household")
    assert household.head_name == "Nông Thị Hoa"
    # Editing shows the head chosen.
    edit = CollectiveDialog(commune.collectives, commune.people, commune.office, commune.records, commune.drafts,
                            collective_id=household.id)
    qtbot.addWidget(edit)
    assert edit.head.currentData() == household.head_person_id


def test_province_rules_typed_in_document_settings(qtbot, commune, dialog_log) -> None:  # type: ignore[no-untyped-def]
    with commune.db.transaction("tinh") as session:  # what a province bundle would have brought
        template_store.adopt(session, {"revision": 1, "files": {},
                                       "legal_bases": {"province_rules_number": "25/2025/QĐ-UBND"}}, "tinh")
    box = DocumentSettingsBox(commune.printing, commune.decisions, commune.office,
                              commune.certificate_layout)
    qtbot.addWidget(box)
    assert "25/2025/QĐ-UBND" in box.rules_number.placeholderText()
    type_text(box.rules_number, "30/2025/QĐ-UBND")
    type_text(box.rules_date, "20/8/2025")
    box.save.click()
    assert dialog_log[-1][0] == "info"
    saved = commune.printing.document_settings()
    assert (saved.province_rules_number, saved.province_rules_date) == ("30/2025/QĐ-UBND", "20/08/2025")
    assert box.rules_date.text() == "20/08/2025"
    box.rules_date.setText("31/02/2025")
    box.save.click()
    assert dialog_log[-1][0] == "error"
    assert commune.printing.document_settings().province_rules_date == "20/08/2025"


def test_preview_lists_what_is_still_blank(qtbot, demo) -> None:  # type: ignore[no-untyped-def]
    batch = demo.nominations.batches()[0].id
    doc = demo.printing.render("submission", batch)
    assert [n.code for n in doc.missing] == ["BLANK_PROVINCE_RULES_NUMBER", "BLANK_PROVINCE_RULES_DATE"]
    dialog = PrintPreviewDialog(demo.printing, doc)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    assert dialog.missing_banner.isVisible()
    heading = "Left blank (dotted lines on paper): fill these in first, or print and write them by hand:"
    assert dialog.missing_banner.text().startswith(QCoreApplication.translate("PrintPreviewDialog", heading))
    assert dialog.missing_banner.text().startswith("Còn để trống")  # in Vietnamese, as the officer reads it
    for notice in doc.missing:
        assert render(notice, "vi") in dialog.missing_banner.text()
    s = demo.printing.document_settings()
    demo.printing.set_document_settings(dataclasses.replace(s, province_rules_number="25/2025/QĐ-UBND",
                                                            province_rules_date="20/08/2025"))
    complete = PrintPreviewDialog(demo.printing, demo.printing.render("submission", batch))
    qtbot.addWidget(complete)
    complete.show()
    assert not complete.missing_banner.isVisible()
