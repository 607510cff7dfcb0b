"""Collectives and households, with their members."""

from __future__ import annotations

from dataclasses import dataclass

from ..db import Session
from ..db.models import Collective, CollectiveMember, Person, Village
from ..db.repositories import people as repo
from ..db.repositories.common import count, get_live, indexed_rows, page
from ..db.repositories.record_changes import child_ids, newest_child_stamp
from ..domain.enums import CollectiveKind
from ..domain.errors import ValidationError
from ..domain.text import clean_text, collation_string, search_key
from ..domain.validation import ErrorCollector, check_name_characters, parse_enum, parse_int, require
from .base import ServiceBase
from .record_tokens import Token, check, get_for_edit, token_of


@dataclass(frozen=True)
class CollectiveView:
    id: str
    name: str
    kind: str
    parent_id: str | None
    village_id: str | None
    member_count: int | None
    women_count: int | None
    village: str = ""
    address: str = ""
    registered_members: int = 0  # members linked to people in the register
    head_person_id: str | None = None  # the head of household (or of the unit), a person in the register
    head_name: str = ""
    # (origin_epoch, version) when read, the newest of the collective and its member links (the
    # form edits both). Handed back to update/delete (services/record_tokens.py).
    token: Token = (0, 0)

    @property
    def is_household(self) -> bool:
        return self.kind == CollectiveKind.HOUSEHOLD.value

    def to_json(self) -> dict[str, object]:
        return {"id": self.id, "name": self.name, "kind": self.kind, "parent_id": self.parent_id,
                "village_id": self.village_id, "member_count": self.member_count,
                "women_count": self.women_count, "head_person_id": self.head_person_id}


def collective_view(c: Collective, villages: dict[str, str] | None = None, registered: int = 0,
                    head: Person | None = None, token: Token | None = None) -> CollectiveView:
    return CollectiveView(c.id, c.name, c.kind, c.parent_id, c.village_id, c.member_count, c.women_count,
                          village=(villages or {}).get(c.village_id or "", ""), address=c.address,
                          registered_members=registered, head_person_id=c.head_person_id,
                          head_name=head.full_name if head is not None and not head.deleted else "",
                          token=token or token_of(c))


def _token(session: Session, c: Collective) -> Token:
    """The collective's token: adding or removing a member changes it too."""
    return token_of(c, newest_child_stamp(session, CollectiveMember, CollectiveMember.collective_id, c.id))


def _head(session: Session, c: Collective) -> Person | None:
    return session.get(Person, c.head_person_id) if c.head_person_id else None


def _count(value: int | str | None, field: str) -> int | None:
    """A head count typed in a form ("" = unknown) or given as a number."""
    if value is None or (isinstance(value, str) and not clean_text(value)):
        return None
    return parse_int(value, field, min=0, max=1_000_000)


def _name(text: str) -> str:
    clean = require(check_name_characters(text, "name", person=False), "name")  # refuses ESC, bidi … as typed
    if len(clean) > 300:
        raise ValidationError("TEXT_TOO_LONG", field="name", max=300)
    return clean


class CollectiveService(ServiceBase):
    def _apply(self, session: Session, row: Collective, name: str, kind: str, parent_id: str | None,
               village_id: str | None, member_count: int | str | None, women_count: int | str | None,
               address: str, head_person_id: str | None = None) -> None:
        errors = ErrorCollector()
        clean = errors.call(_name, name)
        kind_value = errors.call(parse_enum, CollectiveKind, clean_text(kind), "kind")
        members = errors.call(_count, member_count, "member_count")
        women = errors.call(_count, women_count, "women_count")
        if women is not None and members is not None and women > members:
            errors.add(ValidationError("NUMBER_OUT_OF_RANGE", field="women_count", value=women, min=0, max=members,
                                       range=f"0 – {members}"))
        if parent_id:
            parent: Collective | None = get_live(session, Collective, parent_id, field="parent")
            seen: set[str] = set()
            while parent is not None and parent.id not in seen:  # a unit cannot sit under itself
                if row.id and parent.id == row.id:
                    errors.add(ValidationError("PARENT_IS_SELF", field="parent"))
                    break
                seen.add(parent.id)
                parent = session.get(Collective, parent.parent_id) if parent.parent_id else None
        if village_id:
            get_live(session, Village, village_id, field="village")
        head = session.get(Person, head_person_id) if head_person_id else None
        if head_person_id and (head is None or head.deleted):
            errors.add(ValidationError("HEAD_PERSON_UNKNOWN", field="head_person", value=head_person_id))
        errors.raise_if_any()
        assert clean is not None and kind_value is not None  # refused above otherwise
        row.name, row.search_key, row.sort_key = clean, search_key(clean), collation_string(clean)
        row.kind = kind_value.value
        row.parent_id = parent_id or None
        row.village_id = village_id or None
        row.member_count, row.women_count = members, women
        row.address = clean_text(address)
        if head_person_id is not None:  # None keeps the head as it is, "" clears it
            row.head_person_id = head_person_id or None

    @staticmethod
    def _set_members(session: Session, collective_id: str, person_ids: list[str]) -> None:
        """Make the live member links exactly ``person_ids``: new links added, dropped ones tombstoned."""
        wanted = list(dict.fromkeys(person_ids))
        links = {link.person_id: link for link in repo.member_links(session, collective_id)}
        for person_id in wanted:
            get_live(session, Person, person_id, field="members")
            if person_id not in links:
                session.add(CollectiveMember(collective_id=collective_id, person_id=person_id))
        for person_id, link in links.items():
            if person_id not in wanted:
                link.deleted = True

    def create(self, name: str, kind: str, *, parent_id: str | None = None, village_id: str | None = None,
               member_count: int | str | None = None, women_count: int | str | None = None,
               address: str = "", member_ids: list[str] | None = None,
               head_person_id: str | None = None) -> CollectiveView:
        """A new collective or household; with ``member_ids`` its members join in the same transaction.
        ``head_person_id``: the head of household (a live person), printed as "Chủ hộ"."""
        with self.db.transaction(self.actor) as session:
            row = Collective()
            self._apply(session, row, name, kind, parent_id, village_id, member_count, women_count, address,
                        head_person_id)
            session.add(row)
            session.flush()
            if member_ids is not None:
                self._set_members(session, row.id, member_ids)
                session.flush()
            return collective_view(row, repo.village_names(session), len(set(member_ids or [])),
                                   _head(session, row), _token(session, row))

    def update(self, collective_id: str, name: str, kind: str, *, parent_id: str | None = None,
               village_id: str | None = None, member_count: int | str | None = None,
               women_count: int | str | None = None, address: str = "",
               member_ids: list[str] | None = None, head_person_id: str | None = None,
               expected: Token | None = None) -> CollectiveView:
        """Change a collective; ``member_ids`` (when given) replaces its member list, all in one transaction.
        ``head_person_id``: None keeps the head as it is, "" clears it. ``expected``: the token the form
        loaded; a save by someone else since then is refused with RECORD_CHANGED."""
        with self.db.transaction(self.actor) as session:
            row = get_for_edit(session, Collective, collective_id, expected, field="collective")
            check(session, row, expected, _token(session, row),
                  lambda: child_ids(session, CollectiveMember, CollectiveMember.collective_id, row.id))
            self._apply(session, row, name, kind, parent_id, village_id, member_count, women_count, address,
                        head_person_id)
            if member_ids is not None:
                self._set_members(session, row.id, member_ids)
            session.flush()
            registered = repo.member_counts(session, [row.id]).get(row.id, 0)
            return collective_view(row, repo.village_names(session), registered, _head(session, row),
                                   _token(session, row))

    def delete(self, collective_id: str, *, expected: Token | None = None) -> None:
        """Tombstone a collective and its member links (the people stay in the register); with
        ``expected``, only if nobody changed it since it was read."""
        with self.db.transaction(self.actor) as session:
            row = get_for_edit(session, Collective, collective_id, expected, field="collective")
            check(session, row, expected, _token(session, row),
                  lambda: child_ids(session, CollectiveMember, CollectiveMember.collective_id, row.id))
            row.deleted = True
            for link in repo.member_links(session, collective_id):
                link.deleted = True

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
        """Live members' ids in Vietnamese name order."""
        with self.db.reader() as session:
            return [p.id for p in repo.members_of(session, collective_id)]

    def get(self, collective_id: str) -> CollectiveView:
        with self.db.reader() as session:
            row = get_live(session, Collective, collective_id, field="collective")
            return collective_view(row, repo.village_names(session),
                                   repo.member_counts(session, [row.id]).get(row.id, 0), _head(session, row),
                                   _token(session, row))

    def search(self, text: str = "", *, kind: str | None = None, offset: int = 0, limit: int = 100,
               households: bool | None = None) -> tuple[list[CollectiveView], int]:
        """One page of collectives by folded name; ``households`` False leaves households out."""
        if kind:
            kind = parse_enum(CollectiveKind, clean_text(kind), "kind").value
        key = search_key(text)
        with self.db.reader() as session:
            stmt = repo.collectives_query(key, kind, households, narrowed=indexed_rows(session, Collective, key))
            found = list(page(session, stmt, offset, limit))
            villages = repo.village_names(session)
            counts = repo.member_counts(session, [c.id for c in found])
            rows = [collective_view(c, villages, counts.get(c.id, 0), _head(session, c), _token(session, c))
                    for c in found]
            return rows, count(session, stmt)
