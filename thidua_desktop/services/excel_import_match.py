"""The second pass of an Excel import: each parsed row against what the register already holds
(update, unchanged, likely duplicate, unknown person or collective). Reads only, never writes.

Award names are matched here too: the catalog's own names, then its synonyms (data, in
``resources/catalog/award_synonyms.json``); a name outside the catalog gets its issuing body, level
and kind from the name (``award_inference.json``), marked as inferred when the file names no issuer."""

from __future__ import annotations

from dataclasses import replace
from functools import cached_property
from typing import Any

from ..db import Session
from ..db.models import Collective, Person
from ..db.repositories import imports as repo
from ..domain.enums import CollectiveKind
from ..domain.errors import DomainError
from ..domain.text import search_key
from ..rules.award_names import AwardNames, load_award_names
from ..rules.catalog import AwardDef
from .collectives import CollectiveService
from .excel_import_report import RowReport
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


class Matcher(RowParser):
    """The second pass: each parsed row against what the register already holds."""

    # --- award names ------------------------------------------------------------------------------
    @cached_property
    def award_names(self) -> AwardNames:
        return load_award_names()

    @cached_property
    def _award_keys(self) -> dict[str, list[AwardDef]]:
        """Catalog awards by ``AwardNames.match_key`` of their names and of their synonyms. A code the
        synonyms name but this catalog lacks (a province's own catalog) is left out."""
        names, by_code = self.award_names, {a.code: a for a in self.catalog.awards}
        keys: dict[str, list[AwardDef]] = {}
        for award in self.catalog.awards:
            for text in (award.name_vi, award.short_vi):
                keys.setdefault(names.match_key(text), []).append(award)
        for key, codes in names.synonym_items():
            found = keys.setdefault(key, [])
            found.extend(by_code[c] for c in codes if c in by_code and by_code[c] not in found)
        return keys

    def _match_award(self, title: str, issuer: str, subject_types: set[str], direct_worker: bool) -> AwardDef | None:
        """The catalog's own names first (as folded by the import), then its synonyms: "Thôn văn hóa",
        "Bằng khen của Chủ tịch UBND tỉnh Cao Bằng", "Chiến sĩ thi đua cấp Bộ, ngành, tỉnh …"."""
        award = super()._match_award(title, issuer, subject_types, direct_worker)
        if award is not None:
            return award
        names = self.award_names
        for text in (title, f"{title} {issuer}") if issuer else (title,):
            found = [a for a in self._award_keys.get(names.match_key(text), [])
                     if a.subject_type.value in subject_types]
            if found:
                preferred = [a for a in found if a.code.endswith("_LD") == direct_worker]
                return (preferred or found)[0]
        return None

    def _awards_of(self, row: Any, subject_types: set[str], direct_worker: bool) -> list[dict[str, Any]]:
        """The row's awards, each with its issuing body, its form and whether they were inferred
        from the name; the not-in-catalog warning says what was inferred."""
        awards = super()._awards_of(row, subject_types, direct_worker)
        issuer = row.text("issuer")
        names = self.award_names
        for award in awards:
            award.update(self._award_origin(award, issuer))
        for i, problem in enumerate(row.problems):
            if problem.code == "IMPORT_AWARD_NOT_IN_CATALOG":
                guess = names.infer(str(problem.params.get("value", "")), issuer)
                row.problems[i] = replace(problem, params={**problem.params, "kind_label": names.describe(guess, "vi"),
                                                           "kind_label_en": names.describe(guess, "en")})
        return awards

    def _award_origin(self, award: dict[str, Any], issuer: str) -> dict[str, Any]:
        names = self.award_names
        if award["award_code"] != "OTHER":  # the catalog says the level; the issuer may say who
            found = next((a for a in self.catalog.awards if a.code == award["award_code"]), None)
            level = found.authority.value if found else award["issuing_level"]
            form = names.form_of(found.name_vi)[0] if found else names.default_form
            if found and names.forms[form].award_kind != found.kind.value:
                form = "emulation_title" if found.kind.value == "emulation_title" else "other"
            return {"issuing_body": names.body_named(issuer) or names.body_of_level(level), "award_form": form,
                    "inferred_from_name": False}
        guess = names.infer(award["title"], issuer)
        origin: dict[str, Any] = {"award_kind": guess.award_kind, "issuing_level": guess.level,
                                  "issuing_body": guess.body, "award_form": guess.form,
                                  "inferred_from_name": guess.from_name}
        if not issuer and guess.issuer:
            origin["issuer"] = guess.issuer
        return origin

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
        self._validate(row, people, person_input(merged))

    def _validate(self, row: RowReport, people: PeopleService, data: PersonInput) -> None:
        """The register's own checks (CCCD against birth year and gender, lengths …), as a save would
        refuse, without building a record: a scratch ORM row and its sort keys cost a third of a
        50,000-row preview."""
        try:
            people.warnings(data)
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
                       by_cccd: dict[str | None, Person], coll_by_key: dict[str, list[Collective]]
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
