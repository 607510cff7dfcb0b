"""The province's first screen, Tổng quan toàn tỉnh, in the main window of a real province office
with three communes (tests/province_overview_helpers.py): shown first, its rows and numbers, the
colours of late and blocked communes, sorting, filters and the accent-free search, the way to the
Sync screen, the late setting, an import that reaches it without a reshow, and a 1366×768 screenshot."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest
from province_overview_helpers import DONG_KHE, LY_BON, QUANG_UYEN, Offices, build, submit
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QHeaderView, QPushButton

from thidua_desktop.services.changes import Change
from thidua_desktop.ui import ops
from thidua_desktop.ui.main_window import MainWindow
from thidua_desktop.ui.screens.province_overview import BLOCKED_COLOUR, LATE_COLOUR, ProvinceOverviewScreen

from .conftest import TODAY, type_text

ROOT = Path(__file__).resolve().parents[2]
SCREENSHOT = ROOT / "docs" / "screenshots" / "province-overview.png"


@pytest.fixture(autouse=True)
def _in_vietnamese(vietnamese: None) -> None:
    """The screen as the officer sees it."""


@pytest.fixture
def offices(tmp_path: Path) -> Iterator[Offices]:
    built = build(tmp_path / "offices")
    yield built
    built.close()


@pytest.fixture
def window(qtbot, offices: Offices) -> MainWindow:  # type: ignore[no-untyped-def]
    window = MainWindow(offices.province)  # today: the real one, as the communes' bundles are dated
    qtbot.addWidget(window)
    return window


def overview_of(window: MainWindow) -> ProvinceOverviewScreen:
    screen = window.province_overview
    assert isinstance(screen, ProvinceOverviewScreen)
    return screen


def codes(screen: ProvinceOverviewScreen) -> list[str]:
    return [screen.model.row_object(r).unit_code for r in range(screen.model.rowCount())]


def cell(screen: ProvinceOverviewScreen, code: str, column: int, role: int = Qt.ItemDataRole.DisplayRole) -> object:
    row = codes(screen).index(code)
    return screen.model.data(screen.model.index(row, column), role)


def test_the_province_starts_on_its_communes(window: MainWindow) -> None:
    assert window.keys[0] == "province_overview" and window.nav.item(0).text() == "Tổng quan toàn tỉnh"
    assert window.keys[1] == "review_queue"  # its review queue next, then the others
    assert [window.nav.item(window.keys.index(k)).text() for k in ("overview", "sync")] == ["Tổng quan", "Đồng bộ"]
    assert window.nav.currentRow() == 0 and window.stack.currentWidget() is window.province_overview
    screen = overview_of(window)
    # By name at first, in the Vietnamese alphabet: Đ comes after D, before L (code points would put it last).
    assert codes(screen) == [DONG_KHE, LY_BON, QUANG_UYEN]
    assert screen.table.horizontalHeader().sortIndicatorSection() == 1
    headers = [screen.model.headerData(c, Qt.Orientation.Horizontal) for c in range(screen.model.columnCount())]
    assert headers[:3] == ["Mã", "Xã, phường", "Tình trạng"] and "Chờ\nthẩm định" in headers

    # 5 waiting, 6 returned, 7 verdicts not sent, 8 decided not sent, 9 conflicts, 10 duplicates,
    # 11 pending records, 12 keys to confirm.
    assert [cell(screen, QUANG_UYEN, c) for c in (1, 2, 5, 6, 7, 8, 9, 10, 11, 12)] == [
        "Xã Quảng Uyên", "Bình thường", "1", "1", "2", "", "", "", "", ""]
    assert cell(screen, QUANG_UYEN, 4) == "—"  # nothing sent back yet
    assert cell(screen, DONG_KHE, 2) == "Đang vướng" and cell(screen, DONG_KHE, 12) == "1"
    assert cell(screen, LY_BON, 2) == "Chậm gửi" and cell(screen, LY_BON, 3) == "—"
    # Late and blocked rows are coloured, and say why.
    assert cell(screen, DONG_KHE, 0, Qt.ItemDataRole.BackgroundRole).color() == BLOCKED_COLOUR
    assert cell(screen, LY_BON, 0, Qt.ItemDataRole.BackgroundRole).color() == LATE_COLOUR
    assert cell(screen, QUANG_UYEN, 0, Qt.ItemDataRole.BackgroundRole) is None
    assert "45 ngày" in str(cell(screen, LY_BON, 1, Qt.ItemDataRole.ToolTipRole))
    assert "1 gói chờ xác nhận mã xác thực" in str(cell(screen, DONG_KHE, 1, Qt.ItemDataRole.ToolTipRole))
    assert screen.filter_buttons["late"].text() == "Chậm gửi (1)"
    assert screen.filter_buttons["blocked"].text() == "Đang vướng (1)"
    assert "1 hồ sơ chờ thẩm định" in screen.summary.text()


def test_the_commune_role_keeps_its_navigation(qtbot, commune) -> None:  # type: ignore[no-untyped-def]
    window = MainWindow(commune, TODAY)
    qtbot.addWidget(window)
    assert "province_overview" not in window.keys and window.keys[0] == "overview"


def test_sorting_by_every_column(window: MainWindow) -> None:
    screen = overview_of(window)
    header = screen.table.horizontalHeader()
    for column in range(screen.model.columnCount()):
        screen.table.sortByColumn(column, Qt.SortOrder.AscendingOrder)
        up = codes(screen)
        screen.table.sortByColumn(column, Qt.SortOrder.DescendingOrder)
        assert sorted(codes(screen)) == sorted(up) == [LY_BON, QUANG_UYEN, DONG_KHE]
        assert header.sortIndicatorSection() == column
    screen.table.sortByColumn(5, Qt.SortOrder.DescendingOrder)  # waiting for review: most first
    assert codes(screen)[0] == QUANG_UYEN
    screen.table.sortByColumn(2, Qt.SortOrder.AscendingOrder)  # status: the most urgent first
    assert codes(screen) == [DONG_KHE, LY_BON, QUANG_UYEN]
    screen.table.sortByColumn(0, Qt.SortOrder.DescendingOrder)
    assert codes(screen) == [DONG_KHE, QUANG_UYEN, LY_BON]
    screen.refresh()
    assert codes(screen) == [DONG_KHE, QUANG_UYEN, LY_BON]  # the sort stays through a refresh


def test_filters_and_the_search_without_accents(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    screen = overview_of(window)
    screen.filter_buttons["late"].click()
    assert codes(screen) == [LY_BON]
    screen.filter_buttons["blocked"].click()
    assert codes(screen) == [DONG_KHE]
    screen.filter_buttons["waiting_review"].click()
    assert codes(screen) == [QUANG_UYEN]
    assert "Đang hiện 1/3" in screen.summary.text()
    screen.filter_buttons["all"].click()
    qtbot.keyClicks(screen.search, "dong khe")
    assert codes(screen) == [DONG_KHE]
    screen.search.clear()
    type_text(screen.search, "Quảng")
    assert codes(screen) == [QUANG_UYEN]
    screen.filter_buttons["late"].click()
    assert codes(screen) == []
    screen.search.clear()
    assert codes(screen) == [LY_BON]


def test_a_row_opens_the_sync_screen_on_its_commune(window: MainWindow) -> None:
    screen = overview_of(window)
    assert not screen.open_button.isEnabled()
    assert screen.select_commune(DONG_KHE) and screen.open_button.isEnabled()
    screen.open_button.click()
    assert window.stack.currentWidget() is window.sync_screen
    peer = window.sync_screen.peers.selected_peer()
    assert peer is not None and peer.unit_code == DONG_KHE
    window.show_screen("province_overview")
    row = codes(screen).index(LY_BON)
    screen.table.doubleClicked.emit(screen.model.index(row, 1))
    assert window.sync_screen.peers.selected_peer().unit_code == LY_BON


def test_enter_opens_the_selected_commune_only_from_the_table(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    """Enter typed in the search box searches; it does not open the commune selected below it."""
    window.show()
    screen = overview_of(window)
    assert screen.select_commune(DONG_KHE)
    screen.search.setFocus()
    qtbot.waitUntil(screen.search.hasFocus)
    qtbot.keyClick(screen.search, Qt.Key.Key_Return)
    assert window.stack.currentWidget() is screen
    screen.table.setFocus()
    qtbot.waitUntil(screen.table.hasFocus)
    qtbot.keyClick(screen.table, Qt.Key.Key_Return)
    assert window.stack.currentWidget() is window.sync_screen
    assert window.sync_screen.peers.selected_peer().unit_code == DONG_KHE


def test_the_late_setting_is_saved_and_applied(qtbot, window: MainWindow, offices: Offices) -> None:  # type: ignore[no-untyped-def]
    screen = overview_of(window)
    assert screen.late_days.value() == 30 and codes(screen).count(LY_BON) == 1
    screen.late_days.setValue(60)
    screen.save_late_days()  # what the timer does once the arrows stop
    assert screen.filter_buttons["late"].text() == "Chậm gửi (0)"
    assert cell(screen, LY_BON, 2) == "Bình thường" and "60 ngày" in screen.legend.text()
    again = MainWindow(offices.province)
    qtbot.addWidget(again)
    assert overview_of(again).late_days.value() == 60  # kept for this office


def test_an_import_reaches_the_overview_without_a_reshow(window: MainWindow, offices: Offices) -> None:
    screen = overview_of(window)
    quang_uyen = offices.communes[QUANG_UYEN]
    batch = quang_uyen.nominations.batches()[0].id
    submit(quang_uyen, "Hoàng Thị Thu", batch)
    bundle = offices.send_up(QUANG_UYEN)
    sync = window.show_screen("sync")
    assert not screen.isVisible()
    announced: list[Change] = []
    window.changed.connect(announced.append)
    # What the import panel does: one operation, announcing what an import may change.
    report = ops.run(sync, lambda: offices.province.sync.import_bundle(bundle), changes=Change.ALL)
    assert report is not None and report["new"] >= 1 and announced == [Change.ALL]
    assert cell(screen, QUANG_UYEN, 5) == "2"  # updated while hidden, without being shown again
    assert "province_overview" not in window._stale
    assert "2 hồ sơ chờ thẩm định" in screen.summary.text()


def test_it_fits_a_1366x768_screen(qtbot, window: MainWindow, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    window.resize(1366, 768)
    window.show()
    qtbot.waitExposed(window)
    screen = overview_of(window)
    QApplication.processEvents()
    table = screen.table
    assert not table.horizontalScrollBar().isVisible()  # every column fits without scrolling sideways
    header = table.horizontalHeader()
    assert header.sectionResizeMode(1) == QHeaderView.ResizeMode.Stretch
    assert header.sectionSize(1) >= table.sizeHintForColumn(1)  # commune names are not cut
    for button in screen.findChildren(QPushButton):
        if button.isVisible():
            assert button.width() >= button.sizeHint().width(), button.text()
    assert screen.legend.width() > 0 and screen.legend.heightForWidth(screen.legend.width()) <= screen.legend.height()
    target = SCREENSHOT if os.environ.get("THIDUA_SAVE_SCREENSHOTS") else tmp_path / SCREENSHOT.name
    target.parent.mkdir(parents=True, exist_ok=True)
    assert window.grab().save(str(target))
    assert target.stat().st_size > 10_000
