"""Named accounts of a shared (server) office: made, disabled and reset by an admin, signed in with
a password hashed with Argon2id (sync/passwords.py).

- The first account of an office must be an admin (it is made during set-up, by the first-run
  dialog or ``thidua accounts add``); from then on only an admin manages accounts.
- A failed sign-in always says the same thing (LOGIN_FAILED), whether the username exists, the
  password is wrong or the account is disabled, and costs the same time. Failures are counted per
  typed username, existing or not: after ``FREE_FAILURES`` in a row that username is locked for
  ``FIRST_LOCK``, doubling at each further failure up to ``LONGEST_LOCK``. A success clears it.
- Logs name the account id and the reason code, never a username, a name or a password.

A password is hashed outside the write transaction: the hash takes a fraction of a second on
purpose, and the other officers' saves must not wait for it."""

from __future__ import annotations

import hashlib
import logging
import math
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any, NoReturn

from ..db import Session
from ..db.models import Account, LoginThrottle, utcnow
from ..db.repositories import accounts as repo
from ..domain.accounts import (
    DISPLAY_NAME_MAX,
    PASSWORD_MAX,
    USERNAME_MAX,
    AccountRole,
    SignedIn,
    actor_of,
    checked_password,
    checked_username,
    parse_role,
    username_key,
)
from ..domain.errors import DomainError, NotFoundError, StateError, ValidationError
from ..domain.validation import require
from ..sync import passwords
from . import access as rules
from .base import ServiceBase

log = logging.getLogger("thidua")

FREE_FAILURES = 5  # in a row, for one username, before it is locked
FIRST_LOCK = timedelta(seconds=30)
LONGEST_LOCK = timedelta(minutes=15)
FORGET_AFTER = timedelta(days=1)  # a failure older than this no longer counts
SIGN_IN_ACTOR = "sign-in"  # the audit log's actor for what a refused sign-in writes (its count)


@dataclass(frozen=True)
class AccountView:
    id: int
    username: str
    display_name: str
    role: AccountRole
    active: bool
    must_change_password: bool
    created_at: datetime
    changed_at: datetime
    last_login_at: datetime | None


def _view(row: Account) -> AccountView:
    return AccountView(row.id, row.username, row.display_name, AccountRole(row.role), row.active,
                       row.must_change_password, row.created_at, row.changed_at, row.last_login_at)


def _throttle_key(typed: str) -> str:
    # Bounded before hashing: whatever was typed, the key is one short hex string.
    return hashlib.sha256(username_key(typed)[:USERNAME_MAX * 4].encode("utf-8")).hexdigest()


def lock_for(failures: int) -> timedelta | None:
    """How long a username is locked after ``failures`` failures in a row (None: not yet)."""
    if failures < FREE_FAILURES:
        return None
    return min(LONGEST_LOCK, FIRST_LOCK * 2 ** (failures - FREE_FAILURES))


class AccountService(ServiceBase):
    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        # The clock of the throttle (naive UTC, as every timestamp in the database); a test sets its own.
        self.now: Callable[[], datetime] = utcnow

    # Reading --------------------------------------------------------------------------------
    def has_accounts(self) -> bool:
        """Whether this office signs its officers in (a shared server office once set up)."""
        return self.access.has_accounts()

    def is_server(self) -> bool:
        """Whether the office's database is a shared server (where accounts are offered)."""
        return not self.db.is_sqlite

    def signed_in(self) -> SignedIn | None:
        return self.access.signed_in

    def list(self) -> list[AccountView]:
        """Admin only: every account, active first."""
        with self.db.reader() as session:
            self._check(session, rules.ADMIN)
            return [_view(row) for row in repo.all_accounts(session)]

    # Managing (admin) -------------------------------------------------------------------------
    def create(self, username: str, display_name: str, role: str | AccountRole, password: str) -> AccountView:
        """A new account whose password the officer changes at the first sign-in. The office's
        first account must be an admin (FIRST_ACCOUNT_ADMIN) and is made by whoever sets the
        office up; every later one by a signed-in admin."""
        name = checked_username(username)
        display = require(display_name, "display_name")
        if len(display) > DISPLAY_NAME_MAX:
            raise ValidationError("TEXT_TOO_LONG", field="display_name", max=DISPLAY_NAME_MAX)
        kind = parse_role(role)
        hashed = passwords.hash_password(checked_password(password))
        with self.db.transaction(self.actor) as session:
            first = not repo.any_account(session)
            if not first:
                self._check(session, rules.ADMIN)
            elif kind != AccountRole.ADMIN:
                raise StateError("FIRST_ACCOUNT_ADMIN", field="account_role")
            if repo.by_username(session, name) is not None:
                raise ValidationError("USERNAME_TAKEN", field="username", value=name)
            # The first admin chose their own password at set-up; any later account was given one.
            row = Account(username=name, display_name=display, role=kind.value, password_hash=hashed,
                          active=True, must_change_password=not first)
            session.add(row)
            session.flush()
            log.info("account %s created (role=%s)", row.id, kind.value)
            return _view(row)

    def disable(self, username: str) -> AccountView:
        """The account signs in no more (and is refused at its next action if signed in now). The
        last active admin cannot be disabled (LAST_ADMIN): nobody could manage accounts after."""
        return self._set_active(username, False)

    def enable(self, username: str) -> AccountView:
        return self._set_active(username, True)

    def _set_active(self, username: str, active: bool) -> AccountView:
        with self.db.transaction(self.actor) as session:
            self._check(session, rules.ADMIN)
            row = self._account(session, username)
            if row.active and not active and row.role == AccountRole.ADMIN.value and repo.active_admins(session) <= 1:
                raise StateError("LAST_ADMIN", field="username")
            if row.active != active:
                row.active, row.changed_at = active, self.now()
                log.info("account %s %s", row.id, "enabled" if active else "disabled")
            return _view(row)

    def reset_password(self, username: str, new_password: str) -> AccountView:
        """Admin: give the account a new password, which its officer must change at the next
        sign-in (unless the admin reset their own). Its sign-in lock is lifted."""
        hashed = passwords.hash_password(checked_password(new_password, "new_password"))
        with self.db.transaction(self.actor) as session:
            self._check(session, rules.ADMIN)
            row = self._account(session, username)
            row.password_hash, row.changed_at = hashed, self.now()
            mine = self.access.signed_in is not None and self.access.signed_in.account_id == row.id
            row.must_change_password = not mine
            if (throttle := repo.throttle(session, _throttle_key(row.username))) is not None:
                session.delete(throttle)
            log.info("account %s: password reset", row.id)
            return _view(row)

    # One's own password -------------------------------------------------------------------------
    def change_own_password(self, old_password: str, new_password: str) -> None:
        """The signed-in officer's own password; PASSWORD_WRONG when ``old_password`` is not the
        current one, PASSWORD_UNCHANGED when the new one is the same."""
        me = self.access.signed_in
        if me is None:
            raise StateError("LOGIN_REQUIRED", field="account")
        new = checked_password(new_password, "new_password")
        with self.db.reader() as session:
            row = repo.by_id(session, me.account_id)
            current = row.password_hash if row is not None and row.active else None
        if current is None:
            raise StateError("LOGIN_REQUIRED", field="account")
        if not passwords.verify_password(current, checked_old(old_password)):
            raise ValidationError("PASSWORD_WRONG", field="password")
        if new == checked_old(old_password):
            raise ValidationError("PASSWORD_UNCHANGED", field="new_password")
        hashed = passwords.hash_password(new)
        with self.db.transaction(self.actor) as session:
            row = repo.by_id(session, me.account_id)
            if row is None or row.password_hash != current:  # changed meanwhile (a reset): try again
                raise StateError("LOGIN_REQUIRED", field="account")
            row.password_hash, row.must_change_password, row.changed_at = hashed, False, self.now()
        log.info("account %s: password changed", me.account_id)

    # Signing in -------------------------------------------------------------------------------
    def authenticate(self, username: str, password: str) -> SignedIn:
        """The account ``username`` signs in with ``password``. LOGIN_FAILED for any wrong
        answer (the same words and about the same time whether the account exists or not);
        LOGIN_THROTTLED while the username is locked after repeated failures."""
        key, now = _throttle_key(username), self.now()
        name = username_key(username)
        typed = checked_old(password)
        with self.db.reader() as session:
            throttle = repo.throttle(session, key)
            if throttle is not None and throttle.locked_until is not None and throttle.locked_until > now:
                raise self._throttled(throttle.locked_until - now)
            row = repo.by_username(session, name)
            found = (row.id, row.username, row.role, row.password_hash, row.must_change_password) \
                if row is not None and row.active else None
        if found is None:
            passwords.burn_time(typed)
            self._refuse(key, now)
        account_id, account_name, role, hashed, must_change = found
        if not passwords.verify_password(hashed, typed):
            self._refuse(key, now)
        rehashed = passwords.hash_password(typed) if passwords.needs_rehash(hashed) else None
        signed = SignedIn(account_id, account_name, AccountRole(role), must_change)
        with self.db.transaction(signed.actor) as session:
            row = repo.by_id(session, account_id)
            if row is None or not row.active:  # disabled while the hash was checked
                raise DomainError("LOGIN_FAILED", field="password")
            row.last_login_at = now
            if rehashed is not None and row.password_hash == hashed:
                row.password_hash = rehashed
            if (throttle := repo.throttle(session, key)) is not None:
                session.delete(throttle)
        log.info("account %s signed in", account_id)
        return signed

    def _refuse(self, key: str, now: datetime) -> NoReturn:
        with self.db.transaction(SIGN_IN_ACTOR) as session:
            repo.forget_old_failures(session, now - FORGET_AFTER)
            throttle = repo.throttle(session, key)
            if throttle is None:
                throttle = LoginThrottle(key=key, failures=0)
                session.add(throttle)
            throttle.failures = (throttle.failures or 0) + 1
            throttle.last_failure_at = now
            wait = lock_for(throttle.failures)
            throttle.locked_until = now + wait if wait is not None else None
        log.info("refused: LOGIN_FAILED")  # no username: it may be a name, or a password typed in the wrong box
        raise DomainError("LOGIN_FAILED", field="password")

    @staticmethod
    def _throttled(wait: timedelta) -> DomainError:
        log.info("refused: LOGIN_THROTTLED")
        return StateError("LOGIN_THROTTLED", field="username", minutes=max(1, math.ceil(wait.total_seconds() / 60)))

    # Helpers ----------------------------------------------------------------------------------
    def _check(self, session: Session, roles: frozenset[AccountRole]) -> None:
        self.access.check(session, roles)

    @staticmethod
    def _account(session: Session, username: str) -> Account:
        row = repo.by_username(session, username_key(username))
        if row is None:
            raise NotFoundError("ACCOUNT_UNKNOWN", field="username", value=username_key(username)[:USERNAME_MAX])
        return row


def checked_old(password: str) -> str:
    """A password typed to sign in or to confirm: NFC, as it was hashed, with no length rule (an
    older, shorter password must still open), bounded so nothing huge is hashed."""
    return unicodedata.normalize("NFC", password or "")[:PASSWORD_MAX]


__all__ = ["AccountService", "AccountView", "actor_of", "lock_for"]
