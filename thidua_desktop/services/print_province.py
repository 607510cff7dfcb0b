"""Data of the provincial chairman's papers: the decision with its list of recipients, and the
certificates (Bằng khen, giấy chứng nhận), one page per recipient. Drawn by
reports/province_decision.py in the province's heading.

Recipients come from several communes: the list groups them as the commune's decision does
(collectives, households, then people), each group by commune and then by name the Vietnamese
way, and names each one's commune after its position and unit. The reward money is what the
decision stored when it was issued (services/province_decisions.py)."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import replace
from typing import Any

from ..db.models import Decision, Nomination
from ..db.repositories import print_awards as awards_repo
from ..db.repositories import printing as people_repo
from ..db.repositories import province_decisions as repo
from ..db.repositories.common import get_live
from ..domain.errors import NotFoundError
from ..domain.text import collation_string, name_sort_string, search_key
from ..reports.certificate import CertificateSet
from ..reports.decision import COLLECTIVE, HOUSEHOLD, KIND_ORDER, PERSON, AwardRecipient, DecisionDoc
from ..rules import AwardDef, reward_amount
from .print_awards import certificate_options
from .print_context import PrintContext
from .print_households import nominee_name


def _decision(ctx: PrintContext, decision_id: str) -> Decision:
    d = get_live(ctx.session, Decision, decision_id, field="decision")
    if d.level != repo.PROVINCE:  # a commune's decision prints as the commune's (kind "decision")
        raise NotFoundError("NOT_FOUND", field="decision", table="decisions", id=decision_id)
    return d


def _award(ctx: PrintContext, code: str) -> AwardDef | None:
    try:
        return ctx.catalog.award(code)
    except NotFoundError:  # dropped from a newer catalog: the decision still prints by its code
        return None


def commune_prose(name: str) -> str:
    """"Xã Quảng Uyên" → "xã Quảng Uyên", as it reads after a unit ("Công chức, xã Quảng Uyên")."""
    for prefix in ("Xã ", "Phường ", "Thị trấn "):
        if name.startswith(prefix):
            return prefix.lower() + name[len(prefix):]
    return name


def _with_commune(unit: str, commune: str) -> str:
    """The recipient's own unit, then its commune unless the unit already names it."""
    place = commune_prose(commune)
    if not place or (unit and search_key(place.split(" ", 1)[-1]) in search_key(unit)):
        return unit
    return f"{unit}, {place}" if unit else place


def _recipient(ctx: PrintContext, row: Any, nomination: Nomination | None, people: Mapping[str, Any],
               collectives: Mapping[str, Any], villages: Mapping[str, str],
               communes: Mapping[str, repo.Commune]) -> tuple[tuple[int, str, str], AwardRecipient]:
    achievement = nomination.achievement_summary if nomination is not None else ""
    commune = communes.get(nomination.origin_node if nomination is not None else "", repo.Commune("", "")).name
    place = collation_string(commune)
    if row.person_id and row.person_id in people:
        p = people[row.person_id]
        unit = _with_commune(p.workplace or villages.get(p.village_id or "", ""), commune)
        item = AwardRecipient(row.id, row.nomination_id or "", p.full_name, PERSON, p.gender, p.position, unit,
                              achievement, row.reward_amount)
        return (KIND_ORDER.index(PERSON), place, p.sort_key or name_sort_string(p.full_name)), item
    if row.collective_id and row.collective_id in collectives:
        c = collectives[row.collective_id]
        kind = HOUSEHOLD if c.kind == "household" else COLLECTIVE
        unit = _with_commune(villages.get(c.village_id or "", "") or c.address, commune)
        item = AwardRecipient(row.id, row.nomination_id or "", nominee_name(ctx, c), kind, "", "", unit, achievement,
                              row.reward_amount)
        return (KIND_ORDER.index(kind), place, c.sort_key or collation_string(c.name)), item
    raise NotFoundError("NOT_FOUND", field="recipients", id=row.id)


def _multiplier(ctx: PrintContext, codes: set[str], base_salary: int | None,
                recipients: list[AwardRecipient]) -> float | None:
    """The catalog's multiplier when every recipient has the same award and every stored amount is
    still base salary × it: the decision never states a basis its own figures contradict."""
    award = _award(ctx, next(iter(codes))) if len(codes) == 1 else None
    if award is None or not base_salary or award.reward.multiplier is None:
        return None
    for r in recipients:
        if r.reward_amount is None or r.reward_amount != reward_amount(award, base_salary, r.kind == HOUSEHOLD):
            return None
    return award.reward.multiplier


def gather_decision(ctx: PrintContext, decision_id: str) -> DecisionDoc:
    s = ctx.session
    d = _decision(ctx, decision_id)
    rows = awards_repo.decision_recipients(s, d.id)
    nominations = awards_repo.nominations_by_id(s, {r.nomination_id for r in rows if r.nomination_id})
    people = people_repo.people_by_id(s, {r.person_id for r in rows if r.person_id})
    collectives = people_repo.collectives_by_id(s, {r.collective_id for r in rows if r.collective_id})
    villages = people_repo.village_names(s)
    communes = repo.communes(s)
    keyed = [_recipient(ctx, r, nominations.get(r.nomination_id or ""), people, collectives, villages, communes)
             for r in rows]
    recipients = [item for _key, item in sorted(keyed, key=lambda pair: pair[0])]
    years = awards_repo.batch_years(s, {n.batch_id for n in nominations.values()})
    award = _award(ctx, d.award_code)
    codes = {n.award_code for n in nominations.values()} or {d.award_code}
    return DecisionDoc(
        decision_id=d.id, number=d.number, decided_on=d.decided_on, award_code=d.award_code,
        award_name=award.name_vi if award else d.award_code,
        award_kind=award.kind.value if award else "commendation_form",
        year=max(years.values()) if years else d.decided_on.year, base_salary=d.base_salary,
        multiplier=_multiplier(ctx, codes, d.base_salary, recipients), meeting_date=None,
        signer_name=d.signer_name, signer_title=d.signer_title, recipients=tuple(recipients))


def gather_certificates(ctx: PrintContext, target: str) -> CertificateSet:
    """"<decision id>" prints every recipient; "<decision id>:<recipient id>" one of them (the
    recipient id is the DecisionRecipient's, or the nomination's)."""
    decision_id, _sep, recipient_id = target.partition(":")
    data = gather_decision(ctx, decision_id)
    if recipient_id:
        chosen = tuple(r for r in data.recipients if recipient_id in (r.recipient_id, r.nomination_id))
        if not chosen:
            raise NotFoundError("NOT_FOUND", field="recipients", id=recipient_id)
        data = replace(data, recipients=chosen)
    return CertificateSet(data, certificate_options(ctx))
