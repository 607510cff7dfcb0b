"""Runs a service call for a screen: a refusal becomes a clear message naming the field, and an
unexpected error a short one (the trace goes to the log file, never to the user).

A save that finds the database busy (the ``thidua`` command or another window is writing) is tried
again a few times, each time waiting a little for the lock, with the window still repainting in
between; only then does the officer see DATABASE_BUSY. Errors from the operating system (a full
disk, a missing or protected file) are refusals too, worded by ``os_refusals``.

An operation is the one way a screen writes (as Anki's ``CollectionOp``): ``run``/``perform`` call one
service method, show a refusal or a bug in one place, and on success announce what changed (the kinds
the op declares, or the ``Change`` the service method returned) to the main window, whose ``changed``
signal reaches every screen that shows those kinds, visible or not. A commit that no operation
announced (the ``thidua`` command, another window, a dialog that writes outside ops) only marks
the screens stale: they re-read when next shown."""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, ClassVar, Generic, TypeVar

from PySide6.QtCore import QCoreApplication, QEventLoop, QObject, Qt, QTimer, Slot
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QWidget

from ..domain.errors import DomainError
from ..messages import render
from ..services.changes import Change
from ..services.progress import Cancelled
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
    """``action()``, tried again while the database is busy (services/busy.py says when it may
    be), the window repainting under a wait cursor meanwhile. Raises DatabaseBusy at the end."""
    # Imported here, not at the top: both this and os_refusals bring the database layer
    # (SQLAlchemy), and the main window, which imports this module, opens before it is loaded
    # (issue 15, ui/app.py).
    from ..services.busy import retry_while_busy

    cursor = False

    def pause(_attempt: int) -> None:
        nonlocal cursor
        if not cursor and QGuiApplication.instance() is not None:
            QGuiApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
            cursor = True
        _pause(BUSY_PAUSE_MS)

    try:
        return retry_while_busy(action, attempts=BUSY_ATTEMPTS, wait_ms=BUSY_WAIT_MS, pause=pause)
    finally:
        if cursor:
            QGuiApplication.restoreOverrideCursor()


@dataclass(frozen=True)
class Outcome(Generic[T]):
    """What an operation came to: its value, or the error already shown to the officer."""

    value: T | None = None
    error: BaseException | None = None

    @property
    def ok(self) -> bool:
        return self.error is None


_depth = 0  # operations under way on the GUI thread (a commit meanwhile is theirs to announce)


def in_operation() -> bool:
    return _depth > 0


def perform(parent: QWidget | None, action: Callable[[], T], *, changes: Change = Change.NONE, retry: bool = True,
            on_refusal: Callable[[DomainError], None] | None = None) -> Outcome[T]:
    """Run one action for a screen. A refusal goes to ``on_refusal`` (a form shows it beside its
    field) or to a message box, a bug to the log and a short message; either way nothing is
    announced (nor when the officer cancelled long work: it rolled back). On success ``changes``
    (with the ``Change`` the action returned, if it did) are announced from ``parent`` to the main
    window above it."""
    outcome = _attempt(action, retry)
    if isinstance(outcome.error, Cancelled):
        pass  # the officer pressed Cancel: nothing to say
    elif isinstance(outcome.error, DomainError):
        (on_refusal or (lambda error: show_refusal(parent, error)))(outcome.error)
    elif outcome.error is not None:  # a bug (or the OS said no); the app lives on, the trace goes to the log
        report_unexpected(parent, outcome.error)
    announced = Change.NONE
    if outcome.ok:
        announced = changes | (outcome.value if isinstance(outcome.value, Change) else Change.NONE)
    root = root_of(parent)
    if root is not None:
        root.operation_finished(announced)
    return outcome


def _attempt(action: Callable[[], T], retry: bool) -> Outcome[T]:
    global _depth
    _depth += 1
    try:
        return Outcome(retry_busy(action) if retry else action())
    except Exception as exc:  # shown by ``perform``: a refusal, or a bug kept in the log
        return Outcome(error=exc)
    finally:
        _depth -= 1


def run(parent: QWidget | None, action: Callable[[], T], *, changes: Change = Change.NONE,
        retry: bool = True) -> T | None:
    """``perform``, for a caller that needs only the value (None when refused or failed)."""
    return perform(parent, action, changes=changes, retry=retry).value


def show_failure(parent: QWidget | None, error: BaseException) -> None:
    """Show an error caught elsewhere (a worker thread's) as an operation shows it."""
    if isinstance(error, DomainError):
        show_refusal(parent, error)
    else:
        report_unexpected(parent, error)


def show_refusal(parent: QWidget | None, exc: DomainError) -> None:
    log.info("refused: %s field=%s", exc.code, exc.field)
    dialogs.error(parent, QCoreApplication.translate("Ops", "Cannot do this"), render(exc, current_lang()))


def report_unexpected(parent: QWidget | None, exc: BaseException) -> None:
    from ..os_refusals import refusal_for  # the database layer's errors: loaded by now (see retry_busy)

    refusal = refusal_for(exc)
    if refusal is not None:  # a full disk, a missing or protected file, a busy database
        log.info("refused: %s (%s)", refusal.code, type(exc).__name__)
        show_refusal(parent, refusal)
        return
    log.error("unexpected %s", type(exc).__name__, exc_info=exc)
    dialogs.error(parent, QCoreApplication.translate("Ops", "Unexpected error"),
                  QCoreApplication.translate("Ops", "Something went wrong. The details were saved in the log."))


# Telling the screens what changed ------------------------------------------------------------------
class ChangeRoot:
    """Mixed into the main window: operations find it up their parent chain and report to it."""

    changed: Any  # the Qt signal (carrying a Change) of the window this is mixed into

    def operation_finished(self, changes: Change) -> None:
        """An operation ended: ``changes`` is what it announces, NONE when it failed or declared nothing."""
        raise NotImplementedError


class Watcher:
    """Mixed into a screen that shows data of the kinds in ``watches``: the main window calls
    ``on_changed`` with the kinds an operation anywhere in it changed. A ``live`` screen is told
    even when hidden (it stays current: its refresh is cheap, or others read it); the others are
    marked stale and ``refresh`` when next shown. No screen re-reads on a plain show."""

    watches: ClassVar[Change] = Change.NONE
    live: ClassVar[bool] = True

    def on_changed(self, changes: Change) -> None:
        raise NotImplementedError

    def refresh(self) -> None:
        raise NotImplementedError


def root_of(widget: QWidget | None) -> ChangeRoot | None:
    """The main window above ``widget`` (a dialog's parent chain leads there too), if any."""
    while widget is not None:
        if isinstance(widget, ChangeRoot):
            return widget
        widget = widget.parentWidget()
    return None


class _Subscription(QObject):
    """A child of its owner, so the connection ends when the owner (a dialog) is deleted."""

    def __init__(self, owner: QWidget, kinds: Change, callback: Callable[[Change], object]) -> None:
        super().__init__(owner)
        self.kinds, self.callback = kinds, callback

    @Slot(object)
    def deliver(self, changes: Change) -> None:
        if changes & self.kinds:
            self.callback(changes & self.kinds)


def subscribe(owner: QWidget, kinds: Change, callback: Callable[[Change], object]) -> bool:
    """``callback(kinds changed)`` after each operation that changed one of ``kinds``, for as long as
    ``owner`` lives; for a dialog over a screen (the screens themselves the main window tells).
    False when ``owner`` is not inside a main window (a dialog tested alone)."""
    root = root_of(owner)
    if root is None:
        return False
    root.changed.connect(_Subscription(owner, kinds, callback).deliver)
    return True
