"""Starts the GUI: the Qt application, the language, the first-run questions and the main window.

On the daily start (this data folder holds an office already) the main window is shown first, as
a shell saying the data is opening, and only then is the database layer imported and the office
opened, in a worker thread (issue 15: importing SQLAlchemy and the models alone costs five bare
windows). So this module imports nothing at its top that loads SQLAlchemy: the composition root
(``bootstrap``), the first-run dialog and the services are imported where they are used. When the
office cannot be opened, the shell says why and offers another data folder or quitting; a first
start (no office yet) asks its questions before any window, as before."""

from __future__ import annotations

import argparse
import logging
import os
import sys
from collections.abc import Callable, Sequence
from datetime import date
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING, Any, cast

from PySide6.QtCore import QCoreApplication, QEvent, QEventLoop, QObject, QSize, QThread, QThreadPool, QTimer
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication, QDialog, QWidget

from ..config import AppPaths, resolve_config_dir, resolve_data_dir
from ..domain.enums import Role
from ..domain.errors import DomainError
from ..messages import render
from ..paths import resource_path
from ..services.preferences import Preferences, remember_office_role
from . import dialogs, i18n, ops
from .login_dialog import FirstAdminDialog, LoginDialog
from .main_window import MainWindow
from .window_state import WindowStateKeeper, open_settings
from .worker import run_with_progress

if TYPE_CHECKING:
    from ..bootstrap import App
    from .first_run import FirstRunAnswers

log = logging.getLogger("thidua")


def open_app(data_dir: str | os.PathLike[str] | None = None, **options: Any) -> App:
    """``bootstrap.open_app``, imported at the call: it brings SQLAlchemy and the models."""
    from .. import bootstrap

    return bootstrap.open_app(data_dir, **options)


def open_trial_office(data_dir: str | os.PathLike[str] | None, unit_code: str = "", officer: str = "") -> App:
    """``bootstrap.open_trial_office``, imported at the call (see ``open_app``)."""
    from .. import bootstrap

    return bootstrap.open_trial_office(data_dir, unit_code, officer)


def ensure_office(app: App, enrollment: Path | None = None) -> App | None:
    """The office to open: this data folder's, after the first-run questions when it has none yet,
    or the separate trial office when the officer chose to try the app with demo data. None when
    the officer cancelled."""
    if app.office.is_initialised():
        return app
    from .first_run import FirstRunDialog

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
    from ..services.server_setup import connect_office

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


def remember_role(app: App) -> None:
    """Note the office's role (commune or province) in its data folder's preferences: the next
    start's shell lists that office's screens before it opens. Failing to write is no reason to
    stop the start: that shell is merely a commune's, as before."""
    try:
        remember_office_role(app.paths.data_dir, app.office.office().role)
    except DomainError:  # no office set up: nothing to note
        return
    except OSError as exc:
        log.warning("office role not noted in the preferences: %s", type(exc).__name__)


def app_icon() -> QIcon:
    """The icon of every window, the taskbar and the first-run questions: the PNGs that
    scripts/make_icons.py draws from resources/icons/thidua.svg (the build has no SVG support),
    one per size, so Qt picks the drawing made for 16 pixels rather than shrinking the big one."""
    icon = QIcon()
    for path in resource_path("icons").glob("thidua-*.png"):
        side = int(path.stem.rsplit("-", 1)[1])
        icon.addFile(str(path), QSize(side, side))
    return icon


def _state_keeper() -> WindowStateKeeper:
    return WindowStateKeeper(open_settings(str(resolve_config_dir() / "window-state.ini")))



def _office_expected(data_dir: Path) -> bool:
    """Whether this is the daily start, judged from the files alone (the database layer is not
    loaded yet): the office's database file is there, or a setting names the database elsewhere
    (config.json: a file elsewhere or the province's server; THIDUA_DATABASE_URL). A folder that
    holds a database with no office set up yet (first-run questions left unanswered) still asks
    them, over the window."""
    paths = AppPaths(data_dir)
    if os.environ.get("THIDUA_DATABASE_URL") or paths.config_file.is_file():
        return True
    try:
        return paths.db_file.stat().st_size > 0
    except OSError:
        return False


class _FirstPaint(QObject):
    def __init__(self, window: QWidget, loop: QEventLoop) -> None:
        super().__init__()
        self.window, self.loop = window, loop

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.window and event.type() == QEvent.Type.Paint:
            self.loop.quit()
        return False


def _until_painted(window: QWidget, longest_ms: int = 1000) -> None:
    """Return once ``window`` has painted itself (a zero timer after ``show`` fires before that),
    or after ``longest_ms``: a window kept off screen paints only when it is shown."""
    loop = QEventLoop()
    spy = _FirstPaint(window, loop)
    window.installEventFilter(spy)
    timer = QTimer(singleShot=True, interval=longest_ms)
    timer.timeout.connect(loop.quit)
    timer.start()
    loop.exec()
    timer.stop()
    window.removeEventFilter(spy)


class _Opening(QThread):
    """Runs ``work`` (opening the office: importing the database layer, the key, migrations) off
    the GUI thread. It makes no Qt object; the window keeps painting meanwhile."""

    def __init__(self, work: Callable[[], App]) -> None:
        super().__init__()
        self.work = work
        self.result: App | None = None
        self.error: BaseException | None = None

    def run(self) -> None:
        try:
            self.result = self.work()
        except BaseException as exc:  # handed to the GUI thread, which words it on the window
            self.error = exc


def _in_background(work: Callable[[], App]) -> tuple[App | None, BaseException | None]:
    thread = _Opening(work)
    loop = QEventLoop()
    thread.finished.connect(loop.quit)  # queued to this thread: a quick finish still ends the loop
    thread.start()
    loop.exec()
    thread.wait()
    return thread.result, thread.error


def _failure_text(exc: BaseException, data_dir: str | None, lang: str) -> str:
    """The reason the office did not open, in the officer's language; a bug is logged with its
    trace and named in one line (the trace never reaches the window)."""
    refusal: DomainError | None = exc if isinstance(exc, DomainError) else None
    if refusal is None:
        try:
            from ..os_refusals import refusal_for

            refusal = refusal_for(exc, str(resolve_data_dir(data_dir)))
        except Exception:  # the database layer itself failed to load: say it like a bug
            refusal = None
    if refusal is not None:
        log.info("start refused: %s", refusal.code)
        return render(refusal, lang)
    log.error("unexpected %s opening the office", type(exc).__name__, exc_info=exc)
    return QCoreApplication.translate("Ops", "Something went wrong. The details were saved in the log.")


def _wait_for_answer(shell: MainWindow) -> bool:
    """After a failure: True when the officer chose another data folder, False to quit (or the
    window closed)."""
    loop = QEventLoop()

    def other() -> None:
        loop.exit(1)

    def leave() -> None:
        loop.exit(0)

    answers = ((shell.opening.other_folder_requested, other), (shell.opening.quit_requested, leave),
               (shell.closed, leave))
    for signal, slot in answers:
        signal.connect(slot)
    try:
        return loop.exec() == 1 and shell.isVisible()
    finally:
        for signal, slot in answers:
            signal.disconnect(slot)


def _open_in_shell(shell: MainWindow, data_dir: str | None, lang: str) -> tuple[App | None, int]:
    """The office of ``data_dir`` (or of the folder the officer chose instead after a failure),
    opened while the shell is on screen; else None and the exit code (0: the window was closed
    while it opened, 1: the officer quit after a failure)."""
    folder = data_dir
    check = shell.help_entries.self_test_action  # its modules load the database layer too: not meanwhile
    while True:
        check.setEnabled(False)
        app, error = _in_background(partial(open_app, folder))
        check.setEnabled(True)
        if not shell.isVisible():  # closed while the office opened: nothing more to show
            if app is not None:
                app.close()
            return None, 0
        if app is not None:
            return app, 0
        assert error is not None
        shell.show_open_failure(_failure_text(error, folder, lang))
        while True:
            if not _wait_for_answer(shell):
                return None, 1
            title = QCoreApplication.translate("App", "Choose the data folder")
            chosen = dialogs.choose_folder(shell, title)
            if chosen:
                folder = chosen
                break
        shell.opening.show_opening()
        shell.retranslate_status()
        shell.help_entries.data_dir = resolve_data_dir(folder)


def _open_before_window(data_dir: str | None, lang: str) -> App | None:
    """A first start: the folder is made and the first-run questions come before any window."""
    try:
        return open_app(data_dir)
    except Exception as exc:  # before any window: said in a box (a bug's trace goes to the log only)
        dialogs.error(None, "ThiĐua Desktop", _failure_text(exc, data_dir, lang))
        return None


def _show(window: MainWindow, keeper: WindowStateKeeper) -> None:
    if keeper.restore(window):
        window.show()
    else:
        window.showMaximized()  # the first time: all of a small laptop's screen
    window.setProperty("_thidua_fitted", True)


def run(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="thidua-desktop")
    parser.add_argument("--data-dir")
    parser.add_argument("--lang", choices=["vi", "en"], default=None)
    parser.add_argument("file", nargs="?",
                        help="a .tdsync bundle to import, or the province's enrolment file to load")
    args = parser.parse_args(list(sys.argv[1:] if argv is None else argv))
    # The app only ever makes a QApplication (a widget app), so the instance found is one.
    qt_app = cast(QApplication, QApplication.instance() or QApplication(sys.argv[:1]))
    qt_app.setApplicationName("ThiĐua Desktop")
    qt_app.setWindowIcon(app_icon())
    # The app ends when the main window closes, not whenever no window is open: between the first-run
    # dialog and the main window (the trial office being built, say) there is none, and a quitting
    # app would return at once from the progress dialog's event loop.
    quits_on_last_window = qt_app.setQuitOnLastWindowClosed, qt_app.quitOnLastWindowClosed()
    qt_app.setQuitOnLastWindowClosed(False)
    data_dir = resolve_data_dir(args.data_dir)
    prefs = Preferences.load(data_dir)  # read without the database layer
    lang = args.lang or prefs.language
    i18n.install(lang)
    keeper = _state_keeper()
    qt_app.installEventFilter(keeper)
    shell: list[MainWindow] = []  # the window shown before the office opened, until it is handed over
    real: App | None = None
    try:
        if _office_expected(data_dir):
            # The office opened here last time was a province: its screens from the first paint.
            shell.append(MainWindow(state_keeper=keeper, data_dir=data_dir,
                                    province=prefs.office_role == Role.PROVINCE.value))
            _show(shell[0], keeper)
            _until_painted(shell[0])
            real, code = _open_in_shell(shell[0], args.data_dir, lang)
        else:
            real, code = _open_before_window(args.data_dir, lang), 1
        if real is None:
            return code
        return _office_loop(qt_app, real, keeper, Path(args.file) if args.file else None, shell)
    finally:
        qt_app.removeEventFilter(keeper)
        quits_on_last_window[0](quits_on_last_window[1])
        QThreadPool.globalInstance().waitForDone()  # a screen still reading (ui/background.py) ends first
        for window in shell:  # never handed over (the first-run questions cancelled, a failure)
            _dispose(window)
        if real is not None:
            real.close()


def _office_loop(qt_app: QApplication, real: App, keeper: WindowStateKeeper, given: Path | None,
                 shell: list[MainWindow]) -> int:
    """The first-run questions if need be, the sign-in, then the main window until it closes;
    again when the trial office asked for the real one."""
    from ..services.sync import file_kind

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
        result, again = _main_window(qt_app, opened, keeper, given, shell.pop() if shell else None)
        given = None
        if opened is not real:
            opened.close()
        if not again:
            return result


def _officer_of(app: App) -> str:
    try:
        return app.office.office().officer_name
    except DomainError:
        return ""


def _dispose(window: MainWindow) -> None:
    window.deleteLater()
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)


def _main_window(qt_app: QApplication, app: App, keeper: WindowStateKeeper, given: Path | None,
                 shell: MainWindow | None = None) -> tuple[int, bool]:
    """Show the main window (the shell already up, given its office) until it closes; True as well
    when the trial office asked for the real one."""
    if shell is not None:
        window = shell
        window.attach(app)
    else:
        window = MainWindow(app, state_keeper=keeper)
    remember_role(app)
    wants_real: list[bool] = []
    window.real_office_requested.connect(lambda: wants_real.append(True))
    window.closed.connect(qt_app.quit)
    if not window.isVisible():
        _show(window, keeper)
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
    _dispose(window)
    return result, bool(wants_real)
