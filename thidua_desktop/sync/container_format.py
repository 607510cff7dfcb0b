"""The .tdsync head: constants, the signed header, entry names, size arithmetic and ``inspect_bundle``.

Layout (all integers big-endian; see docs/sync-format.md)::

    0       8  MAGIC  89 54 44 53 59 4E 43 0A  ("\\x89TDSYNC\\n")
    8       2  format_version (u16)
    10      4  header_length N (u32, 2..65536)
    14      N  header: UTF-8 JSON object, then 0..n ASCII spaces (padding)
    14+N   64  Ed25519 signature by the sender over bytes [0, 14+N)
    78+N    4  CRC-32 (zlib) over bytes [0, 78+N)
    82+N    …  payload: ciphertext_size bytes of libsodium secretstream (XChaCha20-Poly1305)
"""

from __future__ import annotations

import hashlib
import re
import struct
import uuid
import zlib
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from ..domain.errors import DomainError
from . import safe_json
from .keys import PublicKeys, b64d, verify_signature_bytes

MAGIC = b"\x89TDSYNC\n"
FORMAT_VERSION = 1
PRELUDE = struct.Struct(">8sHI")  # magic, format_version, header_length
SIGNATURE_BYTES = 64
CRC = struct.Struct(">I")
MAX_HEADER_BYTES = 64 * 1024
CIPHER = "secretstream_xchacha20poly1305"
STREAM_HEADER_BYTES = 24
CHUNK_OVERHEAD = 17  # secretstream ABYTES
DEFAULT_CHUNK_SIZE = 256 * 1024
MIN_CHUNK_SIZE, MAX_CHUNK_SIZE = 1024, 8 * 1024 * 1024
MAX_BUNDLE_BYTES = 1024 ** 3  # split a backlog into several bundles around this plaintext size
MAX_FILE_BYTES = 4 * 1024 ** 3 - 64 * 1024 ** 2  # hard limit, well under FAT32's 4 GiB - 1
MAX_MANIFEST_BYTES = 16 * 1024 * 1024
MAX_LINE_BYTES = 16 * 1024 * 1024
MAX_SEGMENT_BYTES = 16 * 1024 * 1024
PAYLOAD_AD_PREFIX = b"TDSYNC-PAYLOAD-v1"
_CODE = re.compile(r"[A-Za-z0-9_-]{1,32}")
# An office is a province (2 digits) or a commune or ward (5 digits): never a path or a name.
UNIT_CODE = re.compile(r"[0-9]{2}|[0-9]{5}")
_TABLE = re.compile(r"[a-z_]{1,64}")
_ENTRY = re.compile(r"manifest\.json|records/[a-z_]{1,64}\.jsonl|attachments/[0-9a-f]{64}")


def bundle_error(code: str, path: Path | str, **params: Any) -> DomainError:
    return DomainError(code, field="file", file=Path(path).name, **params)


def bundle_file_name(sender_code: str, recipient_code: str, seq: int) -> str:
    """``TD-<sender>-<recipient>-<seq, 6 digits>.tdsync``: office codes and a number, nothing personal."""
    if not (_CODE.fullmatch(sender_code) and _CODE.fullmatch(recipient_code)) or seq < 0:
        raise ValueError("office codes must be 1-32 of [A-Za-z0-9_-] and seq >= 0")
    return f"TD-{sender_code}-{recipient_code}-{seq:06d}.tdsync"


def entry_kind(name: str) -> str | None:
    """'manifest', 'records' or 'attachment' for an allowed entry name, else None."""
    if not _ENTRY.fullmatch(name):
        return None
    if name == "manifest.json":
        return "manifest"
    return "records" if name.startswith("records/") else "attachment"


def payload_ad(bundle_id: str) -> bytes:
    """Additional data of every secretstream chunk: binds the payload to its bundle id."""
    return PAYLOAD_AD_PREFIX + uuid.UUID(bundle_id).bytes


def ciphertext_size_for(plaintext_size: int, chunk_size: int) -> int:
    """Every chunk but the last holds exactly chunk_size bytes; the last holds 0..chunk_size-1."""
    return STREAM_HEADER_BYTES + plaintext_size + CHUNK_OVERHEAD * (plaintext_size // chunk_size + 1)


def plaintext_size_for(ciphertext_size: int, chunk_size: int) -> int | None:
    """The inverse of ``ciphertext_size_for``; None when no plaintext size gives that ciphertext size."""
    body = ciphertext_size - STREAM_HEADER_BYTES
    full, last = divmod(body, chunk_size + CHUNK_OVERHEAD)
    if body < CHUNK_OVERHEAD or last < CHUNK_OVERHEAD:
        return None
    return full * chunk_size + last - CHUNK_OVERHEAD


@dataclass(frozen=True)
class Sender:
    code: str
    name: str
    node_id: str
    epoch: int | str
    key_id: str
    sign_key: bytes
    box_key: bytes
    endorsement: dict[str, str] | None = None

    @property
    def public(self) -> PublicKeys:
        return PublicKeys(self.sign_key, self.box_key)

    @property
    def fingerprint(self) -> str:
        return self.public.fingerprint


@dataclass(frozen=True)
class Recipient:
    code: str
    name: str
    node_id: str | None
    key_id: str | None


@dataclass(frozen=True)
class WrappedKey:
    role: str  # "recipient" or "recovery"
    box_key_id: str  # key_id_of(the X25519 public key it is sealed to)
    sealed: bytes  # SealedBox(payload key), 80 bytes


@dataclass(frozen=True)
class BundleHeader:
    path: Path
    format_version: int
    bundle_id: str
    created_at: str
    app_version: str
    schema_version: int
    seq: int
    sender: Sender
    recipient: Recipient
    counts: dict[str, int]
    plaintext_size: int
    ciphertext_size: int
    ciphertext_sha256: str
    chunk_size: int
    wrapped_keys: tuple[WrappedKey, ...]
    signed_bytes: bytes = field(repr=False)  # bytes [0, 14+N): what the signature covers
    signature: bytes = field(repr=False)
    payload_offset: int = 0
    file_size: int = 0
    hash_verified: bool = False
    raw: dict[str, Any] = field(default_factory=dict, repr=False)  # the whole JSON, unknown fields too

    def to_dict(self) -> dict[str, Any]:
        """The header as shown by ``thidua bundle inspect --json``."""
        return {**self.raw, "file": str(self.path), "file_size": self.file_size,
                "sender_fingerprint": self.sender.fingerprint, "hash_verified": self.hash_verified}


def verify_signature(header: BundleHeader, sender_sign_key: bytes | Sequence[bytes]) -> None:
    """BUNDLE_SIGNATURE_INVALID unless one of the given Ed25519 keys signed the header."""
    keys = [sender_sign_key] if isinstance(sender_sign_key, bytes | bytearray) else list(sender_sign_key)
    if not any(verify_signature_bytes(bytes(key), header.signed_bytes, header.signature) for key in keys):
        raise bundle_error("BUNDLE_SIGNATURE_INVALID", header.path, sender_code=header.sender.code,
                           sender_name=header.sender.name)


def inspect_bundle(path: Path | str, verify_hash: bool = False) -> BundleHeader:
    """Parse and check the head of a bundle without any key and without decrypting.

    Checks magic, format version, lengths, the CRC, the header fields, that the sizes agree with
    each other and with the file size, and with ``verify_hash`` the SHA-256 of the payload. Raises
    the precise DomainError (BUNDLE_NOT_A_BUNDLE, BUNDLE_TRUNCATED, BUNDLE_CORRUPT, BUNDLE_TOO_NEW,
    BUNDLE_TOO_LARGE); the signature is checked separately by ``verify_signature``."""
    path = Path(path)
    try:
        with path.open("rb") as handle:
            file_size = handle.seek(0, 2)
            handle.seek(0)
            head = handle.read(min(file_size, PRELUDE.size + MAX_HEADER_BYTES + SIGNATURE_BYTES + CRC.size))
            header = _parse_head(path, head, file_size)
            if verify_hash:
                handle.seek(header.payload_offset)
                digest = hashlib.sha256()
                while block := handle.read(1024 * 1024):
                    digest.update(block)
                if digest.hexdigest() != header.ciphertext_sha256:
                    raise bundle_error("BUNDLE_CORRUPT", path, reason="payload SHA-256 mismatch")
                header = _with(header, hash_verified=True)
    except IsADirectoryError as exc:
        raise bundle_error("BUNDLE_NOT_A_BUNDLE", path) from exc
    return header


def _with(header: BundleHeader, **changes: Any) -> BundleHeader:
    return replace(header, **changes)


def _parse_head(path: Path, head: bytes, file_size: int) -> BundleHeader:
    if len(head) < len(MAGIC):
        if MAGIC.startswith(head):
            raise bundle_error("BUNDLE_TRUNCATED", path, reason="shorter than the magic")
        raise bundle_error("BUNDLE_NOT_A_BUNDLE", path)
    if head[:len(MAGIC)] != MAGIC:
        raise bundle_error("BUNDLE_NOT_A_BUNDLE", path)
    if len(head) < PRELUDE.size:
        raise bundle_error("BUNDLE_TRUNCATED", path, reason="prelude cut short")
    _, version, length = PRELUDE.unpack_from(head)
    if version > FORMAT_VERSION:
        raise bundle_error("BUNDLE_TOO_NEW", path, version=version, supported=FORMAT_VERSION)
    if version < 1 or not 2 <= length <= MAX_HEADER_BYTES:
        raise bundle_error("BUNDLE_CORRUPT", path, reason="bad format version or header length")
    signed_end = PRELUDE.size + length
    payload_offset = signed_end + SIGNATURE_BYTES + CRC.size
    if len(head) < payload_offset:
        raise bundle_error("BUNDLE_TRUNCATED", path, reason="header cut short")
    (crc,) = CRC.unpack_from(head, signed_end + SIGNATURE_BYTES)
    if zlib.crc32(head[:signed_end + SIGNATURE_BYTES]) != crc:
        raise bundle_error("BUNDLE_CORRUPT", path, reason="header CRC mismatch")
    try:
        raw = safe_json.loads(head[PRELUDE.size:signed_end], max_bytes=MAX_HEADER_BYTES)
        header = _header_from_json(raw, path, version, head[:signed_end], head[signed_end:signed_end + 64])
    except (ValueError, KeyError, TypeError, AttributeError) as exc:
        raise bundle_error("BUNDLE_CORRUPT", path, reason=f"bad header: {str(exc)[:200]}") from exc
    implied = plaintext_size_for(header.ciphertext_size, header.chunk_size)
    if header.plaintext_size > MAX_FILE_BYTES or (implied is not None and implied > header.plaintext_size):
        raise bundle_error("BUNDLE_TOO_LARGE", path, declared=header.plaintext_size, found=implied)
    if implied != header.plaintext_size:
        raise bundle_error("BUNDLE_CORRUPT", path, reason="payload sizes disagree")
    expected_size = payload_offset + header.ciphertext_size
    if file_size < expected_size:
        raise bundle_error("BUNDLE_TRUNCATED", path, expected=expected_size, found=file_size)
    if file_size > expected_size:
        raise bundle_error("BUNDLE_CORRUPT", path, reason="bytes after the payload")
    return _with(header, payload_offset=payload_offset, file_size=file_size)


def _header_from_json(raw: Any, path: Path, version: int, signed: bytes, signature: bytes) -> BundleHeader:
    if not isinstance(raw, dict):
        raise ValueError("header is not an object")
    if raw["format_version"] != version:
        raise ValueError("format_version differs from the prelude")
    if raw["cipher"] != CIPHER:
        raise ValueError("unknown cipher")
    s, r = raw["sender"], raw["recipient"]
    sender = Sender(code=_code(s["code"]), name=_str(s["name"]), node_id=_str(s["node_id"]), epoch=_scalar(s["epoch"]),
                    key_id=_str(s["key_id"]), sign_key=b64d(s["sign_key"], 32), box_key=b64d(s["box_key"], 32),
                    endorsement=_endorsement(s.get("endorsement")))
    if sender.public.key_id != sender.key_id:
        raise ValueError("sender key_id does not match its keys")
    recipient = Recipient(code=_code(r["code"]), name=_str(r["name"]), node_id=_opt_str(r.get("node_id")),
                          key_id=_opt_str(r.get("key_id")))
    counts = raw["counts"]
    if not isinstance(counts, dict) or not all(_TABLE.fullmatch(k) and _uint(v) >= 0 for k, v in counts.items()):
        raise ValueError("bad counts")
    wrapped = tuple(WrappedKey(role=_str(w["role"]), box_key_id=_str(w["box_key_id"]), sealed=b64d(w["sealed"], 80))
                    for w in raw["wrapped_keys"])
    if not wrapped:
        raise ValueError("no wrapped payload key")
    chunk_size = _uint(raw["chunk_size"])
    if not MIN_CHUNK_SIZE <= chunk_size <= MAX_CHUNK_SIZE:
        raise ValueError("unsupported chunk size")
    digest = _str(raw["ciphertext_sha256"])
    if not re.fullmatch(r"[0-9a-f]{64}", digest):
        raise ValueError("bad ciphertext_sha256")
    return BundleHeader(
        path=path, format_version=version, bundle_id=str(uuid.UUID(_str(raw["bundle_id"]))),
        created_at=_str(raw["created_at"]), app_version=_str(raw["app_version"]),
        schema_version=_uint(raw["schema_version"]), seq=_uint(raw["seq"]), sender=sender, recipient=recipient,
        counts=dict(counts), plaintext_size=_uint(raw["plaintext_size"]),
        ciphertext_size=_uint(raw["ciphertext_size"]), ciphertext_sha256=digest, chunk_size=chunk_size,
        wrapped_keys=wrapped, signed_bytes=signed, signature=signature, raw=raw)


def _str(value: Any) -> str:
    if not isinstance(value, str) or not value or len(value) > 200:
        raise ValueError("expected a short non-empty string")
    return value


def _opt_str(value: Any) -> str | None:
    return None if value is None else _str(value)


def _code(value: Any) -> str:
    if not isinstance(value, str) or not UNIT_CODE.fullmatch(value):
        raise ValueError("bad office code")
    return value


def _uint(value: Any) -> int:
    if not isinstance(value, int) or isinstance(value, bool) or value < 0:
        raise ValueError("expected a non-negative integer")
    return value


def _scalar(value: Any) -> int | str:
    if isinstance(value, bool) or not isinstance(value, int | str):
        raise ValueError("epoch must be an integer or a string")
    return value


def _endorsement(value: Any) -> dict[str, str] | None:
    if value is None:
        return None
    if not isinstance(value, dict) or not re.fullmatch(r"[0-9a-f]{16}", _str(value["previous_key_id"])):
        raise ValueError("bad endorsement")
    b64d(value["signature"], 64)
    return {"previous_key_id": value["previous_key_id"], "signature": value["signature"]}


def check_sender_fields(sender: dict[str, Any], recipient: dict[str, Any]) -> None:
    """Writer-side validation of the caller's sender/recipient dicts (ValueError: a programming error)."""
    if set(sender) - {"code", "name", "node_id", "epoch"} or set(recipient) - {"code", "name", "node_id", "key_id"}:
        raise ValueError("sender takes code, name, node_id, epoch; recipient takes code, name, node_id, key_id")
    _code(sender["code"]), _str(sender["name"]), _str(sender["node_id"]), _scalar(sender["epoch"])
    _code(recipient["code"]), _str(recipient["name"]), _opt_str(recipient.get("node_id"))
    _opt_str(recipient.get("key_id"))


def check_counts(counts: dict[str, int]) -> None:
    if not all(_TABLE.fullmatch(k) and _uint(v) >= 0 for k, v in counts.items()):
        raise ValueError("counts: table names [a-z_]+ and non-negative integers")

