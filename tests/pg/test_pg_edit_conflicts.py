"""Two signed-in officers editing the same person on the shared PostgreSQL server (issue 14's
optimistic locking): the later save is refused with the conflict message naming the first officer's
account, and her change stays."""

from __future__ import annotations

from collections.abc import Callable

import nacl.pwhash
import pytest

from thidua_desktop.bootstrap import App
from thidua_desktop.domain.errors import DomainError
from thidua_desktop.messages import render
from thidua_desktop.services.people import PersonInput
from thidua_desktop.sync import passwords

pytestmark = pytest.mark.postgres


@pytest.fixture(autouse=True)
def fast_hash(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(passwords, "OPSLIMIT", nacl.pwhash.argon2id.OPSLIMIT_MIN)
    monkeypatch.setattr(passwords, "MEMLIMIT", nacl.pwhash.argon2id.MEMLIMIT_MIN)


def test_the_second_officers_stale_save_names_the_first_account(pg_province: App,
                                                                 pg_app_factory: Callable[..., App]) -> None:
    pg_province.accounts.create("quantri", "Hoàng Văn Quản", "admin", "Quan-tri-2026")
    pg_province.sign_in("quantri", "Quan-tri-2026")
    pg_province.accounts.create("hoa.nt", "Nông Thị Hoa", "reviewer", "Tham-dinh-01")
    pg_province.accounts.create("lanhdao", "Lục Văn Tài", "leader", "Lanh-dao-01")
    hoa, tai = pg_app_factory(), pg_app_factory()  # two computers on the same server
    hoa.sign_in("hoa.nt", "Tham-dinh-01")
    tai.sign_in("lanhdao", "Lanh-dao-01")
    person = hoa.people.create(PersonInput(full_name="Bế Văn Một", gender="male", birth="1980", phone="0912345678"))
    form_hoa, form_tai = hoa.people.get(person.id), tai.people.get(person.id)  # both open the form

    hoa.people.edit(person.id, {"phone": "0987654321"}, expected=form_hoa.token)
    with pytest.raises(DomainError) as caught:
        tai.people.edit(person.id, {"position": "Trưởng thôn"}, expected=form_tai.token)
    error = caught.value
    assert error.code == "RECORD_CHANGED" and error.params["who"] == "Nông Thị Hoa"
    message = render(error, "vi")
    assert message.startswith("Hồ sơ này vừa được Nông Thị Hoa sửa lúc ") and "Hãy tải lại" in message
    stored = pg_province.people.get(person.id)
    assert (stored.phone, stored.position) == ("0987654321", "")  # Hoa's change kept, nothing half-saved

    fresh = tai.people.get(person.id)  # Tài reloads and saves again
    saved = tai.people.edit(person.id, {"position": "Trưởng thôn"}, expected=fresh.token)
    assert (saved.phone, saved.position) == ("0987654321", "Trưởng thôn")
    with pytest.raises(DomainError) as caught:
        hoa.people.delete(person.id, expected=form_hoa.token)
    assert (caught.value.code, caught.value.params["who"]) == ("RECORD_CHANGED", "Lục Văn Tài")
