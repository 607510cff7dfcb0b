"""Nomination batches and nominations: the dossier, eligibility, and the status state machine."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from ..db import Session
from ..db.models import (
    Collective,
    Initiative,
    Nomination,
    NominationBatch,
    NominationDocument,
    NominationEvent,
    Person,
)
from ..db.repositories import history as history_repo
from ..db.repositories import nominations as repo
from ..db.repositories.common import get_live, live
from ..domain.enums import BatchKind, CommendationKind, NominationStatus, SubjectType, can_transition
from ..domain.errors import StateError, ValidationError
from ..domain.text import clean_text
from ..domain.validation import parse_date, parse_enum, parse_int, require
from ..rules import Decision, check_quota, evaluate
from .base import ServiceBase


@dataclass(frozen=True)
class NominationView:
    id: str
    batch_id: str
    award_code: str
    award_name: str
    commendation_kind: str
    status: str
    status_reason: str
    nominee_name: str
    person_id: str | None
    collective_id: str | None
    achievement_summary: str
    eligibility_outcome: str | None

    def to_json(self) -> dict[str, object]:
        return {"id": self.id, "status": self.status, "nominee_name": self.nominee_name,
                "award_code": self.award_code, "award_name": self.award_name, "batch_id": self.batch_id,
                "commendation_kind": self.commendation_kind, "person_id": self.person_id,
                "collective_id": self.collective_id, "status_reason": self.status_reason,
                "eligibility": self.eligibility_outcome}


@dataclass(frozen=True)
class BatchView:
    id: str
    name: str
    year: int
    kind: str
    deadline: date | None


class NominationService(ServiceBase):
    # Batches -------------------------------------------------------------------------------
    def create_batch(self, name: str, year: str | int, kind: str = "annual", deadline: str = "",
                     movement_id: str | None = None) -> BatchView:
        clean = clean_text(name)
        require(clean, "name")
        batch = NominationBatch(name=clean, year=parse_int(str(year), "year", min=2000, max=2100),
                                kind=parse_enum(BatchKind, kind, "kind").value,
                                deadline=parse_date(deadline, "deadline") if clean_text(deadline) else None,
                                movement_id=movement_id)
        with self.db.transaction(self.actor) as session:
            session.add(batch)
            session.flush()
            return BatchView(batch.id, batch.name, batch.year, batch.kind, batch.deadline)

    def batches(self) -> list[BatchView]:
        with self.db.reader() as session:
            rows = session.scalars(live(NominationBatch).order_by(NominationBatch.year.desc(),
                                                                  NominationBatch.name)).all()
            return [BatchView(b.id, b.name, b.year, b.kind, b.deadline) for b in rows]

    # Nominations ---------------------------------------------------------------------------
    def create(self, *, batch_id: str, award_code: str, person_id: str | None = None,
               collective_id: str | None = None, commendation_kind: str = "regular",
               achievement_summary: str = "", initiative_ids: list[str] | None = None,
               as_of: date | None = None) -> NominationView:
        award = self.catalog.award(clean_text(award_code))
        kind = parse_enum(CommendationKind, commendation_kind, "commendation_kind")
        if kind.value not in {k.value for k in award.commendation_kinds}:
            raise ValidationError("COMMENDATION_KIND_NOT_ALLOWED", field="commendation_kind", value=kind.value)
        with self.db.transaction(self.actor) as session:
            batch = get_live(session, NominationBatch, batch_id, field="batch")
            self._check_subject(session, award.subject_type, person_id, collective_id)
            nomination = Nomination(batch_id=batch.id, award_code=award.code, commendation_kind=kind.value,
                                    person_id=person_id, collective_id=collective_id,
                                    achievement_summary=clean_text(achievement_summary),
                                    status=NominationStatus.DRAFT.value, created_on=as_of or date.today(),
                                    initiative_ids=[], attested=[])
            session.add(nomination)
            session.flush()
            for item in award.dossier:
                session.add(NominationDocument(nomination_id=nomination.id, item_code=item.code, provided=False))
            self._use_initiatives(session, nomination, initiative_ids or [])
            session.add(NominationEvent(nomination_id=nomination.id, from_status="",
                                        to_status=NominationStatus.DRAFT.value, actor=self.actor))
            self._evaluate(session, nomination, batch.year, as_of or date.today())
            return self._view(session, nomination)

    @staticmethod
    def _check_subject(session: Session, subject: SubjectType, person_id: str | None,
                       collective_id: str | None) -> None:
        if bool(person_id) == bool(collective_id):
            raise ValidationError("SUBJECT_REQUIRED", field="nominee")
        if subject is SubjectType.INDIVIDUAL:
            if not person_id:
                raise ValidationError("SUBJECT_TYPE_MISMATCH", field="nominee", expected=subject.value)
            get_live(session, Person, person_id, field="nominee")
            return
        if not collective_id:
            raise ValidationError("SUBJECT_TYPE_MISMATCH", field="nominee", expected=subject.value)
        collective = get_live(session, Collective, collective_id, field="nominee")
        if (collective.kind == "household") != (subject is SubjectType.HOUSEHOLD):
            raise ValidationError("SUBJECT_TYPE_MISMATCH", field="nominee", expected=subject.value)

    @staticmethod
    def _use_initiatives(session: Session, nomination: Nomination, initiative_ids: list[str]) -> None:
        """Mark initiatives as backing this nomination; one initiative backs one award only."""
        for initiative_id in initiative_ids:
            initiative = get_live(session, Initiative, initiative_id, field="initiatives")
            if (initiative.used_by_award_id or
                    (initiative.used_by_nomination_id and initiative.used_by_nomination_id != nomination.id)):
                raise ValidationError("INITIATIVE_ALREADY_USED", field="initiatives", title=initiative.title)
            initiative.used_by_nomination_id = nomination.id
        nomination.initiative_ids = list(initiative_ids)

    def _evaluate(self, session: Session, nomination: Nomination, year: int, as_of: date) -> Decision:
        award = self.catalog.award(nomination.award_code)
        if nomination.person_id:
            candidate = history_repo.candidate_for_person(get_live(session, Person, nomination.person_id))
        else:
            candidate = history_repo.candidate_for_collective(
                session, get_live(session, Collective, nomination.collective_id))
        history = history_repo.load_history(session, nomination.person_id, nomination.collective_id, year,
                                            frozenset(nomination.attested or []), nomination.id)
        decision = evaluate(candidate, award, history, as_of, year)
        nomination.eligibility = decision.to_dict()
        return decision

    def evaluate(self, nomination_id: str, as_of: date | None = None, *, store: bool = True) -> Decision:
        """Re-check eligibility now; ``store`` keeps the result on the nomination (else read-only)."""
        with (self.db.transaction(self.actor) if store else self.db.reader()) as session:
            nomination = get_live(session, Nomination, nomination_id, field="nomination")
            batch = get_live(session, NominationBatch, nomination.batch_id)
            return self._evaluate(session, nomination, batch.year, as_of or date.today())

    def attest(self, nomination_id: str, criterion_ids: list[str]) -> Decision:
        """The officer confirms qualitative criteria (e.g. active in the movement)."""
        with self.db.transaction(self.actor) as session:
            nomination = get_live(session, Nomination, nomination_id, field="nomination")
            award = self.catalog.award(nomination.award_code)
            known = {c.id for top in award.criteria for c in top.walk()}
            for cid in criterion_ids:
                if cid not in known:
                    raise ValidationError("CRITERION_UNKNOWN", field="criteria", value=cid)
            nomination.attested = sorted(set(nomination.attested or []) | set(criterion_ids))
            batch = get_live(session, NominationBatch, nomination.batch_id)
            return self._evaluate(session, nomination, batch.year, date.today())

    def transition(self, nomination_id: str, target: str, reason: str = "",
                   session: Session | None = None) -> NominationView:
        """Move a nomination along the state machine; an invalid move is refused with a reason code."""
        if session is not None:
            return self._transition(session, nomination_id, target, reason)
        with self.db.transaction(self.actor) as own:
            return self._transition(own, nomination_id, target, reason)

    def _transition(self, session: Session, nomination_id: str, target: str, reason: str) -> NominationView:
        to_status = parse_enum(NominationStatus, target, "status")
        nomination = get_live(session, Nomination, nomination_id, field="nomination")
        current = NominationStatus(nomination.status)
        if not can_transition(current, to_status):
            raise StateError("STATUS_TRANSITION_INVALID", field="status", current=current.value,
                             target=to_status.value)
        if to_status in (NominationStatus.RETURNED, NominationStatus.REJECTED) and not clean_text(reason):
            raise ValidationError("REASON_REQUIRED", field="reason")
        nomination.status = to_status.value
        nomination.status_reason = clean_text(reason)
        session.add(NominationEvent(nomination_id=nomination.id, from_status=current.value,
                                    to_status=to_status.value, actor=self.actor, reason=clean_text(reason)))
        session.flush()
        return self._view(session, nomination)

    @staticmethod
    def batch_year(session: Session, batch_id: str) -> int:
        return get_live(session, NominationBatch, batch_id, field="batch").year

    def history(self, nomination_id: str) -> list[dict[str, object]]:
        with self.db.reader() as session:
            get_live(session, Nomination, nomination_id, field="nomination")
            return [{"from": e.from_status, "to": e.to_status, "at": e.at.isoformat(timespec="seconds"),
                     "actor": e.actor, "reason": e.reason} for e in repo.events(session, nomination_id)]

    def get(self, nomination_id: str) -> NominationView:
        with self.db.reader() as session:
            return self._view(session, get_live(session, Nomination, nomination_id, field="nomination"))

    def eligibility(self, nomination_id: str) -> dict[str, object]:
        """The stored per-criterion result (re-evaluated when missing)."""
        view = self.get(nomination_id)
        with self.db.reader() as session:
            stored = get_live(session, Nomination, nomination_id).eligibility
        if stored:
            return stored
        return self.evaluate(view.id).to_dict()

    def list(self, status: str | None = None, batch_id: str | None = None, *, offset: int = 0,
             limit: int = 1000) -> list[NominationView]:
        if status:
            parse_enum(NominationStatus, status, "status")
        with self.db.reader() as session:
            rows = repo.nominations(session, status, batch_id, offset, limit)
            return [self._view(session, n) for n in rows]

    def page(self, status: str | None = None, *, offset: int = 0,
             limit: int = 200) -> tuple[list[NominationView], int]:
        """One page of nominations and the total, for list views."""
        if status:
            parse_enum(NominationStatus, status, "status")
        with self.db.reader() as session:
            rows = repo.nominations(session, status, None, offset, limit)
            return [self._view(session, n) for n in rows], repo.count(session, status)

    def quota(self, batch_id: str, award_code: str) -> dict[str, object]:
        """Live quota status for an award in a batch, where the catalog (or the office) set one."""
        award = self.catalog.award(award_code)
        with self.db.reader() as session:
            nominated = repo.count_in_batch(session, batch_id, award.code)
            base = repo.count_in_batch(session, batch_id, award.quota.of_award) if award.quota else 0
        result = check_quota(award.quota, nominated, base)
        return {"award_code": award.code, "enabled": result.enabled, "count": result.count,
                "limit": result.limit, "within": result.within}

    def _view(self, session: Session, n: Nomination) -> NominationView:
        if n.person_id:
            name = get_live(session, Person, n.person_id).full_name
        else:
            name = get_live(session, Collective, n.collective_id).name
        try:
            award_name = self.catalog.award(n.award_code).name_vi
        except Exception:
            award_name = n.award_code
        outcome = (n.eligibility or {}).get("outcome") if n.eligibility else None
        return NominationView(n.id, n.batch_id, n.award_code, award_name, n.commendation_kind, n.status,
                              n.status_reason, name, n.person_id, n.collective_id, n.achievement_summary,
                              str(outcome) if outcome else None)
