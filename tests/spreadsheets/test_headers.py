"""Header detection: synonyms with and without diacritics, column orders, multi-row and merged header
blocks (the official list's "Năm sinh" over "Nam | Nữ"), column-number rows, and rows that are not data."""

from __future__ import annotations

from pathlib import Path

import pytest

from thidua_desktop.spreadsheets.headers import (
    classify_row,
    column_letter,
    detect_header,
    label_key,
    match_label,
    missing_required,
)
from thidua_desktop.spreadsheets.reading import SheetGrid, open_workbook, read_sheet

DATA = Path(__file__).resolve().parents[1] / "data" / "import"


def _best(label: str, kind: str = "people") -> str | None:
    found = match_label(label, kind)
    return found[0][0] if found and found[0][1] >= 60 else None


@pytest.mark.parametrize(("label", "field"), [
    ("Họ và tên", "full_name"), ("Ho va ten", "full_name"), ("HỌ TÊN", "full_name"), ("Họ, tên", "full_name"),
    ("HO VA TEN", "full_name"), ("Họ và tên người được đề nghị khen thưởng", "full_name"),
    ("Ngày sinh", "birth"), ("Năm sinh", "birth"), ("Ngày, tháng, năm sinh", "birth"), ("Ngay sinh", "birth"),
    ("Giới tính", "gender"), ("Gioi tinh", "gender"), ("Nam/Nữ", "gender"),
    ("Dân tộc", "ethnicity"), ("Số CCCD", "cccd"), ("CMND/CCCD", "cccd"), ("Số căn cước công dân", "cccd"),
    ("Số định danh cá nhân", "cccd"), ("Số điện thoại", "phone"), ("SĐT", "phone"), ("Dien thoai", "phone"),
    ("Chức vụ", "position"), ("Chức vụ, đơn vị công tác", "position"), ("Đơn vị", "workplace"),
    ("Nơi công tác", "workplace"), ("Thôn/xóm/bản", "village"), ("Thon, xom", "village"),
    ("Tổ dân phố", "village"), ("Địa chỉ", "address"), ("Nơi ở hiện nay", "address"), ("Ghi chú", "notes"),
    ("STT", "seq"), ("Năm", "award_year"), ("Danh hiệu/Hình thức khen thưởng", "award_title"),
    ("Danh hiệu thi đua", "award_title"), ("Hình thức khen thưởng", "award_form"),
    ("Số quyết định", "decision_number"), ("Số QĐ", "decision_number"), ("Số, ngày quyết định", "decision_number"),
    ("Ngày quyết định", "decision_date"), ("Cơ quan ban hành", "issuer"), ("Cấp khen", "issuer"),
    ("Lao động trực tiếp", "is_direct_worker"), ("Tiền lương", None), ("", None),
])
def test_people_labels(label: str, field: str | None) -> None:
    assert _best(label) == field


def test_nam_with_and_without_marks() -> None:
    assert _best("Năm") == "award_year"
    assert _best("Nam") == "award_year"  # alone and without marks it can only be a year
    assert _best("Nữ") is None  # "Nam | Nữ" only mean birth years side by side (below)


@pytest.mark.parametrize(("label", "kind", "field"), [
    ("Tên tập thể", "collectives", "name"), ("Tên đơn vị", "collectives", "name"),
    ("Loại hình", "collectives", "kind"), ("Số thành viên", "collectives", "member_count"),
    ("Trong đó nữ", "collectives", "women_count"), ("Số nữ", "collectives", "women_count"),
    ("Tên tập thể", "awards", "collective"), ("Họ và tên", "awards", "full_name"),
    ("Danh hiệu", "awards", "award_title"),
])
def test_other_kinds(label: str, kind: str, field: str) -> None:
    assert _best(label, kind) == field


def test_label_key_folds_case_marks_and_punctuation() -> None:
    assert label_key("Số CMND/CCCD") == ("số cmnd cccd", "so cmnd cccd")
    assert label_key("  HỌ,  TÊN ") == ("họ tên", "ho ten")
    assert column_letter(1) == "A" and column_letter(26) == "Z" and column_letter(27) == "AA"


def _grid(rows: list[list[object]], merged: list[tuple[int, int, int, int]] | None = None) -> SheetGrid:
    return SheetGrid(title="S", rows=[list(r) for r in rows], merged=merged or [])


def _letters(block: object) -> dict[str, str]:
    return {f: column_letter(c) for f, c in block.mapping.items()}  # type: ignore[attr-defined]


FILES = {
    "people_merged_header.xlsx": ("people", 5, 6, 8, {
        "seq": "A", "full_name": "B", "birth_male": "C", "birth_female": "D", "ethnicity": "E", "position": "F",
        "cccd": "G", "village": "H", "phone": "I", "notes": "J"}),
    "people_plain_headers.xlsx": ("people", 1, 1, 2, {
        "cccd": "A", "full_name": "B", "birth": "C", "gender": "D", "ethnicity": "E", "village": "F", "phone": "G",
        "position": "H"}),
    "people_nfd.xlsx": ("people", 1, 1, 2, {
        "full_name": "A", "gender": "B", "birth": "C", "ethnicity": "D", "village": "E"}),
    "people_tcvn3.xlsx": ("people", 3, 3, 4, {
        "seq": "A", "full_name": "B", "gender": "C", "birth": "D", "ethnicity": "E", "village": "F"}),
    "people_with_awards.xlsx": ("people", 3, 4, 5, {
        "seq": "A", "full_name": "B", "gender": "C", "birth": "D", "award_year": "E", "award_title": "F",
        "decision_number": "G", "issuer": "H"}),
    "collectives.xlsx": ("collectives", 1, 1, 2, {
        "seq": "A", "name": "B", "kind": "C", "village": "D", "member_count": "E", "women_count": "F",
        "address": "G"}),
    "awards_history.xlsx": ("awards", 1, 1, 2, {
        "seq": "A", "full_name": "B", "birth": "C", "cccd": "D", "collective": "E", "award_year": "F",
        "award_title": "G", "award_form": "H", "decision_number": "I", "decision_date": "J", "issuer": "K"}),
}


@pytest.mark.parametrize("name", sorted(FILES))
def test_checked_in_files(name: str) -> None:
    kind, first, last, data_start, mapping = FILES[name]
    workbook = open_workbook(DATA / name)
    block = detect_header(read_sheet(workbook, workbook.sheetnames[0]), kind)
    assert block is not None
    assert (block.first_row, block.last_row, block.data_start) == (first, last, data_start)
    assert _letters(block) == mapping


def test_merged_header_labels_join_the_rows_of_the_block() -> None:
    workbook = open_workbook(DATA / "people_merged_header.xlsx")
    block = detect_header(read_sheet(workbook, "Danh sách"), "people")
    assert block is not None
    assert [c.label for c in block.columns] == [
        "STT", "Họ và tên", "Năm sinh / Nam", "Năm sinh / Nữ", "Dân tộc", "Chức vụ, đơn vị công tác", "Số CCCD",
        "Thôn/xóm/bản", "Số điện thoại", "Ghi chú"]


def test_split_birth_years_without_merges_and_a_numbering_row() -> None:
    grid = _grid([
        ["DANH SÁCH", None, None, None],
        [None, None, None, None],
        ["TT", "Ho ten", "Nam sinh", None],
        [None, None, "Nam", "Nu"],
        ["1", "2", "3", "4"],
        [1, "Nguyễn Văn A", 1980, None],
    ])
    block = detect_header(grid, "people")
    assert block is not None
    assert (block.first_row, block.last_row, block.data_start) == (3, 4, 6)
    assert _letters(block) == {"seq": "A", "full_name": "B", "birth_male": "C", "birth_female": "D"}


def test_headers_in_any_order_and_columns_we_do_not_know() -> None:
    grid = _grid([["Tiền thưởng", "Giới tính", "Số CCCD", "Ghi chu", "Ho va ten"], [100, "Nam", "x", "", "A"]])
    block = detect_header(grid, "people")
    assert block is not None
    assert _letters(block) == {"gender": "B", "cccd": "C", "notes": "D", "full_name": "E"}
    assert [c.field for c in block.columns] == [None, "gender", "cccd", "notes", "full_name"]


def test_no_header_and_forced_header() -> None:
    grid = _grid([["abc", "def"], ["1", "2"]])
    assert detect_header(grid, "people") is None
    forced = detect_header(grid, "people", header_rows=(1, 1))
    assert forced is not None and forced.mapping == {} and forced.data_start == 2
    assert missing_required("people", forced.mapping) == ["full_name"]
    assert missing_required("awards", {"full_name": 1}) == ["award_title"]


def test_rows_that_are_not_data() -> None:
    mapping = {"seq": 1, "full_name": 2, "gender": 3}
    grid = _grid([
        ["STT", "Họ và tên", "Giới tính"],
        ["I", "Cán bộ xã", None],  # section by its Roman numeral
        ["II. Thôn Nà Vài", "II. Thôn Nà Vài", "II. Thôn Nà Vài"],  # a merged heading
        [1, "Nguyễn Văn A", "Nam"],
        [None, "Tổng cộng", None],
        [None, "Tong so: 3", None],
        [None, "Tống Công", "Nam"],  # a real name that folds like "tong cong"
        [None, "Người lập biểu", None],
    ], merged=[(3, 1, 3, 3)])
    kinds = [classify_row(grid, r, mapping, "full_name", has_subject_data=bool(grid.value(r, 3)))
             for r in range(2, 9)]
    assert kinds == ["IMPORT_ROW_SECTION", "IMPORT_ROW_SECTION", None, "IMPORT_ROW_SUMMARY", "IMPORT_ROW_SUMMARY",
                     None, "IMPORT_ROW_FOOTER"]
