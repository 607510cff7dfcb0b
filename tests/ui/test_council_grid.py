"""The council's vote grid on a 1366×768 laptop at 150% scaling (910×512 logical pixels): nominees'
names whole, every column without a horizontal scroll, and the reason to vote on a nominee the
check does not pass written in a window (double-click or Enter), the cell showing its first line
and the whole reason on hover."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QCoreApplication, Qt, QTimer
from PySide6.QtGui import QFontMetrics
from PySide6.QtWidgets import QApplication, QDialogButtonBox

from thidua_desktop.services.nominations import NomineeDraft
from thidua_desktop.services.people import PersonInput
from thidua_desktop.services.records import Subject
from thidua_desktop.ui.screens.council import FOR, OVERRIDE, CouncilScreen
from thidua_desktop.ui.screens.override_reasons import ReasonDialog

from .conftest import type_text
from .council_helpers import write_reason

TODAY = date(2026, 11, 25)
# Long, ordinary names: four syllables, the widest letters Vietnamese has.
NAMES = ("Nguyễn Thị Thanh Hương", "Hoàng Thị Phương Thảo", "Nông Văn Thưởng", "Triệu Thị Mười")
CHECKED = "Hội đồng đã xem xét hồ sơ tại cuộc họp"


def _office(app, attested: bool = True) -> dict[str, str]:  # type: ignore[no-untyped-def]
    ids = []
    for name in NAMES:
        person = app.people.create(PersonInput(name, "female", birth="1985", employment_start="01/03/2015"))
        app.records.set_rating(Subject(person_id=person.id), 2026, "excellent")
        ids.append(person.id)
    batch = app.nominations.create_batch("Khen thưởng năm 2026", 2026)
    views = app.nominations.create_many(
        batch_id=batch.id, award_code="LDTT", as_of=TODAY,
        nominees=[NomineeDraft(pid, attested=["self_reliance_solidarity"] if attested or i else [])
                  for i, pid in enumerate(ids)])  # the first not attested: the check does not pass her
    for i in range(7):
        app.council.add_member(f"Thành viên số {i + 1}", "chair" if i == 0 else "member", "UBND xã")
    app.officials.add(role="chairman", full_name="Hoàng Văn Nam", term_start="01/07/2025")
    return {v.nominee_name: v.id for v in views}


def _screen(qtbot, app, width: int = 910, height: int = 512) -> CouncilScreen:  # type: ignore[no-untyped-def]
    screen = CouncilScreen(app.council, app.nominations, app.drafts, TODAY)
    qtbot.addWidget(screen)
    screen.resize(width, height)
    screen.show()
    qtbot.waitExposed(screen)
    return screen


def _row(screen: CouncilScreen, name: str) -> int:
    return [n.nominee_name for n in screen.rows].index(name)


def test_the_vote_grid_fits_a_150_percent_laptop(qtbot, commune) -> None:  # type: ignore[no-untyped-def]
    _office(commune, attested=False)
    screen = _screen(qtbot, commune)
    grid = screen.grid
    assert grid.rowCount() == len(NAMES)
    metrics = grid.fontMetrics()
    margins = 2 * (grid.style().pixelMetric(grid.style().PixelMetric.PM_FocusFrameHMargin, None, grid) + 1)
    widest = max(metrics.horizontalAdvance(line) for n in screen.rows for line in (n.nominee_name, n.award_name))
    assert grid.columnWidth(0) >= widest + margins  # names and awards whole, not "Nguyễn Thị Th…"
    # Every column within the grid's width: nothing to scroll sideways to.
    assert sum(grid.columnWidth(c) for c in range(grid.columnCount())) <= grid.viewport().width()
    assert grid.horizontalScrollBar().maximum() == 0
    # The reason column is wide enough for what an empty cell says; the rows show several nominees.
    for row in range(grid.rowCount()):
        item = screen.override(row)
        shown = item.data(Qt.ItemDataRole.DisplayRole)
        assert grid.columnWidth(OVERRIDE) >= QFontMetrics(item.font()).horizontalAdvance(shown)
    assert grid.viewport().height() >= 3 * grid.rowHeight(0)
    assert screen.override(_row(screen, NAMES[0])).isEnabled()
    assert not screen.override(_row(screen, NAMES[1])).isEnabled()
    assert screen.minimumSizeHint().width() <= 910 and screen.minimumSizeHint().height() <= 512


def test_the_reason_is_written_in_a_window_and_the_cell_shows_its_first_line(qtbot, commune, dialog_log) -> None:  # type: ignore[no-untyped-def]
    ids = _office(commune, attested=False)
    screen = _screen(qtbot, commune, 1150, 700)
    row = _row(screen, NAMES[0])
    for r in range(screen.grid.rowCount()):
        box = screen.spin(r, FOR)
        box.setValue(box.maximum())
    # Saving without the reason: refused, the cell is selected, and the message says what to do.
    qtbot.mouseClick(screen.save_button, Qt.MouseButton.LeftButton)
    [(kind, text)] = dialog_log
    assert kind == "error" and NAMES[0] in text and ("Double-click" in text or "Bấm đúp" in text)
    assert (screen.grid.currentRow(), screen.grid.currentColumn()) == (row, OVERRIDE)
    assert commune.council.meetings()[1] == 0
    dialog_log.clear()

    # Enter on the selected cell opens the window: who, which award, why the check does not pass.
    seen: list[tuple[str, str, str, bool]] = []

    def write_two_lines() -> None:
        dialog = QApplication.activeModalWidget()
        try:
            assert isinstance(dialog, ReasonDialog), dialog
            box = dialog.box
            seen.append((box.nominee.name, box.outcome.text(), box.why.text(), box.why.isVisible()))
            type_text(box.editor, "Đã xác minh tại cuộc họp")
            qtbot.keyClick(box.editor, Qt.Key.Key_Return)
            type_text(box.editor, "có biên bản kèm theo")
            dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).click()
        finally:
            if dialog is not None and dialog.isVisible():
                dialog.reject()

    screen.grid.setFocus()
    QTimer.singleShot(0, write_two_lines)
    qtbot.keyClick(screen.grid, Qt.Key.Key_Return)
    [(name, outcome, why, why_shown)] = seen
    assert name == NAMES[0] and outcome == "Chưa đủ thông tin" and why_shown, why
    assert why.startswith("• ") and "tự lực" in why, why  # the criterion not attested, in the wizard's words
    cell = screen.override(row)
    assert cell.text() == "Đã xác minh tại cuộc họp\ncó biên bản kèm theo"
    assert cell.data(Qt.ItemDataRole.DisplayRole) == "Đã xác minh tại cuộc họp …"
    assert cell.data(Qt.ItemDataRole.ToolTipRole) == cell.text()

    # What was typed survives a switch to another screen and back (the meeting draft).
    typed = cell.text()
    screen.refresh()
    assert screen.override(_row(screen, NAMES[0])).text() == typed

    # An eligible nominee's cell opens nothing.
    eligible = _row(screen, NAMES[1])
    windows: list[object] = []
    QTimer.singleShot(0, lambda: windows.append(QApplication.activeModalWidget()))
    screen.edit_reason(eligible, OVERRIDE)
    qtbot.waitUntil(lambda: bool(windows))
    assert windows == [None]

    qtbot.mouseClick(screen.save_button, Qt.MouseButton.LeftButton)
    assert [kind for kind, _t in dialog_log] == ["info"]
    assert {n.status for n in commune.nominations.list()} == {"council_voted"}
    # The council's reason is the one the decision keeps (stored as one line).
    decision = commune.decisions.issue(number="05/QĐ-UBND", decided_on="24/11/2026", award_code="LDTT",
                                       nomination_ids=list(ids.values()))
    assert len(decision.recipients) == len(NAMES)
    [reason] = [e["reason"] for e in commune.nominations.history(ids[NAMES[0]]) if e["to"] == "decided"]
    assert reason == "Đã xác minh tại cuộc họp có biên bản kèm theo"


def test_the_reason_cell_follows_the_language(qtbot, commune) -> None:  # type: ignore[no-untyped-def]
    from thidua_desktop.ui import i18n

    _office(commune, attested=False)
    screen = _screen(qtbot, commune)
    row = _row(screen, NAMES[0])
    assert len(write_reason(qtbot, screen, row, CHECKED)) == 1
    needed = _row(screen, NAMES[0])
    other = _row(screen, NAMES[1])
    i18n.install("en")
    qtbot.waitUntil(lambda: screen.override(other).data(Qt.ItemDataRole.DisplayRole) == "Not needed")
    assert screen.override(needed).data(Qt.ItemDataRole.DisplayRole) == CHECKED
    assert QCoreApplication.translate("CouncilScreen", "Not needed") == "Not needed"
