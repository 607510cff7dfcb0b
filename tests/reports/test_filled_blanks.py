"""No blank the app could fill: the minutes' start time and secretary, the household's head, the
province's regulation in the legal bases; and what is still missing is listed before printing
(blanks meant for a hand, listed in common.json, are not)."""

from __future__ import annotations

import dataclasses
import io
import re
from datetime import date
from pathlib import Path

import pytest
from pypdf import PdfReader

from thidua_desktop.cli import main
from thidua_desktop.domain.errors import ValidationError
from thidua_desktop.messages import render
from thidua_desktop.services.council import parse_start_time
from thidua_desktop.services.people import PersonInput


def _text(pdf: bytes) -> str:
    return " ".join(" ".join(p.extract_text().split()) for p in PdfReader(io.BytesIO(pdf)).pages)


def _sign_with_names(app) -> None:  # type: ignore[no-untyped-def]
    """Who signs is another setting; the tests here only need somebody there."""
    s = app.printing.document_settings()
    app.printing.set_document_settings(dataclasses.replace(s, chairman_name="Hà Thành Vĩnh",
                                                           vice_chairman_name="Nông Văn Tú"))


def _complete(app) -> None:  # type: ignore[no-untyped-def]
    s = app.printing.document_settings()
    app.printing.set_document_settings(dataclasses.replace(s, province_rules_number="25/2025/QĐ-UBND",
                                                           province_rules_date="20/8/2025"))


@pytest.fixture
def demo(commune, monkeypatch, load_demo):  # type: ignore[no-untyped-def]
    monkeypatch.setenv("THIDUA_DOC_FONT", "bundled")
    load_demo(commune, seed=2026, people=40, today=date(2026, 11, 25))
    _sign_with_names(commune)
    return commune


@pytest.mark.parametrize(("typed", "stored"), [("8:30", "08:30"), ("08:30", "08:30"), ("8h30", "08:30"),
                                               ("14g05", "14:05"), ("", ""), ("  ", "")])
def test_start_time_is_read_as_hours_and_minutes(typed: str, stored: str) -> None:
    assert parse_start_time(typed) == stored


@pytest.mark.parametrize("typed", ["25:00", "8:75", "sáng", "830"])
def test_an_impossible_start_time_is_refused_with_its_code(typed: str) -> None:
    with pytest.raises(ValidationError) as err:
        parse_start_time(typed)
    assert (err.value.code, err.value.field) == ("MEETING_TIME_INVALID", "started_at")
    assert "08:30" in render(err.value) and "giờ:phút" in render(err.value)


def test_the_meeting_keeps_its_start_time_and_secretary(commune) -> None:  # type: ignore[no-untyped-def]
    chair = commune.council.add_member("Hà Thành Vĩnh", "chair")
    secretary = commune.council.add_member("Hoàng Thành Minh", "secretary")
    member = commune.council.add_member("Lục Thị Hà", "member")
    commune.council.record_meeting(held_on="20/11/2026", started_at="8h30", present_member_ids=[chair, secretary],
                                   absent_member_ids=[member], ballots=[])
    [meeting], _ = commune.council.meetings()
    assert (meeting.started_at, meeting.secretary_member_id) == ("08:30", secretary)  # the default secretary
    commune.council.record_meeting(held_on="21/11/2026", present_member_ids=[chair, member],
                                   absent_member_ids=[secretary], ballots=[], secretary_member_id=member)
    assert commune.council.meetings()[0][0].secretary_member_id == member
    with pytest.raises(ValidationError) as err:  # an absent member cannot keep the minutes
        commune.council.record_meeting(held_on="22/11/2026", present_member_ids=[chair, member],
                                       absent_member_ids=[secretary], ballots=[], secretary_member_id=secretary)
    assert err.value.code == "MEETING_SECRETARY_NOT_PRESENT"
    with pytest.raises(ValidationError) as err:
        commune.council.record_meeting(held_on="22/11/2026", started_at="sáng", present_member_ids=[chair],
                                       absent_member_ids=[], ballots=[])
    assert err.value.code == "MEETING_TIME_INVALID"
    assert len(commune.council.meetings()[0]) == 2  # nothing written by a refused meeting


def test_minutes_print_the_start_time_the_secretary_and_the_secretary_signature(demo) -> None:  # type: ignore[no-untyped-def]
    meeting = demo.council.meetings()[0][0]
    text = _text(demo.printing.render("minutes", meeting.id).pdf)
    assert "vào hồi 08 giờ 30 phút, ngày 20 tháng 11 năm 2026" in text
    secretary = next(m for m in demo.council.members() if m["council_role"] == "secretary")
    assert f"Thư ký cuộc họp: {secretary['full_name']}" in text
    assert re.search(rf"THƯ KÝ {secretary['full_name']} CHỦ TỊCH HỘI ĐỒNG", text)


def test_households_print_their_head(demo) -> None:  # type: ignore[no-untyped-def]
    households, _ = demo.collectives.search(kind="household")
    assert households and all(h.head_person_id and h.head_name in h.name for h in households)
    nominated = [n for n in demo.nominations.page(None, limit=500)[0]
                 if n.collective_id in {h.id for h in households}]
    assert nominated
    n = nominated[0]
    head = next(h for h in households if h.id == n.collective_id)
    person = demo.people.get_many([head.head_person_id])[0]
    honorific = "bà" if person.gender == "female" else "ông"
    text = _text(demo.printing.render("report", n.id).pdf)
    assert f"Hộ gia đình {honorific} {person.full_name}" in text
    assert f"Chủ hộ: {person.full_name}" in text
    assert "ông/bà" not in text


def test_a_household_head_must_be_a_person_in_the_register(commune) -> None:  # type: ignore[no-untyped-def]
    [person] = commune.people.create_many([PersonInput("Nông Văn An", "male")])
    household = commune.collectives.create("Hộ ông Nông Văn An", "household", head_person_id=person.id)
    assert (household.head_person_id, household.head_name) == (person.id, "Nông Văn An")
    with pytest.raises(ValidationError) as err:
        commune.collectives.update(household.id, household.name, "household", head_person_id="no-such-person")
    assert (err.value.code, err.value.field) == ("HEAD_PERSON_UNKNOWN", "head_person")
    kept = commune.collectives.update(household.id, "Hộ gia đình ông An", "household", member_count=4)
    assert kept.head_person_id == person.id  # not given: kept as it was
    assert commune.collectives.update(household.id, kept.name, "household", head_person_id="").head_person_id is None


def test_the_legal_basis_prints_the_configured_decision(demo) -> None:  # type: ignore[no-untyped-def]
    batch = demo.nominations.batches()[0].id
    before = _text(demo.printing.render("submission", batch).pdf)
    assert "Căn cứ Quyết định số ……/……/QĐ-UBND ngày …… của Ủy ban nhân dân tỉnh Cao Bằng" in before
    _complete(demo)
    after = _text(demo.printing.render("submission", batch).pdf)
    assert ("Căn cứ Quyết định số 25/2025/QĐ-UBND ngày 20 tháng 8 năm 2025 của Ủy ban nhân dân tỉnh Cao Bằng "
            "ban hành Quy định công tác thi đua, khen thưởng trên địa bàn tỉnh;") in after
    with pytest.raises(ValidationError) as err:
        s = demo.printing.document_settings()
        demo.printing.set_document_settings(dataclasses.replace(s, province_rules_date="31/02/2025"))
    assert err.value.field == "province_rules_date"


def _all_missing(app, batch: str) -> dict[str, list[str]]:  # type: ignore[no-untyped-def]
    out: dict[str, list[str]] = {}
    for kind, target in app.printing.batch_targets(batch):
        codes = [n.code for n in app.printing.missing(kind, target)]
        if codes:
            out[f"{kind}:{target}"] = codes
    return out


def test_missing_blanks_are_listed_and_empty_for_a_complete_office(demo) -> None:  # type: ignore[no-untyped-def]
    batch = demo.nominations.batches()[0].id
    missing = _all_missing(demo, batch)
    codes = {c for found in missing.values() for c in found}
    assert codes == {"BLANK_PROVINCE_RULES_NUMBER", "BLANK_PROVINCE_RULES_DATE"}
    assert {key.split(":")[0] for key in missing} >= {"submission"}
    rendered = demo.printing.render("submission", batch)
    assert [n.code for n in rendered.missing] == ["BLANK_PROVINCE_RULES_NUMBER", "BLANK_PROVINCE_RULES_DATE"]
    _complete(demo)
    assert _all_missing(demo, batch) == {}  # the clerk's number and the end time are for a hand


def test_missing_blanks_name_the_meeting_and_the_household(demo) -> None:  # type: ignore[no-untyped-def]
    _complete(demo)
    members = demo.council.members()
    present = [m["id"] for m in members]
    demo.council.record_meeting(held_on="24/11/2026", present_member_ids=present, absent_member_ids=[],
                                ballots=[], secretary_member_id=None)
    meeting = demo.council.meetings()[0][0]
    codes = [n.code for n in demo.printing.missing("minutes", meeting.id)]
    assert codes == ["BLANK_MEETING_START_TIME"]  # the secretary came by default
    households = {h.id: h for h in demo.collectives.search(kind="household")[0]}
    report = next(n for n in demo.nominations.page(None, limit=500)[0] if n.collective_id in households)
    assert demo.printing.missing("report", report.id) == []
    household = households[report.collective_id]
    demo.collectives.update(household.id, household.name, "household", head_person_id="")
    [notice] = demo.printing.missing("report", report.id)
    assert notice.code == "BLANK_HOUSEHOLD_HEAD" and household.name in render(notice)
    assert "Chủ hộ: ……" in _text(demo.printing.render("report", report.id).pdf)


def test_a_meeting_without_secretary_is_reported(commune, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setenv("THIDUA_DOC_FONT", "bundled")
    chair = commune.council.add_member("Hà Thành Vĩnh", "chair")
    commune.council.record_meeting(held_on="20/11/2026", present_member_ids=[chair], absent_member_ids=[],
                                   ballots=[])
    meeting = commune.council.meetings()[0][0]
    codes = [n.code for n in commune.printing.missing("minutes", meeting.id)]
    assert codes == ["BLANK_MEETING_START_TIME", "BLANK_MEETING_SECRETARY"]
    text = _text(commune.printing.render("minutes", meeting.id).pdf)
    assert "vào hồi ...... giờ ...... phút" in text and "Thư ký cuộc họp: ....." in text


def test_cli_print_warns_about_blanks_and_succeeds(demo, data_dir: Path, tmp_path: Path,
                                                   capsys: pytest.CaptureFixture[str]) -> None:
    batch = demo.nominations.batches()[0].id
    out = tmp_path / "to-trinh.pdf"
    code = main(["--data-dir", str(data_dir), "print", "submission", batch, "--out", str(out)])
    captured = capsys.readouterr()
    assert code == 0 and out.exists()
    warnings = captured.err.splitlines()
    assert len(warnings) == 2 and all(w.startswith("Cảnh báo: còn để trống: ") for w in warnings)
    assert "số Quyết định của UBND tỉnh" in warnings[0]
    code = main(["--data-dir", str(data_dir), "--lang", "en", "print", "batch", batch, "--out", str(tmp_path / "hs")])
    err = capsys.readouterr().err
    assert code == 0 and "Warning: left blank: The number of the province's decision" in err
