"""Named accounts (issue 14, shared server): made, disabled and reset by an admin, signed in with
an Argon2id password, one generic refusal for every failed sign-in, a lock-out per typed username,
and every change audited under the account that made it. Real SQLite offices; the PostgreSQL run
is tests/pg/test_pg_accounts.py."""

from __future__ import annotations

import logging
from collections.abc import Callable
from datetime import timedelta
from pathlib import Path

import nacl.pwhash
import pytest
from sqlalchemy import select

from thidua_desktop.bootstrap import App, open_app
from thidua_desktop.db.models import Account, AuditEntry, LoginThrottle
from thidua_desktop.domain.accounts import AccountRole
from thidua_desktop.domain.errors import DomainError
from thidua_desktop.messages import render
from thidua_desktop.services import accounts as accounts_module
from thidua_desktop.services.people import PersonInput
from thidua_desktop.sync import passwords

ADMIN_PW = "Quan-tri-2026"


@pytest.fixture(autouse=True)
def fast_hash(monkeypatch: pytest.MonkeyPatch) -> None:
    """The office's Argon2id parameters cost 0.2 s a hash; the tests' lowest ones a millisecond."""
    monkeypatch.setattr(passwords, "OPSLIMIT", nacl.pwhash.argon2id.OPSLIMIT_MIN)
    monkeypatch.setattr(passwords, "MEMLIMIT", nacl.pwhash.argon2id.MEMLIMIT_MIN)


@pytest.fixture
def province(app_factory: Callable[..., App], tmp_path: Path) -> App:
    app = app_factory(tmp_path / "tinh")
    app.office.init_office("province", "04", officer_name="Cán bộ tỉnh")
    return app


def with_accounts(app: App) -> App:
    """The province with its first admin (as set-up makes it), signed in, plus a reviewer and a leader."""
    app.accounts.create("quantri", "Hoàng Văn Quản", "admin", ADMIN_PW)
    app.sign_in("quantri", ADMIN_PW)
    app.accounts.create("hoa.nt", "Nông Thị Hoa", "reviewer", "Tham-dinh-01")
    app.accounts.create("lanhdao", "Lục Văn Tài", "leader", "Lanh-dao-01")
    return app


def test_passwords_are_stored_as_argon2id_and_the_audit_log_never_holds_them(province: App) -> None:
    with_accounts(province)
    with province.db.reader() as session:
        stored = session.scalars(select(Account.password_hash)).all()
        audited = [e.new_values for e in session.scalars(select(AuditEntry).where(AuditEntry.table_name == "accounts"))]
    assert len(stored) == 3 and all(h.startswith("$argon2id$v=19$") for h in stored)
    assert all(ADMIN_PW not in h for h in stored)
    assert audited and all(v is None or v.get("password_hash") in (None, "***") for v in audited)
    assert not any("argon2" in str(v) for v in audited)


def test_the_office_parameters_are_the_documented_ones(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.undo()  # the shipped values, not the tests' fast ones
    # RFC 9106's second recommended setting: 3 passes over 64 MiB.
    assert (passwords.OPSLIMIT, passwords.MEMLIMIT) == (3, 64 * 1024 * 1024)
    assert passwords.needs_rehash("$argon2id$v=19$m=8,t=1,p=1$c2FsdA$aGFzaA")
    assert not passwords.needs_rehash("$argon2id$v=19$m=65536,t=3,p=1$c2FsdA$aGFzaA")
    assert passwords.needs_rehash("$2b$12$not-argon")


def test_the_first_account_must_be_an_admin_and_chooses_its_own_password(province: App) -> None:
    with pytest.raises(DomainError) as refused:
        province.accounts.create("hoa.nt", "Nông Thị Hoa", "reviewer", "Tham-dinh-01")
    assert refused.value.code == "FIRST_ACCOUNT_ADMIN"
    assert not province.needs_sign_in()
    first = province.accounts.create("QuanTri ", "Hoàng Văn Quản", "admin", ADMIN_PW)
    assert (first.username, first.role, first.must_change_password) == ("quantri", AccountRole.ADMIN, False)
    assert province.needs_sign_in()
    signed = province.sign_in("QUANTRI", ADMIN_PW)  # the username in any case
    assert (signed.username, signed.role, province.actor) == ("quantri", AccountRole.ADMIN, f"quantri (#{first.id})")


def test_only_an_admin_manages_accounts(province: App) -> None:
    with_accounts(province)
    listed = province.accounts.list()
    assert [(a.username, a.role.value, a.must_change_password) for a in listed] == [
        ("hoa.nt", "reviewer", True), ("lanhdao", "leader", True), ("quantri", "admin", False)]
    province.sign_in("hoa.nt", "Tham-dinh-01")
    for attempt in (lambda: province.accounts.list(),
                    lambda: province.accounts.create("moi", "Người Mới", "reviewer", "Mat-khau-01"),
                    lambda: province.accounts.disable("lanhdao"),
                    lambda: province.accounts.reset_password("lanhdao", "Mat-khau-02")):
        with pytest.raises(DomainError) as refused:
            attempt()
        assert refused.value.code == "ROLE_REQUIRED"
        assert render(refused.value).startswith("Việc này cần tài khoản có vai trò quản trị viên.")


def test_bad_usernames_and_short_passwords_are_refused_with_their_field(province: App) -> None:
    with_accounts(province)
    cases = [(("Nông Hoa", "Nông Thị Hoa", "reviewer", "Tham-dinh-01"), "USERNAME_INVALID", "username"),
             (("hoa.nt", "Khác", "reviewer", "Tham-dinh-01"), "USERNAME_TAKEN", "username"),
             (("moi", "Người Mới", "reviewer", "ngan"), "PASSWORD_TOO_SHORT", "password"),
             (("moi", "  ", "reviewer", "Tham-dinh-01"), "REQUIRED", "display_name"),
             (("moi", "Người Mới", "chairman", "Tham-dinh-01"), "ENUM_INVALID", "account_role")]
    for args, code, field in cases:
        with pytest.raises(DomainError) as refused:
            province.accounts.create(*args)
        assert (refused.value.code, refused.value.field) == (code, field)
    assert len(province.accounts.list()) == 3


def test_a_failed_sign_in_never_says_whether_the_username_exists(province: App) -> None:
    with_accounts(province)
    province.accounts.disable("lanhdao")
    messages = set()
    for username, password in (("hoa.nt", "sai-mat-khau"), ("khong-co-ai", "sai-mat-khau"),
                               ("lanhdao", "Lanh-dao-01"), ("", "")):
        with pytest.raises(DomainError) as refused:
            province.accounts.authenticate(username, password)
        messages.add((refused.value.code, render(refused.value), render(refused.value, "en")))
    assert messages == {("LOGIN_FAILED", "Tên đăng nhập hoặc mật khẩu không đúng, hoặc tài khoản đã bị khóa. Quên "
                         "mật khẩu thì hãy nhờ quản trị viên đặt lại.", "Wrong username or password, or the account "
                         "is disabled. If you forgot your password, ask the administrator to reset it.")}


def test_repeated_failures_lock_that_username_whether_it_exists_or_not(province: App) -> None:
    with_accounts(province)
    service = province.accounts
    clock = [service.now()]
    service.now = lambda: clock[0]

    def codes(username: str, password: str, times: int) -> list[str]:
        found = []
        for _ in range(times):
            try:
                service.authenticate(username, password)
                found.append("ok")
            except DomainError as exc:
                found.append(exc.code)
        return found

    for name in ("hoa.nt", "khong-co-ai"):
        assert codes(name, "sai-mat-khau", 6) == ["LOGIN_FAILED"] * 5 + ["LOGIN_THROTTLED"]
    # Locked, even the right password is refused, without being checked.
    assert codes("hoa.nt", "Tham-dinh-01", 1) == ["LOGIN_THROTTLED"]
    assert codes("lanhdao", "Lanh-dao-01", 1) == ["ok"]  # another username is not locked
    clock[0] += timedelta(seconds=31)
    assert codes("hoa.nt", "sai-mat-khau", 2) == ["LOGIN_FAILED", "LOGIN_THROTTLED"]  # now locked for 60 s
    with pytest.raises(DomainError) as refused:
        service.authenticate("hoa.nt", "Tham-dinh-01")
    assert refused.value.params["minutes"] == 1
    assert "khoảng 1 phút" in render(refused.value)
    clock[0] += timedelta(seconds=61)
    assert codes("hoa.nt", "Tham-dinh-01", 1) == ["ok"]  # a success clears the count
    assert codes("hoa.nt", "sai-mat-khau", 1) == ["LOGIN_FAILED"]
    assert accounts_module.lock_for(4) is None and accounts_module.lock_for(30) == accounts_module.LONGEST_LOCK
    # Nothing readable is kept of what was typed as a username.
    with province.db.reader() as session:
        keys = session.scalars(select(LoginThrottle.key)).all()
    assert keys and all(len(k) == 64 and "khong" not in k for k in keys)


def test_an_admin_reset_lifts_the_lock_and_the_officer_changes_the_password(province: App) -> None:
    with_accounts(province)
    for _ in range(6):
        with pytest.raises(DomainError):
            province.accounts.authenticate("hoa.nt", "sai-mat-khau")
    view = province.accounts.reset_password("hoa.nt", "Tam-thoi-123")
    assert view.must_change_password
    officer = province.on_copy(province.paths, province.db)
    signed = officer.sign_in("hoa.nt", "Tam-thoi-123")
    assert signed.must_change_password
    with pytest.raises(DomainError) as wrong:
        officer.accounts.change_own_password("khong-phai", "Cua-toi-2026")
    assert wrong.value.code == "PASSWORD_WRONG"
    with pytest.raises(DomainError) as same:
        officer.accounts.change_own_password("Tam-thoi-123", "Tam-thoi-123")
    assert same.value.code == "PASSWORD_UNCHANGED"
    officer.accounts.change_own_password("Tam-thoi-123", "Cua-toi-2026")
    again = officer.sign_in("hoa.nt", "Cua-toi-2026")
    assert not again.must_change_password
    with pytest.raises(DomainError):
        officer.accounts.authenticate("hoa.nt", "Tam-thoi-123")


def test_a_disabled_account_stops_at_its_next_action_and_the_last_admin_stays(province: App) -> None:
    with_accounts(province)
    with pytest.raises(DomainError) as last:
        province.accounts.disable("quantri")
    assert last.value.code == "LAST_ADMIN"
    officer = province.on_copy(province.paths, province.db)
    officer.sign_in("lanhdao", "Lanh-dao-01")
    province.accounts.disable("lanhdao")
    with pytest.raises(DomainError) as stopped:
        officer.reviews.review("khong-co", "rejected", "Không đạt")
    assert stopped.value.code == "LOGIN_REQUIRED"
    province.accounts.enable("lanhdao")
    with pytest.raises(DomainError) as unknown:
        province.accounts.disable("khong-co-ai")
    assert unknown.value.code == "ACCOUNT_UNKNOWN"


def test_every_change_is_attributed_to_the_account_that_made_it(province: App) -> None:
    with_accounts(province)
    hoa = province.on_copy(province.paths, province.db)
    hoa.sign_in("hoa.nt", "Tham-dinh-01")
    tai = open_app(province.paths.data_dir)  # another officer, another window on the same office
    try:
        tai.sign_in("lanhdao", "Lanh-dao-01")
        first = hoa.people.create(PersonInput(full_name="Bế Văn Một", gender="male", birth="1980"))
        second = tai.people.create(PersonInput(full_name="Hà Thị Hai", gender="female", birth="1985"))
        tai.people.update(first.id, PersonInput(full_name="Bế Văn Một", gender="male", birth="1981"))
    finally:
        tai.close()
    ids = {a.username: a.id for a in province.accounts.list()}
    with province.db.reader() as session:
        entries = session.execute(select(AuditEntry.actor, AuditEntry.action, AuditEntry.row_id).where(
            AuditEntry.table_name == "people")).all()
    assert (f"hoa.nt (#{ids['hoa.nt']})", "insert", first.id) in entries
    assert (f"lanhdao (#{ids['lanhdao']})", "insert", second.id) in entries
    assert (f"lanhdao (#{ids['lanhdao']})", "update", first.id) in entries
    assert {actor for actor, _, _ in entries} == {f"hoa.nt (#{ids['hoa.nt']})", f"lanhdao (#{ids['lanhdao']})"}


def test_logs_name_the_account_id_never_the_username_or_the_password(
        province: App, caplog: pytest.LogCaptureFixture) -> None:
    with caplog.at_level(logging.INFO, logger="thidua"):
        with_accounts(province)
        with pytest.raises(DomainError):
            province.accounts.authenticate("hoa.nt", "sai-mat-khau-bi-mat")
        province.accounts.reset_password("hoa.nt", "Tam-thoi-123")
    text = "\n".join(r.getMessage() for r in caplog.records)
    assert "account 2 created (role=reviewer)" in text and "refused: LOGIN_FAILED" in text
    for secret in ("hoa.nt", "Nông Thị Hoa", "sai-mat-khau-bi-mat", "Tam-thoi-123", ADMIN_PW, "quantri"):
        assert secret not in text


def test_a_hash_made_with_older_parameters_is_replaced_at_sign_in(
        province: App, monkeypatch: pytest.MonkeyPatch) -> None:
    province.accounts.create("quantri", "Hoàng Văn Quản", "admin", ADMIN_PW)
    monkeypatch.setattr(passwords, "OPSLIMIT", nacl.pwhash.argon2id.OPSLIMIT_MIN + 1)  # the office raised them
    province.sign_in("quantri", ADMIN_PW)
    with province.db.reader() as session:
        stored = session.scalars(select(Account.password_hash)).one()
    assert f",t={nacl.pwhash.argon2id.OPSLIMIT_MIN + 1}," in stored and not passwords.needs_rehash(stored)
    assert province.sign_in("quantri", ADMIN_PW).username == "quantri"
