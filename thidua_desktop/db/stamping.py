"""Session hooks that make every write sync-ready and audited, inside the same transaction.

Each new or changed synced row gets the office's next change counter as its ``version`` and
the next Lamport ``clock`` value, and an audit entry records old and new values. Doing it in
``before_flush`` means no service can forget it.
"""

from __future__ import annotations

import enum
from datetime import date, datetime
from typing import Any

from sqlalchemy import event, inspect
from sqlalchemy.orm import Session, sessionmaker

from ..domain.errors import StateError
from .models.base import Synced, utcnow
from .models.office import AuditEntry, Office

_SKIP_AUDIT_COLUMNS = {"version", "clock", "updated_at", "origin_node", "origin_epoch", "search_key", "sort_key"}
# Audited as changed, never with their value: a password hash copied out of the audit log would be
# as good as one copied out of the accounts table for guessing the password offline.
_MASKED_COLUMNS = {"password_hash"}


def install(factory: sessionmaker[Session]) -> None:
    event.listen(factory, "before_flush", _before_flush)


def _jsonable(value: Any) -> Any:
    if isinstance(value, datetime | date):
        return value.isoformat()
    if isinstance(value, enum.Enum):
        return value.value
    return value


def _audited(key: str, value: Any) -> Any:
    return "***" if key in _MASKED_COLUMNS and value is not None else _jsonable(value)


def _columns(obj: Any) -> dict[str, Any]:
    mapper = inspect(obj).mapper
    return {
        col.key: _audited(col.key, getattr(obj, col.key))
        for col in mapper.column_attrs
        if col.key not in _SKIP_AUDIT_COLUMNS
    }


def _changes(obj: Any) -> tuple[dict[str, Any], dict[str, Any]]:
    state = inspect(obj)
    old: dict[str, Any] = {}
    new: dict[str, Any] = {}
    for attr in state.mapper.column_attrs:
        if attr.key in _SKIP_AUDIT_COLUMNS:
            continue
        hist = state.attrs[attr.key].history
        if hist.has_changes():
            old[attr.key] = _audited(attr.key, hist.deleted[0]) if hist.deleted else None
            new[attr.key] = _audited(attr.key, hist.added[0]) if hist.added else None
    return old, new


def _office(session: Session) -> Office | None:
    for obj in session.new:
        if isinstance(obj, Office):
            return obj
    with session.no_autoflush:
        return session.get(Office, 1)


def _row_id(obj: Any) -> str:
    identity = inspect(obj).identity
    if identity:
        return str(identity[0])
    for key in ("id", "code", "key"):
        if getattr(obj, key, None) is not None:
            return str(getattr(obj, key))
    return ""


def _stamp(obj: Synced, office: Office | None, remote: bool) -> None:
    if remote or office is None:
        return
    if not obj.origin_node:
        obj.origin_node = office.node_id
    elif obj.origin_node != office.node_id:
        # One writer per row: another office's record is changed only by that office.
        raise StateError("ROW_OWNED_BY_OTHER_OFFICE", table=obj.__tablename__)
    office.change_counter = (office.change_counter or 0) + 1
    office.clock = (office.clock or 0) + 1
    # (origin_epoch, version) orders this office's writes even after a restore reset the counter.
    obj.origin_epoch = office.epoch
    obj.version = office.change_counter
    obj.clock = office.clock
    obj.updated_at = utcnow()


def _before_flush(session: Session, _context: Any, _instances: Any) -> None:
    actor = str(session.info.get("actor", "system"))
    remote = bool(session.info.get("applying_remote", False))
    office = _office(session)
    entries: list[AuditEntry] = []
    for obj in list(session.new):
        if isinstance(obj, AuditEntry | Office):
            continue
        if isinstance(obj, Synced):
            if obj.id is None:
                from .models.base import new_uuid

                obj.id = new_uuid()
            _stamp(obj, office, remote)
        entries.append(AuditEntry(actor=actor, action="insert", table_name=obj.__tablename__,
                                  row_id=_row_id(obj), old_values=None, new_values=_columns(obj)))
    for obj in list(session.dirty):
        if isinstance(obj, AuditEntry | Office) or not session.is_modified(obj, include_collections=False):
            continue
        old, new = _changes(obj)
        if not new:
            continue
        if isinstance(obj, Synced):
            _stamp(obj, office, remote)
        action = "delete" if new.get("deleted") is True else "update"
        entries.append(AuditEntry(actor=actor, action=action, table_name=obj.__tablename__,
                                  row_id=_row_id(obj), old_values=old, new_values=new))
    for obj in list(session.deleted):
        if isinstance(obj, AuditEntry | Office):
            continue
        entries.append(AuditEntry(actor=actor, action="purge", table_name=obj.__tablename__,
                                  row_id=_row_id(obj), old_values=_columns(obj), new_values=None))
    if remote:
        actor_note = "sync"
        for entry in entries:
            entry.actor = f"{actor} ({actor_note})"
    session.add_all(entries)
