"""The registry of check functions, and the combinators one_of / all_of.

Every check name a catalog may use (``check_specs.CHECK_NAMES``) has exactly one pure function
here; a test keeps the two lists equal.
"""

from __future__ import annotations

from . import checks_members as members
from . import checks_person as person
from .context import CheckContext, CheckFn, make_reason
from .definitions import CriterionDef
from .results import Outcome, Reason, combine


def run_check(crit: CriterionDef, ctx: CheckContext) -> Reason:
    return CHECKS[crit.check](crit, ctx)


def one_of(crit: CriterionDef, ctx: CheckContext) -> Reason:
    """Passes when any option passes (e.g. Law Art. 23(2): excellent rating OR an initiative)."""
    children = tuple(run_check(c, ctx) for c in crit.children)
    passed = [c.criterion_id for c in children if c.outcome is Outcome.PASS]
    if passed:
        return make_reason(crit, Outcome.PASS, "ONE_OF_OK", {"passed": passed}, children)
    unknown = [c.criterion_id for c in children if c.outcome is Outcome.UNKNOWN]
    if unknown:
        return make_reason(crit, Outcome.UNKNOWN, "ONE_OF_UNKNOWN", {"unknown": unknown}, children)
    options = [c.criterion_id for c in children]
    return make_reason(crit, Outcome.FAIL, "ONE_OF_NONE", {"options": options}, children)


def all_of(crit: CriterionDef, ctx: CheckContext) -> Reason:
    """Passes when every option passes (a combined branch inside a one_of)."""
    children = tuple(run_check(c, ctx) for c in crit.children)
    outcome = combine([c.outcome for c in children])
    if outcome is Outcome.PASS:
        return make_reason(crit, outcome, "ALL_OF_OK", {"passed": [c.criterion_id for c in children]},
                           children)
    if outcome is Outcome.FAIL:
        failed = [c.criterion_id for c in children if c.outcome is Outcome.FAIL]
        return make_reason(crit, outcome, "ALL_OF_FAILED", {"failed": failed}, children)
    unknown = [c.criterion_id for c in children if c.outcome is Outcome.UNKNOWN]
    return make_reason(crit, outcome, "ALL_OF_UNKNOWN", {"unknown": unknown}, children)


CHECKS: dict[str, CheckFn] = {
    "task_rating_at_least": person.task_rating_at_least,
    "title_streak": person.title_streak,
    "one_of": one_of,
    "all_of": all_of,
    "initiatives": person.initiatives,
    "no_discipline": person.no_discipline,
    "no_pending_matter": person.no_pending_matter,
    "min_months_worked": person.min_months_worked,
    "member_share_with_title": members.member_share_with_title,
    "members_all_completed": members.members_all_completed,
    "member_has_title": members.member_has_title,
    "no_member_disciplined": members.no_member_disciplined,
    "attestation": person.attestation,
}

__all__ = ["CHECKS", "CheckContext", "all_of", "one_of", "run_check"]
