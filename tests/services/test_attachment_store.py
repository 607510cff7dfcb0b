"""Where a commune's attached files live (services/attachments.py): in its data folder, as before
issue 14, never in the database's ``attachment_contents`` (which only a server office fills), and
the size limit refused in words before anything is stored. tests/pg/test_pg_attachments.py has
the server office's side."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest
from sqlalchemy import func, select

from thidua_desktop.db.models import Attachment
from thidua_desktop.db.models.office import AttachmentContent
from thidua_desktop.domain.errors import ValidationError
from thidua_desktop.messages import render
from thidua_desktop.services.attachments import MAX_ATTACHMENT_BYTES, AttachmentStore
from thidua_desktop.services.movements import MovementInput


def _record(app, files: list[Path]) -> str:  # type: ignore[no-untyped-def]
    movement = app.movements.create(MovementInput(code="M1", name="Phong trào thử"))
    return app.movements.record_activity(movement_id=movement, held_on="02/06/2026", files=files)


def test_a_commune_keeps_its_files_in_its_data_folder_and_none_in_the_database(commune, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    photo = tmp_path / "Ảnh họp xóm.jpg"
    photo.write_bytes(b"\xff\xd8\xff" + bytes(range(256)) * 50)
    sha = hashlib.sha256(photo.read_bytes()).hexdigest()
    activity = _record(commune, [photo])
    assert (commune.paths.attachments_dir / sha[:2] / sha).read_bytes() == photo.read_bytes()
    with commune.db.reader() as session:
        assert session.scalar(select(func.count()).select_from(AttachmentContent)) == 0
    assert not AttachmentStore(commune.paths.attachments_dir, commune.db).in_database
    [seen] = commune.movements.activity_attachments(activity)
    assert commune.movements.attachment_path(seen.id).read_bytes() == photo.read_bytes()


def test_a_file_over_the_limit_is_refused_before_anything_is_stored(commune, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    big = tmp_path / "Bản scan hồ sơ.pdf"
    with big.open("wb") as fh:  # sparse: the size is checked before a byte is read
        fh.truncate(MAX_ATTACHMENT_BYTES + 5 * 1024 * 1024)
    with pytest.raises(ValidationError) as err:
        _record(commune, [big])
    params = err.value.params
    assert (err.value.code, params["size_mb"], params["max_mb"]) == ("ATTACHMENT_TOO_LARGE", 205, 200)
    assert render(err.value) == (
        "Không đính kèm được tệp «Bản scan hồ sơ.pdf»: tệp nặng khoảng 205 MB, vượt giới hạn 200 MB cho một tệp "
        "đính kèm. Hãy quét (scan) lại ở độ phân giải thấp hơn, nén ảnh, hoặc tách tệp PDF thành nhiều tệp nhỏ rồi "
        "đính kèm từng tệp. Chưa có gì được lưu.")
    assert "over the 200 MB limit" in render(err.value, "en")
    assert not commune.paths.attachments_dir.exists() or not any(commune.paths.attachments_dir.rglob("*"))
    with commune.db.reader() as session:
        assert session.scalar(select(func.count()).select_from(Attachment)) == 0
