"""The `thidua` command line, run as a real process: exit codes, one-line errors, JSON keys."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import cli_process
import pytest

STATES = {"draft", "council_voted", "submitted", "received", "in_review", "approved", "returned", "rejected",
          "decided"}


def run(data: Path, *args: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PYTHONIOENCODING": "utf-8"}
    env.pop("THIDUA_DATA_DIR", None)
    return cli_process.run([sys.executable, "-m", "thidua_desktop.cli", "--data-dir", str(data), *args],
                          capture_output=True, text=True, env=env, timeout=300)


def _one_clean_line(result: subprocess.CompletedProcess[str]) -> str:
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    assert "Traceback" not in result.stderr
    return lines[0]


@pytest.fixture(scope="module")
def demo_office(tmp_path_factory: pytest.TempPathFactory) -> Path:
    data = tmp_path_factory.mktemp("cli") / "office"
    assert run(data, "init", "--role", "commune", "--unit-code", "01576").returncode == 0
    result = run(data, "demo", "--people", "120")
    assert result.returncode == 0, result.stderr
    return data


def test_init_demo_check_round(demo_office: Path) -> None:
    result = run(demo_office, "check")
    assert result.returncode == 0, result.stdout + result.stderr
    assert "toàn vẹn" in result.stdout


def test_nominations_list_json_has_several_states_and_stable_keys(demo_office: Path) -> None:
    result = run(demo_office, "nominations", "list", "--json")
    assert result.returncode == 0, result.stderr
    rows = json.loads(result.stdout)
    assert rows and all({"id", "status", "nominee_name", "award_code", "batch_id"} <= set(r) for r in rows)
    states = {r["status"] for r in rows}
    assert states <= STATES
    assert {"draft", "council_voted", "decided", "submitted"} <= states


def test_people_list_json_and_search(demo_office: Path) -> None:
    rows = json.loads(run(demo_office, "people", "list", "--json", "--limit", "500").stdout)
    assert len(rows) == 120
    keys = {"id", "full_name", "gender", "ethnicity", "village"}
    assert all(keys <= set(r) and ("birth_date" in r or "birth_year" in r) for r in rows)
    someone = rows[5]["full_name"]
    from thidua_desktop.domain.text import search_key

    found = json.loads(run(demo_office, "people", "list", "--json", "--search", search_key(someone)).stdout)
    assert someone in [r["full_name"] for r in found]


def test_eligibility_explains_each_criterion(demo_office: Path) -> None:
    rows = json.loads(run(demo_office, "nominations", "list", "--json", "--status", "draft").stdout)
    target = rows[0]
    data = json.loads(run(demo_office, "eligibility", target["id"], "--json").stdout)
    assert data["award_code"] == target["award_code"]
    assert data["outcome"] in {"eligible", "not_eligible", "incomplete"}
    assert data["reasons"] and all({"criterion_id", "outcome", "code", "evidence"} <= set(r)
                                   for r in data["reasons"])
    text = run(demo_office, "eligibility", target["id"])
    assert text.returncode == (1 if data["outcome"] == "not_eligible" else 0)  # an ineligible nominee exits 1
    assert len(text.stdout.strip().splitlines()) >= 1 + len(data["reasons"])


@pytest.mark.parametrize(
    ("args", "needle"),
    [
        (("people", "add", "--name", "Nông Văn An", "--gender", "male", "--cccd", "12AB"), "CCCD"),
        (("people", "add", "--name", "Nông Văn An", "--gender", "male", "--birth", "31/02/1990"), "Ngày sinh"),
        (("people", "add", "--name", "", "--gender", "male"), "Họ và tên"),
        (("eligibility", "khong-co"), "Không tìm thấy"),
        (("nominations", "list", "--status", "flying"), "Trạng thái"),
        (("restore", "/nonexistent/file.zip"), "không phải bản sao lưu"),
    ],
)
def test_bad_input_exits_1_with_one_vietnamese_line(demo_office: Path, args: tuple[str, ...], needle: str) -> None:
    result = run(demo_office, *args)
    assert result.returncode == 1
    assert needle in _one_clean_line(result)


def test_unknown_unit_code_is_refused(tmp_path: Path) -> None:
    result = run(tmp_path / "x", "init", "--role", "commune", "--unit-code", "99999")
    assert result.returncode == 1
    assert "99999" in _one_clean_line(result)
    result = run(tmp_path / "y", "--lang", "en", "init", "--role", "province", "--unit-code", "01576")
    assert result.returncode == 1 and "province code" in _one_clean_line(result)


def test_usage_errors_exit_2(tmp_path: Path) -> None:
    result = run(tmp_path, "fly")
    assert result.returncode == 2 and "Traceback" not in result.stderr
    assert run(tmp_path, "init", "--role", "mayor", "--unit-code", "04").returncode == 2


def test_backup_and_restore_from_the_command_line(demo_office: Path, tmp_path: Path) -> None:
    out = tmp_path / "b.zip"
    assert run(demo_office, "backup", "--out", str(out)).returncode == 0 and out.exists()
    copy = tmp_path / "restored"
    result = run(copy, "restore", str(out))
    assert result.returncode == 0, result.stderr
    assert run(copy, "check").returncode == 0
