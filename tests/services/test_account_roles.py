"""Roles are checked in the services (issue 14): only an admin exports keys or revokes a commune,
a reviewer (or a leader) reviews, only a leader rejects or records a decision. An office without
accounts (every commune, and a province before its first account) is unchanged: its single officer
holds every role. Real SQLite offices, real bundles."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import nacl.pwhash
import pytest
from demo_helpers import DEMO_UNIT, open_enrolled_demo
from sqlalchemy import select
from sync_helpers import deliver

from thidua_desktop.bootstrap import App, open_app
from thidua_desktop.db.models import AuditEntry, Nomination
from thidua_desktop.domain.errors import DomainError
from thidua_desktop.messages import render
from thidua_desktop.sync import keys as k
from thidua_desktop.sync import passwords


@pytest.fixture(autouse=True)
def fast_hash(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(passwords, "OPSLIMIT", nacl.pwhash.argon2id.OPSLIMIT_MIN)
    monkeypatch.setattr(passwords, "MEMLIMIT", nacl.pwhash.argon2id.MEMLIMIT_MIN)
    monkeypatch.setattr(k, "RECOVERY_OPSLIMIT", nacl.pwhash.argon2id.OPSLIMIT_MIN)
    monkeypatch.setattr(k, "RECOVERY_MEMLIMIT", nacl.pwhash.argon2id.MEMLIMIT_MIN)


@pytest.fixture
def offices(enrolled_demo_template: Path, tmp_path: Path) -> Iterator[tuple[App, App, list[str]]]:
    """The province holding xã Quảng Uyên's bundles, and the dossiers the commune submitted."""
    province, commune = open_enrolled_demo(enrolled_demo_template, tmp_path)
    try:
        for bundle in commune.sync.export(tmp_path / "usb").files:
            deliver(province, commune, bundle)
        with province.db.reader() as session:
            submitted = list(session.scalars(select(Nomination.id).where(
                Nomination.status == "submitted", Nomination.deleted.is_(False)).order_by(Nomination.id)))
        assert len(submitted) >= 3, "the demo submits dossiers to the province"
        yield province, commune, submitted
    finally:
        province.close()
        commune.close()


def code_of(action) -> str:  # type: ignore[no-untyped-def]
    try:
        action()
    except DomainError as exc:
        return exc.code
    return "ok"


def test_an_office_without_accounts_keeps_every_role(offices: tuple[App, App, list[str]], tmp_path: Path) -> None:
    province, commune, submitted = offices
    assert not province.accounts.has_accounts() and not province.needs_sign_in()
    assert not commune.accounts.has_accounts() and not commune.needs_sign_in()
    assert province.signed_in is None and province.actor == "tinh"  # the officer's name, as before
    assert code_of(lambda: province.reviews.review(submitted[0], "approved")) == "ok"
    assert code_of(lambda: province.reviews.review(submitted[1], "rejected", "Không đủ tiêu chuẩn")) == "ok"
    assert code_of(lambda: province.sync.export_enrollment("01273", tmp_path / "ket-noi-01273.json")) == "ok"
    assert code_of(lambda: province.sync.protect_recovery_key(tmp_path / "recovery.tdkey", "Mat-khau-khoa-1")) == "ok"
    assert code_of(lambda: province.sync.rotate_keys()) == "ok"
    assert code_of(lambda: province.sync.revoke_peer("01273")) == "ok"
    assert code_of(lambda: commune.sync.rotate_keys()) == "ok"
    with province.db.reader() as session:
        actors = set(session.scalars(select(AuditEntry.actor).where(AuditEntry.table_name == "nomination_reviews")))
    assert actors == {"tinh"}


def test_each_role_does_its_own_part_only(offices: tuple[App, App, list[str]], tmp_path: Path) -> None:
    province, _commune, submitted = offices
    province.accounts.create("quantri", "Hoàng Văn Quản", "admin", "Quan-tri-2026")
    province.sign_in("quantri", "Quan-tri-2026")
    province.accounts.create("hoa.nt", "Nông Thị Hoa", "reviewer", "Tham-dinh-01")
    province.accounts.create("lanhdao", "Lục Văn Tài", "leader", "Lanh-dao-01")
    folder = province.paths.data_dir

    nobody = open_app(folder)  # a window or a command that did not sign in
    reviewer, leader = open_app(folder), open_app(folder)
    try:
        assert nobody.needs_sign_in()
        assert code_of(lambda: nobody.reviews.review(submitted[0], "approved")) == "LOGIN_REQUIRED"
        assert code_of(lambda: nobody.sync.export_enrollment("01273", tmp_path / "a.json")) == "LOGIN_REQUIRED"
        reviewer.sign_in("hoa.nt", "Tham-dinh-01")
        leader.sign_in("lanhdao", "Lanh-dao-01")

        # Review: the reviewer receives, approves and returns; rejecting is the leader's.
        assert code_of(lambda: reviewer.reviews.review(submitted[0], "approved")) == "ok"
        assert code_of(lambda: reviewer.reviews.review(submitted[1], "returned", "Thiếu biên bản")) == "ok"
        refused = code_of(lambda: reviewer.reviews.review(submitted[2], "rejected", "Không đạt"))
        assert refused == "ROLE_REQUIRED"
        assert code_of(lambda: leader.reviews.review(submitted[2], "rejected", "Không đạt")) == "ok"
        assert code_of(lambda: province.reviews.review(submitted[2], "in_review")) == "ROLE_REQUIRED"  # the admin

        # Keys and communes: the admin's alone.
        for office in (reviewer, leader):
            assert code_of(lambda o=office: o.sync.export_enrollment("01273", tmp_path / "b.json")) == "ROLE_REQUIRED"
            assert code_of(lambda o=office: o.sync.revoke_peer(DEMO_UNIT)) == "ROLE_REQUIRED"
            assert code_of(lambda o=office: o.sync.protect_recovery_key(tmp_path / "recovery.tdkey",
                                                                        "Mat-khau-khoa-1")) == "ROLE_REQUIRED"
            assert code_of(lambda o=office: o.sync.create_recovery_key(tmp_path / "moi.tdkey")) == "ROLE_REQUIRED"
            assert code_of(lambda o=office: o.sync.rotate_keys()) == "ROLE_REQUIRED"
        assert not (tmp_path / "b.json").exists() and not (tmp_path / "moi.tdkey").exists()
        assert code_of(lambda: province.sync.export_enrollment("01273", tmp_path / "c.json")) == "ok"
        key_file = tmp_path / "recovery.tdkey"
        assert code_of(lambda: province.sync.protect_recovery_key(key_file, "Mat-khau-khoa-1")) == "ok"
        assert code_of(lambda: province.sync.revoke_peer(DEMO_UNIT)) == "ok"

        # Decisions are recorded by a leader (the check comes before anything is read).
        assert code_of(lambda: reviewer.decisions.issue(number="1/QĐ-UBND", decided_on="01/12/2026",
                                                        award_code="khong-co", nomination_ids=[submitted[0]])) \
            == "ROLE_REQUIRED"
        assert code_of(lambda: leader.decisions.issue(number="1/QĐ-UBND", decided_on="01/12/2026",
                                                      award_code="khong-co", nomination_ids=[submitted[0]])) \
            not in ("ROLE_REQUIRED", "LOGIN_REQUIRED", "ok")
    finally:
        for app in (nobody, reviewer, leader):
            app.close()

    later = open_app(folder)
    try:
        with pytest.raises(DomainError) as refused_exc:
            later.reviews.review(submitted[0], "rejected", "x")
        assert refused_exc.value.code == "LOGIN_REQUIRED"
    finally:
        later.close()
    message = render(DomainError("ROLE_REQUIRED", role_vi="lãnh đạo", role_en="leader"))
    assert message.startswith("Việc này cần tài khoản có vai trò lãnh đạo.")
    ids = {a.username: a.id for a in province.accounts.list()}
    with province.db.reader() as session:
        reviews = session.execute(select(AuditEntry.actor, AuditEntry.new_values).where(
            AuditEntry.table_name == "nomination_reviews", AuditEntry.action == "insert")).all()
    # (The import's own "received" marks are the officer's who imported, before any account.)
    by_status = {values["status"]: actor for actor, values in reviews
                 if values["nomination_id"] in submitted and values["status"] != "received"}
    assert by_status == {"approved": f"hoa.nt (#{ids['hoa.nt']})", "returned": f"hoa.nt (#{ids['hoa.nt']})",
                         "rejected": f"lanhdao (#{ids['lanhdao']})"}
