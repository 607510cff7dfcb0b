"""Long work off the GUI thread, with a progress dialog and Cancel.

``run_with_progress(parent, title, work)`` runs ``work(progress)`` in a QThread; ``work`` calls
``progress.step(done, total)`` now and then, which also raises ``Cancelled`` once the user
pressed Cancel. It is an operation (``ops.run``): it returns the work's result, or None when
cancelled or refused (the refusal is shown as a message), and on success announces ``changes``."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QCoreApplication, QEventLoop, QObject, Qt, QThread, Signal, Slot
from PySide6.QtWidgets import QProgressDialog, QWidget

from ..domain.errors import DomainError
from ..services.changes import Change
from ..services.progress import Progress
from . import ops


class _Job(QObject):
    stepped = Signal(int, int)
    finished = Signal(object, object)  # result, error

    def __init__(self, work: Callable[[Progress], Any]) -> None:
        super().__init__()
        self.work = work
        self.progress = Progress(lambda done, total: self.stepped.emit(done, total))

    def run(self) -> None:
        try:
            self.finished.emit(self.work(self.progress), None)
        except BaseException as exc:  # handed to the GUI thread, which decides what to show
            self.finished.emit(None, exc)


class _Relay(QObject):
    """Lives in the GUI thread, so the job's signals reach the dialog queued, never cross-thread."""

    def __init__(self, dialog: QProgressDialog, loop: QEventLoop, outcome: dict[str, Any]) -> None:
        super().__init__()
        self.dialog, self.loop, self.outcome = dialog, loop, outcome

    @Slot(int, int)
    def step(self, done: int, total: int) -> None:
        self.dialog.setMaximum(max(total, 1))
        self.dialog.setValue(min(done, max(total, 1)))

    @Slot(object, object)
    def finish(self, result: Any, error: Any) -> None:
        self.outcome["result"], self.outcome["error"] = result, error
        self.loop.quit()


def run_with_progress(parent: QWidget | None, title: str, work: Callable[[Progress], Any], *,
                      changes: Change = Change.NONE,
                      on_refusal: Callable[[DomainError], None] | None = None) -> Any:
    """``on_refusal``: shows a refusal instead of the message box (as in ``ops.perform``)."""
    return ops.perform(parent, lambda: _in_thread(parent, title, work), changes=changes, retry=False,
                       on_refusal=on_refusal).value


def _in_thread(parent: QWidget | None, title: str, work: Callable[[Progress], Any]) -> Any:
    """The work's result, or the error it raised (Cancelled too), raised again on the GUI thread."""
    dialog = QProgressDialog(title, QCoreApplication.translate("Worker", "Cancel"), 0, 0, parent)
    dialog.setWindowTitle(title)
    dialog.setMinimumDuration(300)
    job = _Job(work)
    thread = QThread()
    job.moveToThread(thread)
    outcome: dict[str, Any] = {}
    loop = QEventLoop()
    relay = _Relay(dialog, loop, outcome)
    job.stepped.connect(relay.step, Qt.ConnectionType.QueuedConnection)
    job.finished.connect(relay.finish, Qt.ConnectionType.QueuedConnection)
    dialog.canceled.connect(job.progress.cancel)
    thread.started.connect(job.run)
    thread.start()
    loop.exec()
    thread.quit()
    thread.wait()
    dialog.reset()
    dialog.deleteLater()
    error = outcome.get("error")
    if error is not None:
        raise error
    return outcome.get("result")
