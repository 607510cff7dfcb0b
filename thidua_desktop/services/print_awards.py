"""Data of the award documents: the chairman's decision (quyết định khen thưởng) with its list of
recipients, and the certificates (giấy khen), one page per recipient.

The reward money is the amount the decision stored when DecisionService issued it (base salary on
the decision date × multiplier, rounded up to 10,000 đ, Decree 152/2025); a recipient whose award
had no multiplier keeps ``None`` and prints "chưa xác định"."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import replace
from typing import Any

from ..db.models import Decision, Nomination
from ..db.repositories import print_awards as repo
from ..db.repositories import printing as people_repo
from ..db.repositories.common import get_live
from ..domain.errors import NotFoundError, ValidationError
from ..domain.text import collation_string, name_sort_string
from ..reports import certificate
from ..reports.certificate import BLANK, MODES, Calibration, CertificateOptions, CertificateSet
from ..reports.decision import COLLECTIVE, HOUSEHOLD, KIND_ORDER, PERSON, AwardRecipient, DecisionDoc
from ..rules import AwardDef, reward_amount
from .print_context import PrintContext
from .print_households import nominee_name
from .print_settings import load_calibration


def _award(ctx: PrintContext, code: str) -> AwardDef | None:
    try:
        return ctx.catalog.award(code)
    except NotFoundError:  # dropped from a newer catalog: the decision still prints by its code
        return None


def _recipient(ctx: PrintContext, row: Any, nomination: Nomination | None, people: Mapping[str, Any],
               collectives: Mapping[str, Any], villages: Mapping[str, str]) -> tuple[tuple[int, str], AwardRecipient]:
    achievement = nomination.achievement_summary if nomination is not None else ""
    nomination_id = row.nomination_id or ""
    if row.person_id and row.person_id in people:
        p = people[row.person_id]
        unit = p.workplace or villages.get(p.village_id or "", "")
        item = AwardRecipient(row.id, nomination_id, p.full_name, PERSON, p.gender, p.position, unit, achievement,
                              row.reward_amount)
        return (KIND_ORDER.index(PERSON), p.sort_key or name_sort_string(p.full_name)), item
    if row.collective_id and row.collective_id in collectives:
        c = collectives[row.collective_id]
        kind = HOUSEHOLD if c.kind == "household" else COLLECTIVE
        unit = villages.get(c.village_id or "", "") or c.address
        item = AwardRecipient(row.id, nomination_id, nominee_name(ctx, c), kind, "", "", unit, achievement,
                              row.reward_amount)
        return (KIND_ORDER.index(kind), c.sort_key or collation_string(c.name)), item
    raise NotFoundError("NOT_FOUND", field="recipients", id=row.id)


def _multiplier(award: AwardDef | None, base_salary: int | None, recipients: list[AwardRecipient]) -> float | None:
    """The catalog's multiplier, but only where it still explains every stored amount: the decision
    never states a basis its own figures contradict (a catalog changed after it was issued)."""
    if award is None or not base_salary or award.reward.multiplier is None:
        return None
    for r in recipients:
        if r.reward_amount is None or r.reward_amount != reward_amount(award, base_salary, r.kind == HOUSEHOLD):
            return None
    return award.reward.multiplier


def gather_decision(ctx: PrintContext, decision_id: str) -> DecisionDoc:
    s = ctx.session
    d = get_live(s, Decision, decision_id, field="decision")
    rows = repo.decision_recipients(s, d.id)
    nominations = repo.nominations_by_id(s, {r.nomination_id for r in rows if r.nomination_id})
    people = people_repo.people_by_id(s, {r.person_id for r in rows if r.person_id})
    collectives = people_repo.collectives_by_id(s, {r.collective_id for r in rows if r.collective_id})
    villages = people_repo.village_names(s)
    keyed = [_recipient(ctx, r, nominations.get(r.nomination_id or ""), people, collectives, villages) for r in rows]
    recipients = [item for _key, item in sorted(keyed, key=lambda pair: pair[0])]
    years = repo.batch_years(s, {n.batch_id for n in nominations.values()})
    year = max(years.values()) if years else d.decided_on.year
    award = _award(ctx, d.award_code)
    meeting = repo.meeting_for(s, set(nominations), d.decided_on)
    return DecisionDoc(
        decision_id=d.id, number=d.number, decided_on=d.decided_on, award_code=d.award_code,
        award_name=award.name_vi if award else d.award_code,
        award_kind=award.kind.value if award else "commendation_form", year=year, base_salary=d.base_salary,
        multiplier=_multiplier(award, d.base_salary, recipients), meeting_date=meeting.held_on if meeting else None,
        signer_name=d.signer_name, signer_title=d.signer_title, recipients=tuple(recipients))


def certificate_options(ctx: PrintContext) -> CertificateOptions:
    """How to print certificates (mode, preview, calibration), for this office's printer."""
    mode = str(ctx.options.get("mode") or certificate.FULL)
    if mode not in MODES:
        raise ValidationError("ENUM_INVALID", field="mode", value=mode, allowed=", ".join(MODES))
    chosen = ctx.options.get("calibration")  # the dialog previews a calibration before saving it
    if isinstance(chosen, Calibration):
        calibration = chosen
    elif isinstance(chosen, Mapping):
        calibration = Calibration.from_json(chosen)
    else:
        calibration = load_calibration(ctx.session)
    return CertificateOptions(mode, bool(ctx.options.get("preview")) and mode == BLANK, calibration)


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


def decisions_in_batch(ctx: PrintContext, batch_id: str) -> list[str]:
    return repo.decision_ids_of_batch(ctx.session, batch_id)

