"""The chairman's award decision and its attached list, read back from real PDFs."""

from __future__ import annotations

import math
from datetime import date

import pytest

from thidua_desktop.domain.errors import NotFoundError
from thidua_desktop.domain.text import name_sort_key
from thidua_desktop.reports.decision import achievement_clause
from thidua_desktop.reports.words import amount_in_words
from thidua_desktop.rules import base_salary_on
from thidua_desktop.services.council import BallotInput

from .pdfcheck import MM, PageText, check_state_layout

# Drafts whose qualitative criteria are not attested: the council records why it votes on them.
CHECKED = "Hội đồng đã xem xét hồ sơ tại cuộc họp"


@pytest.fixture
def office(commune, monkeypatch, load_demo):  # type: ignore[no-untyped-def]
    monkeypatch.setenv("THIDUA_DOC_FONT", "bundled")
    load_demo(commune, seed=2026, people=60, today=date(2026, 11, 25))
    return commune


def flat(text: str) -> str:
    """Text with every run of whitespace as one space: justified lines break anywhere."""
    return " ".join(text.split())


def amount_beside(page: PageText, name: str) -> str:
    """The figure printed on the row of ``name`` (a long name wraps in its cell: its first line):
    the rightmost run at most one line away from the name's first line."""
    (x, y) = next((x, y) for x, y, t in page.runs if t.strip() and name.startswith(t.strip()))
    row = [(rx, t.strip()) for rx, ry, t in page.runs if abs(ry - y) < 10 and rx > x + 100]
    return max(row)[1]


def vote_and_decide(app, award_code: str, number: str, **issue: object):  # type: ignore[no-untyped-def]
    """Put the demo's drafts for ``award_code`` through the council, then issue the decision."""
    drafts = [n for n in app.nominations.list(status="draft") if n.award_code == award_code
              and n.eligibility_outcome != "not_eligible"]
    members = [m["id"] for m in app.council.members()]
    results = app.council.record_meeting(held_on="21/11/2026", present_member_ids=members[:6],
                                         absent_member_ids=members[6:],
                                         ballots=[BallotInput(n.id, 6, 6, 6, CHECKED) for n in drafts])
    passed = [r.nomination_id for r in results if r.passed]
    assert passed
    return app.decisions.issue(number=number, decided_on=str(issue.pop("decided_on", "25/11/2026")),
                               award_code=award_code,
                               nomination_ids=passed, **issue)


def test_decision_amounts_total_in_words_names_and_layout(office) -> None:  # type: ignore[no-untyped-def]
    decision = office.decisions.page()[0][0]
    assert decision.number == "45/QĐ-UBND" and decision.award_code == "LDTT"
    names = [r.nominee_name for r in decision.recipients]
    doc = office.printing.render("decision", decision.id)
    pages = check_state_layout(doc.pdf, names=names)  # A4, fonts embedded, margins, NFC, page numbers
    assert len(pages) >= 2  # the list of recipients is on its own page
    first = flat(pages[0].text)
    assert "Số: 45/QĐ-UBND" in first  # the stored number already carries its symbol: not doubled
    assert "QUYẾT ĐỊNH Về việc tặng danh hiệu “Lao động tiên tiến” năm 2026" in first
    assert "CHỦ TỊCH ỦY BAN NHÂN DÂN XÃ QUẢNG UYÊN" in first
    # The decision's own date, not the day it is printed.
    assert "Quảng Uyên, ngày 24 tháng 11 năm 2026" in first
    assert "Căn cứ Luật Thi đua, khen thưởng" in first
    assert "Căn cứ Biên bản họp Hội đồng Thi đua - Khen thưởng xã Quảng Uyên ngày 20/11/2026" in first
    assert "Xét đề nghị của Hội đồng Thi đua - Khen thưởng xã Quảng Uyên" in first
    assert f"cho {len(names):02d} cá nhân" in first
    # Reward: base salary on the decision date × 0.3, rounded UP to 10,000 đ (Decree 152/2025).
    salary = base_salary_on(office.catalog, date(2026, 11, 24))
    each = math.ceil(salary * 3 / 10 / 10_000) * 10_000
    assert each == 710_000
    total = each * len(names)
    figures = f"{total:,}".replace(",", ".")
    salary_text = f"{salary:,}".replace(",", ".")
    assert f"mỗi cá nhân được thưởng 710.000 đồng (bằng 0,3 lần mức lương cơ sở {salary_text} đồng" in first
    assert f"Tổng số tiền thưởng: {figures} đồng (Bằng chữ: {amount_in_words(total)})" in first
    assert amount_in_words(total) == "Chín triệu hai trăm ba mươi nghìn đồng"
    # Article 1 follows the data (mixed ratings: no shared achievement), so the body may run onto a
    # second page; the signature then keeps Điều 3 with it, and the list still starts a page of its own.
    signed = next(flat(p.text) for p in pages[:-1] if decision.signer_name in p.text)
    assert "Điều 3." in signed and "Nơi nhận:" in signed and "CHỦ TỊCH" in signed
    assert "TM." not in flat(" ".join(p.text for p in pages[:-1]))  # the chairman signs his own decision
    # The attached list: each recipient's own amount on his row, and the total row.
    listing = pages[-1]
    assert "DANH SÁCH CÁ NHÂN" in listing.text
    assert "(Kèm theo Quyết định số 45/QĐ-UBND ngày 24/11/2026" in flat(listing.text)
    stored = {r.nominee_name: r.reward_amount for r in decision.recipients}
    for name in names:
        assert amount_beside(listing, name) == f"{stored[name]:,}".replace(",", ".") == "710.000"
    assert amount_beside(listing, "Tổng cộng") == figures
    # Names in Vietnamese order: given name first (Bích < Hoa < Huy …).
    order = [t.strip() for _x, _y, t in sorted(listing.runs, key=lambda r: -r[1]) if t.strip() in stored]
    assert order == sorted(order, key=name_sort_key) and len(order) == len(names)
    assert office.printing.verify_qr(doc.qr_text).status == "match"


def test_collective_amount_is_rounded_up_and_deputy_signs(office) -> None:  # type: ignore[no-untyped-def]
    view = vote_and_decide(office, "TTLDTT", "46/QĐ-UBND", signer_title="Phó Chủ tịch")
    vice = office.officials.holder("vice_chairman", date(2026, 11, 25)).full_name  # in office that day
    assert view.signer_name == vice
    doc = office.printing.render("decision", view.id)
    pages = check_state_layout(doc.pdf, names=[r.nominee_name for r in view.recipients])
    first = flat(pages[0].text)
    # 0.8 × 2,340,000 = 1,872,000 → 1,880,000 (rounded up, never down)
    assert [r.reward_amount for r in view.recipients] == [1_880_000] * 3  # the demo's three agencies
    assert "mỗi tập thể được thưởng 1.880.000 đồng" in first
    assert "(Bằng chữ: Năm triệu sáu trăm bốn mươi nghìn đồng)" in first
    body = flat(" ".join(p.text for p in pages))
    assert "cho 03 tập thể" in first and "các tập thể có tên tại Điều 1" in body
    assert "KT. CHỦ TỊCH PHÓ CHỦ TỊCH" in body and vice in body
    assert "Quảng Uyên, ngày 25 tháng 11 năm 2026" in first
    assert "ngày 21/11/2026" in first  # the meeting that voted on this nominee
    listing = pages[-1]  # the list starts on a page of its own
    assert "DANH SÁCH TẬP THỂ" in listing.text and "Họ và tên (tên tập thể)" in listing.text
    assert amount_beside(listing, view.recipients[0].nominee_name) == "1.880.000"
    assert amount_beside(listing, "Tổng cộng") == "5.640.000"


def test_unknown_multiplier_prints_not_determined(office) -> None:  # type: ignore[no-untyped-def]
    """The individual Giấy khen has no verified multiplier: its money is never guessed."""
    view = vote_and_decide(office, "GK_XA_CN", "47/QĐ-UBND")
    assert view.recipients and all(r.reward_amount is None for r in view.recipients)
    doc = office.printing.render("decision", view.id)
    pages = check_state_layout(doc.pdf, names=[r.nominee_name for r in view.recipients])
    first = flat(pages[0].text)
    assert "Về việc tặng Giấy khen của Chủ tịch Ủy ban nhân dân xã" in first
    assert "chưa xác định" in first and "Bằng chữ" not in first
    for r in view.recipients:
        assert amount_beside(pages[-1], r.nominee_name) == "chưa xác định"
    assert amount_beside(pages[-1], "Tổng cộng") == "chưa xác định"


def test_decisions_are_part_of_the_batch_print(office, tmp_path) -> None:  # type: ignore[no-untyped-def]
    batch = office.nominations.batches()[0]
    files = [p.name for p in office.printing.print_batch(batch.id, tmp_path / "out")]
    assert any("-decision-" in f for f in files) and any("-certificate-" in f for f in files)


def test_unknown_decision_is_refused(office) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(NotFoundError):
        office.printing.render("decision", "no-such-decision")


def test_long_decision_keeps_article_3_with_the_signature(office) -> None:  # type: ignore[no-untyped-def]
    """However the body breaks, the signature never stands alone: Điều 3 travels with it."""
    decision = office.decisions.page()[0][0]
    pages = check_state_layout(office.printing.render("decision", decision.id).pdf)
    signed = next(p for p in pages if decision.signer_name in p.text)
    assert "Điều 3." in signed.text and "Nơi nhận:" in signed.text
    top = max(y for _x, y, t in signed.runs if "Điều 3." in t)
    assert top < signed.height - 20 * MM  # inside the text frame, under the top margin


@pytest.mark.parametrize(("summary", "clause"), [
    ("Hoàn thành tốt nhiệm vụ được giao năm 2026.", "hoàn thành tốt nhiệm vụ được giao năm 2026"),
    ("Có thành tích xuất sắc trong phong trào", "xuất sắc trong phong trào"),  # never "có thành tích có thành tích"
    ("Đã có thành tích: Hoàn thành xuất sắc nhiệm vụ", "hoàn thành xuất sắc nhiệm vụ"),
    ("Hội Nông dân xã vận động hội viên", "Hội Nông dân xã vận động hội viên"),  # a proper name keeps its capital
    ("HTXSNV năm 2026", "HTXSNV năm 2026"),
])
def test_achievement_follows_da_co_thanh_tich(summary: str, clause: str) -> None:
    assert achievement_clause(summary) == clause
