"""Closed vocabularies of the domain. Values are stable English codes stored in the database,
in bundles and in JSON output; the UI and reports translate them."""

from __future__ import annotations

from enum import StrEnum


class Role(StrEnum):
    COMMUNE = "commune"
    PROVINCE = "province"


class Gender(StrEnum):
    MALE = "male"
    FEMALE = "female"


class SubjectType(StrEnum):
    INDIVIDUAL = "individual"
    COLLECTIVE = "collective"
    HOUSEHOLD = "household"


class AwardKind(StrEnum):
    """Emulation titles and commendation forms are never mixed (Law 06/2022)."""

    EMULATION_TITLE = "emulation_title"
    COMMENDATION_FORM = "commendation_form"


class AuthorityLevel(StrEnum):
    COMMUNE = "commune"
    PROVINCE = "province"
    CENTRAL = "central"


class CommendationKind(StrEnum):
    REGULAR = "regular"  # thường xuyên
    THEMATIC = "thematic"  # theo chuyên đề
    AD_HOC = "ad_hoc"  # đột xuất
    CONTRIBUTION = "contribution"  # quá trình cống hiến
    SENIORITY = "seniority"  # theo niên hạn
    FOREIGN = "foreign"  # đối ngoại


class _Ordered(StrEnum):
    """An enum whose declaration order is its rank (first = lowest)."""

    @property
    def rank(self) -> int:
        return list(type(self)).index(self)

    def at_least(self, other: _Ordered) -> bool:
        return self.rank >= other.rank


class TaskRating(_Ordered):
    """Annual task-completion rating (mức độ hoàn thành nhiệm vụ), lowest first."""

    NOT_COMPLETED = "not_completed"  # không hoàn thành nhiệm vụ
    COMPLETED = "completed"  # HTNV
    GOOD = "good"  # HTTNV
    EXCELLENT = "excellent"  # HTXSNV


class DisciplineLevel(_Ordered):
    """Disciplinary measures, mildest first."""

    REPRIMAND = "reprimand"  # khiển trách
    WARNING = "warning"  # cảnh cáo
    SALARY_DEMOTION = "salary_demotion"  # hạ bậc lương
    DEMOTION = "demotion"  # giáng chức
    REMOVAL = "removal"  # cách chức
    DISMISSAL = "dismissal"  # buộc thôi việc


class PendingMatterKind(StrEnum):
    """Matters that defer any award while open (Decree 152/2025 Art. 4(4))."""

    DISCIPLINE_REVIEW = "discipline_review"
    INVESTIGATION = "investigation"
    COMPLAINT = "complaint"


class InitiativeLevel(_Ordered):
    GRASSROOTS = "grassroots"  # cơ sở
    PROVINCIAL = "provincial"  # tỉnh
    NATIONAL = "national"  # toàn quốc


class CollectiveKind(StrEnum):
    VILLAGE = "village"
    SCHOOL = "school"
    COOPERATIVE = "cooperative"
    MASS_ORGANISATION = "mass_organisation"
    AGENCY = "agency"
    HEALTH_STATION = "health_station"
    ENTERPRISE = "enterprise"
    HOUSEHOLD = "household"
    OTHER = "other"


class MovementKind(StrEnum):
    REGULAR = "regular"
    THEMATIC = "thematic"


class MovementStatus(StrEnum):
    PLANNED = "planned"
    ACTIVE = "active"
    CLOSED = "closed"


class ExemplarStage(_Ordered):
    """The directive's four stages of an advanced example, in order."""

    DISCOVERED = "discovered"  # phát hiện
    FOSTERED = "fostered"  # bồi dưỡng
    SUMMARISED = "summarised"  # tổng kết
    REPLICATED = "replicated"  # nhân rộng


class BatchKind(StrEnum):
    ANNUAL = "annual"
    THEMATIC = "thematic"
    AD_HOC = "ad_hoc"


class NominationStatus(StrEnum):
    DRAFT = "draft"
    COUNCIL_VOTED = "council_voted"
    SUBMITTED = "submitted"
    RECEIVED = "received"
    IN_REVIEW = "in_review"
    APPROVED = "approved"
    RETURNED = "returned"
    REJECTED = "rejected"
    DECIDED = "decided"


# The nomination state machine. RETURNED goes back to DRAFT so the commune can complete the dossier.
# COUNCIL_VOTED -> DECIDED is the commune chairman deciding a commune-level title himself.
NOMINATION_TRANSITIONS: dict[NominationStatus, frozenset[NominationStatus]] = {
    NominationStatus.DRAFT: frozenset({NominationStatus.COUNCIL_VOTED}),
    NominationStatus.COUNCIL_VOTED: frozenset(
        {NominationStatus.SUBMITTED, NominationStatus.DECIDED, NominationStatus.DRAFT}
    ),
    NominationStatus.SUBMITTED: frozenset({NominationStatus.RECEIVED}),
    NominationStatus.RECEIVED: frozenset({NominationStatus.IN_REVIEW}),
    NominationStatus.IN_REVIEW: frozenset(
        {NominationStatus.APPROVED, NominationStatus.RETURNED, NominationStatus.REJECTED}
    ),
    NominationStatus.APPROVED: frozenset({NominationStatus.DECIDED}),
    NominationStatus.RETURNED: frozenset({NominationStatus.DRAFT}),
    NominationStatus.REJECTED: frozenset(),
    NominationStatus.DECIDED: frozenset(),
}


def can_transition(current: NominationStatus, target: NominationStatus) -> bool:
    return target in NOMINATION_TRANSITIONS[current]


# What a dossier carries (tờ trình, its list, the public notice, the nominee workbook): nominations the
# council passed and that no decision has granted yet. Drafts (never voted, or voted and failed:
# a failed vote leaves the nomination a draft), returned, rejected and decided ones never appear.
IN_DOSSIER: frozenset[NominationStatus] = frozenset({
    NominationStatus.COUNCIL_VOTED, NominationStatus.SUBMITTED, NominationStatus.RECEIVED,
    NominationStatus.IN_REVIEW, NominationStatus.APPROVED,
})


def in_dossier(status: str) -> bool:
    return status in {s.value for s in IN_DOSSIER}
