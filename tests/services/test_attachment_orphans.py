"""Attached files nothing names any more (a commune's data folder, a real SQLite office): the
integrity check counts them, a prune removes those unreferenced for 24 hours and keeps a file a
live or a deleted (tombstoned) row still names, and a young one."""

from __future__ import annotations

import hashlib
import os
import time
from pathlib import Path

from sqlalchemy import select, update

from thidua_desktop.bootstrap import App
from thidua_desktop.db.models import Attachment, AuditEntry
from thidua_desktop.services.movements import MovementInput

DAY = 24 * 3600


def _attach(app: App, tmp_path: Path, name: str, content: bytes) -> str:
    photo = tmp_path / name
    photo.write_bytes(content)
    movements = app.movements.list()
    movement = movements[0]["id"] if movements else app.movements.create(MovementInput(code="M1", name="Phong trào"))
    app.movements.record_activity(movement_id=movement, held_on="02/06/2026", files=[photo])
    return hashlib.sha256(content).hexdigest()


def _stored_only(app: App, tmp_path: Path, name: str, content: bytes, age_s: float) -> str:
    """A file stored as a save stores it, whose save then never committed, ``age_s`` ago."""
    source = tmp_path / name
    source.write_bytes(content)
    sha, _size, _mime = app.maintenance.store.put_file(source)
    then = time.time() - age_s
    os.utime(app.maintenance.store.path_for(sha), (then, then))
    return sha


def _age(app: App, sha: str, age_s: float) -> None:
    then = time.time() - age_s
    os.utime(app.maintenance.store.path_for(sha), (then, then))


def test_an_old_orphan_is_reported_and_pruned_and_everything_named_is_kept(commune: App, tmp_path: Path) -> None:
    live = _attach(commune, tmp_path, "anh-song.jpg", b"live photo")
    tombstoned = _attach(commune, tmp_path, "anh-da-xoa.jpg", b"photo of a deleted activity")
    with commune.db.transaction() as session:  # the row deleted, as a tombstone sync still sends
        session.execute(update(Attachment).where(Attachment.sha256 == tombstoned).values(deleted=True))
    for sha in (live, tombstoned):
        _age(commune, sha, 30 * DAY)
    old = _stored_only(commune, tmp_path, "quet-hong.pdf", b"x" * 5000, 2 * DAY)
    young = _stored_only(commune, tmp_path, "vua-luu.pdf", b"y" * 700, 3600)

    report = commune.maintenance.check()
    assert report.ok and report.counts["attachments"] == 1  # live rows only
    assert (report.counts["orphans"], report.counts["orphan_bytes"]) == (2, 5700)
    assert (report.counts["orphans_ready"], report.counts["orphan_ready_bytes"]) == (1, 5000)

    result = commune.maintenance.prune_attachments()
    assert (result.count, result.size, result.waiting) == (1, 5000, 1)
    store = commune.maintenance.store
    assert not store.path_for(old).exists()
    assert all(store.path_for(sha).is_file() for sha in (live, tombstoned, young))
    with commune.db.reader() as session:
        audit = session.execute(select(AuditEntry.actor, AuditEntry.table_name, AuditEntry.new_values)
                                .where(AuditEntry.action == "prune")).one()
    assert audit.actor == commune.actor and audit.table_name == "attachment_contents"
    assert audit.new_values == {"contents": 1, "bytes": 5000, "from_database": 0, "from_folder": 1, "sha256": [old]}
    after = commune.maintenance.check()
    assert after.ok and (after.counts["orphans"], after.counts["orphans_ready"]) == (1, 0)

    # A day later the young one goes too; a second prune then finds nothing.
    assert commune.maintenance.prune_attachments(now=_later(DAY + 60)).count == 1
    assert not store.path_for(young).exists()
    assert commune.maintenance.prune_attachments(now=_later(3 * DAY)).count == 0


def test_attaching_an_old_orphan_again_makes_it_young(commune: App, tmp_path: Path) -> None:
    content = b"the same scan, attached again"
    sha = _stored_only(commune, tmp_path, "scan.pdf", content, 5 * DAY)
    source = tmp_path / "scan-again.pdf"
    source.write_bytes(content)
    assert commune.maintenance.store.put_file(source)[0] == sha  # stored again, its row not committed yet
    assert commune.maintenance.unreferenced_attachments().ready_count == 0
    assert commune.maintenance.prune_attachments().count == 0
    assert commune.maintenance.store.path_for(sha).is_file()


def test_a_half_written_file_and_stray_names_are_left_alone(commune: App, tmp_path: Path) -> None:
    root = commune.paths.attachments_dir
    (root / "ab").mkdir(parents=True)
    stray = [root / "ab" / ("ab" + "0" * 62 + ".part"), root / "ab" / "ghi-chu.txt", root / "cd" / ("ab" + "1" * 62)]
    stray[2].parent.mkdir()
    for path in stray:
        path.write_bytes(b"?")
        os.utime(path, (time.time() - 9 * DAY,) * 2)
    assert commune.maintenance.unreferenced_attachments().count == 0
    assert commune.maintenance.prune_attachments().count == 0
    assert all(path.exists() for path in stray)


def test_the_check_finds_a_missing_and_a_damaged_file_for_each_row(commune: App, tmp_path: Path) -> None:
    gone = _attach(commune, tmp_path, "a.jpg", b"first photo")
    damaged = _attach(commune, tmp_path, "b.jpg", b"second photo")
    _attach(commune, tmp_path, "c.jpg", b"second photo")  # a second row naming the same content
    commune.maintenance.store.path_for(gone).unlink()
    commune.maintenance.store.path_for(damaged).write_bytes(b"changed")
    problems = sorted(code for code, _ in commune.maintenance.check().problems)
    assert problems == ["ATTACHMENT_CORRUPT", "ATTACHMENT_CORRUPT", "ATTACHMENT_MISSING"]


def _later(seconds: float):  # type: ignore[no-untyped-def]
    from datetime import UTC, datetime, timedelta

    return datetime.now(UTC) + timedelta(seconds=seconds)
