"""Thống kê toàn tỉnh: the screen over three real commune offices' bundles
(tests/province_statistics_helpers.py): in the province's navigation, the form on screen agrees
with its exported workbook, the exports go through the patched dialogs, and it fits 1366×768."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest
from openpyxl import load_workbook
from province_overview_helpers import Offices
from province_statistics_helpers import build_with_figures
from PySide6.QtWidgets import QApplication, QPushButton

from thidua_desktop.ui import dialogs
from thidua_desktop.ui.main_window import MainWindow
from thidua_desktop.ui.screens.province_statistics import ProvinceStatisticsScreen

ROOT = Path(__file__).resolve().parents[2]
SCREENSHOT = ROOT / "docs" / "screenshots" / "province-statistics.png"


@pytest.fixture(autouse=True)
def _in_vietnamese(vietnamese: None) -> None:
    """The screens as the officer sees them."""


@pytest.fixture
def offices(tmp_path: Path) -> Iterator[Offices]:
    built = build_with_figures(tmp_path / "offices")
    yield built
    built.close()


@pytest.fixture
def window(qtbot, offices: Offices) -> MainWindow:  # type: ignore[no-untyped-def]
    window = MainWindow(offices.province)
    qtbot.addWidget(window)
    return window


def screen_of(window: MainWindow) -> ProvinceStatisticsScreen:
    window.nav.setCurrentRow(window.keys.index("province_statistics"))
    screen = window.screen_widget("province_statistics")
    assert isinstance(screen, ProvinceStatisticsScreen)
    return screen


def test_the_form_on_screen_agrees_with_its_workbook(window: MainWindow, monkeypatch: pytest.MonkeyPatch,
                                                     tmp_path: Path) -> None:
    screen = screen_of(window)
    screen.first_year.setValue(2026)
    screen.last_year.setValue(2026)
    assert window.nav.item(window.keys.index("province_statistics")).text() == "Thống kê toàn tỉnh"
    # The by-commune table's last line is the whole province.
    last = screen.communes.rowCount() - 1
    assert screen.communes.item(last, 1).text() == "10"
    for number in ("0601", "0602"):
        screen.form_choice.setCurrentIndex(screen.form_choice.findData(number))
        assert screen.form is not None and screen.form.layout.number == number
        target = tmp_path / f"bieu-{number}.xlsx"
        monkeypatch.setattr(dialogs, "save_file", lambda *_a, t=target: str(t))
        monkeypatch.setattr(dialogs, "info", lambda *_a: None)
        result = screen.export_form("xlsx")
        assert result is not None
        ws = load_workbook(target).active
        for row in screen.form.rows:
            for column in screen.form.layout.columns:
                assert ws[result.cells[(row.key, column.key)]].value == screen.cell_value(row.key, column.key)
        assert screen.cell_value("total", "total") == 10
    assert "đối chiếu với phụ lục" in screen.form_note.text()
    pdf = tmp_path / "bao-cao.pdf"
    monkeypatch.setattr(dialogs, "save_file", lambda *_a: str(pdf))
    assert screen.export_report() is not None and pdf.read_bytes().startswith(b"%PDF")
    # Indicators: the percentage is combined as a weighted mean, never summed.
    methods = {screen.indicators.item(r, 0).text(): screen.indicators.item(r, 3).text()
               for r in range(screen.indicators.rowCount())}
    assert methods == {"Mô hình kinh tế mới": "Cộng dồn", "Tỷ lệ hộ nghèo": "Bình quân gia quyền"}


def test_a_cancelled_save_writes_nothing(window: MainWindow, monkeypatch: pytest.MonkeyPatch) -> None:
    screen = screen_of(window)
    monkeypatch.setattr(dialogs, "save_file", lambda *_a: "")
    assert screen.export_form("pdf") is None


def test_it_fits_a_1366x768_screen(qtbot, window: MainWindow, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    window.resize(1366, 768)
    window.show()
    qtbot.waitExposed(window)
    screen = screen_of(window)
    screen.first_year.setValue(2026)
    QApplication.processEvents()
    assert not screen.communes.horizontalScrollBar().isVisible()
    for button in screen.findChildren(QPushButton):
        if button.isVisible():
            assert button.width() >= button.sizeHint().width(), button.text()
    target = SCREENSHOT if os.environ.get("THIDUA_SAVE_SCREENSHOTS") else tmp_path / SCREENSHOT.name
    target.parent.mkdir(parents=True, exist_ok=True)
    assert window.grab().save(str(target))
    screen.tabs.setCurrentIndex(3)
    QApplication.processEvents()
    assert window.grab().save(str(target.with_name("province-statistics-charts.png")))
