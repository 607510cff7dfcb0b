"""The .tdsync container: round trips, and every damaged or hostile file refused with its reason code.

``craft`` below writes bundles from docs/sync-format.md alone (not through BundleWriter), which both
checks that the document is enough to write a compatible file and lets the tests sign and encrypt
hostile content properly."""

from __future__ import annotations

import hashlib
import json
import struct
import tempfile
import tracemalloc
import uuid
import zlib
from dataclasses import dataclass
from pathlib import Path

import nacl.bindings as sodium
import nacl.public
import nacl.utils
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from thidua_desktop.domain.errors import DomainError
from thidua_desktop.sync import MESSAGES, BundleWriter, bundle_file_name, inspect_bundle, open_bundle
from thidua_desktop.sync.container import MAX_BUNDLE_BYTES, open_bundle_with_recovery, verify_signature
from thidua_desktop.sync.keys import OfficeKeys, RecoveryKeys, generate_recovery

COMMUNE = {"code": "01576", "name": "Xã Tân Lập", "node_id": "2b7c1d8e-0000-4000-8000-000000000001", "epoch": 1}
PROVINCE = {"code": "04", "name": "Văn phòng Thi đua tỉnh Cao Bằng"}


@dataclass
class Offices:
    commune: OfficeKeys
    province: OfficeKeys
    recovery: RecoveryKeys


@pytest.fixture(scope="module")
def offices() -> Offices:
    return Offices(OfficeKeys.generate(), OfficeKeys.generate(), generate_recovery())


def refused(error: pytest.ExceptionInfo[DomainError], *codes: str) -> DomainError:
    """The error has one of ``codes`` and its message renders in both languages with its params."""
    exc = error.value
    assert exc.code in codes, exc
    for template in MESSAGES[exc.code]:
        assert template.format(**exc.params)
    return exc


def write_bundle(path: Path, offices: Offices, entries: dict[str, bytes], chunk_size: int = 1024,
                 recipient: dict[str, str] = PROVINCE) -> Path:
    with BundleWriter(path, COMMUNE, recipient, offices.commune, offices.province.public().box_key,
                      offices.recovery.public_key, schema_version=3, seq=17, chunk_size=chunk_size) as writer:
        writer.add_manifest({"acks": {"04": 12}})
        for name, data in entries.items():
            writer.add_bytes(name, data)
    return path


def read_all(path: Path, offices: Offices, verify_hash: bool = True) -> dict[str, bytes]:
    with open_bundle(path, offices.province, offices.commune.public().sign_key, "04",
                     verify_hash=verify_hash) as reader:
        out = {entry.name: entry.read() for entry in reader.entries()}
        reader.finish()
    return out


def sha_name(data: bytes) -> str:
    return f"attachments/{hashlib.sha256(data).hexdigest()}"


SMALL = {"records/people.jsonl": b'{"id": 1}\n{"id": 2}\n', "records/nominations.jsonl": b"",
         sha_name(b"scan" * 900): b"scan" * 900}


@pytest.fixture
def bundle(tmp_path: Path, offices: Offices) -> Path:
    return write_bundle(tmp_path / bundle_file_name("01576", "04", 17), offices, SMALL)


# --- a writer from the document alone ----------------------------------------------------

def frame(name: str | bytes, data: bytes) -> bytes:
    raw = name.encode("utf-8") if isinstance(name, str) else name
    return struct.pack(">H", len(raw)) + raw + (struct.pack(">I", len(data)) + data if data else b"") + b"\0\0\0\0"


def craft(path: Path, offices: Offices, frames: list[bytes], *, format_version: int = 1, chunk_size: int = 1024,
          declared_plaintext: int | None = None, end: bytes = b"\0\0", final_tag: bool = True) -> Path:
    bundle_id = str(uuid.uuid4())
    plain = frame("manifest.json", json.dumps({"bundle_id": bundle_id}).encode()) + b"".join(frames) + end
    key, state = nacl.utils.random(32), sodium.crypto_secretstream_xchacha20poly1305_state()
    cipher = bytearray(sodium.crypto_secretstream_xchacha20poly1305_init_push(state, key))
    ad = b"TDSYNC-PAYLOAD-v1" + uuid.UUID(bundle_id).bytes
    full = len(plain) // chunk_size * chunk_size
    for start in range(0, full, chunk_size):
        cipher += sodium.crypto_secretstream_xchacha20poly1305_push(state, plain[start:start + chunk_size], ad, 0)
    cipher += sodium.crypto_secretstream_xchacha20poly1305_push(
        state, plain[full:], ad, sodium.crypto_secretstream_xchacha20poly1305_TAG_FINAL if final_tag else 0)

    def wrap(role: str, box_key: bytes) -> dict[str, str]:
        sealed = nacl.public.SealedBox(nacl.public.PublicKey(box_key)).encrypt(key)
        return {"role": role, "box_key_id": hashlib.sha256(box_key).hexdigest()[:16],
                "sealed": __import__("base64").b64encode(bytes(sealed)).decode()}

    public = offices.commune.public()
    header = {
        "format_version": format_version, "bundle_id": bundle_id, "created_at": "2025-05-01T08:00:00Z",
        "app_version": "9.9", "schema_version": 3, "seq": 1, "counts": {"people": 1}, "chunk_size": chunk_size,
        "cipher": "secretstream_xchacha20poly1305", "plaintext_size": declared_plaintext or len(plain),
        "ciphertext_size": len(cipher), "ciphertext_sha256": hashlib.sha256(cipher).hexdigest(),
        "sender": {**COMMUNE, **public.to_dict()}, "recipient": PROVINCE,
        "wrapped_keys": [wrap("recipient", public_box(offices.province)),
                         wrap("recovery", offices.recovery.public_key)],
    }
    body = json.dumps(header).encode("utf-8")
    signed = b"\x89TDSYNC\n" + struct.pack(">HI", format_version, len(body)) + body
    signed += offices.commune.sign(signed)
    path.write_bytes(signed + struct.pack(">I", zlib.crc32(signed)) + bytes(cipher))
    return path


def public_box(keys: OfficeKeys) -> bytes:
    return keys.public().box_key


# --- round trips ---------------------------------------------------------------------------

def test_round_trip_with_a_streamed_5_mb_attachment(tmp_path: Path, offices: Offices) -> None:
    big = tmp_path / "scan.pdf"
    big.write_bytes(nacl.utils.random(5 * 1024 * 1024))
    digest = hashlib.sha256(big.read_bytes()).hexdigest()
    target = tmp_path / "out" / bundle_file_name("01576", "04", 3)
    target.parent.mkdir()
    tracemalloc.start()
    with BundleWriter(target, COMMUNE, PROVINCE, offices.commune, public_box(offices.province),
                      offices.recovery.public_key, schema_version=3, seq=3) as writer:
        writer.add_manifest({"acks": {}, "nothing_new": False})
        writer.add_lines("records/people.jsonl", (json.dumps({"id": i, "ten": "Nguyễn Văn Ánh"}) for i in range(2000)))
        writer.add_file(f"attachments/{digest}", big)
        writer.add_bytes("records/decisions.jsonl", b'{"id": "d1"}\n')
    write_peak = tracemalloc.get_traced_memory()[1]
    assert sorted(p.name for p in target.parent.iterdir()) == [target.name]  # no .part left behind
    header = writer.header
    assert header is not None and header.counts == {"people": 2000, "decisions": 1} and header.seq == 3
    assert header.sender.code == "01576" and header.recipient.code == "04" and header.hash_verified

    tracemalloc.reset_peak()
    with open_bundle(target, offices.province, offices.commune.public().sign_key, "04") as reader:
        assert reader.manifest["bundle_id"] == header.bundle_id and reader.manifest["acks"] == {}
        seen: dict[str, object] = {}
        for entry in reader.entries():
            if entry.kind == "records":
                seen[entry.name] = [json.loads(line) for line in entry.lines()]
            else:
                sink = hashlib.sha256()
                for block in entry.chunks():
                    sink.update(block)
                seen[entry.name] = (sink.hexdigest(), entry.size)
        reader.finish()
    read_peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    assert len(seen["records/people.jsonl"]) == 2000  # type: ignore[arg-type]
    assert seen[f"attachments/{digest}"] == (digest, 5 * 1024 * 1024)
    assert seen["records/decisions.jsonl"] == [{"id": "d1"}]
    assert write_peak < 4 * 1024 * 1024 and read_peak < 4 * 1024 * 1024  # bounded: less than the attachment


def test_inspect_needs_no_key_and_shows_no_personal_data(bundle: Path, offices: Offices) -> None:
    header = inspect_bundle(bundle, verify_hash=True)
    assert header.hash_verified and header.sender.name == "Xã Tân Lập" and header.recipient.name == PROVINCE["name"]
    assert header.counts == {"people": 2, "nominations": 0} and header.schema_version == 3
    verify_signature(header, offices.commune.public().sign_key)
    assert b"people.jsonl" not in bundle.read_bytes() and b'"id"' not in bundle.read_bytes()
    shown = header.to_dict()
    assert shown["sender"]["code"] == "01576" and shown["sender_fingerprint"] == offices.commune.fingerprint


def test_file_name_holds_codes_and_sequence_only() -> None:
    assert bundle_file_name("01576", "04", 17) == "TD-01576-04-000017.tdsync"
    with pytest.raises(ValueError):
        bundle_file_name("../x", "04", 1)


LINES = st.text(alphabet=st.characters(exclude_categories=("Cs",), exclude_characters="\r\n"), min_size=1)


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(tables=st.dictionaries(st.from_regex(r"[a-z_]{1,12}", fullmatch=True), st.lists(LINES, max_size=30), max_size=4),
       blobs=st.lists(st.binary(max_size=5000), max_size=4, unique=True),
       chunk_size=st.integers(1024, 3000))
def test_random_entry_sets_round_trip(offices: Offices, tables: dict[str, list[str]], blobs: list[bytes],
                                      chunk_size: int) -> None:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "b.tdsync"
        with BundleWriter(path, COMMUNE, PROVINCE, offices.commune, public_box(offices.province),
                          offices.recovery.public_key, schema_version=1, chunk_size=chunk_size) as writer:
            writer.add_manifest({})
            for table, lines in tables.items():
                writer.add_lines(f"records/{table}.jsonl", lines)
            for blob in blobs:
                writer.add_bytes(sha_name(blob), blob)
        with open_bundle(path, offices.province, offices.commune.public().sign_key, "04") as reader:
            got = {entry.name: (list(entry.lines()) if entry.kind == "records" else entry.read())
                   for entry in reader.entries()}
    assert got == {**{f"records/{t}.jsonl": lines for t, lines in tables.items()},
                   **{sha_name(blob): blob for blob in blobs}}


def test_recovery_key_opens_a_bundle(bundle: Path, offices: Offices) -> None:
    with open_bundle_with_recovery(bundle, offices.recovery, offices.commune.public().sign_key) as reader:
        assert {entry.name: entry.read() for entry in reader.entries()} == SMALL


def test_writer_errors_leave_no_file(tmp_path: Path, offices: Offices) -> None:
    target = tmp_path / "x.tdsync"
    with pytest.raises(ValueError), BundleWriter(target, COMMUNE, PROVINCE, offices.commune,
                                                 public_box(offices.province), offices.recovery.public_key, 1) as w:
        w.add_manifest({})
        w.add_bytes("attachments/" + "0" * 64, b"not that hash")
    assert list(tmp_path.iterdir()) == []
    for bad in ("../evil", "records/x.json", "manifest.json"):
        with pytest.raises(ValueError), BundleWriter(target, COMMUNE, PROVINCE, offices.commune,
                                                     public_box(offices.province), offices.recovery.public_key, 1) as w:
            w.add_manifest({})
            w.add_bytes(bad, b"")
    assert list(tmp_path.iterdir()) == []


def test_split_helpers_and_a_header_that_outgrows_its_room(tmp_path: Path, offices: Offices) -> None:
    with BundleWriter(tmp_path / "a.tdsync", COMMUNE, PROVINCE, offices.commune, public_box(offices.province),
                      offices.recovery.public_key, 1, counts={}) as writer:
        writer.add_manifest({})
        assert not writer.would_exceed(MAX_BUNDLE_BYTES) and writer.would_exceed(100, extra=writer.plaintext_bytes)
        writer.add_bytes("records/people.jsonl", b"{}\n" * 1000)
        assert writer.counts is not None
        writer.counts.update({"table_" + "".join(chr(97 + int(d)) for d in str(i)): i for i in range(300)})
    assert writer.header is not None and len(writer.header.counts) == 300
    assert read_all(tmp_path / "a.tdsync", offices) == {"records/people.jsonl": b"{}\n" * 1000}


# --- damage ----------------------------------------------------------------------------------

def offsets(size: int, count: int = 40) -> list[int]:
    """Every offset of the head region plus an even spread over the payload."""
    return sorted({*range(0, 20), *(size * i // count for i in range(count)), size - 1})


def test_truncation_at_any_offset_is_reported_as_truncated(tmp_path: Path, bundle: Path, offices: Offices) -> None:
    data = bundle.read_bytes()
    header = inspect_bundle(bundle)
    cuts = sorted({*offsets(len(data)), header.payload_offset - 1, header.payload_offset, header.payload_offset - 70})
    for cut in cuts:
        damaged = tmp_path / f"cut-{cut}.tdsync"
        damaged.write_bytes(data[:cut])
        with pytest.raises(DomainError) as error:
            read_all(damaged, offices)
        assert refused(error, "BUNDLE_TRUNCATED"), cut


@pytest.mark.parametrize("verify_hash", [True, False])
def test_a_single_flipped_bit_anywhere_is_refused(tmp_path: Path, bundle: Path, offices: Offices,
                                                  verify_hash: bool) -> None:
    data = bundle.read_bytes()
    for offset in offsets(len(data), 60):
        damaged = tmp_path / f"flip-{offset}.tdsync"
        damaged.write_bytes(data[:offset] + bytes([data[offset] ^ (1 << offset % 8)]) + data[offset + 1:])
        with pytest.raises(DomainError) as error:
            read_all(damaged, offices, verify_hash=verify_hash)
        refused(error, "BUNDLE_CORRUPT", "BUNDLE_NOT_A_BUNDLE", "BUNDLE_TOO_NEW", "BUNDLE_TRUNCATED",
                "BUNDLE_SIGNATURE_INVALID", "BUNDLE_TOO_LARGE")


def test_header_damage_is_seen_without_any_key(tmp_path: Path, bundle: Path) -> None:
    data = bytearray(bundle.read_bytes())
    data[40] ^= 0x04
    bundle.write_bytes(bytes(data))
    with pytest.raises(DomainError) as error:
        inspect_bundle(bundle)
    assert refused(error, "BUNDLE_CORRUPT").params["reason"] == "header CRC mismatch"


def test_swapped_header_and_extra_bytes_are_refused(tmp_path: Path, offices: Offices) -> None:
    first = write_bundle(tmp_path / "a.tdsync", offices, SMALL)
    second = write_bundle(tmp_path / "b.tdsync", offices, {"records/people.jsonl": b"x" * 3600})
    one, two = inspect_bundle(first), inspect_bundle(second)
    swapped = tmp_path / "swapped.tdsync"
    swapped.write_bytes(first.read_bytes()[:one.payload_offset] + second.read_bytes()[two.payload_offset:])
    for damaged in (swapped, tmp_path / "longer.tdsync"):
        if damaged.name == "longer.tdsync":
            damaged.write_bytes(first.read_bytes() + b"\0")
        with pytest.raises(DomainError) as error:
            read_all(damaged, offices)
        refused(error, "BUNDLE_CORRUPT", "BUNDLE_TRUNCATED")


def test_not_a_bundle(tmp_path: Path, offices: Offices) -> None:
    other = tmp_path / "report.tdsync"
    other.write_bytes(b"PK\x03\x04 a zip file, not ours")
    with pytest.raises(DomainError) as error:
        inspect_bundle(other)
    refused(error, "BUNDLE_NOT_A_BUNDLE")


# --- refusals of well-formed bundles ------------------------------------------------------

def test_wrong_recipient_names_the_intended_office(bundle: Path, offices: Offices) -> None:
    with pytest.raises(DomainError) as error:
        open_bundle(bundle, offices.province, offices.commune.public().sign_key, "01577")
    exc = refused(error, "BUNDLE_WRONG_RECIPIENT")
    assert exc.params["intended_code"] == "04" and exc.params["intended_name"] == PROVINCE["name"]
    assert "Văn phòng Thi đua tỉnh Cao Bằng" in MESSAGES[exc.code][0].format(**exc.params)


def test_wrong_sender_key_is_a_bad_signature(bundle: Path, offices: Offices) -> None:
    with pytest.raises(DomainError) as error:
        open_bundle(bundle, offices.province, OfficeKeys.generate().public().sign_key, "04")
    assert refused(error, "BUNDLE_SIGNATURE_INVALID").params["sender_code"] == "01576"


def test_a_key_we_do_not_hold(bundle: Path, offices: Offices) -> None:
    with pytest.raises(DomainError) as error:
        open_bundle(bundle, OfficeKeys.generate(), offices.commune.public().sign_key, "04")
    refused(error, "BUNDLE_KEY_MISSING")


def test_newer_format_and_schema_are_refused(tmp_path: Path, offices: Offices) -> None:
    newer = craft(tmp_path / "newer.tdsync", offices, [], format_version=2)
    with pytest.raises(DomainError) as error:
        inspect_bundle(newer)
    assert refused(error, "BUNDLE_TOO_NEW").params == {"file": "newer.tdsync", "version": 2, "supported": 1}
    ok = craft(tmp_path / "ok.tdsync", offices, [])
    with pytest.raises(DomainError) as error:
        open_bundle(ok, offices.province, offices.commune.public().sign_key, "04", max_schema_version=2)
    refused(error, "BUNDLE_SCHEMA_TOO_NEW")


def test_the_document_is_enough_to_write_a_bundle(tmp_path: Path, offices: Offices) -> None:
    path = craft(tmp_path / "doc.tdsync", offices, [frame("records/people.jsonl", b'{"id": 1}\n' * 300)])
    assert read_all(path, offices) == {"records/people.jsonl": b'{"id": 1}\n' * 300}


@pytest.mark.parametrize("name", ["../evil", "/etc/x", "attachments/NOTHEX", "records\\people.jsonl",
                                  "records/../../x.jsonl", "records/People.jsonl", "attachments/" + "a" * 63,
                                  b"\xff\xfe", "C:/x"])
def test_unsafe_entry_names_are_refused(tmp_path: Path, offices: Offices, name: str | bytes) -> None:
    path = craft(tmp_path / "evil.tdsync", offices, [frame("records/people.jsonl", b"{}\n"), frame(name, b"boom")])
    with pytest.raises(DomainError) as error:
        read_all(path, offices)
    refused(error, "BUNDLE_UNSAFE_ENTRY")


def test_duplicate_or_misplaced_entries_are_refused(tmp_path: Path, offices: Offices) -> None:
    twice = craft(tmp_path / "twice.tdsync", offices, [frame("records/people.jsonl", b"")] * 2)
    with pytest.raises(DomainError) as error:
        read_all(twice, offices)
    refused(error, "BUNDLE_UNSAFE_ENTRY")
    second_manifest = craft(tmp_path / "m.tdsync", offices, [frame("manifest.json", b"{}")])
    with pytest.raises(DomainError) as error:
        read_all(second_manifest, offices)
    refused(error, "BUNDLE_UNSAFE_ENTRY", "BUNDLE_CORRUPT")
    trailing = craft(tmp_path / "t.tdsync", offices, [], end=b"\0\0extra")
    with pytest.raises(DomainError) as error:
        read_all(trailing, offices)
    refused(error, "BUNDLE_CORRUPT")


def test_an_attachment_that_does_not_match_its_name(tmp_path: Path, offices: Offices) -> None:
    path = craft(tmp_path / "a.tdsync", offices, [frame(sha_name(b"real"), b"fake")])
    with pytest.raises(DomainError) as error:
        read_all(path, offices)
    assert refused(error, "BUNDLE_CORRUPT").params["name"] == sha_name(b"real")


def test_more_data_than_the_header_declares(tmp_path: Path, offices: Offices) -> None:
    entries = [frame("records/people.jsonl", b"{}\n" * 2000)]
    understated = craft(tmp_path / "under.tdsync", offices, entries, declared_plaintext=100)
    with pytest.raises(DomainError) as error:
        inspect_bundle(understated)
    refused(error, "BUNDLE_TOO_LARGE")
    # a segment that claims far more bytes than the whole declared payload
    huge = struct.pack(">H", 20) + b"records/people.jsonl" + struct.pack(">I", 15_000_000) + b"{}\n" * 50
    overlong = craft(tmp_path / "over.tdsync", offices, [huge], end=b"")
    with pytest.raises(DomainError) as error:
        read_all(overlong, offices)
    assert refused(error, "BUNDLE_TOO_LARGE").params["name"] == "records/people.jsonl"


def test_a_stream_without_its_final_tag_is_truncated(tmp_path: Path, offices: Offices) -> None:
    path = craft(tmp_path / "nofinal.tdsync", offices, [frame("records/people.jsonl", b"{}\n" * 700)], final_tag=False)
    with pytest.raises(DomainError) as error:
        read_all(path, offices)
    refused(error, "BUNDLE_TRUNCATED")
