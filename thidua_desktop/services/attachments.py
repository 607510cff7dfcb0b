"""Content-addressed file store next to the database: attachments/<first 2 hex>/<sha256>.

Files are written to a temporary name, fsynced and renamed, so a power cut never leaves a
half-written file under a valid hash. The same content is stored once."""

from __future__ import annotations

import hashlib
import mimetypes
import os
import re
import shutil
from dataclasses import dataclass
from pathlib import Path

from ..db.models import Attachment
from ..domain.errors import ValidationError

_SHA_RE = re.compile(r"^[0-9a-f]{64}$")
_UNSAFE_NAME = re.compile(r'[<>:"/\\|?*\x00-\x1f]')
MAX_ATTACHMENT_BYTES = 200 * 1024 * 1024


@dataclass(frozen=True)
class AttachmentView:
    """One attached file as the screens list it."""

    id: str
    file_name: str
    mime_type: str
    size: int
    sha256: str
    purpose: str

    @property
    def is_pdf(self) -> bool:
        return self.mime_type == "application/pdf"


def attachment_view(row: Attachment) -> AttachmentView:
    return AttachmentView(row.id, row.file_name, row.mime_type, row.size, row.sha256, row.purpose)


class AttachmentStore:
    def __init__(self, root: Path) -> None:
        self.root = root

    def path_for(self, sha256: str) -> Path:
        if not _SHA_RE.match(sha256):
            raise ValidationError("ATTACHMENT_HASH_INVALID", field="sha256", value=sha256)
        return self.root / sha256[:2] / sha256

    def existing_path(self, sha256: str, file_name: str = "") -> Path:
        """The stored file for ``sha256``; FILE_NOT_FOUND (naming the original file) when it is gone."""
        path = self.path_for(sha256)
        if not path.is_file():
            raise ValidationError("FILE_NOT_FOUND", field="file", value=file_name or sha256)
        return path

    def readable_copy(self, sha256: str, file_name: str) -> Path:
        """A copy of the stored file under its original name (and extension), so the system's
        viewer knows how to open it. Copies live outside the store and outside backups."""
        source = self.existing_path(sha256, file_name)
        name = _UNSAFE_NAME.sub("_", Path(file_name.replace("\\", "/")).name).strip(" .") or sha256
        target = self.root.parent / "opened" / sha256[:16] / name
        if not target.is_file() or target.stat().st_size != source.stat().st_size:
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(source, target)
        return target

    def put_file(self, source: Path) -> tuple[str, int, str]:
        """Copy a file in; returns (sha256, size, mime type)."""
        if not source.is_file():
            raise ValidationError("FILE_NOT_FOUND", field="file", value=str(source))
        size = source.stat().st_size
        if size > MAX_ATTACHMENT_BYTES:
            raise ValidationError("FILE_TOO_LARGE", field="file", value=source.name, max_mb=200)
        digest = hashlib.sha256()
        with source.open("rb") as fh:
            for chunk in iter(lambda: fh.read(1 << 20), b""):
                digest.update(chunk)
        sha = digest.hexdigest()
        target = self.path_for(sha)
        if not target.exists():
            target.parent.mkdir(parents=True, exist_ok=True)
            tmp = target.with_suffix(".part")
            with source.open("rb") as src, tmp.open("wb") as dst:
                for chunk in iter(lambda: src.read(1 << 20), b""):
                    dst.write(chunk)
                dst.flush()
                os.fsync(dst.fileno())
            os.replace(tmp, target)
        mime = mimetypes.guess_type(source.name)[0] or "application/octet-stream"
        return sha, size, mime

    def verify(self, sha256: str) -> str | None:
        """None when the stored file exists and matches its hash, else a problem code."""
        path = self.path_for(sha256)
        if not path.exists():
            return "ATTACHMENT_MISSING"
        digest = hashlib.sha256()
        with path.open("rb") as fh:
            for chunk in iter(lambda: fh.read(1 << 20), b""):
                digest.update(chunk)
        return None if digest.hexdigest() == sha256 else "ATTACHMENT_CORRUPT"
