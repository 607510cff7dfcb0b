"""Migration 0021 (attachment_contents) checked the same way on SQLite and on PostgreSQL."""

from __future__ import annotations

from datetime import datetime

from alembic import command
from alembic.config import Config
from sqlalchemy import Engine, MetaData, insert, inspect, select, text

from thidua_desktop.db.migrate import MIGRATIONS_DIR, current_revision, upgrade

SYNCED = {"origin_node": "n1", "origin_epoch": 1, "version": 1, "clock": 1,
          "updated_at": datetime(2026, 6, 1), "deleted": False}
SHA = "ab" * 32


def check_0021_upgrade_and_downgrade(engine: Engine) -> None:
    """Shared with the PostgreSQL test: 0020 → 0021 → 0020 → 0021 over one attachment row."""
    upgrade(engine, "0020")
    assert "attachment_contents" not in inspect(engine).get_table_names()
    meta = MetaData()
    meta.reflect(engine, only=["attachments"])
    attachments = meta.tables["attachments"]
    with engine.begin() as conn:
        conn.execute(insert(attachments).values(
            id="a1", sha256=SHA, file_name="Ảnh.jpg", mime_type="image/jpeg", size=3, owner_table="activities",
            owner_id="x1", purpose="photo", note="", **SYNCED))
    upgrade(engine, "0021")
    assert current_revision(engine) == "0021"
    columns = {c["name"]: c for c in inspect(engine).get_columns("attachment_contents")}
    assert set(columns) == {"sha256", "part", "content"}
    assert inspect(engine).get_pk_constraint("attachment_contents")["constrained_columns"] == ["sha256", "part"]
    with engine.begin() as conn:
        assert conn.execute(select(attachments.c.id, attachments.c.sha256)).all() == [("a1", SHA)]
        assert conn.execute(text("SELECT count(*) FROM attachment_contents")).scalar() == 0
        conn.execute(text("INSERT INTO attachment_contents (sha256, part, content) VALUES (:s, 0, :c)"),
                     {"s": SHA, "c": b"\x00\xffx"})
        assert conn.execute(text("SELECT content FROM attachment_contents")).scalar() == b"\x00\xffx"

    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS_DIR))
    with engine.begin() as conn:
        cfg.attributes["connection"] = conn
        command.downgrade(cfg, "0020")
    assert current_revision(engine) == "0020"
    assert "attachment_contents" not in inspect(engine).get_table_names()
    upgrade(engine)
    assert "attachment_contents" in inspect(engine).get_table_names()
