"""Two officers editing the same record (issue 14's optimistic locking), on SQLite: two App objects
on one data folder are two officers' windows. A save from a form loaded before someone else's save
is refused with RECORD_CHANGED naming that officer and the time; nothing is overwritten."""

from __future__ import annotations

import re
from collections.abc import Callable

import pytest

from thidua_desktop.bootstrap import App
from thidua_desktop.domain.errors import DomainError
from thidua_desktop.messages import render
from thidua_desktop.services.movements import IndicatorInput, MovementInput
from thidua_desktop.services.people import PersonInput, stored_person_input

WHEN = re.compile(r"^\d{2}/\d{2}/\d{4} \d{2}:\d{2}$")


@pytest.fixture
def officers(commune: App, app_factory: Callable[..., App]) -> tuple[App, App]:
    commune.set_actor("Nông Thị An")
    other = app_factory()
    other.set_actor("Bế Văn Bình")
    return commune, other


def refusal(action: Callable[[], object]) -> DomainError:
    with pytest.raises(DomainError) as caught:
        action()
    return caught.value


def test_a_stale_person_form_is_refused_naming_who_saved_first(officers: tuple[App, App]) -> None:
    a, b = officers
    person = a.people.create(PersonInput(full_name="Lương Văn Cường", gender="male", birth="1980", phone="0912345678"))
    form_a, form_b = a.people.get(person.id), b.people.get(person.id)  # both officers open the form
    assert form_a.token == form_b.token == person.token
    a.people.update(person.id, PersonInput(**{**stored_person_input_of(a, person.id), "phone": "0987654321"}),
                    expected=form_a.token)
    typed_b = PersonInput(**{**stored_person_input_of(b, person.id), "phone": "0912345678", "position": "Trưởng thôn"})
    error = refusal(lambda: b.people.update(person.id, typed_b, expected=form_b.token))
    assert error.code == "RECORD_CHANGED"
    assert error.params["who"] == "Nông Thị An" and WHEN.match(error.params["when"])
    assert render(error, "vi").startswith("Hồ sơ này vừa được Nông Thị An sửa lúc ")
    assert "changed by Nông Thị An at" in render(error, "en")
    assert b.people.get(person.id).phone == "0987654321"  # A's number kept
    # B reloads (a fresh token) and saves: accepted.
    fresh = b.people.get(person.id)
    typed = PersonInput(**{**stored_person_input_of(b, person.id), "position": "Trưởng thôn"})
    saved = b.people.update(person.id, typed, expected=fresh.token)
    assert (saved.phone, saved.position) == ("0987654321", "Trưởng thôn")
    assert saved.token != fresh.token  # the save moved the token on: A's old form is stale now
    assert refusal(lambda: a.people.edit(person.id, {"phone": "0900000000"}, expected=form_a.token)).code == (
        "RECORD_CHANGED")


def stored_person_input_of(app: App, person_id: str) -> dict[str, object]:
    # What a form shows for the stored person (PersonInput's fields), read the way a form does.
    from thidua_desktop.db.models import Person

    with app.db.reader() as session:
        row = session.get(Person, person_id)
        assert row is not None
        return stored_person_input(row)


def test_without_a_token_the_old_callers_still_save(officers: tuple[App, App]) -> None:
    a, b = officers
    person = a.people.create(PersonInput(full_name="Hà Thị Dung", gender="female", birth="1990"))
    a.people.edit(person.id, {"phone": "0912000111"})
    assert b.people.edit(person.id, {"position": "Kế toán"}).phone == "0912000111"


def test_a_stale_delete_is_refused_and_a_save_after_a_delete_says_deleted(officers: tuple[App, App]) -> None:
    a, b = officers
    person = a.people.create(PersonInput(full_name="Triệu Văn Em", gender="male", birth="1975"))
    seen_by_b = b.people.get(person.id)
    a.people.edit(person.id, {"phone": "0912000222"})
    error = refusal(lambda: b.people.delete(person.id, expected=seen_by_b.token))
    assert (error.code, error.params["who"]) == ("RECORD_CHANGED", "Nông Thị An")
    assert b.people.get(person.id).phone == "0912000222"  # not deleted
    fresh = b.people.get(person.id)
    b.people.delete(person.id, expected=fresh.token)
    error = refusal(lambda: a.people.update(person.id, PersonInput(full_name="Triệu Văn Em", gender="male"),
                                            expected=fresh.token))
    assert (error.code, error.params["who"]) == ("RECORD_DELETED", "Bế Văn Bình")


def test_collective_members_count_as_a_change(officers: tuple[App, App]) -> None:
    a, b = officers
    member = a.people.create(PersonInput(full_name="Hoàng Thị Giang", gender="female", birth="1988"))
    team = a.collectives.create("Tổ sản xuất số 1", "cooperative")
    form_b = b.collectives.get(team.id)
    a.collectives.add_members(team.id, [member.id])  # only the member links change
    error = refusal(lambda: b.collectives.update(team.id, "Tổ sản xuất số 1 (mới)", "cooperative",
                                                 member_ids=[], expected=form_b.token))
    assert (error.code, error.params["who"]) == ("RECORD_CHANGED", "Nông Thị An")
    assert b.collectives.member_ids(team.id) == [member.id]
    fresh = b.collectives.get(team.id)
    assert b.collectives.update(team.id, "Tổ sản xuất số 1 (mới)", "cooperative",
                                expected=fresh.token).name == "Tổ sản xuất số 1 (mới)"
    assert refusal(lambda: a.collectives.delete(team.id, expected=fresh.token)).code == "RECORD_CHANGED"


def test_a_movement_indicator_changed_elsewhere_refuses_the_stale_form(officers: tuple[App, App]) -> None:
    a, b = officers
    movement_id = a.movements.create(MovementInput(code="PT-01", name="Chung sức xây dựng nông thôn mới",
                                                   indicators=[IndicatorInput(name="Km đường bê tông")]))
    form_b = b.movements.get(movement_id)
    form_a = a.movements.get(movement_id)
    assert form_a.token == form_b.token is not None
    form_a.indicators[0].target = 12
    a.movements.update(movement_id, form_a, expected=form_a.token)
    form_b.name = "Tên khác"
    error = refusal(lambda: b.movements.update(movement_id, form_b, expected=form_b.token))
    assert (error.code, error.params["who"]) == ("RECORD_CHANGED", "Nông Thị An")
    assert b.movements.get(movement_id).name == "Chung sức xây dựng nông thôn mới"
