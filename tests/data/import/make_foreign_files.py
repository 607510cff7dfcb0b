"""Builds the Excel files that imitate other software's exports (issue 12):
``python tests/data/import/make_foreign_files.py``.

Run once and commit the outputs; tests/services/test_import_foreign_exports.py and
tests/cli/test_cli_import_mapping.py read the checked-in files. Same fixed timestamps as
make_files.py, so a rerun gives the same bytes.

Formula rows. openpyxl writes a formula with an empty cached value and cannot write the value
Excel would have cached, yet the import reads cached values (``data_only``), which is where the
template rows of other programs hold "", "#N/A" or 0. So the formulas are written with openpyxl
and their cached values are then put into the sheet's XML by :func:`_cache`, exactly as Excel
saves them: ``<c t="str"><f>…</f><v></v></c>`` for an empty text, ``<c t="e"><f>…</f><v>#N/A</v></c>``
for an error, ``<c><f>…</f><v>0</v></c>`` for a number. Formula cells left without a cached value
would read as empty cells, which would not test anything.
"""

from __future__ import annotations

import io
import re
import sys
import zipfile
from pathlib import Path
from typing import Any

from openpyxl import Workbook

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from make_files import FIXED, _rows, _save  # noqa: E402


def _cache(name: str, sheet_part: str, values: dict[str, Any]) -> None:
    """Give the formula cells ``values`` (cell ref -> cached value) the value Excel would cache."""
    path = HERE / name
    with zipfile.ZipFile(path) as src:
        parts = [(info.filename, src.read(info)) for info in src.infolist()]
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for filename, data in parts:
            if filename == sheet_part:
                text = data.decode()
                for ref, value in values.items():
                    pattern = re.compile(rf'<c r="{ref}"((?: [a-z]+="[^"]*")*)><f>(.*?)</f><v ?/></c>')
                    match = pattern.search(text)
                    assert match is not None, ref
                    attrs = re.sub(r' t="[^"]*"', "", match[1])
                    if isinstance(value, str) and value.startswith("#"):
                        cell = f'<c r="{ref}"{attrs} t="e"><f>{match[2]}</f><v>{value}</v></c>'
                    elif isinstance(value, str):
                        cell = f'<c r="{ref}"{attrs} t="str"><f>{match[2]}</f><v>{value}</v></c>'
                    else:
                        cell = f'<c r="{ref}"{attrs}><f>{match[2]}</f><v>{value}</v></c>'
                    text = text[:match.start()] + cell + text[match.end():]
                data = text.encode()
            dst.writestr(zipfile.ZipInfo(filename, FIXED), data, zipfile.ZIP_DEFLATED)
    path.write_bytes(out.getvalue())


def codes_with_lookup_sheets() -> None:
    """A people list exported by another program: the unit and the award as numeric codes, and two
    lookup sheets (one hidden) that name them. Row 4's award code and row 5's unit code are in no
    lookup; row 6 names no award."""
    wb = Workbook()
    ws = wb.active
    ws.title = "DuLieu"
    _rows(ws, 1, [
        ["STT", "Họ và tên", "Giới tính", "Năm sinh", "Mã đơn vị", "Danh hiệu", "Năm"],
        [1, "Nông Thị Hoa", "Nữ", 1986, 101, 1647933042, 2024],
        [2, "Lương Văn Đức", "Nam", 1979, 102, 1647933043, 2024],
        [3, "Hà Văn Khải", "Nam", 1990, 101, 1647933099, 2024],
        [4, "Triệu Thị Nhung", "Nữ", 1992, 109, 1647933042, 2023],
        [5, "Đàm Văn Tuấn", "Nam", 1983, 103, None, None],
    ])
    units = wb.create_sheet("DM_DonVi")
    _rows(units, 1, [["Mã đơn vị", "Tên đơn vị"], [101, "UBND xã Quảng Uyên"],
                     [102, "Trường Tiểu học Quảng Uyên"], [103, "Trạm Y tế xã"]])
    units.sheet_state = "hidden"
    awards = wb.create_sheet("DM_DanhHieu")
    _rows(awards, 1, [["DANH MỤC DANH HIỆU"], [None], ["Mã", "Tên danh hiệu"],
                      [1647933042, "Lao động tiên tiến"], [1647933043, "Chiến sĩ thi đua cơ sở"],
                      [1647933044, "Giấy khen của Chủ tịch UBND xã"]])
    wb.active = 0
    _save(wb, "export_codes.xlsx")


def collective_kind_codes() -> None:
    """Collectives whose kind is a code ("Mã loại hình"), named on a two-column sheet without header."""
    wb = Workbook()
    ws = wb.active
    ws.title = "TapThe"
    _rows(ws, 1, [
        ["STT", "Tên tập thể", "Mã loại hình", "Số thành viên"],
        [1, "Trường Mầm non Quảng Uyên", "LH01", 20],
        [2, "Hợp tác xã Nà Vài", "LH02", 9],
        [3, "Chi hội Nông dân xóm Bó Pha", "LH03", 40],
        [4, "Đội văn nghệ xóm", "LH09", 12],
    ])
    kinds = wb.create_sheet("LoaiHinh")
    _rows(kinds, 1, [["LH01", "Trường học"], ["LH02", "Hợp tác xã"], ["LH03", "Hội, đoàn thể"]])
    _save(wb, "export_collective_codes.xlsx")


def mixed_subjects() -> None:
    """People, collectives and households in one sheet, told apart by "Đối tượng khen thưởng"
    (codes, words with and without diacritics); a type nobody knows and a missing one."""
    wb = Workbook()
    ws = wb.active
    ws.title = "Tổng hợp"
    ws["A1"] = "DANH SÁCH ĐỀ NGHỊ KHEN THƯỞNG NĂM 2024"
    ws.merge_cells("A1:I1")
    _rows(ws, 3, [
        ["STT", "Đối tượng khen thưởng", "Tên cá nhân, tập thể", "Giới tính", "Năm sinh", "Thôn, xóm",
         "Số thành viên", "Danh hiệu", "Năm"],
        [1, "CANHAN", "Nông Văn Thắng", "Nam", 1980, "Xóm Nà Vài", None, "Lao động tiên tiến", 2024],
        [2, "TAPTHE", "Hợp tác xã Bó Pha", None, None, None, 12, "Tập thể lao động tiên tiến", 2024],
        [3, "HOGIADINH", "Hộ ông Lục Văn Sình", None, None, "Xóm Nà Vài", 5, "Gia đình văn hóa", 2024],
        [4, "Cá nhân", "Hoàng Thị Dịu", "Nữ", 1991, None, None, "Lao động tiên tiến", 2024],
        [5, "tap the", "Trường Mầm non Quảng Uyên", None, None, None, 30, "Tập thể lao động tiên tiến", 2024],
        [6, "Hộ gia đình", "Nông Văn Pù", None, None, "Xóm Nà Vài", 4, "Gia đình văn hóa", 2023],
        [7, "XYZ", "Ma Văn Lầu", "Nam", 1975, None, None, "Lao động tiên tiến", 2024],
        [8, None, "Bế Thị Sen", "Nữ", 1988, None, None, None, None],
        [None, None, "Tổng cộng", None, None, None, 51, None, None],
    ])
    _save(wb, "export_mixed.xlsx")


def formula_template() -> None:
    """Three filled rows, one whose award lookup failed (#N/A), then template rows whose formulas
    show "", #N/A or 0 (the sequence number keeps counting)."""
    wb = Workbook()
    ws = wb.active
    ws.title = "Nhap"
    _rows(ws, 1, [
        ["STT", "Họ và tên", "Giới tính", "Năm sinh", "Danh hiệu", "Năm"],
        [1, "Lò Thị Pằn", "Nữ", 1987, "Lao động tiên tiến", 2024],
        [2, "Vi Văn Thào", "Nam", 1984, "Chiến sĩ thi đua cơ sở", 2024],
        [3, "Chu Thị Mai", "Nữ", 1993, None, 2024],
    ])
    ws["B3"] = '=IF(Goc!B3="","",Goc!B3)'  # a formula whose cached value is a name: an ordinary value
    ws["E4"] = "=VLOOKUP(Goc!E4,DM!A:B,2,FALSE)"
    cached: dict[str, Any] = {"B3": "Vi Văn Thào", "E4": "#N/A"}
    for row in range(5, 13):
        ws[f"A{row}"] = "=ROW()-1"
        ws[f"B{row}"] = f'=IF(Goc!B{row}="","",Goc!B{row})'
        ws[f"C{row}"] = f'=IF(Goc!C{row}="","",Goc!C{row})'
        ws[f"D{row}"] = f"=IF(Goc!D{row}=\"\",0,Goc!D{row})"
        ws[f"E{row}"] = f"=VLOOKUP(Goc!E{row},DM!A:B,2,FALSE)"
        ws[f"F{row}"] = f"=Goc!F{row}*1"
        cached.update({f"A{row}": row - 1, f"B{row}": "", f"C{row}": "", f"D{row}": 0, f"E{row}": "#N/A",
                       f"F{row}": 0})
    _save(wb, "export_formula_rows.xlsx")
    _cache("export_formula_rows.xlsx", "xl/worksheets/sheet1.xml", cached)


def _award_rows(ws: Any, first: int) -> None:
    _rows(ws, first, [
        ["STT", "Họ và tên", "Giới tính", "Năm sinh", "Danh hiệu", "Số quyết định"],
        [1, "Sầm Văn Kiên", "Nam", 1981, "Lao động tiên tiến", "15/QĐ-UBND"],
        [2, "Hoàng Thị Nguyệt", "Nữ", 1989, "Chiến sĩ thi đua cơ sở", "16/QĐ-UBND"],
        [3, "Lục Văn Páo", "Nam", 1976, None, None],
    ])


def no_year_column() -> None:
    """Award lists without a year column: one whose title names the year (under a date line that
    names another), one that names none."""
    wb = Workbook()
    ws = wb.active
    ws.title = "Khen thưởng"
    ws["A1"] = "UBND XÃ QUẢNG UYÊN"
    ws["D1"] = "Quảng Uyên, ngày 15 tháng 01 năm 2024"
    ws["A2"] = "DANH SÁCH KHEN THƯỞNG NĂM 2023"
    ws.merge_cells("A2:F2")
    _award_rows(ws, 4)
    ws["F6"] = "20/QĐ-UBND ngày 10/01/2022"  # the decision is older than the title's year
    _save(wb, "awards_title_year.xlsx")

    wb = Workbook()
    ws = wb.active
    ws.title = "Khen thưởng"
    ws["A1"] = "DANH SÁCH KHEN THƯỞNG"
    _award_rows(ws, 3)
    _save(wb, "awards_no_year.xlsx")


def numeric_ids() -> None:
    """CCCD and phone numbers typed into number cells: restorable and not."""
    wb = Workbook()
    ws = wb.active
    ws.title = "Danh sách"
    _rows(ws, 1, [
        ["Họ và tên", "Giới tính", "Năm sinh", "Số CCCD", "Số điện thoại"],
        ["Nông Văn Sáng", "Nam", 1985, 4085001234, 912345678],  # Cao Bằng 004, male 1985; mobile 09x
        ["Hà Thị Lan", "Nữ", 1990, 4190001122, 2063871234],  # female 1990; landline 0206
        ["Lý Văn Tâm", "Nam", 2001, 4201005566, 386123456],  # male born 2001 (digit 2)
        ["Hoàng Thị Mỵ", "Nữ", 1978, 4078001234, 12345],  # digit 0 says male: not restored; phone too short
        ["Đinh Văn Hùng", "Nam", 1982, 99085001234, None],  # province 099 does not exist
        ["Triệu Thị Hà", "Nữ", None, 79195003344, None],  # no birth year: Hồ Chí Minh 079, female 1995
        ["Mã Văn Cường", "Nam", 1980, 40080001234, None],  # Nghệ An 040: one zero lost
        ["Sầm Thị Nhàn", "Nữ", 1975, 4185001234, "0978 111 222"],  # the CCCD says 1985
    ])
    _save(wb, "people_numeric_ids.xlsx")


def main() -> None:
    codes_with_lookup_sheets()
    collective_kind_codes()
    mixed_subjects()
    formula_template()
    no_year_column()
    numeric_ids()


if __name__ == "__main__":
    main()
