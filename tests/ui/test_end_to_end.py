"""End to end, as a commune officer works through a year-end round on an empty office: a movement with a
target, an activity that reports against it, two people with award history and ratings, a nomination
made in the wizard (with its eligibility seen green and red), the council's vote, and the chairman's
decision, which writes the award history with the reward money. Every step is driven through the real
main window and read back through the services."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, Qt, QTimer
from PySide6.QtGui import QTextCursor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QLineEdit,
    QProgressBar,
    QTableWidget,
    QTabWidget,
    QWidget,
    QWizard,
)

from thidua_desktop.services.records import Subject
from thidua_desktop.ui.main_window import MainWindow
from thidua_desktop.ui.screens import nomination_wizard_dossier
from thidua_desktop.ui.screens.council import FOR, MemberDialog
from thidua_desktop.ui.screens.nomination_wizard import NominationWizard
from thidua_desktop.ui.screens.nomination_wizard_check import COLORS
from thidua_desktop.ui.screens.nomination_wizard_pages import BatchDialog

from .conftest import TODAY, type_text

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support")  # completer popups, offscreen

HOA, BINH = "Nông Thị Hoa", "Lý Văn Bình"
UBND = "UBND xã Quảng Uyên"


# Helpers: what an officer does with the mouse and keyboard --------------------------------------
def go(qtbot, window: MainWindow, title: str) -> QWidget:  # type: ignore[no-untyped-def]
    """Click a screen's name in the navigation pane; returns the screen now shown."""
    [item] = window.nav.findItems(title, Qt.MatchFlag.MatchExactly)
    rect = window.nav.visualItemRect(item)
    qtbot.mouseClick(window.nav.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert window.nav.currentItem() is item
    return window.stack.currentWidget()


def click(qtbot, widget: QWidget) -> None:  # type: ignore[no-untyped-def]
    assert widget.isEnabled() and widget.isVisible(), widget
    qtbot.mouseClick(widget, Qt.MouseButton.LeftButton)


def click_tab(qtbot, tabs: QTabWidget, index: int) -> None:  # type: ignore[no-untyped-def]
    bar = tabs.tabBar()
    qtbot.mouseClick(bar, Qt.MouseButton.LeftButton, pos=bar.tabRect(index).center())
    assert tabs.currentIndex() == index


def retype(qtbot, field: QLineEdit, text: str) -> None:  # type: ignore[no-untyped-def]
    """Select what a field holds and type over it (ASCII: dates, numbers, years)."""
    field.selectAll()
    qtbot.keyClicks(field, text)
    assert field.text() == text


def choose(box: QComboBox, data: object) -> str:
    """Pick a combo item; returns the text the officer sees."""
    index = box.findData(data)
    assert index >= 0, data
    box.setCurrentIndex(index)
    return box.currentText()


def save_dialog(qtbot, dialog: QDialog) -> None:  # type: ignore[no-untyped-def]
    click(qtbot, dialog.buttons.button(QDialogButtonBox.StandardButton.Save))  # type: ignore[attr-defined]


def double_click_row(qtbot, table: QAbstractItemView, row: int) -> None:  # type: ignore[no-untyped-def]
    rect = table.visualRect(table.model().index(row, 0))
    qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    qtbot.mouseDClick(table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())


def row_of(model, name: str, attr: str = "full_name") -> int:  # type: ignore[no-untyped-def]
    names = [getattr(model.row_object(r), attr) for r in range(model.rowCount())]
    assert name in names, names
    return names.index(name)


def edit_cell(qtbot, table: QTableWidget, row: int, column: int, text: str) -> None:  # type: ignore[no-untyped-def]
    """Open the cell's editor as a double-click would, type, press Enter."""
    index = table.model().index(row, column)
    if table.indexWidget(index) is None:  # "Add indicator" already opened the first cell's editor
        table.setCurrentCell(row, column)
        table.editItem(table.item(row, column))
    editor = table.indexWidget(index)
    assert isinstance(editor, QLineEdit)
    editor.selectAll()
    type_text(editor, text)
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: table.item(row, column).text() == text, timeout=1000)


def in_modal(kind: type, open_it: Callable[[], None], drive: Callable[[QDialog], None]) -> None:
    """Drive the modal dialog that ``open_it`` opens with exec(). A failure inside closes the dialog,
    so the test never hangs in its event loop, and is raised here."""
    failures: list[BaseException] = []
    reached: list[bool] = []
    finished: list[bool] = []

    def step(tries: int = 0) -> None:
        if finished:
            return
        modal = QApplication.activeModalWidget()
        if not isinstance(modal, kind):
            if tries < 100:
                QTimer.singleShot(10, lambda: step(tries + 1))
            elif isinstance(modal, QDialog):  # something else opened: close it rather than hang
                failures.append(AssertionError(f"expected a {kind.__name__}, found {type(modal).__name__}"))
                modal.done(QDialog.DialogCode.Rejected)
            return
        reached.append(True)
        try:
            drive(modal)
        except BaseException as exc:  # re-raised below, once the dialog is closed
            failures.append(exc)
            modal.done(QDialog.DialogCode.Rejected)

    QTimer.singleShot(0, step)
    open_it()
    finished.append(True)
    if failures:
        raise failures[0]
    assert reached, f"no {kind.__name__} was opened"


def color(item, column: int = 1) -> str:  # type: ignore[no-untyped-def]
    return item.background(column).color().name()


def tr(context: str, text: str) -> str:
    return QCoreApplication.translate(context, text)


# The test -------------------------------------------------------------------------------------------
def test_a_year_end_round_from_movement_to_decision(qtbot, commune, dialog_log, tmp_path: Path,  # type: ignore[no-untyped-def]
                                                     monkeypatch) -> None:
    app = commune
    # The one thing not done in the GUI: no screen can add a village (thôn, xóm) yet, and the activity
    # entry refuses its "(no village)" choice (forms.widget_value sends the item's text as the village
    # id), so the office gets one village here. Both are reported to the lead.
    village = app.office.add_village("Xóm Bản Ruộc", kind="xom")
    window = MainWindow(app, TODAY)
    qtbot.addWidget(window)
    window.resize(1366, 728)
    window.show()
    qtbot.waitExposed(window)
    # MainWindow gives `today` only to the overview, so the wizard would judge eligibility on the
    # computer's clock (reported to the lead); the screen keeps it as an attribute, set here.
    window.nominations.today = TODAY

    # 1. Phong trào: a movement with an indicator target ------------------------------------------
    movements = go(qtbot, window, "Phong trào")
    assert movements is window.movements and movements.model.total == 0
    click(qtbot, movements.new_button)
    dialog = movements.dialog
    assert dialog is not None and dialog.isVisible()
    f = dialog.fields
    qtbot.keyClicks(f["code"], "XDNTM-2026")
    type_text(f["name"], "Chung sức xây dựng nông thôn mới năm 2026")
    choose(f["launch_level"], "commune")
    type_text(f["launch_doc_number"], "12/KH-UBND")
    qtbot.keyClicks(f["launch_doc_date"], "10/01/2026")
    qtbot.keyClicks(f["period_start"], "15/01/2026")
    qtbot.keyClicks(f["period_end"], "15/12/2026")
    type_text(f["goals"], "Giữ vững 19 tiêu chí nông thôn mới")
    click(qtbot, dialog.add_row)
    # Name, unit, then (past the kind and direction choices, left as a count to raise) the numbers.
    for column, text in zip((0, 1, 4, 5, 6), ["Hộ đạt danh hiệu Gia đình văn hóa", "hộ", "80", "120", "30/06/2026"],
                            strict=True):
        edit_cell(qtbot, dialog.table, 0, column, text)
    save_dialog(qtbot, dialog)
    assert dialog.result() == QDialog.DialogCode.Accepted, dialog.indicator_error.text()
    rows, total = app.movements.search("nong thon moi")
    assert total == 1
    movement_id = rows[0].id
    saved = app.movements.get(movement_id)
    assert (saved.code, saved.launch_level, saved.period_start, saved.period_end) == (
        "XDNTM-2026", "commune", "15/01/2026", "15/12/2026")
    [indicator] = app.movements.indicators(movement_id)
    assert (indicator["name"], indicator["unit"], indicator["target"], indicator["reported"]) == (
        "Hộ đạt danh hiệu Gia đình văn hóa", "hộ", 120.0, 0.0)
    assert movements.model.total == 1 and movements.selected_id == movement_id

    # 2. Hoạt động: quick entry with the indicator's value --------------------------------------------
    activities = go(qtbot, window, "Hoạt động")
    entry = activities.entry
    assert entry.movement.currentData() == movement_id  # the only movement, already chosen
    assert list(entry.indicator_fields) == [str(indicator["id"])]
    retype(qtbot, entry.held_on, "15/10/2026")
    choose(entry.village, village.id)
    type_text(entry.place, "Nhà văn hóa xóm Bản Ruộc")
    type_text(entry.description, "Bình xét gia đình văn hóa, ra quân vệ sinh đường làng")
    for box, value in ((entry.total, 45), (entry.women, 20), (entry.minority, 38)):
        box.selectAll()
        qtbot.keyClicks(box, str(value))
        assert box.value() == value
    qtbot.keyClicks(entry.indicator_fields[str(indicator["id"])], "35")
    click(qtbot, entry.save_button)
    [activity], total = app.movements.activities_page(movement_id)
    assert total == 1, (entry.banner.text(), [e.text() for e in entry.errors.values() if not e.isHidden()])
    assert activity.village_id == village.id
    assert (activity.held_on, activity.place, activity.participants_total, activity.participants_women,
            activity.participants_minority) == (date(2026, 10, 15), "Nhà văn hóa xóm Bản Ruộc", 45, 20, 38)
    assert app.movements.indicators(movement_id)[0]["reported"] == 35.0
    assert activities.model.total == 1 and activities.current() is not None  # the new row is selected
    assert entry.held_on.text() == "15/10/2026" and entry.total.value() == 0  # ready for the next one

    movements = go(qtbot, window, "Phong trào")  # the progress bar now counts the activity
    bar = movements.indicators.itemAtPosition(0, 1).widget()
    assert isinstance(bar, QProgressBar) and (bar.format(), bar.value()) == ("35 / 120", 29)

    # 3. Cá nhân & tập thể: two people, award history and ratings -------------------------------------
    register = go(qtbot, window, "Cá nhân & tập thể")
    people = register.people_screen
    assert register.tabs.currentWidget() is people and people.model.total == 0

    def new_person(name: str, gender: str, birth: str, ethnicity: str, position: str, start: str) -> str:
        click(qtbot, people.new_button)
        form = people.dialog
        assert form is not None and form.isVisible() and form.history is None  # history comes after saving
        type_text(form.fields["full_name"], name)
        choose(form.fields["gender"], gender)
        qtbot.keyClicks(form.fields["birth"], birth)
        type_text(form.fields["ethnicity"].lineEdit(), ethnicity)
        type_text(form.fields["position"], position)
        type_text(form.fields["workplace"], UBND)
        choose(form.fields["village"], village.id)
        qtbot.keyClicks(form.fields["employment_start"], start)
        save_dialog(qtbot, form)
        assert form.result() == QDialog.DialogCode.Accepted, [e.text() for e in form.errors.values()]
        [person] = app.people.search(name).rows
        return person.id

    hoa = new_person(HOA, "female", "12/05/1988", "Tày", "Công chức Văn hóa - Xã hội", "01/03/2015")
    binh = new_person(BINH, "male", "1991", "Nùng", "Công chức Địa chính - Xây dựng", "01/09/2019")
    person = app.people.get(hoa)
    assert (person.gender, person.ethnicity, person.is_ethnic_minority, person.workplace, person.village_id) == (
        "female", "Tày", True, UBND, village.id)
    assert people.model.total == 2

    # Hoa's history, typed from paper: last year's certificate of merit and this year's rating.
    double_click_row(qtbot, people.table, row_of(people.model, HOA))
    form = people.dialog
    assert form is not None and form.person_id == hoa and form.history is not None
    click_tab(qtbot, form.tabs, 2)  # Details, Dossier profile, Awards and history
    awards = form.history.awards
    click_tab(qtbot, form.history, form.history.indexOf(awards))
    choose(awards.fields["award_code"], "GK_XA_CN")
    assert awards.fields["issuing_level"].currentData() == "commune"  # filled in from the catalog
    retype(qtbot, awards.fields["year"], "2025")
    type_text(awards.fields["decision_number"], "86/QĐ-UBND")
    qtbot.keyClicks(awards.fields["decision_date"], "26/12/2025")
    click(qtbot, awards.add_button)
    assert awards.error.isHidden(), awards.error.text()
    [paper] = app.records.awards_of(Subject(person_id=hoa))
    assert (paper["award_code"], paper["year"], paper["decision_number"], paper["decision_date"],
            paper["source"]) == ("GK_XA_CN", 2025, "86/QĐ-UBND", "2025-12-26", "manual")
    assert awards.model.total == 1

    ratings = form.history.ratings
    click_tab(qtbot, form.history, form.history.indexOf(ratings))
    retype(qtbot, ratings.fields["year"], "2026")
    choose(ratings.fields["rating"], "excellent")
    type_text(ratings.fields["source_document"], "Biên bản đánh giá, xếp loại công chức năm 2026")
    click(qtbot, ratings.add_button)
    assert ratings.error.isHidden(), ratings.error.text()
    [rating] = app.records.ratings_of(Subject(person_id=hoa))
    assert (rating.year, rating.rating) == (2026, "excellent")
    save_dialog(qtbot, form)
    assert form.result() == QDialog.DialogCode.Accepted

    # Bình's rating in the yearly grid of the unit's officials.
    grid = register.ratings_grid
    click_tab(qtbot, register.tabs, register.tabs.indexOf(grid))
    grid.year.selectAll()
    qtbot.keyClicks(grid.year, "2026")
    assert grid.year.value() == 2026 and grid.model.total == 2
    row = row_of(grid.model, BINH)
    assert grid.editor(row_of(grid.model, HOA)).currentData() == "excellent"  # the stored one
    choose(grid.editor(row), "completed")
    type_text(grid.source, "Biên bản đánh giá, xếp loại công chức năm 2026")
    click(qtbot, grid.save_button)
    assert grid.error.isHidden(), grid.error.text()
    assert [(r.year, r.rating) for r in app.records.ratings_of(Subject(person_id=binh))] == [(2026, "completed")]

    # 4. Đề nghị khen thưởng: the six steps of the wizard ----------------------------------------------
    nominations = go(qtbot, window, "Đề nghị khen thưởng")
    assert nominations.model.total == 0
    scan = tmp_path / "to-trinh-ldtt-2026.pdf"
    scan.write_bytes(b"%PDF-1.4 to trinh de nghi LDTT 2026")
    monkeypatch.setattr(nomination_wizard_dossier, "pick_files", lambda *_a: [str(scan)])
    seen: dict[str, object] = {}

    def new_batch(batch_dialog: QDialog) -> None:
        assert isinstance(batch_dialog, BatchDialog)
        type_text(batch_dialog.fields["name"], "Bình xét thi đua năm 2026")
        batch_dialog.fields["year"].selectAll()
        qtbot.keyClicks(batch_dialog.fields["year"], "2026")
        choose(batch_dialog.fields["kind"], "annual")
        qtbot.keyClicks(batch_dialog.fields["deadline"], "05/12/2026")
        qtbot.keyClick(batch_dialog.fields["deadline"], Qt.Key.Key_Return)  # Enter saves

    def wizard_steps(wizard: QDialog) -> None:
        assert isinstance(wizard, NominationWizard)
        next_button = wizard.button(QWizard.WizardButton.NextButton)
        # Step 1: a new batch, then the award (commune-granted) and its kind.
        page = wizard.batch_page
        assert page.batch.count() == 0 and not page.isComplete()
        in_modal(BatchDialog, lambda: click(qtbot, page.new_batch), new_batch)
        assert page.batch.count() == 1 and "Bình xét thi đua năm 2026" in page.batch.currentText()
        seen["award_text"] = choose(page.award, "LDTT")
        assert page.kind.currentData() == "regular"
        assert tr("BatchAwardPage", "The commune chairman grants this award.") in page.note.text()
        click(qtbot, next_button)

        # Step 2: search without accents and tick both people.
        picks = wizard.nominees_page
        assert wizard.currentPage() is picks and picks.model.total == 2 and not picks.isComplete()
        for typed, name in (("nong thi hoa", HOA), ("binh", BINH)):
            picks.search.selectAll()
            qtbot.keyClicks(picks.search, typed)
            qtbot.waitUntil(lambda n=name: [picks.model.row_object(r).name
                                            for r in range(picks.model.rowCount())] == [n], timeout=2000)
            picks.table.setCurrentIndex(picks.model.index(0, 0))
            qtbot.keyClick(picks.table, Qt.Key.Key_Space)  # Space ticks the row
        assert [picks.chosen_list.item(r).text() for r in range(picks.chosen_list.count())] == [HOA, BINH]
        click(qtbot, next_button)

        # Step 3: the checklist, green, red and amber, with reasons.
        check = wizard.eligibility_page
        assert wizard.currentPage() is check and check.people.count() == 2
        check.select(binh)
        low = check.criterion_item("good_rating")
        assert color(low) == COLORS["fail"].name() and low.text(1).startswith("✗")
        assert "Không đạt" in low.text(2) and "Hoàn thành nhiệm vụ" in low.text(2)
        assert wizard.state.previews[binh].decision.outcome.value == "not_eligible"
        assert check.people.currentItem().background().color().name() == COLORS["fail"].name()
        check.select(hoa)
        good = check.criterion_item("good_rating")
        assert color(good) == COLORS["pass"].name() and good.text(1).startswith("✓")
        assert "Đạt" in good.text(2) and "Hoàn thành xuất sắc nhiệm vụ" in good.text(2)
        worked = check.criterion_item("months_worked")
        assert color(worked) == COLORS["pass"].name()
        assert worked.text(3) == "(*)" and check.legend.text().startswith("(*) = ")  # the catalog marks its source
        solidarity = check.criterion_item("self_reliance_solidarity")
        assert color(solidarity) == COLORS["unknown"].name()
        assert wizard.state.previews[hoa].decision.outcome.value == "incomplete"
        solidarity.setCheckState(0, Qt.CheckState.Checked)  # the officer confirms it for Hoa
        qtbot.waitUntil(lambda: wizard.state.previews[hoa].decision.outcome.value == "eligible", timeout=2000)
        assert color(check.criterion_item("self_reliance_solidarity")) == COLORS["pass"].name()
        assert check.quota.isHidden()  # LĐTT has no quota

        # Back to step 2: Bình is not eligible this year, so he leaves the list.
        click(qtbot, wizard.button(QWizard.WizardButton.BackButton))
        assert wizard.currentPage() is picks
        picks.chosen_list.setCurrentRow(1)
        click(qtbot, picks.remove)
        assert [picks.chosen_list.item(r).text() for r in range(picks.chosen_list.count())] == [HOA]
        click(qtbot, next_button)
        assert check.people.count() == 1 and wizard.state.previews[hoa].decision.outcome.value == "eligible"
        assert all(color(check.tree.topLevelItem(i)) == COLORS["pass"].name()
                   for i in range(check.tree.topLevelItemCount()))
        click(qtbot, next_button)

        # Step 4: the achievement summary from the LĐTT template, completed by hand.
        summary = wizard.summary_page
        assert summary.text.toPlainText().startswith(f"Đồng chí {HOA}")
        summary.text.moveCursor(QTextCursor.MoveOperation.End)
        type_text(summary.text, "\nVận động 35 hộ đạt danh hiệu Gia đình văn hóa năm 2026.")
        click(qtbot, next_button)

        # Step 5: the dossier: attach the tờ trình, tick the other two documents.
        dossier = wizard.dossier_page
        codes = [dossier.table.item(r, 0).data(Qt.ItemDataRole.UserRole) for r in range(dossier.table.rowCount())]
        assert codes == ["TO_TRINH", "BAO_CAO_THANH_TICH", "BIEN_BAN_BINH_XET"]
        click(qtbot, dossier.table.cellWidget(0, 2))  # Attach… for the tờ trình
        assert dossier.table.item(0, 1).text() == scan.name
        for r in (1, 2):
            dossier.table.item(r, 0).setCheckState(Qt.CheckState.Checked)
        assert dossier.missing.text() == tr("DossierPage", "Every required document is ticked.")
        click(qtbot, next_button)

        # Step 6: review, then save as a draft.
        review = wizard.review_page
        assert review.table.rowCount() == 1
        assert [review.table.item(0, c).text() for c in (0, 1, 3)] == [HOA, "Đủ điều kiện", "3/3"]
        assert review.table.item(0, 2).text().startswith(f"Đồng chí {HOA}")
        click(qtbot, wizard.button(QWizard.WizardButton.FinishButton))

    in_modal(NominationWizard, lambda: click(qtbot, nominations.new_button), wizard_steps)
    assert "Lao động tiên tiến" in str(seen["award_text"])
    [draft] = app.nominations.list(status="draft")
    nomination_id = draft.id
    assert (draft.person_id, draft.award_code, draft.commendation_kind, draft.eligibility_outcome) == (
        hoa, "LDTT", "regular", "eligible")
    assert draft.achievement_summary.endswith("Vận động 35 hộ đạt danh hiệu Gia đình văn hóa năm 2026.")
    docs = {d.item_code: d for d in app.nominations.documents(nomination_id)}
    assert all(d.provided for d in docs.values()) and docs["TO_TRINH"].files == [scan.name]
    # The nominations screen shows it selected, with its checklist and history.
    assert nominations.current is not None and nominations.current.id == nomination_id
    row = nominations.table.selectionModel().selectedRows()[0].row()
    assert [nominations.model.index(row, c).data() for c in range(4)] == [
        HOA, "Lao động tiên tiến", "Bản nháp", "Đủ điều kiện"]
    detail = nominations.detail.toPlainText().splitlines()
    assert detail[0] == "Đủ điều kiện" and any(line.startswith("✓ Đạt") for line in detail)
    assert nominations.history.rowCount() == 1 and nominations.history.item(0, 1).text() == "Bản nháp"

    # 5. Hội đồng TĐKT: members, then the meeting with its votes -------------------------------------
    council = go(qtbot, window, "Hội đồng TĐKT")
    click_tab(qtbot, council.tabs, 1)
    for name, role, position in (("Hoàng Văn Nam", "chair", "Chủ tịch UBND xã"),
                                 ("Đàm Thị Thư", "secretary", "Công chức Văn phòng - Thống kê"),
                                 ("Lương Văn Tú", "member", "Chủ tịch Ủy ban MTTQ xã")):
        def add(member_dialog: QDialog, name: str = name, role: str = role, position: str = position) -> None:
            assert isinstance(member_dialog, MemberDialog)
            type_text(member_dialog.fields["full_name"], name)
            choose(member_dialog.fields["council_role"], role)
            type_text(member_dialog.fields["position"], position)
            qtbot.keyClick(member_dialog.fields["position"], Qt.Key.Key_Return)  # Enter saves

        in_modal(MemberDialog, lambda: click(qtbot, council.add_member_button), add)
    members = {m["full_name"]: m for m in app.council.members()}
    assert {n: m["council_role"] for n, m in members.items()} == {
        "Hoàng Văn Nam": "chair", "Đàm Thị Thư": "secretary", "Lương Văn Tú": "member"}
    assert council.members.rowCount() == 3

    click_tab(qtbot, council.tabs, 0)
    retype(qtbot, council.held_on, "25/11/2026")
    assert council.batch.currentText().startswith("Bình xét thi đua năm 2026")
    assert council.grid.rowCount() == 1 and council.grid.item(0, 0).text().startswith(HOA)
    absent = next(r for r in range(council.presence.count()) if council.presence.item(r).text().startswith("Lương"))
    council.presence.item(absent).setCheckState(Qt.CheckState.Unchecked)  # absent, no written vote
    assert council.spin(0, 1).value() == 2 and council.spin(0, 2).value() == 2  # ballots follow those present
    votes = council.spin(0, FOR)
    votes.selectAll()
    qtbot.keyClicks(votes, "2")
    assert [council.grid.item(0, c).text() for c in range(4, 8)] == [
        "66,7%", "100,0%", "> 50,0%", tr("CouncilScreen", "Passes")]
    type_text(council.notes, "Họp xét thi đua cuối năm 2026")
    click(qtbot, council.save_button)
    assert dialog_log[-1][0] == "info", dialog_log
    assert app.nominations.get(nomination_id).status == "council_voted"
    [meeting], total = app.council.meetings()
    assert (total, meeting.held_on, meeting.members_total, meeting.members_present, meeting.passed) == (
        1, date(2026, 11, 25), 3, 2, 1)
    [ballot] = app.council.meeting_ballots(meeting.id)
    assert (ballot.votes_for, ballot.ballots_valid, ballot.ballots_issued, ballot.passed) == (2, 2, 2, True)
    assert council.grid.rowCount() == 0  # nothing left to vote on in this batch

    # 6. Quyết định: the chairman's decision writes the award history with the reward ------------------
    # Who signs: Cài đặt → Lãnh đạo ký văn bản, the chairman since the commune was formed.
    settings = go(qtbot, window, "Cài đặt")
    officials = settings.box_officials
    officials.role.setCurrentIndex(officials.role.findData("chairman"))
    type_text(officials.full_name, "Hoàng Văn Nam")
    type_text(officials.term_start, "01/07/2025")
    click(qtbot, officials.add)
    assert officials.table.rowCount() == 1 and officials.table.item(0, 1).text() == "Hoàng Văn Nam"
    decisions = go(qtbot, window, "Quyết định")
    choose(decisions.award, "LDTT")
    assert decisions.recipients.rowCount() == 1
    assert [decisions.recipients.item(0, c).text() for c in (0, 2)] == [HOA, "710.000 đ"]
    type_text(decisions.number, "15/QĐ-UBND")
    retype(qtbot, decisions.decided_on, "25/11/2026")
    assert decisions.signer_title.currentText() == "CHỦ TỊCH"
    assert decisions.signer_name.currentText() == "Hoàng Văn Nam"  # the chairman in office that day
    assert "2.340.000 đ" in decisions.total.text() and "710.000 đ" in decisions.total.text()
    click(qtbot, decisions.issue_button)
    assert all(e.isHidden() for e in decisions.errors.values()), [e.text() for e in decisions.errors.values()]
    assert dialog_log[-1][0] == "info" and "15/QĐ-UBND" in dialog_log[-1][1]
    [decision], total = app.decisions.page()
    assert (total, decision.number, decision.decided_on, decision.signer_name, decision.base_salary) == (
        1, "15/QĐ-UBND", date(2026, 11, 25), "Hoàng Văn Nam", 2_340_000)
    assert [(r.nominee_name, r.reward_amount) for r in decision.recipients] == [(HOA, 710_000)]
    assert app.nominations.get(nomination_id).status == "decided"
    history = {a["award_code"]: a for a in app.records.awards_of(Subject(person_id=hoa))}
    assert set(history) == {"GK_XA_CN", "LDTT"}
    new = history["LDTT"]
    assert (new["year"], new["decision_number"], new["decision_date"], new["issuing_level"], new["source"]) == (
        2026, "15/QĐ-UBND", "2026-11-25", "commune", "decision")
    assert app.records.awards_of(Subject(person_id=binh)) == []
    assert decisions.recipients.rowCount() == 0  # nothing else waits for a decision

    # The officer sees the new award in Hoa's history, next to the one typed from paper.
    register = go(qtbot, window, "Cá nhân & tập thể")
    click_tab(qtbot, register.tabs, 0)
    double_click_row(qtbot, people.table, row_of(people.model, HOA))
    form = people.dialog
    assert form is not None and form.person_id == hoa
    awards = form.history.awards
    shown = {awards.model.index(r, 2).data(): awards.model.index(r, 5).data() for r in range(awards.model.rowCount())}
    assert shown == {"86/QĐ-UBND": tr("AwardsSection", "Entered by hand"),
                     "15/QĐ-UBND": tr("AwardsSection", "From our decision")}
    click(qtbot, form.buttons.button(QDialogButtonBox.StandardButton.Cancel))
    assert not form.isVisible()

    # Nothing is left open but the main window, and no unexpected message was shown.
    assert [w for w in QApplication.topLevelWidgets() if w.isVisible() and w.isWindow()] == [window]
    assert not [text for kind, text in dialog_log if kind == "error"]
