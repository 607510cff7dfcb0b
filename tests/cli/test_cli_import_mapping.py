"""`thidua import … --header-row N --map "Họ và tên=C" --year 2023`, run as a real process: what the
wizard lets the officer choose, for files the detection cannot read alone, and the files other
software exports (codes, mixed sheets, no year column)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import cli_process
import openpyxl
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


@pytest.fixture(scope="module")
def office(tmp_path_factory: pytest.TempPathFactory) -> Path:
    data = tmp_path_factory.mktemp("office") / "office"
    result = run(data, "init", "--role", "commune", "--unit-code", "01576")
    assert result.returncode == 0, result.stderr
    return data


@pytest.fixture(scope="module")
def unknown_headers(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Headers the detection does not know, under a title; the header is on row 2."""
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Sheet1"
    for row in (["Danh sách cán bộ thôn"], ["Cán bộ", "Phái tính", "Sinh", "Ghi chép"],
                ["Nông Văn Cao", "Nam", 1970, "Trưởng thôn"], ["Bế Thị Tằm", "Nữ", 1982, "Chi hội trưởng"]):
        ws.append(row)
    path = tmp_path_factory.mktemp("files") / "tieu de la.xlsx"
    wb.save(path)
    return path


def _people(data: Path) -> dict[str, dict[str, object]]:
    result = run(data, "people", "list", "--json", "--limit", "500")
    assert result.returncode == 0, result.stderr
    return {p["full_name"]: p for p in json.loads(result.stdout)}


def test_header_row_and_columns_chosen_on_the_command_line(office: Path, unknown_headers: Path) -> None:
    refused = run(office, "import", "people", str(unknown_headers), "--dry-run")
    assert refused.returncode == 1
    assert refused.stderr.strip() == (
        "Không tìm thấy dòng tiêu đề trong trang «Sheet1» của tệp «tieu de la.xlsx»: cần ít nhất cột «Họ và tên». "
        "Hãy chỉ ra dòng tiêu đề và chọn cột bằng tay.")
    result = run(office, "import", "people", str(unknown_headers), "--header-row", "2", "--map", "Họ và tên=A",
                 "--map", "gioi tinh=b", "--map", "Date of birth=C", "--map", "notes=D", "--json")
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    assert data["mapping"] == {"full_name": "A", "gender": "B", "birth": "C", "notes": "D"}
    assert [(r["row"], r["action"], r["values"]) for r in data["rows"]] == [
        (3, "create", {"full_name": "Nông Văn Cao", "gender": "male", "birth": "1970", "notes": "Trưởng thôn"}),
        (4, "create", {"full_name": "Bế Thị Tằm", "gender": "female", "birth": "1982", "notes": "Chi hội trưởng"})]
    assert data["written"]["created"] == 2
    assert {"Nông Văn Cao", "Bế Thị Tằm"} <= set(_people(office))


def test_a_column_can_be_moved_or_left_out(office: Path) -> None:
    result = run(office, "import", "people", str(DATA / "people_nfd.xlsx"), "--dry-run", "--json",
                 "--map", "Ghi chú=D", "--map", "Thôn, xóm=")
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    # D was the ethnicity: it is now the notes, and the village is not imported
    assert data["mapping"] == {"full_name": "A", "gender": "B", "birth": "C", "notes": "D"}
    assert data["rows"][0]["values"] == {"full_name": "Nguyễn Thị Hương", "gender": "female", "birth": "1985",
                                         "notes": "Tày"}


@pytest.mark.parametrize(("args", "message"), [
    (["--header-row", "hai"], "--header-row «hai» phải là số dòng (ví dụ 5) hoặc hai số dòng (ví dụ 5-6)"),
    (["--header-row", "0"], "--header-row «0» phải là số dòng (ví dụ 5) hoặc hai số dòng (ví dụ 5-6)"),
    (["--header-row", "3-2"], "--header-row «3-2» phải là số dòng (ví dụ 5) hoặc hai số dòng (ví dụ 5-6)"),
    (["--map", "Họ và tên"], "--map «Họ và tên» phải có dạng «Tên trường=Cột», ví dụ «Họ và tên=C»"),
    (["--map", "Họ và tên=3"], "--map «Họ và tên=3»: «3» không phải chữ cái tên cột (ví dụ C hoặc AB)"),
    (["--map", "Họ và tên=A", "--map", "Ghi chú=A"],
     "--map: cột A được chọn cho hai trường «full_name» và «notes»"),
    (["--year", "1800"], "--year 1800 phải trong khoảng 1945–2100"),
])
def test_malformed_options_exit_2_before_opening_anything(tmp_path: Path, args: list[str], message: str) -> None:
    missing = tmp_path / "chua co van phong"
    result = run(missing, "import", "people", str(DATA / "people_nfd.xlsx"), *args)
    assert result.returncode == 2
    assert result.stderr.strip() == f"Lệnh không hợp lệ: {message}. Xem «thidua import --help»."
    assert result.stdout == "" and not missing.exists()  # nothing was opened, nothing created


def test_an_unknown_field_lists_the_fields(tmp_path: Path) -> None:
    result = run(tmp_path / "x", "--lang", "en", "import", "collectives", str(DATA / "collectives.xlsx"),
                 "--map", "Lương=C")
    assert result.returncode == 2
    line = result.stderr.strip()
    assert line.startswith("Usage error: --map: there is no field «Lương» when importing collectives; the fields: "
                           "«STT», «Tên tập thể», «Loại tập thể»")
    assert line.endswith(". See «thidua import --help».")


@pytest.mark.parametrize(("args", "message"), [
    (["--header-row", "40"], "--header-row 40: trang «Danh sách» chỉ có 4 dòng"),
    (["--map", "Ghi chú=Z"], "--map: trang «Danh sách» không có cột Z (cột cuối là E) cho «notes»"),
])
def test_rows_and_columns_the_sheet_does_not_have_exit_2(office: Path, args: list[str], message: str) -> None:
    result = run(office, "import", "people", str(DATA / "people_nfd.xlsx"), *args)
    assert result.returncode == 2
    assert result.stderr.strip() == f"Lệnh không hợp lệ: {message}. Xem «thidua import --help»."


def test_a_file_without_a_year_needs_year(office: Path) -> None:
    refused = run(office, "import", "people", str(DATA / "awards_no_year.xlsx"))
    assert refused.returncode == 1
    lines = refused.stderr.strip().splitlines()
    assert lines == ["Tệp «awards_no_year.xlsx», trang «Khen thưởng» không có cột năm khen thưởng và tiêu đề không "
                     "ghi năm, nên không biết các khen thưởng thuộc năm nào. Hãy chọn cột năm, hoặc cho biết năm "
                     "khen thưởng: «--year» khi nhập bằng dòng lệnh, ô «Năm khen thưởng» trong cửa sổ nhập từ Excel."]
    assert refused.stdout == ""
    result = run(office, "import", "people", str(DATA / "awards_no_year.xlsx"), "--year", "2022", "--dry-run")
    assert result.returncode == 0, result.stderr
    assert "Năm khen thưởng của các dòng: 2022 (--year)." in result.stdout
    assert "Dòng 4: tạo mới — Sầm Văn Kiên + Lao động tiên tiến 2022" in result.stdout


def test_the_title_year_is_said_and_used(office: Path) -> None:
    result = run(office, "--lang", "en", "import", "people", str(DATA / "awards_title_year.xlsx"), "--dry-run")
    assert result.returncode == 1  # row 6's decision predates the year
    out = result.stdout
    assert ("File «awards_title_year.xlsx», sheet «Khen thưởng»: no award-year column; the year 2023 named by the "
            "title «DANH SÁCH KHEN THƯỞNG NĂM 2023» (row 2) is used.") in out
    assert "Row 5: new — Sầm Văn Kiên + Lao động tiên tiến 2023" in out
    assert "(--year)" not in out


def test_exports_of_other_software(office: Path) -> None:
    codes = run(office, "import", "people", str(DATA / "export_codes.xlsx"), "--dry-run", "--json")
    assert codes.returncode == 1  # two codes are in no lookup
    data = json.loads(codes.stdout)
    assert [(r["row"], r["action"], [(p["column"], p["code"]) for p in r["problems"]]) for r in data["rows"]] == [
        (2, "create", []), (3, "create", []), (4, "error", [("F", "IMPORT_CODE_UNKNOWN")]),
        (5, "error", [("E", "IMPORT_CODE_UNKNOWN")]), (6, "create", [])]
    assert [n["code"] for n in data["notices"]] == ["IMPORT_LOOKUP_APPLIED", "IMPORT_LOOKUP_APPLIED"]
    assert data["rows"][0]["awards"][0]["title"] == "Lao động tiên tiến"

    mixed = run(office, "import", "people", str(DATA / "export_mixed.xlsx"), "--json")
    assert mixed.returncode == 1  # rows 10 and 11 say no known type
    data = json.loads(mixed.stdout)
    assert data["counts"] == {"create": 6, "update": 0, "skip": 1, "duplicate": 0, "error": 2, "blank": 0}
    assert data["written"]["created"] == 6 and data["written"]["awards_added"] == 6
    assert "Hoàng Thị Dịu" in _people(office) and "Hộ ông Lục Văn Sình" not in _people(office)
    assert {r["row"]: r["values"].get("kind") for r in data["rows"] if r["action"] == "create"} == {
        4: None, 5: "cooperative", 6: "household", 7: None, 8: "school", 9: "household"}

    formulas = run(office, "import", "people", str(DATA / "export_formula_rows.xlsx"), "--dry-run")
    assert formulas.returncode == 1  # row 4's award is #N/A
    assert "Tổng: 2 tạo mới, 0 cập nhật, 0 có thể trùng, 1 lỗi, 0 bỏ qua, 8 dòng trống." in formulas.stdout
    assert "8 dòng chỉ có công thức không ra giá trị" in formulas.stdout
