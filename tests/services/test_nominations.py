"""Nominations through the state machine, the council vote and the commune decision."""

from __future__ import annotations

from datetime import date

import pytest

from thidua_desktop.domain.errors import StateError, ValidationError
from thidua_desktop.services.council import BallotInput
from thidua_desktop.services.people import PersonInput
from thidua_desktop.services.records import Subject

TODAY = date(2026, 11, 25)


def _official(app, name: str, rating: str = "excellent") -> str:  # type: ignore[no-untyped-def]
    person = app.people.create(PersonInput(name, "female", birth="1985", ethnicity="Tày",
                                           employment_start="01/03/2015", position="Công chức"))
    app.records.set_rating(Subject(person_id=person.id), 2026, rating, "Kết quả xếp loại 2026")
    return person.id


def _nominate(app, person_id: str, award: str = "LDTT", **kw):  # type: ignore[no-untyped-def]
    batch = app.nominations.create_batch("Khen thưởng năm 2026", 2026)
    nomination = app.nominations.create(batch_id=batch.id, award_code=award, person_id=person_id, as_of=TODAY, **kw)
    criteria = [c.id for top in app.catalog.award(award).criteria for c in top.walk() if c.check == "attestation"]
    app.nominations.attest(nomination.id, criteria)
    return nomination


def test_new_nomination_is_a_draft_with_checklist_and_eligibility(commune) -> None:  # type: ignore[no-untyped-def]
    n = _nominate(commune, _official(commune, "Nông Thị Hoa"))
    assert n.status == "draft"
    decision = commune.nominations.evaluate(n.id, TODAY)
    assert decision.outcome.value == "eligible"
    codes = {r.criterion_id: r.outcome.value for r in decision.reasons}
    assert set(codes.values()) == {"pass"}
    assert [h["to"] for h in commune.nominations.history(n.id)] == ["draft"]


def test_low_rating_makes_the_nominee_not_eligible(commune) -> None:  # type: ignore[no-untyped-def]
    n = _nominate(commune, _official(commune, "Lý Văn An", rating="completed"))
    decision = commune.nominations.evaluate(n.id, TODAY)
    assert decision.outcome.value == "not_eligible"
    failing = [r for r in decision.reasons if r.outcome.value == "fail"]
    assert [r.code for r in failing] == ["RATING_TOO_LOW"]


def test_a_household_award_refuses_a_person(commune) -> None:  # type: ignore[no-untyped-def]
    person = _official(commune, "Nông Thị Hoa")
    batch = commune.nominations.create_batch("Đợt 1", 2026)
    with pytest.raises(ValidationError) as err:
        commune.nominations.create(batch_id=batch.id, award_code="GD_VH", person_id=person)
    assert err.value.code == "SUBJECT_TYPE_MISMATCH"


@pytest.mark.parametrize("target", ["submitted", "decided", "approved", "in_review"])
def test_invalid_status_moves_are_refused(commune, target: str) -> None:  # type: ignore[no-untyped-def]
    n = _nominate(commune, _official(commune, "Nông Thị Hoa"))
    with pytest.raises(StateError) as err:
        commune.nominations.transition(n.id, target)
    assert err.value.code == "STATUS_TRANSITION_INVALID"
    assert commune.nominations.get(n.id).status == "draft"


def test_return_needs_a_reason_and_is_kept_in_history(commune) -> None:  # type: ignore[no-untyped-def]
    n = _nominate(commune, _official(commune, "Nông Thị Hoa"))
    for status in ("council_voted", "submitted", "received", "in_review"):
        commune.nominations.transition(n.id, status)
    with pytest.raises(ValidationError):
        commune.nominations.transition(n.id, "returned")
    commune.nominations.transition(n.id, "returned", "Thiếu báo cáo thành tích")
    history = commune.nominations.history(n.id)
    assert [h["to"] for h in history][-2:] == ["in_review", "returned"]
    assert history[-1]["reason"] == "Thiếu báo cáo thành tích"


def _council(app, size: int) -> list[str]:  # type: ignore[no-untyped-def]
    return [app.council.add_member(f"Thành viên {i}", "member") for i in range(size)]


@pytest.mark.parametrize(
    ("present", "votes", "passed"),
    [(10, 8, True), (8, 8, True), (8, 7, False), (10, 7, False)],
)
def test_cstdcs_needs_80_percent_of_all_members(commune, present: int, votes: int, passed: bool) -> None:  # type: ignore[no-untyped-def]
    members = _council(commune, 10)
    n = _nominate(commune, _official(commune, "Nông Thị Hoa"), award="CSTDCS")
    [result] = commune.council.record_meeting(
        held_on="20/11/2026", present_member_ids=members[:present], absent_member_ids=members[present:],
        ballots=[BallotInput(n.id, present, present, votes)])
    assert result.pct_of_all == pytest.approx(votes * 10.0)
    assert result.pct_of_present == pytest.approx(100.0 * votes / present)
    assert result.threshold_pct == 80
    assert result.passed is passed
    assert commune.nominations.get(n.id).status == ("council_voted" if passed else "draft")


def test_inconsistent_ballots_write_nothing(commune) -> None:  # type: ignore[no-untyped-def]
    members = _council(commune, 5)
    good = _nominate(commune, _official(commune, "Nông Thị Hoa"))
    bad = _nominate(commune, _official(commune, "Lý Thị Lan"))
    with pytest.raises(ValidationError) as err:
        commune.council.record_meeting(held_on="20/11/2026", present_member_ids=members, absent_member_ids=[],
                                       ballots=[BallotInput(good.id, 5, 5, 5), BallotInput(bad.id, 5, 4, 5)])
    assert err.value.field == "ballots[2]"
    assert commune.nominations.get(good.id).status == "draft"


def test_local_threshold_overrides_the_catalog(commune) -> None:  # type: ignore[no-untyped-def]
    commune.settings.set_award_parameter("CSTDCS", "vote_threshold_pct", 60)
    members = _council(commune, 10)
    n = _nominate(commune, _official(commune, "Nông Thị Hoa"), award="CSTDCS")
    [result] = commune.council.record_meeting(held_on="20/11/2026", present_member_ids=members,
                                              absent_member_ids=[], ballots=[BallotInput(n.id, 10, 10, 7)])
    assert result.threshold_pct == 60 and result.passed


def test_decision_writes_award_history_and_rounded_reward(commune) -> None:  # type: ignore[no-untyped-def]
    members = _council(commune, 5)
    ids = [_official(commune, name) for name in ("Nông Thị Hoa", "Lý Thị Lan")]
    noms = [_nominate(commune, pid) for pid in ids]
    commune.council.record_meeting(held_on="20/11/2026", present_member_ids=members, absent_member_ids=[],
                                   ballots=[BallotInput(n.id, 5, 5, 5) for n in noms])
    decision = commune.decisions.issue(number="45/QĐ-UBND", decided_on="24/11/2026", signer_name="Hoàng Văn Nam",
                                       award_code="LDTT", nomination_ids=[n.id for n in noms])
    # 0.3 × 2,340,000 = 702,000, rounded up to the next 10,000 (Decree 152/2025 Art. 49).
    assert [r.reward_amount for r in decision.recipients] == [710_000, 710_000]
    assert decision.total_reward == 1_420_000
    for pid, n in zip(ids, noms, strict=True):
        assert commune.nominations.get(n.id).status == "decided"
        [award] = commune.records.awards_of(Subject(person_id=pid))
        assert (award["award_code"], award["year"], award["decision_number"], award["source"]) == (
            "LDTT", 2026, "45/QĐ-UBND", "decision")
    from thidua_desktop.db.models import Decision

    with commune.db.reader() as session:  # nominees from two batches: the decision is filed with neither
        assert session.get(Decision, decision.id).batch_id is None


def test_a_decision_for_one_batch_is_filed_with_it(commune) -> None:  # type: ignore[no-untyped-def]
    from thidua_desktop.db.models import Decision
    from thidua_desktop.services.demo import DemoBuilder

    DemoBuilder(commune, seed=3, today=TODAY).build(people=40)
    [decision] = commune.decisions.page()[0]
    batch = commune.nominations.batches()[0]
    with commune.db.reader() as session:
        assert session.get(Decision, decision.id).batch_id == batch.id


def test_decision_refuses_a_draft_and_writes_nothing(commune) -> None:  # type: ignore[no-untyped-def]
    pid = _official(commune, "Nông Thị Hoa")
    n = _nominate(commune, pid)
    with pytest.raises(StateError) as err:
        commune.decisions.issue(number="46/QĐ-UBND", decided_on="24/11/2026", signer_name="Hoàng Văn Nam",
                                award_code="LDTT", nomination_ids=[n.id])
    assert err.value.code == "NOMINATION_NOT_COUNCIL_VOTED"
    assert commune.records.awards_of(Subject(person_id=pid)) == []


def test_an_initiative_backs_only_one_award(commune) -> None:  # type: ignore[no-untyped-def]
    pid = _official(commune, "Nông Thị Hoa", rating="good")
    initiative = commune.records.add_initiative(title="Số hóa hồ sơ", level="grassroots", year=2026, owner_ids=[pid])
    first = _nominate(commune, pid, award="CSTDCS", initiative_ids=[initiative])
    assert commune.nominations.evaluate(first.id, TODAY).outcome.value == "eligible"
    batch = commune.nominations.create_batch("Đợt khác", 2026)
    with pytest.raises(ValidationError) as err:
        commune.nominations.create(batch_id=batch.id, award_code="GK_XA_CN", person_id=pid,
                                   initiative_ids=[initiative])
    assert err.value.code == "INITIATIVE_ALREADY_USED"
