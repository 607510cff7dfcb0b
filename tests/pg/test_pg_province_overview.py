"""The province overview's grouped queries (a window function, a VALUES list, JSON fields) on a
province office on PostgreSQL, with communes on their SQLite files: the counts equal the database
read row by row, as on SQLite (tests/services/test_province_overview.py)."""

from __future__ import annotations

from pathlib import Path

import pytest
from province_overview_helpers import (
    DONG_KHE,
    LY_BON,
    QUANG_UYEN,
    agrees_with_the_database,
    counted,
    play_story,
    send_bad_and_conflicting,
)

from thidua_desktop.bootstrap import App

pytestmark = pytest.mark.postgres


def test_the_overview_counts_on_a_postgresql_province(pg_province: App, tmp_path: Path) -> None:
    pg_province.sync.create_recovery_key(tmp_path / "recovery.tdkey")
    offices = play_story(pg_province, tmp_path)
    try:
        shown = agrees_with_the_database(pg_province)
        assert counted(shown[QUANG_UYEN]) == {"waiting_review": 1, "returned_open": 1, "results_unsent": 2,
                                              "conflicts": 0, "quarantined": 0, "keys_waiting": 0,
                                              "bundles_waiting": 0}
        assert shown[DONG_KHE].status == "blocked" and shown[LY_BON].status == "late"
        offices.send_down(QUANG_UYEN)
        assert agrees_with_the_database(pg_province)[QUANG_UYEN].results_unsent == 0
        report = send_bad_and_conflicting(offices)
        assert (report["conflicts"], report["quarantined"]) == (1, 1)
        after = agrees_with_the_database(pg_province)[QUANG_UYEN]
        assert (after.conflicts, after.quarantined, after.status) == (1, 1, "blocked")
    finally:
        for app in offices.communes.values():
            app.close()  # the province is the fixture's to close
