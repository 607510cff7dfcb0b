"""Evaluate one candidate against one award of the catalog. Pure: no database, no clock."""

from __future__ import annotations

from datetime import date

from thidua_desktop.domain.errors import ValidationError
from thidua_desktop.domain.records import Candidate, History

from .catalog import Catalog
from .checks import run_check
from .context import CheckContext
from .definitions import AwardDef
from .results import Decision, DecisionOutcome, Outcome, Reason, combine

_DECISION = {
    Outcome.PASS: DecisionOutcome.ELIGIBLE,
    Outcome.FAIL: DecisionOutcome.NOT_ELIGIBLE,
    Outcome.UNKNOWN: DecisionOutcome.INCOMPLETE,
}


def evaluate(
    candidate: Candidate,
    award: AwardDef,
    history: History,
    as_of: date,
    year: int | None = None,
) -> Decision:
    """Decide whether ``candidate`` qualifies for ``award`` for the achievements of ``year``
    (default: the year of ``as_of``). One reason per top-level criterion."""
    year = as_of.year if year is None else year
    if year > as_of.year:
        raise ValidationError("YEAR_IN_FUTURE", field="year", year=year, as_of=as_of.isoformat())
    if candidate.subject_type is not award.subject_type:
        # Nothing else is meaningful for the wrong kind of subject: one failing reason.
        reason = Reason(
            criterion_id="subject_type",
            check="subject_type",
            outcome=Outcome.FAIL,
            code="SUBJECT_TYPE_MISMATCH",
            evidence={"expected": award.subject_type.value, "actual": candidate.subject_type.value},
            verified=award.source.verified,
        )
        return Decision(award.code, DecisionOutcome.NOT_ELIGIBLE, (reason,), year, as_of)
    ctx = CheckContext(candidate=candidate, history=history, as_of=as_of, year=year, award_code=award.code)
    reasons = tuple(run_check(crit, ctx) for crit in award.criteria)
    outcome = _DECISION[combine([r.outcome for r in reasons])]
    return Decision(award.code, outcome, reasons, year, as_of)


def evaluate_catalog(
    candidate: Candidate,
    catalog: Catalog,
    history: History,
    as_of: date,
    year: int | None = None,
) -> tuple[Decision, ...]:
    """Every award of the catalog for the candidate's subject type, in catalog order."""
    awards = catalog.awards_for(candidate.subject_type)
    return tuple(evaluate(candidate, award, history, as_of, year) for award in awards)
