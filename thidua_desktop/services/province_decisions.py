"""Decisions of the provincial chairman (Chủ tịch UBND tỉnh): the titles and forms the province
grants (Bằng khen, Chiến sĩ thi đua cấp tỉnh, Cờ thi đua, Tập thể lao động xuất sắc …) to the
dossiers it approved, from one commune or several, individuals and collectives together.

One writer per row (docs/sync-format.md): the province never edits a commune's nomination. A
decision writes rows of the province's own that point at the commune's: the decision, one
recipient row and one award history row per recipient, and a review row "decided" that makes the
dossier show as decided. The recipient, award and review rows point at the commune's person,
collective or nomination, so each commune's next bundle carries its own and no other commune's;
the decision row goes to every commune it has a recipient in (``sync_rows.belongs_to``).

The reward money is counted where the commune's decisions count it
(``decisions.recipient_reward``: the base salary in force on the decision date × the award's
multiplier, rounded up to 10,000 đ); the fund pays each decision's total (services/reward_fund.py)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from ..db import Session
from ..db.models import AuditEntry, AwardHistory, Decision, DecisionRecipient, Nomination, Office
from ..db.models.sync import NominationReview
from ..db.repositories import print_awards as batches_repo
from ..db.repositories import province_decisions as repo
from ..db.repositories import reviews as reviews_repo
from ..db.repositories.common import count, get_live, page
from ..db.repositories.printing import collectives_by_id, people_by_id
from ..domain.enums import AuthorityLevel, NominationStatus, Role
from ..domain.errors import NotFoundError, StateError, ValidationError
from ..domain.text import clean_text, collation_string, name_sort_string
from ..domain.validation import parse_date, require
from ..rules import AwardDef
from ..rules.award_names import load_award_names
from . import access as roles
from .base import ServiceBase
from .decisions import DEFAULT_SIGNER_TITLE, DecisionService, recipient_reward

# Who the award history names as the issuer: the commune's register and its achievement reports
# print it ("Chủ tịch UBND tỉnh"), beside the body code of award_inference.json.
ISSUER = "Chủ tịch UBND tỉnh"
ISSUING_BODY = "province"
APPROVED, DECIDED = NominationStatus.APPROVED.value, NominationStatus.DECIDED.value


@dataclass(frozen=True)
class AwardGroup:
    """A title or form the provincial chairman grants, with every catalog code of it: the Bằng
    khen has one code per subject type, and one decision grants it to people and collectives."""

    code: str  # the first code, the decision's award_code
    codes: tuple[str, ...]
    name_vi: str
    name_en: str
    kind: str  # emulation_title | commendation_form


@dataclass(frozen=True)
class ReadyDossier:
    """A dossier the province approved and has not decided yet."""

    nomination_id: str
    nominee_name: str
    is_collective: bool
    commune_code: str
    commune_name: str
    award_code: str
    award_name: str
    year: int


@dataclass(frozen=True)
class ProvinceRecipient:
    nomination_id: str
    nominee_name: str
    is_collective: bool
    commune_name: str
    award_code: str
    reward_amount: int | None  # None: the catalog has no multiplier for its award ("chưa xác minh")
    recipient_id: str = ""


@dataclass(frozen=True)
class ProvinceDecisionView:
    id: str  # "" for a preview
    number: str
    decided_on: date
    signer_name: str
    signer_title: str
    award_code: str
    award_name: str
    base_salary: int | None
    recipients: tuple[ProvinceRecipient, ...]

    @property
    def total(self) -> int:
        return sum(r.reward_amount or 0 for r in self.recipients)

    @property
    def unknown_count(self) -> int:
        return sum(r.reward_amount is None for r in self.recipients)

    @property
    def communes(self) -> tuple[str, ...]:
        return tuple(sorted({r.commune_name for r in self.recipients}, key=collation_string))


class ProvinceDecisionService(ServiceBase):
    # The catalog ---------------------------------------------------------------------------------
    def award_groups(self) -> list[AwardGroup]:
        """The titles and forms of the provincial chairman, in catalog order, one per name."""
        groups: dict[tuple[str, str], list[AwardDef]] = {}
        for award in self.catalog.awards:
            if award.authority is AuthorityLevel.PROVINCE:
                groups.setdefault((award.kind.value, award.name_vi), []).append(award)
        return [AwardGroup(found[0].code, tuple(a.code for a in found), found[0].name_vi, found[0].name_en,
                           found[0].kind.value) for found in groups.values()]

    def group_of(self, award_code: str) -> AwardGroup:
        code = clean_text(award_code)
        for group in self.award_groups():
            if code in group.codes:
                return group
        self.catalog.award(code)  # AWARD_UNKNOWN when not in the catalog at all
        raise StateError("AWARD_NOT_PROVINCE_LEVEL", field="award_code", value=code)

    def _award_name(self, code: str) -> str:
        try:
            return self.catalog.award(code).name_vi
        except NotFoundError:  # dropped from a newer catalog: the decision still lists it by its code
            return code

    def _decisions(self) -> DecisionService:
        return DecisionService(self.db, self.actor, self._catalog, access=self.access)

    def base_salary(self, day: date) -> int:
        return self._decisions().base_salary(day)

    def signers(self, decided_on: date | str, title: str = DEFAULT_SIGNER_TITLE) -> list[str]:
        """The provincial chairman (or vice-chairmen signing KT. CHỦ TỊCH) in office on that day."""
        return self._decisions().signers(decided_on, title)

    # Dossiers ready for a decision ---------------------------------------------------------------
    def ready(self, award_code: str | None = None) -> list[ReadyDossier]:
        """The approved dossiers of one award (any code of its group), or of every provincial award,
        not decided yet: by commune, then collectives before people, then name."""
        groups = [self.group_of(award_code)] if award_code else self.award_groups()
        codes = [c for g in groups for c in g.codes]
        with self.db.reader() as session:
            found = [n for n, review in repo.candidates(session, codes) if self._shows(n, review, APPROVED)]
            names = _Names(session, found)
            years = batches_repo.batch_years(session, {n.batch_id for n in found})
            rows = [ReadyDossier(n.id, names.name(n), bool(n.collective_id), names.commune(n).code,
                                 names.commune(n).name, n.award_code, self._award_name(n.award_code),
                                 years.get(n.batch_id, 0)) for n in found]
        return sorted(rows, key=lambda r: (collation_string(r.commune_name), not r.is_collective,
                                           name_sort_string(r.nominee_name), r.nomination_id))

    @staticmethod
    def _shows(nomination: Nomination, review: NominationReview, status: str) -> bool:
        return reviews_repo.effective_state(nomination, review).status == status

    def preview(self, *, decided_on: str, award_code: str, nomination_ids: list[str]) -> ProvinceDecisionView:
        """Each recipient's reward and the total as ``issue`` would count them; nothing saved."""
        group = self.group_of(award_code)
        day = parse_date(decided_on, "decided_on")
        salary = self.base_salary(day)
        with self.db.reader() as session:
            found = [self._checked(session, group, i, f"recipients[{k}]")
                     for k, i in enumerate(_unique(nomination_ids), start=1)]
            recipients = self._recipients(session, found, salary)
        return ProvinceDecisionView("", "", day, "", "", group.code, group.name_vi, salary, recipients)

    # Issue, re-issue, cancel ---------------------------------------------------------------------
    def issue(self, *, number: str, decided_on: str, award_code: str, nomination_ids: list[str],
              signer_name: str = "", signer_title: str = DEFAULT_SIGNER_TITLE) -> ProvinceDecisionView:
        """Record a decision of the provincial chairman for approved dossiers, in one transaction:
        the decision, a recipient and an award history row for each, and each dossier marked
        decided. A leader's act (services/access.py)."""
        self.access.require(roles.DECIDE)
        group = self.group_of(award_code)
        clean_number, day, typed, title = self._fields(number, decided_on, signer_name, signer_title)
        ids = self._ids(nomination_ids)
        salary = self.base_salary(day)
        with self.db.transaction(self.actor) as session:
            self._province_only(session)
            if repo.number_taken(session, clean_number, day.year):
                raise ValidationError("DECISION_NUMBER_DUPLICATE", field="number", value=clean_number)
            signer = self._decisions().signer_in_office(session, day, typed, title)
            decision = Decision(number=clean_number, decided_on=day, signer_name=signer, signer_title=title,
                                award_code=group.code, level=repo.PROVINCE, base_salary=salary)
            session.add(decision)
            session.flush()
            found = [self._checked(session, group, i, f"recipients[{k}]") for k, i in enumerate(ids, start=1)]
            years = batches_repo.batch_years(session, {n.batch_id for n in found})
            for n in found:
                self._grant(session, decision, n, years.get(n.batch_id, day.year))
            session.flush()
            return self._view(session, decision)

    def reissue(self, decision_id: str, *, number: str, decided_on: str, nomination_ids: list[str],
                signer_name: str = "", signer_title: str = DEFAULT_SIGNER_TITLE) -> ProvinceDecisionView:
        """Correct an issued decision (its number, date, signer or recipients), in one transaction.
        Kept recipients get the amount of the new date; removed ones lose the award and their
        dossier is approved again (it may go into another decision); added ones must be approved.
        The fund's payment follows, being the decision's total."""
        self.access.require(roles.DECIDE)
        clean_number, day, typed, title = self._fields(number, decided_on, signer_name, signer_title)
        ids = self._ids(nomination_ids)
        salary = self.base_salary(day)
        with self.db.transaction(self.actor) as session:
            self._province_only(session)
            decision = self._own_decision(session, decision_id)
            group = self.group_of(decision.award_code)
            if repo.number_taken(session, clean_number, day.year, except_id=decision.id):
                raise ValidationError("DECISION_NUMBER_DUPLICATE", field="number", value=clean_number)
            # A withdrawn recipient is told which decision it left: the one it was in.
            withdrawn = _note("withdrawn", decision.number, decision.decided_on)
            decision.signer_name = self._decisions().signer_in_office(session, day, typed, title)
            decision.number, decision.decided_on = clean_number, day
            decision.signer_title, decision.base_salary = title, salary
            kept: dict[str, DecisionRecipient] = {}
            awards = repo.awards_of_decision(session, decision.id)
            for r in repo.recipients(session, decision.id):
                if r.nomination_id in ids:
                    kept[str(r.nomination_id)] = r
                else:
                    self._withdraw(session, r, repo.award_for(awards, r), withdrawn)
            for k, nomination_id in enumerate(ids, start=1):
                if nomination_id in kept:
                    r = kept[nomination_id]
                    n = get_live(session, Nomination, nomination_id, field=f"recipients[{k}]")
                    r.reward_amount = recipient_reward(self.catalog.award(n.award_code), n, salary)
                    self._restamp(session, decision, n, repo.award_for(awards, r))
                    continue
                n = self._checked(session, group, nomination_id, f"recipients[{k}]")
                year = batches_repo.batch_years(session, {n.batch_id}).get(n.batch_id, day.year)
                self._grant(session, decision, n, year)
            session.flush()
            return self._view(session, decision)

    def cancel(self, decision_id: str, reason: str) -> None:
        """Cancel (hủy) an issued decision, with the reason, in one transaction: the decision, its
        recipients and their awards become tombstones (they leave each commune's history at its next
        bundle) and each dossier is approved again with the reason; the fund no longer pays it."""
        self.access.require(roles.DECIDE)
        why = clean_text(reason)
        if not why:
            raise ValidationError("REASON_REQUIRED", field="reason")
        with self.db.transaction(self.actor) as session:
            self._province_only(session)
            decision = self._own_decision(session, decision_id)
            awards = repo.awards_of_decision(session, decision.id)
            note = _note("cancelled", decision.number, decision.decided_on, why)
            for r in repo.recipients(session, decision.id):
                self._withdraw(session, r, repo.award_for(awards, r), note)
            decision.deleted = True
            # The reason stays in the office's audit log beside the tombstone it explains.
            session.add(AuditEntry(actor=self.actor, action="cancel", table_name="decisions", row_id=decision.id,
                                   old_values=None, new_values={"number": decision.number, "reason": why}))

    # Reading -------------------------------------------------------------------------------------
    def page(self, *, offset: int = 0, limit: int = 100) -> tuple[list[ProvinceDecisionView], int]:
        """The province's decisions, newest first, with their recipients."""
        stmt = repo.decisions_query()
        with self.db.reader() as session:
            return [self._view(session, d) for d in page(session, stmt, offset, limit)], count(session, stmt)

    def get(self, decision_id: str) -> ProvinceDecisionView:
        with self.db.reader() as session:
            return self._view(session, self._own_decision(session, decision_id))

    # Inside ------------------------------------------------------------------------------------
    @staticmethod
    def _fields(number: str, decided_on: str, signer_name: str, signer_title: str) -> tuple[str, date, str, str]:
        clean_number = clean_text(number)
        require(clean_number, "number")
        day = parse_date(decided_on, "decided_on")
        return clean_number, day, clean_text(signer_name), clean_text(signer_title) or DEFAULT_SIGNER_TITLE

    @staticmethod
    def _ids(nomination_ids: list[str]) -> list[str]:
        ids = _unique(nomination_ids)
        if not ids:
            raise ValidationError("REQUIRED", field="recipients")
        return ids

    @staticmethod
    def _province_only(session: Session) -> None:
        office = session.get(Office, 1)
        if office is None or office.role != Role.PROVINCE.value:
            raise StateError("PROVINCE_DECISION_PROVINCE_ONLY", field="number")

    @staticmethod
    def _own_decision(session: Session, decision_id: str) -> Decision:
        decision = get_live(session, Decision, clean_text(decision_id), field="decision")
        if decision.level != repo.PROVINCE or decision.origin_node != repo.own_node(session):
            raise NotFoundError("NOT_FOUND", field="decision", table="decisions", id=decision.id)
        return decision

    def _checked(self, session: Session, group: AwardGroup, nomination_id: str, field: str) -> Nomination:
        """A commune's dossier of the group's award that the province approved (its current version)."""
        n = get_live(session, Nomination, nomination_id, field=field)
        if n.award_code not in group.codes:
            raise ValidationError("DECISION_AWARD_MISMATCH", field=field, value=n.award_code)
        status = repo.shown_status(session, n)
        if status != APPROVED:
            raise StateError("NOMINATION_NOT_APPROVED", field=field, current=status,
                             name=_Names(session, [n]).name(n))
        return n

    def _grant(self, session: Session, decision: Decision, n: Nomination, year: int) -> None:
        """The rows one recipient gets: the recipient, the award in the history, "decided"."""
        award = self.catalog.award(n.award_code)
        session.add(DecisionRecipient(decision_id=decision.id, nomination_id=n.id, person_id=n.person_id,
                                      collective_id=n.collective_id,
                                      reward_amount=recipient_reward(award, n, int(decision.base_salary or 0))))
        session.add(AwardHistory(
            person_id=n.person_id, collective_id=n.collective_id, award_code=award.code, title=award.name_vi,
            award_kind=award.kind.value, commendation_kind=n.commendation_kind, year=year,
            decision_number=decision.number, decision_date=decision.decided_on,
            issuing_level=AuthorityLevel.PROVINCE.value, issuer=ISSUER, issuing_body=ISSUING_BODY,
            award_form=load_award_names().form_of(award.name_vi)[0], source="decision", decision_id=decision.id))
        session.add(NominationReview(nomination_id=n.id, status=DECIDED,
                                     reason=_note("decided", decision.number, decision.decided_on),
                                     reviewed_version=n.version, reviewed_epoch=n.origin_epoch))

    @staticmethod
    def _restamp(session: Session, decision: Decision, n: Nomination, award: AwardHistory | None) -> None:
        """A kept recipient of a corrected decision: its award and its "decided" say the new number."""
        if award is not None:
            award.decision_number, award.decision_date = decision.number, decision.decided_on
        note = _note("decided", decision.number, decision.decided_on)
        latest = reviews_repo.latest_reviews(session, [n.id]).get(n.id)
        if latest is not None and latest.status == DECIDED and latest.reason != note:
            latest.reason = note

    @staticmethod
    def _withdraw(session: Session, r: DecisionRecipient, award: AwardHistory | None, note: str) -> None:
        """A recipient leaves the decision: its rows become tombstones and the dossier is approved
        again with the reason, for the commune to read (a new review row: the history stays)."""
        r.deleted = True
        if award is not None:
            award.deleted = True
        n = session.get(Nomination, r.nomination_id) if r.nomination_id else None
        if n is not None and not n.deleted:
            session.add(NominationReview(nomination_id=n.id, status=APPROVED, reason=note,
                                         reviewed_version=n.version, reviewed_epoch=n.origin_epoch))

    def _recipients(self, session: Session, found: list[Nomination], salary: int,
                    stored: dict[str, DecisionRecipient] | None = None) -> tuple[ProvinceRecipient, ...]:
        names = _Names(session, found)
        out = []
        for n in found:
            row = (stored or {}).get(n.id)
            amount = row.reward_amount if row is not None else recipient_reward(self.catalog.award(n.award_code),
                                                                                  n, salary)
            out.append(ProvinceRecipient(n.id, names.name(n), bool(n.collective_id), names.commune(n).name,
                                         n.award_code, amount, row.id if row is not None else ""))
        return tuple(sorted(out, key=lambda r: (collation_string(r.commune_name), not r.is_collective,
                                                name_sort_string(r.nominee_name), r.nomination_id)))

    def _view(self, session: Session, d: Decision) -> ProvinceDecisionView:
        rows = list(repo.recipients(session, d.id))
        found = [n for r in rows if r.nomination_id and (n := session.get(Nomination, r.nomination_id)) is not None]
        recipients = self._recipients(session, found, int(d.base_salary or 0),
                                      {str(r.nomination_id): r for r in rows})
        return ProvinceDecisionView(d.id, d.number, d.decided_on, d.signer_name, d.signer_title, d.award_code,
                                    self._award_name(d.award_code), d.base_salary, recipients)


class _Names:
    """Nominees' names and communes for a few nominations, read in three queries."""

    def __init__(self, session: Session, nominations: list[Nomination]) -> None:
        self.people = people_by_id(session, {n.person_id for n in nominations if n.person_id})
        self.collectives = collectives_by_id(session, {n.collective_id for n in nominations if n.collective_id})
        self.units = repo.communes(session)

    def name(self, n: Nomination) -> str:
        if n.person_id and n.person_id in self.people:
            return self.people[n.person_id].full_name
        if n.collective_id and n.collective_id in self.collectives:
            return self.collectives[n.collective_id].name
        return ""

    def commune(self, n: Nomination) -> repo.Commune:
        return self.units.get(n.origin_node) or repo.Commune("", "")


def _unique(ids: list[str]) -> list[str]:
    """The ids in their order, each once, blanks left out."""
    seen: dict[str, None] = {}
    for raw in ids:
        clean = clean_text(raw)
        if clean:
            seen.setdefault(clean, None)
    return list(seen)


def _note(what: str, number: str, day: date, reason: str = "") -> str:
    """The reason a review row carries to the commune, in Vietnamese (it is printed and shown there)."""
    when = day.strftime("%d/%m/%Y")
    if what == "decided":
        return f"Quyết định số {number} ngày {when} của Chủ tịch UBND tỉnh"
    if what == "withdrawn":
        return f"Đã rút khỏi Quyết định số {number} ngày {when} của Chủ tịch UBND tỉnh"
    return f"Quyết định số {number} ngày {when} của Chủ tịch UBND tỉnh đã bị hủy: {reason}"
