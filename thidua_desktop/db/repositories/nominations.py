"""Queries over nominations and their history, the dossier, council meetings and decisions."""

from __future__ import annotations

from collections.abc import Sequence

from sqlalchemy import Select, func, select
from sqlalchemy.orm import Session

from ...domain.errors import NotFoundError
from ..models import (
    Attachment,
    AwardHistory,
    Collective,
    CouncilBallot,
    CouncilMeeting,
    Decision,
    DecisionRecipient,
    Initiative,
    Nomination,
    NominationDocument,
    NominationEvent,
    Office,
    Person,
    TaskRating,
    Village,
)
from ..models.sync import NominationReview
from .common import like_key, live


def nominations_query(status: str | None = None, batch_id: str | None = None,
                      award_code: str | None = None, search_key: str = "") -> Select[Nomination]:
    """Live nominations; ``search_key`` (already folded: no accents, đ = d) keeps those whose
    nominee's stored search key holds every word of it."""
    stmt = live(Nomination)
    for word in search_key.split():
        pattern = like_key(word)
        stmt = stmt.where(
            Nomination.person_id.in_(select(Person.id).where(Person.search_key.like(pattern, escape="\\")))
            | Nomination.collective_id.in_(select(Collective.id).where(
                Collective.search_key.like(pattern, escape="\\"))))
    if status:
        stmt = stmt.where(Nomination.status == status)
    if batch_id:
        stmt = stmt.where(Nomination.batch_id == batch_id)
    if award_code:
        stmt = stmt.where(Nomination.award_code == award_code)
    return stmt.order_by(Nomination.award_code, Nomination.created_on, Nomination.id)


def nominations(session: Session, status: str | None, batch_id: str | None, offset: int,
                limit: int) -> Sequence[Nomination]:
    stmt = nominations_query(status, batch_id)
    return session.scalars(stmt.offset(offset).limit(limit)).all()


def events(session: Session, nomination_id: str) -> Sequence[NominationEvent]:
    return session.scalars(live(NominationEvent).where(NominationEvent.nomination_id == nomination_id)
                           .order_by(NominationEvent.at, NominationEvent.version)).all()


def latest_verdict(session: Session, nomination_id: str) -> NominationReview | None:
    """The province's latest verdict on a dossier (approved, returned, rejected): the later
    "received" marks of a resubmission do not hide why it was returned."""
    return session.scalars(select(NominationReview).where(
        NominationReview.nomination_id == nomination_id, NominationReview.deleted.is_(False),
        NominationReview.status.in_(("approved", "returned", "rejected")))
        .order_by(NominationReview.clock.desc(), NominationReview.reviewed_at.desc())).first()


def count_in_batch(session: Session, batch_id: str, award_code: str) -> int:
    stmt = select(func.count()).select_from(Nomination).where(
        Nomination.batch_id == batch_id, Nomination.award_code == award_code, Nomination.deleted.is_(False),
        Nomination.status != "rejected")
    return int(session.scalar(stmt) or 0)


def count(session: Session, status: str | None) -> int:
    stmt = select(func.count()).select_from(Nomination).where(Nomination.deleted.is_(False))
    if status:
        stmt = stmt.where(Nomination.status == status)
    return int(session.scalar(stmt) or 0)


def existing_nominee(session: Session, batch_id: str, award_code: str, person_id: str | None,
                     collective_id: str | None) -> Nomination | None:
    """A live, not rejected nomination of the same nominee for the same award in the batch."""
    stmt = live(Nomination).where(Nomination.batch_id == batch_id, Nomination.award_code == award_code,
                                  Nomination.status != "rejected")
    if person_id:
        stmt = stmt.where(Nomination.person_id == person_id)
    else:
        stmt = stmt.where(Nomination.collective_id == collective_id)
    return session.scalars(stmt).first()


def documents(session: Session, nomination_id: str) -> Sequence[NominationDocument]:
    return session.scalars(live(NominationDocument).where(NominationDocument.nomination_id == nomination_id)
                           .order_by(NominationDocument.id)).all()


def document(session: Session, nomination_id: str, item_code: str) -> NominationDocument | None:
    return session.scalars(live(NominationDocument).where(NominationDocument.nomination_id == nomination_id,
                                                          NominationDocument.item_code == item_code)).first()


def collectives_for_nomination(search_key: str, households: bool) -> Select[Collective]:
    """Collectives (households excluded) or households only, matching every word of the search."""
    stmt = live(Collective)
    for word in search_key.split():
        stmt = stmt.where(Collective.search_key.like(like_key(word), escape="\\"))
    stmt = stmt.where(Collective.kind == "household") if households else stmt.where(Collective.kind != "household")
    return stmt.order_by(Collective.sort_key, Collective.id)


# Council --------------------------------------------------------------------------------------
def meetings_query() -> Select[CouncilMeeting]:
    return live(CouncilMeeting).order_by(CouncilMeeting.held_on.desc(), CouncilMeeting.updated_at.desc(),
                                         CouncilMeeting.id)


def ballots(session: Session, meeting_id: str) -> Sequence[CouncilBallot]:
    return session.scalars(live(CouncilBallot).where(CouncilBallot.meeting_id == meeting_id)
                           .order_by(CouncilBallot.id)).all()


def ballot_counts(session: Session, meeting_id: str) -> tuple[int, int]:
    """(ballots recorded, ballots passed) at a meeting."""
    rows = ballots(session, meeting_id)
    return len(rows), sum(1 for b in rows if b.passed)


# Decisions ------------------------------------------------------------------------------------
def decisions_query() -> Select[Decision]:
    """The commune chairmen's decisions; the provincial chairman's (level "province") have their
    own list (repositories/province_decisions.py), and reach a commune as award history."""
    return (live(Decision).where(Decision.level != "province")
            .order_by(Decision.decided_on.desc(), Decision.updated_at.desc(), Decision.id))


def recipients(session: Session, decision_id: str) -> Sequence[DecisionRecipient]:
    return session.scalars(live(DecisionRecipient).where(DecisionRecipient.decision_id == decision_id)
                           .order_by(DecisionRecipient.id)).all()


def award_of_recipient(session: Session, decision: Decision, r: DecisionRecipient) -> AwardHistory | None:
    """The award history row a commune decision wrote for one recipient: linked by the decision's
    id, or (a decision issued before the link was kept) by its number, award and subject."""
    subject = (AwardHistory.person_id == r.person_id) if r.person_id else (AwardHistory.collective_id ==
                                                                          r.collective_id)
    base = live(AwardHistory).where(subject, AwardHistory.award_code == decision.award_code)
    linked = session.scalars(base.where(AwardHistory.decision_id == decision.id)).first()
    if linked is not None:
        return linked
    return session.scalars(base.where(AwardHistory.decision_id.is_(None), AwardHistory.source == "decision",
                                      AwardHistory.decision_number == decision.number)).first()


def initiatives_used_by(session: Session, award_id: str) -> Sequence[Initiative]:
    return session.scalars(live(Initiative).where(Initiative.used_by_award_id == award_id)).all()


# Dossier and summaries ------------------------------------------------------------------------
def link_attachment(session: Session, doc: NominationDocument, file_name: str, sha256: str, size: int,
                    mime_type: str) -> str:
    """An Attachment row owned by the dossier line, which then counts as provided."""
    row = Attachment(sha256=sha256, file_name=file_name, mime_type=mime_type, size=size,
                     owner_table="nomination_documents", owner_id=doc.id, purpose=doc.item_code)
    session.add(row)
    session.flush()
    doc.attachment_id = row.id
    doc.provided = True
    return row.id


def attachment_names(session: Session, doc_id: str) -> list[str]:
    return [a.file_name for a in session.scalars(live(Attachment).where(
        Attachment.owner_table == "nomination_documents", Attachment.owner_id == doc_id)
        .order_by(Attachment.updated_at, Attachment.id)).all()]


def summary_values(session: Session, person_id: str | None, collective_id: str | None,
                   year: int) -> dict[str, str]:
    """Register values an achievement summary mentions: name, position, workplace, village, the
    office's unit name and the task rating code of the year ("" when unknown)."""
    office = session.get(Office, 1)
    values = {"unit": office.unit_name if office else "", "position": "", "workplace": ""}
    subject: Person | Collective | None = (session.get(Person, person_id) if person_id
                                           else session.get(Collective, collective_id))
    if subject is None or subject.deleted:
        raise NotFoundError("NOT_FOUND", field="nominee", id=person_id or collective_id or "")
    if isinstance(subject, Person):
        values.update(name=subject.full_name, position=subject.position, workplace=subject.workplace)
    else:
        values["name"] = subject.name
    village = session.get(Village, subject.village_id) if subject.village_id else None
    values["village"] = village.name if village else ""
    who = TaskRating.person_id == person_id if person_id else TaskRating.collective_id == collective_id
    rating = session.scalars(live(TaskRating).where(who, TaskRating.year == year)).first()
    values["rating"] = rating.rating if rating else ""
    return values


def council_override(session: Session, nomination_id: str) -> str:
    """The reason the council gave when it passed a nominee whose eligibility check was not met ("" if none)."""
    from ..models import CouncilBallot

    reason = session.scalars(select(CouncilBallot.override_reason).where(
        CouncilBallot.nomination_id == nomination_id, CouncilBallot.passed.is_(True),
        CouncilBallot.override_reason != "")).first()
    return reason or ""
