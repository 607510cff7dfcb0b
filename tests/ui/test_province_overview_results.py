"""The province overview's columns for duplicate findings not yet answered and provincial decisions
not yet sent (issue 14), on a real province with planted duplicates: the numbers shown, and
sorting by them."""

from __future__ import annotations

from pathlib import Path

from duplicate_helpers import planted_province
from province_overview_helpers import DONG_KHE, LY_BON, QUANG_UYEN
from PySide6.QtCore import Qt

from thidua_desktop.services.province_overview import ProvinceOverviewService
from thidua_desktop.ui.screens.province_overview import COUNTS, ProvinceOverviewScreen

DUPLICATES = 5 + COUNTS.index("duplicates_open")
DECIDED = 5 + COUNTS.index("decided_unsent")


def test_open_duplicates_show_per_commune_and_sort(qtbot, vietnamese, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    planted = planted_province(tmp_path)
    try:
        province = planted.province
        screen = ProvinceOverviewScreen(ProvinceOverviewService(province.db, province.actor, province.current_catalog))
        qtbot.addWidget(screen)
        header = screen.model.headerData(DUPLICATES, Qt.Orientation.Horizontal)
        assert header in ("Duplicates", "Trùng lặp")  # (its Vietnamese waits in i18n/pending)
        screen.table.sortByColumn(DUPLICATES, Qt.SortOrder.DescendingOrder)
        shown = [(screen.model.row_object(r).unit_code,
                  screen.model.data(screen.model.index(r, DUPLICATES), Qt.ItemDataRole.DisplayRole))
                 for r in range(screen.model.rowCount())]
        assert shown == [(QUANG_UYEN, "5"), (LY_BON, "3"), (DONG_KHE, "1")]
        assert all(screen.model.data(screen.model.index(r, DECIDED), Qt.ItemDataRole.DisplayRole) == ""
                   for r in range(screen.model.rowCount()))
        screen.table.sortByColumn(DUPLICATES, Qt.SortOrder.AscendingOrder)
        assert [screen.model.row_object(r).unit_code for r in range(screen.model.rowCount())] == [
            DONG_KHE, LY_BON, QUANG_UYEN]
        tip = screen.model.headerData(DUPLICATES, Qt.Orientation.Horizontal, Qt.ItemDataRole.ToolTipRole)
        assert tip
    finally:
        planted.offices.close()
