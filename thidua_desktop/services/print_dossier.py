"""Data of the batch-level dossier documents: the submission (tờ trình), the nominee list and the
public list posted at the commune office."""

from __future__ import annotations

from datetime import date

from ..db.models import Nomination, NominationBatch
from ..db.repositories import printing as repo
from ..db.repositories import reviews as reviews_repo
from ..db.repositories.common import get_live
from ..domain.enums import in_dossier
from ..domain.errors import StateError
from ..domain.ethnicity import ethnic_group_by_code
from ..domain.text import collation_string

# BatchDossier lives with the other report data (reports/model.py): a batch's documents are
# rendered in worker processes that unpickle it without importing the database layer.
from ..reports.model import BatchDossier, NomineeRow
from .print_context import PrintContext
from .print_households import nominee_name

COMMUNE, PROVINCE = "commune", "province"


def nominee_rows(ctx: PrintContext, batch_id: str) -> list[NomineeRow]:
    """The batch's nominees that belong in its dossier (passed by the council, not yet decided: see
    ``domain.enums.IN_DOSSIER``), in catalog order of awards, collectives first, then names sorted
    the Vietnamese way (given name, middle, family). Worked out once per print context: listing
    a batch's documents asks four times and its submission, list and public notice once each."""
    key = ("nominee_rows", batch_id)
    if key not in ctx.memo:
        ctx.memo[key] = tuple(_nominee_rows(ctx, batch_id))
    return list(ctx.memo[key])


def _nominee_rows(ctx: PrintContext, batch_id: str) -> list[NomineeRow]:
    s = ctx.session
    every = repo.batch_nominations(s, batch_id)
    reviews = reviews_repo.latest_reviews(s, [n.id for n in every])
    # The status as the office sees it: a province's verdict (returned, rejected) counts.
    noms = [n for n in every if in_dossier(reviews_repo.effective_state(n, reviews.get(n.id)).status)]
    people = repo.people_by_id(s, {n.person_id for n in noms if n.person_id})
    collectives = repo.collectives_by_id(s, {n.collective_id for n in noms if n.collective_id})
    # Held for the context: the session only keeps loaded records while something refers to them,
    # and each dossier's gatherer then finds its nomination and nominee without a query.
    ctx.memo[("loaded", batch_id)] = (every, people, collectives)
    villages = repo.village_names(s)
    order = {a.code: i for i, a in enumerate(ctx.catalog.awards)}
    rows: list[tuple[tuple[int, int, str], NomineeRow]] = []
    for n in noms:
        commune_grants = _commune_grants(ctx, n.award_code)
        if n.person_id and n.person_id in people:
            p = people[n.person_id]
            group = ethnic_group_by_code(p.ethnicity_code) if p.ethnicity_code else None
            unit = p.workplace or villages.get(p.village_id or "", "")
            row = NomineeRow(n.id, p.full_name, False, p.gender, p.birth_year or (p.birth_date.year if p.birth_date
                             else None), group.name if group else "", p.position, unit, n.award_code,
                             ctx.award_name(n.award_code), n.achievement_summary, n.status, commune_grants,
                             nominee_id=p.id)
            key = (order.get(n.award_code, 999), 1, p.sort_key)
        elif n.collective_id and n.collective_id in collectives:
            c = collectives[n.collective_id]
            unit = villages.get(c.village_id or "", "") or c.address
            row = NomineeRow(n.id, nominee_name(ctx, c), True, "", None, "", "", unit, n.award_code,
                             ctx.award_name(n.award_code), n.achievement_summary, n.status, commune_grants,
                             is_household=c.kind == "household", nominee_id=c.id)
            key = (order.get(n.award_code, 999), 0, c.sort_key or collation_string(c.name))
        else:
            continue
        rows.append((key, row))
    return [r for _, r in sorted(rows, key=lambda item: item[0])]


def _commune_grants(ctx: PrintContext, code: str) -> bool:
    try:
        return ctx.catalog.award(code).commune_grants
    except Exception:
        return False


def _split_target(target: str) -> tuple[str, str]:
    """"<batch id>:province" asks for one level's submission; a bare id lets the data decide."""
    batch_id, _, level = target.partition(":")
    return batch_id, level if level in (COMMUNE, PROVINCE) else ""


def _level(ctx: PrintContext, rows: list[NomineeRow], wanted: str) -> str:
    wanted = wanted or str(ctx.options.get("level") or "")
    if wanted in (COMMUNE, PROVINCE):
        return wanted
    return PROVINCE if any(not r.commune_grants for r in rows) else COMMUNE


def _meeting_date(ctx: PrintContext, batch_id: str) -> date | None:
    meetings = repo.latest_meeting_of_batch(ctx.session, batch_id)
    return meetings.held_on if meetings else None


def gather_batch(ctx: PrintContext, target: str) -> BatchDossier:
    batch_id, wanted = _split_target(target)
    batch = get_live(ctx.session, NominationBatch, batch_id, field="batch_id")
    rows = nominee_rows(ctx, batch.id)
    level = _level(ctx, rows, wanted)
    chosen = tuple(r for r in rows if r.commune_grants == (level == COMMUNE))
    if not chosen:  # never a tờ trình of nobody, nor one of the other level's nominees
        raise StateError("DOSSIER_EMPTY", field="batch", batch=batch.name, level=level)
    authority = "on_behalf_of_council" if level == COMMUNE else "on_behalf_of_committee"
    signer = ctx.chairman_signer(authority)
    return BatchDossier(batch.id, batch.name, batch.year, level, _meeting_date(ctx, batch.id), chosen,
                        signer, str(ctx.options.get("number") or ""))


def gather_public(ctx: PrintContext, batch_id: str) -> BatchDossier:
    """Everyone the council proposes in the batch, whoever decides: the law asks for publicity of all."""
    batch = get_live(ctx.session, NominationBatch, batch_id, field="batch_id")
    rows = nominee_rows(ctx, batch.id)
    if not rows:
        raise StateError("DOSSIER_EMPTY", field="batch", batch=batch.name, level="all")
    return BatchDossier(batch.id, batch.name, batch.year, "all", _meeting_date(ctx, batch.id), tuple(rows),
                        ctx.chairman_signer(), str(ctx.options.get("number") or ""),
                        tuple(repo.village_kinds(ctx.session)))


def levels_in_batch(ctx: PrintContext, batch_id: str) -> list[str]:
    return [batch_id] if nominee_rows(ctx, batch_id) else []


def submission_targets(ctx: PrintContext, batch_id: str) -> list[str]:
    """One submission per deciding level present: the chairman's own awards and the province's."""
    rows = nominee_rows(ctx, batch_id)
    levels = sorted({COMMUNE if r.commune_grants else PROVINCE for r in rows})
    return [f"{batch_id}:{level}" for level in levels]


def nomination_ids_in_batch(ctx: PrintContext, batch_id: str) -> list[str]:
    return [r.nomination_id for r in nominee_rows(ctx, batch_id)]


def nominations_of_batch(ctx: PrintContext, batch_id: str) -> list[Nomination]:
    return list(repo.batch_nominations(ctx.session, batch_id))

