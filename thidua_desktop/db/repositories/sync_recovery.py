"""Queries behind a commune's rebuild from the province's copy (services/sync_recovery.py):
the rows a node wrote, its import history, and the highest marks after a recovery applied."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from ..models.sync import SyncImport
from .sync_rows import synced_models


def rows_of_node(session: Session, model: Any, node: str) -> Iterator[Any]:
    """Every row ``node`` wrote in ``model``'s table, tombstones too, oldest version first."""
    query = select(model).where(model.origin_node == node).order_by(model.origin_epoch, model.version)
    return iter(session.scalars(query).yield_per(500))


def imports_from(session: Session, node: str) -> list[SyncImport]:
    return list(session.scalars(select(SyncImport).where(SyncImport.peer_node_id == node)))


def own_row_count(session: Session, node: str) -> int:
    return sum(int(session.scalar(select(func.count()).select_from(m).where(m.origin_node == node)) or 0)
               for m in synced_models())


def top_marks(session: Session, node: str) -> tuple[int, int, int]:
    """(highest epoch, highest version) of ``node``'s rows and the highest clock of any row."""
    top_epoch = top_version = top_clock = 0
    for model in synced_models():
        epoch, version = session.execute(select(func.max(model.origin_epoch), func.max(model.version))
                                         .where(model.origin_node == node)).one()
        top_epoch, top_version = max(top_epoch, int(epoch or 0)), max(top_version, int(version or 0))
        top_clock = max(top_clock, int(session.scalar(select(func.max(model.clock))) or 0))
    return top_epoch, top_version, top_clock
