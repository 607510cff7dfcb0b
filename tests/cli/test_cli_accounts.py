"""``thidua accounts`` and ``--user`` (issue 14): a province office's first admin made without
signing in, every later command signed in, refusals in one line with exit code 1, a malformed
command line 2. Run as separate processes (tests/cli_process.py forks, so the fast password hash
set here reaches the child)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import cli_process
import nacl.pwhash
import pytest

from thidua_desktop.sync import passwords


@pytest.fixture(autouse=True)
def fast_hash(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(passwords, "OPSLIMIT", nacl.pwhash.argon2id.OPSLIMIT_MIN)
    monkeypatch.setattr(passwords, "MEMLIMIT", nacl.pwhash.argon2id.MEMLIMIT_MIN)


def run(data: Path, *args: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PYTHONIOENCODING": "utf-8"}
    env.pop("THIDUA_DATA_DIR", None)
    env.pop("THIDUA_DATABASE_URL", None)
    return cli_process.run([sys.executable, "-m", "thidua_desktop.cli", "--data-dir", str(data), *args],
                           capture_output=True, text=True, env=env, timeout=300)


def refused(result: subprocess.CompletedProcess[str], code: int = 1) -> str:
    assert result.returncode == code, result.stdout + result.stderr
    assert "Traceback" not in result.stderr
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    return lines[0]


def secret(folder: Path, name: str, text: str) -> str:
    path = folder / name
    path.write_text(text + "\n", encoding="utf-8")
    return str(path)


@pytest.fixture
def province(tmp_path: Path) -> Path:
    data = tmp_path / "tinh"
    result = run(data, "init", "--role", "province", "--unit-code", "04", "--recovery-no-passphrase",
                 "--recovery-out", str(tmp_path / "recovery.tdkey"))
    assert result.returncode == 0, result.stderr
    return data


def test_accounts_from_the_first_admin_to_a_disabled_reviewer(province: Path, tmp_path: Path) -> None:
    admin_pw = secret(tmp_path, "admin.txt", "Quan-tri-2026")
    temp_pw = secret(tmp_path, "temp.txt", "Tam-thoi-123")
    own_pw = secret(tmp_path, "own.txt", "Cua-toi-2026")
    as_admin = ("--user", "quantri", "--password-file", admin_pw)

    # No accounts yet: the single officer, nothing asked; the first account must be an admin.
    assert run(province, "people", "list").returncode == 0
    line = refused(run(province, "accounts", "add", "hoa.nt", "--name", "Nông Thị Hoa", "--role", "reviewer",
                       "--new-password-file", temp_pw))
    assert line.startswith("Tài khoản đầu tiên của văn phòng phải là quản trị viên")
    made = run(province, "accounts", "add", "quantri", "--name", "Hoàng Văn Quản", "--role", "admin",
               "--new-password-file", admin_pw)
    assert made.returncode == 0, made.stderr
    assert "Đã tạo tài khoản «quantri» (quản trị viên)." in made.stdout

    # From now on every command signs in.
    assert "hãy đăng nhập" in refused(run(province, "people", "list"))
    wrong = secret(tmp_path, "wrong.txt", "sai-mat-khau")
    failed = refused(run(province, "--user", "quantri", "--password-file", wrong, "people", "list"))
    unknown = refused(run(province, "--user", "khong-co-ai", "--password-file", wrong, "people", "list"))
    assert failed == unknown and failed.startswith("Tên đăng nhập hoặc mật khẩu không đúng")
    # No terminal and no password file: refused, never waiting for an answer.
    assert refused(run(province, "--user", "quantri", "people", "list")).startswith("Cần mật khẩu")
    assert run(province, *as_admin, "people", "list").returncode == 0

    added = run(province, *as_admin, "accounts", "add", "Hoa.NT", "--name", "Nông Thị Hoa", "--role", "reviewer",
                "--new-password-file", temp_pw)
    assert added.returncode == 0, added.stderr
    assert "phải đổi mật khẩu ở lần đăng nhập đầu tiên" in added.stdout
    as_temp = ("--user", "hoa.nt", "--password-file", temp_pw)
    assert refused(run(province, *as_temp, "people", "list")).startswith("Mật khẩu của tài khoản này do quản trị")
    changed = run(province, *as_temp, "accounts", "passwd", "--new-password-file", own_pw)
    assert changed.returncode == 0, changed.stderr
    as_hoa = ("--user", "hoa.nt", "--password-file", own_pw)

    # The reviewer works, but neither manages accounts nor exports keys.
    assert run(province, *as_hoa, "people", "list").returncode == 0
    assert "vai trò quản trị viên" in refused(run(province, *as_hoa, "accounts", "list"))
    out = tmp_path / "ket-noi.json"
    assert "vai trò quản trị viên" in refused(run(province, *as_hoa, "enroll", "export", "--unit-code", "01576",
                                                   "--out", str(out)))
    assert not out.exists()
    assert run(province, *as_admin, "enroll", "export", "--unit-code", "01576", "--out", str(out)).returncode == 0

    listed = run(province, *as_admin, "accounts", "list", "--json")
    assert listed.returncode == 0, listed.stderr
    rows = {r["username"]: r for r in json.loads(listed.stdout)}
    assert (rows["hoa.nt"]["role"], rows["hoa.nt"]["must_change_password"]) == ("reviewer", False)
    assert rows["quantri"]["role"] == "admin" and "password_hash" not in rows["quantri"]

    assert run(province, *as_admin, "accounts", "disable", "hoa.nt").returncode == 0
    assert refused(run(province, *as_hoa, "people", "list")).startswith("Tên đăng nhập hoặc mật khẩu không đúng")
    line = refused(run(province, *as_admin, "--lang", "en", "accounts", "disable", "quantri"))
    assert line.startswith("This is the last active administrator")
    reset = run(province, *as_admin, "accounts", "passwd", "hoa.nt", "--new-password-file", temp_pw)
    assert reset.returncode == 0 and "phải đổi ở lần đăng nhập tới" in reset.stdout
    assert run(province, *as_admin, "accounts", "enable", "hoa.nt").returncode == 0
    assert refused(run(province, *as_temp, "people", "list")).startswith("Mật khẩu của tài khoản này do quản trị")


def test_a_malformed_accounts_line_exits_2(province: Path) -> None:
    for args in (("accounts",), ("accounts", "add", "x", "--name", "X"), ("accounts", "add", "x", "--name", "X",
                                                                          "--role", "chairman")):
        result = run(province, *args)
        assert result.returncode == 2, result.stderr
        assert result.stderr.startswith("Lệnh không hợp lệ")
