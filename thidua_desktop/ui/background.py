"""Reading off the GUI thread without a progress dialog: the main window's status bar and the
overview fill themselves after the window is up (issue 15) with ``load(owner, work, done)``.

``work()`` runs on Qt's global thread pool; ``done(result)`` then runs on the GUI thread, unless
``owner`` is gone by then, or a later ``load`` for the same owner was asked meanwhile (only the
newest answer is shown). An error raised by ``work`` is shown as an operation shows it
(``ops.show_failure``). The pool finishes its work before the application object is destroyed,
so no thread outlives the window.

The worker never touches ``owner`` nor anything it owns: it hands its answer to one hub object
that lives as long as the process, and the hub, on the GUI thread, looks for the owner's relay
and drops the answer when the owner was deleted meanwhile (a window closed while it counted)."""

from __future__ import annotations

import itertools
from collections.abc import Callable
from typing import Any

import shiboken6
from PySide6.QtCore import QObject, QRunnable, Qt, QThreadPool, QTimer, Signal, Slot
from PySide6.QtWidgets import QWidget

from . import ops


class _Relay(QObject):
    """Owned by ``owner`` (deleted with it): which answer it waits for, and what to do with it."""

    def __init__(self, owner: QWidget) -> None:
        super().__init__(owner)
        self.owner = owner
        self.waiting = 0  # the number of the newest load asked
        self.pending = 0
        self.done: Callable[[Any], None] = lambda _result: None


class _Hub(QObject):
    """Created on the GUI thread at the first load and never deleted: the workers' one receiver."""

    finished = Signal(int, object, object)  # load number, result, error

    def __init__(self) -> None:
        super().__init__()
        self.relays: dict[int, _Relay] = {}  # load number -> the relay that asked it
        self.finished.connect(self._deliver, Qt.ConnectionType.QueuedConnection)

    @Slot(int, object, object)
    def _deliver(self, number: int, result: Any, error: Any) -> None:
        relay = self.relays.pop(number, None)
        if relay is None or not shiboken6.isValid(relay):
            return  # its owner is gone
        relay.pending -= 1
        if number != relay.waiting:
            return  # a newer load is on its way
        if error is not None:
            ops.show_failure(relay.owner, error)
            return
        relay.done(result)


_hub: _Hub | None = None
_numbers = itertools.count(1)


class _Job(QRunnable):
    def __init__(self, hub: _Hub, number: int, work: Callable[[], Any]) -> None:
        super().__init__()
        self.hub, self.number, self.work = hub, number, work

    def run(self) -> None:
        try:
            result, error = self.work(), None
        except Exception as exc:  # handed to the GUI thread, which shows it
            result, error = None, exc
        try:
            self.hub.finished.emit(self.number, result, error)
        except RuntimeError:  # the process is ending and the hub went first: nobody waits any more
            pass


def _relay_of(owner: QWidget) -> _Relay | None:
    # Its own only: a screen inside the window has a relay of its own.
    return owner.findChild(_Relay, options=Qt.FindChildOption.FindDirectChildrenOnly)


def load(owner: QWidget, work: Callable[[], Any], done: Callable[[Any], None]) -> None:
    """Run ``work`` in the thread pool and hand its result to ``done`` on the GUI thread."""
    global _hub
    if _hub is None:
        _hub = _Hub()
    relay = _relay_of(owner) or _Relay(owner)
    number = next(_numbers)
    relay.waiting = number
    relay.pending += 1
    relay.done = done
    _hub.relays[number] = relay
    job = _Job(_hub, number, work)
    # Started from the event loop, not now: the window being built is shown first, without a
    # worker holding the interpreter lock meanwhile.
    QTimer.singleShot(0, _hub, lambda: QThreadPool.globalInstance().start(job))


def is_loading(owner: QWidget) -> bool:
    """Whether an answer for ``owner`` is still on its way (tests wait on this)."""
    relay = _relay_of(owner)
    return relay is not None and relay.pending > 0
