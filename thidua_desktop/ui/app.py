"""Starts the GUI: the Qt application, the language, the first-run questions and the main window."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from datetime import date
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QEvent, QThreadPool, QTimer
from PySide6.QtWidgets import QApplication, QDialog

from ..bootstrap import App, open_app, open_trial_office
from ..config import resolve_config_dir, resolve_data_dir
from ..domain.errors import DomainError
from ..messages import render
from ..os_refusals import refusal_for
from ..services.server_setup import connect_office
from ..services.settings import Preferences
from ..services.sync import file_kind
from . import dialogs, i18n, ops
from .first_run import FirstRunAnswers, FirstRunDialog
from .login_dialog import FirstAdminDialog, LoginDialog
from .main_window import MainWindow
from .window_state import WindowStateKeeper, open_settings
from .worker import run_with_progress


def ensure_office(app: App, enrollment: Path | None = None) -> App | None:
    """The office to open: this data folder's, after the first-run questions when it has none yet,
    or the separate trial office when the officer chose to try the app with demo data. None when
    the officer cancelled."""
    if app.office.is_initialised():
        return app
    dialog = FirstRunDialog(preview_enrollment=lambda path, code: app.sync.preview_enrollment(path, code),
                            enrollment=enrollment)
    if dialog.exec() != QDialog.DialogCode.Accepted:
        return None
    answers = dialog.answers()
    if answers.server is not None:
        return _on_server(app, answers)
    if answers.trial:
        title = QCoreApplication.translate("App", "Preparing the trial office with demo data…")
        return run_with_progress(None, title, lambda _p: open_trial_office(
            app.paths.data_dir, answers.unit_code, answers.officer))
    app.set_actor(answers.officer)  # the first session's changes carry the officer's name too
    if ops.run(None, lambda: app.office.init_office(answers.role, answers.unit_code,
                                                    officer_name=answers.officer)) is None:
        return None
    if answers.enrollment is not None:
        # The office exists whatever happens here; a refused file can be loaded later on Đồng bộ.
        ops.run(None, lambda: app.sync.load_enrollment(answers.enrollment))  # type: ignore[arg-type]
    return app


def _on_server(app: App, answers: FirstRunAnswers) -> App | None:
    """The province chose the office server: this data folder connects to it from now on, and the
    office is set up there unless another officer's computer already did (then only the sign-in
    follows). The SQLite app opened before the questions stays the caller's to close."""
    assert answers.server is not None
    settings = answers.server
    title = QCoreApplication.translate("App", "Connecting to the office server…")
    if run_with_progress(None, title, lambda _p: connect_office(app.paths, settings)) is None:
        return None
    served = run_with_progress(None, title, lambda _p: open_app(app.paths.data_dir))  # migrates the server's schema
    if served is None:
        return None
    if not served.office.is_initialised():
        served.set_actor(answers.officer)
        if ops.run(None, lambda: served.office.init_office(answers.role, answers.unit_code,
                                                           officer_name=answers.officer)) is None:
            served.close()
            return None
    return served


def sign_in(app: App, display_name: str = "") -> bool:
    """Before the main window: on the office server, its first administrator is made if it has no
    account yet (the officer setting it up), else the officer signs in. An office on this
    computer without accounts asks nothing. False when the officer cancelled."""
    if app.signed_in is not None:
        return True
    if app.accounts.is_server() and not app.accounts.has_accounts():
        first = FirstAdminDialog(lambda user, name, password: app.accounts.create(user, name, "admin", password),
                                 display_name=display_name)
        if first.exec() != QDialog.DialogCode.Accepted:
            return False
        return ops.run(None, lambda: app.sign_in(*first.credentials())) is not None
    if not app.needs_sign_in():
        return True
    try:
        office = app.office.office().unit_name
    except DomainError:
        office = ""
    # The accounts service is looked up at the call: signing in gives the app new services.
    login = LoginDialog(app.sign_in, lambda old, new: app.accounts.change_own_password(old, new), office=office)
    return login.exec() == QDialog.DialogCode.Accepted and app.signed_in is not None


def scheduled_backup(app: App) -> None:
    """The automatic backup, if one is due, after the window is up (it never delays the start)."""
    prefs = Preferences.load(app.paths.data_dir)
    last = date.fromisoformat(prefs.last_backup) if prefs.last_backup else None
    folder = Path(prefs.backup_dir) if prefs.backup_dir else app.paths.backups_dir
    title = QCoreApplication.translate("App", "Automatic backup…")
    made = run_with_progress(None, title, lambda _p: app.maintenance.scheduled_backup(
        folder, prefs.backup_every_days, last, date.today(), prefs.keep_backups))
    if made is not None:
        prefs.last_backup = date.today().isoformat()
        prefs.save(app.paths.data_dir)


def _state_keeper() -> WindowStateKeeper:
    return WindowStateKeeper(open_settings(str(resolve_config_dir() / "window-state.ini")))


def run(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="thidua-desktop")
    parser.add_argument("--data-dir")
    parser.add_argument("--lang", choices=["vi", "en"], default=None)
    parser.add_argument("file", nargs="?",
                        help="a .tdsync bundle to import, or the province's enrolment file to load")
    args = parser.parse_args(list(sys.argv[1:] if argv is None else argv))
    qt_app = QApplication.instance() or QApplication(sys.argv[:1])
    qt_app.setApplicationName("ThiĐua Desktop")
    # The app ends when the main window closes, not whenever no window is open: between the first-run
    # dialog and the main window (the trial office being built, say) there is none, and a quitting
    # app would return at once from the progress dialog's event loop.
    quits_on_last_window = qt_app.setQuitOnLastWindowClosed, qt_app.quitOnLastWindowClosed()
    qt_app.setQuitOnLastWindowClosed(False)
    try:
        app = open_app(args.data_dir)
    except DomainError as exc:  # before any window: no operation to show it, and the app stops
        dialogs.error(None, "ThiĐua Desktop", render(exc, args.lang or "vi"))
        return 1
    except Exception as exc:  # the database busy or on a full or protected disk: say so, no trace
        refusal = refusal_for(exc, str(resolve_data_dir(args.data_dir)))
        if refusal is None:
            raise
        dialogs.error(None, "ThiĐua Desktop", render(refusal, args.lang or "vi"))
        return 1
    prefs = Preferences.load(app.paths.data_dir)
    i18n.install(args.lang or prefs.language)
    keeper = _state_keeper()
    qt_app.installEventFilter(keeper)
    given = Path(args.file) if args.file else None
    real = app
    try:
        while True:
            enrollment = given if given is not None and file_kind(given) == "enrollment" else None
            opened = ensure_office(real, enrollment)
            if opened is None:
                return 0
            if not sign_in(opened, _officer_of(opened)):
                if opened is not real:
                    opened.close()
                return 0
            if opened is not real or not real.office.is_initialised():
                given = None  # a trial office takes no file from outside
            result, again = _main_window(qt_app, opened, keeper, given)
            given = None
            if opened is not real:
                opened.close()
            if not again:
                return result
    finally:
        qt_app.removeEventFilter(keeper)
        quits_on_last_window[0](quits_on_last_window[1])
        QThreadPool.globalInstance().waitForDone()  # a screen still reading (ui/background.py) ends first
        real.close()


def _officer_of(app: App) -> str:
    try:
        return app.office.office().officer_name
    except DomainError:
        return ""


def _main_window(qt_app: QApplication, app: App, keeper: WindowStateKeeper, given: Path | None) -> tuple[int, bool]:
    """Show the main window until it closes; True as well when the trial office asked for the real one."""
    window = MainWindow(app, state_keeper=keeper)
    wants_real: list[bool] = []
    window.real_office_requested.connect(lambda: wants_real.append(True))
    window.closed.connect(qt_app.quit)
    if keeper.restore(window):
        window.show()
    else:
        window.showMaximized()  # the first time: all of a small laptop's screen
    window.setProperty("_thidua_fitted", True)
    if given is not None:  # a double-clicked .tdsync or enrolment file
        window.show_screen("sync")
        window.sync_screen.open_file(given)
    # Owned by the window: it never fires after the window is gone. A server office is backed up on
    # the server (pg_dump, docs/province-server.md), not by each officer's computer.
    if not app.sync.is_trial() and not app.accounts.is_server():
        QTimer.singleShot(1500, window, lambda: scheduled_backup(app))
    result = int(qt_app.exec())
    keeper.save(window)
    window.closed.disconnect(qt_app.quit)
    window.deleteLater()
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    return result, bool(wants_real)
