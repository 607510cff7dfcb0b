"""Account passwords (Argon2id, PyNaCl's ``pwhash``) and small secrets sealed on this computer.

It sits beside keys.py because it is the same kind of work with the same library: the accounts
service (services/accounts.py) and the server connection (services/server_setup.py) call it; no
database here."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import nacl.exceptions
import nacl.pwhash
import nacl.secret

from ..domain.errors import DomainError
from .keys import b64d, b64e, new_kek, read_kek, write_private_file

# The account password hash. RFC 9106 (section 4) gives two recommended Argon2id settings; its
# second, for machines that cannot spare 2 GiB, is 3 passes over 64 MiB, one lane. On the office
# PCs this app runs on (a 4 GB laptop, an older Core i3) it takes about 0.2-0.6 s: paid once at each
# sign-in, and by an attacker for every guess against a copied accounts table. libsodium's MODERATE
# (256 MiB) would take one to two seconds there and compete with the app for memory; its INTERACTIVE
# (2 passes) is a third cheaper for the attacker as well. Tests lower both (monkeypatch), as they do
# for the recovery key (keys.RECOVERY_OPSLIMIT).
OPSLIMIT = 3
MEMLIMIT = 64 * 1024 * 1024
_PARAMS = re.compile(r"\$argon2id\$v=19\$m=(\d+),t=(\d+),p=1\$")

SEALED_FORMAT_VERSION = 1


def hash_password(password: str) -> str:
    """The encoded Argon2id hash ("$argon2id$v=19$m=…,t=…,p=1$salt$hash"): the salt and the
    parameters travel in the string, so raising them later still verifies older hashes."""
    return nacl.pwhash.argon2id.str(password.encode("utf-8"), opslimit=OPSLIMIT, memlimit=MEMLIMIT).decode("ascii")


def verify_password(encoded: str, password: str) -> bool:
    """Whether ``password`` matches ``encoded``; False for a wrong password and for a hash that is
    not one of ours (a damaged row signs nobody in)."""
    try:
        return bool(nacl.pwhash.verify(encoded.encode("ascii"), password.encode("utf-8")))
    except (nacl.exceptions.InvalidkeyError, nacl.exceptions.CryptoError, ValueError, UnicodeEncodeError):
        return False


def needs_rehash(encoded: str) -> bool:
    """True when the hash was made with other parameters than today's: it is replaced at the next
    sign-in, the one moment the plain password is at hand."""
    match = _PARAMS.match(encoded)
    return match is None or (int(match.group(1)) * 1024, int(match.group(2))) != (MEMLIMIT, OPSLIMIT)


_DUMMY: dict[tuple[int, int], str] = {}


def burn_time(password: str) -> None:
    """Verify against a hash of nothing, so a sign-in with an unknown username costs the same time
    as one with a wrong password (the time would otherwise tell which usernames exist)."""
    key = (OPSLIMIT, MEMLIMIT)
    if key not in _DUMMY:
        _DUMMY[key] = hash_password("thidua-no-such-account")
    verify_password(_DUMMY[key], password)


def seal_secret(path: Path, secret: str, kek_folder: Path, **extra: str) -> None:
    """Write ``secret`` to ``path`` sealed (SecretBox) under a new key-encryption key kept in
    ``kek_folder`` (the user's config folder, DPAPI-protected on Windows), as the database key is
    kept (database_key.py): the data folder copied elsewhere holds nothing that opens it."""
    kek_id, kek = new_kek(kek_folder)
    sealed = nacl.secret.SecretBox(kek).encrypt(secret.encode("utf-8"))
    doc: dict[str, Any] = {"format_version": SEALED_FORMAT_VERSION, "kek_id": kek_id, "sealed": b64e(bytes(sealed)),
                           **extra}
    write_private_file(path, (json.dumps(doc, indent=2) + "\n").encode("utf-8"))


def unseal_secret(path: Path, kek_folder: Path) -> str:
    """The secret ``seal_secret`` wrote; SECRET_UNREADABLE when the file, its key-encryption key
    (another computer, another Windows account) or the seal does not open."""
    try:
        doc = json.loads(path.read_bytes().decode("utf-8"))
        if not isinstance(doc, dict) or doc.get("format_version") != SEALED_FORMAT_VERSION:
            raise ValueError("unknown sealed-secret format")
        kek = read_kek(kek_folder, str(doc["kek_id"]))
        return nacl.secret.SecretBox(kek).decrypt(b64d(doc["sealed"])).decode("utf-8")
    except (OSError, ValueError, KeyError, TypeError, DomainError, nacl.exceptions.CryptoError) as exc:
        raise DomainError("SECRET_UNREADABLE", field="file", value=str(path)) from exc
