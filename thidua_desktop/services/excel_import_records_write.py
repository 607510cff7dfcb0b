"""Writing an imported list of ratings, initiatives or disciplinary decisions: every accepted row
in ONE transaction, through the register's own service, so that a row the service refuses undoes
the whole import and the refusal names the row (see ``excel_import_records.py`` for the preview)."""

from __future__ import annotations

from datetime import date
from typing import Any

from ..db import Session
from ..db.models import DisciplineRecord, Initiative, InitiativeOwner
from ..db.repositories.common import get_live
from ..domain.enums import TaskRating
from ..domain.errors import DomainError, StateError, ValidationError, ValidationErrors
from ..messages import render
from .excel_import_report import ImportReport, ImportResult, RowReport, column_letter
from .records import RecordsService, Subject

__all__ = ["commit_failure", "commit_records"]


def commit_failure(exc: DomainError, report: ImportReport, row: int) -> DomainError:
    """The refusal, saying which row of which file stopped the import (nothing was written).

    The reason is rendered in both languages now, with the column's header as the field name."""
    if isinstance(exc, ValidationErrors):  # the row's first problem is enough to find the row
        exc = exc.errors[0]
    column = report.mapping.get(exc.field or "")
    label = report.plan.header.label_of(column) if column else exc.field
    inner = DomainError(exc.code, field=label or None, **exc.params)
    return type(exc)("IMPORT_COMMIT_FAILED", field=f"rows[{row}].{exc.field or 'file'}", file=report.plan.file,
                     sheet=report.plan.sheet, row=row, column=column_letter(column) if column else "",
                     reason_code=exc.code, reason_vi=render(inner, "vi"), reason_en=render(inner, "en"))


def _dmy(iso: str | None) -> str:
    return f"{iso[8:10]}/{iso[5:7]}/{iso[0:4]}" if iso else ""


def _decision(row: RowReport, include_duplicates: bool, resolution: str | None) -> str | None:
    """"create", "update" or None (left out). A row names its person: it cannot be moved onto
    another record, so a resolution is only "create" or "skip"."""
    if resolution == "skip":
        return None
    if row.action in ("create", "update"):
        return row.action
    if row.action == "duplicate" and (include_duplicates or resolution == "create"):
        return "create"
    return None


def _check_resolutions(report: ImportReport, resolutions: dict[int, str]) -> None:
    rows = {r.row: r for r in report.rows}
    for number, value in resolutions.items():
        row = rows.get(number)
        if row is None or row.action not in ("create", "update", "duplicate") or value not in ("create", "skip"):
            raise ValidationError("IMPORT_RESOLUTION_INVALID", field="resolutions", row=number, value=value,
                                  file=report.plan.file)


def commit_records(service: Any, report: ImportReport, *, include_duplicates: bool = False,
                   resolutions: dict[int, str] | None = None) -> ImportResult:
    """Write the accepted rows of a ratings, initiatives or discipline preview in ONE transaction."""
    if report.committed:
        raise StateError("IMPORT_ALREADY_COMMITTED", field="file", file=report.plan.file)
    resolutions = dict(resolutions or {})
    _check_resolutions(report, resolutions)
    records = RecordsService(service.db, service.actor, service._catalog)
    write = {"ratings": _rating, "initiatives": _initiative, "discipline": _discipline}[report.plan.kind]
    created = updated = skipped = 0
    ids: dict[int, str] = {}
    with service.db.transaction(service.actor) as session:
        for row in report.rows:
            decision = _decision(row, include_duplicates, resolutions.get(row.row))
            if decision is None:
                skipped += 1
                continue
            try:
                ids[row.row] = write(session, records, row, decision)
            except DomainError as exc:
                raise commit_failure(exc, report, row.row) from exc
            if decision == "create":
                created += 1
            else:
                updated += 1
    report.committed = True
    return ImportResult(created=created, updated=updated, awards_added=0, skipped=skipped, ids=ids)


def _rating(session: Session, records: RecordsService, row: RowReport, decision: str) -> str:
    data = row.data
    subject = Subject(person_id=data["person_id"])
    subject.check(session)  # removed meanwhile: the whole import stops, naming the row
    return records._upsert_rating(session, subject, int(data["year"]), TaskRating(data["rating"]),
                                  data["source_document"])


def _initiative(session: Session, records: RecordsService, row: RowReport, decision: str) -> str:
    data = row.data
    if decision == "create":
        return records.add_initiative(title=data["title"], level=data["level"], year=data["year"],
                                      owner_ids=data["owner_ids"], decision_number=data["decision_number"],
                                      decision_date=_dmy(data["decision_date"]), effect=data["effect"],
                                      scope=data["scope"], recognised_by=data["recognised_by"], session=session)
    initiative = get_live(session, Initiative, row.target_id, field="initiative")
    for name, (_old, new) in row.changes.items():
        if name == "decision_date":
            initiative.decision_date = date.fromisoformat(new)
        elif name != "authors":
            setattr(initiative, name, new)
    for person_id in data.get("new_owner_ids", []):
        session.add(InitiativeOwner(initiative_id=initiative.id, person_id=person_id))
    session.flush()
    return initiative.id


def _discipline(session: Session, records: RecordsService, row: RowReport, decision: str) -> str:
    data = row.data
    if decision == "create":
        return records.add_discipline(Subject(person_id=data["person_id"]), level=data["level"],
                                      decided_on=_dmy(data["decided_on"]), period_end=_dmy(data["period_end"]),
                                      decision_number=data["decision_number"], notes=data["notes"], session=session)
    record = get_live(session, DisciplineRecord, row.target_id, field="discipline")
    for name, (_old, new) in row.changes.items():
        setattr(record, name, date.fromisoformat(new) if name == "period_end" else new)
    session.flush()
    return record.id
