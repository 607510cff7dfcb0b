"""The register of people: create, edit, soft-delete, search and page."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from ..db import Session
from ..db.models import Person, Village
from ..db.repositories import people as repo
from ..db.repositories.common import count, get_live, page
from ..domain.enums import Gender
from ..domain.errors import ValidationError
from ..domain.ethnicity import find_ethnic_group
from ..domain.text import clean_text, name_sort_string, search_key, split_name
from ..domain.validation import (
    parse_date,
    parse_date_or_year,
    parse_enum,
    require,
    validate_cccd,
    validate_phone,
)
from .base import ServiceBase, birth_json


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
            "cccd": self.cccd,
            "position": self.position,
            "workplace": self.workplace,
            "village": self.village,
            "village_id": self.village_id,
            "address": self.address,
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
        employment_start=person.employment_start,
    )


@dataclass(frozen=True)
class Page:
    rows: list[PersonView]
    total: int


class PeopleService(ServiceBase):
    def _apply(self, person: Person, data: PersonInput) -> None:
        full_name = clean_text(data.full_name)
        require(full_name, "full_name")
        if len(full_name) > 200:
            raise ValidationError("TEXT_TOO_LONG", field="full_name", max=200)
        gender = parse_enum(Gender, clean_text(data.gender), "gender")
        birth = parse_date_or_year(data.birth, "birth") if clean_text(data.birth) else None
        ethnicity_code = None
        if clean_text(data.ethnicity):
            group = find_ethnic_group(data.ethnicity)
            if group is None:
                raise ValidationError("ETHNICITY_UNKNOWN", field="ethnicity", value=clean_text(data.ethnicity))
            ethnicity_code = group.code
            person.is_ethnic_minority = group.is_minority
        else:
            person.is_ethnic_minority = False
        cccd = validate_cccd(data.cccd, "cccd", birth_year=birth.year if birth else None, gender=gender)
        family, middle, given = split_name(full_name)
        person.full_name = full_name
        person.family_name, person.middle_name, person.given_name = family, middle, given
        person.search_key = search_key(full_name)
        person.sort_key = name_sort_string(full_name)
        person.gender = gender.value
        person.birth_date = birth.day if birth else None
        person.birth_year = birth.year if birth else None
        person.ethnicity_code = ethnicity_code
        person.cccd = cccd
        person.phone = validate_phone(data.phone, "phone") if clean_text(data.phone) else ""
        person.position = clean_text(data.position)
        person.workplace = clean_text(data.workplace)
        person.address = clean_text(data.address)
        person.is_direct_worker = bool(data.is_direct_worker)
        person.employment_start = (
            parse_date(data.employment_start, "employment_start") if clean_text(data.employment_start) else None
        )
        person.notes = clean_text(data.notes)
        person.village_id = data.village_id or None

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
                except ValidationError as exc:
                    raise ValidationError(exc.code, field=f"rows[{index}].{exc.field}", row=index,
                                          **exc.params) from exc
                session.add(person)
                session.flush()
                people.append(person)
            villages = repo.village_names(session)
            return [person_view(p, villages) for p in people]

    def update(self, person_id: str, data: PersonInput) -> PersonView:
        with self.db.transaction(self.actor) as session:
            person = get_live(session, Person, person_id, field="person")
            self._apply(person, data)
            self._check_refs(session, person)
            session.flush()
            return person_view(person, repo.village_names(session))

    def delete(self, person_id: str) -> None:
        with self.db.transaction(self.actor) as session:
            get_live(session, Person, person_id, field="person").deleted = True

    def get(self, person_id: str) -> PersonView:
        with self.db.reader() as session:
            return person_view(get_live(session, Person, person_id, field="person"), repo.village_names(session))

    def search(self, text: str = "", *, offset: int = 0, limit: int = 100, village_id: str | None = None,
               gender: str | None = None, ethnic_minority: bool | None = None, order: str = "name",
               officials_only: bool = False) -> Page:
        """One page of people matching the folded search text.

        ``order`` is one of name, birth, village, each ascending or with a leading "-" descending;
        name order is Vietnamese (given name, middle, family). ``officials_only`` keeps people who
        are not direct workers and hold a position or workplace (the unit's officials)."""
        if order not in repo.PEOPLE_ORDERS:
            raise ValidationError("ENUM_INVALID", field="order", value=order, allowed=list(repo.PEOPLE_ORDERS))
        if gender:
            gender = parse_enum(Gender, clean_text(gender), "gender").value
        stmt = repo.people_query(search_key(text), village_id, gender, ethnic_minority, order, officials_only)
        with self.db.reader() as session:
            villages = repo.village_names(session)
            rows = [person_view(p, villages) for p in page(session, stmt, offset, limit)]
            return Page(rows=rows, total=count(session, stmt))

    def get_many(self, person_ids: list[str]) -> list[PersonView]:
        """The live people among these ids, in Vietnamese name order (for member lists)."""
        with self.db.reader() as session:
            villages = repo.village_names(session)
            return [person_view(p, villages) for p in repo.people_by_ids(session, list(person_ids))]
