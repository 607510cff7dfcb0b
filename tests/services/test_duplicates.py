"""Duplicates across communes (issue 14), on real SQLite offices exchanging real bundles
(tests/duplicate_helpers.py): each planted case is found with both sides whole, nothing is ever
dropped, and each answer does what it says."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import nacl.pwhash
import pytest
from duplicate_helpers import (
    EXPECTED,
    HELD_PERSON,
    NGA_CCCD,
    Planted,
    planted_province,
    send_missing_village,
    summary,
)
from province_overview_helpers import DONG_KHE, LY_BON, QUANG_UYEN
from sqlalchemy import func, select

from thidua_desktop.bootstrap import App, open_app
from thidua_desktop.db.models import AuditEntry, Nomination, Person
from thidua_desktop.db.models.duplicates import DuplicateResolution
from thidua_desktop.db.models.sync import NominationReview, QuarantinedRecord
from thidua_desktop.domain.errors import DomainError
from thidua_desktop.messages import render
from thidua_desktop.services.duplicate_views import FindingView
from thidua_desktop.services.people import PersonInput
from thidua_desktop.sync import passwords


@pytest.fixture
def planted(tmp_path: Path) -> Iterator[Planted]:
    story = planted_province(tmp_path)
    try:
        yield story
    finally:
        story.close()


def find(app: App, kind: str, name: str) -> FindingView:
    [view] = [v for v in app.duplicates.findings() if v.kind == kind and v.person_name.startswith(name[:8])
              and (name in (v.a.values["full_name"], v.b.values["full_name"]) or len(name) <= 8)]
    return view


def code_of(action) -> str:  # type: ignore[no-untyped-def]
    try:
        action()
    except DomainError as exc:
        return exc.code
    return "ok"


def live_people(app: App) -> int:
    with app.db.reader() as session:
        return int(session.scalar(select(func.count()).select_from(Person).where(Person.deleted.is_(False))) or 0)


def open_quarantine(app: App) -> list[tuple[str, str, str]]:
    """(table, row id, reason) of the open quarantined records."""
    with app.db.reader() as session:
        return [(q.table_name, q.row_id, q.reason) for q in session.scalars(
            select(QuarantinedRecord).where(QuarantinedRecord.resolved_at.is_(None)))]


# Finding ------------------------------------------------------------------------------------------
def test_every_planted_case_is_found_once(planted: Planted) -> None:
    assert summary(planted.province) == EXPECTED


def test_the_same_cccd_nominated_by_two_communes_shows_both_sides(planted: Planted) -> None:
    province, ids = planted.province, planted.ids
    [view] = [v for v in province.duplicates.findings() if v.kind == "same_person" and v.a.values["cccd"] == NGA_CCCD]
    assert view.reason == "SAME_CCCD" and view.exact_name
    assert {view.a.person_id, view.b.person_id} == {ids["nga_qu"], ids["nga_lb"]}
    assert {view.a.commune_code, view.b.commune_code} == {QUANG_UYEN, LY_BON}
    assert not view.a.held_back and not view.b.held_back  # both are in the province's register
    assert sorted(view.communes) == ["Xã Lý Bôn", "Xã Quảng Uyên"]
    # Both records field by field, and both nominations, each on its own side.
    rows = {row.name: row for row in view.fields}
    assert rows["full_name"].a == rows["full_name"].b == "Hà Thị Nga" and not rows["full_name"].differs
    assert rows["birth_date"].a == "12/03/1985" and rows["ethnicity"].a == "Tày"
    by_side = {line.side: line for line in view.nominations}
    assert {by_side["a"].id, by_side["b"].id} == {ids["nga_qu_nomination"], ids["nga_lb_nomination"]}
    assert {by_side["a"].award_code, by_side["b"].award_code} == {"LDTT", "CSTDCS"}
    assert all(line.commune_code == (view.a if line.side == "a" else view.b).commune_code for line in view.nominations)
    assert view.choices == ("different_people", "keep_both", "return_nomination")
    # A double nomination for one award is its own finding: this pair has none.
    assert not [v for v in province.duplicates.findings() if v.kind == "same_achievement"
                and ids["nga_qu_nomination"] in {n.id for n in v.nominations}]


def test_no_cccd_matched_by_name_birth_and_ethnicity_across_accents_and_unicode_forms(planted: Planted) -> None:
    province, ids = planted.province, planted.ids
    with planted.commune(LY_BON).db.reader() as session:
        stored = session.get(Person, ids["hoa_lb"])
        assert stored is not None and stored.full_name != "Hoàng Văn Hoà"  # NFD, as an older app wrote it
    [view] = [v for v in province.duplicates.findings() if v.kind == "same_achievement"
              and {v.a.person_id, v.b.person_id} == {ids["hoa_qu"], ids["hoa_lb"]}]
    assert view.reason == "SAME_NAME_BIRTH_ETHNICITY"
    assert not view.exact_name  # "Hòa" and "Hoà": the same once accents are set aside, not the same text
    names = next(row for row in view.fields if row.name == "full_name")
    assert names.differs and {names.a, names.b} >= {"Hoàng Văn Hòa"}
    assert {row.name for row in view.fields if row.differs} == {"full_name"}
    assert view.award_code == "LDTT" and view.year == 2026
    assert {n.id for n in view.nominations} == {ids["hoa_qu_nomination"], ids["hoa_lb_nomination"]}


def test_the_same_achievement_twice_by_one_commune(planted: Planted) -> None:
    province, ids = planted.province, planted.ids
    [view] = [v for v in province.duplicates.findings() if v.kind == "same_achievement" and v.a.person_id == ids["lan"]]
    assert view.reason == "SAME_RECORD" and view.b.person_id == ids["lan"]
    assert view.communes == ("Xã Quảng Uyên",)
    assert sorted(n.batch for n in view.nominations) == ["Khen thưởng chuyên đề 2026", "Khen thưởng năm 2026"]
    assert "different_people" not in view.choices  # one record cannot be two people


def test_award_histories_that_disagree_between_communes(planted: Planted) -> None:
    province = planted.province
    [view] = [v for v in province.duplicates.findings() if v.kind == "history_conflict"]
    assert view.person_name == "Hà Thị Nga" and view.reason == "SAME_CCCD"
    by_award = {(line.award_code, line.year): line for line in view.awards}
    assert set(by_award) == {("LDTT", 2024), ("CSTDCS", 2025)}
    differently = by_award[("LDTT", 2024)]
    assert differently.code == "AWARD_RECORDED_DIFFERENTLY" and differently.fields == ("decision_number",)
    assert differently.a is not None and differently.b is not None
    assert {differently.a["decision_number"], differently.b["decision_number"]} == {"15/QĐ-UBND", "16/QĐ-UBND"}
    missing = by_award[("CSTDCS", 2025)]
    assert missing.code == "AWARD_MISSING"
    side = missing.a if missing.a is not None else missing.b
    assert side is not None and side["decision_number"] == "21/QĐ-UBND"
    kept = view.a if missing.a is not None else view.b
    assert kept.commune_code == QUANG_UYEN  # the side that records it is Quảng Uyên's
    assert missing.award_name == "Chiến sĩ thi đua cơ sở"
    assert "return_nomination" not in view.choices


def test_a_record_held_back_in_the_quarantine_is_found_not_hidden(planted: Planted) -> None:
    province, ids = planted.province, planted.ids
    assert [q for q in open_quarantine(province) if q[1] == HELD_PERSON] == [
        ("people", HELD_PERSON, "REFERENCE_MISSING")]
    [view] = [v for v in province.duplicates.findings() if HELD_PERSON in (v.a.person_id, v.b.person_id)]
    assert view.kind == "same_person" and view.reason == "SAME_CCCD"
    assert view.a.person_id == ids["sang_qu"] and not view.a.held_back  # the record the province holds first
    assert view.b.held_back == "REFERENCE_MISSING" and view.b.commune_code == DONG_KHE
    assert view.b.values["full_name"] == "Triệu Văn Sáng" and view.b.values["birth_date"] == "05/06/1979"
    assert view.nominations == []  # flagged although nobody nominated it: nothing else would show it
    assert "link_person" in view.choices


# Answering ----------------------------------------------------------------------------------------
def test_different_people_stops_the_flag_until_the_records_change(planted: Planted) -> None:
    province, ids = planted.province, planted.ids
    before = live_people(province)
    pair = {ids["nga_qu"], ids["nga_lb"]}
    view = next(v for v in province.duplicates.findings() if v.kind == "same_person" and
                {v.a.person_id, v.b.person_id} == pair)
    answer = province.duplicates.resolve(view.key, view.fingerprint, "different_people", "Hai người khác nhau, "
                                         "một xã ghi nhầm số CCCD")
    assert answer.choice == "different_people" and answer.resolved_by == "tinh"
    # Every finding about the two (their histories too) is answered; nothing was dropped.
    assert not [v for v in province.duplicates.findings() if {v.a.person_id, v.b.person_id} == pair]
    assert live_people(province) == before
    # Lý Bôn corrects her record: the two records are not those the answer was given on.
    ly_bon = planted.commune(LY_BON)
    current = ly_bon.people.get(ids["nga_lb"])
    ly_bon.people.update(ids["nga_lb"], PersonInput(current.full_name, current.gender, birth="12/03/1985",
                                                    ethnicity="Tày", cccd=NGA_CCCD, position="Phó chủ tịch Hội LHPN",
                                                    employment_start="01/03/2015"))
    [bundle] = ly_bon.sync.export(planted.offices.stick()).files
    province.sync.import_bundle(bundle)
    again = [v for v in province.duplicates.findings() if {v.a.person_id, v.b.person_id} == pair]
    assert {v.kind for v in again} == {"same_person", "history_conflict"}


def test_keep_both_notes_the_answer_and_keeps_both_nominations(planted: Planted) -> None:
    province, ids = planted.province, planted.ids
    view = next(v for v in province.duplicates.findings() if v.kind == "same_achievement"
                and v.a.person_id == ids["lan"])
    province.duplicates.resolve(view.key, view.fingerprint, "keep_both", "Hai đợt xét khác nhau, đã kiểm tra")
    assert view.key not in {v.key for v in province.duplicates.findings()}
    with province.db.reader() as session:
        mine = select(Nomination).where(Nomination.person_id == ids["lan"])
        statuses = {n.id: n.status for n in session.scalars(mine)}
        assert set(statuses.values()) == {"submitted"} and len(statuses) == 2
        [row] = session.scalars(select(DuplicateResolution)).all()
        assert row.choice == "keep_both" and row.reason == "Hai đợt xét khác nhau, đã kiểm tra"
        assert row.sides["a"]["commune"] == QUANG_UYEN and row.records  # ids and versions, never a name
        assert "Lý Thị Lan" not in str(row.records) + str(row.sides)
        audited = session.scalars(select(AuditEntry).where(AuditEntry.table_name == "duplicate_resolutions")).all()
        assert [(a.action, a.actor) for a in audited] == [("insert", "tinh")]
    [answer] = province.duplicates.resolutions()
    assert answer.commune_codes == (QUANG_UYEN,)


def test_return_one_nomination_goes_back_to_its_commune_through_the_review(planted: Planted) -> None:
    province, ids = planted.province, planted.ids
    view = next(v for v in province.duplicates.findings() if v.kind == "same_achievement"
                and {v.a.person_id, v.b.person_id} == {ids["hoa_qu"], ids["hoa_lb"]})
    returned = ids["hoa_lb_nomination"]
    refused = code_of(lambda: province.duplicates.resolve(view.key, view.fingerprint, "return_nomination", "Trùng",
                                                          nomination_id="not-one-of-them"))
    assert refused == "DUPLICATE_NOMINATION_NOT_IN_FINDING"
    why = "Trùng với đề nghị LĐTT 2026 của xã Quảng Uyên cho cùng một người"
    answer = province.duplicates.resolve(view.key, view.fingerprint, "return_nomination", why, nomination_id=returned)
    assert answer.nomination_id == returned
    with province.db.reader() as session:
        [review] = session.scalars(select(NominationReview).where(NominationReview.nomination_id == returned,
                                                                  NominationReview.status == "returned")).all()
        assert review.reason == why
        assert session.scalar(select(DuplicateResolution.review_id)) == review.id
    # The other nomination is untouched, and the finding is answered.
    assert province.nominations.get(ids["hoa_qu_nomination"]).status == "received"
    assert view.key not in {v.key for v in province.duplicates.findings()}
    # Lý Bôn sees it returned, with the reason, after the province's next bundle.
    planted.offices.send_down(LY_BON)
    shown = planted.commune(LY_BON).nominations.get(returned)
    assert shown.status == "returned" and why in shown.status_reason


def test_link_a_held_back_record_to_the_person_already_held(planted: Planted) -> None:
    province, ids = planted.province, planted.ids
    view = next(v for v in province.duplicates.findings() if v.b.person_id == HELD_PERSON)
    answer = province.duplicates.resolve(view.key, view.fingerprint, "link_person",
                                         "Cùng một người, chuyển từ xã Quảng Uyên về xã Đông Khê")
    assert answer.person_id == ids["sang_qu"] and answer.linked_row_id == HELD_PERSON
    # Tried again at once; its village has not arrived, so it stays held back, visible, not dropped.
    assert answer.still_held_back
    assert [q[1] for q in open_quarantine(province) if q[1] == HELD_PERSON] == [HELD_PERSON]
    assert view.key not in {v.key for v in province.duplicates.findings()}
    # The village arrives: the record applies beside the existing person (never merged into it).
    send_missing_village(planted)
    with province.db.reader() as session:
        both = session.scalars(select(Person).where(Person.id.in_([HELD_PERSON, ids["sang_qu"]]))).all()
        assert len(both) == 2 and {p.cccd for p in both} == {"004079009876"}
    [after] = province.duplicates.resolutions()
    assert not after.still_held_back
    assert view.key not in {v.key for v in province.duplicates.findings()}  # the records are the ones answered on


def test_link_is_only_for_a_held_back_record_and_a_reason_is_required(planted: Planted) -> None:
    province = planted.province
    view = next(v for v in province.duplicates.findings() if v.kind == "same_person" and not v.b.held_back)
    assert code_of(lambda: province.duplicates.resolve(view.key, view.fingerprint, "link_person", "Cùng người")) \
        == "DUPLICATE_CHOICE_NOT_ALLOWED"
    assert code_of(lambda: province.duplicates.resolve(view.key, view.fingerprint, "keep_both", "  ")) \
        == "REASON_REQUIRED"
    assert code_of(lambda: province.duplicates.resolve(view.key, view.fingerprint, "merge", "x")) == "ENUM_INVALID"
    with province.db.reader() as session:
        assert session.scalar(select(func.count()).select_from(DuplicateResolution)) == 0


def test_a_second_officer_answering_the_same_finding_is_told_who_did(planted: Planted) -> None:
    province = planted.province
    view = next(v for v in province.duplicates.findings() if v.kind == "history_conflict")
    colleague = open_app(province.paths.data_dir, actor="Nông Thị Hoa")
    try:
        colleague.duplicates.resolve(view.key, view.fingerprint, "keep_both", "Đã đối chiếu hồ sơ giấy")
    finally:
        colleague.close()
    with pytest.raises(DomainError) as caught:
        province.duplicates.resolve(view.key, view.fingerprint, "keep_both", "Cũng đã xem")
    assert caught.value.code == "DUPLICATE_ALREADY_RESOLVED"
    assert "Nông Thị Hoa" in render(caught.value, "vi") and "Nông Thị Hoa" in render(caught.value, "en")
    # A finding whose records changed since it was shown is refused: look again.
    assert code_of(lambda: province.duplicates.resolve(view.key, "0" * 64, "keep_both", "x")) in (
        "DUPLICATE_FINDING_CHANGED", "DUPLICATE_ALREADY_RESOLVED")
    other = next(v for v in province.duplicates.findings() if v.kind == "same_person")
    assert code_of(lambda: province.duplicates.resolve(other.key, "0" * 64, "keep_both", "x")) \
        == "DUPLICATE_FINDING_CHANGED"


def test_answering_needs_the_reviewer_or_leader_role(planted: Planted, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(passwords, "OPSLIMIT", nacl.pwhash.argon2id.OPSLIMIT_MIN)
    monkeypatch.setattr(passwords, "MEMLIMIT", nacl.pwhash.argon2id.MEMLIMIT_MIN)
    province = planted.province
    province.accounts.create("quantri", "Hoàng Văn Quản", "admin", "Quan-tri-2026")
    province.sign_in("quantri", "Quan-tri-2026")
    province.accounts.create("hoa.nt", "Nông Thị Hoa", "reviewer", "Tham-dinh-01")
    view = next(v for v in province.duplicates.findings() if v.kind == "same_person")
    assert code_of(lambda: province.duplicates.resolve(view.key, view.fingerprint, "keep_both", "Ghi nhận")) \
        == "ROLE_REQUIRED"
    reviewer = open_app(province.paths.data_dir)
    try:
        reviewer.sign_in("hoa.nt", "Tham-dinh-01")
        answer = reviewer.duplicates.resolve(view.key, view.fingerprint, "keep_both", "Ghi nhận")
        assert answer.resolved_by == reviewer.actor
    finally:
        reviewer.close()


def test_open_counts_per_commune(planted: Planted) -> None:
    counts = planted.province.duplicates.open_counts()
    # Quảng Uyên: Nga (person, history), Hòa, Lan, Sáng; Lý Bôn: Nga ×2, Hòa; Đông Khê: Sáng.
    assert counts == {QUANG_UYEN: 5, LY_BON: 3, DONG_KHE: 1}
