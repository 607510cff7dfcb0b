from __future__ import annotations

from PySide6.QtWidgets import QLabel

from thidua_desktop.services.people import PersonInput
from thidua_desktop.services.records import Subject
from thidua_desktop.ui.screens.reports import ReportsScreen

from .conftest import TODAY


def test_year_statistics_by_award_and_group(qtbot, commune) -> None:  # type: ignore[no-untyped-def]
    village = commune.office.add_village("Xóm Lũng Pảng", is_border=True)
    hoa = commune.people.create(PersonInput("Nông Thị Hoa", "female", ethnicity="Tày", village_id=village.id))
    an = commune.people.create(PersonInput("Nguyễn Văn An", "male", ethnicity="Kinh", is_direct_worker=True))
    for person in (hoa, an):
        commune.records.add_award(Subject(person_id=person.id), award_code="LDTT", year=2026,
                                  award_kind="emulation_title", decision_number="45/QĐ-UBND")
    commune.records.add_award(Subject(person_id=hoa.id), award_code="LDTT", year=2025, award_kind="emulation_title")
    screen = ReportsScreen(commune.statistics, TODAY)
    qtbot.addWidget(screen)
    assert screen.awards.rowCount() == 1 and screen.awards.item(0, 1).text() == "2"
    assert screen.awards.item(0, 0).text().startswith("Lao động tiên tiến")
    texts = [w.text() for w in screen.groups_box.findChildren(QLabel)]
    assert "Nữ" in texts and "1 (50%)" in texts
    stats = commune.statistics.year(2026)
    assert (stats.people, stats.women, stats.ethnic_minority, stats.direct_workers, stats.border_or_remote) == (
        2, 1, 1, 1, 1)
    screen.year.setValue(2025)
    assert screen.awards.item(0, 1).text() == "1"


def test_the_side_column_scrolls_at_150_percent(qtbot, demo) -> None:  # type: ignore[no-untyped-def]
    """The values in force list every voted award: on a 1366×768 laptop at 150 % (910×512 logical
    pixels) the column scrolls instead of squeezing the boxes."""
    screen = ReportsScreen(demo.statistics, TODAY)
    qtbot.addWidget(screen)
    screen.resize(910, 480)
    screen.show()
    qtbot.waitExposed(screen)
    bar = screen.side_scroll.verticalScrollBar()
    assert bar.maximum() > 0  # more than fits: scrollable
    assert screen.values_box.height() >= screen.values_box.sizeHint().height()  # not squeezed
