"""Declarative base and the columns every synced row carries (see docs/data-model.md)."""

from __future__ import annotations

import uuid
from datetime import UTC, datetime
from typing import TYPE_CHECKING, Any, ClassVar

from sqlalchemy import JSON, Boolean, DateTime, Integer, MetaData, String
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

if TYPE_CHECKING:
    from sqlalchemy.sql import FromClause

NAMING = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


def new_uuid() -> str:
    return str(uuid.uuid4())


def utcnow() -> datetime:
    return datetime.now(UTC).replace(tzinfo=None)


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING)
    type_annotation_map: ClassVar[dict[type, Any]] = {dict: JSON, list: JSON}


UUID = String(36)


class Synced:
    """Sync metadata. One writer per row: ``origin_node`` is the office that owns the row and the
    only one that may change it. ``version`` is that office's change counter at the last write,
    ``clock`` a Lamport clock, ``deleted`` a tombstone (rows are never physically deleted)."""

    id: Mapped[str] = mapped_column(UUID, primary_key=True, default=new_uuid)
    origin_node: Mapped[str] = mapped_column(UUID, default="", index=True)
    origin_epoch: Mapped[int] = mapped_column(Integer, default=0)
    version: Mapped[int] = mapped_column(Integer, default=0, index=True)
    clock: Mapped[int] = mapped_column(Integer, default=0)
    updated_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)
    deleted: Mapped[bool] = mapped_column(Boolean, default=False)

    if TYPE_CHECKING:
        # Every Synced class is also a Base model: tell the type checker what Base gives it (this
        # block never runs, so the declarative scan does not see these names).
        __tablename__: str
        __table__: ClassVar[FromClause]


def sort_text(length: int) -> String:
    """Sort keys compare by code point; PostgreSQL needs the "C" collation to do the same."""
    return String(length).with_variant(String(length, collation="C"), "postgresql")
