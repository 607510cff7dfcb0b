"""Queries behind the reward fund ledger (services/reward_fund.py): one office's income rows and
its own decisions with their totals. Nothing here commits."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any

from sqlalchemy import case, func, select
from sqlalchemy.orm import Session

from ..models import Decision, DecisionRecipient, FundIncome, Office


@dataclass(frozen=True)
class DecisionTotal:
    decision_id: str
    number: str
    decided_on: date
    award_code: str
    level: str
    recipients: int
    total: int  # the recipients' reward money (đồng); unknown amounts count 0
    unknown: int  # recipients whose award had no multiplier in the catalog


def _own() -> Any:
    return select(Office.node_id).scalar_subquery()


def incomes(session: Session) -> Sequence[FundIncome]:
    """The office's own live income rows (a province also holds its communes' in their partitions)."""
    stmt = (select(FundIncome).where(FundIncome.deleted.is_(False), FundIncome.origin_node == _own())
            .order_by(FundIncome.received_on, FundIncome.updated_at, FundIncome.id))
    return session.scalars(stmt).all()


def decision_totals(session: Session) -> list[DecisionTotal]:
    """Each of the office's own live decisions with its number of live recipients and their total.
    A decision received from another office (the province's, at a commune) is paid from that
    office's fund, not this one's."""
    r = DecisionRecipient
    live_recipient = r.deleted.is_(False)
    stmt = (select(Decision.id, Decision.number, Decision.decided_on, Decision.award_code, Decision.level,
                   func.count(r.id), func.coalesce(func.sum(r.reward_amount), 0),
                   func.sum(case((r.reward_amount.is_(None), 1), else_=0)))
            .outerjoin(r, (r.decision_id == Decision.id) & live_recipient)
            .where(Decision.deleted.is_(False), Decision.origin_node == _own())
            .group_by(Decision.id, Decision.number, Decision.decided_on, Decision.award_code, Decision.level)
            .order_by(Decision.decided_on, Decision.number, Decision.id))
    return [DecisionTotal(str(i), str(n), d, str(a), str(lv), int(c or 0), int(t or 0), int(u or 0))
            for i, n, d, a, lv, c, t, u in session.execute(stmt).all()]
