"""Where attached files live: a content-addressed store, attachments/<first 2 hex>/<sha256>, in
the data folder, and on a server office also in the shared database (see AttachmentStore).

Files are written to a temporary name, fsynced and renamed, so a power cut never leaves a
half-written file under a valid hash. The same content is stored once."""

from __future__ import annotations

import contextlib
import hashlib
import json
import logging
import mimetypes
import os
import re
import shutil
import stat
import tempfile
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from ..db import Database
from ..db.models import Attachment
from ..db.repositories import attachments as contents
from ..domain.errors import ValidationError
from ..domain.text import clean_text
from ..paths import resource_path

_SHA_RE = re.compile(r"^[0-9a-f]{64}$")
_UNSAFE_NAME = re.compile(r'[<>:"/\\|?*\x00-\x1f]')
MAX_ATTACHMENT_BYTES = 200 * 1024 * 1024  # a bundle, a backup and the server all carry files up to this
_MB = 1024 * 1024
log = logging.getLogger("thidua")
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
    """The attached files of one office, as seen from this computer.

    **A commune (SQLite).** The files are the store in the data folder, beside the database file,
    as they always were. Putting them into the SQLite file instead would gain nothing (no other
    computer shares it) and cost a lot: every backup copies the whole database file through the
    online backup API, so each backup would copy every photo again, a 200 MB scan would pass
    through the WAL, and the backup zip, its restore and the bundle writer, which handle files
    entry by entry with size caps, would all have to change. So a commune keeps its files here.

    **A server office (PostgreSQL, ``db`` given).** Several officers' computers share one
    database and none can read another's data folder, so the bytes live in the database
    (``attachment_contents``, by SHA-256, in 4 MiB parts) and the folder is only this computer's
    cache of them, content-addressed like a commune's store. The content is in the database no
    later than the commit of the first row that names it: :meth:`put_file` uploads it at once,
    in a short transaction of its own that does not take the office's write lock (a 200 MB scan
    sent over a slow network must not make every other officer's save wait; a content row is
    keyed by its hash, so nothing else in the office depends on the order of writes), and the
    hook :func:`~thidua_desktop.db.repositories.attachments.keep_contents_in_database` checks,
    in the row's own transaction, that every new row's content is there, writing it from this
    computer's folder when not (a bundle's files, imported here, arrive that way). A file
    uploaded for a save that then failed stays in the table unreferenced, as it stays in a
    commune's folder: harmless, and used again if the same file is attached later.
    :meth:`path_for` brings a file into this computer's cache when only the database has it, so
    opening a file, exporting a bundle and the recovery bundle work from any computer. The
    server's backup (``pg_dump``) includes the files.

    Files a server office's computers stored in their own folders before this version move into
    the database when each computer starts (:meth:`move_local_files_in`), not when a file is
    first opened: the computer that holds a file is seldom the one that opens it next, and a file
    waiting for its holder to open it again would stay unreadable everywhere else. The local
    copies stay as the cache: should the server be restored from a ``pg_dump`` older than them,
    the next start puts them back."""

    def __init__(self, root: Path, db: Database | None = None) -> None:
        self.root = root
        self.db = db if db is not None and not db.is_sqlite else None
        if self.db is not None:
            contents.keep_contents_in_database(self.db, self._local_parts)

    @property
    def in_database(self) -> bool:
        """True on a server office: the database holds the files, this folder only caches them."""
        return self.db is not None

    def _local_path(self, sha256: str) -> Path:
        if not _SHA_RE.match(sha256):
            raise ValidationError("ATTACHMENT_HASH_INVALID", field="sha256", value=sha256)
        return self.root / sha256[:2] / sha256

    def holds(self, sha256: str) -> bool:
        """Whether this office has the file: in this computer's folder, or on a server office in the
        database (asked there, not fetched: an import only needs to know)."""
        if self._local_path(sha256).is_file():
            return True
        if self.db is None:
            return False
        with self.db.reader() as session:
            return contents.has_content(session, sha256)

    def mark_in_use(self, sha256: str) -> None:
        """Touch this computer's copy, if it has one: a prune of unused files (attachment_orphans.py)
        spares files touched in the last 24 hours."""
        with contextlib.suppress(OSError):
            os.utime(self._local_path(sha256))

    def path_for(self, sha256: str) -> Path:
        """The file with this content on this computer. On a server office it is fetched from the
        database into this computer's cache first when only the database has it; the path names
        no file when neither has it (callers check ``exists()``)."""
        path = self._local_path(sha256)
        if self.db is not None and not path.is_file():
            self._fetch(sha256, path)
        return path

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
        """Copy a file in; returns (sha256, size, mime type). ATTACHMENT_TOO_LARGE past 200 MB."""
        if not source.is_file():
            raise ValidationError("FILE_NOT_FOUND", field="file", value=str(source))
        size = source.stat().st_size
        if size > MAX_ATTACHMENT_BYTES:
            raise ValidationError("ATTACHMENT_TOO_LARGE", field="file", value=clean_file_name(source.name),
                                  size_mb=_megabytes(size), max_mb=MAX_ATTACHMENT_BYTES // _MB)
        sha = _file_sha256(source)
        target = self._local_path(sha)
        if not target.exists():
            target.parent.mkdir(parents=True, exist_ok=True)
            tmp = target.with_suffix(".part")
            with source.open("rb") as src, tmp.open("wb") as dst:
                for chunk in iter(lambda: src.read(1 << 20), b""):
                    dst.write(chunk)
                dst.flush()
                os.fsync(dst.fileno())
            os.replace(tmp, target)
        else:
            # The same content stored before, perhaps unreferenced since: it is in use again, so
            # its age starts again and a prune's 24-hour window keeps it (attachment_orphans.py).
            os.utime(target)
        if self.db is not None:
            # From the officer's own file, checked against the hash as it is read: a file
            # changed since it was hashed is refused instead of stored under the wrong hash.
            contents.store_content(self.db, sha, _checked_parts(source, sha))
        mime = mimetypes.guess_type(source.name)[0] or "application/octet-stream"
        return sha, size, mime

    def verify(self, sha256: str) -> str | None:
        """None when the stored content exists and matches its hash, else a problem code. On a
        server office the database's copy is checked, by the server."""
        if self.db is not None:
            self._local_path(sha256)  # refuses a malformed hash, as the folder store does
            found = contents.stored_digest(self.db, sha256)
            if found is None:
                return "ATTACHMENT_MISSING"
            return None if found == sha256 else "ATTACHMENT_CORRUPT"
        path = self._local_path(sha256)
        if not path.exists():
            return "ATTACHMENT_MISSING"
        return None if _file_sha256(path) == sha256 else "ATTACHMENT_CORRUPT"

    def verify_many(self, shas: Iterable[str]) -> dict[str, str]:
        """``verify`` for many hashes at once: {sha256: problem code} for those with a problem. On a
        server office the database hashes the stored contents in a few chunked queries rather
        than one query per file; in a commune each file in the folder is hashed once."""
        wanted = set(shas)
        problems = {sha: "ATTACHMENT_MISSING" for sha in wanted if not _SHA_RE.match(sha)}  # no file has it
        wanted -= set(problems)
        if self.db is not None:
            with self.db.reader() as session:
                stored = contents.content_digests(session, wanted)
            for sha in wanted:
                found = stored.get(sha)
                if found is None or found[0] != sha:
                    problems[sha] = "ATTACHMENT_MISSING" if found is None else "ATTACHMENT_CORRUPT"
            return problems
        for sha in wanted:
            problem = self.verify(sha)
            if problem:
                problems[sha] = problem
        return problems

    def local_files(self) -> dict[str, os.stat_result]:
        """Every stored file in this computer's folder (``<2 hex>/<sha256>``), with its size and
        modification time; a half-written ``.part`` and anything else found there are left out."""
        found: dict[str, os.stat_result] = {}
        if not self.root.is_dir():
            return found
        for path in self.root.glob("??/*"):
            if _SHA_RE.match(path.name) and path.parent.name == path.name[:2]:
                try:
                    info = path.stat()
                except OSError:
                    continue  # removed meanwhile
                if stat.S_ISREG(info.st_mode):
                    found[path.name] = info
        return found

    def remove_local(self, sha256: str) -> bool:
        """Delete this computer's copy of a content (a prune, after its transaction committed)."""
        try:
            self._local_path(sha256).unlink()
        except FileNotFoundError:
            return False
        return True

    def move_local_files_in(self) -> int:
        """A server office: put into the database the files this computer's folder holds that live
        attachment rows name and the database lacks (files stored here before this version).
        Returns how many. Each goes in its own short transaction, without the write lock."""
        if self.db is None:
            return 0
        moved = 0
        for sha in contents.missing_in_database(self.db):
            parts = self._local_parts(sha)
            if parts is not None:
                contents.store_content(self.db, sha, parts)
                moved += 1
        if moved:
            log.info("moved %d attached file(s) from this computer into the server database", moved)
        return moved

    def _local_parts(self, sha256: str) -> Iterator[bytes] | None:
        """This computer's copy of the content, part by part, when it is here and intact; None
        otherwise (a damaged copy is never sent to the database)."""
        path = self._local_path(sha256)
        if not path.is_file() or _file_sha256(path) != sha256:
            return None
        return _checked_parts(path, sha256)

    def _fetch(self, sha256: str, target: Path) -> bool:
        """Write the database's copy into the cache (a temporary name, renamed once its hash is
        checked); False when the database has none or a damaged one."""
        assert self.db is not None
        target.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=target.parent, suffix=".part")
        digest = hashlib.sha256()
        found = False
        try:
            with os.fdopen(fd, "wb") as fh:
                for chunk in contents.read_content(self.db, sha256):
                    found = True
                    digest.update(chunk)
                    fh.write(chunk)
            if found and digest.hexdigest() == sha256:
                os.replace(tmp, target)
                return True
            return False
        finally:
            if os.path.exists(tmp):
                os.unlink(tmp)


def _megabytes(size: int) -> int:
    return -(-size // _MB)  # rounded up: a file just over the limit never reads as "200 MB"


def _file_sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as fh:
        for chunk in iter(lambda: fh.read(1 << 20), b""):
            digest.update(chunk)
    return digest.hexdigest()


def _checked_parts(path: Path, sha256: str) -> Iterator[bytes]:
    """The file in database-sized parts; ATTACHMENT_CHANGED after the last one when the bytes read
    do not have the expected hash (the caller's transaction then rolls back)."""
    digest = hashlib.sha256()
    with path.open("rb") as fh:
        for chunk in iter(lambda: fh.read(contents.PART_BYTES), b""):
            digest.update(chunk)
            yield chunk
    if digest.hexdigest() != sha256:
        raise ValidationError("ATTACHMENT_CHANGED", field="file", value=clean_file_name(path.name))
