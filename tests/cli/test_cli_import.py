"""`thidua import people|collectives|awards FILE.xlsx [--dry-run] [--json]`, run as a real process."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import cli_process
import pytest

DATA = Path(__file__).resolve().parents[1] / "data" / "import"

# Runs `thidua` with the import command added when cli.py does not wire it yet (it then adds nothing).
RUNNER = """
import argparse, sys
from thidua_desktop import cli
from thidua_desktop.cli_excel import add_import_parser
_build = cli.build_parser
def build():
    parser = _build()
    sub = next(a for a in parser._actions if isinstance(a, argparse._SubParsersAction))
    if "import" not in sub.choices:
        add_import_parser(sub)
    return parser
cli.build_parser = build
sys.exit(cli.main(sys.argv[1:]))
"""


def run(data: Path, *args: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PYTHONIOENCODING": "utf-8"}
    env.pop("THIDUA_DATA_DIR", None)
    return cli_process.run([sys.executable, "-c", RUNNER, "--data-dir", str(data), *args],
                          capture_output=True, text=True, env=env, timeout=300)


@pytest.fixture
def office(tmp_path: Path) -> Path:
    data = tmp_path / "office"
    result = run(data, "init", "--role", "commune", "--unit-code", "01576")
    assert result.returncode == 0, result.stderr
    return data


def _people(data: Path) -> list[str]:
    result = run(data, "people", "list", "--json", "--limit", "500")
    assert result.returncode == 0, result.stderr
    return sorted(p["full_name"] for p in json.loads(result.stdout))


def test_dry_run_json_reports_every_row_and_writes_nothing(office: Path) -> None:
    result = run(office, "import", "people", str(DATA / "people_merged_header.xlsx"), "--dry-run", "--json")
    assert result.returncode == 1  # one row has an error: the data was refused
    assert "Traceback" not in result.stderr and len(result.stderr.strip().splitlines()) == 1
    data = json.loads(result.stdout)
    assert (data["dry_run"], data["written"], data["kind"], data["sheet"]) == (True, None, "people", "Danh sách")
    assert [(r["row"], r["action"]) for r in data["rows"]] == [
        (8, "skip"), (9, "create"), (10, "create"), (11, "create"), (12, "error"), (13, "create"), (14, "skip"),
        (16, "skip"), (17, "skip"), (18, "skip"), (20, "skip")]
    assert data["counts"] == {"create": 4, "update": 0, "skip": 6, "duplicate": 0, "error": 1, "blank": 2}
    # no villages in this office yet: every village is a warning, the split birth year an error
    assert [(p["code"], p["severity"]) for p in data["rows"][4]["problems"]] == [
        ("IMPORT_BIRTH_BOTH_GENDERS", "error"), ("IMPORT_VILLAGE_UNKNOWN", "warning")]
    problem = data["rows"][4]["problems"][0]
    assert {k: problem[k] for k in ("row", "column", "header", "code", "severity")} == {
        "row": 12, "column": "C", "header": "Năm sinh / Nam", "code": "IMPORT_BIRTH_BOTH_GENDERS", "severity": "error"}
    assert problem["message"].startswith("Tệp «people_merged_header.xlsx», trang «Danh sách», dòng 12, cột C")
    assert data["rows"][1]["values"]["full_name"] == "Nguyễn Thị Hương"
    assert _people(office) == []


def test_import_writes_good_rows_lists_bad_ones_and_exits_1(office: Path) -> None:
    result = run(office, "import", "people", str(DATA / "people_plain_headers.xlsx"))
    assert result.returncode == 1
    out = result.stdout
    assert "Các cột: A «So CCCD» → Số CCCD, B «Ho va ten» → Họ và tên, C «Ngay sinh» → Ngày sinh" in out
    assert "Dòng 2: tạo mới — Bế Thị Dung" in out
    assert "Dòng 11: tạo mới — Vi Văn Hải" in out  # his CCCD lost its zeros in a number cell: put back
    assert ("    ! Tệp «people_plain_headers.xlsx», trang «Sheet1», dòng 11, cột A («So CCCD»): Số CCCD ở cột "
            "«So CCCD» được lưu dạng số (4085001234) nên mất số 0 ở đầu; đã khôi phục thành 004085001234") in out
    assert "Dòng 14: bỏ qua — Tong cong: 10 nguoi" in out
    assert "Đã ghi vào sổ: 7 mới, 0 cập nhật, 0 khen thưởng; 5 dòng không ghi." in out
    assert result.stderr.strip() == "4 dòng có lỗi, chưa được nhập. Hãy sửa tệp rồi chạy lại."
    assert _people(office) == ["Bế Thị Dung", "Hà Thị Nga", "Lý Thị Mai", "Ma Văn Sinh", "Nguyen Van Binh",
                               "Sầm Văn Thái", "Vi Văn Hải"]
    # Again: nothing is written twice.
    again = run(office, "import", "people", str(DATA / "people_plain_headers.xlsx"), "--json")
    assert json.loads(again.stdout)["written"]["created"] == 0
    assert len(_people(office)) == 7


def test_clean_file_exits_0_in_english(office: Path) -> None:
    result = run(office, "--lang", "en", "import", "people", str(DATA / "people_tcvn3.xlsx"))
    assert result.returncode == 0, result.stderr
    assert "Row 4: new — Nguyễn Thị Hương" in result.stdout
    assert "21 text cells in the old TCVN3 encoding" in result.stdout
    assert "Written: 5 new, 0 updated, 0 awards; 0 rows not written." in result.stdout
    assert "Nông Văn Dền" in _people(office)


def test_strict_writes_nothing_while_a_row_has_an_error(office: Path) -> None:
    result = run(office, "import", "collectives", str(DATA / "collectives.xlsx"), "--strict", "--json")
    assert result.returncode == 1
    data = json.loads(result.stdout)
    assert data["written"] is None and data["dry_run"] is False
    assert data["counts"]["error"] == 2


def test_awards_after_people(office: Path) -> None:
    assert run(office, "import", "people", str(DATA / "people_with_awards.xlsx")).returncode == 1
    result = run(office, "import", "awards", str(DATA / "people_with_awards.xlsx"), "--dry-run", "--json")
    assert result.returncode == 1  # Lâm Thị Én's row was refused, so she is not in the register
    rows = {r["row"]: r for r in json.loads(result.stdout)["rows"]}
    assert [rows[n]["skip_reason"] for n in (5, 6, 7, 8)] == ["IMPORT_AWARD_EXISTS"] * 4
    assert rows[10]["problems"][0]["code"] == "IMPORT_PERSON_NOT_FOUND"


@pytest.mark.parametrize(("name", "words"), [
    ("password_protected.xlsx", "mật khẩu"),
    ("not_excel.xlsx", "không phải tệp Excel .xlsx"),
    ("old_format.xls", "định dạng Excel cũ"),
])
def test_refused_files_exit_1_with_one_clear_line(office: Path, name: str, words: str) -> None:
    result = run(office, "import", "people", str(DATA / name))
    assert result.returncode == 1
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and "Traceback" not in result.stderr
    assert name in lines[0] and words in lines[0]
    assert result.stdout == ""


def test_bad_kind_is_a_usage_error(office: Path) -> None:
    result = run(office, "import", "staff", str(DATA / "people_nfd.xlsx"))
    assert result.returncode == 2
    assert "Lệnh không hợp lệ" in result.stderr
