"""Backups as older versions wrote them, and encrypted members crafted with a backup's own data
key: what tests of services/restore.py feed it."""

from __future__ import annotations

import io
import json
import zipfile
from pathlib import Path

from thidua_desktop.config import resolve_key_folder
from thidua_desktop.db import backup_crypto as bc
from thidua_desktop.db import cipher
from thidua_desktop.sync.keys import KeyStore


def data_key(backup: Path, keys_dir: Path) -> bytes:
    """The data key of an encrypted backup, opened with the office's key store in ``keys_dir``."""
    with zipfile.ZipFile(backup) as zf:
        wrapped = json.loads(zf.read("manifest.json"))["encryption"]["wrapped_keys"]
    return bc.open_key(wrapped, KeyStore(keys_dir, resolve_key_folder()).all_keys(), backup.name)


def encrypt_member(data: bytes, key: bytes, name: str) -> bytes:
    out = io.BytesIO()
    bc.encrypt_fileobj(io.BytesIO(data), out, key, context=name.encode())
    return out.getvalue()


def decrypt_member(blob: bytes, key: bytes, name: str) -> bytes:
    out = io.BytesIO()
    bc.decrypt_fileobj(io.BytesIO(blob), out, key, context=name.encode())
    return out.getvalue()


def plain_database(encrypted: bytes, db_key: bytes, scratch: Path) -> bytes:
    """The bytes of a plain SQLite copy of the SQLCipher database ``encrypted`` (what backups held
    before the office database was encrypted)."""
    scratch.mkdir(parents=True, exist_ok=True)
    source, target = scratch / "encrypted.sqlite", scratch / "plain.sqlite"
    source.write_bytes(encrypted)
    target.unlink(missing_ok=True)
    cipher.export_database(source, db_key, target, None)
    data = target.read_bytes()
    source.unlink()
    target.unlink()
    return data


def clear_copy(backup: Path, keys_dir: Path, target: Path) -> Path:
    """The same backup as format 1 wrote it: members in the clear (deflated), the database a plain
    SQLite file, no encryption in the manifest, no key store."""
    key = data_key(backup, keys_dir)
    with zipfile.ZipFile(backup) as src, zipfile.ZipFile(target, "w", compression=zipfile.ZIP_DEFLATED) as dst:
        manifest = json.loads(src.read("manifest.json"))
        db_key = bc.open_database_key(manifest["encryption"]["database_key"], key)
        del manifest["encryption"]
        dst.writestr("manifest.json", json.dumps({**manifest, "format_version": 1}, ensure_ascii=False, indent=2))
        for name in src.namelist():
            if name == "thidua.sqlite":
                dst.writestr(name, plain_database(decrypt_member(src.read(name), key, name), db_key,
                                                  target.parent / ".plain-scratch"))
            elif name.startswith("attachments/"):
                dst.writestr(name, decrypt_member(src.read(name), key, name))
    return target
