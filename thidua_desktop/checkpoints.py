"""Named moments inside long operations: a restore's copy staged, the moment before its swap, the
first rows of an export written, an import applied but not yet committed.

Production code only announces that it reached one (``reached``); nothing happens unless someone
listens. The kill harness listens in the child process it starts (``tests/checkpoint_runner.py``)
and stops there, so a test can SIGKILL the process at exactly the worst moment. No environment
variable is read and nothing sleeps here: the app carries no test behaviour of its own."""

from __future__ import annotations

from collections.abc import Callable

RESTORE_POINTS = ("restore:db_staged", "restore:attachments_staged", "restore:before_swap", "restore:after_swap")
DEMO_POINTS = ("demo:built", "demo:after_swap")
EXPORT_ROWS_WRITTEN = "export:first_rows_written"
IMPORT_BEFORE_COMMIT = "import:applied_not_committed"

_listeners: list[Callable[[str], None]] = []


def reached(name: str) -> None:
    """Tell the listeners (if any) that ``name`` was reached."""
    for listener in list(_listeners):
        listener(name)


def listen(listener: Callable[[str], None]) -> Callable[[], None]:
    """Call ``listener(name)`` at every checkpoint; returns the function that stops it."""
    _listeners.append(listener)
    return lambda: _listeners.remove(listener)
