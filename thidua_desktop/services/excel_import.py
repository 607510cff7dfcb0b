"""Importing the Excel lists communes already keep: people, collectives and award history.

Three steps, for the GUI wizard and the CLI alike:

1. :meth:`ExcelImportService.analyse` opens the file safely, picks the sheet, finds the header
   block and proposes which column holds which field (the GUI lets the officer change it);
2. :meth:`~ExcelImportService.preview` reads every row and says what would happen to it (create,
   update, skip, duplicate, error) with each problem's row, column and reason. Nothing is written;
3. :meth:`~ExcelImportService.commit` writes the accepted rows in one transaction, through the
   same validation as the register's own services. A row that fails then undoes the whole import.

Rows with errors are never written. Likely duplicates are left out unless ``include_duplicates``
or a per-row resolution says otherwise (see :meth:`commit`).
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from ..db import Session
from ..db.models import Collective, Person
from ..db.repositories import imports as repo
from ..db.repositories.common import get_live
from ..db.repositories.people import village_names
from ..domain.errors import DomainError, StateError, ValidationError
from ..domain.text import search_key
from ..spreadsheets.cells import cell_text
from ..spreadsheets.headers import (
    KINDS,
    HeaderBlock,
    column_letter,
    detect_header,
    fields_for,
    missing_required,
)
from ..spreadsheets.reading import open_workbook, read_sheet
from .base import ServiceBase
from .collectives import CollectiveService
from .excel_import_foreign import (
    BASE_KINDS,
    apply_cell_problems,
    award_year,
    enrich_plan,
    formula_rows,
    other_sheets,
    route_award_subjects,
)
from .excel_import_match import Matcher
from .excel_import_mixed import preview_mixed
from .excel_import_records import RECORD_KINDS, commit_records, link_award_initiatives, preview_records
from .excel_import_records_write import commit_failure
from .excel_import_report import ImportPlan, ImportReport, ImportResult, Notice, RowReport, field_title
from .excel_import_rows import (
    award_identity,
    collective_args,
    person_input,
    stored_person_input,
)
from .people import PeopleService
from .records import RecordsService, Subject

__all__ = ["ExcelImportService"]

Progress = Callable[[int, int], bool | None]


class ExcelImportService(ServiceBase):
    # 1. analyse ----------------------------------------------------------------------------------
    def analyse(self, path: str | Path, kind: str, *, sheet: str | None = None,
                header_rows: tuple[int, int] | None = None) -> ImportPlan:
        """Open ``path`` and propose a mapping for ``kind`` (people, collectives, awards).

        Without ``sheet`` the sheet whose header matches best is chosen; ``header_rows`` (first,
        last) forces the header block. When no header is found the plan says so
        (``header_found`` False, ``missing_required``) so the GUI can let the officer point at it.
        """
        if kind not in KINDS:
            raise ValidationError("IMPORT_KIND_UNKNOWN", field="kind", value=kind)
        path = Path(path)
        workbook = open_workbook(path)
        try:
            sheets = [ws.title for ws in workbook.worksheets if ws.sheet_state == "visible"] or workbook.sheetnames
            if sheet is not None:
                candidates = [sheet]
            else:
                active = workbook.active.title if workbook.active is not None else sheets[0]
                candidates = sorted(sheets, key=lambda name: name != active)
            best: tuple[int, Any, HeaderBlock | None] | None = None
            read: dict[str, Any] = {}
            for name in candidates:
                grid = read[name] = read_sheet(workbook, name, file_name=path.name)
                block = detect_header(grid, kind, header_rows=header_rows)
                score = len(block.mapping) if block is not None and not missing_required(kind, block.mapping) else -1
                if best is None or score > best[0]:
                    best = (score, grid, block)
            # lookup sheets that translate the chosen sheet's codes (excel_import_foreign.py)
            others = other_sheets(workbook, best[1].title, path.name, read) \
                if best is not None and kind in BASE_KINDS else []
        finally:
            workbook.close()
        if best is None:
            raise ValidationError("IMPORT_NO_SHEET", field="file", file=path.name)
        _, grid, block = best
        found = block is not None
        if block is None:
            first = next((i for i, row in enumerate(grid.rows, start=1) if any(cell_text(v) for v in row)), 1)
            block = detect_header(grid, kind, header_rows=(first, first))
            assert block is not None
        notices = []
        if grid.tcvn3_cells:
            notices.append(Notice("IMPORT_TCVN3_CONVERTED", {"file": path.name, "sheet": grid.title,
                                                             "count": grid.tcvn3_cells}))
        if grid.nfd_cells:
            notices.append(Notice("IMPORT_NFD_NORMALISED", {"file": path.name, "sheet": grid.title,
                                                            "count": grid.nfd_cells}))
        return enrich_plan(ImportPlan(path=path, kind=kind, sheet=grid.title, sheets=sheets, header=block,
                                      header_found=found, grid=grid, notices=notices), others)

    # 2. preview ----------------------------------------------------------------------------------
    def _check_mapping(self, plan: ImportPlan, mapping: dict[str, int]) -> dict[str, int]:
        names = {spec.name for spec in fields_for(plan.kind)}
        used: dict[int, str] = {}
        for name, col in mapping.items():
            if name not in names:
                raise ValidationError("IMPORT_MAPPING_FIELD_UNKNOWN", field="mapping", value=name, kind=plan.kind,
                                      file=plan.file)
            if not isinstance(col, int) or not 1 <= col <= max(plan.grid.max_col, 1):
                raise ValidationError("IMPORT_MAPPING_COLUMN_INVALID", field="mapping", value=col, file=plan.file,
                                      sheet=plan.sheet)
            if col in used:
                raise ValidationError("IMPORT_MAPPING_COLUMN_TWICE", field="mapping", column=column_letter(col),
                                      value=field_title(used[col]), other=field_title(name), file=plan.file,
                                      sheet=plan.sheet)
            used[col] = name
        missing = missing_required(plan.kind, mapping)
        if missing:
            raise ValidationError("IMPORT_REQUIRED_COLUMN_MISSING", field="mapping", needed=field_title(missing[0]),
                                  file=plan.file, sheet=plan.sheet)
        return dict(mapping)

    def preview(self, plan: ImportPlan, mapping: dict[str, int] | None = None, *,
                progress: Progress | None = None, year: int | None = None) -> ImportReport:
        """Every data row and what a commit would do with it. Reads the register, writes nothing.

        ``mapping`` (field -> 1-based column) replaces the proposed one; ``progress(done, total)``
        returning False stops with IMPORT_CANCELLED. ``year``: the award year of a file without a
        year column (else the one its title names; neither refuses the file, IMPORT_AWARD_YEAR_MISSING).
        """
        mapping = self._check_mapping(plan, plan.mapping if mapping is None else mapping)
        if plan.kind in RECORD_KINDS:  # ratings, initiatives, discipline: excel_import_records.py
            return preview_records(self, plan, mapping, progress)
        default_year = award_year(plan, mapping, year) if plan.kind in BASE_KINDS else None
        with self.db.reader() as session:
            parser = Matcher(plan, mapping, self.catalog, village_names(session))
            parser.default_year = default_year

            def tick(done: int, total: int) -> None:
                if progress is not None and progress(done, total) is False:
                    raise StateError("IMPORT_CANCELLED", field="file", file=plan.file)

            if "subject_type" in mapping and plan.kind in ("people", "collectives"):  # excel_import_mixed.py
                rows, blanks = preview_mixed(session, plan, mapping, (self.catalog, parser.villages), default_year,
                                             tick, PeopleService(self.db, self.actor, self._catalog),
                                             CollectiveService(self.db, self.actor, self._catalog))
                return ImportReport(plan=plan, mapping=mapping, rows=rows, blank_rows=blanks,
                                    formula_rows=formula_rows(plan.grid, blanks), year=default_year)
            rows, blanks = parser.parse_all(tick)
            apply_cell_problems(plan, mapping, rows)  # unknown codes, formula errors
            if "subject_type" in mapping and plan.kind == "awards":
                route_award_subjects(plan, mapping, rows)
            if plan.kind == "people":
                parser.match_people(session, rows, PeopleService(self.db, self.actor, self._catalog))
            elif plan.kind == "collectives":
                parser.match_collectives(session, rows, CollectiveService(self.db, self.actor, self._catalog))
            else:
                parser.match_awards(session, rows)
                link_award_initiatives(session, plan, mapping, rows)  # the "Sáng kiến" column
        return ImportReport(plan=plan, mapping=mapping, rows=rows, blank_rows=blanks,
                            formula_rows=formula_rows(plan.grid, blanks), year=default_year)

    # 3. commit -----------------------------------------------------------------------------------
    @staticmethod
    def _decision(row: RowReport, include_duplicates: bool, resolution: str | None) -> str | None:
        """What to do with a row: "create", "update:<id>", or None to leave it out."""
        if resolution == "skip":
            return None
        if resolution is not None and resolution != "create":
            return f"update:{resolution}"
        if resolution == "create" or (row.action == "duplicate" and include_duplicates):
            return "create"
        if row.action == "create":
            return "create"
        if row.action == "update":
            return f"update:{row.target_id}"
        return None

    @staticmethod
    def _check_resolutions(report: ImportReport, resolutions: dict[int, str]) -> None:
        rows = {r.row: r for r in report.rows}
        for number, value in resolutions.items():
            row = rows.get(number)
            ok = row is not None and row.action in ("create", "update", "duplicate") and bool(value)
            if ok and value not in ("create", "skip") and report.plan.kind == "awards":
                ok = False  # an award row names its subject; it cannot be moved to another record here
            if not ok:
                raise ValidationError("IMPORT_RESOLUTION_INVALID", field="resolutions", row=number, value=value,
                                      file=report.plan.file)

    def commit(self, report: ImportReport, *, include_duplicates: bool = False,
               resolutions: dict[int, str] | None = None) -> ImportResult:
        """Write every accepted row in ONE transaction; any failure writes nothing.

        Accepted: "create" and "update" rows; "duplicate" rows too when ``include_duplicates``
        (they become new records). ``resolutions`` decides single rows: row number -> "create",
        "skip", or the id of the existing person or collective to update with the row's values.
        """
        if report.plan.kind in RECORD_KINDS:
            return commit_records(self, report, include_duplicates=include_duplicates, resolutions=resolutions)
        if report.committed:
            raise StateError("IMPORT_ALREADY_COMMITTED", field="file", file=report.plan.file)
        resolutions = dict(resolutions or {})
        self._check_resolutions(report, resolutions)
        plan = report.plan
        people = PeopleService(self.db, self.actor, self._catalog)
        collectives = CollectiveService(self.db, self.actor, self._catalog)
        records = RecordsService(self.db, self.actor, self._catalog)
        created = updated = awards_added = skipped = 0
        ids: dict[int, str] = {}
        with self.db.transaction(self.actor) as session:
            new_collectives: dict[str, str] = {}  # name key -> id, for parents named earlier in the file
            for row in report.rows:
                decision = self._decision(row, include_duplicates, resolutions.get(row.row))
                if decision is None:
                    skipped += 1
                    continue
                route = row.data.get("route", plan.kind)  # a mixed sheet's rows go to their own register
                try:
                    if route == "people":
                        subject_id, is_new = self._write_person(session, people, row, decision)
                        subject = Subject(person_id=subject_id)
                    elif route == "collectives":
                        subject_id, is_new = self._write_collective(session, collectives, row, decision,
                                                                    new_collectives)
                        subject = Subject(collective_id=subject_id)
                    else:
                        subject = Subject(**row.data["subject"])
                        subject_id, is_new = subject.person_id or subject.collective_id or "", False
                    added = self._write_awards(session, records, subject, row.awards)
                except DomainError as exc:
                    raise commit_failure(exc, report, row.row) from exc
                ids[row.row] = subject_id
                awards_added += added
                if plan.kind == "awards":
                    created += 1 if added else 0
                elif is_new:
                    created += 1
                else:
                    updated += 1
        report.committed = True
        return ImportResult(created=created, updated=updated, awards_added=awards_added, skipped=skipped, ids=ids)

    @staticmethod
    def _write_person(session: Session, people: PeopleService, row: RowReport, decision: str) -> tuple[str, bool]:
        fields = row.data.get("person", {})
        if decision == "create":
            person = Person()
            people._apply(person, person_input(fields))
            people._check_refs(session, person)
            session.add(person)
            session.flush()
            return person.id, True
        person = get_live(session, Person, decision.split(":", 1)[1], field="person")
        merged = {**stored_person_input(person), **{k: v for k, v in fields.items() if k != "full_name"}}
        people._apply(person, person_input(merged))
        people._check_refs(session, person)
        session.flush()
        return person.id, False

    @staticmethod
    def _write_collective(session: Session, service: CollectiveService, row: RowReport, decision: str,
                          new_collectives: dict[str, str]) -> tuple[str, bool]:
        data = dict(row.data.get("collective", {}))
        parent_key = data.pop("parent_key", "")
        if parent_key and not data.get("parent_id"):
            data["parent_id"] = new_collectives.get(parent_key)
        if decision == "create":
            record = Collective()
            service._apply(session, record, **collective_args(data, None))
            session.add(record)
            session.flush()
            new_collectives.setdefault(search_key(record.name), record.id)
            return record.id, True
        record = get_live(session, Collective, decision.split(":", 1)[1], field="collective")
        service._apply(session, record, **collective_args(data, record))
        session.flush()
        return record.id, False

    @staticmethod
    def _write_awards(session: Session, records: RecordsService, subject: Subject,
                      awards: list[dict[str, Any]]) -> int:
        if not awards:
            return 0
        existing = {award_identity(a.year, a.award_code, a.title)
                    for a in repo.awards_of(session, [subject.person_id or ""], [subject.collective_id or ""])}
        added = 0
        for award in awards:
            identity = award_identity(award["year"], award["award_code"], award["title"])
            if identity in existing:  # recorded meanwhile, or the row was resolved onto someone who has it
                continue
            existing.add(identity)
            records.add_award(subject, award_code=award["award_code"], year=award["year"],
                              award_kind=award["award_kind"], title=award["title"],
                              decision_number=award.get("decision_number", ""),
                              decision_date=_dmy(award.get("decision_date")),
                              issuing_level=award["issuing_level"], issuer=award.get("issuer", ""),
                              issuing_body=award.get("issuing_body", ""), award_form=award.get("award_form", ""),
                              inferred_from_name=award.get("inferred_from_name", False),
                              source="import", session=session, initiative_id=award.get("initiative_id"))
            added += 1
        return added


def _dmy(iso: str | None) -> str:
    return f"{iso[8:10]}/{iso[5:7]}/{iso[0:4]}" if iso else ""
