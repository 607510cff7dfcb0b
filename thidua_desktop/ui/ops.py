"""Runs a service call for a screen: a refusal becomes a clear message naming the field, and an
unexpected error a short one (the trace goes to the log file, never to the user).

A save that finds the database busy (the ``thidua`` command or another window is writing) is tried
again a few times, each time waiting a little for the lock, with the window still repainting in
between; only then does the officer see DATABASE_BUSY. Errors from the operating system (a full
disk, a missing or protected file) are refusals too, worded by ``os_refusals``."""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import TypeVar

from PySide6.QtCore import QCoreApplication, QEventLoop, Qt, QTimer
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QWidget

from ..db import DatabaseBusy, busy_wait
from ..domain.errors import DomainError
from ..messages import render
from ..os_refusals import refusal_for
from . import dialogs

T = TypeVar("T")
log = logging.getLogger("thidua")

BUSY_ATTEMPTS = 4  # tries of one GUI save before DATABASE_BUSY is shown
BUSY_WAIT_MS = 2500  # how long each try waits for the other writer's lock
BUSY_PAUSE_MS = 300  # the window repaints between tries (user input waits)


def current_lang() -> str:
    return "vi" if QCoreApplication.translate("Language", "en") == "vi" else "en"


def _pause(milliseconds: int) -> None:
    """Let the window repaint for a moment without taking clicks (no second save meanwhile)."""
    loop = QEventLoop()
    QTimer.singleShot(milliseconds, loop.quit)
    loop.exec(QEventLoop.ProcessEventsFlag.ExcludeUserInputEvents)


def retry_busy(action: Callable[[], T]) -> T:
    """``action()``, tried again while the database is busy. A busy database means the transaction
    never began, so nothing of it was written; the action is tried again only when no earlier
    transaction of it committed either. Raises DatabaseBusy at the end."""
    cursor = False
    try:
        for attempt in range(1, BUSY_ATTEMPTS + 1):
            scope = None
            try:
                with busy_wait(BUSY_WAIT_MS) as scope:
                    return action()
            except DatabaseBusy:
                if attempt == BUSY_ATTEMPTS or (scope is not None and scope.commits):
                    raise  # out of tries, or part of the action is saved already: never do it twice
                log.info("database busy, try %d of %d", attempt, BUSY_ATTEMPTS)
                if not cursor and QGuiApplication.instance() is not None:
                    QGuiApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
                    cursor = True
                _pause(BUSY_PAUSE_MS)
        raise AssertionError("unreachable")  # the loop returns or raises
    finally:
        if cursor:
            QGuiApplication.restoreOverrideCursor()


def run(parent: QWidget | None, action: Callable[[], T], *, retry: bool = True) -> T | None:
    try:
        return retry_busy(action) if retry else action()
    except DomainError as exc:
        show_refusal(parent, exc)
    except Exception as exc:  # a bug (or the OS said no); keep the app alive and the trace in the log
        report_unexpected(parent, exc)
    return None


def show_refusal(parent: QWidget | None, exc: DomainError) -> None:
    log.info("refused: %s field=%s", exc.code, exc.field)
    dialogs.error(parent, QCoreApplication.translate("Ops", "Cannot do this"), render(exc, current_lang()))


def report_unexpected(parent: QWidget | None, exc: BaseException) -> None:
    refusal = refusal_for(exc)
    if refusal is not None:  # a full disk, a missing or protected file, a busy database
        log.info("refused: %s (%s)", refusal.code, type(exc).__name__)
        show_refusal(parent, refusal)
        return
    log.error("unexpected %s", type(exc).__name__, exc_info=exc)
    dialogs.error(parent, QCoreApplication.translate("Ops", "Unexpected error"),
                  QCoreApplication.translate("Ops", "Something went wrong. The details were saved in the log."))
