"""``open_bundle``: every check that needs no decryption first, then a ``BundleReader`` that decrypts
chunk by chunk and yields the entries in order. Nothing is written to disk here."""

from __future__ import annotations

import hashlib
import struct
from collections.abc import Iterator, Sequence
from pathlib import Path
from types import TracebackType
from typing import Any, BinaryIO

import nacl.bindings as sodium
import nacl.exceptions

from ..domain.errors import DomainError
from . import safe_json
from .container_format import (
    CHUNK_OVERHEAD,
    MAX_LINE_BYTES,
    MAX_MANIFEST_BYTES,
    MAX_SEGMENT_BYTES,
    STREAM_HEADER_BYTES,
    BundleHeader,
    bundle_error,
    entry_kind,
    inspect_bundle,
    payload_ad,
    verify_signature,
)
from .keys import OfficeKeys, RecoveryKeys

_TAG_FINAL = sodium.crypto_secretstream_xchacha20poly1305_TAG_FINAL


def open_bundle(path: Path | str, my_keys: OfficeKeys | Sequence[OfficeKeys],
                sender_sign_key: bytes | Sequence[bytes], my_code: str, *, verify_hash: bool = True,
                max_schema_version: int | None = None) -> BundleReader:
    """Check magic, format version, lengths, truncation, the payload SHA-256 (``verify_hash``), the
    signature, the recipient and the schema version, then unwrap the payload key with one of
    ``my_keys`` (current keys first, then retired ones) and return a reader positioned on the payload."""
    header = inspect_bundle(path, verify_hash=verify_hash)
    verify_signature(header, sender_sign_key)
    if header.recipient.code != my_code:
        raise bundle_error("BUNDLE_WRONG_RECIPIENT", header.path, intended_code=header.recipient.code,
                           intended_name=header.recipient.name, my_code=my_code)
    _check_schema(header, max_schema_version)
    keys = [my_keys] if isinstance(my_keys, OfficeKeys) else list(my_keys)
    return BundleReader(header, _unwrap(header, keys))


def open_bundle_with_recovery(path: Path | str, recovery_keys: RecoveryKeys, sender_sign_key: bytes | Sequence[bytes],
                              *, verify_hash: bool = True, max_schema_version: int | None = None) -> BundleReader:
    """The recovery path: the same checks except the recipient's, using the province recovery key."""
    header = inspect_bundle(path, verify_hash=verify_hash)
    verify_signature(header, sender_sign_key)
    _check_schema(header, max_schema_version)
    return BundleReader(header, _unwrap(header, [recovery_keys]))


def _check_schema(header: BundleHeader, max_schema_version: int | None) -> None:
    if max_schema_version is not None and header.schema_version > max_schema_version:
        raise bundle_error("BUNDLE_SCHEMA_TOO_NEW", header.path, version=header.schema_version,
                           supported=max_schema_version, app_version=header.app_version)


def _unwrap(header: BundleHeader, keys: Sequence[OfficeKeys | RecoveryKeys]) -> bytes:
    by_id = {key.box_key_id: key for key in keys}
    for wrapped in header.wrapped_keys:
        key = by_id.get(wrapped.box_key_id)
        if key is None:
            continue
        try:
            payload_key = key.unseal(wrapped.sealed)
        except nacl.exceptions.CryptoError as exc:
            raise bundle_error("BUNDLE_CORRUPT", header.path, reason="payload key does not unseal") from exc
        if len(payload_key) != sodium.crypto_secretstream_xchacha20poly1305_KEYBYTES:
            raise bundle_error("BUNDLE_CORRUPT", header.path, reason="bad payload key length")
        return payload_key
    raise bundle_error("BUNDLE_KEY_MISSING", header.path,
                       key_id=",".join(w.box_key_id for w in header.wrapped_keys if w.role == "recipient"))


class Entry:
    """One entry of the payload, read sequentially (before the next entry is requested).

    ``kind`` is 'manifest', 'records' or 'attachment'; ``table`` / ``sha256`` come from the name.
    ``size`` counts the bytes read so far; it is the entry's size once ``done``. An attachment's
    SHA-256 is checked when its last byte has been read (BUNDLE_CORRUPT otherwise): write it to a
    temporary file and move it into the content store only after the read completed."""

    def __init__(self, reader: BundleReader, name: str, kind: str) -> None:
        self.name, self.kind, self._reader = name, kind, reader
        self.table = name[len("records/"):-len(".jsonl")] if kind == "records" else None
        self.sha256 = name[len("attachments/"):] if kind == "attachment" else None
        self.size = 0
        self.done = False
        self._left = 0  # bytes left in the current segment
        self._digest = hashlib.sha256() if kind == "attachment" else None

    def read_some(self, limit: int) -> bytes:
        """Up to ``limit`` bytes (b"" at the end of the entry)."""
        if self.done:
            return b""
        if self._left == 0:
            (length,) = struct.unpack(">I", self._reader._read(4))
            if length == 0:
                self._close()
                return b""
            remaining = self._reader.header.plaintext_size - self._reader._consumed
            if length > MAX_SEGMENT_BYTES or length > remaining:
                raise bundle_error("BUNDLE_TOO_LARGE", self._reader.header.path, name=self.name, found=length,
                                   declared=self._reader.header.plaintext_size)
            self._left = length
        data = self._reader._read_up_to(min(limit, self._left))
        self._left -= len(data)
        self.size += len(data)
        if self._digest is not None:
            self._digest.update(data)
        return data

    def chunks(self, size: int = 1024 * 1024) -> Iterator[bytes]:
        while data := self.read_some(size):
            yield data

    def read(self, limit: int | None = None) -> bytes:
        """The whole (rest of the) entry in memory; BUNDLE_TOO_LARGE past ``limit`` bytes."""
        out = bytearray()
        for data in self.chunks():
            out += data
            if limit is not None and len(out) > limit:
                raise bundle_error("BUNDLE_TOO_LARGE", self._reader.header.path, name=self.name, found=len(out))
        return bytes(out)

    def lines(self) -> Iterator[str]:
        """Non-empty lines as text (UTF-8, without the newline); BUNDLE_TOO_LARGE for a line over 16 MiB."""
        pending = bytearray()
        for data in self.chunks():
            pending += data
            *complete, rest = pending.split(b"\n")
            for line in complete:
                if len(line) > MAX_LINE_BYTES:
                    raise bundle_error("BUNDLE_TOO_LARGE", self._reader.header.path, name=self.name, found=len(line))
                if line:
                    yield self._decode(line)
            pending = bytearray(rest)
            if len(pending) > MAX_LINE_BYTES:
                raise bundle_error("BUNDLE_TOO_LARGE", self._reader.header.path, name=self.name, found=len(pending))
        if pending:
            yield self._decode(pending)

    def copy_to(self, target: BinaryIO) -> int:
        for data in self.chunks():
            target.write(data)
        return self.size

    def skip(self) -> None:
        for _ in self.chunks():
            pass

    def _decode(self, line: bytes | bytearray) -> str:
        try:
            return line.decode("utf-8")
        except UnicodeDecodeError as exc:
            raise bundle_error("BUNDLE_CORRUPT", self._reader.header.path, name=self.name,
                               reason="line is not UTF-8") from exc

    def _close(self) -> None:
        self.done = True
        if self._digest is not None and self._digest.hexdigest() != self.sha256:
            raise bundle_error("BUNDLE_CORRUPT", self._reader.header.path, name=self.name,
                               reason="attachment SHA-256 differs from its name")


class BundleReader:
    """Decrypts the payload as a stream. ``manifest`` is read at once; then ``entries()`` yields the
    other entries in order. Call ``finish()`` (or exhaust ``entries()``) BEFORE committing what you
    imported: it checks the end of the stream, its final tag and the payload hash once more."""

    def __init__(self, header: BundleHeader, payload_key: bytes) -> None:
        self.header = header
        self._file = header.path.open("rb")
        self._chunks_total = header.plaintext_size // header.chunk_size + 1
        self._chunks_read = 0
        self._buffer = bytearray()
        self._pos = 0  # read position in _buffer
        self._consumed = 0  # plaintext bytes handed out
        self._hash = hashlib.sha256()
        self._ad = payload_ad(header.bundle_id)
        self._names: set[str] = set()
        self._current: Entry | None = None
        self._finished = False
        try:
            self._file.seek(header.payload_offset)
            stream_header = self._read_file(STREAM_HEADER_BYTES)
            self._state = sodium.crypto_secretstream_xchacha20poly1305_state()
            sodium.crypto_secretstream_xchacha20poly1305_init_pull(self._state, stream_header, payload_key)
            self.manifest = self._read_manifest()
        except BaseException:
            self._file.close()
            raise

    def entries(self) -> Iterator[Entry]:
        while True:
            if self._current is not None and not self._current.done:
                self._current.skip()
            entry = self._next_entry()
            if entry is None:
                self.finish()
                return
            self._current = entry
            yield entry

    def finish(self) -> None:
        """Skip what was not read and run the end-of-stream checks (idempotent)."""
        if self._finished:
            return
        for _ in self.entries():
            pass
        self._finished = True

    def close(self) -> None:
        self._file.close()

    def __enter__(self) -> BundleReader:
        return self

    def __exit__(self, exc_type: type[BaseException] | None, exc: BaseException | None,
                 tb: TracebackType | None) -> None:
        self.close()

    # --- framing ---------------------------------------------------------------------------

    def _read_manifest(self) -> dict[str, Any]:
        entry = self._next_entry()
        if entry is None or entry.kind != "manifest":
            raise self._error("BUNDLE_CORRUPT", reason="the first entry is not the manifest")
        try:
            manifest = safe_json.loads(entry.read(MAX_MANIFEST_BYTES), max_bytes=MAX_MANIFEST_BYTES)
        except safe_json.UnsafeJSON as exc:
            raise self._error("BUNDLE_CORRUPT", reason=f"manifest: {exc}") from exc
        if not isinstance(manifest, dict) or manifest.get("bundle_id") != self.header.bundle_id:
            raise self._error("BUNDLE_CORRUPT", reason="manifest does not belong to this header")
        return manifest

    def _next_entry(self) -> Entry | None:
        if self._finished:
            return None
        (length,) = struct.unpack(">H", self._read(2))
        if length == 0:
            self._check_end()
            return None
        raw = self._read(length)
        try:
            name = raw.decode("utf-8")
        except UnicodeDecodeError:
            name = raw.decode("utf-8", "replace")
            raise self._error("BUNDLE_UNSAFE_ENTRY", name=name) from None
        kind = entry_kind(name)
        if kind is None or name in self._names:
            raise self._error("BUNDLE_UNSAFE_ENTRY", name=name)
        if (kind == "manifest") != (not self._names):
            raise self._error("BUNDLE_CORRUPT", name=name, reason="manifest must be the first entry")
        self._names.add(name)
        return Entry(self, name, kind)

    def _check_end(self) -> None:
        while self._chunks_read < self._chunks_total:
            self._decrypt_next()
        if self._pos != len(self._buffer) or self._consumed != self.header.plaintext_size:
            raise self._error("BUNDLE_CORRUPT", reason="data after the end of the entries")
        self._finished = True

    # --- plaintext stream ----------------------------------------------------------------

    def _read(self, size: int) -> bytes:
        """Exactly ``size`` plaintext bytes, within the declared plaintext size."""
        out = b""
        while len(out) < size:
            data = self._read_up_to(size - len(out))
            out += data
        return out

    def _read_up_to(self, size: int) -> bytes:
        if self._consumed + size > self.header.plaintext_size:
            raise self._error("BUNDLE_TOO_LARGE", declared=self.header.plaintext_size, found=self._consumed + size)
        while self._pos == len(self._buffer):
            if self._chunks_read == self._chunks_total:
                raise self._error("BUNDLE_CORRUPT", reason="payload ended inside an entry")
            self._decrypt_next()
        data = bytes(self._buffer[self._pos:self._pos + size])
        self._pos += len(data)
        self._consumed += len(data)
        return data

    def _decrypt_next(self) -> None:
        header = self.header
        last = self._chunks_read == self._chunks_total - 1
        size = header.plaintext_size % header.chunk_size if last else header.chunk_size
        cipher = self._read_file(size + CHUNK_OVERHEAD)
        try:
            plain, tag = sodium.crypto_secretstream_xchacha20poly1305_pull(self._state, cipher, self._ad)
        except nacl.exceptions.CryptoError as exc:
            raise self._error("BUNDLE_CORRUPT", reason=f"chunk {self._chunks_read} fails authentication") from exc
        self._chunks_read += 1
        if last and tag != _TAG_FINAL:
            raise self._error("BUNDLE_TRUNCATED", reason="the stream has no final tag")
        if not last and tag == _TAG_FINAL:
            raise self._error("BUNDLE_CORRUPT", reason="final tag before the end")
        if last and (self._hash.hexdigest() != header.ciphertext_sha256 or self._file.read(1)):
            raise self._error("BUNDLE_CORRUPT", reason="the file changed while it was read")
        self._buffer = bytearray(plain)
        self._pos = 0

    def _read_file(self, size: int) -> bytes:
        data = self._file.read(size)
        if len(data) != size:
            raise self._error("BUNDLE_TRUNCATED", reason="the file ended early (removed or changed?)")
        self._hash.update(data)
        return data

    def _error(self, code: str, **params: Any) -> DomainError:
        return bundle_error(code, self.header.path, **params)
