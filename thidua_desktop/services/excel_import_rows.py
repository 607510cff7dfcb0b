"""Reading the rows of an Excel import and matching them against the register (for ``excel_import``).

:class:`RowParser` turns each data row into values and problems (first pass, no database), then
decides every row's action with what the register already holds (second pass, one reader session).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from datetime import date
from typing import Any

from ..db import Session
from ..db.models import Collective, Person
from ..db.repositories import imports as repo
from ..domain.damaged_numbers import restore_cccd, restore_phone
from ..domain.enums import CollectiveKind, Gender
from ..domain.errors import DomainError
from ..domain.ethnicity import ethnic_group_by_code, find_ethnic_group
from ..domain.text import search_key
from ..domain.validation import DateOrYear, check_name_characters, parse_int, validate_cccd, validate_phone
from ..rules.catalog import AwardDef, Catalog
from ..rules.plausibility import load_limits, person_date_checks
from ..spreadsheets.cells import (
    award_key,
    cell_text,
    guess_award_kind,
    guess_issuing_level,
    is_blank,
    parse_cccd_cell,
    parse_date_cell,
    parse_flag_cell,
    parse_gender_cell,
    parse_phone_cell,
    parse_year_cell,
)
from ..spreadsheets.headers import classify_row, column_letter, is_blank_row
from ..spreadsheets.subject_types import COLLECTIVE, HOUSEHOLD, subject_type_of
from .excel_import_report import ImportPlan, Problem, RowReport
from .people import PersonInput, stored_person_input

__all__ = ["RowParser", "award_identity", "birth_text", "candidate", "collective_args", "compatible", "person_input",
           "stored_person_input"]

_TICKS = {"x", "v", "1", "✓", "✔"}
_WARNINGS = {"IMPORT_CMND_OLD", "IMPORT_PHONE_NUMBER", "IMPORT_FLAG_UNKNOWN", "IMPORT_DATE_MONTH_ONLY"}
_VILLAGE_PREFIX = re.compile(r"^(thon|xom|ban|to dan pho|to|khu|ap|lang)\s+")
_DECISION_DATE = re.compile(r"[,;\s]*(?:ngay\s*)?(\d{1,2}\s*[/.\-]\s*\d{1,2}\s*[/.\-]\s*\d{4})\s*$")
# Words that say what a collective is, checked in this order on the kind column or the name.
_KIND_WORDS: tuple[tuple[CollectiveKind, tuple[str, ...]], ...] = (
    (CollectiveKind.HEALTH_STATION, ("tram y te", "y te")),
    (CollectiveKind.HOUSEHOLD, ("ho gia dinh", "ho ong", "ho ba", "gia dinh", "ho")),
    (CollectiveKind.COOPERATIVE, ("hop tac xa", "htx", "to hop tac")),
    (CollectiveKind.SCHOOL, ("truong", "mam non", "mau giao", "nha tre", "tieu hoc", "thcs", "thpt")),
    (CollectiveKind.MASS_ORGANISATION, ("hoi", "chi hoi", "doan", "chi doan", "mat tran", "mttq", "cong doan",
                                        "doan the", "doan thanh nien")),
    (CollectiveKind.AGENCY, ("co quan", "ubnd", "uy ban", "dang uy", "van phong", "cong an", "ban chi huy",
                             "quan su", "hdnd", "phong")),
    (CollectiveKind.ENTERPRISE, ("doanh nghiep", "cong ty", "cty", "dntn")),
    (CollectiveKind.VILLAGE, ("thon", "xom", "ban", "to dan pho", "khu dan cu", "khu")),
    (CollectiveKind.OTHER, ("khac", "other")),
)
_KIND_LABELS = {"emulation_title": ("danh hiệu thi đua", "emulation title"),
                "commendation_form": ("hình thức khen thưởng", "commendation form")}


def collective_kind(text: str) -> CollectiveKind | None:
    key = " ".join(re.sub(r"[\W_]+", " ", search_key(text)).split())
    for kind in CollectiveKind:
        if key == kind.value.replace("_", " "):
            return kind
    for kind, words in _KIND_WORDS:
        if any(key == w or key.startswith(w + " ") for w in words):
            return kind
    return None


def _kind_of_type(text: str, name: str) -> CollectiveKind | None:
    """A type column's word as the kind: HOGIADINH a household, TAPTHE a collective whose name tells
    its kind (spreadsheets/subject_types.py)."""
    found = subject_type_of(text)
    if found == HOUSEHOLD:
        return CollectiveKind.HOUSEHOLD
    if found == COLLECTIVE and name:
        return collective_kind(name) or CollectiveKind.OTHER
    return None


def award_identity(year: int, code: str, title: str) -> tuple[int, str]:
    """Two records of the same award: same year and catalog code, or same free-text title."""
    return year, code if code != "OTHER" else "OTHER:" + award_key(title)


def person_input(fields: dict[str, Any]) -> PersonInput:
    base: dict[str, Any] = {"full_name": "", "gender": ""}
    base.update({k: v for k, v in fields.items() if v is not None})
    return PersonInput(**base)


def birth_text(birth_date: date | None, birth_year: int | None) -> str:
    if birth_date:
        return birth_date.isoformat()
    return str(birth_year) if birth_year else ""


def candidate(p: Person) -> dict[str, Any]:
    return {"person_id": p.id, "full_name": p.full_name, "gender": p.gender,
            "birth": birth_text(p.birth_date, p.birth_year)}


class _Row:
    """One row being read: raw cells by field, parsed values and problems."""

    def __init__(self, parser: RowParser, number: int) -> None:
        self.parser, self.number = parser, number
        self.values: dict[str, Any] = {}
        self.problems: list[Problem] = []
        self.data: dict[str, Any] = {}

    def raw(self, name: str) -> Any:
        col = self.parser.mapping.get(name)
        return self.parser.plan.grid.value(self.number, col) if col else None

    def text(self, name: str) -> str:
        return cell_text(self.raw(name))

    def problem(self, name: str, code: str, severity: str = "error", **params: Any) -> None:
        col = self.parser.mapping.get(name)
        header = self.parser.plan.header.label_of(col) if col else ""
        self.problems.append(Problem(self.parser.plan.file, self.parser.plan.sheet, self.number,
                                     column_letter(col) if col else "", header, name, code, severity, params))

    def guard(self, name: str, fn: Callable[..., Any], *args: Any, **kwargs: Any) -> Any:
        """``fn(*args)``, or None with the refusal recorded against the field's column."""
        try:
            return fn(*args, **kwargs)
        except DomainError as exc:
            self.problem(name, exc.code, "warning" if exc.code in _WARNINGS else "error", **exc.params)
            return None

    @property
    def failed(self) -> bool:
        return any(p.severity == "error" for p in self.problems)


class RowParser:
    def __init__(self, plan: ImportPlan, mapping: dict[str, int], catalog: Catalog, villages: dict[str, str],
                 today: date | None = None) -> None:
        self.plan, self.mapping, self.catalog = plan, mapping, catalog
        self.today = today or date.today()
        self.default_year: int | None = None  # the award year of a file without a year column (title, --year)
        self.villages = villages
        self._village_keys = {self._village_key(name): vid for vid, name in villages.items()}
        self._awards: dict[str, list[AwardDef]] = {}
        for award in catalog.awards:
            for text in (award.name_vi, award.short_vi, award.code):
                self._awards.setdefault(award_key(text), []).append(award)

    @staticmethod
    def _village_key(text: str) -> str:
        return _VILLAGE_PREFIX.sub("", " ".join(re.sub(r"[\W_]+", " ", search_key(text)).split()))

    # --- first pass: every row's values and problems ---------------------------------------------
    def name_field(self) -> str:
        """The column that names a row's subject: a row without it is a heading, a total or a footer."""
        return "name" if self.plan.kind == "collectives" else "full_name"

    def read_row(self, row: _Row) -> None:
        """Fill one data row's values and problems (subclasses read their own kinds)."""
        kind = self.plan.kind
        if kind == "people":
            self._person(row)
        elif kind == "collectives":
            self._collective(row)
        else:
            self._award_row(row)

    def parse_all(self, tick: Callable[[int, int], None]) -> tuple[list[RowReport], list[int]]:
        grid, name_field = self.plan.grid, self.name_field()
        rows: list[RowReport] = []
        blanks: list[int] = []
        after_footer = False
        first, last = self.plan.header.data_start, grid.max_row
        for number in range(first, last + 1):
            tick(number - first, last - first + 1)
            if is_blank_row(grid, number, self.mapping):
                blanks.append(number)
                continue
            subject_data = any(not is_blank(grid.value(number, self.mapping[f]))
                               for f in ("gender", "birth", "birth_male", "birth_female") if f in self.mapping)
            reason = classify_row(grid, number, self.mapping, name_field, after_footer=after_footer,
                                  has_subject_data=subject_data)
            if reason is not None:
                after_footer = after_footer or reason == "IMPORT_ROW_FOOTER"
                texts = dict.fromkeys(cell_text(v) for v in grid.rows[number - 1] if cell_text(v))
                rows.append(RowReport(number, "skip", skip_reason=reason, values={"text": " | ".join(texts)}))
                continue
            row = _Row(self, number)
            self.read_row(row)
            rows.append(RowReport(number, "error" if row.failed else "create", values=row.values,
                                  problems=row.problems, data=row.data))
        return rows, blanks

    def _birth_and_gender(self, row: _Row, *, required: bool) -> tuple[Gender | None, DateOrYear | None]:
        gender = row.guard("gender", parse_gender_cell, row.raw("gender"), "gender") if row.text("gender") else None
        birth: DateOrYear | None = None
        male, female = row.raw("birth_male"), row.raw("birth_female")
        if not is_blank(male) and not is_blank(female):
            row.problem("birth_male", "IMPORT_BIRTH_BOTH_GENDERS")
        elif not is_blank(male) or not is_blank(female):
            name, value, split = ("birth_male", male, Gender.MALE) if not is_blank(male) else \
                ("birth_female", female, Gender.FEMALE)
            if gender is not None and gender != split:
                row.problem("gender", "IMPORT_GENDER_CONFLICT", value=row.text("gender"))
            gender = gender or split
            if search_key(cell_text(value)) not in _TICKS:
                birth = self._date(row, name, value)
        if row.text("birth"):
            birth = self._date(row, "birth", row.raw("birth"))
        if gender is None and required and not any(p.field in ("gender", "birth_male") for p in row.problems):
            if "gender" in self.mapping:
                row.problem("gender", "REQUIRED")
            else:
                row.problem("", "IMPORT_GENDER_MISSING")
        if gender is not None:
            row.values["gender"] = gender.value
        if birth is not None:
            row.values["birth"] = birth.to_json()
        return gender, birth

    def _impossible_birth(self, row: _Row, birth: DateOrYear | None) -> None:
        """A birth date the person save would refuse (in the future) is an error of its row."""
        column = next((n for n in ("birth", "birth_male", "birth_female") if row.text(n)), "birth")
        errors, _notices = person_date_checks(birth, None, official=False, today=self.today, limits=load_limits())
        for error in errors:
            row.problem(column, error.code, **error.params)

    def _date(self, row: _Row, name: str, value: Any) -> DateOrYear | None:
        parsed = row.guard(name, parse_date_cell, value, name, epoch_1904=self.plan.grid.epoch_1904)
        if parsed is None:
            return None
        day, month_dropped = parsed
        if month_dropped:
            row.problem(name, "IMPORT_DATE_MONTH_ONLY", "warning", value=cell_text(value), year=day.year)
        return day

    def _village(self, row: _Row, fields: dict[str, Any]) -> None:
        text = row.text("village")
        if not text:
            return
        village_id = self._village_keys.get(self._village_key(text))
        if village_id is None:
            row.problem("village", "IMPORT_VILLAGE_UNKNOWN", "warning", value=text)
            if not fields.get("address"):
                fields["address"] = text
                row.values["address"] = text
            return
        fields["village_id"] = village_id
        row.values["village"] = self.villages[village_id]

    def _cccd(self, row: _Row, gender: Gender | None, birth: DateOrYear | None) -> str:
        if "cccd" in self.mapping and (restored := restore_cccd(row.raw("cccd"), birth_year=birth.year if birth
                                                                else None, gender=gender, today=self.today)):
            # a number cell that lost its leading zeros, put back (domain/damaged_numbers.py)
            row.problem("cccd", "IMPORT_CCCD_RESTORED", "warning", value=row.text("cccd"), restored=restored)
            row.values["cccd"] = restored
            return restored
        raw = row.guard("cccd", parse_cccd_cell, row.raw("cccd"), "cccd") if "cccd" in self.mapping else ""
        if not raw:
            return ""
        number = row.guard("cccd", validate_cccd, raw, "cccd", birth_year=birth.year if birth else None,
                           gender=gender)
        if number:
            row.values["cccd"] = number
        return number or ""

    @staticmethod
    def _phone(row: _Row) -> str | None:
        if restored := restore_phone(row.raw("phone")):  # a number cell that lost its leading 0
            row.problem("phone", "IMPORT_PHONE_RESTORED", "warning", value=row.text("phone"), restored=restored)
            return restored
        return row.guard("phone", parse_phone_cell, row.raw("phone"), "phone")

    def _person(self, row: _Row) -> None:
        fields: dict[str, Any] = {}
        name = row.text("full_name")
        if not name:
            row.problem("full_name", "REQUIRED")
        else:
            row.values["full_name"] = fields["full_name"] = name
            if name.isascii() and any(ch.isalpha() for ch in name):
                row.problem("full_name", "IMPORT_NAME_NO_MARKS", "warning", value=name)
            row.guard("full_name", check_name_characters, name, "full_name")
        gender, birth = self._birth_and_gender(row, required=True)
        self._impossible_birth(row, birth)
        if gender is not None:
            fields["gender"] = gender.value
        if birth is not None:
            fields["birth"] = birth.display()
        if text := row.text("ethnicity"):
            group = find_ethnic_group(text)
            if group is None:
                row.problem("ethnicity", "ETHNICITY_UNKNOWN", value=text)
            else:
                fields["ethnicity"] = group.code
                row.values["ethnicity"] = group.name
        if cccd := self._cccd(row, gender, birth):
            fields["cccd"] = cccd
        if "phone" in self.mapping and (phone := self._phone(row)):
            number = row.guard("phone", validate_phone, phone, "phone")
            if number:
                fields["phone"] = row.values["phone"] = number
        for name_ in ("position", "workplace", "address", "notes", "hometown", "qualification", "political_theory",
                      "academic_title", "duties"):
            if text := row.text(name_):
                fields[name_] = row.values[name_] = text
        self._village(row, fields)
        if "is_direct_worker" in self.mapping and not is_blank(row.raw("is_direct_worker")):
            flag = row.guard("is_direct_worker", parse_flag_cell, row.raw("is_direct_worker"), "is_direct_worker")
            fields["is_direct_worker"] = row.values["is_direct_worker"] = bool(flag)
        if row.text("employment_start"):  # a whole date: the months worked in a year count from it
            start = self._date(row, "employment_start", row.raw("employment_start"))
            if start is not None and start.day is None:
                row.problem("employment_start", "IMPORT_DATE_YEAR_ONLY", value=row.text("employment_start"))
            elif start is not None and start.day is not None:
                fields["employment_start"] = start.day.strftime("%d/%m/%Y")
                row.values["employment_start"] = start.day.isoformat()
        row.data["person"] = fields
        row.data["awards"] = self._awards_of(row, {"individual"}, bool(fields.get("is_direct_worker")))

    def _collective(self, row: _Row) -> None:
        data: dict[str, Any] = {}
        name = row.text("name")
        if not name:
            row.problem("name", "REQUIRED")
        else:
            data["name"] = row.values["name"] = name
            row.guard("name", check_name_characters, name, "name", person=False)
        kind: CollectiveKind | None = None
        if text := row.text("kind"):
            kind = collective_kind(text) or _kind_of_type(text, name)
            if kind is None:
                row.problem("kind", "IMPORT_COLLECTIVE_KIND_UNKNOWN", value=text)
        elif name:
            kind = collective_kind(name) or CollectiveKind.OTHER
        if kind is not None:
            data["kind"] = row.values["kind"] = kind.value
        counts: dict[str, int | None] = {}
        for field in ("member_count", "women_count"):
            if not is_blank(raw := row.raw(field)):
                value = raw if isinstance(raw, int) else cell_text(raw)
                counts[field] = row.guard(field, parse_int, value, field, min=0, max=1_000_000)
                if counts[field] is not None:
                    data[field] = row.values[field] = counts[field]
        members, women = counts.get("member_count"), counts.get("women_count")
        if members is not None and women is not None and women > members:
            row.problem("women_count", "NUMBER_OUT_OF_RANGE", value=women, min=0, max=members, range=f"0 – {members}")
        if text := row.text("address"):
            data["address"] = row.values["address"] = text
        self._village(row, data)
        if text := row.text("parent"):
            data["parent_key"] = search_key(text)
            row.values["parent"] = text
        row.data["collective"] = data
        row.data["awards"] = self._awards_of(row, {"household" if kind == CollectiveKind.HOUSEHOLD else "collective"},
                                             False)

    def _award_row(self, row: _Row) -> None:
        name, collective = row.text("full_name"), row.text("collective")
        if name:
            row.values["full_name"] = name
        elif collective:
            row.values["collective"] = collective
        gender, birth = self._birth_and_gender(row, required=False)
        cccd = self._cccd(row, gender, birth)
        if not name and not collective and not cccd:
            row.problem("full_name", "REQUIRED")
        row.data["who"] = {"name": name, "collective": collective, "cccd": cccd,
                           "gender": gender.value if gender else None, "year": birth.year if birth else None}
        if not (row.text("award_title") or row.text("award_form")):
            row.problem("award_title", "REQUIRED")

    # --- awards in a row --------------------------------------------------------------------------
    def _match_award(self, title: str, issuer: str, subject_types: set[str], direct_worker: bool) -> AwardDef | None:
        for key in (award_key(title), award_key(f"{title} {issuer}")):
            found = [a for a in self._awards.get(key, []) if a.subject_type.value in subject_types]
            if found:
                if len(found) > 1:
                    preferred = [a for a in found if a.code.endswith("_LD") == direct_worker]
                    return (preferred or found)[0]
                return found[0]
        return None

    def _awards_of(self, row: _Row, subject_types: set[str], direct_worker: bool) -> list[dict[str, Any]]:
        titles: list[tuple[str, str]] = []
        for name in ("award_title", "award_form"):
            text = row.text(name)
            if text and all(award_key(text) != award_key(t) for t, _ in titles):
                titles.append((text, name))
        number = row.text("decision_number")
        has_other = any(row.text(f) for f in ("award_year", "decision_number", "decision_date"))
        if not titles:
            if has_other and not row.failed:
                row.problem("award_title", "IMPORT_AWARD_MISSING")
            return []
        decision_date: date | None = None
        year = row.guard("award_year", parse_year_cell, row.raw("award_year"), "award_year") \
            if row.text("award_year") else None
        date_field = "decision_date"
        if row.text("decision_date"):
            parsed = self._date(row, "decision_date", row.raw("decision_date"))
            if parsed is not None and parsed.day is None:
                year = year or parsed.year
            elif parsed is not None:
                decision_date = parsed.day
        elif number and (m := _DECISION_DATE.search(search_key(number))):
            # "125/QĐ-UBND ngày 20/12/2024" in one cell: the number and its date
            parsed = self._date(row, "decision_number", m[1].replace(" ", ""))
            number = number[: m.start()].rstrip(" ,;") if parsed is not None else number
            decision_date = parsed.day if parsed is not None else None
            date_field = "decision_number"
        if year is None and not any(p.field == "award_year" for p in row.problems):
            if "award_year" not in self.mapping and self.default_year is not None:
                year = self.default_year  # no year column: the title's year, or the one the officer gave
            elif "award_year" not in self.mapping and decision_date is not None:
                year = decision_date.year  # no year column: the decision's year
            else:
                row.problem("award_year", "REQUIRED")
        if year is not None and decision_date is not None and decision_date.year < year:
            row.problem(date_field, "IMPORT_DECISION_BEFORE_YEAR", value=decision_date.strftime("%d/%m/%Y"), year=year)
        issuer = row.text("issuer")
        awards = []
        for title, field in titles:
            award = self._match_award(title, issuer, subject_types, direct_worker)
            if award is None:
                kind = guess_award_kind(title)
                row.problem(field, "IMPORT_AWARD_NOT_IN_CATALOG", "warning", value=title,
                            kind_label=_KIND_LABELS[kind][0], kind_label_en=_KIND_LABELS[kind][1])
                entry: dict[str, Any] = {"award_code": "OTHER", "title": title, "award_kind": kind,
                                         "issuing_level": guess_issuing_level(issuer, title)}
            else:
                entry = {"award_code": award.code, "title": award.name_vi, "award_kind": award.kind.value,
                         "issuing_level": award.authority.value}
            entry.update(year=year, decision_number=number,
                         decision_date=decision_date.isoformat() if decision_date else None, issuer=issuer)
            awards.append(entry)
        if row.failed:
            return []
        return awards

    # --- shared by the matching pass ---------------------------------------------------------------
    def awards_in_row(self, number: int, subject_types: set[str], direct_worker: bool
                      ) -> tuple[list[dict[str, Any]], list[Problem]]:
        """The awards a row names, read once its subject (and so the catalog's subject type) is known."""
        row = _Row(self, number)
        return self._awards_of(row, subject_types, direct_worker), row.problems

    def _fail(self, row: RowReport, field: str, code: str, **params: Any) -> None:
        self._add(row, field, code, "error", **params)
        row.action = "error"
        row.awards = []

    def _note(self, row: RowReport, code: str, **params: Any) -> None:
        self._add(row, "", code, "warning", **params)

    def _add(self, row: RowReport, field: str, code: str, severity: str, **params: Any) -> None:
        col = self.mapping.get(field)
        header = self.plan.header.label_of(col) if col else ""
        row.problems.append(Problem(self.plan.file, self.plan.sheet, row.row, column_letter(col) if col else "",
                                    header, field if col or field else "", code, severity, params))

    def _show(self, name: str, value: Any) -> Any:
        if name == "ethnicity" and value:
            group = ethnic_group_by_code(value)
            return group.name if group else value
        if name == "village_id":
            return self.villages.get(value or "", "")
        return value

    @staticmethod
    def _existing_awards(session: Session, person_ids: Iterable[str] = (), collective_ids: Iterable[str] = ()
                         ) -> set[tuple[str, tuple[int, str]]]:
        return {(a.person_id or a.collective_id or "", award_identity(a.year, a.award_code, a.title))
                for a in repo.awards_of(session, person_ids, collective_ids)}


def compatible(gender: str | None, year: int | None, cccd: str | None, f: dict[str, Any], f_year: int | None) -> bool:
    """Could a row and a record be the same person? Nothing known contradicts it."""
    if gender and f.get("gender") and gender != f["gender"]:
        return False
    if year and f_year and year != f_year:
        return False
    return not (cccd and f.get("cccd") and cccd != f["cccd"])


def collective_args(data: dict[str, Any], stored: Collective | None) -> dict[str, Any]:
    """CollectiveService._apply's arguments: the file's values over what is stored."""
    base: dict[str, Any] = {"name": "", "kind": "other", "parent_id": None, "village_id": None,
                            "member_count": None, "women_count": None, "address": ""}
    if stored is not None:
        base.update(name=stored.name, kind=stored.kind, parent_id=stored.parent_id, village_id=stored.village_id,
                    member_count=stored.member_count, women_count=stored.women_count, address=stored.address)
    for key, value in data.items():
        if key in base and value not in (None, ""):
            if stored is not None and key == "name":
                continue  # the same collective by its folded name: keep the spelling in the register
            base[key] = value
    return base
