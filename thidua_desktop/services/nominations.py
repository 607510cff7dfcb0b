"""Nomination batches and nominations: the dossier, eligibility, and the status state machine."""

from __future__ import annotations

import builtins  # the class's own ``list`` method shadows the builtin in its later signatures
from collections.abc import Sequence
from datetime import date
from pathlib import Path

from ..db import Database, Session
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
from ..db.repositories import people as people_repo
from ..db.repositories import reviews as reviews_repo
from ..db.repositories.common import count, get_live, live, page
from ..domain.enums import BatchKind, CommendationKind, NominationStatus, SubjectType, can_transition
from ..domain.errors import NotFoundError, StateError, ValidationError
from ..domain.records import Candidate
from ..domain.text import clean_text, search_key
from ..domain.validation import parse_date, parse_enum, parse_int, require
from ..rules import AwardDef, Decision, Reason, evaluate, tie_break_key
from ..rules.labels import RATING, word
from .attachments import AttachmentStore
from .base import CatalogSource, ServiceBase
from .nomination_dossier import DossierMixin
from .nomination_quotas import QuotaMixin
from .nomination_views import (
    BatchView,
    CandidatePreview,
    DocumentView,
    NominationView,
    NomineeDraft,
    NomineeOption,
    reason_text,
)
from .record_tokens import Token, check, get_for_edit, token_of
from .settings import SettingsService
from .summary_templates import clean_multiline, render_summary

_OUTCOME_ORDER = {"eligible": 0, "incomplete": 1, "not_eligible": 2}


__all__ = ["BatchView", "CandidatePreview", "DocumentView", "NominationService", "NominationView",
           "NomineeDraft", "NomineeOption"]


class NominationService(DossierMixin, QuotaMixin, ServiceBase):
    """Batches, nominations and their eligibility, and the status state machine; the dossier's
    files and the province's feedback on it (nomination_dossier.py) and the quotas
    (nomination_quotas.py) are mixed in."""

    def __init__(self, db: Database, actor: str = "system", catalog: CatalogSource | None = None, *,
                 attachments: AttachmentStore | None = None, settings: SettingsService | None = None) -> None:
        super().__init__(db, actor, catalog)
        self.attachments = attachments
        self.settings = settings

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

    # Nominees ------------------------------------------------------------------------------
    def nominees(self, subject_type: str, search: str = "", *, offset: int = 0,
                 limit: int = 100) -> tuple[list[NomineeOption], int]:
        """One page of people (individual awards), collectives or households matching the search."""
        subject = parse_enum(SubjectType, subject_type, "subject")
        key = search_key(search)
        with self.db.reader() as session:
            villages = people_repo.village_names(session)
            if subject is SubjectType.INDIVIDUAL:
                people = people_repo.people_query(key)
                rows = [NomineeOption(p.id, True, p.full_name,
                                      ", ".join(x for x in (p.position, villages.get(p.village_id or "", "")) if x),
                                      p.gender == "female") for p in page(session, people, offset, limit)]
                return rows, count(session, people)
            collectives = repo.collectives_for_nomination(key, subject is SubjectType.HOUSEHOLD)
            rows = [NomineeOption(c.id, False, c.name, villages.get(c.village_id or "", ""), None)
                    for c in page(session, collectives, offset, limit)]
            return rows, count(session, collectives)

    def preview(self, *, award_code: str, year: int, nominees: Sequence[NomineeDraft],
                as_of: date | None = None) -> list[CandidatePreview]:
        """Eligibility of nominees before they are saved, best first: eligible, then (among equals)
        women and collectives with enough women, then the order given."""
        award = self.catalog.award(award_code)
        share = self.catalog.parameters.women_priority_share
        ranked: list[tuple[tuple[int, int, int], CandidatePreview]] = []
        with self.db.reader() as session:
            for index, draft in enumerate(nominees):
                candidate = self._candidate(session, draft.person_id, draft.collective_id)
                history = history_repo.load_history(session, draft.person_id, draft.collective_id, year,
                                                    frozenset(draft.attested), None)
                decision = evaluate(candidate, award, history, as_of or date.today(), year)
                preferred = tie_break_key(candidate, share)[0] == 0
                key = (_OUTCOME_ORDER[decision.outcome.value], 0 if preferred else 1, index)
                ranked.append((key, CandidatePreview(candidate.id, candidate.display_name, decision, preferred)))
        return [p for _key, p in sorted(ranked, key=lambda item: item[0])]

    @staticmethod
    def _candidate(session: Session, person_id: str | None, collective_id: str | None) -> Candidate:
        if person_id:
            return history_repo.candidate_for_person(get_live(session, Person, person_id, field="nominee"))
        return history_repo.candidate_for_collective(session, get_live(session, Collective, collective_id,
                                                                       field="nominee"))

    def draft_summary(self, award_code: str, year: int, *, person_id: str | None = None,
                      collective_id: str | None = None) -> str:
        """The award's achievement-summary template filled from the register (always Vietnamese:
        it is printed in the dossier)."""
        award = self.catalog.award(award_code)
        with self.db.reader() as session:
            values: dict[str, object] = dict(repo.summary_values(session, person_id, collective_id, year))
        unit = str(values["unit"])
        for prefix in ("Xã ", "Phường ", "Thị trấn "):  # mid-sentence: "UBND xã Quảng Uyên"
            if unit.startswith(prefix):
                values["unit"] = prefix.lower() + unit[len(prefix):]
        rating = word(RATING, values["rating"], "vi") if values["rating"] else ""
        values.update(award=award.name_vi, year=year, rating=rating, rating_lower=rating[:1].lower() + rating[1:])
        return render_summary(award.code, values)

    # Nominations ---------------------------------------------------------------------------
    def _award_and_kind(self, award_code: str, commendation_kind: str) -> tuple[AwardDef, CommendationKind]:
        award = self.catalog.award(clean_text(award_code))
        kind = parse_enum(CommendationKind, commendation_kind, "commendation_kind")
        if kind.value not in {k.value for k in award.commendation_kinds}:
            raise ValidationError("COMMENDATION_KIND_NOT_ALLOWED", field="commendation_kind", value=kind.value)
        return award, kind

    def create(self, *, batch_id: str, award_code: str, person_id: str | None = None,
               collective_id: str | None = None, commendation_kind: str = "regular",
               achievement_summary: str = "", initiative_ids: list[str] | None = None,
               as_of: date | None = None) -> NominationView:
        draft = NomineeDraft(person_id, collective_id, achievement_summary, initiative_ids=initiative_ids or [])
        [view] = self.create_many(batch_id=batch_id, award_code=award_code, commendation_kind=commendation_kind,
                                  nominees=[draft], as_of=as_of)
        return view

    def create_many(self, *, batch_id: str, award_code: str, nominees: Sequence[NomineeDraft],
                    commendation_kind: str = "regular", as_of: date | None = None,
                    store: AttachmentStore | None = None) -> list[NominationView]:
        """Draft nominations for several nominees, with attestations, ticked dossier items and
        attached files, in one transaction: all are saved or none."""
        award, kind = self._award_and_kind(award_code, commendation_kind)
        if not nominees:
            raise ValidationError("REQUIRED", field="nominee")
        known = self._attestable(award)
        items = {d.code for d in award.dossier}
        stored: list[dict[str, list[tuple[Path, tuple[str, int, str]]]]] = []
        for draft in nominees:
            for cid in draft.attested:
                if cid not in known:
                    raise ValidationError("CRITERION_UNKNOWN", field="criteria", value=cid)
            for code in [*draft.provided, *draft.files]:
                if code not in items:
                    raise ValidationError("DOSSIER_ITEM_UNKNOWN", field="documents", value=code)
            # Content-addressed, so a file stored for a transaction that then fails does no harm.
            stored.append({code: [self._store(Path(p), store) for p in paths] for code, paths in draft.files.items()})
        day = as_of or date.today()
        with self.db.transaction(self.actor) as session:
            batch = get_live(session, NominationBatch, batch_id, field="batch")
            seen: set[str] = set()
            views = []
            for draft, files in zip(nominees, stored, strict=True):
                if draft.subject_id in seen:
                    raise ValidationError("NOMINATION_DUPLICATE", field="nominee", award=award.name_vi)
                seen.add(draft.subject_id)
                nomination, docs = self._insert(session, batch, award, kind, draft, day)
                for code in draft.provided:
                    docs[code].provided = True
                for code, entries in files.items():
                    for path, (sha, size, mime) in entries:
                        repo.link_attachment(session, docs[code], path.name, sha, size, mime)
                self._evaluate(session, nomination, batch.year, day)
                views.append(self._view(session, nomination))
            return views

    def _insert(self, session: Session, batch: NominationBatch, award: AwardDef, kind: CommendationKind,
                draft: NomineeDraft, day: date) -> tuple[Nomination, dict[str, NominationDocument]]:
        self._check_subject(session, award.subject_type, draft.person_id, draft.collective_id)
        if repo.existing_nominee(session, batch.id, award.code, draft.person_id, draft.collective_id):
            raise ValidationError("NOMINATION_DUPLICATE", field="nominee", award=award.name_vi)
        nomination = Nomination(batch_id=batch.id, award_code=award.code, commendation_kind=kind.value,
                                person_id=draft.person_id, collective_id=draft.collective_id,
                                achievement_summary=clean_multiline(draft.achievement_summary),
                                status=NominationStatus.DRAFT.value, created_on=day,
                                initiative_ids=[], attested=sorted(set(draft.attested)))
        session.add(nomination)
        session.flush()
        docs = {}
        for item in award.dossier:
            docs[item.code] = NominationDocument(nomination_id=nomination.id, item_code=item.code, provided=False)
            session.add(docs[item.code])
        self._use_initiatives(session, nomination, draft.initiative_ids)
        session.add(NominationEvent(nomination_id=nomination.id, from_status="",
                                    to_status=NominationStatus.DRAFT.value, actor=self.actor))
        session.flush()
        return nomination, docs

    @staticmethod
    def _attestable(award: AwardDef) -> set[str]:
        ids = {c.id for top in award.criteria for c in top.walk()}
        return ids | {f"{award.code}.{cid}" for cid in ids}

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
        candidate = self._candidate(session, nomination.person_id, nomination.collective_id)
        history = history_repo.load_history(session, nomination.person_id, nomination.collective_id, year,
                                            frozenset(nomination.attested or []), nomination.id)
        decision = evaluate(candidate, award, history, as_of, year)
        nomination.eligibility = decision.to_dict()
        return decision

    def check_before_step(self, session: Session, nomination: Nomination, as_of: date, override_reason: str,
                          field: str, name: str) -> str:
        """The eligibility check a council vote or a decision needs: re-evaluated on the day of the
        step; a nominee not eligible, or whose check is incomplete, is refused unless the officer
        gives a reason (returned cleaned, "" when none was needed)."""
        batch = get_live(session, NominationBatch, nomination.batch_id)
        decision = self._evaluate(session, nomination, batch.year, as_of)
        reason = clean_text(override_reason)
        if decision.eligible:
            return ""
        if not reason:
            raise StateError("NOMINATION_NOT_ELIGIBLE", field=field, name=name, outcome=decision.outcome.value)
        return reason

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
            known = self._attestable(self.catalog.award(nomination.award_code))
            for cid in criterion_ids:
                if cid not in known:
                    raise ValidationError("CRITERION_UNKNOWN", field="criteria", value=cid)
            nomination.attested = sorted(set(nomination.attested or []) | set(criterion_ids))
            batch = get_live(session, NominationBatch, nomination.batch_id)
            return self._evaluate(session, nomination, batch.year, date.today())

    def explain_reason(self, reason: Reason, lang: str = "vi") -> str:
        """One criterion of a check as a sentence, with the award names of the office's catalog now."""
        return reason_text(reason, lang, self.catalog)

    # Status --------------------------------------------------------------------------------
    def transition(self, nomination_id: str, target: str, reason: str = "",
                   session: Session | None = None, *, expected: Token | None = None) -> NominationView:
        """Move a nomination along the state machine; an invalid move is refused with a reason code.
        ``expected``: the token the screen read (NominationView.token); a change by someone else since
        then is refused with RECORD_CHANGED."""
        if session is not None:
            return self._transition(session, nomination_id, target, reason, expected)
        with self.db.transaction(self.actor) as own:
            return self._transition(own, nomination_id, target, reason, expected)

    def _transition(self, session: Session, nomination_id: str, target: str, reason: str,
                    expected: Token | None = None) -> NominationView:
        to_status = parse_enum(NominationStatus, target, "status")
        nomination = get_for_edit(session, Nomination, nomination_id, expected, field="nomination")
        check(session, nomination, expected)
        shown = reviews_repo.effective_state(
            nomination, reviews_repo.latest_reviews(session, [nomination.id]).get(nomination.id))
        current = NominationStatus(shown.status)
        if current is not NominationStatus(nomination.status) and to_status is not NominationStatus.DRAFT:
            # Received, in review, approved, returned and rejected are the province's to set.
            raise StateError("STATUS_TRANSITION_INVALID", field="status", current=current.value,
                             target=to_status.value)
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

    def page(self, status: str | None = None, *, batch_id: str | None = None, award_code: str | None = None,
             search: str = "", offset: int = 0, limit: int = 200) -> tuple[builtins.list[NominationView], int]:
        """One page of nominations and the total, for list views; ``search`` matches the nominee's
        name with or without accents ("nguyen thi", "đàm" = "dam")."""
        if status:
            parse_enum(NominationStatus, status, "status")
        stmt = repo.nominations_query(status, batch_id, award_code, search_key(search))
        with self.db.reader() as session:
            return [self._view(session, n) for n in page(session, stmt, offset, limit)], count(session, stmt)

    def _view(self, session: Session, n: Nomination) -> NominationView:
        if n.person_id:
            name = get_live(session, Person, n.person_id).full_name
        else:
            name = get_live(session, Collective, n.collective_id).name
        try:
            award_name = self.catalog.award(n.award_code).name_vi
        except NotFoundError:  # an award this office's catalog lacks (a newer one): its code tells
            award_name = n.award_code
        outcome = (n.eligibility or {}).get("outcome") if n.eligibility else None
        # The province's review rows decide what a submitted dossier shows (one writer per row).
        shown = reviews_repo.effective_state(n, reviews_repo.latest_reviews(session, [n.id]).get(n.id))
        return NominationView(n.id, n.batch_id, n.award_code, award_name, n.commendation_kind, shown.status,
                              shown.reason, name, n.person_id, n.collective_id, n.achievement_summary,
                              str(outcome) if outcome else None, shown.changed_since_review, token_of(n))
