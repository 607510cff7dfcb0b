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
from thidua_desktop.services.movements import IndicatorInput, MovementInput

from .pdfcheck import check_state_layout, fonts_of

# Drafts whose qualitative criteria are not attested: the council records why it votes on them.
CHECKED = "Hội đồng đã xem xét hồ sơ tại cuộc họp"

DECISION = "52/QĐ-UBND"


@pytest.fixture
def office(commune, monkeypatch, load_demo):  # type: ignore[no-untyped-def]
    monkeypatch.setenv("THIDUA_DOC_FONT", "bundled")
    load_demo(commune, seed=2026, people=60, today=date(2026, 11, 25))
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
                                         ballots=[BallotInput(n, 6, 6, 6, CHECKED) for n in nominations])
    passed = [r.nomination_id for r in results if r.passed]
    assert len(passed) == count
    app.decisions.issue(number=DECISION, decided_on="28/11/2026", award_code="GK_XA_CN",
                        nomination_ids=passed[:-1])
    return batch.id, [p.id for p in people[:-1]]


def test_assess_follows_the_stored_direction() -> None:
    up_met = assess(IndicatorResult("Thu nhập", "triệu", 32, 45, 46, "level", UP))
    assert (up_met.direction, up_met.verdict) == (UP, MET) and up_met.percent == pytest.approx(46 / 45 * 100)
    assert assess(IndicatorResult("Thu nhập", "triệu", 32, 45, 40, "level", UP)).verdict == NOT_MET
    # Poverty rate 18.5 % → 10 %, lower is better: 9 % meets the plan; its rate is the share of the
    # planned reduction done (9.5 of 8.5 points), not 9 ÷ 10.
    poverty = assess(IndicatorResult("Tỷ lệ hộ nghèo", "%", 18.5, 10, 9, "percentage", DOWN))
    assert (poverty.direction, poverty.verdict) == (DOWN, MET) and poverty.percent == pytest.approx(9.5 / 8.5 * 100)
    assert assess(IndicatorResult("Tỷ lệ hộ nghèo", "%", 18.5, 10, 12, "percentage", DOWN)).verdict == NOT_MET
    # The direction is stored, not guessed: without a baseline a count to raise is still judged.
    models = assess(IndicatorResult("Mô hình", "mô hình", None, 10, 12))
    assert (models.direction, models.verdict) == (UP, MET) and models.percent == pytest.approx(120)
    nothing = assess(IndicatorResult("Mô hình", "mô hình", 2, 10, None))
    assert (nothing.verdict, nothing.percent) == (NO_DATA, None)
    assert assess(IndicatorResult("Mô hình", "mô hình", 2, None, 4)).verdict == UNKNOWN  # no target
    assert assess(IndicatorResult("Sự cố", "vụ", 3, 0, 0, "count", DOWN)).verdict == MET  # no division by zero
    assert (number_text(1500), number_text(12.5), number_text(None), percent_text(22.222)) == \
        ("1.500", "12,5", "–", "22,2")


def test_report_prints_indicators_chart_activities_examples_and_awards(office) -> None:  # type: ignore[no-untyped-def]
    chairman = office.officials.holder("chairman", date.today()).full_name  # who signs on the print date
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
        reported = ind["result"]
        result = assess(IndicatorResult(str(ind["name"]), str(ind["unit"]), ind["baseline"], ind["target"], reported,
                                        str(ind["kind"]), str(ind["direction"])))
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
    assert "TM. ỦY BAN NHÂN DÂN" in pages[-1].text and chairman in pages[-1].text


def test_commune_movement_without_baseline_or_figures_claims_no_verdict(commune, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setenv("THIDUA_DOC_FONT", "bundled")
    commune.officials.add(role="chairman", full_name="Hoàng Văn Chủ", term_start="01/07/2025")  # who signs
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
    # Roads: a count to raise, judged without a baseline (3,5 of 12).
    assert "1 Đường giao thông nông thôn được cứng hoá km – 12 3,5 29,2 Chưa đạt" in text
    assert "Ô “Đánh giá” để trống" not in text
    assert "2 Hộ dùng nước sạch hộ 300 420 – – Chưa có số liệu" in text
    assert "chưa có số liệu" in text  # the chart's place for the bar without a figure
    assert "Chưa có điển hình tiên tiến" in text and "Chưa có đợt đề nghị khen thưởng" in text
    assert "Trong 2 chỉ tiêu của phong trào có 1 chỉ tiêu chưa đạt, 1 chỉ tiêu chưa đủ số liệu để đánh giá." in text
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
    assert [p.name.rsplit("-", 1)[1] for p in reports] == [f"{movement.id[-8:]}.pdf"]
    assert "BÁO CÁO" in PdfReader(str(reports[0])).pages[0].extract_text()
    plain = office.nominations.create_batch("Đợt không gắn phong trào", 2026).id
    assert office.printing.render("movement-report", movement.id).pdf  # still printable on its own
    assert not [p for p in office.printing.print_batch(plain, tmp_path / "plain") if "movement-report" in p.name]


def test_levels_print_their_latest_value_and_a_falling_rate_above_its_target_is_not_met(commune, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    """Issue 10, point 8: "85% → plan 95%, result 10 → 10.5% Chưa đạt" came from summing a percentage."""
    monkeypatch.setenv("THIDUA_DOC_FONT", "bundled")
    commune.officials.add(role="chairman", full_name="Hoàng Văn Chủ", term_start="01/07/2025")  # who signs
    movement_id = commune.movements.create(MovementInput(
        code="XA-2026-KT", name="Thi đua phát triển kinh tế năm 2026", launch_level="commune",
        period_start="01/01/2026", period_end="31/12/2026",
        indicators=[IndicatorInput("Tỷ lệ hộ nghèo", "%", "18,5", 5, kind="percentage", direction="down"),
                    IndicatorInput("Thu nhập bình quân đầu người", "triệu đồng/năm", 32, 45, kind="level"),
                    IndicatorInput("Cán bộ, công chức hoàn thành tốt nhiệm vụ trở lên", "%", 85, 95,
                                   kind="percentage"),
                    IndicatorInput("Mô hình kinh tế mới", "mô hình", 0, 4)]))
    poverty, income, officials, models = (str(i["id"]) for i in commune.movements.indicators(movement_id))
    for day, values in (("30/06/2026", {poverty: 12, income: 36, officials: 90, models: 1}),
                        ("15/11/2026", {poverty: 8, income: "38,5", officials: 96, models: 3}),
                        ("01/03/2026", {poverty: 16, income: 33, officials: 85})):
        commune.movements.record_activity(movement_id=movement_id, held_on=day, participants_total=30,
                                          indicator_values=values)
    doc = commune.printing.render("movement-report", movement_id)
    text = _flat(check_state_layout(doc.pdf, names=["Tỷ lệ hộ nghèo"]))
    # 8 % against 5 %, lower is better: not met; the rate is how much of 18,5 → 5 is done (77,8 %).
    assert "1 Tỷ lệ hộ nghèo (*) % 18,5 5 8 77,8 Chưa đạt" in text
    # The latest income (38,5 on 15/11), not the sum of the three reports (107,5).
    assert "2 Thu nhập bình quân đầu người triệu đồng/năm 32 45 38,5 85,6 Chưa đạt" in text
    assert "107,5" not in text
    assert "3 Cán bộ, công chức hoàn thành tốt nhiệm vụ trở lên % 85 95 96 101,1 Đạt" in text
    assert "4 Mô hình kinh tế mới mô hình 0 4 4 100 Đạt" in text  # a count adds its reports up
    assert "Chỉ tiêu số 1, 2, 3 là mức hoặc tỷ lệ" in text and "số liệu báo cáo gần nhất" in text
    assert "(*) Chỉ tiêu cần giảm" in text
    assert "Trong 4 chỉ tiêu của phong trào có 2 chỉ tiêu đạt kế hoạch, 2 chỉ tiêu chưa đạt." in text


def test_the_regular_movement_reports_the_awards_of_its_years_annual_batch(office) -> None:  # type: ignore[no-untyped-def]
    """Issue 10, point 8: the demo's commune decision granted Lao động tiên tiến through the 2026
    annual batch, yet the report of the commune's regular movement said no award was linked."""
    regular = _movement(office, "XA-2026-TX")
    [batch] = office.nominations.batches()
    assert batch.kind == "annual"
    decided = [n for n in office.nominations.list(batch_id=batch.id) if n.status == "decided"]
    assert decided
    text = _flat(check_state_layout(office.printing.render("movement-report", regular.id).pdf))
    assert "Chưa có đợt đề nghị khen thưởng nào gắn với phong trào" not in text
    decisions, _total = office.decisions.page()
    assert decisions and all(f"{d.number} ngày {d.decided_on:%d/%m/%Y}" in text for d in decisions)
    assert all(n.nominee_name in text for n in decided)
    assert f"đã được khen thưởng {len(decided)} lượt" in text
    # A thematic movement does not claim the annual batch.
    thematic = _movement(office, "CT12-2026-2CONSO")
    assert "Chưa có đợt đề nghị khen thưởng nào gắn với phong trào" in _flat(
        check_state_layout(office.printing.render("movement-report", thematic.id).pdf))
