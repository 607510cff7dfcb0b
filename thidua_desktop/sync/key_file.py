"""The office key file (tệp khóa của văn phòng): a server office's sync keys carried from the
computer that holds them to another computer of the same office, on a USB stick.

The private keys (the current ones and those a rotation retired) travel sealed under a passphrase,
with exactly the recovery key's protection (``keys.passphrase_seal``: Argon2id, then SecretBox).
The clear part names the office and its key, so a refusal can say whose keys a file holds before
any passphrase is asked; the sealed part repeats both, and only the sealed part is trusted.

    {"kind": "thidua-office-keys", "format_version": 1, "office": {"code", "name"},
     "key_id", "fingerprint", "count", "created_at",
     "protection": "argon2id-secretbox", "kdf", "salt", "opslimit", "memlimit", "sealed"}

    sealed = JSON {"office_code", "key_id",
                   "current": {"secret", "endorsement"},
                   "retired": [{"secret", "endorsement", "rotated_at"}, …]}

Refusals: KEY_FILE_INVALID (anything unreadable: cut short, random bytes, a wrong type or a
changed clear part), KEY_FILE_TOO_NEW, KEY_FILE_PASSPHRASE_REQUIRED, KEY_FILE_PASSPHRASE_WRONG
and KEY_FILE_PASSPHRASE_TOO_SHORT (writing)."""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import nacl.exceptions

from ..domain.errors import DomainError
from . import keys as k
from . import safe_json

KEY_FILE_KIND = "thidua-office-keys"
KEY_FILE_FORMAT_VERSION = 1
KEY_FILE_MAX_BYTES = 64 * 1024  # an office with three retired keys writes about 1.5 kB
MAX_RETIRED = 16  # a store keeps 3 (KeyStore.rotate): more is a forged file
OFFICE_CODE = re.compile(r"[0-9]{2}|[0-9]{5}")  # a province's code, or a commune's


@dataclass(frozen=True)
class KeyFileHeader:
    """The clear part: whose keys the file says it holds (checked again once it is opened)."""

    office_code: str
    office_name: str
    key_id: str
    fingerprint: str
    count: int
    created_at: str


@dataclass(frozen=True)
class OfficeKeyFile:
    header: KeyFileHeader
    current: k.OfficeKeys
    retired: list[k.RetiredKeys]

    @property
    def key_ids(self) -> list[str]:
        return [self.current.key_id, *(old.keys.key_id for old in self.retired)]


def checked_passphrase(passphrase: str) -> str:
    """``keys.checked_recovery_passphrase`` (NFC, the same minimum length), refused in this file's
    own words."""
    try:
        return k.checked_recovery_passphrase(passphrase)
    except DomainError as exc:
        raise DomainError("KEY_FILE_PASSPHRASE_TOO_SHORT", field="passphrase", min=k.RECOVERY_PASSPHRASE_MIN) from exc


def key_file_bytes(current: k.OfficeKeys, retired: list[k.RetiredKeys], office_code: str, office_name: str,
                   passphrase: str) -> bytes:
    """The file's bytes (written by the caller, mode 0600, with ``keys.write_private_file``)."""
    passphrase = checked_passphrase(passphrase)
    inner = {"office_code": office_code, "key_id": current.key_id,
             "current": {"secret": k.b64e(current.secret_bytes()), "endorsement": current.endorsement},
             "retired": [{"secret": k.b64e(old.keys.secret_bytes()), "endorsement": old.keys.endorsement,
                          "rotated_at": old.rotated_at} for old in retired]}
    body: dict[str, Any] = {"kind": KEY_FILE_KIND, "format_version": KEY_FILE_FORMAT_VERSION,
                            "office": {"code": office_code, "name": office_name}, "key_id": current.key_id,
                            "fingerprint": current.fingerprint, "count": 1 + len(retired), "created_at": k.utc_now()}
    body.update(k.passphrase_seal(json.dumps(inner, sort_keys=True).encode("utf-8"), passphrase))
    return (json.dumps(body, ensure_ascii=False, indent=2) + "\n").encode("utf-8")


def read_header(data: bytes, name: str) -> KeyFileHeader:
    """The clear part, checked for shape (no passphrase needed). KEY_FILE_INVALID, KEY_FILE_TOO_NEW."""
    return _header(_body(data, name), name)


def open_key_file(data: bytes, name: str, passphrase: str | None) -> OfficeKeyFile:
    """The keys a file holds, each checked against the key id it is stored with, and the sealed
    part's office and key against the clear part's. ``name`` is the file's name, for the refusals."""
    body = _body(data, name)
    header = _header(body, name)
    try:
        opened = k.passphrase_open(body, passphrase)
    except nacl.exceptions.CryptoError as exc:
        raise DomainError("KEY_FILE_PASSPHRASE_WRONG", field="passphrase", file=name) from exc
    except (ValueError, KeyError, TypeError) as exc:
        raise _invalid(name, exc) from exc
    if opened is None:
        raise DomainError("KEY_FILE_PASSPHRASE_REQUIRED", field="passphrase", file=name)
    try:
        inner = safe_json.loads(opened, max_bytes=KEY_FILE_MAX_BYTES)
        if not isinstance(inner, dict):
            raise ValueError("sealed part must be an object")
        current = _keys(inner["current"])
        retired_rows = inner["retired"]
        if not isinstance(retired_rows, list) or len(retired_rows) > MAX_RETIRED:
            raise ValueError("retired must be a short list")
        retired = [k.RetiredKeys(_keys(row), _short(row.get("rotated_at", ""))) for row in retired_rows]
        if (inner["office_code"], inner["key_id"], current.key_id, current.fingerprint, 1 + len(retired)) != \
                (header.office_code, header.key_id, header.key_id, header.fingerprint, header.count):
            raise ValueError("the sealed part does not match the clear part")
    except (ValueError, KeyError, TypeError, AttributeError) as exc:
        raise _invalid(name, exc) from exc
    return OfficeKeyFile(header, current, retired)


def _body(data: bytes, name: str) -> dict[str, Any]:
    try:
        body = safe_json.loads(data, max_bytes=KEY_FILE_MAX_BYTES)
        if not isinstance(body, dict) or body.get("kind") != KEY_FILE_KIND:
            raise ValueError("not an office key file")
        version = body.get("format_version")
        if not isinstance(version, int) or isinstance(version, bool) or version < 1:
            raise ValueError("bad format_version")
    except (ValueError, TypeError) as exc:
        raise _invalid(name, exc) from exc
    if version > KEY_FILE_FORMAT_VERSION:
        raise DomainError("KEY_FILE_TOO_NEW", field="file", file=name, version=version,
                          supported=KEY_FILE_FORMAT_VERSION)
    if body.get("protection") != k.RECOVERY_PROTECTED or body.get("kdf") != "argon2id":
        raise _invalid(name, ValueError("unknown protection"))
    return body


def _header(body: dict[str, Any], name: str) -> KeyFileHeader:
    try:
        office, count = body["office"], body["count"]
        if not isinstance(office, dict) or not isinstance(count, int) or isinstance(count, bool) \
                or not 1 <= count <= 1 + MAX_RETIRED:
            raise ValueError("bad office or count")
        key_id = _short(body["key_id"])
        if len(key_id) != 16 or any(ch not in "0123456789abcdef" for ch in key_id):
            raise ValueError("bad key_id")
        return KeyFileHeader(k.unit_code(office["code"], OFFICE_CODE), _short(office["name"]), key_id,
                             _short(body["fingerprint"]), count, _short(body["created_at"]))
    except (ValueError, KeyError, TypeError) as exc:
        raise _invalid(name, exc) from exc


def _keys(row: Any) -> k.OfficeKeys:
    if not isinstance(row, dict):
        raise ValueError("a key must be an object")
    endorsement = row.get("endorsement")
    if endorsement is not None and not (isinstance(endorsement, dict)
                                        and all(isinstance(v, str) for v in endorsement.values())):
        raise ValueError("bad endorsement")
    return k.OfficeKeys.from_secret_bytes(k.b64d(row["secret"], 64), endorsement)


def _short(value: Any) -> str:
    if not isinstance(value, str) or not value or len(value) > 200:
        raise ValueError("expected a short non-empty string")
    return value


def _invalid(name: str, exc: BaseException) -> DomainError:
    # The reason stays in the exception for the log file's trace; it never holds key material
    # (the messages above name fields, not values).
    return DomainError("KEY_FILE_INVALID", field="file", file=name, reason=str(exc)[:200])


def read_key_file(path: Path) -> bytes:
    """A key file's bytes; KEY_FILE_INVALID when it is larger than any real one, FILE_UNREADABLE
    when it cannot be read (the stick was pulled out), FILE_NOT_FOUND when it is not there."""
    try:
        if not path.is_file():
            raise DomainError("FILE_NOT_FOUND", field="file", value=str(path))
        if path.stat().st_size > KEY_FILE_MAX_BYTES:
            raise _invalid(path.name, ValueError("too large"))
        return path.read_bytes()
    except OSError as exc:
        raise DomainError("FILE_UNREADABLE", field="file", value=str(path)) from exc
