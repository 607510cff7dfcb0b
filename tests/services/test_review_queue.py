"""The province's review queue and its review of one dossier, over real offices exchanging real
bundles (tests/review_queue_helpers.py): the queue by round, award, commune and status with
deadlines and overdue dossiers; a dossier changed after its review; the eligibility recomputed
with another commune's record of the same CCCD; the checklist and comments; and a return that
travels to the commune, comes back corrected and shows as changed."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date, timedelta
from pathlib import Path

import pytest
from review_queue_helpers import AD_HOC, ANNUAL, LY_BON, QUANG_UYEN, Offices, build, resubmit
from sqlalchemy import func, select

from thidua_desktop.db.models import ReviewComment
from thidua_desktop.db.models.sync import NominationReview
from thidua_desktop.domain.errors import DomainError
from thidua_desktop.services.review_queue import QueueItem, select_items

TODAY = date.today()  # the communes' bundles are dated by the real clock


@pytest.fixture
def offices(tmp_path: Path) -> Iterator[Offices]:
    built = build(tmp_path)
    yield built
    built.close()


def items(offices: Offices, today: date = TODAY) -> dict[str, QueueItem]:
    return {i.nomination_id: i for i in offices.province.review_queue.queue(today).items}


def code_of(action) -> str:  # type: ignore[no-untyped-def]
    with pytest.raises(DomainError) as caught:
        action()
    return caught.value.code


def test_the_queue_holds_every_submitted_dossier_by_round_award_and_commune(offices: Offices) -> None:
    queue = offices.province.review_queue.queue(TODAY)
    d = offices.dossiers
    shown = {i.nomination_id: i for i in queue.items}
    assert set(shown) == {d["approved"], d["returned"], d["waiting"], d["twice"], d["ad_hoc"], d["ly_bon"]}
    assert {k: shown[d[k]].status for k in ("approved", "returned", "waiting", "ly_bon")} == {
        "approved": "approved", "returned": "returned", "waiting": "received", "ly_bon": "received"}
    twice = shown[d["twice"]]
    assert (twice.nominee_name, twice.unit_code, twice.unit_name, twice.award_code, twice.award_name) == (
        "Hà Văn Tú", QUANG_UYEN, "Xã Quảng Uyên", "LDTT", "Lao động tiên tiến")
    assert twice.round_key == ANNUAL and shown[d["ad_hoc"]].round_key == AD_HOC
    assert twice.submitted_on == TODAY and twice.days_waiting == 0 and twice.deadline is None
    assert not any(i.overdue or i.changed_since_review for i in queue.items)
    assert shown[d["approved"]].days_waiting is None  # a verdict: it waits no more
    # Both communes' "2026, annual" batches are one round; the ad-hoc batch is another.
    assert [(r.key, r.dossiers, r.waiting) for r in queue.rounds] == [(AD_HOC, 1, 1), (ANNUAL, 5, 3)]
    assert queue.communes == [(LY_BON, "Xã Lý Bôn"), (QUANG_UYEN, "Xã Quảng Uyên")]
    assert queue.awards == [("LDTT", "Lao động tiên tiến")]

    def ids(**filters: str) -> set[str]:
        return {i.nomination_id for i in select_items(queue.items, **filters)}

    assert ids() == {d["waiting"], d["twice"], d["ad_hoc"], d["ly_bon"]}  # waiting for review by default
    assert ids(unit_code=LY_BON) == {d["ly_bon"]}
    assert ids(round_key=AD_HOC) == {d["ad_hoc"]}
    assert ids(status="approved") == {d["approved"]} and ids(status="returned") == {d["returned"]}
    assert ids(status="all", award_code="LDTT") == set(shown) and ids(status="all", award_code="CSTDCS") == set()
    # A commune office has no queue.
    assert offices.communes[QUANG_UYEN].review_queue.queue(TODAY).items == []


def test_a_rounds_deadline_flags_the_dossiers_still_waiting_after_it(offices: Offices) -> None:
    province, d = offices.province, offices.dossiers
    deadline = TODAY + timedelta(days=5)
    province.review_queue.set_deadline(ANNUAL, deadline.strftime("%d/%m/%Y"))
    on_time = items(offices, deadline)
    assert on_time[d["twice"]].deadline == deadline and not any(i.overdue for i in on_time.values())

    late = items(offices, deadline + timedelta(days=1))
    assert {i for i, item in late.items() if item.overdue} == {d["waiting"], d["twice"], d["ly_bon"]}
    assert late[d["twice"]].days_waiting == 6
    assert not late[d["approved"]].overdue and late[d["approved"]].deadline == deadline  # reviewed in time
    assert late[d["ad_hoc"]].deadline is None and not late[d["ad_hoc"]].overdue  # another round
    rounds = {r.key: r for r in province.review_queue.queue(deadline + timedelta(days=1)).rounds}
    assert (rounds[ANNUAL].deadline, rounds[ANNUAL].overdue, rounds[AD_HOC].overdue) == (deadline, 3, 0)

    province.dossier_review.decide(d["twice"], "approved")  # reviewed: no longer overdue
    assert not items(offices, deadline + timedelta(days=1))[d["twice"]].overdue
    province.review_queue.set_deadline(ANNUAL, "")  # no deadline any more
    assert not any(i.overdue for i in items(offices, deadline + timedelta(days=30)).values())

    assert code_of(lambda: province.review_queue.set_deadline("2019:annual:", "01/12/2026")) == "NOT_FOUND"
    assert code_of(lambda: province.review_queue.set_deadline(ANNUAL, "31/02/2026")) == "DATE_INVALID"
    commune = offices.communes[QUANG_UYEN]
    assert code_of(lambda: commune.review_queue.set_deadline(ANNUAL, "01/12/2026")) == "REVIEW_PROVINCE_ONLY"


def test_a_dossier_the_commune_changed_after_its_review_is_flagged(offices: Offices) -> None:
    province, quang_uyen, d = offices.province, offices.communes[QUANG_UYEN], offices.dossiers
    offices.send_down(QUANG_UYEN)  # the return reaches the commune
    quang_uyen.nominations.transition(d["returned"], "draft")  # taken back to correct
    province.sync.import_bundle(offices.send_up(QUANG_UYEN))
    taken_back = items(offices)[d["returned"]]
    assert (taken_back.status, taken_back.with_commune, taken_back.changed_since_review) == ("returned", True, True)
    assert taken_back.reason == "Thiếu biên bản bình xét" and not taken_back.waiting
    assert taken_back.version > (taken_back.reviewed_version or 0)

    for status in ("council_voted", "submitted"):
        quang_uyen.nominations.transition(d["returned"], status)
    province.sync.import_bundle(offices.send_up(QUANG_UYEN))
    again = items(offices)[d["returned"]]
    # Received again (the import's acknowledgement is no review): it waits, flagged as changed.
    assert (again.status, again.waiting, again.changed_since_review, again.with_commune) == (
        "received", True, True, False)
    view = province.dossier_review.dossier(d["returned"], TODAY)
    assert view.changed_since_review and view.reviewed_version == taken_back.reviewed_version
    assert view.allowed == ("approved", "returned", "rejected")
    province.dossier_review.decide(d["returned"], "approved")
    assert not items(offices)[d["returned"]].changed_since_review  # the new version was reviewed


def test_eligibility_at_the_province_reads_another_communes_record_of_the_same_cccd(offices: Offices) -> None:
    province, d = offices.province, offices.dossiers
    view = province.dossier_review.dossier(d["twice"], TODAY)
    check = view.eligibility
    assert (check.match, check.outcome) == ("cccd", "not_eligible")
    # The commune's own check knew nothing of it: it sees only its own register.
    assert check.commune_outcome in ("eligible", "incomplete")
    [repeat] = [c for c in check.criteria if c.added_by_review]
    assert repeat.outcome == "fail"
    assert repeat.text == ("Không đạt: đã được tặng Lao động tiên tiến năm 2026 (QĐ số 12/QĐ-UBND); không khen "
                           "thưởng nhiều lần cho một thành tích")
    own, other = check.sources
    assert (own.unit_code, own.matched_by, own.awards, own.ratings) == (QUANG_UYEN, "nominee", (), 1)
    assert (other.unit_code, other.unit_name, other.matched_by, other.person_name) == (
        LY_BON, "Xã Lý Bôn", "cccd", "Hà Văn Tú")
    assert other.awards == ("Lao động tiên tiến 2026 (QĐ số 12/QĐ-UBND)",)
    assert check.catalog_version == province.catalog.catalog_version
    english = province.dossier_review.dossier(d["twice"], TODAY, lang="en").eligibility
    assert [c.text for c in english.criteria if c.added_by_review] == [
        "Not met: Advanced Worker already received for 2026 (decision 12/QĐ-UBND); one achievement is not "
        "awarded twice"]

    # Without a CCCD only the nominating commune's records count, and nothing repeats there.
    plain = province.dossier_review.dossier(d["waiting"], TODAY).eligibility
    assert plain.match == "no_cccd" and [s.unit_code for s in plain.sources] == [QUANG_UYEN]
    assert [c.outcome for c in plain.criteria if c.added_by_review] == ["pass"]


def test_the_checklist_and_comments_go_with_the_verdict(offices: Offices) -> None:
    province, d = offices.province, offices.dossiers
    reviews = province.dossier_review
    reviews.set_item(d["twice"], "TO_TRINH", True)
    reviews.set_item(d["twice"], "BIEN_BAN_BINH_XET", False, "Biên bản chưa có chữ ký thư ký")
    reviews.add_comment(d["twice"], "Xã Lý Bôn đã tặng LĐTT 2026.\nĐề nghị trả lại.")
    view = reviews.dossier(d["twice"], TODAY)
    lines = {line.code: line for line in view.checklist}
    assert [line.code for line in view.checklist] == ["TO_TRINH", "BAO_CAO_THANH_TICH", "BIEN_BAN_BINH_XET"]
    assert lines["TO_TRINH"].checked and lines["TO_TRINH"].checked_by == "tinh" and not lines["TO_TRINH"].stale
    assert (lines["BIEN_BAN_BINH_XET"].checked, lines["BIEN_BAN_BINH_XET"].note) == (
        False, "Biên bản chưa có chữ ký thư ký")
    [comment] = view.comments
    assert (comment.author, comment.verdict) == ("tinh", None)
    assert comment.text == "Xã Lý Bôn đã tặng LĐTT 2026.\nĐề nghị trả lại."
    assert (view.documents[0].kind, view.documents[0].target_id) == ("report", d["twice"])
    assert {doc.kind for doc in view.documents} >= {"report", "submission", "list"}

    assert code_of(lambda: reviews.set_item(d["twice"], "KHONG_CO", True)) == "DOSSIER_ITEM_UNKNOWN"
    assert code_of(lambda: reviews.add_comment(d["twice"], "  \n ")) == "REQUIRED"
    assert code_of(lambda: reviews.decide(d["twice"], "returned", " ")) == "REASON_REQUIRED"
    assert code_of(lambda: reviews.decide(d["twice"], "rejected")) == "REASON_REQUIRED"
    assert code_of(lambda: reviews.decide(d["approved"], "approved")) == "STATUS_TRANSITION_INVALID"
    commune = offices.communes[QUANG_UYEN]
    assert code_of(lambda: commune.dossier_review.set_item(d["twice"], "TO_TRINH", True)) == "REVIEW_PROVINCE_ONLY"

    reviews.decide(d["twice"], "returned", "Đã được tặng LĐTT năm 2026 tại xã Lý Bôn")
    after = reviews.dossier(d["twice"], TODAY)
    assert after.comments[0].verdict == "returned" and after.status == "returned" and after.allowed == ()
    last = after.reviews[-1]
    assert (last.status, last.reviewed_version) == ("returned", after.version)
    assert last.checklist == (
        {"code": "TO_TRINH", "checked": True, "note": ""},
        {"code": "BAO_CAO_THANH_TICH", "checked": False, "note": ""},
        {"code": "BIEN_BAN_BINH_XET", "checked": False, "note": "Biên bản chưa có chữ ký thư ký"})


def test_a_return_reaches_the_commune_which_resubmits_and_the_province_sees_the_new_version(offices: Offices) -> None:
    province, quang_uyen, d = offices.province, offices.communes[QUANG_UYEN], offices.dossiers
    province.dossier_review.set_item(d["twice"], "BIEN_BAN_BINH_XET", True, "Đủ")
    province.dossier_review.add_comment(d["twice"], "Chỉ để cán bộ tỉnh đọc")
    reason = "Đã được tặng LĐTT năm 2026 tại xã Lý Bôn"
    province.dossier_review.decide(d["twice"], "returned", reason)
    reviewed = items(offices)[d["twice"]].version

    offices.send_down(QUANG_UYEN)
    at_commune = quang_uyen.nominations.get(d["twice"])
    assert (at_commune.status, at_commune.status_reason) == ("returned", reason)
    with quang_uyen.db.reader() as session:
        [review] = session.scalars(select(NominationReview).where(NominationReview.nomination_id == d["twice"],
                                                                  NominationReview.status == "returned")).all()
        assert {"code": "BIEN_BAN_BINH_XET", "checked": True, "note": "Đủ"} in review.checklist
        # The reviewers' comments stay at the province.
        assert session.scalar(select(func.count()).select_from(ReviewComment)) == 0
    # Another commune's bundle carries nothing of it.
    offices.send_down(LY_BON)
    with offices.communes[LY_BON].db.reader() as session:
        assert session.scalar(select(func.count()).select_from(NominationReview).where(
            NominationReview.nomination_id == d["twice"])) == 0

    resubmit(quang_uyen, d["twice"])
    province.sync.import_bundle(offices.send_up(QUANG_UYEN))
    again = items(offices)[d["twice"]]
    assert (again.status, again.changed_since_review, again.reviewed_version) == ("received", True, reviewed)
    assert again.version > reviewed
    view = province.dossier_review.dossier(d["twice"], TODAY)
    [line] = [line for line in view.checklist if line.code == "BIEN_BAN_BINH_XET"]
    assert line.checked and line.stale  # checked on the version before the commune's correction


def test_the_province_prints_a_communes_dossier_under_the_communes_heading(offices: Offices) -> None:
    import pypdfium2 as pdfium

    doc = offices.province.printing.render("report", offices.dossiers["twice"])
    pdf = pdfium.PdfDocument(doc.pdf)
    try:
        text = pdf[0].get_textpage().get_text_range()
    finally:
        pdf.close()
    assert "XÃ QUẢNG UYÊN" in text and "Hà Văn Tú" in text


def test_only_reviewers_and_leaders_check_comment_and_set_deadlines(offices: Offices,
                                                                    monkeypatch: pytest.MonkeyPatch) -> None:
    import nacl.pwhash

    from thidua_desktop.bootstrap import open_app
    from thidua_desktop.sync import passwords

    monkeypatch.setattr(passwords, "OPSLIMIT", nacl.pwhash.argon2id.OPSLIMIT_MIN)
    monkeypatch.setattr(passwords, "MEMLIMIT", nacl.pwhash.argon2id.MEMLIMIT_MIN)
    province, d = offices.province, offices.dossiers
    province.accounts.create("quantri", "Hoàng Văn Quản", "admin", "Quan-tri-2026")
    province.sign_in("quantri", "Quan-tri-2026")
    province.accounts.create("hoa.nt", "Nông Thị Hoa", "reviewer", "Tham-dinh-01")
    nobody, reviewer = open_app(province.paths.data_dir), open_app(province.paths.data_dir)
    try:
        reviewer.sign_in("hoa.nt", "Tham-dinh-01")
        for app, code in ((nobody, "LOGIN_REQUIRED"), (province, "ROLE_REQUIRED")):  # nobody signed in; the admin
            assert code_of(lambda app=app: app.dossier_review.set_item(d["twice"], "TO_TRINH", True)) == code
            assert code_of(lambda app=app: app.dossier_review.add_comment(d["twice"], "Ý kiến")) == code
            assert code_of(lambda app=app: app.review_queue.set_deadline(ANNUAL, "15/12/2026")) == code
        reviewer.dossier_review.set_item(d["twice"], "TO_TRINH", True)
        reviewer.dossier_review.add_comment(d["twice"], "Đã đối chiếu với xã Lý Bôn")
        reviewer.review_queue.set_deadline(ANNUAL, "15/12/2026")
        view = reviewer.dossier_review.dossier(d["twice"], TODAY)
        [comment] = view.comments
        assert comment.author == reviewer.actor and "hoa.nt" in comment.author  # the account, not a typed name
        assert view.checklist[0].checked_by == reviewer.actor
        assert code_of(lambda: reviewer.dossier_review.decide(d["twice"], "rejected", "Không đạt")) == "ROLE_REQUIRED"
    finally:
        nobody.close()
        reviewer.close()
