from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QEvent
from PySide6.QtWidgets import QApplication

from thidua_desktop.services.people import PersonInput
from thidua_desktop.services.settings import Preferences
from thidua_desktop.ui import dialogs
from thidua_desktop.ui.screens.settings import SettingsScreen

from .conftest import type_text
from .settings_helpers import settings_screen


def _row(screen: SettingsScreen, code: str) -> int:
    return next(r for r in range(screen.awards.rowCount()) if screen.awards.item(r, 0).data(256) == code)


def test_local_threshold_quota_and_salary_are_saved_and_audited(qtbot, commune) -> None:  # type: ignore[no-untyped-def]
    screen = settings_screen(commune)
    qtbot.addWidget(screen)
    row = _row(screen, "CSTDCS")
    assert screen.awards.cellWidget(row, 1).value() == 80
    screen.awards.cellWidget(row, 1).setValue(75)
    screen.awards.cellWidget(row, 2).setChecked(True)
    screen.salary.setValue(2_530_000)
    screen.salary_from.setText("01/07/2026")
    screen.params_save.click()
    award = commune.catalog.award("CSTDCS")
    assert award.vote.threshold_pct == 75 and award.quota.enabled
    from datetime import date

    from thidua_desktop.rules import base_salary_on

    assert base_salary_on(commune.catalog, date(2026, 8, 1)) == 2_530_000
    assert base_salary_on(commune.catalog, date(2026, 6, 1)) == 2_340_000  # older decisions keep theirs
    assert commune.settings.history()[0]["actor"] == "tester"
    assert "tester" in screen.history.text()


def test_officer_name_and_language_switch(qtbot, commune) -> None:  # type: ignore[no-untyped-def]
    screen = settings_screen(commune)
    qtbot.addWidget(screen)
    screen.officer.clear()
    type_text(screen.officer, "Hoàng Thị Mai")
    screen.officer_save.click()
    assert commune.office.office().officer_name == "Hoàng Thị Mai"
    assert screen.backup_now.text() == "Sao lưu ngay"
    screen.language.setCurrentIndex(screen.language.findData("en"))
    QApplication.sendPostedEvents(None, QEvent.Type.LanguageChange)
    assert screen.backup_now.text() == "Back up now"
    assert Preferences.load(commune.paths.data_dir).language == "en"
    assert screen.officer.text() == "Hoàng Thị Mai"


def test_backup_now_then_restore(qtbot, commune, tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    commune.people.create(PersonInput("Nông Văn An", "male"))
    screen = settings_screen(commune)
    qtbot.addWidget(screen)
    screen.backup_dir.setText(str(tmp_path / "sao-luu"))
    made = screen.run_backup()
    assert made is not None and made.exists()
    assert Preferences.load(commune.paths.data_dir).last_backup
    commune.people.create(PersonInput("Người Thêm Sau", "male"))
    epoch = commune.office.office().epoch
    monkeypatch.setattr(dialogs, "open_file", lambda *_a: str(made))
    screen.restore.click()
    assert [p.full_name for p in commune.people.search("").rows] == ["Nông Văn An"]
    assert commune.office.office().epoch == epoch + 1


def test_restore_refuses_a_foreign_file(qtbot, commune, tmp_path: Path, monkeypatch, dialog_log) -> None:  # type: ignore[no-untyped-def]
    bogus = tmp_path / "khong-phai.zip"
    bogus.write_bytes(b"hello")
    commune.people.create(PersonInput("Nông Văn An", "male"))
    screen = settings_screen(commune)
    qtbot.addWidget(screen)
    monkeypatch.setattr(dialogs, "open_file", lambda *_a: str(bogus))
    screen.restore.click()
    assert any(kind == "error" and "không phải bản sao lưu" in text for kind, text in dialog_log)
    assert commune.people.search("").total == 1


def test_add_a_village_from_settings(qtbot, commune) -> None:  # type: ignore[no-untyped-def]
    screen = settings_screen(commune)
    qtbot.addWidget(screen)
    assert "Chưa có thôn" in screen.village_list.text()
    type_text(screen.village_name, "Xóm Phja Đeng")
    screen.village_kind.setCurrentIndex(screen.village_kind.findData("xom"))
    screen.village_border.setChecked(True)
    screen.village_add.click()
    [village] = commune.office.villages()
    assert (village.name, village.kind, village.is_border) == ("Xóm Phja Đeng", "xom", True)
    assert "Xóm Phja Đeng" in screen.village_list.text()


def test_the_star_after_a_village_is_explained(qtbot, commune) -> None:  # type: ignore[no-untyped-def]
    """Issue 9, point 12: "★" marks border and remote villages; a legend line and a tooltip say so."""
    commune.office.add_village("Xóm Nà Cạn")
    screen = settings_screen(commune)
    qtbot.addWidget(screen)
    screen.show()
    assert "★" not in screen.village_list.text() and not screen.village_legend.isVisible()
    commune.office.add_village("Bản Giốc", is_border=True)
    screen.retranslate()
    assert "Bản Giốc ★" in screen.village_list.text()
    legend = screen.village_legend.text()
    assert screen.village_legend.isVisible() and legend.startswith("★ = ") and len(legend) > 10
    assert screen.village_list.toolTip() == legend


def test_a_bad_salary_date_leaves_the_thresholds_unsaved_too(qtbot, commune, dialog_log) -> None:  # type: ignore[no-untyped-def]
    """Issue 13: saving Settings is one transaction. Before, each threshold was stored on its own
    and the salary after them, so a bad date still left the new thresholds saved."""
    before = commune.settings.overrides()
    history = len(commune.settings.history())
    screen = settings_screen(commune)
    qtbot.addWidget(screen)
    row = _row(screen, "CSTDCS")
    screen.awards.cellWidget(row, 1).setValue(70)
    screen.awards.cellWidget(row, 2).setChecked(True)
    screen.salary.setValue(2_530_000)
    screen.salary_from.setText("31/02/2026")  # no such day
    screen.params_save.click()
    assert commune.settings.overrides() == before
    assert commune.catalog.award("CSTDCS").vote.threshold_pct == 80
    assert len(commune.settings.history()) == history
    [(kind, text)] = dialog_log  # told once, naming the field and the value
    assert kind == "error" and "Ngày áp dụng" in text and "31/02/2026" in text
