"""Collectives and households, with their members."""

from __future__ import annotations

from dataclasses import dataclass

from ..db.models import Collective, CollectiveMember, Person, Village
from ..db.repositories import people as repo
from ..db.repositories.common import count, get_live, page
from ..domain.enums import CollectiveKind
from ..domain.errors import ValidationError
from ..domain.text import clean_text, collation_string, search_key
from ..domain.validation import parse_enum, require
from .base import ServiceBase


@dataclass(frozen=True)
class CollectiveView:
    id: str
    name: str
    kind: str
    parent_id: str | None
    village_id: str | None
    member_count: int | None
    women_count: int | None

    @property
    def is_household(self) -> bool:
        return self.kind == CollectiveKind.HOUSEHOLD.value

    def to_json(self) -> dict[str, object]:
        return {"id": self.id, "name": self.name, "kind": self.kind, "parent_id": self.parent_id,
                "village_id": self.village_id, "member_count": self.member_count,
                "women_count": self.women_count}


def collective_view(c: Collective) -> CollectiveView:
    return CollectiveView(c.id, c.name, c.kind, c.parent_id, c.village_id, c.member_count, c.women_count)


class CollectiveService(ServiceBase):
    def create(self, name: str, kind: str, *, parent_id: str | None = None, village_id: str | None = None,
               member_count: int | None = None, women_count: int | None = None,
               address: str = "") -> CollectiveView:
        clean = clean_text(name)
        require(clean, "name")
        kind_value = parse_enum(CollectiveKind, clean_text(kind), "kind")
        if member_count is not None and member_count < 0:
            raise ValidationError("NUMBER_OUT_OF_RANGE", field="member_count", value=member_count)
        if women_count is not None and (women_count < 0 or (member_count is not None and women_count > member_count)):
            raise ValidationError("NUMBER_OUT_OF_RANGE", field="women_count", value=women_count)
        with self.db.transaction(self.actor) as session:
            if parent_id:
                get_live(session, Collective, parent_id, field="parent")
            if village_id:
                get_live(session, Village, village_id, field="village")
            row = Collective(name=clean, search_key=search_key(clean), sort_key=collation_string(clean),
                             kind=kind_value.value, parent_id=parent_id, village_id=village_id,
                             member_count=member_count, women_count=women_count, address=clean_text(address))
            session.add(row)
            session.flush()
            return collective_view(row)

    def add_members(self, collective_id: str, person_ids: list[str]) -> int:
        """Add several members in one transaction: all or none."""
        with self.db.transaction(self.actor) as session:
            get_live(session, Collective, collective_id, field="collective")
            existing = {p.id for p in repo.members_of(session, collective_id)}
            added = 0
            for person_id in person_ids:
                get_live(session, Person, person_id, field="person")
                if person_id in existing:
                    continue
                session.add(CollectiveMember(collective_id=collective_id, person_id=person_id))
                existing.add(person_id)
                added += 1
            return added

    def member_ids(self, collective_id: str) -> list[str]:
        with self.db.reader() as session:
            return [p.id for p in repo.members_of(session, collective_id)]

    def get(self, collective_id: str) -> CollectiveView:
        with self.db.reader() as session:
            return collective_view(get_live(session, Collective, collective_id, field="collective"))

    def search(self, text: str = "", *, kind: str | None = None, offset: int = 0,
               limit: int = 100) -> tuple[list[CollectiveView], int]:
        stmt = repo.collectives_query(search_key(text), kind)
        with self.db.reader() as session:
            rows = [collective_view(c) for c in page(session, stmt, offset, limit)]
            return rows, count(session, stmt)
