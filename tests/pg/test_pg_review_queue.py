"""The review queue and the review of one dossier on a province office on PostgreSQL (window
functions over the reviews, the same CCCD on two communes' registers, the checklist and comments),
with communes on their SQLite files, as on SQLite (tests/services/test_review_queue.py)."""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

import pytest
from review_queue_helpers import ANNUAL, LY_BON, QUANG_UYEN, play_review_story, resubmit

from thidua_desktop.bootstrap import App

pytestmark = pytest.mark.postgres


def test_the_review_on_a_postgresql_province(pg_province: App, tmp_path: Path) -> None:
    pg_province.sync.create_recovery_key(tmp_path / "recovery.tdkey")
    offices = play_review_story(pg_province, tmp_path)
    d, today = offices.dossiers, date.today()
    try:
        queue = pg_province.review_queue.queue(today)
        assert len(queue.items) == 6 and queue.waiting == 4
        pg_province.review_queue.set_deadline(ANNUAL, today - timedelta(days=1))
        assert {i.nomination_id for i in pg_province.review_queue.queue(today).items if i.overdue} == {
            d["waiting"], d["twice"], d["ly_bon"]}

        view = pg_province.dossier_review.dossier(d["twice"], today)
        assert view.eligibility.outcome == "not_eligible"
        assert [s.unit_code for s in view.eligibility.sources] == [QUANG_UYEN, LY_BON]
        pg_province.dossier_review.set_item(d["twice"], "TO_TRINH", True, "Đủ")
        pg_province.dossier_review.add_comment(d["twice"], "Xã Lý Bôn đã tặng LĐTT 2026")
        pg_province.dossier_review.decide(d["twice"], "returned", "Đã được tặng tại xã Lý Bôn")

        offices.send_down(QUANG_UYEN)
        quang_uyen = offices.communes[QUANG_UYEN]
        assert quang_uyen.nominations.get(d["twice"]).status == "returned"
        resubmit(quang_uyen, d["twice"])
        pg_province.sync.import_bundle(offices.send_up(QUANG_UYEN))
        [again] = [i for i in pg_province.review_queue.queue(today).items if i.nomination_id == d["twice"]]
        assert (again.status, again.changed_since_review) == ("received", True)
    finally:
        for app in offices.communes.values():
            app.close()  # the province is the fixture's to close
