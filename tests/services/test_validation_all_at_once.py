"""Every field problem in one save (issue 9, point 5), impossible dates refused and unusual ones
reported before saving (point 6), emoji and control characters refused in names (point 14) —
through the real services on a real SQLite file."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

import openpyxl
import pytest
from sqlalchemy import func, select

from thidua_desktop.db.models import Activity, Collective, Person
from thidua_desktop.domain.errors import DomainError, ValidationError, ValidationErrors
from thidua_desktop.messages import render
from thidua_desktop.services.excel_import import ExcelImportService
from thidua_desktop.services.movements import IndicatorInput, MovementInput, MovementService
from thidua_desktop.services.people import PeopleService, PersonInput

TODAY = date(2026, 11, 25)


def _count(app: Any, model: type) -> int:
    with app.db.reader() as session:
        return int(session.scalar(select(func.count()).select_from(model).where(model.deleted.is_(False))) or 0)


def _people(app: Any) -> PeopleService:
    return PeopleService(app.db, app.actor, today=lambda: TODAY)


def _codes(error: DomainError) -> list[tuple[str, str | None]]:
    errors = error.errors if isinstance(error, ValidationErrors) else [error]
    return [(e.code, e.field) for e in errors]


# --- all errors at once ------------------------------------------------------------------------------


def test_person_with_three_bad_fields_gets_three_errors_in_one_exception(commune) -> None:  # type: ignore[no-untyped-def]
    data = PersonInput(full_name="  ", gender="female", birth="1990", cccd="12345", phone="0123")
    with pytest.raises(ValidationErrors) as info:
        commune.people.create(data)
    err = info.value
    assert isinstance(err, ValidationError) and err.code == "MANY_ERRORS" and err.field is None
    assert _codes(err) == [("REQUIRED", "full_name"), ("CCCD_FORMAT", "cccd"), ("PHONE_INVALID", "phone")]
    assert _count(commune, Person) == 0
    cli_text = render(err, "vi").splitlines()  # what the CLI prints
    assert cli_text[0] == "Có 3 chỗ cần sửa:" and len(cli_text) == 4
    assert "«Họ và tên»" in cli_text[1] and "«Số CCCD»" in cli_text[2] and "«Số điện thoại»" in cli_text[3]
    with pytest.raises(ValidationErrors):  # the same check without saving
        commune.people.warnings(data)


def test_one_bad_field_is_still_raised_as_itself(commune) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(ValidationError) as info:
        commune.people.create(PersonInput("Lò Văn Nông", "male", phone="123"))
    assert not isinstance(info.value, ValidationErrors) and _codes(info.value) == [("PHONE_INVALID", "phone")]


def test_batch_of_people_names_the_row_of_each_error(commune) -> None:  # type: ignore[no-untyped-def]
    rows = [PersonInput("Lò Văn Nông", "male"), PersonInput("", "x")]
    with pytest.raises(ValidationErrors) as info:
        commune.people.create_many(rows)
    assert _codes(info.value) == [("REQUIRED", "rows[2].full_name"), ("ENUM_INVALID", "rows[2].gender")]
    assert all(e.params["row"] == 2 for e in info.value.errors)
    assert _count(commune, Person) == 0


def test_collective_reports_every_bad_field(commune) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(ValidationErrors) as info:
        commune.collectives.create("Chi hội 🌾", "nowhere", member_count="abc", women_count="-1")
    assert _codes(info.value) == [("NAME_INVALID_CHARACTERS", "name"), ("ENUM_INVALID", "kind"),
                                  ("NUMBER_INVALID", "member_count"), ("NUMBER_OUT_OF_RANGE", "women_count")]
    with pytest.raises(ValidationError, match="NUMBER_OUT_OF_RANGE"):
        commune.collectives.create("Tổ 3+4", "other", member_count=5, women_count=6)
    assert commune.collectives.create("Tổ 3+4", "other", member_count=6, women_count=5).name == "Tổ 3+4"
    assert _count(commune, Collective) == 1


def test_movement_reports_every_bad_field_including_indicators(commune) -> None:  # type: ignore[no-untyped-def]
    data = MovementInput(code="", name="", period_start="01/02/2026", period_end="01/01/2026", kind="x",
                         indicators=[IndicatorInput(name="", target="nhiều")])
    with pytest.raises(ValidationErrors) as info:
        commune.movements.create(data)
    assert _codes(info.value) == [("REQUIRED", "code"), ("REQUIRED", "name"), ("ENUM_INVALID", "kind"),
                                  ("DATE_ORDER", "period_end"), ("REQUIRED", "indicators[1]"),
                                  ("DECIMAL_INVALID", "indicators[1].target")]
    movement_id = commune.movements.create(MovementInput(code="M1", name="Phong trào thử",
                                                         indicators=[IndicatorInput("Số hộ", target="1.000")]))
    assert commune.movements.indicators(movement_id)[0]["target"] == 1000


def test_activity_reports_every_bad_field(commune) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(ValidationErrors) as info:
        commune.movements.record_activity(movement_id="", held_on="31/02/2026", participants_total="10",
                                          participants_women="11")
    assert _codes(info.value) == [("REQUIRED", "movement"), ("DATE_INVALID", "held_on"),
                                  ("NUMBER_OUT_OF_RANGE", "participants_women")]


# --- impossible dates refused, unusual ones reported -------------------------------------------------


@pytest.mark.parametrize(
    ("changes", "refused"),
    [
        ({"birth": "26/11/2026"}, [("DATE_IN_FUTURE", "birth")]),
        ({"birth": "2030"}, [("DATE_IN_FUTURE", "birth")]),
        ({"birth": "01/06/1990", "employment_start": "31/05/1990"}, [("EMPLOYMENT_BEFORE_BIRTH", "employment_start")]),
        ({"birth": "2030", "phone": "1"}, [("DATE_IN_FUTURE", "birth"), ("PHONE_INVALID", "phone")]),
        ({"full_name": "Lò Văn 😀"}, [("NAME_INVALID_CHARACTERS", "full_name")]),
        ({"full_name": "Lò\x07Văn"}, [("NAME_INVALID_CHARACTERS", "full_name")]),
    ],
)
def test_impossible_person_dates_and_names_are_refused(commune, changes: dict[str, str],  # type: ignore[no-untyped-def]
                                                       refused: list[tuple[str, str]]) -> None:
    data = PersonInput(**{"full_name": "Lò Văn Nông", "gender": "male", **changes})
    people = _people(commune)
    with pytest.raises(ValidationError) as info:
        people.create(data)
    assert sorted(_codes(info.value)) == sorted(refused)
    assert _count(commune, Person) == 0


@pytest.mark.parametrize(
    ("changes", "noticed"),
    [
        ({"birth": "25/11/2026"}, []),  # born today
        ({"birth": "1985", "position": "Công chức"}, []),
        ({"birth": "1950", "position": "Chủ tịch Hội"}, ["OFFICIAL_AGE_UNUSUAL"]),
        ({"birth": "1950", "position": "Nông dân", "is_direct_worker": True}, []),
        ({"birth": "01/06/2000", "employment_start": "01/01/2010"}, ["EMPLOYMENT_UNDER_WORKING_AGE"]),
        ({"birth": "01/06/1990", "employment_start": "01/01/2028"}, ["DATE_FAR_AHEAD"]),
    ],
)
def test_unusual_person_dates_are_reported_without_saving(commune, changes: dict[str, Any],  # type: ignore[no-untyped-def]
                                                          noticed: list[str]) -> None:
    data = PersonInput(**{"full_name": "Lò Văn Nông", "gender": "male", **changes})
    people = _people(commune)
    assert [n.code for n in people.warnings(data)] == noticed
    assert _count(commune, Person) == 0
    people.create(data)  # unusual is not refused
    assert _count(commune, Person) == 1


def test_activity_far_ahead_is_reported_not_refused(commune) -> None:  # type: ignore[no-untyped-def]
    movements = MovementService(commune.db, commune.actor, today=lambda: TODAY)
    movement_id = movements.create(MovementInput(code="M1", name="Phong trào thử"))
    assert movements.activity_warnings(movement_id=movement_id, held_on="25/11/2027") == []
    notices = movements.activity_warnings(movement_id=movement_id, held_on="25/11/2028", participants_total=3)
    assert [(n.code, n.field, n.params["days"]) for n in notices] == [("DATE_FAR_AHEAD", "held_on", 731)]
    assert "25/11/2028" in render(notices[0]) and "«Ngày tổ chức»" in render(notices[0])
    assert _count(commune, Activity) == 0
    movements.record_activity(movement_id=movement_id, held_on="25/11/2028")
    assert _count(commune, Activity) == 1


# --- Excel: the same rules become row problems ------------------------------------------------------


def _workbook(path: Path, rows: list[list[Any]]) -> Path:
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(["STT", "Họ và tên", "Giới tính", "Ngày sinh", "Dân tộc"])
    for row in rows:
        sheet.append(row)
    book.save(path)
    return path


def test_excel_rows_with_a_future_birth_or_an_emoji_are_row_problems(commune, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    path = _workbook(tmp_path / "danh-sach.xlsx", [
        [1, "Bế Thị Dung", "Nữ", "05/03/1990", "Tày"],
        [2, "Lý Văn Bình", "Nam", "05/03/2090", "Nùng"],
        [3, "Hoàng Thị 🌸 Mai", "Nữ", "1992", "Tày"],
    ])
    service = ExcelImportService(commune.db, commune.actor, commune.current_catalog)
    report = service.preview(service.analyse(path, "people"))
    actions = {r.row: (r.action, [(p.column, p.code, p.severity) for p in r.problems]) for r in report.rows}
    assert actions == {2: ("create", []), 3: ("error", [("D", "DATE_IN_FUTURE", "error")]),
                       4: ("error", [("B", "NAME_INVALID_CHARACTERS", "error")])}
    message = report.row(3).problems[0].message("vi")
    assert "05/03/2090" in message and "dòng 3" in message.lower()
    result = service.commit(report)  # rows in error are left out; nothing crashes
    assert result.created == 1 and _count(commune, Person) == 1
