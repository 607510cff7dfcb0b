"""Queries over people and collectives."""

from __future__ import annotations

from collections.abc import Sequence

from sqlalchemy import Select, select
from sqlalchemy.orm import Session

from ..models import Collective, CollectiveMember, Person, Village
from .common import like_key, live


def people_query(search_key: str = "", village_id: str | None = None, gender: str | None = None,
                 ethnic_minority: bool | None = None) -> Select[tuple[Person]]:
    stmt = live(Person)
    for word in search_key.split():
        stmt = stmt.where(Person.search_key.like(like_key(word), escape="\\"))
    if village_id:
        stmt = stmt.where(Person.village_id == village_id)
    if gender:
        stmt = stmt.where(Person.gender == gender)
    if ethnic_minority is not None:
        stmt = stmt.where(Person.is_ethnic_minority.is_(ethnic_minority))
    return stmt.order_by(Person.sort_key, Person.id)


def collectives_query(search_key: str = "", kind: str | None = None) -> Select[tuple[Collective]]:
    stmt = live(Collective)
    for word in search_key.split():
        stmt = stmt.where(Collective.search_key.like(like_key(word), escape="\\"))
    if kind:
        stmt = stmt.where(Collective.kind == kind)
    return stmt.order_by(Collective.sort_key, Collective.id)


def person_by_cccd(session: Session, cccd: str) -> Person | None:
    return session.scalars(live(Person).where(Person.cccd == cccd)).first()


def members_of(session: Session, collective_id: str) -> Sequence[Person]:
    stmt = (
        select(Person)
        .join(CollectiveMember, CollectiveMember.person_id == Person.id)
        .where(CollectiveMember.collective_id == collective_id, CollectiveMember.deleted.is_(False),
               Person.deleted.is_(False))
    )
    return session.scalars(stmt).all()


def village_names(session: Session) -> dict[str, str]:
    return {v.id: v.name for v in session.scalars(live(Village)).all()}
