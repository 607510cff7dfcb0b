"""Two more counts on the province's overview (issue 14): the duplicate findings no officer has
answered yet, per commune, and the dossiers a provincial decision awarded whose result has not yet
gone to the commune in a bundle. Real offices exchanging real bundles."""

from __future__ import annotations

from pathlib import Path

from duplicate_helpers import planted_province
from province_decision_helpers import DONG_KHE, QUANG_UYEN
from province_decision_helpers import build as build_decisions
from province_overview_helpers import LY_BON

from thidua_desktop.bootstrap import App
from thidua_desktop.services.duplicate_views import KEEP_BOTH
from thidua_desktop.services.province_overview import CommuneRow, ProvinceOverviewService


def rows(app: App) -> dict[str, CommuneRow]:
    overview = ProvinceOverviewService(app.db, app.actor, app.current_catalog).overview()
    return {row.unit_code: row for row in overview.rows}


def test_open_duplicate_findings_count_for_each_commune_they_touch(tmp_path: Path) -> None:
    planted = planted_province(tmp_path)
    try:
        province = planted.province
        shown = rows(province)
        # Five findings all touch Quảng Uyên, three Lý Bôn, one Đông Khê (its record held back).
        assert {code: r.duplicates_open for code, r in shown.items()} == {QUANG_UYEN: 5, LY_BON: 3, DONG_KHE: 1}
        assert shown == rows(province)  # the same on a second look
        finding = next(f for f in province.duplicates.findings()
                       if set(f.commune_codes) == {QUANG_UYEN, LY_BON} and KEEP_BOTH in f.choices)
        province.duplicates.resolve(finding.key, finding.fingerprint, KEEP_BOTH, "Hai người khác nhau đã xác minh")
        after = rows(province)
        assert (after[QUANG_UYEN].duplicates_open, after[LY_BON].duplicates_open) == (4, 2)
        assert after[DONG_KHE].duplicates_open == 1
        assert not after[LY_BON].blocked  # a finding waits for an answer; the commune's data still flows
    finally:
        planted.offices.close()


def test_decided_results_count_until_their_bundle_is_written(tmp_path: Path) -> None:
    offices = build_decisions(tmp_path)
    try:
        province, d = offices.province, offices.dossiers
        before = rows(province)
        assert before[QUANG_UYEN].decided_unsent == before[DONG_KHE].decided_unsent == 0
        unsent_verdicts = before[QUANG_UYEN].results_unsent
        province.province_decisions.issue(number="125/QĐ-UBND", decided_on="28/11/2026", award_code="BK_TINH_CN",
                                          nomination_ids=[d["school"], d["coop"], d["thang"]])
        shown = rows(province)
        assert (shown[QUANG_UYEN].decided_unsent, shown[DONG_KHE].decided_unsent) == (2, 1)
        # A decided dossier's verdict is superseded by the decision: counted once, as decided.
        assert shown[QUANG_UYEN].results_unsent == unsent_verdicts - 2

        offices.send_down(QUANG_UYEN)
        sent = rows(province)
        assert (sent[QUANG_UYEN].decided_unsent, sent[DONG_KHE].decided_unsent) == (0, 1)
        assert sent[QUANG_UYEN].results_unsent == 0
        offices.send_down(DONG_KHE)
        assert rows(province)[DONG_KHE].decided_unsent == 0
    finally:
        offices.close()
