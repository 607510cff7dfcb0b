"""Office keys, the protected key store, the province's recovery key and the enrolment file.

Every office holds an Ed25519 signing key and an X25519 encryption ("box") key. Public keys are
named by a ``key_id`` (16 hex characters) and shown to people as a ``fingerprint`` such as
``7KQ4-M2XH-9DPA-RT3F`` that two officers compare over the phone. The byte-exact formats are in
``docs/sync-format.md``. The key-encryption keys that seal the private keys, and the writing of
private files, are in ``kek.py``; their names are re-exported here, where callers import them."""

from __future__ import annotations

import base64
import hashlib
import json
import re
import unicodedata
import uuid
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import nacl.exceptions
import nacl.public
import nacl.pwhash
import nacl.secret
import nacl.signing
import nacl.utils

from ..domain.errors import DomainError
from . import safe_json
from .kek import KEK_ID
from .kek import KEK_MAGIC as KEK_MAGIC  # `as`: re-exported (mypy's no_implicit_reexport)
from .kek import new_kek as new_kek
from .kek import read_kek as read_kek
from .kek import write_private_file as write_private_file

FINGERPRINT_ALPHABET = "23456789ABCDEFGHJKLMNPQRSTUVWXYZ"  # 32 symbols: no 0/O, no 1/I
ENROLLMENT_FORMAT_VERSION = 1
ENROLLMENT_KIND = "thidua-enrollment"
ENROLLMENT_MAX_BYTES = 64 * 1024  # a real enrolment file is about 1 kB
PROVINCE_CODE = re.compile(r"[0-9]{2}")
COMMUNE_CODE = re.compile(r"[0-9]{5}")
ENROLLMENT_CONTEXT = b"thidua-enrollment-v1\n"
ROTATION_CONTEXT = b"thidua-key-rotation-v1\n"
RECOVERY_KIND = "thidua-recovery-key"


def b64e(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")


def b64d(value: Any, size: int | None = None) -> bytes:
    """Strict base64 (standard alphabet, padded); ValueError on anything else or a wrong length."""
    if not isinstance(value, str):
        raise ValueError("not a base64 string")
    data = base64.b64decode(value.encode("ascii"), validate=True)
    if size is not None and len(data) != size:
        raise ValueError(f"expected {size} bytes, got {len(data)}")
    return data


def utc_now() -> str:
    return datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def key_id_of(*public_keys: bytes) -> str:
    """First 16 hex characters of SHA-256 over the public keys, concatenated (sign key first)."""
    return hashlib.sha256(b"".join(public_keys)).hexdigest()[:16]


def fingerprint_of(*public_keys: bytes) -> str:
    """80 bits of SHA-256 over the public keys as 16 symbols of FINGERPRINT_ALPHABET, 4 groups of 4."""
    number = int.from_bytes(hashlib.sha256(b"".join(public_keys)).digest()[:10], "big")
    symbols = "".join(FINGERPRINT_ALPHABET[(number >> (75 - 5 * i)) & 31] for i in range(16))
    return "-".join(symbols[i:i + 4] for i in range(0, 16, 4))


@dataclass(frozen=True)
class PublicKeys:
    """An office's public half: 32-byte Ed25519 verify key and 32-byte X25519 public key."""

    sign_key: bytes
    box_key: bytes

    @property
    def key_id(self) -> str:
        return key_id_of(self.sign_key, self.box_key)

    @property
    def fingerprint(self) -> str:
        return fingerprint_of(self.sign_key, self.box_key)

    def verify(self, message: bytes, signature: bytes) -> bool:
        return verify_signature_bytes(self.sign_key, message, signature)

    def to_dict(self) -> dict[str, str]:
        return {"key_id": self.key_id, "sign_key": b64e(self.sign_key), "box_key": b64e(self.box_key)}

    @classmethod
    def from_dict(cls, data: Any) -> PublicKeys:
        """Raises ValueError when the keys are malformed or the stated key_id does not match."""
        if not isinstance(data, dict):
            raise ValueError("public keys must be an object")
        keys = cls(b64d(data.get("sign_key"), 32), b64d(data.get("box_key"), 32))
        if "key_id" in data and data["key_id"] != keys.key_id:
            raise ValueError("key_id does not match the keys")
        return keys


def verify_signature_bytes(sign_key: bytes, message: bytes, signature: bytes) -> bool:
    try:
        nacl.signing.VerifyKey(sign_key).verify(message, signature)
    except (nacl.exceptions.BadSignatureError, nacl.exceptions.ValueError, nacl.exceptions.TypeError):
        return False
    return True


class OfficeKeys:
    """An office's private keys. ``endorsement`` is set after a rotation (see ``endorse``)."""

    def __init__(self, signing_key: nacl.signing.SigningKey, box_key: nacl.public.PrivateKey,
                 endorsement: dict[str, str] | None = None) -> None:
        self.signing_key = signing_key
        self.box_private = box_key
        self.endorsement = endorsement

    @classmethod
    def generate(cls) -> OfficeKeys:
        return cls(nacl.signing.SigningKey.generate(), nacl.public.PrivateKey.generate())

    def public(self) -> PublicKeys:
        return PublicKeys(bytes(self.signing_key.verify_key), bytes(self.box_private.public_key))

    @property
    def key_id(self) -> str:
        return self.public().key_id

    @property
    def fingerprint(self) -> str:
        return self.public().fingerprint

    @property
    def box_key_id(self) -> str:
        return key_id_of(bytes(self.box_private.public_key))

    def sign(self, message: bytes) -> bytes:
        return self.signing_key.sign(message).signature

    def unseal(self, sealed: bytes) -> bytes:
        return nacl.public.SealedBox(self.box_private).decrypt(sealed)

    def secret_bytes(self) -> bytes:
        """64 bytes: the Ed25519 seed, then the X25519 private key. Keep it out of files."""
        return bytes(self.signing_key) + bytes(self.box_private)

    @classmethod
    def from_secret_bytes(cls, data: bytes, endorsement: dict[str, str] | None = None) -> OfficeKeys:
        if len(data) != 64:
            raise ValueError("office secret must be 64 bytes")
        return cls(nacl.signing.SigningKey(data[:32]), nacl.public.PrivateKey(data[32:]), endorsement)


class RecoveryKeys:
    """The province's recovery X25519 key pair. The app keeps only the public half."""

    def __init__(self, private_key: nacl.public.PrivateKey) -> None:
        self.private_key = private_key

    @property
    def public_key(self) -> bytes:
        return bytes(self.private_key.public_key)

    @property
    def key_id(self) -> str:
        return key_id_of(self.public_key)

    box_key_id = key_id

    @property
    def fingerprint(self) -> str:
        return fingerprint_of(self.public_key)

    def unseal(self, sealed: bytes) -> bytes:
        return nacl.public.SealedBox(self.private_key).decrypt(sealed)

    def export_recovery_private(self, path: Path, passphrase: str | None = None, overwrite: bool = False) -> None:
        """Write the private half, mode 0600 (never over an existing file unless ``overwrite``),
        encrypted under ``passphrase`` when one is given (Argon2id + SecretBox, see
        ``_recovery_kek``). The file's ``protection`` says which: "argon2id-secretbox" or "none"."""
        body: dict[str, Any] = {"kind": RECOVERY_KIND, "format_version": 1, "key_id": self.key_id,
                                "fingerprint": self.fingerprint, "public_key": b64e(self.public_key),
                                "created_at": utc_now()}
        secret = bytes(self.private_key)
        if passphrase is not None:
            body.update(passphrase_seal(secret, passphrase, "private_key"))
        else:
            body.update(protection="none", private_key=b64e(secret))
        write_private_file(Path(path), json.dumps(body, indent=2).encode("utf-8") + b"\n", overwrite=overwrite)


# The recovery key opens every commune's bundles and lives offline, unlocked a few times in its
# life, so the KDF may be slow: libsodium's MODERATE (3 passes over 256 MiB) takes about 0.5 s
# here and 1-2 s on a modest office laptop, which a brute-force attack on a stolen stick pays per
# guess. SENSITIVE (1 GiB, 5 s here) would fail on the 4 GB laptops some offices still use.
RECOVERY_PROTECTED = "argon2id-secretbox"
RECOVERY_OPSLIMIT = nacl.pwhash.argon2id.OPSLIMIT_MODERATE
RECOVERY_MEMLIMIT = nacl.pwhash.argon2id.MEMLIMIT_MODERATE
RECOVERY_PASSPHRASE_MIN = 8  # characters; the KDF slows guessing, it cannot save "1234"


def checked_recovery_passphrase(passphrase: str) -> str:
    """The passphrase in NFC (a Vietnamese keyboard may send NFD: the same words must open the
    file); RECOVERY_PASSPHRASE_TOO_SHORT under RECOVERY_PASSPHRASE_MIN characters."""
    text = unicodedata.normalize("NFC", passphrase)
    if len(text.strip()) < RECOVERY_PASSPHRASE_MIN:
        raise DomainError("RECOVERY_PASSPHRASE_TOO_SHORT", field="passphrase", min=RECOVERY_PASSPHRASE_MIN)
    return text


def _recovery_kek(passphrase: str, salt: bytes, opslimit: int, memlimit: int) -> bytes:
    return nacl.pwhash.argon2id.kdf(nacl.secret.SecretBox.KEY_SIZE, unicodedata.normalize("NFC", passphrase)
                                    .encode("utf-8"), salt, opslimit=opslimit, memlimit=memlimit)


def passphrase_seal(secret: bytes, passphrase: str, field: str = "sealed") -> dict[str, Any]:
    """The fields a file keeps for ``secret`` under ``passphrase`` (checked first): Argon2id with
    the recovery key's limits, then SecretBox, ciphertext in ``field``. Read by ``passphrase_open``;
    the recovery key file and the office key file (sync/key_file.py) both use it."""
    passphrase = checked_recovery_passphrase(passphrase)
    salt, ops, mem = nacl.utils.random(nacl.pwhash.argon2id.SALTBYTES), RECOVERY_OPSLIMIT, RECOVERY_MEMLIMIT
    sealed = nacl.secret.SecretBox(_recovery_kek(passphrase, salt, ops, mem)).encrypt(secret)
    return {"protection": RECOVERY_PROTECTED, "kdf": "argon2id", "salt": b64e(salt), "opslimit": ops,
            "memlimit": mem, field: b64e(bytes(sealed))}


def passphrase_open(body: dict[str, Any], passphrase: str | None, field: str = "sealed") -> bytes | None:
    """The secret ``passphrase_seal`` put in ``body``; None when no passphrase was given (the fields
    are checked first). ValueError, KeyError or TypeError: malformed fields; nacl CryptoError: a
    wrong passphrase or an altered ciphertext."""
    ops, mem = body["opslimit"], body["memlimit"]
    # A forged file must not make us spend minutes or gigabytes before refusing.
    if not (type(ops) is int and type(mem) is int  # a JSON true is no limit
            and nacl.pwhash.argon2id.OPSLIMIT_MIN <= ops <= nacl.pwhash.argon2id.OPSLIMIT_SENSITIVE
            and nacl.pwhash.argon2id.MEMLIMIT_MIN <= mem <= nacl.pwhash.argon2id.MEMLIMIT_SENSITIVE):
        raise ValueError("key derivation limits out of range")
    salt, sealed = b64d(body["salt"], nacl.pwhash.argon2id.SALTBYTES), b64d(body[field])
    if not passphrase:
        return None
    return nacl.secret.SecretBox(_recovery_kek(passphrase, salt, ops, mem)).decrypt(sealed)


def generate_recovery() -> RecoveryKeys:
    return RecoveryKeys(nacl.public.PrivateKey.generate())


def recovery_is_protected(path: Path) -> bool:
    """Whether a recovery key file needs a passphrase (False for anything unreadable: loading it
    then says what is wrong)."""
    try:
        body = safe_json.loads(Path(path).read_bytes(), max_bytes=64 * 1024)
    except (OSError, ValueError, TypeError):
        return False
    return isinstance(body, dict) and body.get("protection") == RECOVERY_PROTECTED


def load_recovery_private(path: Path, passphrase: str | None = None) -> RecoveryKeys:
    """Read a file written by ``export_recovery_private``. Refusals: RECOVERY_PASSPHRASE_REQUIRED
    (protected, none given), RECOVERY_PASSPHRASE_WRONG, RECOVERY_KEY_INVALID (anything else)."""
    try:
        body = safe_json.loads(Path(path).read_bytes(), max_bytes=64 * 1024)
        if not isinstance(body, dict) or body.get("kind") != RECOVERY_KIND:
            raise ValueError("not a recovery key file")
        protection = body.get("protection", "none")
        if protection == RECOVERY_PROTECTED:
            try:
                opened = passphrase_open(body, passphrase, "private_key")
            except nacl.exceptions.CryptoError as exc:
                raise DomainError("RECOVERY_PASSPHRASE_WRONG", field="passphrase", file=Path(path).name) from exc
            if opened is None:
                raise DomainError("RECOVERY_PASSPHRASE_REQUIRED", field="passphrase")
            secret = opened
        elif protection == "none":
            secret = b64d(body["private_key"], 32)
        else:
            raise ValueError("unknown protection")
        keys = RecoveryKeys(nacl.public.PrivateKey(secret))
        if b64d(body["public_key"], 32) != keys.public_key:
            raise ValueError("public key does not match the private key")
    except DomainError:
        raise
    except (OSError, ValueError, KeyError, TypeError, AttributeError, nacl.exceptions.CryptoError) as exc:
        raise DomainError("RECOVERY_KEY_INVALID", field="file", file=Path(path).name, reason=str(exc)) from exc
    return keys


def protect_recovery_file(path: Path, passphrase: str, old_passphrase: str | None = None) -> str:
    """Put a passphrase on a recovery key file (or change it), in place and atomically: the file
    holds the old form or the new one, never neither. Returns the key's fingerprint."""
    keys = load_recovery_private(path, old_passphrase)
    keys.export_recovery_private(Path(path), passphrase, overwrite=True)
    return keys.fingerprint


def endorse(old: OfficeKeys, new: PublicKeys) -> dict[str, str]:
    """The old signing key vouches for the new public keys (carried in bundle headers after a rotation)."""
    message = ROTATION_CONTEXT + new.sign_key + new.box_key
    return {"previous_key_id": old.key_id, "signature": b64e(old.sign(message))}


def check_endorsement(new: PublicKeys, endorsement: Any, previous_sign_key: bytes) -> bool:
    """True when ``endorsement`` was made by ``previous_sign_key`` for exactly ``new``."""
    try:
        signature = b64d(endorsement["signature"], 64)
    except (KeyError, TypeError, ValueError):
        return False
    return verify_signature_bytes(previous_sign_key, ROTATION_CONTEXT + new.sign_key + new.box_key, signature)


# --- enrolment file (province -> commune) ---------------------------------------------------

@dataclass(frozen=True)
class Enrollment:
    format_version: int
    enrollment_id: str
    province_code: str
    province_name: str
    province_keys: PublicKeys
    recovery_public: bytes
    recovery_key_id: str
    commune_code: str
    commune_name: str
    created_at: str

    @property
    def province_fingerprint(self) -> str:
        return self.province_keys.fingerprint

    @property
    def recovery_fingerprint(self) -> str:
        return fingerprint_of(self.recovery_public)


def make_enrollment(province_keys: OfficeKeys, province_code: str, province_name: str, commune_code: str,
                    commune_name: str, recovery_public: bytes) -> bytes:
    """A signed JSON file: ``{"kind", "body": "<exact JSON text>", "signature": base64}``."""
    if len(recovery_public) != 32:
        raise ValueError("recovery_public must be a 32-byte X25519 public key")
    public = province_keys.public()
    body = {
        "format_version": ENROLLMENT_FORMAT_VERSION, "enrollment_id": str(uuid.uuid4()), "created_at": utc_now(),
        "province": {"code": province_code, "name": province_name, **public.to_dict(),
                     "fingerprint": public.fingerprint},
        "recovery": {"box_key": b64e(recovery_public), "key_id": key_id_of(recovery_public)},
        "commune": {"code": commune_code, "name": commune_name},
    }
    text = json.dumps(body, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    signature = province_keys.sign(ENROLLMENT_CONTEXT + text.encode("utf-8"))
    envelope = {"kind": ENROLLMENT_KIND, "body": text, "signature": b64e(signature)}
    return (json.dumps(envelope, ensure_ascii=False, indent=2) + "\n").encode("utf-8")


def read_enrollment(data: bytes, expected_commune_code: str | None) -> Enrollment:
    """Check the signature with the embedded province key (trust is then established by comparing
    ``province_fingerprint`` over the phone) and that the file was made for ``expected_commune_code``
    (None before setup: the file then tells which commune it is for)."""
    try:
        envelope = safe_json.loads(data, max_bytes=ENROLLMENT_MAX_BYTES)
        if not isinstance(envelope, dict) or envelope.get("kind") != ENROLLMENT_KIND:
            raise ValueError("not an enrolment file")
        text, signature = envelope["body"], b64d(envelope["signature"], 64)
        if not isinstance(text, str):
            raise ValueError("body must be a string")
        body = safe_json.loads(text, max_bytes=ENROLLMENT_MAX_BYTES)
        if not isinstance(body, dict):
            raise ValueError("body must be an object")
        version = body["format_version"]
        if not isinstance(version, int) or isinstance(version, bool) or version < 1:
            raise ValueError("bad format_version")
        if version > ENROLLMENT_FORMAT_VERSION:
            raise DomainError("ENROLLMENT_TOO_NEW", version=version, supported=ENROLLMENT_FORMAT_VERSION)
        province, recovery, commune = body["province"], body["recovery"], body["commune"]
        keys = PublicKeys.from_dict(province)
        if not keys.verify(ENROLLMENT_CONTEXT + text.encode("utf-8"), signature):
            raise ValueError("signature does not verify")
        recovery_public = b64d(recovery["box_key"], 32)
        if recovery.get("key_id") != key_id_of(recovery_public):
            raise ValueError("recovery key_id does not match")
        enrollment = Enrollment(
            format_version=version, enrollment_id=_text(body["enrollment_id"]),
            province_code=unit_code(province["code"], PROVINCE_CODE), province_name=_text(province["name"]),
            province_keys=keys, recovery_public=recovery_public, recovery_key_id=key_id_of(recovery_public),
            commune_code=unit_code(commune["code"], COMMUNE_CODE), commune_name=_text(commune["name"]),
            created_at=_text(body["created_at"]))
    except DomainError:
        raise
    except (ValueError, KeyError, TypeError, AttributeError) as exc:
        raise DomainError("ENROLLMENT_INVALID", reason=str(exc)[:200]) from exc
    if expected_commune_code is not None and enrollment.commune_code != expected_commune_code:
        raise DomainError("ENROLLMENT_WRONG_UNIT", field="unit_code", expected=expected_commune_code,
                          got=enrollment.commune_code, got_name=enrollment.commune_name)
    return enrollment


def _text(value: Any) -> str:
    if not isinstance(value, str) or not value or len(value) > 200:
        raise ValueError("expected a short non-empty string")
    return value


def unit_code(value: Any, pattern: re.Pattern[str]) -> str:
    """A unit code as the administrative list writes it (2 digits for a province, 5 for a commune
    or ward): anything else, such as ``../../etc/passwd``, is refused before it is stored or used."""
    if not isinstance(value, str) or not pattern.fullmatch(value):
        raise ValueError("bad unit code")
    return value


# --- protected key store ------------------------------------------------------------------

KEYSTORE_FILE = "office-keys.json"


@dataclass(frozen=True)
class RetiredKeys:
    """Keys replaced by a rotation, kept for a grace period (old bundles still open and verify)."""

    keys: OfficeKeys
    rotated_at: str


class KeyStore:
    """The office's private keys in ``folder/office-keys.json``, each sealed with SecretBox under a
    key-encryption key (KEK) kept in ``kek_folder`` (the user's config folder, never the data folder),
    so a copied data folder or a backup carries no usable private key. Both files are mode 0600. On
    Windows the KEK is also protected with DPAPI, which binds it to the Windows user account."""

    def __init__(self, folder: Path, kek_folder: Path) -> None:
        self.folder, self.kek_folder = Path(folder), Path(kek_folder)
        if self.folder.resolve() == self.kek_folder.resolve():
            raise ValueError("the KEK must be kept in another folder than the key store")

    @property
    def path(self) -> Path:
        return self.folder / KEYSTORE_FILE

    def exists(self) -> bool:
        return self.path.exists()

    def create(self) -> OfficeKeys:
        """New office keys and a new KEK; refuses to replace an existing store (use ``rotate``)."""
        if self.exists():
            raise FileExistsError(self.path)
        keys, (kek_id, kek) = OfficeKeys.generate(), new_kek(self.kek_folder)
        self._save({"format_version": 1, "kek_id": kek_id, "current": _entry(keys, kek), "previous": []})
        return keys

    def load(self) -> OfficeKeys:
        doc, kek = self._open()
        return _unseal(doc["current"], kek)

    def previous(self) -> list[RetiredKeys]:
        doc, kek = self._open()
        return [RetiredKeys(_unseal(entry, kek), str(entry.get("rotated_at", ""))) for entry in doc["previous"]]

    def all_keys(self) -> list[OfficeKeys]:
        """Current keys first, then the retired ones: pass this to ``open_bundle``."""
        return [self.load(), *(retired.keys for retired in self.previous())]

    def rotate(self, keep: int = 3) -> OfficeKeys:
        """New keys, endorsed by the old signing key; the old ones are kept (at most ``keep``)."""
        doc, kek = self._open()
        old = _unseal(doc["current"], kek)
        new = OfficeKeys.generate()
        new.endorsement = endorse(old, new.public())
        doc["previous"] = [{**doc["current"], "rotated_at": utc_now()}, *doc["previous"]][:keep]
        doc["current"] = _entry(new, kek)
        self._save(doc)
        return new

    def install(self, current: OfficeKeys, retired: list[RetiredKeys]) -> None:
        """Keys carried from another computer of the same office (sync/key_file.py), sealed under a
        new KEK of this computer's own, replacing what this store held."""
        kek_id, kek = new_kek(self.kek_folder)
        self._save({"format_version": 1, "kek_id": kek_id, "current": _entry(current, kek),
                    "previous": [{**_entry(old.keys, kek), "rotated_at": old.rotated_at} for old in retired]})

    def forget_previous(self, key_id: str) -> None:
        """End the grace period of one retired key (e.g. after it was revoked)."""
        doc, _ = self._open()
        doc["previous"] = [entry for entry in doc["previous"] if entry.get("key_id") != key_id]
        self._save(doc)

    def _save(self, doc: dict[str, Any]) -> None:
        write_private_file(self.path, (json.dumps(doc, indent=2) + "\n").encode("utf-8"))

    def _open(self) -> tuple[dict[str, Any], bytes]:
        if not self.exists():
            raise DomainError("KEY_MISSING", key_id="")
        try:
            doc = json.loads(self.path.read_bytes().decode("utf-8"))
            kek_id, key_id = doc["kek_id"], doc["current"]["key_id"]
            if not isinstance(doc["previous"], list) or not KEK_ID.fullmatch(kek_id):
                raise ValueError("malformed key store")
        except (OSError, ValueError, KeyError, TypeError) as exc:
            raise DomainError("KEY_UNREADABLE", reason=str(exc)) from exc
        kek = read_kek(self.kek_folder, kek_id, key_id)
        return doc, kek


def _entry(keys: OfficeKeys, kek: bytes) -> dict[str, Any]:
    sealed = nacl.secret.SecretBox(kek).encrypt(keys.secret_bytes())
    return {**keys.public().to_dict(), "created_at": utc_now(), "endorsement": keys.endorsement,
            "sealed": b64e(bytes(sealed))}


def _unseal(entry: dict[str, Any], kek: bytes) -> OfficeKeys:
    try:
        secret = nacl.secret.SecretBox(kek).decrypt(b64d(entry["sealed"]))
        keys = OfficeKeys.from_secret_bytes(secret, entry.get("endorsement"))
        if keys.key_id != entry["key_id"]:
            raise ValueError("keys do not match their key_id")
    except (KeyError, TypeError, ValueError, nacl.exceptions.CryptoError) as exc:
        raise DomainError("KEY_UNREADABLE", key_id=str(entry.get("key_id", "")), reason=str(exc)) from exc
    return keys
