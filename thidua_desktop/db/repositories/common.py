"""Generic helpers shared by the repositories."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any, TypeVar

from sqlalchemy import Select, func, select
from sqlalchemy.orm import Session

from ...domain.errors import NotFoundError
from ..models.base import Synced

T = TypeVar("T", bound=Synced)


def get_live(session: Session, model: type[T], row_id: str | None, field: str = "id") -> T:
    """The row with this id that is not a tombstone, or NotFoundError naming the field."""
    row = session.get(model, row_id) if row_id else None
    if row is None or row.deleted:
        raise NotFoundError("NOT_FOUND", field=field, table=model.__tablename__, id=row_id or "")
    return row


def live(model: type[T]) -> Select[T]:
    return select(model).where(model.deleted.is_(False))


def count(session: Session, stmt: Select[*tuple[Any, ...]]) -> int:
    return int(session.scalar(select(func.count()).select_from(stmt.order_by(None).subquery())) or 0)


def page(session: Session, stmt: Select[*tuple[Any, ...]], offset: int, limit: int) -> Sequence[Any]:
    return session.scalars(stmt.offset(max(offset, 0)).limit(max(limit, 0))).all()


def like_key(text: str) -> str:
    """A LIKE pattern over a folded search key; escapes the LIKE wildcards the user typed."""
    escaped = text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return f"%{escaped}%"
