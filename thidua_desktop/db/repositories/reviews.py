"""The province's reviews of nominations, and the status a nomination shows once reviewed."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from ..models import Nomination
from ..models.sync import NominationReview


@dataclass(frozen=True)
class ReviewState:
    status: str  # the status to show
    reason: str
    changed_since_review: bool  # "đã sửa sau thẩm định"


def latest_reviews(session: Session, nomination_ids: Iterable[str]) -> dict[str, NominationReview]:
    ids = list(nomination_ids)
    if not ids:
        return {}
    rows = session.scalars(select(NominationReview).where(NominationReview.nomination_id.in_(ids),
                                                          NominationReview.deleted.is_(False))
                           .order_by(NominationReview.clock, NominationReview.reviewed_at)).all()
    latest: dict[str, NominationReview] = {}
    for row in rows:
        latest[row.nomination_id] = row  # ordered oldest first, so the last one wins
    return latest


def effective_state(nomination: Nomination, review: NominationReview | None) -> ReviewState:
    """A submitted dossier shows the province's latest verdict on it; an edit the commune made
    after that review is flagged, and the commune's own later moves (e.g. back to draft) count."""
    if review is None:
        return ReviewState(nomination.status, nomination.status_reason, False)
    reviewed = (review.reviewed_epoch, review.reviewed_version)
    current = (nomination.origin_epoch, nomination.version)
    if nomination.status == "submitted" and reviewed == current:
        return ReviewState(review.status, review.reason, False)
    return ReviewState(nomination.status, nomination.status_reason, current > reviewed)
