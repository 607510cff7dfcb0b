"""Quyết định cấp tỉnh, in the main window of a real province with two communes
(tests/province_decision_helpers.py): the approved dossiers of the chosen award with the rewards of
the decision date, a decision issued for the ticked ones, a refusal beside the form, the print menu
of an issued decision, its cancellation, and a 1366×768 screenshot."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest
from province_decision_helpers import CHAIRMAN, Offices, build
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QPushButton

from thidua_desktop.services.changes import Change
from thidua_desktop.ui.main_window import MainWindow
from thidua_desktop.ui.print_preview import PrintPreviewDialog
from thidua_desktop.ui.screens.province_decisions import ProvinceDecisionsScreen

from .conftest import type_text

ROOT = Path(__file__).resolve().parents[2]
SCREENSHOT = ROOT / "docs" / "screenshots" / "province-decisions.png"


@pytest.fixture(autouse=True)
def in_vietnamese(vietnamese: None, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("THIDUA_DOC_FONT", "bundled")


@pytest.fixture
def offices(tmp_path: Path) -> Iterator[Offices]:
    built = build(tmp_path / "offices")
    yield built
    built.close()


@pytest.fixture
def window(qtbot, offices: Offices) -> MainWindow:  # type: ignore[no-untyped-def]
    window = MainWindow(offices.province)
    qtbot.addWidget(window)
    return window


def screen_of(window: MainWindow) -> ProvinceDecisionsScreen:
    screen = window.show_screen("province_decisions")
    assert isinstance(screen, ProvinceDecisionsScreen)
    return screen


def rows(screen: ProvinceDecisionsScreen) -> list[tuple[str, ...]]:
    table = screen.table
    return [tuple(table.item(r, c).text() for c in range(table.columnCount())) for r in range(table.rowCount())]


def set_date(screen: ProvinceDecisionsScreen, text: str) -> None:
    screen.decided_on.clear()
    type_text(screen.decided_on, text)


def test_the_province_decides_the_ticked_dossiers(qtbot, window: MainWindow, offices: Offices,  # type: ignore[no-untyped-def]
                                                  dialog_log: list[tuple[str, str]]) -> None:
    titles = [window.nav.item(i).text() for i in range(window.nav.count())]
    assert titles[titles.index("Quyết định") + 1:titles.index("Quyết định") + 3] == [
        "Quyết định cấp tỉnh", "Quỹ thi đua, khen thưởng"]
    screen = screen_of(window)
    # The first award with something to decide, its count in the list; both communes' dossiers.
    assert screen.award.currentText() == "Chiến sĩ thi đua cấp tỉnh (2)"
    assert screen.signer_name.currentText() == CHAIRMAN
    set_date(screen, "10/12/2026")
    assert rows(screen) == [("Bế Văn Hùng", "Xã Đông Khê", "Cá nhân", "7.590.000 đ"),
                            ("Đàm Thị Mai", "Xã Quảng Uyên", "Cá nhân", "7.590.000 đ")]
    assert "2.530.000 đ" in screen.total.text() and "15.180.000 đ" in screen.total.text()
    screen.table.item(0, 0).setCheckState(Qt.CheckState.Unchecked)  # Hùng waits for another decision
    assert "cho 1 người/tập thể: 7.590.000 đ" in screen.total.text()

    # Without a number: refused beside the form, nothing issued.
    screen.issue_button.click()
    assert screen.error.isVisibleTo(screen) and "Số quyết định" in screen.error.text()
    assert offices.province.province_decisions.page()[1] == 0

    announced: list[Change] = []
    window.changed.connect(announced.append)
    type_text(screen.number, "130/QĐ-UBND")
    screen.issue_button.click()
    assert not screen.error.isVisibleTo(screen)
    assert dialog_log[-1][0] == "info" and "Quyết định số 130/QĐ-UBND" in dialog_log[-1][1]
    assert announced and announced[0] & Change.DECISIONS
    [decision], _total = offices.province.province_decisions.page()
    assert [r.nominee_name for r in decision.recipients] == ["Đàm Thị Mai"] and decision.total == 7_590_000
    assert [r[0] for r in rows(screen)] == ["Bế Văn Hùng"]  # decided ones leave the list
    assert screen.award.currentText() == "Chiến sĩ thi đua cấp tỉnh (1)"
    # The other awards wait in the list of awards, the Bằng khen with people and collectives together.
    screen.award.setCurrentIndex(screen.award.findData("BK_TINH_CN"))
    assert sorted(r[0] for r in rows(screen)) == ["Hợp tác xã Đông Khê", "Nông Văn Thắng",
                                                  "Trường Tiểu học Quảng Uyên"]
    assert {r[2] for r in rows(screen)} == {"Tập thể", "Cá nhân"}
    assert "—" in {r[3] for r in rows(screen)} and "chưa có mức tiền thưởng" in screen.total.text()

    # Issued: selected in the list of decisions, printed from its menu.
    screen.tabs.setCurrentIndex(1)
    assert screen.selected_decision() is not None and screen.selected_decision().id == decision.id
    assert screen.past_recipients.item(0, 1).text() == "Xã Quảng Uyên"
    screen.print_button.refresh_menu()  # each call rebuilds the menu: read the actions of one build
    labels = {a.data(): a.text() for a in screen.print_button.menu().actions() if a.data()}
    assert labels == {"province-decision": "Quyết định và danh sách kèm theo",
                      "province-certificate": "Bằng khen, giấy chứng nhận"}
    for kind in ("province-decision", "province-certificate"):
        screen.print_button.actions_for(kind)[0].trigger()
        dialog = screen.print_button.last_dialog
        assert isinstance(dialog, PrintPreviewDialog) and dialog.doc.kind == kind
        assert dialog.doc.target_id == decision.id
        dialog.close()

    # Cancelled with its reason: the dossier is waiting again.
    screen.cancel_button.click()
    assert dialog_log[-1] == ("error", "Cần ghi rõ lý do.")  # no reason: refused
    assert offices.province.province_decisions.page()[1] == 1
    type_text(screen.cancel_reason, "Ghi nhầm ngày")
    screen.cancel_button.click()
    assert offices.province.province_decisions.page()[1] == 0
    screen.award.setCurrentIndex(screen.award.findData("CSTD_TINH"))
    assert [r[0] for r in rows(screen)] == ["Bế Văn Hùng", "Đàm Thị Mai"]


def test_a_commune_has_its_fund_but_no_provincial_decisions(qtbot, offices: Offices) -> None:  # type: ignore[no-untyped-def]
    window = MainWindow(offices.communes["01576"])
    qtbot.addWidget(window)
    assert "province_decisions" not in window.keys
    assert window.keys[window.keys.index("decisions") + 1] == "reward_fund"


def test_it_fits_a_1366x768_screen(qtbot, window: MainWindow, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    window.resize(1366, 768)
    window.show()
    qtbot.waitExposed(window)
    screen = screen_of(window)
    screen.award.setCurrentIndex(screen.award.findData("BK_TINH_CN"))
    set_date(screen, "10/12/2026")
    type_text(screen.number, "125/QĐ-UBND")
    QApplication.processEvents()
    assert not screen.table.horizontalScrollBar().isVisible()
    assert screen.table.horizontalHeader().sectionSize(0) >= screen.table.sizeHintForColumn(0)
    for button in screen.findChildren(QPushButton):
        if button.isVisible():
            assert button.width() >= button.sizeHint().width(), button.text()
    assert screen.total.isVisible() and screen.issue_button.isEnabled()
    target = SCREENSHOT if os.environ.get("THIDUA_SAVE_SCREENSHOTS") else tmp_path / SCREENSHOT.name
    target.parent.mkdir(parents=True, exist_ok=True)
    assert window.grab().save(str(target))
    assert target.stat().st_size > 10_000
