"""Editing movements (indicators changed, added and tombstoned), paged search, activity pages,
activity attachments (list, open, add, remove) and the richer exemplar board."""

from __future__ import annotations

from pathlib import Path

import pytest

from thidua_desktop.db.models import ActivityIndicatorValue, MovementIndicator
from thidua_desktop.domain.errors import DomainError, NotFoundError, ValidationError
from thidua_desktop.services.movements import IndicatorInput, MovementInput, parse_number
from thidua_desktop.services.people import PersonInput
from thidua_desktop.services.records import Subject


def _movement(app, code: str = "CT12", **kw) -> str:  # type: ignore[no-untyped-def]
    return app.movements.create(MovementInput(
        code=code, name=kw.pop("name", "Thi đua thực hiện Chỉ thị 12"), period_start="15/05/2026",
        period_end="31/12/2030", indicators=[IndicatorInput("Mô hình kinh tế mới", "mô hình", 2, 10, ["30/06/2026"]),
                                             IndicatorInput("Hộ thoát nghèo", "hộ", 0, 40)], **kw))


def _counter(app) -> int:  # type: ignore[no-untyped-def]
    return app.office.office().change_counter


def test_update_changes_adds_and_tombstones_indicators_keeping_reported_values(commune) -> None:  # type: ignore[no-untyped-def]
    movement = _movement(commune)
    models, households = commune.movements.indicators(movement)
    commune.movements.record_activity(movement_id=movement, held_on="01/06/2026",
                                      indicator_values={models["id"]: 3, households["id"]: 9})
    data = commune.movements.get(movement)
    assert data.period_start == "15/05/2026" and data.indicators[0].reporting_dates == ["30/06/2026"]
    data.name = "Thi đua thực hiện thắng lợi Chỉ thị 12"
    data.indicators[0].target = "12,5"
    data.indicators = [data.indicators[0], IndicatorInput("Sản phẩm OCOP", "sản phẩm", None, "3")]
    commune.movements.update(movement, data)

    after = commune.movements.indicators(movement)
    assert [(i["name"], i["target"], i["reported"]) for i in after] == [
        ("Mô hình kinh tế mới", 12.5, 3.0), ("Sản phẩm OCOP", 3.0, 0.0)]
    assert after[0]["id"] == models["id"]
    assert commune.movements.get(movement).name == "Thi đua thực hiện thắng lợi Chỉ thị 12"
    with commune.db.reader() as session:  # the removed indicator is a tombstone; its reported value stays
        removed = session.get(MovementIndicator, households["id"])
        assert removed is not None and removed.deleted
        kept = session.query(ActivityIndicatorValue).filter_by(indicator_id=households["id"]).one()
        assert (kept.value, kept.deleted) == (9.0, False)
    [activity] = commune.movements.activities(movement)
    assert activity["indicator_values"] == {models["id"]: 3.0}  # removed indicators no longer show


def test_saving_an_unchanged_form_writes_nothing(commune) -> None:  # type: ignore[no-untyped-def]
    movement = _movement(commune)
    before = _counter(commune)
    commune.movements.update(movement, commune.movements.get(movement))
    assert _counter(commune) == before


def test_update_is_validated_and_all_or_nothing(commune) -> None:  # type: ignore[no-untyped-def]
    movement = _movement(commune)
    other = _movement(commune, code="VH", name="Đời sống văn hoá")
    data = commune.movements.get(movement)
    data.code = "VH"
    with pytest.raises(ValidationError) as err:
        commune.movements.update(movement, data)
    assert (err.value.code, err.value.field) == ("MOVEMENT_CODE_DUPLICATE", "code")

    data = commune.movements.get(movement)
    data.name = "Tên mới"
    data.indicators[0].name = "Đổi tên"
    data.indicators[1].reporting_dates = ["31/02/2027"]
    with pytest.raises(ValidationError) as err:
        commune.movements.update(movement, data)
    assert (err.value.code, err.value.field) == ("DATE_INVALID", "indicators[2].reporting_dates")
    assert commune.movements.get(movement).name == "Thi đua thực hiện Chỉ thị 12"
    assert commune.movements.indicators(movement)[0]["name"] == "Mô hình kinh tế mới"

    data = commune.movements.get(movement)
    data.indicators.append(commune.movements.get(other).indicators[0])  # an indicator of another movement
    with pytest.raises(ValidationError) as err:
        commune.movements.update(movement, data)
    assert (err.value.code, err.value.field) == ("INDICATOR_NOT_IN_MOVEMENT", "indicators[3]")

    data = commune.movements.get(movement)
    data.indicators[1].target = "nhiều"
    with pytest.raises(ValidationError) as err:
        commune.movements.update(movement, data)
    assert (err.value.code, err.value.field) == ("DECIMAL_INVALID", "indicators[2].target")

    data = commune.movements.get(movement)
    data.final_review_date = "01/01/2026"
    with pytest.raises(ValidationError) as err:
        commune.movements.update(movement, data)
    assert (err.value.code, err.value.field) == ("DATE_ORDER", "final_review_date")
    with pytest.raises(NotFoundError) as missing:
        commune.movements.update("no-such-id", commune.movements.get(movement))
    assert missing.value.field == "movement"


@pytest.mark.parametrize(("text", "value"), [
    ("12", 12.0), ("12,5", 12.5), ("12.5", 12.5), ("1.000", 1000.0), ("1.234,5", 1234.5), ("1,234.5", 1234.5),
    (" 45 000 ", 45000.0), ("0.125", 0.125), ("-3", -3.0), ("", None), (None, None), (7, 7.0), (2.5, 2.5),
])
def test_parse_number_reads_vietnamese_and_english_writing(text, value) -> None:  # type: ignore[no-untyped-def]
    assert parse_number(text, "target") == value


@pytest.mark.parametrize("text", ["abc", "1,2,3.4.5", "12%", "١٢", "nan", True, float("inf")])
def test_parse_number_refuses_what_is_not_a_number(text) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(ValidationError) as err:
        parse_number(text, "target")
    assert (err.value.code, err.value.field) == ("DECIMAL_INVALID", "target")


def test_search_pages_folds_accents_and_filters_by_status(commune) -> None:  # type: ignore[no-untyped-def]
    for n in range(5):
        _movement(commune, code=f"M{n}", name=f"Phong trào số {n}", status="closed" if n == 4 else "active")
    _movement(commune, code="VH", name="Toàn dân đoàn kết xây dựng đời sống văn hoá")
    rows, total = commune.movements.search(limit=2)
    assert total == 6 and [r.code for r in rows] == ["M0", "M1"]
    rows, _total = commune.movements.search(offset=4, limit=2)
    assert [r.code for r in rows] == ["M4", "VH"]
    assert [r.code for r in commune.movements.search("doi song VAN HOA")[0]] == ["VH"]
    assert [r.code for r in commune.movements.search("phong trao", status="closed")[0]] == ["M4"]
    assert commune.movements.search("100%_")[1] == 0  # LIKE wildcards typed by the user are literal
    with pytest.raises(ValidationError):
        commune.movements.search(status="sleeping")


def test_activity_values_blank_is_skipped_and_bad_value_writes_nothing(commune) -> None:  # type: ignore[no-untyped-def]
    movement = _movement(commune)
    models, households = commune.movements.indicators(movement)
    commune.movements.record_activity(movement_id=movement, held_on="01/06/2026",
                                      indicator_values={models["id"]: "2,5", households["id"]: " "})
    [activity] = commune.movements.activities(movement)
    assert activity["indicator_values"] == {models["id"]: 2.5}
    with pytest.raises(ValidationError) as err:
        commune.movements.record_activity(movement_id=movement, held_on="02/06/2026",
                                          indicator_values={households["id"]: "ba"})
    assert err.value.field == f"indicator_values.{households['id']}"
    with pytest.raises(ValidationError) as err:
        commune.movements.record_activity(movement_id="", held_on="02/06/2026")
    assert (err.value.code, err.value.field) == ("REQUIRED", "movement")
    assert len(commune.movements.activities(movement)) == 1


def test_activities_page_with_names_counts_and_filter(commune, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    village = commune.office.add_village("Xóm Nà Đoỏng")
    first, second = _movement(commune), _movement(commune, code="VH", name="Đời sống văn hoá")
    photo = tmp_path / "anh.png"
    photo.write_bytes(b"png")
    for day in range(1, 6):
        commune.movements.record_activity(movement_id=first, held_on=f"0{day}/06/2026", village_id=village.id,
                                          files=[photo] if day == 5 else [])
    commune.movements.record_activity(movement_id=second, held_on="10/06/2026")
    rows, total = commune.movements.activities_page(limit=3)
    assert total == 6 and len(rows) == 3
    assert [(r.held_on.isoformat(), r.movement, r.village, r.attachments) for r in rows[:2]] == [
        ("2026-06-10", "Đời sống văn hoá", "", 0), ("2026-06-05", "Thi đua thực hiện Chỉ thị 12", "Xóm Nà Đoỏng", 1)]
    rows, total = commune.movements.activities_page(first, offset=3, limit=3)
    assert total == 5 and [r.held_on.day for r in rows] == [2, 1]


def test_activity_attachments_listed_opened_added_and_removed(commune, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    movement = _movement(commune)
    photo, pdf = tmp_path / "ảnh hội nghị.jpg", tmp_path / "bien-ban.pdf"
    photo.write_bytes(b"jpeg bytes")
    pdf.write_bytes(b"%PDF-1.4")
    activity = commune.movements.record_activity(movement_id=movement, held_on="01/06/2026", files=[photo])
    assert commune.movements.attach_files(activity, [pdf]) == 1
    files = commune.movements.activity_attachments(activity)
    assert [(f.file_name, f.is_pdf, f.purpose) for f in files] == [
        ("ảnh hội nghị.jpg", False, "photo"), ("bien-ban.pdf", True, "document")]

    opened = commune.movements.attachment_path(files[0].id)
    assert opened.name == "ảnh hội nghị.jpg" and opened.read_bytes() == b"jpeg bytes"
    assert commune.paths.attachments_dir not in opened.parents  # copies to open are not in the store

    commune.movements.remove_attachment(files[0].id)
    assert [f.file_name for f in commune.movements.activity_attachments(activity)] == ["bien-ban.pdf"]
    assert commune.movements.activities(movement)[0]["attachments"] == ["bien-ban.pdf"]
    with pytest.raises(NotFoundError) as err:
        commune.movements.attachment_path(files[0].id)
    assert err.value.field == "attachment"

    commune.paths.attachments_dir.joinpath(files[1].sha256[:2], files[1].sha256).unlink()
    with pytest.raises(ValidationError) as lost:
        commune.movements.attachment_path(files[1].id)
    assert (lost.value.code, lost.value.params["value"]) == ("FILE_NOT_FOUND", "bien-ban.pdf")
    with pytest.raises(NotFoundError):
        commune.movements.attach_files("no-such-activity", [pdf])


def test_exemplar_board_names_subject_and_movement_and_filters(commune) -> None:  # type: ignore[no-untyped-def]
    first, second = _movement(commune), _movement(commune, code="VH", name="Đời sống văn hoá")
    person = commune.people.create(PersonInput("Hoàng Thị Mai", "female"))
    collective = commune.collectives.create("Tổ hợp tác dệt thổ cẩm", "cooperative")
    a = commune.exemplars.discover(title="Nuôi ong", discovered_on="10/06/2026", movement_id=first,
                                   subject=Subject(person_id=person.id))
    commune.exemplars.discover(title="Dệt thổ cẩm", discovered_on="10/06/2026", movement_id=second,
                               subject=Subject(collective_id=collective.id))
    commune.exemplars.advance(a, "01/07/2026", notes="Hỗ trợ vốn")
    board = commune.exemplars.board()
    [fostered] = board["fostered"]
    assert (fostered["subject"], fostered["movement"], fostered["stage"]) == ("Hoàng Thị Mai",
                                                                             "Thi đua thực hiện Chỉ thị 12", "fostered")
    assert [s["notes"] for s in fostered["stages"]] == ["", "Hỗ trợ vốn"]
    assert board["discovered"][0]["subject"] == "Tổ hợp tác dệt thổ cẩm"
    assert commune.exemplars.board(second)["fostered"] == []
    assert commune.exemplars.stage_counts() == {"discovered": 1, "fostered": 1, "summarised": 0, "replicated": 0}
    assert commune.exemplars.stage_counts(first)["discovered"] == 0
    assert [commune.exemplars.next_stage(s) for s in ("discovered", "summarised", "replicated")] == [
        "fostered", "replicated", None]
    with pytest.raises(DomainError):
        commune.exemplars.discover(title="  ", discovered_on="10/06/2026")
