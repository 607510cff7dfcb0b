"""What the rules return: reason codes with evidence, never sentences (see ``explain.py``)."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date
from enum import StrEnum
from typing import Any


class Outcome(StrEnum):
    """Outcome of one criterion."""

    PASS = "pass"
    FAIL = "fail"
    UNKNOWN = "unknown"  # data missing or an officer's attestation needed


class DecisionOutcome(StrEnum):
    ELIGIBLE = "eligible"
    NOT_ELIGIBLE = "not_eligible"
    INCOMPLETE = "incomplete"  # nothing failed, but something is unknown or needs attestation


@dataclass(frozen=True)
class Reason:
    """The result of one criterion. ``evidence`` holds exactly the data the check used and is
    JSON-serialisable (dates as ISO strings)."""

    criterion_id: str
    check: str
    outcome: Outcome
    code: str
    evidence: Mapping[str, Any] = field(default_factory=dict)
    verified: bool = False  # the criterion's source has confidence H
    children: tuple[Reason, ...] = ()
    label_vi: str = ""
    label_en: str = ""

    @property
    def passed(self) -> bool:
        return self.outcome is Outcome.PASS

    def to_dict(self) -> dict[str, Any]:
        data: dict[str, Any] = {
            "criterion_id": self.criterion_id,
            "check": self.check,
            "outcome": self.outcome.value,
            "code": self.code,
            "evidence": dict(self.evidence),
            "verified": self.verified,
            "label_vi": self.label_vi,
            "label_en": self.label_en,
        }
        if self.children:
            data["children"] = [c.to_dict() for c in self.children]
        return data


def combine(outcomes: list[Outcome] | tuple[Outcome, ...]) -> Outcome:
    """All must pass: any failure fails, otherwise any unknown is unknown."""
    if Outcome.FAIL in outcomes:
        return Outcome.FAIL
    if Outcome.UNKNOWN in outcomes:
        return Outcome.UNKNOWN
    return Outcome.PASS


@dataclass(frozen=True)
class Decision:
    award_code: str
    outcome: DecisionOutcome
    reasons: tuple[Reason, ...]  # one per top-level criterion
    year: int
    as_of: date

    @property
    def eligible(self) -> bool:
        return self.outcome is DecisionOutcome.ELIGIBLE

    @property
    def failed(self) -> tuple[Reason, ...]:
        return tuple(r for r in self.reasons if r.outcome is Outcome.FAIL)

    @property
    def unknown(self) -> tuple[Reason, ...]:
        return tuple(r for r in self.reasons if r.outcome is Outcome.UNKNOWN)

    @property
    def verified(self) -> bool:
        """True only when every criterion rests on a confidence-H source."""
        return all(r.verified for r in self.reasons)

    def to_dict(self) -> dict[str, Any]:
        return {
            "award_code": self.award_code,
            "year": self.year,
            "as_of": self.as_of.isoformat(),
            "outcome": self.outcome.value,
            "eligible": self.eligible,
            "verified": self.verified,
            "reasons": [r.to_dict() for r in self.reasons],
        }


# Every reason code a check may return. Stable: stored with nominations and shown in reports.
REASON_CODES: frozenset[str] = frozenset({
    "RATING_OK", "RATING_TOO_LOW", "RATING_MISSING",
    "TITLE_STREAK_OK", "TITLE_STREAK_SHORT",
    "INITIATIVE_OK", "INITIATIVE_MISSING", "INITIATIVE_ALREADY_USED",
    "DISCIPLINE_NONE", "DISCIPLINE_IN_PERIOD", "DISCIPLINE_END_UNKNOWN",
    "PENDING_NONE", "PENDING_MATTER_OPEN",
    "MONTHS_WORKED_OK", "MONTHS_WORKED_SHORT", "EMPLOYMENT_START_UNKNOWN",
    "MEMBER_SHARE_OK", "MEMBER_SHARE_LOW",
    "MEMBERS_ALL_COMPLETED", "MEMBERS_NOT_ALL_COMPLETED", "MEMBER_RATING_MISSING",
    "MEMBER_TITLE_OK", "MEMBER_TITLE_MISSING",
    "MEMBERS_NOT_DISCIPLINED", "MEMBER_DISCIPLINED",
    "MEMBERS_UNKNOWN",
    "ATTESTED", "NEEDS_ATTESTATION", "NOT_ATTESTED",
    "ONE_OF_OK", "ONE_OF_UNKNOWN", "ONE_OF_NONE",
    "ALL_OF_OK", "ALL_OF_UNKNOWN", "ALL_OF_FAILED",
    "SUBJECT_TYPE_MISMATCH",
    "AWARD_ALREADY_RECEIVED", "AWARD_NOT_YET_RECEIVED",  # rules/repeat.py (the province's review)
})
