"""The achievement report (báo cáo thành tích) of a nomination, read back from real PDFs."""

from __future__ import annotations

import unicodedata
from datetime import date

import pytest

from thidua_desktop.db.models import Collective, Nomination, Person
from thidua_desktop.domain.enums import in_dossier
from thidua_desktop.reports.achievement_report import layout_of
from thidua_desktop.reports.model import Wording
from thidua_desktop.reports.templates import layout_registry, load_template
from thidua_desktop.services.people import PersonInput
from thidua_desktop.services.print_context import PrintContext, load_settings
from thidua_desktop.services.printing import PrintService
from thidua_desktop.services.records import Subject

from .pdfcheck import check_state_layout

DOTS = "……"


@pytest.fixture
def office(commune, monkeypatch, load_demo):  # type: ignore[no-untyped-def]
    monkeypatch.setenv("THIDUA_DOC_FONT", "bundled")
    load_demo(commune, seed=2026, people=60, today=date(2026, 11, 25))
    return commune


def _batch(office):  # type: ignore[no-untyped-def]
    return office.nominations.batches()[0]


def _nomination(office, award_code: str):  # type: ignore[no-untyped-def]
    return next(n for n in office.nominations.list(batch_id=_batch(office).id) if n.award_code == award_code)


def _flat(text: str) -> str:
    """Page text with line breaks folded, so a table cell wrapped over two lines still matches."""
    return " ".join(text.split())


def test_individual_report_has_profile_history_ratings_and_signatures(office) -> None:  # type: ignore[no-untyped-def]
    nomination = next(n for n in office.nominations.list(batch_id=_batch(office).id) if n.award_code == "CSTDCS"
                      and office.people.get(n.person_id).workplace == "UBND xã")  # the vice-chairman
    person = office.people.get(nomination.person_id)
    awards = office.records.awards_of(Subject(person_id=person.id))
    ratings = office.records.ratings_of(Subject(person_id=person.id))
    initiatives = office.records.initiatives_of(Subject(person_id=person.id))
    assert awards and ratings and initiatives

    doc = office.printing.render("report", nomination.id)
    pages = check_state_layout(doc.pdf, names=[person.full_name])
    text = _flat("\n".join(p.text for p in pages))
    assert "BÁO CÁO THÀNH TÍCH" in pages[0].text
    assert "ĐỀ NGHỊ TẶNG DANH HIỆU “CHIẾN SĨ THI ĐUA CƠ SỞ”" in text
    assert "Số:" not in text  # a report carries no number
    # The demo's officials work at "UBND xã": the heading and the unit name the commune in full.
    assert "ỦY BAN NHÂN DÂN" in pages[0].text and "XÃ QUẢNG UYÊN" in pages[0].text
    assert "Đơn vị công tác: Ủy ban nhân dân xã Quảng Uyên" in text
    assert f"Họ và tên: {person.full_name}" in text
    assert f"Dân tộc: {person.ethnicity}" in text
    assert f"Giới tính: {'Nữ' if person.gender == 'female' else 'Nam'}" in text
    assert f"Quê quán: {person.hometown}" in text and person.hometown  # the demo fills what Mẫu 05 asks
    for heading in ("I. SƠ LƯỢC LÝ LỊCH", "II. THÀNH TÍCH ĐẠT ĐƯỢC", "III. CÁC HÌNH THỨC ĐÃ ĐƯỢC KHEN THƯỞNG",
                    "1. Danh hiệu thi đua:", "2. Hình thức khen thưởng:"):
        assert heading in text
    assert nomination.achievement_summary in text
    for initiative in initiatives:
        assert f"Sáng kiến “{initiative.title}”" in text
        assert f"hiệu quả: {initiative.effect}; phạm vi ảnh hưởng: tại cơ sở" in text
        assert f"Quyết định số {initiative.decision_number} ngày 15/10/2026" in text
    labels = {"excellent": "Hoàn thành xuất sắc nhiệm vụ", "good": "Hoàn thành tốt nhiệm vụ",
              "completed": "Hoàn thành nhiệm vụ"}
    for rating in ratings:
        assert f"{rating.year} {labels[rating.rating]} {rating.source_document}" in text
    for award in awards:
        day = date.fromisoformat(str(award["decision_date"])).strftime("%d/%m/%Y")
        assert f"Quyết định số {award['decision_number']} ngày {day}" in text
        assert f"{award['year']} {award['title']}" in text
    assert "Chủ tịch Ủy ban nhân dân xã Quảng Uyên" in text
    for signature in ("THỦ TRƯỞNG ĐƠN VỊ XÁC NHẬN, ĐỀ NGHỊ", "NGƯỜI BÁO CÁO THÀNH TÍCH", "(Ký, ghi rõ họ tên)",
                      "XÁC NHẬN CỦA CẤP TRÌNH KHEN THƯỞNG", "(Ký, đóng dấu)"):
        assert signature in text
    last = _flat(pages[-1].text)
    assert last.rstrip().endswith("(Ký, đóng dấu)")
    assert person.full_name in last  # the reporter's name under the signature

    check = office.printing.verify_qr(doc.qr_text)
    assert (check.status, check.kind, check.record_id) == ("match", "report", nomination.id)


def test_collective_report_uses_reference_layout_and_its_own_history(office) -> None:  # type: ignore[no-untyped-def]
    nomination = _nomination(office, "TTLDTT")
    collective = office.collectives.get(nomination.collective_id)
    office.records.add_award(Subject(collective_id=collective.id), award_code="TTLDTT", year=2025,
                             decision_number="77/QĐ-UBND", decision_date="18/12/2025")
    office.records.add_award(Subject(collective_id=collective.id), award_code="GK_XA_TT", year=2024,
                             decision_number="66/QĐ-UBND", decision_date="19/12/2024")
    doc = office.printing.render("report", nomination.id)
    pages = check_state_layout(doc.pdf, names=[collective.name])
    text = _flat("\n".join(p.text for p in pages))
    assert collective.name.upper() in pages[0].text  # the unit in the heading, under the commune
    assert "UBND XÃ QUẢNG UYÊN" in pages[0].text
    assert "ĐỀ NGHỊ TẶNG DANH HIỆU “TẬP THỂ LAO ĐỘNG TIÊN TIẾN”" in text
    assert "I. ĐẶC ĐIỂM, TÌNH HÌNH" in text
    assert f"Tên tập thể: {collective.name}" in text
    assert "Loại hình: Cơ quan" in text
    with office.db.reader() as session:
        c = session.get(Collective, collective.id)
        members, women = c.member_count, c.women_count
    assert f"Tổng số thành viên: {members} người (nữ: {women} người)" in text
    assert f"Người đứng đầu: {DOTS}" in text
    assert "2025 Tập thể lao động tiên tiến Quyết định số 77/QĐ-UBND ngày 18/12/2025" in text
    assert "Quyết định số 66/QĐ-UBND ngày 19/12/2024" in text
    assert "THỦ TRƯỞNG ĐƠN VỊ CẤP TRÊN TRỰC TIẾP XÁC NHẬN, ĐỀ NGHỊ" in text
    assert "XÁC NHẬN CỦA CẤP TRÌNH KHEN THƯỞNG" in text

    registry = layout_registry()
    assert registry["report"]["status"] == "official" and "Mẫu số 05" in registry["report"]["reference"]
    assert "chưa đối chiếu với Công báo" in registry["report"]["note"]
    wording = Wording(load_template("common"), load_template("report"), {})
    assert layout_of(wording, "collective")["status"] == "reference"
    assert layout_of(wording, "individual")["status"] == "official"


def test_long_history_reaches_later_pages_and_nfd_input_prints_nfc(office) -> None:  # type: ignore[no-untyped-def]
    name = "Nguyễn Thị Hoàng Phương Thảo Nguyệt Ánh"
    nfd = unicodedata.normalize("NFD", name)
    person = office.people.create(PersonInput(
        full_name=nfd, gender="female", birth="05/03/1978", ethnicity="Tày",
        position=unicodedata.normalize("NFD", "Chủ tịch Hội Liên hiệp Phụ nữ xã"),
        workplace="Hội Liên hiệp Phụ nữ xã Quảng Uyên"))
    subject = Subject(person_id=person.id)
    numbers = []
    for year in range(2012, 2026):
        office.records.set_rating(subject, year, "excellent", f"Quyết định xếp loại số {year - 2000}/QĐ-UBND")
        office.records.add_award(subject, award_code="LDTT", year=year, decision_number=f"{year - 2000:02d}/QĐ-UBND",
                                 decision_date=f"20/12/{year}")
        office.records.add_award(subject, award_code="GK_XA_CN", year=year, decision_number=f"{year - 1900}/QĐ-UBND",
                                 decision_date=f"22/12/{year}")
        numbers += [f"{year - 2000:02d}/QĐ-UBND", f"{year - 1900}/QĐ-UBND"]
    office.records.add_award(subject, award_code="OTHER", title="Bằng khen của Trung ương Hội LHPN Việt Nam",
                             award_kind="commendation_form", year=2020, decision_number="123/QĐ-ĐCT",
                             decision_date="08/03/2020", issuing_level="central",
                             issuer="Đoàn Chủ tịch Trung ương Hội LHPN Việt Nam")
    nomination = office.nominations.create(batch_id=_batch(office).id, award_code="GK_XA_CN", person_id=person.id,
                                           commendation_kind="thematic", achievement_summary="Vận động hội viên.")
    # A row synced from an older version may still hold decomposed text: the report normalises it.
    with office.db.transaction("tester") as session:
        session.get(Person, person.id).full_name = nfd
        session.get(Nomination, nomination.id).achievement_summary = unicodedata.normalize(
            "NFD", "Vận động 120 hội viên nuôi gà thả vườn ở xóm Nà Lẹng.")

    doc = office.printing.render("report", nomination.id)
    pages = check_state_layout(doc.pdf, names=[name])
    assert len(pages) >= 3
    raw = "\n".join(p.text for p in pages)
    assert nfd not in raw and name in raw
    text = _flat(raw)
    assert "Vận động 120 hội viên nuôi gà thả vườn ở xóm Nà Lẹng." in text
    assert "(Thành tích theo chuyên đề)" in text
    assert "GIẤY KHEN CỦA CHỦ TỊCH ỦY BAN NHÂN DÂN XÃ QUẢNG UYÊN" in text
    assert "HỘI LIÊN HIỆP PHỤ NỮ XÃ" in pages[0].text  # the person's own unit heads the report
    for number in [*numbers, "123/QĐ-ĐCT"]:
        assert f"Quyết định số {number}" in text, number
    assert "của Đoàn Chủ tịch Trung ương Hội LHPN Việt Nam" in text
    # The signatures never stand alone: the last rows of the forms table come with them.
    last = _flat(pages[-1].text)
    assert "NGƯỜI BÁO CÁO THÀNH TÍCH" in last and "Quyết định số 125/QĐ-UBND" in last
    assert name in last


def test_report_for_a_decided_nomination_keeps_its_qr(office) -> None:  # type: ignore[no-untyped-def]
    """The award a nomination wins is not "already received" in its own report: a paper copy
    printed before the decision still verifies after it."""
    voted = [n for n in office.nominations.list(batch_id=_batch(office).id)
             if n.award_code == "LDTT" and n.status == "council_voted"]
    nomination = voted[0]
    doc = office.printing.render("report", nomination.id)
    office.decisions.issue(number="99/QĐ-UBND", decided_on="26/11/2026",
                           award_code="LDTT", nomination_ids=[nomination.id])
    assert office.nominations.get(nomination.id).status == "decided"
    assert office.printing.verify_qr(doc.qr_text).status == "match"
    assert "99/QĐ-UBND" not in _flat("\n".join(p.text for p in check_state_layout(
        office.printing.render("report", nomination.id).pdf)))
    office.records.add_award(Subject(person_id=nomination.person_id), award_code="GK_XA_CN", year=2026,
                             decision_number="98/QĐ-UBND", decision_date="25/11/2026")
    assert office.printing.verify_qr(doc.qr_text).status == "changed"


def test_batch_targets_are_the_nominations_in_the_dossier(office) -> None:  # type: ignore[no-untyped-def]
    batch = _batch(office)
    spec = PrintService.spec("report")
    assert (spec.kind, spec.target) == ("report", "nomination")
    with office.db.reader() as session:
        ctx = PrintContext(session=session, office=office.office.office(), catalog=office.catalog,
                           settings=load_settings(session), today=date(2026, 11, 25))
        targets = spec.in_batch(ctx, batch.id)
    # Passed by the council and not yet decided: no achievement report for drafts or decided ones.
    expected = {n.id for n in office.nominations.list(batch_id=batch.id) if in_dossier(n.status)}
    assert expected and len(targets) == len(set(targets)) and set(targets) == expected
