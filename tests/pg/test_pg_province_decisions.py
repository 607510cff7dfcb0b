"""Provincial decisions and the reward fund on a province office on PostgreSQL, with communes on
their SQLite files (tests/province_decision_helpers.py): the amounts, the year-bound decision
number, the fund's totals (64-bit amounts, grouped sums), the PDF read back, and each commune
receiving its own results, as on SQLite (tests/services/test_province_decisions.py)."""

from __future__ import annotations

from io import BytesIO
from pathlib import Path

import pytest
from province_decision_helpers import DONG_KHE, QUANG_UYEN, play_story
from pypdf import PdfReader

from thidua_desktop.bootstrap import App
from thidua_desktop.domain.errors import DomainError
from thidua_desktop.reports.words import amount_in_words, money
from thidua_desktop.services.records import Subject

pytestmark = pytest.mark.postgres


def test_decisions_and_the_fund_on_a_postgresql_province(pg_province: App, tmp_path: Path) -> None:
    pg_province.sync.create_recovery_key(tmp_path / "recovery.tdkey")
    offices = play_story(pg_province, tmp_path)
    try:
        d, decisions, fund = offices.dossiers, pg_province.province_decisions, pg_province.reward_fund
        merit = decisions.issue(number="125/QĐ-UBND", decided_on="28/11/2026", award_code="BK_TINH_CN",
                                nomination_ids=[d["school"], d["coop"], d["thang"]])
        fighters = decisions.issue(number="130/QĐ-UBND", decided_on="10/12/2026", award_code="CSTD_TINH",
                                   nomination_ids=[d["mai"], d["hung"]])
        assert (merit.total, fighters.total) == (14_040_000, 15_180_000)
        with pytest.raises(DomainError) as taken:
            decisions.issue(number="125/QĐ-UBND", decided_on="15/12/2026", award_code="BK_TINH_CN",
                            nomination_ids=[d["school"]])
        assert taken.value.code == "DECISION_NUMBER_DUPLICATE"
        fund.add_income(received_on="15/11/2026", amount=3_000_000_000, source="Ngân sách tỉnh")  # past 32 bits
        ledger = fund.ledger()
        assert (ledger.total_income, ledger.total_paid, ledger.balance) == (3_000_000_000, 29_220_000, 2_970_780_000)
        assert ledger.payment_for(merit.id).unknown == 1  # type: ignore[union-attr]
        pdf = pg_province.printing.render("province-decision", merit.id).pdf
        text = " ".join(" ".join((p.extract_text() or "").split()) for p in PdfReader(BytesIO(pdf)).pages)
        assert "Số: 125/QĐ-UBND" in text and f"(Bằng chữ: {amount_in_words(merit.total)})" in text
        assert text.count(money(7_020_000)) >= 2
        decisions.cancel(fighters.id, "Ghi nhầm")
        assert fund.ledger().total_paid == 14_040_000
        for code in (QUANG_UYEN, DONG_KHE):
            assert offices.send_down(code)["quarantined"] == 0
        school = offices.communes[QUANG_UYEN].records.awards_of(Subject(*offices.subjects["school"]))
        assert [(a["decision_number"], a["issuer"]) for a in school] == [("125/QĐ-UBND", "Chủ tịch UBND tỉnh")]
        assert offices.communes[QUANG_UYEN].records.awards_of(Subject(*offices.subjects["mai"])) == []
        coop = offices.communes[DONG_KHE].records.awards_of(Subject(*offices.subjects["coop"]))
        assert [a["award_code"] for a in coop] == ["BK_TINH_TT"]
    finally:
        for app in offices.communes.values():
            app.close()  # the province is the fixture's to close
