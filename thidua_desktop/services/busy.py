"""A use case tried again while the database is busy (the ``thidua`` command or another window
is writing). A busy database means the transaction never began, so nothing of it was written:
the action is tried again only when no earlier transaction of it committed either, so it is
never done twice. The GUI gives ``pause`` (it repaints and shows the wait cursor meanwhile)."""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import TypeVar

from ..db import DatabaseBusy, busy_wait

T = TypeVar("T")
log = logging.getLogger("thidua.busy")


def retry_while_busy(action: Callable[[], T], *, attempts: int, wait_ms: int,
                     pause: Callable[[int], None]) -> T:
    """``action()``, each try waiting up to ``wait_ms`` for the database, at most ``attempts``
    tries with ``pause(attempt)`` between them. Raises DatabaseBusy at the end."""
    for attempt in range(1, attempts + 1):
        scope = None
        try:
            with busy_wait(wait_ms) as scope:
                return action()
        except DatabaseBusy:
            if attempt == attempts or (scope is not None and scope.commits):
                raise  # out of tries, or part of the action is saved already: never do it twice
            log.info("database busy, try %d of %d", attempt, attempts)
            pause(attempt)
    raise AssertionError("unreachable")  # the loop returns or raises
