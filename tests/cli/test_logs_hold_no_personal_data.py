"""The log is read by whoever fixes the computer: it must hold codes and ids, never a name, a
birth date, an ID number or an ethnicity. Each command runs in its own process, as an officer's
would, so every line it logs reaches the file."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import cli_process


def _cli(folder: Path, *args: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "THIDUA_DOC_FONT": "bundled"}
    return cli_process.run([sys.executable, "-m", "thidua_desktop.cli", "--data-dir", str(folder), *args],
                          env=env, capture_output=True, text=True, timeout=600)


def test_a_week_of_commands_leaves_no_personal_data_in_the_log(tmp_path: Path) -> None:
    folder = tmp_path / "office"
    assert _cli(folder, "init", "--role", "commune", "--unit-code", "01576", "--officer", "Cán bộ thử").returncode == 0
    assert _cli(folder, "demo", "--people", "30").returncode == 0
    added = _cli(folder, "people", "add", "--name", "Lục Thị Bí Mật", "--gender", "female", "--birth", "14/03/1987",
                 "--ethnicity", "Nùng", "--cccd", "004187012345", "--json")
    assert added.returncode == 0, added.stderr
    # A refused entry: the same ID number again, and an impossible date.
    assert _cli(folder, "people", "add", "--name", "Lục Thị Bí Mật", "--gender", "female",
                "--cccd", "004187012345").returncode == 1
    assert _cli(folder, "people", "add", "--name", "Hoàng Văn Sai", "--gender", "male",
                "--birth", "31/02/1990").returncode == 1
    assert _cli(folder, "people", "list", "--search", "Bí Mật").returncode == 0
    assert _cli(folder, "backup", "--out", str(tmp_path / "b.zip")).returncode == 0
    assert _cli(folder, "check").returncode == 0
    people = json.loads(_cli(folder, "people", "list", "--json", "--limit", "500").stdout)
    assert len(people) > 30
    log = "\n".join(p.read_text(encoding="utf-8") for p in (folder / "logs").glob("*.log*"))
    assert log.strip(), "the commands logged nothing: the test would prove nothing"
    secrets = {"Lục Thị Bí Mật", "Bí Mật", "004187012345", "14/03/1987", "1987-03-14", "Hoàng Văn Sai", "Nùng"}
    for person in people:
        secrets.update(str(person[key]) for key in ("full_name", "cccd") if person.get(key))
    leaked = sorted(s for s in secrets if s and s in log)
    assert leaked == []
