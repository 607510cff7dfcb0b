"""The office database encrypted at rest with SQLCipher (the ``sqlcipher3`` wheels).

Every page of the file, its WAL and its journal are encrypted with AES-256 under a 32-byte random
key given as a *raw* key (``PRAGMA key = "x'…'"``): no passphrase derivation, so opening a
connection costs no more than with plain SQLite. The key itself is kept by ``database_key.py``.

``connect`` is the one place a DB-API connection to an office file is made outside SQLAlchemy
(backup, restore, the atomic swap); with ``key=None`` it opens a plain SQLite file, which is what
tests and the PostgreSQL-free tools of older versions wrote. A wrong key or a plain file opened
with a key fails with "file is not a database" on the first statement."""

from __future__ import annotations

import sqlite3
from pathlib import Path
from typing import Any

import sqlcipher3

KEY_BYTES = 32
PLAIN_MAGIC = b"SQLite format 3\x00"
# Errors of either driver, for code that may hold a plain or an encrypted connection.
DB_ERRORS: tuple[type[Exception], ...] = (sqlite3.Error, sqlcipher3.dbapi2.Error)

_quiet = False


def key_pragma_value(key: bytes) -> str:
    """The raw-key literal SQLCipher expects: ``"x'<64 hex>'"`` (the double quotes included)."""
    if len(key) != KEY_BYTES:
        raise ValueError("a database key is 32 bytes")
    return f"\"x'{key.hex()}'\""


def quiet() -> None:
    # SQLCipher writes "hmac check failed" lines to stderr when a key is wrong; the app reports
    # that itself, in words, and a console full of codec errors only alarms the officer.
    global _quiet
    if not _quiet:
        conn = sqlcipher3.connect(":memory:")
        try:
            conn.execute("PRAGMA cipher_log_level = NONE")
        finally:
            conn.close()
        _quiet = True


def apply_key(dbapi_connection: Any, key: bytes) -> None:
    """Key a fresh sqlcipher3 connection; must be its first statement."""
    quiet()
    cursor = dbapi_connection.cursor()
    try:
        cursor.execute(f"PRAGMA key = {key_pragma_value(key)}")
    finally:
        cursor.close()


def connect(path: Path | str, key: bytes | None, **kwargs: Any) -> Any:
    """A DB-API connection to ``path``: SQLCipher keyed with ``key``, or plain sqlite3 when None."""
    if key is None:
        return sqlite3.connect(str(path), **kwargs)
    conn = sqlcipher3.connect(str(path), **kwargs)
    try:
        apply_key(conn, key)
    except BaseException:
        conn.close()
        raise
    return conn


def is_plain_sqlite(path: Path) -> bool:
    """True for an unencrypted SQLite file (its first 16 bytes are SQLite's magic string)."""
    try:
        with path.open("rb") as fh:
            return fh.read(16) == PLAIN_MAGIC
    except OSError:
        return False


def key_for(path: Path, key: bytes | None) -> bytes | None:
    """``key``, or None when ``path`` is a plain SQLite file: an office of an older version whose
    file is encrypted at its next start (bootstrap), read meanwhile as it is."""
    return None if key is None or is_plain_sqlite(path) else key


def export_database(source: Path, source_key: bytes | None, target: Path, key: bytes | None) -> None:
    """Copy the database ``source`` into the new file ``target``, each encrypted under its key or
    plain when the key is None (SQLCipher's ``sqlcipher_export``). The header fields the export
    leaves out (application_id, user_version) are carried over. ``target`` ends in rollback-journal
    mode; the caller fsyncs it."""
    conn = sqlcipher3.connect(str(source), isolation_level=None)
    try:
        if source_key is not None:
            apply_key(conn, source_key)
        else:
            quiet()
        application_id = conn.execute("PRAGMA application_id").fetchone()[0]
        user_version = conn.execute("PRAGMA user_version").fetchone()[0]
        literal = key_pragma_value(key) if key is not None else "''"
        conn.execute(f"ATTACH DATABASE ? AS exported KEY {literal}", (str(target),))
        # One transaction: left in autocommit, the export commits (and fsyncs) once per table and
        # index, some 700 fsyncs that took seconds on a busy disk; this way it is a handful.
        conn.execute("BEGIN")
        try:
            conn.execute("SELECT sqlcipher_export('exported')")
            conn.execute(f"PRAGMA exported.application_id = {int(application_id)}")
            conn.execute(f"PRAGMA exported.user_version = {int(user_version)}")
            conn.execute("COMMIT")
        except BaseException:
            if conn.in_transaction:
                conn.execute("ROLLBACK")
            raise
        conn.execute("DETACH DATABASE exported")
    finally:
        conn.close()


def rekey(path: Path, old_key: bytes, new_key: bytes) -> None:
    """Re-encrypt every page of ``path`` under ``new_key`` (a restored backup from another computer)."""
    if old_key == new_key:
        return
    conn = connect(path, old_key, isolation_level=None)
    try:
        conn.execute("PRAGMA journal_mode=DELETE")
        conn.execute(f"PRAGMA rekey = {key_pragma_value(new_key)}")
    finally:
        conn.close()


def opens_with(path: Path, key: bytes | None) -> bool:
    """Whether ``key`` (None: no key) reads ``path`` as a database."""
    try:
        conn = connect(path, key)
    except DB_ERRORS:
        return False
    try:
        conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
        return True
    except DB_ERRORS:
        return False
    finally:
        conn.close()
