"""Validate and convert the catalog JSON into definitions.

Every refusal is ``DomainError("CATALOG_INVALID", field=<json path>, problem=<code>, ...)`` so the
province's editor can find the exact spot, e.g. ``awards[3].criteria[1].params.level``.
Keys starting with "_" are comments and ignored everywhere.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from datetime import date
from enum import StrEnum
from typing import Any, NoReturn, TypeVar

from thidua_desktop.domain.enums import AuthorityLevel, AwardKind, CommendationKind, SubjectType
from thidua_desktop.domain.errors import DomainError

from .check_specs import CHECK_PARAMS, Param
from .definitions import (
    AwardDef,
    Confidence,
    CriterionDef,
    DossierItem,
    QuotaRule,
    RewardRule,
    Rounding,
    SourceRef,
    VoteBase,
    VoteComparison,
    VoteRule,
)

SUPPORTED_FORMAT_VERSION = 2

E = TypeVar("E", bound=StrEnum)

# Keys of a source given inline (vote, quota, reward, parameters): "source" is then the ref text.
INLINE_SOURCE_KEYS = ("source", "confidence", "note", "source_id")

# Upgraders from an older format_version to the next one.
# Older catalogs must keep loading after a format change ("read older, refuse newer").
# Format 2 lets a quota's "of_award" be a list of codes; a format 1 catalog is a valid format 2 one.
UPGRADES: dict[int, Callable[[dict[str, Any]], dict[str, Any]]] = {1: lambda data: dict(data)}


def upgrade(obj: Mapping[str, Any]) -> tuple[dict[str, Any], int]:
    """Check ``format_version`` and bring an older catalog up to the current format."""
    version = require(obj, "format_version", "")
    if isinstance(version, bool) or not isinstance(version, int):
        invalid("format_version", "wrong_type", expected="integer")
    if version > SUPPORTED_FORMAT_VERSION:
        raise DomainError("CATALOG_TOO_NEW", field="format_version", found=version,
                          supported=SUPPORTED_FORMAT_VERSION)
    if version < 1:
        invalid("format_version", "out_of_range", value=version, minimum=1, maximum=None)
    data = dict(obj)
    while version < SUPPORTED_FORMAT_VERSION:
        data = UPGRADES[version](data)
        version += 1
    return data, version


def invalid(path: str, problem: str, **params: Any) -> NoReturn:
    raise DomainError("CATALOG_INVALID", field=path, problem=problem, **params)


def join_path(path: str, key: str | int) -> str:
    if isinstance(key, int):
        return f"{path}[{key}]"
    return f"{path}.{key}" if path else key


def as_object(value: Any, path: str) -> Mapping[str, Any]:
    if not isinstance(value, Mapping):
        invalid(path or "$", "wrong_type", expected="object")
    return value


def as_list(value: Any, path: str, non_empty: bool = False) -> list[Any]:
    if not isinstance(value, list):
        invalid(path, "wrong_type", expected="list")
    if non_empty and not value:
        invalid(path, "empty")
    return value


def check_keys(obj: Mapping[str, Any], path: str, allowed: set[str]) -> None:
    for key in obj:
        if not key.startswith("_") and key not in allowed:
            invalid(join_path(path, key), "unknown_key")


def require(obj: Mapping[str, Any], key: str, path: str) -> Any:
    if key not in obj:
        invalid(join_path(path, key), "missing")
    return obj[key]


def as_str(obj: Mapping[str, Any], key: str, path: str, required: bool = True) -> str:
    if not required and key not in obj:
        return ""
    value = require(obj, key, path)
    if not isinstance(value, str) or (required and not value.strip()):
        invalid(join_path(path, key), "wrong_type", expected="non-empty string")
    return value


def as_bool(obj: Mapping[str, Any], key: str, path: str) -> bool:
    value = require(obj, key, path)
    if not isinstance(value, bool):
        invalid(join_path(path, key), "wrong_type", expected="boolean")
    return value


def as_number(value: Any, path: str, minimum: float | None = None, maximum: float | None = None,
            integer: bool = False) -> Any:
    # bool is an int in Python; a catalog "true" where a number belongs is a mistake.
    ok_types = (int,) if integer else (int, float)
    if isinstance(value, bool) or not isinstance(value, ok_types):
        invalid(path, "wrong_type", expected="integer" if integer else "number")
    if (minimum is not None and value < minimum) or (maximum is not None and value > maximum):
        invalid(path, "out_of_range", value=value, minimum=minimum, maximum=maximum)
    return value


def as_enum(value: Any, path: str, enum: type[E]) -> E:
    try:
        return enum(value)
    except ValueError:
        invalid(path, "unknown_value", value=value, allowed=", ".join(m.value for m in enum))


def enum_field(obj: Mapping[str, Any], key: str, path: str, enum: type[E]) -> E:
    return as_enum(require(obj, key, path), join_path(path, key), enum)


def num_field(obj: Mapping[str, Any], key: str, path: str, minimum: float | None = None,
              maximum: float | None = None, integer: bool = False) -> Any:
    return as_number(require(obj, key, path), join_path(path, key), minimum, maximum, integer)


def as_date(value: Any, path: str) -> date:
    try:
        return date.fromisoformat(value)
    except (TypeError, ValueError):
        invalid(path, "wrong_type", expected="ISO date YYYY-MM-DD")


def as_source(obj: Mapping[str, Any], key: str, path: str) -> SourceRef:
    """A source given either as an object {ref, confidence, note?, source_id?} or, in vote / quota /
    reward blocks, as a string with sibling "confidence" and optional "note"."""
    value = require(obj, key, path)
    if isinstance(value, str):
        holder, holder_path, ref_key = obj, path, key
    else:
        holder = as_object(value, join_path(path, key))
        holder_path, ref_key = join_path(path, key), "ref"
        check_keys(holder, holder_path, {"ref", "confidence", "note", "source_id"})
    ref = as_str(holder, ref_key, holder_path)
    conf = enum_field(holder, "confidence", holder_path, Confidence)
    note = as_str(holder, "note", holder_path, required=False)
    source_id = holder.get("source_id")
    if source_id is not None and not isinstance(source_id, str):
        invalid(join_path(holder_path, "source_id"), "wrong_type", expected="string")
    return SourceRef(ref=ref, confidence=conf, note=note, source_id=source_id)


def _param(spec: Param, value: Any, path: str) -> Any:
    if spec.type == "int":
        return as_number(value, path, spec.minimum, spec.maximum, integer=True)
    if spec.type == "number":
        return as_number(value, path, spec.minimum, spec.maximum)
    if spec.type == "enum":
        assert spec.enum is not None
        return as_enum(value, path, spec.enum)
    if spec.type == "enum_list":
        assert spec.enum is not None
        enum = spec.enum
        return tuple(as_enum(v, join_path(path, i), enum) for i, v in enumerate(as_list(value, path, True)))
    if spec.type == "choice":
        if value not in spec.choices:
            invalid(path, "unknown_value", value=value, allowed=", ".join(spec.choices))
        return value
    if spec.type == "award_codes":
        codes = as_list(value, path, non_empty=True)
        for i, code in enumerate(codes):
            if not isinstance(code, str) or not code:
                invalid(join_path(path, i), "wrong_type", expected="award code")
        return tuple(codes)
    raise AssertionError(f"unhandled param type {spec.type}")  # pragma: no cover


def parse_criterion(value: Any, path: str) -> CriterionDef:
    obj = as_object(value, path)
    check_keys(obj, path, {"id", "check", "params", "label_vi", "label_en", "source"})
    crit_id = as_str(obj, "id", path)
    check = as_str(obj, "check", path)
    if check not in CHECK_PARAMS:
        invalid(join_path(path, "check"), "unknown_check", value=check)
    specs = CHECK_PARAMS[check]
    params_path = join_path(path, "params")
    raw = as_object(obj.get("params", {}), params_path)
    check_keys(raw, params_path, set(specs))
    params: dict[str, Any] = {}
    children: tuple[CriterionDef, ...] = ()
    for name, spec in specs.items():
        p_path = join_path(params_path, name)
        if name not in raw:
            if spec.required:
                invalid(p_path, "missing")
            params[name] = spec.default if spec.type != "enum_list" else tuple(
                spec.enum(v) for v in spec.default  # type: ignore[misc]  # enum_list specs name their enum
            )
            continue
        if spec.type == "criteria":
            options = as_list(raw[name], p_path, non_empty=True)
            children = tuple(parse_criterion(opt, join_path(p_path, i)) for i, opt in enumerate(options))
        else:
            params[name] = _param(spec, raw[name], p_path)
    return CriterionDef(
        id=crit_id,
        check=check,
        params=params,
        label_vi=as_str(obj, "label_vi", path),
        label_en=as_str(obj, "label_en", path),
        source=as_source(obj, "source", path),
        children=children,
    )


def _vote(value: Any, path: str) -> VoteRule:
    obj = as_object(value, path)
    check_keys(obj, path, {"required", "threshold_pct", "base", "secret_ballot", "comparison",
                           *INLINE_SOURCE_KEYS})
    return VoteRule(
        required=as_bool(obj, "required", path),
        threshold_pct=num_field(obj, "threshold_pct", path, 0, 100),
        base=enum_field(obj, "base", path, VoteBase),
        secret_ballot=as_bool(obj, "secret_ballot", path),
        comparison=as_enum(obj.get("comparison", "at_least"), join_path(path, "comparison"), VoteComparison),
        source=as_source(obj, "source", path),
    )


def _quota(value: Any, path: str) -> QuotaRule | None:
    if value is None:
        return None
    obj = as_object(value, path)
    check_keys(obj, path, {"enabled", "kind", "of_award", "max_ratio", "rounding", "scope",
                           *INLINE_SOURCE_KEYS})
    kind = as_str(obj, "kind", path)
    if kind != "ratio_of_award":
        invalid(join_path(path, "kind"), "unknown_value", value=kind, allowed="ratio_of_award")
    scope = as_str(obj, "scope", path)
    if scope != "batch":
        invalid(join_path(path, "scope"), "unknown_value", value=scope, allowed="batch")
    base = _quota_base(obj, path)
    return QuotaRule(
        enabled=as_bool(obj, "enabled", path),
        kind=kind,
        of_award=base[0],
        also_of=base[1:],
        max_ratio=num_field(obj, "max_ratio", path, 0, 1),
        rounding=enum_field(obj, "rounding", path, Rounding),
        scope=scope,
        source=as_source(obj, "source", path),
    )


def _quota_base(obj: Mapping[str, Any], path: str) -> tuple[str, ...]:
    """``of_award``: one award code, or (format 2) a non-empty list of distinct codes."""
    value = require(obj, "of_award", path)
    if isinstance(value, str):
        return (as_str(obj, "of_award", path),)
    codes_path = join_path(path, "of_award")
    codes: list[str] = []
    for i, item in enumerate(as_list(value, codes_path, non_empty=True)):
        if not isinstance(item, str) or not item.strip():
            invalid(join_path(codes_path, i), "wrong_type", expected="non-empty string")
        if item in codes:
            invalid(join_path(codes_path, i), "duplicate", value=item)
        codes.append(item)
    return tuple(codes)


def _reward(value: Any, path: str) -> RewardRule:
    obj = as_object(value, path)
    check_keys(obj, path, {"multiplier", "household_factor", *INLINE_SOURCE_KEYS})
    mult = require(obj, "multiplier", path)
    factor = obj.get("household_factor")
    return RewardRule(
        multiplier=None if mult is None else as_number(mult, join_path(path, "multiplier"), 0),
        household_factor=(
            None if factor is None else as_number(factor, join_path(path, "household_factor"), 0)
        ),
        source=as_source(obj, "source", path),
    )


def _dossier_item(value: Any, path: str) -> DossierItem:
    obj = as_object(value, path)
    check_keys(obj, path, {"code", "name_vi", "name_en", "required", "source"})
    return DossierItem(
        code=as_str(obj, "code", path),
        name_vi=as_str(obj, "name_vi", path),
        name_en=as_str(obj, "name_en", path),
        required=as_bool(obj, "required", path),
        source=as_source(obj, "source", path),
    )


_AWARD_KEYS = {
    "code", "name_vi", "name_en", "short_vi", "kind", "subject_type", "authority", "commune_grants",
    "commendation_kinds", "period_years", "period_source", "criteria", "vote", "quota", "dossier",
    "reward", "source", "note_vi", "note_en",
}


def parse_award(value: Any, path: str) -> AwardDef:
    obj = as_object(value, path)
    check_keys(obj, path, _AWARD_KEYS)
    # Fields are read in the documented order so the first problem reported is the first in the file.
    code = as_str(obj, "code", path)
    names = (as_str(obj, "name_vi", path), as_str(obj, "name_en", path), as_str(obj, "short_vi", path))
    kind = enum_field(obj, "kind", path, AwardKind)
    subject_type = enum_field(obj, "subject_type", path, SubjectType)
    authority = enum_field(obj, "authority", path, AuthorityLevel)
    commune_grants = as_bool(obj, "commune_grants", path)
    kinds_path = join_path(path, "commendation_kinds")
    kinds = as_list(require(obj, "commendation_kinds", path), kinds_path, non_empty=True)
    period_years = num_field(obj, "period_years", path, 1, integer=True)
    criteria_path = join_path(path, "criteria")
    criteria = tuple(
        parse_criterion(c, join_path(criteria_path, i))
        for i, c in enumerate(as_list(require(obj, "criteria", path), criteria_path, non_empty=True))
    )
    dossier_path = join_path(path, "dossier")
    award = AwardDef(
        code=code,
        name_vi=names[0],
        name_en=names[1],
        short_vi=names[2],
        kind=kind,
        subject_type=subject_type,
        authority=authority,
        commune_grants=commune_grants,
        commendation_kinds=tuple(
            as_enum(k, join_path(kinds_path, i), CommendationKind) for i, k in enumerate(kinds)
        ),
        period_years=period_years,
        criteria=criteria,
        vote=_vote(require(obj, "vote", path), join_path(path, "vote")),
        quota=_quota(obj.get("quota"), join_path(path, "quota")),
        dossier=tuple(
            _dossier_item(d, join_path(dossier_path, i))
            for i, d in enumerate(as_list(require(obj, "dossier", path), dossier_path))
        ),
        reward=_reward(require(obj, "reward", path), join_path(path, "reward")),
        source=as_source(obj, "source", path),
        period_source=as_source(obj, "period_source", path) if "period_source" in obj else None,
        note_vi=as_str(obj, "note_vi", path, required=False),
        note_en=as_str(obj, "note_en", path, required=False),
    )
    _check_unique_ids(award, path)
    return award


def _check_unique_ids(award: AwardDef, path: str) -> None:
    seen: set[str] = set()
    for crit in award.all_criteria():
        if crit.id in seen:
            invalid(join_path(path, "criteria"), "duplicate", value=crit.id)
        seen.add(crit.id)
    codes = [d.code for d in award.dossier]
    for code in codes:
        if codes.count(code) > 1:
            invalid(join_path(path, "dossier"), "duplicate", value=code)

