"""Accounts on the provincial office's PostgreSQL server (issue 14): the same service as on SQLite
(tests/services/test_accounts.py), on the server several officers share: the lock-out is kept in
the database (every computer sees it), a role is read at each action, and each officer's changes
carry their own account in the audit log."""

from __future__ import annotations

from collections.abc import Callable

import nacl.pwhash
import pytest
from sqlalchemy import select

from thidua_desktop.bootstrap import App
from thidua_desktop.db.models import AuditEntry
from thidua_desktop.domain.errors import DomainError
from thidua_desktop.services.people import PersonInput
from thidua_desktop.sync import passwords

pytestmark = pytest.mark.postgres


@pytest.fixture(autouse=True)
def fast_hash(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(passwords, "OPSLIMIT", nacl.pwhash.argon2id.OPSLIMIT_MIN)
    monkeypatch.setattr(passwords, "MEMLIMIT", nacl.pwhash.argon2id.MEMLIMIT_MIN)


def code_of(action: Callable[[], object]) -> str:
    try:
        action()
    except DomainError as exc:
        return exc.code
    return "ok"


@pytest.fixture
def office(pg_province: App) -> App:
    assert not pg_province.db.is_sqlite
    assert pg_province.accounts.is_server() and not pg_province.needs_sign_in()  # no accounts yet: one officer
    pg_province.accounts.create("quantri", "Hoàng Văn Quản", "admin", "Quan-tri-2026")
    pg_province.sign_in("quantri", "Quan-tri-2026")
    pg_province.accounts.create("hoa.nt", "Nông Thị Hoa", "reviewer", "Tham-dinh-01")
    pg_province.accounts.create("lanhdao", "Lục Văn Tài", "leader", "Lanh-dao-01")
    return pg_province


def test_two_officers_changes_are_each_attributed_to_their_account(
        office: App, pg_app_factory: Callable[..., App]) -> None:
    hoa, tai = pg_app_factory(), pg_app_factory()  # two computers on the same server
    assert hoa.needs_sign_in() and tai.needs_sign_in()
    hoa.sign_in("hoa.nt", "Tham-dinh-01")
    tai.sign_in("lanhdao", "Lanh-dao-01")
    first = hoa.people.create(PersonInput(full_name="Bế Văn Một", gender="male", birth="1980"))
    second = tai.people.create(PersonInput(full_name="Hà Thị Hai", gender="female", birth="1985"))
    ids = {a.username: a.id for a in office.accounts.list()}
    with office.db.reader() as session:
        actors = dict(session.execute(select(AuditEntry.row_id, AuditEntry.actor).where(
            AuditEntry.table_name == "people", AuditEntry.action == "insert")).all())
    assert actors == {first.id: f"hoa.nt (#{ids['hoa.nt']})", second.id: f"lanhdao (#{ids['lanhdao']})"}


def test_roles_and_the_lock_out_hold_across_computers(office: App, pg_app_factory: Callable[..., App],
                                                      tmp_path) -> None:  # type: ignore[no-untyped-def]
    reviewer, other = pg_app_factory(), pg_app_factory()
    reviewer.sign_in("hoa.nt", "Tham-dinh-01")
    assert code_of(lambda: reviewer.sync.export_enrollment("01576", tmp_path / "k.json")) == "ROLE_REQUIRED"
    assert code_of(lambda: reviewer.sync.revoke_peer("01576")) == "ROLE_REQUIRED"
    assert code_of(lambda: reviewer.reviews.review("khong-co", "rejected", "Không đạt")) == "ROLE_REQUIRED"
    assert code_of(lambda: reviewer.reviews.review("khong-co", "approved")) == "NOT_FOUND"  # past the role check
    assert code_of(lambda: reviewer.accounts.list()) == "ROLE_REQUIRED"
    # Five failures on one computer lock the username on every computer.
    for _ in range(5):
        assert code_of(lambda: other.sign_in("lanhdao", "sai-mat-khau")) == "LOGIN_FAILED"
    assert code_of(lambda: reviewer.accounts.authenticate("lanhdao", "Lanh-dao-01")) == "LOGIN_THROTTLED"
    # A disabled account stops at its next action, wherever it is signed in.
    office.accounts.disable("hoa.nt")
    assert code_of(lambda: reviewer.reviews.review("khong-co", "approved")) == "LOGIN_REQUIRED"
    assert code_of(lambda: office.accounts.disable("quantri")) == "LAST_ADMIN"
