"""Builds the messy Excel files the import tests read: ``python tests/data/import/make_files.py``.

Run once and commit the outputs; the tests read the checked-in files, never regenerated ones.
Each file imitates a list a commune already keeps (see tests/services/test_excel_import.py for
what each row is meant to exercise). Zip timestamps are fixed so a rerun gives the same bytes.

TCVN3 strings are typed here byte by byte as .VnTime shows them, not produced by the converter
under test: "NguyÔn ThÞ H\xad¬ng" is how "Nguyễn Thị Hương" looks in a .VnTime cell.
"""

from __future__ import annotations

import io
import unicodedata
import zipfile
from datetime import datetime
from pathlib import Path
from typing import Any

from openpyxl import Workbook
from openpyxl.styles import Font

HERE = Path(__file__).resolve().parent
FIXED = (2026, 1, 1, 0, 0, 0)


def _save(wb: Workbook, name: str) -> None:
    wb.properties.creator = "ThiĐua tests"
    wb.properties.created = wb.properties.modified = datetime(2026, 1, 1)
    buffer = io.BytesIO()
    wb.save(buffer)
    out = io.BytesIO()
    with zipfile.ZipFile(buffer) as src, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            data = src.read(info)
            if info.filename == "docProps/core.xml":  # openpyxl stamps "modified" with now()
                text = data.decode()
                start = text.find("<dcterms:modified")
                end = text.find("</dcterms:modified>")
                if start >= 0 and end >= 0:
                    text = text[:start] + ('<dcterms:modified xsi:type="dcterms:W3CDTF">2026-01-01T00:00:00Z'
                                           ) + text[end:]
                data = text.encode()
            dst.writestr(zipfile.ZipInfo(info.filename, FIXED), data, zipfile.ZIP_DEFLATED)
    (HERE / name).write_bytes(out.getvalue())


def _rows(ws: Any, first: int, rows: list[list[Any]], font: Font | None = None) -> None:
    for r, values in enumerate(rows, start=first):
        for c, value in enumerate(values, start=1):
            if value is None:
                continue
            cell = ws.cell(row=r, column=c, value=value)
            if isinstance(value, datetime):
                cell.number_format = "dd/mm/yyyy"
            if font is not None:
                cell.font = font


def merged_header() -> None:
    """The official nominee list: title block, "Năm sinh" merged over "Nam | Nữ", column numbers,
    a section row, a totals row and the signature block under the table."""
    wb = Workbook()
    ws = wb.active
    ws.title = "Danh sách"
    ws["A1"] = "ỦY BAN NHÂN DÂN XÃ QUẢNG UYÊN"
    ws.merge_cells("A1:D1")
    ws["F1"] = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"
    ws.merge_cells("F1:J1")
    ws["F2"] = "Độc lập - Tự do - Hạnh phúc"
    ws.merge_cells("F2:J2")
    ws["A3"] = "DANH SÁCH CÁ NHÂN ĐỀ NGHỊ TẶNG DANH HIỆU LAO ĐỘNG TIÊN TIẾN NĂM 2025"
    ws.merge_cells("A3:J3")
    for col, label in zip("ABEFGHIJ", ("STT", "Họ và tên", "Dân tộc", "Chức vụ, đơn vị công tác", "Số CCCD",
                                        "Thôn/xóm/bản", "Số điện thoại", "Ghi chú"), strict=True):
        ws[f"{col}5"] = label
        ws.merge_cells(f"{col}5:{col}6")
    ws["C5"] = "Năm sinh"
    ws.merge_cells("C5:D5")
    ws["C6"], ws["D6"] = "Nam", "Nữ"
    _rows(ws, 7, [[f"({i})" for i in range(1, 11)]])
    ws["A8"] = "I. Xóm Nà Vài"
    ws.merge_cells("A8:J8")
    _rows(ws, 9, [
        [1, "Nguyễn Thị Hương", None, 1985, "Tày", "Hội viên Hội Phụ nữ xóm", "004185001234", "Xóm Nà Vài",
         "0912345678", None],
        [2, "Hoàng Văn Minh", "12/05/1980", None, "Nùng", "Trưởng xóm", None, "Nà Vài", None, None],
        [3, "Đàm Thị Thủy", None, datetime(1990, 7, 3), "Kinh", "Giáo viên Trường Tiểu học", None, "Xóm Bó Pha",
         "0206 3871 234", "Chuyển đến năm 2020"],
        [4, "Lục Văn Tài", 1975, 1978, "Tày", "Nông dân", None, "Xóm Nà Vài", None, None],
        [5, "Nông Văn Dền", "1968", None, "Mông", "Nông dân", "004068000123", "Xóm Nà Vài", None, None],
        [None, "Tổng cộng: 05 người", None, None, None, None, None, None, None, None],
    ])
    ws["F16"] = "Quảng Uyên, ngày 05 tháng 12 năm 2025"
    ws.merge_cells("F16:J16")
    ws["B17"], ws["G17"] = "NGƯỜI LẬP BIỂU", "CHỦ TỊCH"
    ws["B18"] = "(Ký, ghi rõ họ tên)"
    ws["B20"], ws["G20"] = "Hoàng Thị Lan", "Nông Văn Quân"
    _save(wb, "people_merged_header.xlsx")


def plain_headers() -> None:
    """Headers typed without diacritics, in another order; dates in every form; bad rows."""
    wb = Workbook()
    ws = wb.active
    ws.title = "Sheet1"
    _rows(ws, 1, [
        ["So CCCD", "Ho va ten", "Ngay sinh", "Gioi tinh", "Dan toc", "Thon/xom", "Dien thoai", "Chuc vu"],
        ["004190001111", "Bế Thị Dung", 32874, "Nữ", "Tày", "Xóm Nà Vài", "0987654321", None],  # serial
        [None, "Nguyen Van Binh", "07/03/1985", "nam", "Kinh", None, None, "Công an viên"],  # text date
        [None, "Lý Thị Mai", datetime(1992, 11, 20), "NỮ", "Nùng", None, 987123456, None],  # date cell
        ["012345678", "Ma Văn Sinh", 1979, "Nam", "Tày", None, None, None],  # year; old CMND
        [None, "Hà Thị Nga", "3-8-1988", "Nu", "tay", None, None, None],  # d-m-yyyy
        [None, "Sầm Văn Thái", "03/1987", "Nam", "Nùng", None, None, None],  # month/year only
        [None, None, None, None, None, None, None, None],  # blank
        [None, None, "1990", "Nam", "Kinh", None, None, None],  # missing name
        ["12345678901", "Triệu Văn Quân", 1970, "Nam", "Dao", None, None, None],  # 11 digits
        [4085001234, "Vi Văn Hải", 1985, "Nam", "Tày", None, None, None],  # CCCD typed as a number
        [None, "Lương Thị Hoa", "31/02/1990", "Nữ", "Tày", None, None, None],  # no such day
        [None, "Chu Văn Lộc", 1983, "X", "Tày", None, None, None],  # unknown gender
        [None, "Tong cong: 10 nguoi", None, None, None, None, None, None],
    ])
    _save(wb, "people_plain_headers.xlsx")


def nfd_text() -> None:
    """Every text cell in decomposed Unicode (as macOS and some web forms produce)."""
    wb = Workbook()
    ws = wb.active
    ws.title = "Danh sách"
    rows = [
        ["Họ và tên", "Giới tính", "Năm sinh", "Dân tộc", "Thôn, xóm"],
        ["Nguyễn Thị Hương", "Nữ", 1985, "Tày", "Xóm Nà Vài"],
        ["Đàm Văn Thủy", "Nam", 1979, "Nùng", "Xóm Nà Vài"],
        ["Nông Văn Dền", "Nam", "1968", "Mông", None],
    ]
    _rows(ws, 1, [[unicodedata.normalize("NFD", v) if isinstance(v, str) else v for v in row] for row in rows])
    _save(wb, "people_nfd.xlsx")


VNTIME = Font(name=".VnTime", size=13)
VNTIME_H = Font(name=".VnTimeH", size=13, bold=True)


def tcvn3_text() -> None:
    """A list typed in .VnTime with the ABC keyboard; the title in .VnTimeH (capitals)."""
    wb = Workbook()
    ws = wb.active
    ws.title = "DS"
    _rows(ws, 1, [["danh s¸ch c¸ nh©n"]], VNTIME_H)  # DANH SÁCH CÁ NHÂN
    _rows(ws, 3, [
        ["STT", "Hä vµ tªn", "Giíi tÝnh", "N¨m sinh", "D©n téc", "Th«n, xãm"],
        [1, "NguyÔn ThÞ H\xad¬ng", "N÷", 1985, "Tµy", "Xãm Nµ Vµi"],
        [2, "§µm ThÞ Thñy", "N÷", 1990, "Nïng", "Xãm Nµ Vµi"],
        [3, "N«ng V¨n DÒn", "Nam", 1968, "M«ng", "Xãm Nµ Vµi"],
    ], VNTIME)
    # Typed in .VnTime but the cell's font was later changed to Arial: only the text tells.
    _rows(ws, 7, [[4, "Hoµng V¨n Minh", "Nam", 1980, "Nïng", "Xãm Nµ Vµi"]])
    # Nothing in "Vâ Tó" (Võ Tú) is a sure TCVN3 sign on its own; the rest of the sheet decides.
    _rows(ws, 8, [[5, "Vâ Tó", "Nam", 1991, "Kinh", None]])
    _save(wb, "people_tcvn3.xlsx")


def duplicates() -> None:
    """Rows that match people already in the register, and a person entered twice."""
    wb = Workbook()
    ws = wb.active
    ws.title = "Danh sách"
    _rows(ws, 1, [
        ["Họ và tên", "Giới tính", "Năm sinh", "Số CCCD", "Số điện thoại", "Chức vụ"],
        ["Hoàng Văn Minh", "Nam", 1980, None, None, "Trưởng xóm"],  # in the register without CCCD: likely him
        ["Lục Thị Mai", "Nữ", 1987, "004187005678", "0912000111", "Chi hội trưởng"],  # same CCCD: update
        ["Nông Văn Tú", "Nam", 1975, "004075009999", None, None],  # CCCD of someone else
        ["Đinh Thị Hòa", "Nữ", 1995, None, None, None],
        ["Đinh Thị Hoà", "Nữ", 1995, None, None, None],  # row 5 again, old tone placement
        ["Lục Thị Mai", "Nữ", 1987, "004187005678", None, None],  # row 3 again
        ["Hoàng Văn Minh", "Nam", 1962, None, None, None],  # same name, another person
        ["Bế Văn Nam", "Nam", 1975, "004075009999", None, None],  # already there, nothing new
        ["Lò Văn Pao", "Nam", 1990, "004090002222", None, None],
        ["Lò Văn Sáng", "Nam", 1990, "004090002222", None, None],  # row 10's CCCD, another name
    ])
    _save(wb, "people_duplicates.xlsx")


def with_awards() -> None:
    """People with their award history: "Khen thưởng" merged over "Năm | Danh hiệu | Số, ngày QĐ"."""
    wb = Workbook()
    ws = wb.active
    ws.title = "Khen thưởng"
    ws["A1"] = "DANH SÁCH CÁ NHÂN VÀ QUÁ TRÌNH KHEN THƯỞNG"
    ws.merge_cells("A1:H1")
    for col, label in zip("ABCDH", ("TT", "Họ tên", "Giới tính", "Ngày sinh", "Cơ quan ban hành"), strict=True):
        ws[f"{col}3"] = label
        ws.merge_cells(f"{col}3:{col}4")
    ws["E3"] = "Khen thưởng"
    ws.merge_cells("E3:G3")
    ws["E4"], ws["F4"], ws["G4"] = "Năm", "Danh hiệu/Hình thức khen thưởng", "Số, ngày quyết định"
    _rows(ws, 5, [
        [1, "Nguyễn Văn An", "Nam", "15/04/1982", 2024, "Lao động tiên tiến", "125/QĐ-UBND ngày 20/12/2024",
         "UBND xã Quảng Uyên"],
        [2, "Hà Thị Bích", "Nữ", 1990, 2023, "Giấy khen của Chủ tịch UBND xã", "88/QĐ-UBND", None],
        [3, "Triệu Văn Cao", "Nam", 1977, 2022, "Chiến sĩ thi đua cơ sở", "15/QĐ-UBND ngày 10/01/2023",
         "Chủ tịch UBND xã"],
        [4, "Vương Thị Dịu", "Nữ", 1988, 2024, "Giấy khen của Hội Liên hiệp Phụ nữ huyện", None, "Hội LHPN huyện"],
        [5, "Mã Văn Đông", "Nam", 1979, None, None, None, None],
        [6, "Lâm Thị Én", "Nữ", 1993, 2025, "Lao động tiên tiến", "40/QĐ-UBND ngày 05/01/2024", None],
    ])
    _save(wb, "people_with_awards.xlsx")


def collectives() -> None:
    wb = Workbook()
    ws = wb.active
    ws.title = "Tập thể"
    _rows(ws, 1, [
        ["STT", "Tên tập thể", "Loại", "Thôn, xóm", "Số thành viên", "Số nữ", "Địa chỉ"],
        [1, "Trường Tiểu học Quảng Uyên", "Trường học", None, 25, 18, None],
        [2, "Chi hội Phụ nữ xóm Nà Vài", "Hội, đoàn thể", "Xóm Nà Vài", 45, 45, None],
        [3, "Hợp tác xã Nông nghiệp Bó Pha", None, None, "12", 5, "Xóm Bó Pha"],
        [4, "Hội Cựu chiến binh xã", "Hội", None, 60, 0, None],  # in the register with 52 members
        [5, "Trạm Y tế xã", "Trạm y tế", None, 6, 10, None],  # more women than members
        [6, "Trường Tiểu học Quảng Uyên", "Trường học", None, 25, 18, None],  # row 2 again
        [7, "Đội văn nghệ xóm", "abc", None, 15, 9, None],  # unknown kind
        [None, "Tổng cộng", None, None, 188, 105, None],
    ])
    _save(wb, "collectives.xlsx")


def awards_history() -> None:
    wb = Workbook()
    ws = wb.active
    ws.title = "Quá trình khen thưởng"
    _rows(ws, 1, [
        ["STT", "Họ và tên", "Năm sinh", "Số CCCD", "Tên tập thể", "Năm", "Danh hiệu thi đua",
         "Hình thức khen thưởng", "Số quyết định", "Ngày quyết định", "Cơ quan ban hành"],
        [1, "Hoàng Văn Minh", 1980, None, None, 2024, "Lao động tiên tiến", None, "125/QĐ-UBND", "20/12/2024",
         "UBND xã Quảng Uyên"],
        [2, "Lục Thị Mai", None, "004187005678", None, 2023, "LĐTT", None, "98/QĐ-UBND", None, None],
        [3, "Lục Thị Mai", None, "004187005678", None, 2024, None, "Giấy khen", "201/QĐ-UBND", 45649,
         "Chủ tịch UBND xã"],
        [4, "Nguyễn Văn Hùng", None, None, None, 2024, "Lao động tiên tiến", None, None, None, None],
        [5, "Nguyễn Văn Hùng", 1985, None, None, 2024, "Lao động tiên tiến", None, None, None, None],
        [6, "Phạm Văn Khuyết", 1990, None, None, 2024, "Lao động tiên tiến", None, None, None, None],
        [7, None, None, None, "Hội Cựu chiến binh xã", 2024, "Tập thể lao động tiên tiến", None, "130/QĐ-UBND",
         datetime(2024, 12, 25), None],
        [8, "Hoàng Văn Minh", 1980, None, None, 2024, "Lao động tiên tiến", None, None, None, None],
        [9, "Hoàng Văn Minh", 1980, None, None, None, "Chiến sĩ thi đua cơ sở", None, None, None, None],
        [10, "Hoàng Văn Minh", 1980, None, None, 2021, None, "Bằng khen của Chủ tịch UBND tỉnh", "1234/QĐ-UBND",
         "05/06/2021", "UBND tỉnh Cao Bằng"],
    ])
    _save(wb, "awards_history.xlsx")


def refused() -> None:
    """Files that must be refused before openpyxl opens them."""
    ole = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(504)
    # An encrypted .xlsx is an OLE file whose directory names these streams (UTF-16).
    (HERE / "password_protected.xlsx").write_bytes(
        ole + "EncryptionInfo".encode("utf-16-le") + bytes(50) + "EncryptedPackage".encode("utf-16-le") + bytes(400))
    (HERE / "old_format.xls").write_bytes(ole + "Workbook".encode("utf-16-le") + bytes(500))
    (HERE / "not_excel.xlsx").write_text("Họ và tên;Giới tính;Năm sinh\nNguyễn Văn A;Nam;1980\n", encoding="utf-8")


def main() -> None:
    merged_header()
    plain_headers()
    nfd_text()
    tcvn3_text()
    duplicates()
    with_awards()
    collectives()
    awards_history()
    refused()


if __name__ == "__main__":
    main()
