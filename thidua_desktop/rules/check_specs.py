"""Parameter schemas of the check names a catalog may use.

The loader validates every criterion against these before the evaluator ever runs, so a typo in a
province-pushed catalog is refused on load with a JSON path instead of failing mid-evaluation.
"""

from __future__ import annotations

import builtins
from dataclasses import dataclass
from enum import StrEnum
from typing import Any

from thidua_desktop.domain.enums import (
    CommendationKind,
    DisciplineLevel,
    InitiativeLevel,
    TaskRating,
)


@dataclass(frozen=True)
class Param:
    """One parameter. ``type`` is one of: int, number, enum, enum_list, choice, award_codes, criteria."""

    type: str
    required: bool = True
    default: Any = None
    enum: builtins.type[StrEnum] | None = None  # builtins: the field ``type`` shadows the builtin here
    choices: tuple[str, ...] = ()
    minimum: float | None = None
    maximum: float | None = None


STREAK_ENDINGS = ("evaluated_year", "previous_year")
ATTESTATION_MISSING = ("unknown", "fail")

CHECK_PARAMS: dict[str, dict[str, Param]] = {
    "task_rating_at_least": {
        "level": Param("enum", enum=TaskRating),
        "consecutive_years": Param("int", minimum=1),
    },
    "title_streak": {
        "award_codes": Param("award_codes"),
        "times": Param("int", minimum=1),
        "ending": Param("choice", choices=STREAK_ENDINGS),
        # Years between two counted titles: 1 for annual titles, 3 for CSTĐ tỉnh "02 lần liên tục".
        "step_years": Param("int", required=False, default=1, minimum=1),
        # Decree 152/2025 Art. 4(3): ad-hoc and thematic awards do not count as grounds.
        "count_kinds": Param(
            "enum_list", required=False, default=[CommendationKind.REGULAR.value], enum=CommendationKind
        ),
    },
    "one_of": {"options": Param("criteria")},
    "all_of": {"options": Param("criteria")},
    "initiatives": {
        "min_level": Param("enum", enum=InitiativeLevel),
        "count": Param("int", minimum=1),
        "within_years": Param("int", minimum=1),
    },
    "no_discipline": {
        "min_level": Param("enum", enum=DisciplineLevel),
        # Length of the evaluated period in years, ending with the evaluated year.
        "years": Param("int", required=False, default=1, minimum=1),
    },
    "no_pending_matter": {},
    "min_months_worked": {"months": Param("int", minimum=0, maximum=12)},
    "member_share_with_title": {
        "award_codes": Param("award_codes"),
        "min_share": Param("number", minimum=0, maximum=1),
    },
    "members_all_completed": {"min_rating": Param("enum", enum=TaskRating)},
    "member_has_title": {
        "award_codes": Param("award_codes"),
        "count": Param("int", minimum=1),
    },
    "no_member_disciplined": {"min_level": Param("enum", enum=DisciplineLevel)},
    "attestation": {
        # "unknown": the officer must confirm it (decision incomplete); "fail": an optional branch
        # of a one_of that simply does not apply unless attested.
        "when_missing": Param("choice", required=False, default="unknown", choices=ATTESTATION_MISSING),
    },
}

CHECK_NAMES: frozenset[str] = frozenset(CHECK_PARAMS)

# Values a commune may override in its settings: key -> (scope, type). The catalog's
# "local_parameters" block says which of these a province allows, with labels and bounds.
LOCAL_PARAM_KINDS: dict[str, tuple[str, str]] = {
    "vote_threshold_pct": ("award", "number"),
    "quota_enabled": ("award", "bool"),
    "quota_max_ratio": ("award", "number"),
    "quota_rounding": ("award", "choice"),
    "base_salary": ("global", "salary_entries"),
}
