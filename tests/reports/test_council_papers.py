"""The council's minutes and secret-vote ballots, read back from real PDFs."""

from __future__ import annotations

import unicodedata
from datetime import date

import pytest

from thidua_desktop.db.models import CouncilMeeting
from thidua_desktop.domain.errors import NotFoundError
from thidua_desktop.services.council import BallotInput

from .pdfcheck import MM, MOTTO, NATIONAL, PageText, check_state_layout

# Drafts whose qualitative criteria are not attested: the council records why it votes on them.
CHECKED = "Hội đồng đã xem xét hồ sơ tại cuộc họp"


@pytest.fixture
def office(commune, monkeypatch, load_demo):  # type: ignore[no-untyped-def]
    monkeypatch.setenv("THIDUA_DOC_FONT", "bundled")
    load_demo(commune, seed=2026, people=60, today=date(2026, 11, 25))
    return commune


def _vi_percent(value: float) -> str:
    """How a share reads on paper: two decimals at most, Vietnamese decimal comma."""
    return f"{value:.2f}".rstrip("0").rstrip(".").replace(".", ",") + "%"


def _table_rows(pages: list[PageText]) -> dict[int, str]:
    """Rows of the results table by their STT: every run goes to the nearest STT in the first
    column (a wrapped cell spreads above and below it), read left to right."""
    rows: dict[int, str] = {}
    for page in pages:
        anchors = [(y, int(t)) for x, y, t in page.runs
                   if t.strip().isdigit() and x < 42 * MM and y < page.height - 20 * MM]
        cells: dict[int, list[tuple[int, float, str]]] = {n: [] for _y, n in anchors}
        for x, y, text in page.runs:
            if not anchors:
                break
            distance, number = min((abs(y - ay), n) for ay, n in anchors)
            if distance < 30:
                cells[number].append((round(x), -y, text.strip()))
        rows.update({n: " ".join(t for _x, _y, t in sorted(items)) for n, items in cells.items()})
    return rows


def test_minutes_of_the_demo_meeting(office) -> None:  # type: ignore[no-untyped-def]
    meeting = office.council.meetings()[0][0]
    ballots = office.council.meeting_ballots(meeting.id)
    members = office.council.members()
    assert len(ballots) == 27 and meeting.members_total == 7
    doc = office.printing.render("minutes", meeting.id)
    pages = check_state_layout(doc.pdf, names=[b.nominee_name for b in ballots] + [m["full_name"] for m in members])
    assert len(pages) >= 2
    first = pages[0].text
    assert "BIÊN BẢN" in first and "Họp Hội đồng Thi đua - Khen thưởng xã Quảng Uyên" in first
    assert "UBND XÃ QUẢNG UYÊN" in first and "HỘI ĐỒNG THI ĐUA" in first
    assert "Quảng Uyên, ngày 20 tháng 11 năm 2026" in first  # the meeting's day, not the print day
    text = "\n".join(p.text for p in pages)
    assert "Tổng số thành viên Hội đồng: 07 người, trong đó có mặt 06 người, vắng mặt 01 người." in " ".join(
        text.split())
    assert "không có phiếu biểu quyết bằng văn bản" in text  # the absent secretary sent nothing
    # Every nominee's row carries the counts and the shares exactly as the meeting recorded them.
    rows = _table_rows(pages)
    assert sorted(rows) == list(range(1, len(ballots) + 1))
    printed = list(rows.values())
    for b in ballots:
        matching = [r for r in printed if b.nominee_name in r and b.award_name in r
                    and _vi_percent(b.pct_of_all) in r and _vi_percent(b.pct_of_present) in r]
        assert matching, f"no row for a nominee with {b.pct_of_all}"
        row = matching[0]
        assert f" {b.ballots_issued} {b.ballots_valid} {b.votes_for} " in f" {row} "
        assert ("Không" in row) != b.passed  # "Không đạt" (the cell may wrap after "Không")
    failed = [b for b in ballots if not b.passed]
    assert _vi_percent(failed[0].pct_of_all) == "57,14%" and _vi_percent(failed[0].pct_of_present) == "66,67%"
    assert f"{len(ballots) - len(failed):02d} trường hợp đạt" in text
    assert f"{len(failed):02d} trường hợp không đạt" in text
    # Signed by the secretary and the chair, side by side on the last page; the absent secretary
    # leaves the name for whoever took the minutes.
    last = pages[-1]
    secretary = [(x, y) for x, y, t in last.runs if t.strip() == "THƯ KÝ"]
    chair = [(x, y) for x, y, t in last.runs if t.strip() == "CHỦ TỊCH HỘI ĐỒNG"]
    assert secretary and chair and abs(secretary[0][1] - chair[0][1]) < 1 and secretary[0][0] < chair[0][0]
    chair_name = next(m["full_name"] for m in members if m["council_role"] == "chair")
    assert any(t.strip() == chair_name and x > chair[0][0] - 20 * MM for x, _y, t in last.runs)
    assert "nhất trí thông qua" in last.text


def test_minutes_with_written_votes_notes_and_present_secretary(office) -> None:  # type: ignore[no-untyped-def]
    batch = office.nominations.batches()[0]
    drafts = [n for n in office.nominations.list(batch_id=batch.id) if n.status == "draft" and n.award_code == "LDTT"
              and n.eligibility_outcome == "eligible"]
    members = office.council.members()
    by_role = {m["council_role"]: m for m in members}
    absent = [m for m in members if m["council_role"] == "member"][:2]
    present = [m["id"] for m in members if m not in absent]
    office.council.record_meeting(held_on="05/12/2026", present_member_ids=present,
                                  absent_member_ids=[m["id"] for m in absent],
                                  ballots=[BallotInput(n.id, 5, 5, 5 - i, CHECKED) for i, n in enumerate(drafts[:3])],
                                  batch_id=batch.id, notes="Đề nghị bổ sung hồ sơ của ông Lê Văn Hùng & bà Vi Thị Yến")
    meeting = next(m for m in office.council.meetings()[0] if m.held_on == date(2026, 12, 5))
    with office.db.transaction("tester") as session:  # a written vote as the meeting screen would store it
        session.get(CouncilMeeting, meeting.id).written_votes = {absent[0]["id"]: [drafts[0].id]}
    doc = office.printing.render("minutes", meeting.id, options={"number": "3"})
    pages = check_state_layout(doc.pdf, names=[n.nominee_name for n in drafts[:3]])
    text = unicodedata.normalize("NFC", " ".join(" ".join(p.text.split()) for p in pages))
    assert "Số: 03/BB-HĐTĐKT" in text
    assert (f"{absent[0]['full_name']}, {absent[0]['position']} - Ủy viên Hội đồng (có phiếu biểu quyết bằng văn "
            f"bản, đồng ý 1 trường hợp: {drafts[0].nominee_name} - Lao động tiên tiến);") in text
    assert f"{absent[1]['full_name']}, {absent[1]['position']} - Ủy viên Hội đồng (không có phiếu" in text
    assert "bằng văn bản)." in text  # the last absent member closes the list
    assert "Ý kiến khác tại cuộc họp: Đề nghị bổ sung hồ sơ của ông Lê Văn Hùng & bà Vi Thị Yến." in text
    assert f"Thư ký cuộc họp: {by_role['secretary']['full_name']}" in text
    assert f"Chủ trì cuộc họp: {by_role['chair']['full_name']}" in text
    last = pages[-1]
    names = {t.strip() for _x, _y, t in last.runs}
    assert by_role["secretary"]["full_name"] in names and by_role["chair"]["full_name"] in names
    # 5 issued, 5 - i in favour of 7 members: 71,43% / 57,14% / 42,86% of all, 100% / 80% / 60% of those present
    for share in ("71,43%", "57,14%", "42,86%", "100%", "80%", "60%"):
        assert share in text


def test_ballots_one_per_member_each_with_the_heading(office) -> None:  # type: ignore[no-untyped-def]
    meeting = office.council.meetings()[0][0]
    ballots = office.council.meeting_ballots(meeting.id)
    names = sorted({b.nominee_name for b in ballots})
    doc = office.printing.render("ballots", meeting.id)
    pages = check_state_layout(doc.pdf, names=names, numbered=False)  # copies of one sheet: no page numbers
    starts = [i for i, p in enumerate(pages) if "PHIẾU BẦU" in p.text]
    assert len(starts) == meeting.members_total == 7
    for index, start in enumerate(starts):
        end = starts[index + 1] if index + 1 < len(starts) else len(pages)
        ballot = "\n".join(p.text for p in pages[start:end])
        assert NATIONAL in pages[start].text and MOTTO in pages[start].text
        assert "HỘI ĐỒNG THI ĐUA" in pages[start].text and "Quảng Uyên, ngày 20 tháng 11 năm 2026" in ballot
        assert "Đồng ý đánh dấu X" in " ".join(ballot.split())
        assert all(name in ballot for name in names)
        assert "Lao động tiên tiến" in ballot and "Chiến sĩ thi đua cơ sở" in ballot
        assert "Không đồng ý" in " ".join(ballot.split())
        # secret: no signature block, no member named
        assert "THƯ KÝ" not in ballot and "CHỦ TỊCH HỘI ĐỒNG" not in ballot
        # (a member nominated himself appears as a nominee, like every nominee)
        assert not any(m["full_name"] in ballot for m in office.council.members() if m["full_name"] not in names)


def test_ballots_before_the_vote_list_the_batch_drafts(office) -> None:  # type: ignore[no-untyped-def]
    batch = office.nominations.batches()[0]
    members = office.council.members()
    office.council.record_meeting(held_on="01/12/2026", present_member_ids=[m["id"] for m in members],
                                  absent_member_ids=[], ballots=[], batch_id=batch.id)
    meeting = next(m for m in office.council.meetings()[0] if m.held_on == date(2026, 12, 1))
    waiting = [n for n in office.nominations.list(batch_id=batch.id) if n.status in ("draft", "council_voted")]
    assert len(waiting) > 20
    doc = office.printing.render("ballots", meeting.id)
    # A household with a head prints as "Hộ gia đình ông/bà <head>" (the demo names it "Hộ ông/bà <head>").
    printed = ["Hộ gia đình " + n.nominee_name[3:] if n.nominee_name.startswith(("Hộ ông ", "Hộ bà ")) else
               n.nominee_name for n in waiting]
    pages = check_state_layout(doc.pdf, names=printed, numbered=False)
    assert sum("PHIẾU BẦU" in p.text for p in pages) == len(members)
    minutes = check_state_layout(office.printing.render("minutes", meeting.id).pdf)
    assert "Cuộc họp chưa ghi nhận kết quả bỏ phiếu." in " ".join(" ".join(p.text for p in minutes).split())


def test_qr_of_the_minutes_follows_the_record(office) -> None:  # type: ignore[no-untyped-def]
    meeting = office.council.meetings()[0][0]
    doc = office.printing.render("minutes", meeting.id)
    assert doc.qr_text.startswith(f"TDQR1|minutes|{meeting.id}|")
    assert office.printing.verify_qr(doc.qr_text).status == "match"
    with office.db.transaction("tester") as session:
        session.get(CouncilMeeting, meeting.id).notes = "Sửa sau khi in"
    assert office.printing.verify_qr(doc.qr_text).status == "changed"
    with pytest.raises(NotFoundError):
        office.printing.render("minutes", "khong-co")


def test_batch_print_includes_the_council_papers(office, tmp_path) -> None:  # type: ignore[no-untyped-def]
    batch = office.nominations.batches()[0]
    meeting = office.council.meetings()[0][0]
    assert meeting.batch_id is None  # the demo names no batch: its ballots tie it to the batch
    names = [p.name for p in office.printing.print_batch(batch.id, tmp_path)]
    assert f"minutes-{meeting.id[-8:]}.pdf" in " ".join(names)
    assert f"ballots-{meeting.id[-8:]}.pdf" in " ".join(names)
