"""The commune's Hội đồng Thi đua - Khen thưởng: members, meetings and ballots per nominee."""

from __future__ import annotations

import dataclasses
import re
from collections import Counter
from dataclasses import dataclass
from datetime import date

from ..db import Session
from ..db.models import CouncilBallot, CouncilMeeting, CouncilMember, Nomination, NominationBatch
from ..db.repositories import council as council_repo
from ..db.repositories import nominations as repo
from ..db.repositories.common import count, get_live, page
from ..domain.enums import NominationStatus
from ..domain.errors import StateError, ValidationError
from ..domain.text import clean_text
from ..domain.validation import parse_date, require
from ..rules import vote_result
from .base import ServiceBase
from .changes import Change
from .nominations import NominationService


@dataclass(frozen=True)
class BallotInput:
    nomination_id: str
    ballots_issued: int
    ballots_valid: int
    votes_for: int
    override_reason: str = ""  # why the council votes although the eligibility check is not met


@dataclass(frozen=True)
class BallotResult:
    nomination_id: str
    votes_for: int
    pct_of_all: float
    pct_of_present: float | None  # None when nobody was present (rules.batch.vote_result)
    threshold_pct: float
    passed: bool


@dataclass(frozen=True)
class MeetingView:
    id: str
    held_on: date
    batch_id: str | None
    batch_name: str
    members_total: int
    members_present: int
    ballots: int
    passed: int
    notes: str
    # Absent members' written votes: {member id: [nomination ids the member agreed to]}; a member
    # missing from it sent no written vote, an empty list agreed to no one.
    written_votes: dict[str, list[str]] = dataclasses.field(default_factory=dict)
    started_at: str = ""  # "08:30"; "" when not recorded
    secretary_member_id: str | None = None


@dataclass(frozen=True)
class BallotView:
    nomination_id: str
    nominee_name: str
    award_code: str
    award_name: str
    ballots_issued: int
    ballots_valid: int
    votes_for: int
    pct_of_all: float
    pct_of_present: float
    threshold_pct: float
    passed: bool


ROLES = ("chair", "vice_chair", "member", "secretary")
_TIME = re.compile(r"^\s*(\d{1,2})\s*[:hgH.]\s*(\d{1,2})\s*(?:p|ph|phút)?\s*$")


def parse_start_time(text: str | None) -> str:
    """"8:30", "08:30", "8h30", "8g30" → "08:30"; "" stays "" (not recorded); anything else is refused."""
    value = clean_text(text or "")
    if not value:
        return ""
    match = _TIME.match(value)
    if match is None or not (0 <= int(match[1]) <= 23 and 0 <= int(match[2]) <= 59):
        raise ValidationError("MEETING_TIME_INVALID", field="started_at", value=value)
    return f"{int(match[1]):02d}:{int(match[2]):02d}"


class CouncilService(ServiceBase):
    def add_member(self, full_name: str, council_role: str = "member", position: str = "") -> str:
        name = clean_text(full_name)
        require(name, "full_name")
        if council_role not in ROLES:
            raise ValidationError("ENUM_INVALID", field="council_role", value=council_role, allowed=list(ROLES))
        with self.db.transaction(self.actor) as session:
            row = CouncilMember(full_name=name, council_role=council_role, position=clean_text(position))
            session.add(row)
            session.flush()
            return row.id

    def members(self) -> list[dict[str, str]]:
        with self.db.reader() as session:
            rows = council_repo.active_members(session)
            return [{"id": m.id, "full_name": m.full_name, "council_role": m.council_role,
                     "position": m.position} for m in rows]

    def remove_member(self, member_id: str) -> Change:
        """A member leaves the council; past meetings keep counting them."""
        return self.remove_members([member_id])

    def remove_members(self, member_ids: list[str]) -> Change:
        """Members leave the council together, in one transaction: one that is gone already
        (removed meanwhile) leaves the others in place too."""
        with self.db.transaction(self.actor) as session:
            for member_id in member_ids:
                get_live(session, CouncilMember, member_id, field="members").active = False
        return Change.COUNCIL

    def preview_vote(self, award_code: str, members_total: int, members_present: int,
                     votes_for: int) -> BallotResult:
        """Live result for the meeting grid, computed as ``record_meeting`` will (nothing is saved)."""
        award = self.catalog.award(award_code)
        threshold = self.threshold_for(award.code)
        outcome = vote_result(award.vote, members_total, members_present, votes_for, threshold_override=threshold)
        return BallotResult("", votes_for, outcome.pct_of_all, outcome.pct_of_present or 0.0,
                            outcome.threshold_pct, outcome.passed)

    def meetings(self, *, offset: int = 0, limit: int = 100) -> tuple[list[MeetingView], int]:
        """Past meetings, newest first, one page at a time."""
        stmt = repo.meetings_query()
        with self.db.reader() as session:
            out = []
            for m in page(session, stmt, offset, limit):
                batch = session.get(NominationBatch, m.batch_id) if m.batch_id else None
                recorded, passed = repo.ballot_counts(session, m.id)
                out.append(MeetingView(m.id, m.held_on, m.batch_id, batch.name if batch else "", m.members_total,
                                       m.members_present, recorded, passed, m.notes,
                                       stored_written_votes(m.written_votes), m.started_at or "",
                                       m.secretary_member_id))
            return out, count(session, stmt)

    def meeting_ballots(self, meeting_id: str) -> list[BallotView]:
        """The votes per nominee at one meeting."""
        nominations = NominationService(self.db, self.actor, self.catalog)
        with self.db.reader() as session:
            get_live(session, CouncilMeeting, meeting_id, field="meeting")
            out = []
            for b in repo.ballots(session, meeting_id):
                view = nominations._view(session, get_live(session, Nomination, b.nomination_id))
                out.append(BallotView(b.nomination_id, view.nominee_name, view.award_code, view.award_name,
                                      b.ballots_issued, b.ballots_valid, b.votes_for, b.pct_of_all,
                                      b.pct_of_present, b.threshold_pct, b.passed))
            return sorted(out, key=lambda v: (v.award_code, v.nominee_name))

    @staticmethod
    def _default_secretary(session: Session) -> str | None:
        row = council_repo.first_active_secretary(session)
        return row.id if row is not None else None

    def default_secretary_id(self) -> str | None:
        """The active member whose council role is secretary (the meeting form's default)."""
        with self.db.reader() as session:
            return self._default_secretary(session)

    def threshold_for(self, award_code: str) -> float:
        """The vote threshold as the office applies it: the catalog's, or the office's own value
        where the catalog allows one (set on the Settings screen, audited)."""
        vote = self.catalog.award(award_code).vote
        return float(vote.threshold_pct) if vote else 50.0

    def record_meeting(self, *, held_on: str, present_member_ids: list[str], absent_member_ids: list[str],
                       ballots: list[BallotInput], batch_id: str | None = None,
                       notes: str = "", written_votes: dict[str, list[str]] | None = None,
                       started_at: str = "", secretary_member_id: str | None = None) -> list[BallotResult]:
        """Record a meeting and its ballots in one transaction; passing draft nominees become council_voted.

        ``written_votes`` holds the absent members' written votes (phiếu biểu quyết bằng văn bản):
        {absent member id: [ids of the nominations, balloted at this meeting, the member agreed to]}.
        Each agreement is one of its nominee's ``votes_for``, so a nominee never has more of them.

        ``started_at`` is the start time ("08:30"; "" when not known); ``secretary_member_id`` who
        took the minutes, by default the active member whose council role is secretary."""
        day = parse_date(held_on, "held_on")
        start = parse_start_time(started_at)
        if not present_member_ids:
            raise ValidationError("REQUIRED", field="present_members")
        if set(present_member_ids) & set(absent_member_ids):
            raise ValidationError("MEMBER_BOTH_PRESENT_AND_ABSENT", field="absent_members")
        written = checked_written_votes(written_votes or {}, absent_member_ids, ballots)
        agreements = Counter(nomination_id for ids in written.values() for nomination_id in ids)
        total = len(present_member_ids) + len(absent_member_ids)
        present = len(present_member_ids)
        results: list[BallotResult] = []
        nominations = NominationService(self.db, self.actor, self.catalog)
        with self.db.transaction(self.actor) as session:
            for member_id in [*present_member_ids, *absent_member_ids]:
                get_live(session, CouncilMember, member_id, field="members")
            if batch_id:
                get_live(session, NominationBatch, batch_id, field="batch")
            if secretary_member_id:
                secretary: str | None = get_live(session, CouncilMember, secretary_member_id, field="secretary").id
                if secretary not in present_member_ids:  # an absent member cannot keep the minutes
                    raise ValidationError("MEETING_SECRETARY_NOT_PRESENT", field="secretary")
            else:
                secretary = self._default_secretary(session)
                secretary = secretary if secretary in present_member_ids else None
            meeting = CouncilMeeting(batch_id=batch_id, held_on=day, members_total=total, members_present=present,
                                     present_member_ids=list(present_member_ids),
                                     absent_member_ids=list(absent_member_ids), written_votes=written,
                                     notes=clean_text(notes), started_at=start,
                                     secretary_member_id=secretary)
            session.add(meeting)
            session.flush()
            for index, ballot in enumerate(ballots, start=1):
                field = f"ballots[{index}]"
                if not 0 <= ballot.ballots_valid <= ballot.ballots_issued <= total:
                    raise ValidationError("BALLOT_COUNTS_INCONSISTENT", field=field)
                if not 0 <= ballot.votes_for <= ballot.ballots_valid:
                    raise ValidationError("BALLOT_COUNTS_INCONSISTENT", field=field)
                if agreements[ballot.nomination_id] > ballot.votes_for:  # written agreements are votes for
                    raise ValidationError("BALLOT_COUNTS_INCONSISTENT", field=f"{field}.votes_for",
                                          written=agreements[ballot.nomination_id], votes_for=ballot.votes_for)
                nomination = get_live(session, Nomination, ballot.nomination_id, field=field)
                if nomination.status != NominationStatus.DRAFT.value:
                    raise StateError("NOMINATION_NOT_DRAFT", field=field, status=nomination.status)
                override = nominations.check_before_step(
                    session, nomination, day, ballot.override_reason, f"{field}.override_reason",
                    nominations._view(session, nomination).nominee_name)
                threshold = self.threshold_for(nomination.award_code)
                vote = self.catalog.award(nomination.award_code).vote
                outcome = vote_result(vote, total, present, ballot.votes_for, threshold_override=threshold)
                session.add(CouncilBallot(meeting_id=meeting.id, nomination_id=nomination.id,
                                          ballots_issued=ballot.ballots_issued, ballots_valid=ballot.ballots_valid,
                                          votes_for=ballot.votes_for, threshold_pct=outcome.threshold_pct,
                                          pct_of_all=outcome.pct_of_all, pct_of_present=outcome.pct_of_present,
                                          passed=outcome.passed, override_reason=override))
                if outcome.passed:
                    nominations.transition(nomination.id, NominationStatus.COUNCIL_VOTED.value,
                                           session=session)
                results.append(BallotResult(nomination.id, ballot.votes_for, outcome.pct_of_all,
                                            outcome.pct_of_present, outcome.threshold_pct, outcome.passed))
            return results


def checked_written_votes(written_votes: dict[str, list[str]], absent_member_ids: list[str],
                          ballots: list[BallotInput]) -> dict[str, list[str]]:
    """The written votes as stored: only absent members, only nominees balloted at the meeting,
    each nominee once per member (in the order given)."""
    absent = set(absent_member_ids)
    balloted = {b.nomination_id for b in ballots}
    out: dict[str, list[str]] = {}
    for member_id, agreed in written_votes.items():
        if member_id not in absent:
            raise ValidationError("WRITTEN_VOTE_NOT_ABSENT", field="written_votes", member_id=str(member_id))
        if isinstance(agreed, str) or not isinstance(agreed, list | tuple):
            raise ValidationError("WRITTEN_VOTE_UNKNOWN_NOMINEE", field="written_votes", member_id=member_id)
        ids: list[str] = []
        for nomination_id in agreed:
            if nomination_id not in balloted:
                raise ValidationError("WRITTEN_VOTE_UNKNOWN_NOMINEE", field="written_votes", member_id=member_id,
                                      nomination_id=str(nomination_id))
            if nomination_id not in ids:
                ids.append(nomination_id)
        out[member_id] = ids
    return out


def stored_written_votes(value: object) -> dict[str, list[str]]:
    """The stored JSON read defensively: a damaged value shows as no written vote, never a crash."""
    if not isinstance(value, dict):
        return {}
    return {str(k): [str(x) for x in v] for k, v in value.items() if isinstance(v, list | tuple)}
