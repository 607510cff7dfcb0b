"""What the Trùng lặp screen shows of a duplicate finding: both sides whole (commune, record,
field by field), the nominations and award records it rests on, and which answers it allows.
Built from what services/duplicates.py read; no database, no Qt, no sentences (codes and values:
the screen words them)."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any

from ..domain.text import nfc
from ..rules.duplicates import AwardRecord, Finding, FindingKind, NominationRecord, PersonRecord

# The answers an officer can give (stored codes).
DIFFERENT_PEOPLE = "different_people"  # not a duplicate: not flagged again while the two records stay as they are
KEEP_BOTH = "keep_both"  # the same person: both nominations stay, the finding is noted
RETURN_NOMINATION = "return_nomination"  # the same person: one nomination goes back to its commune (a review)
LINK_PERSON = "link_person"  # a held-back record is the person already held: linked, and applied if it can be
CHOICES = (DIFFERENT_PEOPLE, KEEP_BOTH, RETURN_NOMINATION, LINK_PERSON)
# Where a returned dossier may come from: the province's review state machine (services/reviews.py).
RETURNABLE = frozenset({"submitted", "received", "in_review"})
# A person's fields shown side by side, in this order.
PERSON_FIELDS = ("full_name", "cccd", "birth_date", "gender", "ethnicity", "village", "position", "workplace")


@dataclass(frozen=True)
class PersonDetail:
    """A person's values as shown (dates as dd/mm/yyyy, the ethnic group by its official name)."""

    values: Mapping[str, str]
    held_back: str = ""  # "" when applied, else the quarantine's reason code


@dataclass(frozen=True)
class SideView:
    person_id: str
    commune_code: str
    commune_name: str
    held_back: str  # "" when the province holds the record, else why the sync quarantine holds it back
    values: Mapping[str, str]


@dataclass(frozen=True)
class FieldRow:
    name: str  # a PERSON_FIELDS code
    a: str
    b: str

    @property
    def differs(self) -> bool:
        # NFC first: the same name typed in another Unicode form looks the same and is the same.
        return nfc(self.a) != nfc(self.b)


@dataclass(frozen=True)
class NominationLine:
    id: str
    side: str  # "a" or "b"
    commune_code: str
    award_code: str
    award_name: str
    year: int | None
    batch: str
    status: str  # as the province shows it
    held_back: str

    @property
    def returnable(self) -> bool:
        return not self.held_back and self.status in RETURNABLE


@dataclass(frozen=True)
class AwardLine:
    """One award (and year) the two histories disagree on; ``a``/``b`` are that side's values
    (None: the side does not record it), ``fields`` the values that differ."""

    code: str  # a rules.duplicates.Difference
    award_code: str
    award_name: str
    year: int
    a: Mapping[str, str] | None
    b: Mapping[str, str] | None
    fields: tuple[str, ...] = ()


@dataclass(frozen=True)
class FindingView:
    key: str
    kind: str  # a rules.duplicates.FindingKind
    reason: str  # a rules.duplicates.MatchReason: what says it is one person
    exact_name: bool  # the names are the same text, not only the same without accents
    fingerprint: str  # give it back with the answer: a finding whose records changed meanwhile is refused
    a: SideView
    b: SideView
    fields: list[FieldRow]
    nominations: list[NominationLine]
    awards: list[AwardLine]
    award_code: str = ""
    award_name: str = ""
    award_short: str = ""  # the award's short form (LĐTT, CSTĐCS …), for a list
    year: int | None = None
    other_year: int | None = None
    choices: tuple[str, ...] = field(default_factory=tuple)

    @property
    def person_name(self) -> str:
        return self.a.values.get("full_name", "") or self.b.values.get("full_name", "")

    @property
    def communes(self) -> tuple[str, ...]:
        """The communes involved, each once (one commune nominating its own person twice: one)."""
        names = [self.a.commune_name or self.a.commune_code, self.b.commune_name or self.b.commune_code]
        return tuple(dict.fromkeys(names))

    @property
    def commune_codes(self) -> tuple[str, ...]:
        return tuple(dict.fromkeys((self.a.commune_code, self.b.commune_code)))


@dataclass(frozen=True)
class ResolutionView:
    id: int
    finding_key: str
    kind: str
    choice: str
    reason: str
    resolved_by: str
    resolved_at: datetime
    commune_codes: tuple[str, ...]
    nomination_id: str | None = None
    person_id: str | None = None
    linked_row_id: str | None = None
    still_held_back: bool = False  # link_person: the held-back record could not be applied yet


@dataclass
class Detected:
    """Everything one look found: the records the rules compared and the findings among them."""

    people: dict[str, PersonRecord]
    details: dict[str, PersonDetail]
    nominations: dict[str, NominationRecord]
    batch_names: dict[str, str]  # nomination id -> its batch's name
    awards: dict[str, AwardRecord]
    offices: dict[str, tuple[str, str]]  # node -> (code, name)
    findings: list[Finding]

    def commune(self, node: str) -> tuple[str, str]:
        return self.offices.get(node, (node[:8], ""))


def day(value: date | None) -> str:
    return value.strftime("%d/%m/%Y") if value else ""


def _award_values(award: AwardRecord) -> dict[str, str]:
    values = {name: "" if value is None else day(value) if isinstance(value, date) else str(value)
              for name, value in award.values.items()}
    values["title"] = award.title
    values["held_back"] = award.held_back
    return values


def build_view(found: Detected, finding: Finding, award_name: Callable[[str, str], str],
               award_short: Callable[[str], str] | None = None) -> FindingView:
    """The finding as the screen shows it. ``award_name(code, title)``: the award's name;
    ``award_short(code)``: its short form (default: the name)."""
    def side(person_id: str) -> SideView:
        person = found.people[person_id]
        code, name = found.commune(person.node)
        detail = found.details[person_id]
        return SideView(person_id, code, name, person.held_back, detail.values)

    a, b = side(finding.a), side(finding.b)
    fields = [FieldRow(name, a.values.get(name, ""), b.values.get(name, "")) for name in PERSON_FIELDS]
    lines = []
    for index, nomination_id in enumerate(finding.nominations):
        nomination = found.nominations[nomination_id]
        # One person nominated twice: the first nomination is side a's, the second side b's.
        mine = index == 0 if finding.a == finding.b else nomination.person_id == finding.a
        where = "a" if mine else "b"
        lines.append(NominationLine(nomination.id, where, found.commune(nomination.node)[0], nomination.award_code,
                                    award_name(nomination.award_code, ""), nomination.year,
                                    found.batch_names.get(nomination.id, ""), nomination.status,
                                    nomination.held_back))
    awards = []
    for difference in finding.differences:
        first = found.awards.get(difference.a_award or "")
        second = found.awards.get(difference.b_award or "")
        either = first or second
        title = either.title if either is not None else ""
        awards.append(AwardLine(difference.code.value, difference.award_code, award_name(difference.award_code, title),
                                difference.year, _award_values(first) if first else None,
                                _award_values(second) if second else None, difference.fields))
    return FindingView(
        key=finding.key, kind=finding.kind.value, reason=finding.identity.reason.value,
        exact_name=finding.identity.exact_name, fingerprint=finding.fingerprint, a=a, b=b, fields=fields,
        nominations=lines, awards=awards, award_code=finding.award_code,
        award_name=award_name(finding.award_code, "") if finding.award_code else "",
        award_short=(award_short or (lambda code: award_name(code, "")))(finding.award_code) if finding.award_code
        else "", year=finding.year,
        other_year=finding.other_year, choices=choices_for(finding, a, b, lines))


def choices_for(finding: Finding, a: SideView, b: SideView, lines: list[NominationLine]) -> tuple[str, ...]:
    """The answers this finding allows: "different people" needs two records; a return needs a
    nomination the province holds in a state it may return; a link needs one side held back."""
    out = []
    if finding.a != finding.b:
        out.append(DIFFERENT_PEOPLE)
    out.append(KEEP_BOTH)
    if finding.kind is not FindingKind.HISTORY_CONFLICT and any(line.returnable for line in lines):
        out.append(RETURN_NOMINATION)
    if bool(a.held_back) != bool(b.held_back):
        out.append(LINK_PERSON)
    return tuple(out)


def person_detail(record: PersonRecord, raw: Mapping[str, Any], village: str, ethnicity: str) -> PersonDetail:
    """``raw``: the person's columns (a row's or a held-back record's), for the values the rules do not use."""
    birth = day(record.birth_date) if record.birth_date else str(raw.get("birth_year") or "")
    values = {"full_name": record.full_name, "cccd": record.cccd or "", "birth_date": birth,
              "gender": str(raw.get("gender") or ""), "ethnicity": ethnicity, "village": village,
              "position": str(raw.get("position") or ""), "workplace": str(raw.get("workplace") or "")}
    return PersonDetail(values, record.held_back)

