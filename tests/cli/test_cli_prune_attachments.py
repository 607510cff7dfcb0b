"""``thidua check`` counts the attached files nothing names any more, and ``thidua maintenance
prune-attachments`` removes those older than 24 hours: exit 0 when done, 1 when refused (not an
admin on an office with accounts), 2 for a malformed command line. Separate processes
(tests/cli_process.py)."""

from __future__ import annotations

import hashlib
import os
import subprocess
import sys
import time
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


def left_behind(data: Path, content: bytes, age_hours: float) -> Path:
    """A stored file whose save never committed (services/attachments.py stores the file first)."""
    sha = hashlib.sha256(content).hexdigest()
    path = data / "attachments" / sha[:2] / sha
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(content)
    then = time.time() - age_hours * 3600
    os.utime(path, (then, then))
    return path


def secret(folder: Path, name: str, text: str) -> str:
    path = folder / name
    path.write_text(text + "\n", encoding="utf-8")
    return str(path)


def test_check_reports_then_prune_removes_an_old_orphan_and_keeps_a_young_one(tmp_path: Path) -> None:
    data = tmp_path / "xa"
    made = run(data, "init", "--role", "commune", "--unit-code", "01576")
    assert made.returncode == 0, made.stderr
    old = left_behind(data, b"o" * 3 * 1024 * 1024, 48)
    young = left_behind(data, b"young", 1)

    checked = run(data, "check")
    assert checked.returncode == 0, checked.stdout + checked.stderr
    assert "2 tệp đính kèm không còn được dùng (3,0 MB); 1 tệp (3,0 MB) đã quá 24 giờ" in checked.stdout
    english = run(data, "--lang", "en", "check")
    assert "2 attached file(s) no longer used (3.0 MB); 1 (3.0 MB) older than 24 hours" in english.stdout

    pruned = run(data, "maintenance", "prune-attachments")
    assert pruned.returncode == 0, pruned.stderr
    assert "Đã xóa 1 tệp đính kèm không còn được dùng (3,0 MB)." in pruned.stdout
    assert "Giữ lại 1 tệp chưa quá 24 giờ." in pruned.stdout
    assert not old.exists() and young.exists()


@pytest.mark.parametrize("argv", [("maintenance",), ("maintenance", "prune-attachments", "--all"),
                                  ("maintenance", "prune")])
def test_a_malformed_command_line_exits_2(tmp_path: Path, argv: tuple[str, ...]) -> None:
    result = run(tmp_path / "xa", *argv)
    assert result.returncode == 2, result.stdout + result.stderr
    assert "Lệnh không hợp lệ" in result.stderr and not (tmp_path / "xa").exists()


def test_only_an_admin_prunes_on_an_office_with_accounts(tmp_path: Path) -> None:
    data = tmp_path / "tinh"
    made = run(data, "init", "--role", "province", "--unit-code", "04", "--recovery-no-passphrase",
               "--recovery-out", str(tmp_path / "recovery.tdkey"))
    assert made.returncode == 0, made.stderr
    admin = ("--user", "quantri", "--password-file", secret(tmp_path, "admin.txt", "Quan-tri-2026"))
    temp = secret(tmp_path, "temp.txt", "Tam-thoi-123")
    assert run(data, "accounts", "add", "quantri", "--name", "Hoàng Văn Quản", "--role", "admin",
               "--new-password-file", admin[3]).returncode == 0
    assert run(data, *admin, "accounts", "add", "hoa.nt", "--name", "Nông Thị Hoa", "--role", "reviewer",
               "--new-password-file", temp).returncode == 0
    own = secret(tmp_path, "own.txt", "Cua-toi-2026")
    assert run(data, "--user", "hoa.nt", "--password-file", temp, "accounts", "passwd",
               "--new-password-file", own).returncode == 0
    orphan = left_behind(data, b"left behind", 30)

    refused = run(data, "--user", "hoa.nt", "--password-file", own, "maintenance", "prune-attachments")
    assert refused.returncode == 1 and "Traceback" not in refused.stderr
    assert "vai trò quản trị viên" in refused.stderr and orphan.exists()
    assert run(data, "maintenance", "prune-attachments").returncode == 1  # nobody signed in
    done = run(data, *admin, "maintenance", "prune-attachments")
    assert done.returncode == 0, done.stderr
    assert not orphan.exists()
