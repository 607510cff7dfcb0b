"""Queries behind the province's statistics (services/province_statistics.py): every commune's
award history and movement indicators, each row tagged with the office (``origin_node``) whose
register holds it. One query per table whatever the number of communes; nothing here commits."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from ..models import (
    Activity,
    ActivityIndicatorValue,
    AwardHistory,
    Collective,
    Movement,
    MovementIndicator,
    Person,
    Village,
)


@dataclass(frozen=True)
class AwardRow:
    node: str  # origin_node of the person or collective (the commune whose register holds it)
    award_code: str
    award_kind: str
    award_form: str
    level: str
    kind: str
    subject: str  # individual | collective | household
    gender: str | None
    minority: bool
    direct_worker: bool
    border_remote: bool


def award_rows(session: Session, first_year: int, last_year: int) -> list[AwardRow]:
    """Every live award line of the years, to a live person or collective, with the subject's office.
    The subject's office, not the award's: a provincial decision's line is written by the province
    but counts for the commune of its recipient."""
    years = AwardHistory.year.between(first_year, last_year)
    live_award = AwardHistory.deleted.is_(False)
    remote = func.coalesce(Village.is_border, False) | func.coalesce(Village.is_remote, False)
    people = (select(Person.origin_node, AwardHistory.award_code, AwardHistory.award_kind, AwardHistory.award_form,
                     AwardHistory.issuing_level, AwardHistory.commendation_kind, Person.gender,
                     Person.is_ethnic_minority, Person.is_direct_worker, remote)
              .join(Person, Person.id == AwardHistory.person_id)
              .outerjoin(Village, Village.id == Person.village_id)
              .where(years, live_award, Person.deleted.is_(False)))
    collectives = (select(Collective.origin_node, AwardHistory.award_code, AwardHistory.award_kind,
                          AwardHistory.award_form, AwardHistory.issuing_level, AwardHistory.commendation_kind,
                          Collective.kind)
                   .join(Collective, Collective.id == AwardHistory.collective_id)
                   .where(years, live_award, Collective.deleted.is_(False)))
    out = [AwardRow(node or "", code, akind or "", form or "", level or "", kind or "", "individual", gender,
                    bool(minority), bool(direct), bool(rem))
           for node, code, akind, form, level, kind, gender, minority, direct, rem in session.execute(people)]
    out += [AwardRow(node or "", code, akind or "", form or "", level or "", kind or "",
                     "household" if ckind == "household" else "collective", None, False, False, False)
            for node, code, akind, form, level, kind, ckind in session.execute(collectives)]
    return out


@dataclass(frozen=True)
class IndicatorRow:
    id: str
    node: str  # the office that owns the movement (its commune)
    movement_code: str
    movement_name: str
    name: str
    unit: str
    kind: str
    direction: str
    baseline: float | None
    target: float | None


@dataclass(frozen=True)
class ValueRow:
    indicator_id: str
    held_on: date
    value: float
    clock: int
    id: str
    participants: int  # the people the activity that reported it recorded (0: not recorded)


def indicators(session: Session) -> list[IndicatorRow]:
    stmt = (select(MovementIndicator.id, Movement.origin_node, Movement.code, Movement.name, MovementIndicator.name,
                   MovementIndicator.unit, MovementIndicator.kind, MovementIndicator.direction,
                   MovementIndicator.baseline, MovementIndicator.target)
            .join(Movement, Movement.id == MovementIndicator.movement_id)
            .where(MovementIndicator.deleted.is_(False), Movement.deleted.is_(False))
            .order_by(Movement.code, MovementIndicator.position, MovementIndicator.id))
    return [IndicatorRow(i, node or "", code, mname, name, unit or "", kind or "count", direction or "up",
                         baseline, target)
            for i, node, code, mname, name, unit, kind, direction, baseline, target in session.execute(stmt)]


def values_until(session: Session, last_day: date) -> list[ValueRow]:
    """Every live reported value of a live activity held on or before ``last_day``."""
    stmt = (select(ActivityIndicatorValue.indicator_id, Activity.held_on, ActivityIndicatorValue.value,
                   ActivityIndicatorValue.clock, ActivityIndicatorValue.id, Activity.participants_total)
            .join(Activity, Activity.id == ActivityIndicatorValue.activity_id)
            .where(ActivityIndicatorValue.deleted.is_(False), Activity.deleted.is_(False),
                   Activity.held_on <= last_day))
    return [ValueRow(i, held, float(v), int(clock or 0), vid, int(p or 0))
            for i, held, v, clock, vid, p in session.execute(stmt)]


def movement_counts(session: Session, first_day: date, last_day: date) -> dict[str, dict[str, int]]:
    """Per office: live movements running in the period and activities held in it."""
    running = (select(Movement.origin_node, func.count())
               .where(Movement.deleted.is_(False),
                      func.coalesce(Movement.period_start, first_day) <= last_day,
                      func.coalesce(Movement.period_end, last_day) >= first_day)
               .group_by(Movement.origin_node))
    held = (select(Activity.origin_node, func.count())
            .where(Activity.deleted.is_(False), Activity.held_on.between(first_day, last_day))
            .group_by(Activity.origin_node))
    out: dict[str, dict[str, int]] = {}
    for node, n in session.execute(running):
        out.setdefault(node or "", {})["movements"] = int(n)
    for node, n in session.execute(held):
        out.setdefault(node or "", {})["activities"] = int(n)
    return out
