"""Queries behind the province's review of one dossier (services/dossier_review.py): the commune
that sent it, the same person on other communes' registers, the files the commune attached, the
reviewer's checklist and comments, and the reviews so far. Nothing here commits."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from ...domain.enums import Role
from ...domain.errors import NotFoundError
from ..models import (
    AdminUnit,
    Attachment,
    CouncilBallot,
    Nomination,
    NominationDocument,
    Person,
    ReviewChecklistItem,
    ReviewComment,
    utcnow,
)
from ..models.sync import NominationReview, SyncPeer
from .common import live


@dataclass(frozen=True)
class Unit:
    code: str
    name: str


def unit_of_node(session: Session, node: str) -> Unit | None:
    """The enrolled commune whose office writes as ``node`` (named as enrolled, else by the
    administrative list); None for a node no enrolled commune has."""
    stmt = (select(SyncPeer.unit_code, SyncPeer.unit_name, AdminUnit.name)
            .outerjoin(AdminUnit, AdminUnit.code == SyncPeer.unit_code)
            .where(SyncPeer.node_id == node, SyncPeer.role == Role.COMMUNE.value))
    row = session.execute(stmt).first()
    if row is None:
        return None
    code, name, listed = row
    return Unit(code, name or listed or code)


def same_cccd(session: Session, person: Person) -> list[Person]:
    """The other live people, on any office's register, with the person's CCCD (none without one)."""
    if not person.cccd:
        return []
    return list(session.scalars(live(Person).where(Person.cccd == person.cccd, Person.id != person.id)
                                .order_by(Person.origin_node, Person.id)).all())


# The files the commune attached to its dossier ---------------------------------------------------
def dossier_lines(session: Session, nomination_id: str) -> dict[str, NominationDocument]:
    return {d.item_code: d for d in session.scalars(live(NominationDocument).where(
        NominationDocument.nomination_id == nomination_id)).all()}


def files_of(session: Session, document_ids: Sequence[str]) -> dict[str, list[Attachment]]:
    """Per dossier line: its live attached files, oldest first."""
    if not document_ids:
        return {}
    out: dict[str, list[Attachment]] = {}
    for row in session.scalars(live(Attachment).where(Attachment.owner_table == "nomination_documents",
                                                      Attachment.owner_id.in_(list(document_ids)))
                               .order_by(Attachment.updated_at, Attachment.id)).all():
        out.setdefault(row.owner_id, []).append(row)
    return out


def dossier_file(session: Session, nomination_id: str, attachment_id: str) -> Attachment:
    """One file of this dossier; NOT_FOUND for a file of another record."""
    row = session.get(Attachment, attachment_id)
    line = session.get(NominationDocument, row.owner_id) if row is not None else None
    if (row is None or row.deleted or row.owner_table != "nomination_documents" or line is None
            or line.nomination_id != nomination_id):
        raise NotFoundError("NOT_FOUND", field="attachment", table="attachments", id=attachment_id)
    return row


def voted_meetings(session: Session, nomination_id: str) -> list[str]:
    """The council meetings that voted on the dossier (their minutes and ballots belong to it)."""
    return list(dict.fromkeys(session.scalars(select(CouncilBallot.meeting_id).where(
        CouncilBallot.nomination_id == nomination_id, CouncilBallot.deleted.is_(False))
        .order_by(CouncilBallot.meeting_id)).all()))


# The reviewer's checklist and comments -----------------------------------------------------------
def checklist(session: Session, nomination_id: str) -> dict[str, ReviewChecklistItem]:
    return {row.item_code: row for row in session.scalars(select(ReviewChecklistItem).where(
        ReviewChecklistItem.nomination_id == nomination_id))}


def set_checklist_item(session: Session, nomination: Nomination, item_code: str, checked: bool, note: str,
                       actor: str) -> ReviewChecklistItem:
    row = session.scalars(select(ReviewChecklistItem).where(ReviewChecklistItem.nomination_id == nomination.id,
                                                            ReviewChecklistItem.item_code == item_code)).first()
    if row is None:
        row = ReviewChecklistItem(nomination_id=nomination.id, item_code=item_code)
        session.add(row)
    row.checked, row.note = checked, note
    row.checked_epoch, row.checked_version = nomination.origin_epoch, nomination.version
    row.changed_by, row.changed_at = actor, utcnow()
    return row


def comments(session: Session, nomination_id: str) -> list[tuple[ReviewComment, str | None]]:
    """The dossier's comments, oldest first, each with the status of the verdict it preceded."""
    stmt = (select(ReviewComment, NominationReview.status)
            .outerjoin(NominationReview, NominationReview.id == ReviewComment.review_id)
            .where(ReviewComment.nomination_id == nomination_id)
            .order_by(ReviewComment.created_at, ReviewComment.id))
    return [(comment, status) for comment, status in session.execute(stmt).all()]


def add_comment(session: Session, nomination_id: str, text: str, author: str, account_id: int | None) -> None:
    session.add(ReviewComment(nomination_id=nomination_id, text=text, author=author, account_id=account_id))


def attach_open_comments(session: Session, nomination_id: str, review_id: str) -> int:
    """The comments written since the last verdict go with this one."""
    rows = session.scalars(select(ReviewComment).where(ReviewComment.nomination_id == nomination_id,
                                                       ReviewComment.review_id.is_(None))).all()
    for row in rows:
        row.review_id = review_id
    return len(rows)


def reviews(session: Session, nomination_id: str) -> list[NominationReview]:
    """The province's reviews of the dossier, oldest first (the order ``latest_reviews`` uses)."""
    return list(session.scalars(live(NominationReview).where(NominationReview.nomination_id == nomination_id)
                                .order_by(NominationReview.clock, NominationReview.reviewed_at)).all())
