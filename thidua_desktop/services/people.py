"""The register of people: create, edit, soft-delete, search and page."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from ..db import Session
from ..db.models import Person, Village
from ..db.repositories import people as repo
from ..db.repositories.common import count, get_live, page
from ..domain.enums import Gender
from ..domain.errors import DomainError, Notice, ValidationError, ValidationErrors
from ..domain.ethnicity import find_ethnic_group
from ..domain.text import clean_text, name_sort_string, search_key, split_name
from ..domain.validation import (
    DateOrYear,
    ErrorCollector,
    check_name_characters,
    parse_date,
    parse_date_or_year,
    parse_enum,
    require,
    validate_cccd,
    validate_phone,
)
from ..rules.plausibility import DateLimits, load_limits, person_date_checks
from .base import ServiceBase, birth_json
from .record_tokens import Token, check, get_for_edit, token_of
from .summary_templates import clean_multiline


@dataclass
class PersonInput:
    """A person as typed in a form, an Excel row or on the command line (all text)."""

    full_name: str
    gender: str
    birth: str = ""  # dd/mm/yyyy or yyyy
    ethnicity: str = ""  # name, alias or code
    cccd: str = ""
    phone: str = ""
    position: str = ""
    workplace: str = ""
    village_id: str | None = None
    address: str = ""
    is_direct_worker: bool = False
    employment_start: str = ""
    notes: str = ""
    # Mẫu 05 (báo cáo thành tích): hometown, qualification, political theory, academic title or
    # degree, duties assigned (several lines).
    hometown: str = ""
    qualification: str = ""
    political_theory: str = ""
    academic_title: str = ""
    duties: str = ""


# Longest text kept for each dossier field (the column sizes of the people table).
DOSSIER_LIMITS = {"hometown": 300, "qualification": 200, "political_theory": 100, "academic_title": 200,
                  "duties": 4000}


@dataclass(frozen=True)
class PersonView:
    id: str
    full_name: str
    gender: str
    birth_date: date | None
    birth_year: int | None
    ethnicity_code: str | None
    ethnicity: str
    is_ethnic_minority: bool
    cccd: str | None
    phone: str
    position: str
    workplace: str
    village_id: str | None
    village: str
    address: str
    is_direct_worker: bool
    employment_start: date | None
    extra: dict[str, object] = field(default_factory=dict)
    hometown: str = ""
    qualification: str = ""
    political_theory: str = ""
    academic_title: str = ""
    duties: str = ""
    # (origin_epoch, version) when read: an edit form hands it back to update/delete, which refuse
    # with RECORD_CHANGED if someone saved the person in between (services/record_tokens.py).
    token: Token = (0, 0)

    @property
    def is_woman(self) -> bool:
        return self.gender == Gender.FEMALE.value

    def to_json(self) -> dict[str, object]:
        return {
            "id": self.id,
            "full_name": self.full_name,
            "gender": self.gender,
            **birth_json(self.birth_date, self.birth_year),
            "ethnicity": self.ethnicity,
            "ethnicity_code": self.ethnicity_code,
            "is_ethnic_minority": self.is_ethnic_minority,
            "is_woman": self.is_woman,
            "is_direct_worker": self.is_direct_worker,
            "employment_start": self.employment_start.isoformat() if self.employment_start else None,
            "cccd": self.cccd,
            "position": self.position,
            "workplace": self.workplace,
            "village": self.village,
            "village_id": self.village_id,
            "address": self.address,
            "hometown": self.hometown,
            "qualification": self.qualification,
            "political_theory": self.political_theory,
            "academic_title": self.academic_title,
            "duties": self.duties,
        }


def person_view(person: Person, villages: dict[str, str]) -> PersonView:
    group = find_ethnic_group(person.ethnicity_code) if person.ethnicity_code else None
    return PersonView(
        id=person.id, full_name=person.full_name, gender=person.gender, birth_date=person.birth_date,
        birth_year=person.birth_year, ethnicity_code=person.ethnicity_code,
        ethnicity=group.name if group else "", is_ethnic_minority=person.is_ethnic_minority,
        cccd=person.cccd, phone=person.phone, position=person.position, workplace=person.workplace,
        village_id=person.village_id, village=villages.get(person.village_id or "", ""),
        address=person.address, is_direct_worker=person.is_direct_worker,
        employment_start=person.employment_start, hometown=person.hometown, qualification=person.qualification,
        political_theory=person.political_theory, academic_title=person.academic_title, duties=person.duties,
        token=token_of(person),
    )


def stored_person_input(person: Person) -> dict[str, Any]:
    """A stored person as PersonInput fields (text, the way a form holds them)."""
    birth = DateOrYear(person.birth_date, person.birth_year).display() if person.birth_year else ""
    return {"full_name": person.full_name, "gender": person.gender, "birth": birth,
            "ethnicity": person.ethnicity_code or "", "cccd": person.cccd or "", "phone": person.phone or "",
            "position": person.position, "workplace": person.workplace, "village_id": person.village_id,
            "address": person.address, "is_direct_worker": person.is_direct_worker,
            "employment_start": person.employment_start.strftime("%d/%m/%Y") if person.employment_start else "",
            "notes": person.notes, **{name: getattr(person, name) for name in DOSSIER_LIMITS}}


@dataclass(frozen=True)
class Page:
    """One page of a search. ``more``: counting stopped at ``total`` (``count_up_to``), and there
    are at least that many; else ``total`` is exact."""

    rows: list[PersonView]
    total: int
    more: bool = False


def _full_name(text: str) -> str:
    full_name = require(check_name_characters(text, "full_name"), "full_name")  # refuses ESC, bidi … as typed
    if len(full_name) > 200:
        raise ValidationError("TEXT_TOO_LONG", field="full_name", max=200)
    return full_name


def dossier_values(data: PersonInput) -> dict[str, str]:
    """The Mẫu 05 fields in NFC, one line each (duties keep their line breaks); refuses, all at once,
    those longer than their column."""
    values = {name: clean_text(getattr(data, name)) for name in DOSSIER_LIMITS if name != "duties"}
    values["duties"] = "\n".join(line for line in clean_multiline(data.duties).splitlines() if line)  # one a line
    errors = ErrorCollector()
    for name, limit in DOSSIER_LIMITS.items():
        if len(values[name]) > limit:
            errors.add(ValidationError("TEXT_TOO_LONG", field=name, max=limit))
    errors.raise_if_any()
    return values


def _in_row(error: DomainError, index: int) -> ValidationError:
    """The refusal of row ``index`` (from 1) of a batch, naming the row."""
    return ValidationError(error.code, field=f"rows[{index}].{error.field}", row=index, **error.params)


class PeopleService(ServiceBase):
    """``today`` (a function, for tests) and ``limits`` (the date limits data) decide which dates
    are impossible or unusual; see :mod:`thidua_desktop.rules.plausibility`."""

    def __init__(self, *args: Any, today: Callable[[], date] = date.today, limits: DateLimits | None = None,
                 **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.today = today
        self._limits = limits

    @property
    def limits(self) -> DateLimits:
        return self._limits or load_limits()

    def _parse(self, data: PersonInput) -> tuple[dict[str, Any], list[Notice]]:
        """The validated values of a person, and what is unusual about them. Every field is
        checked before refusing, so all problems come in one ValidationErrors."""
        errors = ErrorCollector()
        full_name = errors.call(_full_name, data.full_name)
        gender = errors.call(parse_enum, Gender, clean_text(data.gender), "gender")
        birth = errors.call(parse_date_or_year, data.birth, "birth") if clean_text(data.birth) else None
        ethnicity_code, minority = None, False
        if clean_text(data.ethnicity):
            group = find_ethnic_group(data.ethnicity)
            if group is None:
                errors.add(ValidationError("ETHNICITY_UNKNOWN", field="ethnicity", value=clean_text(data.ethnicity)))
            else:
                ethnicity_code, minority = group.code, group.is_minority
        cccd = errors.call(validate_cccd, data.cccd, "cccd", birth_year=birth.year if birth else None,
                           gender=gender)
        phone = errors.call(validate_phone, data.phone, "phone") if clean_text(data.phone) else ""
        employment_start = (errors.call(parse_date, data.employment_start, "employment_start")
                            if clean_text(data.employment_start) else None)
        position = clean_text(data.position)
        official = not data.is_direct_worker and bool(position or employment_start)
        refusals, notices = person_date_checks(birth, employment_start, official=official, today=self.today(),
                                               limits=self.limits)
        for error in refusals:
            errors.add(error)
        dossier = errors.call(dossier_values, data) or {}
        errors.raise_if_any()
        values = dict(full_name=full_name, gender=gender, birth=birth, ethnicity_code=ethnicity_code,
                      minority=minority, cccd=cccd, phone=phone or "", position=position,
                      employment_start=employment_start, **dossier)
        return values, notices

    def warnings(self, data: PersonInput) -> list[Notice]:
        """What is unusual about this input (asked about before saving). Saves nothing; refuses
        the input as a save would (all field problems at once), without looking at the register."""
        return self._parse(data)[1]

    def _apply(self, person: Person, data: PersonInput) -> None:
        v, _notices = self._parse(data)
        full_name: str = v["full_name"]
        birth: DateOrYear | None = v["birth"]
        family, middle, given = split_name(full_name)
        person.full_name = full_name
        person.family_name, person.middle_name, person.given_name = family, middle, given
        person.search_key = search_key(full_name)
        person.sort_key = name_sort_string(full_name)
        person.gender = v["gender"].value
        person.birth_date = birth.day if birth else None
        person.birth_year = birth.year if birth else None
        person.ethnicity_code = v["ethnicity_code"]
        person.is_ethnic_minority = v["minority"]
        person.cccd = v["cccd"]
        person.phone = v["phone"]
        person.position = v["position"]
        person.workplace = clean_text(data.workplace)
        person.address = clean_text(data.address)
        person.is_direct_worker = bool(data.is_direct_worker)
        person.employment_start = v["employment_start"]
        person.notes = clean_text(data.notes)
        person.village_id = data.village_id or None
        for name in DOSSIER_LIMITS:
            setattr(person, name, v[name])

    def _check_refs(self, session: Session, person: Person) -> None:
        if person.village_id:
            get_live(session, Village, person.village_id, field="village")
        if person.cccd:
            other = repo.person_by_cccd(session, person.cccd)
            if other is not None and other.id != person.id:
                raise ValidationError("CCCD_DUPLICATE", field="cccd")

    def create(self, data: PersonInput) -> PersonView:
        with self.db.transaction(self.actor) as session:
            person = Person()
            self._apply(person, data)
            self._check_refs(session, person)
            session.add(person)
            session.flush()
            return person_view(person, repo.village_names(session))

    def create_many(self, rows: list[PersonInput]) -> list[PersonView]:
        """Add several people in one transaction: a bad row stops the whole batch, naming the row."""
        with self.db.transaction(self.actor) as session:
            people: list[Person] = []
            for index, data in enumerate(rows, start=1):
                person = Person()
                try:
                    self._apply(person, data)
                    self._check_refs(session, person)
                except ValidationErrors as exc:
                    raise ValidationErrors(_in_row(e, index) for e in exc.errors) from exc
                except ValidationError as exc:
                    raise _in_row(exc, index) from exc
                session.add(person)
                session.flush()
                people.append(person)
            villages = repo.village_names(session)
            return [person_view(p, villages) for p in people]

    def update(self, person_id: str, data: PersonInput, *, expected: Token | None = None) -> PersonView:
        """Save the person as typed. ``expected``: the token the form loaded (PersonView.token);
        someone else's save since then is refused with RECORD_CHANGED, never overwritten."""
        with self.db.transaction(self.actor) as session:
            person = get_for_edit(session, Person, person_id, expected, field="person")
            check(session, person, expected)
            self._apply(person, data)
            self._check_refs(session, person)
            session.flush()
            return person_view(person, repo.village_names(session))

    def edit(self, person_id: str, changes: dict[str, Any], *, expected: Token | None = None) -> PersonView:
        """Change only the given PersonInput fields (the command line's ``people edit``); every other
        field keeps its stored value, notes included. ``expected`` as for :meth:`update`."""
        with self.db.transaction(self.actor) as session:
            person = get_for_edit(session, Person, person_id, expected, field="person")
            check(session, person, expected)
            self._apply(person, PersonInput(**{**stored_person_input(person), **changes}))
            self._check_refs(session, person)
            session.flush()
            return person_view(person, repo.village_names(session))

    def delete(self, person_id: str, *, expected: Token | None = None) -> None:
        """Tombstone the person; with ``expected``, only if nobody changed it since it was read."""
        with self.db.transaction(self.actor) as session:
            person = get_for_edit(session, Person, person_id, expected, field="person")
            check(session, person, expected)
            person.deleted = True

    def get(self, person_id: str) -> PersonView:
        with self.db.reader() as session:
            return person_view(get_live(session, Person, person_id, field="person"), repo.village_names(session))

    def search(self, text: str = "", *, offset: int = 0, limit: int = 100, village_id: str | None = None,
               gender: str | None = None, ethnic_minority: bool | None = None, order: str = "name",
               officials_only: bool = False, count_up_to: int | None = None) -> Page:
        """One page of people matching the folded search text.

        ``order`` is one of name, birth, village, each ascending or with a leading "-" descending;
        name order is Vietnamese (given name, middle, family). ``officials_only`` keeps people who
        are not direct workers and hold a position or workplace (the unit's officials).
        ``count_up_to``: count no further than this, or than the rows up to this page's end (the
        search as you type: an exact count of a common name over 100k people costs a scan);
        ``more`` then says the count stopped."""
        if order not in repo.PEOPLE_ORDERS:
            raise ValidationError("ENUM_INVALID", field="order", value=order, allowed=list(repo.PEOPLE_ORDERS))
        if gender:
            gender = parse_enum(Gender, clean_text(gender), "gender").value
        with self.db.reader() as session:
            stmt = repo.search_people(session, search_key(text), village_id, gender, ethnic_minority, order,
                                      officials_only)
            villages = repo.village_names(session)
            rows = [person_view(p, villages) for p in page(session, stmt, offset, limit)]
            if count_up_to is None:
                return Page(rows=rows, total=count(session, stmt))
            # One more than asked: reaching it means there are more (and the list can scroll on).
            cap = max(count_up_to, offset + limit) + 1
            total = count(session, stmt, up_to=cap)
            return Page(rows=rows, total=total, more=total >= cap)

    def get_many(self, person_ids: list[str]) -> list[PersonView]:
        """The live people among these ids, in Vietnamese name order (for member lists)."""
        with self.db.reader() as session:
            villages = repo.village_names(session)
            return [person_view(p, villages) for p in repo.people_by_ids(session, list(person_ids))]
