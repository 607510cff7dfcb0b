"""The award catalog an office applies: the one shipped with the app, unless the province has
loaded (province) or pushed in a bundle (commune) a newer one. Kept in the database as JSON, so a
new decree is a data update travelling on the USB stick, not a new app version."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from ..db import Session
from ..db.models import AdminUnit, LocalParameter
from ..db.repositories import admin_units as units_repo
from ..domain.errors import DomainError
from ..domain.text import search_key
from ..rules.catalog import Catalog, load_catalog
from .access import Access, check_publisher

PUSHED_KEY = "pushed_catalog"


def _version_key(version: str) -> tuple[int | str, ...]:
    return tuple(int(p) if p.isdigit() else p for p in str(version).replace("-", ".").split("."))


def stored_catalog(db: Any) -> Catalog:
    """The catalog this office applies (before its own local values)."""
    shipped = load_catalog()
    with db.reader() as session:
        row = session.get(LocalParameter, PUSHED_KEY)
        data = row.value.get("catalog") if row else None
    if not data:
        return shipped
    try:
        pushed = Catalog.from_dict(data)
    except DomainError:
        return shipped  # a damaged copy never stops the office: the shipped catalog still works
    return pushed if _version_key(pushed.catalog_version) >= _version_key(shipped.catalog_version) else shipped


def catalog_json(db: Any) -> dict[str, Any]:
    with db.reader() as session:
        row = session.get(LocalParameter, PUSHED_KEY)
        if row and row.value.get("catalog"):
            return dict(row.value["catalog"])
    from ..paths import resource_path

    return json.loads(resource_path("catalog/awards.json").read_text(encoding="utf-8"))


def adopt(session: Session, data: dict[str, Any], actor: str) -> str | None:
    """Store a catalog if it is valid and newer than the one in use; returns its version or None."""
    candidate = Catalog.from_dict(data)  # refuses a malformed or too-new file with a reason code
    row = session.get(LocalParameter, PUSHED_KEY)
    current = row.value.get("catalog", {}).get("catalog_version") if row else load_catalog().catalog_version
    if current and _version_key(candidate.catalog_version) <= _version_key(str(current)):
        return None
    if row is None:
        session.add(LocalParameter(key=PUSHED_KEY, value={"catalog": data}, changed_by=actor))
    else:
        row.value, row.changed_by = {"catalog": data}, actor
    return candidate.catalog_version


def load_file(db: Any, path: Path, actor: str, access: Access | None = None) -> str | None:
    """Province: adopt a catalog file (e.g. after a new decree); it then travels to the communes.
    On a server office with accounts only a leader or an admin publishes (PUBLISH_ROLE_REQUIRED)."""
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise DomainError("CATALOG_INVALID", field="file", path=path.name, problem="not_json") from exc
    with db.transaction(actor) as session:
        check_publisher(session, actor, access)
        return adopt(session, data, actor)


def admin_units(session: Session, province_code: str) -> list[list[str]]:
    rows = units_repo.stored_units_of_province(session, province_code)
    return [[u.code, u.name, u.division_type] for u in rows]


def merge_admin_units(session: Session, province_code: str, units: list[list[str]], source: str) -> int:
    """Apply the province's list of communes and wards (renamed, merged or new units)."""
    changed = 0
    for code, name, division in units:
        row = session.get(AdminUnit, code)
        if row is None:
            session.add(AdminUnit(code=code, name=name, division_type=division, province_code=province_code,
                                  search_key=search_key(name), source=source))
            changed += 1
        elif (row.name, row.division_type) != (name, division):
            row.name, row.division_type, row.search_key, row.source = name, division, search_key(name), source
            changed += 1
    return changed
