"""The daily start shows the main window before the database layer is even imported (issue 15),
then opens the office in it; whatever goes wrong after that is said in the window in Vietnamese,
with a way out, and the sign-in and first-run questions come over it."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import nacl.pwhash
import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QDialog
from sqlalchemy import text

from thidua_desktop.bootstrap import App
from thidua_desktop.domain.errors import DomainError
from thidua_desktop.messages import render
from thidua_desktop.sync import passwords
from thidua_desktop.ui import app as gui
from thidua_desktop.ui import dialogs
from thidua_desktop.ui.first_run import FirstRunDialog
from thidua_desktop.ui.login_dialog import LoginDialog
from thidua_desktop.ui.main_window import MainWindow

from .conftest import TODAY

CHILD = """
import json, sys
from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication, QMainWindow

qt = QApplication(sys.argv[:1])
LAYER = ("sqlalchemy", "sqlalchemy.orm", "alembic", "thidua_desktop.db", "thidua_desktop.bootstrap",
         "thidua_desktop.services.office")
seen = {}


class FirstPaint(QObject):
    def eventFilter(self, watched, event):
        if event.type() == QEvent.Type.Paint and isinstance(watched, QMainWindow) and not seen:
            seen.update(loaded=sorted(m for m in LAYER if m in sys.modules), title=watched.windowTitle(),
                        entries=watched.nav.count(), status=watched.unit_label.text(),
                        waiting=watched.opening.status_text(), open=watched.is_open)
            QTimer.singleShot(0, lambda: until_open(watched))
        return False


def until_open(window):
    if window.is_open and window.sync_label.text():
        seen.update(then="sqlalchemy.orm" in sys.modules, unit=window.unit_label.text())
        window.close()
        return
    QTimer.singleShot(20, lambda: until_open(window))


spy = FirstPaint()
qt.installEventFilter(spy)
from thidua_desktop.ui.app import run

code = run(["--data-dir", sys.argv[1], "--lang", "vi"])
print(json.dumps({**seen, "code": code}))
"""


@pytest.fixture
def own_config(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A config folder of the test's own (window sizes are saved there) holding the session's
    key-encryption keys, so the offices made by the fixtures still open."""
    config = tmp_path / "config"
    keys = Path(os.environ["THIDUA_CONFIG_DIR"]) / "kek"
    if keys.is_dir():
        shutil.copytree(keys, config / "kek")
    config.mkdir(exist_ok=True)
    monkeypatch.setenv("THIDUA_CONFIG_DIR", str(config))
    return config


def when(found: Callable[[], object], act: Callable[[object], None], tries: int = 1500) -> None:
    """``act(thing)`` as soon as ``found()`` returns something, looked for every 10 ms while the
    start-up runs its own event loops."""
    def look(left: int) -> None:
        thing = found()
        if thing:
            act(thing)
        elif left:
            QTimer.singleShot(10, lambda: look(left - 1))
    QTimer.singleShot(0, lambda: look(tries))


def main_window() -> MainWindow | None:
    return next((w for w in QApplication.topLevelWidgets() if isinstance(w, MainWindow) and w.isVisible()), None)


def failed_window() -> MainWindow | None:
    window = main_window()
    return window if window is not None and window.opening.failed else None


def open_window() -> MainWindow | None:
    window = main_window()
    return window if window is not None and window.is_open and window.sync_label.text() else None


def test_the_window_is_painted_before_the_database_layer_is_imported(commune: App, own_config: Path) -> None:
    """The real start in a process of its own: at the window's first paint SQLAlchemy, the models
    and the composition root are not loaded; the window then gets its office and its counts."""
    data_dir = commune.paths.data_dir
    commune.close()
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    out = subprocess.run([sys.executable, "-c", CHILD, str(data_dir)], capture_output=True, text=True, env=env,
                         timeout=120, check=True)
    seen = json.loads(out.stdout.strip().splitlines()[-1])
    assert seen["loaded"] == [], out.stderr
    assert seen["open"] is False and seen["status"] == seen["waiting"] != ""
    assert "ThiĐua" in seen["title"] and seen["entries"] >= 10  # the real window: title and navigation
    assert seen["then"] is True and "Quảng Uyên" in seen["unit"]  # the office, opened in the same window
    assert seen["code"] == 0


def test_the_shell_gets_its_office_and_a_province_its_own_screens(qtbot, app_factory, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    window = MainWindow(today=TODAY, data_dir=tmp_path)
    qtbot.addWidget(window)
    window.show()
    assert not window.is_open and not window.nav.isEnabled()
    assert window.stack.currentWidget() is window.opening
    assert window.unit_label.text() == window.opening.status_text()
    with pytest.raises(RuntimeError):
        window.app  # noqa: B018  # no office yet
    commune_keys = window.keys
    province = app_factory(tmp_path / "tinh")
    province.office.init_office("province", "04", officer_name="Cán bộ tỉnh")
    window.attach(province)
    assert window.is_open and window.nav.isEnabled()
    assert window.keys[0] == "province_overview" and len(window.keys) > len(commune_keys)
    assert window.nav.count() == window.stack.count() == len(window.keys)  # the opening page is gone
    assert window.stack.currentIndex() == 0 and window.stack.currentWidget() is window.province_overview
    assert window.help_entries.data_dir == province.paths.data_dir
    qtbot.waitUntil(lambda: "Tỉnh" in window.unit_label.text() or "04" in window.unit_label.text(), timeout=10000)


def test_a_database_from_a_newer_app_is_said_in_the_window_and_quit_ends_the_start(
        qtbot, commune: App, own_config: Path, dialog_log) -> None:  # type: ignore[no-untyped-def]
    with commune.db.engine.begin() as conn:
        conn.execute(text("UPDATE alembic_version SET version_num = '9999'"))
    data_dir = commune.paths.data_dir
    commune.close()
    seen: dict[str, object] = {}

    def read_and_quit(window: object) -> None:
        assert isinstance(window, MainWindow)
        seen.update(reason=window.opening.reason.text(), nav=window.nav.isEnabled(),
                    status=window.unit_label.text() == window.opening.status_text() != "",
                    buttons=window.opening.other_button.isVisible() and window.opening.quit_button.isVisible())
        window.opening.quit_button.click()

    when(failed_window, read_and_quit)
    assert gui.run(["--data-dir", str(data_dir), "--lang", "vi"]) == 1
    assert seen["reason"] == render(DomainError("DATABASE_TOO_NEW", field="data_dir"), "vi")
    assert "cập nhật" in str(seen["reason"]).lower()  # "update the app", in Vietnamese
    assert seen["status"] is True and seen["nav"] is False and seen["buttons"] is True
    assert dialog_log == []  # said in the window, not in a message box; and no traceback raised


def test_after_a_failure_another_data_folder_opens_in_the_same_window(
        qtbot, commune: App, app_factory, tmp_path: Path, own_config: Path,
        monkeypatch: pytest.MonkeyPatch) -> None:  # type: ignore[no-untyped-def]
    good = commune.paths.data_dir
    damaged = tmp_path / "hong"
    other = app_factory(damaged)  # an office of its own, then its file overwritten
    other.office.init_office("commune", "01576", officer_name="Nông Thị Hoa")
    other.close()
    with (damaged / "thidua.sqlite").open("r+b") as fh:
        fh.write(os.urandom(4096))
    commune.close()
    monkeypatch.setattr(dialogs, "choose_folder", lambda *_a: str(good))
    seen: dict[str, object] = {}

    def choose_other(window: object) -> None:
        assert isinstance(window, MainWindow)
        seen.update(window=window, reason=window.opening.reason.text())
        window.opening.other_button.click()

    def close(window: object) -> None:
        assert isinstance(window, MainWindow)
        seen.update(same=window is seen["window"], unit=window.unit_label.text(), folder=window.app.paths.data_dir)
        window.close()

    when(failed_window, choose_other)
    when(open_window, close)
    assert gui.run(["--data-dir", str(damaged), "--lang", "vi"]) == 0
    assert seen["reason"] == render(DomainError("DATABASE_KEY_WRONG", field="data_dir", value=str(damaged)), "vi")
    assert seen["same"] is True and seen["folder"] == good and "Quảng Uyên" in str(seen["unit"])


def test_sign_in_is_asked_over_the_window(qtbot, app_factory, tmp_path: Path, own_config: Path,
                                         monkeypatch: pytest.MonkeyPatch) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setattr(passwords, "OPSLIMIT", nacl.pwhash.argon2id.OPSLIMIT_MIN)
    monkeypatch.setattr(passwords, "MEMLIMIT", nacl.pwhash.argon2id.MEMLIMIT_MIN)
    province = app_factory(tmp_path / "tinh")
    province.office.init_office("province", "04", officer_name="Cán bộ tỉnh")
    province.accounts.create("quantri", "Hoàng Văn Quản", "admin", "Quan-tri-2026")
    province.close()
    seen: dict[str, object] = {}

    def sign_in() -> None:
        dialog = QApplication.activeModalWidget()
        if not isinstance(dialog, LoginDialog):
            QTimer.singleShot(10, sign_in)
            return
        behind = main_window()
        seen.update(shell=behind is not None and not behind.is_open)
        dialog.username.setText("quantri")
        dialog.password.setText("Quan-tri-2026")
        dialog.ok_button.click()

    def close(window: object) -> None:
        assert isinstance(window, MainWindow)
        seen.update(first=window.keys[0], who=window.app.signed_in.username if window.app.signed_in else None)
        window.close()

    QTimer.singleShot(0, sign_in)
    when(open_window, close)
    assert gui.run(["--data-dir", str(tmp_path / "tinh"), "--lang", "vi"]) == 0
    assert seen == {"shell": True, "first": "province_overview", "who": "quantri"}


def test_a_folder_whose_office_was_never_set_up_asks_the_questions_over_the_window(
        qtbot, data_dir: Path, own_config: Path) -> None:  # type: ignore[no-untyped-def]
    """The database file is there (the first-run questions were closed unanswered last time): the
    window comes up first, then the questions; closing them ends the start, no office made."""
    seen: dict[str, object] = {}

    def cancel() -> None:
        dialog = QApplication.activeModalWidget()
        if not isinstance(dialog, FirstRunDialog):
            QTimer.singleShot(10, cancel)
            return
        behind = main_window()
        seen.update(shell=behind is not None and not behind.is_open)
        dialog.reject()

    QTimer.singleShot(0, cancel)
    assert gui.run(["--data-dir", str(data_dir), "--lang", "vi"]) == 0
    assert seen == {"shell": True}
    assert main_window() is None  # the window went with the start


def test_a_first_start_asks_before_any_window(qtbot, tmp_path: Path, own_config: Path) -> None:  # type: ignore[no-untyped-def]
    seen: dict[str, object] = {}

    def cancel() -> None:
        dialog = QApplication.activeModalWidget()
        if not isinstance(dialog, QDialog):
            QTimer.singleShot(10, cancel)
            return
        seen.update(kind=type(dialog).__name__, window=main_window() is not None)
        dialog.reject()

    QTimer.singleShot(0, cancel)
    assert gui.run(["--data-dir", str(tmp_path / "moi"), "--lang", "vi"]) == 0
    assert seen == {"kind": "FirstRunDialog", "window": False}


def test_a_damaged_database_setting_is_said_in_the_window(qtbot, tmp_path: Path, own_config: Path) -> None:  # type: ignore[no-untyped-def]
    """config.json is there (the daily start), but names no database: the window says which file."""
    folder = tmp_path / "cau-hinh"
    folder.mkdir()
    (folder / "config.json").write_text("{không phải JSON", encoding="utf-8")
    seen: list[str] = []

    def read_and_quit(window: object) -> None:
        assert isinstance(window, MainWindow)
        seen.append(window.opening.reason.text())
        window.opening.quit_button.click()

    when(failed_window, read_and_quit)
    assert gui.run(["--data-dir", str(folder), "--lang", "vi"]) == 1
    assert len(seen) == 1 and "config.json" in seen[0] and "Traceback" not in seen[0]


def test_the_trial_office_chosen_over_the_window_opens_in_it(qtbot, data_dir: Path, own_config: Path) -> None:  # type: ignore[no-untyped-def]
    """No office yet in the folder: the questions over the window, the officer tries the app, and
    the trial office (built with its demo data meanwhile) is what the same window then shows."""
    from .conftest import type_text

    seen: dict[str, object] = {}

    def choose_trial() -> None:
        dialog = QApplication.activeModalWidget()
        if not isinstance(dialog, FirstRunDialog):
            QTimer.singleShot(10, choose_trial)
            return
        seen.update(shell=main_window())
        type_text(dialog.search, "quang uyen")
        dialog.trial_button.click()

    def close(window: object) -> None:
        assert isinstance(window, MainWindow)
        seen.update(same=window is seen["shell"], trial=window.is_trial, banner=window.trial_banner.isVisible(),
                    folder=window.app.paths.data_dir)
        window.close()

    QTimer.singleShot(0, choose_trial)
    when(open_window, close, tries=6000)
    assert gui.run(["--data-dir", str(data_dir), "--lang", "vi"]) == 0
    assert seen["shell"] is not None and seen["same"] is True
    assert seen["trial"] is True and seen["banner"] is True and seen["folder"] != data_dir.resolve()
