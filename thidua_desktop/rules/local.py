"""Apply a commune's local settings to the catalog.

The catalog's ``local_parameters`` block lists which values the province lets a commune change
(vote thresholds, quota switches, base salary). Services store the commune's settings, log who
changed what, and call ``apply_overrides`` to get the catalog the rules should use.

Overrides look like::

    {"awards": {"CSTDCS": {"vote_threshold_pct": 70, "quota_enabled": true}},
     "base_salary": [{"from": "2026-07-01", "amount": 2530000, "source": "Nghị định …"}]}
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import replace
from datetime import date
from typing import Any, NoReturn

from thidua_desktop.domain.errors import ValidationError

from .catalog import Catalog
from .definitions import (
    AwardDef,
    BaseSalaryEntry,
    Confidence,
    LocalParameter,
    Parameters,
    Rounding,
    SourceRef,
)

LOCAL_NOTE = "Giá trị do xã điều chỉnh trong Cài đặt"


def _bad(path: str, problem: str, **params: Any) -> NoReturn:
    raise ValidationError("LOCAL_PARAM_INVALID", field=path, problem=problem, **params)


def _declared(catalog: Catalog, key: str, path: str) -> LocalParameter:
    param = catalog.local_parameters.get(key)
    if param is None:
        _bad(path, "not_allowed")
    return param


def _number(param: LocalParameter, value: Any, path: str) -> float:
    if isinstance(value, bool) or not isinstance(value, int | float):
        _bad(path, "wrong_type", expected="number")
    if (param.minimum is not None and value < param.minimum) or (
        param.maximum is not None and value > param.maximum
    ):
        _bad(path, "out_of_range", value=value, minimum=param.minimum, maximum=param.maximum)
    return value


def _local(source: SourceRef) -> SourceRef:
    return replace(source, note=LOCAL_NOTE)


def _apply_award(catalog: Catalog, award: AwardDef, values: Mapping[str, Any], path: str) -> AwardDef:
    vote, quota = award.vote, award.quota
    for key, value in values.items():
        k_path = f"{path}.{key}"
        param = _declared(catalog, key, k_path)
        if param.scope != "award":
            _bad(k_path, "not_allowed")
        if key == "vote_threshold_pct":
            vote = replace(vote, threshold_pct=_number(param, value, k_path), source=_local(vote.source))
            continue
        if quota is None:
            _bad(k_path, "not_applicable")
        if key == "quota_enabled":
            if not isinstance(value, bool):
                _bad(k_path, "wrong_type", expected="boolean")
            quota = replace(quota, enabled=value, source=_local(quota.source))
        elif key == "quota_max_ratio":
            quota = replace(quota, max_ratio=_number(param, value, k_path), source=_local(quota.source))
        elif key == "quota_rounding":
            allowed = param.choices or tuple(r.value for r in Rounding)
            if value not in allowed or value not in {r.value for r in Rounding}:
                _bad(k_path, "unknown_value", value=value, allowed=", ".join(allowed))
            quota = replace(quota, rounding=Rounding(value), source=_local(quota.source))
    return replace(award, vote=vote, quota=quota)


def _salary_entries(catalog: Catalog, values: Any, path: str) -> tuple[BaseSalaryEntry, ...]:
    param = _declared(catalog, "base_salary", path)
    if not isinstance(values, list):
        _bad(path, "wrong_type", expected="list")
    by_day = {e.valid_from: e for e in catalog.parameters.base_salary}
    for i, raw in enumerate(values):
        e_path = f"{path}[{i}]"
        if not isinstance(raw, Mapping):
            _bad(e_path, "wrong_type", expected="object")
        try:
            day = date.fromisoformat(raw.get("from"))  # type: ignore[arg-type]  # not text: TypeError, below
        except (TypeError, ValueError):
            _bad(f"{e_path}.from", "wrong_type", expected="ISO date YYYY-MM-DD")
        amount = raw.get("amount")
        if isinstance(amount, bool) or not isinstance(amount, int) or amount <= 0:
            _bad(f"{e_path}.amount", "wrong_type", expected="positive integer")
        _number(param, amount, f"{e_path}.amount")
        try:
            conf = Confidence(raw.get("confidence", "M"))
        except ValueError:
            _bad(f"{e_path}.confidence", "unknown_value", value=raw.get("confidence"))
        ref = str(raw.get("source") or "Cài đặt của xã")
        by_day[day] = BaseSalaryEntry(day, amount, SourceRef(ref, conf, note=LOCAL_NOTE))
    return tuple(by_day[d] for d in sorted(by_day))


def apply_overrides(catalog: Catalog, overrides: Mapping[str, Any]) -> Catalog:
    """A copy of ``catalog`` with the commune's settings applied. Raises
    ``ValidationError("LOCAL_PARAM_INVALID", field=...)`` for a value the catalog does not allow."""
    awards = list(catalog.awards)
    parameters = catalog.parameters
    for key, value in overrides.items():
        if key == "awards":
            if not isinstance(value, Mapping):
                _bad("awards", "wrong_type", expected="object")
            for code, values in value.items():
                path = f"awards.{code}"
                if code not in catalog.codes:
                    _bad(path, "unknown_award", value=code)
                if not isinstance(values, Mapping):
                    _bad(path, "wrong_type", expected="object")
                idx = catalog.codes.index(code)
                awards[idx] = _apply_award(catalog, awards[idx], values, path)
        elif key == "base_salary":
            parameters = Parameters(
                base_salary=_salary_entries(catalog, value, "base_salary"),
                women_priority_share=parameters.women_priority_share,
                women_priority_source=parameters.women_priority_source,
            )
        else:
            _bad(key, "not_allowed")
    return replace(catalog, awards=tuple(awards), parameters=parameters)
