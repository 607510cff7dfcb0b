"""Layout rules every document keeps, read back from the PDFs (pypdf for text and positions,
pypdfium2 for character boxes and for the ink on the rendered page):

- secret ballots: one identical sheet per council member, nothing that tells copies apart;
- the closing block (Nơi nhận, signature) never stands on a page without body text, and an
  award's heading row never ends a page;
- room after "Số:" for a hand-written number; the council's name keeps its hyphen;
- every mark, the QR and the certificate's border included, stays 10 mm inside the paper edge;
- TM./KT. as Decree 30/2020 writes them; the PDF title names what the page says;
- the public notice gives its posting period and the commune's own word for its villages."""

from __future__ import annotations

import io
import re
from dataclasses import replace
from datetime import date
from types import SimpleNamespace
from typing import Any

import pypdfium2
import pytest
from pypdf import PdfReader

from thidua_desktop.reports import certificate, council_papers, decision, nominee_list, submission
from thidua_desktop.reports.blocks import authority_lines
from thidua_desktop.reports.council_papers import BallotPaper, Candidate
from thidua_desktop.reports.decision import PERSON, AwardRecipient, DecisionDoc
from thidua_desktop.reports.model import NomineeRow, PrintJob, Signer, Wording
from thidua_desktop.reports.templates import load_template

from .pdfcheck import MM, flat, page_number_on, read_pages

QR = "TDQR1|ballots|0b6f1a4e-1a2b-4c3d-9e8f-001122334455|0123456789abcdef0123"
VALUES: dict[str, object] = {
    "unit_name": "xã Quảng Uyên", "unit_title": "Xã Quảng Uyên", "unit_name_upper": "XÃ QUẢNG UYÊN",
    "unit_short": "Quảng Uyên", "place": "Quảng Uyên", "province_name": "tỉnh Cao Bằng",
    "province_body": "Ủy ban nhân dân tỉnh Cao Bằng", "province_reviewer": "Sở Nội vụ - Ban Thi đua - Khen thưởng",
    "drafting_unit": "VP", "chairman_name": "Hoàng Văn Thắng",
}
CHAIRMAN = Signer("TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH", "Hoàng Văn Thắng")
DEPUTY = Signer("KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH", "Đàm Ngọc Thu")


@pytest.fixture(autouse=True)
def bundled_font(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("THIDUA_DOC_FONT", "bundled")


def job(kind: str, issued_on: date | None = date(2026, 12, 4), qr: str | None = QR) -> PrintJob:
    return PrintJob(Wording(load_template("common"), load_template(kind), dict(VALUES)), qr, issued_on, "Xã Quảng Uyên")


def candidates(count: int) -> tuple[Candidate, ...]:
    awards = [("LDTT", "Lao động tiên tiến"), ("CSTDCS", "Chiến sĩ thi đua cơ sở")]
    return tuple(Candidate(f"n{i}", f"Nguyễn Văn Người {i:02d}", False, "Công chức Văn phòng - Thống kê, UBND xã",
                           *awards[0 if i < count * 2 // 3 else 1]) for i in range(count))


def nominees(count: int, groups: int = 3) -> list[NomineeRow]:
    per = max(1, count // groups)
    return [NomineeRow(f"n{i}", f"Lê Thị Tên {i:02d}", False, "female", 1980, "Tày", "Công chức", "UBND xã",
                       f"A{min(i // per, groups - 1)}", f"Danh hiệu số {min(i // per, groups - 1) + 1}",
                       "Hoàn thành xuất sắc nhiệm vụ năm 2026.", "council_passed", True)
            for i in range(count)]


def pdf_title(pdf: bytes) -> str:
    return str(PdfReader(io.BytesIO(pdf)).metadata.title)


def page_images(pdf: bytes, dpi: int = 50) -> list[Any]:
    document = pypdfium2.PdfDocument(pdf)
    try:
        return [document[i].render(scale=dpi / 72).to_pil().convert("L") for i in range(len(document))]
    finally:
        document.close()


def ink_clearance_mm(pdf: bytes, dpi: int = 50) -> float:
    """The smallest distance from any non-white pixel of any page to the paper edge, in mm."""
    nearest = 1e9
    for image in page_images(pdf, dpi):
        box = image.point(lambda v: 255 if v < 245 else 0).getbbox()
        if box is None:
            continue
        left, top, right, bottom = box
        width, height = image.size
        nearest = min(nearest, left, top, width - right, height - bottom)
    return nearest * 25.4 / dpi


def has_ink(image: Any, box_mm: tuple[float, float, float, float], dpi: int = 50) -> bool:
    """Whether the region (left, top, right, bottom in mm from the top-left corner) holds ink."""
    region = image.crop(tuple(round(v * dpi / 25.4) for v in box_mm))
    return region.point(lambda v: 255 if v < 128 else 0).getbbox() is not None


# --- secret ballots ----------------------------------------------------------------------------
def test_ballots_are_one_identical_sheet_per_member() -> None:
    paper = BallotPaper("m1", date(2026, 11, 20), 2026, "Xét khen thưởng năm 2026", 7, candidates(12))
    pdf = council_papers.render_ballots(paper, job("ballots", None))
    pages = read_pages(pdf)
    assert len(pages) == 7
    assert len({p.text for p in pages}) == 1  # the same words on every sheet
    assert all(page_number_on(p) is None for p in pages)  # no "2", "2/7" across the copies
    assert not any(re.search(r"\b\d+\s*/\s*7\b", p.text) for p in pages)
    reader = PdfReader(io.BytesIO(pdf))
    assert len({page.get_contents().get_data() for page in reader.pages}) == 1  # the same drawing
    images = page_images(pdf)
    assert len({image.tobytes() for image in images}) == 1  # not a pixel differs
    # the QR (it names the meeting's ballot paper, not a member) is on every sheet alike
    assert all(has_ink(image, (180, 270, 195, 287)) for image in images)
    assert ink_clearance_mm(pdf) >= 10


def test_a_long_ballot_still_fits_one_sheet() -> None:
    paper = BallotPaper("m1", date(2026, 11, 20), 2026, "", 5, candidates(24))
    pages = read_pages(council_papers.render_ballots(paper, job("ballots", None)))
    assert len(pages) == 5 and len({p.text for p in pages}) == 1
    assert "Nguyễn Văn Người 23" in pages[0].text and "(Phiếu bầu kín, không ghi tên người bầu)" in pages[0].text


# --- the closing block and group headings --------------------------------------------------------
def _dossier(rows: list[NomineeRow], level: str = "commune", signer: Signer = CHAIRMAN) -> SimpleNamespace:
    return SimpleNamespace(batch_id="b1", batch_name="Xét khen thưởng năm 2026", year=2026, level=level,
                           meeting_date=date(2026, 11, 20), nominees=tuple(rows), signer=signer, number="",
                           village_kinds=("xom",))


@pytest.mark.parametrize("awards", range(1, 16))
def test_signature_never_stands_alone(awards: int) -> None:
    """However many award lines push the closing down page 1, Nơi nhận and the signature share
    their page with the closing lines of the body."""
    rows = nominees(awards, groups=awards)
    pages = read_pages(submission.render(_dossier(rows), job("submission")))
    closing = next(p for p in pages if "Nơi nhận" in p.text)
    assert "Kính trình Chủ tịch Ủy ban nhân dân xã Quảng Uyên xem xét, quyết định./." in flat(closing.text)


@pytest.mark.parametrize("count", [6, 9, 12, 13, 14, 15, 16, 17, 18, 24, 30])
def test_list_closing_keeps_a_row_and_headings_keep_their_first_row(count: int) -> None:
    pdf = nominee_list.render_list(_dossier(nominees(count, groups=4)), job("list"))
    pages = read_pages(pdf)
    closing = next(p for p in pages if "Nơi nhận" in p.text)
    assert "Lê Thị Tên" in closing.text  # at least the table's last row goes over with the signature
    for page in pages:
        headings = [y for _x, y, t in page.runs if re.match(r"\s*[IVX]+\. Danh hiệu số", t)]
        names = [y for _x, y, t in page.runs if "Lê Thị Tên" in t]
        for y in headings:  # a group heading always has a nominee under it on the same page
            assert any(n < y for n in names), f"orphaned heading on a page of {count} rows"


def test_public_notice_and_decision_list_keep_closing_with_rows() -> None:
    for count in range(8, 30, 3):
        pages = read_pages(nominee_list.render_public(_dossier(nominees(count)), job("public-list")))
        closing = next(p for p in pages if "Nơi nhận" in p.text)
        assert "Lê Thị Tên" in closing.text


# --- number, heading, titles, signatures --------------------------------------------------------
def _char_boxes(pdf: bytes) -> tuple[str, list[tuple[float, float, float, float]]]:
    document = pypdfium2.PdfDocument(pdf)
    try:
        page = document[0].get_textpage()
        count = page.count_chars()
        return page.get_text_range(0, count), [page.get_charbox(i) for i in range(count)]
    finally:
        document.close()


def test_unnumbered_document_leaves_room_for_the_number() -> None:
    pdf = submission.render(_dossier(nominees(3), level="province"), job("submission"))
    text, boxes = _char_boxes(pdf)
    start = text.index("Số:")
    slash = text.index("/TTr-UBND", start)
    gap = (boxes[slash][0] - boxes[start + 2][2]) / MM
    assert gap >= 15, f"only {gap:.1f} mm to write the number in"
    caption = flat(read_pages(pdf)[-1].text)  # the attached list names the same (blank) number
    assert "Kèm theo Tờ trình số /TTr-UBND" in caption


def test_the_council_keeps_its_hyphen() -> None:
    paper = BallotPaper("m1", date(2026, 11, 20), 2026, "", 3, candidates(3))
    first = read_pages(council_papers.render_ballots(paper, job("ballots", None)))[0]
    assert "HỘI ĐỒNG THI ĐUA - KHEN THƯỞNG" in flat(first.text)
    pages = read_pages(submission.render(_dossier(nominees(3)), job("submission")))
    assert "HỘI ĐỒNG THI ĐUA - KHEN THƯỞNG" in flat(pages[0].text)


def test_pdf_titles_name_the_page() -> None:
    sub = submission.render(_dossier(nominees(3), level="province"), job("submission"))
    assert pdf_title(sub).startswith("Tờ trình về việc đề nghị xét tặng")
    assert pdf_title(sub).endswith("năm 2026")
    public = nominee_list.render_public(_dossier(nominees(3)), job("public-list"))
    assert pdf_title(public) == "Thông báo công khai danh sách đề nghị khen thưởng năm 2026"
    lst = nominee_list.render_list(_dossier(nominees(3)), job("list"))
    assert pdf_title(lst).startswith("Danh sách đề nghị xét tặng")


def _decision(kind: str, signer_title: str = "CHỦ TỊCH") -> DecisionDoc:
    recipients = tuple(AwardRecipient(f"r{i}", f"n{i}", f"Lê Văn Nhận {i}", PERSON, "male", "Công chức", "UBND xã",
                                      "Hoàn thành tốt nhiệm vụ năm 2026.", 710000) for i in range(2))
    return DecisionDoc("d1", "45", date(2026, 11, 24), "LDTT", "Lao động tiên tiến", kind, 2026, 2340000, 0.3,
                       date(2026, 11, 20), "Đàm Ngọc Thu", signer_title, recipients)


@pytest.mark.parametrize(("kind", "page_title", "meta"), [("emulation_title", "GIẤY CHỨNG NHẬN", "Giấy chứng nhận"),
                                                          ("commendation_form", "GIẤY KHEN", "Giấy khen")])
def test_certificate_title_and_qr(kind: str, page_title: str, meta: str) -> None:
    data = certificate.CertificateSet(_decision(kind))
    pdf = certificate.render(data, job("certificate", qr=QR.replace("ballots", "certificate")))
    assert pdf_title(pdf) == meta
    pages = read_pages(pdf)
    assert all(page_title in flat(p.text) for p in pages)
    images = page_images(pdf)
    # the QR inside the ornamental frame, bottom left, clear of the decision number and gold book lines
    assert all(has_ink(image, (22, 174, 37, 189)) for image in images)
    assert ink_clearance_mm(pdf) >= 10  # the border too
    blank = certificate.render(replace(data, render_options=certificate.CertificateOptions(mode=certificate.BLANK)),
                               job("certificate", qr=QR))
    assert not any(has_ink(image, (22, 174, 37, 189)) for image in page_images(blank))  # not over a blank's ornament


def test_authority_lines_follow_decree_30() -> None:
    assert authority_lines("TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH") == "TM. ỦY BAN NHÂN DÂN\nKT. CHỦ TỊCH"
    assert authority_lines("TM. ỦY BAN NHÂN DÂN", "TM. ỦY BAN NHÂN DÂN") == "TM. ỦY BAN NHÂN DÂN"
    assert authority_lines("TM. ỦY BAN NHÂN DÂN", "TM. ỦY BAN NHÂN DÂN\nKT. CHỦ TỊCH") == \
        "TM. ỦY BAN NHÂN DÂN\nKT. CHỦ TỊCH"
    assert authority_lines("", "KT. CHỦ TỊCH") == "KT. CHỦ TỊCH"
    # The committee's tờ trình and notice, signed by a vice-chairman: TM. above KT.
    for pdf in (submission.render(_dossier(nominees(3), level="province", signer=DEPUTY), job("submission")),
                nominee_list.render_public(_dossier(nominees(3), signer=DEPUTY), job("public-list"))):
        text = flat("\n".join(p.text for p in read_pages(pdf)))
        assert "TM. ỦY BAN NHÂN DÂN KT. CHỦ TỊCH PHÓ CHỦ TỊCH" in text
    # The council's own list to the chairman: headed and signed by the council.
    council_list = flat(read_pages(nominee_list.render_list(_dossier(nominees(3), signer=DEPUTY), job("list")))[0].text)
    assert "HỘI ĐỒNG THI ĐUA - KHEN THƯỞNG" in council_list and "/DS-HĐTĐKT" in council_list
    # The chairman decides personally (Decree 129/2025 Art. 59): his deputy signs KT. without TM.
    wording = job("decision").wording
    signer = decision.decision_signer(wording, _decision("emulation_title", "PHÓ CHỦ TỊCH"))
    assert (signer.authority, signer.title) == ("KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH")


# --- the public notice ---------------------------------------------------------------------------
def test_public_notice_posting_period_and_village_word() -> None:
    pdf = nominee_list.render_public(_dossier(nominees(3)), job("public-list", issued_on=date(2026, 12, 6)))
    text = flat("\n".join(p.text for p in read_pages(pdf)))
    # issued on Sunday 6/12: ten working days from Monday 7/12 end on Friday 18/12
    assert "Thời gian niêm yết: 10 ngày làm việc, từ ngày 07/12/2026 đến ngày 18/12/2026." in text
    assert "- Các xóm;" in text and "thôn, tổ dân phố" not in text
    mixed = replace_kinds(_dossier(nominees(3)), ("to_dan_pho", "thon"))
    text = flat("\n".join(p.text for p in read_pages(nominee_list.render_public(mixed, job("public-list")))))
    assert "- Các thôn, tổ dân phố;" in text
    undated = flat("\n".join(p.text for p in read_pages(
        nominee_list.render_public(_dossier(nominees(3)), job("public-list", issued_on=None)))))
    assert "Thời gian niêm yết: 10 ngày làm việc, từ ngày …/…/…… đến ngày …/…/……." in undated


def replace_kinds(data: SimpleNamespace, kinds: tuple[str, ...]) -> SimpleNamespace:
    return SimpleNamespace(**{**vars(data), "village_kinds": kinds})


def test_working_days() -> None:
    assert nominee_list.working_days_after(date(2026, 12, 4), 10) == date(2026, 12, 17)  # from a Friday
    assert nominee_list.working_days_after(date(2026, 12, 7), 1) == date(2026, 12, 7)
    assert nominee_list.working_days_after(date(2026, 12, 5), 1) == date(2026, 12, 7)  # a Saturday


# --- the demo office: every document, every page -------------------------------------------------
def test_no_ink_within_10_mm_of_the_edge_in_any_demo_document(commune, load_demo) -> None:  # type: ignore[no-untyped-def]
    # DemoBuilder(commune, seed=2026, today=25/11/2026).build(people=60), as the session built it once.
    load_demo(commune, seed=2026, people=60, today=date(2026, 11, 25))
    batch = commune.nominations.batches()[0].id
    seen = set()
    for kind, target in commune.printing.batch_targets(batch):
        if kind in seen and kind == "report":
            continue
        seen.add(kind)
        pdf = commune.printing.render(kind, target).pdf
        assert ink_clearance_mm(pdf, dpi=40) >= 10, kind
    assert {"submission", "list", "ballots", "public-list"} <= seen
