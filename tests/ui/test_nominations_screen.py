from __future__ import annotations

from thidua_desktop.ui.screens.nominations import NominationsScreen


def test_filter_by_status_and_explain_eligibility(qtbot, demo) -> None:  # type: ignore[no-untyped-def]
    screen = NominationsScreen(demo.nominations)
    qtbot.addWidget(screen)
    total = len(demo.nominations.list())
    assert screen.model.total == total
    screen.status.setCurrentIndex(screen.status.findData("draft"))
    drafts = demo.nominations.list(status="draft")
    assert screen.model.total == len(drafts) > 0
    assert {screen.model.data(screen.model.index(r, 2)) for r in range(screen.model.rowCount())} == {"Bản nháp"}
    screen.select_row(0)
    chosen = screen.model.row_object(0)
    assert chosen.nominee_name in screen.detail_title.text()
    text = screen.detail.toPlainText()
    decision = demo.nominations.evaluate(chosen.id, store=False)
    assert len(text.splitlines()) >= len(decision.reasons)
    assert ("Đạt" in text) or ("Không đạt" in text)
