"""Backups are encrypted (issue 11, failure 9: "the backup zip holds the database in the clear").

A backup's members are encrypted under a fresh data key sealed to the office's own key and to the
province's recovery key (db/backup_crypto.py). A lost USB stick holds no readable name or CCCD;
this computer restores without asking anything; a new computer, after the old one died, restores
only with the province's recovery key (and its passphrase); backups made before encryption
(format 1) still restore; a tampered member, or one that expands past what the manifest declared,
is refused with the data folder left as it was."""

from __future__ import annotations

import hashlib
import json
import unicodedata
import zipfile
from collections.abc import Callable, Iterator
from pathlib import Path

import nacl.pwhash
import pytest
from backup_helpers import clear_copy, data_key, decrypt_member, encrypt_member
from office_templates import other_computer
from sync_helpers import enrolled_pair

from thidua_desktop.bootstrap import App, data_paths, open_app
from thidua_desktop.cli import main
from thidua_desktop.db import backup_crypto as bc
from thidua_desktop.db import cipher
from thidua_desktop.domain.errors import DomainError
from thidua_desktop.messages import render
from thidua_desktop.services import restore as restore_module
from thidua_desktop.services.maintenance import BACKUP_FORMAT, check_backup, restore_backup
from thidua_desktop.services.movements import MovementInput
from thidua_desktop.services.people import PersonInput
from thidua_desktop.sync import keys as k

NAME = "Lục Thị Riêng Tư"
CCCD = "004190012345"
PHOTO = b"\xff\xd8\xff scan of the ID card of " + NAME.encode("utf-8") + b" " + CCCD.encode() + b" " * 4000
PASSPHRASE = "Núi Phja Oắc mùa sương 2026"


@pytest.fixture
def enrolled(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[tuple[App, Path, Path]]:
    """A commune enrolled with its province (so it holds the recovery key's public half), with one
    person and one photo; its backup; the province's recovery key file, under a passphrase.
    Yields (the commune, its backup, the recovery key file)."""
    # The cheapest Argon2id the loader accepts: the file's own limits are what loading uses.
    monkeypatch.setattr(k, "RECOVERY_OPSLIMIT", nacl.pwhash.argon2id.OPSLIMIT_MIN)
    monkeypatch.setattr(k, "RECOVERY_MEMLIMIT", nacl.pwhash.argon2id.MEMLIMIT_MIN)
    province, commune, _enrolment = enrolled_pair(tmp_path)
    key_file = tmp_path / "recovery.tdkey"
    province.sync.protect_recovery_key(key_file, PASSPHRASE)
    province.close()
    try:
        _fill(commune, tmp_path)
        backup = commune.maintenance.backup(tmp_path / "usb" / "sao-luu.zip")
        commune.people.create(PersonInput("Người Thêm Sau", "male"))
        yield commune, backup, key_file
    finally:
        commune.close()


def _fill(app: App, tmp_path: Path) -> None:
    app.people.create(PersonInput(NAME, "female", birth="1990", cccd=CCCD))
    photo = tmp_path / "can-cuoc.jpg"
    photo.write_bytes(PHOTO)
    movement = app.movements.create(MovementInput(code="M1", name="Phong trào thử"))
    app.movements.record_activity(movement_id=movement, held_on="02/06/2026", files=[photo])


def _names(folder: Path) -> list[str]:
    app = open_app(folder)
    try:
        assert app.maintenance.check().ok  # attachments came back whole
        return sorted(p.full_name for p in app.people.search("").rows)
    finally:
        app.close()


def _snapshot(folder: Path) -> dict[str, str]:
    if not folder.exists():
        return {}
    return {p.relative_to(folder).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(folder.rglob("*")) if p.is_file() and "logs" not in p.relative_to(folder).parts}


def _refused(backup: Path, folder: Path, recovery: bc.Unsealer | None = None) -> DomainError:
    before = _snapshot(folder)
    with pytest.raises(DomainError) as err:
        restore_backup(backup, data_paths(folder), recovery)
    assert _snapshot(folder) == before  # nothing written
    if folder.exists():
        assert not [p for p in folder.iterdir() if "staging" in p.name]
    assert "{" not in render(err.value, "vi")
    return err.value


def _rewrite(backup: Path, target: Path, change: Callable[[dict[str, bytes], dict[str, object]], None]) -> Path:
    """A copy of ``backup`` whose members (raw bytes) and manifest went through ``change``."""
    with zipfile.ZipFile(backup) as zf:
        entries = {name: zf.read(name) for name in zf.namelist()}
    manifest = json.loads(entries["manifest.json"])
    change(entries, manifest)
    entries["manifest.json"] = json.dumps(manifest).encode()
    with zipfile.ZipFile(target, "w") as zf:
        for name, data in entries.items():
            zf.writestr(name, data)
    return target


@pytest.fixture
def new_computer(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Another computer: its own user config folder (key-encryption keys) and a new office set up
    in a new data folder, with keys of its own. Returns its data folder. (The new office is a copy
    of one made once under another config folder: office_templates.other_computer.)"""
    folder = other_computer(tmp_path / "may-moi-config", tmp_path / "may-moi")
    monkeypatch.setenv("THIDUA_CONFIG_DIR", str(tmp_path / "may-moi-config"))
    app = open_app(folder)
    try:
        app.office.init_office("commune", "01576")
        app.sync.ensure_keys()
    finally:
        app.close()
    return folder


def test_no_member_of_the_backup_holds_personal_data_in_the_clear(enrolled, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    commune, backup, _key = enrolled
    secrets = [NAME.encode("utf-8"), unicodedata.normalize("NFC", NAME).encode("utf-8"),
               unicodedata.normalize("NFD", NAME).encode("utf-8"), "Riêng Tư".encode(), CCCD.encode()]
    raw = backup.read_bytes()
    assert not [s for s in secrets if s in raw]
    with zipfile.ZipFile(backup) as zf:
        members = {info.filename: zf.read(info) for info in zf.infolist()}
        manifest = json.loads(members["manifest.json"])
    assert not members["thidua.sqlite"].startswith(b"SQLite format 3")
    assert [name for name, data in members.items() if b"SQLite format 3" in data] == []
    for name, data in members.items():
        assert not [s for s in secrets if s in data], name
    assert manifest["format_version"] == BACKUP_FORMAT == 2
    assert [w["role"] for w in manifest["encryption"]["wrapped_keys"]] == ["office", "recovery"]
    # The test can see the name when it is there: the decrypted member is the SQLCipher copy of
    # the database, whose key the manifest carries sealed under the same data key.
    key = data_key(backup, commune.paths.keys_dir)
    copy = decrypt_member(members["thidua.sqlite"], key, "thidua.sqlite")
    assert not copy.startswith(b"SQLite format 3") and NAME.encode("utf-8") not in copy
    db_key = bc.open_database_key(manifest["encryption"]["database_key"], key)
    (tmp_path / "copy.sqlite").write_bytes(copy)
    conn = cipher.connect(tmp_path / "copy.sqlite", db_key)
    try:
        assert (NAME,) in conn.execute("SELECT full_name FROM people").fetchall()
    finally:
        conn.close()
    [photo] = [n for n in members if n.startswith("attachments/")]
    assert decrypt_member(members[photo], key, photo) == PHOTO
    # What the members expand to, for restore's free-space check.
    assert manifest["encryption"]["plain_bytes"] == sum(
        len(decrypt_member(data, key, name)) for name, data in members.items()
        if name == "thidua.sqlite" or name.startswith("attachments/"))


def test_this_computer_restores_its_own_backup_without_asking(enrolled) -> None:  # type: ignore[no-untyped-def]
    commune, backup, _key = enrolled
    folder = commune.paths.data_dir
    commune.close()
    for file in (folder / "attachments").rglob("*"):
        if file.is_file():
            file.unlink()
    result = restore_backup(backup, data_paths(folder))
    assert result["new_epoch"] == 2
    assert _names(folder) == [NAME]


def test_an_office_never_enrolled_backs_up_under_keys_made_for_it(commune, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    assert not (commune.paths.keys_dir / k.KEYSTORE_FILE).exists()
    _fill(commune, tmp_path)
    backup = commune.maintenance.backup(tmp_path / "sao-luu.zip")
    assert (commune.paths.keys_dir / k.KEYSTORE_FILE).exists()
    with zipfile.ZipFile(backup) as zf:
        manifest = json.loads(zf.read("manifest.json"))
        assert not zf.read("thidua.sqlite").startswith(b"SQLite format 3")
    assert [w["role"] for w in manifest["encryption"]["wrapped_keys"]] == ["office"]
    folder = commune.paths.data_dir
    commune.close()
    restore_backup(backup, data_paths(folder))
    assert _names(folder) == [NAME]


def test_the_same_user_restores_into_a_new_data_folder(enrolled, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    """The backup carries the key store, whose keys only this user's config folder unseals."""
    _commune, backup, _key = enrolled
    folder = tmp_path / "thu-muc-khac"
    restore_backup(backup, data_paths(folder))
    assert _names(folder) == [NAME]


def test_a_new_computer_restores_only_with_the_province_recovery_key(enrolled, new_computer: Path) -> None:  # type: ignore[no-untyped-def]
    _commune, backup, key_file = enrolled
    folder = new_computer
    error = _refused(backup, folder)
    assert error.code == "BACKUP_KEY_MISSING"
    assert "Ban Thi đua - Khen thưởng" in render(error, "vi") and "khóa khôi phục" in render(error, "vi")
    assert _refused(backup, folder, k.generate_recovery()).code == "BACKUP_RECOVERY_KEY_WRONG"
    with pytest.raises(DomainError) as wrong:
        k.load_recovery_private(key_file, "not the passphrase")
    assert wrong.value.code == "RECOVERY_PASSPHRASE_WRONG"
    recovery = k.load_recovery_private(key_file, PASSPHRASE)
    assert check_backup(backup, data_paths(folder), recovery).encrypted
    result = restore_backup(backup, data_paths(folder), recovery)
    assert result["unit_code"] == "01576"
    assert _names(folder) == [NAME]


def test_a_backup_made_before_enrolment_says_the_recovery_key_cannot_help(commune, tmp_path: Path,  # type: ignore[no-untyped-def]
                                                                         request: pytest.FixtureRequest) -> None:
    _fill(commune, tmp_path)
    backup = commune.maintenance.backup(tmp_path / "sao-luu.zip")
    folder = request.getfixturevalue("new_computer")  # after the backup: its keys are the old computer's
    assert _refused(backup, folder).code == "BACKUP_KEY_MISSING"
    assert _refused(backup, folder, k.generate_recovery()).code == "BACKUP_NO_RECOVERY_KEY"


def test_the_command_line_takes_the_recovery_key_and_its_passphrase(  # type: ignore[no-untyped-def]
        enrolled, new_computer: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    _commune, backup, key_file = enrolled
    folder = new_computer
    assert main(["--data-dir", str(folder), "restore", str(backup)]) == 1
    err = capsys.readouterr().err
    assert "Ban Thi đua - Khen thưởng" in err and "--recovery-key" in err and "Traceback" not in err
    passphrase = tmp_path / "mat-khau.txt"
    passphrase.write_text("sai mật khẩu rồi\n", encoding="utf-8")
    args = ["--data-dir", str(folder), "restore", str(backup), "--recovery-key", str(key_file),
            "--passphrase-file", str(passphrase)]
    assert main(args) == 1
    assert "Sai mật khẩu" in capsys.readouterr().err
    passphrase.write_text(PASSPHRASE + "\n", encoding="utf-8")
    assert main(args) == 0, capsys.readouterr().err
    assert "kỷ nguyên mới" in capsys.readouterr().out
    assert _names(folder) == [NAME]


def test_backups_made_before_encryption_still_restore(enrolled, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    commune, backup, _key = enrolled
    clear = clear_copy(backup, commune.paths.keys_dir, tmp_path / "sao-luu-cu.zip")
    with zipfile.ZipFile(clear) as zf:
        assert zf.read("thidua.sqlite").startswith(b"SQLite format 3")
        assert json.loads(zf.read("manifest.json"))["format_version"] == 1
    folder = commune.paths.data_dir
    commune.close()
    restore_backup(clear, data_paths(folder))
    assert _names(folder) == [NAME]


@pytest.mark.parametrize("member", ["thidua.sqlite", "attachments/"])
@pytest.mark.parametrize("where", [60, -40])
def test_a_tampered_member_is_refused(enrolled, tmp_path: Path, member: str, where: int) -> None:  # type: ignore[no-untyped-def]
    _commune, backup, _key = enrolled

    def flip(entries: dict[str, bytes], _manifest: dict[str, object]) -> None:
        name = next(n for n in entries if n.startswith(member))
        data = bytearray(entries[name])
        data[where] ^= 0x01
        entries[name] = bytes(data)

    tampered = _rewrite(backup, tmp_path / "sua.zip", flip)
    error = _refused(tampered, tmp_path / "thu-muc-khac")  # no attachment in the store: each is read
    assert error.code == "BACKUP_ENTRY_DAMAGED" and error.params["entry"].startswith(member)


def test_members_swapped_between_names_are_refused(enrolled, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    commune, backup, _key = enrolled
    key = data_key(backup, commune.paths.keys_dir)
    sha = "ab" * 32
    other = f"attachments/{sha[:2]}/{sha}"

    def move(entries: dict[str, bytes], _manifest: dict[str, object]) -> None:
        photo = next(n for n in entries if n.startswith("attachments/"))
        entries[other] = entries[photo]  # the right key, under another name
        assert decrypt_member(entries[photo], key, photo) == PHOTO

    error = _refused(_rewrite(backup, tmp_path / "doi-ten.zip", move), tmp_path / "thu-muc-khac")
    assert (error.code, error.params["entry"]) == ("BACKUP_ENTRY_DAMAGED", other)


def test_an_encrypted_attachment_whose_content_does_not_match_its_name_is_refused(enrolled, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    commune, backup, _key = enrolled
    key = data_key(backup, commune.paths.keys_dir)

    def replace(entries: dict[str, bytes], _manifest: dict[str, object]) -> None:
        photo = next(n for n in entries if n.startswith("attachments/"))
        entries[photo] = encrypt_member(b"not the photo", key, photo)

    error = _refused(_rewrite(backup, tmp_path / "hong.zip", replace), tmp_path / "thu-muc-khac")
    assert error.code == "BACKUP_ENTRY_DAMAGED"


def test_a_member_expanding_past_what_the_manifest_declared_is_refused(enrolled, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    """Anyone holding a public key the backup is sealed to (the recovery key's is in every
    enrolment file) can craft members: 64 MB of zeros in 64 kB stop at the declared size."""
    commune, backup, _key = enrolled
    key = data_key(backup, commune.paths.keys_dir)

    def bomb(entries: dict[str, bytes], _manifest: dict[str, object]) -> None:
        entries["thidua.sqlite"] = encrypt_member(bytes(64 * 1024 * 1024), key, "thidua.sqlite")

    crafted = _rewrite(backup, tmp_path / "bom.zip", bomb)
    assert crafted.stat().st_size < 1_000_000
    error = _refused(crafted, commune.paths.data_dir)
    assert (error.code, error.params["entry"]) == ("BACKUP_ENTRY_DAMAGED", "thidua.sqlite")


def test_the_declared_size_is_checked_against_the_ceiling_and_the_free_space(  # type: ignore[no-untyped-def]
        enrolled, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    commune, backup, _key = enrolled
    folder = commune.paths.data_dir

    def declare(size: int) -> Callable[[dict[str, bytes], dict[str, object]], None]:
        def change(_entries: dict[str, bytes], manifest: dict[str, object]) -> None:
            manifest["encryption"]["plain_bytes"] = size  # type: ignore[index]
        return change

    huge = _rewrite(backup, tmp_path / "lon.zip", declare(restore_module.MAX_RESTORE_BYTES + 1))
    assert _refused(huge, folder).code == "BACKUP_TOO_LARGE"
    large = _rewrite(backup, tmp_path / "vua.zip", declare(8 * 1024**3))
    real = restore_module.shutil.disk_usage

    def small_disk(path: object) -> object:
        usage = real(path)  # type: ignore[arg-type]
        return type(usage)(usage.total, usage.total - 4 * 1024**3, 4 * 1024**3)

    monkeypatch.setattr(restore_module.shutil, "disk_usage", small_disk)
    error = _refused(large, folder)
    assert error.code == "BACKUP_DISK_FULL" and error.params["need_mb"] > 8 * 1024
    commune.close()
    restore_backup(backup, data_paths(folder))  # the real figure fits
    assert _names(folder) == [NAME]


@pytest.mark.parametrize(("encryption", "code", "key"), [
    ([], "BACKUP_MANIFEST_INVALID", "encryption.scheme"),
    ({"scheme": "aes-from-a-later-version"}, "BACKUP_TOO_NEW", None),
    ({"scheme": 7}, "BACKUP_MANIFEST_INVALID", "encryption.scheme"),
    ({"wrapped_keys": "office"}, "BACKUP_MANIFEST_INVALID", "encryption.wrapped_keys"),
    ({"wrapped_keys": []}, "BACKUP_MANIFEST_INVALID", "encryption.wrapped_keys"),
    ({"plain_bytes": -1}, "BACKUP_MANIFEST_INVALID", "encryption.plain_bytes"),
    ({"plain_bytes": "12"}, "BACKUP_MANIFEST_INVALID", "encryption.plain_bytes"),
    ({"plain_bytes": True}, "BACKUP_MANIFEST_INVALID", "encryption.plain_bytes"),
])
def test_an_encryption_entry_of_the_wrong_shape_is_refused(enrolled, tmp_path: Path, encryption: object,  # type: ignore[no-untyped-def]
                                                            code: str, key: str | None) -> None:
    commune, backup, _key = enrolled

    def change(_entries: dict[str, bytes], manifest: dict[str, object]) -> None:
        current = manifest["encryption"]
        manifest["encryption"] = {**current, **encryption} if isinstance(encryption, dict) else encryption  # type: ignore[dict-item]

    error = _refused(_rewrite(backup, tmp_path / "sai.zip", change), commune.paths.data_dir)
    assert error.code == code
    if key:
        assert error.params["key"] == key


def test_a_clear_database_in_an_encrypted_backup_is_refused(enrolled, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    """Members in the clear under a manifest that says encrypted: not ours (never silently read)."""
    commune, backup, _key = enrolled
    clear = clear_copy(backup, commune.paths.keys_dir, tmp_path / "cu.zip")
    with zipfile.ZipFile(clear) as zf:
        plain_db = zf.read("thidua.sqlite")
    mixed = _rewrite(backup, tmp_path / "tron.zip", lambda e, _m: e.update({"thidua.sqlite": plain_db}))
    assert _refused(mixed, commune.paths.data_dir).code == "BACKUP_NOT_OURS"
