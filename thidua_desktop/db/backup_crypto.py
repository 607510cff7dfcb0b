"""Encrypted members of a backup zip: the database copy and the attachments, streamed through
libsodium's secretstream (XChaCha20-Poly1305) in chunks, so a 2 GB backup never sits in memory.

Each backup gets its own random 32-byte data key (``new_key``). The key itself is stored in the
manifest only sealed (``seal_key``, X25519 SealedBox) to public keys the office already holds:

- the office's own box key (its private half is in the key store, under a KEK kept by DPAPI on
  Windows or in a 0600 file of the user's config folder elsewhere: see ``sync/keys.py``), so this
  computer restores without asking anything;
- the province's recovery key (``recovery_public``), so when the computer is stolen or its disk
  dies, the province's offline recovery key (passphrase-protected) still opens the backup.

A copied data folder or a lost USB stick with backups on it therefore holds no readable personal
data. ``open_key`` finds the data key again with whichever private keys are at hand.

One encrypted member, byte by byte (all integers big-endian)::

    MAGIC (8) | flags (1: bit 0 = zlib-compressed before encryption) | key check (16)
    | secretstream header (24) | frames: length (4) + ciphertext (≤ CHUNK + 17) …

The last frame carries TAG_FINAL: a missing one means the member was cut short, bytes after it
mean it was tampered with. Every frame authenticates the whole prefix and the caller's
``context`` (the member's name in the zip), so members cannot be swapped or truncated unnoticed.
The key check (a keyed BLAKE2b of the data key) tells "wrong key" from "damaged" before any
frame is read; it reveals nothing about the key.

Use (tests/db/test_backup_crypto.py shows both sides on a real zip):

- writer: ``key = new_key()``; manifest ``"encryption": {"scheme": SCHEME, "wrapped_keys":
  seal_key(key, {"office": box public, "recovery": recovery public})}``; each member through
  ``zf.open(zipfile.ZipInfo(name), "w", force_zip64=True)`` (stored) and
  ``encrypt_fileobj(src, dst, key, context=name.encode())``;
- reader: ``key = open_key(manifest["encryption"]["wrapped_keys"], keystore.all_keys() [+ the
  recovery key], backup.name)``; each member ``decrypt_fileobj(zf.open(name), staged, key,
  context=name.encode(), max_bytes=limit, label=backup.name)``.

services/maintenance.py and services/restore.py do exactly this (format 2). The manifest also
says how many bytes the members expand to (``plain_bytes``): restore checks it against the free
space and never lets decryption write more. Whether a backup is encrypted is the manifest's to say
(format 1 had no ``encryption``); a clear member under an encrypted manifest is refused."""

from __future__ import annotations

import base64
import hashlib
import zlib
from collections.abc import Iterable, Iterator, Mapping
from pathlib import Path
from typing import IO, Protocol

import nacl.exceptions
import nacl.public
import nacl.secret
import nacl.utils
from nacl.bindings import (
    crypto_secretstream_xchacha20poly1305_ABYTES as ABYTES,
)
from nacl.bindings import (
    crypto_secretstream_xchacha20poly1305_HEADERBYTES as HEADERBYTES,
)
from nacl.bindings import (
    crypto_secretstream_xchacha20poly1305_init_pull,
    crypto_secretstream_xchacha20poly1305_init_push,
    crypto_secretstream_xchacha20poly1305_pull,
    crypto_secretstream_xchacha20poly1305_push,
    crypto_secretstream_xchacha20poly1305_state,
)
from nacl.bindings import (
    crypto_secretstream_xchacha20poly1305_TAG_FINAL as TAG_FINAL,
)
from nacl.bindings import (
    crypto_secretstream_xchacha20poly1305_TAG_MESSAGE as TAG_MESSAGE,
)

from ..domain.errors import DomainError

MAGIC = b"TDBKENC1"
SCHEME = "secretstream-xchacha20poly1305-v1"  # what the manifest names, for the reader to check
KEY_BYTES = 32
CHUNK = 256 * 1024  # plaintext bytes per frame: memory stays about this size whatever the backup
_FLAG_ZLIB = 0x01
_CHECK_BYTES = 16
_PREFIX = len(MAGIC) + 1 + _CHECK_BYTES
_SEALED_BYTES = KEY_BYTES + 48  # SealedBox: ephemeral public key (32) + MAC (16)


class Writer(Protocol):
    """Where a member's bytes go: a file, or a wrapper that hashes on the way (restore._Hashing)."""

    def write(self, data: bytes, /) -> int: ...


class Unsealer(Protocol):
    """What ``open_key`` needs of a private key: ``OfficeKeys`` and ``RecoveryKeys`` both fit."""

    @property
    def box_key_id(self) -> str: ...

    def unseal(self, sealed: bytes) -> bytes: ...


def new_key() -> bytes:
    """A fresh random data key for one backup."""
    return nacl.utils.random(KEY_BYTES)


def box_key_id(public_key: bytes) -> str:
    """Same naming as ``sync.keys.key_id_of`` for one X25519 public key."""
    return hashlib.sha256(public_key).hexdigest()[:16]


def key_check(key: bytes) -> bytes:
    return hashlib.blake2b(b"thidua-backup-key-check", key=key, digest_size=_CHECK_BYTES).digest()


# The data key in the manifest ----------------------------------------------------------------------
def seal_key(key: bytes, recipients: Mapping[str, bytes]) -> list[dict[str, str]]:
    """The data key sealed to each recipient's X25519 public key, for the manifest's
    ``encryption.wrapped_keys``: ``{"office": box public, "recovery": recovery public}``."""
    _check_key(key)
    return [{"role": role, "box_key_id": box_key_id(public),
             "sealed": base64.b64encode(nacl.public.SealedBox(nacl.public.PublicKey(public)).encrypt(key)).decode()}
            for role, public in recipients.items()]


def open_key(wrapped: object, candidates: Iterable[Unsealer], label: str = "") -> bytes:
    """The data key, unsealed with the first candidate private key it was sealed to.
    BACKUP_KEY_MISSING when none of them fits (a backup made on another computer: use the
    province's recovery key); BACKUP_NOT_OURS when ``wrapped`` is not a list of sealed keys."""
    if not isinstance(wrapped, list) or not all(isinstance(w, dict) for w in wrapped):
        raise DomainError("BACKUP_NOT_OURS", field="file", value=label)
    by_id = {str(w.get("box_key_id")): w for w in wrapped}
    for candidate in candidates:
        entry = by_id.get(candidate.box_key_id)
        if entry is None:
            continue
        try:
            sealed = base64.b64decode(str(entry.get("sealed", "")), validate=True)
            if len(sealed) != _SEALED_BYTES:
                raise ValueError("bad sealed key length")
            key = candidate.unseal(sealed)
        except (ValueError, nacl.exceptions.CryptoError):
            continue
        if len(key) == KEY_BYTES:
            return key
    raise DomainError("BACKUP_KEY_MISSING", field="file", value=label)


# Streams --------------------------------------------------------------------------------------------
def encrypt_stream(src_path: Path, dst_path: Path, key: bytes, *, context: bytes = b"",
                   compress: bool = True) -> int:
    """Encrypt the file ``src_path`` into ``dst_path``; returns the plaintext size."""
    with Path(src_path).open("rb") as src, Path(dst_path).open("wb") as dst:
        return encrypt_fileobj(src, dst, key, context=context, compress=compress)


def decrypt_stream(src_path: Path, dst_path: Path, key: bytes, *, context: bytes = b"",
                   max_bytes: int | None = None, label: str = "") -> int:
    """Decrypt ``src_path`` into ``dst_path``; returns the plaintext size. On any refusal the
    partly written ``dst_path`` is removed (it would be a truncated database)."""
    dst_path = Path(dst_path)
    try:
        with Path(src_path).open("rb") as src, dst_path.open("wb") as dst:
            return decrypt_fileobj(src, dst, key, context=context, max_bytes=max_bytes, label=label)
    except BaseException:
        dst_path.unlink(missing_ok=True)
        raise


def encrypt_fileobj(src: IO[bytes], dst: Writer, key: bytes, *, context: bytes = b"",
                    compress: bool = True) -> int:
    """Read ``src`` to its end and write the encrypted member to ``dst`` (e.g. ``zipfile.open(name,
    "w")``: store such members with ZIP_STORED, ciphertext does not compress)."""
    _check_key(key)
    prefix = MAGIC + bytes([_FLAG_ZLIB if compress else 0]) + key_check(key)
    ad = prefix + context
    state = crypto_secretstream_xchacha20poly1305_state()
    header = crypto_secretstream_xchacha20poly1305_init_push(state, key)
    dst.write(prefix + header)
    packer = zlib.compressobj(6) if compress else None
    pending = bytearray()
    total = 0

    def frame(chunk: bytes, tag: int) -> None:
        cipher = crypto_secretstream_xchacha20poly1305_push(state, chunk, ad, tag)
        dst.write(len(cipher).to_bytes(4, "big") + cipher)

    while block := src.read(CHUNK):
        total += len(block)
        pending += packer.compress(block) if packer else block
        while len(pending) >= CHUNK:
            frame(bytes(pending[:CHUNK]), TAG_MESSAGE)
            del pending[:CHUNK]
    if packer:
        pending += packer.flush()
    while len(pending) > CHUNK:
        frame(bytes(pending[:CHUNK]), TAG_MESSAGE)
        del pending[:CHUNK]
    frame(bytes(pending), TAG_FINAL)
    return total


def decrypt_fileobj(src: IO[bytes], dst: Writer, key: bytes, *, context: bytes = b"",
                    max_bytes: int | None = None, label: str = "") -> int:
    """Write the plaintext of the member read from ``src`` to ``dst``; returns its size.
    Refusals: BACKUP_KEY_MISSING (made under another key), BACKUP_ENTRY_DAMAGED (tampered, cut
    short, not an encrypted member), BACKUP_ENTRY_TOO_LARGE (more than ``max_bytes``: a bomb)."""
    _check_key(key)
    entry = context.decode("utf-8", "replace")

    def damaged() -> DomainError:
        return DomainError("BACKUP_ENTRY_DAMAGED", field="file", value=label, entry=entry)

    prefix = src.read(_PREFIX)
    if len(prefix) != _PREFIX or prefix[:len(MAGIC)] != MAGIC or prefix[len(MAGIC)] & ~_FLAG_ZLIB:
        raise damaged()
    if prefix[len(MAGIC) + 1:] != key_check(key):
        raise DomainError("BACKUP_KEY_MISSING", field="file", value=label)
    header = src.read(HEADERBYTES)
    if len(header) != HEADERBYTES:
        raise damaged()
    ad = prefix + context
    state = crypto_secretstream_xchacha20poly1305_state()
    crypto_secretstream_xchacha20poly1305_init_pull(state, header, key)
    unpacker = zlib.decompressobj() if prefix[len(MAGIC)] & _FLAG_ZLIB else None
    total = 0

    def emit(data: bytes) -> None:
        nonlocal total
        total += len(data)
        if max_bytes is not None and total > max_bytes:
            raise DomainError("BACKUP_ENTRY_TOO_LARGE", field="file", value=label, entry=entry,
                              max_mb=max(1, max_bytes >> 20))
        dst.write(data)

    while True:
        size_bytes = src.read(4)
        if len(size_bytes) != 4:
            raise damaged()  # cut short before the final frame
        size = int.from_bytes(size_bytes, "big")
        if not ABYTES <= size <= CHUNK + ABYTES:
            raise damaged()
        cipher = src.read(size)
        if len(cipher) != size:
            raise damaged()
        try:
            chunk, tag = crypto_secretstream_xchacha20poly1305_pull(state, cipher, ad)
        except nacl.exceptions.CryptoError as exc:
            raise damaged() from exc
        try:
            for piece in _inflate(unpacker, chunk):
                emit(piece)
        except zlib.error as exc:
            raise damaged() from exc
        if tag == TAG_FINAL:
            break
        if tag != TAG_MESSAGE:
            raise damaged()
    if src.read(1):
        raise damaged()  # anything after the final frame was added by someone else
    if unpacker is not None:
        try:
            tail = unpacker.flush()
        except zlib.error as exc:
            raise damaged() from exc
        if not unpacker.eof or unpacker.unused_data:
            raise damaged()
        if tail:
            emit(tail)
    return total


def _inflate(unpacker: zlib._Decompress | None, data: bytes) -> Iterator[bytes]:
    """Decompressed pieces of at most CHUNK bytes each: 256 KiB of ciphertext may expand to about
    256 MB, which must reach the size limit before it reaches memory."""
    if unpacker is None:
        yield data
        return
    while data:
        piece = unpacker.decompress(data, CHUNK)
        data = unpacker.unconsumed_tail
        if piece:
            yield piece


def seal_database_key(database_key: bytes, data_key: bytes) -> str:
    """The office database's own SQLCipher key (db/cipher.py), sealed under the backup's data key
    for the manifest (``encryption.database_key``): whoever opens the backup opens its database
    copy, and a restore on another computer re-keys that copy to its own key."""
    return base64.b64encode(bytes(nacl.secret.SecretBox(data_key).encrypt(database_key))).decode("ascii")


def open_database_key(sealed: object, data_key: bytes, label: str = "") -> bytes:
    """The database key a manifest carries; BACKUP_ENTRY_DAMAGED when it does not open."""
    try:
        if not isinstance(sealed, str) or len(sealed) > 200:
            raise ValueError("not a sealed key")
        key = nacl.secret.SecretBox(data_key).decrypt(base64.b64decode(sealed.encode("ascii"), validate=True))
        if len(key) != 32:
            raise ValueError("bad key length")
    except (ValueError, nacl.exceptions.CryptoError) as exc:
        raise DomainError("BACKUP_ENTRY_DAMAGED", field="file", value=label, entry="manifest.json") from exc
    return bytes(key)


def is_encrypted_member(head: bytes) -> bool:
    """Whether the first bytes of a member are ours (a backup written before encryption holds
    the plain SQLite file, which starts with b"SQLite format 3\\0")."""
    return head[:len(MAGIC)] == MAGIC


def _check_key(key: bytes) -> None:
    if not isinstance(key, bytes | bytearray) or len(key) != KEY_BYTES:
        raise ValueError("a backup data key is 32 bytes")
