"""What Mẫu 05 asks of a person (hometown, qualification, political theory, academic title, duties)
and an initiative's scope of effect: stored in NFC, refused when too long, kept through a reopened
SQLite file, a sync bundle, an Excel round trip and an import that does not mention them, and
upgraded from a database of revision 0010 as "not known"."""

from __future__ import annotations

import unicodedata
from datetime import datetime
from pathlib import Path

import openpyxl
import pytest
from sqlalchemy import MetaData, insert, select
from sync_helpers import deliver, enrolled_pair

from thidua_desktop.bootstrap import open_app
from thidua_desktop.db import Database
from thidua_desktop.db.migrate import current_revision, upgrade
from thidua_desktop.domain.errors import ValidationError, ValidationErrors
from thidua_desktop.services.people import PersonInput
from thidua_desktop.services.records import Subject

DUTIES = "Tiếp nhận hồ sơ một cửa\nVăn thư, lưu trữ"
FIELDS = {"hometown": "xã Hòa An, tỉnh Cao Bằng", "qualification": "Đại học Luật", "political_theory": "Trung cấp",
          "academic_title": "Thạc sĩ", "duties": DUTIES}


def _nfd(text: str) -> str:
    return unicodedata.normalize("NFD", text)


def _dossier(view: object) -> dict[str, str]:
    return {name: getattr(view, name) for name in FIELDS}


def test_fields_are_stored_in_nfc_and_survive_a_reopened_file(data_dir: Path) -> None:
    app = open_app(data_dir, actor="tester")
    try:
        app.office.init_office("commune", "01576")
        person = app.people.create(PersonInput(
            "Nông Thị Hoa", "female", birth="1985", cccd="004185001234",
            hometown=_nfd("  xã Hòa   An, tỉnh Cao Bằng "), qualification=_nfd("Đại học  Luật"),
            political_theory=_nfd("Trung cấp"), academic_title=_nfd("Thạc sĩ"),
            duties=_nfd("  Tiếp nhận  hồ sơ một cửa \n\n\n Văn thư, lưu trữ  ")))
        assert _dossier(person) == FIELDS
        assert person.to_json()["duties"] == DUTIES and person.to_json()["hometown"] == FIELDS["hometown"]
        person_id = person.id
    finally:
        app.close()
    again = open_app(data_dir, actor="tester")
    try:
        stored = again.people.get(person_id)
        assert _dossier(stored) == FIELDS
        assert all(unicodedata.is_normalized("NFC", value) for value in _dossier(stored).values())
        # An edit that leaves them out clears them: the form sends every field it shows.
        cleared = again.people.update(person_id, PersonInput("Nông Thị Hoa", "female", birth="1985"))
        assert _dossier(cleared) == dict.fromkeys(FIELDS, "")
    finally:
        again.close()


def test_too_long_fields_are_refused_all_at_once_and_nothing_is_written(commune) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(ValidationErrors) as err:
        commune.people.create(PersonInput("Lý Văn Toàn", "male", hometown="x" * 301, political_theory="y" * 101,
                                          duties="z" * 4001))
    assert [(e.code, e.field, e.params["max"]) for e in err.value.errors] == [
        ("TEXT_TOO_LONG", "hometown", 300), ("TEXT_TOO_LONG", "political_theory", 100),
        ("TEXT_TOO_LONG", "duties", 4000)]
    assert commune.people.search("").total == 0
    assert commune.people.create(PersonInput("Lý Văn Toàn", "male", hometown="x" * 300)).hometown == "x" * 300


def test_initiative_scope_is_checked_and_kept(commune) -> None:  # type: ignore[no-untyped-def]
    person = commune.people.create(PersonInput("Lý Văn Toàn", "male"))
    me = Subject(person_id=person.id)
    with pytest.raises(ValidationError) as err:
        commune.records.add_initiative(title="Sổ tay", level="grassroots", year=2026, owner_ids=[person.id],
                                       scope="huyện")
    assert (err.value.code, err.value.field) == ("ENUM_INVALID", "scope")
    assert commune.records.initiatives_of(me) == []
    commune.records.add_initiative(title="Sổ tay song ngữ", level="grassroots", year=2026, owner_ids=[person.id],
                                   effect=_nfd("Giảm  một nửa thời gian"), scope="provincial")
    commune.records.add_initiative(title="Bản đồ số", level="grassroots", year=2025, owner_ids=[person.id])
    assert sorted((i.title, i.scope, i.effect) for i in commune.records.initiatives_of(me)) == [
        ("Bản đồ số", "", ""), ("Sổ tay song ngữ", "provincial", "Giảm một nửa thời gian")]


def test_fields_and_scope_travel_in_a_sync_bundle(tmp_path: Path) -> None:
    province, commune, _enrolment = enrolled_pair(tmp_path)
    try:
        person = commune.people.create(PersonInput("Nông Thị Hoa", "female", birth="1985", **FIELDS))
        commune.records.add_initiative(title="Sổ tay song ngữ", level="grassroots", year=2026,
                                       owner_ids=[person.id], effect="Người dân tự làm thủ tục", scope="grassroots")
        [bundle] = commune.sync.export(tmp_path / "usb").files
        report = deliver(province, commune, bundle)
        assert report["quarantined"] == 0
        arrived = province.people.get(person.id)
        assert _dossier(arrived) == FIELDS
        [initiative] = province.records.initiatives_of(Subject(person_id=person.id))
        assert (initiative.scope, initiative.effect) == ("grassroots", "Người dân tự làm thủ tục")
    finally:
        province.close()
        commune.close()


def test_register_export_carries_the_fields_and_imports_back(commune, app_factory, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    commune.people.create(PersonInput("Nông Thị Hoa", "female", birth="1985", cccd="004185001234", **FIELDS))
    out = tmp_path / "so.xlsx"
    commune.excel_export.export("register", out)

    other = app_factory(tmp_path / "xa-khac")
    other.office.init_office("commune", "01273")
    service = other.excel_import
    report = service.preview(service.analyse(out, "people"))
    assert [r.action for r in report.rows if r.action != "skip"] == ["create"]
    service.commit(report)
    [person] = other.people.search("").rows
    # The register writes duties on one line; the rest comes back to the letter.
    assert _dossier(person) == {**FIELDS, "duties": "Tiếp nhận hồ sơ một cửa; Văn thư, lưu trữ"}


def test_an_import_that_does_not_mention_the_fields_keeps_them(commune, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    person = commune.people.create(PersonInput("Nông Thị Hoa", "female", birth="1985", cccd="004185001234",
                                               **FIELDS))
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(["STT", "Họ và tên", "Giới tính", "Năm sinh", "Số CCCD", "Số điện thoại"])
    sheet.append([1, "Nông Thị Hoa", "Nữ", 1985, "004185001234", "0912345678"])
    path = tmp_path / "dien-thoai.xlsx"
    book.save(path)
    service = commune.excel_import
    report = service.preview(service.analyse(path, "people"))
    assert [r.action for r in report.rows] == ["update"]
    assert service.commit(report).updated == 1
    stored = commune.people.get(person.id)
    assert stored.phone == "0912345678" and _dossier(stored) == FIELDS


def test_a_0010_database_upgrades_with_the_fields_unknown(tmp_path: Path) -> None:
    db = Database(f"sqlite:///{tmp_path / 'old.sqlite'}")
    synced = {"origin_node": "n1", "origin_epoch": 1, "version": 1, "clock": 1,
              "updated_at": datetime(2026, 6, 1), "deleted": False}
    try:
        upgrade(db.engine, "0010")
        meta = MetaData()
        meta.reflect(db.engine, only=["people", "initiatives"])
        people, initiatives = meta.tables["people"], meta.tables["initiatives"]
        assert "hometown" not in people.c and "scope" not in initiatives.c
        with db.engine.begin() as conn:
            conn.execute(insert(people).values(
                id="p1", full_name="Nông Văn An", family_name="Nông", middle_name="Văn", given_name="An",
                search_key="nong van an", sort_key="an", gender="male", is_ethnic_minority=True, phone="",
                position="Trưởng xóm", workplace="", address="", is_direct_worker=True, notes="", **synced))
            conn.execute(insert(initiatives).values(id="i1", title="Sổ tay", level="grassroots", year=2025,
                                                    decision_number="", effect="", **synced))
        upgrade(db.engine, "0011")
        assert current_revision(db.engine) == "0011"
        meta = MetaData()
        meta.reflect(db.engine, only=["people", "initiatives"])
        people, initiatives = meta.tables["people"], meta.tables["initiatives"]
        with db.engine.connect() as conn:
            row = conn.execute(select(people.c.position, people.c.hometown, people.c.qualification,
                                      people.c.political_theory, people.c.academic_title, people.c.duties)).one()
            scope = conn.execute(select(initiatives.c.scope)).scalar_one()
        assert tuple(row) == ("Trưởng xóm", "", "", "", "", "") and scope == ""
    finally:
        db.dispose()
