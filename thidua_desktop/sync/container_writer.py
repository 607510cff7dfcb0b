"""``BundleWriter``: streams entries through secretstream into ``<name>.part``, writes the signed
head, fsyncs, renames, then reads the file back and checks it. Plaintext exists only in small
memory buffers (at most about two chunks plus one segment)."""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import struct
import uuid
import zlib
from collections.abc import Callable, Iterable
from pathlib import Path
from types import TracebackType
from typing import Any, BinaryIO

import nacl.bindings as sodium
import nacl.public
import nacl.utils

from .. import __version__
from ..domain.errors import DomainError
from .container_format import (
    CIPHER,
    CRC,
    DEFAULT_CHUNK_SIZE,
    FORMAT_VERSION,
    MAGIC,
    MAX_BUNDLE_BYTES,
    MAX_CHUNK_SIZE,
    MAX_FILE_BYTES,
    MAX_LINE_BYTES,
    MAX_MANIFEST_BYTES,
    MIN_CHUNK_SIZE,
    PRELUDE,
    SIGNATURE_BYTES,
    BundleHeader,
    bundle_error,
    check_counts,
    check_sender_fields,
    entry_kind,
    inspect_bundle,
    payload_ad,
    verify_signature,
)
from .keys import OfficeKeys, b64e, key_id_of, utc_now

SEGMENT_BYTES = 1024 * 1024  # how much add_lines / add_file gather into one segment
_HEAD_SLACK = 1024  # reserved header bytes beyond the estimate (room for counts added later)


class BundleWriter:
    """Write one bundle. Use as a context manager; an exception inside the block leaves no file.

    ``sender`` = {code, name, node_id, epoch}; ``recipient`` = {code, name, node_id?, key_id?}.
    ``counts`` (table -> number) goes to the header as is; when None it is the number of lines of
    each ``records/<table>.jsonl`` entry. The first entry must be the manifest (``add_manifest``).
    After the block, ``header`` holds the verified header of the file on disk."""

    def __init__(self, path: Path | str, sender: dict[str, Any], recipient: dict[str, Any],
                 sender_keys: OfficeKeys, recipient_box_key: bytes, recovery_box_key: bytes,
                 schema_version: int, counts: dict[str, int] | None = None, seq: int = 0, *,
                 app_version: str = __version__, chunk_size: int = DEFAULT_CHUNK_SIZE,
                 overwrite: bool = False, progress: Callable[[int], None] | None = None) -> None:
        check_sender_fields(sender, recipient)
        if counts is not None:
            check_counts(counts)
        if not MIN_CHUNK_SIZE <= chunk_size <= MAX_CHUNK_SIZE:
            raise ValueError("chunk_size out of range")
        self.path = Path(path)
        if self.path.exists() and not overwrite:
            raise FileExistsError(self.path)
        self.part_path = self.path.with_name(self.path.name + ".part")
        self.bundle_id = str(uuid.uuid4())
        self.counts: dict[str, int] | None = dict(counts) if counts is not None else None
        self.line_counts: dict[str, int] = {}
        self.header: BundleHeader | None = None
        self._keys, self._chunk, self._progress = sender_keys, chunk_size, progress
        self._payload_key = nacl.utils.random(32)
        public = sender_keys.public()
        self._fixed: dict[str, Any] = {
            "format_version": FORMAT_VERSION, "bundle_id": self.bundle_id, "created_at": utc_now(),
            "app_version": app_version, "schema_version": int(schema_version), "seq": int(seq),
            "sender": {**sender, "key_id": public.key_id, "sign_key": b64e(public.sign_key),
                       "box_key": b64e(public.box_key), "endorsement": sender_keys.endorsement},
            "recipient": {"node_id": None, "key_id": None, **recipient},
            "cipher": CIPHER, "chunk_size": chunk_size,
            "wrapped_keys": [self._wrap("recipient", recipient_box_key), self._wrap("recovery", recovery_box_key)],
        }
        self._ad = payload_ad(self.bundle_id)
        self._names: list[str] = []
        self._buffer = bytearray()
        self._plain_total = 0
        self._cipher_size = 0
        self._hash = hashlib.sha256()
        self._file: BinaryIO | None = None
        self._state: Any = None
        self._reserve = 0

    # --- public API ---------------------------------------------------------------------

    @property
    def plaintext_bytes(self) -> int:
        """Plaintext bytes written so far (entries and framing)."""
        return self._plain_total

    def would_exceed(self, limit: int = MAX_BUNDLE_BYTES, extra: int = 0) -> bool:
        """True when adding ``extra`` more bytes would pass ``limit``: time to close and start a new part."""
        return self._plain_total + extra > limit

    def add_manifest(self, manifest: dict[str, Any]) -> None:
        """The first entry: a JSON object; ``bundle_id`` is added (the reader checks it)."""
        if manifest.get("bundle_id", self.bundle_id) != self.bundle_id:
            raise ValueError("manifest bundle_id differs from the header's")
        data = json.dumps({**manifest, "bundle_id": self.bundle_id}, ensure_ascii=False, sort_keys=True,
                          separators=(",", ":")).encode("utf-8")
        if len(data) > MAX_MANIFEST_BYTES:
            raise ValueError("the manifest is limited to 16 MiB")
        self._begin("manifest.json")
        self._segment(data)
        self._end()

    def add_bytes(self, name: str, data: bytes) -> None:
        if name == "manifest.json":
            raise ValueError("use add_manifest")
        self._begin(name)
        self._check_attachment(name, hashlib.sha256(data).hexdigest())
        self._segment(data)
        self._count_lines(name, data.count(b"\n") + (1 if data and not data.endswith(b"\n") else 0))
        self._end()

    def add_file(self, name: str, path: Path | str) -> None:
        """Stream a file; for ``attachments/<sha256>`` its SHA-256 must equal the name (ValueError)."""
        self._begin(name)
        digest, lines = hashlib.sha256(), 0
        with Path(path).open("rb") as source:
            while block := source.read(SEGMENT_BYTES):
                digest.update(block)
                lines += block.count(b"\n")
                self._segment(block)
        self._check_attachment(name, digest.hexdigest())
        self._count_lines(name, lines)
        self._end()

    def add_lines(self, name: str, lines: Iterable[str]) -> None:
        """Stream text lines (e.g. one JSON record each) as ``name``; a line must not contain a newline."""
        self._begin(name)
        pending, count = bytearray(), 0
        for line in lines:
            encoded = line.encode("utf-8")
            if b"\n" in encoded or b"\r" in encoded or len(encoded) > MAX_LINE_BYTES:
                raise ValueError("a line must not contain a line break nor pass 16 MiB")
            pending += encoded + b"\n"
            count += 1
            if len(pending) >= SEGMENT_BYTES:
                self._segment(bytes(pending))
                pending.clear()
        self._segment(bytes(pending))
        self._count_lines(name, count)
        self._end()

    def close(self) -> BundleHeader:
        """Finish the stream, write the head, fsync, rename, read back and verify."""
        if not self._names:
            raise ValueError("a bundle needs a manifest (add_manifest)")
        self._start()
        self._push(struct.pack(">H", 0))  # end of entries
        self._encrypt(bytes(self._buffer), sodium.crypto_secretstream_xchacha20poly1305_TAG_FINAL)
        self._buffer.clear()
        assert self._file is not None
        head = self._head()
        if len(head) <= PRELUDE.size + self._reserve + SIGNATURE_BYTES + CRC.size:
            self._file.seek(0)
            self._file.write(head)
            self._sync_and_close(self._file)
        else:  # the header outgrew its reserved room: copy the payload behind a fresh head
            self._file.close()
            self._rewrite_with(head)
        self._file = None
        os.replace(self.part_path, self.path)
        _fsync_dir(self.path.parent)
        self.header = self._read_back()
        return self.header

    def abort(self) -> None:
        if self._file is not None:
            self._file.close()
            self._file = None
        self.part_path.unlink(missing_ok=True)

    def __enter__(self) -> BundleWriter:
        self._start()
        return self

    def __exit__(self, exc_type: type[BaseException] | None, exc: BaseException | None,
                 tb: TracebackType | None) -> None:
        if exc_type is not None:
            self.abort()
        elif self.header is None:
            try:
                self.close()
            except BaseException:
                self.abort()
                raise

    # --- internals ----------------------------------------------------------------------

    def _wrap(self, role: str, box_key: bytes) -> dict[str, str]:
        sealed = nacl.public.SealedBox(nacl.public.PublicKey(bytes(box_key))).encrypt(self._payload_key)
        return {"role": role, "box_key_id": key_id_of(bytes(box_key)), "sealed": b64e(bytes(sealed))}

    def _header_json(self, plaintext: int, ciphertext: int, digest: str) -> bytes:
        counts = self.counts if self.counts is not None else self.line_counts
        header = {**self._fixed, "counts": counts, "plaintext_size": plaintext, "ciphertext_size": ciphertext,
                  "ciphertext_sha256": digest}
        return json.dumps(header, ensure_ascii=False, sort_keys=True, separators=(",", ":")).encode("utf-8")

    def _start(self) -> None:
        if self._file is not None:
            return
        self._reserve = len(self._header_json(MAX_FILE_BYTES, MAX_FILE_BYTES, "0" * 64)) + _HEAD_SLACK
        self._file = self.part_path.open("wb")
        self._file.write(bytes(PRELUDE.size + self._reserve + SIGNATURE_BYTES + CRC.size))
        self._state = sodium.crypto_secretstream_xchacha20poly1305_state()
        stream_header = sodium.crypto_secretstream_xchacha20poly1305_init_push(self._state, self._payload_key)
        self._emit(stream_header)

    def _head(self) -> bytes:
        body = self._header_json(self._plain_total, self._cipher_size, self._hash.hexdigest())
        if len(body) <= self._reserve:
            body += b" " * (self._reserve - len(body))
        signed = PRELUDE.pack(MAGIC, FORMAT_VERSION, len(body)) + body
        signed += self._keys.sign(signed)
        return signed + CRC.pack(zlib.crc32(signed))

    def _rewrite_with(self, head: bytes) -> None:
        old_offset = PRELUDE.size + self._reserve + SIGNATURE_BYTES + CRC.size
        fresh = self.part_path.with_name(self.part_path.name + "2")
        with self.part_path.open("rb") as source, fresh.open("wb") as target:
            source.seek(old_offset)
            target.write(head)
            shutil.copyfileobj(source, target, 1024 * 1024)
            self._sync_and_close(target)
        os.replace(fresh, self.part_path)

    @staticmethod
    def _sync_and_close(handle: BinaryIO) -> None:
        handle.flush()
        os.fsync(handle.fileno())
        if hasattr(os, "posix_fadvise"):  # drop cached pages so the read-back really reads the stick
            os.posix_fadvise(handle.fileno(), 0, 0, os.POSIX_FADV_DONTNEED)
        handle.close()

    def _read_back(self) -> BundleHeader:
        try:
            header = inspect_bundle(self.path, verify_hash=True)
            verify_signature(header, self._keys.public().sign_key)
            if header.bundle_id != self.bundle_id or header.ciphertext_sha256 != self._hash.hexdigest():
                raise bundle_error("BUNDLE_CORRUPT", self.path, reason="read-back differs")
        except DomainError as exc:
            self.path.unlink(missing_ok=True)
            raise bundle_error("BUNDLE_WRITE_VERIFY_FAILED", self.path, reason=exc.code) from exc
        return header

    def _begin(self, name: str) -> None:
        self._start()
        kind = entry_kind(name)
        if kind is None:
            raise ValueError(f"entry name not allowed: {name!r}")
        if name in self._names:
            raise ValueError(f"duplicate entry: {name!r}")
        if (kind == "manifest") != (not self._names):
            raise ValueError("manifest.json must be the first entry, and only the first")
        self._names.append(name)
        encoded = name.encode("utf-8")
        self._push(struct.pack(">H", len(encoded)) + encoded)

    def _segment(self, data: bytes) -> None:
        for start in range(0, len(data), SEGMENT_BYTES):
            piece = data[start:start + SEGMENT_BYTES]
            self._push(struct.pack(">I", len(piece)))
            self._push(piece)

    def _end(self) -> None:
        self._push(struct.pack(">I", 0))

    def _check_attachment(self, name: str, digest: str) -> None:
        if name.startswith("attachments/") and name != f"attachments/{digest}":
            raise ValueError(f"{name} has SHA-256 {digest}: the content store is damaged")

    def _count_lines(self, name: str, lines: int) -> None:
        if name.startswith("records/"):
            self.line_counts[name[len("records/"):-len(".jsonl")]] = lines

    def _push(self, data: bytes) -> None:
        """Add plaintext; encrypt every full chunk (the last, shorter chunk is written by close)."""
        if self._plain_total + len(data) > MAX_FILE_BYTES:
            raise ValueError("bundle too large: check would_exceed() and start a new bundle")
        self._plain_total += len(data)
        chunk = self._chunk
        for start in range(0, len(data), chunk):
            self._buffer += data[start:start + chunk]
            if len(self._buffer) >= chunk:
                self._encrypt(bytes(self._buffer[:chunk]), sodium.crypto_secretstream_xchacha20poly1305_TAG_MESSAGE)
                del self._buffer[:chunk]
        if self._progress is not None:
            self._progress(self._plain_total)

    def _encrypt(self, plain: bytes, tag: int) -> None:
        self._emit(sodium.crypto_secretstream_xchacha20poly1305_push(self._state, plain, self._ad, tag))

    def _emit(self, cipher: bytes) -> None:
        assert self._file is not None
        self._file.write(cipher)
        self._hash.update(cipher)
        self._cipher_size += len(cipher)


def _fsync_dir(folder: Path) -> None:
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:  # Windows cannot open a folder; its rename is durable enough
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)
