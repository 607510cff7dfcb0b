"""A signed bundle with bad records in it: each bad one is quarantined with its reason and the rest
applies. Null, a list, a text or a number instead of an object, values of the wrong type, numbers
SQLite cannot hold, over-long texts, dates that are not dates, lines that are not JSON or are nested
too deep: none of them aborts the import or reaches the user as "Unexpected error"."""

from __future__ import annotations

import json
import uuid
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from sync_helpers import confirmed_pair_with_template, craft_bundle

from thidua_desktop.bootstrap import App
from thidua_desktop.db.models import QuarantinedRecord
from thidua_desktop.domain.errors import DomainError
from thidua_desktop.services.people import PersonInput
from thidua_desktop.services.sync_views import SyncViews

from .test_roundtrip_cli import thidua


@pytest.fixture
def pinned(tmp_path: Path) -> Iterator[tuple[App, App, Path, dict[str, Any]]]:
    """A province that has confirmed its commune, and a real person record of that commune to
    vary (every field as the commune's app writes it)."""
    province, commune, template = confirmed_pair_with_template(tmp_path)
    yield province, commune, tmp_path, template
    province.close()
    commune.close()


def person(template: dict[str, Any], name: str, **changes: Any) -> dict[str, Any]:
    return {**template, "id": str(uuid.uuid4()), "full_name": name, "version": template["version"] + 1, **changes}


def line(record: Any) -> str:
    return json.dumps(record, ensure_ascii=False)


def names(app: App) -> set[str]:
    return {p.full_name for p in app.people.search("").rows}


def open_quarantine(app: App) -> list[QuarantinedRecord]:
    with app.db.reader() as session:
        rows = session.query(QuarantinedRecord).filter(QuarantinedRecord.resolved_at.is_(None)).all()
        session.expunge_all()
        return rows


def test_every_class_of_bad_record_is_quarantined_and_the_rest_applies(pinned) -> None:  # type: ignore[no-untyped-def]
    province, commune, tmp, template = pinned
    good = [person(template, "Lý Thị Tốt"), person(template, "Hoàng Văn Lành")]
    bad_id = str(uuid.uuid4())
    bad = {  # the line, and what the quarantine must say
        "null": ("null", "BAD_RECORD", ""),
        "list": ("[1, 2, 3]", "BAD_RECORD", ""),
        "text": ('"Nông Văn A"', "BAD_RECORD", ""),
        "number": ("42", "BAD_RECORD", ""),
        "no id": (line({k: v for k, v in person(template, "Không Mã").items() if k != "id"}), "BAD_RECORD", ""),
        "wrong type": (line(person(template, "Sai Kiểu", birth_year="một chín tám lăm")), "BAD_VALUE",
                       "birth_year"),
        "bool for a number": (line(person(template, "Sai Kiểu Hai", version=True)), "BAD_VALUE", "version"),
        "huge int": (line(person(template, "Số Lớn", clock=10 ** 30)), "BAD_VALUE", "clock"),
        "negative huge": (line(person(template, "Số Âm", origin_epoch=-(10 ** 20))), "BAD_VALUE", "origin_epoch"),
        "over-long text": (line(person(template, "Dài " + "x" * 5000)), "BAD_VALUE", "full_name"),
        "bad date": (line(person(template, "Sai Ngày", birth_date="1985-13-45")), "BAD_VALUE", "birth_date"),
        "date as number": (line(person(template, "Sai Ngày Hai", birth_date=19850312)), "BAD_VALUE", "birth_date"),
        "null for required": (line(person(template, "Rỗng", gender=None)), "BAD_VALUE", "gender"),
        "nested value": (line(person(template, "Lồng", notes={"a": [1]})), "BAD_VALUE", "notes"),
        "same id twice, bad": (line({**person(template, "Trùng"), "id": bad_id, "cccd": 123}), "BAD_VALUE", "cccd"),
        "invalid JSON": ('{"id": "abc", "full_name": ', "BAD_JSON", ""),
        "NaN": (line(person(template, "NaN", clock=0)).replace('"clock": 0', '"clock": NaN'), "BAD_JSON", ""),
        "5000 digits": ('{"id": "x", "clock": ' + "9" * 5000 + "}", "BAD_JSON", ""),
        "deep": ("[" * 5000 + "]" * 5000, "BAD_JSON", ""),
    }
    assert '"clock": NaN' in bad["NaN"][0]
    lines = [line(good[0]), *(text for text, _r, _d in bad.values()), line(good[1])]
    bundle = craft_bundle(commune, province, tmp / "bad.tdsync", {"people": lines})
    report = province.sync.import_bundle(bundle)

    assert names(province) == {"Nông Văn Mẫu", "Lý Thị Tốt", "Hoàng Văn Lành"}
    assert report["new"] == 2 and report["quarantined"] == len(bad)
    held = open_quarantine(province)
    assert len(held) == len(bad)
    assert sorted(q.reason for q in held) == sorted(reason for _t, reason, _d in bad.values())
    for _text, reason, column in bad.values():
        if column:
            assert any(q.reason == reason and q.detail.startswith(f"{column}:") for q in held), column
    raw = [q for q in held if q.reason == "BAD_JSON"]
    assert all(set(q.payload) == {"raw", "truncated"} and len(q.payload["raw"]) <= 4096 for q in raw)
    assert all(q.table_name == "people" and len(q.row_id) <= 64 for q in held)
    shown = SyncViews(province.db, province.actor, province.current_catalog).quarantine()[0]
    assert {q.detail for q in shown} >= {"birth_date: not a date", "full_name: longer than 200 characters"}

    # The next import retries the quarantine: bad records stay there, nothing breaks.
    commune.people.create(PersonInput("Đàm Văn Sau", "male"))
    [later] = commune.sync.export(tmp / "usb-1").files
    again = province.sync.import_bundle(later)
    assert again["quarantined"] == len(bad) and province.people.search("dam van sau").total == 1


def test_an_attachment_whose_hash_is_a_path_is_quarantined_not_fatal(pinned) -> None:  # type: ignore[no-untyped-def]
    province, commune, tmp, template = pinned
    attachment = {"id": str(uuid.uuid4()), "origin_node": template["origin_node"], "origin_epoch": 1, "version": 99,
                  "sha256": "../../../../etc/passwd", "deleted": False}
    bundle = craft_bundle(commune, province, tmp / "attachment.tdsync",
                          {"attachments": [line(attachment), line({k: v for k, v in attachment.items()
                                                                   if k != "sha256"})],
                           "people": [line(person(template, "Lý Thị Tốt"))]})
    report = province.sync.import_bundle(bundle)
    assert report["quarantined"] == 2 and "Lý Thị Tốt" in names(province)
    assert sorted((q.reason, q.detail.split(":")[0]) for q in open_quarantine(province)) == [
        ("BAD_RECORD", "sha256"), ("BAD_VALUE", "sha256")]


def test_a_record_for_an_unknown_table_that_is_not_an_object_is_kept_aside(pinned) -> None:  # type: ignore[no-untyped-def]
    province, commune, tmp, _template = pinned
    bundle = craft_bundle(commune, province, tmp / "other.tdsync",
                          {"future_things": ["null", '{"id": "a1", "x": 1}', "{broken"]})
    report = province.sync.import_bundle(bundle)
    assert report["quarantined"] == 3
    assert sorted(q.reason for q in open_quarantine(province)) == ["BAD_JSON", "BAD_RECORD", "UNKNOWN_TABLE"]


@pytest.mark.parametrize("manifest", [
    {"acks": [], "since": {}, "upto": {}},
    {"acks": {"1": "many"}, "since": {}, "upto": {}},
    {"acks": {}, "since": {"x": 1}, "upto": {}},
    {"acks": {}, "since": {}, "upto": {"1": 10 ** 40}},
    {"acks": {}, "since": {}, "upto": {}, "admin_units": [["../../etc", "x", "y"]]},
    {"acks": {}, "since": {}, "upto": {}, "admin_units": "all"},
])
def test_a_manifest_of_the_wrong_shape_is_refused_as_damaged(pinned, manifest) -> None:  # type: ignore[no-untyped-def]
    province, commune, tmp, template = pinned
    bundle = craft_bundle(commune, province, tmp / "manifest.tdsync",
                          {"people": [line(person(template, "Lý Thị Tốt"))]}, manifest=manifest)
    with pytest.raises(DomainError) as caught:
        province.sync.import_bundle(bundle)
    assert caught.value.code == "BUNDLE_CORRUPT"
    assert "Lý Thị Tốt" not in names(province)


def test_the_command_line_reports_bad_records_as_pending_not_as_an_error(pinned) -> None:  # type: ignore[no-untyped-def]
    province, commune, tmp, template = pinned
    bundle = craft_bundle(commune, province, tmp / "bad-cli.tdsync",
                          {"people": ["null", "[]", line(person(template, "Lý Thị Tốt", clock=2 ** 70)),
                                      line(person(template, "Hoàng Văn Lành"))]})
    result = thidua(province.paths.data_dir, "bundle", "import", str(bundle))
    assert "chờ xử lý 3" in result.stdout and "mới 1" in result.stdout
    assert "không mong đợi" not in result.stderr and "Unexpected" not in result.stderr
