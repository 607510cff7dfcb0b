"""What the nomination service hands to screens, the CLI and documents: plain records, no database."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime

from ..domain.text import clean_text
from ..rules import Catalog, Decision, Outcome, Reason
from ..rules.explain import explain_decision, explain_reason


@dataclass(frozen=True)
class NominationView:
    id: str
    batch_id: str
    award_code: str
    award_name: str
    commendation_kind: str
    status: str
    status_reason: str
    nominee_name: str
    person_id: str | None
    collective_id: str | None
    achievement_summary: str
    eligibility_outcome: str | None
    changed_since_review: bool = False  # "đã sửa sau thẩm định"
    # (origin_epoch, version) when read, for ``transition(expected=...)`` (services/record_tokens.py).
    token: tuple[int, int] = (0, 0)

    def to_json(self) -> dict[str, object]:
        return {"id": self.id, "status": self.status, "nominee_name": self.nominee_name,
                "changed_since_review": self.changed_since_review,
                "award_code": self.award_code, "award_name": self.award_name, "batch_id": self.batch_id,
                "commendation_kind": self.commendation_kind, "person_id": self.person_id,
                "collective_id": self.collective_id, "status_reason": self.status_reason,
                "eligibility": self.eligibility_outcome}


@dataclass(frozen=True)
class BatchView:
    id: str
    name: str
    year: int
    kind: str
    deadline: date | None


@dataclass(frozen=True)
class NomineeOption:
    """A person, collective or household that can be picked as a nominee."""

    id: str
    is_person: bool
    name: str
    detail: str  # position and village, or the kind of collective
    is_woman: bool | None


@dataclass
class NomineeDraft:
    """One nominee as the wizard collects it; saved by ``create_many``."""

    person_id: str | None = None
    collective_id: str | None = None
    achievement_summary: str = ""
    attested: list[str] = field(default_factory=list)
    provided: list[str] = field(default_factory=list)  # dossier item codes ticked off
    files: dict[str, list[str]] = field(default_factory=dict)  # dossier item code -> file paths
    initiative_ids: list[str] = field(default_factory=list)

    @property
    def subject_id(self) -> str:
        return self.person_id or self.collective_id or ""


@dataclass(frozen=True)
class CandidatePreview:
    """Eligibility of a nominee not saved yet; ``preferred`` is the legal preference for women
    (Decree 152/2025 Art. 4(6)) used when candidates are equally qualified."""

    subject_id: str
    name: str
    decision: Decision
    preferred: bool


@dataclass(frozen=True)
class DocumentView:
    item_code: str
    name_vi: str
    name_en: str
    required: bool
    provided: bool
    files: list[str]


@dataclass(frozen=True)
class ReviewNote:
    """One dossier item as the province's reviewer left it: ticked or not, with the note."""

    item_code: str
    name_vi: str
    name_en: str
    checked: bool
    note: str


@dataclass(frozen=True)
class ProvinceReview:
    """The province's latest verdict on a dossier as the commune received it in a bundle: the
    reason it gave and the checklist items it found wanting or wrote a note on."""

    status: str  # approved | returned | rejected
    reason: str
    reviewed_at: datetime
    changed_since: bool  # the commune changed the dossier after this review (e.g. to resubmit it)
    notes: list[ReviewNote] = field(default_factory=list)


# The check's results in words, for screens that show them (rules/explain.py words each criterion).
def reason_text(reason: Reason, lang: str, catalog: Catalog) -> str:
    """One criterion's result as a sentence, award names from ``catalog``."""
    return explain_reason(reason, lang, catalog)


def decision_lines(decision: Decision, lang: str = "vi", unverified_mark: str | None = None) -> list[str]:
    """The overall outcome, then one line per criterion; ``unverified_mark`` marks a rule whose
    source is not verified (the screen explains its mark in a legend)."""
    return explain_decision(decision, lang, unverified_mark=unverified_mark)


def unmet_reasons(check: Decision | None, catalog: Catalog, lang: str = "vi") -> list[str]:
    """The criteria not met, then those not known yet, one sentence each (none without a check)."""
    if check is None:
        return []
    reasons = [r for r in check.reasons if r.outcome in (Outcome.FAIL, Outcome.UNKNOWN)]
    reasons.sort(key=lambda r: r.outcome is not Outcome.FAIL)
    return [explain_reason(r, lang, catalog) for r in reasons]


def review_notes(names: dict[str, tuple[str, str]], checklist: list[object]) -> list[ReviewNote]:
    """The checklist items with a note, and the unticked ones when the reviewer used the checklist
    at all (an untouched checklist says nothing about the dossier). ``names``: item code -> its
    Vietnamese and English names in this office's catalog."""
    items = [i for i in checklist if isinstance(i, dict) and i.get("code")]
    used = any(bool(i.get("checked")) for i in items)
    out = []
    for item in items:
        code, checked, note = str(item["code"]), bool(item.get("checked")), clean_text(str(item.get("note") or ""))
        if note or (used and not checked):
            name_vi, name_en = names.get(code, (code, code))
            out.append(ReviewNote(code, name_vi, name_en, checked, note))
    return out
