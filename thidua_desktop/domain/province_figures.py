"""The province's figures across its communes, as pure functions over plain rows (stdlib only).

Two things are added up here:

- **award lines** (one line of award history each, an award "lượt"): counted by any mix of commune,
  level, kind (loại hình), title or form, subject and the directive's priority groups. The groups
  (women, ethnic minorities, direct workers, border or remote villages) are flags of a *person*:
  an award to a collective or household is in no group, as on the commune's own statistics.
- **movement indicators** reported by several communes: combined by the indicator's kind.

  - ``count`` (models built, trainings held): each commune's result is the sum of its reports, and
    the province's is the **sum** over the communes (method ``sum``).
  - ``level`` (average income) and ``percentage`` (poverty rate): a commune's result is its latest
    report, a state at that date. Adding them up would be meaningless (three communes at 40 % are
    not at 120 %), and the commune app keeps a percentage as a reported share without its
    numerator and denominator, so it cannot be recomputed from its parts either. The province's
    figure is therefore the **mean weighted by the people it was measured on**: the participants
    the reporting activity recorded (method ``weighted_mean``). When no commune recorded
    participants for it, every commune weighs the same (method ``mean``); when only some did, the
    others are left out of the weights rather than guessed (the method says ``weighted_mean`` and
    ``weighted`` how many communes carried a weight).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass

from .indicators import IndicatorKind, is_latest_value

GROUPS = ("women", "ethnic_minority", "direct_worker", "border_remote")
SUBJECTS = ("individual", "collective", "household")
# The fields of an award line a filter may name; a value may be one code or a list of codes.
DIMENSIONS = ("commune", "level", "kind", "award_code", "award_kind", "form", "subject", "group")

SUM, WEIGHTED_MEAN, MEAN, NONE = "sum", "weighted_mean", "mean", "none"


@dataclass(frozen=True)
class AwardLine:
    """One award received, as the province counts it; ``commune`` is the code of the commune
    whose register holds the person or collective."""

    commune: str
    award_code: str
    award_kind: str  # emulation_title | commendation_form
    form: str  # order, medal, certificate … (resources/catalog/award_inference.json), "" when not recorded
    level: str  # commune | province | central
    kind: str  # regular | thematic | ad_hoc | contribution | seniority | foreign
    subject: str  # individual | collective | household
    women: bool = False
    ethnic_minority: bool = False
    direct_worker: bool = False
    border_remote: bool = False

    def in_group(self, group: str) -> bool:
        return self.subject == "individual" and bool(getattr(self, group))


def _wanted(value: object) -> frozenset[str]:
    if isinstance(value, str):
        return frozenset((value,))
    if isinstance(value, Iterable):
        return frozenset(str(v) for v in value)
    return frozenset((str(value),))


def matches(line: AwardLine, where: Mapping[str, object]) -> bool:
    """Whether the line passes every condition of ``where`` (an empty filter passes all). A
    ``group`` condition with several groups passes a line in any of them."""
    for name, value in where.items():
        wanted = _wanted(value)
        if name == "group":
            if not any(line.in_group(g) for g in wanted):
                return False
        elif name in DIMENSIONS:
            if str(getattr(line, name)) not in wanted:
                return False
        else:
            raise ValueError(f"unknown dimension {name!r}")
    return True


def count(lines: Iterable[AwardLine], where: Mapping[str, object]) -> int:
    return sum(1 for line in lines if matches(line, where))


def tally(lines: Iterable[AwardLine], by: str, where: Mapping[str, object] | None = None) -> dict[str, int]:
    """Counts by one dimension (``group`` counts a line once in each group it is in)."""
    out: dict[str, int] = {}
    for line in lines:
        if where and not matches(line, where):
            continue
        keys = [g for g in GROUPS if line.in_group(g)] if by == "group" else [str(getattr(line, by))]
        for key in keys:
            out[key] = out.get(key, 0) + 1
    return out


# Movement indicators ------------------------------------------------------------------------------
@dataclass(frozen=True)
class IndicatorPart:
    """One commune's result for an indicator over the period (by its kind: the sum of its reports
    or the latest one); ``weight``: the people that result was measured on, None when unknown."""

    commune: str
    result: float | None
    weight: float | None = None
    achieved: bool | None = None  # against the commune's own target, by the indicator's direction


@dataclass(frozen=True)
class Combined:
    value: float | None
    method: str  # sum | weighted_mean | mean | none
    reporting: int  # communes with a result
    weighted: int = 0  # of those, communes whose result carried a weight


def combine(kind: str, parts: Sequence[IndicatorPart]) -> Combined:
    """The province's figure for one indicator from the communes' results (see the module)."""
    reported = [p for p in parts if p.result is not None]
    if not reported:
        return Combined(None, NONE, 0)
    values = [float(p.result) for p in reported if p.result is not None]
    if not is_latest_value(kind):
        return Combined(float(sum(values)), SUM, len(reported))
    weighted = [(float(p.result), float(p.weight)) for p in reported
                if p.result is not None and p.weight is not None and p.weight > 0]
    if weighted:
        total = sum(w for _v, w in weighted)
        return Combined(sum(v * w for v, w in weighted) / total, WEIGHTED_MEAN, len(reported), len(weighted))
    return Combined(sum(values) / len(values), MEAN, len(reported))


def is_summed(kind: str) -> bool:
    """Counts are summed across communes; levels and percentages never are."""
    return not is_latest_value(kind) or kind == IndicatorKind.COUNT.value
