"""The ratings grid: one row per person of a unit, the stored rating pre-filled, every changed
row saved in ONE transaction, and a refused row named while nothing is written."""

from __future__ import annotations

from contextlib import contextmanager

import pytest

from thidua_desktop.services.people import PersonInput
from thidua_desktop.ui.screens.ratings_grid import RATING, RatingsGrid

NAMES = ["Nông Văn An", "Hoàng Thị Ánh", "Lý Văn Bình", "Bế Thị Đào", "Triệu Văn Giang"]


@pytest.fixture
def unit(commune):  # type: ignore[no-untyped-def]
    people = commune.people.create_many([PersonInput(n, "female" if "Thị" in n else "male", position="Cán bộ",
                                                     workplace="UBND xã") for n in NAMES])
    commune.people.create(PersonInput("Lò Văn Nông", "male", position="Nông dân", is_direct_worker=True))
    school = commune.collectives.create("Trường Mầm non Quảng Uyên", "school", member_ids=[p.id for p in people])
    return school, {p.full_name: p.id for p in people}


def _grid(qtbot, app, unit_id: str | None) -> RatingsGrid:  # type: ignore[no-untyped-def]
    grid = RatingsGrid(app.records, app.people, app.collectives)
    qtbot.addWidget(grid)
    grid.resize(1280, 700)
    grid.show()
    grid.year.setValue(2025)
    grid.unit.setCurrentIndex(grid.unit.findData(unit_id))
    return grid


def _rows(grid) -> list[str]:  # type: ignore[no-untyped-def]
    return [grid.model.row_object(r).full_name for r in range(grid.model.rowCount())]


def _pick(grid, row: int, code: str) -> None:  # type: ignore[no-untyped-def]
    box = grid.editor(row)
    box.setCurrentIndex(box.findData(code))  # as a user choosing in the row's combo


@contextmanager
def _count_transactions(app, monkeypatch):  # type: ignore[no-untyped-def]
    calls: list[str] = []
    original = app.db.transaction

    def counting(actor: str = "system"):  # type: ignore[no-untyped-def]
        calls.append(actor)
        return original(actor)

    monkeypatch.setattr(app.db, "transaction", counting)
    yield calls
    monkeypatch.setattr(app.db, "transaction", original)


def test_five_rows_are_saved_in_one_transaction(qtbot, commune, unit, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    school, ids = unit
    grid = _grid(qtbot, commune, school.id)
    assert _rows(grid) == ["Nông Văn An", "Hoàng Thị Ánh", "Lý Văn Bình", "Bế Thị Đào", "Triệu Văn Giang"]
    codes = ["excellent", "good", "good", "completed", "not_completed"]
    for row, code in enumerate(codes):
        _pick(grid, row, code)
    grid.source.setText("Biên bản họp xét năm 2025")
    grid.model.setData(grid.model.index(1, RATING + 1), "Quyết định riêng 12/QĐ")  # one row's own document
    assert len(grid.model.pending()) == 5
    with _count_transactions(commune, monkeypatch) as calls:
        grid.save_button.click()
    assert len(calls) == 1
    stored = commune.records.ratings_in_year(2025, list(ids.values()))
    assert {name: stored[pid].rating for name, pid in ids.items()} == dict(zip(_rows(grid), codes, strict=True))
    assert stored[ids["Hoàng Thị Ánh"]].source_document == "Quyết định riêng 12/QĐ"
    assert stored[ids["Bế Thị Đào"]].source_document == "Biên bản họp xét năm 2025"
    assert grid.model.pending() == [] and grid.error.isHidden()
    # Reloaded: the stored values are pre-filled in the combos.
    assert [grid.editor(r).currentData() for r in range(5)] == codes


def test_a_failing_row_is_named_and_nothing_is_written(qtbot, commune, unit) -> None:  # type: ignore[no-untyped-def]
    school, ids = unit
    grid = _grid(qtbot, commune, school.id)
    for row in range(5):
        _pick(grid, row, "good")
    commune.people.delete(ids["Lý Văn Bình"])  # meanwhile, row 3's person left the register
    assert grid.save() is False
    assert not grid.error.isHidden()
    assert "3" in grid.error.text() and "Lý Văn Bình" in grid.error.text()
    assert grid.table.selectionModel().selectedRows()[0].row() == 2
    assert commune.records.ratings_in_year(2025, list(ids.values())) == {}
    assert len(grid.model.pending()) == 5  # the officer's edits are still there


def test_all_officials_and_prefilled_ratings(qtbot, commune, unit, dialog_log) -> None:  # type: ignore[no-untyped-def]
    from thidua_desktop.services.records import Subject

    _school, ids = unit
    commune.records.set_rating(Subject(person_id=ids["Bế Thị Đào"]), 2025, "excellent", "Biên bản cũ")
    grid = _grid(qtbot, commune, None)
    assert grid.model.total == 5 and "Lò Văn Nông" not in _rows(grid)  # direct workers are no officials
    row = _rows(grid).index("Bế Thị Đào")
    assert grid.editor(row).currentData() == "excellent"
    assert grid.model.data(grid.model.index(row, RATING + 1)) == "Biên bản cũ"
    _pick(grid, 0, "good")
    dialog_log.clear()
    grid.year.setValue(2024)  # unsaved edits: the officer is asked first (the test answers Yes)
    assert dialog_log and dialog_log[0][0] == "ask"
    assert grid.model.pending() == [] and grid.editor(row).currentData() is None
    assert grid.save() is False  # nothing changed, nothing written
    assert commune.records.ratings_in_year(2024, list(ids.values())) == {}
