"""Publishing what every commune applies (the award catalog, the document wording) is a leader's or
an admin's on a server office with accounts (issue 14); a reviewer and a session nobody signed into
are refused with their own reason code. An office without accounts is unchanged. Real SQLite files:
the role check reads the database, as it does on the office's server."""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path

import nacl.pwhash
import pytest

from thidua_desktop.bootstrap import App, open_app
from thidua_desktop.domain.errors import DomainError
from thidua_desktop.messages import render
from thidua_desktop.paths import resource_path
from thidua_desktop.services import catalog_store, template_store
from thidua_desktop.sync import passwords


@pytest.fixture(autouse=True)
def fast_hash(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(passwords, "OPSLIMIT", nacl.pwhash.argon2id.OPSLIMIT_MIN)
    monkeypatch.setattr(passwords, "MEMLIMIT", nacl.pwhash.argon2id.MEMLIMIT_MIN)


def catalog_file(folder: Path, version: str) -> Path:
    data = json.loads(resource_path("catalog/awards.json").read_text(encoding="utf-8"))
    data["catalog_version"] = version
    path = folder / f"danh-muc-{version}.json"
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    return path


def wording_file(folder: Path) -> Path:
    path = folder / "submission.json"
    path.write_text(json.dumps({"title": "TỜ TRÌNH"}, ensure_ascii=False), encoding="utf-8")
    return path


def code_of(action: Callable[[], object]) -> str:
    try:
        action()
    except DomainError as exc:
        return exc.code
    return "ok"


def province_office(app_factory: Callable[..., App]) -> App:
    app = app_factory()
    app.office.init_office("province", "04", officer_name="Cán bộ tỉnh")
    return app


def test_without_accounts_the_single_officer_publishes(app_factory: Callable[..., App], tmp_path: Path) -> None:
    province = province_office(app_factory)
    assert not province.accounts.has_accounts()
    assert catalog_store.load_file(province.db, catalog_file(tmp_path, "2099.1"), province.actor) == "2099.1"
    assert province.printing.load_wording(wording_file(tmp_path)) == 1
    assert province.printing.reset_wording() == 2


def test_only_a_leader_or_an_admin_publishes(app_factory: Callable[..., App], tmp_path: Path) -> None:
    province = province_office(app_factory)
    province.accounts.create("quantri", "Hoàng Văn Quản", "admin", "Quan-tri-2026")
    province.sign_in("quantri", "Quan-tri-2026")
    province.accounts.create("hoa.nt", "Nông Thị Hoa", "reviewer", "Tham-dinh-01")
    province.accounts.create("lanhdao", "Lục Văn Tài", "leader", "Lanh-dao-01")
    folder = province.paths.data_dir
    nobody, reviewer, leader = open_app(folder), open_app(folder), open_app(folder)
    try:
        reviewer.sign_in("hoa.nt", "Tham-dinh-01")
        leader.sign_in("lanhdao", "Lanh-dao-01")
        words = wording_file(tmp_path)

        assert code_of(lambda: catalog_store.load_file(nobody.db, catalog_file(tmp_path, "2099.1"),
                                                       nobody.actor)) == "LOGIN_REQUIRED"
        # An officer's name typed to look like an account's is nobody: the account must match.
        assert code_of(lambda: catalog_store.load_file(nobody.db, catalog_file(tmp_path, "2099.1"),
                                                       "hoa.nt (#1)")) == "LOGIN_REQUIRED"
        assert code_of(lambda: catalog_store.load_file(reviewer.db, catalog_file(tmp_path, "2099.1"),
                                                       reviewer.actor)) == "PUBLISH_ROLE_REQUIRED"
        assert code_of(lambda: reviewer.printing.load_wording(words)) == "PUBLISH_ROLE_REQUIRED"
        assert code_of(lambda: reviewer.printing.reset_wording()) == "PUBLISH_ROLE_REQUIRED"
        # The caller's own Access is used when it holds the account.
        assert code_of(lambda: template_store.load(reviewer.db, words, reviewer.actor,
                                                   access=reviewer.access)) == "PUBLISH_ROLE_REQUIRED"
        # The province's legal bases travel down with the wording: changing them publishes too.
        bases = replace(reviewer.printing.document_settings(), province_rules_number="25/2025/QĐ-UBND")
        assert code_of(lambda: reviewer.printing.set_document_settings(bases)) == "PUBLISH_ROLE_REQUIRED"
        assert reviewer.printing.wording_revision() == 0
        assert catalog_store.stored_catalog(reviewer.db).catalog_version != "2099.1"

        assert catalog_store.load_file(leader.db, catalog_file(tmp_path, "2099.1"), leader.actor) == "2099.1"
        assert catalog_store.load_file(province.db, catalog_file(tmp_path, "2099.2"), province.actor,
                                       access=province.access) == "2099.2"
        assert leader.printing.load_wording(words) == 1
        assert province.printing.reset_wording() == 2
        leader.printing.set_document_settings(bases)
        assert leader.printing.wording_revision() == 3
        assert leader.printing.province_legal_bases()["province_rules_number"] == "25/2025/QĐ-UBND"

        # The role is read at each action: an admin demoting the leader stops the next one.
        province.accounts.disable("lanhdao")
        assert code_of(lambda: leader.printing.reset_wording()) == "LOGIN_REQUIRED"
    finally:
        for app in (nobody, reviewer, leader):
            app.close()


def test_the_refusal_says_what_was_refused_in_both_languages() -> None:
    refused = DomainError("PUBLISH_ROLE_REQUIRED", role_vi="lãnh đạo hoặc quản trị viên",
                          role_en="leader or administrator")
    assert render(refused).startswith("Chỉ tài khoản có vai trò lãnh đạo hoặc quản trị viên mới công bố danh mục")
    assert "publishes the award catalog" in render(refused, "en")
