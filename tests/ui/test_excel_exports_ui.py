"""The "Excel" buttons of the screens write real workbooks (read back with openpyxl) where the save
dialog says, under a suggested name without diacritics, and say how many rows went where."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

import pytest
from openpyxl import load_workbook
from openpyxl.worksheet.worksheet import Worksheet
from PySide6.QtCore import QEvent
from PySide6.QtWidgets import QApplication

from thidua_desktop.domain.enums import in_dossier
from thidua_desktop.services.excel_export import ExportResult
from thidua_desktop.ui import dialogs, i18n
from thidua_desktop.ui.excel_actions import ExcelButton, file_name
from thidua_desktop.ui.main_window import MainWindow
from thidua_desktop.ui.screens.movements import MovementsScreen
from thidua_desktop.ui.screens.nominations import NominationsScreen
from thidua_desktop.ui.screens.people import RegisterScreen
from thidua_desktop.ui.screens.reports import ReportsScreen

TODAY = date(2026, 11, 25)


@pytest.fixture
def save_to(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> list[tuple[str, str]]:
    """The save dialog answers tmp_path/<the suggested name>; records (title, suggested)."""
    asked: list[tuple[str, str]] = []

    def save(_parent: Any, title: str, suggested: str, _filters: str) -> str:
        asked.append((title, suggested))
        return str(tmp_path / Path(suggested).name)

    monkeypatch.setattr(dialogs, "save_file", save)
    return asked


def _export(button: ExcelButton, key: str) -> ExportResult:
    action = button.action(key)
    assert action is not None and action.isEnabled()
    button.last_result = None
    action.trigger()
    result = button.last_result
    assert isinstance(result, ExportResult) and result.path.exists()
    return result


def _sheet(result: ExportResult) -> Worksheet:
    return load_workbook(result.path).active


def _numbered(ws: Worksheet, column: int = 2) -> list[Any]:
    """The table's data lines: those with a number in STT."""
    return [row[column - 1] for row in ws.iter_rows(values_only=True) if isinstance(row[0], int)]


def _said(dialog_log: list[tuple[str, str]], result: ExportResult) -> None:
    assert dialog_log[-1] == ("info", f"Đã xuất {result.rows} dòng vào {result.path}.")


def test_nominee_list_of_the_selected_batch(qtbot, demo, save_to, dialog_log) -> None:  # type: ignore[no-untyped-def]
    screen = NominationsScreen(demo.nominations, printing=demo.printing, excel_export=demo.excel_export)
    qtbot.addWidget(screen)
    button = screen.excel_button
    assert not button.isHidden() and button.text() == "Excel"
    assert not button.action("nominees").isEnabled()  # type: ignore[union-attr]  # nothing selected
    screen.select_row(0)
    n = screen.current
    assert n is not None
    batch = next(b for b in demo.nominations.batches() if b.id == n.batch_id)
    assert button.action("nominees").text() == "Xuất danh sách đề nghị (Excel)…"  # type: ignore[union-attr]
    result = _export(button, "nominees")
    assert save_to == [("Xuất ra Excel", str(Path(save_to[0][1]).parent / f"danh-sach-de-nghi-{batch.year}.xlsx"))]
    ws = _sheet(result)
    assert ws.title == "Danh sách đề nghị"
    assert (ws["A4"].value, ws["A5"].value) == ("DANH SÁCH ĐỀ NGHỊ KHEN THƯỞNG", batch.name)
    names = _numbered(ws)
    kept = [v for v in demo.nominations.list(batch_id=batch.id) if in_dossier(v.status)]  # as the tờ trình
    assert len(names) == result.rows == len(kept) > 0
    assert sorted(names) == sorted(v.nominee_name for v in kept)
    _said(dialog_log, result)


def test_register_of_every_person(qtbot, demo, save_to, dialog_log) -> None:  # type: ignore[no-untyped-def]
    screen = RegisterScreen(demo.people, demo.collectives, demo.office, demo.records, demo.drafts,
                            excel_import=demo.excel_import, excel_export=demo.excel_export)
    qtbot.addWidget(screen)
    button = screen.excel_button
    button.refresh_menu()  # each call rebuilds the menu: read the actions of one build
    assert [a.text() for a in button.menu().actions()] == ["Nhập từ Excel…", "Xuất sổ theo dõi khen thưởng (Excel)…"]
    result = _export(button, "register")
    assert Path(save_to[0][1]).name == f"so-theo-doi-khen-thuong-{date.today().isoformat()}.xlsx"
    ws = _sheet(result)
    assert ws.title == "Sổ theo dõi khen thưởng" and ws["A4"].value == "SỔ THEO DÕI KHEN THƯỞNG CÁ NHÂN"
    people = demo.people.search("", limit=1000).rows
    assert sorted(_numbered(ws)) == sorted(p.full_name for p in people) and len(people) == 60
    assert result.rows >= 60
    _said(dialog_log, result)


def test_statistics_of_the_year_shown(qtbot, demo, save_to, dialog_log) -> None:  # type: ignore[no-untyped-def]
    screen = ReportsScreen(demo.statistics, TODAY, excel_export=demo.excel_export)
    qtbot.addWidget(screen)
    screen.year.setValue(2025)
    result = _export(screen.excel_button, "statistics")
    assert Path(save_to[0][1]).name == "thong-ke-khen-thuong-2025.xlsx"
    ws = _sheet(result)
    assert ws.title == "Thống kê 2025" and ws["A4"].value == "BÁO CÁO THỐNG KÊ KẾT QUẢ KHEN THƯỞNG NĂM 2025"
    screen.year.setValue(2026)
    result = _export(screen.excel_button, "statistics")
    ws = _sheet(result)
    assert ws.title == "Thống kê 2026"
    lines = {row[1]: row[3] for row in ws.iter_rows(values_only=True) if isinstance(row[0], int)}
    stats = demo.statistics.year(2026)
    assert lines["Tổng số"] == sum(stats.by_award.values()) > 0
    assert len(lines) <= result.rows == len(_numbered(ws))
    _said(dialog_log, result)


def test_indicator_table_of_the_selected_movement(qtbot, demo, save_to, dialog_log) -> None:  # type: ignore[no-untyped-def]
    screen = MovementsScreen(demo.movements, printing=demo.printing, excel_export=demo.excel_export)
    qtbot.addWidget(screen)
    button = screen.excel_button
    assert not button.action("indicators").isEnabled()  # type: ignore[union-attr]
    row = next(r for r in range(screen.model.rowCount()) if demo.movements.indicators(screen.model.row_object(r).id))
    screen.table.selectRow(row)
    movement = screen.current()
    assert movement is not None
    result = _export(button, "indicators")
    assert Path(save_to[0][1]).name == file_name("chi-tieu", movement.code) == f"chi-tieu-{movement.code.lower()}.xlsx"
    ws = _sheet(result)
    assert ws.title == "Chỉ tiêu phong trào" and ws["A4"].value == "BẢNG THEO DÕI CHỈ TIÊU PHONG TRÀO THI ĐUA"
    assert ws["A5"].value == f"Phong trào: {movement.name}"
    assert _numbered(ws) == [i["name"] for i in demo.movements.indicators(movement.id)]
    assert result.rows == len(_numbered(ws))
    _said(dialog_log, result)


def test_cancelled_or_refused_saves_write_nothing(qtbot, demo, monkeypatch, tmp_path, dialog_log) -> None:  # type: ignore[no-untyped-def]
    tmp_path = tmp_path / "out"
    tmp_path.mkdir()
    screen = ReportsScreen(demo.statistics, TODAY, excel_export=demo.excel_export)
    qtbot.addWidget(screen)
    screen.excel_button.action("statistics").trigger()  # type: ignore[union-attr]  # the dialog is cancelled
    assert screen.excel_button.last_result is None and not dialog_log and not list(tmp_path.iterdir())
    monkeypatch.setattr(dialogs, "save_file", lambda *_a: str(tmp_path / "thong-ke.csv"))
    screen.excel_button.action("statistics").trigger()  # type: ignore[union-attr]
    assert screen.excel_button.last_result is None and not list(tmp_path.iterdir())
    assert dialog_log == [("error", "Tệp «thong-ke.csv» phải có đuôi .xlsx (bảng tính Excel).")]
    monkeypatch.setattr(dialogs, "save_file", lambda *_a: str(tmp_path / "thong-ke"))  # no extension: .xlsx added
    screen.excel_button.action("statistics").trigger()  # type: ignore[union-attr]
    assert (tmp_path / "thong-ke.xlsx").exists()


def test_no_excel_service_no_button(qtbot, demo) -> None:  # type: ignore[no-untyped-def]
    screens = [NominationsScreen(demo.nominations), MovementsScreen(demo.movements),
               ReportsScreen(demo.statistics, TODAY),
               RegisterScreen(demo.people, demo.collectives, demo.office, demo.records)]
    for screen in screens:
        qtbot.addWidget(screen)
        assert screen.excel_button.isHidden()


def test_main_window_wires_the_excel_buttons(qtbot, demo) -> None:  # type: ignore[no-untyped-def]
    window = MainWindow(demo, TODAY)
    qtbot.addWidget(window)
    for key, entry in (("people", "import"), ("people", "register"), ("nominations", "nominees"),
                       ("movements", "indicators"), ("reports", "statistics")):
        button = window.screen_widget(key).excel_button
        assert not button.isHidden() and button.action(entry) is not None, (key, entry)


def test_menus_follow_the_language(qtbot, demo) -> None:  # type: ignore[no-untyped-def]
    screen = MovementsScreen(demo.movements, excel_export=demo.excel_export)
    qtbot.addWidget(screen)
    i18n.install("en")
    QApplication.sendPostedEvents(None, QEvent.Type.LanguageChange)
    assert screen.excel_button.action("indicators").text() == "Export the indicator table (Excel)…"  # type: ignore[union-attr]
    screen.excel_button.refresh_menu()
    assert screen.excel_button.menu().actions()[0].text() == "Select a movement first"


def test_file_names_have_no_diacritics() -> None:
    assert file_name("Xét khen thưởng năm 2026") == "xet-khen-thuong-nam-2026.xlsx"
    assert file_name("chi-tieu", "CT12-2026/ĐỔI MỚI") == "chi-tieu-ct12-2026-doi-moi.xlsx"
