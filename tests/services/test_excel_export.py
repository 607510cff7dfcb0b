"""Excel exports read back with openpyxl: values, text-typed ID cells, merged headers, print setup,
and sheet XML that Excel accepts (rows in order, no row twice)."""

from __future__ import annotations

import re
import sys
import unicodedata
import zipfile
from datetime import date
from pathlib import Path
from xml.etree import ElementTree

import pytest
from openpyxl import load_workbook
from openpyxl.worksheet.worksheet import Worksheet

from thidua_desktop.db.models import Nomination
from thidua_desktop.domain.enums import in_dossier
from thidua_desktop.domain.errors import DomainError, ValidationError
from thidua_desktop.messages import render
from thidua_desktop.services.excel_export import ExcelExportService, place_date
from thidua_desktop.services.movements import IndicatorInput, MovementInput
from thidua_desktop.services.people import PersonInput
from thidua_desktop.services.records import Subject
from thidua_desktop.spreadsheets import exports as xl
from thidua_desktop.spreadsheets.export_messages import MESSAGES
from thidua_desktop.spreadsheets.style import MAX_ROWS, RowSpool, text_width

TODAY = date(2026, 11, 25)
NS = {"m": "http://schemas.openxmlformats.org/spreadsheetml/2006/main"}


def _service(app) -> ExcelExportService:  # type: ignore[no-untyped-def]
    return ExcelExportService(app.db, app.actor, app.current_catalog, today=lambda: TODAY)


def _sheet(path: Path) -> Worksheet:
    _check_xml(path)
    return load_workbook(path).active


def _check_xml(path: Path) -> None:
    """What Excel insists on and openpyxl forgives: rows ascending and unique, cells inside their row,
    a dimension covering the data, and every style index defined."""
    with zipfile.ZipFile(path) as z:
        sheet = ElementTree.fromstring(z.read("xl/worksheets/sheet1.xml"))
        styles = ElementTree.fromstring(z.read("xl/styles.xml"))
    xfs = len(styles.find("m:cellXfs", NS))  # type: ignore[arg-type]
    numbers = [int(r.get("r", "0")) for r in sheet.iterfind("m:sheetData/m:row", NS)]
    assert numbers == sorted(set(numbers))
    for row in sheet.iterfind("m:sheetData/m:row", NS):
        for cell in row.iterfind("m:c", NS):
            assert re.fullmatch(rf"[A-Z]+{row.get('r')}", cell.get("r", ""))
            assert int(cell.get("s", "0")) < xfs
    dimension = sheet.find("m:dimension", NS).get("ref")  # type: ignore[union-attr]
    assert int(re.sub(r"^.*?(\d+)$", r"\1", dimension)) >= numbers[-1]


def _values(ws: Worksheet, row: int, last_column: int) -> list[object]:
    return [ws.cell(row=row, column=c).value for c in range(1, last_column + 1)]


def _merged(ws: Worksheet) -> set[str]:
    return {str(r) for r in ws.merged_cells.ranges}


def _assert_print_setup(ws: Worksheet, header: str, freeze: str, landscape: bool) -> None:
    assert ws.freeze_panes == freeze
    assert ws.print_title_rows == header
    assert int(ws.page_setup.paperSize) == 9  # A4
    assert ws.page_setup.orientation == ("landscape" if landscape else "portrait")
    assert (ws.page_setup.fitToWidth, ws.page_setup.fitToHeight) == (1, 0)
    assert ws.sheet_properties.pageSetUpPr.fitToPage is True
    assert ws.oddHeader.center.text == "&P" and ws.HeaderFooter.differentFirst


def _person(app, name: str, gender: str, **kw: object) -> str:  # type: ignore[no-untyped-def]
    return app.people.create(PersonInput(name, gender, **kw)).id  # type: ignore[arg-type]


# Nominee list -------------------------------------------------------------------------------------
def test_nominee_list_official_layout(commune, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    village = commune.office.add_village("Xóm Nà Cạn").id
    anh = _person(commune, "Nông Thị Ánh", "female", birth="05/03/1990", ethnicity="Tày",
                  position="Công chức Văn hóa - Xã hội", workplace="UBND xã")
    duc = _person(commune, "Hoàng Văn Đức", "male", birth="1985", ethnicity="Nùng", position="Trưởng xóm",
                  village_id=village)
    an = _person(commune, "Bế Văn An", "male", birth="1979", ethnicity="Kinh", position="=1+1")
    gone, rejected, deleted = (_person(commune, n, "female") for n in ("Lý Thị Bình", "Đàm Thị Cúc", "Triệu Thị Dung"))
    school = commune.collectives.create("Trường Tiểu học Quảng Uyên", "school", village_id=village).id
    batch = commune.nominations.create_batch("Xét khen thưởng năm 2026", 2026)
    noms = commune.nominations
    created = {pid: noms.create(batch_id=batch.id, award_code="LDTT", person_id=pid, as_of=TODAY,
                                achievement_summary=f"Thành tích của {pid[:4]}").id
               for pid in (duc, anh, an, gone, rejected, deleted)}
    rescue = "Cứu người trong lũ ngày 12/8/2026.\nĐược nhân dân ghi nhận."
    brave = noms.create(batch_id=batch.id, award_code="GK_XA_CN", person_id=anh, commendation_kind="ad_hoc",
                        as_of=TODAY, achievement_summary=rescue).id
    team = noms.create(batch_id=batch.id, award_code="TTLDTT", collective_id=school, as_of=TODAY).id
    unvoted = _person(commune, "Ma Thị Chưa Xét", "female")
    noms.create(batch_id=batch.id, award_code="LDTT", person_id=unvoted, as_of=TODAY)  # a draft: not listed
    other = commune.nominations.create_batch("Khen thưởng chuyên đề", 2026, "thematic")
    noms.create(batch_id=other.id, award_code="LDTT", person_id=anh, as_of=TODAY)
    commune.people.delete(gone)
    with commune.db.transaction("test") as session:  # what the council, a rejection and a withdrawal leave
        for passed in (created[duc], created[anh], created[an], brave, team):
            session.get(Nomination, passed).status = "council_voted"
        session.get(Nomination, created[rejected]).status = "rejected"
        session.get(Nomination, created[deleted]).deleted = True

    result = _service(commune).export("nominees", tmp_path / "danh-sach.xlsx", batch_id=batch.id)
    assert (result.kind, result.rows, result.path) == ("nominees", 5, tmp_path / "danh-sach.xlsx")
    ws = _sheet(result.path)
    assert ws.title == "Danh sách đề nghị"
    assert (ws["A1"].value, ws["A2"].value) == ("ỦY BAN NHÂN DÂN", "XÃ QUẢNG UYÊN")
    assert "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" in _values(ws, 1, 8)
    assert "Độc lập - Tự do - Hạnh phúc" in _values(ws, 2, 8)
    assert ws["A4"].value == "DANH SÁCH ĐỀ NGHỊ KHEN THƯỞNG"
    assert ws["A5"].value == "Xét khen thưởng năm 2026"
    assert ws["A6"].value.startswith("(Kèm theo Tờ trình số") and "xã Quảng Uyên" in ws["A6"].value
    assert _values(ws, 8, 8) == ["STT", "Họ và tên", "Năm sinh", None, "Dân tộc", "Chức vụ, đơn vị công tác",
                                 "Tóm tắt thành tích", "Hình thức khen thưởng đề nghị"]
    assert _values(ws, 9, 8)[2:4] == ["Nam", "Nữ"]
    assert {"A4:H4", "A8:A9", "B8:B9", "C8:D8", "E8:E9", "F8:F9", "G8:G9", "H8:H9"} <= _merged(ws)
    assert ws["C8"].font.bold and ws["C9"].border.bottom.style == "thin" and ws["D8"].border.top.style == "thin"
    _assert_print_setup(ws, "$8:$9", "C10", landscape=True)

    assert ws["A10"].value == "I. Danh hiệu “Lao động tiên tiến”: 3 cá nhân" and "A10:H10" in _merged(ws)
    # Vietnamese order: An, Ánh, Đức; birth year under Nam or Nữ.
    assert _values(ws, 11, 8) == [1, "Bế Văn An", 1979, None, "Kinh", "=1+1", f"Thành tích của {an[:4]}",
                                  "Lao động tiên tiến"]
    assert ws["F11"].data_type == "s"  # text, never a formula
    assert _values(ws, 12, 6) == [2, "Nông Thị Ánh", None, 1990, "Tày", "Công chức Văn hóa - Xã hội, UBND xã"]
    assert _values(ws, 13, 6) == [3, "Hoàng Văn Đức", 1985, None, "Nùng", "Trưởng xóm Nà Cạn"]  # "xóm" said once
    assert ws["A14"].value == "II. Danh hiệu “Tập thể lao động tiên tiến”: 1 tập thể"
    assert _values(ws, 15, 8) == [1, "Trường Tiểu học Quảng Uyên", None, None, None, "Xóm Nà Cạn", None,
                                  "Tập thể lao động tiên tiến"]
    assert ws["A16"].value == "III. Giấy khen của Chủ tịch Ủy ban nhân dân xã: 1 cá nhân"
    assert _values(ws, 17, 8)[1:] == ["Nông Thị Ánh", None, 1990, "Tày", "Công chức Văn hóa - Xã hội, UBND xã",
                                      "Cứu người trong lũ ngày 12/8/2026.\nĐược nhân dân ghi nhận.",
                                      "Giấy khen của Chủ tịch Ủy ban nhân dân xã (đột xuất)"]
    assert ws["G17"].alignment.wrap_text and ws.row_dimensions[17].height >= 32  # two lines
    names = {ws.cell(row=r, column=2).value for r in range(10, ws.max_row + 1)}
    assert not names & {"Lý Thị Bình", "Đàm Thị Cúc", "Triệu Thị Dung"}
    texts = [ws.cell(row=r, column=c).value for r in range(18, ws.max_row + 1) for c in range(1, 9)]
    assert {"NGƯỜI LẬP DANH SÁCH", "Cán bộ thử", "TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH",
            "Quảng Uyên, ngày 25 tháng 11 năm 2026"} <= set(texts)


# Register -----------------------------------------------------------------------------------------
def _register_people(app) -> dict[str, str]:  # type: ignore[no-untyped-def]
    border = app.office.add_village("Xóm Phja Đeng", is_border=True).id
    ids = {
        "anh": _person(app, "Nông Thị Ánh", "female", birth="05/03/1990", ethnicity="Tày", cccd="004190012345",
                       phone="0912345678", position="Công chức", workplace="UBND xã", village_id=border,
                       hometown="Hà Quảng, Cao Bằng", qualification="Đại học Luật", political_theory="Trung cấp",
                       academic_title="Cử nhân", duties="Văn phòng - thống kê\nMột cửa"),
        "duc": _person(app, "Hoàng Văn Đức", "male", birth="1985", ethnicity="Nùng", is_direct_worker=True),
        "an": _person(app, "Bế Văn An", "male", birth="02/01/1979", ethnicity="Kinh", position="=SUM(A1:A3)",
                      cccd="004079000001"),
        "gone": _person(app, "Lý Thị Bình", "female"),
    }
    rec = app.records
    rec.add_award(Subject(person_id=ids["anh"]), award_code="LDTT", year=2024, decision_number="12/QĐ-UBND",
                  decision_date="20/12/2024", issuer="UBND xã Quảng Uyên")
    rec.add_award(Subject(person_id=ids["anh"]), award_code="CSTDCS", year=2025, decision_number="03/QĐ-UBND",
                  decision_date="05/01/2026", issuer="UBND xã Quảng Uyên")
    rec.add_award(Subject(person_id=ids["anh"]), award_code="OTHER", title="Giấy khen của Hội Phụ nữ huyện",
                  award_kind="commendation_form", year=2020, commendation_kind="thematic", issuer="Hội LHPN huyện")
    rec.add_award(Subject(person_id=ids["an"]), award_code="BK_TINH_CN", year=2023, issuing_level="province",
                  decision_number="1234/QĐ-UBND", decision_date="02/09/2023")
    rec.add_award(Subject(person_id=ids["gone"]), award_code="LDTT", year=2024)
    app.people.delete(ids["gone"])
    return ids


@pytest.mark.parametrize("page", [1000, 2])
def test_register_one_line_per_award_with_text_ids(commune, tmp_path: Path, page: int) -> None:  # type: ignore[no-untyped-def]
    _register_people(commune)
    service = _service(commune)
    service.PAGE = page  # 2: the three people come in two pages
    result = service.export("register", tmp_path / "so.xlsx")
    assert (result.kind, result.rows) == ("register", 5)
    ws = _sheet(result.path)
    assert ws["A4"].value == "SỔ THEO DÕI KHEN THƯỞNG CÁ NHÂN" and ws["A5"].value == "(Số liệu đến ngày 25/11/2026)"
    assert _values(ws, 7, 23)[:2] == ["STT", "THÔNG TIN CÁ NHÂN"] and ws["Q7"].value == "QUÁ TRÌNH KHEN THƯỞNG"
    assert _values(ws, 8, 23)[1:] == ["Họ và tên", "Giới tính", "Ngày sinh", "Dân tộc", "Số CCCD", "Số điện thoại",
                                      "Chức vụ", "Đơn vị công tác", "Thôn, xóm", "Lao động trực tiếp", "Quê quán",
                                      "Trình độ chuyên môn", "Lý luận chính trị", "Học hàm, học vị",
                                      "Nhiệm vụ được giao", "Năm",
                                      "Danh hiệu, hình thức khen thưởng", "Loại hình", "Cấp khen thưởng",
                                      "Số quyết định", "Ngày quyết định", "Cơ quan ban hành"]
    assert {"A7:A8", "B7:P7", "Q7:W7", "A4:W4"} <= _merged(ws)
    _assert_print_setup(ws, "$7:$8", "C9", landscape=True)

    assert _values(ws, 9, 23) == [1, "Bế Văn An", "Nam", "02/01/1979", "Kinh", "004079000001", None, "=SUM(A1:A3)",
                                  None, None, None, *[None] * 5, 2023, "Bằng khen của Chủ tịch Ủy ban nhân dân tỉnh",
                                  "Thường xuyên", "Cấp tỉnh", "1234/QĐ-UBND", "02/09/2023", None]
    assert ws["H9"].data_type == "s"
    assert _values(ws, 10, 11) == [2, "Nông Thị Ánh", "Nữ", "05/03/1990", "Tày", "004190012345", "0912345678",
                                   "Công chức", "UBND xã", "Xóm Phja Đeng", None]
    # Award history oldest first; the person's columns only on the first line.
    assert _values(ws, 10, 16)[11:] == ["Hà Quảng, Cao Bằng", "Đại học Luật", "Trung cấp", "Cử nhân",
                                        "Văn phòng - thống kê; Một cửa"]
    assert [_values(ws, r, 23)[16:] for r in (10, 11, 12)] == [
        [2020, "Giấy khen của Hội Phụ nữ huyện", "Theo chuyên đề", "Cấp xã", None, None, "Hội LHPN huyện"],
        [2024, "Lao động tiên tiến", "Thường xuyên", "Cấp xã", "12/QĐ-UBND", "20/12/2024", "UBND xã Quảng Uyên"],
        [2025, "Chiến sĩ thi đua cơ sở", "Thường xuyên", "Cấp xã", "03/QĐ-UBND", "05/01/2026", "UBND xã Quảng Uyên"]]
    assert _values(ws, 11, 16) == [None] * 16 and _values(ws, 12, 16) == [None] * 16
    assert _values(ws, 13, 23) == [3, "Hoàng Văn Đức", "Nam", "1985", "Nùng", None, None, None, None, None, "x",
                                   *[None] * 12]
    assert ws.max_row == 13
    # The leading zeros survive: text cells with the text number format.
    for ref in ("F9", "F10", "G10", "D9", "D10", "D13", "V9", "V11"):
        assert ws[ref].data_type == "s" and ws[ref].number_format == "@", ref
    assert ws["Q9"].data_type == "n" and ws["A9"].data_type == "n"
    # A person's block is drawn as one: no line between its rows in the person's columns.
    assert (ws["B10"].border.bottom.style, ws["B11"].border.top.style, ws["B12"].border.bottom.style) == (
        None, None, "thin")
    assert ws["R11"].border.top.style == "thin"
    widths = {k: v.width for k, v in ws.column_dimensions.items()}
    assert 12 <= widths["F"] <= 15 and widths["B"] >= text_width("Nông Thị Ánh")


def test_register_of_an_empty_office_has_the_header_only(commune, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    result = _service(commune).export("register", tmp_path / "so.xlsx")
    ws = _sheet(result.path)
    assert result.rows == 0 and ws.max_row == 8 and ws["B8"].value == "Họ và tên"


def test_register_streams_many_people_in_pages(commune, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    names = [f"Nông Văn {given}" for given in ("An", "Bình", "Cường", "Dũng", "Đạt", "Giang", "Hải", "Khánh")]
    commune.people.create_many([PersonInput(f"{n} {i}", "male") for i in range(30) for n in names])
    service = _service(commune)
    service.PAGE = 7
    result = service.export("register", tmp_path / "so.xlsx")
    ws = _sheet(result.path)
    assert result.rows == 240 and ws.max_row == 8 + 240
    assert [ws.cell(row=r, column=1).value for r in range(9, 249)] == list(range(1, 241))
    assert len({ws.cell(row=r, column=2).value for r in range(9, 249)}) == 240


# Statistics ---------------------------------------------------------------------------------------
def test_statistics_match_the_reports_screen(commune, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    ids = _register_people(commune)
    school = commune.collectives.create("Trường Tiểu học Quảng Uyên", "school").id
    rec = commune.records
    rec.add_award(Subject(person_id=ids["duc"]), award_code="GK_XA_CN", year=2024, commendation_kind="ad_hoc")
    rec.add_award(Subject(collective_id=school), award_code="TTLDTT", year=2024)
    stats = commune.statistics.year(2024)
    assert (stats.people, stats.collectives) == (2, 1)

    result = _service(commune).export("statistics", tmp_path / "thong-ke.xlsx", year=2024)
    ws = _sheet(result.path)
    assert ws.title == "Thống kê 2024" and ws["A4"].value == "BÁO CÁO THỐNG KÊ KẾT QUẢ KHEN THƯỞNG NĂM 2024"
    assert _values(ws, 6, 6) == ["STT", "Nội dung", "Đơn vị tính", "Số lượng", "Tỷ lệ (%)", "Ghi chú"]
    _assert_print_setup(ws, "$6:$6", "A7", landscape=False)
    rows = {}
    section = ""
    for r in range(7, ws.max_row + 1):
        number, label, unit, count, share = _values(ws, r, 5)
        if isinstance(number, str) and label:
            section = number
            assert f"B{r}:F{r}" in _merged(ws)
        elif isinstance(number, int):
            rows[(section, label)] = (unit, count, share)
            assert ws.cell(row=r, column=5).number_format == "0.0%"
    assert rows[("I", "Tổng số")] == ("Lượt", 3, 1)
    assert rows[("I", "Cá nhân")][1:] == (2, pytest.approx(2 / 3))
    assert rows[("II", "Lao động tiên tiến")][1:] == (1, pytest.approx(1 / 3))
    assert rows[("II", "Giấy khen của Chủ tịch Ủy ban nhân dân xã (cá nhân)")][1] == 1
    assert rows[("II", "Tập thể lao động tiên tiến")][1] == 1
    assert rows[("III", "Cấp xã")][1] == 3 and rows[("III", "Trung ương")][1:] == (0, 0)
    assert rows[("IV", "Đột xuất")][1] == 1 and rows[("IV", "Thường xuyên")][1] == 2
    # Shares of awards to individuals: Ánh is a minority woman of a border village; Đức a direct worker.
    assert rows[("V", "Nữ")][1:] == (1, pytest.approx(0.5))
    assert rows[("V", "Người dân tộc thiểu số")][1:] == (stats.ethnic_minority, pytest.approx(1.0))
    assert rows[("V", "Người lao động trực tiếp")][1:] == (1, pytest.approx(0.5))
    assert rows[("V", "Người ở thôn, xóm biên giới, vùng sâu, vùng xa")][1:] == (1, pytest.approx(0.5))
    assert result.rows == len(rows)


# Movement indicators ------------------------------------------------------------------------------
def test_indicator_table_plan_against_results(commune, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    movement = commune.movements.create(MovementInput(
        code="CT12", name="Thi đua thực hiện Chỉ thị 12/CT-UBND", period_start="15/05/2026", period_end="31/12/2030",
        indicators=[IndicatorInput("Số hộ đạt “Gia đình văn hóa”", "hộ", 100, 200, ["30/06/2026", "31/12/2026"]),
                    IndicatorInput("Tỷ lệ hộ nghèo giảm", "%", "12,5", None)]))
    first, _second = commune.movements.indicators(movement)
    for day, value in (("01/06/2026", 30), ("15/07/2026", "20,5")):
        commune.movements.record_activity(movement_id=movement, held_on=day, participants_total=10,
                                          indicator_values={first["id"]: value})
    result = _service(commune).export("indicators", tmp_path / "chi-tieu.xlsx", movement_id=movement)
    ws = _sheet(result.path)
    assert result.rows == 2
    assert ws["A4"].value == "BẢNG THEO DÕI CHỈ TIÊU PHONG TRÀO THI ĐUA"
    assert ws["A5"].value == "Phong trào: Thi đua thực hiện Chỉ thị 12/CT-UBND"
    assert ws["A6"].value == "Mã phong trào: CT12; Thời gian thực hiện: từ 15/05/2026 đến 31/12/2030"
    assert _values(ws, 8, 9) == ["STT", "Chỉ tiêu", "Đơn vị tính", "Kế hoạch", None, "Thực hiện", None,
                                 "Kỳ báo cáo", "Ghi chú"]
    assert _values(ws, 9, 7)[3:] == ["Giá trị ban đầu", "Mục tiêu", "Kết quả đạt được", "Tỷ lệ so với mục tiêu (%)"]
    assert {"D8:E8", "F8:G8", "A8:A9", "H8:H9"} <= _merged(ws)
    _assert_print_setup(ws, "$8:$9", "A10", landscape=True)
    assert _values(ws, 10, 9) == [1, "Số hộ đạt “Gia đình văn hóa”", "hộ", 100, 200, 50.5, pytest.approx(0.2525),
                                  "30/06/2026; 31/12/2026", "Tổng các lần báo cáo; chưa đạt"]
    assert ws["G10"].number_format == "0.0%" and ws["H10"].data_type == "s" and ws["H10"].number_format == "@"
    # Nothing reported: no result (not 0), no rate.
    assert _values(ws, 11, 9) == [2, "Tỷ lệ hộ nghèo giảm", "%", 12.5, None, None, None, None,
                                  "Tổng các lần báo cáo"]


def test_indicator_table_reads_each_indicator_by_its_kind_and_direction(commune, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    movement = commune.movements.create(MovementInput(
        code="KTXH", name="Thi đua phát triển kinh tế - xã hội", indicators=[
            IndicatorInput("Tỷ lệ hộ nghèo", "%", "18,5", 10, kind="percentage", direction="down"),
            IndicatorInput("Thu nhập bình quân đầu người", "triệu đồng/năm", 32, 45, kind="level")]))
    poverty, income = (str(i["id"]) for i in commune.movements.indicators(movement))
    for day, values in (("15/11/2026", {poverty: "14,25", income: 38}), ("30/06/2026", {poverty: 16, income: 35})):
        commune.movements.record_activity(movement_id=movement, held_on=day, participants_total=10,
                                          indicator_values=values)
    ws = _sheet(_service(commune).export("indicators", tmp_path / "chi-tieu.xlsx", movement_id=movement).path)
    assert _values(ws, 10, 9) == [1, "Tỷ lệ hộ nghèo", "%", 18.5, 10, 14.25, pytest.approx(0.5), None,
                                  "Số liệu báo cáo gần nhất; chỉ tiêu cần giảm; chưa đạt"]
    assert _values(ws, 11, 9) == [2, "Thu nhập bình quân đầu người", "triệu đồng/năm", 32, 45, 38,
                                  pytest.approx(38 / 45), None, "Số liệu báo cáo gần nhất; chưa đạt"]


# Demo data: every export, read back --------------------------------------------------------------
def test_every_export_of_the_demo_office(commune, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    from thidua_desktop.services.demo import DemoBuilder

    DemoBuilder(commune, seed=2026, today=TODAY).build(people=60)
    service = _service(commune)
    batch = commune.nominations.batches()[0]
    movement = commune.movements.list()[0]["id"]
    listed = [n for n in commune.nominations.list(batch_id=batch.id) if in_dossier(n.status)]
    assert listed
    people = commune.people.search("", limit=10_000).rows
    lines = sum(max(1, len(commune.records.awards_of(Subject(person_id=p.id)))) for p in people)
    indicators = len(commune.movements.indicators(movement))
    for kind, options, expected in (("nominees", {"batch_id": batch.id}, len(listed)), ("register", {}, lines),
                                    ("statistics", {"year": 2025}, None),
                                    ("indicators", {"movement_id": movement}, indicators)):
        result = service.export(kind, tmp_path / f"{kind}.xlsx", **options)
        ws = _sheet(result.path)
        assert ws.print_title_rows and ws.freeze_panes and int(ws.page_setup.paperSize) == 9
        if expected is not None:
            assert result.rows == expected, kind
    register = load_workbook(tmp_path / "register.xlsx").active
    assert [register.cell(row=r, column=2).value for r in range(9, register.max_row + 1)
            if register.cell(row=r, column=1).value] == [p.full_name for p in people]  # the list's own order
    assert not list(tmp_path.glob(".~thidua-*"))


# Refusals -----------------------------------------------------------------------------------------
@pytest.mark.parametrize(("kind", "options", "code", "field"), [
    ("payroll", {}, "EXPORT_KIND_UNKNOWN", "kind"),
    ("nominees", {}, "EXPORT_NEEDS_BATCH", "batch"),
    ("statistics", {}, "EXPORT_NEEDS_YEAR", "year"),
    ("indicators", {}, "EXPORT_NEEDS_MOVEMENT", "movement"),
    ("statistics", {"year": 1800}, "NUMBER_OUT_OF_RANGE", "year"),
    ("nominees", {"batch_id": "no-such-batch"}, "NOT_FOUND", "batch"),
    ("indicators", {"movement_id": "no-such-movement"}, "NOT_FOUND", "movement"),
])
def test_missing_or_unknown_target_is_refused(commune, tmp_path: Path, kind, options, code, field) -> None:  # type: ignore[no-untyped-def]
    out = tmp_path / "out"
    out.mkdir()
    with pytest.raises(DomainError) as err:
        _service(commune).export(kind, out / "x.xlsx", **options)
    assert (err.value.code, err.value.field) == (code, field)
    assert not list(out.iterdir())
    assert "…" not in render(err.value)


def test_bad_destinations_are_refused_with_their_own_code(commune, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    service = _service(commune)
    tmp_path = tmp_path / "out"
    (tmp_path / "folder.xlsx").mkdir(parents=True)
    cases = [("", "EXPORT_PATH_REQUIRED"), (tmp_path / "danh-sach.csv", "EXPORT_NOT_XLSX"),
             (tmp_path / "folder.xlsx", "EXPORT_PATH_IS_FOLDER"),
             (tmp_path / "thiếu" / "so.xlsx", "EXPORT_FOLDER_MISSING")]
    if sys.platform.startswith("linux"):
        cases.append((Path("/proc/so-theo-doi.xlsx"), "EXPORT_PATH_UNWRITABLE"))
    for out, code in cases:
        with pytest.raises(DomainError) as err:
            service.export("register", out)
        assert (err.value.code, err.value.field) == (code, "file"), out
        message = render(err.value)
        assert "…" not in message and (not str(out) or Path(str(out)).name in message or "thiếu" in message)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["folder.xlsx"]


def test_an_existing_file_is_replaced_whole(commune, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    (tmp_path / "out").mkdir()
    target = tmp_path / "out" / "Sổ theo dõi.xlsx"
    target.write_bytes(b"old")
    _person(commune, "Nông Thị Ánh", "female")
    result = _service(commune).export("REGISTER", unicodedata.normalize("NFD", str(target)))
    assert result.path == target and load_workbook(target).active["B9"].value == "Nông Thị Ánh"
    assert [p.name for p in target.parent.iterdir()] == [target.name]


def test_every_export_code_has_both_languages() -> None:
    assert set(MESSAGES) == {"EXPORT_KIND_UNKNOWN", "EXPORT_NEEDS_BATCH", "EXPORT_NEEDS_YEAR",
                             "EXPORT_NEEDS_MOVEMENT", "EXPORT_PATH_REQUIRED", "EXPORT_NOT_XLSX",
                             "EXPORT_PATH_IS_FOLDER", "EXPORT_FOLDER_MISSING", "EXPORT_PATH_UNWRITABLE",
                             "EXPORT_TOO_MANY_ROWS"}
    assert all(vi and en and vi != en for vi, en in MESSAGES.values())
    err = ValidationError("EXPORT_KIND_UNKNOWN", field="kind", value="payroll", allowed="nominees, register")
    assert render(err) == "Không có loại bảng tính «payroll». Chọn một trong: nominees, register."


# Builders and helpers -----------------------------------------------------------------------------
def test_place_date_follows_decree_30() -> None:
    assert place_date("Quảng Uyên", date(2026, 6, 5)) == "Quảng Uyên, ngày 05 tháng 6 năm 2026"
    assert place_date("Quảng Uyên", date(2026, 2, 15)) == "Quảng Uyên, ngày 15 tháng 02 năm 2026"


def test_vietnamese_width_ignores_how_the_marks_are_encoded() -> None:
    name = "Nguyễn Thị Ánh Tuyết"
    assert text_width(unicodedata.normalize("NFD", name)) == text_width(name)
    assert text_width("ĐÀO") > text_width("đào") > text_width("iii")
    assert text_width("dòng một\ndòng hai dài hơn") == text_width("dòng hai dài hơn")


def test_builder_cleans_text_excel_cannot_hold(tmp_path: Path) -> None:
    head = xl.Letterhead(("ỦY BAN NHÂN DÂN", "XÃ QUẢNG UYÊN"))
    people = [xl.RegisterPerson("Nông\x07 Thị <Ánh> & co", awards=(xl.AwardLine(2024, "x" * 40_000),))]
    counts = xl.write_register(head, (), people, tmp_path / "r.xlsx")
    assert (counts.people, counts.rows) == (1, 1)
    ws = _sheet(tmp_path / "r.xlsx")
    assert ws["B8"].value == "Nông Thị <Ánh> & co"
    assert len(ws["R8"].value) == 32_767 and ws["R8"].value.endswith("…")
    assert ws["R8"].alignment.wrap_text


def test_a_sheet_never_passes_the_excel_row_limit() -> None:
    spool = RowSpool(MAX_ROWS, 1)
    try:
        spool.add(["dòng cuối"], [0])
        with pytest.raises(DomainError) as err:
            spool.add(["một dòng quá"], [0])
        assert err.value.code == "EXPORT_TOO_MANY_ROWS" and "1048576" in render(err.value)
    finally:
        spool.close()


def test_signature_block_uses_the_document_settings(commune, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    from thidua_desktop.services.print_context import DocumentSettings

    commune.printing.set_document_settings(DocumentSettings(
        chairman_name="Đàm Văn Thủy", vice_chairman_name="Bế Thị Hạnh", sign_as_deputy=True, place="Quảng Hòa"))
    batch = commune.nominations.create_batch("Xét khen thưởng năm 2026", 2026)
    person = _person(commune, "Nông Thị Ánh", "female", birth="1990")
    commune.nominations.create(batch_id=batch.id, award_code="LDTT", person_id=person, as_of=TODAY)
    path = _service(commune).export("nominees", tmp_path / "ds.xlsx", batch_id=batch.id).path
    ws = _sheet(path)
    texts = [str(c.value) for row in ws.iter_rows() for c in row if c.value is not None]
    assert "KT. CHỦ TỊCH" in texts and "PHÓ CHỦ TỊCH" in texts and "Bế Thị Hạnh" in texts
    assert "Quảng Hòa, ngày 25 tháng 11 năm 2026" in texts
