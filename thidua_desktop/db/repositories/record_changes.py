"""Who last changed a record, and the newest stamp among its rows (for the edit-conflict check,
services/record_tokens.py). Queries only; the services own the transactions."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import InstrumentedAttribute, Session

from ..models import Account, AuditEntry
from ..models.base import Synced


def newest_child_stamp(session: Session, model: type[Synced], parent_column: InstrumentedAttribute[Any],
                       parent_id: str) -> tuple[int, int] | None:
    """The highest (origin_epoch, version) among the rows of ``model`` belonging to ``parent_id``,
    tombstones included: removing a member or an indicator is a change of its record too."""
    columns: Any = model  # a Synced class is always a mapped Base class
    row = session.execute(
        select(columns.origin_epoch, columns.version).where(parent_column == parent_id)
        .order_by(columns.origin_epoch.desc(), columns.version.desc()).limit(1)).first()
    return (int(row[0] or 0), int(row[1] or 0)) if row else None


def child_ids(session: Session, model: type[Synced], parent_column: InstrumentedAttribute[Any],
               parent_id: str) -> list[str]:
    """The ids of the rows of ``model`` belonging to ``parent_id``, tombstones included."""
    columns: Any = model
    return list(session.scalars(select(columns.id).where(parent_column == parent_id)).all())


def latest_change(session: Session, row_ids: Sequence[str]) -> AuditEntry | None:
    """The newest audit entry of any of these rows (ids are UUIDs, unique across tables)."""
    if not row_ids:
        return None
    return session.scalars(select(AuditEntry).where(AuditEntry.row_id.in_(list(row_ids)))
                           .order_by(AuditEntry.id.desc()).limit(1)).first()


def account_display_name(session: Session, account_id: int) -> str | None:
    """The account's display name (its username when it has none), or None for no such account."""
    account = session.get(Account, account_id)
    if account is None:
        return None
    return account.display_name or account.username
