"""Data of the achievement report (báo cáo thành tích) of one nomination: who the nominee is,
what the nomination says was achieved, the initiatives it relies on, the annual task ratings and
the awards already received."""

from __future__ import annotations

from datetime import date
from typing import Any

from ..db.models import Collective, Nomination, NominationBatch, Person
from ..db.repositories import print_reports as repo
from ..db.repositories import records as records_repo
from ..db.repositories.common import get_live
from ..db.repositories.people import member_counts
from ..db.repositories.printing import village_names
from ..domain.errors import NotFoundError
from ..domain.ethnicity import ethnic_group_by_code
from ..reports import achievement_report as report
from ..reports.achievement_report import AwardLine, InitiativeLine, RatingLine, ReportData
from .print_context import PrintContext
from .print_households import nominee_name


def _award_kind(ctx: PrintContext, code: str) -> str:
    try:
        return ctx.catalog.award(code).kind.value
    except NotFoundError:
        return ""


def _history(ctx: PrintContext, n: Nomination, year: int) -> tuple[tuple[RatingLine, ...], tuple[AwardLine, ...]]:
    """Ratings and awards up to the nomination's year. The award this nomination itself won (once
    decided) is left out: the report lists what came before, and a paper copy printed before the
    decision still verifies after it."""
    s = ctx.session
    ratings = tuple(RatingLine(r.year, r.rating, r.source_document)
                    for r in records_repo.ratings(s, n.person_id, n.collective_id) if r.year <= year)
    own = repo.own_decision_numbers(s, n.id)
    order = {a.code: i for i, a in enumerate(ctx.catalog.awards)}
    awards = sorted((a for a in records_repo.awards(s, n.person_id, n.collective_id)
                     if a.year <= year and (a.award_code, a.decision_number) not in own),
                    key=lambda a: (a.year, a.decision_date or date.min, order.get(a.award_code, len(order)), a.id))
    lines = tuple(AwardLine(a.year, a.period_from, a.period_to, a.title or ctx.award_name(a.award_code),
                            a.award_kind, a.decision_number, a.decision_date, a.issuing_level, a.issuer)
                  for a in awards)
    return ratings, lines


def _initiatives(ctx: PrintContext, n: Nomination) -> tuple[InitiativeLine, ...]:
    return tuple(InitiativeLine(i.title, i.level, i.year, i.decision_number, i.decision_date, i.effect, i.scope)
                 for i in repo.nomination_initiatives(ctx.session, n))


def _person_name(ctx: PrintContext, person_id: str | None) -> str:
    person = ctx.session.get(Person, person_id) if person_id else None
    return person.full_name if person is not None and not person.deleted else ""


def gather_report(ctx: PrintContext, nomination_id: str) -> ReportData:
    s = ctx.session
    n = get_live(s, Nomination, nomination_id, field="nomination_id")
    year = get_live(s, NominationBatch, n.batch_id, field="batch_id").year
    villages = ctx.memo.get(("village_names", ""))
    if villages is None:  # read once per print context: a batch has hundreds of reports
        villages = ctx.memo[("village_names", "")] = village_names(s)
    ratings, awards = _history(ctx, n, year)
    common: dict[str, Any] = {
        "nomination_id": n.id, "year": year, "award_code": n.award_code,
        "award_name": ctx.award_name(n.award_code), "award_kind": _award_kind(ctx, n.award_code),
        "commendation_kind": n.commendation_kind, "summary": n.achievement_summary,
        "initiatives": _initiatives(ctx, n), "ratings": ratings, "awards": awards}
    if n.person_id:
        p = get_live(s, Person, n.person_id, field="person")
        group = ethnic_group_by_code(p.ethnicity_code) if p.ethnicity_code else None
        return ReportData(subject=report.INDIVIDUAL, name=p.full_name, gender=p.gender, birth_date=p.birth_date,
                          birth_year=p.birth_year, ethnicity=group.name if group else "", position=p.position,
                          workplace=p.workplace, village=villages.get(p.village_id or "", ""), address=p.address,
                          hometown=p.hometown, qualification=p.qualification, political_theory=p.political_theory,
                          academic_title=p.academic_title, duties=p.duties, **common)
    c = get_live(s, Collective, n.collective_id, field="collective")
    parent = s.get(Collective, c.parent_id) if c.parent_id else None
    return ReportData(subject=report.HOUSEHOLD if c.kind == "household" else report.COLLECTIVE,
                      name=nominee_name(ctx, c),
                      village=villages.get(c.village_id or "", ""), address=c.address, collective_kind=c.kind,
                      parent_unit=parent.name if parent is not None and not parent.deleted else "",
                      head_name=_person_name(ctx, c.head_person_id),
                      member_count=c.member_count or member_counts(s, [c.id]).get(c.id),
                      women_count=c.women_count, **common)

