"""Movements with indicators, activities reporting values, registrations and the exemplar board."""

from __future__ import annotations

from pathlib import Path

import pytest

from thidua_desktop.domain.errors import StateError, ValidationError
from thidua_desktop.services.movements import IndicatorInput, MovementInput
from thidua_desktop.services.people import PersonInput
from thidua_desktop.services.records import Subject


def _movement(app) -> str:  # type: ignore[no-untyped-def]
    return app.movements.create(MovementInput(
        code="CT12", name="Thi đua thực hiện Chỉ thị 12/CT-UBND", launch_level="province",
        launch_doc_number="12/CT-UBND", launch_doc_date="15/05/2026", period_start="15/05/2026",
        period_end="31/12/2030", goals=["Tăng trưởng “2 con số”"],
        indicators=[IndicatorInput("Mô hình kinh tế mới", "mô hình", 2, 10, ["30/06/2026"])]))


def test_activity_values_add_up_against_the_target(commune) -> None:  # type: ignore[no-untyped-def]
    movement = _movement(commune)
    [indicator] = commune.movements.indicators(movement)
    for day, value in (("01/06/2026", 2), ("15/07/2026", 3)):
        commune.movements.record_activity(movement_id=movement, held_on=day, participants_total=40,
                                          participants_women=22, indicator_values={indicator["id"]: value})
    [indicator] = commune.movements.indicators(movement)
    assert (indicator["target"], indicator["reported"]) == (10, 5)
    assert [a["held_on"] for a in commune.movements.activities(movement)] == ["2026-07-15", "2026-06-01"]


def test_a_bad_activity_writes_nothing_not_even_its_photo_row(commune, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    movement = _movement(commune)
    photo = tmp_path / "a.png"
    photo.write_bytes(b"png")
    with pytest.raises(ValidationError) as err:
        commune.movements.record_activity(movement_id=movement, held_on="01/06/2026", participants_total=10,
                                          participants_women=11, files=[photo])
    assert err.value.field == "participants_women"
    assert commune.movements.activities(movement) == []


def test_movement_code_is_unique_and_dates_ordered(commune) -> None:  # type: ignore[no-untyped-def]
    _movement(commune)
    with pytest.raises(ValidationError) as err:
        _movement(commune)
    assert err.value.code == "MOVEMENT_CODE_DUPLICATE"
    with pytest.raises(ValidationError) as err:
        commune.movements.create(MovementInput(code="X", name="X", period_start="01/06/2026", period_end="01/01/2026"))
    assert err.value.code == "DATE_ORDER"


def test_exemplar_moves_through_the_four_stages_in_order(commune) -> None:  # type: ignore[no-untyped-def]
    exemplar = commune.exemplars.discover(title="Mô hình nuôi ong", discovered_on="10/06/2026",
                                          movement_id=_movement(commune))
    assert [commune.exemplars.advance(exemplar, d) for d in ("01/07/2026", "01/08/2026", "01/09/2026")] == [
        "fostered", "summarised", "replicated"]
    with pytest.raises(StateError):
        commune.exemplars.advance(exemplar, "01/10/2026")
    [card] = commune.exemplars.board()["replicated"]
    assert [s["stage"] for s in card["stages"]] == ["discovered", "fostered", "summarised", "replicated"]


def test_registration_checks_award_codes(commune) -> None:  # type: ignore[no-untyped-def]
    person = commune.people.create(PersonInput("Nông Văn An", "male"))
    assert commune.movements.register(Subject(person_id=person.id), 2026, ["LDTT", "CSTDCS"])
    with pytest.raises(Exception) as err:
        commune.movements.register(Subject(person_id=person.id), 2026, ["KHONG_CO"])
    assert getattr(err.value, "code", "") == "AWARD_UNKNOWN"
