"""Imports of files that come from other software and of numbers Excel damaged (issue 12 §1-2).

The files are checked into tests/data/import and built by make_foreign_files.py: codes with lookup
sheets, a sheet mixing people, collectives and households, template rows of formulas, award lists
without a year column, CCCD and phone numbers typed into number cells. Each preview is asserted
row by row (action, every problem's column, code, severity and parameters), then committed and
read back from the register."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

import openpyxl
import pytest
from sqlalchemy import select

from thidua_desktop.db.models import AwardHistory
from thidua_desktop.domain.damaged_numbers import restore_cccd, restore_phone
from thidua_desktop.domain.errors import ValidationError
from thidua_desktop.messages import render
from thidua_desktop.services.excel_import import ExcelImportService
from thidua_desktop.services.records import Subject
from thidua_desktop.spreadsheets.headers import match_label
from thidua_desktop.spreadsheets.lookup import code_key, find_tables
from thidua_desktop.spreadsheets.reading import SheetGrid, open_workbook, read_sheet
from thidua_desktop.spreadsheets.subject_types import subject_type_of
from thidua_desktop.spreadsheets.title_year import title_year

DATA = Path(__file__).resolve().parents[1] / "data" / "import"


def _service(app: Any) -> ExcelImportService:
    return getattr(app, "excel_import", None) or ExcelImportService(app.db, app.actor, app.current_catalog)


@pytest.fixture
def office(commune):  # type: ignore[no-untyped-def]
    commune.office.add_village("Xóm Nà Vài", "xom")
    return commune


def _report(app: Any, name: str, kind: str = "people", **preview: Any) -> Any:
    service = _service(app)
    return service.preview(service.analyse(DATA / name, kind), **preview)


def _rows(report: Any) -> list[tuple[Any, ...]]:
    return [(r.row, r.action, r.skip_reason, [(p.column, p.code, p.severity, p.params) for p in r.problems])
            for r in report.rows]


def _awards(report: Any) -> dict[int, list[tuple[str, int]]]:
    return {r.row: [(a["award_code"], a["year"]) for a in r.awards] for r in report.rows if r.awards}


# --- 1. codes and their lookup sheets ------------------------------------------------------------


def test_codes_are_translated_through_the_lookup_sheets(office) -> None:  # type: ignore[no-untyped-def]
    report = _report(office, "export_codes.xlsx")
    plan = report.plan
    assert (plan.sheet, plan.sheets) == ("DuLieu", ["DuLieu", "DM_DanhHieu"])  # DM_DonVi is hidden, read anyway
    assert plan.mapping == {"seq": 1, "full_name": 2, "gender": 3, "birth": 4, "workplace": 5, "award_title": 6,
                            "award_year": 7}
    assert plan.lookups == [{"column": "E", "lookup": "DM_DonVi", "translated": 4, "unknown": 1},
                            {"column": "F", "lookup": "DM_DanhHieu", "translated": 3, "unknown": 1}]
    assert [n.message("vi") for n in plan.notices] == [
        "Tệp «export_codes.xlsx», trang «DuLieu»: cột E («Mã đơn vị») ghi mã; 4 ô đã được đổi sang tên theo trang "
        "danh mục «DM_DonVi».",
        "Tệp «export_codes.xlsx», trang «DuLieu»: cột F («Danh hiệu») ghi mã; 3 ô đã được đổi sang tên theo trang "
        "danh mục «DM_DanhHieu»."]
    assert _rows(report) == [
        (2, "create", None, []),
        (3, "create", None, []),
        (4, "error", None, [("F", "IMPORT_CODE_UNKNOWN", "error", {"value": "1647933099", "lookup": "DM_DanhHieu"})]),
        (5, "error", None, [("E", "IMPORT_CODE_UNKNOWN", "error", {"value": "109", "lookup": "DM_DonVi"})]),
        (6, "create", None, []),
    ]
    assert {r.row: r.values.get("workplace") for r in report.rows} == {
        2: "UBND xã Quảng Uyên", 3: "Trường Tiểu học Quảng Uyên", 4: "UBND xã Quảng Uyên", 5: "109",
        6: "Trạm Y tế xã"}
    assert _awards(report) == {2: [("LDTT", 2024)], 3: [("CSTDCS", 2024)]}
    assert report.row(4).problems[0].message("vi") == (
        "Tệp «export_codes.xlsx», trang «DuLieu», dòng 4, cột F («Danh hiệu»): Mã «1647933099» ở cột «Danh hiệu» "
        "không có trong trang danh mục «DM_DanhHieu»; dòng này không được nhập. Hãy bổ sung mã vào danh mục hoặc "
        "sửa lại mã.")
    result = _service(office).commit(report)
    assert (result.created, result.awards_added) == (3, 2)
    hoa = office.people.search("nong thi hoa").rows[0]
    assert office.people.get(hoa.id).workplace == "UBND xã Quảng Uyên"
    assert [(a["award_code"], a["title"]) for a in office.records.awards_of(Subject(person_id=hoa.id))] == [
        ("LDTT", "Lao động tiên tiến")]
    with office.db.reader() as session:  # no code was stored as a title
        assert not [t for t in session.scalars(select(AwardHistory.title)) if t and t.isdigit()]


def test_collective_kind_codes_on_a_sheet_without_header(office) -> None:  # type: ignore[no-untyped-def]
    report = _report(office, "export_collective_codes.xlsx", "collectives")
    assert report.plan.mapping == {"seq": 1, "name": 2, "kind": 3, "member_count": 4}
    assert report.plan.lookups == [{"column": "C", "lookup": "LoaiHinh", "translated": 3, "unknown": 1}]
    assert _rows(report) == [
        (2, "create", None, []),
        (3, "create", None, []),
        (4, "create", None, []),
        (5, "error", None, [("C", "IMPORT_CODE_UNKNOWN", "error", {"value": "LH09", "lookup": "LoaiHinh"})]),
    ]
    assert [r.values.get("kind") for r in report.rows] == ["school", "cooperative", "mass_organisation", None]


def test_a_numeric_award_title_without_a_lookup_is_refused_on_its_row(office, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    wb = openpyxl.Workbook()
    for row in (["Họ và tên", "Giới tính", "Năm sinh", "Danh hiệu", "Năm", "Mã đơn vị"],
                ["Ma Thị Bé", "Nữ", 1990, 1647933042, 2024, "DV01"],
                ["Ma Văn Lớn", "Nam", 1988, "Lao động tiên tiến", 2024, "DV02"]):
        wb.active.append(row)
    path = tmp_path / "ma khong tra duoc.xlsx"
    wb.save(path)
    service = _service(office)
    plan = service.analyse(path, "people")
    # "Mã đơn vị" holds codes no sheet translates: it is not proposed as the workplace
    assert plan.mapping == {"full_name": 1, "gender": 2, "birth": 3, "award_title": 4, "award_year": 5}
    assert [n.code for n in plan.notices] == ["IMPORT_CODE_COLUMN_UNUSED"]
    assert plan.notices[0].params["needed"] == "Đơn vị công tác"
    report = service.preview(plan)
    assert _rows(report) == [
        (2, "error", None, [("D", "IMPORT_CODE_NO_LOOKUP", "error", {"value": "1647933042"})]),
        (3, "create", None, []),
    ]


def test_lookup_tables_and_code_headers() -> None:
    workbook = open_workbook(DATA / "export_codes.xlsx")
    try:
        tables = [t for name in ("DM_DonVi", "DM_DanhHieu") for t in find_tables(read_sheet(workbook, name))]
    finally:
        workbook.close()
    assert [(t.sheet, t.code_header, t.name_header, len(t.names)) for t in tables] == [
        ("DM_DonVi", "Mã đơn vị", "Tên đơn vị", 3), ("DM_DanhHieu", "Mã", "Tên danh hiệu", 3)]
    assert tables[1].names["1647933044"] == "Giấy khen của Chủ tịch UBND xã"
    assert (code_key(101), code_key("0101"), code_key(101.0), code_key("DH01"), code_key("Lao động")) == (
        "101", "101", "101", "dh01", None)
    # A numbered list is no lookup; two names for one code say nothing about that code.
    numbered = SheetGrid("S", [["STT", "Họ và tên"], [1, "Nông Văn A"], [2, "Hà Thị B"]])
    assert find_tables(numbered) == []
    clash = SheetGrid("S", [["Mã", "Tên"], ["A1", "Trường học"], ["A1", "Hội"], ["A2", "Hợp tác xã"]])
    assert [t.names for t in find_tables(clash)] == [{"a2": "Hợp tác xã"}]
    for label, field in (("Mã danh hiệu", "award_title"), ("MaDonVi", "workplace"), ("ID_DanhHieu", "award_title"),
                         ("Mã định danh", "cccd")):
        assert match_label(label, "people")[0][0] == field, label


# --- 2. people, collectives and households in one sheet ------------------------------------------


MIXED_ROWS = [
    (4, "create", None, []),
    (5, "create", None, []),
    (6, "create", None, []),
    (7, "create", None, []),
    (8, "create", None, []),
    (9, "create", None, []),
    (10, "error", None, [("B", "IMPORT_SUBJECT_TYPE_UNKNOWN", "error", {"value": "XYZ"})]),
    (11, "error", None, [("B", "REQUIRED", "error", {})]),
    (12, "skip", "IMPORT_ROW_SUMMARY", []),
]


@pytest.mark.parametrize("kind", ["people", "collectives"])
def test_a_mixed_sheet_goes_to_people_collectives_and_households_in_one_import(office, kind: str) -> None:  # type: ignore[no-untyped-def]
    report = _report(office, "export_mixed.xlsx", kind)
    plan = report.plan
    assert plan.mapping["subject_type"] == 2  # the type column, never an award title
    assert plan.mapping["award_title"] == 8
    assert [n.message("en") for n in plan.notices] == [
        "File «export_mixed.xlsx», sheet «Tổng hợp»: column B («Đối tượng khen thưởng») says whether each row is "
        "a person, a collective or a household; each row goes to its own register (2 people, 2 collectives, "
        "2 households)."]
    assert _rows(report) == MIXED_ROWS
    assert {r.row: (r.data.get("route"), r.values.get("subject_type"), r.values.get("kind")) for r in report.rows
            if r.action == "create"} == {
        4: ("people", "individual", None), 5: ("collectives", "collective", "cooperative"),
        6: ("collectives", "household", "household"), 7: ("people", "individual", None),
        8: ("collectives", "collective", "school"), 9: ("collectives", "household", "household")}
    assert _awards(report) == {4: [("LDTT", 2024)], 5: [("TTLDTT", 2024)], 6: [("GD_VH", 2024)],
                               7: [("LDTT", 2024)], 8: [("TTLDTT", 2024)], 9: [("GD_VH", 2023)]}
    result = _service(office).commit(report)
    assert (result.created, result.updated, result.awards_added, result.skipped) == (6, 0, 6, 3)
    assert sorted(p.full_name for p in office.people.search("").rows) == ["Hoàng Thị Dịu", "Nông Văn Thắng"]
    collectives, total = office.collectives.search("")
    assert total == 4
    assert sorted((c.name, c.kind, c.member_count) for c in collectives) == [
        ("Hộ ông Lục Văn Sình", "household", 5), ("Hợp tác xã Bó Pha", "cooperative", 12),
        ("Nông Văn Pù", "household", 4), ("Trường Mầm non Quảng Uyên", "school", 30)]
    pu = next(c for c in collectives if c.name == "Nông Văn Pù")
    assert [(a["award_code"], a["year"]) for a in office.records.awards_of(Subject(collective_id=pu.id))] == [
        ("GD_VH", 2023)]
    # Again: everything is there, nothing is written twice.
    again = _report(office, "export_mixed.xlsx", kind)
    assert [(r.row, r.action, r.skip_reason) for r in again.rows if r.action != "error"] == [
        (n, "skip", "IMPORT_ROW_UNCHANGED") for n in range(4, 10)] + [(12, "skip", "IMPORT_ROW_SUMMARY")]


def test_a_mixed_award_history_names_collectives_as_collectives(office) -> None:  # type: ignore[no-untyped-def]
    _service(office).commit(_report(office, "export_mixed.xlsx"))
    report = _report(office, "export_mixed.xlsx", "awards")
    assert report.plan.mapping["subject_type"] == 2
    assert _rows(report) == [
        (4, "skip", "IMPORT_AWARD_EXISTS", []), (5, "skip", "IMPORT_AWARD_EXISTS", []),
        (6, "skip", "IMPORT_AWARD_EXISTS", []), (7, "skip", "IMPORT_AWARD_EXISTS", []),
        (8, "skip", "IMPORT_AWARD_EXISTS", []), (9, "skip", "IMPORT_AWARD_EXISTS", []),
        (10, "error", None, [("B", "IMPORT_SUBJECT_TYPE_UNKNOWN", "error", {"value": "XYZ"})]),
        (11, "error", None, [("B", "REQUIRED", "error", {})]),
        (12, "skip", "IMPORT_ROW_SUMMARY", []),
    ]
    assert report.row(6).values == {"collective": "Hộ ông Lục Văn Sình", "subject_type": "household"}


def test_a_type_column_without_people_is_the_kind_of_collectives(office, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    wb = openpyxl.Workbook()
    for row in (["Đối tượng khen thưởng", "Tên tập thể", "Danh hiệu", "Năm"],
                ["TAPTHE", "Trường Tiểu học Nà Vài", "Tập thể lao động tiên tiến", 2024],
                ["HOGIADINH", "Hộ bà Hoàng Thị Phấn", "Gia đình văn hóa", 2024],
                ["Tập thể", "Hội Nông dân xã", "Tập thể lao động tiên tiến", 2024]):
        wb.active.append(row)
    path = tmp_path / "tap the va ho.xlsx"
    wb.save(path)
    service = _service(office)
    plan = service.analyse(path, "collectives")
    assert plan.mapping == {"kind": 1, "name": 2, "award_title": 3, "award_year": 4}  # never the award title
    report = service.preview(plan)
    assert _rows(report) == [(2, "create", None, []), (3, "create", None, []), (4, "create", None, [])]
    assert [(r.values["kind"], [a["award_code"] for a in r.awards]) for r in report.rows] == [
        ("school", ["TTLDTT"]), ("household", ["GD_VH"]), ("mass_organisation", ["TTLDTT"])]


def test_subject_type_words() -> None:
    assert [subject_type_of(v) for v in ("CANHAN", "Cá nhân", "ca nhan", "CN", "TAPTHE", "Tập thể", "tap_the",
                                         "HOGIADINH", "Hộ gia đình", "HGĐ", "Nam", "", None, 1)] == [
        "individual", "individual", "individual", "individual", "collective", "collective", "collective",
        "household", "household", "household", None, None, None, None]


# --- 3. template rows of formulas ------------------------------------------------------------------


def test_formula_template_rows_are_blank_rows(office) -> None:  # type: ignore[no-untyped-def]
    report = _report(office, "export_formula_rows.xlsx")
    assert [n.message("vi") for n in report.plan.notices] == [
        "Tệp «export_formula_rows.xlsx», trang «Nhap»: 8 dòng chỉ có công thức không ra giá trị (trống, #N/A hoặc "
        "0), là dòng mẫu để trống; các dòng này được bỏ qua."]
    assert _rows(report) == [
        (2, "create", None, []),
        (3, "create", None, []),  # a formula whose cached value is the name: an ordinary value
        (4, "error", None, [("E", "IMPORT_CELL_ERROR", "error", {"value": "#N/A"})]),  # the award lookup failed
    ]
    assert report.blank_rows == report.formula_rows == list(range(5, 13))
    assert report.counts == {"create": 2, "update": 0, "skip": 0, "duplicate": 0, "error": 1, "blank": 8}
    assert report.row(3).values["full_name"] == "Vi Văn Thào"
    assert _awards(report) == {2: [("LDTT", 2024)], 3: [("CSTDCS", 2024)]}
    grid = report.plan.grid
    assert (5, 4) in grid.template_cells and (5, 5) in grid.error_cells and grid.value(5, 5) == "#N/A"
    assert (5, 1) not in grid.template_cells  # =ROW()-1 shows 4: a value
    assert report.to_json()["formula_rows"] == list(range(5, 13))


def test_formulas_never_calculated_read_as_empty_cells(office, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    """A workbook saved by a program that does not calculate (openpyxl, some exporters) has formulas
    without a cached value: those cells are empty, so such rows are blank too (not formula rows)."""
    wb = openpyxl.Workbook()
    wb.active.append(["STT", "Họ và tên", "Giới tính", "Năm sinh"])
    wb.active.append([1, "Lò Văn Sử", "Nam", 1979])
    for row in range(3, 6):
        wb.active.append(["=ROW()-1", f'=IF(Goc!B{row}="","",Goc!B{row})', f"=Goc!C{row}", f"=Goc!D{row}*1"])
    path = tmp_path / "cong thuc chua tinh.xlsx"
    wb.save(path)
    report = _report(office, str(path))
    assert _rows(report) == [(2, "create", None, [])]
    assert (report.blank_rows, report.formula_rows, report.plan.grid.template_cells) == ([], [], set())
    assert report.plan.grid.max_row == 2  # nothing was cached, nothing is read


# --- 4. no award-year column ------------------------------------------------------------------------


def test_the_title_names_the_year(office) -> None:  # type: ignore[no-untyped-def]
    report = _report(office, "awards_title_year.xlsx")
    assert report.plan.title_year == 2023 and report.year == 2023
    assert [n.message("en") for n in report.plan.notices] == [
        "File «awards_title_year.xlsx», sheet «Khen thưởng»: no award-year column; the year 2023 named by the "
        "title «DANH SÁCH KHEN THƯỞNG NĂM 2023» (row 2) is used."]
    assert _rows(report) == [
        (5, "create", None, []),
        (6, "error", None, [("F", "IMPORT_DECISION_BEFORE_YEAR", "error", {"value": "10/01/2022", "year": 2023})]),
        (7, "create", None, []),
    ]
    assert _awards(report) == {5: [("LDTT", 2023)]}
    # The officer's year wins over the title's.
    assert _awards(_report(office, "awards_title_year.xlsx", year=2021)) == {5: [("LDTT", 2021)],
                                                                             6: [("CSTDCS", 2021)]}


def test_no_year_anywhere_refuses_the_file_once(office) -> None:  # type: ignore[no-untyped-def]
    service = _service(office)
    plan = service.analyse(DATA / "awards_no_year.xlsx", "people")
    assert plan.title_year is None and plan.notices == []
    with pytest.raises(ValidationError) as err:
        service.preview(plan)
    assert (err.value.code, err.value.field) == ("IMPORT_AWARD_YEAR_MISSING", "award_year")
    assert render(err.value, "vi").startswith(
        "Tệp «awards_no_year.xlsx», trang «Khen thưởng» không có cột năm khen thưởng và tiêu đề không ghi năm")
    report = service.preview(plan, year=2022)
    assert _rows(report) == [(4, "create", None, []), (5, "create", None, []), (6, "create", None, [])]
    assert _awards(report) == {4: [("LDTT", 2022)], 5: [("CSTDCS", 2022)]}
    # Without the award columns there is nothing to date: the people import as they are.
    assert len(service.preview(plan, {"full_name": 2, "gender": 3, "birth": 4}).rows) == 3
    with pytest.raises(ValidationError) as err:
        service.preview(plan, year=1900)
    assert err.value.code == "NUMBER_OUT_OF_RANGE"


def test_title_years() -> None:
    def year(*rows: list[Any]) -> int | None:
        found = title_year(SheetGrid("S", [list(r) for r in rows]), len(rows) + 1)
        return found.year if found else None

    assert year(["DANH SÁCH KHEN THƯỞNG NĂM 2023"]) == 2023
    assert year(["danh sach khen thuong nam 2023"]) == 2023
    assert year(["Quảng Uyên, ngày 15 tháng 01 năm 2024"]) is None  # a date line
    assert year(["Tổng kết giai đoạn năm 2020 - 2025"]) is None  # a period
    assert year(["KHEN THƯỞNG NĂM 2023"], ["KHEN THƯỞNG NĂM 2024"]) is None  # two years: neither
    assert year(["Báo cáo năm 1900"]) is None


# --- 5. numbers Excel damaged -------------------------------------------------------------------------


def test_cccd_and_phone_numbers_that_lost_their_zeros(office) -> None:  # type: ignore[no-untyped-def]
    report = _report(office, "people_numeric_ids.xlsx")
    assert _rows(report) == [
        (2, "create", None, [
            ("D", "IMPORT_CCCD_RESTORED", "warning", {"value": "4085001234", "restored": "004085001234"}),
            ("E", "IMPORT_PHONE_RESTORED", "warning", {"value": "912345678", "restored": "0912345678"})]),
        (3, "create", None, [
            ("D", "IMPORT_CCCD_RESTORED", "warning", {"value": "4190001122", "restored": "004190001122"}),
            ("E", "IMPORT_PHONE_RESTORED", "warning", {"value": "2063871234", "restored": "02063871234"})]),
        (4, "create", None, [
            ("D", "IMPORT_CCCD_RESTORED", "warning", {"value": "4201005566", "restored": "004201005566"}),
            ("E", "IMPORT_PHONE_RESTORED", "warning", {"value": "386123456", "restored": "0386123456"})]),
        (5, "error", None, [("D", "IMPORT_CCCD_NUMBER", "error", {"value": "4078001234"}),
                            ("E", "IMPORT_PHONE_NUMBER", "warning", {"value": "12345"})]),
        (6, "error", None, [("D", "IMPORT_CCCD_NUMBER", "error", {"value": "99085001234"})]),
        (7, "create", None, [
            ("D", "IMPORT_CCCD_RESTORED", "warning", {"value": "79195003344", "restored": "079195003344"})]),
        (8, "create", None, [
            ("D", "IMPORT_CCCD_RESTORED", "warning", {"value": "40080001234", "restored": "040080001234"})]),
        (9, "error", None, [("D", "IMPORT_CCCD_NUMBER", "error", {"value": "4185001234"})]),
    ]
    assert report.row(2).problems[0].message("en") == (
        "File «people_numeric_ids.xlsx», sheet «Danh sách», row 2, column D («Số CCCD»): The citizen ID in "
        "«Số CCCD» was stored as a number (4085001234) and lost its leading zero(s); it was restored to "
        "004085001234 (a known province code, matching the birth year and sex). Check it.")
    result = _service(office).commit(report)
    assert result.created == 5
    stored = {p.full_name: (p.cccd, p.phone) for p in office.people.search("").rows}
    assert stored == {"Nông Văn Sáng": ("004085001234", "0912345678"), "Hà Thị Lan": ("004190001122", "02063871234"),
                      "Lý Văn Tâm": ("004201005566", "0386123456"), "Triệu Thị Hà": ("079195003344", ""),
                      "Mã Văn Cường": ("040080001234", "")}


@pytest.mark.parametrize(("value", "known", "restored"), [
    (4085001234, {}, "004085001234"),
    (4085001234.0, {"birth_year": 1985, "gender": "male"}, "004085001234"),
    (4085001234, {"birth_year": 1986}, None),  # the number says 1985
    (4085001234, {"gender": "female"}, None),  # digit 0 is a man born in the 1900s
    (4185001234, {"gender": "female", "birth_year": 1985}, "004185001234"),
    (40080001234, {}, "040080001234"),
    (3085001234, {}, None),  # province 003 does not exist
    (4285001234, {}, None),  # born in 2085
    (85001234, {}, None),  # 8 digits: more than zeros were lost
    ("4085001234", {}, None),  # text is not a number cell
    (True, {}, None),
    (4085001234.5, {}, None),
])
def test_restore_cccd(value: Any, known: dict[str, Any], restored: str | None) -> None:
    assert restore_cccd(value, today=date(2026, 1, 1), **known) == restored


@pytest.mark.parametrize(("value", "restored"), [
    (912345678, "0912345678"), (386123456, "0386123456"), (2063871234, "02063871234"),
    (112345678, None), (12345, None), (9123456789, None), ("912345678", None), (0, None),
])
def test_restore_phone(value: Any, restored: str | None) -> None:
    assert restore_phone(value) == restored
