"""Every write bumps the office's change counter in the same transaction and is audited."""

from __future__ import annotations

from sqlalchemy import select

from thidua_desktop.db.models import AuditEntry, Office, Person
from thidua_desktop.services.people import PersonInput


def test_writes_get_increasing_versions_and_the_owner_node(commune) -> None:  # type: ignore[no-untyped-def]
    office = commune.office.office()
    a = commune.people.create(PersonInput("Nông Văn An", "male"))
    b = commune.people.create(PersonInput("Lý Thị Bình", "female"))
    with commune.db.reader() as session:
        rows = {p.id: p for p in session.scalars(select(Person)).all()}
        assert rows[a.id].origin_node == office.node_id and rows[a.id].origin_epoch == office.epoch
        assert rows[b.id].version > rows[a.id].version
        counter_before = session.get(Office, 1).change_counter
    commune.people.update(a.id, PersonInput("Nông Văn Ân", "male"))
    with commune.db.reader() as session:
        row = session.get(Person, a.id)
        assert row.version == counter_before + 1 == session.get(Office, 1).change_counter
        assert row.clock > 0


def test_audit_log_keeps_actor_old_and_new_values(commune) -> None:  # type: ignore[no-untyped-def]
    view = commune.people.create(PersonInput("Nông Văn An", "male", position="Nông dân"))
    commune.people.update(view.id, PersonInput("Nông Văn An", "male", position="Trưởng xóm"))
    with commune.db.reader() as session:
        entries = [(e.action, e.actor, e.old_values, e.new_values) for e in session.scalars(
            select(AuditEntry).where(AuditEntry.row_id == view.id).order_by(AuditEntry.id)).all()]
    assert [e[0] for e in entries] == ["insert", "update"]
    assert entries[1][1:] == ("tester", {"position": "Nông dân"}, {"position": "Trưởng xóm"})


def test_a_failed_action_bumps_nothing(commune) -> None:  # type: ignore[no-untyped-def]
    import pytest

    from thidua_desktop.domain.errors import ValidationError

    before = commune.office.office().change_counter
    with pytest.raises(ValidationError):
        commune.people.create_many([PersonInput("Nông Văn An", "male"), PersonInput("", "male")])
    assert commune.office.office().change_counter == before
