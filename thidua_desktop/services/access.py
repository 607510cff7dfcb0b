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
from ..domain.accounts import AccountRole, SignedIn, role_names
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


class Access:
    """The signed-in account of one App (None: nobody signed in) and the check of its role."""

    def __init__(self, db: Database, signed_in: SignedIn | None = None) -> None:
        self.db = db
        self.signed_in = signed_in

    def has_accounts(self) -> bool:
        with self.db.reader() as session:
            return repo.any_account(session)

    def require(self, roles: frozenset[AccountRole]) -> None:
        """Nothing when the office has no accounts or the signed-in account holds one of ``roles``;
        else LOGIN_REQUIRED (nobody signed in, or the account was disabled since) or ROLE_REQUIRED
        naming the roles."""
        with self.db.reader() as session:
            self.check(session, roles)

    def check(self, session: Session, roles: frozenset[AccountRole]) -> None:
        """``require`` inside a transaction the caller already holds (the accounts service checks
        the admin in the same transaction that counts the accounts)."""
        if not repo.any_account(session):
            return  # one officer, every role
        account = repo.by_id(session, self.signed_in.account_id) if self.signed_in else None
        if account is None or not account.active:
            raise StateError("LOGIN_REQUIRED", field="account")
        if account.role not in roles:
            log.info("refused: ROLE_REQUIRED account=%s", account.id)
            raise StateError("ROLE_REQUIRED", field="account_role", roles=sorted(r.value for r in roles),
                             role_vi=role_names(roles, "vi"), role_en=role_names(roles, "en"))
