"""The office: initialisation, identity, villages and local parameters."""

from __future__ import annotations

import uuid
from dataclasses import dataclass

from ..db.models import LocalParameter, Office, Village
from ..db.repositories import admin_units
from ..db.repositories import office as repo
from ..db.repositories.common import get_live
from ..domain.enums import Role
from ..domain.errors import StateError, ValidationError
from ..domain.text import clean_text, search_key
from ..domain.validation import parse_enum, require
from .base import ServiceBase
from .changes import Change


@dataclass(frozen=True)
class OfficeView:
    role: str
    unit_code: str
    unit_name: str
    province_code: str
    node_id: str
    epoch: int
    change_counter: int
    officer_name: str


@dataclass(frozen=True)
class VillageView:
    id: str
    name: str
    kind: str
    is_border: bool
    is_remote: bool


def _office_view(o: Office) -> OfficeView:
    return OfficeView(o.role, o.unit_code, o.unit_name, o.province_code, o.node_id, o.epoch,
                      o.change_counter, o.officer_name)


class OfficeService(ServiceBase):
    def is_initialised(self) -> bool:
        with self.db.reader() as session:
            return session.get(Office, 1) is not None

    def init_office(self, role: str, unit_code: str, unit_name: str = "", officer_name: str = "",
                    trial: bool = False) -> OfficeView:
        """Create the office identity and seed the province's administrative units. A ``trial``
        office (demo data to try the app) is marked so in the same transaction: it can never
        enrol with the province or exchange bundles."""
        role_value = parse_enum(Role, clean_text(role), "role")
        code = clean_text(unit_code)
        require(code, "unit_code")
        unit = admin_units.find_unit(code)
        if unit is None:
            raise ValidationError("UNIT_CODE_UNKNOWN", field="unit_code", value=code)
        code, official_name, _division, province_code = unit
        is_province_code = len(code) == 2
        if role_value is Role.PROVINCE and not is_province_code:
            raise ValidationError("UNIT_CODE_NOT_PROVINCE", field="unit_code", value=code)
        if role_value is Role.COMMUNE and is_province_code:
            raise ValidationError("UNIT_CODE_NOT_COMMUNE", field="unit_code", value=code)
        with self.db.transaction(self.actor) as session:
            if session.get(Office, 1) is not None:
                raise StateError("OFFICE_ALREADY_INITIALISED", field="unit_code")
            office = Office(
                id=1, role=role_value.value, unit_code=code,
                unit_name=clean_text(unit_name) or official_name, province_code=province_code,
                node_id=str(uuid.uuid4()), epoch=1, change_counter=0, clock=0,
                officer_name=clean_text(officer_name),
            )
            session.add(office)
            if trial:
                session.add(LocalParameter(key="trial_office", value={"value": True}, changed_by=self.actor))
            admin_units.seed(session, province_code, search_key)
            session.flush()
            return _office_view(office)

    def office(self) -> OfficeView:
        with self.db.reader() as session:
            office = session.get(Office, 1)
            if office is None:
                raise StateError("OFFICE_NOT_INITIALISED")
            return _office_view(office)

    def set_officer_name(self, name: str) -> Change:
        with self.db.transaction(self.actor) as session:
            office = session.get(Office, 1)
            if office is None:
                raise StateError("OFFICE_NOT_INITIALISED")
            office.officer_name = clean_text(name)
        return Change.OFFICE

    @staticmethod
    def units_to_choose(province_code: str) -> list[tuple[str, str, str]]:
        """(code, name, division type) of a province and its communes and wards, as shipped: the
        first-run dialog lists them before any office, or any database, exists."""
        return admin_units.province_units(province_code)

    def admin_units(self, search: str = "") -> list[tuple[str, str]]:
        """(code, name) of the province's units, filtered by folded search text."""
        key = search_key(search)
        with self.db.reader() as session:
            rows = admin_units.stored_units(session)
            return [(u.code, u.name) for u in rows if key in u.search_key]

    # Villages -----------------------------------------------------------------------------
    def add_village(self, name: str, kind: str = "thon", is_border: bool = False,
                    is_remote: bool = False) -> VillageView:
        clean = clean_text(name)
        require(clean, "village_name")
        with self.db.transaction(self.actor) as session:
            office = session.get(Office, 1)
            if office is None:
                raise StateError("OFFICE_NOT_INITIALISED")
            village = Village(name=clean, search_key=search_key(clean), kind=clean_text(kind) or "thon",
                              commune_code=office.unit_code, is_border=is_border, is_remote=is_remote)
            session.add(village)
            session.flush()
            return VillageView(village.id, village.name, village.kind, village.is_border, village.is_remote)

    def villages(self) -> list[VillageView]:
        with self.db.reader() as session:
            rows = repo.villages_by_name(session)
            return [VillageView(v.id, v.name, v.kind, v.is_border, v.is_remote) for v in rows]

    def village(self, village_id: str) -> VillageView:
        with self.db.reader() as session:
            v = get_live(session, Village, village_id, field="village")
            return VillageView(v.id, v.name, v.kind, v.is_border, v.is_remote)

    # Local parameters (each change is audited through the session hook) -----------------
    def parameter(self, key: str, default: object = None) -> object:
        with self.db.reader() as session:
            row = session.get(LocalParameter, key)
            return row.value.get("value") if row else default

    def set_parameter(self, key: str, value: object) -> None:
        with self.db.transaction(self.actor) as session:
            row = session.get(LocalParameter, key)
            if row is None:
                session.add(LocalParameter(key=key, value={"value": value}, changed_by=self.actor))
            else:
                row.value = {"value": value}
                row.changed_by = self.actor
