"""Hoạt động: quick entry (remembered movement, date and village; indicator values; photos by file
dialog and by drag-and-drop), the recent list, and opening and removing files of an activity."""

from __future__ import annotations

import warnings
from pathlib import Path

import pytest
from PySide6.QtCore import QMimeData, QPointF, Qt, QUrl
from PySide6.QtGui import QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import QApplication

from thidua_desktop.services.movements import IndicatorInput, MovementInput
from thidua_desktop.ui.screens import activities, activity_entry, activity_files
from thidua_desktop.ui.screens.activities import ActivitiesScreen

from .conftest import type_text


@pytest.fixture
def setup(commune):  # type: ignore[no-untyped-def]
    village = commune.office.add_village("Xóm Nà Đoỏng")
    commune.office.add_village("Xóm Bản Khoòng")
    commune.movements.create(MovementInput(code="A-VH", name="Toàn dân đoàn kết xây dựng đời sống văn hoá"))
    movement = commune.movements.create(MovementInput(
        code="B-NTM", name="Chung tay xây dựng nông thôn mới",
        indicators=[IndicatorInput("Đường bê tông mới", "km", 0, 5), IndicatorInput("Hộ thoát nghèo", "hộ", 0, 40)]))
    return commune, movement, village.id


def _files(tmp_path: Path) -> tuple[Path, Path, Path]:
    photo = tmp_path / "ảnh lễ ra quân.jpg"
    photo.write_bytes(b"\xff\xd8\xff\xe0 not really a jpeg")
    pdf = tmp_path / "bao-cao.pdf"
    pdf.write_bytes(b"%PDF-1.4 demo")
    other = tmp_path / "ghi-chu.docx"
    other.write_bytes(b"docx")
    return photo, pdf, other


def drop(widget, paths: list[Path]) -> QDropEvent:  # type: ignore[no-untyped-def]
    """What the window system delivers when files are dragged from Explorer and dropped on ``widget``."""
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(p)) for p in paths])
    where = QPointF(widget.rect().center())
    with warnings.catch_warnings():  # PySide6 flags the only QDragEnterEvent constructor as deprecated
        warnings.simplefilter("ignore", DeprecationWarning)
        enter = QDragEnterEvent(where.toPoint(), Qt.DropAction.CopyAction, mime, Qt.MouseButton.LeftButton,
                                Qt.KeyboardModifier.NoModifier)
    QApplication.sendEvent(widget, enter)
    assert enter.isAccepted()
    event = QDropEvent(where, Qt.DropAction.CopyAction, mime, Qt.MouseButton.LeftButton,
                       Qt.KeyboardModifier.NoModifier)
    QApplication.sendEvent(widget, event)
    return event


def type_number(qtbot, box, value: int) -> None:  # type: ignore[no-untyped-def]
    box.selectAll()
    qtbot.keyClicks(box, str(value))


def test_activity_saved_from_the_form_with_values_photo_and_dropped_pdf(qtbot, setup, tmp_path,
                                                                        monkeypatch) -> None:  # type: ignore[no-untyped-def]
    app, movement, village = setup
    photo, pdf, other = _files(tmp_path)
    screen = ActivitiesScreen(app.movements, app.office, app.drafts)
    qtbot.addWidget(screen)
    screen.resize(1130, 680)
    entry = screen.entry
    assert entry.held_on.text()  # today by default
    entry.movement.setCurrentIndex(entry.movement.findData(movement))
    assert len(entry.indicator_fields) == 2
    entry.held_on.clear()
    qtbot.keyClicks(entry.held_on, "12/06/2026")
    entry.village.setCurrentIndex(entry.village.findData(village))
    type_text(entry.place, "Nhà văn hoá xóm")
    type_text(entry.description, "Ra quân làm đường bê tông")
    type_number(qtbot, entry.total, 45)
    type_number(qtbot, entry.women, 20)
    type_number(qtbot, entry.minority, 41)
    [road, _households] = app.movements.indicators(movement)
    qtbot.keyClicks(entry.indicator_fields[str(road["id"])], "1,5")
    monkeypatch.setattr(activity_files, "open_files", lambda *_a: [str(photo)])
    qtbot.mouseClick(entry.add_files_button, Qt.MouseButton.LeftButton)
    event = drop(entry, [pdf, other])  # the .docx is refused, the PDF is taken
    assert event.isAccepted()
    assert entry.file_paths() == [str(photo), str(pdf)]
    assert "ghi-chu.docx" in entry.banner.text()
    qtbot.mouseClick(entry.save_button, Qt.MouseButton.LeftButton)

    [saved] = app.movements.activities(movement)  # read back through the service
    assert (saved["held_on"], saved["village_id"], saved["place"]) == ("2026-06-12", village, "Nhà văn hoá xóm")
    assert (saved["participants_total"], saved["participants_women"], saved["participants_minority"]) == (45, 20, 41)
    assert saved["indicator_values"] == {road["id"]: 1.5}
    assert sorted(saved["attachments"]) == ["bao-cao.pdf", "ảnh lễ ra quân.jpg"]
    assert app.movements.indicators(movement)[0]["reported"] == 1.5
    # The form is ready for the next activity; the list shows the new one, selected, with its two files.
    assert entry.place.text() == "" and entry.total.value() == 0 and entry.file_paths() == []
    assert entry.movement.currentData() == movement and entry.held_on.text() == "12/06/2026"
    assert screen.model.total == 1 and screen.model.row_object(0).attachments == 2
    assert screen.files.count() == 2


def test_movement_date_and_village_are_remembered_after_a_restart(qtbot, setup) -> None:  # type: ignore[no-untyped-def]
    app, movement, village = setup
    first = ActivitiesScreen(app.movements, app.office, app.drafts)
    qtbot.addWidget(first)
    first.entry.movement.setCurrentIndex(first.entry.movement.findData(movement))
    first.entry.held_on.clear()
    qtbot.keyClicks(first.entry.held_on, "03/07/2026")
    first.entry.village.setCurrentIndex(first.entry.village.findData(village))
    type_number(qtbot, first.entry.total, 12)
    assert first.entry.save() is not None
    first.close()

    again = ActivitiesScreen(app.movements, app.office, app.drafts)  # as after closing and reopening the app
    qtbot.addWidget(again)
    assert again.entry.movement.currentData() == movement
    assert again.entry.held_on.text() == "03/07/2026"
    assert again.entry.village.currentData() == village
    assert again.entry.total.value() == 0
    assert len(again.entry.indicator_fields) == 2


def test_bad_date_is_shown_beside_the_date_and_nothing_is_written(qtbot, setup) -> None:  # type: ignore[no-untyped-def]
    app, movement, _village = setup
    screen = ActivitiesScreen(app.movements, app.office, app.drafts)
    qtbot.addWidget(screen)
    entry = screen.entry
    entry.movement.setCurrentIndex(entry.movement.findData(movement))
    entry.held_on.clear()
    qtbot.keyClicks(entry.held_on, "32/01/2026")
    type_text(entry.place, "Sân bóng xã")
    qtbot.keyClick(entry.save_button, Qt.Key.Key_Space)
    assert not entry.errors["held_on"].isHidden()
    assert "32/01/2026" in entry.errors["held_on"].text()
    assert app.movements.activities() == [] and screen.model.total == 0
    assert entry.place.text() == "Sân bóng xã"  # nothing typed is lost
    assert app.drafts.load(activity_entry.DRAFT_KEY)["place"] == "Sân bóng xã"

    entry.held_on.clear()
    qtbot.keyClicks(entry.held_on, "31/01/2026")
    [road, _households] = app.movements.indicators(movement)
    qtbot.keyClicks(entry.indicator_fields[str(road["id"])], "abc")
    entry.save()
    key = f"indicator_values.{road['id']}"
    assert entry.errors["held_on"].isHidden() and not entry.errors[key].isHidden()
    assert "Đường bê tông mới" in entry.errors[key].text() and "indicator_values" not in entry.errors[key].text()
    assert app.movements.activities() == []


def test_files_of_an_activity_can_be_opened_added_and_removed(qtbot, setup, tmp_path, monkeypatch,
                                                              dialog_log) -> None:  # type: ignore[no-untyped-def]
    app, movement, _village = setup
    photo, pdf, _other = _files(tmp_path)
    activity = app.movements.record_activity(movement_id=movement, held_on="01/06/2026", files=[photo])
    screen = ActivitiesScreen(app.movements, app.office, app.drafts)
    qtbot.addWidget(screen)
    screen.table.selectRow(0)
    assert screen.files.count() == 1
    opened: list[Path] = []
    monkeypatch.setattr(activities, "open_path", lambda path: opened.append(path) or True)
    qtbot.mouseClick(screen.open_button, Qt.MouseButton.LeftButton)
    assert opened[0].name == photo.name and opened[0].read_bytes() == photo.read_bytes()

    monkeypatch.setattr(activity_files, "open_files", lambda *_a: [str(pdf)])
    qtbot.mouseClick(screen.add_button, Qt.MouseButton.LeftButton)
    assert sorted(a.file_name for a in app.movements.activity_attachments(activity)) == ["bao-cao.pdf", photo.name]
    assert screen.files.count() == 2 and screen.model.row_object(0).attachments == 2

    screen.files.setCurrentRow([screen.files.item(i).toolTip() for i in range(2)].index(photo.name))
    qtbot.mouseClick(screen.remove_button, Qt.MouseButton.LeftButton)
    assert dialog_log[-1][0] == "ask" and photo.name in dialog_log[-1][1]
    assert [a.file_name for a in app.movements.activity_attachments(activity)] == ["bao-cao.pdf"]
    assert screen.model.row_object(0).attachments == 1
