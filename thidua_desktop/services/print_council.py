"""Data of the council's papers: the minutes of a meeting and its secret-vote ballots.

Both are about one meeting (target "meeting"). The minutes print the counts the meeting
recorded; the ballots list the nominees who had a ballot at that meeting or, for a meeting not
voted yet, the batch's nominations still waiting for the council."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date

from ..db.models import CouncilMeeting, CouncilMember, Nomination, NominationBatch
from ..db.repositories import print_council as repo
from ..db.repositories.common import get_live
from ..db.repositories.printing import collectives_by_id, people_by_id, village_names
from ..domain.enums import NominationStatus
from ..domain.errors import NotFoundError
from ..domain.positions import position_with_unit
from ..domain.text import collation_string, name_sort_string
from ..reports import council_papers
from ..reports.council_papers import BallotLine, BallotPaper, Candidate, CouncilMinutes, MemberLine
from ..rules.definitions import VoteComparison
from .officials import (
    CHAIRMAN,
    COUNCIL_CHAIR,
    COUNCIL_VICE_CHAIR,
    SECRETARY,
    VICE_CHAIRMAN,
    holder_in,
    missing,
    require_holder,
)
from .print_context import PrintContext
from .print_households import nominee_name

# Nominations a council may still vote on when a meeting has no ballots recorded yet.
AWAITING_COUNCIL = (NominationStatus.DRAFT.value, NominationStatus.COUNCIL_VOTED.value)


def _candidates(ctx: PrintContext, nominations: Iterable[Nomination]) -> dict[str, Candidate]:
    """Candidates by nomination id, in print order: the catalog's order of awards, collectives
    first, then names sorted the Vietnamese way (given name, middle, family)."""
    noms = list(nominations)
    s = ctx.session
    people = people_by_id(s, {n.person_id for n in noms if n.person_id})
    collectives = collectives_by_id(s, {n.collective_id for n in noms if n.collective_id})
    villages = village_names(s)
    order = {a.code: i for i, a in enumerate(ctx.catalog.awards)}
    keyed: list[tuple[tuple[int, int, str, str], Candidate]] = []
    for n in noms:
        award_name = ctx.award_name(n.award_code)
        if n.person_id and n.person_id in people:
            p = people[n.person_id]
            unit = p.workplace or villages.get(p.village_id or "", "")
            where = position_with_unit(p.position, unit)
            item = Candidate(n.id, p.full_name, False, where, n.award_code, award_name)
            key = (order.get(n.award_code, 999), 1, p.sort_key or name_sort_string(p.full_name), n.id)
        elif n.collective_id and n.collective_id in collectives:
            c = collectives[n.collective_id]
            where = villages.get(c.village_id or "", "") or c.address
            item = Candidate(n.id, nominee_name(ctx, c), True, where, n.award_code, award_name)
            key = (order.get(n.award_code, 999), 0, c.sort_key or collation_string(c.name), n.id)
        else:
            continue
        keyed.append((key, item))
    return {c.nomination_id: c for _, c in sorted(keyed, key=lambda pair: pair[0])}


def _threshold_sign(ctx: PrintContext, award_code: str) -> str:
    try:
        vote = ctx.catalog.award(award_code).vote
    except NotFoundError:
        return "≥"
    return ">" if vote is not None and vote.comparison is VoteComparison.MORE_THAN else "≥"


def _batch(ctx: PrintContext, meeting: CouncilMeeting, nominations: Iterable[Nomination]) -> NominationBatch | None:
    """The meeting's batch, or the one batch all its nominees belong to when it named none."""
    batch_id = meeting.batch_id
    if not batch_id:
        ids = {n.batch_id for n in nominations}
        batch_id = ids.pop() if len(ids) == 1 else None
    batch = ctx.session.get(NominationBatch, batch_id) if batch_id else None
    return batch if batch is not None and not batch.deleted else None


def _member_line(m: CouncilMember, written: tuple[Candidate, ...] | None = None) -> MemberLine:
    return MemberLine(m.id, m.full_name, m.position, m.council_role, written)


def _ordered(ids: list[str], members: dict[str, CouncilMember]) -> list[CouncilMember]:
    """Chair, vice-chairs, members, secretary; within a role as the meeting listed them."""
    found = [members[i] for i in ids if i in members]
    rank = {role: index for index, role in enumerate(council_papers.ROLE_ORDER)}
    return sorted(found, key=lambda m: rank.get(m.council_role, len(rank)))


def _written_ids(value: object) -> list[str]:
    return [str(x) for x in value] if isinstance(value, list | tuple) else []


def gather_minutes(ctx: PrintContext, meeting_id: str) -> CouncilMinutes:
    s = ctx.session
    meeting = get_live(s, CouncilMeeting, meeting_id, field="meeting_id")
    ballots = repo.meeting_ballots(s, meeting.id)
    written: dict[str, object] = dict(meeting.written_votes or {})
    voted_ids = {b.nomination_id for b in ballots}
    nominations = repo.nominations_by_id(s, voted_ids | {i for v in written.values() for i in _written_ids(v)})
    candidates = _candidates(ctx, nominations.values())
    position = {nid: index for index, nid in enumerate(candidates)}
    results = [BallotLine(candidates[b.nomination_id], b.ballots_issued, b.ballots_valid, b.votes_for,
                          b.pct_of_all, b.pct_of_present, b.threshold_pct,
                          _threshold_sign(ctx, candidates[b.nomination_id].award_code), b.passed,
                          b.override_reason or "")
               for b in ballots if b.nomination_id in candidates]
    results.sort(key=lambda line: position[line.candidate.nomination_id])
    present_ids = [str(x) for x in meeting.present_member_ids or []]
    absent_ids = [str(x) for x in meeting.absent_member_ids or []]
    members = repo.members_by_id(s, [*present_ids, *absent_ids])
    present = [_member_line(m) for m in _ordered(present_ids, members)]
    absent = []
    for m in _ordered(absent_ids, members):
        vote = None
        if m.id in written:
            ids = set(_written_ids(written[m.id]))
            vote = tuple(c for nid, c in candidates.items() if nid in ids)
        absent.append(_member_line(m, vote))
    batch = _batch(ctx, meeting, [nominations[i] for i in voted_ids if i in nominations])
    return CouncilMinutes(meeting.id, meeting.held_on, batch.year if batch else meeting.held_on.year,
                          batch.name if batch else "", meeting.members_total, meeting.members_present,
                          tuple(present), tuple(absent), _chair(ctx, present, absent, meeting.held_on),
                          _meeting_secretary(ctx, meeting, present), meeting.notes or "", tuple(results),
                          str(ctx.options.get("number") or ""), meeting.started_at or "")


def _meeting_secretary(ctx: PrintContext, meeting: CouncilMeeting, present: list[MemberLine]) -> MemberLine | None:
    """Who the meeting recorded as its secretary; a meeting without one (recorded before the app
    kept it) falls back on the council's secretary present, then the office's setting."""
    if meeting.secretary_member_id:
        member = ctx.session.get(CouncilMember, meeting.secretary_member_id)
        if member is not None and not member.deleted:
            return _member_line(member)
    return _secretary(ctx, present, meeting.held_on)


def _chair(ctx: PrintContext, present: list[MemberLine], absent: list[MemberLine], on: date) -> MemberLine | None:
    """The council's chair in office on the meeting day presides (the commune chairman unless the
    office names another chair: Cài đặt → Lãnh đạo ký văn bản); when they are recorded absent, a
    vice-chair present does. Nobody in office: OFFICIAL_MISSING (printing stops).
    An office that keeps no officials: the chair present, else a vice-chair, else the chairman's
    name typed in its settings."""
    if ctx.officials_kept():
        chair = require_holder(ctx.session, COUNCIL_CHAIR, on, ctx.office.unit_name, CHAIRMAN)
        if not any(m.name == chair.full_name for m in absent):
            seat = next((m for m in present if m.name == chair.full_name), None)
            return MemberLine(seat.member_id if seat else "", chair.full_name,
                              seat.position if seat and seat.position else chair.title, "chair")
        deputy = next((m for m in present if m.role == "vice_chair"), None)
        if deputy is None:
            holder = holder_in(ctx.session, COUNCIL_VICE_CHAIR, on) or holder_in(ctx.session, VICE_CHAIRMAN, on)
            if holder is None:
                raise missing(COUNCIL_VICE_CHAIR, on, ctx.office.unit_name)
            deputy = MemberLine("", holder.full_name, holder.title, "vice_chair")
        return deputy
    for role in ("chair", "vice_chair"):
        for m in present:
            if m.role == role:
                return m
    name = ctx.settings.chairman_name
    return MemberLine("", name, "", "chair") if name else None


def _secretary(ctx: PrintContext, present: list[MemberLine], on: date) -> MemberLine | None:
    """The council's secretary in office on the meeting day (Cài đặt → Lãnh đạo ký văn bản), else
    the council's secretary if present, else whoever the office names as secretary. An absent
    secretary never signs: the line is left for the person who took the minutes."""
    holder = holder_in(ctx.session, SECRETARY, on) if ctx.officials_kept() else None
    if holder is not None:
        seat = next((m for m in present if m.name == holder.full_name), None)
        return MemberLine(seat.member_id if seat else "", holder.full_name,
                          seat.position if seat and seat.position else holder.title, "secretary")
    for m in present:
        if m.role == "secretary":
            return m
    name = ctx.settings.council_secretary_name
    return MemberLine("", name, "", "secretary") if name else None


def _ballot_nominations(ctx: PrintContext, meeting: CouncilMeeting) -> list[Nomination]:
    s = ctx.session
    voted = [b.nomination_id for b in repo.meeting_ballots(s, meeting.id)]
    if voted:
        return list(repo.nominations_by_id(s, voted).values())
    if meeting.batch_id:
        return list(repo.batch_candidates(s, meeting.batch_id, AWAITING_COUNCIL))
    return []


def gather_ballots(ctx: PrintContext, meeting_id: str) -> BallotPaper:
    meeting = get_live(ctx.session, CouncilMeeting, meeting_id, field="meeting_id")
    nominations = _ballot_nominations(ctx, meeting)
    candidates = _candidates(ctx, nominations)
    batch = _batch(ctx, meeting, nominations)
    return BallotPaper(meeting.id, meeting.held_on, batch.year if batch else meeting.held_on.year,
                       batch.name if batch else "", meeting.members_total, tuple(candidates.values()))


def meetings_in_batch(ctx: PrintContext, batch_id: str) -> list[str]:
    return repo.batch_meeting_ids(ctx.session, batch_id)


def ballot_meetings_in_batch(ctx: PrintContext, batch_id: str) -> list[str]:
    """The batch's meetings that have someone to vote on (a blank ballot is not worth printing)."""
    out = []
    for meeting_id in repo.batch_meeting_ids(ctx.session, batch_id):
        meeting = get_live(ctx.session, CouncilMeeting, meeting_id, field="meeting_id")
        if _ballot_nominations(ctx, meeting):
            out.append(meeting_id)
    return out

