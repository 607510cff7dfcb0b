"""Migration 0007: indicators saved before they had a kind and a direction become counts, and one
whose target is below its baseline becomes one to reduce."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

from sqlalchemy import MetaData, insert, select

from thidua_desktop.db import Database
from thidua_desktop.db.migrate import current_revision, head_revision, upgrade

SYNCED = {"origin_node": "n1", "origin_epoch": 1, "version": 1, "clock": 1,
          "updated_at": datetime(2026, 6, 1), "deleted": False}


def test_indicators_of_a_0006_database_become_counts_with_an_inferred_direction(tmp_path: Path) -> None:
    db = Database(f"sqlite:///{tmp_path / 'old.sqlite'}")
    try:
        upgrade(db.engine, "0006")
        meta = MetaData()
        meta.reflect(db.engine, only=["movements", "movement_indicators"])
        movements, indicators = meta.tables["movements"], meta.tables["movement_indicators"]
        assert "kind" not in indicators.c
        with db.engine.begin() as conn:
            conn.execute(insert(movements).values(
                id="m1", code="KTXH", name="Kinh tế - xã hội", search_key="ktxh", theme="", launch_level="commune",
                launch_doc_number="", kind="thematic", status="active", goals=[], criteria=[], participants=[],
                **SYNCED))
            for position, (row_id, name, baseline, target) in enumerate((
                    ("i1", "Tỷ lệ hộ nghèo", 18.5, 10.0), ("i2", "Thu nhập bình quân", 32.0, 45.0),
                    ("i3", "Mô hình mới", None, 10.0), ("i4", "Sự cố", 3.0, None))):
                conn.execute(insert(indicators).values(
                    id=row_id, movement_id="m1", name=name, unit="", baseline=baseline, target=target,
                    reporting_dates=[], position=position, **SYNCED))

        upgrade(db.engine, "0007")
        assert current_revision(db.engine) == "0007"
        upgrade(db.engine)  # and on through any later revision
        assert current_revision(db.engine) == head_revision()
        meta = MetaData()
        meta.reflect(db.engine, only=["movement_indicators"])
        table = meta.tables["movement_indicators"]
        with db.engine.connect() as conn:
            rows = conn.execute(select(table.c.id, table.c.kind, table.c.direction, table.c.version)
                                .order_by(table.c.id)).all()
        assert [tuple(r) for r in rows] == [("i1", "count", "down", 1), ("i2", "count", "up", 1),
                                            ("i3", "count", "up", 1), ("i4", "count", "up", 1)]
    finally:
        db.dispose()
