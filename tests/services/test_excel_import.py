"""Excel imports through the service, on the messy files checked into tests/data/import.

Each file's preview is asserted row by row: action, skip reason, every problem's column, code and
severity, and the parsed values. Commits are read back from the register."""

from __future__ import annotations

import io
import unicodedata
import zipfile
from pathlib import Path
from typing import Any

import openpyxl
import openpyxl.xml
import pytest
from sqlalchemy import func, select

from thidua_desktop.db.models import AwardHistory, Collective, Person
from thidua_desktop.domain.errors import DomainError, StateError, ValidationError
from thidua_desktop.messages import render
from thidua_desktop.services.excel_import import ExcelImportService
from thidua_desktop.services.people import PersonInput
from thidua_desktop.services.records import Subject
from thidua_desktop.spreadsheets import reading

DATA = Path(__file__).resolve().parents[1] / "data" / "import"


def _service(app: Any) -> ExcelImportService:
    return getattr(app, "excel_import", None) or ExcelImportService(app.db, app.actor, app.current_catalog)


@pytest.fixture
def office(commune):  # type: ignore[no-untyped-def]
    commune.office.add_village("Xóm Nà Vài", "xom")
    return commune


@pytest.fixture
def register(office):  # type: ignore[no-untyped-def]
    """People and a collective already in the register, with one award."""
    office.people.create(PersonInput("Hoàng Văn Minh", "male", birth="1980"))
    mai = office.people.create(PersonInput("Lục Thị Mai", "female", birth="1987", cccd="004187005678"))
    office.people.create(PersonInput("Bế Văn Nam", "male", birth="1975", cccd="004075009999"))
    office.people.create(PersonInput("Nguyễn Văn Hùng", "male", birth="1970"))
    office.people.create(PersonInput("Nguyễn Văn Hùng", "male", birth="1985"))
    office.collectives.create("Hội Cựu chiến binh xã", "mass_organisation", member_count=52)
    office.records.add_award(Subject(person_id=mai.id), award_code="LDTT", year=2023)
    return office


def _preview(app: Any, name: str, kind: str = "people") -> Any:
    service = _service(app)
    return service.preview(service.analyse(DATA / name, kind))


def _rows(report: Any) -> list[tuple[Any, ...]]:
    return [(r.row, r.action, r.skip_reason, [(p.column, p.code, p.severity) for p in r.problems])
            for r in report.rows]


def _values(report: Any) -> dict[int, dict[str, Any]]:
    return {r.row: r.values for r in report.rows if r.skip_reason not in ("IMPORT_ROW_SECTION", "IMPORT_ROW_SUMMARY",
                                                                          "IMPORT_ROW_FOOTER")}


def _count(app: Any, model: type) -> int:
    with app.db.reader() as session:
        return int(session.scalar(select(func.count()).select_from(model).where(model.deleted.is_(False))) or 0)


# --- the messy files, row by row ------------------------------------------------------------------


def test_merged_multi_row_header_with_split_birth_years(office) -> None:  # type: ignore[no-untyped-def]
    report = _preview(office, "people_merged_header.xlsx")
    assert report.plan.sheet == "Danh sách"
    assert _rows(report) == [
        (8, "skip", "IMPORT_ROW_SECTION", []),
        (9, "create", None, []),
        (10, "create", None, []),
        (11, "create", None, [("H", "IMPORT_VILLAGE_UNKNOWN", "warning")]),
        (12, "error", None, [("C", "IMPORT_BIRTH_BOTH_GENDERS", "error")]),
        (13, "create", None, []),
        (14, "skip", "IMPORT_ROW_SUMMARY", []),
        (16, "skip", "IMPORT_ROW_FOOTER", []),
        (17, "skip", "IMPORT_ROW_FOOTER", []),
        (18, "skip", "IMPORT_ROW_FOOTER", []),
        (20, "skip", "IMPORT_ROW_FOOTER", []),  # the signer's name under the signature block
    ]
    assert report.blank_rows == [15, 19]
    assert _values(report) == {
        9: {"full_name": "Nguyễn Thị Hương", "gender": "female", "birth": "1985", "ethnicity": "Tày",
            "cccd": "004185001234", "phone": "0912345678", "position": "Hội viên Hội Phụ nữ xóm",
            "village": "Xóm Nà Vài"},
        10: {"full_name": "Hoàng Văn Minh", "gender": "male", "birth": "1980-05-12", "ethnicity": "Nùng",
             "position": "Trưởng xóm", "village": "Xóm Nà Vài"},
        11: {"full_name": "Đàm Thị Thủy", "gender": "female", "birth": "1990-07-03", "ethnicity": "Kinh",
             "phone": "02063871234", "position": "Giáo viên Trường Tiểu học", "notes": "Chuyển đến năm 2020",
             "address": "Xóm Bó Pha"},
        12: {"full_name": "Lục Văn Tài", "ethnicity": "Tày", "position": "Nông dân", "village": "Xóm Nà Vài"},
        13: {"full_name": "Nông Văn Dền", "gender": "male", "birth": "1968", "ethnicity": "Mông",
             "cccd": "004068000123", "position": "Nông dân", "village": "Xóm Nà Vài"},
    }
    assert report.counts == {"create": 4, "update": 0, "skip": 6, "duplicate": 0, "error": 1, "blank": 2}


def test_headers_without_diacritics_dates_in_every_form_and_bad_rows(office) -> None:  # type: ignore[no-untyped-def]
    report = _preview(office, "people_plain_headers.xlsx")
    assert _rows(report) == [
        (2, "create", None, []),
        (3, "create", None, [("B", "IMPORT_NAME_NO_MARKS", "warning")]),
        (4, "create", None, [("G", "IMPORT_PHONE_RESTORED", "warning")]),  # 987123456: its 0 put back
        (5, "create", None, [("A", "IMPORT_CMND_OLD", "warning")]),
        (6, "create", None, []),
        (7, "create", None, [("C", "IMPORT_DATE_MONTH_ONLY", "warning")]),
        (9, "error", None, [("B", "REQUIRED", "error")]),  # missing name
        (10, "error", None, [("A", "CCCD_FORMAT", "error")]),  # 11 digits
        (11, "create", None, [("A", "IMPORT_CCCD_RESTORED", "warning")]),  # a number that lost its leading zeros
        (12, "error", None, [("C", "DATE_INVALID", "error")]),  # 31/02
        (13, "error", None, [("D", "IMPORT_GENDER_UNKNOWN", "error")]),
        (14, "skip", "IMPORT_ROW_SUMMARY", []),
    ]
    assert report.blank_rows == [8]
    assert _values(report) == {
        2: {"full_name": "Bế Thị Dung", "gender": "female", "birth": "1990-01-01", "ethnicity": "Tày",  # serial
            "cccd": "004190001111", "phone": "0987654321", "village": "Xóm Nà Vài"},
        3: {"full_name": "Nguyen Van Binh", "gender": "male", "birth": "1985-03-07", "ethnicity": "Kinh",  # text
            "position": "Công an viên"},
        4: {"full_name": "Lý Thị Mai", "gender": "female", "birth": "1992-11-20", "ethnicity": "Nùng",  # date cell
            "phone": "0987123456"},
        5: {"full_name": "Ma Văn Sinh", "gender": "male", "birth": "1979", "ethnicity": "Tày"},  # year alone
        6: {"full_name": "Hà Thị Nga", "gender": "female", "birth": "1988-08-03", "ethnicity": "Tày"},  # d-m-yyyy
        7: {"full_name": "Sầm Văn Thái", "gender": "male", "birth": "1987", "ethnicity": "Nùng"},  # mm/yyyy
        9: {"gender": "male", "birth": "1990", "ethnicity": "Kinh"},
        10: {"full_name": "Triệu Văn Quân", "gender": "male", "birth": "1970", "ethnicity": "Dao"},
        11: {"full_name": "Vi Văn Hải", "gender": "male", "birth": "1985", "ethnicity": "Tày", "cccd": "004085001234"},
        12: {"full_name": "Lương Thị Hoa", "gender": "female", "ethnicity": "Tày"},
        13: {"full_name": "Chu Văn Lộc", "birth": "1983", "ethnicity": "Tày"},
    }
    cccd = report.row(11).problems[0]
    assert cccd.params == {"value": "4085001234", "restored": "004085001234"} and cccd.header == "So CCCD"


def test_nfd_text_is_stored_as_nfc(office) -> None:  # type: ignore[no-untyped-def]
    report = _preview(office, "people_nfd.xlsx")
    assert _rows(report) == [(2, "create", None, []), (3, "create", None, []), (4, "create", None, [])]
    assert _values(report) == {
        2: {"full_name": "Nguyễn Thị Hương", "gender": "female", "birth": "1985", "ethnicity": "Tày",
            "village": "Xóm Nà Vài"},
        3: {"full_name": "Đàm Văn Thủy", "gender": "male", "birth": "1979", "ethnicity": "Nùng",
            "village": "Xóm Nà Vài"},
        4: {"full_name": "Nông Văn Dền", "gender": "male", "birth": "1968", "ethnicity": "Mông"},
    }
    assert [(n.code, n.params["count"]) for n in report.plan.notices] == [("IMPORT_NFD_NORMALISED", 14)]
    _service(office).commit(report)
    names = [p.full_name for p in office.people.search("").rows]
    assert all(unicodedata.is_normalized("NFC", n) for n in names)
    assert [p.full_name for p in office.people.search("nguyen thi huong").rows] == ["Nguyễn Thị Hương"]


def test_tcvn3_text_is_detected_and_converted(office) -> None:  # type: ignore[no-untyped-def]
    report = _preview(office, "people_tcvn3.xlsx")
    assert _rows(report) == [(r, "create", None, []) for r in range(4, 9)]
    assert _values(report) == {
        4: {"full_name": "Nguyễn Thị Hương", "gender": "female", "birth": "1985", "ethnicity": "Tày",
            "village": "Xóm Nà Vài"},
        5: {"full_name": "Đàm Thị Thủy", "gender": "female", "birth": "1990", "ethnicity": "Nùng",
            "village": "Xóm Nà Vài"},
        6: {"full_name": "Nông Văn Dền", "gender": "male", "birth": "1968", "ethnicity": "Mông",
            "village": "Xóm Nà Vài"},
        7: {"full_name": "Hoàng Văn Minh", "gender": "male", "birth": "1980", "ethnicity": "Nùng",
            "village": "Xóm Nà Vài"},
        8: {"full_name": "Võ Tú", "gender": "male", "birth": "1991", "ethnicity": "Kinh"},
    }
    [notice] = report.plan.notices
    assert notice.code == "IMPORT_TCVN3_CONVERTED" and notice.params["count"] == 21
    assert "TCVN3" in notice.message("vi") and "people_tcvn3.xlsx" in notice.message("en")


def test_duplicates_in_the_register_and_in_the_file(register) -> None:  # type: ignore[no-untyped-def]
    report = _preview(register, "people_duplicates.xlsx")
    assert _rows(report) == [
        (2, "duplicate", None, [("", "IMPORT_DUPLICATE_IN_REGISTER", "warning")]),
        (3, "update", None, []),
        (4, "error", None, [("D", "IMPORT_CCCD_OTHER_PERSON", "error")]),
        (5, "create", None, []),
        (6, "duplicate", None, [("", "IMPORT_DUPLICATE_IN_FILE", "warning")]),
        (7, "skip", "IMPORT_ROW_REPEATED", []),
        (8, "create", None, []),  # same name, another birth year: another person
        (9, "skip", "IMPORT_ROW_UNCHANGED", []),
        (10, "create", None, []),
        (11, "error", None, [("D", "IMPORT_CCCD_REPEATED", "error")]),
    ]
    minh = register.people.search("hoang van minh").rows[0]
    mai = register.people.search("luc thi mai").rows[0]
    nam = register.people.search("be van nam").rows[0]
    assert report.row(2).candidates == [{"person_id": minh.id, "full_name": "Hoàng Văn Minh", "gender": "male",
                                         "birth": "1980"}]
    assert report.row(3).target_id == mai.id
    assert report.row(3).changes == {"phone": ["", "0912000111"], "position": ["", "Chi hội trưởng"]}
    assert report.row(4).candidates[0]["person_id"] == nam.id
    assert report.row(4).problems[0].params == {"value": "004075009999", "name": "Bế Văn Nam"}
    assert report.row(6).candidates == [{"row": 5}]
    assert report.row(6).problems[0].params == {"first_row": 5, "name": "Đinh Thị Hòa"}
    assert report.row(7).skip_params == {"first_row": 3}
    assert report.row(9).target_id == nam.id
    assert report.row(11).problems[0].params == {"value": "004090002222", "first_row": 10}


def test_award_history_columns_in_a_people_file(office) -> None:  # type: ignore[no-untyped-def]
    report = _preview(office, "people_with_awards.xlsx")
    assert _rows(report) == [
        (5, "create", None, []), (6, "create", None, []), (7, "create", None, []),
        (8, "create", None, [("F", "IMPORT_AWARD_NOT_IN_CATALOG", "warning")]),
        (9, "create", None, []),
        (10, "error", None, [("G", "IMPORT_DECISION_BEFORE_YEAR", "error")]),
    ]
    assert {r.row: [(a["award_code"], a["year"], a["decision_number"], a["decision_date"]) for a in r.awards]
            for r in report.rows} == {
        5: [("LDTT", 2024, "125/QĐ-UBND", "2024-12-20")],
        6: [("GK_XA_CN", 2023, "88/QĐ-UBND", None)],
        7: [("CSTDCS", 2022, "15/QĐ-UBND", "2023-01-10")],
        8: [("OTHER", 2024, "", None)],
        9: [],
        10: [],
    }
    other = report.row(8).awards[0]
    assert (other["title"], other["award_kind"], other["issuer"]) == (
        "Giấy khen của Hội Liên hiệp Phụ nữ huyện", "commendation_form", "Hội LHPN huyện")
    result = _service(office).commit(report)
    assert (result.created, result.updated, result.awards_added) == (5, 0, 4)
    an = office.people.search("nguyen van an").rows[0]
    assert an.birth_date is not None and an.birth_date.isoformat() == "1982-04-15"
    [award] = office.records.awards_of(Subject(person_id=an.id))
    assert (award["award_code"], award["year"], award["decision_number"], award["decision_date"],
            award["issuer"], award["source"]) == ("LDTT", 2024, "125/QĐ-UBND", "2024-12-20", "UBND xã Quảng Uyên",
                                                  "import")
    # Run again: everyone and every award is already there.
    again = _preview(office, "people_with_awards.xlsx")
    assert [(r.row, r.action, r.skip_reason) for r in again.rows] == [
        (5, "skip", "IMPORT_ROW_UNCHANGED"), (6, "skip", "IMPORT_ROW_UNCHANGED"), (7, "skip", "IMPORT_ROW_UNCHANGED"),
        (8, "skip", "IMPORT_ROW_UNCHANGED"), (9, "skip", "IMPORT_ROW_UNCHANGED"), (10, "error", None)]


def test_collectives(register) -> None:  # type: ignore[no-untyped-def]
    report = _preview(register, "collectives.xlsx", "collectives")
    assert _rows(report) == [
        (2, "create", None, []),
        (3, "create", None, []),
        (4, "create", None, []),
        (5, "update", None, []),
        (6, "error", None, [("F", "NUMBER_OUT_OF_RANGE", "error")]),
        (7, "duplicate", None, [("", "IMPORT_DUPLICATE_IN_FILE", "warning")]),
        (8, "error", None, [("C", "IMPORT_COLLECTIVE_KIND_UNKNOWN", "error")]),
        (9, "skip", "IMPORT_ROW_SUMMARY", []),
    ]
    assert _values(report) == {
        2: {"name": "Trường Tiểu học Quảng Uyên", "kind": "school", "member_count": 25, "women_count": 18},
        3: {"name": "Chi hội Phụ nữ xóm Nà Vài", "kind": "mass_organisation", "member_count": 45, "women_count": 45,
            "village": "Xóm Nà Vài"},
        4: {"name": "Hợp tác xã Nông nghiệp Bó Pha", "kind": "cooperative", "member_count": 12, "women_count": 5,
            "address": "Xóm Bó Pha"},
        5: {"name": "Hội Cựu chiến binh xã", "kind": "mass_organisation", "member_count": 60, "women_count": 0},
        6: {"name": "Trạm Y tế xã", "kind": "health_station", "member_count": 6, "women_count": 10},
        7: {"name": "Trường Tiểu học Quảng Uyên", "kind": "school", "member_count": 25, "women_count": 18},
        8: {"name": "Đội văn nghệ xóm", "member_count": 15, "women_count": 9},
    }
    assert report.row(5).changes == {"member_count": [52, 60], "women_count": [None, 0]}
    result = _service(register).commit(report)
    assert (result.created, result.updated) == (3, 1)
    rows, total = register.collectives.search("")
    assert total == 4
    by_name = {c.name: c for c in rows}
    assert by_name["Hội Cựu chiến binh xã"].member_count == 60
    assert by_name["Chi hội Phụ nữ xóm Nà Vài"].village == "Xóm Nà Vài"
    assert by_name["Hợp tác xã Nông nghiệp Bó Pha"].kind == "cooperative"


def test_award_history_rows_name_people_by_name_and_birth_year_or_cccd(register) -> None:  # type: ignore[no-untyped-def]
    report = _preview(register, "awards_history.xlsx", "awards")
    assert _rows(report) == [
        (2, "create", None, []),
        (3, "skip", "IMPORT_AWARD_EXISTS", []),
        (4, "create", None, []),
        (5, "error", None, [("B", "IMPORT_PERSON_AMBIGUOUS", "error")]),
        (6, "create", None, []),
        (7, "error", None, [("B", "IMPORT_PERSON_NOT_FOUND", "error")]),
        (8, "create", None, []),
        (9, "duplicate", None, [("", "IMPORT_DUPLICATE_IN_FILE", "warning")]),
        (10, "error", None, [("F", "REQUIRED", "error")]),
        (11, "create", None, []),
    ]
    assert {r.row: [(a["award_code"], a["year"], a["decision_date"], a["issuing_level"]) for a in r.awards]
            for r in report.rows if r.action == "create"} == {
        2: [("LDTT", 2024, "2024-12-20", "commune")],
        4: [("GK_XA_CN", 2024, "2024-12-23", "commune")],  # "Giấy khen" + issuer "Chủ tịch UBND xã"; a serial date
        6: [("LDTT", 2024, None, "commune")],
        8: [("TTLDTT", 2024, "2024-12-25", "commune")],
        11: [("BK_TINH_CN", 2021, "2021-06-05", "province")],
    }
    assert len(report.row(5).candidates) == 2
    result = _service(register).commit(report)
    assert (result.created, result.awards_added) == (5, 5)
    minh = register.people.search("hoang van minh").rows[0]
    assert [(a["award_code"], a["year"]) for a in register.records.awards_of(Subject(person_id=minh.id))] == [
        ("BK_TINH_CN", 2021), ("LDTT", 2024)]
    cid = register.collectives.search("cuu chien binh")[0][0].id
    assert [a["award_code"] for a in register.records.awards_of(Subject(collective_id=cid))] == ["TTLDTT"]


# --- messages say what and where -------------------------------------------------------------------


def test_every_problem_names_file_sheet_row_and_column(office) -> None:  # type: ignore[no-untyped-def]
    report = _preview(office, "people_plain_headers.xlsx")
    for problem in report.problems:
        for lang in ("vi", "en"):
            text = problem.message(lang)
            assert "people_plain_headers.xlsx" in text and "Sheet1" in text and str(problem.row) in text
            assert f" {problem.column} («{problem.header}»):" in text
    assert report.row(11).problems[0].message("vi") == (
        "Tệp «people_plain_headers.xlsx», trang «Sheet1», dòng 11, cột A («So CCCD»): Số CCCD ở cột «So CCCD» được "
        "lưu dạng số (4085001234) nên mất số 0 ở đầu; đã khôi phục thành 004085001234 (đúng mã tỉnh, khớp năm sinh "
        "và giới tính). Hãy kiểm tra lại.")
    assert report.row(12).problems[0].message("en") == (
        "File «people_plain_headers.xlsx», sheet «Sheet1», row 12, column C («Ngay sinh»): Invalid date in "
        "«Ngay sinh»: «31/02/1990». Enter it as day/month/year, e.g. 05/03/2026, or just the year.")
    data = report.to_json("vi")
    assert data["counts"]["error"] == 4 and data["mapping"]["full_name"] == "B"
    assert data["rows"][-1]["skip_message"] == "Dòng tổng cộng, bỏ qua."


def test_import_messages_are_complete() -> None:
    from thidua_desktop.spreadsheets.import_messages import MESSAGES

    for code, (vi, en) in MESSAGES.items():
        assert vi and en and vi != en, code
    for code in ("IMPORT_NOT_XLSX", "IMPORT_PASSWORD_PROTECTED", "IMPORT_UNSAFE_FILE", "IMPORT_FILE_TOO_LARGE",
                 "IMPORT_OLD_XLS", "IMPORT_XML_UNSAFE", "IMPORT_FILE_UNREADABLE"):
        assert "{file}" in MESSAGES[code][0] and "{file}" in MESSAGES[code][1]


# --- nothing is written until commit, and then all in one transaction ----------------------------------


def test_preview_writes_nothing_and_commit_writes_accepted_rows(register) -> None:  # type: ignore[no-untyped-def]
    before = _count(register, Person)
    service = _service(register)
    report = service.preview(service.analyse(DATA / "people_duplicates.xlsx", "people"))
    assert _count(register, Person) == before
    result = service.commit(report)
    assert (result.created, result.updated, result.skipped) == (3, 1, 6)
    assert _count(register, Person) == before + 3
    mai = register.people.search("luc thi mai").rows[0]
    assert (mai.phone, mai.position) == ("0912000111", "Chi hội trưởng")
    assert sorted(p.birth_year for p in register.people.search("hoang van minh").rows) == [1962, 1980]
    with pytest.raises(StateError) as err:
        service.commit(report)
    assert err.value.code == "IMPORT_ALREADY_COMMITTED"


def test_duplicates_can_be_included_or_resolved_row_by_row(register) -> None:  # type: ignore[no-untyped-def]
    service = _service(register)
    minh = register.people.search("hoang van minh").rows[0]
    report = service.preview(service.analyse(DATA / "people_duplicates.xlsx", "people"))
    result = service.commit(report, resolutions={2: minh.id, 6: "create", 8: "skip"})
    assert (result.created, result.updated) == (3, 2)
    assert result.ids[2] == minh.id
    assert register.people.get(minh.id).position == "Trưởng xóm"
    assert len(register.people.search("dinh thi hoa").rows) == 2
    assert [p.birth_year for p in register.people.search("hoang van minh").rows] == [1980]

    # Run again: what was written comes back unchanged; row 8, skipped before, is still new.
    again = service.preview(service.analyse(DATA / "people_duplicates.xlsx", "people"))
    assert [(r.row, r.action) for r in again.rows] == [
        (2, "skip"), (3, "skip"), (4, "error"), (5, "skip"), (6, "skip"), (7, "skip"), (8, "create"), (9, "skip"),
        (10, "skip"), (11, "error")]
    assert service.commit(again, include_duplicates=True).created == 1


def test_bad_resolutions_are_refused(register) -> None:  # type: ignore[no-untyped-def]
    service = _service(register)
    report = service.preview(service.analyse(DATA / "people_duplicates.xlsx", "people"))
    for resolutions in ({4: "create"}, {99: "create"}, {7: "create"}):
        with pytest.raises(ValidationError) as err:
            service.commit(report, resolutions=resolutions)
        assert err.value.code == "IMPORT_RESOLUTION_INVALID"
    assert not report.committed


def test_a_failing_row_at_commit_writes_nothing(office) -> None:  # type: ignore[no-untyped-def]
    service = _service(office)
    report = service.preview(service.analyse(DATA / "people_merged_header.xlsx", "people"))
    # Between preview and commit someone registers Nông Văn Dền's CCCD for another person.
    office.people.create(PersonInput("Nông Thị Khác", "male", birth="1968", cccd="004068000123"))
    before = _count(office, Person)
    with pytest.raises(ValidationError) as err:
        service.commit(report)
    assert err.value.code == "IMPORT_COMMIT_FAILED" and err.value.field == "rows[13].cccd"
    assert (err.value.params["reason_code"], err.value.params["column"]) == ("CCCD_DUPLICATE", "G")
    assert render(err.value, "vi") == (
        "Không ghi được dòng 13 của tệp «people_merged_header.xlsx» (trang «Danh sách»): Số CCCD này đã có trong sổ "
        "theo dõi. Chưa có gì được ghi vào sổ; hãy phân tích lại tệp.")
    assert _count(office, Person) == before  # rows 9-11 were not kept either
    assert not report.committed


def test_mapping_chosen_by_hand(office) -> None:  # type: ignore[no-untyped-def]
    service = _service(office)
    plan = service.analyse(DATA / "people_nfd.xlsx", "people")
    assert plan.mapping == {"full_name": 1, "gender": 2, "birth": 3, "ethnicity": 4, "village": 5}
    report = service.preview(plan, {"full_name": 1, "gender": 2, "notes": 4})  # no birth, ethnicity as a note
    assert _values(report)[2] == {"full_name": "Nguyễn Thị Hương", "gender": "female", "notes": "Tày"}
    for mapping, code in (({"full_name": 1, "salary": 2}, "IMPORT_MAPPING_FIELD_UNKNOWN"),
                          ({"full_name": 1, "notes": 1}, "IMPORT_MAPPING_COLUMN_TWICE"),
                          ({"full_name": 9}, "IMPORT_MAPPING_COLUMN_INVALID"),
                          ({"gender": 2}, "IMPORT_REQUIRED_COLUMN_MISSING")):
        with pytest.raises(ValidationError) as err:
            service.preview(plan, mapping)
        assert err.value.code == code
    data = plan.to_json("en")
    assert data["columns"][0] == {"index": 1, "letter": "A", "label": "Họ và tên", "field": "full_name"}
    assert {"name": "birth_male", "label": "Year of birth (men)"} in data["fields"]


def test_best_sheet_is_chosen_and_header_rows_can_be_forced(office, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    wb = openpyxl.Workbook()
    wb.active.title = "Bìa"
    wb.active["A1"] = "BÁO CÁO THI ĐUA"
    data = wb.create_sheet("Dữ liệu")
    for row in (["Ghi chú: lập ngày 01/12/2025"], ["Tên", "Phái", "Sinh năm"], ["Lý Văn Cường", "Nam", 1977]):
        data.append(row)
    path = tmp_path / "hai trang.xlsx"
    wb.save(path)
    service = _service(office)
    plan = service.analyse(path, "people")
    assert (plan.sheet, plan.sheets, plan.header_found) == ("Dữ liệu", ["Bìa", "Dữ liệu"], True)
    assert plan.mapping == {"full_name": 1, "gender": 2, "birth": 3}
    cover = service.analyse(path, "people", sheet="Bìa")
    assert not cover.header_found and cover.missing_required == ["full_name"]
    assert cover.sample_rows(1) == [["BÁO CÁO THI ĐUA"]]
    forced = service.analyse(path, "people", sheet="Dữ liệu", header_rows=(2, 2))
    assert _values(service.preview(forced)) == {3: {"full_name": "Lý Văn Cường", "gender": "male", "birth": "1977"}}


def test_progress_can_cancel(office) -> None:  # type: ignore[no-untyped-def]
    service = _service(office)
    plan = service.analyse(DATA / "people_merged_header.xlsx", "people")
    seen: list[tuple[int, int]] = []
    service.preview(plan, progress=lambda done, total: seen.append((done, total)) is None)
    assert seen[0] == (0, 13) and len(seen) == 13
    with pytest.raises(StateError) as err:
        service.preview(plan, progress=lambda done, total: done < 3)
    assert err.value.code == "IMPORT_CANCELLED"


# --- files that are refused -------------------------------------------------------------------------


def _refusal(app: Any, path: Path) -> DomainError:
    with pytest.raises(DomainError) as err:
        _service(app).analyse(path, "people")
    assert "Traceback" not in render(err.value, "vi")
    return err.value


def _zip(path: Path, parts: dict[str, bytes]) -> Path:
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in parts.items():
            archive.writestr(name, data)
    return path


_MINIMAL = {"[Content_Types].xml": b"<Types/>", "xl/workbook.xml": b"<workbook/>"}


def test_password_protected_old_and_foreign_files_are_refused(office, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    cases = {
        DATA / "password_protected.xlsx": "IMPORT_PASSWORD_PROTECTED",
        DATA / "old_format.xls": "IMPORT_OLD_XLS",
        DATA / "not_excel.xlsx": "IMPORT_NOT_XLSX",
        _zip(tmp_path / "van ban.xlsx", {"[Content_Types].xml": b"<Types/>", "word/document.xml": b"<w/>"}):
            "IMPORT_NOT_XLSX",
        tmp_path / "khong co.xlsx": "IMPORT_FILE_NOT_FOUND",
    }
    (tmp_path / "rong.xlsx").write_bytes(b"")
    cases[tmp_path / "rong.xlsx"] = "IMPORT_FILE_EMPTY"
    for path, code in cases.items():
        error = _refusal(office, path)
        assert error.code == code, path
        assert path.name in render(error, "vi") and path.name in render(error, "en")
    assert "mật khẩu" in render(_refusal(office, DATA / "password_protected.xlsx"), "vi")


def test_huge_files_are_refused(office, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setattr(reading, "MAX_FILE_BYTES", 4000)
    error = _refusal(office, DATA / "people_merged_header.xlsx")
    assert (error.code, error.params["max_mb"]) == ("IMPORT_FILE_TOO_LARGE", 0)
    monkeypatch.setattr(reading, "MAX_FILE_BYTES", 10 * 1024 * 1024)
    monkeypatch.setattr(reading, "MAX_ROWS", 5)
    assert _refusal(office, DATA / "people_merged_header.xlsx").code == "IMPORT_TOO_MANY_ROWS"


def test_zip_bombs_are_refused_before_openpyxl(office, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:  # type: ignore[no-untyped-def]
    def boom(*_: object, **__: object) -> None:
        raise AssertionError("openpyxl must not open a bomb")

    monkeypatch.setattr(openpyxl, "load_workbook", boom)
    # One part inflating ~1000 times (8 MB of zeros in a few KB).
    ratio = _zip(tmp_path / "bom1.xlsx", {**_MINIMAL, "xl/worksheets/sheet1.xml": bytes(8 * 1024 * 1024)})
    assert ratio.stat().st_size < 64 * 1024
    assert _refusal(office, ratio).code == "IMPORT_UNSAFE_FILE"
    # Many modest parts adding up past the total limit.
    monkeypatch.setattr(reading, "MAX_UNCOMPRESSED_BYTES", 3 * 1024 * 1024)
    parts = {f"xl/media/image{i}.bin": bytes(1024 * 1024) for i in range(4)}
    assert _refusal(office, _zip(tmp_path / "bom2.xlsx", {**_MINIMAL, **parts})).code == "IMPORT_UNSAFE_FILE"


def test_a_zip_that_lies_about_its_sizes_is_refused_safely(office, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    buffer = io.BytesIO()
    workbook = openpyxl.Workbook()
    workbook.active["A1"] = "Họ và tên"
    workbook.save(buffer)
    raw = bytearray(buffer.getvalue())
    # Say every part is 10 bytes long, in the local headers and the central directory.
    for signature, offset in ((b"PK\x03\x04", 22), (b"PK\x01\x02", 24)):
        start = 0
        while (start := raw.find(signature, start)) >= 0:
            raw[start + offset:start + offset + 4] = (10).to_bytes(4, "little")
            start += 4
    path = tmp_path / "noi doi.xlsx"
    path.write_bytes(bytes(raw))
    assert _refusal(office, path).code in ("IMPORT_FILE_UNREADABLE", "IMPORT_NOT_XLSX")


_BOMB = (b'<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;">'
         b']><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData><row r="1">'
         b'<c r="A1" t="inlineStr"><is><t>&lol2;</t></is></c></row></sheetData></worksheet>')


def test_xml_bombs_are_refused(office, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    assert openpyxl.xml.DEFUSEDXML is True  # openpyxl parses through defusedxml
    buffer = io.BytesIO()
    openpyxl.Workbook().save(buffer)
    with zipfile.ZipFile(buffer) as src:
        parts = {i.filename: src.read(i) for i in src.infolist()}
    sheet = "xl/worksheets/sheet1.xml"
    error = _refusal(office, _zip(tmp_path / "xml1.xlsx", {**parts, sheet: _BOMB}))
    assert (error.code, error.params["part"]) == ("IMPORT_XML_UNSAFE", sheet)
    # The DTD hidden behind 70 KB of comment gets past our quick look: defusedxml still refuses it.
    hidden = _BOMB.replace(b"?>", b"?><!--" + b" " * 70_000 + b"-->", 1)
    assert _refusal(office, _zip(tmp_path / "xml2.xlsx", {**parts, sheet: hidden})).code == "IMPORT_XML_UNSAFE"


def test_unknown_kind(office) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(ValidationError) as err:
        _service(office).analyse(DATA / "people_nfd.xlsx", "staff")
    assert err.value.code == "IMPORT_KIND_UNKNOWN"


def test_collective_award_rows_go_to_the_collective(register) -> None:  # type: ignore[no-untyped-def]
    """A collective named in an award file must exist; its award counts once even if the file repeats it."""
    report = _preview(register, "awards_history.xlsx", "awards")
    assert report.row(8).data["subject"]["collective_id"] == register.collectives.search("cuu chien binh")[0][0].id
    _service(register).commit(report, include_duplicates=True)
    with register.db.reader() as session:
        rows = session.scalars(select(AwardHistory).where(AwardHistory.source == "import")).all()
        assert sorted((r.award_code, r.year) for r in rows) == [
            ("BK_TINH_CN", 2021), ("GK_XA_CN", 2024), ("LDTT", 2024), ("LDTT", 2024), ("TTLDTT", 2024)]
        assert session.scalar(select(func.count()).select_from(Collective)) == 1


def test_direct_workers_and_their_advanced_worker_title(office, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    """A tick column for direct workers; "Lao động tiên tiến" is the workers' variant for them."""
    wb = openpyxl.Workbook()
    for row in (["Họ và tên", "Giới tính", "Năm sinh", "Lao động trực tiếp", "Danh hiệu", "Năm"],
                ["Nông Văn Páo", "Nam", 1980, "x", "Lao động tiên tiến", 2024],
                ["Bế Thị Lìu", "Nữ", 1985, None, "LĐTT", 2024],
                ["Hoàng Văn Sú", "Nam", 1979, "có lẽ", None, None]):
        wb.active.append(row)
    path = tmp_path / "nguoi lao dong.xlsx"
    wb.save(path)
    service = _service(office)
    report = service.preview(service.analyse(path, "people"))
    assert _rows(report) == [(2, "create", None, []), (3, "create", None, []),
                             (4, "create", None, [("D", "IMPORT_FLAG_UNKNOWN", "warning")])]
    assert [(r.values.get("is_direct_worker"), [a["award_code"] for a in r.awards]) for r in report.rows] == [
        (True, ["LDTT_LD"]), (None, ["LDTT"]), (False, [])]
    service.commit(report)
    assert [p.is_direct_worker for p in office.people.search("nong van pao").rows] == [True]
