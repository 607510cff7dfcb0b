"""The provincial officer's answers to duplicate findings (services/duplicates.py).

Local to the office, never synced: a commune never sees them (a nomination returned as a
duplicate reaches it as an ordinary review row). Findings themselves are not stored: they are
found afresh from the records at every look, and an answer stands while the records it was given
on are unchanged (``fingerprint``, a hash of their ids and versions)."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import JSON, DateTime, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from .base import UUID, Base, utcnow


class DuplicateResolution(Base):
    """One answer. Answers are never changed or deleted: a finding that comes back (its records
    changed) and is answered again gets a new row, so the history of answers stays readable."""

    __tablename__ = "duplicate_resolutions"
    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    finding_key: Mapped[str] = mapped_column(String(120), index=True)  # kind and the two record ids
    # The two people, in either order: "different people" answers every finding about them.
    pair_key: Mapped[str] = mapped_column(String(120), index=True)
    kind: Mapped[str] = mapped_column(String(24))  # same_person | same_achievement | history_conflict
    fingerprint: Mapped[str] = mapped_column(String(64))  # every record the finding rested on
    person_fingerprint: Mapped[str] = mapped_column(String(64))  # the two people's records only
    # different_people | keep_both | return_nomination | link_person
    choice: Mapped[str] = mapped_column(String(24))
    reason: Mapped[str] = mapped_column(Text)
    # The records the answer was given on, [[table, id, epoch, version], …], and each side's person
    # id and commune code: ids and codes only, never a name or a CCCD.
    records: Mapped[list] = mapped_column(JSON, default=list)
    sides: Mapped[dict] = mapped_column(JSON, default=dict)
    nomination_id: Mapped[str | None] = mapped_column(UUID, nullable=True)  # the one returned
    review_id: Mapped[str | None] = mapped_column(UUID, nullable=True)  # the review row that returned it
    person_id: Mapped[str | None] = mapped_column(UUID, nullable=True)  # linked: the person already held
    linked_row_id: Mapped[str | None] = mapped_column(String(64), nullable=True)  # linked: the held-back record
    resolved_by: Mapped[str] = mapped_column(String(200), default="")
    resolved_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)
