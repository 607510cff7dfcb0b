"""Personal data at rest: the data folder, keys, backups and logs are readable by their user only
(0700 folders, 0600 files), whatever the umask the app was started with."""

from __future__ import annotations

import os
import stat
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import cli_process
import pytest

from thidua_desktop.bootstrap import open_app
from thidua_desktop.config import resolve_key_folder

pytestmark = pytest.mark.skipif(os.name != "posix", reason="modes are POSIX; Windows relies on the profile ACL")


@pytest.fixture
def loose_umask() -> Iterator[None]:
    """The usual desktop umask (022): without the fix every file came out 0644, folders 0755."""
    old = os.umask(0o022)
    try:
        yield
    finally:
        os.umask(old)


def _open_to_others(root: Path) -> list[str]:
    found = []
    for path in [root, *root.rglob("*")]:
        mode = path.lstat().st_mode
        if stat.S_IMODE(mode) & 0o077 and not stat.S_ISLNK(mode):
            found.append(f"{path.relative_to(root.parent)} {stat.filemode(mode)}")
    return found


def _cli(*args: str) -> subprocess.CompletedProcess[str]:
    return cli_process.run([sys.executable, "-m", "thidua_desktop.cli", *args], capture_output=True, text=True,
                          env={**os.environ, "PYTHONUTF8": "1"}, preexec_fn=lambda: os.umask(0o022))


def test_cli_init_save_backup_and_log_leave_nothing_readable_by_others(tmp_path: Path) -> None:
    data = tmp_path / "data"
    assert _cli("--data-dir", str(data), "init", "--role", "commune", "--unit-code", "01576").returncode == 0
    added = _cli("--data-dir", str(data), "people", "add", "--name", "Nông Văn An", "--gender", "male",
                 "--cccd", "004090001234")
    assert added.returncode == 0, added.stderr
    backup = _cli("--data-dir", str(data), "backup", "--out", str(data / "backups" / "sao-luu.zip"))
    assert backup.returncode == 0, backup.stderr
    assert _cli("--data-dir", str(data), "review", "khong-co", "--approve").returncode == 1  # logs "refused"

    log = data / "logs" / "thidua.log"
    assert "refused" in log.read_text(encoding="utf-8")
    assert (data / "thidua.sqlite").is_file() and (data / "backups" / "sao-luu.zip").is_file()
    assert (data / "keys").is_dir()
    assert _open_to_others(data) == []
    assert _open_to_others(resolve_key_folder()) == []


def test_a_data_folder_left_readable_by_an_older_version_is_made_private_at_start(
        tmp_path: Path, loose_umask: None) -> None:
    data = tmp_path / "data"
    app = open_app(data)
    app.close()
    # What an older version left: everything world-readable.
    os.chmod(data, 0o755)
    for path in data.rglob("*"):
        os.chmod(path, 0o755 if path.is_dir() else 0o644)
    (data / "backups").mkdir(mode=0o755)
    old_backup = data / "backups" / "thidua-01576-2025-01-01.zip"
    old_backup.write_bytes(b"PK old backup")
    os.chmod(old_backup, 0o644)
    users_own = data / "ghi-chu-cua-toi.txt"  # not ours: a folder chosen by hand may hold such files
    users_own.write_text("ghi chú", encoding="utf-8")
    os.chmod(users_own, 0o644)
    assert _open_to_others(data) != []

    app = open_app(data)
    try:
        app.office.init_office("commune", "01576", officer_name="Cán bộ thử")
        app.maintenance.backup(app.paths.backups_dir / "moi.zip")
    finally:
        app.close()
    assert _open_to_others(data) == [f"data/{users_own.name} -rw-r--r--"]
    assert stat.S_IMODE(data.stat().st_mode) == 0o700  # so the file above is not reachable either
    assert stat.S_IMODE((data / "backups" / "moi.zip").stat().st_mode) == 0o600
