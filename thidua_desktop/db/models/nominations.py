"""Nomination batches, nominations with their dossier and history, the council and decisions."""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import JSON, Date, DateTime, Float, ForeignKey, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from .base import Base, Synced, utcnow
from .register import SubjectRef


class NominationBatch(Synced, Base):
    __tablename__ = "nomination_batches"
    name: Mapped[str] = mapped_column(String(300))
    year: Mapped[int] = mapped_column(Integer, index=True)
    kind: Mapped[str] = mapped_column(String(16), default="annual")
    movement_id: Mapped[str | None] = mapped_column(ForeignKey("movements.id"), nullable=True)
    deadline: Mapped[date | None] = mapped_column(Date, nullable=True)
    notes: Mapped[str] = mapped_column(Text, default="")


class Nomination(SubjectRef, Synced, Base):
    __tablename__ = "nominations"
    batch_id: Mapped[str] = mapped_column(ForeignKey("nomination_batches.id"), index=True)
    award_code: Mapped[str] = mapped_column(String(40), index=True)
    commendation_kind: Mapped[str] = mapped_column(String(16), default="regular")
    achievement_summary: Mapped[str] = mapped_column(Text, default="")
    status: Mapped[str] = mapped_column(String(16), default="draft", index=True)
    status_reason: Mapped[str] = mapped_column(Text, default="")
    # Snapshot of the last evaluation (Decision.to_dict()), and the officer's attestations.
    eligibility: Mapped[dict | None] = mapped_column(JSON, nullable=True)
    attested: Mapped[list] = mapped_column(default=list)
    initiative_ids: Mapped[list] = mapped_column(default=list)
    created_on: Mapped[date | None] = mapped_column(Date, nullable=True)


class NominationDocument(Synced, Base):
    """One line of the dossier checklist, with the attached file when there is one."""

    __tablename__ = "nomination_documents"
    nomination_id: Mapped[str] = mapped_column(ForeignKey("nominations.id"), index=True)
    item_code: Mapped[str] = mapped_column(String(40))
    provided: Mapped[bool] = mapped_column(default=False)
    attachment_id: Mapped[str | None] = mapped_column(ForeignKey("attachments.id"), nullable=True)


class NominationEvent(Synced, Base):
    """A status move of a nomination, kept forever as its history."""

    __tablename__ = "nomination_events"
    nomination_id: Mapped[str] = mapped_column(ForeignKey("nominations.id"), index=True)
    from_status: Mapped[str] = mapped_column(String(16), default="")
    to_status: Mapped[str] = mapped_column(String(16))
    at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)
    actor: Mapped[str] = mapped_column(String(200), default="")
    reason: Mapped[str] = mapped_column(Text, default="")


class CouncilMeeting(Synced, Base):
    __tablename__ = "council_meetings"
    batch_id: Mapped[str | None] = mapped_column(ForeignKey("nomination_batches.id"), nullable=True)
    held_on: Mapped[date] = mapped_column(Date)
    members_total: Mapped[int] = mapped_column(Integer)
    members_present: Mapped[int] = mapped_column(Integer)
    present_member_ids: Mapped[list] = mapped_column(default=list)
    absent_member_ids: Mapped[list] = mapped_column(default=list)
    # Absent members' written votes: {member_id: [nomination ids voted for]}.
    written_votes: Mapped[dict] = mapped_column(JSON, default=dict)
    notes: Mapped[str] = mapped_column(Text, default="")
    started_at: Mapped[str] = mapped_column(String(5), default="")  # "08:30"; "" when not recorded
    # Who took the minutes (the council's secretary by default); None: not recorded.
    secretary_member_id: Mapped[str | None] = mapped_column(ForeignKey("council_members.id"), nullable=True)


class CouncilBallot(Synced, Base):
    """Ballot results for one nominee at one meeting."""

    __tablename__ = "council_ballots"
    meeting_id: Mapped[str] = mapped_column(ForeignKey("council_meetings.id"), index=True)
    nomination_id: Mapped[str] = mapped_column(ForeignKey("nominations.id"), index=True)
    ballots_issued: Mapped[int] = mapped_column(Integer)
    ballots_valid: Mapped[int] = mapped_column(Integer)
    votes_for: Mapped[int] = mapped_column(Integer)
    threshold_pct: Mapped[float] = mapped_column(Float)
    pct_of_all: Mapped[float] = mapped_column(Float)
    pct_of_present: Mapped[float] = mapped_column(Float)
    passed: Mapped[bool] = mapped_column(default=False)
    # Why the council voted although the eligibility check was not met or not complete ("" when it was).
    override_reason: Mapped[str] = mapped_column(Text, default="")


class Decision(Synced, Base):
    """A decision (quyết định khen thưởng): number, date, signer, award and recipients."""

    __tablename__ = "decisions"
    number: Mapped[str] = mapped_column(String(64), index=True)
    decided_on: Mapped[date] = mapped_column(Date)
    signer_name: Mapped[str] = mapped_column(String(200))
    signer_title: Mapped[str] = mapped_column(String(200), default="CHỦ TỊCH")
    award_code: Mapped[str] = mapped_column(String(40))
    level: Mapped[str] = mapped_column(String(16), default="commune")
    batch_id: Mapped[str | None] = mapped_column(ForeignKey("nomination_batches.id"), nullable=True)
    base_salary: Mapped[int | None] = mapped_column(Integer, nullable=True)


class DecisionRecipient(SubjectRef, Synced, Base):
    __tablename__ = "decision_recipients"
    decision_id: Mapped[str] = mapped_column(ForeignKey("decisions.id"), index=True)
    nomination_id: Mapped[str | None] = mapped_column(ForeignKey("nominations.id"), nullable=True)
    reward_amount: Mapped[int | None] = mapped_column(Integer, nullable=True)
