"""Fuzzers for the .tdsync container parser (``inspect_bundle``, ``open_bundle`` and the entry
reader): real bundles mutated byte by byte, random bytes, headers with fuzzed fields that are then
properly signed (so the parser goes on past the signature), and fuzzed plaintext framing that is
properly encrypted (so it reaches the entry parser). Any exception other than the app's own
DomainError counts as a failure: it would reach the user as "Unexpected error".

The records inside a signed bundle and enrolment files have their own fuzzers
(test_fuzz_signed_content.py). A few hundred inputs each by default; ``THIDUA_LONG_ATTACK=1`` runs
10,000 each. Run with ``-s`` to see the count of inputs and refusals."""

from __future__ import annotations

import base64
import hashlib
import json
import os
import struct
import uuid
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import nacl.bindings as sodium
import nacl.public
import nacl.utils
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from thidua_desktop.domain.errors import DomainError
from thidua_desktop.sync import BundleWriter, inspect_bundle, open_bundle
from thidua_desktop.sync.container import open_bundle_with_recovery
from thidua_desktop.sync.container_format import MAGIC, PAYLOAD_AD_PREFIX
from thidua_desktop.sync.keys import OfficeKeys, RecoveryKeys, generate_recovery

from .test_bad_bundle_classes import parts, reseal
from .test_container import COMMUNE, PROVINCE, frame, sha_name

LONG = os.environ.get("THIDUA_LONG_ATTACK") == "1"
FUZZ = settings(max_examples=10_000 if LONG else 250, deadline=None, derandomize=not LONG,
                suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
SCHEMA = 50


class Seeds(list[bytes]):
    """The seed bundles; a short repr, since hypothesis prints the arguments of its strategies."""

    def __repr__(self) -> str:
        return f"<{len(self)} seed bundles>"


@dataclass
class Lab:
    commune: OfficeKeys
    province: OfficeKeys
    recovery: RecoveryKeys
    folder: Path
    seeds: list[bytes]
    inputs: Counter[str] = field(default_factory=Counter)
    refusals: dict[str, Counter[str]] = field(default_factory=dict)
    opened: Counter[str] = field(default_factory=Counter)


@pytest.fixture(scope="module")
def lab(tmp_path_factory: pytest.TempPathFactory) -> Lab:
    commune, province, recovery = OfficeKeys.generate(), OfficeKeys.generate(), generate_recovery()
    folder = tmp_path_factory.mktemp("fuzz-container")
    seeds = Seeds()
    blob = b"%PDF-1.4 bien ban " * 150
    for i, chunk in enumerate((1024, 1500, 256 * 1024)):
        path = folder / f"seed-{i}.tdsync"
        with BundleWriter(path, COMMUNE, PROVINCE, commune, province.public().box_key, recovery.public_key,
                          schema_version=3, seq=i, chunk_size=chunk) as writer:
            writer.add_manifest({"acks": {"04": 3}, "since": {}, "upto": {}})
            writer.add_lines("records/people.jsonl", [json.dumps({"id": n, "ten": "Nông Văn Ánh"}) for n in range(30)])
            if i != 1:
                writer.add_bytes(sha_name(blob), blob)
            writer.add_bytes("records/villages.jsonl", b"")
        seeds.append(path.read_bytes())
    return Lab(commune, province, recovery, folder, seeds)


def exercise(lab: Lab, kind: str, data: bytes) -> None:
    """Everything a reader does with a file: inspect it with and without the hash, open it with the
    office's key and with the recovery key, read every entry to the end. Only DomainError may leave."""
    lab.inputs[kind] += 1
    refusals = lab.refusals.setdefault(kind, Counter())
    path = lab.folder / "fuzz.tdsync"
    path.write_bytes(data)
    for verify in (False, True):
        try:
            inspect_bundle(path, verify_hash=verify)
        except DomainError as exc:
            refusals[exc.code] += 1
    for opener in ("office", "recovery"):
        try:
            if opener == "office":
                reader = open_bundle(path, [lab.province], [lab.commune.public().sign_key], "04",
                                     max_schema_version=SCHEMA)
            else:
                reader = open_bundle_with_recovery(path, lab.recovery, lab.commune.public().sign_key,
                                                   max_schema_version=SCHEMA)
            with reader:
                for entry in reader.entries():
                    if entry.kind == "records":
                        for _line in entry.lines():
                            pass
                    else:
                        entry.read(64 * 1024 * 1024)
                reader.finish()
            lab.opened[kind] += 1
        except DomainError as exc:
            refusals[exc.code] += 1


# --- 1. real bundles, mutated byte by byte ---------------------------------------------------

@st.composite
def mutated(draw: st.DrawFn, seeds: list[bytes]) -> bytes:
    data = bytearray(draw(st.sampled_from(seeds)))
    for _ in range(draw(st.integers(1, 4))):
        op = draw(st.sampled_from(["flip", "set", "delete", "insert", "truncate", "splice", "head"]))
        at = draw(st.integers(0, max(len(data) - 1, 0)))
        if op == "head":  # most of the parsing happens in the first few hundred bytes
            at = draw(st.integers(0, min(len(data), 1500) - 1)) if data else 0
            op = draw(st.sampled_from(["flip", "set"]))
        if not data:
            data += draw(st.binary(min_size=1, max_size=8))
        elif op == "flip":
            data[at] ^= 1 << draw(st.integers(0, 7))
        elif op == "set":
            data[at] = draw(st.integers(0, 255))
        elif op == "delete":
            del data[at:at + draw(st.integers(1, 64))]
        elif op == "insert":
            data[at:at] = draw(st.binary(min_size=1, max_size=64))
        elif op == "truncate":
            del data[at:]
        else:
            other = draw(st.sampled_from(seeds))
            data[at:] = other[draw(st.integers(0, len(other) - 1)):]
    return bytes(data)


def test_mutated_real_bundles_never_crash_the_parser(lab: Lab) -> None:
    @FUZZ
    @given(data=st.data())
    def run(data: st.DataObject) -> None:
        exercise(lab, "mutated", data.draw(mutated(lab.seeds)))

    run()
    report(lab, "mutated")


def test_random_bytes_never_crash_the_parser(lab: Lab) -> None:
    prelude = st.builds(lambda v, n: MAGIC + struct.pack(">HI", v, n), st.just(1) | st.integers(0, 65535),
                        st.integers(0, 2 ** 32 - 1) | st.integers(0, 300))

    @FUZZ
    @given(head=st.sampled_from([b"", MAGIC, MAGIC[:5]]) | prelude, body=st.binary(max_size=2000))
    def run(head: bytes, body: bytes) -> None:
        exercise(lab, "random", head + body)

    run()
    report(lab, "random")


# --- 2. headers with fuzzed fields, properly signed -----------------------------------------

SCALARS = (st.none() | st.booleans() | st.integers() | st.integers(min_value=2 ** 62, max_value=2 ** 70)
           | st.floats(allow_nan=False, allow_infinity=False) | st.text(max_size=30)
           | st.sampled_from(["", "04", "01576", "../../etc/passwd", "x" * 300, "AAAA", "=" * 8,
                              base64.b64encode(b"k" * 32).decode(), base64.b64encode(b"k" * 80).decode(),
                              "0" * 64, "f" * 16, str(uuid.uuid4()), "secretstream_xchacha20poly1305"]))
VALUES = st.recursive(SCALARS, lambda inner: st.lists(inner, max_size=3)
                      | st.dictionaries(st.text(max_size=10), inner, max_size=3), max_leaves=6)
HEADER_PATHS = ["format_version", "bundle_id", "created_at", "app_version", "schema_version", "seq", "counts",
                "chunk_size", "cipher", "plaintext_size", "ciphertext_size", "ciphertext_sha256", "wrapped_keys",
                "wrapped_keys.0", "wrapped_keys.0.role", "wrapped_keys.0.box_key_id", "wrapped_keys.0.sealed",
                "sender", "sender.code", "sender.name", "sender.node_id", "sender.epoch", "sender.key_id",
                "sender.sign_key", "sender.box_key", "sender.endorsement", "recipient", "recipient.code",
                "recipient.name", "recipient.node_id", "recipient.key_id", "extra"]


@st.composite
def fuzzed_header(draw: st.DrawFn, seeds: list[bytes], signer: OfficeKeys) -> bytes:
    seed = draw(st.sampled_from(seeds))

    def change(header: dict[str, Any]) -> None:
        for path in draw(st.sets(st.sampled_from(HEADER_PATHS), min_size=1, max_size=3)):
            *outer, last = path.split(".")
            target: Any = header
            for key in outer:
                if isinstance(target, list) and key.isdigit() and int(key) < len(target):
                    target = target[int(key)]
                elif isinstance(target, dict):
                    target = target.get(key)
            if isinstance(target, list):
                index = int(last) if last.isdigit() else 0
                if index < len(target):
                    target[index] = draw(VALUES)
            elif isinstance(target, dict):
                if draw(st.booleans()) and last in target:
                    del target[last]
                else:
                    target[last] = draw(VALUES)

    version = draw(st.sampled_from([None] * 8 + [0, 2]))
    return reseal(seed, change, signer, version=version)


def test_signed_headers_with_fuzzed_fields_never_crash_the_parser(lab: Lab) -> None:
    @FUZZ
    @given(data=st.data())
    def run(data: st.DataObject) -> None:
        exercise(lab, "header", data.draw(fuzzed_header(lab.seeds, lab.commune)))

    run()
    report(lab, "header")


# --- 3. fuzzed framing inside a properly encrypted payload ----------------------------------

def seal(lab: Lab, plain: bytes, *, chunk_size: int, declared: int | None, final_tag: bool,
         bundle_id: str) -> bytes:
    """A bundle whose payload is exactly ``plain`` (framing included), encrypted and signed as the
    format says: only the plaintext is hostile."""
    key, state = nacl.utils.random(32), sodium.crypto_secretstream_xchacha20poly1305_state()
    cipher = bytearray(sodium.crypto_secretstream_xchacha20poly1305_init_push(state, key))
    ad = PAYLOAD_AD_PREFIX + uuid.UUID(bundle_id).bytes
    full = len(plain) // chunk_size * chunk_size
    for start in range(0, full, chunk_size):
        cipher += sodium.crypto_secretstream_xchacha20poly1305_push(state, plain[start:start + chunk_size], ad, 0)
    cipher += sodium.crypto_secretstream_xchacha20poly1305_push(
        state, plain[full:], ad, sodium.crypto_secretstream_xchacha20poly1305_TAG_FINAL if final_tag else 0)

    def wrap(role: str, box_key: bytes) -> dict[str, str]:
        sealed = nacl.public.SealedBox(nacl.public.PublicKey(box_key)).encrypt(key)
        return {"role": role, "box_key_id": hashlib.sha256(box_key).hexdigest()[:16],
                "sealed": base64.b64encode(bytes(sealed)).decode()}

    def change(header: dict[str, Any]) -> None:
        header.update(bundle_id=bundle_id, chunk_size=chunk_size, plaintext_size=declared or len(plain),
                      ciphertext_size=len(cipher), ciphertext_sha256=hashlib.sha256(cipher).hexdigest(),
                      wrapped_keys=[wrap("recipient", lab.province.public().box_key),
                                    wrap("recovery", lab.recovery.public_key)])

    return reseal(lab.seeds[0], change, lab.commune, payload=bytes(cipher))


NAMES = st.sampled_from(["records/people.jsonl", "records/villages.jsonl", "manifest.json", "../evil",
                         "attachments/" + "0" * 64, sha_name(b"ok"), "records/x.jsonl"]) | st.text(max_size=20)


@st.composite
def framing(draw: st.DrawFn, bundle_id: str) -> bytes:
    manifest = draw(st.sampled_from(["valid", "valid", "valid", "json", "bytes"]))
    if manifest == "valid":
        body = json.dumps({"bundle_id": bundle_id, **draw(st.dictionaries(st.text(max_size=6), VALUES,
                                                                          max_size=3))}).encode()
    elif manifest == "json":
        body = json.dumps(draw(VALUES)).encode()
    else:
        body = draw(st.binary(max_size=200))
    plain = bytearray(frame("manifest.json", body))
    if draw(st.booleans()):
        plain += draw(st.binary(max_size=300))  # anything at all after the manifest
    else:
        for _ in range(draw(st.integers(0, 4))):
            name = draw(NAMES | st.binary(max_size=12))
            raw = name.encode("utf-8", "surrogatepass") if isinstance(name, str) else name
            plain += struct.pack(">H", draw(st.sampled_from([len(raw)] * 4 + [0, 1, 65535]))) + raw
            for segment in draw(st.lists(st.binary(max_size=400) | st.just(b"ok") | st.just(b'{"id": 1}\n'),
                                         max_size=3)):
                length = draw(st.sampled_from([len(segment)] * 4 + [0, len(segment) + 1, 2 ** 32 - 1]))
                plain += struct.pack(">I", length) + segment
            plain += draw(st.sampled_from([b"\0\0\0\0"] * 4 + [b"", b"\0\0"]))
        plain += draw(st.sampled_from([b"\0\0"] * 4 + [b"", b"\0", b"\0\0junk"]))
    return bytes(plain)


def test_fuzzed_framing_in_a_sound_payload_never_crashes_the_parser(lab: Lab) -> None:
    @FUZZ
    @given(data=st.data(), chunk_size=st.sampled_from([1024, 1025, 2048]), final_tag=st.booleans() | st.just(True),
           size_change=st.sampled_from([0] * 6 + [-1, 1, -100, 5000]))
    def run(data: st.DataObject, chunk_size: int, final_tag: bool, size_change: int) -> None:
        bundle_id = str(uuid.uuid4())
        plain = data.draw(framing(bundle_id))
        declared = max(len(plain) + size_change, 1) if size_change else None
        exercise(lab, "framing", seal(lab, plain, chunk_size=chunk_size, declared=declared, final_tag=final_tag,
                                      bundle_id=bundle_id))

    run()
    report(lab, "framing")


def report(lab: Lab, kind: str) -> None:
    top = ", ".join(f"{code.removeprefix('BUNDLE_')} {n}" for code, n in lab.refusals[kind].most_common(7))
    print(f"\ncontainer parser, {kind}: {lab.inputs[kind]} inputs, 0 crashes; {lab.opened[kind]} readings to the "
          f"end, refusals (4 readings per input): {top}")
    assert lab.inputs[kind] >= (10_000 if LONG else 100)


def test_the_sound_seeds_open(lab: Lab) -> None:
    """The fuzzers start from bundles that open: the refusals are about the damage."""
    for seed in lab.seeds:
        path = lab.folder / "seed.tdsync"
        path.write_bytes(seed)
        with open_bundle(path, lab.province, lab.commune.public().sign_key, "04") as reader:
            assert sum(1 for _ in reader.entries()) >= 2
    bundle_id = str(uuid.uuid4())
    plain = frame("manifest.json", json.dumps({"bundle_id": bundle_id}).encode()) + \
        frame("records/people.jsonl", b'{"id": 1}\n') + b"\0\0"
    path = lab.folder / "sealed.tdsync"
    path.write_bytes(seal(lab, plain, chunk_size=1024, declared=None, final_tag=True, bundle_id=bundle_id))
    with open_bundle(path, lab.province, lab.commune.public().sign_key, "04") as reader:
        assert [(e.name, e.read()) for e in reader.entries()] == [("records/people.jsonl", b'{"id": 1}\n')]
    assert parts(lab.seeds[0])[1]["sender"]["code"] == "01576"
