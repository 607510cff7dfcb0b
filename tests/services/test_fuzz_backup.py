"""Fuzzer for restore input (services/restore.py through its public functions): real backups of a
small office, an encrypted one (format 2) and a clear one (format 1), mutated byte by byte and
entry by entry (manifest fields, member bytes, names, compression methods, declared sizes, and
members re-encrypted with the backup's own key so damage inside them passes authentication).
Each input goes through ``inspect_backup``, ``check_backup`` and the office's own
``App.restore_from``. Any exception other than the app's own DomainError counts as a failure: it
would reach the user as "Unexpected error". A refused restore must leave the office as it was.

A few hundred inputs by default; ``THIDUA_LONG_ATTACK=1`` runs 10,000. Run with ``-s`` to see the
count of inputs, refusals and restores."""

from __future__ import annotations

import io
import json
import os
import zipfile
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from office_templates import copy_template
from test_restore_limits import patch_declared_sizes

from thidua_desktop.bootstrap import App, open_app
from thidua_desktop.config import resolve_key_folder
from thidua_desktop.db import backup_crypto as bc
from thidua_desktop.db import cipher
from thidua_desktop.db import maintenance as low
from thidua_desktop.domain.errors import DomainError
from thidua_desktop.services.maintenance import check_backup, inspect_backup
from thidua_desktop.services.movements import MovementInput
from thidua_desktop.services.people import PersonInput
from thidua_desktop.sync.keys import KeyStore, generate_recovery

# zipfile warns when the fuzzer writes a name twice; restore's answer to it is what is tested.
pytestmark = pytest.mark.filterwarnings("ignore::UserWarning")
LONG = os.environ.get("THIDUA_LONG_ATTACK") == "1"
FUZZ = settings(max_examples=10_000 if LONG else 200, deadline=None, derandomize=not LONG,
                suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
DB, MANIFEST, KEYSTORE = "thidua.sqlite", "manifest.json", "keys/office-keys.json"


class Seed:
    """One real backup, as its members in order; a short repr for hypothesis's reports."""

    def __init__(self, label: str, data: bytes, key: bytes | None) -> None:
        self.label, self.data, self.key = label, data, key
        with zipfile.ZipFile(io.BytesIO(data)) as zf:
            self.members = [(info.filename, zf.read(info)) for info in zf.infolist()]

    def __repr__(self) -> str:
        return f"<{self.label} backup>"


@dataclass
class Office:
    app: App
    folder: Path
    seeds: list[Seed]
    inputs: Counter[str] = field(default_factory=Counter)
    outcomes: Counter[str] = field(default_factory=Counter)  # what restore_from did
    checks: Counter[str] = field(default_factory=Counter)  # what inspect_backup / check_backup said
    restored_with_problems: Counter[str] = field(default_factory=Counter)


@pytest.fixture(scope="module")
def office(tmp_path_factory: pytest.TempPathFactory, _template_dir: Path) -> Iterator[Office]:
    folder = tmp_path_factory.mktemp("fuzz-backup")
    app = open_app(copy_template(_template_dir, folder / "xa"), actor="fuzz")  # migrated once per session
    app.office.init_office("commune", "01576")
    app.people.create(PersonInput("Nông Văn An", "male", birth="1985"))
    app.people.create(PersonInput("Lý Thị Hoa", "female", birth="12/03/1990", cccd="004190001111"))
    photo = folder / "anh.jpg"
    photo.write_bytes(b"\xff\xd8\xff anh hop xom " * 300)
    movement = app.movements.create(MovementInput(code="M1", name="Phong trào thử"))
    app.movements.record_activity(movement_id=movement, held_on="02/06/2026", files=[photo])
    encrypted = app.maintenance.backup(folder / "in" / "sao-luu.zip").read_bytes()
    manifest = json.loads(zipfile.ZipFile(io.BytesIO(encrypted)).read(MANIFEST))
    store = KeyStore(app.paths.keys_dir, resolve_key_folder())
    key = bc.open_key(manifest["encryption"]["wrapped_keys"], store.all_keys())
    seeds = [Seed("encrypted", encrypted, key), Seed("clear", clear_backup(app, folder, manifest), None)]
    yield Office(app, folder, seeds)
    app.close()


def clear_backup(app: App, folder: Path, manifest: dict[str, Any]) -> bytes:
    """A format-1 backup (before encryption) of the same office: still read by restore."""
    copy, encrypted = folder / "ban-sao.sqlite", folder / "ban-sao-ma-hoa.sqlite"
    low.online_backup(app.db.engine, encrypted, app.db.key)
    assert app.db.key is not None
    cipher.export_database(encrypted, app.db.key, copy, None)  # backups then held a plain copy
    encrypted.unlink()
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as zf:
        old = {k: v for k, v in manifest.items() if k != "encryption"}
        zf.writestr(MANIFEST, json.dumps({**old, "format_version": 1}))
        zf.write(copy, DB)
        for file in sorted(app.paths.attachments_dir.rglob("*")):
            if file.is_file():
                zf.write(file, "attachments/" + file.relative_to(app.paths.attachments_dir).as_posix())
    copy.unlink()
    return out.getvalue()


# --- mutations -----------------------------------------------------------------------------------

SCALARS = (st.none() | st.booleans() | st.integers() | st.integers(2 ** 62, 2 ** 70)
           | st.floats(allow_nan=False, allow_infinity=False) | st.text(max_size=30)
           | st.sampled_from(["", "thidua-backup", "secretstream-v1", "x" * 300, "../../etc/passwd", "01576",
                              "0001_initial", "AAAA", "=" * 4, "0" * 16]))
VALUES = st.recursive(SCALARS, lambda inner: st.lists(inner, max_size=3)
                      | st.dictionaries(st.text(max_size=10), inner, max_size=3), max_leaves=6)
MANIFEST_PATHS = ["format", "format_version", "app_version", "created_at", "unit_code", "epoch", "schema_revision",
                  "encryption", "encryption.scheme", "encryption.wrapped_keys", "encryption.plain_bytes",
                  "encryption.wrapped_keys.0", "encryption.wrapped_keys.0.box_key_id",
                  "encryption.wrapped_keys.0.sealed", "encryption.wrapped_keys.0.role", "extra"]
NAMES = st.sampled_from(["../evil", "/etc/passwd", "C:evil", "a\\b", "x\x00y", "attachments/ab/" + "ab" * 32,
                         "attachments/zz/" + "0" * 64, "attachments/../thidua.sqlite", DB, MANIFEST, KEYSTORE,
                         "keys/other.json", "thidua.sqlite-wal", ""]) | st.text(max_size=20)


def mutate_bytes(draw: st.DrawFn, data: bytes) -> bytes:
    raw = bytearray(data)
    for _ in range(draw(st.integers(1, 3))):
        if not raw:
            return bytes(draw(st.binary(max_size=64)))
        at = draw(st.integers(0, len(raw) - 1))
        op = draw(st.sampled_from(["flip", "set", "truncate", "insert", "delete", "head"]))
        if op == "head":  # file headers (SQLite, our member prefix) are where the parsing happens
            at = draw(st.integers(0, min(len(raw), 120) - 1))
            op = "set"
        if op == "flip":
            raw[at] ^= 1 << draw(st.integers(0, 7))
        elif op == "set":
            raw[at] = draw(st.integers(0, 255))
        elif op == "truncate":
            del raw[at:]
        elif op == "insert":
            raw[at:at] = draw(st.binary(min_size=1, max_size=32))
        else:
            del raw[at:at + draw(st.integers(1, 64))]
    return bytes(raw)


def mutate_manifest(draw: st.DrawFn, data: bytes) -> bytes:
    if draw(st.integers(0, 5)) == 0:
        return draw(st.sampled_from([b"[" * 5000 + b"]" * 5000, b"null", b"{}", b"\xff\xfe", b"x" * 70_000]))
    manifest: Any = json.loads(data)
    for path in draw(st.sets(st.sampled_from(MANIFEST_PATHS), min_size=1, max_size=3)):
        *outer, last = path.split(".")
        target = manifest
        for key in outer:
            if isinstance(target, list) and key.isdigit() and int(key) < len(target):
                target = target[int(key)]
            elif isinstance(target, dict):
                target = target.get(key)
        if isinstance(target, dict):
            if draw(st.booleans()) and last in target:
                del target[last]
            else:
                target[last] = draw(VALUES)
        elif isinstance(target, list) and last.isdigit() and int(last) < len(target):
            target[int(last)] = draw(VALUES)
    return json.dumps(manifest, ensure_ascii=False).encode()


def reencrypt(draw: st.DrawFn, seed: Seed, name: str, data: bytes) -> bytes:
    """Damage inside an encrypted member that authentication cannot see: the plaintext is changed
    and sealed again with the backup's own data key (as someone holding this computer's keys can)."""
    assert seed.key is not None
    plain = io.BytesIO()
    bc.decrypt_fileobj(io.BytesIO(data), plain, seed.key, context=name.encode())
    out = io.BytesIO()
    bc.encrypt_fileobj(io.BytesIO(mutate_bytes(draw, plain.getvalue())), out, seed.key, context=name.encode())
    return out.getvalue()


@st.composite
def backups(draw: st.DrawFn, seeds: list[Seed]) -> bytes:
    seed = draw(st.sampled_from(seeds))
    if draw(st.integers(0, 4)) == 0:
        return mutate_bytes(draw, seed.data)  # the zip's own bytes
    members = list(seed.members)
    methods: dict[int, int] = {}
    for _ in range(draw(st.integers(1, 2))):
        index = draw(st.integers(0, len(members) - 1)) if members else 0
        op = draw(st.sampled_from(["manifest"] * 3 + ["inside"] * 4 + ["member", "rename", "drop", "add", "method"]))
        if not members:
            op = "add"
        name, data = members[index] if members else ("", b"")
        if op == "manifest":
            index = next((i for i, (n, _d) in enumerate(members) if n == MANIFEST), None)
            if index is None:
                continue
            try:
                members[index] = (MANIFEST, mutate_manifest(draw, members[index][1]))
            except (ValueError, RecursionError):  # already mutated into something that is not JSON
                members[index] = (MANIFEST, mutate_bytes(draw, members[index][1]))
        elif op == "member":
            members[index] = (name, mutate_bytes(draw, data))
        elif op == "inside" and seed.key is not None and bc.is_encrypted_member(data):
            try:
                members[index] = (name, reencrypt(draw, seed, name, data))
            except DomainError:
                members[index] = (name, mutate_bytes(draw, data))  # an earlier op damaged it already
        elif op == "inside":
            members[index] = (name, mutate_bytes(draw, data))
        elif op == "rename":
            members[index] = (draw(NAMES), data)
        elif op == "drop":
            del members[index]
        elif op == "add":
            members.append((draw(NAMES), draw(st.binary(max_size=300))))
        else:
            methods[index] = draw(st.sampled_from([zipfile.ZIP_BZIP2, zipfile.ZIP_LZMA, zipfile.ZIP_STORED]))
    out = io.BytesIO()
    # The fastest deflate: restore reads every level alike, and level 6 spent a quarter of the
    # fuzzer's time compressing the (encrypted, incompressible) database member again and again.
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED, compresslevel=1) as zf:
        for i, (name, data) in enumerate(members):
            info = zipfile.ZipInfo(name or "_", (2026, 1, 1, 0, 0, 0))
            info.compress_type = methods.get(i, zipfile.ZIP_DEFLATED)
            zf.writestr(info, data)
    result = out.getvalue()
    if draw(st.integers(0, 5)) == 0 and members:  # a lying size in the central directory
        result = patch_sizes(result, {draw(st.sampled_from([n for n, _ in members])) or "_":
                                      draw(st.sampled_from([0, 1, 99, 2 ** 31, 2 ** 32 - 1]))})
    return result


def patch_sizes(data: bytes, sizes: dict[str, int]) -> bytes:
    path = Path(os.environ.get("TMPDIR", "/tmp")) / f"thidua-fuzz-backup-{os.getpid()}.zip"
    path.write_bytes(data)
    try:
        patch_declared_sizes(path, sizes)
        return path.read_bytes()
    except (UnicodeDecodeError, AssertionError, ValueError):  # a name or layout the patcher cannot walk
        return data
    finally:
        path.unlink(missing_ok=True)


# --- the fuzzer ------------------------------------------------------------------------------------

def state(app: App) -> tuple[Any, ...]:
    """What a refused restore must leave as it was: the office's epoch, its people, its problems."""
    with app.db.reader() as session:
        epoch = session.connection().exec_driver_sql("SELECT epoch FROM office WHERE id = 1").scalar()
    return epoch, app.people.search("").total, app.maintenance.check().problems


def test_the_seeds_restore(office: Office) -> None:
    """The fuzzer starts from backups that restore: its refusals are about the damage."""
    for seed in office.seeds:
        path = office.folder / f"{seed.label}.zip"
        path.write_bytes(seed.data)
        assert office.app.restore_from(path)["new_epoch"]
        assert office.app.maintenance.check().ok and office.app.people.search("").total == 2


def test_mutated_backups_never_crash_restore(office: Office) -> None:
    app, target = office.app, office.folder / "fuzz.zip"
    wrong_recovery = generate_recovery()
    # The office's state before each input: read again only when a restore changed it (after a
    # refusal the assertion below has just read it and found it unchanged), or when an example
    # failed and hypothesis goes on to shrink it.
    current: list[tuple[Any, ...] | None] = [None]

    @FUZZ
    @given(data=st.data())
    def run(data: st.DataObject) -> None:
        target.write_bytes(data.draw(backups(office.seeds)))
        office.inputs["backups"] += 1
        try:
            inspect_backup(target)
            check_backup(target, app.paths, wrong_recovery if data.draw(st.integers(0, 3)) == 0 else None)
        except DomainError as exc:
            office.checks[exc.code] += 1
        before = current[0] if current[0] is not None else state(app)
        current[0] = None  # unknown until this example ends well
        try:
            app.restore_from(target)
        except DomainError as exc:
            office.outcomes[exc.code] += 1
            assert state(app) == before  # refused: the office is as it was
            current[0] = before
        else:
            office.outcomes["restored"] += 1
            after = current[0] = state(app)  # a restored office opens and can be checked
            problems = after[2]
            for code, _detail in problems:
                office.restored_with_problems[code] += 1

    run()
    top = ", ".join(f"{code} {n}" for code, n in office.outcomes.most_common(10))
    checks = ", ".join(f"{code} {n}" for code, n in office.checks.most_common(6))
    print(f"\nbackup restore: {office.inputs['backups']} inputs, 0 crashes; restore_from: {top}; "
          f"check_backup refused: {checks}; problems found by check after a restore: "
          f"{dict(office.restored_with_problems) or 'none'}")
    assert office.inputs["backups"] >= (10_000 if LONG else 100)
    assert office.outcomes["restored"] > 0  # mutations that keep a backup sound still restore
