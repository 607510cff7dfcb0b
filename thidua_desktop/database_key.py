"""The key that opens the office database (db/cipher.py), kept like the office's private keys.

``keys/database-key.json`` in the data folder holds the 32-byte database key sealed (SecretBox)
under a key-encryption key that lives in the user's config folder, never the data folder: on
Windows protected by DPAPI (bound to the Windows account), elsewhere a 0600 file. So the data
folder copied off a lost laptop, a USB stick or a shared computer's other account holds the
database and its sealed key, but nothing that opens either.

The price: losing the config folder (a reinstalled Windows profile) loses the database with it.
Backups are the way back: they carry the database key sealed to the office key and the
province's recovery key (services/maintenance.py), and restore re-keys to the new computer."""

from __future__ import annotations

import json
import logging
from pathlib import Path

import nacl.exceptions
import nacl.secret
import nacl.utils

from .config import AppPaths, resolve_key_folder
from .db import cipher
from .db.cipher import KEY_BYTES
from .db.maintenance import DatabaseInUse, swap_into_place
from .domain.errors import DomainError, StateError
from .sync.keys import b64d, b64e, new_kek, read_kek, write_private_file

log = logging.getLogger("thidua")
KEY_FILE_NAME = "database-key.json"
FORMAT_VERSION = 1


def key_file(paths: AppPaths) -> Path:
    return paths.keys_dir / KEY_FILE_NAME


def has_database_key(paths: AppPaths) -> bool:
    return key_file(paths).exists()


def load_database_key(paths: AppPaths, kek_folder: Path | None = None) -> bytes:
    """The database key; DATABASE_KEY_MISSING when this folder or this user's config folder
    lacks its half, DATABASE_KEY_UNREADABLE when the file is damaged."""
    path = key_file(paths)
    if not path.exists():
        raise DomainError("DATABASE_KEY_MISSING", field="data_dir", value=str(paths.data_dir))
    try:
        doc = json.loads(path.read_bytes().decode("utf-8"))
        if not isinstance(doc, dict) or doc.get("format_version") != FORMAT_VERSION:
            raise ValueError("unknown key file format")
        kek_id, sealed = str(doc["kek_id"]), b64d(doc["sealed"])
    except (OSError, ValueError, KeyError, TypeError) as exc:
        raise DomainError("DATABASE_KEY_UNREADABLE", field="data_dir", value=str(paths.data_dir)) from exc
    try:
        kek = read_kek(kek_folder or resolve_key_folder(), kek_id)
    except DomainError as exc:
        code = "DATABASE_KEY_MISSING" if exc.code == "KEY_MISSING" else "DATABASE_KEY_UNREADABLE"
        raise DomainError(code, field="data_dir", value=str(paths.data_dir)) from exc
    try:
        key = nacl.secret.SecretBox(kek).decrypt(sealed)
    except nacl.exceptions.CryptoError as exc:
        raise DomainError("DATABASE_KEY_UNREADABLE", field="data_dir", value=str(paths.data_dir)) from exc
    if len(key) != KEY_BYTES:
        raise DomainError("DATABASE_KEY_UNREADABLE", field="data_dir", value=str(paths.data_dir))
    return bytes(key)


def create_database_key(paths: AppPaths, kek_folder: Path | None = None, key: bytes | None = None) -> bytes:
    """A new database key (``key``, or a random one), sealed and written; refuses to replace one
    (that would make the existing database unreadable)."""
    path = key_file(paths)
    if path.exists():
        raise FileExistsError(path)
    key = key or nacl.utils.random(KEY_BYTES)
    kek_id, kek = new_kek(kek_folder or resolve_key_folder())
    sealed = nacl.secret.SecretBox(kek).encrypt(key)
    doc = {"format_version": FORMAT_VERSION, "kek_id": kek_id, "sealed": b64e(bytes(sealed))}
    write_private_file(path, (json.dumps(doc, indent=2) + "\n").encode("utf-8"), overwrite=False)
    return bytes(key)


def database_key(paths: AppPaths, kek_folder: Path | None = None) -> bytes:
    """The folder's key, made the first time (a new office, or an older plain database about to
    be encrypted)."""
    if has_database_key(paths):
        return load_database_key(paths, kek_folder)
    return create_database_key(paths, kek_folder)


def key_for_restore(paths: AppPaths) -> tuple[bytes, bool]:
    """The key a restore encrypts its copy under, and whether it still has to be saved (with
    ``create_database_key(paths, key=…)`` just before the swap): a refused restore into a new
    folder leaves nothing behind, not even a key."""
    if has_database_key(paths):
        return load_database_key(paths), False
    return nacl.utils.random(KEY_BYTES), True


def open_office_file(paths: AppPaths, file: Path) -> bytes:
    """The key of the office database ``file``, made ready to open: a new office gets a new key;
    an office of an older version, still a plain SQLite file, is encrypted now in one atomic swap
    (db/maintenance.swap_into_place), so a kill leaves either the plain file or the encrypted one.

    DATABASE_KEY_MISSING / _UNREADABLE when the file is encrypted and its key is not here;
    DATABASE_KEY_WRONG when the key does not open it (another folder's key, or a damaged file)."""
    if not file.exists() or file.stat().st_size == 0:
        try:
            return database_key(paths)
        except DomainError:
            # A key nobody can use any more guards no database: set it aside, start afresh.
            stale = key_file(paths)
            stale.replace(stale.with_name(f"{KEY_FILE_NAME}.unusable"))
            return create_database_key(paths)
    if cipher.is_plain_sqlite(file):
        key = database_key(paths)
        _encrypt_in_place(file, key)
        return key
    key = load_database_key(paths)
    if not cipher.opens_with(file, key):
        raise DomainError("DATABASE_KEY_WRONG", field="data_dir", value=str(paths.data_dir))
    return key


def _encrypt_in_place(file: Path, key: bytes) -> None:
    from .services.staging import staging_folder

    with staging_folder(file.parent, "encrypt") as folder:
        staged = folder / file.name
        try:
            cipher.export_database(file, None, staged, key)
            swap_into_place(staged, file, key=key)
        except DatabaseInUse as exc:
            raise StateError("DATABASE_IN_USE", field="data_dir") from exc
    log.info("office database encrypted (it was a plain SQLite file)")
