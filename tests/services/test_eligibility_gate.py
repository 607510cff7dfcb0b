"""The council and the decision refuse a nominee the app's own check does not find eligible (or
cannot conclude on), unless the officer writes why; the reason is kept and printed in the minutes."""

from __future__ import annotations

import io
import unicodedata
from datetime import date

import pytest
from office_db import dump_office
from pypdf import PdfReader

from thidua_desktop.db.models import Nomination
from thidua_desktop.domain.errors import DomainError
from thidua_desktop.messages import render
from thidua_desktop.services.council import BallotInput

REASON = "Thành tích cứu người trong lũ đã được Hội đồng xác minh trực tiếp"


@pytest.fixture
def office(commune, load_demo):  # type: ignore[no-untyped-def]
    load_demo(commune, seed=2026, people=60, today=date(2026, 11, 25))
    return commune


def _dump(app) -> list[str]:  # type: ignore[no-untyped-def]
    return dump_office(app)


def _unfit_draft(office):  # type: ignore[no-untyped-def]
    batch = office.nominations.batches()[0]
    drafts = [n for n in office.nominations.list("draft", batch_id=batch.id)
              if n.eligibility_outcome in ("not_eligible", "incomplete") and n.award_code == "LDTT"]
    assert drafts, "the demo keeps drafts the app does not find eligible"
    return batch, drafts[0]


def _members(office) -> list[str]:  # type: ignore[no-untyped-def]
    return [m["id"] for m in office.council.members()]


def test_the_council_refuses_an_unfit_nominee_without_a_reason(office) -> None:  # type: ignore[no-untyped-def]
    batch, draft = _unfit_draft(office)
    members = _members(office)
    before = _dump(office)
    with pytest.raises(DomainError) as caught:
        office.council.record_meeting(held_on="25/11/2026", present_member_ids=members, absent_member_ids=[],
                                      batch_id=batch.id, ballots=[BallotInput(draft.id, 7, 7, 7, "   ")])
    assert caught.value.code == "NOMINATION_NOT_ELIGIBLE" and caught.value.field == "ballots[1].override_reason"
    message = render(caught.value)
    assert draft.nominee_name in message and "dòng 1 của bảng bỏ phiếu, Lý do vẫn xét" in message
    assert _dump(office) == before  # one action, one transaction: nothing of the meeting was kept


def test_with_a_reason_the_vote_is_recorded_and_the_minutes_say_why(office) -> None:  # type: ignore[no-untyped-def]
    batch, draft = _unfit_draft(office)
    members = _members(office)
    [result] = office.council.record_meeting(
        held_on="25/11/2026", present_member_ids=members, absent_member_ids=[], batch_id=batch.id,
        ballots=[BallotInput(draft.id, len(members), len(members), len(members), REASON)])
    assert result.passed and office.nominations.get(draft.id).status == "council_voted"
    meeting = office.council.meetings()[0][0]
    reader = PdfReader(io.BytesIO(office.printing.render("minutes", meeting.id).pdf))
    text = unicodedata.normalize("NFC", " ".join(" ".join(p.extract_text() or "" for p in reader.pages).split()))
    assert f"Đối với trường hợp {draft.nominee_name}" in text and REASON in text
    # The chairman's decision follows the council's reasoned vote, and the history keeps the reason.
    view = office.decisions.issue(number="90/QĐ-UBND", decided_on="26/11/2026",
                                  award_code="LDTT", nomination_ids=[draft.id])
    assert [r.nomination_id for r in view.recipients] == [draft.id]
    assert office.nominations.get(draft.id).status == "decided"
    history = office.nominations.history(draft.id)
    assert any(h["to"] == "decided" and h["reason"] == REASON for h in history)


def test_the_decision_refuses_an_unfit_nominee_unless_the_chairman_says_why(office) -> None:  # type: ignore[no-untyped-def]
    _batch, draft = _unfit_draft(office)
    with office.db.transaction("test") as session:  # passed by an older council, before the check existed
        session.get(Nomination, draft.id).status = "council_voted"
    before = _dump(office)
    with pytest.raises(DomainError) as caught:
        office.decisions.issue(number="91/QĐ-UBND", decided_on="26/11/2026",
                               award_code="LDTT", nomination_ids=[draft.id])
    assert caught.value.code == "NOMINATION_NOT_ELIGIBLE" and caught.value.field == "recipients[1]"
    assert _dump(office) == before
    office.decisions.issue(number="91/QĐ-UBND", decided_on="26/11/2026",
                           award_code="LDTT", nomination_ids=[draft.id], overrides={draft.id: REASON})
    assert office.nominations.get(draft.id).status == "decided"
