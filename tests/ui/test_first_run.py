from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QDialogButtonBox

from thidua_desktop.bootstrap import App
from thidua_desktop.ui.first_run import FirstRunAnswers, FirstRunDialog

from .conftest import type_text


def test_pick_a_commune_by_typing_without_accents(qtbot) -> None:  # type: ignore[no-untyped-def]
    dialog = FirstRunDialog()
    qtbot.addWidget(dialog)
    ok = dialog.buttons.button(QDialogButtonBox.StandardButton.Ok)
    cancel = dialog.buttons.button(QDialogButtonBox.StandardButton.Cancel)
    assert ok.text() == "Thiết lập văn phòng" and cancel.text() == "Hủy"  # Vietnamese throughout
    assert dialog.trial_button.text() == "Thử với dữ liệu mẫu"
    assert dialog.unit_list.count() == 56  # Cao Bằng's communes and wards
    type_text(dialog.search, "quang uyen")
    assert dialog.unit_list.count() == 1 and ok.isEnabled()
    type_text(dialog.officer, "Nông Thị Hoa")
    assert dialog.answers() == FirstRunAnswers("commune", "01576", "Nông Thị Hoa")


def test_province_role_offers_the_province_itself(qtbot) -> None:  # type: ignore[no-untyped-def]
    dialog = FirstRunDialog()
    qtbot.addWidget(dialog)
    dialog.role.setCurrentIndex(dialog.role.findData("province"))
    assert dialog.unit_list.count() == 1
    assert (dialog.answers().role, dialog.answers().unit_code) == ("province", "04")
    assert not dialog.trial_button.isVisible() and not dialog.enrollment_row.isVisibleTo(dialog)


def test_an_empty_officer_name_is_refused_in_place(qtbot) -> None:  # type: ignore[no-untyped-def]
    dialog = FirstRunDialog()
    qtbot.addWidget(dialog)
    type_text(dialog.search, "quang uyen")
    type_text(dialog.officer, "   ")
    dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).click()
    assert dialog.result() == 0 and dialog.problems.isVisibleTo(dialog)
    assert "họ và tên" in dialog.problems.text().lower()


def test_the_enrolment_file_selects_its_commune_and_shows_the_fingerprint(
        qtbot, commune: App, app_factory, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    province = app_factory(tmp_path / "tinh")
    province.office.init_office("province", "04", officer_name="Cán bộ tỉnh")
    province.sync.create_recovery_key(tmp_path / "k.tdkey")
    enrolment = tmp_path / "ket-noi-01273.json"
    province.sync.export_enrollment("01273", enrolment)
    fresh = app_factory(tmp_path / "fresh")
    dialog = FirstRunDialog(preview_enrollment=fresh.sync.preview_enrollment, enrollment=enrolment)
    qtbot.addWidget(dialog)
    assert dialog.unit_code() == "01273"
    assert province.sync.fingerprint() in dialog.enrollment_label.text()
    type_text(dialog.officer, "Lục Văn Tài")
    assert dialog.answers().enrollment == enrolment
    dialog.unit_list.setCurrentRow(0 if dialog.unit_list.item(0).text().find("01273") < 0 else 1)
    assert dialog.problems_found()  # the file is for another commune than the one now chosen
    garbage = tmp_path / "rac.json"
    garbage.write_text("{}", encoding="utf-8")
    assert not dialog.set_enrollment(garbage)
    assert "tệp kết nối" in dialog.problems.text().lower()
