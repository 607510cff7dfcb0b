"""Fixed wording of the documents, kept as data (``resources/documents/*.json``) so the province can
adjust a phrase, a legal ground or the list of recipients without a new release.

An office may keep its own copy of any file in ``<data dir>/documents/``; a key there replaces the
shipped key of the same name. ``layout`` says whether a layout follows an official template
(``"official"``, with its reference) or is only a reference layout (``"reference"``)."""

from __future__ import annotations

import json
import string
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

from ..domain.errors import DomainError
from ..domain.text import nfc
from ..paths import resource_path


class _Filler(string.Formatter):
    """Looks up only the names a template uses, each in NFC; a name unknown or None is "…". (A
    document fills a few hundred phrases from the office's twenty-odd values: normalising every
    value for every phrase was a noticeable part of drawing a batch.)"""

    def get_value(self, key: int | str, args: Sequence[Any], kwargs: Mapping[str, Any]) -> Any:
        if isinstance(key, int):  # "{0}" or "{}": no positional values, an error as before
            return super().get_value(key, args, kwargs)
        value = kwargs.get(key)
        return "…" if value is None else nfc(str(value))


_FILLER = _Filler()


def fill(template: str, values: dict[str, object]) -> str:
    """Fill ``{name}`` placeholders; an unknown name prints "…" rather than failing the print."""
    return nfc(_FILLER.vformat(nfc(template), (), values))


def fill_all(items: list[str], values: dict[str, object]) -> list[str]:
    return [fill(item, values) for item in items]


def _read(path: Path) -> dict[str, Any]:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise DomainError("TEMPLATE_UNREADABLE", field="template", file=path.name) from exc
    if not isinstance(data, dict):
        raise DomainError("TEMPLATE_UNREADABLE", field="template", file=path.name)
    return data


def template_names() -> list[str]:
    """Every wording file shipped with the app ("common", "submission", …)."""
    return sorted(p.stem for p in resource_path("documents").glob("*.json"))


def load_template(name: str, override_dir: Path | None = None,
                  pushed: dict[str, dict[str, Any]] | None = None) -> dict[str, Any]:
    """The wording of one document (``"submission"``, ``"common"`` …): shipped, then what the
    province pushed to every commune, then this office's own overrides, key by key."""
    data = _read(resource_path(f"documents/{name}.json"))
    if pushed and isinstance(pushed.get(name), dict):
        data = {**data, **pushed[name]}
    if override_dir is not None:
        local = override_dir / f"{name}.json"
        if local.is_file():
            data = {**data, **_read(local)}
    return data


def layout_registry(override_dir: Path | None = None) -> dict[str, dict[str, str]]:
    """Which layouts are official templates and which are reference layouts, per document."""
    folder = resource_path("documents")
    result: dict[str, dict[str, str]] = {}
    for path in sorted(folder.glob("*.json")):
        if path.stem == "common":
            continue
        layout = load_template(path.stem, override_dir).get("layout")
        if isinstance(layout, dict):
            result[path.stem] = {k: str(v) for k, v in layout.items()}
    return result
