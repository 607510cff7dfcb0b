"""Data of the movement results report (báo cáo kết quả phong trào): the movement, its indicators with
their results by kind (sum or latest value, domain/indicators.py), its activities and advanced
examples, and the awards given through its nomination batches: those opened for it
(NominationBatch.movement_id) and, for a regular movement, the unclaimed annual batches of its years."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from datetime import date

from ..db.models import AwardHistory, DecisionRecipient, Movement, Nomination, NominationBatch
from ..db.repositories import movements as movement_repo
from ..db.repositories import print_movement as repo
from ..db.repositories.common import get_live
from ..db.repositories.printing import collectives_by_id, people_by_id
from ..domain.enums import ExemplarStage, NominationStatus
from ..domain.text import clean_text, collation_string, name_sort_string
from ..reports.movement_report import (
    ActivityRow,
    AwardRow,
    ExemplarRow,
    GroupShares,
    IndicatorResult,
    MovementReport,
    ProposalRow,
)
from .movements import indicator_figures
from .print_context import PrintContext

# A nomination counts as awarded once the commune decided it or the province approved it.
AWARDED = frozenset({NominationStatus.DECIDED.value, NominationStatus.APPROVED.value})


@dataclass(frozen=True)
class _Subject:
    name: str
    is_collective: bool
    gender: str = ""
    minority: bool = False
    direct_worker: bool = False
    border_or_remote: bool = False


def _indicators(ctx: PrintContext, movement_id: str) -> tuple[IndicatorResult, ...]:
    inds = movement_repo.live_indicators(ctx.session, movement_id)
    figures = indicator_figures(ctx.session, inds)
    return tuple(IndicatorResult(i.name, i.unit, i.baseline, i.target, figures[i.id].result, i.kind, i.direction)
                 for i in inds)


def _activities(ctx: PrintContext, movement_id: str) -> tuple[ActivityRow, ...]:
    rows = []
    for a, village in repo.movement_activities(ctx.session, movement_id):
        place = ", ".join(x for x in (village or "", a.place) if x)
        rows.append(ActivityRow(a.held_on, place, a.description, a.participants_total, a.participants_women,
                                a.participants_minority))
    return tuple(rows)


def _exemplars(ctx: PrintContext, movement_id: str) -> tuple[ExemplarRow, ...]:
    found = repo.movement_exemplars(ctx.session, movement_id)
    history: dict[str, list[tuple[str, date]]] = {}
    for entry in movement_repo.stage_entries(ctx.session, [e.id for e, _p, _c in found]):
        history.setdefault(entry.exemplar_id, []).append((entry.stage, entry.entered_on))

    def rank(stage: str) -> int:
        try:
            return ExemplarStage(stage).rank
        except ValueError:
            return 99

    return tuple(ExemplarRow(e.title, person or collective or "", e.stage,
                             tuple(sorted(history.get(e.id, []), key=lambda item: rank(item[0]))))
                 for e, person, collective in found)


def _subjects(ctx: PrintContext, person_ids: set[str], collective_ids: set[str]) -> dict[str, _Subject]:
    """Name and the statistics groups of every subject, by id (services/statistics.py definitions:
    women by gender, minority and direct-worker flags, village on the border or remote)."""
    villages = repo.villages_by_id(ctx.session)
    out: dict[str, _Subject] = {}
    for pid, p in people_by_id(ctx.session, person_ids).items():
        village = villages.get(p.village_id or "")
        remote = bool(village and (village.is_border or village.is_remote))
        out[pid] = _Subject(p.full_name, False, p.gender, bool(p.is_ethnic_minority), bool(p.is_direct_worker),
                            remote)
    for cid, c in collectives_by_id(ctx.session, collective_ids).items():
        out[cid] = _Subject(c.name, True)
    return out


def _history_match(history: list[AwardHistory], nomination: Nomination, year: int) -> AwardHistory | None:
    """The award the register holds for an approved nomination: same subject, award and year."""
    for h in history:
        if (h.person_id == nomination.person_id and h.collective_id == nomination.collective_id
                and h.award_code == nomination.award_code and h.year == year):
            return h
    return None


def _awards(ctx: PrintContext, batches: list[NominationBatch]) -> tuple[list[ProposalRow], list[AwardRow],
                                                                          GroupShares]:
    s = ctx.session
    batch_ids = [b.id for b in batches]
    years = {b.id: b.year for b in batches}
    noms = list(repo.batches_nominations(s, batch_ids))
    recipients = repo.decision_recipients(s, [n.id for n in noms], batch_ids)
    awarded: list[Nomination | DecisionRecipient] = [*noms, *(r for r, _d in recipients)]
    person_ids = {x.person_id for x in awarded if x.person_id}
    collective_ids = {x.collective_id for x in awarded if x.collective_id}
    subjects = _subjects(ctx, person_ids, collective_ids)
    history = list(repo.award_history_of(s, person_ids, collective_ids))
    found: list[tuple[str, str, str, date | None, str]] = []  # subject id, award code, number, date, level
    decided_noms: set[str] = set()
    for recipient, decision in recipients:
        subject_id = recipient.person_id or recipient.collective_id or ""
        found.append((subject_id, decision.award_code, decision.number, decision.decided_on, decision.level))
        if recipient.nomination_id:
            decided_noms.add(recipient.nomination_id)
    for n in noms:
        if n.status in AWARDED and n.id not in decided_noms:
            match = _history_match(history, n, years.get(n.batch_id, 0))
            level = match.issuing_level if match else ("commune" if n.status == NominationStatus.DECIDED.value
                                                       else "province")
            found.append((n.person_id or n.collective_id or "", n.award_code,
                          match.decision_number if match else "", match.decision_date if match else None, level))
    order = {a.code: i for i, a in enumerate(ctx.catalog.awards)}
    awards: list[AwardRow] = []
    people = women = minority = direct = remote = collectives = 0
    for subject_id, code, number, day, level in found:
        who = subjects.get(subject_id)
        if who is None:
            continue
        awards.append(AwardRow(who.name, who.is_collective, ctx.award_name(code), number, day, level))
        if who.is_collective:
            collectives += 1
            continue
        people += 1
        women += who.gender == "female"
        minority += who.minority
        direct += who.direct_worker
        remote += who.border_or_remote
    awarded_codes = Counter(code for subject_id, code, *_rest in found if subject_id in subjects)
    proposed_codes = Counter(n.award_code for n in noms)
    proposals = [ProposalRow(ctx.award_name(code), proposed_codes[code], awarded_codes[code])
                 for code in sorted(set(proposed_codes) | set(awarded_codes), key=lambda c: (order.get(c, 999), c))]
    awards.sort(key=lambda a: (a.decided_on is None, a.decided_on or date.min, a.decision_number, a.award_name,
                               not a.is_collective,
                               collation_string(a.name) if a.is_collective else name_sort_string(a.name)))
    return proposals, awards, GroupShares(people, collectives, women, minority, direct, remote)


def gather_movement(ctx: PrintContext, movement_id: str) -> MovementReport:
    m = get_live(ctx.session, Movement, clean_text(movement_id), field="movement")
    batches = list(repo.movement_batches(ctx.session, m))
    proposals, awards, shares = _awards(ctx, batches)
    return MovementReport(
        movement_id=m.id, code=m.code, name=m.name, theme=m.theme, launch_level=m.launch_level,
        launch_doc_number=m.launch_doc_number, launch_doc_date=m.launch_doc_date, period_start=m.period_start,
        period_end=m.period_end, interim_review_date=m.interim_review_date, final_review_date=m.final_review_date,
        goals=tuple(m.goals or ()), criteria=tuple(m.criteria or ()), participants=tuple(m.participants or ()),
        indicators=_indicators(ctx, m.id), activities=_activities(ctx, m.id), exemplars=_exemplars(ctx, m.id),
        proposals=tuple(proposals), awards=tuple(awards), shares=shares,
        signer=ctx.chairman_signer("on_behalf_of_committee"), number=str(ctx.options.get("number") or ""))


def movement_of_batch(ctx: PrintContext, batch_id: str) -> list[str]:
    """The report of the movement a batch was opened for, printed with the batch."""
    batch = get_live(ctx.session, NominationBatch, batch_id, field="batch_id")
    if not batch.movement_id:
        return []
    movement = ctx.session.get(Movement, batch.movement_id)
    return [movement.id] if movement is not None and not movement.deleted else []

