"""Queries over people and collectives."""

from __future__ import annotations

from collections.abc import Sequence

from sqlalchemy import ColumnElement, Select, func, select
from sqlalchemy.orm import Session

from ..models import Collective, CollectiveMember, Person, Village
from .common import indexed_rows, live, word_terms

# Sort orders of the people list: name uses the stored Vietnamese sort key (given name first).
PEOPLE_ORDERS = ("name", "-name", "birth", "-birth", "village", "-village")


def people_query(search_key: str = "", village_id: str | None = None, gender: str | None = None,
                 ethnic_minority: bool | None = None, order: str = "name",
                 officials_only: bool = False, narrowed: ColumnElement[bool] | None = None) -> Select[Person]:
    """``narrowed``: the rows the word-search index found (``search_people`` asks it)."""
    stmt = live(Person).where(*word_terms(Person.search_key, search_key))
    if narrowed is not None:
        stmt = stmt.where(narrowed)
    if village_id:
        stmt = stmt.where(Person.village_id == village_id)
    if gender:
        stmt = stmt.where(Person.gender == gender)
    if ethnic_minority is not None:
        stmt = stmt.where(Person.is_ethnic_minority.is_(ethnic_minority))
    if officials_only:
        # Officials: not direct workers, and holding a position or a workplace.
        stmt = stmt.where(Person.is_direct_worker.is_(False), (Person.position != "") | (Person.workplace != ""))
    descending = order.startswith("-")
    by = order.lstrip("-")
    name = Person.sort_key.desc() if descending else Person.sort_key
    if by == "birth":
        # Unknown births last either way; a year-only birth sorts before the dated ones of that year.
        year = Person.birth_year.desc() if descending else Person.birth_year
        day = Person.birth_date.desc() if descending else Person.birth_date
        return stmt.order_by(Person.birth_year.is_(None), year, day, Person.sort_key, Person.id)
    if by == "village":
        village = func.coalesce(Village.search_key, "")
        stmt = stmt.outerjoin(Village, Village.id == Person.village_id)
        return stmt.order_by(Village.id.is_(None), village.desc() if descending else village,
                             Person.sort_key, Person.id)
    return stmt.order_by(name, Person.id.desc() if descending else Person.id)


def search_people(session: Session, search_key: str = "", village_id: str | None = None,
                  gender: str | None = None, ethnic_minority: bool | None = None, order: str = "name",
                  officials_only: bool = False) -> Select[Person]:
    """``people_query`` served by the word-search index where it narrows the search (one probe)."""
    return people_query(search_key, village_id, gender, ethnic_minority, order, officials_only,
                        narrowed=indexed_rows(session, Person, search_key))


def collectives_query(search_key: str = "", kind: str | None = None, households: bool | None = None,
                      narrowed: ColumnElement[bool] | None = None) -> Select[Collective]:
    """Live collectives matching the folded text; ``households`` False leaves households out, True
    keeps only them. ``narrowed``: the rows the word-search index found (``indexed_rows``)."""
    stmt = live(Collective).where(*word_terms(Collective.search_key, search_key))
    if narrowed is not None:
        stmt = stmt.where(narrowed)
    if kind:
        stmt = stmt.where(Collective.kind == kind)
    if households is not None:
        stmt = stmt.where((Collective.kind == "household") if households else (Collective.kind != "household"))
    return stmt.order_by(Collective.sort_key, Collective.id)


def member_counts(session: Session, collective_ids: list[str]) -> dict[str, int]:
    """Live members registered for each of the given collectives (one grouped query per page)."""
    if not collective_ids:
        return {}
    stmt = (select(CollectiveMember.collective_id, func.count())
            .join(Person, Person.id == CollectiveMember.person_id)
            .where(CollectiveMember.collective_id.in_(collective_ids), CollectiveMember.deleted.is_(False),
                   Person.deleted.is_(False))
            .group_by(CollectiveMember.collective_id))
    return {cid: int(n) for cid, n in session.execute(stmt).all()}


def member_links(session: Session, collective_id: str) -> list[CollectiveMember]:
    return list(session.scalars(live(CollectiveMember).where(CollectiveMember.collective_id == collective_id)).all())


def people_by_ids(session: Session, ids: list[str]) -> list[Person]:
    if not ids:
        return []
    return list(session.scalars(live(Person).where(Person.id.in_(ids)).order_by(Person.sort_key, Person.id)).all())


def person_by_cccd(session: Session, cccd: str) -> Person | None:
    return session.scalars(live(Person).where(Person.cccd == cccd)).first()


def members_of(session: Session, collective_id: str) -> Sequence[Person]:
    stmt = (
        select(Person)
        .join(CollectiveMember, CollectiveMember.person_id == Person.id)
        .where(CollectiveMember.collective_id == collective_id, CollectiveMember.deleted.is_(False),
               Person.deleted.is_(False))
        .order_by(Person.sort_key, Person.id)
    )
    return session.scalars(stmt).all()


def village_names(session: Session) -> dict[str, str]:
    return {v.id: v.name for v in session.scalars(live(Village)).all()}
