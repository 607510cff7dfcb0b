from __future__ import annotations

from PySide6.QtWidgets import QLabel, QProgressBar

from thidua_desktop.ui.screens.movement_forms import direction_text
from thidua_desktop.ui.screens.overview import OverviewScreen

from .conftest import TODAY


def test_overview_shows_statuses_shares_and_targets(qtbot, demo) -> None:  # type: ignore[no-untyped-def]
    screen = OverviewScreen(demo.overview, TODAY)
    qtbot.addWidget(screen)
    data = demo.overview.overview(TODAY)
    labels = [w.text() for w in screen.status_box.findChildren(QLabel)]
    assert "Bản nháp" in labels and str(data.by_status["draft"]) in labels
    bars = screen.targets_box.findChildren(QProgressBar)
    assert len(bars) == len(data.targets) > 0
    group_texts = " ".join(w.text() for w in screen.groups_box.findChildren(QLabel))
    assert "Nữ" in group_texts and f"{data.shares.women} (" in group_texts
    assert screen.groups_box.title() == "Khen thưởng năm 2026 theo nhóm ưu tiên"


def test_empty_office_shows_where_to_start(qtbot, commune) -> None:  # type: ignore[no-untyped-def]
    """Issue 9, point 12: a new office's overview lists the first steps, each a button that asks the
    main window for its screen (MainWindow connects ``go_to`` to ``show_screen``)."""
    from PySide6.QtCore import Qt

    screen = OverviewScreen(commune.overview, TODAY)
    qtbot.addWidget(screen)
    screen.resize(680, 470)
    screen.show()
    assert screen.start_box.isVisible()
    keys = ["villages", "officials", "people", "movements", "nominations"]
    assert list(screen.start_buttons) == keys
    assert [screen.start_marks[k].text() for k in keys] == ["1.", "2.", "3.", "4.", "5."]
    asked: list[str] = []
    screen.go_to.connect(asked.append)
    for key in keys:
        button = screen.start_buttons[key]
        assert button.isVisible() and button.text()
        qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    assert asked == ["settings", "settings", "people", "movements", "nominations"]  # the screens
    for label in screen.start_texts.values():  # the steps wrap rather than run off a small screen
        assert label.wordWrap() and label.width() > 0

    # Steps done are ticked; the panel stays until there are people and a movement.
    commune.office.add_village("Xóm Nà Cạn")
    screen.refresh()
    assert screen.start_marks["villages"].text() == "✓" and screen.start_box.isVisible()
    assert screen.start_marks["officials"].text() == "2."
    commune.officials.add(role="chairman", full_name="Hà Thành Vĩnh", term_start="01/07/2025")
    screen.refresh()
    assert screen.start_marks["officials"].text() == "✓"


def test_overview_with_data_has_no_start_panel(qtbot, demo) -> None:  # type: ignore[no-untyped-def]
    screen = OverviewScreen(demo.overview, TODAY)
    qtbot.addWidget(screen)
    screen.show()
    assert not screen.start_box.isVisible()
    assert not demo.overview.overview(TODAY).just_started


def test_a_falling_indicator_fills_as_it_comes_down_and_a_level_shows_its_latest_value(qtbot, commune) -> None:  # type: ignore[no-untyped-def]
    """Issue 10, point 8: a poverty rate (lower is better) was drawn as a bar filling up with the sum
    of every report; it now fills from its baseline towards its target with the latest rate."""
    from thidua_desktop.services.movements import IndicatorInput, MovementInput

    movement = commune.movements.create(MovementInput(code="KTXH", name="Kinh tế - xã hội", indicators=[
        IndicatorInput("Tỷ lệ hộ nghèo", "%", "18,5", 10, kind="percentage", direction="down"),
        IndicatorInput("Thu nhập bình quân đầu người", "triệu đồng/năm", 32, 40, kind="level")]))
    poverty, income = (str(i["id"]) for i in commune.movements.indicators(movement))
    for day, values in (("01/03/2026", {poverty: 17, income: 33}), ("15/11/2026", {poverty: "14,25", income: 36}),
                        ("30/06/2026", {poverty: 16, income: 34})):
        commune.movements.record_activity(movement_id=movement, held_on=day, participants_total=20,
                                          indicator_values=values)
    screen = OverviewScreen(commune.overview, TODAY)
    qtbot.addWidget(screen)
    bars = screen.targets_box.findChildren(QProgressBar)
    by_text = {b.text(): b.value() for b in bars}
    # 18,5 → 10 with 14,25 reported last: half-way (not 47,25 summed, nor 142 % of the target).
    assert by_text == {"14,25 → 10": 50, "36 / 40": 90}
    falling = next(b for b in bars if "→" in b.text())
    assert falling.toolTip().splitlines()[1] == direction_text("down")
    assert "18,5" in falling.toolTip()  # the baseline it fills from
