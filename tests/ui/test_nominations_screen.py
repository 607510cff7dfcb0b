"""Nominations: the list by status, each one's eligibility, its status moves and history, and the wizard."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from thidua_desktop.domain.errors import StateError
from thidua_desktop.messages import render
from thidua_desktop.services.council import BallotInput
from thidua_desktop.services.people import PersonInput
from thidua_desktop.services.records import Subject
from thidua_desktop.ui.screens import nominations as screen_module
from thidua_desktop.ui.screens.nomination_wizard import NominationWizard
from thidua_desktop.ui.screens.nominations import NominationsScreen

TODAY = date(2026, 11, 25)


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


# --- status moves, history and the wizard -------------------------------------------------------


def _voted(app) -> str:  # type: ignore[no-untyped-def]
    person = app.people.create(PersonInput("Nông Thị Hoa", "female", birth="1985", employment_start="01/03/2015"))
    app.records.set_rating(Subject(person_id=person.id), 2026, "excellent")
    batch = app.nominations.create_batch("Khen thưởng năm 2026", 2026)
    n = app.nominations.create(batch_id=batch.id, award_code="LDTT", person_id=person.id, as_of=TODAY)
    members = [app.council.add_member(f"Thành viên {i}") for i in range(3)]
    app.council.record_meeting(held_on="20/11/2026", present_member_ids=members, absent_member_ids=[],
                               ballots=[BallotInput(n.id, 3, 3, 3, "Hội đồng đã xem xét hồ sơ tại cuộc họp")])
    return n.id


def _click(qtbot, screen, target: str) -> None:  # type: ignore[no-untyped-def]
    qtbot.mouseClick(screen.move_buttons[target], Qt.MouseButton.LeftButton)


def test_status_moves_by_clicking_with_history(qtbot, commune, monkeypatch, dialog_log) -> None:  # type: ignore[no-untyped-def]
    nid = _voted(commune)
    screen = NominationsScreen(commune.nominations, commune.movements.attachments, TODAY)
    qtbot.addWidget(screen)
    screen.resize(1150, 700)
    screen.select_row(0)
    assert screen.current.id == nid
    # council_voted -> decided belongs to the Decisions screen, so only these two are offered here.
    assert set(screen.move_buttons) == {"submitted", "draft"} and not screen.move_hint.isHidden()
    for target in ("submitted", "received", "in_review"):
        _click(qtbot, screen, target)
        assert commune.nominations.get(nid).status == target
    assert set(screen.move_buttons) == {"approved", "returned", "rejected"}
    monkeypatch.setattr(screen_module, "ask_reason", lambda *_a: None)  # the officer cancels
    _click(qtbot, screen, "returned")
    assert commune.nominations.get(nid).status == "in_review"
    monkeypatch.setattr(screen_module, "ask_reason", lambda *_a: "Thiếu biên bản bình xét")
    _click(qtbot, screen, "returned")
    assert commune.nominations.get(nid).status == "returned"
    history = commune.nominations.history(nid)
    assert [h["to"] for h in history] == ["draft", "council_voted", "submitted", "received", "in_review", "returned"]
    assert screen.history.rowCount() == len(history)
    assert screen.history.item(len(history) - 1, 3).text() == "Thiếu biên bản bình xét"
    assert screen.history.item(len(history) - 1, 1).text() == "Trả lại để bổ sung"
    assert set(screen.move_buttons) == {"draft"}
    _click(qtbot, screen, "draft")
    assert commune.nominations.get(nid).status == "draft"
    assert dialog_log == []


def test_a_stale_move_is_refused_with_who_changed_it_and_when(qtbot, commune, app_factory, monkeypatch,  # type: ignore[no-untyped-def]
                                                               dialog_log) -> None:
    """Two officers, two windows on one database file (issue 14's optimistic locking): the later
    move is refused naming the first officer and the time, nothing is overwritten, and the screen
    shows the nomination as it now is, from which a move goes through."""
    commune.set_actor("Nông Thị An")
    nid = _voted(commune)
    for status in ("submitted", "received", "in_review"):
        commune.nominations.transition(nid, status)
    other = app_factory()  # officer B's window, its own services and connection
    other.set_actor("Bế Văn Bình")
    screen = NominationsScreen(other.nominations, other.movements.attachments, TODAY)
    qtbot.addWidget(screen)
    screen.select_row(0)
    stale = screen.move_buttons["rejected"]
    commune.nominations.transition(nid, "approved")  # officer A decides first
    monkeypatch.setattr(screen_module, "ask_reason", lambda *_a: "Không đủ tiêu chuẩn")
    qtbot.mouseClick(stale, Qt.MouseButton.LeftButton)
    with pytest.raises(StateError) as err:
        other.nominations.transition(nid, "rejected", "x", expected=screen.model.row_object(0).token)
    assert err.value.code == "RECORD_CHANGED"
    assert dialog_log == [("error", render(err.value, "vi"))]
    assert "Nông Thị An" in dialog_log[0][1] and "tải lại" in dialog_log[0][1]
    assert commune.nominations.get(nid).status == "approved"  # A's move stands
    assert [h["to"] for h in commune.nominations.history(nid)][-1] == "approved"
    assert set(screen.move_buttons) == {"decided"}  # the screen now shows where it really is
    assert screen.current is not None and screen.current.token == other.nominations.get(nid).token

    # A move on what is shown now goes through, in B's name.
    qtbot.mouseClick(screen.move_buttons["decided"], Qt.MouseButton.LeftButton)
    assert len(dialog_log) == 1
    assert commune.nominations.get(nid).status == "decided"
    assert commune.nominations.history(nid)[-1]["actor"] == "Bế Văn Bình"


def test_ctrl_n_opens_the_wizard_and_shows_what_it_saved(qtbot, commune, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    nid = _voted(commune)
    opened = []

    def fake_exec(wizard: NominationWizard) -> int:
        opened.append(wizard)
        wizard.saved = [commune.nominations.get(nid)]
        return 1

    monkeypatch.setattr(NominationWizard, "exec", fake_exec)
    screen = NominationsScreen(commune.nominations, commune.movements.attachments, TODAY)
    qtbot.addWidget(screen)
    screen.show()
    screen.activateWindow()  # keyboard shortcuts need the active window
    qtbot.waitUntil(lambda: QApplication.activeWindow() is screen)
    qtbot.keyClick(screen.table, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    assert len(opened) == 1 and opened[0].attachments is commune.movements.attachments
    assert screen.current is not None and screen.current.id == nid


def test_the_screen_fits_beside_the_navigation_on_a_1366x768_laptop(qtbot, commune) -> None:  # type: ignore[no-untyped-def]
    screen = NominationsScreen(commune.nominations)
    qtbot.addWidget(screen)
    hint = screen.minimumSizeHint()
    assert hint.width() <= 1366 - 230 and hint.height() <= 768 - 110


# --- search by the nominee's name, and the legal-source mark (issue 9, point 12) ------------------


def test_search_box_filters_by_nominee_name_without_accents(qtbot, commune) -> None:  # type: ignore[no-untyped-def]
    from thidua_desktop.services.nominations import NomineeDraft
    from thidua_desktop.ui.texts import unverified_legend

    from .conftest import type_text

    batch = commune.nominations.create_batch("Khen thưởng năm 2026", 2026)
    ids = []
    for name in ("Đàm Thị Thư", "Nông Văn Đức", "Lý Thị Hoa"):
        person = commune.people.create(PersonInput(name, "female", birth="1985", employment_start="01/03/2015"))
        ids.append(person.id)
    commune.nominations.create_many(batch_id=batch.id, award_code="LDTT", as_of=TODAY,
                                    nominees=[NomineeDraft(pid) for pid in ids])
    screen = NominationsScreen(commune.nominations, today=TODAY)
    qtbot.addWidget(screen)
    screen.resize(680, 470)  # the screen's share of a 1366×768 window at 150%
    screen.show()
    names = lambda: sorted(screen.model.row_object(r).nominee_name for r in range(screen.model.rowCount()))  # noqa: E731
    assert screen.model.total == 3 and screen.search.placeholderText()
    type_text(screen.search, "dam thi")  # no accents, đ typed as d
    qtbot.waitUntil(lambda: screen.model.total == 1, timeout=2000)
    assert names() == ["Đàm Thị Thư"]
    screen.search.clear()
    type_text(screen.search, "ĐỨC")  # capitals and accents, đ as đ
    qtbot.waitUntil(lambda: names() == ["Nông Văn Đức"], timeout=2000)
    screen.search.clear()
    type_text(screen.search, "thi")
    qtbot.waitUntil(lambda: names() == ["Lý Thị Hoa", "Đàm Thị Thư"], timeout=2000)
    screen.status.setCurrentIndex(screen.status.findData("submitted"))  # the status filter still applies
    assert screen.model.total == 0
    screen.status.setCurrentIndex(0)
    assert screen.model.total == 2
    # The service does the filtering, one page at a time.
    rows, total = commune.nominations.page(search="thi", limit=1)
    assert total == 2 and len(rows) == 1
    assert commune.nominations.page(search="%")[1] == 0  # LIKE wildcards are typed text, not patterns

    # The detail marks criteria whose legal source is unchecked with (*) and explains it, instead of
    # "[chưa xác minh]" after "✓ …", which read as if the nominee's data were unverified.
    screen.select_row(0)
    text = screen.detail.toPlainText()
    assert "chưa xác minh" not in text and "(*)" in text and unverified_legend() in text


def test_search_finds_collectives_by_name_too(demo) -> None:  # type: ignore[no-untyped-def]
    from thidua_desktop.domain.text import search_key

    collective = next(n for n in demo.nominations.list() if n.collective_id)
    rows, total = demo.nominations.page(search=search_key(collective.nominee_name))
    assert total >= 1 and collective.id in {n.id for n in rows}
