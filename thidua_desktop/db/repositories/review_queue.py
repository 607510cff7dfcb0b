"""Queries behind the province's review queue (services/review_queue.py): every dossier a commune
submitted, with the province's latest review of it and its latest verdict, in one query whatever
the number of communes; and the deadlines the province set for its rounds. Nothing here commits."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime

from sqlalchemy import and_, func, or_, select
from sqlalchemy.orm import Session
from sqlalchemy.sql import Subquery

from ...domain.enums import Role
from ..models import (
    AdminUnit,
    Collective,
    Movement,
    Nomination,
    NominationBatch,
    NominationEvent,
    Office,
    Person,
    ReviewDeadline,
    utcnow,
)
from ..models.sync import NominationReview, SyncPeer

# "received" is the import's own acknowledgement, not somebody's look at the dossier: a dossier has
# "changed since reviewed" against the latest of these.
REVIEWED = ("in_review", "approved", "returned", "rejected")


def round_key(year: int, kind: str, movement_id: str | None) -> str:
    """The round (đợt) a commune's batch belongs to at the province: its year and kind, and for a
    thematic batch its movement. Every commune's "2026, annual" batch is one round."""
    return f"{year}:{kind}:{movement_id or ''}"


@dataclass(frozen=True)
class QueueRow:
    nomination_id: str
    node: str
    unit_code: str  # "" when no enrolled commune has this node (an old install's rows)
    unit_name: str
    batch_id: str
    batch_name: str
    year: int
    batch_kind: str
    movement_id: str | None
    movement_name: str
    award_code: str
    status: str  # the commune's own status of the dossier
    status_reason: str
    epoch: int
    version: int
    nominee_name: str
    nominee_sort: str
    review_status: str | None  # the latest review of any kind (what the dossier shows)
    review_reason: str
    review_epoch: int | None
    review_version: int | None
    verdict_status: str | None  # the latest real review (REVIEWED)
    verdict_epoch: int | None
    verdict_version: int | None
    submitted_at: datetime | None  # the commune's last move to "submitted"

    @property
    def round_key(self) -> str:
        return round_key(self.year, self.batch_kind, self.movement_id)


def _ranked(statuses: Sequence[str] | None, name: str) -> Subquery:
    """The latest review of each nomination as ``reviews.latest_reviews`` picks it (highest clock,
    then the latest review time), limited to ``statuses`` when given; rank 1 is the latest."""
    r = NominationReview
    stmt = (select(r.nomination_id, r.status, r.reason, r.reviewed_epoch, r.reviewed_version,
                   func.row_number().over(partition_by=r.nomination_id,
                                          order_by=(r.clock.desc(), r.reviewed_at.desc(), r.id.desc())).label("rank"))
            .where(r.deleted.is_(False)))
    if statuses is not None:
        stmt = stmt.where(r.status.in_(statuses))
    return stmt.subquery(name)


def queue_rows(session: Session) -> list[QueueRow]:
    """Every live dossier of a commune that was submitted (or that the province reviewed, as a
    returned dossier the commune took back to correct), oldest submission first."""
    n = Nomination
    latest, verdict = _ranked(None, "latest_review"), _ranked(REVIEWED, "latest_verdict")
    submitted = (select(NominationEvent.nomination_id, func.max(NominationEvent.at).label("at"))
                 .where(NominationEvent.to_status == "submitted", NominationEvent.deleted.is_(False))
                 .group_by(NominationEvent.nomination_id).subquery("submitted"))
    own = select(Office.node_id).where(Office.id == 1).scalar_subquery()
    stmt = (select(n.id, n.origin_node, SyncPeer.unit_code, SyncPeer.unit_name, AdminUnit.name,
                   NominationBatch.id, NominationBatch.name, NominationBatch.year, NominationBatch.kind,
                   NominationBatch.movement_id, Movement.name, n.award_code, n.status, n.status_reason,
                   n.origin_epoch, n.version, Person.full_name, Person.sort_key, Collective.name, Collective.sort_key,
                   latest.c.status, latest.c.reason, latest.c.reviewed_epoch, latest.c.reviewed_version,
                   verdict.c.status, verdict.c.reviewed_epoch, verdict.c.reviewed_version, submitted.c.at)
            .select_from(n)
            .join(NominationBatch, NominationBatch.id == n.batch_id)
            .outerjoin(Movement, Movement.id == NominationBatch.movement_id)
            .outerjoin(Person, Person.id == n.person_id)
            .outerjoin(Collective, Collective.id == n.collective_id)
            .outerjoin(SyncPeer, and_(SyncPeer.node_id == n.origin_node, SyncPeer.role == Role.COMMUNE.value))
            .outerjoin(AdminUnit, AdminUnit.code == SyncPeer.unit_code)
            .outerjoin(latest, and_(latest.c.nomination_id == n.id, latest.c.rank == 1))
            .outerjoin(verdict, and_(verdict.c.nomination_id == n.id, verdict.c.rank == 1))
            .outerjoin(submitted, submitted.c.nomination_id == n.id)
            .where(n.deleted.is_(False), n.origin_node != own,
                   or_(n.status == "submitted", latest.c.status.is_not(None)))
            .order_by(submitted.c.at, n.id))
    out = []
    for row in session.execute(stmt).all():
        (nid, node, code, peer_name, listed, batch_id, batch_name, year, kind, movement_id, movement_name, award,
         status, reason, epoch, version, person_name, person_sort, collective_name, collective_sort,
         r_status, r_reason, r_epoch, r_version, v_status, v_epoch, v_version, submitted_at) = row
        out.append(QueueRow(
            nid, node, code or "", peer_name or listed or code or "", batch_id, batch_name, year, kind, movement_id,
            movement_name or "", award, status, reason or "", epoch, version, person_name or collective_name or "",
            person_sort or collective_sort or "", r_status, r_reason or "", r_epoch, r_version, v_status, v_epoch,
            v_version, submitted_at))
    return out


def deadlines(session: Session) -> dict[str, date]:
    return {row.round_key: row.deadline for row in session.scalars(select(ReviewDeadline))}


def set_deadline(session: Session, key: str, deadline: date | None, actor: str) -> None:
    """Set (or, with None, clear) a round's review deadline."""
    row = session.get(ReviewDeadline, key)
    if deadline is None:
        if row is not None:
            session.delete(row)
        return
    if row is None:
        session.add(ReviewDeadline(round_key=key, deadline=deadline, changed_by=actor))
    else:
        row.deadline, row.changed_by, row.changed_at = deadline, actor, utcnow()
