"""Restore checks its input before writing anything (issue 11, failures 1, 3 and 6): the manifest's
shape, the entry count, the declared sizes against a ceiling and the free space, names, and the
bytes really extracted. Every refusal is a reason code naming the file, and leaves the data folder
exactly as it was. Also: a new epoch that is never reused, damaged attachments replaced, leftovers
of killed runs removed at the next start.

Backups are encrypted since format 2 (tests/services/test_restore_encrypted.py). The bombs and
lying headers below are also played on format-1 (clear) backups, which are still restored: there
the zip's own sizes and the SQLite header are all a restore has to go by."""

from __future__ import annotations

import hashlib
import json
import os
import struct
import subprocess
import sys
import time
import zipfile
from collections.abc import Callable
from pathlib import Path

import pytest
from backup_helpers import clear_copy

from thidua_desktop.bootstrap import data_paths, open_app
from thidua_desktop.cli import main
from thidua_desktop.domain.errors import DomainError
from thidua_desktop.messages import render
from thidua_desktop.services import restore as restore_module
from thidua_desktop.services.maintenance import restore_backup
from thidua_desktop.services.movements import MovementInput
from thidua_desktop.services.people import PersonInput
from thidua_desktop.services.staging import staging_folder

PHOTO = b"\xff\xd8\xff anh hop xom " * 200


@pytest.fixture
def office(commune, tmp_path: Path) -> tuple[Path, Path]:  # type: ignore[no-untyped-def]
    """A closed commune office with one person and one photo, and a backup of it."""
    commune.people.create(PersonInput("Nông Văn An", "male"))
    photo = tmp_path / "anh.jpg"
    photo.write_bytes(PHOTO)
    movement = commune.movements.create(MovementInput(code="M1", name="Phong trào thử"))
    commune.movements.record_activity(movement_id=movement, held_on="02/06/2026", files=[photo])
    backup = commune.maintenance.backup(tmp_path / "out" / "sao-luu.zip")
    commune.people.create(PersonInput("Người Thêm Sau", "male"))
    commune.close()
    return commune.paths.data_dir, backup


@pytest.fixture
def clear_office(office, tmp_path: Path) -> tuple[Path, Path]:  # type: ignore[no-untyped-def]
    """The same office, and the same backup as format 1 wrote it (members in the clear)."""
    folder, backup = office
    return folder, clear_copy(backup, folder / "keys", tmp_path / "out" / "sao-luu-v1.zip")


def snapshot(folder: Path) -> dict[str, str]:
    """Every file under the data folder (logs aside) with the hash of its bytes."""
    return {p.relative_to(folder).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(folder.rglob("*")) if p.is_file() and "logs" not in p.relative_to(folder).parts}


def rewrite(backup: Path, target: Path, change: Callable[[dict[str, bytes]], None]) -> Path:
    """A copy of ``backup`` whose entries went through ``change`` (name -> bytes, in order)."""
    with zipfile.ZipFile(backup) as zf:
        entries = {name: zf.read(name) for name in zf.namelist()}
    change(entries)
    with zipfile.ZipFile(target, "w", compression=zipfile.ZIP_DEFLATED) as zf:
        for name, data in entries.items():
            zf.writestr(name, data)
    return target


def patch_declared_sizes(path: Path, sizes: dict[str, int]) -> None:
    """Overwrite the uncompressed size the central directory declares for some entries (what a
    crafted bomb, or a lying header, does); the data itself stays as it is."""
    data = bytearray(path.read_bytes())
    with zipfile.ZipFile(path) as zf:
        at = zf.start_dir
        count = len(zf.infolist())
    for _ in range(count):
        assert data[at:at + 4] == b"PK\x01\x02"
        name_len, extra_len, comment_len = struct.unpack_from("<HHH", data, at + 28)
        name = bytes(data[at + 46:at + 46 + name_len]).decode("utf-8")
        if name in sizes:
            struct.pack_into("<I", data, at + 24, sizes[name])
        at += 46 + name_len + extra_len + comment_len
    path.write_bytes(bytes(data))


def refused(backup: Path, folder: Path) -> DomainError:
    before = snapshot(folder)
    with pytest.raises(DomainError) as err:
        restore_backup(backup, data_paths(folder))
    assert snapshot(folder) == before  # nothing written
    assert not [p for p in folder.iterdir() if "staging" in p.name or p.name.startswith("tmp")]
    assert backup.name in render(err.value, "vi") or err.value.params.get("value") == backup.name
    return err.value


@pytest.mark.parametrize(("manifest", "code", "key"), [
    (b"[1, 2, 3]", "BACKUP_MANIFEST_UNREADABLE", None),
    (b'"thidua-backup"', "BACKUP_MANIFEST_UNREADABLE", None),
    (b"{", "BACKUP_MANIFEST_UNREADABLE", None),
    (b"\xff\xfe not utf-8", "BACKUP_MANIFEST_UNREADABLE", None),
    (b"[" * 100_000, "BACKUP_MANIFEST_UNREADABLE", None),
    (b" " * (70 * 1024) + b"{}", "BACKUP_MANIFEST_UNREADABLE", None),
    ({"format": "thidua-backup", "format_version": 1}, "BACKUP_MANIFEST_INVALID", "app_version"),
    ({"format_version": "1"}, "BACKUP_MANIFEST_INVALID", "format_version"),
    ({"format_version": True}, "BACKUP_MANIFEST_INVALID", "format_version"),
    ({"epoch": "2"}, "BACKUP_MANIFEST_INVALID", "epoch"),
    ({"epoch": 10**30}, "BACKUP_MANIFEST_INVALID", "epoch"),
    ({"epoch": None}, "BACKUP_MANIFEST_INVALID", "epoch"),
    ({"unit_code": ["01576"]}, "BACKUP_MANIFEST_INVALID", "unit_code"),
    ({"schema_revision": 12}, "BACKUP_MANIFEST_INVALID", "schema_revision"),
    ({"created_at": {"day": 1}}, "BACKUP_MANIFEST_INVALID", "created_at"),
    ({"format": "other"}, "BACKUP_NOT_OURS", None),
])
def test_a_manifest_of_the_wrong_shape_is_refused_with_a_message(office, tmp_path: Path, manifest: object,  # type: ignore[no-untyped-def]
                                                                 code: str, key: str | None) -> None:
    folder, backup = office

    def change(entries: dict[str, bytes]) -> None:
        if isinstance(manifest, bytes):
            entries["manifest.json"] = manifest
        elif "format" in manifest and len(manifest) == 2:  # type: ignore[operator]
            entries["manifest.json"] = json.dumps(manifest).encode()
        else:
            entries["manifest.json"] = json.dumps({**json.loads(entries["manifest.json"]), **manifest}).encode()  # type: ignore[dict-item]

    error = refused(rewrite(backup, tmp_path / "sai.zip", change), folder)
    assert error.code == code
    if key:
        assert error.params["key"] == key and f"«{key}»" in render(error, "vi")


def test_the_command_line_refuses_a_bad_manifest_in_one_line(office, tmp_path: Path,  # type: ignore[no-untyped-def]
                                                             capsys: pytest.CaptureFixture[str]) -> None:
    folder, backup = office
    bad = rewrite(backup, tmp_path / "danh-sach.zip", lambda e: e.update({"manifest.json": b"[]"}))
    assert main(["--data-dir", str(folder), "restore", str(bad)]) == 1
    [line] = capsys.readouterr().err.splitlines()
    assert "danh-sach.zip" in line and "manifest.json" in line and "Traceback" not in line


@pytest.mark.parametrize("kind", ["office", "clear_office"])
def test_a_small_zip_declaring_more_than_the_ceiling_is_refused_unextracted(request, tmp_path: Path,  # type: ignore[no-untyped-def]
                                                                          kind: str) -> None:
    folder, backup = request.getfixturevalue(kind)
    hashes = [hashlib.sha256(str(i).encode()).hexdigest() for i in range(120)]
    blobs = {f"attachments/{h[:2]}/{h}": b"x" for h in hashes}
    bomb = rewrite(backup, tmp_path / "bom.zip", lambda e: e.update(blobs))
    patch_declared_sizes(bomb, dict.fromkeys(blobs, 150 * 1024 * 1024))  # 120 × 150 MB > 16 GiB
    # A few hundred kB (the office's encrypted database does not compress) declaring 18 GB.
    assert bomb.stat().st_size < 2_000_000
    error = refused(bomb, folder)
    assert error.code == "BACKUP_TOO_LARGE" and error.params["size_mb"] > error.params["max_mb"]
    one = rewrite(backup, tmp_path / "bom1.zip", lambda e: e.update(dict(list(blobs.items())[:1])))
    patch_declared_sizes(one, dict.fromkeys(list(blobs)[:1], 0xF000_0000))
    assert refused(one, folder).code == "BACKUP_ENTRY_TOO_LARGE"


@pytest.mark.skipif(os.name != "posix", reason="RLIMIT_FSIZE is POSIX")
def test_a_bomb_of_zeros_posing_as_the_database_is_refused_before_any_write(clear_office, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    """A clear backup: its SQLite header is checked before extraction. (An encrypted member that
    expands past what the manifest declared: test_restore_encrypted.py.)"""
    folder, backup = clear_office
    bomb = rewrite(backup, tmp_path / "bom.zip", lambda e: e.update({"thidua.sqlite": bytes(64 * 1024 * 1024)}))
    assert bomb.stat().st_size < 1_000_000
    before = snapshot(folder)
    # The restore runs with files capped at 1 MB: extracting the bomb at all would hit the cap.
    code = ("import resource, signal, sys; signal.signal(signal.SIGXFSZ, signal.SIG_IGN); "
            "resource.setrlimit(resource.RLIMIT_FSIZE, (1 << 20, 1 << 20)); "
            "from thidua_desktop.cli import main; sys.exit(main(sys.argv[1:]))")
    env = {k: v for k, v in os.environ.items() if k != "THIDUA_DATA_DIR"}
    result = subprocess.run([sys.executable, "-c", code, "--data-dir", str(folder), "restore", str(bomb)],
                            capture_output=True, text=True, env={**env, "PYTHONIOENCODING": "utf-8"}, timeout=120)
    assert result.returncode == 1
    assert result.stderr.strip() == render(DomainError("BACKUP_NOT_OURS", field="file", value="bom.zip"), "vi")
    assert snapshot(folder) == before


def test_a_lying_header_cannot_overrun_and_leaves_no_half_file(clear_office, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    folder, backup = clear_office
    big = os.urandom(2 * 1024 * 1024)
    sha = hashlib.sha256(big).hexdigest()
    name = f"attachments/{sha[:2]}/{sha}"
    liar = rewrite(backup, tmp_path / "noi-doi.zip", lambda e: e.update({name: big}))
    patch_declared_sizes(liar, {name: 1024})  # declares 1 KB, holds 2 MB
    error = refused(liar, folder)
    assert error.code == "BACKUP_ENTRY_DAMAGED" and error.params["entry"] == name


def test_an_attachment_whose_content_does_not_match_its_name_is_refused(clear_office, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    folder, backup = clear_office

    def swap_content(entries: dict[str, bytes]) -> None:
        name = next(n for n in entries if n.startswith("attachments/"))
        entries[name] = b"not the photo"

    assert refused(rewrite(backup, tmp_path / "hong.zip", swap_content), folder).code == "BACKUP_ENTRY_DAMAGED"


def test_too_little_free_space_is_refused_before_writing(office, monkeypatch: pytest.MonkeyPatch) -> None:  # type: ignore[no-untyped-def]
    folder, backup = office
    real = restore_module.shutil.disk_usage

    def nearly_full(path: object) -> object:
        usage = real(path)  # type: ignore[arg-type]
        return type(usage)(usage.total, usage.total - 1024 * 1024, 1024 * 1024)

    monkeypatch.setattr(restore_module.shutil, "disk_usage", nearly_full)
    error = refused(backup, folder)
    assert error.code == "BACKUP_DISK_FULL" and error.params["free_mb"] == 1


def test_too_many_entries_are_refused(office, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:  # type: ignore[no-untyped-def]
    folder, backup = office
    monkeypatch.setattr(restore_module, "MAX_ENTRIES", 6)
    crowded = rewrite(backup, tmp_path / "dong.zip", lambda e: e.update({f"attachments/x{i}": b"" for i in range(6)}))
    error = refused(crowded, folder)
    assert error.code == "BACKUP_TOO_MANY_FILES" and error.params["max"] == 6


@pytest.mark.parametrize("name", ["../thoat.txt", "attachments/../../thoat", "/etc/passwd", "C:/x", "a\\b"])
def test_unsafe_names_are_refused(office, tmp_path: Path, name: str) -> None:  # type: ignore[no-untyped-def]
    folder, backup = office
    evil = rewrite(backup, tmp_path / "evil.zip", lambda e: e.update({name: b"x"}))
    assert refused(evil, folder).code == "BACKUP_UNSAFE_PATH"


def test_each_restore_takes_an_epoch_never_used_before(office) -> None:  # type: ignore[no-untyped-def]
    folder, backup = office
    first = restore_backup(backup, data_paths(folder))
    second = restore_backup(backup, data_paths(folder))  # the same backup (epoch 1) again
    assert (first["new_epoch"], second["new_epoch"]) == (2, 3)
    app = open_app(folder)
    try:
        assert app.office.office().epoch == 3 and app.maintenance.check().ok
    finally:
        app.close()


def test_a_half_written_attachment_in_the_store_is_replaced(office) -> None:  # type: ignore[no-untyped-def]
    folder, backup = office
    sha = hashlib.sha256(PHOTO).hexdigest()
    stored = folder / "attachments" / sha[:2] / sha
    stored.write_bytes(PHOTO[:100])  # what a kill during an older version's restore left
    restore_backup(backup, data_paths(folder))
    assert hashlib.sha256(stored.read_bytes()).hexdigest() == sha
    app = open_app(folder)
    try:
        assert app.maintenance.check().ok
    finally:
        app.close()


def test_restore_refuses_while_the_office_is_open_elsewhere(office) -> None:  # type: ignore[no-untyped-def]
    folder, backup = office
    other = open_app(folder)  # a window left open during a command-line restore
    try:
        assert other.people.search("").total == 2
        error = refused(backup, folder)
        assert error.code == "DATABASE_IN_USE"
        assert other.people.search("").total == 2
    finally:
        other.close()


def test_the_restored_database_is_private(office) -> None:  # type: ignore[no-untyped-def]
    folder, backup = office
    os.umask(0o022)  # what a process that never restricted its umask has
    try:
        restore_backup(backup, data_paths(folder))
    finally:
        os.umask(0o077)
    if os.name == "posix":
        assert (folder / "thidua.sqlite").stat().st_mode & 0o077 == 0


def test_the_next_start_removes_what_killed_runs_left(data_dir: Path) -> None:
    open_app(data_dir).close()
    abandoned = data_dir / ".restore-staging-abc123"
    abandoned.mkdir()
    (abandoned / ".lock").write_bytes(b"")
    (abandoned / "thidua.sqlite").write_bytes(b"a full copy of the database")
    legacy = data_dir / "tmpab12cd34"  # what tempfile.TemporaryDirectory left in older versions
    legacy.mkdir()
    (legacy / "thidua.sqlite").write_bytes(b"another copy")
    store = data_dir / "attachments" / "ab"
    store.mkdir(parents=True)
    stale, fresh = store / f"{'ab' * 32}.part", store / f"{'ab' * 31}cd.part"
    stale.write_bytes(b"half")
    fresh.write_bytes(b"being written now")
    old = time.time() - 3600
    os.utime(stale, (old, old))
    with staging_folder(data_dir, "restore") as busy:  # another process's restore, still running
        open_app(data_dir).close()
        assert busy.is_dir()
    assert not abandoned.exists() and not legacy.exists()
    assert not stale.exists() and fresh.exists()
    assert not busy.exists()


def test_a_folder_killed_before_its_lock_is_removed_at_once_unless_it_holds_something(data_dir: Path) -> None:
    """Found by the long kill harness (1 in 200): a kill between making the staging folder and
    taking its lock left an empty folder that the next start kept for a minute as "maybe just
    made by another process". Empty, it holds nothing to protect and goes at once."""
    open_app(data_dir).close()
    empty = data_dir / ".restore-staging-empty1"
    empty.mkdir()
    young = data_dir / ".restore-staging-young1"  # no lock yet but files: perhaps being made now
    young.mkdir()
    (young / "thidua.sqlite").write_bytes(b"copy")
    open_app(data_dir).close()
    assert not empty.exists() and young.exists()


def test_backup_leaves_no_temporary_copy_beside_it_or_in_the_data_folder(commune, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    commune.people.create(PersonInput("Nông Văn An", "male"))
    out = commune.maintenance.backup(tmp_path / "usb" / "sao-luu.zip")
    assert [p.name for p in out.parent.iterdir()] == ["sao-luu.zip"]
    assert not [p for p in commune.paths.data_dir.iterdir() if "staging" in p.name or p.name.startswith("tmp")]
