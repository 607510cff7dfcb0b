"""Records written by an app one schema older (before indicators had a kind and a direction) still
import: they get the values migration 0007 would give them, and a resent copy is not a conflict."""

from __future__ import annotations

import copy

from thidua_desktop.services.movements import IndicatorInput, MovementInput
from thidua_desktop.services.sync_exchange import SyncExchange

from .test_exchange import pair  # noqa: F401  (the fixture: a commune and its province)

NEW_COLUMNS = ("kind", "direction")


def _old_schema(payload):  # type: ignore[no-untyped-def]
    """The payload as an app at revision 0006 would have written it."""
    old = copy.deepcopy(payload)
    for record in old.records.get("movement_indicators", []):
        for key in NEW_COLUMNS:
            del record[key]
    return old


def _indicators(app) -> dict[str, tuple[str, str]]:  # type: ignore[no-untyped-def]
    movement = app.movements.list()[0]["id"]
    return {str(i["name"]): (str(i["kind"]), str(i["direction"])) for i in app.movements.indicators(movement)}


def test_indicator_rows_without_kind_or_direction_import_and_reimport_quietly(pair) -> None:  # type: ignore[no-untyped-def]  # noqa: F811
    commune, province = pair
    commune.movements.create(MovementInput(code="KTXH", name="Kinh tế - xã hội", indicators=[
        IndicatorInput("Tỷ lệ hộ nghèo", "%", 18.5, 10, kind="percentage", direction="down"),
        IndicatorInput("Mô hình kinh tế mới", "mô hình", 2, 10)]))
    payload = _old_schema(SyncExchange(commune.db).build_payload("04"))
    assert payload.records["movement_indicators"] and "kind" not in payload.records["movement_indicators"][0]

    first = SyncExchange(province.db).apply_payload(copy.deepcopy(payload), "b1").as_dict()
    assert first["new"] == 3 and first["quarantined"] == 0
    # As the old office's own database will read after its upgrade: counts, down where target < baseline.
    assert _indicators(province) == {"Tỷ lệ hộ nghèo": ("count", "down"), "Mô hình kinh tế mới": ("count", "up")}

    again = SyncExchange(province.db).apply_payload(copy.deepcopy(payload), "b1-again").as_dict()
    assert (again["new"], again["updated"], again["conflicts"], again["unchanged"]) == (0, 0, 0, 3)

    # A later edit by the old office arrives as an update of the row, still without the columns.
    data = commune.movements.get(commune.movements.list()[0]["id"])
    data.indicators[1].target = 12
    commune.movements.update(commune.movements.list()[0]["id"], data)
    later = SyncExchange(province.db).apply_payload(
        _old_schema(SyncExchange(commune.db).build_payload("04")), "b2").as_dict()
    assert later["updated"] >= 1 and later["conflicts"] == 0 and later["quarantined"] == 0
    movement = province.movements.list()[0]["id"]
    assert [i["target"] for i in province.movements.indicators(movement)] == [10, 12]
