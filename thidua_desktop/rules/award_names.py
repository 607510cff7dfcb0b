"""Award names as other offices write them: which catalog award a name means, and, for a name
outside the catalog, who issued it and what kind of award it is.

An award history imported from another office holds national forms (Huân chương, Huy chương, the
state honorary titles, Bằng khen of ministries) and the Giấy khen of former district levels. Without
an issuer column they would all be filed as the commune's. Both the synonyms and the inference
patterns are data next to the catalog (``resources/catalog/award_synonyms.json`` and
``award_inference.json``), so a province can extend them without a new app version.

No Qt, no database.
"""

from __future__ import annotations

import json
import re
import unicodedata
from collections.abc import Mapping
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

from thidua_desktop.domain.enums import AuthorityLevel, AwardKind
from thidua_desktop.domain.errors import DomainError, NotFoundError
from thidua_desktop.domain.text import search_key
from thidua_desktop.paths import resource_path

from .parse import as_list, as_object, as_str, check_keys, invalid, join_path, require

__all__ = [
    "INFERENCE_FILE",
    "SYNONYMS_FILE",
    "AwardNames",
    "NameInference",
    "clear_award_names_cache",
    "load_award_names",
]

SYNONYMS_FILE = "catalog/award_synonyms.json"
INFERENCE_FILE = "catalog/award_inference.json"
SUPPORTED_FORMAT = 1
_WORDS = re.compile(r"[\W_]+")
# The forms whose name goes on with "của <issuer>": that part is the issuer, as the office wrote it.
_ISSUER_AFTER = {"merit_certificate", "commendation_certificate", "emulation_flag"}


@dataclass(frozen=True)
class Body:
    """Who issues an award: the President, the Government, a ministry, a province, a former district
    or a commune. ``level`` is the coarse AuthorityLevel the register and the rules use."""

    code: str
    level: str
    label_vi: str
    label_en: str
    issuer_vi: str  # written as the issuer when the file names none ("" = the report's own default)


@dataclass(frozen=True)
class Form:
    code: str
    award_kind: str  # AwardKind: emulation titles and commendation forms are never mixed
    label_vi: str
    label_en: str
    body: str  # the body that alone grants this form ("" = read it from the name)
    default_body: str


@dataclass(frozen=True)
class _Rule:
    pattern: re.Pattern[str]
    value: str
    body: str = ""


@dataclass(frozen=True)
class NameInference:
    """What a name outside the catalog says about its award.

    ``source`` says where the issuing body came from: "issuer" (the file's issuer column), "title"
    (words of the name, e.g. "cấp huyện"), "form" (the form alone decides: a Huân chương is the
    President's) or "default" (nothing said it; the form's usual level)."""

    form: str
    award_kind: str
    body: str
    level: str
    issuer: str
    source: str

    @property
    def from_name(self) -> bool:
        """Inferred from the name rather than read from an issuer the file states."""
        return self.source != "issuer"


class AwardNames:
    def __init__(self, synonyms: Mapping[str, Any], inference: Mapping[str, Any]) -> None:
        _check_format(synonyms, "award_synonyms")
        _check_format(inference, "award_inference")
        check_keys(synonyms, "", {"format_version", "abbreviations", "folds", "synonyms"})
        check_keys(inference, "", {"format_version", "bodies", "level_bodies", "forms", "default_form",
                                   "ignored_prefixes", "form_rules", "body_rules"})
        abbreviations = as_object(synonyms.get("abbreviations", {}), "abbreviations")
        self._abbreviations = {search_key(k): search_key(str(v)) for k, v in abbreviations.items()
                               if not k.startswith("_")}
        self._folds: list[tuple[re.Pattern[str], str]] = []
        for i, raw in enumerate(as_list(synonyms.get("folds", []), "folds")):
            path = join_path("folds", i)
            item = as_object(raw, path)
            check_keys(item, path, {"pattern", "replace", "why"})
            self._folds.append((_pattern(item, path), str(item.get("replace", " "))))
        self._synonyms: dict[str, list[str]] = {}
        for i, raw in enumerate(as_list(synonyms.get("synonyms", []), "synonyms")):
            path = join_path("synonyms", i)
            item = as_object(raw, path)
            check_keys(item, path, {"codes", "names", "source", "note"})
            codes = [str(c) for c in as_list(require(item, "codes", path), join_path(path, "codes"), non_empty=True)]
            for name in as_list(require(item, "names", path), join_path(path, "names"), non_empty=True):
                self.add_synonym(str(name), codes)
        bodies = as_object(require(inference, "bodies", ""), "bodies")
        self.bodies = {code: _body(code, raw) for code, raw in bodies.items() if not code.startswith("_")}
        forms = as_object(require(inference, "forms", ""), "forms")
        self.forms = {code: self._form(code, raw) for code, raw in forms.items() if not code.startswith("_")}
        level_bodies = as_object(require(inference, "level_bodies", ""), "level_bodies")
        self._level_bodies = {level.value: self._body_code(level_bodies.get(level.value),
                                                           join_path("level_bodies", level.value))
                              for level in AuthorityLevel}
        self.default_form = self._form_code(inference.get("default_form"), "default_form")
        prefixes = as_list(inference.get("ignored_prefixes", []), "ignored_prefixes")
        # Longest first: "Danh hiệu vinh dự ..." and "Được tặng Huân chương ..." name the form after them.
        self._prefixes = sorted((f"{self.normalise(str(p))} " for p in prefixes), key=len, reverse=True)
        self._form_rules = [_Rule(_pattern(r, p), self._form_code(r.get("form"), join_path(p, "form")),
                                  self._body_code(r["body"], join_path(p, "body")) if "body" in r else "")
                            for r, p in _rules(inference, "form_rules", {"pattern", "form", "body", "why"})]
        self._body_rules = [_Rule(_pattern(r, p), self._body_code(r.get("body"), join_path(p, "body")))
                            for r, p in _rules(inference, "body_rules", {"pattern", "body", "why"})]

    @classmethod
    def from_files(cls, synonyms: Path, inference: Path) -> AwardNames:
        return cls(_read(synonyms), _read(inference))

    # --- names -----------------------------------------------------------------------------------
    def normalise(self, text: str) -> str:
        """Folded words with the abbreviations spelt out: "HCLĐ hạng Ba" -> "huan chuong lao dong hang ba"."""
        words = _WORDS.sub(" ", search_key(text)).split()
        return " ".join(self._abbreviations.get(w, w) for w in words)

    def match_key(self, text: str) -> str:
        """The key two names of one catalog award share: normalised, then folded (award_synonyms.json)."""
        key = self.normalise(text)
        for pattern, replace in self._folds:
            key = " ".join(pattern.sub(replace, key).split())
        return key

    def add_synonym(self, name: str, codes: list[str]) -> None:
        """Another name for the catalog awards ``codes`` (one per subject type, e.g. GK_XA_CN / _TT)."""
        known = self._synonyms.setdefault(self.match_key(name), [])
        known.extend(c for c in codes if c not in known)

    def synonym_items(self) -> list[tuple[str, tuple[str, ...]]]:
        """(match key, catalog codes) of every synonym."""
        return [(key, tuple(codes)) for key, codes in self._synonyms.items()]

    def catalog_codes(self, text: str) -> tuple[str, ...]:
        """The catalog codes a synonym names, most specific subject type left to the caller."""
        return tuple(self._synonyms.get(self.match_key(text), ()))

    # --- who issued it and what it is ------------------------------------------------------------
    def form_of(self, title: str) -> tuple[str, str]:
        """(form code, body the matching rule fixes or "") from the name."""
        text = self.normalise(title)
        for prefix in self._prefixes:
            if text.startswith(prefix):
                text = text[len(prefix):]
                break
        for rule in self._form_rules:
            if rule.pattern.search(text):
                return rule.value, rule.body
        return self.default_form, ""

    def body_named(self, text: str) -> str:
        """The body a text names ("UBND huyện Hòa An" -> district), or ""."""
        folded = f" {self.normalise(text)} "
        return next((rule.value for rule in self._body_rules if rule.pattern.search(folded)), "")

    def body_of_level(self, level: str) -> str:
        return self._level_bodies.get(level, "commune")

    def infer(self, title: str, issuer: str = "") -> NameInference:
        """Issuing body, level and kind of an award outside the catalog, from its name and issuer."""
        form_code, fixed = self.form_of(title)
        form = self.forms[form_code]
        named = self.body_named(issuer) if issuer.strip() else ""
        if fixed or form.body:  # a Huân chương is the President's whoever proposed it
            body = fixed or form.body
            source = "issuer" if named == body else "form"
        elif named:
            body, source = named, "issuer"
        elif in_title := self.body_named(title):
            body, source = in_title, "title"
        else:
            body, source = form.default_body, "default"
        text = ""
        if not issuer.strip():
            text = (_issuer_in_title(title) if form_code in _ISSUER_AFTER else "") or self.bodies[body].issuer_vi
        return NameInference(form_code, form.award_kind, body, self.bodies[body].level, text, source)

    def describe(self, guess: NameInference, lang: str = "vi") -> str:
        """"Huân chương; cấp khen: Chủ tịch nước, suy ra từ tên" for the import's warning."""
        form, body = self.forms[guess.form], self.bodies[guess.body]
        if lang == "vi":
            kind = "danh hiệu thi đua" if guess.award_kind == AwardKind.EMULATION_TITLE else "hình thức khen thưởng"
            what = kind if form.label_vi == kind else f"{kind}: {form.label_vi}"
            return f"{what}; cấp khen: {body.label_vi}" + (", suy ra từ tên" if guess.from_name else "")
        kind = "emulation title" if guess.award_kind == AwardKind.EMULATION_TITLE else "commendation form"
        what = kind if form.label_en == kind else f"{kind}: {form.label_en}"
        return f"{what}; issued by {body.label_en}" + (", inferred from the name" if guess.from_name else "")

    # --- parsing ---------------------------------------------------------------------------------
    def _body_code(self, value: Any, path: str) -> str:
        if value not in self.bodies:
            invalid(path, "unknown_value", value=value, allowed=", ".join(self.bodies))
        return str(value)

    def _form_code(self, value: Any, path: str) -> str:
        if value not in self.forms:
            invalid(path, "unknown_value", value=value, allowed=", ".join(self.forms))
        return str(value)

    def _form(self, code: str, raw: Any) -> Form:
        path = join_path("forms", code)
        item = as_object(raw, path)
        check_keys(item, path, {"award_kind", "label_vi", "label_en", "body", "default_body"})
        kind = as_str(item, "award_kind", path)
        if kind not in {k.value for k in AwardKind}:
            invalid(join_path(path, "award_kind"), "unknown_value", value=kind,
                    allowed=", ".join(k.value for k in AwardKind))
        body = self._body_code(item["body"], join_path(path, "body")) if "body" in item else ""
        default = self._body_code(item.get("default_body", body), join_path(path, "default_body"))
        return Form(code, kind, as_str(item, "label_vi", path), as_str(item, "label_en", path), body, default)


def _check_format(data: Mapping[str, Any], name: str) -> None:
    as_object(data, "")
    version = data.get("format_version")
    if not isinstance(version, int) or isinstance(version, bool):
        invalid("format_version", "wrong_type", expected="integer")
    if version > SUPPORTED_FORMAT:
        raise DomainError("CATALOG_TOO_NEW", field=name, found=version, supported=SUPPORTED_FORMAT)


def _body(code: str, raw: Any) -> Body:
    path = join_path("bodies", code)
    item = as_object(raw, path)
    check_keys(item, path, {"level", "label_vi", "label_en", "issuer_vi"})
    level = as_str(item, "level", path)
    if level not in {x.value for x in AuthorityLevel}:
        invalid(join_path(path, "level"), "unknown_value", value=level,
                allowed=", ".join(x.value for x in AuthorityLevel))
    return Body(code, level, as_str(item, "label_vi", path), as_str(item, "label_en", path),
                as_str(item, "issuer_vi", path, required=False))


def _rules(data: Mapping[str, Any], key: str, allowed: set[str]) -> list[tuple[Mapping[str, Any], str]]:
    out = []
    for i, raw in enumerate(as_list(data.get(key, []), key)):
        path = join_path(key, i)
        item = as_object(raw, path)
        check_keys(item, path, allowed)
        out.append((item, path))
    return out


def _pattern(item: Mapping[str, Any], path: str) -> re.Pattern[str]:
    text = as_str(item, "pattern", path)
    try:
        return re.compile(text)
    except re.error:
        invalid(join_path(path, "pattern"), "wrong_type", expected="regular expression")


def _issuer_in_title(title: str) -> str:
    """"Giấy khen của Chủ tịch UBND huyện Hòa An" -> "Chủ tịch UBND huyện Hòa An": the words after
    "của" when it follows the form's own words (Bằng khen, Giấy khen, Cờ thi đua)."""
    words = unicodedata.normalize("NFC", title).split()
    for i, word in enumerate(words[:5]):
        if search_key(word.strip(".,;:")) == "cua":
            return " ".join(words[i + 1:]).strip(" .,;:")
    return ""


def _read(path: Path) -> Any:
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise NotFoundError("CATALOG_NOT_FOUND", field="path", path=str(path)) from None
    except UnicodeDecodeError:
        invalid("$", "not_utf8")
    except json.JSONDecodeError as exc:
        invalid("$", "json_syntax", line=exc.lineno, column=exc.colno)


def load_award_names(synonyms: str | Path | None = None, inference: str | Path | None = None) -> AwardNames:
    """The shipped award names (cached) or, with paths, other files (not cached)."""
    if synonyms is None and inference is None:
        return _default()
    return AwardNames.from_files(Path(synonyms) if synonyms else resource_path(SYNONYMS_FILE),
                                 Path(inference) if inference else resource_path(INFERENCE_FILE))


def clear_award_names_cache() -> None:
    _default.cache_clear()


@lru_cache(maxsize=1)
def _default() -> AwardNames:
    return AwardNames.from_files(resource_path(SYNONYMS_FILE), resource_path(INFERENCE_FILE))
