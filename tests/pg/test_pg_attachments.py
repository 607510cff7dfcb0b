"""Attached files on a server office (issue 14): two officers' computers, each with its own data
folder, share one PostgreSQL database. A photo added on one computer, and a dossier's file that
arrived in a commune's bundle imported on one computer, open on the other with the same bytes;
the files live in the database (so ``pg_dump`` backs them up), not in one computer's folder."""

from __future__ import annotations

import hashlib
import os
from collections.abc import Callable
from datetime import date
from pathlib import Path

import pytest
from attachment_migration_helpers import check_0021_upgrade_and_downgrade
from demo_helpers import DEMO_UNIT
from sqlalchemy import func, select, text
from sync_helpers import deliver

from thidua_desktop.bootstrap import App
from thidua_desktop.db.engine import make_engine
from thidua_desktop.db.models import Attachment, Nomination, NominationDocument
from thidua_desktop.db.models.office import AttachmentContent
from thidua_desktop.domain.errors import ValidationError
from thidua_desktop.messages import render
from thidua_desktop.services.attachments import MAX_ATTACHMENT_BYTES
from thidua_desktop.services.demo import DemoBuilder
from thidua_desktop.services.movements import MovementInput

pytestmark = pytest.mark.postgres

# Larger than one database part (4 MiB), with bytes that differ from part to part.
PHOTO = b"".join(hashlib.sha256(str(i).encode()).digest() for i in range(160_000)) + b"\x00\xff tail"



def _activity_with(app: App, photo: Path) -> str:
    movement = app.movements.create(MovementInput(
        code="CT12", name="Thi đua thực hiện Chỉ thị 12/CT-UBND", launch_level="province",
        launch_doc_number="12/CT-UBND", launch_doc_date="15/05/2026", period_start="15/05/2026",
        period_end="31/12/2030"))
    return app.movements.record_activity(movement_id=movement, held_on="01/06/2026", participants_total=40,
                                         participants_women=22, files=[photo])


def _stored_parts(app: App) -> list[tuple[str, int, int]]:
    with app.db.reader() as session:
        return [tuple(row) for row in session.execute(  # type: ignore[misc]
            select(AttachmentContent.sha256, AttachmentContent.part, func.length(AttachmentContent.content))
            .order_by(AttachmentContent.sha256, AttachmentContent.part)).all()]


def test_a_photo_added_on_one_computer_opens_on_another_with_the_same_bytes(
        computers: Callable[[str], App], tmp_path: Path) -> None:
    a = computers("a")
    a.office.init_office("province", "04", officer_name="Cán bộ A")
    b = computers("b")
    photo = tmp_path / "Ảnh hội nghị.jpg"
    photo.write_bytes(PHOTO)
    sha = hashlib.sha256(PHOTO).hexdigest()

    activity = _activity_with(a, photo)
    # In the database, in parts of at most 4 MiB, in order.
    parts = _stored_parts(a)
    assert [(s, p) for s, p, _ in parts] == [(sha, 0), (sha, 1)]
    assert sum(size for *_, size in parts) == len(PHOTO)

    [seen] = b.movements.activity_attachments(activity)
    assert (seen.file_name, seen.size, seen.sha256) == ("Ảnh hội nghị.jpg", len(PHOTO), sha)
    assert not (b.paths.attachments_dir / sha[:2] / sha).exists()  # B never had it in its folder
    opened = b.movements.attachment_path(seen.id)
    assert opened.name == "Ảnh hội nghị.jpg" and opened.read_bytes() == PHOTO
    assert b.paths.data_dir in opened.parents  # a copy on B's own disk, for B's viewer
    # An empty file is stored too (as one empty part) and opens empty.
    empty = tmp_path / "ghi-chu.txt"
    empty.write_bytes(b"")
    assert a.movements.attach_files(activity, [empty]) == 1
    [note] = [f for f in b.movements.activity_attachments(activity) if f.file_name == "ghi-chu.txt"]
    assert b.movements.attachment_path(note.id).read_bytes() == b""
    # B's integrity check finds the file (in the database), and one damaged there is reported.
    assert b.maintenance.check().ok
    with b.db.transaction() as session:
        session.execute(text("UPDATE attachment_contents SET content = 'x'::bytea WHERE part = 1"))
    assert [code for code, _ in b.maintenance.check().problems] == ["ATTACHMENT_CORRUPT"]


def test_a_dossier_file_from_a_commune_bundle_imported_on_one_computer_opens_on_another(
        computers: Callable[[str], App], commune: App, tmp_path: Path) -> None:
    a = computers("a")
    a.office.init_office("province", "04", officer_name="Cán bộ A")
    a.sync.create_recovery_key(tmp_path / "recovery.tdkey")
    a.sync.export_enrollment(DEMO_UNIT, tmp_path / "ket-noi.json")
    commune.sync.accept_enrollment((tmp_path / "ket-noi.json").read_bytes())
    DemoBuilder(commune, seed=2026, today=date(2026, 11, 25)).build(people=30)
    with commune.db.reader() as session:
        nomination, item = session.execute(
            select(Nomination.id, NominationDocument.item_code)
            .join(NominationDocument, NominationDocument.nomination_id == Nomination.id)
            .where(Nomination.status == "submitted", Nomination.deleted.is_(False))
            .order_by(Nomination.id, NominationDocument.item_code)).first() or (None, None)
    assert nomination is not None and item is not None, "the demo submits dossiers to the province"
    scan = tmp_path / "Báo cáo thành tích.pdf"
    scan.write_bytes(b"%PDF-1.7 " + PHOTO[:1_000_000])
    attachment = commune.nominations.attach_document(nomination, item, scan)
    # The commune (SQLite) keeps its files in its data folder, as before; nothing in the table.
    sha = hashlib.sha256(scan.read_bytes()).hexdigest()
    assert (commune.paths.attachments_dir / sha[:2] / sha).read_bytes() == scan.read_bytes()
    assert _stored_parts(commune) == []

    for bundle in commune.sync.export(tmp_path / "usb").files:
        assert deliver(a, commune, bundle)["quarantined"] == 0
    # Imported on A: every file the bundle brought is written to the database in the import's
    # own transaction (the demo attaches some too).
    with a.db.reader() as session:
        named = set(session.scalars(select(Attachment.sha256).where(Attachment.deleted.is_(False))))
    assert sha in named and {s for s, *_ in _stored_parts(a)} == named
    b = computers("b")
    opened = b.dossier_review.file_path(nomination, attachment)
    assert opened.read_bytes() == scan.read_bytes()
    # A bundle back to the commune from B (which never held the file) still carries what it must:
    # the recovery bundle rebuilds a commune's files from the province's copy.
    assert b.sync.store.path_for(sha).read_bytes() == scan.read_bytes()


def test_a_file_over_the_limit_is_refused_in_words_and_nothing_is_stored(
        computers: Callable[[str], App], tmp_path: Path) -> None:
    a = computers("a")
    a.office.init_office("province", "04", officer_name="Cán bộ A")
    big = tmp_path / "Phim hội nghị.mp4"
    with big.open("wb") as fh:  # sparse: the size is checked before a byte is read
        fh.truncate(MAX_ATTACHMENT_BYTES + 1)
    with pytest.raises(ValidationError) as err:
        _activity_with(a, big)
    assert err.value.code == "ATTACHMENT_TOO_LARGE"
    words = render(err.value)
    assert "Phim hội nghị.mp4" in words and "201 MB" in words and "200 MB" in words, words
    assert "Chưa có gì được lưu" in words
    assert _stored_parts(a) == []
    with a.db.reader() as session:
        assert session.scalar(select(func.count()).select_from(Attachment)) == 0


def test_files_a_computer_kept_in_its_folder_move_into_the_database_when_it_starts(
        computers: Callable[[str], App], tmp_path: Path) -> None:
    """As an office that ran an earlier version on the server: the file is only in computer A's
    folder. B cannot open it until A starts this version, which moves it in."""
    a = computers("a")
    a.office.init_office("province", "04", officer_name="Cán bộ A")
    photo = tmp_path / "anh.png"
    photo.write_bytes(PHOTO[:300_000])
    sha = hashlib.sha256(photo.read_bytes()).hexdigest()
    activity = _activity_with(a, photo)
    with a.db.transaction() as session:
        session.execute(text("DELETE FROM attachment_contents"))  # as before this version
    assert (a.paths.attachments_dir / sha[:2] / sha).is_file()

    b = computers("b")
    [seen] = b.movements.activity_attachments(activity)
    with pytest.raises(ValidationError) as err:
        b.movements.attachment_path(seen.id)
    assert err.value.code == "FILE_NOT_FOUND"
    assert [code for code, _ in b.maintenance.check().problems] == ["ATTACHMENT_MISSING"]

    computers("a")  # computer A starts again
    assert [s for s, *_ in _stored_parts(b)] == [sha]
    assert b.movements.attachment_path(seen.id).read_bytes() == photo.read_bytes()
    assert b.maintenance.check().ok


def test_a_new_row_whose_file_is_only_here_gets_its_content_in_the_same_transaction(
        computers: Callable[[str], App], tmp_path: Path) -> None:
    """The commit-time check: a row added (here by hand, as a bundle's or a future writer's) whose
    content the database lacks gets it from this computer's folder before the commit, and a
    failed transaction leaves no row and no content behind."""
    a = computers("a")
    a.office.init_office("province", "04", officer_name="Cán bộ A")
    photo = tmp_path / "b.png"
    photo.write_bytes(b"only here")
    sha = hashlib.sha256(b"only here").hexdigest()
    folder = a.paths.attachments_dir / sha[:2]
    folder.mkdir(parents=True, exist_ok=True)
    (folder / sha).write_bytes(b"only here")
    activity = _activity_with(a, tmp_path / "b.png")
    with a.db.transaction() as session:
        session.execute(text("DELETE FROM attachment_contents"))

    class Refused(Exception):
        pass

    with pytest.raises(Refused), a.db.transaction() as session:
        session.add(Attachment(sha256=sha, file_name="b.png", size=9, owner_table="activities", owner_id=activity))
        session.flush()
        raise Refused
    assert _stored_parts(a) == []
    with a.db.transaction() as session:
        session.add(Attachment(sha256=sha, file_name="b.png", size=9, owner_table="activities", owner_id=activity))
    assert _stored_parts(a) == [(sha, 0, 9)]
    # A damaged copy in the folder is never sent: the row commits, its file is reported missing.
    other = hashlib.sha256(b"other").hexdigest()
    (a.paths.attachments_dir / other[:2]).mkdir(parents=True, exist_ok=True)
    (a.paths.attachments_dir / other[:2] / other).write_bytes(b"not other")
    with a.db.transaction() as session:
        session.add(Attachment(sha256=other, file_name="c.png", size=5, owner_table="activities", owner_id=activity))
    assert [s for s, *_ in _stored_parts(a)] == [sha]
    assert os.path.exists(a.paths.attachments_dir / other[:2] / other)


def test_migration_0021_runs_on_postgresql(pg_empty_database: str) -> None:
    engine = make_engine(pg_empty_database)
    try:
        check_0021_upgrade_and_downgrade(engine)
        with engine.connect() as conn:
            kind = conn.execute(text("SELECT data_type FROM information_schema.columns WHERE "
                                     "table_name = 'attachment_contents' AND column_name = 'content'")).scalar()
        assert kind == "bytea"
    finally:
        engine.dispose()
