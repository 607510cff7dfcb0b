"""Quỹ thi đua, khen thưởng, in the main window of a real province with two communes
(tests/province_decision_helpers.py) and of a commune: the payments the decisions made, income
added from the form (a refusal beside it), removed, the balance following a decision issued
elsewhere in the window, the Excel export read back, and a 1366×768 screenshot."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest
from openpyxl import load_workbook
from province_decision_helpers import QUANG_UYEN, Offices, build
from PySide6.QtWidgets import QApplication, QPushButton

from thidua_desktop.services.changes import Change
from thidua_desktop.ui import dialogs, ops
from thidua_desktop.ui.main_window import MainWindow
from thidua_desktop.ui.screens.reward_fund import RewardFundScreen

from .conftest import type_text

ROOT = Path(__file__).resolve().parents[2]
SCREENSHOT = ROOT / "docs" / "screenshots" / "reward-fund.png"


@pytest.fixture(autouse=True)
def in_vietnamese(vietnamese: None) -> None:
    """The screen as the officer sees it."""


@pytest.fixture
def offices(tmp_path: Path) -> Iterator[Offices]:
    built = build(tmp_path / "offices")
    yield built
    built.close()


@pytest.fixture
def decided(offices: Offices) -> Offices:
    """Two decisions of the provincial chairman: 14,040,000 đ on 28/11, 7,590,000 đ on 10/12/2026."""
    d, decisions = offices.dossiers, offices.province.province_decisions
    decisions.issue(number="125/QĐ-UBND", decided_on="28/11/2026", award_code="BK_TINH_TT",
                    nomination_ids=[d["school"], d["coop"]])
    decisions.issue(number="130/QĐ-UBND", decided_on="10/12/2026", award_code="CSTD_TINH", nomination_ids=[d["mai"]])
    return offices


def fund_of(window: MainWindow) -> RewardFundScreen:
    screen = window.show_screen("reward_fund")
    assert isinstance(screen, RewardFundScreen)
    return screen


def lines(screen: RewardFundScreen) -> list[tuple[str, ...]]:
    table = screen.table
    return [tuple(table.item(r, c).text() for c in (0, 2, 3, 4)) for r in range(table.rowCount())]


def add(screen: RewardFundScreen, day: str, amount: str, source: str) -> None:
    screen.received_on.clear()
    type_text(screen.received_on, day)
    screen.amount.clear()
    type_text(screen.amount, amount)
    screen.source.clear()
    type_text(screen.source, source)
    screen.add_button.click()


def test_the_ledger_follows_income_and_decisions(qtbot, decided: Offices, tmp_path: Path,  # type: ignore[no-untyped-def]
                                                 monkeypatch: pytest.MonkeyPatch,
                                                 dialog_log: list[tuple[str, str]]) -> None:
    window = MainWindow(decided.province)
    qtbot.addWidget(window)
    screen = fund_of(window)
    assert lines(screen) == [("28/11/2026", "", "14.040.000 đ", "-14.040.000 đ"),
                             ("10/12/2026", "", "7.590.000 đ", "-21.630.000 đ")]
    assert "125/QĐ-UBND" in screen.table.item(0, 1).text()
    assert "Tồn quỹ: -21.630.000 đ" in screen.summary.text()

    add(screen, "15/11/2026", "năm mươi triệu", "Ngân sách tỉnh")
    assert screen.error.isVisibleTo(screen) and "Số tiền" in screen.error.text()
    assert screen.table.rowCount() == 2
    announced: list[Change] = []
    window.changed.connect(announced.append)
    add(screen, "15/11/2026", "50.000.000", "Ngân sách tỉnh năm 2026")
    assert not screen.error.isVisibleTo(screen) and announced == [Change.FUND]
    assert lines(screen)[0] == ("15/11/2026", "50.000.000 đ", "", "50.000.000 đ")
    assert lines(screen)[-1][3] == "28.370.000 đ" and "Tồn quỹ: 28.370.000 đ" in screen.summary.text()
    assert screen.amount.text() == "" and screen.source.text() == ""

    # A decision issued on the decisions screen reaches the ledger at once, without a reshow.
    decisions = window.show_screen("province_decisions")
    assert not screen.isVisible()
    ops.run(decisions, lambda: decided.province.province_decisions.issue(
        number="131/QĐ-UBND", decided_on="12/12/2026", award_code="CSTD_TINH",
        nomination_ids=[decided.dossiers["hung"]]), changes=Change.DECISIONS)
    qtbot.waitUntil(lambda: screen.table.rowCount() == 4)
    assert lines(screen)[-1] == ("12/12/2026", "", "7.590.000 đ", "20.780.000 đ")

    # Exported, and read back.
    window.show_screen("reward_fund")
    target = tmp_path / "so-quy.xlsx"
    monkeypatch.setattr(dialogs, "save_file", lambda *_a: str(target))
    screen.export_button.click()
    assert screen.last_export == target and dialog_log[-1][0] == "info"
    rows = [r for r in load_workbook(target).active.iter_rows(values_only=True) if isinstance(r[0], int)]
    assert [(r[1], r[3], r[4], r[5]) for r in rows] == [
        ("15/11/2026", 50_000_000, None, 50_000_000), ("28/11/2026", None, 14_040_000, 35_960_000),
        ("10/12/2026", None, 7_590_000, 28_370_000), ("12/12/2026", None, 7_590_000, 20_780_000)]

    # The income removed (a payment cannot be: it is its decision's).
    screen.table.selectRow(1)
    assert not screen.remove_button.isEnabled()
    screen.table.selectRow(0)
    assert screen.remove_button.isEnabled()
    screen.remove_button.click()
    assert dialog_log[-1][0] == "ask" and "50.000.000 đ" in dialog_log[-1][1]
    assert screen.table.rowCount() == 3 and "Tồn quỹ: -29.220.000 đ" in screen.summary.text()


def test_a_commune_keeps_its_own_fund(qtbot, decided: Offices) -> None:  # type: ignore[no-untyped-def]
    decided.send_down(QUANG_UYEN)  # the province's decisions arrive: paid by the province, not here
    window = MainWindow(decided.communes[QUANG_UYEN])
    qtbot.addWidget(window)
    screen = fund_of(window)
    assert screen.table.rowCount() == 0 and "Tồn quỹ: 0 đ" in screen.summary.text()
    add(screen, "02/01/2026", "20.000.000", "Ngân sách xã năm 2026")
    assert lines(screen) == [("02/01/2026", "20.000.000 đ", "", "20.000.000 đ")]


def test_it_fits_a_1366x768_screen(qtbot, decided: Offices, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    decided.province.reward_fund.add_income(received_on="15/11/2026", amount="50.000.000",
                                            source="Ngân sách tỉnh năm 2026", note="Dự toán giao đầu năm")
    decided.province.reward_fund.add_income(received_on="05/12/2026", amount="12.000.000",
                                            source="Đóng góp của các doanh nghiệp trên địa bàn")
    window = MainWindow(decided.province)
    qtbot.addWidget(window)
    window.resize(1366, 768)
    window.show()
    qtbot.waitExposed(window)
    screen = fund_of(window)
    QApplication.processEvents()
    assert not screen.table.horizontalScrollBar().isVisible()
    for button in screen.findChildren(QPushButton):
        if button.isVisible():
            assert button.width() >= button.sizeHint().width(), button.text()
    assert screen.summary.heightForWidth(screen.summary.width()) <= screen.summary.height()
    target = SCREENSHOT if os.environ.get("THIDUA_SAVE_SCREENSHOTS") else tmp_path / SCREENSHOT.name
    target.parent.mkdir(parents=True, exist_ok=True)
    assert window.grab().save(str(target))
    assert target.stat().st_size > 10_000
