"""Content-addressed file store next to the database: attachments/<first 2 hex>/<sha256>.

Files are written to a temporary name, fsynced and renamed, so a power cut never leaves a
half-written file under a valid hash. The same content is stored once."""

from __future__ import annotations

import hashlib
import json
import mimetypes
import os
import re
import shutil
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from ..db.models import Attachment
from ..domain.errors import ValidationError
from ..domain.text import clean_text
from ..paths import resource_path

_SHA_RE = re.compile(r"^[0-9a-f]{64}$")
_UNSAFE_NAME = re.compile(r'[<>:"/\\|?*\x00-\x1f]')
MAX_ATTACHMENT_BYTES = 200 * 1024 * 1024
MAX_NAME_CHARS = 150  # well under every file system's 255, with room for the folder


@lru_cache(maxsize=1)
def executable_extensions() -> frozenset[str]:
    """Extensions the system would run rather than show (resources/data/executable_extensions.json)."""
    data = json.loads(resource_path("data/executable_extensions.json").read_text(encoding="utf-8"))
    return frozenset(str(ext).lower() for ext in data["extensions"])


def clean_file_name(name: str, fallback: str = "tep-dinh-kem") -> str:
    """An attachment's name as stored and shown: the last path part, NFC, without control, bidi or
    invisible characters (``"\\u202egpj.exe"`` would show as ``"exe.jpg"``), without characters
    Windows refuses, and without the trailing dots and spaces Windows drops (``"a.exe."`` runs as
    ``a.exe``). Long names keep their extension."""
    base = clean_text(name.replace("\\", "/").rsplit("/", 1)[-1])  # drops control, bidi, invisible
    base = _UNSAFE_NAME.sub("_", base).strip(" .")
    if not base:
        return fallback
    if len(base) > MAX_NAME_CHARS:
        stem, dot, ext = base.rpartition(".")
        ext = ext if dot and stem and len(ext) <= 16 else ""
        base = base[: MAX_NAME_CHARS - len(ext) - 1].rstrip(" .") + ("." + ext if ext else "")
    return base


def is_executable_name(name: str) -> bool:
    """True when the system would run this file instead of showing it (judged on the cleaned
    name, so a hidden override or a trailing dot does not hide the real extension)."""
    return Path(clean_file_name(name)).suffix.lower() in executable_extensions()


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
    # Cleaned again for the screen: a name that came in a bundle from an older app may still hold
    # a right-to-left override ("\u202egpj.exe" shown as "exe.jpg").
    return AttachmentView(row.id, clean_file_name(row.file_name), row.mime_type, row.size, row.sha256, row.purpose)


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
        name = clean_file_name(file_name, fallback=sha256)
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
