"""The GUI when another window or a `thidua` command is writing, when the OS says no, and with
attached programs (issue 11, failures 7, 10 and 11). Real data folders; QDesktopServices.openUrl
(Qt's door to the system's file handler) is recorded, never our own code."""

from __future__ import annotations

import errno
import os
from pathlib import Path

import pytest
from office_db import connect_office
from PySide6.QtCore import Qt, QUrl
from PySide6.QtGui import QDesktopServices

from thidua_desktop.services.movements import MovementInput
from thidua_desktop.services.people import PersonInput
from thidua_desktop.ui import ops
from thidua_desktop.ui.screens import activity_files
from thidua_desktop.ui.screens.activities import ActivitiesScreen
from thidua_desktop.ui.worker import run_with_progress

BUSY = "Một cửa sổ hoặc lệnh khác đang ghi dữ liệu; vui lòng thử lại sau giây lát."


@pytest.fixture
def held(commune):  # type: ignore[no-untyped-def]
    """Another program holding the database's write lock (released by the test or at the end)."""
    other = connect_office(commune, isolation_level=None)
    other.execute("BEGIN IMMEDIATE")
    yield other
    if other.in_transaction:
        other.execute("ROLLBACK")
    other.close()


@pytest.fixture
def pauses(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """Short waits for the lock, and a record of the pauses between tries."""
    monkeypatch.setattr(ops, "BUSY_WAIT_MS", 30)
    monkeypatch.setattr(ops, "BUSY_PAUSE_MS", 1)
    made: list[int] = []
    real = ops._pause
    monkeypatch.setattr(ops, "_pause", lambda ms: made.append(ms) or real(ms))
    return made


def test_a_save_tries_again_while_a_command_writes(commune, held, pauses, monkeypatch, dialog_log) -> None:  # type: ignore[no-untyped-def]
    def released_during_the_pause(ms: int) -> None:  # the command finishes while the window waits
        pauses.append(ms)
        if held.in_transaction:
            held.execute("ROLLBACK")

    monkeypatch.setattr(ops, "_pause", released_during_the_pause)
    view = ops.run(None, lambda: commune.people.create(PersonInput("Nông Văn An", "male")))
    assert view is not None and view.full_name == "Nông Văn An"
    assert len(pauses) == 1 and dialog_log == []
    assert commune.people.search().total == 1


def test_a_save_held_off_too_long_says_busy(commune, held, pauses, dialog_log) -> None:  # type: ignore[no-untyped-def]
    assert ops.run(None, lambda: commune.people.create(PersonInput("Nông Văn An", "male"))) is None
    assert len(pauses) == ops.BUSY_ATTEMPTS - 1
    assert dialog_log == [("error", BUSY)]
    held.execute("ROLLBACK")
    assert commune.people.search().total == 0


def test_an_action_that_saved_a_part_is_not_repeated(commune, pauses, dialog_log) -> None:  # type: ignore[no-untyped-def]
    other = connect_office(commune, isolation_level=None)

    def two_saves() -> None:
        commune.people.create(PersonInput("Nông Văn An", "male"))
        if not other.in_transaction:
            other.execute("BEGIN IMMEDIATE")  # another command starts writing in between
        commune.people.create(PersonInput("Lý Thị Hoa", "female"))

    try:
        assert ops.run(None, two_saves) is None
    finally:
        other.execute("ROLLBACK")
        other.close()
    assert pauses == [] and dialog_log == [("error", BUSY)]
    assert [p.full_name for p in commune.people.search().rows] == ["Nông Văn An"]  # once, not twice


def test_os_errors_are_refusals_not_unexpected(commune, tmp_path: Path, dialog_log) -> None:  # type: ignore[no-untyped-def]
    def full() -> None:
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    ops.run(None, full)
    missing = tmp_path / "TD-01576-04-000009.tdsync"
    ops.run(None, lambda: commune.sync.inspect(missing))
    run_with_progress(None, "…", lambda _p: commune.sync.inspect(missing))
    assert dialog_log == [
        ("error", "Ổ đĩa đã đầy: không ghi được dữ liệu. Hãy giải phóng dung lượng rồi thử lại."),
        ("error", f"Không tìm thấy tệp «{missing}»."),
        ("error", f"Không tìm thấy tệp «{missing}»."),
    ]


# Attached programs -----------------------------------------------------------------------------


@pytest.fixture
def opened(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Every URL handed to the system's file handler (Qt's QDesktopServices, patched)."""
    urls: list[str] = []
    monkeypatch.setattr(QDesktopServices, "openUrl", staticmethod(lambda url: urls.append(QUrl(url).toLocalFile())
                                                                  or True))
    return urls


def _activity_with(commune, tmp_path: Path, names: list[str]) -> str:  # type: ignore[no-untyped-def]
    movement = commune.movements.create(MovementInput(code="A", name="Toàn dân đoàn kết"))
    files = []
    for name in names:
        path = tmp_path / name
        path.write_bytes(b"MZ\x90\x00 " + name.encode())
        files.append(path)
    return commune.movements.record_activity(movement_id=movement, held_on="01/06/2026", files=files)


def _open(qtbot, commune, name: str) -> ActivitiesScreen:  # type: ignore[no-untyped-def]
    screen = ActivitiesScreen(commune.movements, commune.office, commune.drafts)
    qtbot.addWidget(screen)
    screen.table.selectRow(0)
    names = [screen.files.item(i).toolTip() for i in range(screen.files.count())]
    screen.files.setCurrentRow(names.index(name))
    qtbot.mouseClick(screen.open_button, Qt.MouseButton.LeftButton)
    return screen


def test_attachment_names_lose_hidden_characters(commune, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    activity = _activity_with(commune, tmp_path, ["\u202egpj.exe", "ảnh\u200b lễ.jpg", "bao\x1bcao.pdf"])
    names = sorted(a.file_name for a in commune.movements.activity_attachments(activity))
    assert names == ["baocao.pdf", "gpj.exe", "ảnh lễ.jpg"]


@pytest.mark.parametrize("name", ["evil.exe", "\u202egpj.exe", "anh.jpg.scr", "chay.bat", "thu.JS"])
def test_an_attached_program_is_never_opened(qtbot, commune, tmp_path: Path, opened: list[str], name: str,  # type: ignore[no-untyped-def]
                                             monkeypatch: pytest.MonkeyPatch) -> None:
    _activity_with(commune, tmp_path, [name, "anh.jpg"])
    asked: list[str] = []
    monkeypatch.setattr(activity_files, "ask_blocked_file", lambda _p, shown: asked.append(shown) or "")
    shown = name.replace("\u202e", "")
    _open(qtbot, commune, shown)
    assert asked == [shown] and opened == []

    monkeypatch.setattr(activity_files, "ask_blocked_file", lambda _p, _n: "folder")
    _open(qtbot, commune, shown)
    [folder] = opened
    assert Path(folder).is_dir() and (Path(folder) / shown).is_file()  # the folder, never the program

    opened.clear()
    _open(qtbot, commune, "anh.jpg")  # a photo still opens with the system's viewer
    assert [Path(u).name for u in opened] == ["anh.jpg"]


def test_a_copy_of_an_attached_program_can_be_saved(qtbot, commune, tmp_path: Path, opened: list[str],  # type: ignore[no-untyped-def]
                                                    monkeypatch: pytest.MonkeyPatch) -> None:
    from thidua_desktop.ui import dialogs

    _activity_with(commune, tmp_path, ["evil.exe"])
    target = tmp_path / "usb" / "evil.exe"
    target.parent.mkdir()
    monkeypatch.setattr(activity_files, "ask_blocked_file", lambda _p, _n: "save")
    monkeypatch.setattr(dialogs, "save_file", lambda *_a: str(target))
    _open(qtbot, commune, "evil.exe")
    assert target.read_bytes() == b"MZ\x90\x00 evil.exe" and opened == []


def test_a_program_named_in_an_old_bundle_is_shown_clean_and_not_opened(qtbot, commune, tmp_path: Path,  # type: ignore[no-untyped-def]
                                                                        opened: list[str],
                                                                        monkeypatch: pytest.MonkeyPatch) -> None:
    """A row that reached the database with a raw name (an older app's bundle) is cleaned on the way out."""
    activity = _activity_with(commune, tmp_path, ["anh.jpg"])
    con = connect_office(commune)
    with con:
        con.execute("UPDATE attachments SET file_name = ?", ("\u202egpj.exe.",))
    con.close()
    assert [a.file_name for a in commune.movements.activity_attachments(activity)] == ["gpj.exe"]
    asked: list[str] = []
    monkeypatch.setattr(activity_files, "ask_blocked_file", lambda _p, shown: asked.append(shown) or "")
    _open(qtbot, commune, "gpj.exe")
    assert asked == ["gpj.exe"] and opened == []
