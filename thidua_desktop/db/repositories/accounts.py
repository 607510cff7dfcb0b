"""Accounts and the sign-in throttle (queries only; services/accounts.py owns the transactions)."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime

from sqlalchemy import delete, exists, func, select
from sqlalchemy.orm import Session

from ..models.accounts import Account, LoginThrottle


def any_account(session: Session) -> bool:
    """Whether the office has accounts at all (disabled ones count: an office that had accounts
    never falls back to the single-officer mode by disabling them)."""
    return bool(session.scalar(select(exists().where(Account.id.is_not(None)))))


def by_username(session: Session, username: str) -> Account | None:
    return session.scalars(select(Account).where(Account.username == username)).first()


def by_id(session: Session, account_id: int) -> Account | None:
    return session.get(Account, account_id)


def all_accounts(session: Session) -> Sequence[Account]:
    """Active accounts first, then by username."""
    return session.scalars(select(Account).order_by(Account.active.desc(), Account.username)).all()


def active_admins(session: Session) -> int:
    return int(session.scalar(select(func.count()).select_from(Account)
                              .where(Account.active.is_(True), Account.role == "admin")) or 0)


def throttle(session: Session, key: str) -> LoginThrottle | None:
    return session.get(LoginThrottle, key)


def forget_old_failures(session: Session, before: datetime) -> None:
    """Throttle rows nobody failed on since ``before`` and not locked any more: the table stays
    small whatever names are tried."""
    session.execute(delete(LoginThrottle).where(
        LoginThrottle.last_failure_at < before,
        (LoginThrottle.locked_until.is_(None)) | (LoginThrottle.locked_until < before)))
