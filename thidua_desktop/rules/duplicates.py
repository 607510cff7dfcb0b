"""The same person twice in the province's database: pure matching, no database, no sentences.

The province holds every commune's people. One human can be registered by two communes (a
worker who moved, a household member counted twice), nominated by both, or nominated twice for
the same achievement; and the two communes can keep different award histories for them. This
module finds those cases in records the service read (applied rows and rows held in the sync
quarantine alike) and returns findings with reason codes and the evidence they rest on; the
screen words them. Nothing here decides which side is right: both sides are always kept.

Identity (``match``), strongest evidence first:
- ``SAME_RECORD``: one person row (a commune nominating its own person twice);
- ``SAME_CCCD``: both records carry the same 12-digit CCCD;
- ``SAME_NAME_BIRTH_ETHNICITY``: at least one CCCD is missing, and the names are equal once
  accents, case and Unicode form are set aside (NFC or NFD, "Hoà" or "Hòa"), the birth dates
  (full dates, not years) are equal, and so are the ethnic groups (both unrecorded counts as
  equal). Two different CCCDs are two people, whatever the name.
"""

from __future__ import annotations

import hashlib
from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date
from enum import StrEnum
from itertools import combinations

from ..domain.text import nfc, search_key


class FindingKind(StrEnum):
    SAME_PERSON = "same_person"  # one human, two communes: nominated by both, or held back at the province
    SAME_ACHIEVEMENT = "same_achievement"  # nominated twice for the same award in the same year or period
    HISTORY_CONFLICT = "history_conflict"  # two communes' award histories of one human disagree


class MatchReason(StrEnum):
    SAME_RECORD = "SAME_RECORD"
    SAME_CCCD = "SAME_CCCD"
    SAME_NAME_BIRTH_ETHNICITY = "SAME_NAME_BIRTH_ETHNICITY"


class Difference(StrEnum):
    AWARD_MISSING = "AWARD_MISSING"  # one side records the award (that year), the other does not
    AWARD_RECORDED_DIFFERENTLY = "AWARD_RECORDED_DIFFERENTLY"  # both record it, with different values


# A nomination counts from the council's vote on (a draft is a commune's own work in progress) until
# it is returned or rejected; a decided one still counts: the award was given on it.
ACTIVE_STATUSES = frozenset({"council_voted", "submitted", "received", "in_review", "approved", "decided"})
OTHER_AWARD = "OTHER"  # a free-text award: told apart by its title
# The values of an award record compared between two communes. Text such as the issuer's name is
# worded differently by every officer ("UBND xã …", "Chủ tịch UBND xã …"): not compared.
AWARD_FIELDS = ("decision_number", "decision_date", "issuing_level", "period_from", "period_to")


@dataclass(frozen=True)
class PersonRecord:
    id: str
    node: str  # the commune that owns (writes) the record
    full_name: str
    birth_date: date | None
    ethnicity_code: str | None
    cccd: str | None
    epoch: int = 0
    version: int = 0
    held_back: str = ""  # "" when applied; else why the sync quarantine holds it (REFERENCE_MISSING …)


@dataclass(frozen=True)
class NominationRecord:
    id: str
    person_id: str
    node: str
    award_code: str
    year: int | None  # the batch's year; None when the batch is not known here
    status: str  # as the province shows it (its own review counts)
    epoch: int = 0
    version: int = 0
    held_back: str = ""


@dataclass(frozen=True)
class AwardRecord:
    id: str
    person_id: str
    node: str  # who wrote it: the commune, or the province for its own decisions
    award_code: str
    year: int
    title: str = ""
    values: Mapping[str, object] = field(default_factory=dict)  # AWARD_FIELDS
    epoch: int = 0
    version: int = 0
    held_back: str = ""


@dataclass(frozen=True)
class Identity:
    reason: MatchReason
    fields: tuple[str, ...]  # the fields the match rests on
    exact_name: bool  # the names are the same text (NFC), not only the same once accents are set aside


@dataclass(frozen=True)
class HistoryDifference:
    code: Difference
    award_key: str  # award code, or OTHER:<title key>
    award_code: str
    year: int
    a_award: str | None  # the award record on each side (None: missing there)
    b_award: str | None
    fields: tuple[str, ...] = ()  # for AWARD_RECORDED_DIFFERENTLY: which values differ


@dataclass(frozen=True)
class Finding:
    kind: FindingKind
    key: str  # stable while the same records are involved: what a resolution is remembered by
    a: str  # person id of each side; equal for SAME_RECORD
    b: str
    identity: Identity
    records: tuple[tuple[str, str, int, int], ...]  # (table, id, epoch, version) of every record it rests on
    nominations: tuple[str, ...] = ()  # the nominations involved, side a's first
    award_code: str = ""
    year: int | None = None
    other_year: int | None = None  # SAME_ACHIEVEMENT within a period: the other nomination's year
    differences: tuple[HistoryDifference, ...] = ()

    @property
    def fingerprint(self) -> str:
        """Changes when any record it rests on changes (a new version, a new or removed record)."""
        return stamp(self.records)

    @property
    def pair(self) -> str:
        return pair_key(self.a, self.b)


def stamp(records: Iterable[tuple[str, str, int, int]]) -> str:
    text = "\n".join(f"{t}|{i}|{e}|{v}" for t, i, e, v in sorted(records))
    return hashlib.sha256(text.encode()).hexdigest()


def _key(kind: FindingKind, first: str, second: str) -> str:
    """A finding's key names its records in either order: releasing a held-back record may swap
    the sides shown, never the finding."""
    low, high = sorted((first, second))
    return f"{kind.value}:{low}:{high}"


def pair_key(a: str, b: str) -> str:
    """The two people of a finding, in either order: what "different people" is remembered by."""
    first, second = sorted((a, b))
    return f"pair:{first}:{second}"


def person_stamp(person: PersonRecord) -> tuple[str, str, int, int]:
    return ("people", person.id, person.epoch, person.version)


def cccd_key(person: PersonRecord) -> str | None:
    digits = "".join(ch for ch in (person.cccd or "") if ch.isdigit())
    return digits or None


def name_key(person: PersonRecord) -> tuple[str, date, str] | None:
    """(name without accents, birth date, ethnic group); None without a full birth date or a name."""
    name = search_key(person.full_name)
    if not name or person.birth_date is None:
        return None
    return name, person.birth_date, (person.ethnicity_code or "").strip()


def match(a: PersonRecord, b: PersonRecord) -> Identity | None:
    """Whether ``a`` and ``b`` are the same person, and on what evidence (None: not shown to be)."""
    exact = nfc(" ".join(a.full_name.split())) == nfc(" ".join(b.full_name.split()))
    if a.id == b.id:
        return Identity(MatchReason.SAME_RECORD, ("id",), True)
    first, second = cccd_key(a), cccd_key(b)
    if first and second:
        return Identity(MatchReason.SAME_CCCD, ("cccd",), exact) if first == second else None
    key = name_key(a)
    if key is not None and key == name_key(b):
        return Identity(MatchReason.SAME_NAME_BIRTH_ETHNICITY, ("full_name", "birth_date", "ethnicity_code"), exact)
    return None


def candidate_pairs(people: Sequence[PersonRecord]) -> list[tuple[PersonRecord, PersonRecord, Identity]]:
    """Every pair of distinct records that ``match``, found through buckets (CCCD, name key), never
    by comparing every record with every other (the province holds a hundred thousand)."""
    buckets: dict[object, list[PersonRecord]] = defaultdict(list)
    for person in people:
        number = cccd_key(person)
        if number:
            buckets[("cccd", number)].append(person)
        key = name_key(person)
        if key is not None:
            buckets[("name", key)].append(person)
    seen: set[tuple[str, str]] = set()
    out = []
    for bucket in buckets.values():
        for first, second in combinations(bucket, 2):
            a, b = _ordered(first, second)
            if a.id == b.id or (a.id, b.id) in seen:
                continue
            seen.add((a.id, b.id))
            identity = match(a, b)
            if identity is not None:
                out.append((a, b, identity))
    return out


def _ordered(first: PersonRecord, second: PersonRecord) -> tuple[PersonRecord, PersonRecord]:
    """Side a is the applied record (the one the province uses), side b the held-back one, then by
    commune and id: the same order at every look, so a finding keeps its key."""
    a, b = sorted((first, second), key=lambda p: (bool(p.held_back), p.node, p.id))
    return a, b


def _award_key(award: AwardRecord) -> str:
    return f"{OTHER_AWARD}:{search_key(award.title)}" if award.award_code == OTHER_AWARD else award.award_code


def _same_period(first: NominationRecord, second: NominationRecord, periods: Mapping[str, int]) -> bool:
    """Same award, and years within one period of the award (1 year: the same year)."""
    if first.award_code != second.award_code or first.year is None or second.year is None:
        return False
    return abs(first.year - second.year) < max(int(periods.get(first.award_code, 1) or 1), 1)


def _nomination_stamp(nomination: NominationRecord) -> tuple[str, str, int, int]:
    return ("nominations", nomination.id, nomination.epoch, nomination.version)


def _award_stamp(award: AwardRecord) -> tuple[str, str, int, int]:
    return ("award_history", award.id, award.epoch, award.version)


def detect(people: Sequence[PersonRecord], nominations: Sequence[NominationRecord], awards: Sequence[AwardRecord],
           periods: Mapping[str, int] | None = None) -> list[Finding]:
    """Every finding among these records (see FindingKind), in a stable order. ``periods``: award
    code -> its period in years (catalog), for "the same achievement" of a multi-year title."""
    periods = periods or {}
    by_id = {p.id: p for p in people}
    active: dict[str, list[NominationRecord]] = defaultdict(list)
    for nomination in sorted(nominations, key=lambda n: (n.year or 0, n.award_code, n.node, n.id)):
        if nomination.status in ACTIVE_STATUSES and nomination.person_id in by_id:
            active[nomination.person_id].append(nomination)
    history: dict[str, list[AwardRecord]] = defaultdict(list)
    for award in awards:
        history[award.person_id].append(award)
    findings: list[Finding] = []
    for person in people:  # one commune nominating its own person twice
        own = active.get(person.id, [])
        for first, second in combinations(own, 2):
            if _same_period(first, second, periods):
                identity = Identity(MatchReason.SAME_RECORD, ("id",), True)
                findings.append(_achievement(person, person, identity, first, second))
    for a, b, identity in candidate_pairs(people):
        twice = [_achievement(a, b, identity, first, second)
                 for first in active.get(a.id, []) for second in active.get(b.id, [])
                 if _same_period(first, second, periods)]
        findings.extend(twice)
        if a.node == b.node:
            continue  # one commune's two records: only a double nomination is the province's concern
        both = active.get(a.id, []) + active.get(b.id, [])
        # A held-back record (in the sync quarantine: before migration 0016 a second commune's CCCD
        # was refused there, and a missing parent still holds a record back) is flagged whether
        # nominated or not: nothing else puts it beside the person it repeats. A double nomination
        # above already says "same person".
        if not twice and ((active.get(a.id) and active.get(b.id)) or a.held_back or b.held_back):
            records = (person_stamp(a), person_stamp(b), *(_nomination_stamp(n) for n in both))
            key = _key(FindingKind.SAME_PERSON, a.id, b.id)
            findings.append(Finding(FindingKind.SAME_PERSON, key, a.id, b.id, identity, records,
                                    tuple(n.id for n in both)))
        differences = compare_histories(history.get(a.id, []), history.get(b.id, []))
        if differences:
            records = (person_stamp(a), person_stamp(b),
                       *(_award_stamp(x) for x in history.get(a.id, []) + history.get(b.id, [])))
            key = _key(FindingKind.HISTORY_CONFLICT, a.id, b.id)
            findings.append(Finding(FindingKind.HISTORY_CONFLICT, key, a.id, b.id, identity, records,
                                    differences=differences))
    order = {FindingKind.SAME_PERSON: 0, FindingKind.SAME_ACHIEVEMENT: 1, FindingKind.HISTORY_CONFLICT: 2}
    return sorted(findings, key=lambda f: (order[f.kind], f.key))


def _achievement(a: PersonRecord, b: PersonRecord, identity: Identity, first: NominationRecord,
                 second: NominationRecord) -> Finding:
    records = {person_stamp(a), person_stamp(b), _nomination_stamp(first), _nomination_stamp(second)}
    other = second.year if second.year != first.year else None
    key = _key(FindingKind.SAME_ACHIEVEMENT, first.id, second.id)
    return Finding(FindingKind.SAME_ACHIEVEMENT, key, a.id, b.id, identity, tuple(sorted(records)),
                   (first.id, second.id), first.award_code, first.year, other)


def _normal(name: str, value: object) -> object:
    """A value as compared: decision numbers without case or spaces ("12/QĐ-UBND" = "12 / qđ-ubnd")."""
    if name == "decision_number" and isinstance(value, str):
        return "".join(nfc(value).casefold().split())
    return value


def compare_histories(a: Sequence[AwardRecord], b: Sequence[AwardRecord]) -> tuple[HistoryDifference, ...]:
    """What one side's award history lacks or records differently, award by award and year by year.
    A value recorded on one side only (a decision number left blank) is incomplete, not conflicting."""
    def grouped(records: Sequence[AwardRecord]) -> dict[tuple[str, int], list[AwardRecord]]:
        out: dict[tuple[str, int], list[AwardRecord]] = defaultdict(list)
        for record in sorted(records, key=lambda r: (str(r.values.get("decision_date") or ""), r.id)):
            out[(_award_key(record), record.year)].append(record)
        return out

    left, right = grouped(a), grouped(b)
    differences: list[HistoryDifference] = []
    for key in sorted(left.keys() | right.keys()):
        mine, theirs = left.get(key, []), right.get(key, [])
        code = (mine or theirs)[0].award_code
        for index in range(max(len(mine), len(theirs))):
            first = mine[index] if index < len(mine) else None
            second = theirs[index] if index < len(theirs) else None
            if first is None or second is None:
                differences.append(HistoryDifference(Difference.AWARD_MISSING, key[0], code, key[1],
                                                     first.id if first else None, second.id if second else None))
                continue
            differing = tuple(name for name in AWARD_FIELDS
                              if first.values.get(name) not in (None, "") and second.values.get(name) not in (None, "")
                              and _normal(name, first.values.get(name)) != _normal(name, second.values.get(name)))
            if differing:
                differences.append(HistoryDifference(Difference.AWARD_RECORDED_DIFFERENTLY, key[0], code, key[1],
                                                     first.id, second.id, differing))
    return tuple(differences)
