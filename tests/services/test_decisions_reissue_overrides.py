"""Correcting a decision with an added recipient the eligibility check does not pass on the new
date (issue 14): refused without the chairman's reason, as ``issue`` refuses it, and nothing of the
correction is kept; accepted with one, which lands in the nomination's history and in the audit
log beside the correction. Real SQLite offices, every caller (GUI, CLI) goes through here."""

from __future__ import annotations

from datetime import date

import pytest
from sqlalchemy import select

from thidua_desktop.bootstrap import App
from thidua_desktop.db.models import AuditEntry, AwardHistory
from thidua_desktop.domain.errors import DomainError
from thidua_desktop.messages import render
from thidua_desktop.services.council import BallotInput
from thidua_desktop.services.nominations import NomineeDraft
from thidua_desktop.services.people import PersonInput
from thidua_desktop.services.records import Subject

TODAY = date(2026, 11, 25)
CHECKED = "Hội đồng đã xem xét hồ sơ tại cuộc họp"
HOA, LAN, MAI = "Nông Thị Hoa", "Lý Thị Lan", "Hoàng Thị Mai"
WHY = "Chủ tịch đã xem xét thành tích đột xuất"


def _office(app: App, council_reason_for: str = "") -> tuple[dict[str, str], dict[str, str]]:
    """Three LĐTT nominees the council passed, by name: their nomination ids and person ids. Each
    eligible then and passed with no reason of the council's, but ``council_reason_for``: not
    attested (so not eligible) and passed with the council's reason."""
    people = {}
    for name in (HOA, LAN, MAI):
        person = app.people.create(PersonInput(name, "female", birth="1985", employment_start="01/03/2015"))
        app.records.set_rating(Subject(person_id=person.id), 2026, "excellent")
        people[name] = person.id
    batch = app.nominations.create_batch("Khen thưởng năm 2026", 2026)
    views = app.nominations.create_many(batch_id=batch.id, award_code="LDTT", as_of=TODAY,
                                        nominees=[NomineeDraft(pid, attested=[] if name == council_reason_for
                                                               else ["self_reliance_solidarity"])
                                                  for name, pid in people.items()])
    members = [app.council.add_member(f"Thành viên {i}") for i in range(5)]
    app.officials.add(role="chairman", full_name="Hoàng Văn Nam", term_start="01/07/2025")
    app.council.record_meeting(held_on="20/11/2026", present_member_ids=members, absent_member_ids=[],
                               ballots=[BallotInput(v.id, 5, 5, 5, CHECKED if v.nominee_name == council_reason_for
                                                    else "") for v in views])
    return {v.nominee_name: v.id for v in views}, people


def _awarded(app: App) -> set[str]:
    """Whose live award history holds a decision's award (person ids)."""
    with app.db.reader() as session:
        return {str(p) for p in session.scalars(select(AwardHistory.person_id).where(
            AwardHistory.source == "decision", AwardHistory.deleted.is_(False)))}


def _reissue_audits(app: App) -> list[dict[str, object]]:
    with app.db.reader() as session:
        return list(session.scalars(select(AuditEntry.new_values).where(AuditEntry.action == "reissue")))


def test_an_added_recipient_the_check_does_not_pass_needs_the_chairmans_reason(commune: App) -> None:
    ids, people = _office(commune)
    decisions = commune.decisions
    made = decisions.issue(number="05/QĐ-UBND", decided_on="24/11/2026", award_code="LDTT",
                           nomination_ids=[ids[HOA]])
    # After the vote Mai's year is rated "not completed": the check no longer passes her. Hoa's
    # too, but she is already in the decision: a kept recipient is not checked again.
    commune.records.set_rating(Subject(person_id=people[MAI]), 2026, "not_completed")
    commune.records.set_rating(Subject(person_id=people[HOA]), 2026, "not_completed")
    chosen = [ids[HOA], ids[LAN], ids[MAI]]

    [need] = decisions.reissue_overrides_needed(made.id, decided_on="25/11/2026", nomination_ids=chosen)
    assert (need.nomination_id, need.nominee_name, need.award_code) == (ids[MAI], MAI, "LDTT")
    assert not need.check.eligible and need.check.outcome.value == "not_eligible"
    assert any(r.outcome.value == "fail" for r in need.check.reasons)  # the codes the window words
    assert decisions.reissue_overrides_needed(made.id, decided_on="25/11/2026", nomination_ids=[ids[HOA]]) == []

    # Refused without a reason (or with a blank one): the whole correction, Lan's addition included.
    for overrides in (None, {ids[MAI]: "   "}, {ids[LAN]: WHY}):
        with pytest.raises(DomainError) as refused:
            decisions.reissue(made.id, number="07/QĐ-UBND", decided_on="25/11/2026", nomination_ids=chosen,
                              reason="Bổ sung người được khen", overrides=overrides)
        assert refused.value.code == "NOMINATION_NOT_ELIGIBLE"
        assert refused.value.field == "recipients[3]" and refused.value.params["name"] == MAI
        assert MAI in render(refused.value, "vi")
    assert decisions.get(made.id).number == "05/QĐ-UBND"
    assert [r.nomination_id for r in decisions.get(made.id).recipients] == [ids[HOA]]
    assert commune.nominations.get(ids[LAN]).status == "council_voted"
    assert commune.nominations.get(ids[MAI]).status == "council_voted"
    assert _awarded(commune) == {people[HOA]} and _reissue_audits(commune) == []

    # With the chairman's reason it goes through, in one piece.
    fixed = decisions.reissue(made.id, number="07/QĐ-UBND", decided_on="25/11/2026", nomination_ids=chosen,
                              reason="Bổ sung người được khen", overrides={ids[MAI]: f"  {WHY} "})
    assert fixed.number == "07/QĐ-UBND"
    assert {r.nominee_name for r in fixed.recipients} == {HOA, LAN, MAI}
    assert _awarded(commune) == set(people.values())
    # Kept where ``issue`` keeps it: the nomination's history of its move to "decided".
    decided = {name: [e["reason"] for e in commune.nominations.history(ids[name]) if e["to"] == "decided"]
               for name in (LAN, MAI)}
    assert decided == {LAN: [""], MAI: [WHY]}
    assert commune.nominations.get(ids[MAI]).status == "decided"
    # Audited: the correction names whose check it overrode and why; the nomination's change too.
    [entry] = _reissue_audits(commune)
    assert entry["override_reasons"] == {ids[MAI]: WHY} and entry["reason"] == "Bổ sung người được khen"
    with commune.db.reader() as session:
        changes = session.scalars(select(AuditEntry.new_values).where(
            AuditEntry.table_name == "nominations", AuditEntry.row_id == ids[MAI])).all()
    assert any((c or {}).get("status_reason") == WHY for c in changes)


def test_the_councils_own_reason_is_enough_for_an_added_recipient(commune: App) -> None:
    """A nominee the council passed with a reason of its own needs no second one from the chairman."""
    ids, _people = _office(commune, council_reason_for=LAN)
    made = commune.decisions.issue(number="05/QĐ-UBND", decided_on="24/11/2026", award_code="LDTT",
                                   nomination_ids=[ids[HOA]])
    chosen = [ids[HOA], ids[LAN]]
    assert not commune.nominations.evaluate(ids[LAN], TODAY, store=False).eligible
    assert commune.decisions.reissue_overrides_needed(made.id, decided_on="25/11/2026", nomination_ids=chosen) == []
    fixed = commune.decisions.reissue(made.id, number="05/QĐ-UBND", decided_on="25/11/2026",
                                      nomination_ids=chosen, reason="Bổ sung người được khen")
    assert {r.nominee_name for r in fixed.recipients} == {HOA, LAN}
    [entry] = _reissue_audits(commune)
    assert entry["override_reasons"] == {ids[LAN]: CHECKED}  # the reason it went in on: the council's
