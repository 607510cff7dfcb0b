"""Key-encryption keys (KEKs) and private files: what keeps the office's secrets off a copied data
folder or a backup.

A KEK is 32 random bytes in the user's config folder (``thidua-kek-<id>.bin``, never in the data
folder), named by a 16-hex-character id written beside what it seals: the office's private keys
(``keys.KeyStore``), the database key (``database_key.py``) and the account passwords' pepper
(``passwords.py``). On Windows the KEK is also protected with DPAPI, which binds it to the Windows
user account; elsewhere it is a mode 0600 file. ``write_private_file`` writes every such file (mode
0600, through a temporary file, fsync and rename).

Split from ``keys.py``, which re-exports these names: this module depends on nothing else of
``sync``, so the key classes and the key store can build on it."""

from __future__ import annotations

import os
import re
import secrets
import sys
from pathlib import Path
from typing import Any

import nacl.utils

from ..domain.errors import DomainError

KEK_MAGIC = b"TDKEK1"
_KEK_RAW, _KEK_DPAPI = b"\x00", b"\x01"
_DPAPI_ENTROPY = b"thidua-desktop-kek-v1"
KEK_ID = re.compile(r"[0-9a-f]{16}")  # what new_kek names a KEK; anything else is refused before use


def new_kek(kek_folder: Path) -> tuple[str, bytes]:
    """A new random key-encryption key, stored in ``kek_folder`` (DPAPI-protected on Windows, a
    0600 file elsewhere); returns its id, to be written beside what it seals."""
    kek_id, kek = secrets.token_hex(8), nacl.utils.random(32)
    blob = _KEK_DPAPI + _dpapi(kek, protect=True) if sys.platform == "win32" else _KEK_RAW + kek
    write_private_file(_kek_path(kek_folder, kek_id), KEK_MAGIC + blob)
    return kek_id, kek


def read_kek(kek_folder: Path, kek_id: str, key_id: str = "") -> bytes:
    """The key-encryption key ``kek_id``; KEY_MISSING when this user's config folder lacks it,
    KEY_UNREADABLE when it is damaged or protected for another Windows account."""
    if not KEK_ID.fullmatch(kek_id):
        raise DomainError("KEY_UNREADABLE", key_id=key_id, reason="malformed kek id")
    kek_path = _kek_path(kek_folder, kek_id)
    if not kek_path.exists():
        raise DomainError("KEY_MISSING", key_id=key_id)
    try:
        blob = kek_path.read_bytes()
        if blob[:7] == KEK_MAGIC + _KEK_DPAPI:
            if sys.platform != "win32":
                raise ValueError("the KEK is protected by Windows DPAPI")
            kek = _dpapi(blob[7:], protect=False)
        elif blob[:7] == KEK_MAGIC + _KEK_RAW:
            kek = blob[7:]
        else:
            raise ValueError("not a KEK file")
        if len(kek) != 32:
            raise ValueError("bad KEK length")
    except (OSError, ValueError) as exc:
        raise DomainError("KEY_UNREADABLE", key_id=key_id, reason=str(exc)) from exc
    return kek


def _kek_path(kek_folder: Path, kek_id: str) -> Path:
    return kek_folder / f"thidua-kek-{kek_id}.bin"


def write_private_file(path: Path, data: bytes, overwrite: bool = True) -> None:
    """Write ``data`` to ``path`` with mode 0600 through a temporary file, fsync and rename."""
    path.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
    if not overwrite and path.exists():
        raise FileExistsError(path)
    temp = path.with_name(path.name + ".tmp")
    fd = os.open(temp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC | getattr(os, "O_BINARY", 0), 0o600)
    try:
        if hasattr(os, "fchmod"):
            os.fchmod(fd, 0o600)
        view = memoryview(data)
        while view:
            view = view[os.write(fd, view):]
        os.fsync(fd)
    finally:
        os.close(fd)
    os.replace(temp, path)


def _dpapi(data: bytes, protect: bool) -> bytes:
    """CryptProtectData / CryptUnprotectData for the current Windows user (no UI)."""
    import ctypes
    from ctypes import wintypes

    class Blob(ctypes.Structure):
        _fields_ = [("cbData", wintypes.DWORD), ("pbData", ctypes.POINTER(ctypes.c_char))]

    def blob(raw: bytes) -> tuple[Blob, Any]:
        buffer = ctypes.create_string_buffer(raw, len(raw))
        return Blob(len(raw), ctypes.cast(buffer, ctypes.POINTER(ctypes.c_char))), buffer

    windll = ctypes.windll  # type: ignore[attr-defined]  # Windows only: typeshed has it for win32 alone
    (source, _source_buffer), (entropy, _entropy_buffer), out = blob(data), blob(_DPAPI_ENTROPY), Blob()
    ui_forbidden = 0x1
    if protect:
        ok = windll.crypt32.CryptProtectData(ctypes.byref(source), "ThiDua KEK", ctypes.byref(entropy), None, None,
                                             ui_forbidden, ctypes.byref(out))
    else:
        ok = windll.crypt32.CryptUnprotectData(ctypes.byref(source), None, ctypes.byref(entropy), None, None,
                                               ui_forbidden, ctypes.byref(out))
    if not ok:
        raise OSError(f"DPAPI failed (error {ctypes.GetLastError()})")  # type: ignore[attr-defined]  # Windows only
    try:
        return ctypes.string_at(out.pbData, out.cbData)
    finally:
        windll.kernel32.LocalFree(out.pbData)
