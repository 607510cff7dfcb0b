"""Trùng lặp, the province's duplicates screen, over a real province with duplicates planted across
its communes (tests/duplicate_helpers.py): the open findings listed, both sides of one next to each
other with what differs highlighted, the answer form (a reason is required, each choice where it
applies), an answer that takes the finding off the list, the place in the province's navigation,
and a 1366×768 screenshot."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest
from duplicate_helpers import HELD_PERSON, Planted, planted_province
from province_overview_helpers import LY_BON, QUANG_UYEN
from PySide6.QtWidgets import QApplication, QPushButton

from thidua_desktop.services.changes import Change
from thidua_desktop.ui.main_window import MainWindow
from thidua_desktop.ui.screens.duplicate_compare import DIFFERS_COLOUR
from thidua_desktop.ui.screens.duplicates import DuplicatesScreen

from .conftest import type_text

ROOT = Path(__file__).resolve().parents[2]
SCREENSHOT = ROOT / "docs" / "screenshots" / "duplicates.png"


@pytest.fixture(autouse=True)
def in_vietnamese(vietnamese: None) -> None:
    """The screen as the officer sees it."""


@pytest.fixture
def planted(tmp_path: Path) -> Iterator[Planted]:
    story = planted_province(tmp_path / "offices")
    yield story
    story.close()


@pytest.fixture
def screen(qtbot, planted: Planted) -> DuplicatesScreen:  # type: ignore[no-untyped-def]
    widget = DuplicatesScreen(planted.province.duplicates)
    qtbot.addWidget(widget)
    return widget


def listed(screen: DuplicatesScreen) -> list[str]:
    return [screen.model.row_object(r).key for r in range(screen.model.rowCount())]


def select(screen: DuplicatesScreen, predicate) -> None:  # type: ignore[no-untyped-def]
    key = next(v.key for v in screen.views if predicate(v))
    assert screen.select_finding(key)
    assert screen.current is not None and screen.current.key == key


def test_every_open_finding_is_listed_with_both_communes(screen: DuplicatesScreen, planted: Planted) -> None:
    assert sorted(listed(screen)) == sorted(v.key for v in planted.province.duplicates.findings())
    assert screen.model.rowCount() == 5
    rows = {(screen.model.data(screen.model.index(r, 0)), screen.model.data(screen.model.index(r, 1)),
             screen.model.data(screen.model.index(r, 2))) for r in range(screen.model.rowCount())}
    assert ("Cùng một người", "Hà Thị Nga", "Xã Lý Bôn / Xã Quảng Uyên") in rows \
        or ("Cùng một người", "Hà Thị Nga", "Xã Quảng Uyên / Xã Lý Bôn") in rows
    award = {screen.model.data(screen.model.index(r, 3)) for r in range(screen.model.rowCount())}
    assert "LĐTT 2026" in award


def test_both_sides_next_to_each_other_with_the_differences_highlighted(screen: DuplicatesScreen,
                                                                       planted: Planted) -> None:
    ids = planted.ids
    select(screen, lambda v: v.kind == "same_achievement" and ids["hoa_qu"] in (v.a.person_id, v.b.person_id))
    table = screen.compare
    headers = [table.horizontalHeaderItem(c).text() for c in range(3)]
    assert any(f"({LY_BON})" in h for h in headers) and any(f"({QUANG_UYEN})" in h for h in headers)
    rows = {label: (a, b, differs) for label, a, b, differs in table.rows_shown}
    name = rows["Họ và tên"]
    assert name[2] and {name[0], name[1]} >= {"Hoàng Văn Hòa"}
    assert rows["Ngày sinh"] == ("02/09/1979", "02/09/1979", False)
    assert rows["Dân tộc"] == ("Nùng", "Nùng", False)
    # The highlighted cells are the differing ones, and only those.
    for row in range(table.rowCount()):
        label = table.item(row, 0).text()
        if table.columnSpan(row, 0) == 3:
            continue
        coloured = table.item(row, 1).background().color() == DIFFERS_COLOUR
        assert coloured == rows[label][2] if label in rows else True, label
    assert "cách viết khác" in screen.note.text()  # "Hòa" and "Hoà"
    nominations = [r for r in table.rows_shown if r[0] == "Đề nghị"]
    assert len(nominations) == 1 and all("Lao động tiên tiến 2026" in text for text in nominations[0][1:3])


def test_a_held_back_record_is_shown_and_can_be_linked(screen: DuplicatesScreen) -> None:
    select(screen, lambda v: v.b.person_id == HELD_PERSON)
    rows = {label: (a, b, differs) for label, a, b, differs in screen.compare.rows_shown}
    assert rows["Bản ghi"][2] and "chờ xử lý" in rows["Bản ghi"][1]
    assert rows["Họ và tên"][:2] == ("Triệu Văn Sáng", "Triệu Văn Sáng")
    choices = [screen.choice.itemData(i) for i in range(screen.choice.count())]
    assert choices == ["different_people", "keep_both", "link_person"]


def test_history_conflicts_show_each_award(screen: DuplicatesScreen) -> None:
    select(screen, lambda v: v.kind == "history_conflict")
    awards = [r for r in screen.compare.rows_shown if r[0].endswith(("2024", "2025"))]
    assert len(awards) == 2 and all(r[3] for r in awards)
    missing = next(r for r in awards if r[0].endswith("2025"))
    assert "Chưa ghi nhận" in missing[1:3]
    differently = next(r for r in awards if r[0].endswith("2024"))
    assert {"15/QĐ-UBND", "16/QĐ-UBND"} <= {part.split(" ")[-1] for t in differently[1:3] for part in t.split(" · ")}


def test_a_reason_is_required_then_the_answer_takes_the_finding_off(qtbot, screen: DuplicatesScreen,  # type: ignore[no-untyped-def]
                                                                    planted: Planted) -> None:
    select(screen, lambda v: v.kind == "same_achievement" and v.a.person_id == planted.ids["lan"])
    key = screen.current.key  # type: ignore[union-attr]
    screen.choice.setCurrentIndex(screen.choice.findData("keep_both"))
    assert not screen.nomination.isVisibleTo(screen)
    assert not screen.resolve()
    assert "lý do" in screen.form_error.text().lower()
    assert key in listed(screen)
    type_text(screen.reason, "Hai đợt xét khác nhau, đã đối chiếu")
    assert screen.resolve()
    assert key not in listed(screen) and screen.model.rowCount() == 4
    [answer] = planted.province.duplicates.resolutions()
    assert answer.choice == "keep_both" and answer.reason == "Hai đợt xét khác nhau, đã đối chiếu"


def test_return_one_nomination_from_the_form(qtbot, screen: DuplicatesScreen, planted: Planted,  # type: ignore[no-untyped-def]
                                             dialog_log: list[tuple[str, str]]) -> None:
    ids = planted.ids
    select(screen, lambda v: v.kind == "same_person" and ids["nga_lb"] in (v.a.person_id, v.b.person_id))
    screen.choice.setCurrentIndex(screen.choice.findData("return_nomination"))
    assert screen.nomination.isVisibleTo(screen) and screen.nomination.count() == 2
    screen.nomination.setCurrentIndex(screen.nomination.findData(ids["nga_lb_nomination"]))
    type_text(screen.reason, "Đã đề nghị ở xã Quảng Uyên")
    assert screen.resolve()
    assert dialog_log and dialog_log[-1][0] == "ask"  # asked first: a result goes back to the commune
    shown = planted.province.nominations.get(ids["nga_lb_nomination"])
    assert shown.status == "returned"


def test_in_the_province_navigation_and_following_changes(qtbot, planted: Planted) -> None:  # type: ignore[no-untyped-def]
    window = MainWindow(planted.province)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    assert "duplicates" in window.keys and window.keys.index("duplicates") < window.keys.index("overview")
    assert window.nav.item(window.keys.index("duplicates")).text() == "Trùng lặp"
    screen = window.show_screen("duplicates")
    assert isinstance(screen, DuplicatesScreen) and screen.model.rowCount() == 5
    assert screen.watches & Change.NOMINATIONS and screen.watches & Change.SYNC
    # An answer given through the screen reaches it through the window (the change it announces).
    select(screen, lambda v: v.kind == "history_conflict")
    screen.choice.setCurrentIndex(screen.choice.findData("different_people"))
    type_text(screen.reason, "Hai người khác nhau")
    assert screen.resolve()
    assert screen.model.rowCount() == 3  # the pair's two findings are answered together


def test_the_commune_has_no_duplicates_screen(qtbot, planted: Planted) -> None:  # type: ignore[no-untyped-def]
    window = MainWindow(planted.commune(QUANG_UYEN))
    qtbot.addWidget(window)
    assert "duplicates" not in window.keys


def test_it_fits_a_1366x768_screen(qtbot, planted: Planted, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    window = MainWindow(planted.province)
    qtbot.addWidget(window)
    window.resize(1366, 768)
    window.show()
    qtbot.waitExposed(window)
    screen = window.show_screen("duplicates")
    assert isinstance(screen, DuplicatesScreen)
    # The names written differently: the differing field is highlighted in the picture.
    select(screen, lambda v: v.kind == "same_achievement" and planted.ids["hoa_qu"] in (v.a.person_id, v.b.person_id))
    screen.choice.setCurrentIndex(screen.choice.findData("return_nomination"))
    screen.nomination.setCurrentIndex(screen.nomination.findData(planted.ids["hoa_lb_nomination"]))
    type_text(screen.reason, "Trùng với đề nghị LĐTT 2026 của xã Quảng Uyên")
    QApplication.processEvents()
    for button in screen.findChildren(QPushButton):
        if button.isVisible():
            assert button.width() >= button.sizeHint().width(), button.text()
    assert not screen.table.horizontalScrollBar().isVisible()
    compare = screen.compare
    assert compare.viewport().height() >= compare.rowHeight(0) * 6  # the comparison is readable, not squeezed
    target = SCREENSHOT if os.environ.get("THIDUA_SAVE_SCREENSHOTS") else tmp_path / SCREENSHOT.name
    target.parent.mkdir(parents=True, exist_ok=True)
    assert window.grab().save(str(target))
    assert target.stat().st_size > 10_000
