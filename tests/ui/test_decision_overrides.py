"""Quyết định: a council-voted nominee the eligibility check no longer passes on the decision date
(its rating changed after the vote, or was removed) goes into the decision only with the
chairman's reason, written in a window that names the nominee, the award and why; the council's
own reason, when it recorded one, is enough (issue 10: "the council and decision steps refuse a
nominee that is not eligible … unless the officer records an override with a reason")."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QDialog

from thidua_desktop.services.council import BallotInput
from thidua_desktop.services.nominations import NomineeDraft
from thidua_desktop.services.people import PersonInput
from thidua_desktop.services.records import Subject
from thidua_desktop.ui.screens.decisions import DecisionsScreen
from thidua_desktop.ui.screens.override_reasons import OverrideReasonsDialog

from .conftest import type_text

TODAY = date(2026, 11, 25)
COUNCIL_REASON = "Hội đồng đã xác minh thành tích tại cuộc họp"
LOWERED, UNRATED, FINE, COUNCIL = "Lý Thị Lan", "Hoàng Thị Mai", "Nông Thị Hoa", "Vi Thị Yến"


def _office(app) -> dict[str, str]:  # type: ignore[no-untyped-def]
    """Four LĐTT nominees voted by the council on 20/11: three eligible then, one not (not attested)
    and passed with the council's reason. Afterwards one rating is lowered and one removed."""
    people, ratings = {}, {}
    for name in (FINE, LOWERED, UNRATED, COUNCIL):
        person = app.people.create(PersonInput(name, "female", birth="1985", employment_start="01/03/2015"))
        ratings[name] = app.records.set_rating(Subject(person_id=person.id), 2026, "excellent")
        people[name] = person.id
    batch = app.nominations.create_batch("Khen thưởng năm 2026", 2026)
    views = app.nominations.create_many(
        batch_id=batch.id, award_code="LDTT", as_of=TODAY,
        nominees=[NomineeDraft(pid, attested=[] if name == COUNCIL else ["self_reliance_solidarity"])
                  for name, pid in people.items()])
    ids = {v.nominee_name: v.id for v in views}
    members = [app.council.add_member(f"Thành viên {i}") for i in range(5)]
    app.officials.add(role="chairman", full_name="Hoàng Văn Nam", term_start="01/07/2025")
    app.council.record_meeting(held_on="20/11/2026", present_member_ids=members, absent_member_ids=[],
                               ballots=[BallotInput(i, 5, 5, 5, COUNCIL_REASON if name == COUNCIL else "")
                                        for name, i in ids.items()])
    app.records.set_rating(Subject(person_id=people[LOWERED]), 2026, "not_completed")
    app.records.remove_rating(ratings[UNRATED])
    return ids


def _screen(qtbot, app) -> DecisionsScreen:  # type: ignore[no-untyped-def]
    screen = DecisionsScreen(app.decisions, app.nominations, TODAY)
    qtbot.addWidget(screen)
    screen.resize(1150, 700)
    screen.show()
    screen.award.setCurrentIndex(screen.award.findData("LDTT"))
    return screen


def _when_the_window_opens(act) -> list[object]:  # type: ignore[no-untyped-def]
    seen: list[object] = []

    def run() -> None:
        dialog = QApplication.activeModalWidget()
        try:
            assert isinstance(dialog, OverrideReasonsDialog), dialog
            seen.append(dialog)
            act(dialog)
        finally:
            if dialog is not None and dialog.isVisible():
                dialog.reject()

    QTimer.singleShot(0, run)
    return seen


def test_the_chairman_writes_a_reason_for_each_nominee_the_check_does_not_pass(  # type: ignore[no-untyped-def]
        qtbot, commune, dialog_log) -> None:
    ids = _office(commune)
    screen = _screen(qtbot, commune)
    assert screen.recipients.rowCount() == 4
    type_text(screen.number, "07/QĐ-UBND")
    screen.decided_on.setText("24/11/2026")

    shown: dict[str, tuple[str, str, str, bool]] = {}

    def look_then_cancel(dialog: OverrideReasonsDialog) -> None:
        for box in dialog.boxes:
            shown[box.nominee.name] = (box.nominee.award, box.outcome.text(), box.why.text(), box.why.isVisible())
        assert not dialog.ok.isEnabled() and dialog.left.isVisible()
        type_text(dialog.boxes[0].editor, "Chủ tịch đã xem xét")  # kept for the next attempt
        assert not dialog.ok.isEnabled()  # one reason is still missing

    seen = _when_the_window_opens(look_then_cancel)
    qtbot.mouseClick(screen.issue_button, Qt.MouseButton.LeftButton)
    assert len(seen) == 1
    # Only the two the check no longer passes; neither the eligible one nor the one the council
    # already gave a reason for. Each with its award and why, in the nomination wizard's words.
    assert set(shown) == {LOWERED, UNRATED}
    assert shown[LOWERED][0].startswith("Lao động tiên tiến") and shown[LOWERED][1] == "Không đủ điều kiện"
    assert shown[LOWERED][2].startswith("• Không đạt") and "Không hoàn thành nhiệm vụ" in shown[LOWERED][2]
    assert shown[UNRATED][1] == "Chưa đủ thông tin" and "chưa có kết quả đánh giá" in shown[UNRATED][2]
    assert all(visible for *_rest, visible in shown.values())
    # Cancelled: nothing issued, and the screen says what to do.
    assert commune.decisions.page()[1] == 0 and commune.nominations.get(ids[FINE]).status == "council_voted"
    note = screen.errors["recipients"].text()
    assert not screen.errors["recipients"].isHidden() and LOWERED in note and UNRATED in note
    assert dialog_log == []

    def write_reasons(dialog: OverrideReasonsDialog) -> None:
        first, second = dialog.boxes
        assert first.text() == "Chủ tịch đã xem xét"  # what was typed before is still there
        type_text(second.editor, "Đã có xác nhận của thủ trưởng đơn vị")
        assert dialog.ok.isEnabled() and not dialog.left.isVisible()
        qtbot.mouseClick(dialog.ok, Qt.MouseButton.LeftButton)

    seen = _when_the_window_opens(write_reasons)
    qtbot.mouseClick(screen.issue_button, Qt.MouseButton.LeftButton)
    assert len(seen) == 1 and [kind for kind, _t in dialog_log] == ["info"]
    assert screen.errors["recipients"].isHidden()
    [decision], total = commune.decisions.page()
    assert total == 1 and {r.nominee_name for r in decision.recipients} == {FINE, LOWERED, UNRATED, COUNCIL}
    reasons = {name: [e["reason"] for e in commune.nominations.history(nid) if e["to"] == "decided"]
               for name, nid in ids.items()}
    assert reasons[FINE] == [""] and reasons[COUNCIL] == [COUNCIL_REASON]
    assert {reasons[LOWERED][0], reasons[UNRATED][0]} == {"Chủ tịch đã xem xét", "Đã có xác nhận của thủ trưởng đơn vị"}


def test_a_nominee_left_out_needs_no_reason(qtbot, commune, dialog_log) -> None:  # type: ignore[no-untyped-def]
    _office(commune)
    screen = _screen(qtbot, commune)
    for row in range(screen.recipients.rowCount()):
        if screen.recipients.item(row, 0).text() in (LOWERED, UNRATED):
            screen.recipients.item(row, 0).setCheckState(Qt.CheckState.Unchecked)
    type_text(screen.number, "08/QĐ-UBND")
    windows: list[object] = []

    def peek() -> None:  # a window that did open is closed again: the test fails, it does not hang
        windows.append(window := QApplication.activeModalWidget())
        if isinstance(window, QDialog):
            window.reject()

    QTimer.singleShot(0, peek)
    qtbot.mouseClick(screen.issue_button, Qt.MouseButton.LeftButton)
    assert [kind for kind, _t in dialog_log] == ["info"]
    qtbot.waitUntil(lambda: bool(windows))
    assert windows == [None]  # no window opened: nobody needed a reason
    assert {r.nominee_name for r in commune.decisions.page()[0][0].recipients} == {FINE, COUNCIL}


def test_a_refusal_after_the_reasons_says_how_to_go_on(qtbot, commune, dialog_log) -> None:  # type: ignore[no-untyped-def]
    """The data changes while the window is open (another officer, a sync): the nominee who was
    fine is no longer eligible. The service refuses; the screen says to issue again or untick."""
    _office(commune)
    screen = _screen(qtbot, commune)
    type_text(screen.number, "09/QĐ-UBND")
    fine = next(n for n in screen.rows if n.nominee_name == FINE)

    def write_then_something_changes(dialog: OverrideReasonsDialog) -> None:
        for box in dialog.boxes:
            type_text(box.editor, "Chủ tịch đã xem xét")
        commune.records.set_rating(Subject(person_id=fine.person_id), 2026, "not_completed")
        qtbot.mouseClick(dialog.ok, Qt.MouseButton.LeftButton)

    _when_the_window_opens(write_then_something_changes)
    qtbot.mouseClick(screen.issue_button, Qt.MouseButton.LeftButton)
    assert commune.decisions.page()[1] == 0 and dialog_log == []
    note = screen.errors["recipients"].text()
    assert FINE in note and "Không đủ điều kiện" in note
    assert screen.tr("Issue the decision") in note or "Issue the decision" in note

    seen: list[set[str]] = []

    def all_three(dialog: OverrideReasonsDialog) -> None:
        seen.append({b.nominee.name for b in dialog.boxes})
        assert not dialog.ok.isEnabled()  # the new one has no reason yet; the others kept theirs
        type_text(next(b for b in dialog.boxes if b.nominee.name == FINE).editor, "Đã xem xét lại")
        qtbot.mouseClick(dialog.ok, Qt.MouseButton.LeftButton)

    _when_the_window_opens(all_three)
    qtbot.mouseClick(screen.issue_button, Qt.MouseButton.LeftButton)
    assert seen == [{FINE, LOWERED, UNRATED}] and [kind for kind, _t in dialog_log] == ["info"]


def test_the_window_fits_a_150_percent_laptop(qtbot, commune) -> None:  # type: ignore[no-untyped-def]
    ids = _office(commune)
    needs = commune.decisions.overrides_needed(decided_on="24/11/2026", award_code="LDTT",
                                               nomination_ids=list(ids.values()))
    assert {n.nominee_name for n in needs} == {LOWERED, UNRATED}
    from thidua_desktop.ui.screens.override_reasons import Nominee

    dialog = OverrideReasonsDialog([Nominee(n.nomination_id, n.nominee_name, "Lao động tiên tiến", n.check)
                                    for n in needs] * 3, commune.decisions.catalog)
    qtbot.addWidget(dialog)
    hint = dialog.minimumSizeHint()
    assert hint.width() <= 910 - 40 and hint.height() <= 512 - 60
