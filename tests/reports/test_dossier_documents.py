"""The submission, the nominee list and the public list, read back from real PDFs; the QR check;
batch printing into a folder."""

from __future__ import annotations

import io
import unicodedata
from datetime import date
from pathlib import Path

import pytest
from pypdf import PdfReader

from thidua_desktop.domain.enums import in_dossier
from thidua_desktop.domain.errors import DomainError, ValidationError
from thidua_desktop.private_files import TEMP_PREFIX
from thidua_desktop.services.council import BallotInput
from thidua_desktop.services.people import PersonInput
from thidua_desktop.services.print_context import DocumentSettings

from .pdfcheck import check_state_layout

# Drafts whose qualitative criteria are not attested: the council records why it votes on them.
CHECKED = "Hội đồng đã xem xét hồ sơ tại cuộc họp"

LONG_NAME_NFD = unicodedata.normalize("NFD", "Hoàng Thị Phương Thảo Nguyệt Ánh")


@pytest.fixture
def office(commune, monkeypatch, load_demo):  # type: ignore[no-untyped-def]
    monkeypatch.setenv("THIDUA_DOC_FONT", "bundled")
    load_demo(commune, seed=2026, people=60, today=date(2026, 11, 25))
    commune.printing.set_document_settings(DocumentSettings(chairman_name="Hoàng Văn Chủ"))
    return commune


def _batch(office):  # type: ignore[no-untyped-def]
    return office.nominations.batches()[0]


def _add_nominee(office, name: str, award: str = "LDTT", vote: bool = True) -> str:  # type: ignore[no-untyped-def]
    """A new nomination, passed by the council unless ``vote`` is False (a dossier holds only those)."""
    person = office.people.create(PersonInput(name, "female", birth="1988", ethnicity="Tày",
                                              position="Trưởng thôn", workplace="Thôn Nà Pồng"))
    nomination_id = office.nominations.create(batch_id=_batch(office).id, award_code=award, person_id=person.id,
                                              achievement_summary="Hoàn thành tốt nhiệm vụ năm 2026").id
    if vote:
        _pass_council(office, nomination_id)
    return nomination_id


def _pass_council(office, *nomination_ids: str) -> None:  # type: ignore[no-untyped-def]
    members = [m["id"] for m in office.council.members()]
    everyone = len(members)
    office.council.record_meeting(held_on="25/11/2026", present_member_ids=members, absent_member_ids=[],
                                  ballots=[BallotInput(n, everyone, everyone, everyone, CHECKED)
                                           for n in nomination_ids],
                                  batch_id=_batch(office).id)


def _names(office, batch_id: str) -> list[str]:  # type: ignore[no-untyped-def]
    return [n.nominee_name for n in office.nominations.list(batch_id=batch_id, limit=500) if in_dossier(n.status)]


def test_submission_names_heading_margins_and_page_numbers(office) -> None:  # type: ignore[no-untyped-def]
    batch = _batch(office)
    _add_nominee(office, LONG_NAME_NFD)
    doc = office.printing.render("submission", f"{batch.id}:commune")
    pages = check_state_layout(doc.pdf, names=[unicodedata.normalize("NFC", LONG_NAME_NFD)])
    first = pages[0].text
    letter = "".join(p.text for p in pages if p.width < p.height)
    assert "TỜ TRÌNH" in first and "Kính gửi: Chủ tịch Ủy ban nhân dân xã Quảng Uyên" in first
    assert "UBND XÃ QUẢNG UYÊN" in first and "HỘI ĐỒNG THI ĐUA" in first
    # Signed by the council's chair in office on the print date, not by a name typed in the settings.
    chair = office.officials.holder("council_chair", date.today()).full_name
    assert chair in letter and "Hoàng Văn Chủ" not in letter and "TM. HỘI ĐỒNG" in letter
    assert "Số:" in first and "/TTr-HĐTĐKT" in first
    assert "Quảng Uyên, ngày" in first and "Nơi nhận:" in letter
    assert pages[-1].width > pages[-1].height  # the attached list is landscape
    assert "Kèm theo Tờ trình" in "".join(p.text for p in pages[1:])


def test_province_submission_goes_to_the_province_chairman(office) -> None:  # type: ignore[no-untyped-def]
    batch = _batch(office)
    doc = office.printing.render("submission", batch.id, options={"level": "province"})
    first = check_state_layout(doc.pdf, numbered=False)[0].text
    assert "Kính gửi: Chủ tịch Ủy ban nhân dân tỉnh Cao Bằng" in first
    assert "TM. ỦY BAN NHÂN DÂN" in first and "/TTr-UBND" in first


def test_list_has_every_nominee_in_official_columns_and_repeats_header(office) -> None:  # type: ignore[no-untyped-def]
    batch = _batch(office)
    added = [_add_nominee(office, f"Nông Thị Lan {chr(0x41 + i % 26)}{i}", vote=False)
             for i in range(30)]  # enough rows for a second landscape page
    _pass_council(office, *added)
    doc = office.printing.render("list", f"{batch.id}:commune")
    pages = check_state_layout(doc.pdf, names=["Nông Thị Lan A0", "Nông Thị Lan D29"])
    assert len(pages) >= 2
    for page in (p for p in pages if "Nông Thị Lan" in p.text):
        assert "STT" in page.text and "Năm sinh" in page.text and "Nữ" in page.text  # header on every page
    assert "Tóm tắt thành tích" in pages[0].text and "Hình thức đề nghị" in pages[0].text
    assert "1988" in pages[0].text


def test_public_list_shows_names_but_not_birth_years(office) -> None:  # type: ignore[no-untyped-def]
    batch = _batch(office)
    _add_nominee(office, "Lương Thị Công Khai")
    doc = office.printing.render("public-list", batch.id)
    pages = check_state_layout(doc.pdf, names=["Lương Thị Công Khai"], numbered=False)
    text = "".join(p.text for p in pages)
    assert "THÔNG BÁO" in text and "1988" not in text


def test_qr_matches_then_reports_a_change(office) -> None:  # type: ignore[no-untyped-def]
    batch = _batch(office)
    doc = office.printing.render("list", f"{batch.id}:commune")
    assert PdfReader(io.BytesIO(doc.pdf)).metadata.subject == doc.qr_text
    assert office.printing.verify_qr(doc.qr_text).status == "match"
    _add_nominee(office, "Người Mới Thêm")
    assert office.printing.verify_qr(doc.qr_text).status == "changed"
    assert office.printing.verify_qr(doc.qr_text.replace(batch.id, "no-such-batch")).status == "not_found"
    tampered = doc.qr_text[:-4] + ("0000" if not doc.qr_text.endswith("0000") else "1111")
    assert office.printing.verify_qr(tampered).status == "changed"
    with pytest.raises(ValidationError):
        office.printing.verify_qr("not a code")


def test_same_data_prints_the_same_bytes(office) -> None:  # type: ignore[no-untyped-def]
    batch = _batch(office)
    assert office.printing.render("list", batch.id).pdf == office.printing.render("list", batch.id).pdf


def test_print_batch_writes_every_document(office, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    batch = _batch(office)
    (tmp_path / "dot").mkdir()
    stale = tmp_path / "dot" / f"{TEMP_PREFIX}killed.pdf"  # left by a batch killed mid-write
    stale.write_bytes(b"%PDF half a dossier, names in it")
    paths = office.printing.print_batch(batch.id, tmp_path / "dot")
    assert not stale.exists()  # cleaned once for the batch, before its files are written
    # Each file names its own record: ids made in the same minute share their first characters
    # (time-ordered), so the name must not be cut from those.
    reports = [p.name.split("-", 1)[1] for p in paths if "-report-" in p.name]
    assert len(reports) > 1 and len(set(reports)) == len(reports)
    kinds = {p.name.split("-", 1)[1].rsplit("-", 1)[0] for p in paths}
    assert {"submission", "list", "public-list"} <= kinds
    for path in paths:
        assert PdfReader(str(path)).pages  # every file is a complete PDF
    assert not list((tmp_path / "dot").glob(".*"))


def test_unknown_kind_and_missing_batch_are_refused(office, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(ValidationError) as kind:
        office.printing.render("poster", "x")
    assert kind.value.code == "PRINT_KIND_UNKNOWN"
    with pytest.raises(DomainError) as missing:
        office.printing.save("list", "no-such-batch", tmp_path / "x.pdf")
    assert missing.value.code == "NOT_FOUND" and not (tmp_path / "x.pdf").exists()


def test_cancelling_a_batch_print_writes_nothing(office, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    from thidua_desktop.services.progress import Cancelled, Progress

    batch = _batch(office)
    seen: list[tuple[int, int]] = []

    def cancel_after_two(done: int, total: int) -> None:
        seen.append((done, total))
        if done == 2:
            progress.cancel()

    progress = Progress(cancel_after_two)
    with pytest.raises(Cancelled):
        office.printing.print_batch(batch.id, tmp_path / "dot", progress)
    assert seen[:3] == [(0, seen[0][1]), (1, seen[0][1]), (2, seen[0][1])] and seen[0][1] > 3
    assert not (tmp_path / "dot").exists()
