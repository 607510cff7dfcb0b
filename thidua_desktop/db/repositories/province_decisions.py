"""Queries behind the provincial chairman's decisions (services/province_decisions.py): the
dossiers the province approved and has not decided yet, its own decisions with their recipients,
and the rows a decision wrote for each recipient. Nothing here commits."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from sqlalchemy import Select, extract, select
from sqlalchemy.orm import Session

from ...domain.enums import Role
from ..models import AdminUnit, AwardHistory, Decision, DecisionRecipient, Nomination, Office
from ..models.sync import NominationReview, SyncPeer
from . import reviews as reviews_repo
from .common import live

PROVINCE = "province"  # Decision.level of the provincial chairman's decisions


@dataclass(frozen=True)
class Commune:
    code: str
    name: str  # "Xã Quảng Uyên", as enrolled (else as the administrative list names it)


def own_node(session: Session) -> str:
    office = session.get(Office, 1)
    return office.node_id if office is not None else ""


def decisions_query() -> Select[Decision]:
    """This office's own provincial decisions, newest first (a commune's decisions the province
    holds from its bundles are the commune's)."""
    return (live(Decision).where(Decision.level == PROVINCE,
                                 Decision.origin_node == select(Office.node_id).scalar_subquery())
            .order_by(Decision.decided_on.desc(), Decision.number.desc(), Decision.id))


def number_taken(session: Session, number: str, year: int, except_id: str | None = None) -> bool:
    """A live provincial decision of this office with this number in that year (numbers restart
    every year: 05/QĐ-UBND of 2026 is not 05/QĐ-UBND of 2027)."""
    stmt = live(Decision).where(Decision.level == PROVINCE, Decision.number == number,
                                Decision.origin_node == select(Office.node_id).scalar_subquery(),
                                extract("year", Decision.decided_on) == year)
    if except_id:
        stmt = stmt.where(Decision.id != except_id)
    return session.scalars(stmt.limit(1)).first() is not None


def candidates(session: Session, award_codes: Iterable[str]) -> list[tuple[Nomination, NominationReview]]:
    """The communes' submitted nominations of these awards with the province's latest review on
    them; the caller keeps those whose review counts for the version it looked at
    (``reviews.effective_state``)."""
    codes = sorted(set(award_codes))
    if not codes:
        return []
    stmt = live(Nomination).where(Nomination.award_code.in_(codes), Nomination.status == "submitted",
                                  Nomination.origin_node != select(Office.node_id).scalar_subquery())
    rows = session.scalars(stmt.order_by(Nomination.origin_node, Nomination.id)).all()
    latest = reviews_repo.latest_reviews(session, [n.id for n in rows])
    return [(n, latest[n.id]) for n in rows if n.id in latest]


def shown_status(session: Session, nomination: Nomination) -> str:
    """The status the nomination shows at this office, the province's reviews counted."""
    latest = reviews_repo.latest_reviews(session, [nomination.id]).get(nomination.id)
    return reviews_repo.effective_state(nomination, latest).status


def recipients(session: Session, decision_id: str) -> Sequence[DecisionRecipient]:
    stmt = live(DecisionRecipient).where(DecisionRecipient.decision_id == decision_id)
    return session.scalars(stmt.order_by(DecisionRecipient.id)).all()


def awards_of_decision(session: Session, decision_id: str) -> Sequence[AwardHistory]:
    """The award history rows the decision wrote, one per recipient."""
    return session.scalars(live(AwardHistory).where(AwardHistory.decision_id == decision_id)
                           .order_by(AwardHistory.id)).all()


def award_for(awards: Sequence[AwardHistory], recipient: DecisionRecipient) -> AwardHistory | None:
    """The award row of one recipient among its decision's."""
    for row in awards:
        if (row.person_id, row.collective_id) == (recipient.person_id, recipient.collective_id):
            return row
    return None


def communes(session: Session) -> dict[str, Commune]:
    """Every enrolled commune by the node it writes as."""
    stmt = (select(SyncPeer.node_id, SyncPeer.unit_code, SyncPeer.unit_name, AdminUnit.name)
            .outerjoin(AdminUnit, AdminUnit.code == SyncPeer.unit_code)
            .where(SyncPeer.role == Role.COMMUNE.value, SyncPeer.node_id != ""))
    return {str(node): Commune(str(code), str(name or listed or code))
            for node, code, name, listed in session.execute(stmt).all()}

