"""The award catalog: loading, validation and lookup.

The catalog is data (``resources/catalog/awards.json``), versioned by ``format_version`` (the file
layout) and ``catalog_version`` (its legal content). Older formats are read, newer ones refused
with CATALOG_TOO_NEW so the user knows to update the app. The province may push newer catalogs in
a sync bundle; load them with ``load_catalog(path)`` or ``Catalog.from_dict(data)``.
"""

from __future__ import annotations

import json
import unicodedata
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date
from functools import lru_cache
from itertools import pairwise
from pathlib import Path
from typing import Any

from thidua_desktop.domain.enums import SubjectType
from thidua_desktop.domain.errors import NotFoundError
from thidua_desktop.paths import resource_path

from .check_specs import LOCAL_PARAM_KINDS
from .definitions import (
    AwardDef,
    BaseSalaryEntry,
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
)
from .parse import (
    INLINE_SOURCE_KEYS,
    SUPPORTED_FORMAT_VERSION,
    as_date,
    as_list,
    as_number,
    as_object,
    as_source,
    as_str,
    check_keys,
    enum_field,
    invalid,
    join_path,
    num_field,
    parse_award,
    require,
    upgrade,
)

__all__ = [
    "DEFAULT_CATALOG",
    "SUPPORTED_FORMAT_VERSION",
    "AwardDef",
    "BaseSalaryEntry",
    "Catalog",
    "Confidence",
    "CriterionDef",
    "DossierItem",
    "LocalParameter",
    "Parameters",
    "QuotaRule",
    "RewardRule",
    "Rounding",
    "SourceInfo",
    "SourceRef",
    "VoteBase",
    "VoteComparison",
    "VoteRule",
    "clear_catalog_cache",
    "load_catalog",
]

DEFAULT_CATALOG = "catalog/awards.json"


@dataclass(frozen=True)
class Catalog:
    format_version: int
    catalog_version: str
    effective_from: date
    sources: Mapping[str, SourceInfo]
    parameters: Parameters
    local_parameters: Mapping[str, LocalParameter]
    awards: tuple[AwardDef, ...]
    _by_code: dict[str, AwardDef] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "_by_code", {a.code: a for a in self.awards})

    @classmethod
    def from_dict(cls, data: Any) -> Catalog:
        """Validate a decoded catalog (e.g. from a sync bundle) and build it."""
        return cls(**parse_catalog(_nfc(data)))

    @property
    def codes(self) -> tuple[str, ...]:
        return tuple(a.code for a in self.awards)

    def award(self, code: str) -> AwardDef:
        try:
            return self._by_code[code]
        except KeyError:
            # "code" is DomainError's own first argument, so the unknown code travels as "value".
            raise NotFoundError("AWARD_UNKNOWN", field="award_code", value=code) from None

    def awards_for(self, subject_type: SubjectType) -> tuple[AwardDef, ...]:
        return tuple(a for a in self.awards if a.subject_type is subject_type)


def load_catalog(path: str | Path | None = None) -> Catalog:
    """The shipped catalog (cached) or, with ``path``, another catalog file (not cached)."""
    if path is None:
        return _default_catalog()
    return _load_file(Path(path))


def clear_catalog_cache() -> None:
    _default_catalog.cache_clear()


@lru_cache(maxsize=1)
def _default_catalog() -> Catalog:
    return _load_file(resource_path(DEFAULT_CATALOG))


def _load_file(path: Path) -> Catalog:
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise NotFoundError("CATALOG_NOT_FOUND", field="path", path=str(path)) from None
    except UnicodeDecodeError:
        invalid("$", "not_utf8")
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        invalid("$", "json_syntax", line=exc.lineno, column=exc.colno)
    return Catalog.from_dict(data)


def _nfc(value: Any) -> Any:
    """Catalogs come from outside the app: normalise every string to NFC (see ARCHITECTURE.md)."""
    if isinstance(value, str):
        return unicodedata.normalize("NFC", value)
    if isinstance(value, list):
        return [_nfc(v) for v in value]
    if isinstance(value, dict):
        return {_nfc(k): _nfc(v) for k, v in value.items()}
    return value


def _sources(value: Any, path: str) -> dict[str, SourceInfo]:
    obj = as_object(value, path)
    out: dict[str, SourceInfo] = {}
    for key, raw in obj.items():
        if key.startswith("_"):
            continue
        s_path = join_path(path, key)
        item = as_object(raw, s_path)
        check_keys(item, s_path, {"title", "url", "citation", "confidence", "note"})
        if "url" not in item and "citation" not in item:
            invalid(join_path(s_path, "url"), "missing")
        citation = as_str(item, "url" if "url" in item else "citation", s_path)
        out[key] = SourceInfo(
            id=key,
            title=as_str(item, "title", s_path),
            citation=citation,
            confidence=enum_field(item, "confidence", s_path, Confidence),
        )
    return out


def _parameters(value: Any, path: str) -> Parameters:
    obj = as_object(value, path)
    check_keys(obj, path, {"base_salary", "women_priority_share"})
    salary_path = join_path(path, "base_salary")
    entries: list[BaseSalaryEntry] = []
    for i, raw in enumerate(as_list(require(obj, "base_salary", path), salary_path, non_empty=True)):
        e_path = join_path(salary_path, i)
        item = as_object(raw, e_path)
        check_keys(item, e_path, {"from", "amount", *INLINE_SOURCE_KEYS})
        entries.append(BaseSalaryEntry(
            valid_from=as_date(require(item, "from", e_path), join_path(e_path, "from")),
            amount=num_field(item, "amount", e_path, 1, integer=True),
            source=as_source(item, "source", e_path),
        ))
    entries.sort(key=lambda e: e.valid_from)
    for prev, cur in pairwise(entries):
        if prev.valid_from == cur.valid_from:
            invalid(salary_path, "duplicate", value=cur.valid_from.isoformat())
    share, share_source = 0.7, None
    if "women_priority_share" in obj:
        w_path = join_path(path, "women_priority_share")
        w = as_object(obj["women_priority_share"], w_path)
        check_keys(w, w_path, {"value", *INLINE_SOURCE_KEYS})
        share = num_field(w, "value", w_path, 0, 1)
        share_source = as_source(w, "source", w_path)
    return Parameters(tuple(entries), share, share_source)


def _local_parameters(value: Any, path: str) -> dict[str, LocalParameter]:
    obj = as_object(value, path)
    out: dict[str, LocalParameter] = {}
    for key, raw in obj.items():
        if key.startswith("_"):
            continue
        l_path = join_path(path, key)
        if key not in LOCAL_PARAM_KINDS:
            invalid(l_path, "unknown_key")
        item = as_object(raw, l_path)
        check_keys(item, l_path, {"scope", "type", "label_vi", "label_en", "min", "max", "choices", "note"})
        scope, kind = LOCAL_PARAM_KINDS[key]
        if item.get("scope") != scope:
            invalid(join_path(l_path, "scope"), "unknown_value", value=item.get("scope"), allowed=scope)
        if item.get("type") != kind:
            invalid(join_path(l_path, "type"), "unknown_value", value=item.get("type"), allowed=kind)
        choices = as_list(item.get("choices", []), join_path(l_path, "choices"))
        out[key] = LocalParameter(
            key=key,
            scope=scope,
            type=kind,
            label_vi=as_str(item, "label_vi", l_path),
            label_en=as_str(item, "label_en", l_path),
            minimum=as_number(item["min"], join_path(l_path, "min")) if "min" in item else None,
            maximum=as_number(item["max"], join_path(l_path, "max")) if "max" in item else None,
            choices=tuple(str(c) for c in choices),
        )
    return out


def _walk(criteria: tuple[CriterionDef, ...], path: str) -> list[tuple[CriterionDef, str]]:
    out: list[tuple[CriterionDef, str]] = []
    for i, crit in enumerate(criteria):
        c_path = join_path(path, i)
        out.append((crit, c_path))
        out.extend(_walk(crit.children, join_path(c_path, "params.options")))
    return out


def _cross_check(awards: tuple[AwardDef, ...], sources: Mapping[str, SourceInfo]) -> None:
    """References between entries: award codes named in params and quotas, and source ids."""
    codes = {a.code for a in awards}
    for i, award in enumerate(awards):
        a_path = f"awards[{i}]"
        refs: list[tuple[SourceRef, str]] = [(award.source, join_path(a_path, "source"))]
        for crit, c_path in _walk(award.criteria, join_path(a_path, "criteria")):
            refs.append((crit.source, join_path(c_path, "source")))
            for j, code in enumerate(crit.params.get("award_codes", ())):
                if code not in codes:
                    codes_path = join_path(c_path, "params.award_codes")
                    invalid(join_path(codes_path, j), "unknown_award", value=code)
        if award.quota is not None:
            for j, code in enumerate(award.quota.base_awards):
                if code not in codes:
                    field = join_path(a_path, "quota.of_award")
                    invalid(join_path(field, j) if award.quota.also_of else field, "unknown_award", value=code)
        for ref, r_path in refs:
            if ref.source_id is not None and ref.source_id not in sources:
                invalid(join_path(r_path, "source_id"), "unknown_source", value=ref.source_id)


def parse_catalog(data: Any) -> dict[str, Any]:
    """Validate a decoded catalog and return the fields of ``Catalog``."""
    upgraded, version = upgrade(as_object(data, ""))
    check_keys(upgraded, "", {"format_version", "catalog_version", "effective_from", "sources", "parameters",
                         "local_parameters", "awards"})
    sources = _sources(upgraded.get("sources", {}), "sources")
    awards_raw = as_list(require(upgraded, "awards", ""), "awards", non_empty=True)
    awards = tuple(parse_award(a, f"awards[{i}]") for i, a in enumerate(awards_raw))
    seen: set[str] = set()
    for i, award in enumerate(awards):
        if award.code in seen:
            invalid(f"awards[{i}].code", "duplicate", value=award.code)
        seen.add(award.code)
    _cross_check(awards, sources)
    return {
        "format_version": version,
        "catalog_version": as_str(upgraded, "catalog_version", ""),
        "effective_from": as_date(require(upgraded, "effective_from", ""), "effective_from"),
        "sources": sources,
        "parameters": _parameters(require(upgraded, "parameters", ""), "parameters"),
        "local_parameters": _local_parameters(upgraded.get("local_parameters", {}), "local_parameters"),
        "awards": awards,
    }
