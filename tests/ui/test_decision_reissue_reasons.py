"""Đính chính quyết định: a recipient added in the correction window whom the eligibility check
no longer passes on the decision date is shown in the window with why (the criteria not met, in
Vietnamese) and goes in only with the chairman's reason; until then every refusal stays in the
window with everything typed, and nothing is saved. Real SQLite office, the window driven by hand."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt
from sqlalchemy import select

from thidua_desktop.db.models import AuditEntry
from thidua_desktop.services.council import BallotInput
from thidua_desktop.services.nominations import NomineeDraft
from thidua_desktop.services.people import PersonInput
from thidua_desktop.services.records import Subject
from thidua_desktop.ui.screens.decisions import DecisionsScreen

from .conftest import type_text

TODAY = date(2026, 11, 25)
HOA, LAN, MAI = "Nông Thị Hoa", "Lý Thị Lan", "Hoàng Thị Mai"
WHY = "Chủ tịch đã xem xét thành tích đột xuất"


def _office(app) -> dict[str, str]:  # type: ignore[no-untyped-def]
    """Hoa decided in 05/QĐ-UBND; Lan and Mai voted by the council and waiting; Mai's year then
    rated "not completed", so the check no longer passes her."""
    people = {}
    for name in (HOA, LAN, MAI):
        person = app.people.create(PersonInput(name, "female", birth="1985", employment_start="01/03/2015"))
        app.records.set_rating(Subject(person_id=person.id), 2026, "excellent")
        people[name] = person.id
    batch = app.nominations.create_batch("Khen thưởng năm 2026", 2026)
    views = app.nominations.create_many(batch_id=batch.id, award_code="LDTT", as_of=TODAY,
                                        nominees=[NomineeDraft(pid, attested=["self_reliance_solidarity"])
                                                  for pid in people.values()])
    ids = {v.nominee_name: v.id for v in views}
    members = [app.council.add_member(f"Thành viên {i}") for i in range(5)]
    app.officials.add(role="chairman", full_name="Hoàng Văn Nam", term_start="01/07/2025")
    app.council.record_meeting(held_on="20/11/2026", present_member_ids=members, absent_member_ids=[],
                               ballots=[BallotInput(i, 5, 5, 5, "") for i in ids.values()])
    app.decisions.issue(number="05/QĐ-UBND", decided_on="24/11/2026", award_code="LDTT", nomination_ids=[ids[HOA]])
    app.records.set_rating(Subject(person_id=people[MAI]), 2026, "not_completed")
    return ids


def _window(qtbot, app):  # type: ignore[no-untyped-def]
    screen = DecisionsScreen(app.decisions, app.nominations, TODAY)
    qtbot.addWidget(screen)
    screen.resize(1150, 700)
    screen.show()
    screen.tabs.setCurrentIndex(1)
    screen.past.selectRow(0)
    dialog = screen.reissue_dialog()
    assert dialog is not None
    qtbot.addWidget(dialog)
    dialog.show()
    return dialog


def test_an_added_recipient_the_check_does_not_pass_needs_the_chairmans_reason(  # type: ignore[no-untyped-def]
        qtbot, commune, dialog_log) -> None:
    ids = _office(commune)
    [made] = commune.decisions.page()[0]
    dialog = _window(qtbot, commune)
    rows = {dialog.recipients.item(r, 0).text(): dialog.recipients.item(r, 0)
            for r in range(dialog.recipients.rowCount())}
    rows[LAN].setCheckState(Qt.CheckState.Checked)
    rows[MAI].setCheckState(Qt.CheckState.Checked)
    dialog.number.clear()
    type_text(dialog.number, "07/QĐ-UBND")
    type_text(dialog.reason, "Bổ sung người được khen")
    assert dialog.needs.isHidden()

    qtbot.mouseClick(dialog.ok, Qt.MouseButton.LeftButton)
    # Refused in the window: Mai named, with what the check found, and a field for the reason.
    assert dialog.result() != dialog.DialogCode.Accepted and dialog.isVisible()
    assert dialog.needs.isVisible() and [b.nominee.name for b in dialog.reason_boxes] == [MAI]
    [box] = dialog.reason_boxes
    assert box.nominee.award.startswith("Lao động tiên tiến")
    assert box.outcome.text() == "Không đủ điều kiện"
    assert box.why.text().startswith("• Không đạt") and "Không hoàn thành nhiệm vụ" in box.why.text()
    assert dialog.error.isVisible() and MAI in dialog.error.text() and LAN not in dialog.error.text()
    assert dialog.focusWidget() is box.editor
    hint = dialog.minimumSizeHint()  # still fits a 1366×768 laptop at 150% (910×512 available)
    assert hint.width() <= 910 and hint.height() <= 512
    assert dialog.height() <= dialog.screen().availableGeometry().height()
    assert commune.decisions.get(made.id).number == "05/QĐ-UBND"
    assert commune.nominations.get(ids[LAN]).status == "council_voted"

    # Again without a reason: still refused, everything typed still there.
    qtbot.mouseClick(dialog.ok, Qt.MouseButton.LeftButton)
    assert dialog.result() != dialog.DialogCode.Accepted and dialog.error.isVisible()
    assert (dialog.number.text(), dialog.reason.text()) == ("07/QĐ-UBND", "Bổ sung người được khen")
    assert sorted(dialog.chosen_ids()) == sorted(ids.values())
    assert commune.decisions.get(made.id).number == "05/QĐ-UBND"

    # The reason written, but another refusal (a blank decision number): the reason stays.
    type_text(dialog.reason_boxes[0].editor, WHY)
    dialog.number.clear()
    qtbot.mouseClick(dialog.ok, Qt.MouseButton.LeftButton)
    assert dialog.result() != dialog.DialogCode.Accepted and dialog.error.isVisible()
    assert [b.text() for b in dialog.reason_boxes] == [WHY] and dialog.needs.isVisible()
    assert commune.decisions.get(made.id).number == "05/QĐ-UBND"

    type_text(dialog.number, "07/QĐ-UBND")
    qtbot.mouseClick(dialog.ok, Qt.MouseButton.LeftButton)
    assert dialog.result() == dialog.DialogCode.Accepted and dialog.result_view is not None
    fixed = commune.decisions.get(made.id)
    assert fixed.number == "07/QĐ-UBND" and {r.nominee_name for r in fixed.recipients} == {HOA, LAN, MAI}
    assert [e["reason"] for e in commune.nominations.history(ids[MAI]) if e["to"] == "decided"] == [WHY]
    with commune.db.reader() as session:
        [entry] = session.scalars(select(AuditEntry.new_values).where(AuditEntry.action == "reissue")).all()
    assert entry["override_reasons"] == {ids[MAI]: WHY}
    assert dialog_log == []  # everything was said in the window


def test_unticking_the_recipient_leaves_no_reason_to_give(qtbot, commune, dialog_log) -> None:  # type: ignore[no-untyped-def]
    ids = _office(commune)
    dialog = _window(qtbot, commune)
    rows = {dialog.recipients.item(r, 0).text(): dialog.recipients.item(r, 0)
            for r in range(dialog.recipients.rowCount())}
    rows[MAI].setCheckState(Qt.CheckState.Checked)
    type_text(dialog.reason, "Bổ sung")
    qtbot.mouseClick(dialog.ok, Qt.MouseButton.LeftButton)
    assert [b.nominee.name for b in dialog.reason_boxes] == [MAI]
    type_text(dialog.reason_boxes[0].editor, WHY)  # written, then Mai is left out after all
    rows[MAI].setCheckState(Qt.CheckState.Unchecked)
    rows[LAN].setCheckState(Qt.CheckState.Checked)
    qtbot.mouseClick(dialog.ok, Qt.MouseButton.LeftButton)
    assert dialog.result() == dialog.DialogCode.Accepted
    assert commune.nominations.get(ids[MAI]).status == "council_voted"
    assert commune.nominations.get(ids[LAN]).status == "decided"
    assert dialog_log == []
