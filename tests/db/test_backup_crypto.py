"""Encrypted backup members (db/backup_crypto.py): round trips in chunks, refusals for a wrong key,
every flipped byte, every cut and a decompression bomb, the data key sealed to the office's and
the recovery key, and the way a backup zip carries them."""

from __future__ import annotations

import io
import json
import os
import sqlite3
import zipfile
from pathlib import Path

import pytest

from thidua_desktop.db import backup_crypto as bc
from thidua_desktop.domain.errors import DomainError
from thidua_desktop.messages import render
from thidua_desktop.sync.keys import OfficeKeys, generate_recovery

CCCD = b"004090001234"


def _refused(code: str, call) -> DomainError:  # type: ignore[no-untyped-def]
    with pytest.raises(DomainError) as error:
        call()
    assert error.value.code == code, error.value
    assert "{" not in render(error.value, "vi")
    return error.value


class _Reader(io.RawIOBase):
    """``size`` bytes of a repeating pattern, read in pieces; remembers the largest read asked."""

    def __init__(self, size: int, pattern: bytes = CCCD + b";Nong Van An;") -> None:
        self.left, self.pattern, self.largest = size, pattern, 0

    def readable(self) -> bool:
        return True

    def read(self, n: int = -1) -> bytes:
        self.largest = max(self.largest, n)
        n = self.left if n < 0 else min(n, self.left)
        self.left -= n
        return (self.pattern * (n // len(self.pattern) + 1))[:n]


def _encrypt(data: bytes, key: bytes, context: bytes = b"thidua.sqlite", compress: bool = True) -> bytes:
    out = io.BytesIO()
    bc.encrypt_fileobj(io.BytesIO(data), out, key, context=context, compress=compress)
    return out.getvalue()


def _decrypt(blob: bytes, key: bytes, context: bytes = b"thidua.sqlite", max_bytes: int | None = None) -> bytes:
    out = io.BytesIO()
    bc.decrypt_fileobj(io.BytesIO(blob), out, key, context=context, max_bytes=max_bytes, label="sao-luu.zip")
    return out.getvalue()


@pytest.mark.parametrize("compress", [True, False])
def test_files_round_trip_over_many_chunks_without_the_clear_text_inside(tmp_path: Path, compress: bool) -> None:
    key = bc.new_key()
    plain = os.urandom(bc.CHUNK * 2 + 123) + CCCD * 100_000 + os.urandom(77)
    src, enc, back = tmp_path / "thidua.sqlite", tmp_path / "thidua.sqlite.enc", tmp_path / "back.sqlite"
    src.write_bytes(plain)
    assert bc.encrypt_stream(src, enc, key, context=b"thidua.sqlite", compress=compress) == len(plain)
    blob = enc.read_bytes()
    assert bc.is_encrypted_member(blob) and CCCD not in blob and plain[:4096] not in blob
    assert bc.decrypt_stream(enc, back, key, context=b"thidua.sqlite") == len(plain)
    assert back.read_bytes() == plain
    if compress:
        assert len(blob) < len(plain) - len(CCCD) * 90_000  # the repetitive part compressed


def test_memory_stays_one_chunk_whatever_the_size() -> None:
    reader = _Reader(40 * bc.CHUNK)
    sink = io.BytesIO()
    assert bc.encrypt_fileobj(reader, sink, bc.new_key(), compress=False) == 40 * bc.CHUNK
    assert reader.largest == bc.CHUNK


def test_an_empty_member_round_trips() -> None:
    key = bc.new_key()
    assert _decrypt(_encrypt(b"", key), key) == b""
    assert _decrypt(_encrypt(b"", key, compress=False), key) == b""


def test_another_key_says_key_missing_not_damaged() -> None:
    blob = _encrypt(CCCD * 10, bc.new_key())
    _refused("BACKUP_KEY_MISSING", lambda: _decrypt(blob, bc.new_key()))


def test_every_flipped_byte_every_cut_and_any_addition_is_refused() -> None:
    key = bc.new_key()
    # Small frames so the sweep crosses several frame boundaries.
    plain = os.urandom(3 * 1000)
    original_chunk = bc.CHUNK
    bc.CHUNK = 1000
    try:
        blob = _encrypt(plain, key, compress=False)
    finally:
        bc.CHUNK = original_chunk
    assert _decrypt(blob, key) == plain
    for offset in range(len(blob)):
        flipped = bytearray(blob)
        flipped[offset] ^= 0x01
        with pytest.raises(DomainError) as error:
            _decrypt(bytes(flipped), key)
        assert error.value.code in {"BACKUP_ENTRY_DAMAGED", "BACKUP_KEY_MISSING"}, offset
    for cut in range(len(blob)):
        _refused("BACKUP_ENTRY_DAMAGED", lambda cut=cut: _decrypt(blob[:cut], key))
    _refused("BACKUP_ENTRY_DAMAGED", lambda: _decrypt(blob + b"\0", key))


def test_a_member_moved_under_another_name_is_refused() -> None:
    key = bc.new_key()
    blob = _encrypt(b"photo bytes", key, context=b"attachments/ab/abcd")
    error = _refused("BACKUP_ENTRY_DAMAGED", lambda: _decrypt(blob, key, context=b"thidua.sqlite"))
    assert error.params["entry"] == "thidua.sqlite" and error.params["value"] == "sao-luu.zip"


def test_a_decompression_bomb_stops_at_the_limit_and_leaves_no_file(tmp_path: Path) -> None:
    key = bc.new_key()
    enc, out = tmp_path / "bomb.enc", tmp_path / "staged.sqlite"
    with enc.open("wb") as fh:
        bc.encrypt_fileobj(_Reader(64 << 20, b"\0" * 64), fh, key)
    assert enc.stat().st_size < 1 << 20
    error = _refused("BACKUP_ENTRY_TOO_LARGE",
                     lambda: bc.decrypt_stream(enc, out, key, max_bytes=4 << 20, label="sao-luu.zip"))
    assert error.params["max_mb"] == 4
    assert not out.exists()


def test_the_data_key_opens_with_the_office_key_or_the_recovery_key_only() -> None:
    office, retired, stranger, recovery = OfficeKeys.generate(), OfficeKeys.generate(), OfficeKeys.generate(), \
        generate_recovery()
    key = bc.new_key()
    wrapped = bc.seal_key(key, {"office": office.public().box_key, "recovery": recovery.public_key})
    assert [w["role"] for w in wrapped] == ["office", "recovery"]
    assert json.loads(json.dumps(wrapped)) == wrapped  # goes into the manifest as it is
    assert bc.open_key(wrapped, [retired, office]) == key  # current and retired keys are tried in turn
    assert bc.open_key(wrapped, [recovery]) == key  # the computer is gone: the province's key
    _refused("BACKUP_KEY_MISSING", lambda: bc.open_key(wrapped, [stranger], "sao-luu.zip"))
    forged = [{**wrapped[0], "sealed": wrapped[1]["sealed"]}]
    _refused("BACKUP_KEY_MISSING", lambda: bc.open_key(forged, [office]))
    _refused("BACKUP_NOT_OURS", lambda: bc.open_key({"office": "x"}, [office]))


def test_a_backup_zip_as_the_writer_and_the_reader_should_use_it(tmp_path: Path) -> None:
    """How services/maintenance.py is meant to call the module (see its docstring)."""
    office, recovery = OfficeKeys.generate(), generate_recovery()
    database = tmp_path / "copy.sqlite"
    with sqlite3.connect(database) as conn:
        conn.execute("CREATE TABLE person (cccd TEXT)")
        conn.executemany("INSERT INTO person VALUES (?)", [(f"0040900{i:05d}",) for i in range(5000)])
    conn.close()
    photo = tmp_path / "photo"
    photo.write_bytes(b"\xff\xd8\xff photo of " + CCCD)

    # Writer: one data key per backup, sealed into the manifest; members stored, not deflated.
    key = bc.new_key()
    manifest = {"format": "thidua-backup", "encryption": {
        "scheme": bc.SCHEME, "wrapped_keys": bc.seal_key(key, {"office": office.public().box_key,
                                                              "recovery": recovery.public_key})}}
    backup = tmp_path / "sao-luu.zip"
    with zipfile.ZipFile(backup, "w") as zf:
        zf.writestr("manifest.json", json.dumps(manifest))
        for name, source in (("thidua.sqlite", database), ("attachments/ab/photo", photo)):
            with source.open("rb") as src, zf.open(zipfile.ZipInfo(name), "w", force_zip64=True) as dst:
                bc.encrypt_fileobj(src, dst, key, context=name.encode())
    assert CCCD not in backup.read_bytes() and b"SQLite format 3" not in backup.read_bytes()

    # Reader: the key from the manifest with the keys at hand, each member streamed to staging.
    with zipfile.ZipFile(backup) as zf:
        wrapped = json.loads(zf.read("manifest.json"))["encryption"]["wrapped_keys"]
        opened = bc.open_key(wrapped, [recovery], backup.name)
        staged = tmp_path / "staged.sqlite"
        with zf.open("thidua.sqlite") as src, staged.open("wb") as dst:
            bc.decrypt_fileobj(src, dst, opened, context=b"thidua.sqlite", max_bytes=1 << 30, label=backup.name)
        with zf.open("attachments/ab/photo") as src:
            sink = io.BytesIO()
            bc.decrypt_fileobj(src, sink, opened, context=b"attachments/ab/photo", label=backup.name)
    assert sink.getvalue() == photo.read_bytes()
    with sqlite3.connect(staged) as conn:
        assert conn.execute("SELECT count(*) FROM person").fetchone()[0] == 5000
    conn.close()
