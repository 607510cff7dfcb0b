"""Quyết định: issue a commune-level decision from the screen, see each reward and the total before
saving, and read the award history and amounts back through the services."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt

from thidua_desktop.services.council import BallotInput
from thidua_desktop.services.nominations import NomineeDraft
from thidua_desktop.services.people import PersonInput
from thidua_desktop.services.records import Subject
from thidua_desktop.ui.screens.decisions import DecisionsScreen

from .conftest import type_text

# Drafts whose qualitative criteria are not attested: the council records why it votes on them.
CHECKED = "Hội đồng đã xem xét hồ sơ tại cuộc họp"

TODAY = date(2026, 11, 25)


def _council_voted(app, names: list[str]) -> dict[str, str]:  # type: ignore[no-untyped-def]
    people = {}
    for name in names:
        person = app.people.create(PersonInput(name, "female", birth="1985", employment_start="01/03/2015"))
        app.records.set_rating(Subject(person_id=person.id), 2026, "excellent")
        people[name] = person.id
    batch = app.nominations.create_batch("Khen thưởng năm 2026", 2026)
    views = app.nominations.create_many(batch_id=batch.id, award_code="LDTT", as_of=TODAY,
                                        nominees=[NomineeDraft(pid, attested=["self_reliance_solidarity"])
                                                  for pid in people.values()])
    members = [app.council.add_member(f"Thành viên {i}") for i in range(5)]
    # Who signs: Cài đặt → Lãnh đạo ký văn bản.
    app.officials.add(role="chairman", full_name="Hoàng Văn Nam", term_start="01/07/2025")
    app.officials.add(role="vice_chairman", full_name="Đàm Ngọc Thu", term_start="01/07/2025")
    app.council.record_meeting(held_on="20/11/2026", present_member_ids=members, absent_member_ids=[],
                               ballots=[BallotInput(v.id, 5, 5, 5, CHECKED) for v in views])
    return people


def _screen(qtbot, app) -> DecisionsScreen:  # type: ignore[no-untyped-def]
    screen = DecisionsScreen(app.decisions, app.nominations, TODAY)
    qtbot.addWidget(screen)
    screen.resize(1150, 700)
    screen.show()
    return screen


def test_issue_a_decision_with_rewards_and_award_history(qtbot, commune, dialog_log) -> None:  # type: ignore[no-untyped-def]
    people = _council_voted(commune, ["Nông Thị Hoa", "Lý Thị Lan", "Hoàng Thị Mai"])
    screen = _screen(qtbot, commune)
    codes = [screen.award.itemData(i) for i in range(screen.award.count())]
    assert "LDTT" in codes and "CSTDCS" in codes and "BK_TINH_CN" not in codes  # only what the chairman grants
    screen.award.setCurrentIndex(screen.award.findData("LDTT"))
    assert screen.recipients.rowCount() == 3
    # 0.3 × 2,340,000 = 702,000, rounded up to 710,000 đ (Decree 152/2025 Art. 49).
    assert [screen.recipients.item(r, 2).text() for r in range(3)] == ["710.000 đ"] * 3
    assert "2.130.000 đ" in screen.total.text()
    names = [screen.recipients.item(r, 0).text() for r in range(3)]
    screen.recipients.item(names.index("Hoàng Thị Mai"), 0).setCheckState(Qt.CheckState.Unchecked)
    assert "1.420.000 đ" in screen.total.text() and "2.340.000 đ" in screen.total.text()

    qtbot.mouseClick(screen.issue_button, Qt.MouseButton.LeftButton)  # no number yet: refused in place
    assert not screen.errors["number"].isHidden() and "Số quyết định" in screen.errors["number"].text()
    assert commune.decisions.page()[1] == 0
    type_text(screen.number, "05/QĐ-UBND")
    screen.decided_on.clear()
    qtbot.keyClicks(screen.decided_on, "24/11/2026")
    # The chairman in office on the decision date is filled in; nothing is typed.
    assert [screen.signer_name.itemText(i) for i in range(screen.signer_name.count())] == ["Hoàng Văn Nam"]
    screen.signer_title.setCurrentText("PHÓ CHỦ TỊCH")
    assert screen.signer_name.currentText() == "Đàm Ngọc Thu"  # a vice-chairman signs KT. CHỦ TỊCH
    screen.signer_title.setCurrentText("CHỦ TỊCH")
    assert screen.signer_name.currentText() == "Hoàng Văn Nam"
    qtbot.mouseClick(screen.issue_button, Qt.MouseButton.LeftButton)
    assert screen.errors["number"].isHidden()
    assert [kind for kind, _t in dialog_log] == ["info"]

    [decision], total = commune.decisions.page()
    assert (total, decision.number, decision.decided_on, decision.signer_name, decision.signer_title) == (
        1, "05/QĐ-UBND", date(2026, 11, 24), "Hoàng Văn Nam", "CHỦ TỊCH")
    assert sorted((r.nominee_name, r.reward_amount) for r in decision.recipients) == [
        ("Lý Thị Lan", 710_000), ("Nông Thị Hoa", 710_000)]
    for name in ("Nông Thị Hoa", "Lý Thị Lan"):
        [award] = commune.records.awards_of(Subject(person_id=people[name]))
        assert (award["award_code"], award["year"], award["decision_number"], award["decision_date"]) == (
            "LDTT", 2026, "05/QĐ-UBND", "2026-11-24")
    assert commune.records.awards_of(Subject(person_id=people["Hoàng Thị Mai"])) == []
    statuses = {n.nominee_name: n.status for n in commune.nominations.list()}
    assert statuses == {"Nông Thị Hoa": "decided", "Lý Thị Lan": "decided", "Hoàng Thị Mai": "council_voted"}
    assert screen.recipients.rowCount() == 1  # only the one left out is still waiting

    screen.tabs.setCurrentIndex(1)
    assert screen.past_model.total == 1
    screen.past.selectRow(0)
    shown = {screen.past_recipients.item(r, 0).text(): screen.past_recipients.item(r, 1).text() for r in range(2)}
    assert shown == {"Nông Thị Hoa": "710.000 đ", "Lý Thị Lan": "710.000 đ"}


def test_a_duplicate_number_is_refused_beside_the_field(qtbot, commune) -> None:  # type: ignore[no-untyped-def]
    _council_voted(commune, ["Nông Thị Hoa", "Lý Thị Lan"])
    [first, second] = commune.nominations.list(status="council_voted")
    commune.decisions.issue(number="05/QĐ-UBND", decided_on="24/11/2026", signer_name="Hoàng Văn Nam",
                            award_code="LDTT", nomination_ids=[first.id])
    screen = _screen(qtbot, commune)
    screen.award.setCurrentIndex(screen.award.findData("LDTT"))
    type_text(screen.number, "05/QĐ-UBND")
    qtbot.mouseClick(screen.issue_button, Qt.MouseButton.LeftButton)
    assert "05/QĐ-UBND" in screen.errors["number"].text()
    assert commune.nominations.get(second.id).status == "council_voted"


def test_the_screen_fits_beside_the_navigation_on_a_1366x768_laptop(qtbot, commune) -> None:  # type: ignore[no-untyped-def]
    screen = DecisionsScreen(commune.decisions, commune.nominations)
    qtbot.addWidget(screen)
    hint = screen.minimumSizeHint()
    assert hint.width() <= 1366 - 230 and hint.height() <= 768 - 110


def test_an_issued_decision_is_corrected_from_its_list(qtbot, commune, dialog_log) -> None:  # type: ignore[no-untyped-def]
    """Re-issue (đính chính): the window comes filled with the decision; a refusal stays in it,
    the correction goes through the service, and the list shows the corrected decision."""
    _council_voted(commune, ["Nông Thị Hoa", "Lý Thị Lan", "Hoàng Thị Mai"])
    ids = {n.nominee_name: n.id for n in commune.nominations.list(status="council_voted")}
    made = commune.decisions.issue(number="05/QĐ-UBND", decided_on="24/11/2026", award_code="LDTT",
                                   nomination_ids=[ids["Nông Thị Hoa"], ids["Lý Thị Lan"]])
    screen = _screen(qtbot, commune)
    screen.tabs.setCurrentIndex(1)
    assert screen.reissue_dialog() is None and not screen.reissue_button.isEnabled()
    screen.past.selectRow(0)
    assert screen.reissue_button.isEnabled()
    dialog = screen.reissue_dialog()
    assert dialog is not None
    qtbot.addWidget(dialog)
    assert (dialog.number.text(), dialog.decided_on.text()) == ("05/QĐ-UBND", "24/11/2026")
    assert dialog.signer_name.currentText() == "Hoàng Văn Nam"
    rows = {dialog.recipients.item(r, 0).text(): dialog.recipients.item(r, 0)
            for r in range(dialog.recipients.rowCount())}
    assert {name: item.checkState() == Qt.CheckState.Checked for name, item in rows.items()} == {
        "Nông Thị Hoa": True, "Lý Thị Lan": True, "Hoàng Thị Mai": False}  # Mai waits: she may be added

    rows["Lý Thị Lan"].setCheckState(Qt.CheckState.Unchecked)
    rows["Hoàng Thị Mai"].setCheckState(Qt.CheckState.Checked)
    dialog.number.clear()
    type_text(dialog.number, "07/QĐ-UBND")
    dialog.submit()  # no reason yet: refused in the window, nothing changed
    assert dialog.error.isVisibleTo(dialog) and dialog.result() != dialog.DialogCode.Accepted
    assert commune.decisions.get(made.id).number == "05/QĐ-UBND"
    type_text(dialog.reason, "Đính chính số quyết định")
    dialog.submit()
    assert dialog.result() == dialog.DialogCode.Accepted and dialog.result_view is not None
    fixed = commune.decisions.get(made.id)
    assert fixed.number == "07/QĐ-UBND"
    assert sorted(r.nominee_name for r in fixed.recipients) == ["Hoàng Thị Mai", "Nông Thị Hoa"]
    assert commune.nominations.get(ids["Lý Thị Lan"]).status == "council_voted"
    screen.refresh()
    assert screen.past_model.row_object(0).number == "07/QĐ-UBND" and screen.past_model.total == 1
    assert dialog_log == []
