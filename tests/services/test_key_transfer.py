"""The office key file (services/key_transfer.py, sync/key_file.py): an administrator exports the
office's sync keys under a passphrase and another computer of the same office stores them under a
key of its own. Real offices in tmp_path; "another computer" is a second key store folder (the
PostgreSQL test in tests/pg/ has two real data folders on one database)."""

from __future__ import annotations

import json
import logging
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import nacl.pwhash
import pytest
from office_templates import copy_template
from sqlalchemy import select

from thidua_desktop.bootstrap import App, open_app
from thidua_desktop.config import resolve_key_folder
from thidua_desktop.db.models import AuditEntry
from thidua_desktop.domain.errors import DomainError
from thidua_desktop.messages import render
from thidua_desktop.services.key_transfer import OFFICE_KEY_PARAM, KeyTransfer, recorded_key_id
from thidua_desktop.sync import key_file as kf
from thidua_desktop.sync import keys as k
from thidua_desktop.sync import passwords

PASSPHRASE = "Khóa văn phòng Sở Nội vụ 2026"


@pytest.fixture(autouse=True)
def fast_kdf(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(k, "RECOVERY_OPSLIMIT", nacl.pwhash.argon2id.OPSLIMIT_MIN)
    monkeypatch.setattr(k, "RECOVERY_MEMLIMIT", nacl.pwhash.argon2id.MEMLIMIT_MIN)
    monkeypatch.setattr(passwords, "OPSLIMIT", nacl.pwhash.argon2id.OPSLIMIT_MIN)
    monkeypatch.setattr(passwords, "MEMLIMIT", nacl.pwhash.argon2id.MEMLIMIT_MIN)


@pytest.fixture
def office_at(tmp_path: Path, _template_dir: Path) -> Iterator[Callable[..., App]]:
    opened: list[App] = []

    def make(name: str, role: str = "province", code: str = "04") -> App:
        app = open_app(copy_template(_template_dir, tmp_path / name), actor=name)
        app.office.init_office(role, code)
        app.sync.ensure_keys()  # made on first use, as the Đồng bộ screen does
        opened.append(app)
        return app

    yield make
    for app in opened:
        app.close()


def other_computer(app: App, folder: Path) -> KeyTransfer:
    """The same office seen from a computer whose data folder holds ``folder``/keys."""
    return KeyTransfer(app.db, app.actor, app.access, k.KeyStore(folder / "keys", resolve_key_folder()))


def code_of(action: Callable[[], object]) -> str:
    try:
        action()
    except DomainError as exc:
        render(exc, "vi")  # every refusal has its sentence
        render(exc, "en")
        return exc.code
    return "ok"


def test_keys_travel_to_another_computer_and_open_what_they_opened(office_at, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    province = office_at("tinh")
    province.sync.rotate_keys()  # one retired key travels too
    held = province.sync.keystore.all_keys()
    out = tmp_path / "usb" / "khoa-van-phong.tdkeys"
    done = KeyTransfer.of(province.sync).export(out, PASSPHRASE)
    assert (done.path, done.fingerprint, done.count) == (out, held[0].fingerprint, 2)
    assert out.stat().st_mode & 0o777 == 0o600
    text = out.read_text(encoding="utf-8")
    for keys in held:  # no secret in clear: only the sealed part holds them
        assert k.b64e(keys.secret_bytes()) not in text and k.b64e(bytes(keys.signing_key)) not in text
    assert recorded_key_id(province.db) == held[0].key_id

    b = other_computer(province, tmp_path / "may-b")
    assert b.status().has_keys is False
    assert b.preview(out).fingerprint == held[0].fingerprint
    result = b.load(out, PASSPHRASE)
    assert (result.outcome, result.count, result.fingerprint) == ("stored", 2, held[0].fingerprint)
    carried = b.store.all_keys()
    assert [x.secret_bytes() for x in carried] == [x.secret_bytes() for x in held]
    assert carried[0].endorsement == held[0].endorsement
    # Sealed under this computer's own KEK, not the exporting computer's.
    kek_a = json.loads(province.sync.keystore.path.read_text())["kek_id"]
    kek_b = json.loads(b.store.path.read_text())["kek_id"]
    assert kek_a != kek_b
    # A message sealed for the office (as a commune seals a bundle) opens with the carried keys.
    import nacl.public

    sealed = nacl.public.SealedBox(nacl.public.PublicKey(held[0].public().box_key)).encrypt(b"goi du lieu")
    assert carried[0].unseal(sealed) == b"goi du lieu"

    # The same file again: nothing to do, and it says so (exit 0 on the command line).
    assert b.load(out, PASSPHRASE).outcome == "unchanged"


def test_refusals_name_what_is_wrong_and_change_nothing(office_at, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    province = office_at("tinh")
    out = tmp_path / "khoa.tdkeys"
    transfer = KeyTransfer.of(province.sync)
    assert code_of(lambda: transfer.export(out, "ngắn")) == "KEY_FILE_PASSPHRASE_TOO_SHORT"
    assert not out.exists()
    transfer.export(out, PASSPHRASE)
    assert code_of(lambda: transfer.export(out, PASSPHRASE)) == "KEY_FILE_EXISTS"

    b = other_computer(province, tmp_path / "may-b")
    assert code_of(lambda: b.load(out, "Sai mật khẩu rồi nhé")) == "KEY_FILE_PASSPHRASE_WRONG"
    assert code_of(lambda: b.load(out, None)) == "KEY_FILE_PASSPHRASE_REQUIRED"
    cut = tmp_path / "cut.tdkeys"
    cut.write_bytes(out.read_bytes()[: len(out.read_bytes()) // 2])
    assert code_of(lambda: b.load(cut, PASSPHRASE)) == "KEY_FILE_INVALID"
    assert code_of(lambda: b.load(tmp_path / "khong-co.tdkeys", PASSPHRASE)) == "FILE_NOT_FOUND"
    assert not b.store.exists()

    # Keys of another office: another province (another code), and the same code in another database.
    other = office_at("tinh-khac", code="08")
    theirs = tmp_path / "khoa-08.tdkeys"
    KeyTransfer.of(other.sync).export(theirs, PASSPHRASE)
    assert code_of(lambda: b.load(theirs, PASSPHRASE)) == "KEY_FILE_OTHER_OFFICE"
    error = _error(lambda: b.load(theirs, PASSPHRASE))
    assert "mã 08" in render(error, "vi") and "khoa-08.tdkeys" in render(error, "vi")
    twin = office_at("tinh-sao", code="04")
    twin_file = tmp_path / "khoa-sao.tdkeys"
    KeyTransfer.of(twin.sync).export(twin_file, PASSPHRASE)
    assert code_of(lambda: b.load(twin_file, PASSPHRASE)) == "KEY_FILE_NOT_CURRENT"
    assert not b.store.exists()

    # Other keys already on this computer are never overwritten.
    b.store.create()
    assert code_of(lambda: b.load(out, PASSPHRASE)) == "KEY_TRANSFER_DIFFERENT_KEYS"
    assert b.store.load().key_id != province.sync.keystore.load().key_id


def test_a_rotation_elsewhere_is_loaded_as_an_update(office_at, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    province = office_at("tinh")
    first = tmp_path / "truoc.tdkeys"
    KeyTransfer.of(province.sync).export(first, PASSPHRASE)
    b = other_computer(province, tmp_path / "may-b")
    b.load(first, PASSPHRASE)
    province.sync.rotate_keys()
    assert recorded_key_id(province.db) == province.sync.keystore.load().key_id
    # The file made before the rotation no longer holds the office's current key.
    assert code_of(lambda: other_computer(province, tmp_path / "may-c").load(first, PASSPHRASE)) \
        == "KEY_FILE_NOT_CURRENT"
    after = tmp_path / "sau.tdkeys"
    KeyTransfer.of(province.sync).export(after, PASSPHRASE)
    assert b.load(after, PASSPHRASE).outcome == "updated"
    assert [x.key_id for x in b.store.all_keys()] == [x.key_id for x in province.sync.keystore.all_keys()]


def test_only_an_admin_moves_keys_and_each_move_is_audited(office_at, tmp_path: Path,  # type: ignore[no-untyped-def]
                                                           caplog: pytest.LogCaptureFixture) -> None:
    province = office_at("tinh")
    province.accounts.create("quantri", "Hoàng Văn Quản", "admin", "Quan-tri-2026")
    province.sign_in("quantri", "Quan-tri-2026")
    province.accounts.create("hoa.nt", "Nông Thị Hoa", "reviewer", "Tham-dinh-01")
    out = tmp_path / "khoa.tdkeys"
    caplog.set_level(logging.DEBUG, logger="thidua")
    KeyTransfer.of(province.sync).export(out, PASSPHRASE)
    b = other_computer(province, tmp_path / "may-b")
    b.load(out, PASSPHRASE)

    reviewer = open_app(province.paths.data_dir, actor="x")
    try:
        reviewer.sign_in("hoa.nt", "Tham-dinh-01")
        transfer = KeyTransfer.of(reviewer.sync)
        assert code_of(lambda: transfer.export(tmp_path / "khac.tdkeys", PASSPHRASE)) == "ROLE_REQUIRED"
        assert not (tmp_path / "khac.tdkeys").exists()
        c = other_computer(reviewer, tmp_path / "may-c")
        assert code_of(lambda: c.load(out, PASSPHRASE)) == "ROLE_REQUIRED"
        assert not c.store.exists()
    finally:
        reviewer.close()

    with province.db.reader() as session:
        rows = session.execute(select(AuditEntry.actor, AuditEntry.action, AuditEntry.new_values)
                               .where(AuditEntry.table_name == "office_keys").order_by(AuditEntry.id)).all()
        recorded = session.execute(select(AuditEntry.actor).where(
            AuditEntry.table_name == "local_parameters", AuditEntry.row_id == OFFICE_KEY_PARAM)).scalars().all()
    actor = province.actor
    assert actor.startswith("quantri")
    assert [(a, act) for a, act, _v in rows] == [(actor, "export"), (actor, "import")]
    assert all(values == {"file": "khoa.tdkeys", "keys": 1} for _a, _act, values in rows)
    assert recorded  # the key id's record is audited as every local parameter
    secrets = [k.b64e(x.secret_bytes()) for x in province.sync.keystore.all_keys()]
    logged = caplog.text + json.dumps([list(map(str, r)) for r in rows])
    assert not any(s in logged or s[:20] in logged for s in secrets)
    assert PASSPHRASE not in caplog.text


def _error(action: Callable[[], object]) -> DomainError:
    with pytest.raises(DomainError) as info:
        action()
    return info.value


# Fuzz: whatever the file holds, a clear refusal, never a traceback -----------------------------

def _valid_file(tmp_path: Path) -> tuple[bytes, k.OfficeKeys]:
    keys = k.OfficeKeys.generate()
    old = k.OfficeKeys.generate()
    return kf.key_file_bytes(keys, [k.RetiredKeys(old, "2026-01-01T00:00:00Z")], "04", "Tỉnh Cao Bằng",
                             PASSPHRASE), keys


REFUSALS = {"KEY_FILE_INVALID", "KEY_FILE_PASSPHRASE_WRONG", "KEY_FILE_TOO_NEW", "KEY_FILE_PASSPHRASE_REQUIRED"}


def _open(data: bytes) -> str:
    try:
        kf.open_key_file(data, "khoa.tdkeys", PASSPHRASE)
    except DomainError as exc:
        assert exc.code in REFUSALS, exc.code
        render(exc, "vi")
        return exc.code
    return "ok"


def test_fuzzed_key_files_are_refused_clearly(tmp_path: Path) -> None:
    import random

    data, keys = _valid_file(tmp_path)
    opened = kf.open_key_file(data, "khoa.tdkeys", PASSPHRASE)
    assert opened.current.key_id == keys.key_id and len(opened.retired) == 1
    rng = random.Random(14)
    # Cut short anywhere.
    for length in sorted({*range(0, 40), *rng.sample(range(len(data)), 120)}):
        assert _open(data[:length]) == "KEY_FILE_INVALID"
    # Random bytes, and random bytes after a valid beginning.
    for _ in range(200):
        junk = bytes(rng.randrange(256) for _ in range(rng.randrange(1, 400)))
        assert _open(junk) == "KEY_FILE_INVALID"
        assert _open(data[: rng.randrange(len(data))] + junk) in REFUSALS
    # A byte changed anywhere: refused (the sealed part is authenticated, the clear part checked).
    for position in rng.sample(range(len(data)), 150):
        changed = bytearray(data)
        changed[position] ^= 1 << rng.randrange(8)
        assert _open(bytes(changed)) in REFUSALS | {"ok"}
    # Every field given every wrong type.
    body = json.loads(data)
    wrong_values: list[object] = [None, True, 0, -1, 2 ** 70, 1.5, "", "x" * 300, [], {}, [1], {"a": 1}, "====",
                                  "AAAA"]
    for field in body:
        for value in wrong_values:
            mutated = {**body, field: value}
            # The one free-text field of the clear part: any short text is a date shown as it is.
            harmless = field == "created_at" and isinstance(value, str) and 0 < len(value) <= 200
            assert _open(json.dumps(mutated).encode()) in REFUSALS | ({"ok"} if harmless else set()), (field, value)
        mutated = {key: v for key, v in body.items() if key != field}
        assert _open(json.dumps(mutated).encode()) in REFUSALS, field
    for value in wrong_values:  # the office's own fields (its name is free text, shown as it is)
        for inner in ("code", "name"):
            mutated = {**body, "office": {**body["office"], inner: value}}
            harmless = inner == "name" and isinstance(value, str) and 0 < len(value) <= 200
            assert _open(json.dumps(mutated).encode()) in REFUSALS | ({"ok"} if harmless else set()), (inner, value)
    # Not an object at all, or a newer format.
    for text in ("[]", "null", "1", '"x"', "{}", '{"kind": "thidua-office-keys"}'):
        assert _open(text.encode()) == "KEY_FILE_INVALID"
    assert _open(json.dumps({**body, "format_version": 99}).encode()) == "KEY_FILE_TOO_NEW"
    # A file that opens but whose clear part was changed to name another key or office.
    assert _open(json.dumps({**body, "key_id": "0" * 16}).encode()) == "KEY_FILE_INVALID"
    assert _open(json.dumps({**body, "office": {"code": "08", "name": "Khác"}}).encode()) == "KEY_FILE_INVALID"


def test_fuzzed_sealed_contents_are_refused_clearly(tmp_path: Path) -> None:
    """A file sealed with the right passphrase around a wrong inside (a forger who knows the
    passphrase): the inside is checked as strictly as the outside."""
    data, keys = _valid_file(tmp_path)
    body = json.loads(data)
    good: dict[str, Any] = {"office_code": "04", "key_id": keys.key_id,
            "current": {"secret": k.b64e(keys.secret_bytes()), "endorsement": None}, "retired": []}
    insides: list[object] = [
        [], None, "x", {}, {**good, "current": None}, {**good, "current": {"secret": "AAAA"}},
        {**good, "current": {"secret": k.b64e(b"\x00" * 63)}}, {**good, "retired": None},
        {**good, "retired": [None]}, {**good, "retired": [{"secret": 5}]}, {**good, "retired": [good["current"]] * 40},
        {**good, "key_id": "f" * 16}, {**good, "office_code": "08"},
        {**good, "current": {**good["current"], "endorsement": "x"}},
        {**good, "current": {"secret": k.b64e(k.OfficeKeys.generate().secret_bytes())}},
    ]
    for inside in insides:
        raw = inside if isinstance(inside, bytes) else json.dumps(inside).encode()
        forged = {**body, "count": 1, **{key: v for key, v in k.passphrase_seal(raw, PASSPHRASE).items()}}
        assert _open(json.dumps(forged).encode()) == "KEY_FILE_INVALID", inside
    forged = {**body, "count": 1, **k.passphrase_seal(b"\xff\xfe not json", PASSPHRASE)}
    assert _open(json.dumps(forged).encode()) == "KEY_FILE_INVALID"
    # The right inside, resealed: opens.
    forged = {**body, "count": 1, **k.passphrase_seal(json.dumps(good).encode(), PASSPHRASE)}
    assert _open(json.dumps(forged).encode()) == "ok"
