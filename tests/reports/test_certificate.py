"""Certificates (giấy khen), full and on pre-printed blanks, read back from real PDFs.

Certificates are checked with ``numbered=False``: each page is a separate certificate handed to
one recipient, so no page carries a page number (Decree 30's numbering is for multi-page
documents); everything else (A4, embedded fonts, ≥ 30 mm left margin, NFC) holds as for any
document."""

from __future__ import annotations

from datetime import date

import pytest

from thidua_desktop.domain.errors import NotFoundError, ValidationError
from thidua_desktop.reports.certificate import Calibration, FieldOffset
from thidua_desktop.services.certificate_layout import CertificateLayoutService

from .pdfcheck import MM, PageText, check_state_layout, page_number_on
from .test_decision_document import flat, vote_and_decide


@pytest.fixture
def office(commune, monkeypatch, load_demo):  # type: ignore[no-untyped-def]
    monkeypatch.setenv("THIDUA_DOC_FONT", "bundled")
    load_demo(commune, seed=2026, people=60, today=date(2026, 11, 25))
    return commune


def layout(app) -> CertificateLayoutService:  # type: ignore[no-untyped-def]
    return CertificateLayoutService(app.db, app.actor, app.current_catalog,
                                    override_dir=app.paths.data_dir / "documents")


def position(page: PageText, needle: str) -> tuple[float, float]:
    """Where the run holding ``needle`` starts, in mm from the sheet's left and top edges."""
    x, y = next((x, y) for x, y, t in page.runs if needle in t)
    return x / MM, (page.height - y) / MM


def test_giay_khen_full_one_page_per_recipient(office) -> None:  # type: ignore[no-untyped-def]
    view = vote_and_decide(office, "GK_XA_CN", "47/QĐ-UBND", signer_title="PHÓ CHỦ TỊCH")
    vice = view.signer_name  # the vice-chairman in office on the decision date
    names = [r.nominee_name for r in view.recipients]
    assert len(names) >= 2
    doc = office.printing.render("certificate", view.id)
    pages = check_state_layout(doc.pdf, names=names, numbered=False)
    assert len(pages) == len(names)
    for page in pages:
        assert page.width > page.height  # A4 landscape
        assert page_number_on(page) is None
        text = flat(page.text)
        assert "GIẤY KHEN" in text and "Tặng" in text
        assert "CHỦ TỊCH ỦY BAN NHÂN DÂN XÃ QUẢNG UYÊN" in text
        assert "Quảng Uyên, ngày 25 tháng 11 năm 2026" in text  # the decision's date
        assert "Số quyết định: 47/QĐ-UBND" in text and "Sổ vàng số:" in text
        assert "KT. CHỦ TỊCH PHÓ CHỦ TỊCH" in text and vice in text
        assert "Đã có thành tích hoàn thành tốt nhiệm vụ được giao năm 2026" in text
        assert "Nơi nhận" not in text
        assert sum(name in text for name in names) == 1  # one recipient per page
    for recipient in view.recipients:
        page = next(p for p in pages if recipient.nominee_name in p.text)
        person = office.people.get(office.nominations.get(recipient.nomination_id).person_id)
        honorific = "Bà" if person.gender == "female" else "Ông"
        assert any(t.strip() == f"{honorific} {recipient.nominee_name}" for _x, _y, t in page.runs)


def test_title_decision_prints_a_certificate_of_the_title(office) -> None:  # type: ignore[no-untyped-def]
    """No Giấy khen for an emulation title: the ministry prescribes none for LĐTT, so the reference
    layout says "GIẤY CHỨNG NHẬN" and names the title."""
    decision = office.decisions.page()[0][0]
    pages = check_state_layout(office.printing.render("certificate", decision.id).pdf,
                               names=[r.nominee_name for r in decision.recipients], numbered=False)
    assert len(pages) == len(decision.recipients)
    text = flat(pages[0].text)
    assert "GIẤY CHỨNG NHẬN" in text and "GIẤY KHEN" not in text
    assert "Đã đạt danh hiệu “Lao động tiên tiến” năm 2026" in text


def test_single_recipient_target(office) -> None:  # type: ignore[no-untyped-def]
    decision = office.decisions.page()[0][0]
    chosen = decision.recipients[3]
    doc = office.printing.render("certificate", f"{decision.id}:{chosen.nomination_id}")
    pages = check_state_layout(doc.pdf, names=[chosen.nominee_name], numbered=False)
    assert len(pages) == 1
    assert all(r.nominee_name not in pages[0].text for r in decision.recipients if r is not chosen)
    with pytest.raises(NotFoundError):
        office.printing.render("certificate", f"{decision.id}:nobody")


def test_blank_mode_draws_only_the_fields_and_follows_the_calibration(office) -> None:  # type: ignore[no-untyped-def]
    view = vote_and_decide(office, "GK_XA_CN", "47/QĐ-UBND")
    target = f"{view.id}:{view.recipients[0].nomination_id}"
    name = view.recipients[0].nominee_name
    service = layout(office)
    boxes = {box.name: box for box in service.fields()}
    assert set(boxes) == {"name", "unit", "achievement", "date", "decision_number", "signer_name"}

    before = check_state_layout(office.printing.render("certificate", target, options={"mode": "blank"}).pdf,
                                names=[name], heading=False, numbered=False)[0]
    text = flat(before.text)
    assert "GIẤY KHEN" not in text and "CỘNG HÒA" not in text and "Tặng" not in text and "CHỦ TỊCH" not in text
    assert "47/QĐ-UBND" in text and "Số quyết định" not in text  # the blank prints the label itself
    assert "Quảng Uyên, ngày 25 tháng 11 năm 2026" in text and view.signer_name in text  # the chairman in office
    # Default positions are the data in certificate.json (baseline inside the field's box).
    x0, y0 = position(before, name)
    assert boxes["name"].x < x0 < boxes["name"].x + boxes["name"].width
    assert boxes["name"].y < y0 < boxes["name"].y + boxes["name"].height
    dx0, dy0 = position(before, "47/QĐ-UBND")
    assert abs(dx0 - boxes["decision_number"].x) < 0.5

    saved = service.save_calibration(Calibration(dx=4, dy=-2, fields={"name": FieldOffset(3, 5)}))
    assert saved.offset("name") == (7, 3) and saved.offset("date") == (4, -2)
    after = check_state_layout(office.printing.render("certificate", target, options={"mode": "blank"}).pdf,
                               names=[name], heading=False, numbered=False)[0]
    x1, y1 = position(after, name)
    assert x1 - x0 == pytest.approx(7, abs=0.05) and y1 - y0 == pytest.approx(3, abs=0.05)
    dx1, dy1 = position(after, "47/QĐ-UBND")
    assert dx1 - dx0 == pytest.approx(4, abs=0.05) and dy1 - dy0 == pytest.approx(-2, abs=0.05)
    # The full certificate on plain paper ignores the blank's calibration.
    full = check_state_layout(office.printing.render("certificate", target).pdf, names=[name], numbered=False)[0]
    assert position(full, name) == pytest.approx((x0, y0), abs=0.05)


def test_calibration_survives_reopening_the_app(app_factory, data_dir, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setenv("THIDUA_DOC_FONT", "bundled")
    app = app_factory()
    app.office.init_office("commune", "01576", officer_name="Cán bộ thử")
    layout(app).save_calibration(Calibration(dx=-1.5, fields={"signer_name": FieldOffset(0, 2.54)}))
    app.close()
    reopened = app_factory(data_dir)
    stored = layout(reopened).calibration()  # rounded to 0.1 mm when saved
    assert stored == Calibration(dx=-1.5, dy=0.0, fields={"signer_name": FieldOffset(0.0, 2.5)})
    assert stored.offset("signer_name") == (-1.5, 2.5)
    layout(reopened).reset_calibration()
    assert layout(reopened).calibration() == Calibration()


def test_calibration_is_validated(office) -> None:  # type: ignore[no-untyped-def]
    service = layout(office)
    with pytest.raises(ValidationError) as too_far:
        service.save_calibration(Calibration(dx=31))
    assert too_far.value.code == "NUMBER_OUT_OF_RANGE" and too_far.value.field == "calibration.dx"
    with pytest.raises(ValidationError) as unknown:
        service.save_calibration(Calibration(fields={"title": FieldOffset(1, 1)}))  # printed on the blank itself
    assert unknown.value.code == "ENUM_INVALID"
    with pytest.raises(ValidationError) as nan:
        service.save_calibration(Calibration(fields={"name": FieldOffset(float("nan"), 0)}))
    assert nan.value.code == "NUMBER_OUT_OF_RANGE"
    assert service.calibration() == Calibration()  # nothing half-saved
    with pytest.raises(ValidationError) as mode:
        office.printing.render("certificate", office.decisions.page()[0][0].id, options={"mode": "pretty"})
    assert mode.value.code == "ENUM_INVALID"


def test_preview_outlines_the_blank_and_labels_the_boxes(office) -> None:  # type: ignore[no-untyped-def]
    decision = office.decisions.page()[0][0]
    service = layout(office)
    trial = Calibration(dy=1.5, fields={"unit": FieldOffset(-2, 0)})
    pdf = service.preview(trial, target=f"{decision.id}:{decision.recipients[0].nomination_id}")
    page = check_state_layout(pdf, names=[decision.recipients[0].nominee_name], numbered=False)[0]
    text = flat(page.text)
    assert "GIẤY CHỨNG NHẬN" in text  # the faint outline of the sheet
    assert "Họ và tên (+0,0; +1,5 mm)" in text and "Chức vụ, đơn vị (-2,0; +1,5 mm)" in text
    assert service.calibration() == Calibration()  # previewing does not save
    # Before the first decision: a sample recipient; outline=False is the test print for a real blank.
    sample = check_state_layout(service.preview(), names=["Ông Nguyễn Văn An"], numbered=False)
    assert len(sample) == 1 and "GIẤY KHEN" in sample[0].text and "Họ và tên" in sample[0].text
    bare = check_state_layout(service.preview(outline=False), names=["Nguyễn Văn An"], heading=False,
                              numbered=False)[0]
    assert "GIẤY KHEN" not in bare.text and "Họ và tên" not in bare.text


def test_bare_number_gets_its_symbol_and_the_record_verifies(office) -> None:  # type: ignore[no-untyped-def]
    view = vote_and_decide(office, "TTLDTT", "48")
    cert = office.printing.render("certificate", view.id)
    text = flat(check_state_layout(cert.pdf, names=[view.recipients[0].nominee_name], numbered=False)[0].text)
    assert "Số quyết định: 48/QĐ-UBND" in text
    assert "Số: 48/QĐ-UBND" in flat(check_state_layout(office.printing.render("decision", view.id).pdf)[0].text)
    assert office.printing.verify_qr(cert.qr_text).status == "match"  # the file's subject names its record
