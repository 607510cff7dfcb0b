"""Immutable definitions read from the award catalog (``resources/catalog/awards.json``).

These are plain data: the catalog file is the single source of criteria, thresholds, multipliers
and dossier checklists, so that the province can change them without a new app release.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date
from enum import StrEnum
from typing import Any

from thidua_desktop.domain.enums import AuthorityLevel, AwardKind, CommendationKind, SubjectType


class Confidence(StrEnum):
    """How sure we are that a value matches the law in force (LEGAL-REFERENCE confidence tags)."""

    HIGH = "H"  # official text, or several independent sources that agree
    MEDIUM = "M"  # one reputable secondary source, or a strong inference
    LOW = "L"  # from memory, an expired rule or an unreliable source: must be checked


class Rounding(StrEnum):
    FLOOR = "floor"
    ROUND_HALF_UP = "round_half_up"
    CEIL = "ceil"


class VoteBase(StrEnum):
    ALL_MEMBERS = "all_members"  # Decree 98/2023 rule: count against every council member
    PRESENT_MEMBERS = "present_members"


class VoteComparison(StrEnum):
    AT_LEAST = "at_least"  # "≥ 80%"
    MORE_THAN = "more_than"  # "quá bán" (simple majority: more than 50%)


@dataclass(frozen=True)
class SourceRef:
    """Where a value comes from. Only confidence H counts as verified; the UI shows
    anything else as "chưa xác minh"."""

    ref: str
    confidence: Confidence
    note: str = ""
    source_id: str | None = None  # key into Catalog.sources, when the ref names a listed source

    @property
    def verified(self) -> bool:
        return self.confidence is Confidence.HIGH

    def to_dict(self) -> dict[str, Any]:
        data: dict[str, Any] = {"ref": self.ref, "confidence": self.confidence.value}
        if self.note:
            data["note"] = self.note
        if self.source_id:
            data["source_id"] = self.source_id
        return data


@dataclass(frozen=True)
class SourceInfo:
    """An entry of the catalog's source list."""

    id: str
    title: str
    citation: str  # URL or bibliographic citation
    confidence: Confidence


@dataclass(frozen=True)
class CriterionDef:
    """One named check with its parameters. ``children`` holds the options of one_of / all_of."""

    id: str
    check: str
    params: Mapping[str, Any]
    label_vi: str
    label_en: str
    source: SourceRef
    children: tuple[CriterionDef, ...] = ()

    @property
    def verified(self) -> bool:
        return self.source.verified

    def walk(self) -> tuple[CriterionDef, ...]:
        """This criterion and all nested options, depth first."""
        out: list[CriterionDef] = [self]
        for child in self.children:
            out.extend(child.walk())
        return tuple(out)


@dataclass(frozen=True)
class VoteRule:
    required: bool
    threshold_pct: float
    base: VoteBase
    secret_ballot: bool
    source: SourceRef
    comparison: VoteComparison = VoteComparison.AT_LEAST


@dataclass(frozen=True)
class QuotaRule:
    """A cap on how many may be nominated, as a ratio of another award in the same batch."""

    enabled: bool
    kind: str  # only "ratio_of_award" so far
    of_award: str  # the first award of the base
    max_ratio: float
    rounding: Rounding
    scope: str  # only "batch" so far
    source: SourceRef
    also_of: tuple[str, ...] = ()  # further awards counted in the base (format 2: "of_award" as a list)

    @property
    def base_awards(self) -> tuple[str, ...]:
        """Every award whose nominations in the batch form the base of the ratio."""
        return (self.of_award, *self.also_of)


@dataclass(frozen=True)
class RewardRule:
    """Reward money as a multiple of the base salary (Decree 152/2025 Art. 49-54)."""

    multiplier: float | None  # None = not found in the sources; never guessed
    household_factor: float | None
    source: SourceRef

    @property
    def verified(self) -> bool:
        return self.multiplier is not None and self.source.verified


@dataclass(frozen=True)
class DossierItem:
    code: str
    name_vi: str
    name_en: str
    required: bool
    source: SourceRef


@dataclass(frozen=True)
class AwardDef:
    """One emulation title or commendation form for one subject type."""

    code: str
    name_vi: str
    name_en: str
    short_vi: str
    kind: AwardKind
    subject_type: SubjectType
    authority: AuthorityLevel
    commune_grants: bool  # the commune chairman decides it himself (Decree 129/2025 Art. 59)
    commendation_kinds: tuple[CommendationKind, ...]
    period_years: int
    criteria: tuple[CriterionDef, ...]
    vote: VoteRule
    quota: QuotaRule | None
    dossier: tuple[DossierItem, ...]
    reward: RewardRule
    source: SourceRef
    period_source: SourceRef | None = None  # when the frequency has its own (weaker) source
    note_vi: str = ""
    note_en: str = ""

    @property
    def verified(self) -> bool:
        return self.source.verified

    def all_criteria(self) -> tuple[CriterionDef, ...]:
        """Every criterion including nested one_of / all_of options."""
        out: list[CriterionDef] = []
        for crit in self.criteria:
            out.extend(crit.walk())
        return tuple(out)

    def unverified_sources(self) -> tuple[SourceRef, ...]:
        """Sources below confidence H that this award relies on (shown as "chưa xác minh")."""
        refs = [self.source, self.vote.source, self.reward.source]
        refs.extend(c.source for c in self.all_criteria())
        if self.quota is not None:
            refs.append(self.quota.source)
        refs.extend(d.source for d in self.dossier)
        if self.period_source is not None:
            refs.append(self.period_source)
        seen: dict[tuple[str, str], SourceRef] = {}
        for ref in refs:
            if not ref.verified:
                seen.setdefault((ref.ref, ref.confidence.value), ref)
        return tuple(seen.values())


@dataclass(frozen=True)
class BaseSalaryEntry:
    valid_from: date
    amount: int
    source: SourceRef


@dataclass(frozen=True)
class Parameters:
    base_salary: tuple[BaseSalaryEntry, ...]  # sorted by valid_from
    women_priority_share: float = 0.7  # Decree 152/2025 Art. 4(6)
    women_priority_source: SourceRef | None = None


@dataclass(frozen=True)
class LocalParameter:
    """A value the commune may override in its settings (the change is logged by the services)."""

    key: str
    scope: str  # "award" (per award code) or "global"
    type: str  # "number" | "int" | "bool" | "choice" | "salary_entries"
    label_vi: str
    label_en: str
    minimum: float | None = None
    maximum: float | None = None
    choices: tuple[str, ...] = ()
    extra: Mapping[str, Any] = field(default_factory=dict)
