"""The command line when the operating system or the database says no (issue 11, failures 7, 10
and 11): a missing file, a full disk, a database another command is writing. Each ends with one
clear Vietnamese line naming the file or folder, exit code 1, and never "Unexpected error" or a
traceback. Names holding terminal escapes are shown escaped, never obeyed."""

from __future__ import annotations

import contextlib
import errno
import json
import os
import shutil
import sqlite3
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest
from office_db import connect_office

from thidua_desktop.cli import main
from thidua_desktop.domain.errors import DomainError
from thidua_desktop.os_refusals import refusal_for

BAD = ("Lỗi không mong đợi", "Unexpected error", "Traceback")


def _run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out = capsys.readouterr()
    return code, out.out, out.err


def _clean(err: str) -> None:
    assert err.strip() and not any(bad in err for bad in BAD), err


@pytest.mark.parametrize("command", [["bundle", "import"], ["bundle", "inspect"], ["enroll", "load"]])
def test_a_missing_file_is_named(commune, data_dir: Path, tmp_path: Path, command: list[str],  # type: ignore[no-untyped-def]
                                 capsys: pytest.CaptureFixture[str]) -> None:
    missing = tmp_path / "khong-co" / "TD-01576-04-000001.tdsync"
    code, _out, err = _run(capsys, "--data-dir", str(data_dir), *command, str(missing))
    assert code == 1
    _clean(err)
    assert "Không tìm thấy" in err and missing.name in err


def test_a_missing_bundle_says_file_not_found(commune, data_dir: Path, tmp_path: Path,  # type: ignore[no-untyped-def]
                                              capsys: pytest.CaptureFixture[str]) -> None:
    missing = tmp_path / "TD-01576-04-000001.tdsync"
    code, _out, err = _run(capsys, "--data-dir", str(data_dir), "bundle", "import", str(missing))
    assert (code, err.strip()) == (1, f"Không tìm thấy tệp «{missing}».")
    code, _out, err = _run(capsys, "--data-dir", str(data_dir), "--lang", "en", "bundle", "inspect", str(missing))
    assert (code, err.strip()) == (1, f"File «{missing}» not found.")


def test_a_full_disk_while_writing_a_backup(commune, data_dir: Path, tmp_path: Path,  # type: ignore[no-untyped-def]
                                            monkeypatch: pytest.MonkeyPatch,
                                            capsys: pytest.CaptureFixture[str]) -> None:
    """The OS reports ENOSPC when the data reaches the disk (fsync); patched at the OS boundary."""
    def full(_fd: int) -> None:
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    monkeypatch.setattr(os, "fsync", full)
    out = tmp_path / "usb" / "sao-luu.zip"
    code, _out, err = _run(capsys, "--data-dir", str(data_dir), "backup", "--out", str(out))
    assert code == 1
    _clean(err)
    assert err.strip() == (f"Ổ đĩa đã đầy: không ghi được dữ liệu («{out}»). Hãy giải phóng dung lượng rồi "
                           "thử lại.")
    assert not out.exists()


@contextlib.contextmanager
def _tiny_disk(folder: Path, size: str) -> Iterator[Path]:
    """A real small disk (tmpfs). Needs root and a kernel that lets us mount; skipped otherwise."""
    if os.name != "posix" or os.geteuid() != 0 or shutil.which("mount") is None:
        pytest.skip("mounting a small tmpfs needs root")
    folder.mkdir(parents=True, exist_ok=True)
    done = subprocess.run(["mount", "-t", "tmpfs", "-o", f"size={size}", "tmpfs", str(folder)], capture_output=True)
    if done.returncode != 0:
        pytest.skip("tmpfs cannot be mounted here")
    try:
        yield folder
    finally:
        subprocess.run(["umount", "-l", str(folder)], check=False)


def test_a_really_full_disk_for_a_backup(commune, data_dir: Path, tmp_path: Path,  # type: ignore[no-untyped-def]
                                         capsys: pytest.CaptureFixture[str]) -> None:
    with _tiny_disk(tmp_path / "usb", "8k") as usb:
        out = usb / "sao-luu.zip"
        code, _out, err = _run(capsys, "--data-dir", str(data_dir), "backup", "--out", str(out))
        assert code == 1
        _clean(err)
        assert err.startswith("Ổ đĩa đã đầy") and str(usb) in err, err
        assert not out.exists()


def test_a_really_full_disk_under_the_database(commune, data_dir: Path, tmp_path: Path,  # type: ignore[no-untyped-def]
                                               capsys: pytest.CaptureFixture[str]) -> None:
    """SQLite's own "database or disk is full" names the data folder."""
    size = sum(p.stat().st_size for p in data_dir.rglob("*") if p.is_file())
    with _tiny_disk(tmp_path / "small", f"{size // 1024 + 400}k") as small:
        folder = small / "data"
        commune.db.dispose()  # the office set up in the WAL reaches the file the copy takes
        shutil.copytree(data_dir, folder, ignore=shutil.ignore_patterns("logs", "*-wal", "*-shm"))
        code, _out, err = _run(capsys, "--data-dir", str(folder), "demo", "--people", "300")
        assert code == 1
        _clean(err)
        assert err.startswith("Ổ đĩa đã đầy") and str(folder) in err, err


def test_a_locked_database_is_busy_not_unexpected(commune, data_dir: Path, monkeypatch: pytest.MonkeyPatch,  # type: ignore[no-untyped-def]
                                                  capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.setenv("THIDUA_DB_BUSY_TIMEOUT_MS", "100")
    other = connect_office(commune, isolation_level=None)
    try:
        other.execute("BEGIN EXCLUSIVE")
        code, _out, err = _run(capsys, "--data-dir", str(data_dir), "people", "add", "--name", "Nông Văn An",
                               "--gender", "male")
    finally:
        other.execute("ROLLBACK")
        other.close()
    assert (code, err.strip()) == (1, "Một cửa sổ hoặc lệnh khác đang ghi dữ liệu; vui lòng thử lại sau giây lát.")
    assert commune.people.search().total == 0
    code, out, _err = _run(capsys, "--data-dir", str(data_dir), "people", "add", "--name", "Nông Văn An",
                           "--gender", "male")
    assert code == 0 and out.strip()  # released: the same command now works


@pytest.mark.parametrize(("exc", "code", "param"), [
    (sqlite3.OperationalError("database is locked"), "DATABASE_BUSY", None),
    (sqlite3.OperationalError("database or disk is full"), "DISK_FULL", "/data"),
    (sqlite3.OperationalError("attempt to write a readonly database"), "READ_ONLY_PLACE", "/data"),
    (OSError(errno.ENOSPC, "No space left on device"), "DISK_FULL", ""),
    (FileNotFoundError(errno.ENOENT, "No such file", "/x/a.tdsync"), "FILE_NOT_FOUND", "/x/a.tdsync"),
    (PermissionError(errno.EACCES, "Permission denied", "/x/b.zip"), "PERMISSION_DENIED", "/x/b.zip"),
    (IsADirectoryError(errno.EISDIR, "Is a directory", "/x"), "NOT_A_FILE", "/x"),
    (OSError(errno.EROFS, "Read-only file system", "/mnt/usb/a"), "READ_ONLY_PLACE", "/mnt/usb/a"),
    (OSError(errno.EXDEV, "Invalid cross-device link", "/a", None, "/b"), "OS_ERROR", "/a → /b"),
])
def test_os_and_database_errors_become_refusals(exc: BaseException, code: str, param: str | None) -> None:
    try:  # wrapped, as a service or SQLAlchemy would hand it on
        raise RuntimeError("wrapper") from exc
    except RuntimeError as wrapper:
        refusal = refusal_for(wrapper, "/data")
    assert refusal is not None and refusal.code == code
    if param is not None:
        assert (refusal.params.get("path") if "path" in refusal.params else refusal.params.get("value")) == param
    assert refusal_for(ValueError("a bug")) is None
    same = DomainError("X")
    assert refusal_for(same) is same


def test_people_list_never_prints_a_raw_escape(commune, data_dir: Path, capsys: pytest.CaptureFixture[str]) -> None:  # type: ignore[no-untyped-def]
    """A name that reached the database from elsewhere (an old copy, another program) with an ESC
    sequence or a right-to-left override is printed escaped."""
    from thidua_desktop.services.people import PersonInput

    person = commune.people.create(PersonInput("Nông Văn An", "male"))
    con = connect_office(commune)
    with con:
        con.execute("UPDATE people SET full_name = ? WHERE id = ?",
                    ("Nông\x1b[2J\x1b]0;pwned\x07 Văn An\u202e\x9b", person.id))
    con.close()
    code, out, _err = _run(capsys, "--data-dir", str(data_dir), "people", "list")
    assert code == 0
    assert "\x1b" not in out and "\x07" not in out and "\u202e" not in out and "\x9b" not in out
    assert "Nông\\x1b[2J\\x1b]0;pwned\\x07 Văn An\\u202e\\x9b" in out
    code, out, _err = _run(capsys, "--data-dir", str(data_dir), "people", "list", "--json")
    assert code == 0 and "\x1b" not in out and "\u202e" not in out and "\x9b" not in out
    [row] = json.loads(out)
    assert row["full_name"] == "Nông\x1b[2J\x1b]0;pwned\x07 Văn An\u202e\x9b"  # the data itself, escaped in JSON


@pytest.mark.parametrize("name", ["Nguy\x1b[31mễn Văn An", "Lò Thị\u202egnaH", "Bế\x07 Văn Nam"])
def test_people_add_refuses_control_characters(commune, data_dir: Path, name: str,  # type: ignore[no-untyped-def]
                                               capsys: pytest.CaptureFixture[str]) -> None:
    code, _out, err = _run(capsys, "--data-dir", str(data_dir), "people", "add", "--name", name, "--gender", "male")
    assert code == 1
    _clean(err)
    assert "«Họ và tên»" in err and "U+" in err
    assert "\x1b" not in err and "\u202e" not in err and "\x07" not in err
    assert commune.people.search().total == 0


def test_people_add_drops_invisible_characters(commune, data_dir: Path,  # type: ignore[no-untyped-def]
                                               capsys: pytest.CaptureFixture[str]) -> None:
    code, _out, _err = _run(capsys, "--data-dir", str(data_dir), "people", "add", "--name",
                            "\ufeffNông\u200b Văn\u2060 An\u200d", "--gender", "male")
    assert code == 0
    assert [p.full_name for p in commune.people.search().rows] == ["Nông Văn An"]
