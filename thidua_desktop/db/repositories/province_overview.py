"""Queries behind the province's overview of its communes (services/province_overview.py).

Each function is one grouped query over all communes at once: the overview costs the same few
queries with 5 communes or 60. Nothing here commits."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import ColumnElement, and_, case, func, literal, or_, select
from sqlalchemy.orm import Session
from sqlalchemy.sql import Subquery

from ...domain.enums import Role
from ..models import AdminUnit, LocalParameter, Nomination, Office, utcnow
from ..models.sync import NominationReview, QuarantinedRecord, SyncConflict, SyncImport, SyncPeer, WaitingBundle

# The dossier is still with the province: the statuses a commune's submitted dossier shows until a verdict.
WAITING_STATUSES = ("submitted", "received", "in_review")
# The province's verdicts: what travels back to the commune as a result.
VERDICTS = ("approved", "returned", "rejected")
# A provincial decision's mark on each of its dossiers (services/province_decisions.py).
DECIDED = "decided"
LATE_DAYS_KEY = "province_overview_late_days"


@dataclass(frozen=True)
class PeerRow:
    unit_code: str
    unit_name: str
    status: str  # pending | waiting | confirmed | revoked
    node_id: str
    enrolled_at: datetime | None
    last_received_at: datetime | None
    last_sent_at: datetime | None
    sent_upto: dict[str, int]  # the highest version of this office's rows written into a bundle for it, per epoch


@dataclass(frozen=True)
class DossierCounts:
    waiting_review: int = 0
    returned_open: int = 0
    results_unsent: int = 0
    decided_unsent: int = 0


@dataclass(frozen=True)
class WaitingKeys:
    keys: int  # different fingerprints claiming the commune
    bundles: int
    last_arrived: datetime | None


def office_role(session: Session) -> str | None:
    office = session.get(Office, 1)
    return office.role if office is not None else None


def commune_peers(session: Session) -> list[PeerRow]:
    """Every commune this office exchanges with (revoked ones too), named as enrolled, or by the
    administrative list when the enrolment gave no name."""
    stmt = (select(SyncPeer.unit_code, SyncPeer.unit_name, AdminUnit.name, SyncPeer.status, SyncPeer.node_id,
                   SyncPeer.enrolled_at, SyncPeer.last_received_at, SyncPeer.last_sent_at, SyncPeer.sent_upto)
            .outerjoin(AdminUnit, AdminUnit.code == SyncPeer.unit_code)
            .where(SyncPeer.role == Role.COMMUNE.value)
            .order_by(SyncPeer.unit_code))
    out = []
    for code, name, listed, status, node, enrolled, received, sent, upto in session.execute(stmt).all():
        marks = {str(k): int(v) for k, v in (upto or {}).items()}
        out.append(PeerRow(code, name or listed or code, status or "pending", node or "", enrolled, received, sent,
                           marks))
    return out


def _latest_reviews() -> Subquery:
    """The province's latest review of each nomination, as ``reviews.latest_reviews`` picks it
    (highest clock, then the latest review time), as a subquery ranked 1 per nomination."""
    ranked = (select(NominationReview.nomination_id, NominationReview.status, NominationReview.origin_epoch,
                     NominationReview.version, NominationReview.reviewed_epoch, NominationReview.reviewed_version,
                     func.row_number().over(partition_by=NominationReview.nomination_id,
                                            order_by=(NominationReview.clock.desc(),
                                                      NominationReview.reviewed_at.desc(),
                                                      NominationReview.id.desc())).label("rank"))
              .where(NominationReview.deleted.is_(False)))
    return ranked.subquery("ranked_reviews")


def dossier_counts(session: Session, sent_marks: Iterable[tuple[str, int, int]]) -> dict[str, DossierCounts]:
    """Per commune node: dossiers waiting for the province's review, dossiers returned and not
    resubmitted since, verdicts not yet written into a bundle for the commune, and dossiers a
    provincial decision awarded whose "decided" mark (with the award it brings) is not in one yet.

    ``sent_marks``: (commune node, epoch of this office's rows, highest version sent to it). The
    status a dossier shows is ``reviews.effective_state`` written in SQL: the latest verdict counts
    while the commune's dossier is still the version it was given on."""
    latest = _latest_reviews()
    review = latest.c
    n = Nomination
    reviewed_this_version = and_(review.reviewed_epoch == n.origin_epoch, review.reviewed_version == n.version)
    changed_since = or_(n.origin_epoch > review.reviewed_epoch,
                        and_(n.origin_epoch == review.reviewed_epoch, n.version > review.reviewed_version))
    shown = case((and_(review.status.is_not(None), n.status == "submitted", reviewed_this_version), review.status),
                 else_=n.status)
    resubmitted = and_(n.status == "submitted", changed_since)
    # Each commune's mark, looked up only for a verdict (AND stops early): a CASE over ~60 communes
    # measured faster on SQLite than joining a VALUES list, which it scans for every dossier.
    marks = [(and_(n.origin_node == node, review.origin_epoch == epoch), upto) for node, epoch, upto in sent_marks]
    sent_upto: ColumnElement[int] = case(*marks, else_=0) if marks else literal(0)

    def total(condition: ColumnElement[bool]) -> ColumnElement[int]:
        return func.sum(case((condition, 1), else_=0))

    stmt = (select(n.origin_node,
                   total(shown.in_(WAITING_STATUSES)),
                   total(and_(review.status == "returned", ~resubmitted)),
                   total(and_(review.status.in_(VERDICTS), review.version > sent_upto)),
                   total(and_(review.status == DECIDED, review.version > sent_upto)))
            .select_from(n)
            .outerjoin(latest, and_(review.nomination_id == n.id, review.rank == 1))
            .where(n.deleted.is_(False))
            .group_by(n.origin_node))
    return {str(node): DossierCounts(int(w or 0), int(r or 0), int(u or 0), int(d or 0))
            for node, w, r, u, d in session.execute(stmt).all()}


def quarantined_by_sender(session: Session) -> dict[str, int]:
    """Open quarantined records per node of the office whose bundle brought them."""
    stmt = (select(SyncImport.peer_node_id, func.count())
            .select_from(QuarantinedRecord)
            .join(SyncImport, SyncImport.bundle_id == QuarantinedRecord.bundle_id)
            .where(QuarantinedRecord.resolved_at.is_(None))
            .group_by(SyncImport.peer_node_id))
    return {str(node): int(count) for node, count in session.execute(stmt).all()}


def open_conflicts_by_node(session: Session) -> dict[str, int]:
    """Open conflicts per node that wrote one of the two versions. A commune's row only ever
    comes from the commune, so each side names the office it came from; a conflict between two
    offices counts for both."""
    winner = SyncConflict.winner["origin_node"].as_string()
    loser = SyncConflict.loser["origin_node"].as_string()
    stmt = (select(winner, loser, func.count()).where(SyncConflict.resolved_at.is_(None)).group_by(winner, loser))
    out: dict[str, int] = defaultdict(int)
    for won, lost, count in session.execute(stmt).all():
        for node in {won, lost} - {None, ""}:
            out[str(node)] += int(count)
    return dict(out)


def waiting_keys(session: Session) -> dict[str, WaitingKeys]:
    """Per commune code: bundles that wait for the officer to confirm the key that signed them."""
    stmt = (select(WaitingBundle.peer_code, func.count(func.distinct(WaitingBundle.fingerprint)), func.count(),
                   func.max(WaitingBundle.received_at))
            .group_by(WaitingBundle.peer_code))
    return {str(code): WaitingKeys(int(keys), int(bundles), last)
            for code, keys, bundles, last in session.execute(stmt).all()}


def late_days(session: Session) -> int | None:
    row = session.get(LocalParameter, LATE_DAYS_KEY)
    value = (row.value or {}).get("value") if row is not None else None
    return int(value) if isinstance(value, int) and not isinstance(value, bool) else None


def set_late_days(session: Session, days: int, actor: str) -> None:
    row = session.get(LocalParameter, LATE_DAYS_KEY)
    if row is None:
        session.add(LocalParameter(key=LATE_DAYS_KEY, value={"value": days}, changed_by=actor))
    else:
        row.value, row.changed_by, row.changed_at = {"value": days}, actor, utcnow()
