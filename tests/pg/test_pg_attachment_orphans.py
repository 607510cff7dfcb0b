"""Attached contents nothing names any more, on a server office (PostgreSQL, two computers): found
by the check, pruned by an admin a day after they were first seen unreferenced, a content a live
or deleted row names kept; a save racing the prune still ends with its content; and the check
hashes the stored files in bulk, not one query per attachment."""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import nacl.pwhash
import pytest
from sqlalchemy import event, func, select, text, update

from thidua_desktop.bootstrap import App
from thidua_desktop.db.models import Attachment, AuditEntry
from thidua_desktop.db.models.office import AttachmentContent
from thidua_desktop.domain.errors import DomainError
from thidua_desktop.services.movements import MovementInput
from thidua_desktop.sync import passwords

pytestmark = pytest.mark.postgres

BIG = b"".join(hashlib.sha256(str(i).encode()).digest() for i in range(140_000))  # two parts


def _now() -> datetime:
    return datetime.now(UTC)  # read when the test runs: first sightings are marked with the real time


def _later() -> datetime:
    return _now() + timedelta(hours=25)


@pytest.fixture(autouse=True)
def fast_hash(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(passwords, "OPSLIMIT", nacl.pwhash.argon2id.OPSLIMIT_MIN)
    monkeypatch.setattr(passwords, "MEMLIMIT", nacl.pwhash.argon2id.MEMLIMIT_MIN)



def _file(tmp_path: Path, name: str, content: bytes) -> Path:
    path = tmp_path / name
    path.write_bytes(content)
    return path


def _activity(app: App, files: list[Path]) -> str:
    movements = app.movements.list()
    movement = movements[0]["id"] if movements else app.movements.create(MovementInput(
        code="CT12", name="Thi đua Chỉ thị 12", launch_level="province"))
    return app.movements.record_activity(movement_id=movement, held_on="01/06/2026", files=files)


def _stored(app: App) -> dict[str, int]:
    with app.db.reader() as session:
        return {sha: int(size) for sha, size in session.execute(
            select(AttachmentContent.sha256, func.sum(func.length(AttachmentContent.content)))
            .group_by(AttachmentContent.sha256))}


def test_an_orphan_is_pruned_a_day_after_it_was_first_seen_and_named_contents_stay(
        computers: Callable[[str], App], tmp_path: Path) -> None:
    a = computers("a")
    a.office.init_office("province", "04", officer_name="Cán bộ A")
    b = computers("b")
    live = hashlib.sha256(b"live").hexdigest()
    deleted = hashlib.sha256(b"deleted row").hexdigest()
    _activity(a, [_file(tmp_path, "song.jpg", b"live"), _file(tmp_path, "xoa.jpg", b"deleted row")])
    with a.db.transaction() as session:  # a tombstone: sync still sends it, a recovery may revive it
        session.execute(update(Attachment).where(Attachment.sha256 == deleted).values(deleted=True))
    # A save on A that failed after its file went up: the content is in the database, no row names it.
    orphan, _size, _mime = a.maintenance.store.put_file(_file(tmp_path, "quet.pdf", BIG))
    assert set(_stored(b)) == {live, deleted, orphan}

    report = b.maintenance.check()  # B sees it for the first time: noted, not yet removable
    assert report.ok and (report.counts["orphans"], report.counts["orphan_bytes"]) == (1, len(BIG))
    assert report.counts["orphans_ready"] == 0
    assert b.maintenance.prune_attachments(now=_now() + timedelta(hours=23)).count == 0
    assert orphan in _stored(b)

    result = b.maintenance.prune_attachments(now=_later())
    assert (result.count, result.size, result.waiting) == (1, len(BIG), 0)
    assert set(_stored(b)) == {live, deleted}
    with b.db.reader() as session:
        [(actor, values)] = session.execute(select(AuditEntry.actor, AuditEntry.new_values)
                                            .where(AuditEntry.action == "prune")).all()
    assert actor == "can-bo-b" and values["from_database"] == 1 and values["sha256"] == [orphan]
    # A's own copy of the file is its cache: fresh, so A's prune keeps it for now, then removes it.
    assert a.maintenance.prune_attachments(now=_now()).count == 0
    assert a.maintenance.prune_attachments(now=_later()).count == 1
    assert not a.maintenance.store.path_for(orphan).exists()  # nothing to fetch it from either
    assert b.maintenance.check().ok


def test_a_content_attached_again_loses_its_note_and_a_save_racing_the_prune_keeps_its_file(
        computers: Callable[[str], App], tmp_path: Path) -> None:
    a = computers("a")
    a.office.init_office("province", "04", officer_name="Cán bộ A")
    b = computers("b")
    scan = _file(tmp_path, "scan.pdf", b"scan of a decision")
    sha, _size, _mime = a.maintenance.store.put_file(scan)
    assert b.maintenance.unreferenced_attachments().count == 1  # noted now
    activity = _activity(a, [scan])  # attached after all: in use, the note goes
    assert b.maintenance.unreferenced_attachments(). count == 0
    with b.db.reader() as session:
        assert session.scalar(text("SELECT value FROM local_parameters WHERE key = 'attachment_orphans_seen'")) \
            == {"seen": {}}

    # Another file, unreferenced for days; A stores it again for a save, B prunes before A commits.
    again = _file(tmp_path, "again.pdf", b"stored long ago, attached today")
    old, _size, _mime = a.maintenance.store.put_file(again)
    b.maintenance.check()
    a.maintenance.store.put_file(again)  # already in the database: nothing written
    assert b.maintenance.prune_attachments(now=_later()).count == 1
    assert old not in _stored(b)
    with a.db.transaction() as session:  # A's save commits after the prune: its content goes up again
        session.add(Attachment(sha256=old, file_name="again.pdf", size=31, owner_table="activities",
                               owner_id=activity))
    assert old in _stored(b) and sha in _stored(b)
    assert b.maintenance.check().ok


def test_only_an_admin_prunes_on_an_office_with_accounts(pg_province: App, pg_app_factory: Callable[..., App],
                                                         tmp_path: Path) -> None:
    office = pg_province
    office.accounts.create("quantri", "Hoàng Văn Quản", "admin", "Quan-tri-2026")
    office.sign_in("quantri", "Quan-tri-2026")
    office.accounts.create("hoa.nt", "Nông Thị Hoa", "reviewer", "Tham-dinh-01")
    office.maintenance.store.put_file(_file(tmp_path, "x.pdf", b"unreferenced"))
    office.maintenance.check()
    reviewer = pg_app_factory()
    reviewer.sign_in("hoa.nt", "Tham-dinh-01")
    with pytest.raises(DomainError) as err:
        reviewer.maintenance.prune_attachments(now=_later())
    assert err.value.code == "ROLE_REQUIRED"
    nobody = pg_app_factory()
    with pytest.raises(DomainError) as err:
        nobody.maintenance.prune_attachments(now=_later())
    assert err.value.code == "LOGIN_REQUIRED"
    assert len(_stored(office)) == 1
    assert office.maintenance.prune_attachments(now=_later()).count == 1
    assert _stored(office) == {}


def test_the_check_hashes_stored_files_in_a_few_queries(computers: Callable[[str], App], tmp_path: Path) -> None:
    a = computers("a")
    a.office.init_office("province", "04", officer_name="Cán bộ A")
    files = [_file(tmp_path, f"anh-{i}.jpg", f"photo {i}".encode()) for i in range(40)]
    _activity(a, [*files, _file(tmp_path, "lon.pdf", BIG)])
    statements: list[str] = []

    def seen(_conn: Any, _cursor: Any, statement: str, *_args: Any) -> None:
        statements.append(statement)

    event.listen(a.db.engine, "before_cursor_execute", seen)
    try:
        assert a.maintenance.check().ok
    finally:
        event.remove(a.db.engine, "before_cursor_execute", seen)
    assert sum("string_agg" in s for s in statements) == 1
    assert len(statements) < 20

    damaged = hashlib.sha256(b"photo 7").hexdigest()
    gone = hashlib.sha256(b"photo 8").hexdigest()
    with a.db.transaction() as session:
        session.execute(text("UPDATE attachment_contents SET content = 'x'::bytea WHERE sha256 = :s"), {"s": damaged})
        session.execute(text("UPDATE attachment_contents SET content = 'y'::bytea WHERE sha256 = :s AND part = 1"),
                        {"s": hashlib.sha256(BIG).hexdigest()})
        session.execute(text("DELETE FROM attachment_contents WHERE sha256 = :s"), {"s": gone})
    problems = a.maintenance.check().problems
    assert sorted(code for code, _ in problems) == ["ATTACHMENT_CORRUPT", "ATTACHMENT_CORRUPT", "ATTACHMENT_MISSING"]
    assert all(detail.endswith("(activities)") for _, detail in problems)
