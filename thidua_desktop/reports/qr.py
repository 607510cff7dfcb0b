"""The verification code printed on every dossier document.

The QR holds ``TDQR1|<kind>|<record id>|<hash>``: the id of the nomination (or the batch, meeting,
decision, movement the document is about) and the first 20 hex digits of a SHA-256 over the
document's content. No personal data is in the code; a reviewer with the database rebuilds the
content from the record and compares the hash to tell a true copy from an altered one."""

from __future__ import annotations

import dataclasses
import hashlib
import json
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from ..domain.errors import ValidationError
from ..domain.text import nfc

PREFIX = "TDQR1"
HASH_HEX = 20


_FIELD_NAMES: dict[type, tuple[str, ...]] = {}


def _field_names(kind: type) -> tuple[str, ...]:
    names = _FIELD_NAMES.get(kind)
    if names is None:
        names = _FIELD_NAMES[kind] = tuple(f.name for f in dataclasses.fields(kind))
    return names


def _plain(value: Any) -> Any:
    # A dataclass instance (not the class itself): its fields by name, in order. Its class's
    # field names are looked up once (a batch hashes five hundred reports of a few classes).
    if hasattr(type(value), "__dataclass_fields__") and not isinstance(value, type):
        return {name: _plain(getattr(value, name)) for name in _field_names(type(value))}
    if isinstance(value, dict):
        return {str(k): _plain(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [_plain(v) for v in value]
    if isinstance(value, date | datetime):
        return value.isoformat()
    if isinstance(value, str):
        return nfc(value)
    return value


def content_hash(content: Any) -> str:
    """Stable hash of a document's data (dataclasses, dicts, lists, dates, text in NFC)."""
    canonical = json.dumps(_plain(content), ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    return hashlib.sha256(canonical.encode("utf-8")).hexdigest()[:HASH_HEX]


@dataclass(frozen=True)
class QrPayload:
    kind: str
    record_id: str
    digest: str

    def text(self) -> str:
        return f"{PREFIX}|{self.kind}|{self.record_id}|{self.digest}"


def make_payload(kind: str, record_id: str, content: Any) -> QrPayload:
    return QrPayload(kind, record_id, content_hash(content))


def parse_payload(text: str) -> QrPayload:
    parts = nfc(text).strip().split("|")
    if len(parts) != 4 or parts[0] != PREFIX or not all(parts[1:]):
        raise ValidationError("QR_TEXT_INVALID", field="qr")
    digest = parts[3].lower()
    if len(digest) != HASH_HEX or any(c not in "0123456789abcdef" for c in digest):
        raise ValidationError("QR_TEXT_INVALID", field="qr")
    return QrPayload(parts[1], parts[2], digest)
