"""Progress reporting and cancellation for long work (backups, big queries, imports, printing).
Core code calls ``progress.step(done, total)``; it raises ``Cancelled`` when the user pressed Cancel."""

from __future__ import annotations

import threading
from collections.abc import Callable


class Cancelled(Exception):
    """The user cancelled; the service has rolled back whatever it was doing."""


class Progress:
    def __init__(self, on_step: Callable[[int, int], None] | None = None) -> None:
        self._cancel = threading.Event()
        self._on_step = on_step

    def cancel(self) -> None:
        self._cancel.set()

    @property
    def cancelled(self) -> bool:
        return self._cancel.is_set()

    def step(self, done: int, total: int) -> None:
        if self._cancel.is_set():
            raise Cancelled()
        if self._on_step:
            self._on_step(done, total)
