"""Achievement-summary templates (báo cáo thành tích tóm tắt), one per award code with a default.

The templates are data (``resources/templates/summaries.json``) so the office or the province can
reword them without a new release. Placeholders such as ``{name}`` are filled from the register; a
value that is not known is written as "…" so the officer sees what is left to fill in."""

from __future__ import annotations

import json
import string
from collections.abc import Mapping
from functools import lru_cache
from pathlib import Path
from typing import Any

from ..domain.errors import DomainError
from ..domain.text import nfc
from ..paths import resource_path

FORMAT_VERSION = 1
DEFAULT_KEY = "default"
MISSING = "…"
PLACEHOLDERS = ("name", "position", "workplace", "unit", "village", "year", "award", "rating", "rating_lower")


class _Lenient(dict[str, Any]):
    def __missing__(self, key: str) -> str:
        return MISSING


def _check(data: Any, path: Path) -> dict[str, str]:
    if not isinstance(data, dict) or not isinstance(data.get("templates"), dict):
        raise DomainError("TEMPLATES_INVALID", field="templates", path=str(path))
    version = data.get("format_version")
    if not isinstance(version, int) or version > FORMAT_VERSION:
        raise DomainError("TEMPLATES_TOO_NEW", field="templates", found=version, supported=FORMAT_VERSION)
    templates = {str(k): clean_multiline(str(v)) for k, v in data["templates"].items()
                 if not str(k).startswith("_")}
    if DEFAULT_KEY not in templates:
        raise DomainError("TEMPLATES_INVALID", field="templates.default", path=str(path))
    return templates


def clean_multiline(text: str | None) -> str:
    """NFC, each line trimmed and its spaces collapsed, line breaks kept (clean_text drops them),
    at most one blank line in a row."""
    lines = [" ".join(nfc(line).split()) for line in (text or "").splitlines()]
    out: list[str] = []
    for line in lines:
        if line or (out and out[-1]):
            out.append(line)
    return "\n".join(out).strip()


@lru_cache(maxsize=4)
def load_templates(path: Path | None = None) -> dict[str, str]:
    """{award code: template}, with a ``default``. The shipped file unless ``path`` is given."""
    source = path or resource_path("templates/summaries.json")
    try:
        data = json.loads(source.read_text(encoding="utf-8"))
    except OSError as exc:
        raise DomainError("TEMPLATES_INVALID", field="templates", path=str(source)) from exc
    except ValueError as exc:
        raise DomainError("TEMPLATES_INVALID", field="templates", path=str(source)) from exc
    return _check(data, source)


def template_for(award_code: str, templates: Mapping[str, str] | None = None) -> str:
    table = templates if templates is not None else load_templates()
    return table.get(award_code, table[DEFAULT_KEY])


def render_summary(award_code: str, values: Mapping[str, object],
                   templates: Mapping[str, str] | None = None) -> str:
    """The template for ``award_code`` filled with ``values``; blanks and unknown keys become "…"."""
    filled = _Lenient({k: (str(v) if v not in (None, "") else MISSING) for k, v in values.items()})
    return string.Formatter().vformat(template_for(award_code, templates), (), filled)
