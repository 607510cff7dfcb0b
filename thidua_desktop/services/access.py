"""Who may do what, checked in the services (never only in the GUI: the command line and any
later screen go through the same check).

An office **without accounts** (every commune on its own SQLite file, and a server office before
its first account is made) has one officer who holds every role: every check passes, exactly as
before accounts existed. An office **with accounts** (the provincial office on its shared server)
needs a signed-in, active account whose role is among those the action names; the role is read
from the database at each check, so an account the admin disabled or changed stops at its next
action, not at its next sign-in.

The roles of each protected action are listed here, in one place:"""

from __future__ import annotations

import logging

from ..db import Database, Session
from ..db.repositories import accounts as repo
from ..domain.accounts import AccountRole, SignedIn, actor_of, role_names
from ..domain.errors import StateError

log = logging.getLogger("thidua")

# Receive, review, approve or return a commune's dossier (thẩm định).
REVIEW = frozenset({AccountRole.REVIEWER, AccountRole.LEADER})
# Decide: reject a dossier, record a decision. The provincial decisions (Bằng khen, CSTĐ cấp tỉnh…)
# call ``require(DECIDE)`` where they are recorded, as DecisionService.issue and the "rejected"
# outcome of ReviewService.review do.
DECIDE = frozenset({AccountRole.LEADER})
# Accounts, and the keys: enrolment files, the recovery key (made, protected), key rotation and
# revoking a commune.
ADMIN = frozenset({AccountRole.ADMIN})
# Publish what every commune applies: a new award catalog, the document wording. The leader decides
# the province's rules and the admin manages the office's shared data; a reviewer does neither.
# Refused with PUBLISH_ROLE_REQUIRED (account_messages.py), which says what was refused.
PUBLISH = frozenset({AccountRole.LEADER, AccountRole.ADMIN})


class Access:
    """The signed-in account of one App (None: nobody signed in) and the check of its role."""

    def __init__(self, db: Database, signed_in: SignedIn | None = None) -> None:
        self.db = db
        self.signed_in = signed_in

    def has_accounts(self) -> bool:
        with self.db.reader() as session:
            return repo.any_account(session)

    def require(self, roles: frozenset[AccountRole], code: str = "ROLE_REQUIRED") -> None:
        """Nothing when the office has no accounts or the signed-in account holds one of ``roles``;
        else LOGIN_REQUIRED (nobody signed in, or the account was disabled since) or ``code``
        (ROLE_REQUIRED, or a code naming the refused action) naming the roles."""
        with self.db.reader() as session:
            self.check(session, roles, code)

    def check(self, session: Session, roles: frozenset[AccountRole], code: str = "ROLE_REQUIRED") -> None:
        """``require`` inside a transaction the caller already holds (the accounts service checks
        the admin in the same transaction that counts the accounts)."""
        check_signed_in(session, self.signed_in, roles, code)


def check_signed_in(session: Session, signed_in: SignedIn | None, roles: frozenset[AccountRole],
                    code: str = "ROLE_REQUIRED") -> None:
    """``Access.check`` for a given signed-in account (None: nobody)."""
    if not repo.any_account(session):
        return  # one officer, every role
    account = repo.by_id(session, signed_in.account_id) if signed_in else None
    if account is None or not account.active:
        raise StateError("LOGIN_REQUIRED", field="account")
    if account.role not in roles:
        log.info("refused: %s account=%s", code, account.id)
        raise StateError(code, field="account_role", roles=sorted(r.value for r in roles),
                         role_vi=role_names(roles, "vi"), role_en=role_names(roles, "en"))


def signed_in_as(session: Session, actor: str) -> SignedIn | None:
    """The active account acting as ``actor`` (an account's ``actor_of`` text: exactly its username
    and id), or None. For the stores whose callers hand over only the actor (catalog_store,
    template_store). On an office with accounts every session signs in before it can act, so its
    actor is always its account's; any other actor is nobody, refused there as it should be."""
    for row in repo.all_accounts(session):
        if row.active and actor_of(row.id, row.username) == actor:
            return SignedIn(row.id, row.username, AccountRole(row.role))
    return None


def check_publisher(session: Session, actor: str, access: Access | None = None) -> None:
    """Only PUBLISH may change what travels down to every commune (the catalog, the wording):
    checked inside the write transaction. ``access``: the caller's signed-in account when it has
    one; else (or when it holds nobody) the account is found from ``actor``."""
    signed = access.signed_in if access is not None and access.signed_in is not None else signed_in_as(session, actor)
    check_signed_in(session, signed, PUBLISH, "PUBLISH_ROLE_REQUIRED")
