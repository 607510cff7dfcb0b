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
from ..domain.enums import CollectiveKind
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
from ..spreadsheets.import_report import ImportPlan, ImportReport, ImportResult, Notice, RowReport, field_title
from ..spreadsheets.reading import open_workbook, read_sheet
from .base import ServiceBase
from .collectives import CollectiveService
from .excel_import_rows import (
    RowParser,
    award_identity,
    birth_text,
    candidate,
    collective_args,
    compatible,
    person_input,
    stored_person_input,
)
from .people import PeopleService, PersonInput
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
            for name in candidates:
                grid = read_sheet(workbook, name, file_name=path.name)
                block = detect_header(grid, kind, header_rows=header_rows)
                score = len(block.mapping) if block is not None and not missing_required(kind, block.mapping) else -1
                if best is None or score > best[0]:
                    best = (score, grid, block)
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
        return ImportPlan(path=path, kind=kind, sheet=grid.title, sheets=sheets, header=block,
                          header_found=found, grid=grid, notices=notices)

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
                progress: Progress | None = None) -> ImportReport:
        """Every data row and what a commit would do with it. Reads the register, writes nothing.

        ``mapping`` (field -> 1-based column) replaces the proposed one; ``progress(done, total)``
        returning False stops with IMPORT_CANCELLED.
        """
        mapping = self._check_mapping(plan, plan.mapping if mapping is None else mapping)
        with self.db.reader() as session:
            parser = _Matcher(plan, mapping, self.catalog, village_names(session))

            def tick(done: int, total: int) -> None:
                if progress is not None and progress(done, total) is False:
                    raise StateError("IMPORT_CANCELLED", field="file", file=plan.file)

            rows, blanks = parser.parse_all(tick)
            if plan.kind == "people":
                parser.match_people(session, rows, PeopleService(self.db, self.actor, self._catalog))
            elif plan.kind == "collectives":
                parser.match_collectives(session, rows, CollectiveService(self.db, self.actor, self._catalog))
            else:
                parser.match_awards(session, rows)
        return ImportReport(plan=plan, mapping=mapping, rows=rows, blank_rows=blanks)

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
                try:
                    if plan.kind == "people":
                        subject_id, is_new = self._write_person(session, people, row, decision)
                        subject = Subject(person_id=subject_id)
                    elif plan.kind == "collectives":
                        subject_id, is_new = self._write_collective(session, collectives, row, decision,
                                                                    new_collectives)
                        subject = Subject(collective_id=subject_id)
                    else:
                        subject = Subject(**row.data["subject"])
                        subject_id, is_new = subject.person_id or subject.collective_id or "", False
                    added = self._write_awards(session, records, subject, row.awards)
                except DomainError as exc:
                    raise _commit_failure(exc, report, row.row) from exc
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
                              source="import", session=session)
            added += 1
        return added


def _commit_failure(exc: DomainError, report: ImportReport, row: int) -> DomainError:
    """The refusal, saying which row of which file stopped the import (nothing was written).

    The reason is rendered in both languages now, with the column's header as the field name."""
    from ..messages import render

    column = report.mapping.get(exc.field or "")
    label = report.plan.header.label_of(column) if column else exc.field
    inner = DomainError(exc.code, field=label or None, **exc.params)
    return type(exc)("IMPORT_COMMIT_FAILED", field=f"rows[{row}].{exc.field or 'file'}", file=report.plan.file,
                     sheet=report.plan.sheet, row=row, column=column_letter(column) if column else "",
                     reason_code=exc.code, reason_vi=render(inner, "vi"), reason_en=render(inner, "en"))


def _dmy(iso: str | None) -> str:
    return f"{iso[8:10]}/{iso[5:7]}/{iso[0:4]}" if iso else ""


class _Matcher(RowParser):
    """The second pass: each parsed row against what the register already holds."""

    def match_people(self, session: Session, rows: list[RowReport], people: PeopleService) -> None:
        data_rows = [r for r in rows if r.action != "skip"]
        fields = [r.data.get("person", {}) for r in data_rows]
        by_key: dict[str, list[Person]] = {}
        for p in repo.people_by_name_keys(session, {search_key(f.get("full_name", "")) for f in fields}):
            by_key.setdefault(p.search_key, []).append(p)
        by_cccd = {p.cccd: p for p in repo.people_by_cccds(session, {f.get("cccd", "") for f in fields})}
        known = {p.id for p in by_cccd.values()} | {p.id for ps in by_key.values() for p in ps}
        existing_awards = self._existing_awards(session, person_ids=known)
        seen_cccd: dict[str, tuple[int, str]] = {}
        seen_names: dict[str, list[tuple[int, dict[str, Any]]]] = {}
        for row in data_rows:
            f = row.data["person"]
            key, cccd = search_key(f.get("full_name", "")), f.get("cccd", "")
            year = int(f["birth"][-4:]) if f.get("birth") else None
            row.awards = row.data.get("awards", [])
            if row.action == "error":
                continue
            target: Person | None = None
            if cccd and cccd in seen_cccd:
                first_row, first_key = seen_cccd[cccd]
                if first_key == key:  # the same person entered twice: nothing more to write
                    row.action, row.skip_reason = "skip", "IMPORT_ROW_REPEATED"
                    row.skip_params = {"first_row": first_row}
                    row.awards = []
                else:
                    self._fail(row, "cccd", "IMPORT_CCCD_REPEATED", value=cccd, first_row=first_row)
                continue
            if cccd and cccd in by_cccd:
                target = by_cccd[cccd]
                if target.search_key != key:
                    row.candidates = [candidate(target)]
                    self._fail(row, "cccd", "IMPORT_CCCD_OTHER_PERSON", value=cccd, name=target.full_name)
                    continue
            if target is not None:
                self._update_person(row, target, f, people, existing_awards)
            else:
                self._validate(row, people, person_input(f))
            if row.action == "create":
                same = [p for p in by_key.get(key, []) if compatible(p.gender, p.birth_year, p.cccd, f, year)]
                earlier = [(n, g["name"]) for n, g in seen_names.get(key, [])
                           if compatible(g.get("gender"), g.get("year"), g.get("cccd"), f, year)]
                unchanged = [p for p in same if self._adds_nothing(p, f, row, existing_awards)]
                if len(unchanged) == 1:  # everything the row says is already recorded, to the letter
                    row.action, row.skip_reason = "skip", "IMPORT_ROW_UNCHANGED"
                    row.target_id, row.candidates = unchanged[0].id, [candidate(unchanged[0])]
                    row.awards = []
                elif same:
                    row.action, row.candidates = "duplicate", [candidate(p) for p in same]
                    names = ", ".join(f"{p.full_name} ({birth_text(None, p.birth_year) or '?'})" for p in same)
                    self._note(row, "IMPORT_DUPLICATE_IN_REGISTER", names=names)
                elif earlier:
                    row.action, row.candidates = "duplicate", [{"row": n} for n, _ in earlier]
                    self._note(row, "IMPORT_DUPLICATE_IN_FILE", first_row=earlier[0][0], name=earlier[0][1])
            if row.action == "error":
                continue
            if cccd:
                seen_cccd[cccd] = (row.row, key)
            seen_names.setdefault(key, []).append((row.row, {"gender": f.get("gender"), "year": year,
                                                             "cccd": cccd or None, "name": f.get("full_name", "")}))

    @staticmethod
    def _adds_nothing(person: Person, f: dict[str, Any], row: RowReport,
                      existing_awards: set[tuple[str, tuple[int, str]]]) -> bool:
        """Everything the row says is already recorded for this person, to the letter, awards included."""
        stored = stored_person_input(person)
        awards_known = all((person.id, award_identity(a["year"], a["award_code"], a["title"])) in existing_awards
                           for a in row.awards)
        return awards_known and all(stored.get(k) == v for k, v in f.items() if v not in (None, ""))

    def _update_person(self, row: RowReport, target: Person, f: dict[str, Any], people: PeopleService,
                       existing_awards: set[tuple[str, tuple[int, str]]]) -> None:
        stored = stored_person_input(target)
        changes: dict[str, list[Any]] = {}
        for name, value in f.items():
            old = stored.get(name)
            if name == "full_name" or value in (None, ""):
                continue
            if name == "birth" and len(value) == 4 and old and old.endswith(value):
                continue  # a year that agrees with the stored date changes nothing
            if value != old:
                changes[name] = [self._show(name, old), self._show(name, value)]
        row.target_id = target.id
        row.candidates = [candidate(target)]
        row.changes = changes
        row.awards = [a for a in row.awards
                      if (target.id, award_identity(a["year"], a["award_code"], a["title"])) not in existing_awards]
        if not changes and not row.awards:
            row.action, row.skip_reason = "skip", "IMPORT_ROW_UNCHANGED"
            return
        row.action = "update"
        merged = {**stored, **{k: v for k, v in f.items() if k != "full_name" and v not in (None, "")}}
        self._validate(row, people, person_input(merged), person=target)

    def _validate(self, row: RowReport, people: PeopleService, data: PersonInput, person: Person | None = None) -> None:
        """The register's own checks on a scratch copy (CCCD against birth year and gender, lengths …)."""
        scratch = Person()
        if person is not None:
            scratch.id = person.id
        try:
            people._apply(scratch, data)
        except DomainError as exc:
            field = {"birth": next((f for f in ("birth", "birth_male", "birth_female") if f in self.mapping),
                                   "birth")}.get(exc.field or "", exc.field or "")
            self._fail(row, field, exc.code, **exc.params)

    def match_collectives(self, session: Session, rows: list[RowReport], service: CollectiveService) -> None:
        data_rows = [r for r in rows if r.action != "skip"]
        keys = {search_key(r.data.get("collective", {}).get("name", "")) for r in data_rows}
        keys |= {r.data.get("collective", {}).get("parent_key", "") for r in data_rows}
        by_key: dict[str, list[Collective]] = {}
        for c in repo.collectives_by_name_keys(session, keys):
            by_key.setdefault(c.search_key, []).append(c)
        existing_awards = self._existing_awards(session, collective_ids={c.id for cs in by_key.values() for c in cs})
        seen: dict[str, int] = {}
        for row in data_rows:
            data = row.data["collective"]
            row.awards = row.data.get("awards", [])
            parent_key = data.get("parent_key")
            if parent_key:
                parents = by_key.get(parent_key, [])
                if parents:
                    data["parent_id"] = parents[0].id
                elif parent_key not in seen:
                    self._add(row, "parent", "IMPORT_PARENT_UNKNOWN", "warning", value=row.values.get("parent", ""))
                    data.pop("parent_key")
            if row.action == "error":
                continue
            key = search_key(data.get("name", ""))
            if key in seen:
                row.action, row.candidates = "duplicate", [{"row": seen[key]}]
                self._note(row, "IMPORT_DUPLICATE_IN_FILE", first_row=seen[key], name=data.get("name", ""))
                continue
            seen[key] = row.row
            stored = by_key.get(key, [])
            if len(stored) > 1:
                row.action, row.candidates = "duplicate", [{"collective_id": c.id, "name": c.name} for c in stored]
                self._note(row, "IMPORT_DUPLICATE_IN_REGISTER", names=", ".join(c.name for c in stored))
                continue
            if stored:
                self._update_collective(row, stored[0], data, existing_awards)
            if row.action != "skip":
                self._validate_collective(session, row, service, data, stored[0] if stored else None)

    def _update_collective(self, row: RowReport, target: Collective, data: dict[str, Any],
                           existing_awards: set[tuple[str, tuple[int, str]]]) -> None:
        stored = {"kind": target.kind, "village_id": target.village_id, "member_count": target.member_count,
                  "women_count": target.women_count, "address": target.address, "parent_id": target.parent_id}
        changes = {k: [self._show(k, stored[k]), self._show(k, v)] for k, v in data.items()
                   if k in stored and v not in (None, "") and v != stored[k]}
        row.target_id, row.changes = target.id, changes
        row.candidates = [{"collective_id": target.id, "name": target.name}]
        row.awards = [a for a in row.awards
                      if (target.id, award_identity(a["year"], a["award_code"], a["title"])) not in existing_awards]
        if not changes and not row.awards:
            row.action, row.skip_reason = "skip", "IMPORT_ROW_UNCHANGED"
        else:
            row.action = "update"

    def _validate_collective(self, session: Session, row: RowReport, service: CollectiveService,
                             data: dict[str, Any], stored: Collective | None) -> None:
        scratch = Collective()
        try:
            service._apply(session, scratch, **collective_args({k: v for k, v in data.items() if k != "parent_key"},
                                                                stored))
        except DomainError as exc:
            self._fail(row, exc.field or "", exc.code, **exc.params)

    def match_awards(self, session: Session, rows: list[RowReport]) -> None:
        data_rows = [r for r in rows if r.action != "skip"]
        whos = [r.data.get("who", {}) for r in data_rows]
        people_by_key: dict[str, list[Person]] = {}
        for p in repo.people_by_name_keys(session, {search_key(w.get("name", "")) for w in whos}):
            people_by_key.setdefault(p.search_key, []).append(p)
        by_cccd = {p.cccd: p for p in repo.people_by_cccds(session, {w.get("cccd", "") for w in whos})}
        coll_by_key: dict[str, list[Collective]] = {}
        for c in repo.collectives_by_name_keys(session, {search_key(w.get("collective", "")) for w in whos}):
            coll_by_key.setdefault(c.search_key, []).append(c)
        existing = self._existing_awards(
            session, person_ids={p.id for ps in people_by_key.values() for p in ps} | {p.id for p in by_cccd.values()},
            collective_ids={c.id for cs in coll_by_key.values() for c in cs})
        seen: dict[tuple[str, tuple[int, str]], int] = {}
        for row in data_rows:
            if row.action == "error":
                continue
            who = row.data["who"]
            subject = self._award_subject(row, who, people_by_key, by_cccd, coll_by_key)
            if subject is None:
                continue
            subject_id, types, direct = subject
            awards, problems = self.awards_in_row(row.row, types, direct)
            row.problems.extend(problems)
            if any(p.severity == "error" for p in problems):
                row.action = "error"
                continue
            fresh = []
            for award in awards:
                identity = (subject_id, award_identity(award["year"], award["award_code"], award["title"]))
                if identity in existing:
                    continue
                if identity in seen:
                    row.action, row.candidates = "duplicate", [{"row": seen[identity]}]
                    self._note(row, "IMPORT_DUPLICATE_IN_FILE", first_row=seen[identity],
                               name=who.get("name") or who.get("collective"))
                    break
                seen[identity] = row.row
                fresh.append(award)
            row.awards = fresh if row.action != "duplicate" else awards
            if row.action == "create" and not fresh:
                row.action, row.skip_reason = "skip", "IMPORT_AWARD_EXISTS"

    def _award_subject(self, row: RowReport, who: dict[str, Any], people_by_key: dict[str, list[Person]],
                       by_cccd: dict[str, Person], coll_by_key: dict[str, list[Collective]]
                       ) -> tuple[str, set[str], bool] | None:
        """(subject id, catalog subject types, direct worker) of an award row, or None with an error."""
        if who["name"] or who["cccd"]:
            person = by_cccd.get(who["cccd"]) if who["cccd"] else None
            if person is None:
                found = [p for p in people_by_key.get(search_key(who["name"]), [])
                         if compatible(p.gender, p.birth_year, p.cccd, {"gender": who["gender"],
                                                                         "cccd": who["cccd"]}, who["year"])]
                label = who["name"] + (f" ({who['year']})" if who["year"] else "")
                if not found:
                    self._fail(row, "full_name", "IMPORT_PERSON_NOT_FOUND", name=label or who["cccd"])
                    return None
                if len(found) > 1:
                    row.candidates = [candidate(p) for p in found]
                    self._fail(row, "full_name", "IMPORT_PERSON_AMBIGUOUS", name=label, count=len(found))
                    return None
                person = found[0]
            row.data["subject"] = {"person_id": person.id}
            row.target_id = person.id
            row.values["full_name"] = person.full_name
            return person.id, {"individual"}, person.is_direct_worker
        found_c = coll_by_key.get(search_key(who["collective"]), [])
        if not found_c:
            self._fail(row, "collective", "IMPORT_COLLECTIVE_NOT_FOUND", name=who["collective"])
            return None
        if len(found_c) > 1:
            self._fail(row, "collective", "IMPORT_COLLECTIVE_AMBIGUOUS", name=who["collective"], count=len(found_c))
            return None
        collective = found_c[0]
        row.data["subject"] = {"collective_id": collective.id}
        row.target_id = collective.id
        row.values["collective"] = collective.name
        types = {"household"} if collective.kind == CollectiveKind.HOUSEHOLD.value else {"collective"}
        return collective.id, types, False
