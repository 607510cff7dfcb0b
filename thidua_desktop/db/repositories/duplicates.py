"""Queries for the duplicate findings (services/duplicates.py): the people worth comparing, their
nominations and award records, the records the sync quarantine holds back, and the officer's
stored answers.

The province holds a hundred thousand people: the candidates are narrowed in SQL (a CCCD or a
name and birth date held more than once, a person nominated more than once for one award, and
whatever matches a held-back record) and only those are read whole. The name key is the stored
``search_key`` (accents, case and Unicode form folded, as the people search uses it)."""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from typing import Any, TypeVar

from sqlalchemy import ColumnElement, func, or_, select, tuple_
from sqlalchemy.orm import Session

from ..models import AwardHistory, Nomination, NominationBatch, Office, Person, Village
from ..models.duplicates import DuplicateResolution
from ..models.sync import QuarantinedRecord, SyncPeer
from .common import live

CHUNK = 500  # ids per IN (...): far below SQLite's and PostgreSQL's limits on parameters
T = TypeVar("T")


def _chunks(items: Sequence[T]) -> Iterator[Sequence[T]]:
    for start in range(0, len(items), CHUNK):
        yield items[start:start + CHUNK]


def held_back(session: Session, table: str) -> list[dict[str, Any]]:
    """The open quarantined records of ``table`` that are records at all (an object with an id),
    oldest first, each with ``_reason`` and ``_quarantine_id`` added. One record may be held in
    several versions (every bundle brings its latest): the caller keeps the newest."""
    rows = session.scalars(select(QuarantinedRecord).where(QuarantinedRecord.table_name == table,
                                                           QuarantinedRecord.resolved_at.is_(None))
                           .order_by(QuarantinedRecord.id)).all()
    out = []
    for row in rows:
        payload = row.payload if isinstance(row.payload, dict) else None
        if payload is not None and isinstance(payload.get("id"), str) and payload["id"]:
            out.append({**payload, "_reason": row.reason, "_quarantine_id": row.id})
    return out


def held_back_entries(session: Session, node: str, unfit: Iterable[str]) -> list[QuarantinedRecord]:
    """The open quarantine entries of records written by ``node`` that are worth another try (not
    of the ``unfit`` reasons: those fail their checks again), oldest first."""
    rows = session.scalars(select(QuarantinedRecord).where(QuarantinedRecord.resolved_at.is_(None),
                                                           QuarantinedRecord.reason.notin_(list(unfit)))
                           .order_by(QuarantinedRecord.id)).all()
    return [row for row in rows if isinstance(row.payload, dict) and row.payload.get("origin_node") == node]


def live_ids(session: Session, model: Any, ids: Iterable[str]) -> set[str]:
    """Which of ``ids`` are rows the office holds (tombstones included): a held-back copy of such
    a row is another version of it, not another record."""
    wanted = sorted(set(ids))
    found: set[str] = set()
    for chunk in _chunks(wanted):
        found.update(session.scalars(select(model.id).where(model.id.in_(chunk))).all())
    return found


def candidate_people(session: Session, cccds: Iterable[str] = (), name_keys: Iterable[tuple[str, Any]] = ()
                     ) -> list[Person]:
    """Live people that may have a double: their CCCD or their (name key, birth date) is held more
    than once, they have two live nominations for one award, or they share a CCCD or a name key
    with one of the held-back records (``cccds``, ``name_keys``)."""
    people = live(Person).subquery()
    shared_cccd = (select(people.c.cccd).where(people.c.cccd.is_not(None))
                   .group_by(people.c.cccd).having(func.count() > 1))
    shared_name = (select(people.c.search_key, people.c.birth_date).where(people.c.birth_date.is_not(None))
                   .group_by(people.c.search_key, people.c.birth_date).having(func.count() > 1))
    nominated = (select(Nomination.person_id).where(Nomination.deleted.is_(False), Nomination.person_id.is_not(None))
                 .group_by(Nomination.person_id, Nomination.award_code).having(func.count() > 1))
    clauses: list[ColumnElement[bool]] = [Person.cccd.in_(shared_cccd),
                                          tuple_(Person.search_key, Person.birth_date).in_(shared_name),
                                          Person.id.in_(nominated)]
    found: dict[str, Person] = {p.id: p for p in session.scalars(live(Person).where(or_(*clauses)))}
    numbers = sorted(set(cccds))
    for chunk in _chunks(numbers):
        found.update({p.id: p for p in session.scalars(live(Person).where(Person.cccd.in_(chunk)))})
    keys = sorted(set(name_keys))
    for pairs in _chunks(keys):
        found.update({p.id: p for p in session.scalars(
            live(Person).where(tuple_(Person.search_key, Person.birth_date).in_(list(pairs))))})
    return sorted(found.values(), key=lambda p: p.id)


def nominations_of(session: Session, person_ids: Iterable[str]) -> list[Nomination]:
    wanted = sorted(set(person_ids))
    out: list[Nomination] = []
    for chunk in _chunks(wanted):
        out.extend(session.scalars(live(Nomination).where(Nomination.person_id.in_(chunk))))
    return out


def awards_of(session: Session, person_ids: Iterable[str]) -> list[AwardHistory]:
    wanted = sorted(set(person_ids))
    out: list[AwardHistory] = []
    for chunk in _chunks(wanted):
        out.extend(session.scalars(live(AwardHistory).where(AwardHistory.person_id.in_(chunk))))
    return out


def batches(session: Session, ids: Iterable[str]) -> dict[str, tuple[int, str]]:
    """Batch id -> (year, name), for the batches held here (tombstones too: a nomination names its batch)."""
    wanted = sorted({i for i in ids if i})
    out: dict[str, tuple[int, str]] = {}
    for chunk in _chunks(wanted):
        for batch in session.scalars(select(NominationBatch).where(NominationBatch.id.in_(chunk))):
            out[batch.id] = (batch.year, batch.name)
    return out


def village_names(session: Session, ids: Iterable[str]) -> dict[str, str]:
    wanted = sorted({i for i in ids if i})
    out: dict[str, str] = {}
    for chunk in _chunks(wanted):
        out.update({v.id: v.name for v in session.scalars(select(Village).where(Village.id.in_(chunk)))})
    return out


def offices_by_node(session: Session) -> dict[str, tuple[str, str]]:
    """Node id -> (unit code, unit name) of every office known here, this one included."""
    out = {p.node_id: (p.unit_code, p.unit_name) for p in session.scalars(select(SyncPeer)) if p.node_id}
    office = session.get(Office, 1)
    if office is not None:
        out[office.node_id] = (office.unit_code, office.unit_name)
    return out


def office(session: Session) -> Office | None:
    return session.get(Office, 1)


def resolutions(session: Session, finding_keys: Iterable[str], pair_keys: Iterable[str]) -> list[DuplicateResolution]:
    """The stored answers for these findings or pairs of people, oldest first."""
    keys, pairs = sorted(set(finding_keys)), sorted(set(pair_keys))
    out: dict[int, DuplicateResolution] = {}
    for chunk in _chunks(keys):
        out.update({r.id: r for r in session.scalars(select(DuplicateResolution)
                                                     .where(DuplicateResolution.finding_key.in_(chunk)))})
    for chunk in _chunks(pairs):
        out.update({r.id: r for r in session.scalars(select(DuplicateResolution).where(
            DuplicateResolution.pair_key.in_(chunk), DuplicateResolution.choice == "different_people"))})
    return [out[i] for i in sorted(out)]


def recent_resolutions(session: Session, limit: int = 200) -> Sequence[DuplicateResolution]:
    return session.scalars(select(DuplicateResolution).order_by(DuplicateResolution.id.desc())
                           .limit(max(int(limit), 0))).all()


def add_resolution(session: Session, row: DuplicateResolution) -> DuplicateResolution:
    session.add(row)
    session.flush()
    return row
