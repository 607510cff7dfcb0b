"""Commune-level decisions: the chairman grants a title or form, which writes each recipient's award history."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from ..db.models import Decision, DecisionRecipient, Initiative, Nomination
from ..db.repositories.common import get_live, live
from ..domain.enums import NominationStatus, Role
from ..domain.errors import StateError, ValidationError
from ..domain.text import clean_text
from ..domain.validation import parse_date, require
from ..rules import base_salary_on, reward_amount
from .base import ServiceBase
from .nominations import NominationService
from .office import OfficeService
from .records import RecordsService, Subject


@dataclass(frozen=True)
class RecipientView:
    nomination_id: str
    nominee_name: str
    reward_amount: int | None


@dataclass(frozen=True)
class DecisionView:
    id: str
    number: str
    decided_on: date
    signer_name: str
    award_code: str
    base_salary: int | None
    recipients: list[RecipientView]

    @property
    def total_reward(self) -> int:
        return sum(r.reward_amount or 0 for r in self.recipients)


class DecisionService(ServiceBase):
    def base_salary(self, day: date) -> int:
        override = OfficeService(self.db, self.actor).parameter("base_salary")
        return int(override) if override else base_salary_on(self.catalog, day)  # type: ignore[call-overload]

    def issue(self, *, number: str, decided_on: str, signer_name: str, award_code: str,
              nomination_ids: list[str], signer_title: str = "CHỦ TỊCH") -> DecisionView:
        """Issue a commune-level decision for council-voted nominations, all in one transaction."""
        office = OfficeService(self.db, self.actor).office()
        award = self.catalog.award(clean_text(award_code))
        if office.role != Role.COMMUNE.value or not award.commune_grants:
            raise StateError("AWARD_NOT_COMMUNE_LEVEL", field="award_code", value=award.code)
        clean_number = clean_text(number)
        require(clean_number, "number")
        signer = clean_text(signer_name)
        require(signer, "signer_name")
        day = parse_date(decided_on, "decided_on")
        if not nomination_ids:
            raise ValidationError("REQUIRED", field="recipients")
        salary = self.base_salary(day)
        nominations = NominationService(self.db, self.actor, self.catalog)
        records = RecordsService(self.db, self.actor, self.catalog)
        with self.db.transaction(self.actor) as session:
            if session.scalars(live(Decision).where(Decision.number == clean_number)).first():
                raise ValidationError("DECISION_NUMBER_DUPLICATE", field="number", value=clean_number)
            decision = Decision(number=clean_number, decided_on=day, signer_name=signer,
                                signer_title=clean_text(signer_title), award_code=award.code,
                                level="commune", base_salary=salary)
            session.add(decision)
            session.flush()
            recipients: list[RecipientView] = []
            for nomination_id in nomination_ids:
                n = get_live(session, Nomination, nomination_id, field="recipients")
                if n.award_code != award.code:
                    raise ValidationError("DECISION_AWARD_MISMATCH", field="recipients", value=n.award_code)
                if n.status != NominationStatus.COUNCIL_VOTED.value:
                    raise StateError("NOMINATION_NOT_COUNCIL_VOTED", field="recipients", status=n.status)
                household = bool(n.collective_id) and award.subject_type.value == "household"
                amount = reward_amount(award, salary, household=household)
                session.add(DecisionRecipient(decision_id=decision.id, nomination_id=n.id, person_id=n.person_id,
                                              collective_id=n.collective_id, reward_amount=amount))
                batch_year = nominations.batch_year(session, n.batch_id)
                award_id = records.add_award(
                    Subject(n.person_id, n.collective_id), award_code=award.code, year=batch_year,
                    award_kind=award.kind.value, title=award.name_vi, decision_number=clean_number,
                    decision_date=day.strftime("%d/%m/%Y"), issuing_level="commune",
                    commendation_kind=n.commendation_kind, source="decision", session=session)
                for initiative_id in n.initiative_ids or []:
                    get_live(session, Initiative, initiative_id).used_by_award_id = award_id
                view = nominations.transition(n.id, NominationStatus.DECIDED.value, session=session)
                recipients.append(RecipientView(n.id, view.nominee_name, amount))
            return DecisionView(decision.id, clean_number, day, signer, award.code, salary, recipients)
