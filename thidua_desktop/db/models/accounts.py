"""Named accounts of a shared (server) office and the failed sign-ins counted per username.

Local to the office's database, never synced: a commune never sees the province's accounts, and
the tables stay empty in a commune (its single officer signs in nowhere)."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import Boolean, DateTime, Integer, String
from sqlalchemy.orm import Mapped, mapped_column

from .base import Base, utcnow


class Account(Base):
    """One officer. ``username`` is stored case-folded (domain/accounts.username_key) and unique;
    ``password_hash`` is the encoded Argon2id string (sync/passwords.py), never the password, and
    the audit log shows it masked (stamping.py). Accounts are disabled, never deleted: the audit
    log names them by id for as long as it is kept."""

    __tablename__ = "accounts"
    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    username: Mapped[str] = mapped_column(String(64), unique=True)
    display_name: Mapped[str] = mapped_column(String(200), default="")
    role: Mapped[str] = mapped_column(String(16))
    password_hash: Mapped[str] = mapped_column(String(255))
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    # Set when the admin chose the password (a new account, a reset): the officer picks their own
    # at the next sign-in, so the admin never knows a password in use.
    must_change_password: Mapped[bool] = mapped_column(Boolean, default=True)
    created_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)
    changed_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)
    last_login_at: Mapped[datetime | None] = mapped_column(DateTime, nullable=True)


class LoginThrottle(Base):
    """Failed sign-ins in a row for one typed username, whether an account has it or not (so the
    lock-out itself never tells which usernames exist). Keyed by a SHA-256 of the username, never
    the text: an officer who types the password into the username box leaves nothing readable."""

    __tablename__ = "login_throttle"
    key: Mapped[str] = mapped_column(String(64), primary_key=True)
    failures: Mapped[int] = mapped_column(Integer, default=0)
    last_failure_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)
    locked_until: Mapped[datetime | None] = mapped_column(DateTime, nullable=True)
