"""The person form as an officer uses it: Vietnamese typed in, errors beside the field, drafts,
and the history tab (award history from paper, ratings, initiatives, discipline, open matters)."""

from __future__ import annotations

import unicodedata

import pytest
from PySide6.QtCore import Qt

from thidua_desktop.services.people import PersonInput
from thidua_desktop.services.records import Subject
from thidua_desktop.ui.screens.person_dialog import PersonDialog

from .conftest import type_text

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support")  # completer popups, offscreen


def _dialog(qtbot, app, person_id: str | None = None) -> PersonDialog:  # type: ignore[no-untyped-def]
    dialog = PersonDialog(app.people, app.office, app.records, app.drafts, person_id)
    qtbot.addWidget(dialog)
    dialog.show()
    return dialog


def _choose(combo, data) -> None:  # type: ignore[no-untyped-def]
    index = combo.findData(data)
    assert index >= 0, data
    combo.setCurrentIndex(index)


def test_typed_person_is_saved_in_nfc_and_found_without_accents(qtbot, commune) -> None:  # type: ignore[no-untyped-def]
    village = commune.office.add_village("Bản Giốc")
    dialog = _dialog(qtbot, commune)
    f = dialog.fields
    type_text(f["full_name"], "  Nông   Thị Hường ")
    _choose(f["gender"], "female")
    type_text(f["birth"], "07/03/1988")
    type_text(f["ethnicity"].lineEdit(), "tay")  # the service accepts the unaccented spelling
    type_text(f["cccd"], "004188012345")
    type_text(f["phone"], "0912 345 678")
    type_text(f["position"], "Chủ tịch Hội Liên hiệp Phụ nữ")
    type_text(f["workplace"], "UBND xã")
    _choose(f["village"], village.id)
    type_text(f["address"], "Bản Giốc, xã Quảng Uyên")
    f["is_direct_worker"].setChecked(False)
    type_text(f["employment_start"], "01/08/2012")
    assert commune.drafts.load("person-new")["full_name"] == "  Nông   Thị Hường "
    qtbot.keyClick(f["employment_start"], Qt.Key.Key_Return)  # Enter saves
    assert dialog.result() == PersonDialog.DialogCode.Accepted
    [person] = commune.people.search("nong thi huong").rows
    assert person.full_name == "Nông Thị Hường" == unicodedata.normalize("NFC", person.full_name)
    assert (person.gender, person.ethnicity, person.is_ethnic_minority) == ("female", "Tày", True)
    assert person.birth_date.isoformat() == "1988-03-07" and person.cccd == "004188012345"
    assert (person.phone, person.village, person.employment_start.isoformat()) == (
        "0912345678", "Bản Giốc", "2012-08-01")
    assert commune.people.search("HUONG").total == 1
    assert commune.drafts.load("person-new") is None  # saved: the draft is gone


def test_bad_cccd_is_shown_beside_the_field_and_nothing_is_written(qtbot, commune) -> None:  # type: ignore[no-untyped-def]
    dialog = _dialog(qtbot, commune)
    type_text(dialog.fields["full_name"], "Lương Văn Đức")
    _choose(dialog.fields["gender"], "male")
    type_text(dialog.fields["cccd"], "00409012")
    dialog.try_save()
    assert dialog.isVisible()
    assert not dialog.errors["cccd"].isHidden()
    assert "12 chữ số" in dialog.errors["cccd"].text()
    assert all(dialog.errors[name].isHidden() for name in dialog.errors if name != "cccd")
    assert commune.people.search("").total == 0
    assert dialog.fields["full_name"].text() == "Lương Văn Đức"  # nothing typed is lost
    # A missing gender is named beside its own field too.
    dialog.fields["cccd"].clear()
    _choose(dialog.fields["gender"], None)
    dialog.try_save()
    assert not dialog.errors["gender"].isHidden() and dialog.errors["cccd"].isHidden()
    assert commune.people.search("").total == 0


def test_ethnicity_box_lists_the_54_groups_and_searches_without_accents(qtbot, commune) -> None:  # type: ignore[no-untyped-def]
    dialog = _dialog(qtbot, commune)
    box = dialog.fields["ethnicity"]
    assert box.count() == 55  # a blank choice + 54 groups
    completer = box.completer()
    for typed, expected in (("hmong", "Mông"), ("san chay", "Sán Chay"), ("khmer", "Khơ-me")):
        completer.setCompletionPrefix(typed)
        assert completer.completionCount() >= 1, typed
        assert completer.currentCompletion() == expected


def test_new_person_draft_survives_a_closed_window(qtbot, commune) -> None:  # type: ignore[no-untyped-def]
    dialog = _dialog(qtbot, commune)
    type_text(dialog.fields["full_name"], "Đàm Thị Lụa")
    _choose(dialog.fields["gender"], "female")
    dialog.hide()  # the window vanishes (power cut, crash): only the draft on disk is left
    again = _dialog(qtbot, commune)
    assert again.fields["full_name"].text() == "Đàm Thị Lụa"
    assert again.fields["gender"].currentData() == "female"
    assert not again.banner.isHidden()


def test_editing_keeps_its_own_draft_and_saves_changes(qtbot, commune) -> None:  # type: ignore[no-untyped-def]
    person = commune.people.create(PersonInput("Hà Văn Sơn", "male", birth="1979", ethnicity="Nùng"))
    dialog = _dialog(qtbot, commune, person.id)
    assert dialog.fields["birth"].text() == "1979" and dialog.fields["ethnicity"].currentText() == "Nùng"
    assert not dialog.dirty  # loading the stored values is not an edit
    type_text(dialog.fields["position"], "Trưởng bản")
    assert commune.drafts.load(f"person-{person.id}")["position"] == "Trưởng bản"
    assert commune.drafts.load("person-new") is None
    dialog.try_save()
    assert commune.people.get(person.id).position == "Trưởng bản"
    assert commune.drafts.load(f"person-{person.id}") is None


def test_award_history_and_rating_are_added_from_the_dialog(qtbot, commune) -> None:  # type: ignore[no-untyped-def]
    person = commune.people.create(PersonInput("Nông Thị Hoa", "female", birth="1985", ethnicity="Tày"))
    dialog = _dialog(qtbot, commune, person.id)
    dialog.tabs.setCurrentIndex(2)  # Details, Dossier profile, Awards and history
    awards = dialog.history.awards
    f = awards.fields
    _choose(f["award_code"], "CSTDCS")
    f["year"].setText("")
    type_text(f["year"], "2024")
    type_text(f["decision_number"], "15/QĐ-UBND")
    type_text(f["decision_date"], "20/12/2024")
    qtbot.keyClick(f["decision_date"], Qt.Key.Key_Return)  # Enter adds the row; it does not close the dialog
    assert dialog.isVisible()
    me = Subject(person_id=person.id)
    [award] = commune.records.awards_of(me)
    assert (award["award_code"], award["title"], award["year"], award["decision_number"], award["decision_date"],
            award["award_kind"], award["source"]) == ("CSTDCS", "Chiến sĩ thi đua cơ sở", 2024, "15/QĐ-UBND",
                                                      "2024-12-20", "emulation_title", "manual")
    assert awards.model.rowCount() == 1

    # A free-text award from paper, with a bad year first: the error names the field, nothing is written.
    _choose(f["award_code"], "OTHER")
    assert f["title"].isEnabled()
    type_text(f["title"], "Giấy khen của Hội Nông dân huyện")
    _choose(f["award_kind"], "commendation_form")
    _choose(f["issuing_level"], "province")
    f["year"].setText("20x4")
    awards.add_button.click()
    assert not awards.error.isHidden() and "Năm" in awards.error.text()
    assert len(commune.records.awards_of(me)) == 1
    f["year"].setText("2023")
    awards.add_button.click()
    assert awards.error.isHidden()
    assert [(a["award_code"], a["title"], a["issuing_level"]) for a in commune.records.awards_of(me)] == [
        ("OTHER", "Giấy khen của Hội Nông dân huyện", "province"), ("CSTDCS", "Chiến sĩ thi đua cơ sở", "commune")]

    ratings = dialog.history.ratings
    ratings.fields["year"].setText("2024")
    _choose(ratings.fields["rating"], "excellent")
    type_text(ratings.fields["source_document"], "Biên bản đánh giá năm 2024")
    ratings.add_button.click()
    assert [(r.year, r.rating, r.source_document) for r in commune.records.ratings_of(me)] == [
        (2024, "excellent", "Biên bản đánh giá năm 2024")]

    # Removing asks first and tombstones the selected row.
    awards.table.selectRow(0)
    awards.remove_button.click()
    assert len(commune.records.awards_of(me)) == 1 and awards.model.rowCount() == 1


def test_initiative_discipline_and_open_matter_tabs(qtbot, commune) -> None:  # type: ignore[no-untyped-def]
    person = commune.people.create(PersonInput("Lý Văn Toàn", "male"))
    me = Subject(person_id=person.id)
    dialog = _dialog(qtbot, commune, person.id)
    history = dialog.history

    initiatives = history.initiatives
    type_text(initiatives.fields["title"], "Sổ tay song ngữ Tày - Việt")
    _choose(initiatives.fields["level"], "grassroots")
    initiatives.fields["year"].setText("2025")
    initiatives.add_button.click()
    assert [(i.title, i.year) for i in commune.records.initiatives_of(me)] == [("Sổ tay song ngữ Tày - Việt", 2025)]

    discipline = history.discipline
    _choose(discipline.fields["level"], "warning")
    type_text(discipline.fields["decided_on"], "10/03/2025")
    type_text(discipline.fields["period_end"], "01/01/2025")  # before the decision: refused
    discipline.add_button.click()
    assert "Ngày hết thời hạn" in discipline.error.text() and commune.records.disciplines_of(me) == []
    discipline.fields["period_end"].setText("10/03/2026")
    discipline.add_button.click()
    assert [(d.level, d.period_end.isoformat()) for d in commune.records.disciplines_of(me)] == [
        ("warning", "2026-03-10")]

    matters = history.matters
    _choose(matters.fields["kind"], "complaint")
    type_text(matters.fields["opened_on"], "02/10/2025")
    type_text(matters.fields["note"], "Đang xác minh đơn")
    matters.add_button.click()
    [matter] = commune.records.matters_of(me)
    assert matter.is_open
    matters.table.selectRow(0)
    type_text(matters.fields["closed_on"], "15/11/2025")
    matters.close_button.click()
    assert [m.closed_on.isoformat() for m in commune.records.matters_of(me)] == ["2025-11-15"]


def test_dialogs_fit_a_small_laptop_screen(qtbot, demo) -> None:  # type: ignore[no-untyped-def]
    person = demo.people.search("").rows[0]
    for person_id in (None, person.id):
        dialog = _dialog(qtbot, demo, person_id)
        assert dialog.width() <= 1366 and dialog.height() <= 700
        assert dialog.minimumSizeHint().height() <= 700
