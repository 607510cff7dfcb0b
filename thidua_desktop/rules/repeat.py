"""The province's view of one person across communes: their records from several offices merged
into one history, and the principle that one achievement is awarded once. Pure: no database.

The province holds every commune's register, so a person who moved, or who two communes both
nominate, has records in several places. A commune checks a nominee against its own records
only; the province's review re-checks against all of them."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from thidua_desktop.domain.enums import CommendationKind
from thidua_desktop.domain.records import AwardRecord, History

from .definitions import AwardDef
from .results import Decision, DecisionOutcome, Outcome, Reason, combine

CRITERION_ID = "not_awarded_twice"
CHECK = "not_awarded_twice"
# Law 06/2022 Art. 5(2)(c), quoted in docs (LEGAL-REFERENCE §0): "không khen thưởng nhiều lần,
# nhiều hình thức cho một thành tích đạt được". The quote comes from a secondary source (M).
LABEL_VI = "Không khen thưởng nhiều lần cho một thành tích (Luật Thi đua, khen thưởng 2022, Điều 5)"
LABEL_EN = "One achievement is not awarded twice (Law on Emulation and Commendation 2022, Art. 5)"

_DECISION = {Outcome.PASS: DecisionOutcome.ELIGIBLE, Outcome.FAIL: DecisionOutcome.NOT_ELIGIBLE,
             Outcome.UNKNOWN: DecisionOutcome.INCOMPLETE}


def merge(own: History, others: Sequence[History]) -> History:
    """``own`` (the nominating office's records) with what ``others`` add: ratings of years it
    lacks (its own rating of a year wins), awards, discipline and open matters it does not hold
    already. Initiatives, collective members and attestations stay the nominating office's."""
    ratings = list(own.ratings)
    rated = {r.year for r in own.ratings}
    awards = list(own.awards)
    seen_awards = {_award_key(a) for a in own.awards}
    disciplines, pending = list(own.disciplines), list(own.pending)
    for other in others:
        for rating in other.ratings:
            if rating.year not in rated:
                ratings.append(rating)
                rated.add(rating.year)
        for award in other.awards:
            if _award_key(award) not in seen_awards:
                awards.append(award)
                seen_awards.add(_award_key(award))
        disciplines += [d for d in other.disciplines if d not in disciplines]
        pending += [p for p in other.pending if p not in pending]
    return replace(own, ratings=tuple(sorted(ratings, key=lambda r: r.year)),
                   awards=tuple(sorted(awards, key=lambda a: a.year)), disciplines=tuple(disciplines),
                   pending=tuple(pending))


def _award_key(award: AwardRecord) -> tuple[str, int, str, str]:
    # The same decision entered by two offices is one award, not two.
    return award.award_code, award.year, award.decision_number.strip().casefold(), award.commendation_kind.value


def _award_dict(award: AwardRecord) -> dict[str, object]:
    return {"year": award.year, "award_code": award.award_code, "decision_number": award.decision_number,
            "decision_date": award.decision_date.isoformat() if award.decision_date else None}


def not_awarded_twice(award: AwardDef, history: History, year: int,
                      kind: CommendationKind = CommendationKind.REGULAR) -> Reason | None:
    """Fails when ``history`` already holds ``award`` for the achievements of ``year`` (a regular
    award: an annual title or form counts a year's achievements). None for other kinds: two ad-hoc
    or thematic awards in one year may reward two achievements, which a year cannot tell apart."""
    if kind is not CommendationKind.REGULAR:
        return None
    held = [a for a in history.awards
            if a.award_code == award.code and a.year == year and a.commendation_kind is CommendationKind.REGULAR]
    evidence: dict[str, object] = {"award_codes": [award.code], "years": [year]}
    if held:
        return Reason(criterion_id=CRITERION_ID, check=CHECK, outcome=Outcome.FAIL, code="AWARD_ALREADY_RECEIVED",
                      evidence={**evidence, "awards": [_award_dict(a) for a in held]}, verified=False,
                      label_vi=LABEL_VI, label_en=LABEL_EN)
    return Reason(criterion_id=CRITERION_ID, check=CHECK, outcome=Outcome.PASS, code="AWARD_NOT_YET_RECEIVED",
                  evidence=evidence, verified=False, label_vi=LABEL_VI, label_en=LABEL_EN)


def with_reason(decision: Decision, reason: Reason | None) -> Decision:
    """``decision`` with one more top-level reason, its outcome combined again."""
    if reason is None:
        return decision
    reasons = (*decision.reasons, reason)
    return replace(decision, reasons=reasons, outcome=_DECISION[combine([r.outcome for r in reasons])])
