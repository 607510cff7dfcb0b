"""Decisions of the provincial chairman (services/province_decisions.py) on real offices: a province
decides the approved dossiers of two communes (tests/province_decision_helpers.py); the rewards are
the catalog's multiplier × the base salary in force on the decision date; the decision, its list
and the certificates are read back from the PDFs; each commune's next bundle brings its own
results, and only its own, into its award history; re-issuing and cancelling travel the same way."""

from __future__ import annotations

import math
import re
from collections.abc import Iterator
from io import BytesIO
from pathlib import Path

import pytest
from province_decision_helpers import CHAIRMAN, DONG_KHE, NEW_SALARY, QUANG_UYEN, Offices, build
from pypdf import PdfReader
from sqlalchemy import func, select

from thidua_desktop.bootstrap import App
from thidua_desktop.db.models import AuditEntry, AwardHistory, Decision, DecisionRecipient, QuarantinedRecord
from thidua_desktop.domain.errors import DomainError
from thidua_desktop.messages import render
from thidua_desktop.reports.words import amount_in_words, money
from thidua_desktop.services.province_decisions import ProvinceDecisionView
from thidua_desktop.services.records import Subject

OLD_SALARY = 2_340_000  # the catalog's, before the province's 2,530,000 from 01/12/2026


@pytest.fixture
def offices(tmp_path: Path) -> Iterator[Offices]:
    built = build(tmp_path / "offices")
    yield built
    built.close()


def expected(app: App, code: str, salary: int) -> int | None:
    """Multiplier × base salary rounded up to 10,000 đ, counted here from the catalog's figure."""
    multiplier = app.catalog.award(code).reward.multiplier
    return None if multiplier is None else math.ceil(round(multiplier * salary) / 10_000) * 10_000


def pdf_pages(pdf: bytes) -> list[str]:
    """Each page's text with the line breaks of the layout folded into single spaces."""
    return [" ".join((page.extract_text() or "").split()) for page in PdfReader(BytesIO(pdf)).pages]


def code_of(action) -> str:  # type: ignore[no-untyped-def]
    try:
        action()
    except DomainError as exc:
        return exc.code
    return "ok"


def decide_both(offices: Offices) -> tuple[ProvinceDecisionView, ProvinceDecisionView]:
    """The Bằng khen for three dossiers of two communes on 28/11/2026 (old base salary) and the
    provincial emulation fighters of both communes on 10/12/2026 (new base salary)."""
    d = offices.dossiers
    decisions = offices.province.province_decisions
    merit = decisions.issue(number="125/QĐ-UBND", decided_on="28/11/2026", award_code="BK_TINH_CN",
                            nomination_ids=[d["school"], d["coop"], d["thang"]])
    fighters = decisions.issue(number="130/QĐ-UBND", decided_on="10/12/2026", award_code="CSTD_TINH",
                               nomination_ids=[d["mai"], d["hung"]])
    return merit, fighters


def test_decisions_for_two_communes_count_print_and_travel_home(offices: Offices) -> None:
    province, d = offices.province, offices.dossiers
    service = province.province_decisions
    ready = {r.nomination_id for r in service.ready()}
    assert ready == {d[k] for k in ("mai", "thang", "school", "hung", "coop")}  # not Lan (not reviewed), not Thu
    assert {r.commune_code for r in service.ready("BK_TINH_TT")} == {QUANG_UYEN, DONG_KHE}

    merit, fighters = decide_both(offices)
    assert service.ready() == []
    # The amounts: multiplier × base salary on the decision date, as stored and as the views say.
    by_nomination = {r.nomination_id: r for r in (*merit.recipients, *fighters.recipients)}
    assert by_nomination[d["school"]].reward_amount == expected(province, "BK_TINH_TT", OLD_SALARY) == 7_020_000
    assert by_nomination[d["coop"]].reward_amount == 7_020_000
    assert by_nomination[d["thang"]].reward_amount is None  # no multiplier for an individual's Bằng khen
    assert by_nomination[d["mai"]].reward_amount == expected(province, "CSTD_TINH", NEW_SALARY) == 7_590_000
    assert (merit.base_salary, fighters.base_salary) == (OLD_SALARY, NEW_SALARY)
    assert (merit.total, fighters.total) == (14_040_000, 15_180_000)
    assert merit.signer_name == CHAIRMAN and merit.communes == ("Xã Đông Khê", "Xã Quảng Uyên")
    with province.db.reader() as session:
        stored = {r.nomination_id: r.reward_amount for r in session.scalars(select(DecisionRecipient))}
        assert stored == {k: v.reward_amount for k, v in by_nomination.items()}
        assert session.scalars(select(Decision.level).where(Decision.id == merit.id)).one() == "province"
    # Decided at the province: the dossiers show it.
    assert province.nominations.get(d["mai"]).status == "decided"

    # The decision and its list, read back.
    decision_pdf = province.printing.render("province-decision", merit.id).pdf
    pages = pdf_pages(decision_pdf)
    whole = " ".join(pages)
    assert "ỦY BAN NHÂN DÂN TỈNH CAO BẰNG" in pages[0] and "Số: 125/QĐ-UBND" in pages[0]
    assert "CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH CAO BẰNG" in pages[0] and "Cao Bằng, ngày 28 tháng 11 năm 2026" in pages[0]
    assert f"CHỦ TỊCH {CHAIRMAN}" in whole and "TM." not in whole
    for name in ("Trường Tiểu học Quảng Uyên", "Hợp tác xã Đông Khê", "Nông Văn Thắng"):
        assert name in whole
    listed = whole[whole.index("DANH SÁCH"):]
    assert "Kèm theo Quyết định số 125/QĐ-UBND ngày 28/11/2026 của Chủ tịch Ủy ban nhân dân tỉnh Cao Bằng" in listed
    assert listed.count(money(7_020_000)) == 2 and "chưa xác định" in listed
    assert re.search(r"Tổng cộng " + re.escape(money(merit.total)), listed)
    assert f"Tổng số tiền thưởng: {money(merit.total)} đồng (Bằng chữ: {amount_in_words(merit.total)})" in listed
    assert "xã Đông Khê" in listed and "xã Quảng Uyên" in listed  # each recipient's commune
    fighters_pdf = " ".join(pdf_pages(province.printing.render("province-decision", fighters.id).pdf))
    assert "Số: 130/QĐ-UBND" in fighters_pdf and "Chiến sĩ thi đua cấp tỉnh" in fighters_pdf
    assert (f"mỗi cá nhân được thưởng {money(7_590_000)} đồng (bằng 3 lần mức lương cơ sở {money(NEW_SALARY)} đồng"
            in fighters_pdf)
    assert f"{money(15_180_000)} đồng (Bằng chữ: {amount_in_words(15_180_000)}" in fighters_pdf

    # The certificates: one page for each recipient, the province's chairman signing.
    certificates = pdf_pages(province.printing.render("province-certificate", merit.id).pdf)
    assert len(certificates) == 3
    assert all("BẰNG KHEN" in p and "CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH CAO BẰNG" in p and CHAIRMAN in p
               and "Số quyết định: 125/QĐ-UBND" in p for p in certificates)
    assert sorted(n for p in certificates for n in ("Trường Tiểu học Quảng Uyên", "Hợp tác xã Đông Khê",
                                                     "Ông Nông Văn Thắng") if n in p) == sorted(
        ["Trường Tiểu học Quảng Uyên", "Hợp tác xã Đông Khê", "Ông Nông Văn Thắng"])
    one = pdf_pages(province.printing.render("province-certificate", f"{fighters.id}:{d['hung']}").pdf)
    assert len(one) == 1 and "GIẤY CHỨNG NHẬN" in one[0] and "Ông Bế Văn Hùng" in one[0]
    assert province.printing.verify_qr(province.printing.render("province-decision", merit.id).qr_text).status \
        == "match"

    # Each commune's next bundle: its own results in its award history, and nobody else's.
    for code in (QUANG_UYEN, DONG_KHE):
        report = offices.send_down(code)
        assert report["quarantined"] == 0 and report["conflicts"] == 0
    quang_uyen, dong_khe = offices.communes[QUANG_UYEN], offices.communes[DONG_KHE]
    mai = quang_uyen.records.awards_of(Subject(*offices.subjects["mai"]))
    assert [(a["award_code"], a["decision_number"], a["decision_date"], a["issuing_level"], a["issuer"],
             a["issuing_body"], a["award_form"], a["year"]) for a in mai] == [
        ("CSTD_TINH", "130/QĐ-UBND", "2026-12-10", "province", "Chủ tịch UBND tỉnh", "province", "emulation_title",
         2026)]
    school = quang_uyen.records.awards_of(Subject(*offices.subjects["school"]))
    assert [(a["award_code"], a["decision_number"], a["award_form"]) for a in school] == [
        ("BK_TINH_TT", "125/QĐ-UBND", "merit_certificate")]
    coop = dong_khe.records.awards_of(Subject(*offices.subjects["coop"]))
    assert [(a["award_code"], a["decision_number"]) for a in coop] == [("BK_TINH_TT", "125/QĐ-UBND")]
    for app, own in ((quang_uyen, {"mai", "thang", "school"}), (dong_khe, {"hung", "coop"})):
        with app.db.reader() as session:
            recipients = set(session.scalars(select(DecisionRecipient.nomination_id)))
            awards = session.scalars(select(AwardHistory).where(AwardHistory.source == "decision")).all()
            assert recipients == {d[k] for k in own}
            assert {(a.person_id, a.collective_id) for a in awards} == {offices.subjects[k] for k in own}
            assert session.scalar(select(func.count()).select_from(QuarantinedRecord)) == 0
        assert {app.nominations.get(d[k]).status for k in own} == {"decided"}
        assert app.nominations.get(d[next(iter(own))]).status_reason.endswith("của Chủ tịch UBND tỉnh")
        assert app.decisions.page() == ([], 0)  # the commune's own decisions list: none of the province's
    assert quang_uyen.nominations.get(d["lan"]).status == "in_review"  # not decided: unchanged


def test_a_decision_reaches_only_the_communes_it_names(offices: Offices) -> None:
    only_dong_khe = offices.province.province_decisions.issue(
        number="131/QĐ-UBND", decided_on="10/12/2026", award_code="BK_TINH_TT",
        nomination_ids=[offices.dossiers["coop"]])
    for code in (QUANG_UYEN, DONG_KHE):
        offices.send_down(code)
    with offices.communes[QUANG_UYEN].db.reader() as session:
        assert session.get(Decision, only_dong_khe.id) is None
        assert session.scalar(select(func.count()).select_from(DecisionRecipient)) == 0
    with offices.communes[DONG_KHE].db.reader() as session:
        assert session.get(Decision, only_dong_khe.id) is not None


def test_reissue_and_cancel_move_the_fund_and_the_communes_history(offices: Offices) -> None:
    province, d = offices.province, offices.dossiers
    service, fund = province.province_decisions, province.reward_fund
    decision = service.issue(number="140/QĐ-UBND", decided_on="28/11/2026", award_code="BK_TINH_TT",
                             nomination_ids=[d["school"], d["coop"]])
    assert fund.ledger().payment_for(decision.id).amount == 14_040_000  # type: ignore[union-attr]
    for code in (QUANG_UYEN, DONG_KHE):
        offices.send_down(code)

    # Corrected: another number and date (the new base salary), the cooperative taken out.
    again = service.reissue(decision.id, number="141/QĐ-UBND", decided_on="10/12/2026",
                            nomination_ids=[d["school"]])
    assert again.id == decision.id and [r.nomination_id for r in again.recipients] == [d["school"]]
    assert again.recipients[0].reward_amount == expected(province, "BK_TINH_TT", NEW_SALARY) == 7_590_000
    payment = fund.ledger().payment_for(decision.id)
    assert payment is not None and payment.amount == 7_590_000 and "141/QĐ-UBND" in payment.content
    assert d["coop"] in {r.nomination_id for r in service.ready()}  # it may go into another decision
    for code in (QUANG_UYEN, DONG_KHE):
        assert offices.send_down(code)["quarantined"] == 0
    school = offices.communes[QUANG_UYEN].records.awards_of(Subject(*offices.subjects["school"]))
    assert [(a["decision_number"], a["decision_date"]) for a in school] == [("141/QĐ-UBND", "2026-12-10")]
    dong_khe = offices.communes[DONG_KHE]
    assert dong_khe.records.awards_of(Subject(*offices.subjects["coop"])) == []
    coop = dong_khe.nominations.get(d["coop"])
    assert coop.status == "approved" and coop.status_reason.startswith("Đã rút khỏi Quyết định số 140/QĐ-UBND")

    # Cancelled: the payment goes, the dossier is approved again, the commune's history forgets it.
    assert code_of(lambda: service.cancel(decision.id, "  ")) == "REASON_REQUIRED"
    service.cancel(decision.id, "Nhầm đối tượng")
    assert fund.ledger().payment_for(decision.id) is None and fund.ledger().total_paid == 0
    assert d["school"] in {r.nomination_id for r in service.ready()}
    assert service.page() == ([], 0)
    with province.db.reader() as session:
        cancelled = session.scalars(select(AuditEntry).where(AuditEntry.action == "cancel")).one()
        assert cancelled.row_id == decision.id and cancelled.new_values["reason"] == "Nhầm đối tượng"
    offices.send_down(QUANG_UYEN)
    quang_uyen = offices.communes[QUANG_UYEN]
    assert quang_uyen.records.awards_of(Subject(*offices.subjects["school"])) == []
    assert quang_uyen.nominations.get(d["school"]).status_reason.endswith("đã bị hủy: Nhầm đối tượng")
    # Decided again later, under the cancelled number: it is free again.
    service.issue(number="140/QĐ-UBND", decided_on="15/12/2026", award_code="BK_TINH_TT", nomination_ids=[d["school"]])


def test_what_cannot_be_decided_is_refused_and_nothing_is_written(offices: Offices) -> None:
    province, d = offices.province, offices.dossiers
    service = province.province_decisions

    def issue(award: str, *keys: str, number: str = "150/QĐ-UBND", app: App = province) -> str:
        return code_of(lambda: app.province_decisions.issue(
            number=number, decided_on="10/12/2026", award_code=award, nomination_ids=[d[k] for k in keys]))

    assert issue("BK_TINH_CN", "school", "lan") == "NOMINATION_NOT_APPROVED"  # still in review
    with pytest.raises(DomainError) as refused:
        service.issue(number="150/QĐ-UBND", decided_on="10/12/2026", award_code="BK_TINH_CN",
                      nomination_ids=[d["lan"]])
    assert "«Lý Thị Lan»" in render(refused.value) and "Đang thẩm định" in render(refused.value)
    assert issue("BK_TINH_CN", "school", "mai") == "DECISION_AWARD_MISMATCH"  # a fighter in a Bằng khen
    assert issue("LDTT", "thu") == "AWARD_NOT_PROVINCE_LEVEL"  # the commune chairman's own title
    assert issue("BK_TINH_CN") == "REQUIRED"
    assert issue("BK_TINH_CN", "school", number=" ") == "REQUIRED"
    with province.db.reader() as session:
        assert session.scalar(select(func.count()).select_from(Decision)) == 0
        assert session.scalar(select(func.count()).select_from(AwardHistory)) == 0
    assert issue("BK_TINH_CN", "school") == "ok"
    assert issue("BK_TINH_CN", "coop") == "DECISION_NUMBER_DUPLICATE"  # the same number, the same year
    assert issue("BK_TINH_CN", "school", number="151/QĐ-UBND") == "NOMINATION_NOT_APPROVED"  # decided already
    # A commune records no decision of the provincial chairman.
    assert issue("BK_TINH_TT", "school", app=offices.communes[QUANG_UYEN]) == "PROVINCE_DECISION_PROVINCE_ONLY"
    # Nobody holds the post on the day: the refusal names the provincial chairman's post.
    with pytest.raises(DomainError) as missing:
        service.issue(number="152/QĐ-UBND", decided_on="01/01/2025", award_code="BK_TINH_TT",
                      nomination_ids=[d["coop"]])
    assert missing.value.code == "OFFICIAL_MISSING" and "Chủ tịch UBND tỉnh" in render(missing.value)


def test_only_a_leader_records_a_decision(offices: Offices, monkeypatch: pytest.MonkeyPatch) -> None:
    import nacl.pwhash

    from thidua_desktop.bootstrap import open_app
    from thidua_desktop.sync import passwords

    monkeypatch.setattr(passwords, "OPSLIMIT", nacl.pwhash.argon2id.OPSLIMIT_MIN)
    monkeypatch.setattr(passwords, "MEMLIMIT", nacl.pwhash.argon2id.MEMLIMIT_MIN)
    province, d = offices.province, offices.dossiers
    province.accounts.create("quantri", "Hoàng Văn Quản", "admin", "Quan-tri-2026")
    province.sign_in("quantri", "Quan-tri-2026")
    province.accounts.create("hoa.nt", "Nông Thị Hoa", "reviewer", "Tham-dinh-01")
    province.accounts.create("lanhdao", "Lục Văn Tài", "leader", "Lanh-dao-01")
    reviewer, leader = open_app(province.paths.data_dir), open_app(province.paths.data_dir)
    try:
        reviewer.sign_in("hoa.nt", "Tham-dinh-01")
        leader.sign_in("lanhdao", "Lanh-dao-01")

        def issue(app: App, number: str) -> str:
            return code_of(lambda: app.province_decisions.issue(
                number=number, decided_on="10/12/2026", award_code="CSTD_TINH", nomination_ids=[d["mai"]]))

        assert issue(reviewer, "160/QĐ-UBND") == "ROLE_REQUIRED"
        assert issue(province, "160/QĐ-UBND") == "ROLE_REQUIRED"  # the admin manages accounts, not awards
        with province.db.reader() as session:
            assert session.scalar(select(func.count()).select_from(Decision)) == 0
        assert issue(leader, "160/QĐ-UBND") == "ok"
        [decision] = leader.province_decisions.page()[0]
        assert code_of(lambda: reviewer.province_decisions.reissue(
            decision.id, number="161/QĐ-UBND", decided_on="10/12/2026", nomination_ids=[d["mai"]])) == "ROLE_REQUIRED"
        assert code_of(lambda: reviewer.province_decisions.cancel(decision.id, "Nhầm")) == "ROLE_REQUIRED"
        # The fund is kept by the Board's officers: a reviewer may enter what it received.
        assert code_of(lambda: reviewer.reward_fund.add_income(received_on="01/12/2026", amount="1.000.000",
                                                               source="Ngân sách tỉnh")) == "ok"
        assert code_of(lambda: province.reward_fund.add_income(received_on="01/12/2026", amount="1",
                                                               source="x")) == "ROLE_REQUIRED"
        ids = {a.username: a.id for a in province.accounts.list()}
        with province.db.reader() as session:
            actors = set(session.scalars(select(AuditEntry.actor).where(AuditEntry.table_name == "decisions")))
        assert actors == {f"lanhdao (#{ids['lanhdao']})"}
    finally:
        reviewer.close()
        leader.close()
