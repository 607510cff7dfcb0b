"""Queries over movements, their indicators, activities, attachments and advanced examples.
Each list query is built once and paged by the caller (``common.page`` / ``common.count``)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from sqlalchemy import Select, func, select
from sqlalchemy.orm import Session

from ...domain.indicators import Reading
from ..models import (
    Activity,
    ActivityIndicatorValue,
    Attachment,
    Collective,
    Exemplar,
    ExemplarStageEntry,
    Movement,
    MovementIndicator,
    Person,
    Village,
)
from .common import like_key, live


def movements_query(search_key: str = "", status: str | None = None) -> Select[Movement]:
    stmt = live(Movement)
    for word in search_key.split():
        stmt = stmt.where(Movement.search_key.like(like_key(word), escape="\\"))
    if status:
        stmt = stmt.where(Movement.status == status)
    return stmt.order_by(Movement.code, Movement.id)


def other_movement_with_code(session: Session, code: str, movement_id: str | None) -> Movement | None:
    """A live movement with this code other than ``movement_id`` (any one of them), or None."""
    stmt = live(Movement).where(Movement.code == code)
    if movement_id:
        stmt = stmt.where(Movement.id != movement_id)
    return session.scalars(stmt).first()


def live_indicators(session: Session, movement_id: str) -> Sequence[MovementIndicator]:
    return session.scalars(live(MovementIndicator).where(MovementIndicator.movement_id == movement_id)
                           .order_by(MovementIndicator.position, MovementIndicator.id)).all()


def indicator_readings(session: Session, indicator_ids: list[str]) -> dict[str, list[Reading]]:
    """Every value reported by live activities, per indicator, with the activity's date (one query);
    ``domain.indicators.indicator_result`` turns them into the result by the indicator's kind."""
    out: dict[str, list[Reading]] = {i: [] for i in indicator_ids}
    if not indicator_ids:
        return out
    stmt = (select(ActivityIndicatorValue.indicator_id, Activity.held_on, ActivityIndicatorValue.value,
                   ActivityIndicatorValue.clock, ActivityIndicatorValue.id)
            .join(Activity, Activity.id == ActivityIndicatorValue.activity_id)
            .where(ActivityIndicatorValue.indicator_id.in_(indicator_ids),
                   ActivityIndicatorValue.deleted.is_(False), Activity.deleted.is_(False)))
    for indicator_id, held_on, value, clock, row_id in session.execute(stmt).all():
        out[indicator_id].append(Reading(held_on, float(value), (int(clock or 0), str(row_id))))
    return out


def _attachment_count() -> Any:
    return (select(func.count()).select_from(Attachment)
            .where(Attachment.owner_table == "activities", Attachment.owner_id == Activity.id,
                   Attachment.deleted.is_(False))
            .correlate(Activity).scalar_subquery())


def activities_query(movement_id: str | None = None) -> Select[*tuple[Any, ...]]:
    """(Activity, movement name, village name, number of live attachments), newest first."""
    stmt = (select(Activity, Movement.name, Village.name, _attachment_count().label("files"))
            .join(Movement, Movement.id == Activity.movement_id)
            .outerjoin(Village, Village.id == Activity.village_id)
            .where(Activity.deleted.is_(False)))
    if movement_id:
        stmt = stmt.where(Activity.movement_id == movement_id)
    return stmt.order_by(Activity.held_on.desc(), Activity.updated_at.desc(), Activity.id)


def count_rows(session: Session, stmt: Select[*tuple[Any, ...]]) -> int:
    return int(session.scalar(select(func.count()).select_from(stmt.order_by(None).subquery())) or 0)


def page_rows(session: Session, stmt: Select[*tuple[Any, ...]], offset: int, limit: int) -> Sequence[Any]:
    """Whole result rows (tuples), unlike ``common.page`` which returns the first entity only."""
    return session.execute(stmt.offset(max(offset, 0)).limit(max(limit, 0))).all()


def activity_values(session: Session, activity_ids: list[str]) -> dict[str, dict[str, float]]:
    """activity id -> {indicator id: value} for live values of live indicators."""
    out: dict[str, dict[str, float]] = {a: {} for a in activity_ids}
    if not activity_ids:
        return out
    stmt = (select(ActivityIndicatorValue.activity_id, ActivityIndicatorValue.indicator_id,
                   ActivityIndicatorValue.value)
            .join(MovementIndicator, MovementIndicator.id == ActivityIndicatorValue.indicator_id)
            .where(ActivityIndicatorValue.activity_id.in_(activity_ids),
                   ActivityIndicatorValue.deleted.is_(False), MovementIndicator.deleted.is_(False)))
    for activity_id, indicator_id, value in session.execute(stmt).all():
        out[activity_id][indicator_id] = float(value)
    return out


def attachments_of(session: Session, owner_table: str, owner_ids: list[str]) -> Sequence[Attachment]:
    if not owner_ids:
        return []
    return session.scalars(live(Attachment).where(Attachment.owner_table == owner_table,
                                                  Attachment.owner_id.in_(owner_ids))
                           .order_by(Attachment.updated_at, Attachment.file_name, Attachment.id)).all()


def exemplars_query(stage: str | None = None, movement_id: str | None = None) -> Select[*tuple[Any, ...]]:
    """(Exemplar, movement name, person name, collective name), by title."""
    stmt = (select(Exemplar, Movement.name, Person.full_name, Collective.name)
            .outerjoin(Movement, Movement.id == Exemplar.movement_id)
            .outerjoin(Person, Person.id == Exemplar.person_id)
            .outerjoin(Collective, Collective.id == Exemplar.collective_id)
            .where(Exemplar.deleted.is_(False)))
    if stage:
        stmt = stmt.where(Exemplar.stage == stage)
    if movement_id:
        stmt = stmt.where(Exemplar.movement_id == movement_id)
    return stmt.order_by(Exemplar.title, Exemplar.id)


def exemplar_stage_counts(session: Session, movement_id: str | None = None) -> dict[str, int]:
    stmt = select(Exemplar.stage, func.count()).where(Exemplar.deleted.is_(False))
    if movement_id:
        stmt = stmt.where(Exemplar.movement_id == movement_id)
    return {stage: int(n) for stage, n in session.execute(stmt.group_by(Exemplar.stage)).all()}


def stage_entries_of(session: Session, exemplar_id: str) -> list[ExemplarStageEntry]:
    """One example's live stage entries, in no particular order (the caller takes the latest date)."""
    return list(session.scalars(live(ExemplarStageEntry)
                                .where(ExemplarStageEntry.exemplar_id == exemplar_id)).all())


def stage_entries(session: Session, exemplar_ids: list[str]) -> Sequence[ExemplarStageEntry]:
    if not exemplar_ids:
        return []
    return session.scalars(live(ExemplarStageEntry).where(ExemplarStageEntry.exemplar_id.in_(exemplar_ids))
                           .order_by(ExemplarStageEntry.entered_on, ExemplarStageEntry.id)).all()
