"""Two computers of the provincial office, each with its own data folder, on one PostgreSQL
database (issue 14, docs/province-server.md §6): computer B has no sync keys, makes none of its
own, and opens the communes' bundles once it loaded the office's keys from computer A."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import nacl.pwhash
import pytest
from demo_helpers import DEMO_UNIT
from pg_fixtures import point_folder_at
from sync_helpers import deliver

from thidua_desktop.bootstrap import App, open_app
from thidua_desktop.cli import main
from thidua_desktop.domain.errors import DomainError
from thidua_desktop.messages import render
from thidua_desktop.services.key_transfer import KeyTransfer
from thidua_desktop.services.people import PersonInput
from thidua_desktop.sync import keys as k
from thidua_desktop.sync import passwords

pytestmark = pytest.mark.postgres

PASSPHRASE = "Khóa văn phòng Sở Nội vụ 2026"


@pytest.fixture(autouse=True)
def fast_kdf(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(k, "RECOVERY_OPSLIMIT", nacl.pwhash.argon2id.OPSLIMIT_MIN)
    monkeypatch.setattr(k, "RECOVERY_MEMLIMIT", nacl.pwhash.argon2id.MEMLIMIT_MIN)
    monkeypatch.setattr(passwords, "OPSLIMIT", nacl.pwhash.argon2id.OPSLIMIT_MIN)
    monkeypatch.setattr(passwords, "MEMLIMIT", nacl.pwhash.argon2id.MEMLIMIT_MIN)


@pytest.fixture
def two_computers(pg_database: str, commune: App, tmp_path: Path,
                  monkeypatch: pytest.MonkeyPatch) -> Iterator[tuple[App, App, App, Path]]:
    """Computer A set the province up (recovery key, xã Quảng Uyên enrolled); computer B's data
    folder points at the same database. Both sign in as the administrator."""
    monkeypatch.delenv("THIDUA_DATABASE_URL", raising=False)
    a = open_app(point_folder_at(tmp_path / "may-a", pg_database), actor="may-a")
    b = open_app(point_folder_at(tmp_path / "may-b", pg_database), actor="may-b")
    try:
        a.office.init_office("province", "04", officer_name="Cán bộ tỉnh")
        a.accounts.create("quantri", "Hoàng Văn Quản", "admin", "Quan-tri-2026")
        a.sign_in("quantri", "Quan-tri-2026")
        b.sign_in("quantri", "Quan-tri-2026")
        a.sync.create_recovery_key(tmp_path / "recovery.tdkey")
        a.sync.export_enrollment(DEMO_UNIT, tmp_path / "ket-noi.json")
        commune.sync.accept_enrollment((tmp_path / "ket-noi.json").read_bytes())
        yield a, b, commune, tmp_path
    finally:
        a.close()
        b.close()


def code_of(action) -> str:  # type: ignore[no-untyped-def]
    try:
        action()
    except DomainError as exc:
        return exc.code
    return "ok"


def test_computer_b_loads_the_keys_then_opens_a_bundle_for_the_province(two_computers) -> None:  # type: ignore[no-untyped-def]
    a, b, xa, tmp = two_computers
    # The commune's first bundle, addressed to the province, then its confirmation on computer A.
    xa.people.create_many([PersonInput("Nông Văn An", "male"), PersonInput("Lý Thị Hoa", "female")])
    [first] = xa.sync.export(tmp / "usb1").files
    deliver(a, xa, first)

    # B has no keys, says so, and makes none of its own (they would sign what no commune knows).
    status = KeyTransfer.of(b.sync).status()
    assert (status.server, status.has_keys, status.needs_import) == (True, False, True)
    assert code_of(b.sync.fingerprint) == "KEY_TRANSFER_NEEDED"
    assert not b.sync.keystore.exists()
    with pytest.raises(DomainError) as raised:
        b.sync.fingerprint()
    error = raised.value
    assert "Máy tính này chưa có khóa đồng bộ của văn phòng" in render(error, "vi")
    assert "This computer has no sync keys yet: load them from the computer that set the office up" in \
        render(error, "en")
    xa.people.create_many([PersonInput("Hoàng Thị Mai", "female")])
    [second] = xa.sync.export(tmp / "usb2").files
    assert code_of(lambda: b.sync.import_bundle(second)) == "KEY_TRANSFER_NEEDED"  # load the keys, not enrol again

    # A exports; B loads; B opens the commune's bundle addressed to the province.
    out = tmp / "usb" / "khoa-van-phong.tdkeys"
    exported = KeyTransfer.of(a.sync).export(out, PASSPHRASE)
    loaded = KeyTransfer.of(b.sync).load(out, PASSPHRASE)
    assert loaded.outcome == "stored" and loaded.fingerprint == exported.fingerprint == a.sync.fingerprint()
    assert b.sync.fingerprint() == a.sync.fingerprint()
    report = b.sync.import_bundle(second)
    assert report["new"] == 1 and report["quarantined"] == 0
    # And writes one the commune opens: signed with the office's key the commune pinned.
    [back] = b.sync.export(tmp / "back", to=DEMO_UNIT).files
    assert xa.sync.import_bundle(back)["quarantined"] == 0
    assert json.loads(b.sync.keystore.path.read_text())["kek_id"] != \
        json.loads(a.sync.keystore.path.read_text())["kek_id"]


def test_a_rotation_on_one_computer_is_carried_to_the_other(two_computers) -> None:  # type: ignore[no-untyped-def]
    a, b, _xa, tmp = two_computers
    a.sync.fingerprint()
    KeyTransfer.of(a.sync).export(tmp / "k1.tdkeys", PASSPHRASE)
    KeyTransfer.of(b.sync).load(tmp / "k1.tdkeys", PASSPHRASE)
    new = b.sync.rotate_keys()  # B rotates: A's keys are now the office's old ones
    assert code_of(a.sync.fingerprint) == "KEY_TRANSFER_STALE"
    assert code_of(a.sync.rotate_keys) == "KEY_TRANSFER_STALE"
    KeyTransfer.of(b.sync).export(tmp / "k2.tdkeys", PASSPHRASE)
    assert KeyTransfer.of(a.sync).load(tmp / "k2.tdkeys", PASSPHRASE).outcome == "updated"
    assert a.sync.fingerprint() == new
    # Loading the same file again changes nothing; another office's file is refused by name.
    assert KeyTransfer.of(a.sync).load(tmp / "k2.tdkeys", PASSPHRASE).outcome == "unchanged"


def test_a_rotation_whose_record_failed_is_recorded_at_the_next_use(two_computers) -> None:  # type: ignore[no-untyped-def]
    """The rotation writes the key file first and the database after: if the second step failed,
    the computer's own newer keys are recorded at their next use, not refused as stale."""
    a, b, _xa, tmp = two_computers
    old = a.sync.fingerprint()
    KeyTransfer.of(a.sync).export(tmp / "k1.tdkeys", PASSPHRASE)
    KeyTransfer.of(b.sync).load(tmp / "k1.tdkeys", PASSPHRASE)
    rotated = a.sync.keystore.rotate()  # the key file written; the database never heard of it
    assert a.sync.fingerprint() == rotated.fingerprint != old
    assert code_of(b.sync.fingerprint) == "KEY_TRANSFER_STALE"  # B holds the office's old keys now


def test_the_command_line_on_two_computers(two_computers, tmp_path: Path,  # type: ignore[no-untyped-def]
                                           capsys: pytest.CaptureFixture[str]) -> None:
    a, b, _xa, tmp = two_computers
    a.sync.fingerprint()
    secret = tmp / "mat-khau.txt"
    secret.write_text(PASSPHRASE + "\n", encoding="utf-8")
    password = tmp / "quantri.txt"
    password.write_text("Quan-tri-2026\n", encoding="utf-8")
    common = ["--user", "quantri", "--password-file", str(password)]
    out = tmp / "khoa.tdkeys"
    code = main(["--data-dir", str(a.paths.data_dir), *common, "enroll", "keys-export", "--out", str(out),
                 "--passphrase-file", str(secret)])
    assert code == 0, capsys.readouterr().err
    code = main(["--data-dir", str(b.paths.data_dir), *common, "enroll", "keys-import", str(out),
                 "--passphrase-file", str(secret)])
    assert code == 0, capsys.readouterr().err
    assert "Đã nạp 1 khóa" in capsys.readouterr().out
    assert b.sync.fingerprint() == a.sync.fingerprint()
    assert main(["--data-dir", str(b.paths.data_dir), *common, "enroll", "keys-import", str(out),
                 "--passphrase-file", str(secret)]) == 0
    assert "không có gì thay đổi" in capsys.readouterr().out
