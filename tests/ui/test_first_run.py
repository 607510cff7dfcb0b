from __future__ import annotations

from PySide6.QtWidgets import QDialogButtonBox

from thidua_desktop.ui.first_run import FirstRunDialog

from .conftest import type_text


def test_pick_a_commune_by_typing_without_accents(qtbot) -> None:  # type: ignore[no-untyped-def]
    dialog = FirstRunDialog()
    qtbot.addWidget(dialog)
    ok = dialog.buttons.button(QDialogButtonBox.StandardButton.Ok)
    assert ok.text() == "Đồng ý"  # standard buttons speak Vietnamese
    assert dialog.unit_list.count() == 56  # Cao Bằng's communes and wards
    type_text(dialog.search, "quang uyen")
    assert dialog.unit_list.count() == 1 and ok.isEnabled()
    type_text(dialog.officer, "Nông Thị Hoa")
    dialog.demo.setChecked(True)
    assert dialog.answers() == ("commune", "01576", "Nông Thị Hoa", True)


def test_province_role_offers_the_province_itself(qtbot) -> None:  # type: ignore[no-untyped-def]
    dialog = FirstRunDialog()
    qtbot.addWidget(dialog)
    dialog.role.setCurrentIndex(dialog.role.findData("province"))
    assert dialog.unit_list.count() == 1
    assert dialog.answers()[:2] == ("province", "04")
