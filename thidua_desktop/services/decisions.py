"""Commune-level decisions: the chairman grants a title or form, which writes each recipient's award history."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from ..db import Session
from ..db.models import AuditEntry, AwardHistory, Decision, DecisionRecipient, Initiative, Nomination, NominationEvent
from ..db.repositories import nominations as repo
from ..db.repositories import officials as officials_repo
from ..db.repositories.common import count, get_live, live, page
from ..domain.enums import NominationStatus, Role
from ..domain.errors import NotFoundError, StateError, ValidationError
from ..domain.text import clean_text
from ..domain.validation import parse_date, require
from ..rules import AwardDef, base_salary_on, reward_amount
from ..rules import Decision as CheckResult
from . import access as roles
from .base import ServiceBase
from .changes import Change
from .nominations import NominationService, NominationView
from .office import OfficeService
from .officials import CHAIRMAN, VICE_CHAIRMAN, missing, role_label
from .print_context import load_settings
from .records import RecordsService, Subject

DEFAULT_SIGNER_TITLE = "CHỦ TỊCH"


@dataclass(frozen=True)
class RecipientView:
    nomination_id: str
    nominee_name: str
    reward_amount: int | None  # None: the catalog has no multiplier for this award ("chưa xác minh")


@dataclass(frozen=True)
class DecisionView:
    id: str
    number: str
    decided_on: date
    signer_name: str
    award_code: str
    base_salary: int | None
    recipients: list[RecipientView]
    signer_title: str = DEFAULT_SIGNER_TITLE
    award_name: str = ""

    @property
    def total_reward(self) -> int:
        return sum(r.reward_amount or 0 for r in self.recipients)


@dataclass(frozen=True)
class OverrideNeed:
    """A nominee ``issue`` refuses without the chairman's reason (see ``overrides_needed``)."""

    nomination_id: str
    nominee_name: str
    award_code: str
    check: CheckResult  # the eligibility check on the decision date: its failed and unknown criteria say why


def recipient_reward(award: AwardDef, n: Nomination, salary: int) -> int | None:
    """One recipient's reward money: the base salary × the award's multiplier (× the household
    factor for a household), rounded up to 10,000 đ (Decree 152/2025 Art. 49); None when the
    catalog has no multiplier. The commune's decisions and the province's both count it here."""
    household = bool(n.collective_id) and award.subject_type.value == "household"
    return reward_amount(award, salary, household=household)


class DecisionService(ServiceBase):
    # What issuing or correcting a decision changes: the screens showing these re-read.
    CHANGES = Change.DECISIONS | Change.NOMINATIONS | Change.RECORDS

    def base_salary(self, day: date) -> int:
        # The office's own dated amounts (Settings) are already part of the catalog it applies.
        return base_salary_on(self.catalog, day)

    def commune_awards(self) -> list[AwardDef]:
        """The titles and forms the commune chairman grants himself (Decree 129/2025 Art. 59)."""
        return [a for a in self.catalog.awards if a.commune_grants]

    def _award(self, award_code: str) -> AwardDef:
        office = OfficeService(self.db, self.actor).office()
        award = self.catalog.award(clean_text(award_code))
        if office.role != Role.COMMUNE.value or not award.commune_grants:
            raise StateError("AWARD_NOT_COMMUNE_LEVEL", field="award_code", value=award.code)
        return award

    @staticmethod
    def _checked(session: Session, award: AwardDef, nomination_id: str) -> Nomination:
        n = get_live(session, Nomination, nomination_id, field="recipients")
        if n.award_code != award.code:
            raise ValidationError("DECISION_AWARD_MISMATCH", field="recipients", value=n.award_code)
        if n.status != NominationStatus.COUNCIL_VOTED.value:
            raise StateError("NOMINATION_NOT_COUNCIL_VOTED", field="recipients", status=n.status)
        return n

    @staticmethod
    def _amount(award: AwardDef, n: Nomination, salary: int) -> int | None:
        return recipient_reward(award, n, salary)

    def preview(self, *, decided_on: str, award_code: str, nomination_ids: list[str]) -> DecisionView:
        """The recipients' reward money and the total as ``issue`` would compute them, without saving:
        base salary on the decision date × multiplier, rounded up to 10,000 đ (Decree 152/2025 Art. 49)."""
        award = self._award(award_code)
        day = parse_date(decided_on, "decided_on")
        salary = self.base_salary(day)
        nominations = NominationService(self.db, self.actor, self.catalog)
        with self.db.reader() as session:
            recipients = []
            for nomination_id in nomination_ids:
                n = self._checked(session, award, nomination_id)
                recipients.append(RecipientView(n.id, nominations._view(session, n).nominee_name,
                                                self._amount(award, n, salary)))
        return DecisionView("", "", day, "", award.code, salary, recipients, award_name=award.name_vi)

    def overrides_needed(self, *, decided_on: str, award_code: str,
                         nomination_ids: list[str]) -> list[OverrideNeed]:
        """The nominees ``issue`` would refuse unless ``overrides`` gives the chairman's reason for
        them: not eligible, or not fully checked, on the decision date, and passed by the council
        without a reason of its own. Nothing is saved."""
        award = self._award(award_code)
        day = parse_date(decided_on, "decided_on")
        with self.db.reader() as session:  # rolled back: the check's result is not stored here
            return self._needs(session, award, day, nomination_ids)

    def reissue_overrides_needed(self, decision_id: str, *, decided_on: str,
                                 nomination_ids: list[str]) -> list[OverrideNeed]:
        """The recipients a correction adds that ``reissue`` would refuse unless ``overrides``
        gives the chairman's reason for them, as ``overrides_needed`` finds them for ``issue``.
        Recipients the decision already has are not checked again. Nothing is saved."""
        day = parse_date(decided_on, "decided_on")
        with self.db.reader() as session:
            decision = self._own_decision(session, decision_id)
            award = self._award(decision.award_code)
            held = {str(r.nomination_id) for r in repo.recipients(session, decision.id)}
            added = [i for i in dict.fromkeys(clean_text(x) for x in nomination_ids) if i and i not in held]
            return self._needs(session, award, day, added)

    def _needs(self, session: Session, award: AwardDef, day: date, nomination_ids: list[str]) -> list[OverrideNeed]:
        """Of these council-voted nominations, those not eligible (or not fully checked) on ``day``
        that the council passed without a reason of its own: ``_grant`` wants a reason for them."""
        nominations = NominationService(self.db, self.actor, self.catalog)
        needs: list[OverrideNeed] = []
        for nomination_id in nomination_ids:
            n = self._checked(session, award, nomination_id)
            if repo.council_override(session, n.id):
                continue
            check = nominations._evaluate(session, n, nominations.batch_year(session, n.batch_id), day)
            if not check.eligible:
                needs.append(OverrideNeed(n.id, nominations._view(session, n).nominee_name, award.code, check))
        return needs

    def signers(self, decided_on: date | str, title: str = DEFAULT_SIGNER_TITLE) -> list[str]:
        """Who may sign a decision of that date with that title: the chairman in office, or for
        "PHÓ CHỦ TỊCH" (KT. CHỦ TỊCH) the vice-chairmen in office (Cài đặt → Lãnh đạo ký văn bản).
        An office that keeps no officials: the name typed in its document settings, if any."""
        day = decided_on if isinstance(decided_on, date) else parse_date(decided_on, "decided_on")
        role = VICE_CHAIRMAN if self._deputy(title) else CHAIRMAN
        with self.db.reader() as session:
            if officials_repo.kept(session):
                return [o.full_name for o in officials_repo.holders(session, role, day)]
            settings = load_settings(session)
        name = settings.vice_chairman_name if role == VICE_CHAIRMAN else settings.chairman_name
        return [name] if name else []

    @staticmethod
    def _deputy(title: str) -> bool:
        return clean_text(title).upper().startswith("PHÓ")

    def signer_in_office(self, session: Session, day: date, typed: str, title: str) -> str:
        """The signer of a decision dated ``day``: the holder in office (the chairman, or the
        vice-chairman signing KT.), and a typed name only if it is one of them. An office that
        keeps no officials signs with the typed name, else the one in its document settings."""
        role = VICE_CHAIRMAN if self._deputy(title) else CHAIRMAN
        office = OfficeService(self.db, self.actor).office()
        unit = office.unit_name
        if office.role == Role.PROVINCE.value and not unit.startswith("Tỉnh"):
            unit = f"Tỉnh {unit}"  # the provincial chairman's post is named as such ("Chủ tịch UBND tỉnh")
        if officials_repo.kept(session):
            names = [o.full_name for o in officials_repo.holders(session, role, day)]
            if not names:
                raise missing(role, day, unit)
            if typed and typed not in names:
                raise ValidationError("SIGNER_NOT_IN_OFFICE", field="signer_name", name=typed, role=role,
                                      role_vi=role_label(role, unit), role_en=role_label(role, unit, "en"),
                                      date=day.strftime("%d/%m/%Y"))
            return typed or names[0]
        if typed:
            return typed
        settings = load_settings(session)
        name = settings.vice_chairman_name if role == VICE_CHAIRMAN else settings.chairman_name
        if not name:
            raise missing(role, day, unit)
        return name

    _signer = signer_in_office  # its earlier name

    def issue(self, *, number: str, decided_on: str, award_code: str, nomination_ids: list[str],
              signer_name: str = "", signer_title: str = DEFAULT_SIGNER_TITLE,
              overrides: dict[str, str] | None = None) -> DecisionView:
        """Issue a commune-level decision for council-voted nominations, all in one transaction.
        It is signed by the chairman in office on its date, or with ``signer_title`` "PHÓ CHỦ
        TỊCH" by a vice-chairman in office (KT. CHỦ TỊCH); ``signer_name`` picks one of them.
        Each nominee's eligibility is checked again on the decision date; one not eligible (or not
        fully checked) is refused unless the council already voted on it with a reason, or
        ``overrides`` gives the chairman's reason for it (kept in the nomination's history).
        Recording a decision is a leader's act where the office has accounts (services/access.py)."""
        self.access.require(roles.DECIDE)
        award = self._award(award_code)
        clean_number = clean_text(number)
        require(clean_number, "number")
        typed = clean_text(signer_name)
        day = parse_date(decided_on, "decided_on")
        if not nomination_ids:
            raise ValidationError("REQUIRED", field="recipients")
        title = clean_text(signer_title) or DEFAULT_SIGNER_TITLE
        salary = self.base_salary(day)
        with self.db.transaction(self.actor) as session:
            # The commune's own numbers: a provincial decision it received may carry the same one.
            if session.scalars(live(Decision).where(Decision.number == clean_number,
                                                    Decision.level == "commune")).first():
                raise ValidationError("DECISION_NUMBER_DUPLICATE", field="number", value=clean_number)
            signer = self.signer_in_office(session, day, typed, title)
            decision = Decision(number=clean_number, decided_on=day, signer_name=signer, signer_title=title,
                                award_code=award.code, level="commune", base_salary=salary)
            session.add(decision)
            session.flush()
            recipients: list[RecipientView] = []
            batches: set[str] = set()
            for index, nomination_id in enumerate(nomination_ids, start=1):
                n = self._checked(session, award, nomination_id)
                view = self._grant(session, decision, award, n, (overrides or {}).get(n.id, ""), index, salary)
                batches.add(n.batch_id)
                recipients.append(RecipientView(n.id, view.nominee_name, self._amount(award, n, salary)))
            if len(batches) == 1:  # the decision answers that batch (printing files it with the batch)
                decision.batch_id = batches.pop()
            return DecisionView(decision.id, clean_number, day, signer, award.code, salary, recipients,
                                title, award.name_vi)

    def _grant(self, session: Session, decision: Decision, award: AwardDef, n: Nomination, override: str,
               index: int, salary: int) -> NominationView:
        """One recipient of a decision: checked again on its date (an ineligible one needs the
        council's or the chairman's reason), its recipient row and award history, and "decided"."""
        nominations = NominationService(self.db, self.actor, self.catalog)
        reason = nominations.check_before_step(
            session, n, decision.decided_on, override or repo.council_override(session, n.id),
            f"recipients[{index}]", nominations._view(session, n).nominee_name)
        session.add(DecisionRecipient(decision_id=decision.id, nomination_id=n.id, person_id=n.person_id,
                                      collective_id=n.collective_id, reward_amount=self._amount(award, n, salary)))
        award_id = RecordsService(self.db, self.actor, self.catalog).add_award(
            Subject(n.person_id, n.collective_id), award_code=award.code,
            year=nominations.batch_year(session, n.batch_id), award_kind=award.kind.value, title=award.name_vi,
            decision_number=decision.number, decision_date=decision.decided_on.strftime("%d/%m/%Y"),
            issuing_level="commune", commendation_kind=n.commendation_kind, source="decision", session=session)
        # Linked, so a correction of the decision finds its awards whatever their number said.
        get_live(session, AwardHistory, award_id).decision_id = decision.id
        for initiative_id in n.initiative_ids or []:
            get_live(session, Initiative, initiative_id).used_by_award_id = award_id
        return nominations.transition(n.id, NominationStatus.DECIDED.value, reason=reason, session=session)

    def reissue(self, decision_id: str, *, number: str, decided_on: str, nomination_ids: list[str], reason: str,
                signer_name: str = "", signer_title: str = DEFAULT_SIGNER_TITLE,
                overrides: dict[str, str] | None = None) -> DecisionView:
        """Correct (re-issue) a commune decision already issued: its number, date, signer or
        recipients, in one transaction, with ``reason`` kept in the audit log beside the old
        number and date. Kept recipients: their award history says the new number and date and
        their reward is counted on the new date. Removed ones lose the award (a tombstone, which
        travels like any change) and their nomination is council-voted again, so another decision
        may grant it. Added ones must be council-voted and pass the check as in ``issue``: one the
        check does not pass goes in only with the council's reason or the chairman's in
        ``overrides`` (kept in its nomination's history, and in the audit entry under
        "override_reasons"); ``reissue_overrides_needed`` lists them. A leader's act where the
        office has accounts. What it changes: ``CHANGES``."""
        self.access.require(roles.DECIDE)
        why = clean_text(reason)
        if not why:
            raise ValidationError("REASON_REQUIRED", field="reason")
        clean_number = clean_text(number)
        require(clean_number, "number")
        typed = clean_text(signer_name)
        day = parse_date(decided_on, "decided_on")
        ids = list(dict.fromkeys(i for i in (clean_text(x) for x in nomination_ids) if i))
        if not ids:
            raise ValidationError("REQUIRED", field="recipients")
        title = clean_text(signer_title) or DEFAULT_SIGNER_TITLE
        given = {clean_text(k): v for k, v in (overrides or {}).items()}  # keyed as ``ids`` are
        with self.db.reader() as session:
            award = self._award(self._own_decision(session, decision_id).award_code)
        salary = self.base_salary(day)
        with self.db.transaction(self.actor) as session:
            decision = self._own_decision(session, decision_id)
            if session.scalars(live(Decision).where(Decision.number == clean_number, Decision.level == "commune",
                                                    Decision.id != decision.id)).first():
                raise ValidationError("DECISION_NUMBER_DUPLICATE", field="number", value=clean_number)
            before = {"number": decision.number, "decided_on": decision.decided_on.isoformat(),
                      "signer_name": decision.signer_name, "signer_title": decision.signer_title}
            held = {str(r.nomination_id): (r, repo.award_of_recipient(session, decision, r))
                    for r in repo.recipients(session, decision.id)}
            withdrawn = (f"Rút khỏi Quyết định số {decision.number} ngày "
                         f"{decision.decided_on.strftime('%d/%m/%Y')} khi đính chính: {why}")
            signer = self.signer_in_office(session, day, typed, title)
            decision.number, decision.decided_on, decision.signer_name = clean_number, day, signer
            decision.signer_title, decision.base_salary = title, salary
            for nomination_id, (row, award_row) in held.items():
                if nomination_id not in ids:
                    self._withdraw(session, row, award_row, withdrawn)
            batches: set[str] = set()
            overridden: dict[str, str] = {}  # added recipients the check does not pass: the reason they went in on
            for index, nomination_id in enumerate(ids, start=1):
                if nomination_id in held:
                    row, award_row = held[nomination_id]
                    n = get_live(session, Nomination, nomination_id, field=f"recipients[{index}]")
                    row.reward_amount = self._amount(award, n, salary)
                    if award_row is not None:
                        award_row.decision_number, award_row.decision_date = clean_number, day
                        award_row.decision_id = decision.id
                else:
                    n = self._checked(session, award, nomination_id)
                    self._grant(session, decision, award, n, given.get(n.id, ""), index, salary)
                    if n.status_reason:  # _grant's transition keeps the reason it needed, "" when none
                        overridden[n.id] = n.status_reason
                batches.add(n.batch_id)
            decision.batch_id = batches.pop() if len(batches) == 1 else None
            session.flush()
            session.add(AuditEntry(actor=self.actor, action="reissue", table_name="decisions", row_id=decision.id,
                                   old_values=before, new_values={
                                       "number": clean_number, "decided_on": day.isoformat(), "signer_name": signer,
                                       "signer_title": title, "recipients": ids, "reason": why,
                                       "override_reasons": overridden}))
            return self._view(session, decision)

    @staticmethod
    def _own_decision(session: Session, decision_id: str) -> Decision:
        """A commune decision of this office (the province's decisions are corrected there)."""
        decision = get_live(session, Decision, clean_text(decision_id), field="decision")
        if decision.level == "province":
            raise NotFoundError("NOT_FOUND", field="decision", table="decisions", id=decision.id)
        return decision

    def _withdraw(self, session: Session, row: DecisionRecipient, award_row: AwardHistory | None, note: str) -> None:
        """A recipient taken out of a corrected decision: the award leaves its history, the
        initiative that backed it is free again, and the nomination waits for a decision again."""
        row.deleted = True
        if award_row is not None:
            award_row.deleted = True
            for initiative in repo.initiatives_used_by(session, award_row.id):
                initiative.used_by_award_id = None
        n = session.get(Nomination, row.nomination_id) if row.nomination_id else None
        if n is not None and n.status == NominationStatus.DECIDED.value:
            # Outside the state machine on purpose: "decided" is final for every move but this one.
            n.status, n.status_reason = NominationStatus.COUNCIL_VOTED.value, note
            session.add(NominationEvent(nomination_id=n.id, from_status=NominationStatus.DECIDED.value,
                                        to_status=NominationStatus.COUNCIL_VOTED.value, actor=self.actor,
                                        reason=note))

    def page(self, *, offset: int = 0, limit: int = 100) -> tuple[list[DecisionView], int]:
        """Past decisions, newest first, with their recipients."""
        stmt = repo.decisions_query()
        with self.db.reader() as session:
            rows = [self._view(session, d) for d in page(session, stmt, offset, limit)]
            return rows, count(session, stmt)

    def get(self, decision_id: str) -> DecisionView:
        with self.db.reader() as session:
            return self._view(session, get_live(session, Decision, decision_id, field="decision"))

    def _view(self, session: Session, d: Decision) -> DecisionView:
        nominations = NominationService(self.db, self.actor, self.catalog)
        recipients = []
        for r in repo.recipients(session, d.id):
            n = session.get(Nomination, r.nomination_id) if r.nomination_id else None
            name = nominations._view(session, n).nominee_name if n is not None else ""
            recipients.append(RecipientView(r.nomination_id or "", name, r.reward_amount))
        try:
            award_name = self.catalog.award(d.award_code).name_vi
        except Exception:  # an award dropped from a newer catalog still lists its old decisions
            award_name = d.award_code
        return DecisionView(d.id, d.number, d.decided_on, d.signer_name, d.award_code, d.base_salary,
                            sorted(recipients, key=lambda r: r.nominee_name), d.signer_title, award_name)
