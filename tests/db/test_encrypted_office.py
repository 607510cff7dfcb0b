"""The office database is encrypted at rest with SQLCipher (issue 11, failure 9: "the database ...
world-readable ... personal data at rest").

A new office's file, its WAL and its backups are not SQLite that anyone can open; the key lives
in the user's config folder (database_key.py), so a data folder taken without it opens nothing;
an office of an older version is encrypted at its next start with its data intact; a backup
restored on another computer is re-keyed to that computer's key."""

from __future__ import annotations

import os
import shutil
import unicodedata
from collections.abc import Iterator
from pathlib import Path

import pytest
from office_db import connect_office

from thidua_desktop.bootstrap import App, open_app
from thidua_desktop.cli import main
from thidua_desktop.config import AppPaths
from thidua_desktop.database_key import key_file, load_database_key
from thidua_desktop.db import Database, cipher
from thidua_desktop.db.migrate import upgrade
from thidua_desktop.domain.errors import DomainError
from thidua_desktop.messages import render
from thidua_desktop.services.people import PersonInput

NAME = "Hoàng Thị Bí Mật"
CCCD = "004190067891"


def _secrets() -> list[bytes]:
    forms = {unicodedata.normalize(form, NAME) for form in ("NFC", "NFD")}
    return [f.encode("utf-8") for f in forms] + [CCCD.encode(), NAME.encode("utf-16-le")]


def _office(folder: Path) -> App:
    app = open_app(folder, actor="tester")
    app.office.init_office("commune", "01576", officer_name="Cán bộ Thử")
    app.people.create(PersonInput(NAME, "female", cccd=CCCD, birth="12/03/1990", ethnicity="Tày"))
    return app


def _readable_anywhere(root: Path) -> list[str]:
    """Files under ``root`` whose bytes hold a secret as they are (no key, no decryption)."""
    found = []
    for file in sorted(p for p in root.rglob("*") if p.is_file()):
        data = file.read_bytes()
        if any(secret in data for secret in _secrets()):
            found.append(str(file.relative_to(root)))
    return found


@pytest.fixture
def office(data_dir: Path) -> Iterator[App]:
    # A new office as open_app made it (a copy of the session's migrated template, which open_app
    # created and encrypted), under this process's key folder like every test's data_dir.
    app = _office(data_dir)
    yield app
    app.close()


def test_a_new_office_file_and_its_wal_are_encrypted(office: App) -> None:
    file = office.paths.db_file
    assert not cipher.is_plain_sqlite(file) and office.db.key is not None
    assert _readable_anywhere(office.paths.data_dir) == []
    wal = Path(f"{file}-wal")
    assert wal.exists() and wal.stat().st_size > 0 and not any(s in wal.read_bytes() for s in _secrets())
    # The key opens it; no key, or another key, does not.
    conn = connect_office(office)
    try:
        assert conn.execute("SELECT full_name FROM people").fetchall() == [(NAME,)]
    finally:
        conn.close()
    assert not cipher.opens_with(file, None) and not cipher.opens_with(file, bytes(32))


def test_a_lost_laptop_gives_up_no_personal_data(office: App, tmp_path: Path,
                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    """The thief has the data folder (database, WAL, automatic backups, the sealed key) and a
    backup on the USB stick, but not the user's config folder (DPAPI-bound on Windows)."""
    office.maintenance.backup(office.paths.backups_dir / "tu-dong.zip")
    usb = office.maintenance.backup(tmp_path / "usb" / "sao-luu.zip")
    stolen = tmp_path / "stolen"
    shutil.copytree(office.paths.data_dir, stolen / "data")
    shutil.copy2(usb, stolen / "usb.zip")
    assert _readable_anywhere(stolen) == []
    # Nor inside the zips once unpacked (their members are encrypted, then the database too).
    for zipped in [stolen / "usb.zip", stolen / "data" / "backups" / "tu-dong.zip"]:
        shutil.unpack_archive(zipped, stolen / f"unpacked-{zipped.stem}", "zip")
    assert _readable_anywhere(stolen) == []

    monkeypatch.setenv("THIDUA_CONFIG_DIR", str(tmp_path / "thief-config"))
    with pytest.raises(DomainError) as refused:
        open_app(stolen / "data")
    assert refused.value.code == "DATABASE_KEY_MISSING"
    assert "khóa mở cơ sở dữ liệu" in render(refused.value, "vi")


def test_without_its_key_the_command_line_refuses_in_one_line(office: App, tmp_path: Path,
                                                               monkeypatch: pytest.MonkeyPatch,
                                                               capsys: pytest.CaptureFixture[str]) -> None:
    folder = office.paths.data_dir
    office.close()
    monkeypatch.setenv("THIDUA_CONFIG_DIR", str(tmp_path / "other-user"))
    assert main(["--data-dir", str(folder), "people", "list"]) == 1
    [line] = capsys.readouterr().err.splitlines()
    assert "khóa mở cơ sở dữ liệu" in line and "Traceback" not in line


def test_a_database_copied_from_another_folder_is_refused_not_emptied(office: App, tmp_path: Path) -> None:
    other = open_app(tmp_path / "other")
    other.close()
    office.close()
    shutil.copy2(office.paths.db_file, other.paths.db_file)  # another folder's key cannot open it
    for suffix in ("-wal", "-shm"):
        Path(f"{other.paths.db_file}{suffix}").unlink(missing_ok=True)
    before = other.paths.db_file.read_bytes()
    with pytest.raises(DomainError) as refused:
        open_app(tmp_path / "other")
    assert refused.value.code == "DATABASE_KEY_WRONG"
    assert other.paths.db_file.read_bytes() == before


def test_an_office_of_an_older_version_is_encrypted_at_its_next_start(tmp_path: Path) -> None:
    folder = tmp_path / "old"
    folder.mkdir()
    plain = Database(f"sqlite:///{(folder / 'thidua.sqlite').as_posix()}")  # no key: as before
    upgrade(plain.engine)
    plain.dispose()
    app = open_app(folder, actor="tester")
    app.office.init_office("commune", "01576")
    app.people.create(PersonInput(NAME, "female", cccd=CCCD))
    app.close()
    assert not cipher.is_plain_sqlite(folder / "thidua.sqlite")  # made encrypted before first use

    # A plain file with people in it (written by an older version) keeps every row.
    older = tmp_path / "older"
    older.mkdir()
    conn = connect_office(AppPaths(folder))
    try:
        cipher.export_database(folder / "thidua.sqlite", load_database_key(AppPaths(folder)),
                               older / "thidua.sqlite", None)
    finally:
        conn.close()
    assert cipher.is_plain_sqlite(older / "thidua.sqlite") and _readable_anywhere(older)
    again = open_app(older, actor="tester")
    try:
        assert [p.full_name for p in again.people.search("bi mat").rows] == [NAME]
        assert again.maintenance.check().ok
    finally:
        again.close()
    assert not cipher.is_plain_sqlite(older / "thidua.sqlite")
    assert _readable_anywhere(older) == [] and key_file(AppPaths(older)).exists()
    assert [p.name for p in older.iterdir() if p.name.startswith(".")] == []  # no staging left


def test_a_backup_restored_on_another_computer_is_rekeyed_to_its_key(office: App, tmp_path: Path) -> None:
    backup = office.maintenance.backup(tmp_path / "usb" / "sao-luu.zip")
    old_key = office.db.key
    office.close()
    # The new computer: another folder, another key; the old computer's key store travels in
    # the backup, sealed under a key-encryption key only the same user account holds.
    assert main(["--data-dir", str(tmp_path / "new"), "restore", str(backup)]) == 0
    new = AppPaths(tmp_path / "new")
    new_key = load_database_key(new)
    assert new_key != old_key
    assert cipher.opens_with(new.db_file, new_key) and not cipher.opens_with(new.db_file, old_key)
    app = open_app(new.data_dir)
    try:
        assert [p.full_name for p in app.people.search("").rows] == [NAME]
    finally:
        app.close()


def test_the_key_file_is_private_and_holds_no_usable_key(office: App) -> None:
    path = key_file(office.paths)
    if os.name == "posix":
        assert path.stat().st_mode & 0o077 == 0
    assert office.db.key is not None and office.db.key.hex().encode() not in path.read_bytes()
    assert office.db.key not in path.read_bytes()
