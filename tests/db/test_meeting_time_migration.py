"""Migration 0009: a meeting recorded before the app kept its start time and secretary upgrades
with both unknown ("" and NULL), and keeps everything else."""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path

from sqlalchemy import MetaData, insert, select

from thidua_desktop.db import Database
from thidua_desktop.db.migrate import current_revision, head_revision, upgrade

SYNCED = {"origin_node": "n1", "origin_epoch": 1, "version": 1, "clock": 1,
          "updated_at": datetime(2026, 6, 1), "deleted": False}


def test_a_0008_meeting_upgrades_with_no_start_time_and_no_secretary(tmp_path: Path) -> None:
    db = Database(f"sqlite:///{tmp_path / 'old.sqlite'}")
    try:
        upgrade(db.engine, "0008")
        meta = MetaData()
        meta.reflect(db.engine, only=["council_meetings", "collectives"])
        meetings = meta.tables["council_meetings"]
        assert "started_at" not in meetings.c and "head_person_id" in meta.tables["collectives"].c
        with db.engine.begin() as conn:
            conn.execute(insert(meetings).values(
                id="m1", held_on=date(2026, 11, 20), members_total=7, members_present=6,
                present_member_ids=[], absent_member_ids=[], written_votes={}, notes="Họp thường kỳ", **SYNCED))

        upgrade(db.engine, "0009")
        assert current_revision(db.engine) == "0009"
        upgrade(db.engine)
        assert current_revision(db.engine) == head_revision()
        meta = MetaData()
        meta.reflect(db.engine, only=["council_meetings"])
        table = meta.tables["council_meetings"]
        with db.engine.connect() as conn:
            row = conn.execute(select(table.c.id, table.c.notes, table.c.started_at, table.c.secretary_member_id,
                                      table.c.version)).one()
        assert tuple(row) == ("m1", "Họp thường kỳ", "", None, 1)
    finally:
        db.dispose()
