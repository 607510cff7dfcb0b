"""Importing the yearly records the rules read: task ratings, initiatives and disciplinary decisions.

The same three steps as the people import (``excel_import.py`` hands these kinds over here):
the plan finds the header and the columns, :func:`preview_records` says what every row would
become with each problem's row and column, and :func:`commit_records` writes the accepted rows in
ONE transaction. A person is found the way the award-history import finds one: by CCCD, or by
name with the birth year and gender when the file gives them; an unknown or ambiguous person is an
error of the row.

Also here: the award-history import's "Sáng kiến" column (:func:`link_award_initiatives`), which
names the initiative that backed an award; the initiative then counts as used.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import date
from typing import Any

from ..db import Session
from ..db.models import Initiative, Person
from ..db.repositories import imports as people_repo
from ..db.repositories import record_imports as repo
from ..domain.enums import InitiativeLevel, TaskRating
from ..domain.errors import StateError, ValidationError
from ..domain.text import search_key
from ..spreadsheets.cells import cell_text, parse_year_cell
from ..spreadsheets.headers import column_letter
from ..spreadsheets.record_fields import (
    RATING_ABBREVIATIONS,
    RECORD_KINDS,
    add_months,
    body_level,
    discipline_level,
    initiative_level,
    period_months,
    rating_of,
    split_authors,
)
from ..spreadsheets.title_year import title_year
from .excel_import_records_write import commit_records
from .excel_import_report import ImportPlan, ImportReport, Problem, RowReport
from .excel_import_rows import RowParser, _Row, candidate, compatible

__all__ = ["RECORD_KINDS", "commit_records", "link_award_initiatives", "preview_records"]

Progress = Callable[[int, int], bool | None]
_DECISION_DATE = re.compile(r"[,;\s]*(?:ngay\s*)?(\d{1,2}\s*[/.\-]\s*\d{1,2}\s*[/.\-]\s*\d{4})\s*$")
_LEVEL_LABELS = {InitiativeLevel.GRASSROOTS: ("cơ sở", "grassroots"),
                 InitiativeLevel.PROVINCIAL: ("tỉnh", "provincial"),
                 InitiativeLevel.NATIONAL: ("toàn quốc", "national")}
_MAX_EFFECT = 2000


def _title_key(text: str) -> str:
    return " ".join(re.sub(r"[\W_]+", " ", search_key(text)).split())


class People:
    """The people a file names, found by CCCD or by name (with birth year and gender when given)."""

    def __init__(self, session: Session, names: set[str], cccds: set[str]) -> None:
        self.by_key: dict[str, list[Person]] = {}
        for p in people_repo.people_by_name_keys(session, {search_key(n) for n in names if n}):
            self.by_key.setdefault(p.search_key, []).append(p)
        self.by_cccd = {p.cccd: p for p in people_repo.people_by_cccds(session, {c for c in cccds if c})}

    def find(self, name: str, cccd: str = "", gender: str | None = None, year: int | None = None
             ) -> tuple[Person | None, str, dict[str, Any]]:
        """(person, "", {}) or (None, reason code, its parameters)."""
        if cccd and cccd in self.by_cccd:
            person = self.by_cccd[cccd]
            if name and search_key(name) != person.search_key:
                return None, "IMPORT_CCCD_OTHER_PERSON", {"value": cccd, "name": person.full_name}
            return person, "", {}
        found = [p for p in self.by_key.get(search_key(name), [])
                 if compatible(p.gender, p.birth_year, p.cccd, {"gender": gender, "cccd": cccd}, year)]
        label = (name or cccd) + (f" ({year})" if year and name else "")
        if not found:
            return None, "IMPORT_PERSON_NOT_FOUND", {"name": label}
        if len(found) > 1:
            return None, "IMPORT_PERSON_AMBIGUOUS", {"name": label, "count": len(found)}
        return found[0], "", {}


class RecordParser(RowParser):
    """Reads the rows of a ratings, initiatives or discipline list, then matches them to the register."""

    def __init__(self, plan: ImportPlan, mapping: dict[str, int], catalog: Any) -> None:
        super().__init__(plan, mapping, catalog, {})
        found = title_year(plan.grid, plan.header.first_row)  # "KẾT QUẢ XẾP LOẠI … NĂM 2025"
        self.title_year = found.year if found is not None else None
        if plan.kind == "ratings" and "rating_year" not in mapping and self.title_year is None:
            # Refused once for the whole file, not on every row.
            raise ValidationError("IMPORT_RATING_YEAR_MISSING", field="file", file=plan.file, sheet=plan.sheet)

    # --- first pass (RowParser.parse_all walks the rows) --------------------------------------------
    def name_field(self) -> str:
        return "title" if self.plan.kind == "initiatives" else "full_name"

    def read_row(self, row: _Row) -> None:
        {"ratings": self._rating, "initiatives": self._initiative, "discipline": self._discipline}[self.plan.kind](row)

    def _who(self, row: _Row, *, required: bool = True) -> dict[str, Any]:
        """Name, CCCD, gender and birth year: what finds the person in the register."""
        name = row.text("full_name")
        if name:
            row.values["full_name"] = name
        gender, birth = self._birth_and_gender(row, required=False)
        cccd = self._cccd(row, gender, birth)
        if required and not name and not cccd:
            row.problem("full_name", "REQUIRED")
        return {"name": name, "cccd": cccd, "gender": gender.value if gender else None,
                "year": birth.year if birth else None}

    def _year(self, row: _Row, name: str) -> int | None:
        if row.text(name):
            return row.guard(name, parse_year_cell, row.raw(name), name)
        return self.title_year

    def _decision(self, row: _Row) -> tuple[str, date | None, str]:
        """(number, whole date or None, the field the date came from); "125/QĐ-UBND ngày 20/12/2024"
        in one cell gives both."""
        number = row.text("decision_number")
        if row.text("decision_date"):
            parsed = self._date(row, "decision_date", row.raw("decision_date"))
            if parsed is not None and parsed.day is None:
                row.problem("decision_date", "IMPORT_DATE_YEAR_ONLY", value=row.text("decision_date"))
            return number, parsed.day if parsed is not None else None, "decision_date"
        if number and (m := _DECISION_DATE.search(search_key(number))):
            parsed = self._date(row, "decision_number", m[1].replace(" ", ""))
            if parsed is not None:
                return number[: m.start()].rstrip(" ,;"), parsed.day, "decision_number"
        return number, None, "decision_date"

    def _rating(self, row: _Row) -> None:
        who = self._who(row)
        year = self._year(row, "rating_year")
        if year is None and not row.failed and not any(p.field == "rating_year" for p in row.problems):
            row.problem("rating_year", "REQUIRED")
        text = row.text("rating")
        rating = rating_of(text) if text else None
        if not text:
            row.problem("rating", "REQUIRED")
        elif rating is None:
            row.problem("rating", "IMPORT_RATING_UNKNOWN", value=text)
        source = row.text("source_document")
        if year is not None:
            row.values["year"] = year
        if rating is not None:
            row.values["rating"] = RATING_ABBREVIATIONS[rating]
        if source:
            row.values["source_document"] = source
        row.data.update(who=who, year=year, rating=rating.value if rating else None, source_document=source)

    def _level(self, row: _Row, body: str) -> InitiativeLevel | None:
        text = row.text("level")
        if text:
            level = initiative_level(text)
            if level is None:
                row.problem("level", "IMPORT_INITIATIVE_LEVEL_UNKNOWN", value=text)
            return level
        level = body_level(body) if body else None
        if level is None:
            row.problem("level", "REQUIRED")
        else:  # the list names who recognised it, not the level: say which level was taken
            vi, en = _LEVEL_LABELS[level]
            row.problem("recognised_by", "IMPORT_INITIATIVE_LEVEL_INFERRED", "warning", value=body,
                        level_vi=vi, level_en=en)
        return level

    def _initiative(self, row: _Row) -> None:
        title = row.text("title")
        if not title:
            row.problem("title", "REQUIRED")
        else:
            row.values["title"] = title
        authors = split_authors(row.text("authors"))
        if not authors:
            row.problem("authors", "REQUIRED")
        else:
            row.values["authors"] = ", ".join(name for name, _ in authors)
        who = self._who(row, required=False) if len(authors) == 1 else {}
        body = row.text("recognised_by")
        level = self._level(row, body)
        number, decided, _field = self._decision(row)
        year = row.guard("initiative_year", parse_year_cell, row.raw("initiative_year"), "initiative_year") \
            if row.text("initiative_year") else (decided.year if decided else self.title_year)
        if year is None and not any(p.field == "initiative_year" for p in row.problems):
            row.problem("initiative_year", "REQUIRED")
        effect = row.text("effect")
        scope = ""
        if text := row.text("scope"):
            reach = initiative_level(text)
            if reach is None:  # kept in the effect's text rather than lost
                row.problem("scope", "IMPORT_SCOPE_UNCLEAR", "warning", value=text)
                effect = f"{effect}\nPhạm vi ảnh hưởng: {text}".strip()
            else:
                scope = reach.value
        if len(effect) > _MAX_EFFECT:
            row.problem("effect", "TEXT_TOO_LONG", max=_MAX_EFFECT)
        for name, value in (("level", level.value if level else None), ("year", year), ("recognised_by", body),
                            ("decision_number", number), ("decision_date", decided.isoformat() if decided else None),
                            ("scope", scope), ("effect", effect)):
            if value not in (None, ""):
                row.values[name] = value
        row.data.update(title=title, authors=authors, who=who, level=level.value if level else None, year=year,
                        recognised_by=body, decision_number=number,
                        decision_date=decided.isoformat() if decided else None, scope=scope, effect=effect)

    def _discipline(self, row: _Row) -> None:
        who = self._who(row)
        text = row.text("form")
        level = discipline_level(text) if text else None
        if not text:
            row.problem("form", "REQUIRED")
        elif level is None:
            row.problem("form", "IMPORT_DISCIPLINE_FORM_UNKNOWN", value=text)
        number, decided, date_field = self._decision(row)
        if decided is None and not any(p.field in ("decision_date", "decision_number") for p in row.problems):
            row.problem("decision_date", "REQUIRED")
        end: date | None = None
        if text := row.text("period_end"):
            months = period_months(text)
            if months is not None:
                end = add_months(decided, months) if decided else None
            else:
                parsed = self._date(row, "period_end", row.raw("period_end"))
                if parsed is not None and parsed.day is None:
                    row.problem("period_end", "IMPORT_DATE_YEAR_ONLY", value=text)
                end = parsed.day if parsed is not None else None
            if end is not None and decided is not None and end < decided:
                row.problem("period_end", "DATE_ORDER")
        notes = row.text("notes")
        for name, value in (("form", level.value if level else None), ("decision_number", number),
                            ("decision_date", decided.isoformat() if decided else None),
                            ("period_end", end.isoformat() if end else None), ("notes", notes)):
            if value not in (None, ""):
                row.values[name] = value
        row.data.update(who=who, level=level.value if level else None, decision_number=number,
                        decided_on=decided.isoformat() if decided else None,
                        period_end=end.isoformat() if end else None, notes=notes, date_field=date_field)

    # --- second pass: against the register -----------------------------------------------------
    def match(self, session: Session, rows: list[RowReport]) -> None:
        data_rows = [r for r in rows if r.action != "skip"]
        whos = [r.data.get("who") or {} for r in data_rows]
        names = {w.get("name", "") for w in whos}
        names |= {name for r in data_rows for name, _ in r.data.get("authors", [])}
        people = People(session, names, {w.get("cccd", "") for w in whos} | _bracket_cccds(data_rows))
        {"ratings": self._match_ratings, "initiatives": self._match_initiatives,
         "discipline": self._match_discipline}[self.plan.kind](session, data_rows, people)

    def _register_person(self, row: RowReport, people: People) -> Person | None:
        who = row.data["who"]
        person, code, params = people.find(who["name"], who["cccd"], who["gender"], who["year"])
        if person is None:
            if code == "IMPORT_PERSON_AMBIGUOUS":
                row.candidates = [candidate(p) for p in people.by_key.get(search_key(who["name"]), [])]
            self._fail(row, "cccd" if code == "IMPORT_CCCD_OTHER_PERSON" else "full_name", code, **params)
            return None
        row.data["person_id"] = person.id
        row.values["full_name"] = person.full_name
        return person

    def _match_ratings(self, session: Session, rows: list[RowReport], people: People) -> None:
        found = {r.row: p for r in rows if r.action != "error" and (p := self._register_person(r, people)) is not None}
        existing = {(x.person_id, x.year): x for x in repo.ratings_of(session, {p.id for p in found.values()})}
        seen: dict[tuple[str, int], tuple[int, str]] = {}
        for row in rows:
            if row.action == "error":
                continue
            key = (row.data["person_id"], row.data["year"])
            rating = row.data["rating"]
            if key in seen:
                first_row, first_rating = seen[key]
                if first_rating == rating:
                    row.action, row.skip_reason, row.skip_params = "skip", "IMPORT_RECORD_REPEATED", {
                        "first_row": first_row}
                else:
                    self._fail(row, "rating", "IMPORT_RATING_CONFLICT", first_row=first_row, year=key[1],
                               other=RATING_ABBREVIATIONS[TaskRating(first_rating)])
                continue
            seen[key] = (row.row, rating)
            stored = existing.get(key)
            if stored is None:
                continue
            row.target_id = stored.id
            source = row.data["source_document"] or stored.source_document
            row.data["source_document"] = source
            if stored.rating != rating:
                row.changes["rating"] = [RATING_ABBREVIATIONS[TaskRating(stored.rating)],
                                         RATING_ABBREVIATIONS[TaskRating(rating)]]
            if source != stored.source_document:
                row.changes["source_document"] = [stored.source_document, source]
            row.action = "update" if row.changes else "skip"
            if not row.changes:
                row.skip_reason = "IMPORT_ROW_UNCHANGED"

    def _authors(self, row: RowReport, people: People) -> list[Person] | None:
        who = row.data.get("who") or {}
        out: list[Person] = []
        for name, extra in row.data["authors"]:
            year = int(m[0]) if (m := re.search(r"\b(19|20)\d{2}\b", extra)) else who.get("year")
            cccd = m[0] if (m := re.search(r"\b\d{12}\b", extra)) else who.get("cccd", "")
            person, code, params = people.find(name, cccd or "", who.get("gender"), year)
            if person is None:
                self._fail(row, "authors", code, **params)
                return None
            out.append(person)
        row.data["owner_ids"] = list(dict.fromkeys(p.id for p in out))
        row.values["authors"] = ", ".join(dict.fromkeys(p.full_name for p in out))
        return out

    def _match_initiatives(self, session: Session, rows: list[RowReport], people: People) -> None:
        authors = {r.row: a for r in rows if r.action != "error" and (a := self._authors(r, people)) is not None}
        stored: dict[tuple[str, int], Initiative] = {}
        owners: dict[str, set[str]] = {}
        for person_id, written in repo.initiatives_of(session, {p.id for a in authors.values() for p in a}):
            stored.setdefault((_title_key(written.title), written.year), written)
            owners.setdefault(written.id, set()).add(person_id)
        seen: dict[tuple[str, int], int] = {}
        for row in rows:
            if row.action == "error":
                continue
            key = (_title_key(row.data["title"]), row.data["year"])
            if key in seen:
                row.action, row.candidates = "duplicate", [{"row": seen[key]}]
                self._note(row, "IMPORT_DUPLICATE_IN_FILE", first_row=seen[key], name=row.data["title"])
                continue
            seen[key] = row.row
            initiative = stored.get(key)
            if initiative is not None:
                self._initiative_changes(row, initiative, owners.get(initiative.id, set()))

    @staticmethod
    def _initiative_changes(row: RowReport, initiative: Any, owner_ids: set[str]) -> None:
        data = row.data
        row.target_id = initiative.id
        old = {"level": initiative.level, "recognised_by": initiative.recognised_by,
               "decision_number": initiative.decision_number,
               "decision_date": initiative.decision_date.isoformat() if initiative.decision_date else None,
               "scope": initiative.scope, "effect": initiative.effect}
        row.changes = {k: [old[k], data[k]] for k in old if data.get(k) not in (None, "") and data[k] != old[k]}
        new_owners = [p for p in data["owner_ids"] if p not in owner_ids]
        if new_owners:
            row.changes["authors"] = [len(owner_ids), len(owner_ids) + len(new_owners)]
            data["new_owner_ids"] = new_owners
        row.action = "update" if row.changes else "skip"
        if not row.changes:
            row.skip_reason = "IMPORT_ROW_UNCHANGED"

    def _match_discipline(self, session: Session, rows: list[RowReport], people: People) -> None:
        found = {r.row: p for r in rows if r.action != "error" and (p := self._register_person(r, people)) is not None}
        stored = {(x.person_id, x.decided_on.isoformat(), x.level): x
                  for x in repo.disciplines_of(session, {p.id for p in found.values()})}
        seen: dict[tuple[str, str, str], int] = {}
        for row in rows:
            if row.action == "error":
                continue
            data = row.data
            key = (data["person_id"], data["decided_on"], data["level"])
            if key in seen:
                row.action, row.skip_reason, row.skip_params = "skip", "IMPORT_RECORD_REPEATED", {
                    "first_row": seen[key]}
                continue
            seen[key] = row.row
            record = stored.get(key)
            if record is None:
                continue
            row.target_id = record.id
            old = {"decision_number": record.decision_number, "notes": record.notes,
                   "period_end": record.period_end.isoformat() if record.period_end else None}
            row.changes = {k: [old[k], data[k]] for k in old if data.get(k) not in (None, "") and data[k] != old[k]}
            row.action = "update" if row.changes else "skip"
            if not row.changes:
                row.skip_reason = "IMPORT_ROW_UNCHANGED"


def _bracket_cccds(rows: list[RowReport]) -> set[str]:
    return {m[0] for r in rows for _, extra in r.data.get("authors", []) if (m := re.search(r"\b\d{12}\b", extra))}


def preview_records(service: Any, plan: ImportPlan, mapping: dict[str, int], progress: Progress | None = None
                    ) -> ImportReport:
    """What a commit of a ratings, initiatives or discipline list would do, row by row. Writes nothing."""
    def tick(done: int, total: int) -> None:
        if progress is not None and progress(done, total) is False:
            raise StateError("IMPORT_CANCELLED", field="file", file=plan.file)

    parser = RecordParser(plan, mapping, service.catalog)
    with service.db.reader() as session:
        rows, blanks = parser.parse_all(tick)
        parser.match(session, rows)
    return ImportReport(plan=plan, mapping=mapping, rows=rows, blank_rows=blanks)


def link_award_initiatives(session: Session, plan: ImportPlan, mapping: dict[str, int], rows: list[RowReport]) -> None:
    """An award-history row's "Sáng kiến" cell: the subject's initiative that backed the award.

    The first award of the row records it at commit (the initiative then counts as used). An
    initiative the person does not have, or one already used (in the register or by an earlier
    row), is an error of the row."""
    col = mapping.get("initiative")
    if not col:
        return

    def fail(row: RowReport, code: str, **params: Any) -> None:
        row.problems.append(Problem(plan.file, plan.sheet, row.row, column_letter(col), plan.header.label_of(col),
                                    "initiative", code, "error", params))
        row.action, row.awards = "error", []

    wanted = {r.row: cell_text(plan.grid.value(r.row, col)) for r in rows
              if r.action in ("create", "duplicate") and r.awards and (r.data.get("subject") or {}).get("person_id")}
    wanted = {n: t for n, t in wanted.items() if t}
    by_row = {r.row: r for r in rows}
    person_ids = {by_row[n].data["subject"]["person_id"] for n in wanted}
    mine: dict[str, dict[str, Initiative]] = {}
    for person_id, written in repo.initiatives_of(session, person_ids):
        mine.setdefault(person_id, {}).setdefault(_title_key(written.title), written)
    used: dict[str, int] = {}
    for number, text in wanted.items():
        row = by_row[number]
        initiative = mine.get(row.data["subject"]["person_id"], {}).get(_title_key(text))
        if initiative is None:
            fail(row, "IMPORT_INITIATIVE_NOT_FOUND", value=text, name=row.values.get("full_name", ""))
        elif initiative.used_by_award_id or initiative.used_by_nomination_id:
            fail(row, "INITIATIVE_ALREADY_USED", title=initiative.title)
        elif initiative.id in used:
            fail(row, "IMPORT_INITIATIVE_TWICE", value=initiative.title, first_row=used[initiative.id])
        else:
            used[initiative.id] = number
            row.awards[0]["initiative_id"] = initiative.id
            row.values["initiative"] = initiative.title

