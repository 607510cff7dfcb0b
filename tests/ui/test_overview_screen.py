from __future__ import annotations

from PySide6.QtWidgets import QLabel, QProgressBar

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
