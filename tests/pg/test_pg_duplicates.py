"""Duplicates across communes on a province office on PostgreSQL (its grouped candidate queries:
a row-value IN over a GROUP BY, dates in a VALUES list), with communes on their SQLite files: the
same findings as on SQLite (tests/services/test_duplicates.py), and the answers stored and acted on."""

from __future__ import annotations

from pathlib import Path

import pytest
from duplicate_helpers import EXPECTED, HELD_PERSON, plant, send_missing_village, summary
from province_overview_helpers import LY_BON, QUANG_UYEN, play_story
from sqlalchemy import select

from thidua_desktop.bootstrap import App
from thidua_desktop.db.models import Person
from thidua_desktop.db.models.sync import NominationReview

pytestmark = pytest.mark.postgres


def test_duplicates_found_and_answered_on_a_postgresql_province(pg_province: App, tmp_path: Path) -> None:
    pg_province.sync.create_recovery_key(tmp_path / "recovery.tdkey")
    planted = plant(play_story(pg_province, tmp_path))
    ids = planted.ids
    try:
        assert summary(pg_province) == EXPECTED
        views = pg_province.duplicates.findings()
        twice = next(v for v in views if v.reason == "SAME_NAME_BIRTH_ETHNICITY")
        pg_province.duplicates.resolve(twice.key, twice.fingerprint, "return_nomination", "Trùng với xã Quảng Uyên",
                                       nomination_id=ids["hoa_lb_nomination"])
        nga = next(v for v in views if v.kind == "same_person" and not v.b.held_back)
        pg_province.duplicates.resolve(nga.key, nga.fingerprint, "different_people", "Hai người khác nhau")
        held = next(v for v in views if v.b.held_back)
        assert pg_province.duplicates.resolve(held.key, held.fingerprint, "link_person", "Cùng một người"
                                              ).still_held_back
        assert summary(pg_province) == [("same_achievement", "SAME_RECORD", (QUANG_UYEN,))]  # Lý Thị Lan: not answered
        send_missing_village(planted)
        with pg_province.db.reader() as session:
            assert session.get(Person, HELD_PERSON) is not None
            assert session.scalars(select(NominationReview.status).where(
                NominationReview.nomination_id == ids["hoa_lb_nomination"])).all()[-1] == "returned"
        planted.offices.send_down(LY_BON)
        assert planted.commune(LY_BON).nominations.get(ids["hoa_lb_nomination"]).status == "returned"
    finally:
        for app in planted.offices.communes.values():
            app.close()  # the province is the fixture's to close
