"""Mẫu 05 read back from real PDFs: the person's dossier fields and the initiative's scope print
instead of dotted blanks, the achievement sentence follows the stored rating and the kind of
nominee, and what is still unknown prints dotted and is listed before printing."""

from __future__ import annotations

import pytest

from thidua_desktop.messages import render
from thidua_desktop.services.people import PersonInput
from thidua_desktop.services.records import Subject

from .pdfcheck import check_state_layout, flat

GENERIC = "Hoàn thành tốt nhiệm vụ được giao năm 2026."  # what the demo used to write for everyone
DOTS = "……"
FIELDS = {"hometown": "xã Hòa An, tỉnh Cao Bằng", "qualification": "Đại học Luật", "political_theory": "Trung cấp",
          "academic_title": "Thạc sĩ", "duties": "Tiếp nhận hồ sơ một cửa\nVăn thư, lưu trữ của Ủy ban"}


@pytest.fixture
def office(commune, monkeypatch):  # type: ignore[no-untyped-def]
    monkeypatch.setenv("THIDUA_DOC_FONT", "bundled")
    commune.batch = commune.nominations.create_batch("Xét khen thưởng năm 2026", 2026, "annual")
    return commune


def _text(app, nomination_id: str, names: list[str]) -> str:  # type: ignore[no-untyped-def]
    pages = check_state_layout(app.printing.render("report", nomination_id).pdf, names=names)
    return flat(" ".join(p.text for p in pages))


def _nominate(app, code: str, summary: str = "", **subject: str) -> str:  # type: ignore[no-untyped-def]
    return app.nominations.create(batch_id=app.batch.id, award_code=code, achievement_summary=summary, **subject).id


def test_the_fields_print_and_an_excellent_year_gets_its_sentence(office) -> None:  # type: ignore[no-untyped-def]
    person = office.people.create(PersonInput("Nông Thị Hoa", "female", birth="1985", ethnicity="Tày",
                                              position="Chuyên viên Văn phòng HĐND - UBND xã",
                                              workplace="Văn phòng HĐND - UBND xã", **FIELDS))
    me = Subject(person_id=person.id)
    office.records.set_rating(me, 2026, "excellent", "Kết quả đánh giá, xếp loại năm 2026")
    initiative = office.records.add_initiative(title="Sổ tay song ngữ Tày - Việt", level="grassroots", year=2026,
                                               owner_ids=[person.id], decision_number="25/QĐ-HĐSK",
                                               decision_date="15/10/2026", effect="Người dân tự làm 80% thủ tục",
                                               scope="provincial")
    nomination = office.nominations.create(batch_id=office.batch.id, award_code="CSTDCS", person_id=person.id,
                                           achievement_summary=f"{GENERIC}\nVận động 35 hộ làm thủ tục trực tuyến.",
                                           initiative_ids=[initiative]).id
    text = _text(office, nomination, [person.full_name])
    for line in ("Quê quán: xã Hòa An, tỉnh Cao Bằng", "Trình độ chuyên môn, nghiệp vụ: Đại học Luật",
                 "Trình độ lý luận chính trị: Trung cấp", "Học hàm, học vị, danh hiệu, giải thưởng: Thạc sĩ",
                 "Chức vụ (Đảng, chính quyền, đoàn thể): Chuyên viên Văn phòng HĐND - UBND xã",
                 "1. Quyền hạn, nhiệm vụ được giao hoặc đảm nhận: Tiếp nhận hồ sơ một cửa Văn thư, lưu trữ của Ủy ban"):
        assert line in text, line
    # The stored rating decides the sentence; the officer's own paragraph follows it.
    assert ("2. Thành tích đạt được: Hoàn thành xuất sắc nhiệm vụ được giao năm 2026. "
            "Vận động 35 hộ làm thủ tục trực tuyến.") in text
    assert "Hoàn thành tốt nhiệm vụ" not in text
    assert ("hiệu quả: Người dân tự làm 80% thủ tục; phạm vi ảnh hưởng: toàn tỉnh") in text
    assert f"phạm vi ảnh hưởng: {DOTS}" not in text and f"Quê quán: {DOTS}" not in text
    assert office.printing.missing("report", nomination) == []

    # The rating changes: the sentence follows; with no rating the officer's words stand as typed.
    office.records.set_rating(me, 2026, "good", "Kết quả đánh giá lại năm 2026")
    assert "Thành tích đạt được: Hoàn thành tốt nhiệm vụ được giao năm 2026." in _text(
        office, nomination, [person.full_name])
    other = office.people.create(PersonInput("Lý Văn Toàn", "male", position="Y sĩ", **FIELDS))
    typed = _nominate(office, "LDTT", "Hoàn thành tốt nhiệm vụ năm 2026", person_id=other.id)
    assert "Thành tích đạt được: Hoàn thành tốt nhiệm vụ năm 2026" in _text(office, typed, [other.full_name])


def test_a_household_gets_the_household_sentence(office) -> None:  # type: ignore[no-untyped-def]
    head = office.people.create(PersonInput("Hoàng Văn Sơn", "male"))
    household = office.collectives.create("Hộ ông Hoàng Văn Sơn", "household", member_count=5,
                                          head_person_id=head.id)
    nomination = _nominate(office, "GD_VH", GENERIC, collective_id=household.id)
    text = _text(office, nomination, [head.full_name])
    assert ("Gia đình gương mẫu chấp hành chủ trương, chính sách của Đảng, pháp luật của Nhà nước; thực hiện nếp "
            "sống văn minh trong việc cưới, việc tang, lễ hội") in text
    assert "nhiệm vụ được giao" not in text and "Hoàn thành" not in text
    assert office.printing.missing("report", nomination) == []


def test_a_collective_gets_the_collective_sentence_by_its_rating(office) -> None:  # type: ignore[no-untyped-def]
    agency = office.collectives.create("Phòng Kinh tế", "agency", member_count=8, women_count=3)
    office.records.set_rating(Subject(collective_id=agency.id), 2026, "good", "Kết quả đánh giá năm 2026")
    nomination = _nominate(office, "TTLDTT", "", collective_id=agency.id)  # no summary: the sentence alone
    text = _text(office, nomination, ["Phòng Kinh tế"])
    assert ("1. Kết quả thực hiện nhiệm vụ được giao: Hoàn thành tốt nhiệm vụ và kế hoạch được giao năm 2026; có "
            "phong trào thi đua thường xuyên, thiết thực, hiệu quả; nội bộ đoàn kết") in text
    assert "Gia đình" not in text and "xuất sắc" not in text


def test_what_is_unknown_prints_dotted_and_is_listed(office) -> None:  # type: ignore[no-untyped-def]
    person = office.people.create(PersonInput("Đàm Thị Lụa", "female"))
    initiative = office.records.add_initiative(title="Bản đồ số các hộ nghèo", level="grassroots", year=2026,
                                               owner_ids=[person.id])
    nomination = office.nominations.create(batch_id=office.batch.id, award_code="CSTDCS", person_id=person.id,
                                           initiative_ids=[initiative]).id
    text = _text(office, nomination, [person.full_name])
    for label in ("Quê quán", "Trình độ chuyên môn, nghiệp vụ", "Trình độ lý luận chính trị",
                  "Học hàm, học vị, danh hiệu, giải thưởng", "Chức vụ (Đảng, chính quyền, đoàn thể)"):
        assert f"{label}: {DOTS}" in text, label
    assert f"hiệu quả: {DOTS}; phạm vi ảnh hưởng: {DOTS}" in text
    notices = office.printing.missing("report", nomination)
    assert [n.code for n in notices] == [
        "BLANK_PERSON_POSITION", "BLANK_PERSON_HOMETOWN", "BLANK_PERSON_QUALIFICATION",
        "BLANK_PERSON_POLITICAL_THEORY", "BLANK_PERSON_ACADEMIC_TITLE", "BLANK_PERSON_DUTIES", "BLANK_ACHIEVEMENTS",
        "BLANK_INITIATIVE_EFFECT", "BLANK_INITIATIVE_SCOPE"]
    assert all(person.full_name in render(n) for n in notices[:7])
    assert "Quê quán" not in render(notices[0]) and "quê quán" in render(notices[1])
    assert "«Bản đồ số các hộ nghèo»" in render(notices[-1]) and "phạm vi ảnh hưởng" in render(notices[-1])
    # The officer fills them in; a rating gives the achievement sentence: nothing is left.
    office.people.update(person.id, PersonInput("Đàm Thị Lụa", "female", position="Công chức", **FIELDS))
    office.records.set_rating(Subject(person_id=person.id), 2026, "good", "Kết quả đánh giá năm 2026")
    assert [n.code for n in office.printing.missing("report", nomination)] == [
        "BLANK_INITIATIVE_EFFECT", "BLANK_INITIATIVE_SCOPE"]
