"""Document wording set by the province for all its communes.

The province loads edited wording files (``thidua templates load``); they travel down in its
sync bundles like the award catalog, and a commune adopts a set whose revision is newer than the
one it holds. Each file replaces the shipped file's keys; an office's own files in
``<data dir>/documents`` still win, so a commune can fix a local detail.

The same entry carries the province's legal bases (``legal_bases``: the number, date and title of
its regulation on emulation and commendation, from its document settings); a change of them is a
new revision too."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from ..db import Session
from ..db.models import LocalParameter
from ..domain.errors import DomainError
from ..reports.templates import template_names
from .access import Access, check_publisher

PUSHED_KEY = "pushed_templates"
MAX_FILE_BYTES = 256 * 1024


def pushed_templates(session: Session) -> dict[str, dict[str, Any]]:
    row = session.get(LocalParameter, PUSHED_KEY)
    files = row.value.get("files") if row else None
    return dict(files) if isinstance(files, dict) else {}


def pushed_legal_bases(session: Session) -> dict[str, str]:
    row = session.get(LocalParameter, PUSHED_KEY)
    bases = row.value.get("legal_bases") if row else None
    return {str(k): str(v) for k, v in bases.items() if isinstance(v, str)} if isinstance(bases, dict) else {}


def set_legal_bases(session: Session, values: dict[str, str], actor: str) -> int | None:
    """Province: its legal bases travel down as the next revision when they changed (a
    publication: a leader or an admin on a server office with accounts)."""
    if values == pushed_legal_bases(session) or (not any(values.values()) and not pushed_legal_bases(session)):
        return None
    check_publisher(session, actor)
    new_revision = revision(session) + 1
    _store(session, {"revision": new_revision, "files": pushed_templates(session), "legal_bases": dict(values)},
           actor)
    return new_revision


def revision(session: Session) -> int:
    row = session.get(LocalParameter, PUSHED_KEY)
    return int(row.value.get("revision", 0)) if row else 0


def bundle_entry(session: Session) -> dict[str, Any] | None:
    """What a province bundle carries: ``{"revision": n, "files": {name: wording}}``, or None."""
    row = session.get(LocalParameter, PUSHED_KEY)
    return dict(row.value) if row and row.value.get("revision") else None


def checked(files: Any, *, allow_empty: bool = False) -> dict[str, dict[str, Any]]:
    """Only known document names, each a JSON object: anything else is refused as a whole."""
    known = set(template_names())
    if not isinstance(files, dict) or not (files or allow_empty):
        raise DomainError("WORDING_INVALID", field="file", name="", problem="empty")
    for name, wording in files.items():
        if name not in known:
            raise DomainError("WORDING_INVALID", field="file", name=str(name), problem="unknown_document")
        if not isinstance(wording, dict):
            raise DomainError("WORDING_INVALID", field="file", name=str(name), problem="not_object")
    return {str(k): v for k, v in files.items()}


def adopt(session: Session, entry: Any, actor: str) -> int | None:
    """Commune: keep the province's wording if its revision is newer; returns the revision or None."""
    if not isinstance(entry, dict):
        raise DomainError("WORDING_INVALID", field="file", name="", problem="not_object")
    files = checked(entry.get("files"), allow_empty=True)  # empty: back to the shipped wording
    try:
        new_revision = int(entry.get("revision", 0))
    except (TypeError, ValueError) as exc:
        raise DomainError("WORDING_INVALID", field="file", name="", problem="revision") from exc
    if new_revision <= revision(session):
        return None
    value: dict[str, Any] = {"revision": new_revision, "files": files}
    bases = entry.get("legal_bases")
    if isinstance(bases, dict):
        value["legal_bases"] = {str(k): str(v) for k, v in bases.items() if isinstance(v, str)}
    _store(session, value, actor)
    return new_revision


def _store(session: Session, value: dict[str, Any], actor: str) -> None:
    row = session.get(LocalParameter, PUSHED_KEY)
    if row is None:
        session.add(LocalParameter(key=PUSHED_KEY, value=value, changed_by=actor))
    else:
        row.value, row.changed_by = value, actor


def _read_files(source: Path) -> dict[str, Any]:
    paths = sorted(source.glob("*.json")) if source.is_dir() else [source]
    if not paths:
        raise DomainError("WORDING_INVALID", field="file", name=source.name, problem="empty")
    files: dict[str, Any] = {}
    for path in paths:
        try:
            if path.stat().st_size > MAX_FILE_BYTES:
                raise DomainError("WORDING_INVALID", field="file", name=path.name, problem="too_large")
            files[path.stem] = json.loads(path.read_text(encoding="utf-8"))
        except (OSError, ValueError) as exc:
            raise DomainError("WORDING_INVALID", field="file", name=path.name, problem="not_json") from exc
    return files


def load(db: Any, source: Path, actor: str, access: Access | None = None) -> int:
    """Province: adopt wording files (a folder of ``<document>.json`` or one file) as the next
    revision, merged over the set already pushed. All files are checked before any is kept. On a
    server office with accounts only a leader or an admin publishes (PUBLISH_ROLE_REQUIRED)."""
    files = checked(_read_files(source))
    with db.transaction(actor) as session:
        check_publisher(session, actor, access)
        merged = {**pushed_templates(session), **files}
        new_revision = revision(session) + 1
        _store(session, {"revision": new_revision, "files": merged, "legal_bases": pushed_legal_bases(session)},
               actor)
    return new_revision


def clear(db: Any, actor: str, access: Access | None = None) -> int:
    """Province: go back to the shipped wording (a new, empty revision still travels down)."""
    with db.transaction(actor) as session:
        check_publisher(session, actor, access)
        new_revision = revision(session) + 1
        _store(session, {"revision": new_revision, "files": {}, "legal_bases": pushed_legal_bases(session)}, actor)
    return new_revision


def export(db: Any, target: Path) -> list[Path]:
    """Write the wording in use (shipped with the province's changes) as files to edit and load."""
    from ..reports.templates import load_template

    try:
        target.mkdir(parents=True, exist_ok=True)
        with db.reader() as session:
            pushed = pushed_templates(session)
        written = []
        for name in template_names():
            path = target / f"{name}.json"
            path.write_text(json.dumps(load_template(name, None, pushed), ensure_ascii=False, indent=2) + "\n",
                            encoding="utf-8")
            written.append(path)
    except OSError as exc:
        raise DomainError("OUTPUT_UNWRITABLE", field="out", value=str(target)) from exc
    return written
