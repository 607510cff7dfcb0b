"""The provincial office's working records of its review (thẩm định): the deadline it sets for each
round of dossiers, the checklist a reviewer ticks item by item, and the reviewers' comments.

Local to the province's database, never synced: they are the officers' work in progress. What the
commune is told travels in the review row itself (``NominationReview``: the verdict, its reason and
a copy of the checklist as it stood), written when a verdict is recorded."""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import Boolean, Date, DateTime, ForeignKey, Integer, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from .base import Base, utcnow


class ReviewDeadline(Base):
    """When the province means to have reviewed one round (đợt) of dossiers. A round is the
    communes' batches of one year and kind, and of one movement for a thematic round
    (``review_queue.round_key``): the communes each open their own batch, the province reviews
    them together."""

    __tablename__ = "review_deadlines"
    round_key: Mapped[str] = mapped_column(String(80), primary_key=True)
    deadline: Mapped[date] = mapped_column(Date)
    changed_by: Mapped[str] = mapped_column(String(200), default="")
    changed_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)


class ReviewChecklistItem(Base):
    """One dossier item of a nomination as a reviewer checked it, with a note. Kept across the
    dossier's versions: the version it was checked on shows when the commune changed it since."""

    __tablename__ = "review_checklist_items"
    __table_args__ = (UniqueConstraint("nomination_id", "item_code"),)
    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    nomination_id: Mapped[str] = mapped_column(ForeignKey("nominations.id"), index=True)
    item_code: Mapped[str] = mapped_column(String(40))
    checked: Mapped[bool] = mapped_column(Boolean, default=False)
    note: Mapped[str] = mapped_column(Text, default="")
    # The dossier's (origin_epoch, version) when the item was last set.
    checked_epoch: Mapped[int] = mapped_column(Integer, default=0)
    checked_version: Mapped[int] = mapped_column(Integer, default=0)
    changed_by: Mapped[str] = mapped_column(String(200), default="")
    changed_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)


class ReviewComment(Base):
    """A reviewer's comment on a dossier, with who wrote it and when. ``review_id``: the verdict
    it was written before (None while no verdict followed it yet)."""

    __tablename__ = "review_comments"
    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    nomination_id: Mapped[str] = mapped_column(ForeignKey("nominations.id"), index=True)
    review_id: Mapped[str | None] = mapped_column(ForeignKey("nomination_reviews.id"), nullable=True, index=True)
    author: Mapped[str] = mapped_column(String(200))  # the actor: an account's "username#id", or the officer
    account_id: Mapped[int | None] = mapped_column(Integer, nullable=True)
    text: Mapped[str] = mapped_column(Text)
    created_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)
