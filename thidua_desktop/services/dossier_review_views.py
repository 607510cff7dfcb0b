"""What the province's review of one dossier hands to its screen and to tests: plain records,
worded already where a sentence is needed (the criteria), no database and no Qt. Times are the
computer's local time (the rows keep UTC)."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime

# The outcomes a reviewer records from the dossier screen.
VERDICTS = ("approved", "returned", "rejected")


@dataclass(frozen=True)
class DossierFile:
    attachment_id: str
    file_name: str
    size: int


@dataclass(frozen=True)
class ChecklistLine:
    """One dossier item the award requires (or accepts), as the commune sent it and as the
    reviewer checked it. ``stale``: checked on an earlier version of the dossier."""

    code: str
    name: str
    required: bool
    provided: bool  # the commune ticked it, or attached a file
    files: tuple[DossierFile, ...]
    checked: bool
    note: str
    checked_by: str
    checked_at: datetime | None
    stale: bool


@dataclass(frozen=True)
class CriterionLine:
    outcome: str  # pass | fail | unknown
    text: str  # the criterion's result as a sentence (rules/explain.py)
    verified: bool  # its legal basis was checked against the original text
    added_by_review: bool  # a check the province adds (one achievement awarded once)
    children: tuple[CriterionLine, ...] = ()


@dataclass(frozen=True)
class HistorySource:
    """One office's register whose records went into the recomputed check. ``matched_by``:
    "nominee" (the dossier's own person or collective) or "cccd" (the same CCCD elsewhere)."""

    unit_code: str
    unit_name: str
    matched_by: str
    person_name: str
    awards: tuple[str, ...]  # "Lao động tiên tiến 2026 (QĐ số 12/QĐ-UBND)"
    ratings: int
    disciplines: int
    pending: int


@dataclass(frozen=True)
class Eligibility:
    """The check recomputed at the province: its catalog, and every office's records of the nominee.
    ``match``: "cccd" (matched by CCCD), "no_cccd" (no CCCD: the nominating commune's records only),
    "collective" (a collective or household is one commune's own)."""

    outcome: str  # eligible | not_eligible | incomplete | unknown_award
    criteria: tuple[CriterionLine, ...]
    sources: tuple[HistorySource, ...]
    match: str
    commune_outcome: str | None  # what the commune's own check said when it last ran
    as_of: date
    catalog_version: str


@dataclass(frozen=True)
class CommentView:
    id: int
    author: str
    text: str
    created_at: datetime
    verdict: str | None  # the verdict it preceded; None: written since the last one


@dataclass(frozen=True)
class ReviewLine:
    status: str
    reason: str
    reviewed_version: int
    at: datetime
    checklist: tuple[dict[str, object], ...]


@dataclass(frozen=True)
class PrintableDocument:
    kind: str  # services/document_kinds.py
    target_id: str
    title_vi: str


@dataclass(frozen=True)
class DossierReview:
    nomination_id: str
    nominee_name: str
    unit_code: str
    unit_name: str
    award_code: str
    award_name: str
    commendation_kind: str
    year: int
    batch_name: str
    achievement_summary: str
    status: str  # as the queue shows it
    reason: str
    version: int
    reviewed_version: int | None  # the version the latest review looked at
    changed_since_review: bool
    with_commune: bool  # returned, and the commune took it back to correct
    eligibility: Eligibility
    checklist: tuple[ChecklistLine, ...]
    comments: tuple[CommentView, ...]
    reviews: tuple[ReviewLine, ...]
    documents: tuple[PrintableDocument, ...]
    allowed: tuple[str, ...] = field(default_factory=tuple)  # the verdicts the state machine allows now
