from __future__ import annotations

from thidua_desktop.services.people import PersonInput
from thidua_desktop.ui.screens.people import PeopleScreen

from .conftest import type_text


def test_search_as_you_type_ignores_accents(qtbot, commune) -> None:  # type: ignore[no-untyped-def]
    commune.people.create_many([PersonInput("Nguyễn Thị Ánh", "female", ethnicity="Kinh"),
                                PersonInput("Hoàng Văn Đức", "male", ethnicity="Tày"),
                                PersonInput("Bế Thị Dung", "female")])
    screen = PeopleScreen(commune.people, commune.office)
    qtbot.addWidget(screen)
    assert screen.model.rowCount() == 3
    type_text(screen.search, "duc")
    qtbot.waitUntil(lambda: screen.model.rowCount() == 1, timeout=2000)
    assert screen.model.data(screen.model.index(0, 0)) == "Hoàng Văn Đức"
    assert screen.model.data(screen.model.index(0, 1)) == "Nam"
    assert screen.count.text() == "1 người"
    screen.search.clear()
    type_text(screen.search, "Ánh")  # Vietnamese typed through real key events
    qtbot.waitUntil(lambda: [screen.model.data(screen.model.index(r, 0)) for r in range(screen.model.rowCount())]
                    == ["Nguyễn Thị Ánh"], timeout=2000)


def test_long_register_loads_page_by_page(qtbot, commune) -> None:  # type: ignore[no-untyped-def]
    commune.people.create_many([PersonInput(f"Nông Văn Số{i:03d}", "male") for i in range(450)])
    screen = PeopleScreen(commune.people, commune.office)
    qtbot.addWidget(screen)
    assert screen.model.total == 450
    assert screen.model.rowCount() == 200  # one page, not everything
    screen.table.scrollToBottom()
    while screen.model.canFetchMore(screen.model.index(-1, -1)):
        screen.model.fetchMore(screen.model.index(-1, -1))
    assert screen.model.rowCount() == 450


def test_village_filter(qtbot, demo) -> None:  # type: ignore[no-untyped-def]
    screen = PeopleScreen(demo.people, demo.office)
    qtbot.addWidget(screen)
    village = demo.office.villages()[0]
    screen.village.setCurrentIndex(screen.village.findData(village.id))
    expected = demo.people.search("", village_id=village.id).total
    assert screen.model.total == expected
    assert all(screen.model.row_object(r).village == village.name for r in range(screen.model.rowCount()))
