"""The eight classes of bad bundles, each refused with its own reason code and a message naming the
file, and the province's database unchanged byte for byte (issue 11, "the attack stays in the
repository"). This module is the one place that proves "8 of 8 classes refused with data unchanged";
the single checks it builds on live in test_container.py (the container alone) and
test_sync_service.py (a few bundles through the service).

1. truncated at many offsets            5. unknown or revoked sender, unknown key
2. bit flips at many offsets            6. replayed (already imported)
3. swapped or forged header             7. from a newer app or schema version
4. wrong recipient                      8. unsafe entry names, or far too large

The database is compared through a canonical dump of every table (schema, then each table's rows
ordered by primary key), leaving out only the rows of ``security_log``: tampering refusals write
there on purpose, and the test checks that they did (one row naming the file). Refusals of what is
an honest mistake (a bundle for another office, one already imported, one from a newer app, one
encrypted for a key this computer no longer holds) write nothing at all, the security log included.
The data folder's other files (attachment store, waiting bundles, keys) are compared as well.

A few variants per class by default; ``THIDUA_LONG_ATTACK=1`` runs over 285 in all. Run with ``-s``
to see the summary line per class."""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import struct
import zlib
from collections import Counter
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest
from sync_helpers import deliver, enrolled_pair

from thidua_desktop.bootstrap import App, open_app
from thidua_desktop.domain.errors import DomainError
from thidua_desktop.messages import render
from thidua_desktop.services.movements import MovementInput
from thidua_desktop.services.people import PersonInput
from thidua_desktop.services.sync import SCHEMA_VERSION
from thidua_desktop.sync import keys as k
from thidua_desktop.sync.container import BundleWriter, inspect_bundle
from thidua_desktop.sync.container_format import MAGIC, PRELUDE, SIGNATURE_BYTES
from thidua_desktop.sync.keys import OfficeKeys, load_recovery_private

from .test_container import Offices, craft, frame, sha_name

LONG = os.environ.get("THIDUA_LONG_ATTACK") == "1"
SECURITY_LOG = "security_log"
# Refusals that say someone may have tampered with a bundle: each writes one security_log row.
TAMPER = {"BUNDLE_CORRUPT", "BUNDLE_TRUNCATED", "BUNDLE_SIGNATURE_INVALID", "BUNDLE_UNSAFE_ENTRY",
          "BUNDLE_TOO_LARGE", "BUNDLE_SENDER_UNKNOWN", "BUNDLE_SENDER_REVOKED", "BUNDLE_NOT_A_BUNDLE"}


# --- the world: a province, its confirmed commune, a revoked commune ---------------------------

@dataclass
class World:
    province: App
    commune: App
    tmp: Path
    base: Path  # a sound bundle from the commune, not imported: the one the classes damage
    applied: list[Path]  # bundles the province has applied
    revoked_bundle: Path  # a genuine bundle from a commune the province revoked
    down_bundle: Path  # the province's own bundle for the commune
    commune_keys: OfficeKeys
    province_keys: OfficeKeys
    recovery_public: bytes
    offices: Offices  # the same keys in test_container's shape, for its ``craft``
    attacker: OfficeKeys = field(default_factory=OfficeKeys.generate)
    baseline: bytes = b""
    files: dict[str, str] = field(default_factory=dict)
    results: dict[int, Counter[str]] = field(default_factory=dict)
    logged: Counter[int] = field(default_factory=Counter)
    variants: Counter[int] = field(default_factory=Counter)


@pytest.fixture(scope="module")
def world(tmp_path_factory: pytest.TempPathFactory) -> Iterator[World]:
    tmp = tmp_path_factory.mktemp("bad-bundles")
    province, commune, _enrolment = enrolled_pair(tmp)
    commune.people.create(PersonInput("Nông Văn An", "male", birth="12/03/1985"))
    [first] = commune.sync.export(tmp / "usb-1").files
    deliver(province, commune, first)  # confirmed by fingerprint: the commune's key is pinned
    commune.people.create(PersonInput("Lý Thị Bình", "female", birth="1990"))
    [second] = commune.sync.export(tmp / "usb-2").files
    province.sync.import_bundle(second)
    # The bundle the classes damage holds a record and an attachment (what a refusal must not
    # leave in the store).
    commune.people.create(PersonInput("Hoàng Văn Cường", "male", birth="1979"))
    photo = tmp / "anh.jpg"
    photo.write_bytes(b"\xff\xd8\xff anh buoi hop " * 300)
    movement = commune.movements.create(MovementInput(code="M1", name="Phong trào thử"))
    commune.movements.record_activity(movement_id=movement, held_on="02/06/2026", files=[photo])
    [base] = commune.sync.export(tmp / "usb-3").files

    enrolment = tmp / "ket-noi-01273.json"
    province.sync.export_enrollment("01273", enrolment)
    other = open_app(tmp / "xa-01273", actor="xa")
    try:
        other.office.init_office("commune", "01273")
        other.sync.accept_enrollment(enrolment.read_bytes())
        other.people.create(PersonInput("Lục Văn Đông", "male"))
        [revoked_bundle] = other.sync.export(tmp / "usb-revoked").files
    finally:
        other.close()
    province.sync.revoke_peer("01273")
    [down] = province.sync.export(tmp / "usb-down", to="01576").files

    commune_keys, province_keys = commune.sync.ensure_keys(), province.sync.ensure_keys()
    recovery = load_recovery_private(tmp / "recovery.tdkey")
    w = World(province, commune, tmp, base, [first, second], revoked_bundle, down, commune_keys, province_keys,
              recovery.public_key, Offices(commune_keys, province_keys, recovery))
    (tmp / "bad").mkdir()
    w.baseline, w.files = dump(province), data_files(province)
    yield w
    province.close()
    commune.close()


def dump(app: App) -> bytes:
    """Every table of the database in a canonical form: the schema, each table's rows ordered by
    primary key (all columns when it has none) with their types, the header pragmas. The rows of
    the security log are left out, and nothing else."""
    out: list[str] = []
    with app.db.reader() as session:
        conn = session.connection()
        for pragma in ("user_version", "application_id", "schema_version"):
            out.append(f"{pragma}={conn.exec_driver_sql(f'PRAGMA {pragma}').scalar()}")
        schema = conn.exec_driver_sql("SELECT type, name, tbl_name, sql FROM sqlite_master "
                                      "ORDER BY type, name").all()
        out.extend(repr(tuple(row)) for row in schema)
        for _type, name, _tbl, _sql in (row for row in schema if row[0] == "table"):
            if name == SECURITY_LOG:
                continue
            columns = conn.exec_driver_sql(f'PRAGMA table_info("{name}")').all()
            keys = [c[1] for c in sorted(columns, key=lambda c: c[5]) if c[5]] or [c[1] for c in columns]
            order = ", ".join(f'"{key}"' for key in keys)
            rows = conn.exec_driver_sql(f'SELECT * FROM "{name}" ORDER BY {order}').all()
            out.append(f"== {name} ({len(rows)} rows)")
            out.extend(repr(tuple(row)) for row in rows)
    return "\n".join(out).encode("utf-8")


def data_files(app: App) -> dict[str, str]:
    """The data folder's files other than the database and the log, with their hashes."""
    folder = app.paths.data_dir
    db_names = {app.paths.db_file.name + suffix for suffix in ("", "-wal", "-shm", "-journal")}
    return {p.relative_to(folder).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(folder.rglob("*")) if p.is_file() and p.name not in db_names
            and "logs" not in p.relative_to(folder).parts}


def security_rows(app: App) -> list[tuple[Any, ...]]:
    with app.db.reader() as session:
        return [tuple(row) for row in session.connection().exec_driver_sql(
            f'SELECT id, kind, file_name FROM "{SECURITY_LOG}" ORDER BY id').all()]


def first_difference(before: bytes, after: bytes) -> str:
    old, new = before.decode().splitlines(), after.decode().splitlines()
    table = ""
    for a, b in zip(old, new, strict=False):
        if a.startswith("== "):
            table = a
        if a != b:
            return f"{table}: {a!r} -> {b!r}"
    return f"{len(old)} lines -> {len(new)} lines"


# --- building bad bundles ----------------------------------------------------------------------

def parts(data: bytes) -> tuple[int, dict[str, Any], bytes, bytes]:
    """(format version, header JSON, signature, payload) of a bundle's bytes."""
    _, version, length = PRELUDE.unpack_from(data)
    end = PRELUDE.size + length
    return version, json.loads(data[PRELUDE.size:end]), data[end:end + SIGNATURE_BYTES], data[end + 68:]


def reseal(data: bytes, change: Callable[[dict[str, Any]], object] | None, signer: OfficeKeys | None, *,
           version: int | None = None, payload: bytes | None = None, crc: bool = True) -> bytes:
    """The bundle with its header JSON changed, signed by ``signer`` (None: the old signature kept),
    with a CRC that matches (unless ``crc`` is False): what someone who understands the format writes."""
    old_version, header, signature, old_payload = parts(data)
    if change is not None:
        change(header)
    body = json.dumps(header, ensure_ascii=False).encode("utf-8")
    signed = MAGIC + struct.pack(">HI", old_version if version is None else version, len(body)) + body
    head = signed + (signer.sign(signed) if signer is not None else signature)
    check = zlib.crc32(head) if crc else zlib.crc32(head) ^ 0xFFFF
    return head + struct.pack(">I", check) + (old_payload if payload is None else payload)


def setter(path: str, value: Any) -> Callable[[dict[str, Any]], None]:
    def change(header: dict[str, Any]) -> None:
        *outer, last = path.split(".")
        target = header
        for key in outer:
            target = target[key]
        target[last] = value
    return change


def claim_keys(keys: OfficeKeys, **sender: Any) -> Callable[[dict[str, Any]], None]:
    """The sender block names ``keys`` (and the given fields): an impostor signing with its own key."""
    def change(header: dict[str, Any]) -> None:
        header["sender"].update({**keys.public().to_dict(), **sender})
        header["sender"].pop("endorsement", None)
    return change


def writer_bundle(w: World, target: Path, *, keys: OfficeKeys | None = None, box: bytes | None = None,
                  recipient: dict[str, str] | None = None, schema: int = SCHEMA_VERSION,
                  app_version: str | None = None, sender_code: str | None = None) -> Path:
    """A well-formed bundle written by BundleWriter with the given keys, recipient and versions."""
    office = w.commune.office.office()
    sender = {"code": sender_code or office.unit_code, "name": office.unit_name, "node_id": office.node_id,
              "epoch": office.epoch}
    extra = {"app_version": app_version} if app_version else {}
    with BundleWriter(target, sender, recipient or {"code": "04", "name": w.province.office.office().unit_name},
                      keys or w.commune_keys, box or w.province_keys.public().box_key, w.recovery_public,
                      schema, None, 99, **extra) as writer:
        writer.add_manifest({"acks": {}, "since": {}, "upto": {}})
        writer.add_lines("records/people.jsonl", ['{"id": "x"}'])
    return target


Variant = tuple[str, bytes | Path]  # a label, then the bundle's bytes or a ready file


def spread(size: int, count: int, lead: int = 0) -> list[int]:
    return sorted({*range(min(lead, size)), *(size * i // count for i in range(count)), size - 1})


def truncated(w: World) -> Iterator[Variant]:
    data = w.base.read_bytes()
    payload_at = inspect_bundle(w.base).payload_offset
    cuts = spread(len(data), 70, lead=20) if LONG else [0, 5, 13, 40, len(data) // 2, len(data) - 1]
    for cut in sorted({*cuts, payload_at - 1, payload_at, payload_at - 68, *([payload_at + 24] if LONG else [])}):
        yield f"cut-{cut}", data[:cut]


def bit_flips(w: World) -> Iterator[Variant]:
    data = w.base.read_bytes()
    for offset in spread(len(data), 85, lead=16) if LONG else [3, 9, 12, 60, len(data) // 2, len(data) - 1]:
        flipped = bytearray(data)
        flipped[offset] ^= 1 << (offset % 8)
        yield f"flip-{offset}", bytes(flipped)


FORGED_FIELDS: list[tuple[str, Any]] = [
    ("seq", 12345), ("created_at", "2030-01-01T00:00:00Z"), ("app_version", "0.0.1"), ("counts", {"people": 9}),
    ("sender.name", "Xã Giả Mạo"), ("sender.epoch", 7), ("sender.node_id", "impostor"), ("extra", "unknown"),
    ("recipient.name", "Tỉnh khác"), ("chunk_size", 4096),
]


def forged(w: World) -> Iterator[Variant]:
    data, second = w.base.read_bytes(), w.applied[1].read_bytes()
    one, two = inspect_bundle(w.base), inspect_bundle(w.applied[1])
    yield "head-of-base+payload-of-applied", data[:one.payload_offset] + second[two.payload_offset:]
    yield "head-of-applied+payload-of-base", second[:two.payload_offset] + data[one.payload_offset:]
    sizes = {k: parts(second)[1][k] for k in ("plaintext_size", "ciphertext_size", "ciphertext_sha256")}
    yield "header-redirected-to-another-payload", reseal(data, lambda h: h.update(sizes), None,
                                                         payload=parts(second)[3])
    yield "edited-without-crc", reseal(data, setter("seq", 4), None, crc=False)
    yield "impostor-keys-resigned", reseal(data, claim_keys(w.attacker), w.attacker)
    for name, value in FORGED_FIELDS if LONG else FORGED_FIELDS[:2]:
        yield f"{name}-edited-old-signature", reseal(data, setter(name, value), None)
        if LONG:
            yield f"{name}-edited-signed-by-impostor", reseal(data, setter(name, value), w.attacker)
            yield f"{name}-edited-impostor-keys", reseal(data, lambda h, n=name, v=value: (
                claim_keys(w.attacker)(h), setter(n, v)(h)), w.attacker)
    respaced = reseal(data, None, None)  # the same JSON re-serialised: not the bytes that were signed
    assert respaced != data
    yield "same-header-other-spacing", respaced


def wrong_recipient(w: World) -> Iterator[Variant]:
    yield "province-bundle-for-the-commune", w.down_bundle
    codes = ["05", "01273", "01576", "99", "12345", "10", "00", "01290", "02000", "44", "79", "96001"]
    for code in codes if LONG else codes[:2]:
        yield f"readdressed-to-{code}", reseal(w.base.read_bytes(), setter("recipient.code", code), w.commune_keys)
    yield "made-for-another-province", writer_bundle(w, w.tmp / "bad" / "khac.tdsync",
                                                     recipient={"code": "05", "name": "Tỉnh Hà Giang"})


def unknown_sender(w: World) -> Iterator[Variant]:
    data = w.base.read_bytes()
    yield "genuine-bundle-of-revoked-commune", w.revoked_bundle
    yield "claims-revoked-commune", reseal(data, setter("sender.code", "01273"), w.commune_keys)
    codes = ["01290", "01300", "99999", "04", "12"] + (["01279", "01282", "01288", "00001", "55555"] if LONG else [])
    for code in codes if LONG else codes[:1]:
        yield f"unenrolled-{code}", reseal(data, claim_keys(w.attacker, code=code), w.attacker)
    yield "impostor-key-as-the-commune", writer_bundle(w, w.tmp / "bad" / "impostor.tdsync", keys=w.attacker)
    bogus = {"previous_key_id": w.commune_keys.key_id, "signature": k.b64e(b"\x01" * 64)}
    yield "rotation-without-a-valid-endorsement", reseal(data, lambda h: (claim_keys(w.attacker)(h),
                                                                          h["sender"].update(endorsement=bogus)),
                                                         w.attacker)
    yield "sealed-for-a-key-not-held", writer_bundle(w, w.tmp / "bad" / "other-key.tdsync",
                                                     box=OfficeKeys.generate().public().box_key)
    if LONG:
        for i in range(5):
            yield f"impostor-key-{i}", writer_bundle(w, w.tmp / "bad" / f"impostor-{i}.tdsync",
                                                     keys=OfficeKeys.generate())
        for i in range(3):
            yield f"sealed-for-another-key-{i}", writer_bundle(w, w.tmp / "bad" / f"other-key-{i}.tdsync",
                                                               box=OfficeKeys.generate().public().box_key)


def replayed(w: World) -> Iterator[Variant]:
    first, second = w.applied
    yield "first-bundle-again", first
    yield "second-bundle-again", second
    copies = 10 if LONG else 1
    for i in range(copies):
        source = w.applied[i % 2]
        yield f"copy-{i}", source.read_bytes()
    yield "same-id-resigned-by-impostor", reseal(second.read_bytes(), lambda h: (claim_keys(w.attacker)(h),
                                                                                 h.update(seq=77)), w.attacker)
    if LONG:
        yield "same-id-other-sequence", reseal(first.read_bytes(), setter("seq", 500), None)
        yield "same-id-resigned-by-commune", reseal(second.read_bytes(), setter("seq", 501), w.commune_keys)


def newer(w: World) -> Iterator[Variant]:
    data = w.base.read_bytes()
    steps = [1, 2, 10, 1000, 65000] if LONG else [1]
    for step in steps:
        yield f"schema+{step}", writer_bundle(w, w.tmp / "bad" / f"schema-{step}.tdsync",
                                              schema=SCHEMA_VERSION + step, app_version=f"{9 + step}.0")
    for version in [2, 3, 255, 65535] if LONG else [2]:
        patched = bytearray(data)
        struct.pack_into(">H", patched, len(MAGIC), version)
        yield f"format-{version}-in-the-prelude", bytes(patched)
    if LONG:
        for version in (2, 7):
            yield f"format-{version}-signed", reseal(data, setter("format_version", version), w.commune_keys,
                                                     version=version)
        for schema in (SCHEMA_VERSION + 1, 10 ** 6, 2 ** 40):
            yield f"schema-{schema}-resigned", reseal(data, setter("schema_version", schema), w.commune_keys)


UNSAFE_NAMES: list[str | bytes] = [
    "../evil", "/etc/passwd", "C:/x", "records\\people.jsonl", "records/../../x.jsonl", "attachments/NOTHEX",
    "records/People.jsonl", b"\xff\xfe", "records/people.jsonl\x00.exe", "./records/people.jsonl",
    "records//people.jsonl", "attachments/../../../home/x", "records/p\u0435ople.jsonl", "a" * 65535,
    "manifest.json", "records/people.jsonl", "attachments/" + "A" * 64, "records/people.jsonl ",
    "\u202eattachments/x", "records/people.JSONL",
]


def unsafe_or_huge(w: World) -> Iterator[Variant]:
    bad = w.tmp / "bad"
    blob = b"%PDF-1.4 giay khen " * 40
    for i, name in enumerate(UNSAFE_NAMES if LONG else UNSAFE_NAMES[:3]):
        frames = [frame("records/people.jsonl", b'{"id": "y"}\n'), frame(name, b"boom")]
        yield f"name-{i}", craft(bad / f"name-{i}.tdsync", w.offices, frames)
    yield "attachment-then-unsafe-name", craft(bad / "att-then-evil.tdsync", w.offices,
                                               [frame(sha_name(blob), blob), frame("../evil", b"boom")])
    many = [frame("records/people.jsonl", b"{}\n" * 2000)]
    yield "more-than-declared", craft(bad / "under.tdsync", w.offices, many, declared_plaintext=100)
    for claim in [15_000_000, 16 * 1024 * 1024 + 1, 2 ** 32 - 1] if LONG else [15_000_000]:
        segment = struct.pack(">H", 20) + b"records/people.jsonl" + struct.pack(">I", claim) + b"{}\n" * 50
        yield f"segment-claims-{claim}", craft(bad / f"seg-{claim}.tdsync", w.offices, [segment], end=b"")
    yield "header-claims-5-GiB", reseal(w.base.read_bytes(), setter("plaintext_size", 5 * 1024 ** 3), w.commune_keys)
    if LONG:
        # one line over 16 MiB, in segments that are each within the segment limit
        part = b"x" * (8 * 1024 * 1024)
        line = struct.pack(">H", 20) + b"records/people.jsonl" + b"".join(
            struct.pack(">I", len(p)) + p for p in (part, part, b"x\n")) + b"\0\0\0\0"
        yield "one-line-over-16-MiB", craft(bad / "line.tdsync", w.offices, [line], chunk_size=1024 * 1024)
        for size in (4 * 1024 ** 3, 2 ** 40, 2 ** 62):
            yield f"header-claims-{size}", reseal(w.base.read_bytes(), setter("plaintext_size", size),
                                                  w.commune_keys)


@dataclass(frozen=True)
class BadClass:
    number: int
    title: str
    variants: Callable[[World], Iterator[Variant]]
    codes: frozenset[str]


CLASSES = [
    BadClass(1, "truncated", truncated, frozenset({"BUNDLE_TRUNCATED"})),
    BadClass(2, "bit flips", bit_flips, frozenset({"BUNDLE_CORRUPT", "BUNDLE_NOT_A_BUNDLE", "BUNDLE_TOO_NEW",
                                                   "BUNDLE_TRUNCATED", "BUNDLE_TOO_LARGE"})),
    BadClass(3, "swapped or forged header", forged,
             frozenset({"BUNDLE_CORRUPT", "BUNDLE_TRUNCATED", "BUNDLE_SIGNATURE_INVALID"})),
    BadClass(4, "wrong recipient", wrong_recipient, frozenset({"BUNDLE_WRONG_RECIPIENT"})),
    BadClass(5, "unknown or revoked sender, unknown key", unknown_sender,
             frozenset({"BUNDLE_SENDER_UNKNOWN", "BUNDLE_SENDER_REVOKED", "BUNDLE_SIGNATURE_INVALID",
                        "BUNDLE_KEY_MISSING"})),
    BadClass(6, "replayed", replayed, frozenset({"BUNDLE_ALREADY_IMPORTED"})),
    BadClass(7, "newer app or schema", newer, frozenset({"BUNDLE_TOO_NEW", "BUNDLE_SCHEMA_TOO_NEW"})),
    BadClass(8, "unsafe names or far too large", unsafe_or_huge,
             frozenset({"BUNDLE_UNSAFE_ENTRY", "BUNDLE_TOO_LARGE"})),
]


# --- running a class ---------------------------------------------------------------------------

def refuse(w: World, bad: BadClass, label: str, bundle: bytes | Path) -> str:
    """Import one bad bundle at the province; return its reason code after checking everything."""
    if isinstance(bundle, bytes):
        path = w.tmp / "bad" / f"TD-01576-04-c{bad.number}-{label}.tdsync"
        path.write_bytes(bundle)
    else:
        path = bundle
    events = security_rows(w.province)
    where = f"class {bad.number} ({bad.title}), {label}"
    try:
        report = w.province.sync.import_bundle(path)
    except DomainError as exc:
        error = exc
    else:
        pytest.fail(f"{where}: imported {report}")
    assert error.code in bad.codes, f"{where}: {error!r}"
    for lang in ("vi", "en"):
        text = render(error, lang)
        assert path.name in text, f"{where}: {text}"
        assert error.code not in text, f"{where}: no sentence for {error.code}: {text}"
    if bad.number == 7:
        assert "cập nhật" in render(error, "vi") and "Update" in render(error, "en"), where
    after = dump(w.province)
    assert after == w.baseline, f"{where}: the database changed: {first_difference(w.baseline, after)}"
    files = data_files(w.province)
    assert {name: files.get(name) for name in w.files} == w.files, f"{where}: files in the data folder changed"
    # Not even an attachment read before the entry that refuses the bundle: attachments are staged
    # and move into the store only once the whole bundle has passed its checks.
    assert sorted(files.keys() - w.files.keys()) == [], f"{where}: files were left in the data folder"
    new_events = security_rows(w.province)[len(events):]
    if error.code in TAMPER:
        assert [(kind, name) for _id, kind, name in new_events] == [(error.code, path.name)], where
        w.logged[bad.number] += 1
    else:
        assert new_events == [], f"{where}: an honest mistake is not a security event"
    return error.code


def run_class(w: World, bad: BadClass) -> Counter[str]:
    if bad.number not in w.results:
        codes: Counter[str] = Counter()
        for label, bundle in bad.variants(w):
            codes[refuse(w, bad, label, bundle)] += 1
            w.variants[bad.number] += 1
        w.results[bad.number] = codes
    return w.results[bad.number]


@pytest.mark.parametrize("bad", CLASSES, ids=[f"{c.number}-{c.title.replace(' ', '-')}" for c in CLASSES])
def test_each_class_is_refused_with_its_reason_and_the_database_unchanged(world: World, bad: BadClass) -> None:
    codes = run_class(world, bad)
    assert sum(codes.values()) >= (10 if LONG else 2)


def test_eight_of_eight_classes_refused_with_data_unchanged(world: World) -> None:
    """The summary (run alone, it runs every class itself). Last, the undamaged bundle imports: the
    refusals were about the damage, not about a bundle that could never apply."""
    for bad in CLASSES:
        run_class(world, bad)
    total = sum(world.variants.values())
    refused = sum(sum(codes.values()) for codes in world.results.values())
    lines = [f"bad-bundle classes: {len(world.results)} of {len(CLASSES)} refused with data unchanged, "
             f"{refused} of {total} variants refused, {sum(world.logged.values())} logged as security events"]
    for bad in CLASSES:
        codes = world.results[bad.number]
        detail = ", ".join(f"{code.removeprefix('BUNDLE_')} {n}" for code, n in sorted(codes.items()))
        lines.append(f"  {bad.number}. {bad.title}: {world.variants[bad.number]} variants, "
                     f"{sum(codes.values())} refused ({detail}); {world.logged[bad.number]} logged")
    print("\n" + "\n".join(lines))
    assert len(world.results) == 8 and refused == total
    if LONG:
        assert total >= 285
    report = world.province.sync.import_bundle(world.base)
    assert report["new"] >= 1 and report["quarantined"] == 0
    shutil.rmtree(world.tmp / "bad")
