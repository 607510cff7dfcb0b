"""Emulation movements, their indicators, activities and advanced examples."""

from __future__ import annotations

from datetime import date
from typing import Any

from sqlalchemy import Date, Float, ForeignKey, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from ...domain.indicators import IndicatorKind, default_direction
from .base import Base, Synced
from .register import SubjectRef


class Movement(Synced, Base):
    __tablename__ = "movements"
    code: Mapped[str] = mapped_column(String(40), index=True)
    name: Mapped[str] = mapped_column(String(500))
    search_key: Mapped[str] = mapped_column(String(500), index=True)
    theme: Mapped[str] = mapped_column(Text, default="")
    launch_level: Mapped[str] = mapped_column(String(16), default="commune")
    launch_doc_number: Mapped[str] = mapped_column(String(64), default="")
    launch_doc_date: Mapped[date | None] = mapped_column(Date, nullable=True)
    kind: Mapped[str] = mapped_column(String(16), default="thematic")
    period_start: Mapped[date | None] = mapped_column(Date, nullable=True)
    period_end: Mapped[date | None] = mapped_column(Date, nullable=True)
    status: Mapped[str] = mapped_column(String(16), default="active")
    goals: Mapped[list] = mapped_column(default=list)
    criteria: Mapped[list] = mapped_column(default=list)
    participants: Mapped[list] = mapped_column(default=list)
    interim_review_date: Mapped[date | None] = mapped_column(Date, nullable=True)
    final_review_date: Mapped[date | None] = mapped_column(Date, nullable=True)


class MovementIndicator(Synced, Base):
    """A target as an indicator: unit, kind (``count`` summed over activities, ``level`` or
    ``percentage`` read from the latest value), direction (``up``/``down``: which way is better),
    baseline, target value and reporting dates (see domain/indicators.py)."""

    __tablename__ = "movement_indicators"
    movement_id: Mapped[str] = mapped_column(ForeignKey("movements.id"), index=True)
    name: Mapped[str] = mapped_column(String(300))
    unit: Mapped[str] = mapped_column(String(50), default="")
    kind: Mapped[str] = mapped_column(String(16), default="count", server_default="count")
    direction: Mapped[str] = mapped_column(String(8), default="up", server_default="up")
    baseline: Mapped[float | None] = mapped_column(Float, nullable=True)
    target: Mapped[float | None] = mapped_column(Float, nullable=True)
    reporting_dates: Mapped[list] = mapped_column(default=list)
    position: Mapped[int] = mapped_column(Integer, default=0)

    @staticmethod
    def fill_missing(values: dict[str, Any]) -> None:
        """A record from a bundle of an older app has no kind or direction: the same defaults as
        migration 0007 (a count; to reduce when its target is below its baseline)."""
        values.setdefault("kind", IndicatorKind.COUNT.value)
        values.setdefault("direction", default_direction(values.get("baseline"), values.get("target")))


class Activity(Synced, Base):
    __tablename__ = "activities"
    movement_id: Mapped[str] = mapped_column(ForeignKey("movements.id"), index=True)
    held_on: Mapped[date] = mapped_column(Date, index=True)
    village_id: Mapped[str | None] = mapped_column(ForeignKey("villages.id"), nullable=True, index=True)
    place: Mapped[str] = mapped_column(String(300), default="")
    description: Mapped[str] = mapped_column(Text, default="")
    participants_total: Mapped[int] = mapped_column(Integer, default=0)
    participants_women: Mapped[int] = mapped_column(Integer, default=0)
    participants_minority: Mapped[int] = mapped_column(Integer, default=0)


class ActivityIndicatorValue(Synced, Base):
    __tablename__ = "activity_indicator_values"
    activity_id: Mapped[str] = mapped_column(ForeignKey("activities.id"), index=True)
    indicator_id: Mapped[str] = mapped_column(ForeignKey("movement_indicators.id"), index=True)
    value: Mapped[float] = mapped_column(Float)


class Exemplar(SubjectRef, Synced, Base):
    """An advanced example (điển hình tiên tiến) moving through the directive's four stages."""

    __tablename__ = "exemplars"
    movement_id: Mapped[str | None] = mapped_column(ForeignKey("movements.id"), nullable=True, index=True)
    title: Mapped[str] = mapped_column(String(400))
    description: Mapped[str] = mapped_column(Text, default="")
    stage: Mapped[str] = mapped_column(String(16), default="discovered")


class ExemplarStageEntry(Synced, Base):
    __tablename__ = "exemplar_stages"
    exemplar_id: Mapped[str] = mapped_column(ForeignKey("exemplars.id"), index=True)
    stage: Mapped[str] = mapped_column(String(16))
    entered_on: Mapped[date] = mapped_column(Date)
    notes: Mapped[str] = mapped_column(Text, default="")
