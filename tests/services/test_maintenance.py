"""Integrity check, online backup and restore (with a new epoch)."""

from __future__ import annotations

import zipfile
from pathlib import Path

import pytest

from thidua_desktop.bootstrap import data_paths, open_app
from thidua_desktop.domain.errors import DomainError
from thidua_desktop.services.maintenance import restore_backup
from thidua_desktop.services.movements import MovementInput
from thidua_desktop.services.people import PersonInput


def _activity_with_photo(app, tmp_path: Path) -> Path:  # type: ignore[no-untyped-def]
    photo = tmp_path / "anh-hop-xom.jpg"
    photo.write_bytes(b"\xff\xd8\xff demo photo bytes")
    movement = app.movements.create(MovementInput(code="M1", name="Phong trào thử"))
    app.movements.record_activity(movement_id=movement, held_on="02/06/2026", files=[photo])
    return photo


def test_check_passes_then_finds_a_corrupted_attachment(commune, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    _activity_with_photo(commune, tmp_path)
    report = commune.maintenance.check()
    assert report.ok and report.counts["attachments"] == 1
    stored = next(p for p in commune.paths.attachments_dir.rglob("*") if p.is_file())
    stored.write_bytes(b"tampered")
    report = commune.maintenance.check()
    assert [code for code, _ in report.problems] == ["ATTACHMENT_CORRUPT"]


def test_attachments_are_content_addressed_and_deduplicated(commune, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    photo = _activity_with_photo(commune, tmp_path)
    movement = commune.movements.list()[0]["id"]
    commune.movements.record_activity(movement_id=movement, held_on="03/06/2026", files=[photo])
    files = [p for p in commune.paths.attachments_dir.rglob("*") if p.is_file()]
    import hashlib

    assert len(files) == 1
    assert files[0].name == hashlib.sha256(photo.read_bytes()).hexdigest()


def test_backup_then_restore_brings_data_back_under_a_new_epoch(commune, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    commune.people.create(PersonInput("Nông Văn An", "male"))
    _activity_with_photo(commune, tmp_path)
    epoch = commune.office.office().epoch
    backup = commune.maintenance.backup(tmp_path / "out" / "sao-luu.zip")
    commune.people.create(PersonInput("Người Thêm Sau", "male"))
    folder = commune.paths.data_dir
    commune.close()

    for file in (folder / "attachments").rglob("*"):
        if file.is_file():
            file.unlink()
    result = restore_backup(backup, data_paths(folder))
    app = open_app(folder)
    try:
        assert [p.full_name for p in app.people.search("").rows] == ["Nông Văn An"]
        assert app.office.office().epoch == epoch + 1 == result["new_epoch"]
        assert app.maintenance.check().ok  # attachments came back too
    finally:
        app.close()


@pytest.mark.parametrize("content", [b"not a zip", b""])
def test_restore_refuses_files_that_are_not_our_backups(tmp_path: Path, content: bytes) -> None:
    bogus = tmp_path / "bogus.zip"
    bogus.write_bytes(content)
    with pytest.raises(DomainError) as err:
        restore_backup(bogus, data_paths(tmp_path / "d"))
    assert err.value.code == "BACKUP_NOT_OURS"


def test_restore_refuses_a_zip_with_unsafe_paths(tmp_path: Path) -> None:
    evil = tmp_path / "evil.zip"
    with zipfile.ZipFile(evil, "w") as zf:
        zf.writestr("manifest.json", '{"format": "thidua-backup", "format_version": 1}')
        zf.writestr("thidua.sqlite", b"x")
        zf.writestr("../../etc/passwd", b"x")
    with pytest.raises(DomainError) as err:
        restore_backup(evil, data_paths(tmp_path / "d"))
    assert err.value.code == "BACKUP_UNSAFE_PATH"
    assert not (tmp_path / "d" / "thidua.sqlite").exists()
