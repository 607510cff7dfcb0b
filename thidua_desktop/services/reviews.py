"""The provincial office's appraisal (thẩm định) of the nominations communes submitted.

The province never edits a commune's nomination: it writes review rows of its own that record
which version of the dossier they looked at; they travel back to the commune in a bundle."""

from __future__ import annotations

from contextlib import AbstractContextManager, nullcontext

from ..db import Session
from ..db.models import Nomination, Office
from ..db.models.sync import NominationReview
from ..db.repositories import dossier_review as work
from ..db.repositories import reviews as repo
from ..db.repositories.common import get_live, live
from ..domain.enums import Role
from ..domain.errors import NotFoundError, StateError, ValidationError
from ..domain.text import clean_text
from . import access as roles
from .base import ServiceBase

# The province's side of the state machine: what may follow the current shown status.
_NEXT = {
    "submitted": {"received", "in_review", "approved", "returned", "rejected"},
    "received": {"in_review", "approved", "returned", "rejected"},
    "in_review": {"approved", "returned", "rejected"},
}


def next_outcomes(shown_status: str) -> frozenset[str]:
    """What the province may record on a dossier that shows ``shown_status``."""
    return frozenset(_NEXT.get(shown_status, set()))


class ReviewService(ServiceBase):
    def review(self, nomination_id: str, outcome: str, reason: str = "", session: Session | None = None) -> str:
        """Record the province's verdict on the nomination's current version. ``session``: a
        transaction the caller already holds (a duplicate returned with the officer's answer to the
        finding: one action, one transaction)."""
        if outcome not in {"received", "in_review", "approved", "returned", "rejected"}:
            raise ValidationError("ENUM_INVALID", field="status", value=outcome,
                                  allowed=["received", "in_review", "approved", "returned", "rejected"])
        why = clean_text(reason)
        if outcome in ("returned", "rejected") and not why:
            raise ValidationError("REASON_REQUIRED", field="reason")
        # A reviewer (or a leader) reviews and approves or returns; rejecting is the leader's decision.
        self.access.require(roles.DECIDE if outcome == "rejected" else roles.REVIEW)
        with self._transaction(session) as session:
            office = session.get(Office, 1)
            if office is None or office.role != Role.PROVINCE.value:
                raise StateError("REVIEW_PROVINCE_ONLY", field="status")
            nomination = get_live(session, Nomination, nomination_id, field="nomination")
            shown = repo.effective_state(nomination, repo.latest_reviews(session, [nomination.id]).get(nomination.id))
            if outcome not in _NEXT.get(shown.status, set()):
                raise StateError("STATUS_TRANSITION_INVALID", field="status", current=shown.status, target=outcome)
            row = NominationReview(nomination_id=nomination.id, status=outcome, reason=why,
                                   reviewed_version=nomination.version, reviewed_epoch=nomination.origin_epoch,
                                   checklist=self._checklist(session, nomination))
            session.add(row)
            session.flush()
            # The reviewers' comments since the last verdict are kept with this one (at the province).
            work.attach_open_comments(session, nomination.id, row.id)
            return row.id

    def _checklist(self, session: Session, nomination: Nomination) -> list[dict[str, object]]:
        """The dossier items of the award (the province's catalog) as the reviewer left them: the
        copy travels with the review, so the commune sees what was found wanting."""
        try:
            items = self.catalog.award(nomination.award_code).dossier
        except NotFoundError:
            items = ()
        state = work.checklist(session, nomination.id)
        return [{"code": item.code, "checked": bool(state[item.code].checked) if item.code in state else False,
                 "note": state[item.code].note if item.code in state else ""} for item in items]

    def _transaction(self, session: Session | None) -> AbstractContextManager[Session]:
        return nullcontext(session) if session is not None else self.db.transaction(self.actor)

    def acknowledge_received(self, commune_node: str) -> int:
        """Mark newly submitted dossiers of a commune as received (an import does it inside its own
        transaction through ``mark_received``)."""
        with self.db.transaction(self.actor) as session:
            return mark_received(session, commune_node)


def mark_received(session: Session, commune_node: str) -> int:
    """The commune's submitted dossiers not yet marked get a "received" review, in the caller's
    transaction (the province's import: one bundle is one transaction). Returns how many."""
    rows = session.scalars(live(Nomination).where(Nomination.origin_node == commune_node,
                                                  Nomination.status == "submitted")).all()
    latest = repo.latest_reviews(session, [n.id for n in rows])
    count = 0
    for nomination in rows:
        state = repo.effective_state(nomination, latest.get(nomination.id))
        if state.status == "submitted":
            session.add(NominationReview(nomination_id=nomination.id, status="received",
                                         reviewed_version=nomination.version,
                                         reviewed_epoch=nomination.origin_epoch))
            count += 1
    return count
