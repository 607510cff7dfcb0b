"""Indicators read by their kind (count summed, level and percentage from the latest report) and
judged by their direction, through the service on a real SQLite database (issue 10, point 8)."""

from __future__ import annotations

import pytest

from thidua_desktop.domain.errors import ValidationError
from thidua_desktop.services.movements import IndicatorInput, MovementInput

POVERTY, INCOME, OFFICIALS, MODELS = ("Tỷ lệ hộ nghèo", "Thu nhập bình quân đầu người",
                                      "Cán bộ, công chức hoàn thành tốt nhiệm vụ trở lên", "Mô hình kinh tế mới")


def _movement(app) -> str:  # type: ignore[no-untyped-def]
    return app.movements.create(MovementInput(
        code="KTXH", name="Thi đua phát triển kinh tế - xã hội", period_start="01/01/2026", period_end="31/12/2030",
        indicators=[IndicatorInput(POVERTY, "%", "18,5", 5, kind="percentage", direction="down"),
                    IndicatorInput(INCOME, "triệu đồng/năm", 32, 45, kind="level", direction="up"),
                    IndicatorInput(OFFICIALS, "%", 85, 95, kind="percentage"),
                    IndicatorInput(MODELS, "mô hình", 0, 10)]))


def _by_name(app, movement: str) -> dict[str, dict[str, object]]:  # type: ignore[no-untyped-def]
    return {str(i["name"]): i for i in app.movements.indicators(movement)}


def test_levels_take_the_latest_report_counts_add_up_and_falling_ones_fill_from_the_baseline(commune) -> None:  # type: ignore[no-untyped-def]
    movement = _movement(commune)
    ids = {name: str(i["id"]) for name, i in _by_name(commune, movement).items()}
    # Recorded out of date order: the latest report is the one of 15/11, not the last one typed.
    for day, poverty, income, officials, models in (("15/11/2026", 8, "38,5", 96, 2), ("30/06/2026", 12, 36, 88, 3),
                                                    ("01/03/2026", 16, 33, 85, 1)):
        commune.movements.record_activity(
            movement_id=movement, held_on=day, participants_total=30,
            indicator_values={ids[POVERTY]: poverty, ids[INCOME]: income, ids[OFFICIALS]: officials,
                              ids[MODELS]: models})
    got = _by_name(commune, movement)

    poverty = got[POVERTY]
    assert (poverty["kind"], poverty["direction"], poverty["result"]) == ("percentage", "down", 8)
    assert poverty["achieved"] is False  # 8 % against a target of 5 %: not yet
    assert poverty["progress"] == pytest.approx((18.5 - 8) / (18.5 - 5))  # from 18,5 towards 5, not 8/5
    income = got[INCOME]
    assert (income["result"], income["reported"], income["achieved"]) == (38.5, 38.5, False)  # not 107,5
    assert income["percent"] == pytest.approx(38.5 / 45 * 100)
    officials = got[OFFICIALS]
    assert (officials["result"], officials["achieved"], officials["progress"]) == (96, True, 1.0)
    models = got[MODELS]
    assert (models["kind"], models["direction"], models["result"], models["achieved"]) == ("count", "up", 6, False)
    assert models["progress"] == pytest.approx(0.6)

    # Two reports on one day: the later write wins.
    commune.movements.record_activity(movement_id=movement, held_on="15/11/2026", participants_total=5,
                                      indicator_values={ids[POVERTY]: "4,5"})
    poverty = _by_name(commune, movement)[POVERTY]
    assert (poverty["result"], poverty["achieved"], poverty["progress"]) == (4.5, True, 1.0)


def test_nothing_reported_is_no_result_not_zero(commune) -> None:  # type: ignore[no-untyped-def]
    movement = _movement(commune)
    poverty = _by_name(commune, movement)[POVERTY]
    assert (poverty["result"], poverty["reported"], poverty["achieved"], poverty["progress"]) == (None, 0.0, None,
                                                                                                  None)


def test_kind_and_direction_round_trip_and_edit(commune) -> None:  # type: ignore[no-untyped-def]
    movement = _movement(commune)
    data = commune.movements.get(movement)
    assert [(i.kind, i.direction) for i in data.indicators] == [
        ("percentage", "down"), ("level", "up"), ("percentage", "up"), ("count", "up")]
    data.indicators[3].kind = "level"
    data.indicators[2].direction = "down"
    commune.movements.update(movement, data)
    got = _by_name(commune, movement)
    assert (got[MODELS]["kind"], got[OFFICIALS]["direction"]) == ("level", "down")


def test_a_blank_direction_follows_the_figures_and_a_bad_kind_is_refused_with_the_others(commune) -> None:  # type: ignore[no-untyped-def]
    movement = commune.movements.create(MovementInput(code="A", name="A", indicators=[
        IndicatorInput("Tỷ lệ trẻ suy dinh dưỡng", "%", 12, 8, kind="percentage"),
        IndicatorInput("Hộ dùng nước sạch", "hộ", 300, 420)]))
    assert [i["direction"] for i in commune.movements.indicators(movement)] == ["down", "up"]
    with pytest.raises(ValidationError) as err:
        commune.movements.create(MovementInput(code="B", name="B", indicators=[
            IndicatorInput("X", "%", "abc", 1, kind="ratio"), IndicatorInput("Y", direction="sideways")]))
    fields = {e.field for e in err.value.errors}  # type: ignore[attr-defined]
    assert {"indicators[1].kind", "indicators[1].baseline", "indicators[2].direction"} <= fields
