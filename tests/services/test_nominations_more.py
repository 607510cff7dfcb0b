"""The wizard's service side (previews, nominee sets saved all-or-nothing, dossier files, summaries,
quotas), the council's meeting views and the decision preview."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest

from thidua_desktop.db.models import AuditEntry
from thidua_desktop.domain.errors import DomainError, NotFoundError, StateError, ValidationError
from thidua_desktop.services.council import BallotInput
from thidua_desktop.services.nominations import NomineeDraft
from thidua_desktop.services.people import PersonInput
from thidua_desktop.services.records import Subject
from thidua_desktop.services.summary_templates import load_templates, render_summary

TODAY = date(2026, 11, 25)
LDTT_ATTEST = ["self_reliance_solidarity"]


def _person(app, name: str, gender: str = "female", rating: str | None = "excellent",  # type: ignore[no-untyped-def]
            position: str = "Công chức văn hóa - xã hội") -> str:
    person = app.people.create(PersonInput(name, gender, birth="1985", ethnicity="Tày", position=position,
                                           workplace="UBND xã Quảng Uyên", employment_start="01/03/2015"))
    if rating:
        app.records.set_rating(Subject(person_id=person.id), 2026, rating, "Kết quả xếp loại 2026")
    return person.id


def _batch(app):  # type: ignore[no-untyped-def]
    return app.nominations.create_batch("Khen thưởng năm 2026", 2026, deadline="10/12/2026")


def _count(app) -> int:  # type: ignore[no-untyped-def]
    return len(app.nominations.list())


def test_a_nominee_set_is_saved_with_attestations_ticks_and_files(commune, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    hoa, an = _person(commune, "Nông Thị Hoa"), _person(commune, "Lý Văn An", "male")
    report = tmp_path / "bao-cao-thanh-tich.pdf"
    report.write_bytes(b"%PDF-1.4 bao cao")
    batch = _batch(commune)
    views = commune.nominations.create_many(
        batch_id=batch.id, award_code="LDTT", as_of=TODAY, nominees=[
            NomineeDraft(hoa, achievement_summary="Dòng 1\n\n\n  Dòng   2 ", attested=LDTT_ATTEST,
                         provided=["TO_TRINH"], files={"BAO_CAO_THANH_TICH": [str(report)]}),
            NomineeDraft(an)], store=commune.movements.attachments)
    assert [v.nominee_name for v in views] == ["Nông Thị Hoa", "Lý Văn An"]
    assert views[0].eligibility_outcome == "eligible"
    assert views[1].eligibility_outcome == "incomplete"  # the qualitative criterion is not attested
    assert commune.nominations.get(views[0].id).achievement_summary == "Dòng 1\n\nDòng 2"
    docs = {d.item_code: d for d in commune.nominations.documents(views[0].id)}
    assert [d.item_code for d in commune.nominations.documents(views[0].id)] == [
        "TO_TRINH", "BAO_CAO_THANH_TICH", "BIEN_BAN_BINH_XET"]
    assert docs["TO_TRINH"].provided and docs["TO_TRINH"].files == []
    assert docs["BAO_CAO_THANH_TICH"].provided and docs["BAO_CAO_THANH_TICH"].files == ["bao-cao-thanh-tich.pdf"]
    assert not docs["BIEN_BAN_BINH_XET"].provided
    stored = list(commune.paths.attachments_dir.rglob("*"))
    assert any(p.is_file() and p.read_bytes() == b"%PDF-1.4 bao cao" for p in stored)
    assert [h["to"] for h in commune.nominations.history(views[1].id)] == ["draft"]


def test_one_bad_nominee_saves_none_of_the_set(commune) -> None:  # type: ignore[no-untyped-def]
    hoa = _person(commune, "Nông Thị Hoa")
    batch = _batch(commune)
    with pytest.raises(NotFoundError) as err:
        commune.nominations.create_many(batch_id=batch.id, award_code="LDTT",
                                        nominees=[NomineeDraft(hoa), NomineeDraft("no-such-person")])
    assert err.value.field == "nominee"
    with pytest.raises(ValidationError) as err:
        commune.nominations.create_many(batch_id=batch.id, award_code="LDTT",
                                        nominees=[NomineeDraft(hoa), NomineeDraft(hoa)])
    assert err.value.code == "NOMINATION_DUPLICATE"
    with pytest.raises(ValidationError) as err:
        commune.nominations.create_many(batch_id=batch.id, award_code="LDTT",
                                        nominees=[NomineeDraft(hoa, provided=["NO_SUCH_ITEM"])])
    assert (err.value.code, err.value.field) == ("DOSSIER_ITEM_UNKNOWN", "documents")
    with pytest.raises(ValidationError) as err:
        commune.nominations.create_many(batch_id=batch.id, award_code="LDTT", nominees=[])
    assert err.value.field == "nominee"
    assert _count(commune) == 0
    commune.nominations.create_many(batch_id=batch.id, award_code="LDTT", nominees=[NomineeDraft(hoa)])
    with pytest.raises(ValidationError) as err:  # already nominated in this batch for this award
        commune.nominations.create(batch_id=batch.id, award_code="LDTT", person_id=hoa)
    assert err.value.code == "NOMINATION_DUPLICATE"
    assert _count(commune) == 1


def test_a_file_attached_later_is_linked_to_its_dossier_line(commune, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    n = commune.nominations.create(batch_id=_batch(commune).id, award_code="LDTT",
                                   person_id=_person(commune, "Nông Thị Hoa"), as_of=TODAY)
    scan = tmp_path / "to-trinh.jpg"
    scan.write_bytes(b"\xff\xd8 scan")
    from thidua_desktop.services.nominations import NominationService

    bare = NominationService(commune.db, "tester", commune.current_catalog)  # built without a store
    with pytest.raises(ValidationError) as err:
        bare.attach_document(n.id, "TO_TRINH", scan)
    assert err.value.code == "ATTACHMENTS_UNAVAILABLE"
    store = commune.movements.attachments
    commune.nominations.attach_document(n.id, "TO_TRINH", scan, store=store)
    with pytest.raises(ValidationError):
        commune.nominations.attach_document(n.id, "NOPE", scan, store=store)
    [first, *_rest] = commune.nominations.documents(n.id)
    assert (first.item_code, first.provided, first.files) == ("TO_TRINH", True, ["to-trinh.jpg"])
    commune.nominations.set_document_provided(n.id, "BIEN_BAN_BINH_XET", True)
    assert commune.nominations.documents(n.id)[2].provided


def test_preview_ranks_eligible_first_and_prefers_women_among_equals(commune) -> None:  # type: ignore[no-untyped-def]
    low = _person(commune, "Hoàng Thị Mai", rating="completed")
    man = _person(commune, "Lý Văn An", "male")
    woman = _person(commune, "Nông Thị Hoa")
    drafts = [NomineeDraft(pid, attested=LDTT_ATTEST) for pid in (low, man, woman)]
    previews = commune.nominations.preview(award_code="LDTT", year=2026, nominees=drafts, as_of=TODAY)
    assert [p.name for p in previews] == ["Nông Thị Hoa", "Lý Văn An", "Hoàng Thị Mai"]
    assert [p.decision.outcome.value for p in previews] == ["eligible", "eligible", "not_eligible"]
    assert [p.preferred for p in previews] == [True, False, True]
    assert _count(commune) == 0  # a preview saves nothing


def test_the_summary_is_filled_from_the_award_template(commune) -> None:  # type: ignore[no-untyped-def]
    hoa = _person(commune, "Nông Thị Hoa")
    text = commune.nominations.draft_summary("LDTT", 2026, person_id=hoa)
    assert text.startswith("Đồng chí Nông Thị Hoa, Công chức văn hóa - xã hội, UBND xã Quảng Uyên.")
    assert "xếp loại hoàn thành xuất sắc nhiệm vụ" in text
    assert "do xã Quảng Uyên phát động" in text and "“Lao động tiên tiến” năm 2026" in text
    unrated = _person(commune, "Lý Văn An", "male", rating=None, position="")
    text = commune.nominations.draft_summary("BK_TINH_CN", 2026, person_id=unrated)  # the default template
    assert text.startswith("Lý Văn An, …, UBND xã Quảng Uyên.")


def test_templates_are_versioned_data(tmp_path: Path) -> None:
    shipped = load_templates()
    assert "default" in shipped and "CSTDCS" in shipped
    assert render_summary("NO_SUCH_AWARD", {"name": "A", "award": "Giấy khen"}, shipped).startswith("A, …")
    newer = tmp_path / "newer.json"
    newer.write_text(json.dumps({"format_version": 99, "templates": {"default": "x"}}), encoding="utf-8")
    with pytest.raises(DomainError) as err:
        load_templates(newer)
    assert err.value.code == "TEMPLATES_TOO_NEW"
    broken = tmp_path / "broken.json"
    broken.write_text('{"format_version": 1, "templates": {"LDTT": "x"}}', encoding="utf-8")
    with pytest.raises(DomainError) as err:
        load_templates(broken)
    assert err.value.code == "TEMPLATES_INVALID"


def test_the_cstdcs_quota_is_off_until_the_office_switches_it_on(commune) -> None:  # type: ignore[no-untyped-def]
    batch = _batch(commune)
    people = [_person(commune, f"Nông Thị Hoa {i}") for i in range(14)]
    commune.nominations.create_many(batch_id=batch.id, award_code="LDTT",
                                    nominees=[NomineeDraft(p) for p in people])
    commune.nominations.create_many(batch_id=batch.id, award_code="CSTDCS",
                                    nominees=[NomineeDraft(p) for p in people[:1]])
    off = commune.nominations.quota(batch.id, "CSTDCS", adding=2)
    assert (off["enabled"], off["count"], off["limit"], off["within"]) == (False, 3, None, True)
    commune.nominations.set_quota("CSTDCS", True)
    on = commune.nominations.quota(batch.id, "CSTDCS", adding=2)
    # 15% of the 14 LĐTT in the batch, rounded down as the catalog says: at most 2.
    assert (on["enabled"], on["count"], on["limit"], on["within"], on["base_count"]) == (True, 3, 2, False, 14)
    assert commune.nominations.quota(batch.id, "CSTDCS", adding=1)["within"]
    with pytest.raises(ValidationError) as err:
        commune.nominations.set_quota("CSTDCS", True, max_ratio=1.5)
    assert err.value.code == "LOCAL_PARAM_INVALID"
    with pytest.raises(ValidationError):
        commune.nominations.set_quota("LDTT", True)  # LĐTT has no quota to switch on
    assert commune.nominations.quota_rule("CSTDCS").max_ratio == 0.15  # the refused values wrote nothing
    with commune.db.reader() as session:
        audited = [e.row_id for e in session.query(AuditEntry).filter(AuditEntry.table_name == "local_parameters")]
    assert audited == ["catalog_overrides"]  # one audited record of the office's own values
    commune.nominations.set_quota("CSTDCS", False)
    assert not commune.nominations.quota(batch.id, "CSTDCS")["enabled"]


def test_the_quota_switched_on_in_settings_counts_too(commune) -> None:  # type: ignore[no-untyped-def]
    batch = _batch(commune)
    commune.settings.set_award_parameter("CSTDCS", "quota_enabled", True)
    quota = commune.nominations.quota(batch.id, "CSTDCS", adding=1)
    assert (quota["enabled"], quota["limit"], quota["within"]) == (True, 0, False)


def test_nominee_pages_search_people_collectives_and_households(commune) -> None:  # type: ignore[no-untyped-def]
    _person(commune, "Nông Thị Hoa")
    _person(commune, "Lý Văn An", "male")
    commune.collectives.create("Trường Tiểu học Quảng Uyên", "school")
    commune.collectives.create("Hộ ông Lý Văn Sáng", "household")
    rows, total = commune.nominations.nominees("individual", "hoa")
    assert (total, [r.name for r in rows], rows[0].is_woman) == (1, ["Nông Thị Hoa"], True)
    assert [r.name for r in commune.nominations.nominees("collective")[0]] == ["Trường Tiểu học Quảng Uyên"]
    assert [r.name for r in commune.nominations.nominees("household", "sang")[0]] == ["Hộ ông Lý Văn Sáng"]
    rows, total = commune.nominations.nominees("individual", offset=1, limit=1)
    assert (len(rows), total) == (1, 2)


def _voted(app, names: list[str], members: list[str]) -> list[str]:  # type: ignore[no-untyped-def]
    batch = _batch(app)
    views = app.nominations.create_many(
        batch_id=batch.id, award_code="LDTT", as_of=TODAY,
        nominees=[NomineeDraft(_person(app, n), attested=LDTT_ATTEST) for n in names])
    app.council.record_meeting(held_on="20/11/2026", present_member_ids=members, absent_member_ids=[],
                               batch_id=batch.id, ballots=[BallotInput(v.id, len(members), len(members),
                                                                       len(members)) for v in views])
    return [v.id for v in views]


def test_council_meetings_are_listed_with_their_ballots(commune) -> None:  # type: ignore[no-untyped-def]
    members = [commune.council.add_member(f"Thành viên {i}") for i in range(10)]
    live = commune.council.preview_vote("CSTDCS", 10, 8, 8)
    assert (live.pct_of_all, live.pct_of_present, live.threshold_pct, live.passed) == (80.0, 100.0, 80.0, True)
    assert not commune.council.preview_vote("CSTDCS", 10, 8, 7).passed
    _voted(commune, ["Nông Thị Hoa"], members[:5])
    [meeting], total = commune.council.meetings()
    assert (total, meeting.members_total, meeting.members_present, meeting.ballots, meeting.passed) == (1, 5, 5, 1, 1)
    assert meeting.batch_name == "Khen thưởng năm 2026"
    [ballot] = commune.council.meeting_ballots(meeting.id)
    assert (ballot.nominee_name, ballot.votes_for, ballot.pct_of_all, ballot.passed) == ("Nông Thị Hoa", 5, 100.0, True)
    commune.council.remove_member(members[0])
    assert len(commune.council.members()) == 9


def test_decision_preview_computes_without_saving_and_past_decisions_list(commune) -> None:  # type: ignore[no-untyped-def]
    members = [commune.council.add_member(f"Thành viên {i}") for i in range(3)]
    ids = _voted(commune, ["Nông Thị Hoa", "Lý Thị Lan"], members)
    assert {a.code for a in commune.decisions.commune_awards()} >= {"LDTT", "CSTDCS", "GD_VH", "THON_VH"}
    assert "BK_TINH_CN" not in {a.code for a in commune.decisions.commune_awards()}
    preview = commune.decisions.preview(decided_on="24/11/2026", award_code="LDTT", nomination_ids=ids)
    assert preview.base_salary == 2_340_000
    assert [r.reward_amount for r in preview.recipients] == [710_000, 710_000] and preview.total_reward == 1_420_000
    assert all(commune.nominations.get(i).status == "council_voted" for i in ids)
    with pytest.raises(StateError):
        commune.decisions.preview(decided_on="24/11/2026", award_code="BK_TINH_CN", nomination_ids=ids)
    commune.decisions.issue(number="05/QĐ-UBND", decided_on="24/11/2026", signer_name="Hoàng Văn Nam",
                            signer_title="PHÓ CHỦ TỊCH", award_code="LDTT", nomination_ids=ids)
    [decision], total = commune.decisions.page()
    assert (total, decision.number, decision.signer_title, decision.award_name) == (
        1, "05/QĐ-UBND", "PHÓ CHỦ TỊCH", "Lao động tiên tiến")
    assert [r.nominee_name for r in decision.recipients] == ["Lý Thị Lan", "Nông Thị Hoa"]
    assert commune.decisions.get(decision.id).total_reward == 1_420_000


def test_households_and_collectives_go_through_the_same_steps(commune) -> None:  # type: ignore[no-untyped-def]
    village = commune.office.add_village("Xóm Nà Mạ")
    household = commune.collectives.create("Hộ ông Lý Văn Sáng", "household", village_id=village.id)
    school = commune.collectives.create("Trường Tiểu học Quảng Uyên", "school", member_count=20, women_count=15)
    batch = _batch(commune)
    text = commune.nominations.draft_summary("GD_VH", 2026, collective_id=household.id)
    assert text.startswith("Hộ ông Lý Văn Sáng, Xóm Nà Mạ, xã Quảng Uyên.")
    [preview] = commune.nominations.preview(award_code="TTLDTT", year=2026, as_of=TODAY,
                                            nominees=[NomineeDraft(collective_id=school.id)])
    assert preview.preferred  # 75% women: preferred among equally qualified collectives
    draft = NomineeDraft(collective_id=household.id, achievement_summary=text)
    views = commune.nominations.create_many(batch_id=batch.id, award_code="GD_VH", as_of=TODAY, nominees=[draft])
    assert views[0].collective_id == household.id
    with pytest.raises(ValidationError) as err:  # a school is not a household
        commune.nominations.create_many(batch_id=batch.id, award_code="GD_VH",
                                        nominees=[NomineeDraft(collective_id=school.id)])
    assert err.value.code == "SUBJECT_TYPE_MISMATCH"
