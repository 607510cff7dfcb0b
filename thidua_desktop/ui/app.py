"""Starts the GUI: the Qt application, the language, the first-run questions and the main window."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from datetime import date
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QTimer
from PySide6.QtWidgets import QApplication, QDialog

from ..bootstrap import App, open_app
from ..domain.errors import DomainError
from ..messages import render
from ..services.demo import DemoBuilder
from ..services.settings import Preferences
from . import dialogs, i18n, ops
from .first_run import FirstRunDialog
from .main_window import MainWindow
from .worker import run_with_progress


def ensure_office(app: App) -> bool:
    """Ask the first-run questions when this data folder has no office yet."""
    if app.office.is_initialised():
        return True
    dialog = FirstRunDialog()
    if dialog.exec() != QDialog.DialogCode.Accepted:
        return False
    role, code, officer, demo = dialog.answers()
    if ops.run(None, lambda: app.office.init_office(role, code, officer_name=officer)) is None:
        return False
    if demo and role == "commune":
        ops.run(None, lambda: DemoBuilder(app).build())
    return True


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


def run(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="thidua-desktop")
    parser.add_argument("--data-dir")
    parser.add_argument("--lang", choices=["vi", "en"], default=None)
    parser.add_argument("bundle", nargs="?", help="a .tdsync bundle to open (import comes with sync)")
    args = parser.parse_args(list(sys.argv[1:] if argv is None else argv))
    qt_app = QApplication.instance() or QApplication(sys.argv[:1])
    qt_app.setApplicationName("ThiĐua Desktop")
    try:
        app = open_app(args.data_dir)
    except DomainError as exc:
        dialogs.error(None, "ThiĐua Desktop", render(exc, args.lang or "vi"))
        return 1
    prefs = Preferences.load(app.paths.data_dir)
    i18n.install(args.lang or prefs.language)
    try:
        if not ensure_office(app):
            return 0
        window = MainWindow(app)
        window.show()
        if args.bundle:  # a double-clicked .tdsync file opens the import preview
            window.show_screen("sync")
            window.sync_screen.open_bundle(Path(args.bundle))
        QTimer.singleShot(1500, lambda: scheduled_backup(app))
        return int(qt_app.exec())
    finally:
        app.close()
