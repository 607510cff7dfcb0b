"""Hàng chờ thẩm định, the province's review queue, in the main window of a real province office
with dossiers from two communes (tests/review_queue_helpers.py): its place after the overview,
its rows, filters, search and sorting, a round's deadline that turns waiting rows red, a changed
dossier in amber, a verdict given in the dossier window reaching the queue without a reshow, and
a 1366×768 screenshot."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date, timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QHeaderView, QPushButton
from review_queue_helpers import AD_HOC, ANNUAL, LY_BON, QUANG_UYEN, Offices, build, resubmit

from thidua_desktop.ui.main_window import MainWindow
from thidua_desktop.ui.screens import dossier_review
from thidua_desktop.ui.screens.dossier_review import DossierReviewScreen
from thidua_desktop.ui.screens.review_queue import CHANGED_COLOUR, OVERDUE_COLOUR, ReviewQueueScreen

from .review_ui_helpers import save_screenshot

TODAY = date.today()  # the communes' bundles are dated by the real clock
STATUS, CHANGED = 7, 9  # columns


@pytest.fixture(autouse=True)
def vietnamese_pending(vietnamese: None) -> None:
    """The screens as the officer sees them."""


@pytest.fixture
def offices(tmp_path: Path) -> Iterator[Offices]:
    built = build(tmp_path / "offices")
    yield built
    built.close()


@pytest.fixture
def window(qtbot, offices: Offices) -> MainWindow:  # type: ignore[no-untyped-def]
    window = MainWindow(offices.province)
    qtbot.addWidget(window)
    window.show()  # the queue follows changes while shown (hidden, it re-reads when next shown)
    return window


def queue_of(window: MainWindow) -> ReviewQueueScreen:
    screen = window.show_screen("review_queue")
    assert isinstance(screen, ReviewQueueScreen)
    return screen


def names(screen: ReviewQueueScreen) -> list[str]:
    return [screen.model.row_object(r).nominee_name for r in range(screen.model.rowCount())]


def row_of(screen: ReviewQueueScreen, nomination_id: str) -> int:
    return [screen.model.row_object(r).nomination_id for r in range(screen.model.rowCount())].index(nomination_id)


def cell(screen: ReviewQueueScreen, nomination_id: str, column: int, role: int = Qt.ItemDataRole.DisplayRole) -> object:
    return screen.model.data(screen.model.index(row_of(screen, nomination_id), column), role)


def choose(box, key: str) -> None:  # type: ignore[no-untyped-def]
    box.setCurrentIndex(box.findData(key))


def test_the_queue_follows_the_overview_and_lists_the_waiting_dossiers(window: MainWindow, offices: Offices) -> None:
    assert window.keys[:2] == ["province_overview", "review_queue"]
    assert window.nav.item(1).text() == "Hàng chờ thẩm định"
    screen = queue_of(window)
    assert sorted(names(screen)) == ["Hoàng Thị Thu", "Hà Văn Tú", "Lý Thị Lan", "Triệu Thị Nga"]
    headers = [screen.model.headerData(c, Qt.Orientation.Horizontal) for c in range(screen.model.columnCount())]
    assert headers[:4] == ["Cá nhân,\ntập thể", "Xã, phường", "Danh hiệu,\nhình thức", "Đợt"]
    twice = offices.dossiers["twice"]
    assert [cell(screen, twice, c) for c in (1, 2, 3, 5, 6, STATUS)] == [
        "Xã Quảng Uyên", "Lao động tiên tiến", "Thường xuyên 2026", "0", "—", "Cấp trên đã nhận"]
    assert "Đang hiện 4/6 hồ sơ · 4 chờ thẩm định · 0 quá hạn · 0 đã sửa sau thẩm định" == screen.summary.text()
    assert [screen.rounds.itemText(i) for i in range(screen.rounds.count())] == [
        "Mọi đợt", "Đột xuất 2026", "Thường xuyên 2026"]


def test_filters_search_and_sorting(window: MainWindow, offices: Offices) -> None:
    screen, d = queue_of(window), offices.dossiers
    choose(screen.communes, LY_BON)
    assert names(screen) == ["Triệu Thị Nga"]
    choose(screen.communes, "")
    choose(screen.rounds, AD_HOC)
    assert names(screen) == ["Hoàng Thị Thu"]
    choose(screen.rounds, "")
    choose(screen.statuses, "approved")
    assert names(screen) == ["Đàm Thị Mai"]
    choose(screen.statuses, "all")
    assert len(names(screen)) == 6
    screen.search.setText("ha van")  # accents optional
    assert names(screen) == ["Hà Văn Tú"]
    screen.search.clear()
    screen.table.sortByColumn(0, Qt.SortOrder.AscendingOrder)  # by given name, in the Vietnamese alphabet
    assert names(screen) == ["Nông Thị Hoa", "Lý Thị Lan", "Đàm Thị Mai", "Triệu Thị Nga", "Hoàng Thị Thu",
                             "Hà Văn Tú"]
    screen.table.sortByColumn(1, Qt.SortOrder.DescendingOrder)
    assert screen.model.row_object(0).unit_code == QUANG_UYEN
    screen.table.sortByColumn(STATUS, Qt.SortOrder.AscendingOrder)  # waiting before verdicts
    assert [screen.model.row_object(r).waiting for r in range(6)] == [True] * 4 + [False] * 2
    assert screen.select_dossier(d["approved"]) and screen.selected_id() == d["approved"]


def test_a_rounds_deadline_turns_its_waiting_dossiers_red(qtbot, offices: Offices,  # type: ignore[no-untyped-def]
                                                          dialog_log: list[tuple[str, str]]) -> None:
    province, d = offices.province, offices.dossiers
    later = TODAY + timedelta(days=10)
    screen = ReviewQueueScreen(province.review_queue, province.dossier_review, province.printing, later)
    qtbot.addWidget(screen)
    assert not screen.deadline_button.isEnabled()  # no round chosen
    choose(screen.rounds, ANNUAL)
    assert screen.deadline_button.isEnabled()
    qtbot.keyClicks(screen.deadline, (TODAY + timedelta(days=3)).strftime("%d/%m/%Y"))
    qtbot.mouseClick(screen.deadline_button, Qt.MouseButton.LeftButton)
    assert screen.rounds.currentData() == ANNUAL and screen.rounds.currentText().endswith(
        f"(hạn {(TODAY + timedelta(days=3)).strftime('%d/%m/%Y')})")
    assert sorted(names(screen)) == ["Hà Văn Tú", "Lý Thị Lan", "Triệu Thị Nga"]
    for key in ("twice", "waiting", "ly_bon"):
        assert cell(screen, d[key], 0, Qt.ItemDataRole.BackgroundRole).color() == OVERDUE_COLOUR
        assert str(cell(screen, d[key], STATUS)).endswith("quá hạn")
        assert cell(screen, d[key], 5) == "10"
    assert "3 quá hạn" in screen.summary.text()
    assert "chờ quá hạn thẩm định" in str(cell(screen, d["twice"], 0, Qt.ItemDataRole.ToolTipRole))
    choose(screen.rounds, AD_HOC)
    assert cell(screen, d["ad_hoc"], 0, Qt.ItemDataRole.BackgroundRole) is None
    screen.deadline.setText("30/02/2026")
    screen.save_deadline()
    assert [kind for kind, text in dialog_log if "30/02/2026" in text] == ["error"]


def test_a_dossier_the_commune_changed_is_amber_and_says_so(window: MainWindow, offices: Offices) -> None:
    province, quang_uyen, d = offices.province, offices.communes[QUANG_UYEN], offices.dossiers
    offices.send_down(QUANG_UYEN)
    resubmit(quang_uyen, d["returned"])
    screen = queue_of(window)
    from thidua_desktop.services.changes import Change
    from thidua_desktop.ui import ops

    overview = window.show_screen("province_overview")  # the import comes while the queue is hidden
    ops.run(overview, lambda: province.sync.import_bundle(offices.send_up(QUANG_UYEN)), changes=Change.ALL)
    assert "review_queue" in window._stale  # re-read when shown, not at every import
    assert queue_of(window) is screen and "review_queue" not in window._stale
    assert cell(screen, d["returned"], CHANGED) == "Có"
    assert cell(screen, d["returned"], 0, Qt.ItemDataRole.BackgroundRole).color() == CHANGED_COLOUR
    assert "xã đã sửa sau lần thẩm định gần nhất" in str(cell(screen, d["returned"], 0, Qt.ItemDataRole.ToolTipRole))


def test_verdicts_given_in_the_dossier_window_reach_the_queue_without_a_reshow(
        qtbot, window: MainWindow, offices: Offices, monkeypatch: pytest.MonkeyPatch) -> None:  # type: ignore[no-untyped-def]
    screen, d = queue_of(window), offices.dossiers
    assert screen.select_dossier(d["waiting"])
    dossier = screen.open_selected()
    assert isinstance(dossier, DossierReviewScreen)
    qtbot.addWidget(dossier)
    qtbot.mouseClick(dossier.approve_button, Qt.MouseButton.LeftButton)  # the dialog_log fixture says yes
    assert d["waiting"] not in {screen.model.row_object(r).nomination_id for r in range(screen.model.rowCount())}
    assert window.stack.currentWidget() is screen and "review_queue" not in window._stale

    asked: list[str] = []
    monkeypatch.setattr(dossier_review, "ask_reason",
                        lambda _p, _t, _l, text="": asked.append(text) or "Đã được tặng LĐTT 2026 tại xã Lý Bôn")
    again = screen.open_dossier(d["twice"])
    assert again is dossier  # one window, the next dossier in it
    qtbot.mouseClick(dossier.return_button, Qt.MouseButton.LeftButton)
    assert asked and "Biên bản bình xét" in asked[0]  # the unchecked items offered as the reason
    choose(screen.statuses, "returned")
    assert sorted(names(screen)) == ["Hà Văn Tú", "Nông Thị Hoa"]
    assert cell(screen, d["twice"], STATUS) == "Trả lại để bổ sung"
    assert offices.province.dossier_review.dossier(d["twice"]).reason == "Đã được tặng LĐTT 2026 tại xã Lý Bôn"


def test_it_fits_a_1366x768_screen(qtbot, window: MainWindow, offices: Offices,  # type: ignore[no-untyped-def]
                                   tmp_path: Path) -> None:
    # Overdue and changed dossiers in the picture: the ad-hoc round was due yesterday, and a
    # returned dossier came back corrected.
    province, quang_uyen = offices.province, offices.communes[QUANG_UYEN]
    province.review_queue.set_deadline(AD_HOC, TODAY - timedelta(days=1))
    offices.send_down(QUANG_UYEN)
    resubmit(quang_uyen, offices.dossiers["returned"])
    province.sync.import_bundle(offices.send_up(QUANG_UYEN))
    window.resize(1366, 768)
    window.show()
    qtbot.waitExposed(window)
    screen = queue_of(window)
    choose(screen.statuses, "all")
    assert screen.model.total == 6 and "1 quá hạn · 1 đã sửa sau thẩm định" in screen.summary.text()
    QApplication.processEvents()
    table = screen.table
    assert not table.horizontalScrollBar().isVisible()  # every column fits without scrolling sideways
    header = table.horizontalHeader()
    assert header.sectionResizeMode(0) == QHeaderView.ResizeMode.Stretch
    assert header.sectionSize(0) >= table.sizeHintForColumn(0)  # names are not cut
    for button in screen.findChildren(QPushButton):
        if button.isVisible():
            assert button.width() >= button.sizeHint().width(), button.text()
    for box in (screen.rounds, screen.awards, screen.communes, screen.statuses):
        assert box.width() >= box.minimumSizeHint().width()
    assert screen.summary.heightForWidth(screen.summary.width()) <= screen.summary.height()
    save_screenshot(window, "review-queue.png", tmp_path)
