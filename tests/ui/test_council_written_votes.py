"""The meeting form's written votes of absent members: ticked in the table under the vote grid,
recorded with the meeting and read back through the service; the form's draft keeps them across
a screen switch and a restart, and a refused recording keeps them too."""

from __future__ import annotations

import re
from datetime import date

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QTableWidget

from thidua_desktop.services.nominations import NomineeDraft
from thidua_desktop.services.people import PersonInput
from thidua_desktop.services.records import Subject
from thidua_desktop.ui.screens.council import FOR, CouncilScreen
from thidua_desktop.ui.screens.council_written_votes import DRAFT_KEY

TODAY = date(2026, 11, 25)
MEMBERS = ("Hoàng Văn Nam", "Đàm Thị Thư", "Lương Văn Tú", "Bế Thị Mai", "Nông Văn Bình")


def _setup(app) -> tuple[dict[str, str], dict[str, str]]:  # type: ignore[no-untyped-def]
    """Five members (chair first) and two LDTT drafts; ids by name."""
    members = {name: app.council.add_member(name, "chair" if i == 0 else "member", "UBND xã")
               for i, name in enumerate(MEMBERS)}
    people = []
    for name in ("Nông Thị Hoa", "Lý Văn An"):
        person = app.people.create(PersonInput(name, "female", birth="1985", employment_start="01/03/2015"))
        app.records.set_rating(Subject(person_id=person.id), 2026, "excellent")
        people.append(person.id)
    batch = app.nominations.create_batch("Khen thưởng năm 2026", 2026)
    views = app.nominations.create_many(batch_id=batch.id, award_code="LDTT", as_of=TODAY,
                                        nominees=[NomineeDraft(pid) for pid in people])
    return members, {v.nominee_name: v.id for v in views}


def _screen(qtbot, app) -> CouncilScreen:  # type: ignore[no-untyped-def]
    screen = CouncilScreen(app.council, app.nominations, app.drafts, TODAY)
    qtbot.addWidget(screen)
    screen.resize(1366 - 230, 768 - 110)  # beside the navigation on a 1366×768 laptop
    screen.show()
    return screen


def _mark_absent(screen: CouncilScreen, *names: str) -> None:
    for row in range(screen.presence.count()):
        item = screen.presence.item(row)
        if item.text().split(" (")[0] in names:
            item.setCheckState(Qt.CheckState.Unchecked)


def _cell(table: QTableWidget, member: str, nominee: str | None) -> tuple[int, int]:
    rows = [table.item(r, 0).text() for r in range(table.rowCount())]
    columns = [table.horizontalHeaderItem(c).text() for c in range(table.columnCount())]
    return rows.index(member), 0 if nominee is None else columns.index(nominee)


def _toggle(qtbot, table: QTableWidget, member: str, nominee: str | None = None) -> None:  # type: ignore[no-untyped-def]
    """Tick a cell as the officer does with the keyboard: move to it, press Space."""
    row, column = _cell(table, member, nominee)
    table.setFocus()
    table.setCurrentCell(row, column)
    qtbot.keyClick(table, Qt.Key.Key_Space)


def _checked(table: QTableWidget, member: str, nominee: str | None = None) -> bool:
    row, column = _cell(table, member, nominee)
    return table.item(row, column).checkState() == Qt.CheckState.Checked


def _type_votes(qtbot, screen: CouncilScreen, nominee: str, votes: int,  # type: ignore[no-untyped-def]
                column: int = FOR) -> None:
    row = [screen.grid.item(r, 0).text().splitlines()[0] for r in range(screen.grid.rowCount())].index(nominee)
    box = screen.spin(row, column)
    box.selectAll()
    qtbot.keyClicks(box, str(votes))


def _give_reasons(screen) -> None:  # type: ignore[no-untyped-def]
    """These drafts' criteria are not attested: the council writes why it votes on them anyway."""
    for row in range(screen.grid.rowCount()):
        if screen.override(row).isEnabled():
            screen.override(row).setText("Hội đồng đã xem xét hồ sơ tại cuộc họp")


def test_written_votes_are_ticked_recorded_and_read_back(qtbot, commune, dialog_log) -> None:  # type: ignore[no-untyped-def]
    members, noms = _setup(commune)
    screen = _screen(qtbot, commune)
    table = screen.written.table
    assert not screen.written.isVisible()  # everyone present: nobody votes in writing
    _mark_absent(screen, "Lương Văn Tú", "Bế Thị Mai", "Nông Văn Bình")
    assert screen.written.isVisible()
    assert sorted(table.item(r, 0).text() for r in range(table.rowCount())) == sorted(MEMBERS[2:])
    assert [table.horizontalHeaderItem(c).text() for c in range(1, 3)] == [
        screen.grid.item(r, 0).text().splitlines()[0] for r in range(2)]  # the nominees, as in the vote grid
    assert screen.minimumSizeHint().height() <= 768 - 110

    # An agreement can be ticked only once the member's written vote is ticked.
    assert not table.item(*_cell(table, "Lương Văn Tú", "Nông Thị Hoa")).flags() & Qt.ItemFlag.ItemIsEnabled
    _toggle(qtbot, table, "Lương Văn Tú")
    _toggle(qtbot, table, "Lương Văn Tú", "Nông Thị Hoa")
    _toggle(qtbot, table, "Bế Thị Mai")  # a written vote that agrees to no one
    assert _checked(table, "Lương Văn Tú") and _checked(table, "Lương Văn Tú", "Nông Thị Hoa")
    assert not _checked(table, "Nông Văn Bình")
    # Two present, two written votes: four ballots issued and valid, until the officer types other counts.
    assert {(screen.spin(r, 1).value(), screen.spin(r, 2).value()) for r in range(2)} == {(4, 4)}

    # The written agreement is one of the votes in favour: the panel warns until the grid counts it.
    assert not screen.written.warning.isHidden()
    assert "Nông Thị Hoa" in screen.written.warning.text()
    _type_votes(qtbot, screen, "Nông Thị Hoa", 2)
    _type_votes(qtbot, screen, "Lý Văn An", 1)
    assert screen.written.warning.isHidden()
    _give_reasons(screen)

    qtbot.mouseClick(screen.save_button, Qt.MouseButton.LeftButton)
    assert [kind for kind, _text in dialog_log] == ["info"], dialog_log
    [meeting], total = commune.council.meetings()
    assert (total, meeting.members_total, meeting.members_present) == (1, 5, 2)
    assert meeting.written_votes == {members["Lương Văn Tú"]: [noms["Nông Thị Hoa"]], members["Bế Thị Mai"]: []}
    assert [(b.nominee_name, b.votes_for, b.ballots_valid, b.ballots_issued)
            for b in commune.council.meeting_ballots(meeting.id)] == [("Lý Văn An", 1, 4, 4), ("Nông Thị Hoa", 2, 4, 4)]
    # The past meetings tab counts the written votes kept with the meeting.
    model = screen.meetings_model
    assert model.headerData(4, Qt.Orientation.Horizontal) == "Phiếu bằng văn bản của thành viên vắng mặt"
    assert model.data(model.index(0, 4)) == "2"
    # Recorded: the draft is gone and the form starts afresh, everyone present.
    assert commune.drafts.load(DRAFT_KEY) is None
    assert screen.absent_ids() == [] and not screen.written.isVisible() and screen.written.votes() == {}


def test_the_draft_keeps_the_written_votes_across_switches_and_a_restart(qtbot, commune) -> None:  # type: ignore[no-untyped-def]
    members, noms = _setup(commune)
    screen = _screen(qtbot, commune)
    _mark_absent(screen, "Nông Văn Bình", "Bế Thị Mai")
    _type_votes(qtbot, screen, "Lý Văn An", 3)
    _type_votes(qtbot, screen, "Lý Văn An", 5, column=1)  # ballots issued typed over
    table = screen.written.table
    _toggle(qtbot, table, "Nông Văn Bình")
    _toggle(qtbot, table, "Nông Văn Bình", "Lý Văn An")
    expected = {members["Nông Văn Bình"]: [noms["Lý Văn An"]]}
    draft = commune.drafts.load(DRAFT_KEY)
    assert draft is not None and draft["written_votes"] == expected
    assert sorted(draft["absent"]) == sorted([members["Nông Văn Bình"], members["Bế Thị Mai"]])

    # Another tab of the screen, then another screen (the main window refreshes the screen on return).
    screen.tabs.setCurrentIndex(1)
    screen.tabs.setCurrentIndex(0)
    screen.refresh()
    assert screen.written.votes() == expected and _checked(screen.written.table, "Nông Văn Bình", "Lý Văn An")
    assert sorted(screen.absent_ids()) == sorted([members["Nông Văn Bình"], members["Bế Thị Mai"]])

    # A member marked present again and absent again keeps the written vote typed for them.
    _mark_present = next(screen.presence.item(r) for r in range(screen.presence.count())
                         if screen.presence.item(r).text().startswith("Nông Văn Bình"))
    _mark_present.setCheckState(Qt.CheckState.Checked)
    assert screen.written.votes() == {}
    _mark_present.setCheckState(Qt.CheckState.Unchecked)
    assert screen.written.votes() == expected

    # The window closed without recording: a new screen on the same data folder puts everything back.
    screen.close()
    again = _screen(qtbot, commune)
    assert again.written.votes() == expected
    assert _checked(again.written.table, "Nông Văn Bình") and not _checked(again.written.table, "Bế Thị Mai")
    names = [again.grid.item(r, 0).text().splitlines()[0] for r in range(2)]
    an, hoa = names.index("Lý Văn An"), names.index("Nông Thị Hoa")
    assert (again.spin(an, FOR).value(), again.spin(an, 1).value()) == (3, 5)  # typed: kept
    assert again.spin(hoa, 1).value() == 4  # not typed: follows the 3 present and the 1 written vote
    assert sorted(again.absent_ids()) == sorted([members["Nông Văn Bình"], members["Bế Thị Mai"]])


def test_a_refused_recording_keeps_the_written_votes(qtbot, commune, dialog_log) -> None:  # type: ignore[no-untyped-def]
    members, noms = _setup(commune)
    screen = _screen(qtbot, commune)
    _mark_absent(screen, "Lương Văn Tú")
    table = screen.written.table
    _toggle(qtbot, table, "Lương Văn Tú")
    _toggle(qtbot, table, "Lương Văn Tú", "Lý Văn An")  # but no vote in favour typed for An
    _give_reasons(screen)
    qtbot.mouseClick(screen.save_button, Qt.MouseButton.LeftButton)
    assert [kind for kind, _text in dialog_log] == ["error"]
    # names the count to correct, by its row in the vote grid
    assert re.search(r"«dòng [12] của bảng bỏ phiếu, Phiếu đồng ý»", dialog_log[0][1])
    assert commune.council.meetings() == ([], 0)
    assert screen.written.votes() == {members["Lương Văn Tú"]: [noms["Lý Văn An"]]}
    assert commune.drafts.load(DRAFT_KEY)["written_votes"] == screen.written.votes()


def test_the_panel_speaks_english_after_a_language_switch(qtbot, commune) -> None:  # type: ignore[no-untyped-def]
    from thidua_desktop.ui import i18n

    _setup(commune)
    screen = _screen(qtbot, commune)
    _mark_absent(screen, "Lương Văn Tú")
    vietnamese = screen.written.table.horizontalHeaderItem(0).text()
    i18n.install("en")
    header = QCoreApplication.translate("WrittenVotesPanel", "Absent member: voted in writing")
    qtbot.waitUntil(lambda: screen.written.table.horizontalHeaderItem(0).text() == header, timeout=2000)
    assert header == "Absent member: voted in writing" and vietnamese != header
