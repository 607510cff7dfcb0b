"""Declarative base and the columns every synced row carries (see docs/data-model.md)."""

from __future__ import annotations

import os
import time
import uuid
from datetime import UTC, datetime
from typing import TYPE_CHECKING, Any, ClassVar

from sqlalchemy import JSON, Boolean, DateTime, Index, Integer, MetaData, String
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
    """A time-ordered UUID (version 7, RFC 9562): 48 bits of Unix milliseconds, then 74 random
    bits. Rows made close in time get ids that sort close together, so a bundle's new rows go into
    a few pages at the end of each id index at the province (and of each index on a reference to
    them), not one row into nearly every page: with random ids, each of 56 communes' bundles
    rewrote almost every page of those indexes and the import slowed as the province filled.
    The random bits still make two offices' ids meet practically never; the creation time the id
    shows is in the row's own columns anyway. Python 3.14 has ``uuid.uuid7``; this is the same
    layout for the Python we ship."""
    millis = time.time_ns() // 1_000_000
    value = (millis & 0xFFFF_FFFF_FFFF) << 80 | int.from_bytes(os.urandom(10), "big")
    value = value & ~(0xF << 76) | 0x7 << 76  # version 7
    value = value & ~(0x3 << 62) | 0x2 << 62  # variant 10 (RFC 9562)
    return str(uuid.UUID(int=value))


def utcnow() -> datetime:
    return datetime.now(UTC).replace(tzinfo=None)


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING)
    type_annotation_map: ClassVar[dict[type, Any]] = {dict: JSON, list: JSON}


UUID = String(36)


def sync_index_name(table: str) -> str:
    return f"ix_{table}_origin_version"


class Synced:
    """Sync metadata. One writer per row: ``origin_node`` is the office that owns the row and the
    only one that may change it. ``version`` is that office's change counter at the last write,
    ``clock`` a Lamport clock, ``deleted`` a tombstone (rows are never physically deleted)."""

    id: Mapped[str] = mapped_column(UUID, primary_key=True, default=new_uuid)
    origin_node: Mapped[str] = mapped_column(UUID, default="")
    origin_epoch: Mapped[int] = mapped_column(Integer, default=0)
    version: Mapped[int] = mapped_column(Integer, default=0)
    clock: Mapped[int] = mapped_column(Integer, default=0)
    updated_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)
    deleted: Mapped[bool] = mapped_column(Boolean, default=False)

    if TYPE_CHECKING:
        # Every Synced class is also a Base model: tell the type checker what Base gives it (this
        # block never runs, so the declarative scan does not see these names).
        __tablename__: str
        __table__: ClassVar[FromClause]

    def __init_subclass__(cls, **kwargs: Any) -> None:
        super().__init_subclass__(**kwargs)  # the declarative scan: the class gets its table here
        table = cls.__dict__.get("__table__")
        if table is not None:
            # One index serves what a sync asks of a table: one office's rows (origin_node), and
            # those past what a peer acknowledged, in version order (origin_epoch, version). Keyed
            # by office first, a bundle's rows all go to one place in it; the separate indexes on
            # origin_node and on version it replaces (migration 0022) took every office's
            # versions mixed, so each bundle touched all of the version index's pages.
            Index(sync_index_name(table.name), table.c.origin_node, table.c.origin_epoch, table.c.version)


def sort_text(length: int) -> String:
    """Sort keys compare by code point; PostgreSQL needs the "C" collation to do the same."""
    return String(length).with_variant(String(length, collation="C"), "postgresql")
