"""Correcting (re-issuing) a commune decision already issued (issue 14): one transaction that fixes
its number, date or signer and its recipients, keeps each award history in step, puts a removed
recipient's nomination back for another decision, and leaves the reason in the audit log. Real
SQLite offices."""

from __future__ import annotations

from datetime import date

import pytest
from sqlalchemy import select

from thidua_desktop.bootstrap import App
from thidua_desktop.db.models import AuditEntry, AwardHistory, DecisionRecipient
from thidua_desktop.domain.errors import DomainError
from thidua_desktop.services.changes import Change
from thidua_desktop.services.council import BallotInput
from thidua_desktop.services.decisions import DecisionService
from thidua_desktop.services.nominations import NomineeDraft
from thidua_desktop.services.people import PersonInput
from thidua_desktop.services.records import Subject

TODAY = date(2026, 11, 25)
CHECKED = "Hội đồng đã xem xét hồ sơ tại cuộc họp"


def council_voted(app: App, names: list[str]) -> dict[str, str]:
    """Nominations for Lao động tiên tiến the council passed, by nominee name."""
    people = {}
    for name in names:
        person = app.people.create(PersonInput(name, "female", birth="1985", employment_start="01/03/2015"))
        app.records.set_rating(Subject(person_id=person.id), 2026, "excellent")
        people[name] = person.id
    batch = app.nominations.create_batch("Khen thưởng năm 2026", 2026)
    views = app.nominations.create_many(batch_id=batch.id, award_code="LDTT", as_of=TODAY,
                                        nominees=[NomineeDraft(pid, attested=["self_reliance_solidarity"])
                                                  for pid in people.values()])
    members = [app.council.add_member(f"Thành viên {i}") for i in range(5)]
    app.officials.add(role="chairman", full_name="Hoàng Văn Nam", term_start="01/07/2025")
    app.officials.add(role="vice_chairman", full_name="Đàm Ngọc Thu", term_start="01/07/2025")
    app.council.record_meeting(held_on="20/11/2026", present_member_ids=members, absent_member_ids=[],
                               ballots=[BallotInput(v.id, 5, 5, 5, CHECKED) for v in views])
    return {app.nominations.get(v.id).nominee_name: v.id for v in views}


def awards(app: App) -> list[tuple[str, str, date | None, bool]]:
    with app.db.reader() as session:
        rows = session.scalars(select(AwardHistory).where(AwardHistory.source == "decision")).all()
        return sorted((str(r.person_id), r.decision_number, r.decision_date, r.deleted) for r in rows)


def code_of(action) -> str:  # type: ignore[no-untyped-def]
    try:
        action()
    except DomainError as exc:
        return exc.code
    return "ok"


def test_a_corrected_decision_keeps_history_recipients_and_the_reason(commune: App) -> None:
    ids = council_voted(commune, ["Nông Thị Hoa", "Lý Thị Lan", "Hoàng Thị Mai"])
    hoa, lan, mai = ids["Nông Thị Hoa"], ids["Lý Thị Lan"], ids["Hoàng Thị Mai"]
    decisions = commune.decisions
    first = decisions.issue(number="05/QĐ-UBND", decided_on="24/11/2026", award_code="LDTT",
                            nomination_ids=[hoa, lan])
    other = decisions.issue(number="06/QĐ-UBND", decided_on="24/11/2026", award_code="LDTT",
                            nomination_ids=[mai])

    # Refused, nothing changed: no reason, a number another decision has, no recipient left.
    assert code_of(lambda: decisions.reissue(first.id, number="07/QĐ-UBND", decided_on="25/11/2026",
                                             nomination_ids=[hoa], reason=" ")) == "REASON_REQUIRED"
    assert code_of(lambda: decisions.reissue(first.id, number="06/QĐ-UBND", decided_on="25/11/2026",
                                             nomination_ids=[hoa], reason="Sai số")) == "DECISION_NUMBER_DUPLICATE"
    assert code_of(lambda: decisions.reissue(first.id, number="07/QĐ-UBND", decided_on="25/11/2026",
                                             nomination_ids=[], reason="Sai số")) == "REQUIRED"
    # Mai is in another decision already: not council-voted, not added.
    assert code_of(lambda: decisions.reissue(first.id, number="07/QĐ-UBND", decided_on="25/11/2026",
                                             nomination_ids=[hoa, mai], reason="Sai số")) \
        == "NOMINATION_NOT_COUNCIL_VOTED"
    assert decisions.get(first.id).number == "05/QĐ-UBND"

    fixed = decisions.reissue(first.id, number="07/QĐ-UBND", decided_on="25/11/2026", nomination_ids=[hoa],
                              reason="Đính chính số quyết định và bỏ tên trùng", signer_title="PHÓ CHỦ TỊCH")
    assert (fixed.id, fixed.number, fixed.decided_on) == (first.id, "07/QĐ-UBND", date(2026, 11, 25))
    assert (fixed.signer_title, fixed.signer_name) == ("PHÓ CHỦ TỊCH", "Đàm Ngọc Thu")
    assert [r.nomination_id for r in fixed.recipients] == [hoa]
    assert decisions.page()[1] == 2  # corrected in place, not a second decision

    # Hoa's award now says the new number and date; Lan's left her history; Mai's is untouched.
    person_of = {n: commune.nominations.get(i).person_id for n, i in ids.items()}
    assert awards(commune) == sorted([
        (person_of["Nông Thị Hoa"], "07/QĐ-UBND", date(2026, 11, 25), False),
        (person_of["Lý Thị Lan"], "05/QĐ-UBND", date(2026, 11, 24), True),
        (person_of["Hoàng Thị Mai"], "06/QĐ-UBND", date(2026, 11, 24), False)])
    assert commune.nominations.get(lan).status == "council_voted"  # waits for another decision
    assert "05/QĐ-UBND" in commune.nominations.history(lan)[-1]["reason"]
    assert commune.nominations.get(hoa).status == "decided"
    with commune.db.reader() as session:
        live = session.scalars(select(DecisionRecipient.nomination_id).where(
            DecisionRecipient.decision_id == first.id, DecisionRecipient.deleted.is_(False))).all()
        entry = session.execute(select(AuditEntry.row_id, AuditEntry.actor, AuditEntry.old_values,
                                       AuditEntry.new_values).where(AuditEntry.action == "reissue")).one()
    assert live == [hoa]
    assert entry.row_id == first.id and entry.actor == commune.actor
    assert entry.old_values["number"] == "05/QĐ-UBND"
    assert entry.new_values["reason"] == "Đính chính số quyết định và bỏ tên trùng"

    # Lan goes into the other decision by correcting that one too.
    again = decisions.reissue(other.id, number="06/QĐ-UBND", decided_on="24/11/2026", nomination_ids=[mai, lan],
                              reason="Bổ sung người được khen")
    assert sorted(r.nomination_id for r in again.recipients) == sorted([mai, lan])
    assert commune.nominations.get(lan).status == "decided"
    assert DecisionService.CHANGES == Change.DECISIONS | Change.NOMINATIONS | Change.RECORDS


def test_only_a_commune_decision_is_corrected_here(commune: App) -> None:
    assert code_of(lambda: commune.decisions.reissue("khong-co", number="1", decided_on="01/12/2026",
                                                     nomination_ids=["x"], reason="x")) == "NOT_FOUND"


@pytest.mark.parametrize("field", ["number"])
def test_a_blank_number_is_refused(commune: App, field: str) -> None:
    ids = council_voted(commune, ["Nông Thị Hoa"])
    made = commune.decisions.issue(number="05/QĐ-UBND", decided_on="24/11/2026", award_code="LDTT",
                                   nomination_ids=list(ids.values()))
    with pytest.raises(DomainError) as refused:
        commune.decisions.reissue(made.id, number="  ", decided_on="24/11/2026", nomination_ids=list(ids.values()),
                                  reason="x")
    assert refused.value.field == field
