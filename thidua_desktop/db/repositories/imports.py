"""Queries for Excel imports: who in the register an imported row may already be."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any

from sqlalchemy.orm import Session

from ..models import AwardHistory, Collective, Person
from .common import live

_CHUNK = 500  # stay well under SQLite's limit on bound parameters


def _chunks(values: Iterable[Any]) -> list[list[Any]]:
    items = sorted({v for v in values if v})
    return [items[i:i + _CHUNK] for i in range(0, len(items), _CHUNK)]


def people_by_name_keys(session: Session, keys: Iterable[str]) -> list[Person]:
    """Live people whose folded name is one of ``keys`` (exact search key, not a LIKE)."""
    out: list[Person] = []
    for chunk in _chunks(keys):
        out.extend(session.scalars(live(Person).where(Person.search_key.in_(chunk)).order_by(Person.id)).all())
    return out


def people_by_cccds(session: Session, cccds: Iterable[str]) -> list[Person]:
    out: list[Person] = []
    for chunk in _chunks(cccds):
        out.extend(session.scalars(live(Person).where(Person.cccd.in_(chunk)).order_by(Person.id)).all())
    return out


def collectives_by_name_keys(session: Session, keys: Iterable[str]) -> list[Collective]:
    out: list[Collective] = []
    for chunk in _chunks(keys):
        stmt = live(Collective).where(Collective.search_key.in_(chunk)).order_by(Collective.id)
        out.extend(session.scalars(stmt).all())
    return out


def awards_of(session: Session, person_ids: Iterable[str] = (), collective_ids: Iterable[str] = ()
              ) -> Sequence[AwardHistory]:
    """Live award history of the given people and collectives (to skip awards already recorded)."""
    out: list[AwardHistory] = []
    for chunk in _chunks(person_ids):
        out.extend(session.scalars(live(AwardHistory).where(AwardHistory.person_id.in_(chunk))).all())
    for chunk in _chunks(collective_ids):
        out.extend(session.scalars(live(AwardHistory).where(AwardHistory.collective_id.in_(chunk))).all())
    return out
