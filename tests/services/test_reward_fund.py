"""The reward fund's ledger (services/reward_fund.py), at the province and at a commune, on real
offices: income entered by hand, one payment per decision (its total, linked to it, following a
re-issue or a cancellation), the balance, the Excel export read back with openpyxl, and whose
fund travels where."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest
from openpyxl import load_workbook
from province_decision_helpers import DONG_KHE, QUANG_UYEN, Offices, build
from sqlalchemy import select

from thidua_desktop.db.models import FundIncome
from thidua_desktop.domain.errors import DomainError
from thidua_desktop.services.people import PersonInput
from thidua_desktop.services.records import Subject
from thidua_desktop.services.reward_fund import INCOME, PAYMENT


@pytest.fixture
def offices(tmp_path: Path) -> Iterator[Offices]:
    built = build(tmp_path / "offices")
    yield built
    built.close()


def code_of(action) -> str:  # type: ignore[no-untyped-def]
    try:
        action()
    except DomainError as exc:
        return exc.code
    return "ok"


def sheet_rows(path: Path) -> list[tuple[object, ...]]:
    sheet = load_workbook(path).active
    assert sheet is not None
    return [tuple(row) for row in sheet.iter_rows(values_only=True)]


def test_the_province_fund_pays_each_decision_and_exports(offices: Offices, tmp_path: Path) -> None:
    province, d = offices.province, offices.dossiers
    fund = province.reward_fund
    assert fund.ledger().entries == ()
    first = fund.add_income(received_on="15/11/2026", amount="50.000.000 đ", source="Ngân sách tỉnh năm 2026",
                            note="Dự toán bổ sung")
    merit = province.province_decisions.issue(number="125/QĐ-UBND", decided_on="28/11/2026", award_code="BK_TINH_CN",
                                              nomination_ids=[d["school"], d["coop"], d["thang"]])
    fighters = province.province_decisions.issue(number="130/QĐ-UBND", decided_on="10/12/2026",
                                                 award_code="CSTD_TINH", nomination_ids=[d["mai"], d["hung"]])
    fund.add_income(received_on="10/12/2026", amount=5_000_000, source="Đóng góp của doanh nghiệp")
    ledger = fund.ledger()
    assert [(e.kind, e.day, e.amount, e.balance) for e in ledger.entries] == [
        (INCOME, date(2026, 11, 15), 50_000_000, 50_000_000),
        (PAYMENT, date(2026, 11, 28), merit.total, 50_000_000 - 14_040_000),
        (INCOME, date(2026, 12, 10), 5_000_000, 40_960_000),  # income first on a day with a payment
        (PAYMENT, date(2026, 12, 10), fighters.total, 40_960_000 - 15_180_000)]
    assert (ledger.total_income, ledger.total_paid, ledger.balance) == (55_000_000, 29_220_000, 25_780_000)
    payment = ledger.payment_for(merit.id)
    assert payment is not None and payment.recipients == 3 and payment.unknown == 1  # the individual's Bằng khen
    assert "Quyết định số 125/QĐ-UBND ngày 28/11/2026 của Chủ tịch UBND tỉnh" in payment.content
    assert ledger.unknown == 1

    result = fund.export(tmp_path / "quy.xlsx")
    assert result.rows == 4
    rows = sheet_rows(result.path)
    cells = [c for row in rows for c in row if c is not None]
    assert "SỔ THEO DÕI QUỸ THI ĐUA, KHEN THƯỞNG" in cells and "TỈNH CAO BẰNG" in cells
    lines = [row for row in rows if isinstance(row[0], int)]
    assert [(r[1], r[3], r[4], r[5]) for r in lines] == [
        ("15/11/2026", 50_000_000, None, 50_000_000), ("28/11/2026", None, 14_040_000, 35_960_000),
        ("10/12/2026", 5_000_000, None, 40_960_000), ("10/12/2026", None, 15_180_000, 25_780_000)]
    assert lines[0][2] == "Ngân sách tỉnh năm 2026" and lines[0][6] == "Dự toán bổ sung"
    assert "125/QĐ-UBND" in str(lines[1][2]) and "1 trường hợp chưa xác định" in str(lines[1][6])
    [total] = [row for row in rows if "Cộng" in row]
    assert total[3:6] == (55_000_000, 29_220_000, 25_780_000)
    assert any("chưa xác định mức tiền thưởng" in str(c) for c in cells)  # the footnote

    # A wrong income goes; the payments are corrected on their decisions only.
    fund.remove_income(first)
    assert fund.ledger().balance == 5_000_000 - 29_220_000
    assert code_of(lambda: fund.remove_income(first)) == "NOT_FOUND"
    for bad, code in (("", "REQUIRED"), ("năm triệu", "NUMBER_INVALID"), ("-5", "NUMBER_OUT_OF_RANGE"),
                      ("0", "NUMBER_OUT_OF_RANGE")):
        assert code_of(lambda a=bad: fund.add_income(received_on="01/12/2026", amount=a, source="x")) == code
    assert code_of(lambda: fund.add_income(received_on="01/12/2026", amount="1", source="  ")) == "REQUIRED"
    assert code_of(lambda: fund.add_income(received_on="31/02/2026", amount="1", source="x")) == "DATE_INVALID"
    assert code_of(lambda: fund.export(tmp_path / "quy.csv")) == "EXPORT_NOT_XLSX"

    # The province's fund stays at the province; the communes' ledgers do not see its payments.
    for code in (QUANG_UYEN, DONG_KHE):
        offices.send_down(code)
        commune = offices.communes[code]
        assert commune.reward_fund.ledger().entries == ()
        with commune.db.reader() as session:
            assert session.scalars(select(FundIncome)).all() == []


def test_a_commune_keeps_its_own_fund(offices: Offices, tmp_path: Path) -> None:
    commune, province = offices.communes[QUANG_UYEN], offices.province
    fund = commune.reward_fund
    fund.add_income(received_on="02/01/2026", amount="20.000.000", source="Ngân sách xã năm 2026")
    # The commune chairman's own decision pays from it: 0.3 × 2,340,000 for a Lao động tiên tiến.
    person = commune.people.create(PersonInput("Lục Thị Hằng", "female", birth="1990", ethnicity="Nùng",
                                               employment_start="01/03/2015", position="Công chức"))
    commune.records.set_rating(Subject(person_id=person.id), 2026, "excellent", "Kết quả xếp loại 2026")
    batch = commune.nominations.batches()[0].id
    nomination = commune.nominations.create(batch_id=batch, award_code="LDTT", person_id=person.id,
                                            as_of=date(2026, 11, 25))
    commune.nominations.transition(nomination.id, "council_voted")
    own = commune.decisions.issue(number="05/QĐ-UBND", decided_on="30/11/2026", award_code="LDTT",
                                  nomination_ids=[nomination.id], signer_name="Nông Văn Chủ",
                                  overrides={nomination.id: "Hội đồng đã xét"})
    assert own.total_reward == 710_000  # 0.3 × 2,340,000 = 702,000, rounded up to 10,000 đ
    # A provincial decision for its people arrives too, and is not the commune's to pay.
    province.province_decisions.issue(number="125/QĐ-UBND", decided_on="28/11/2026", award_code="BK_TINH_TT",
                                      nomination_ids=[offices.dossiers["school"]])
    offices.send_down(QUANG_UYEN)
    ledger = fund.ledger()
    assert [(e.kind, e.amount, e.balance) for e in ledger.entries] == [
        (INCOME, 20_000_000, 20_000_000), (PAYMENT, 710_000, 19_290_000)]
    assert ledger.payment_for(own.id) is not None and "của Chủ tịch UBND xã" in ledger.entries[1].content
    rows = sheet_rows(fund.export(tmp_path / "quy-xa.xlsx").path)
    assert any("XÃ QUẢNG UYÊN" in str(c) for row in rows for c in row)
    assert [(r[3], r[4], r[5]) for r in rows if isinstance(r[0], int)] == [
        (20_000_000, None, 20_000_000), (None, 710_000, 19_290_000)]

    # The commune's fund travels up with its partition (the province is its off-site copy); the
    # province's own ledger stays its own.
    offices.send_up(QUANG_UYEN)
    with province.db.reader() as session:
        assert [row.amount for row in session.scalars(select(FundIncome))] == [20_000_000]
    payments = [e for e in province.reward_fund.ledger().entries]
    assert [(e.kind, e.amount) for e in payments] == [(PAYMENT, 7_020_000)]  # its own decision only
    assert code_of(lambda: province.reward_fund.remove_income(
        commune.reward_fund.ledger().entries[0].income_id)) == "NOT_FOUND"
