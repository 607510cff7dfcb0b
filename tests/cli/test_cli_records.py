"""The commands that build any situation without the GUI, run as real processes: ``people add|edit``,
``ratings set|list``, ``batches add``, ``nominations create``, ``import ratings|initiatives|discipline``
and ``eligibility`` with the batch quota; exit codes 0 (done), 1 (the data was refused), 2 (a
malformed command line)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import cli_process
import openpyxl
import pytest

from thidua_desktop.bootstrap import open_app


def run(data: Path, *args: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PYTHONIOENCODING": "utf-8"}
    env.pop("THIDUA_DATA_DIR", None)
    return cli_process.run([sys.executable, "-m", "thidua_desktop.cli", "--data-dir", str(data), *args],
                          capture_output=True, text=True, env=env, timeout=300)


def ok(data: Path, *args: str) -> Any:
    """Run a command that must succeed with --json; its document."""
    result = run(data, *args, "--json")
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)


def refused(result: subprocess.CompletedProcess[str], code: int = 1) -> str:
    assert result.returncode == code, result.stdout + result.stderr
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and "Traceback" not in result.stderr, result.stderr
    return lines[0]


def _xlsx(path: Path, rows: list[list[Any]]) -> Path:
    book = openpyxl.Workbook()
    for row in rows:
        book.active.append(row)
    book.save(path)
    return path


@pytest.fixture(scope="module")
def office(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    data = tmp_path_factory.mktemp("records") / "office"
    assert run(data, "init", "--role", "commune", "--unit-code", "01576").returncode == 0
    mai = ok(data, "people", "add", "--name", "Lục Thị Mai", "--gender", "female", "--birth", "14/03/1987",
             "--cccd", "004187005678", "--employment-start", "01/09/2012", "--position", "Công chức Tư pháp",
             "--hometown", "Xã Phúc Sen, Cao Bằng", "--qualification", "Đại học Luật", "--notes", "Tổ trưởng")
    minh = ok(data, "people", "add", "--name", "Hoàng Văn Minh", "--gender", "male", "--birth", "1980",
              "--employment-start", "01/03/2015", "--position", "Công chức Văn phòng")
    return {"data": data, "mai": mai["id"], "minh": minh["id"], "files": tmp_path_factory.mktemp("files")}


def test_people_add_and_edit_take_the_employment_start_and_the_mau_05_fields(office: dict[str, Any]) -> None:
    data, mai = office["data"], office["mai"]
    [row] = [p for p in ok(data, "people", "list") if p["id"] == mai]
    assert (row["employment_start"], row["hometown"], row["qualification"]) == (
        "2012-09-01", "Xã Phúc Sen, Cao Bằng", "Đại học Luật")
    edited = ok(data, "people", "edit", mai, "--political-theory", "Trung cấp", "--academic-title", "Cử nhân",
                "--duties", "Tư pháp - hộ tịch", "--direct-worker")
    assert (edited["political_theory"], edited["academic_title"], edited["duties"], edited["is_direct_worker"]) == (
        "Trung cấp", "Cử nhân", "Tư pháp - hộ tịch", True)
    # Only the given fields change: the rest, birth date and CCCD included, stay as they were.
    assert (edited["birth_date"], edited["cccd"], edited["hometown"], edited["employment_start"]) == (
        "1987-03-14", "004187005678", "Xã Phúc Sen, Cao Bằng", "2012-09-01")
    back = ok(data, "people", "edit", mai, "--not-direct-worker")
    assert back["is_direct_worker"] is False and back["political_theory"] == "Trung cấp"
    assert "Ngày bắt đầu công tác" in refused(run(data, "people", "edit", mai, "--employment-start", "31/02/2015"))
    assert "Không tìm thấy" in refused(run(data, "people", "edit", "khong-co", "--position", "x"))
    assert "ít nhất một trường" in refused(run(data, "people", "edit", mai), 2)
    assert refused(run(data, "people", "edit", mai, "--direct-worker", "--not-direct-worker"), 2).startswith(
        "Lệnh không hợp lệ")


def test_ratings_set_and_list(office: dict[str, Any]) -> None:
    data, minh = office["data"], office["minh"]
    result = run(data, "ratings", "set", minh, "2024", "Hoàn thành tốt nhiệm vụ", "--source", "QĐ 5/2024")
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "Đã ghi Hoàng Văn Minh, năm 2024: HTTNV."
    assert run(data, "ratings", "set", minh, "2024", "htxsnv").returncode == 0  # a year again replaces it
    assert ok(data, "ratings", "list", minh) == [
        {"id": ok(data, "ratings", "list", minh)[0]["id"], "year": 2024, "rating": "excellent",
         "source_document": ""}]
    assert "Mức độ hoàn thành nhiệm vụ" in refused(run(data, "ratings", "set", minh, "2024", "Khá"))
    assert "Năm" in refused(run(data, "ratings", "set", minh, "1800", "HTNV"))
    refused(run(data, "ratings", "set", minh, "2024"), 2)


def test_import_of_the_three_kinds_reports_and_exits_by_what_was_refused(office: dict[str, Any]) -> None:
    data, files = office["data"], office["files"]
    clean = _xlsx(files / "xep-loai-2025.xlsx", [
        ["KẾT QUẢ XẾP LOẠI NĂM 2025"], ["STT", "Họ và tên", "Năm sinh", "Xếp loại"],
        [1, "Lục Thị Mai", 1987, "HTTNV"], [2, "Hoàng Văn Minh", 1980, "HTTNV"]])
    result = run(data, "import", "ratings", str(clean))
    assert result.returncode == 0, result.stderr
    assert "Dòng 3: tạo mới — Lục Thị Mai" in result.stdout and "Đã ghi vào sổ: 2 mới" in result.stdout
    bad = _xlsx(files / "ky-luat.xlsx", [["Họ và tên", "Năm sinh", "Hình thức kỷ luật", "Ngày quyết định"],
                                         ["Trần Văn Ba", 1990, "Khiển trách", "15/06/2025"]])
    result = run(data, "import", "discipline", str(bad), "--json")
    assert result.returncode == 1  # an import with refused rows
    rows = json.loads(result.stdout)["rows"]
    assert [(r["row"], r["action"], [p["code"] for p in r["problems"]]) for r in rows] == [
        (2, "error", ["IMPORT_PERSON_NOT_FOUND"])]
    refused(run(data, "import", "awards-and-more", str(bad)), 2)
    no_year = _xlsx(files / "khong-nam.xlsx", [["Họ và tên", "Xếp loại"], ["Lục Thị Mai", "HTNV"]])
    assert "không có cột năm đánh giá" in refused(run(data, "import", "ratings", str(no_year)))


def test_nominations_create_and_eligibility_show_the_batch_quota(office: dict[str, Any]) -> None:
    data, mai, minh = office["data"], office["mai"], office["minh"]
    app = open_app(data)  # the province's quota switched on, as the Settings screen does
    try:
        app.nominations.set_quota("CSTDCS", True, 0.5)
    finally:
        app.close()
    for pid in (mai, minh):
        assert run(data, "ratings", "set", pid, "2025", "HTXSNV").returncode == 0
    batch = ok(data, "batches", "add", "--name", "Tổng kết năm 2025", "--year", "2025")
    assert [b["id"] for b in ok(data, "batches", "list")] == [batch["id"]]
    for pid in (mai, minh):
        created = ok(data, "nominations", "create", batch["id"], "--person", pid, "--award", "LDTT",
                     "--attest", "self_reliance_solidarity")
        assert created["award_code"] == "LDTT" and created["eligibility"]["outcome"] == "eligible"
    nomination = ok(data, "nominations", "create", batch["id"], "--person", mai, "--award", "CSTDCS",
                    "--attest", "self_reliance_solidarity")
    assert nomination["quota"] == {"award_code": "CSTDCS", "award_name": "Chiến sĩ thi đua cơ sở", "enabled": True,
                                   "count": 1, "limit": 1, "within": True, "base_count": 2, "of_award": "LDTT",
                                   "of_awards": ["LDTT", "LDTT_LD", "CSTT"], "verified": False}
    result = run(data, "eligibility", nomination["id"], "--json")
    assert result.returncode == 0, result.stderr
    checked = json.loads(result.stdout)
    assert (checked["outcome"], checked["quota"]["count"], checked["quota"]["limit"]) == ("eligible", 1, 1)
    text = run(data, "eligibility", nomination["id"])
    assert "Tỷ lệ khống chế của đợt: 1/1 (trong giới hạn)." in text.stdout
    # A disciplinary decision imported afterwards makes the nominee ineligible: exit code 1.
    discipline = _xlsx(office["files"] / "kl.xlsx", [["Họ và tên", "Năm sinh", "Hình thức", "Ngày quyết định"],
                                                     ["Lục Thị Mai", 1987, "Cảnh cáo", "01/07/2025"]])
    assert run(data, "import", "discipline", str(discipline)).returncode == 0
    result = run(data, "eligibility", nomination["id"], "--json")
    assert result.returncode == 1 and json.loads(result.stdout)["outcome"] == "not_eligible"
    # Malformed command lines.
    refused(run(data, "nominations", "create", batch["id"], "--award", "LDTT"), 2)
    refused(run(data, "nominations", "create", batch["id"], "--person", mai, "--collective", "x", "--award", "LDTT"), 2)
    assert "KHONG_CO" in refused(run(data, "nominations", "create", batch["id"], "--person", minh,
                                     "--award", "KHONG_CO"))  # an unknown award is data, refused: 1


def test_an_initiative_used_by_an_imported_award_cannot_back_a_nomination(office: dict[str, Any]) -> None:
    data, files, minh = office["data"], office["files"], office["minh"]
    initiatives = _xlsx(files / "sk.xlsx", [["Tên sáng kiến", "Tác giả", "Cấp công nhận", "Năm công nhận"],
                                            ["Phần mềm một cửa", "Hoàng Văn Minh (1980)", "cơ sở", 2025]])
    imported = ok(data, "import", "initiatives", str(initiatives))
    initiative_id = imported["written"]["ids"]["2"]
    awards = _xlsx(files / "kt.xlsx", [["Họ và tên", "Năm sinh", "Danh hiệu", "Năm", "Sáng kiến"],
                                       ["Hoàng Văn Minh", 1980, "Giấy khen của Chủ tịch UBND xã", 2025,
                                        "Phần mềm một cửa"]])
    assert ok(data, "import", "awards", str(awards))["written"]["awards_added"] == 1
    batch = ok(data, "batches", "add", "--name", "Đợt sáng kiến", "--year", "2025")
    message = refused(run(data, "nominations", "create", batch["id"], "--person", minh, "--award", "CSTDCS",
                          "--initiative", initiative_id))
    assert message == "Sáng kiến «Phần mềm một cửa» đã được dùng làm căn cứ cho một khen thưởng khác."
    assert ok(data, "nominations", "list", "--batch", batch["id"]) == []
