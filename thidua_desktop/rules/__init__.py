"""Eligibility rules over the award catalog. Pure Python, standard library only: no database,
no Qt. Rules return reason codes with evidence; ``explain`` words them.

Typical use::

    catalog = load_catalog()
    decision = evaluate(candidate, catalog.award("LDTT"), history, as_of=date(2025, 12, 15))
    for reason in decision.reasons:
        print(explain_reason(reason, "vi", catalog))
"""

from .batch import (
    QuotaResult,
    VoteResult,
    base_salary_on,
    check_quota,
    reward_amount,
    tie_break_key,
    vote_result,
)
from .catalog import (
    SUPPORTED_FORMAT_VERSION,
    AwardDef,
    BaseSalaryEntry,
    Catalog,
    Confidence,
    CriterionDef,
    DossierItem,
    LocalParameter,
    Parameters,
    QuotaRule,
    RewardRule,
    Rounding,
    SourceInfo,
    SourceRef,
    VoteBase,
    VoteComparison,
    VoteRule,
    clear_catalog_cache,
    load_catalog,
)
from .check_specs import CHECK_NAMES
from .checks import CHECKS
from .evaluator import evaluate, evaluate_catalog
from .explain import MESSAGES, REASON_TEMPLATES, explain_decision, explain_error, explain_reason
from .local import apply_overrides
from .results import REASON_CODES, Decision, DecisionOutcome, Outcome, Reason

__all__ = [
    "CHECKS",
    "CHECK_NAMES",
    "MESSAGES",
    "REASON_CODES",
    "REASON_TEMPLATES",
    "SUPPORTED_FORMAT_VERSION",
    "AwardDef",
    "BaseSalaryEntry",
    "Catalog",
    "Confidence",
    "CriterionDef",
    "Decision",
    "DecisionOutcome",
    "DossierItem",
    "LocalParameter",
    "Outcome",
    "Parameters",
    "QuotaResult",
    "QuotaRule",
    "Reason",
    "RewardRule",
    "Rounding",
    "SourceInfo",
    "SourceRef",
    "VoteBase",
    "VoteComparison",
    "VoteResult",
    "VoteRule",
    "apply_overrides",
    "base_salary_on",
    "check_quota",
    "clear_catalog_cache",
    "evaluate",
    "evaluate_catalog",
    "explain_decision",
    "explain_error",
    "explain_reason",
    "load_catalog",
    "reward_amount",
    "tie_break_key",
    "vote_result",
]
