"""The "In" menus of the screens open the preview of the right document for the selected record,
print a whole batch into a folder, and offer only the documents the print service knows."""

from __future__ import annotations

import io
from datetime import date

import pytest
from pypdf import PdfReader
from PySide6.QtCore import QEvent
from PySide6.QtWidgets import QApplication, QWidget

from thidua_desktop.ui import dialogs, i18n
from thidua_desktop.ui.print_actions import BATCH, Entry, PrintButton, document
from thidua_desktop.ui.print_preview import PrintPreviewDialog
from thidua_desktop.ui.screens.council import CouncilScreen
from thidua_desktop.ui.screens.decisions import DecisionsScreen
from thidua_desktop.ui.screens.movements import MovementsScreen
from thidua_desktop.ui.screens.nominations import NominationsScreen

TODAY = date(2026, 11, 25)


@pytest.fixture(autouse=True)
def bundled_font(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("THIDUA_DOC_FONT", "bundled")


def _open(button: PrintButton, key: str, target: str | None = None) -> PrintPreviewDialog:
    """Click the menu entry of ``key`` (the one for ``target`` when there are several)."""
    actions = [a for a in button.actions_for(key) if target is None or a.property("target") == target]
    assert len(actions) == 1 and actions[0].isEnabled()
    button.last_dialog = None
    actions[0].trigger()
    dialog = button.last_dialog
    assert isinstance(dialog, PrintPreviewDialog) and dialog.isVisible()
    return dialog


def _check(dialog: PrintPreviewDialog, kind: str, target: str) -> None:
    try:
        assert (dialog.doc.kind, dialog.doc.target_id) == (kind, target)
        assert dialog.page_count == len(PdfReader(io.BytesIO(dialog.doc.pdf)).pages) >= 1
    finally:
        dialog.close()


def _headers(button: PrintButton) -> list[str]:
    button.refresh_menu()
    return [a.text() for a in button.menu().actions() if not a.isSeparator() and a.data() is None]


def test_nominations_menu_prints_the_batch_and_the_dossier(qtbot, demo) -> None:  # type: ignore[no-untyped-def]
    screen = NominationsScreen(demo.nominations, printing=demo.printing)
    qtbot.addWidget(screen)
    button = screen.print_button
    assert not button.isHidden() and button.text() == "In"
    button.refresh_menu()  # each call rebuilds the menu: read the actions of one build
    assert [a.isEnabled() for a in button.menu().actions() if a.data()] == [False] * 5
    assert _headers(button)[0] == "Hãy chọn một hồ sơ đề nghị trước"

    screen.select_row(0)
    n = screen.current
    assert n is not None
    batch = next(b for b in demo.nominations.batches() if b.id == n.batch_id)
    assert _headers(button) == [f"Đợt: {batch.name} ({batch.year})", f"Hồ sơ: {n.nominee_name}"]
    # The demo batch holds titles the commune chairman grants and awards of the province: one
    # submission for each, named so.
    submissions = button.actions_for("submission")
    assert {a.property("target") for a in submissions} == {f"{batch.id}:commune", f"{batch.id}:province"}
    assert [a.text() for a in submissions] == ["Tờ trình (Chủ tịch UBND xã khen thưởng)", "Tờ trình (trình cấp trên)"]
    _check(_open(button, "submission", f"{batch.id}:province"), "submission", f"{batch.id}:province")
    _check(_open(button, "list", f"{batch.id}:commune"), "list", f"{batch.id}:commune")
    _check(_open(button, "public-list"), "public-list", batch.id)
    _check(_open(button, "report"), "report", n.id)


def test_a_batch_of_one_level_has_one_submission(qtbot, demo) -> None:  # type: ignore[no-untyped-def]
    from thidua_desktop.services.council import BallotInput
    from thidua_desktop.services.people import PersonInput
    from thidua_desktop.services.records import Subject

    person = demo.people.create(PersonInput("Nông Thị Hoa", "female", birth="1985", employment_start="01/03/2015"))
    demo.records.set_rating(Subject(person_id=person.id), 2026, "excellent")
    batch = demo.nominations.create_batch("Đợt bổ sung 2026", 2026)
    nomination = demo.nominations.create(batch_id=batch.id, award_code="LDTT", person_id=person.id, as_of=TODAY)
    members = [m["id"] for m in demo.council.members()]
    # A tờ trình carries what the council passed: the council votes on her (her criteria are not all
    # attested, so it says why).
    demo.council.record_meeting(held_on="25/11/2026", present_member_ids=members, absent_member_ids=[],
                                batch_id=batch.id, ballots=[BallotInput(nomination.id, len(members), len(members),
                                                                        len(members), "Đã xác minh tại cuộc họp")])
    screen = NominationsScreen(demo.nominations, printing=demo.printing)
    qtbot.addWidget(screen)
    screen.select_nomination(next(n.id for n in demo.nominations.list(batch_id=batch.id)))
    submissions = screen.print_button.actions_for("submission")
    assert [(a.text(), a.property("target")) for a in submissions] == [("Tờ trình", f"{batch.id}:commune")]
    dialog = _open(screen.print_button, "submission")
    try:
        assert "Nông Thị Hoa" in "".join(p.extract_text() for p in PdfReader(io.BytesIO(dialog.doc.pdf)).pages)
    finally:
        dialog.close()


def test_print_the_whole_batch_into_a_folder(qtbot, demo, monkeypatch, tmp_path, dialog_log) -> None:  # type: ignore[no-untyped-def]
    screen = NominationsScreen(demo.nominations, printing=demo.printing)
    qtbot.addWidget(screen)
    screen.select_row(0)
    button = screen.print_button
    action = button.action(BATCH)
    assert action is not None and action.text() == "In cả đợt…"
    action.trigger()  # the folder dialog is cancelled (conftest): nothing written
    assert button.last_batch is None and not dialog_log
    folder = tmp_path / "hồ sơ đợt"
    monkeypatch.setattr(dialogs, "choose_folder", lambda *_a: str(folder))
    button.action(BATCH).trigger()  # type: ignore[union-attr]
    written = button.last_batch
    assert written and sorted(written) == sorted(folder.glob("*.pdf"))
    kinds = {p.name.split("-", 1)[1].rsplit("-", 1)[0] for p in written}
    assert {"submission", "list", "public-list", "report"} <= kinds
    for path in written:
        assert len(PdfReader(str(path)).pages) >= 1
    assert dialog_log == [("info", f"Đã lưu {len(written)} tệp PDF vào thư mục {folder}.")]


def test_council_menu_prints_the_selected_meeting(qtbot, demo) -> None:  # type: ignore[no-untyped-def]
    screen = CouncilScreen(demo.council, demo.nominations, today=TODAY, printing=demo.printing)
    qtbot.addWidget(screen)
    button = screen.print_button
    assert not button.isHidden()
    assert not button.action("minutes").isEnabled()  # type: ignore[union-attr]
    screen.tabs.setCurrentIndex(2)
    screen.meetings.selectRow(0)
    meeting = screen.meetings_model.row_object(0)
    assert _headers(button) == [f"Cuộc họp ngày {meeting.held_on:%d/%m/%Y}"]
    assert [a.text() for a in button.menu().actions() if a.data()] == ["Biên bản họp Hội đồng", "Phiếu bầu"]
    _check(_open(button, "minutes"), "minutes", meeting.id)
    _check(_open(button, "ballots"), "ballots", meeting.id)


def test_decisions_menu_prints_the_selected_decision(qtbot, demo) -> None:  # type: ignore[no-untyped-def]
    screen = DecisionsScreen(demo.decisions, demo.nominations, today=TODAY, printing=demo.printing)
    qtbot.addWidget(screen)
    button = screen.print_button
    assert _headers(button) == ["Hãy chọn một quyết định đã ban hành trước"]
    screen.tabs.setCurrentIndex(1)
    screen.past.selectRow(0)
    decision = screen.past_model.row_object(0)
    assert _headers(button) == [f"Quyết định số {decision.number}"]
    _check(_open(button, "decision"), "decision", decision.id)
    _check(_open(button, "certificate"), "certificate", decision.id)


def test_movements_menu_prints_the_selected_movement(qtbot, demo) -> None:  # type: ignore[no-untyped-def]
    screen = MovementsScreen(demo.movements, printing=demo.printing)
    qtbot.addWidget(screen)
    button = screen.print_button
    assert not button.action("movement-report").isEnabled()  # type: ignore[union-attr]
    screen.table.selectRow(1)
    movement = screen.current()
    assert movement is not None
    _check(_open(button, "movement-report"), "movement-report", movement.id)


def test_no_print_service_no_button(qtbot, demo) -> None:  # type: ignore[no-untyped-def]
    screens = [NominationsScreen(demo.nominations), CouncilScreen(demo.council, demo.nominations, today=TODAY),
               DecisionsScreen(demo.decisions, demo.nominations, today=TODAY), MovementsScreen(demo.movements)]
    for screen in screens:
        qtbot.addWidget(screen)
        assert screen.print_button.isHidden()


def test_only_documents_the_service_knows_are_offered(qtbot, demo) -> None:  # type: ignore[no-untyped-def]
    owner = QWidget()
    qtbot.addWidget(owner)
    unknown = Entry("not-registered-yet", lambda: "Văn bản chưa có")
    lonely = PrintButton(demo.printing, owner)
    lonely.add_group(lambda: "Đợt", lambda: "x", [unknown])
    assert lonely.isHidden()  # it would offer nothing
    mixed = PrintButton(demo.printing, owner)
    batch_id = demo.nominations.batches()[0].id
    mixed.add_group(lambda: "Đợt", lambda: batch_id, [unknown, document("public-list")])
    assert not mixed.isHidden()
    mixed.refresh_menu()
    assert [a.data() for a in mixed.menu().actions() if a.data()] == ["public-list"]
    _check(_open(mixed, "public-list"), "public-list", batch_id)


def test_menus_follow_the_language(qtbot, demo) -> None:  # type: ignore[no-untyped-def]
    screen = MovementsScreen(demo.movements, printing=demo.printing)
    qtbot.addWidget(screen)
    i18n.install("en")
    QApplication.sendPostedEvents(None, QEvent.Type.LanguageChange)
    assert screen.print_button.text() == "Print"
    assert screen.print_button.action("movement-report").text() == "Movement results report"  # type: ignore[union-attr]
    assert _headers(screen.print_button) == ["Select a movement first"]
