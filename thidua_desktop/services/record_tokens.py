"""Optimistic locking for the edit forms: two officers editing the same record never overwrite each
other silently.

A form loads a record with its *token*, the ``(origin_epoch, version)`` of its newest stamped row
(db/stamping.py gives every write the office's next change counter, so any save changes it). The
save hands the token back; inside the write transaction, which holds the write lock (BEGIN IMMEDIATE
on SQLite, the advisory lock on PostgreSQL), the service compares it with the stored one. A
different token means someone saved in between: the save is refused with RECORD_CHANGED (or
RECORD_DELETED) naming who and when, from the newest audit entry of the record's rows.

No new column is needed: ``version`` and ``origin_epoch`` already change on every write, local or
imported by sync. SQLAlchemy's ``version_id_col`` is not used: the sync import writes ``version``
itself (the sending office's counter), which the ORM would take for a conflict.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from datetime import UTC
from typing import Any, TypeVar

from ..db import Session
from ..db.models.base import Synced
from ..db.repositories import record_changes as repo
from ..db.repositories.common import get_live
from ..domain.errors import StateError

Token = tuple[int, int]
T = TypeVar("T", bound=Synced)

_ACCOUNT_ACTOR = re.compile(r"^(?P<username>.*?) \(#(?P<id>\d+)\)")


def token_of(row: Synced, *children: Token | None) -> Token:
    """The record's token: its own stamp, or a newer stamp of one of its rows (members, indicators)."""
    stamps = [(int(row.origin_epoch or 0), int(row.version or 0)), *(c for c in children if c is not None)]
    return max(stamps)


def who_and_when(session: Session, row_ids: Sequence[str]) -> dict[str, str]:
    """``who`` changed these rows last and ``when`` (dd/mm/yyyy HH:MM, local time). An account's
    change names its display name; otherwise the audit log's actor as written (an officer's name,
    "… (sync)" for an imported bundle)."""
    entry = repo.latest_change(session, row_ids)
    if entry is None:
        return {"who": "?", "when": "?"}
    who = entry.actor
    match = _ACCOUNT_ACTOR.match(entry.actor)
    if match:
        who = repo.account_display_name(session, int(match["id"])) or match["username"]
    # The audit log stores naive UTC (db/models/base.utcnow); the officer reads local time.
    when = entry.at.replace(tzinfo=UTC).astimezone().strftime("%d/%m/%Y %H:%M")
    return {"who": who, "when": when}


def check(session: Session, row: Synced, expected: Sequence[int] | None, current: Token | None = None,
          child_ids: Callable[[], Sequence[str]] | None = None) -> None:
    """Refuse with RECORD_CHANGED when ``expected`` (the token the form loaded) is not the record's
    token now (``current``, by default the row's own). No ``expected``: no check (callers that never
    loaded a form: the command line, imports). ``child_ids`` gives the ids of the record's other
    rows, asked only on a conflict, to find who changed it last."""
    if expected is None:
        return
    now = current if current is not None else token_of(row)
    if tuple(expected) != now:
        row_ids = [row.id, *(child_ids() if child_ids is not None else ())]
        raise StateError("RECORD_CHANGED", **who_and_when(session, row_ids))


def get_for_edit(session: Session, model: type[T], row_id: str, expected: Sequence[int] | None,
                 field: str) -> T:
    """The live row to change. A row deleted since the form loaded it is refused with
    RECORD_DELETED (who, when) rather than "not found", when the caller says what it loaded."""
    if expected is not None:
        row: Any = session.get(model, row_id) if row_id else None
        if row is not None and row.deleted:
            raise StateError("RECORD_DELETED", **who_and_when(session, [row.id]))
    return get_live(session, model, row_id, field=field)
