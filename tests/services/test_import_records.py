"""Importing the records the rules read (task ratings, initiatives, disciplinary decisions) from
Excel lists made in tmp_path, each preview asserted row by row; then eligibility follows what was
imported, including an initiative that an imported award used and that can back nothing else."""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path
from typing import Any

import openpyxl
import pytest

from thidua_desktop.db.models import Person
from thidua_desktop.domain.errors import DomainError, ValidationError
from thidua_desktop.messages import render
from thidua_desktop.services.nomination_views import NomineeDraft
from thidua_desktop.services.people import PersonInput
from thidua_desktop.services.records import Subject

YEAR = 2025
TITLE = f"KẾT QUẢ ĐÁNH GIÁ, XẾP LOẠI CÁN BỘ, CÔNG CHỨC NĂM {YEAR}"


def _xlsx(path: Path, rows: list[list[Any]]) -> Path:
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "Danh sách"
    for row in rows:
        sheet.append(row)
    book.save(path)
    return path


def _preview(app: Any, path: Path, kind: str) -> Any:
    return app.excel_import.preview(app.excel_import.analyse(path, kind))


def _rows(report: Any) -> list[tuple[Any, ...]]:
    return [(r.row, r.action, r.skip_reason, [(p.column, p.code, p.severity) for p in r.problems])
            for r in report.rows]


@pytest.fixture
def office(commune):  # type: ignore[no-untyped-def]
    people = {
        "minh": PersonInput("Hoàng Văn Minh", "male", birth="1980", employment_start="01/03/2015",
                            position="Công chức Văn phòng - Thống kê"),
        "mai": PersonInput("Lục Thị Mai", "female", birth="1987", cccd="004187005678", employment_start="01/09/2012",
                           position="Công chức Tư pháp - Hộ tịch"),
        "hung70": PersonInput("Nguyễn Văn Hùng", "male", birth="1970"),
        "hung85": PersonInput("Nguyễn Văn Hùng", "male", birth="1985"),
    }
    commune.ids = {key: commune.people.create(data).id for key, data in people.items()}
    return commune


def _check(app: Any, award: str, person_id: str) -> tuple[str, dict[str, str]]:
    [preview] = app.nominations.preview(award_code=award, year=YEAR, nominees=[NomineeDraft(person_id)])
    return preview.decision.outcome.value, {r.criterion_id: r.code for r in preview.decision.reasons}


def _ratings_file(tmp_path: Path) -> Path:
    return _xlsx(tmp_path / "xep-loai.xlsx", [
        [TITLE], [],
        ["STT", "Họ và tên", "Năm sinh", "Số CCCD", "Chức vụ", "Xếp loại"],
        [1, "Hoàng Văn Minh", 1980, None, "Công chức", "Hoàn thành xuất sắc nhiệm vụ"],
        [2, "Luc Thi Mai", None, "004187005678", None, "httnv"],
        [3, "Nguyễn Văn Hùng", None, None, None, "HTNV"],
        [4, "Nguyễn Văn Hùng", 1970, None, None, "Khong hoan thanh nhiem vu"],
        [5, "Trần Văn Ba", 1990, None, None, "HTNV"],
        [6, "Lục Thị Mai", 1987, None, None, "Khá"],
        [7, "Hoàng Văn Minh", 1980, None, None, "HTXSNV"],
        [],
        [None, "Người lập biểu"],
    ])


def test_ratings_report_every_row_and_write_in_one_go(office, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    path = _ratings_file(tmp_path)
    report = _preview(office, path, "ratings")
    assert report.mapping == {"seq": 1, "full_name": 2, "birth": 3, "cccd": 4, "rating": 6}
    assert _rows(report) == [
        (4, "create", None, []),
        (5, "create", None, []),  # found by CCCD, the name typed without marks
        (6, "error", None, [("B", "IMPORT_PERSON_AMBIGUOUS", "error")]),
        (7, "create", None, []),  # the birth year tells the two apart
        (8, "error", None, [("B", "IMPORT_PERSON_NOT_FOUND", "error")]),
        (9, "error", None, [("F", "IMPORT_RATING_UNKNOWN", "error")]),
        (10, "skip", "IMPORT_RECORD_REPEATED", []),
        (12, "skip", "IMPORT_ROW_FOOTER", []),
    ]
    assert report.row(4).values == {"full_name": "Hoàng Văn Minh", "birth": "1980", "year": YEAR, "rating": "HTXSNV"}
    assert report.row(5).values == {"full_name": "Lục Thị Mai", "cccd": "004187005678", "year": YEAR,
                                    "rating": "HTTNV"}
    assert report.row(7).values["rating"] == "KHTNV"
    assert report.row(10).skip_params == {"first_row": 4}
    assert report.row(6).errors[0].message().startswith(
        "Tệp «xep-loai.xlsx», trang «Danh sách», dòng 6, cột B («Họ và tên»): Có 2 người tên «Nguyễn Văn Hùng»")
    assert "HTXSNV, HTTNV, HTNV hoặc KHTNV" in report.row(9).errors[0].message()
    result = office.excel_import.commit(report)
    assert (result.created, result.updated, result.skipped) == (3, 0, 5)
    ratings = {pid: [(r.year, r.rating) for r in office.records.ratings_of(Subject(person_id=pid))]
               for pid in office.ids.values()}
    assert ratings == {office.ids["minh"]: [(YEAR, "excellent")], office.ids["mai"]: [(YEAR, "good")],
                       office.ids["hung70"]: [(YEAR, "not_completed")], office.ids["hung85"]: []}
    # The same file again changes nothing.
    again = _preview(office, path, "ratings")
    assert [(r.row, r.action, r.skip_reason) for r in again.rows if r.action != "error"] == [
        (4, "skip", "IMPORT_ROW_UNCHANGED"), (5, "skip", "IMPORT_ROW_UNCHANGED"), (7, "skip", "IMPORT_ROW_UNCHANGED"),
        (10, "skip", "IMPORT_RECORD_REPEATED"), (12, "skip", "IMPORT_ROW_FOOTER")]


def test_a_new_rating_updates_the_year_and_a_contradiction_is_an_error(office, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    office.records.set_rating(Subject(person_id=office.ids["minh"]), YEAR, "good", "QĐ 5/2025")
    path = _xlsx(tmp_path / "xl.xlsx", [
        ["TT", "Ho va ten", "Nam sinh", "Nam", "Muc do hoan thanh nhiem vu", "Can cu"],
        [1, "Hoang Van Minh", 1980, YEAR, "H.T.X.S.N.V", None],
        [2, "Lục Thị Mai", 1987, YEAR, "Hoàn thành tốt nhiệm vụ", "QĐ 7/2025"],
        [3, "Lục Thị Mai", 1987, YEAR, "HTNV", None],
        [4, "Lục Thị Mai", 1987, "hai nghìn", "HTNV", None],
    ])
    report = _preview(office, path, "ratings")
    assert report.mapping == {"seq": 1, "full_name": 2, "birth": 3, "rating_year": 4, "rating": 5,
                              "source_document": 6}
    assert _rows(report) == [
        (2, "update", None, []),
        (3, "create", None, []),
        (4, "error", None, [("E", "IMPORT_RATING_CONFLICT", "error")]),
        (5, "error", None, [("D", "NUMBER_INVALID", "error")]),
    ]
    assert report.row(2).changes == {"rating": ["HTTNV", "HTXSNV"]}  # the stored source document stays
    assert report.row(4).problems[0].params == {"first_row": 3, "year": YEAR, "other": "HTTNV"}
    office.excel_import.commit(report)
    [minh] = office.records.ratings_of(Subject(person_id=office.ids["minh"]))
    assert (minh.rating, minh.source_document) == ("excellent", "QĐ 5/2025")
    [mai] = office.records.ratings_of(Subject(person_id=office.ids["mai"]))
    assert (mai.rating, mai.source_document) == ("good", "QĐ 7/2025")


def test_a_ratings_list_without_any_year_is_refused_once(office, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    path = _xlsx(tmp_path / "khong-nam.xlsx", [["Họ và tên", "Xếp loại"], ["Hoàng Văn Minh", "HTNV"],
                                                ["Lục Thị Mai", "HTNV"]])
    with pytest.raises(ValidationError) as caught:
        _preview(office, path, "ratings")
    assert caught.value.code == "IMPORT_RATING_YEAR_MISSING"
    assert render(caught.value).startswith("Tệp «khong-nam.xlsx», trang «Danh sách»: không có cột năm đánh giá")


def _initiatives_file(tmp_path: Path) -> Path:
    return _xlsx(tmp_path / "sang-kien.xlsx", [
        [f"DANH SÁCH SÁNG KIẾN ĐƯỢC CÔNG NHẬN NĂM {YEAR}"],
        ["TT", "Tên sáng kiến", "Tác giả", "Cấp công nhận", "Cơ quan công nhận", "Số, ngày quyết định",
         "Phạm vi ảnh hưởng", "Hiệu quả"],
        [1, "Số hóa hồ sơ một cửa", "Lục Thị Mai", "Cơ sở", "Hội đồng sáng kiến xã", "15/QĐ-UBND ngày 10/11/2025",
         "Cơ sở", "Giảm một nửa thời gian trả kết quả"],
        [2, "Sổ tay thi đua điện tử", "Ông Hoàng Văn Minh (1980); Nguyễn Văn Hùng (1985)", None, "UBND tỉnh Cao Bằng",
         "120/QĐ-UBND ngày 01/12/2025", "tỉnh", None],
        [3, "Sáng kiến không rõ tác giả", "Trần Văn Ba", "cơ sở", None, "1/QĐ-UBND ngày 01/12/2025", None, None],
        [4, "Sáng kiến của ai", "Nguyễn Văn Hùng", "cấp xã", None, "2/QĐ-UBND ngày 01/12/2025", None, None],
        [5, "Sáng kiến không rõ cấp", "Lục Thị Mai", "cấp cao", None, "3/QĐ-UBND ngày 01/12/2025", "cả huyện", None],
        [6, "So hoa ho so mot cua", "Lục Thị Mai", "co so", None, "15/QĐ-UBND ngày 10/11/2025", None, None],
    ])


def test_initiatives_report_every_row_and_write_their_authors(office, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    report = _preview(office, _initiatives_file(tmp_path), "initiatives")
    assert report.mapping == {"seq": 1, "title": 2, "authors": 3, "level": 4, "recognised_by": 5,
                              "decision_number": 6, "scope": 7, "effect": 8}
    assert _rows(report) == [
        (3, "create", None, []),
        (4, "create", None, [("E", "IMPORT_INITIATIVE_LEVEL_INFERRED", "warning")]),
        (5, "error", None, [("C", "IMPORT_PERSON_NOT_FOUND", "error")]),
        (6, "error", None, [("C", "IMPORT_PERSON_AMBIGUOUS", "error")]),
        (7, "error", None, [("D", "IMPORT_INITIATIVE_LEVEL_UNKNOWN", "error")]),
        (8, "duplicate", None, [("", "IMPORT_DUPLICATE_IN_FILE", "warning")]),
    ]
    assert report.row(3).values == {
        "title": "Số hóa hồ sơ một cửa", "authors": "Lục Thị Mai", "level": "grassroots", "year": YEAR,
        "recognised_by": "Hội đồng sáng kiến xã", "decision_number": "15/QĐ-UBND", "decision_date": "2025-11-10",
        "scope": "grassroots", "effect": "Giảm một nửa thời gian trả kết quả"}
    assert report.row(4).values["authors"] == "Hoàng Văn Minh, Nguyễn Văn Hùng"  # the year in brackets told
    assert report.row(4).values["level"] == "provincial"
    assert "lấy cấp tỉnh theo cơ quan công nhận «UBND tỉnh Cao Bằng»" in report.row(4).problems[0].message()
    result = office.excel_import.commit(report)
    assert (result.created, result.skipped) == (2, 4)
    [mai] = office.records.initiatives_of(Subject(person_id=office.ids["mai"]))
    assert (mai.title, mai.level, mai.year, mai.decision_number, mai.decision_date, mai.scope, mai.recognised_by,
            mai.used) == ("Số hóa hồ sơ một cửa", "grassroots", YEAR, "15/QĐ-UBND", date(2025, 11, 10), "grassroots",
                          "Hội đồng sáng kiến xã", False)
    for key in ("minh", "hung85"):
        [shared] = office.records.initiatives_of(Subject(person_id=office.ids[key]))
        assert (shared.title, shared.level, shared.recognised_by) == (
            "Sổ tay thi đua điện tử", "provincial", "UBND tỉnh Cao Bằng")
    again = _preview(office, _initiatives_file(tmp_path), "initiatives")
    assert [(r.row, r.action, r.skip_reason) for r in again.rows][:2] == [
        (3, "skip", "IMPORT_ROW_UNCHANGED"), (4, "skip", "IMPORT_ROW_UNCHANGED")]


def test_discipline_report_every_row(office, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    path = _xlsx(tmp_path / "ky-luat.xlsx", [
        ["STT", "Họ và tên", "Năm sinh", "Hình thức kỷ luật", "Số quyết định", "Ngày quyết định", "Thời hạn",
         "Lý do"],
        [1, "Hoàng Văn Minh", 1980, "Khiển trách", "30/QĐ-UBND", datetime(2025, 6, 15), "12 tháng", "Vi phạm giờ giấc"],
        [2, "Lục Thị Mai", 1987, "Phê bình", "31/QĐ-UBND", "15/06/2025", None, None],
        [3, "Lục Thị Mai", 1987, "Cảnh cáo", "32/QĐ-UBND", None, None, None],
        [4, "Nguyễn Văn Hùng", 1970, "canh cao", "33/QĐ-UBND", "01/07/2025", "01/01/2025", None],
        [5, "Nguyễn Văn Hùng", 1970, "Cảnh cáo", "34/QĐ-UBND", "2025", None, None],
        [6, "Hoang Van Minh", 1980, "khien trach", "30/QĐ-UBND", "15/06/2025", None, None],
    ])
    report = _preview(office, path, "discipline")
    assert report.mapping == {"seq": 1, "full_name": 2, "birth": 3, "form": 4, "decision_number": 5,
                              "decision_date": 6, "period_end": 7, "notes": 8}
    assert _rows(report) == [
        (2, "create", None, []),
        (3, "error", None, [("D", "IMPORT_DISCIPLINE_FORM_UNKNOWN", "error")]),
        (4, "error", None, [("F", "REQUIRED", "error")]),
        (5, "error", None, [("G", "DATE_ORDER", "error")]),
        (6, "error", None, [("F", "IMPORT_DATE_YEAR_ONLY", "error")]),
        (7, "skip", "IMPORT_RECORD_REPEATED", []),
    ]
    assert report.row(2).values == {"full_name": "Hoàng Văn Minh", "birth": "1980", "form": "reprimand",
                                    "decision_number": "30/QĐ-UBND", "decision_date": "2025-06-15",
                                    "period_end": "2026-06-15", "notes": "Vi phạm giờ giấc"}
    office.excel_import.commit(report)
    [record] = office.records.disciplines_of(Subject(person_id=office.ids["minh"]))
    assert (record.level, record.decided_on, record.period_end, record.decision_number) == (
        "reprimand", date(2025, 6, 15), date(2026, 6, 15), "30/QĐ-UBND")


def test_eligibility_follows_the_imported_ratings_and_discipline(office, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    minh = office.ids["minh"]
    outcome, codes = _check(office, "LDTT", minh)
    assert codes["good_rating"] == "RATING_MISSING" and outcome == "incomplete"
    office.excel_import.commit(_preview(office, _ratings_file(tmp_path), "ratings"))
    outcome, codes = _check(office, "LDTT", minh)
    assert codes["good_rating"] == "RATING_OK" and codes["months_worked"] == "MONTHS_WORKED_OK"
    assert codes["no_discipline"] == "DISCIPLINE_NONE"
    assert _check(office, "LDTT", office.ids["hung70"])[1]["good_rating"] == "RATING_TOO_LOW"  # KHTNV imported
    discipline = _xlsx(tmp_path / "kl.xlsx", [["Họ và tên", "Năm sinh", "Hình thức", "Ngày quyết định", "Thời hạn"],
                                              ["Hoàng Văn Minh", 1980, "Khiển trách", "15/06/2025", "12 tháng"]])
    office.excel_import.commit(_preview(office, discipline, "discipline"))
    outcome, codes = _check(office, "LDTT", minh)
    assert (outcome, codes["no_discipline"]) == ("not_eligible", "DISCIPLINE_IN_PERIOD")


def _awards_file(tmp_path: Path, name: str, rows: list[list[Any]]) -> Path:
    return _xlsx(tmp_path / name, [["Họ và tên", "Năm sinh", "Danh hiệu, hình thức khen thưởng", "Năm",
                                    "Số quyết định", "Sáng kiến"], *rows])


def test_an_initiative_used_by_an_imported_award_backs_nothing_else(office, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    mai = office.ids["mai"]
    office.records.set_rating(Subject(person_id=mai), YEAR, "good")
    initiatives = _xlsx(tmp_path / "sk.xlsx", [
        ["Tên sáng kiến", "Tác giả", "Cấp công nhận", "Năm công nhận"],
        ["Số hóa hồ sơ một cửa", "Lục Thị Mai (004187005678)", "cơ sở", YEAR]])
    office.excel_import.commit(_preview(office, initiatives, "initiatives"))
    [initiative] = office.records.initiatives_of(Subject(person_id=mai))
    assert _check(office, "CSTDCS", mai)[1]["excellence_or_initiative"] == "ONE_OF_OK"

    awards = _awards_file(tmp_path, "kt.xlsx", [
        ["Lục Thị Mai", 1987, "Giấy khen của Chủ tịch UBND xã", YEAR, "40/QĐ-UBND", "so hoa ho so mot cua"],
        ["Hoàng Văn Minh", 1980, "Giấy khen của Chủ tịch UBND xã", YEAR, "40/QĐ-UBND", "Sáng kiến không có"]])
    report = _preview(office, awards, "awards")
    assert report.mapping["initiative"] == 6
    assert _rows(report) == [(2, "create", None, []),
                             (3, "error", None, [("F", "IMPORT_INITIATIVE_NOT_FOUND", "error")])]
    assert report.row(2).values["initiative"] == "Số hóa hồ sơ một cửa"
    office.excel_import.commit(report)
    [used] = office.records.initiatives_of(Subject(person_id=mai))
    assert used.used
    [award] = office.records.awards_of(Subject(person_id=mai))
    assert (award["award_code"], award["initiative_id"], award["initiative"]) == (
        "GK_XA_CN", initiative.id, "Số hóa hồ sơ một cửa")

    # The rules no longer count it, and a nomination cannot use it.
    [preview] = office.nominations.preview(award_code="CSTDCS", year=YEAR, nominees=[NomineeDraft(mai)])
    [reason] = [r for r in preview.decision.reasons if r.criterion_id == "excellence_or_initiative"]
    assert reason.code == "ONE_OF_NONE"
    assert {c.criterion_id: c.code for c in reason.children}["grassroots_initiative"] == "INITIATIVE_ALREADY_USED"
    batch = office.nominations.create_batch("Đợt tổng kết năm 2025", YEAR)
    with pytest.raises(DomainError) as caught:
        office.nominations.create(batch_id=batch.id, award_code="CSTDCS", person_id=mai,
                                  initiative_ids=[initiative.id])
    assert caught.value.code == "INITIATIVE_ALREADY_USED"
    assert office.nominations.list(batch_id=batch.id) == []

    # Nor can another imported award, in a later file or twice in one file.
    later = _awards_file(tmp_path, "kt2.xlsx", [
        ["Lục Thị Mai", 1987, "Bằng khen của Chủ tịch UBND tỉnh", YEAR, "9/QĐ-UBND", "Số hóa hồ sơ một cửa"]])
    assert _rows(_preview(office, later, "awards")) == [(2, "error", None, [("F", "INITIATIVE_ALREADY_USED", "error")])]
    # Removing the award frees the initiative again.
    office.records.remove_award(str(award["id"]))
    assert _check(office, "CSTDCS", mai)[1]["excellence_or_initiative"] == "ONE_OF_OK"
    twice = _awards_file(tmp_path, "kt3.xlsx", [
        ["Lục Thị Mai", 1987, "Giấy khen của Chủ tịch UBND xã", YEAR, "41/QĐ-UBND", "Số hóa hồ sơ một cửa"],
        ["Lục Thị Mai", 1987, "Bằng khen của Chủ tịch UBND tỉnh", YEAR, "9/QĐ-UBND", "Số hóa hồ sơ một cửa"]])
    assert _rows(_preview(office, twice, "awards")) == [
        (2, "create", None, []), (3, "error", None, [("F", "IMPORT_INITIATIVE_TWICE", "error")])]


def test_the_award_form_records_the_initiative_of_the_person_only(office) -> None:  # type: ignore[no-untyped-def]
    minh, mai = office.ids["minh"], office.ids["mai"]
    own = office.records.add_initiative(title="Sổ tay thi đua", level="grassroots", year=YEAR, owner_ids=[minh],
                                        recognised_by="Hội đồng sáng kiến xã")
    with pytest.raises(DomainError) as caught:
        office.records.add_award(Subject(person_id=mai), award_code="LDTT", year=YEAR, initiative_id=own)
    assert caught.value.code == "INITIATIVE_NOT_OWN" and office.records.awards_of(Subject(person_id=mai)) == []
    award = office.records.add_award(Subject(person_id=minh), award_code="LDTT", year=YEAR, initiative_id=own)
    with pytest.raises(DomainError) as again:
        office.records.add_award(Subject(person_id=minh), award_code="GK_XA_CN", year=YEAR, initiative_id=own)
    assert again.value.code == "INITIATIVE_ALREADY_USED"
    assert [(a["id"], a["initiative_id"]) for a in office.records.awards_of(Subject(person_id=minh))] == [(award, own)]


def test_people_import_takes_the_employment_start_and_the_mau_05_fields(office, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    path = _xlsx(tmp_path / "can-bo.xlsx", [
        ["STT", "Họ và tên", "Ngày sinh", "Giới tính", "Ngày bắt đầu công tác", "Quê quán", "Trình độ chuyên môn",
         "Lý luận chính trị", "Học hàm, học vị", "Nhiệm vụ được giao"],
        [1, "Bế Thị Dung", "12/05/1990", "Nữ", datetime(2016, 8, 1), "Xã Phúc Sen, Cao Bằng", "Đại học Luật",
         "Trung cấp", "Cử nhân", "Tư pháp - hộ tịch"],
        [2, "Đàm Văn Quý", "1988", "Nam", "2014", None, None, None, None, None],
    ])
    report = _preview(office, path, "people")
    assert _rows(report) == [(2, "create", None, []), (3, "error", None, [("E", "IMPORT_DATE_YEAR_ONLY", "error")])]
    assert report.row(2).values["employment_start"] == "2016-08-01"
    result = office.excel_import.commit(report)
    person = office.people.get(result.ids[2])
    assert (person.employment_start, person.hometown, person.qualification, person.political_theory,
            person.academic_title, person.duties) == (date(2016, 8, 1), "Xã Phúc Sen, Cao Bằng", "Đại học Luật",
                                                      "Trung cấp", "Cử nhân", "Tư pháp - hộ tịch")


def test_a_row_that_fails_at_commit_writes_nothing_and_names_its_row(office, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    report = _preview(office, _ratings_file(tmp_path), "ratings")
    with office.db.transaction("test") as session:  # removed by another officer after the preview
        session.get(Person, office.ids["hung70"]).deleted = True
    with pytest.raises(DomainError) as caught:
        office.excel_import.commit(report)
    assert caught.value.code == "IMPORT_COMMIT_FAILED" and caught.value.params["row"] == 7
    assert office.records.ratings_of(Subject(person_id=office.ids["minh"])) == []
