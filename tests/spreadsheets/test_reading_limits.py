"""Excel reading follows the cells that exist (issue 11, failure 8): one stray cell at XFD122 no
longer makes a 122 × 16,384 grid, the width is computed once, a workbook without a sheet is refused
with a code naming the file. Real xlsx files in tmp_path; behaviour is asserted, never timing."""

from __future__ import annotations

import re
import zipfile
from pathlib import Path

import pytest
from openpyxl import Workbook
from openpyxl.styles import Font

from thidua_desktop.cli import main
from thidua_desktop.domain.errors import ValidationError
from thidua_desktop.messages import render
from thidua_desktop.services.excel_import import ExcelImportService
from thidua_desktop.spreadsheets import reading
from thidua_desktop.spreadsheets.reading import MAX_COLUMNS, open_workbook, read_sheet

HEADER = ["STT", "Họ và tên", "Giới tính", "Năm sinh", "Dân tộc"]


def _people_list(path: Path, rows: int = 3, *, extra=None) -> Path:  # type: ignore[no-untyped-def]
    book = Workbook()
    sheet = book.active
    sheet.title = "Danh sách"
    sheet.append(HEADER)
    for i in range(rows):
        sheet.append([i + 1, f"Nông Văn Số {i}", "Nam", 1980 + i % 20, "Tày"])
    if extra is not None:
        extra(sheet)
    book.save(path)
    return path


def _grid(path: Path, sheet: str = "Danh sách") -> reading.SheetGrid:
    book = open_workbook(path)
    try:
        return read_sheet(book, sheet, file_name=path.name)
    finally:
        book.close()


def _service(app) -> ExcelImportService:  # type: ignore[no-untyped-def]
    return app.excel_import


def test_a_stray_cell_at_xfd_is_left_out_and_the_preview_finishes(commune, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    def stray(sheet) -> None:  # type: ignore[no-untyped-def]
        sheet["XFD122"] = "x"

    path = _people_list(tmp_path / "le.xlsx", extra=stray)
    assert path.stat().st_size < 20_000  # a small file …
    grid = _grid(path)
    assert (grid.max_row, grid.max_col, grid.ignored_cells) == (4, 5, 1)  # … and a small grid
    service = _service(commune)
    plan = service.analyse(path, "people")
    assert plan.grid.max_col == 5 and plan.header_found
    report = service.preview(plan)
    assert [r.action for r in report.rows] == ["create"] * 3


def test_only_values_count_formatting_far_away_does_not(tmp_path: Path) -> None:
    def formatted(sheet) -> None:  # type: ignore[no-untyped-def]
        sheet["A60000"].font = Font(bold=True)  # a style down the sheet, no value: not a row
        sheet["GZ3"].font = Font(italic=True)
        sheet.merge_cells("A6:XFD6")  # a merge across the whole width, empty

    grid = _grid(_people_list(tmp_path / "dinh-dang.xlsx", extra=formatted))
    assert (grid.max_row, grid.max_col) == (4, 5)


def test_columns_past_the_limit_are_left_out(tmp_path: Path) -> None:
    def wide(sheet) -> None:  # type: ignore[no-untyped-def]
        for col in (MAX_COLUMNS, MAX_COLUMNS + 1, MAX_COLUMNS + 50):
            sheet.cell(row=2, column=col, value="ghi chú")

    grid = _grid(_people_list(tmp_path / "rong.xlsx", extra=wide))
    assert grid.max_col == MAX_COLUMNS and grid.ignored_cells == 2
    assert grid.value(2, MAX_COLUMNS) == "ghi chú" and grid.value(2, 2) == "Nông Văn Số 0"


def test_a_merged_title_fills_the_list_columns_only(tmp_path: Path) -> None:
    book = Workbook()
    sheet = book.active
    sheet.title = "Danh sách"
    sheet["A1"] = "DANH SÁCH CÁN BỘ"
    sheet.merge_cells("A1:XFD1")
    sheet.append(HEADER)
    sheet.append([1, "Lý Thị Hoa", "Nữ", 1990, "Nùng"])
    book.save(tmp_path / "tieu-de.xlsx")
    grid = _grid(tmp_path / "tieu-de.xlsx")
    assert grid.max_col == 5
    assert [grid.value(1, c) for c in range(1, 6)] == ["DANH SÁCH CÁN BỘ"] * 5
    assert grid.merge_at(1, 3) == (1, 1, 1, 16384)


def test_too_many_rows_is_refused_with_the_sheet_named(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(reading, "MAX_ROWS", 50)
    path = _people_list(tmp_path / "dai.xlsx", rows=80)
    with pytest.raises(ValidationError) as caught:
        _grid(path)
    err = caught.value
    assert (err.code, err.params["file"], err.params["sheet"], err.params["max_rows"]) == (
        "IMPORT_TOO_MANY_ROWS", "dai.xlsx", "Danh sách", 50)
    assert err.params["rows"] > 50
    assert "«dai.xlsx»" in render(err, "vi")


def test_many_huge_merges_are_refused(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(reading, "MAX_CELLS", 500)

    def merges(sheet) -> None:  # type: ignore[no-untyped-def]
        sheet.cell(row=1, column=30, value="Ghi chú")  # the list is 30 columns wide
        for start in range(2, 40):  # each row merged far wider: filled to the 30 columns, 1,140 cells
            sheet.cell(row=start, column=1, value="x")
            sheet.merge_cells(start_row=start, start_column=1, end_row=start, end_column=300)

    with pytest.raises(ValidationError, match="IMPORT_UNSAFE_FILE"):
        _grid(_people_list(tmp_path / "gop.xlsx", rows=0, extra=merges))


def _without_sheets(source: Path, target: Path) -> Path:
    with zipfile.ZipFile(source) as src, zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            data = src.read(info.filename)
            if info.filename == "xl/workbook.xml":
                data = re.sub(rb"<sheets>.*</sheets>", b"<sheets/>", data, flags=re.S)
            dst.writestr(info, data)
    return target


def test_a_workbook_with_no_sheet_is_refused_naming_the_file(commune, data_dir: Path, tmp_path: Path,  # type: ignore[no-untyped-def]
                                                             capsys: pytest.CaptureFixture[str]) -> None:
    path = _without_sheets(_people_list(tmp_path / "mot.xlsx"), tmp_path / "khong-trang.xlsx")
    with pytest.raises(ValidationError) as caught:
        _service(commune).analyse(path, "people")
    assert (caught.value.code, caught.value.params["file"]) == ("IMPORT_NO_SHEET", "khong-trang.xlsx")
    assert render(caught.value, "vi") == "Tệp «khong-trang.xlsx» không có trang nào chứa dữ liệu."
    code = main(["--data-dir", str(data_dir), "import", "people", str(path), "--dry-run"])
    err = capsys.readouterr().err
    assert code == 1 and err.strip() == "Tệp «khong-trang.xlsx» không có trang nào chứa dữ liệu."


def test_an_unknown_sheet_is_refused(tmp_path: Path) -> None:
    with pytest.raises(ValidationError, match="IMPORT_SHEET_UNKNOWN"):
        _grid(_people_list(tmp_path / "a.xlsx"), "Trang khác")


def test_the_width_is_counted_once() -> None:
    grid = reading.SheetGrid(title="S", rows=[[1, 2], [1, 2, 3], []])
    assert grid.max_col == 3
    assert "max_col" in grid.__dict__  # cached: asking per row costs nothing
