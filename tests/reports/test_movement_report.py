"""The movement results report (báo cáo kết quả phong trào), read back from real PDFs."""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path

import pytest
from pypdf import PdfReader

from thidua_desktop.domain.errors import NotFoundError
from thidua_desktop.reports.movement_report import (
    DOWN,
    MET,
    NO_DATA,
    NOT_MET,
    UNKNOWN,
    UP,
    IndicatorResult,
    assess,
    number_text,
    percent_text,
)
from thidua_desktop.services.council import BallotInput
from thidua_desktop.services.demo import DemoBuilder
from thidua_desktop.services.movements import IndicatorInput, MovementInput

from .pdfcheck import check_state_layout, fonts_of

DECISION = "52/QĐ-UBND"


@pytest.fixture
def office(commune, monkeypatch):  # type: ignore[no-untyped-def]
    monkeypatch.setenv("THIDUA_DOC_FONT", "bundled")
    DemoBuilder(commune, seed=2026, today=date(2026, 11, 25)).build(people=60)
    return commune


def _movement(app, code: str):  # type: ignore[no-untyped-def]
    rows, _total = app.movements.search(code)
    return next(m for m in rows if m.code == code)


def _flat(pages) -> str:  # type: ignore[no-untyped-def]
    return re.sub(r"\s+", " ", " ".join(p.text for p in pages))


def _awarded_batch(app, movement_id: str, count: int = 8) -> tuple[str, list[str]]:  # type: ignore[no-untyped-def]
    """A thematic batch opened for the movement: Giấy khen nominations, a council vote and the
    chairman's decision for all but the last nominee. Returns the batch id and the awarded people."""
    batch = app.nominations.create_batch("Khen thưởng chuyên đề phong trào", 2026, "thematic", movement_id=movement_id)
    award = app.catalog.award("GK_XA_CN")
    attest = [c.id for top in award.criteria for c in top.walk() if c.check == "attestation"]
    people = app.people.search("", limit=200).rows[30:30 + count]
    nominations = []
    for person in people:
        n = app.nominations.create(batch_id=batch.id, award_code="GK_XA_CN", person_id=person.id,
                                   commendation_kind="thematic", achievement_summary="Tích cực trong phong trào",
                                   as_of=date(2026, 11, 25))
        app.nominations.attest(n.id, attest)
        nominations.append(n.id)
    members = [m["id"] for m in app.council.members()]
    results = app.council.record_meeting(held_on="26/11/2026", present_member_ids=members[:6],
                                         absent_member_ids=members[6:], batch_id=batch.id,
                                         ballots=[BallotInput(n, 6, 6, 6) for n in nominations])
    passed = [r.nomination_id for r in results if r.passed]
    assert len(passed) == count
    app.decisions.issue(number=DECISION, decided_on="28/11/2026", signer_name="Nông Thành An",
                        award_code="GK_XA_CN", nomination_ids=passed[:-1])
    return batch.id, [p.id for p in people[:-1]]


def test_assess_reads_the_direction_from_baseline_and_target() -> None:
    up_met = assess(IndicatorResult("Thu nhập", "triệu", 32, 45, 46))
    assert (up_met.direction, up_met.verdict) == (UP, MET) and up_met.percent == pytest.approx(46 / 45 * 100)
    assert assess(IndicatorResult("Thu nhập", "triệu", 32, 45, 40)).verdict == NOT_MET
    # Poverty rate 18.5 % → 10 %: lower is better, 9 % meets the plan although it is 90 % of it.
    poverty = assess(IndicatorResult("Tỷ lệ hộ nghèo", "%", 18.5, 10, 9))
    assert (poverty.direction, poverty.verdict) == (DOWN, MET) and poverty.percent == pytest.approx(90)
    assert assess(IndicatorResult("Tỷ lệ hộ nghèo", "%", 18.5, 10, 12)).verdict == NOT_MET
    # No baseline: the figure is printed, no verdict is claimed.
    unknown = assess(IndicatorResult("Mô hình", "mô hình", None, 10, 12))
    assert (unknown.direction, unknown.verdict) == (UNKNOWN, UNKNOWN) and unknown.percent == pytest.approx(120)
    nothing = assess(IndicatorResult("Mô hình", "mô hình", 2, 10, None))
    assert (nothing.verdict, nothing.percent) == (NO_DATA, None)
    assert assess(IndicatorResult("Sự cố", "vụ", 3, 0, 0)).percent is None  # no division by a zero target
    assert (number_text(1500), number_text(12.5), number_text(None), percent_text(22.222)) == \
        ("1.500", "12,5", "–", "22,2")


def test_report_prints_indicators_chart_activities_examples_and_awards(office) -> None:  # type: ignore[no-untyped-def]
    settings = office.printing.document_settings()
    office.printing.set_document_settings(type(settings)(chairman_name="Hoàng Văn Chủ"))
    movement = _movement(office, "CT12-2026-KTXH")
    _batch_id, awarded = _awarded_batch(office, movement.id)
    indicators = office.movements.indicators(movement.id)
    activities = office.movements.activities(movement.id)
    people = [office.people.get(pid) for pid in awarded]

    doc = office.printing.render("movement-report", movement.id)
    pages = check_state_layout(doc.pdf, names=[p.full_name for p in people] + [str(i["name"]) for i in indicators])
    assert len(pages) >= 2
    assert not [f for f in fonts_of(doc.pdf) if "Helvetica" in f]  # the chart's strings use the document font
    first, text = pages[0].text, _flat(pages)
    assert "BÁO CÁO" in first and "/BC-UBND" in first
    assert "Kết quả thực hiện phong trào thi đua thực hiện thắng lợi nhiệm vụ phát triển" in _flat(pages[:1])
    assert "Kính gửi: Ủy ban nhân dân tỉnh Cao Bằng" in first  # launched by the province: reported upward
    assert "12/CT-UBND" in text and "15/05/2026" in text and "31/12/2030" in text

    # Indicators: baseline, plan, the activities' total, the rate and the verdict, row by row.
    poverty_seen = False
    for number, ind in enumerate(indicators, start=1):
        reported = ind["reported"] or None  # the screen shows 0 where the report says "no figure"
        result = assess(IndicatorResult(str(ind["name"]), str(ind["unit"]), ind["baseline"], ind["target"], reported))
        mark = " (*)" if result.direction == DOWN else ""
        verdict = {MET: "Đạt", NOT_MET: "Chưa đạt", NO_DATA: "Chưa có số liệu"}[result.verdict]
        row = (f"{number} {ind['name']}{mark} {ind['unit']} {number_text(ind['baseline'])} "
               f"{number_text(ind['target'])} {number_text(reported)} {percent_text(result.percent)} {verdict}")
        assert row in text, row
        # The chart: one labelled bar per indicator with its rate and a % sign (the table has none).
        assert f"{percent_text(result.percent)}%" in text
        assert f"{number}. {ind['name']}{mark}" in text  # the bar's label, numbered like the table row
        poverty_seen |= ind["name"] == "Tỷ lệ hộ nghèo" and result.direction == DOWN
    assert poverty_seen and "(*) Chỉ tiêu cần giảm" in text
    assert "Biểu đồ: Tỷ lệ thực hiện so với kế hoạch" in text and "Kế hoạch (100%)" in text
    assert "0% 25% 50% 75% 100%" in text

    # Activities with their participants and the total row.
    assert f"Đã tổ chức {len(activities)} hoạt động" in text
    total = sum(int(a["participants_total"]) for a in activities)
    women = sum(int(a["participants_women"]) for a in activities)
    assert f"Cộng {number_text(total)} {number_text(women)}" in text
    for activity in activities:
        assert date.fromisoformat(str(activity["held_on"])).strftime("%d/%m/%Y") in text

    # Advanced examples of this movement with their stage.
    board = office.exemplars.board(movement.id)
    titles = [str(card["title"]) for cards in board.values() for card in cards]
    assert titles and all(t in text for t in titles)

    # Awards: 8 proposed, 7 decided, with the decision; shares as the statistics count them.
    assert "Giấy khen của Chủ tịch Ủy ban nhân dân xã 8 7" in text
    assert f"{DECISION} ngày 28/11/2026" in text
    women_awarded = sum(p.gender == "female" for p in people)
    share = percent_text(women_awarded / len(people) * 100) if women_awarded else "0"
    assert f"Tổng số lượt cá nhân được khen thưởng {len(people)} 100" in text
    assert f"1 Nữ {women_awarded} {share}" in text
    assert "III. ĐÁNH GIÁ CHUNG VÀ PHƯƠNG HƯỚNG" in text and "Phương hướng, nhiệm vụ thời gian tới" in text
    assert "TM. ỦY BAN NHÂN DÂN" in pages[-1].text and "Hoàng Văn Chủ" in pages[-1].text


def test_commune_movement_without_baseline_or_figures_claims_no_verdict(commune, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setenv("THIDUA_DOC_FONT", "bundled")
    movement_id = commune.movements.create(MovementInput(
        code="XA-2026-NTM", name="Chung sức xây dựng nông thôn mới năm 2026", launch_level="commune",
        launch_doc_number="03/KH-UBND", launch_doc_date="10/01/2026", period_start="10/01/2026",
        period_end="31/12/2026", goals=["Hoàn thành các tiêu chí nông thôn mới"],
        indicators=[IndicatorInput("Đường giao thông nông thôn được cứng hoá", "km", None, 12),
                    IndicatorInput("Hộ dùng nước sạch", "hộ", 300, 420)]))
    roads = str(commune.movements.indicators(movement_id)[0]["id"])
    commune.movements.record_activity(movement_id=movement_id, held_on="15/03/2026", place="Nhà văn hóa xã",
                                      description="Ra quân làm đường", participants_total=80,
                                      participants_women=30, participants_minority=60,
                                      indicator_values={roads: "3,5"})
    doc = commune.printing.render("movement-report", movement_id)
    pages = check_state_layout(doc.pdf, names=["Đường giao thông nông thôn được cứng hoá"])
    text = _flat(pages)
    assert "Kính gửi" not in text  # the commune's own movement: no addressee above
    assert "Kết quả thực hiện phong trào thi đua “Chung sức xây dựng nông thôn mới năm 2026”" in text
    # Roads: no baseline, so the rate prints (3,5 of 12) but the verdict cell stays for the officer.
    assert "1 Đường giao thông nông thôn được cứng hoá km – 12 3,5 29,2 2" in text
    assert "Ô “Đánh giá” để trống" in text
    assert "2 Hộ dùng nước sạch hộ 300 420 – – Chưa có số liệu" in text
    assert "chưa có số liệu" in text  # the chart's place for the bar without a figure
    assert "Chưa có điển hình tiên tiến" in text and "Chưa có đợt đề nghị khen thưởng" in text
    assert "Trong 2 chỉ tiêu của phong trào có 2 chỉ tiêu chưa đủ số liệu để đánh giá." in text
    assert not [f for f in fonts_of(doc.pdf) if "Helvetica" in f]


def test_qr_follows_the_movement_data(office) -> None:  # type: ignore[no-untyped-def]
    movement = _movement(office, "CT12-2026-2CONSO")
    doc = office.printing.render("movement-report", movement.id)
    assert office.printing.verify_qr(doc.qr_text).status == "match"
    indicator = str(office.movements.indicators(movement.id)[0]["id"])
    office.movements.record_activity(movement_id=movement.id, held_on="01/12/2026", description="Hội nghị sơ kết",
                                     participants_total=40, indicator_values={indicator: 12})
    assert office.printing.verify_qr(doc.qr_text).status == "changed"
    with pytest.raises(NotFoundError):
        office.printing.render("movement-report", "no-such-movement")


def test_print_batch_adds_the_report_of_the_batch_movement(office, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    movement = _movement(office, "CT12-2026-CDS")
    batch_id, _awarded = _awarded_batch(office, movement.id, count=3)
    paths = office.printing.print_batch(batch_id, tmp_path / "dot")
    reports = [p for p in paths if "movement-report" in p.name]
    assert [p.name.rsplit("-", 1)[1] for p in reports] == [f"{movement.id[:8]}.pdf"]
    assert "BÁO CÁO" in PdfReader(str(reports[0])).pages[0].extract_text()
    plain = office.nominations.create_batch("Đợt không gắn phong trào", 2026).id
    assert office.printing.render("movement-report", movement.id).pdf  # still printable on its own
    assert not [p for p in office.printing.print_batch(plain, tmp_path / "plain") if "movement-report" in p.name]
