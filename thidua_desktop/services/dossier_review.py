"""The province's review (thẩm định) of one dossier: what the commune sent (its printed documents
and attached files), the eligibility recomputed with the province's catalog and every record the
province holds of the nominee across communes, the reviewer's checklist of dossier items and
comments, and the verdict (approve, return with reasons, reject) through ReviewService.

People are matched across communes by CCCD only: a name, birth date and ethnicity can point at
two people, and flagging those is the duplicates check's work, not a silent merge here."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, date, datetime
from pathlib import Path

from ..db import Database, Session
from ..db.models import Collective, Nomination, NominationBatch, Office, Person
from ..db.repositories import dossier_review as repo
from ..db.repositories import history as history_repo
from ..db.repositories import reviews as reviews_repo
from ..db.repositories.common import get_live
from ..db.repositories.print_reports import own_decision_numbers
from ..db.repositories.review_queue import REVIEWED
from ..domain.enums import CommendationKind, Role
from ..domain.errors import DomainError, NotFoundError, StateError, ValidationError
from ..domain.records import AwardRecord, History
from ..domain.text import clean_text
from ..rules import AwardDef, Decision, Reason, evaluate
from ..rules import repeat as repeat_rule
from ..rules.explain import explain_reason
from . import access as roles
from .attachments import AttachmentStore
from .base import CatalogSource, ServiceBase
from .changes import Change
from .document_kinds import BY_KIND, MEETING, NOMINATION
from .dossier_review_views import (
    VERDICTS,
    ChecklistLine,
    CommentView,
    CriterionLine,
    DossierFile,
    DossierReview,
    Eligibility,
    HistorySource,
    PrintableDocument,
    ReviewLine,
)
from .printing import PrintService
from .reviews import ReviewService, next_outcomes
from .summary_templates import clean_multiline

__all__ = ["DossierReview", "DossierReviewService"]

COMMENT_MAX = 4000  # characters: a comment is a few paragraphs, not a document


def _local(moment: datetime) -> datetime:
    """A stored time (UTC, as every row keeps it) in the computer's own time zone, for the screen."""
    return moment.replace(tzinfo=UTC).astimezone().replace(tzinfo=None)


class DossierReviewService(ServiceBase):
    def __init__(self, db: Database, actor: str = "system", catalog: CatalogSource | None = None, *,
                 access: roles.Access | None = None, reviews: ReviewService | None = None,
                 printing: PrintService | None = None, attachments: AttachmentStore | None = None) -> None:
        super().__init__(db, actor, catalog, access=access)
        self.reviews = reviews or ReviewService(db, actor, catalog, access=self.access)
        self.printing = printing
        self.attachments = attachments

    # Reading -------------------------------------------------------------------------------
    def dossier(self, nomination_id: str, today: date | None = None, lang: str = "vi") -> DossierReview:
        """Everything the reviewer needs about one dossier, as of ``today``."""
        today = today or date.today()
        with self.db.reader() as session:
            n = get_live(session, Nomination, nomination_id, field="nomination")
            batch = get_live(session, NominationBatch, n.batch_id, field="batch")
            unit = repo.unit_of_node(session, n.origin_node)
            award = self._award(n.award_code)
            history = repo.reviews(session, n.id)
            latest = history[-1] if history else None
            verdicts = [r for r in history if r.status in REVIEWED]
            verdict = verdicts[-1] if verdicts else None
            shown = reviews_repo.effective_state(n, latest)
            status, reason = shown.status, shown.reason
            with_commune = status in ("draft", "council_voted") and verdict is not None and verdict.status == "returned"
            if with_commune and verdict is not None:
                status, reason = "returned", verdict.reason
            changed = verdict is not None and (n.origin_epoch, n.version) > (verdict.reviewed_epoch,
                                                                             verdict.reviewed_version)
            meetings = repo.voted_meetings(session, n.id)
            return DossierReview(
                nomination_id=n.id, nominee_name=self._nominee_name(session, n),
                unit_code=unit.code if unit else "", unit_name=unit.name if unit else "",
                award_code=n.award_code, award_name=self._award_label(award, n.award_code, lang),
                commendation_kind=n.commendation_kind, year=batch.year, batch_name=batch.name,
                achievement_summary=n.achievement_summary, status=status, reason=reason, version=n.version,
                reviewed_version=verdict.reviewed_version if verdict else None, changed_since_review=changed,
                with_commune=with_commune, eligibility=self._eligibility(session, n, award, batch.year, today, lang),
                checklist=self._checklist(session, n, award, lang), comments=self._comments(session, n.id),
                reviews=tuple(ReviewLine(r.status, r.reason, r.reviewed_version, _local(r.reviewed_at),
                                         tuple(r.checklist or ())) for r in history),
                documents=self._documents(n, batch.id, meetings),
                allowed=tuple(o for o in VERDICTS if o in next_outcomes(shown.status)))

    def _award(self, code: str) -> AwardDef | None:
        try:
            return self.catalog.award(code)
        except NotFoundError:
            return None  # a code the province's catalog does not have (any more)

    @staticmethod
    def _award_label(award: AwardDef | None, code: str, lang: str) -> str:
        if award is None:
            return code
        return award.name_en if lang == "en" else award.name_vi

    @staticmethod
    def _nominee_name(session: Session, n: Nomination) -> str:
        if n.person_id:
            return get_live(session, Person, n.person_id, field="nominee").full_name
        return get_live(session, Collective, n.collective_id, field="nominee").name

    # The eligibility, recomputed across communes ---------------------------------------------
    def _eligibility(self, session: Session, n: Nomination, award: AwardDef | None, year: int, today: date,
                     lang: str) -> Eligibility:
        commune_outcome = (n.eligibility or {}).get("outcome") if n.eligibility else None
        own = history_repo.load_history(session, n.person_id, n.collective_id, year,
                                        frozenset(n.attested or []), n.id)
        unit = repo.unit_of_node(session, n.origin_node)
        sources = [self._source(unit, "nominee", self._nominee_name(session, n), own, lang)]
        others: list[History] = []
        match = "collective"
        if n.person_id:
            person = get_live(session, Person, n.person_id, field="nominee")
            match = "cccd" if person.cccd else "no_cccd"
            for same in repo.same_cccd(session, person):
                theirs = history_repo.load_history(session, same.id, None, year)
                others.append(theirs)
                sources.append(self._source(repo.unit_of_node(session, same.origin_node), "cccd", same.full_name,
                                            theirs, lang))
        merged = repeat_rule.merge(own, others)
        granted = own_decision_numbers(session, n.id)  # this dossier's own award, once decided, is not "before"
        merged = replace(merged, awards=tuple(a for a in merged.awards
                                              if (a.award_code, a.decision_number) not in granted))
        catalog_version = self.catalog.catalog_version
        if award is None:
            return Eligibility("unknown_award", (), tuple(sources), match, commune_outcome, today, catalog_version)
        candidate = (history_repo.candidate_for_person(get_live(session, Person, n.person_id)) if n.person_id
                     else history_repo.candidate_for_collective(session, get_live(session, Collective,
                                                                                  n.collective_id)))
        decision = evaluate(candidate, award, merged, today, year)
        repeat = repeat_rule.not_awarded_twice(award, merged, year, CommendationKind(n.commendation_kind))
        decision = repeat_rule.with_reason(decision, repeat)
        return Eligibility(decision.outcome.value, self._criteria(decision, lang), tuple(sources), match,
                           str(commune_outcome) if commune_outcome else None, today, catalog_version)

    def _criteria(self, decision: Decision, lang: str) -> tuple[CriterionLine, ...]:
        def line(reason: Reason) -> CriterionLine:
            return CriterionLine(reason.outcome.value, explain_reason(reason, lang, self.catalog), reason.verified,
                                 reason.check == repeat_rule.CHECK, tuple(line(c) for c in reason.children))
        return tuple(line(r) for r in decision.reasons)

    def _source(self, unit: repo.Unit | None, matched_by: str, name: str, history: History,
                lang: str) -> HistorySource:
        return HistorySource(unit.code if unit else "", unit.name if unit else "", matched_by, name,
                             tuple(self._award_line(a, lang) for a in history.awards), len(history.ratings),
                             len(history.disciplines), len(history.pending))

    def _award_line(self, record: AwardRecord, lang: str) -> str:
        name = record.title or self._award_label(self._award(record.award_code), record.award_code, lang)
        text = f"{name} {record.year}"
        if record.decision_number:
            text += f" ({'QĐ số' if lang == 'vi' else 'decision'} {record.decision_number})"
        return text

    # The checklist, the comments, the documents ----------------------------------------------
    def _checklist(self, session: Session, n: Nomination, award: AwardDef | None,
                   lang: str) -> tuple[ChecklistLine, ...]:
        lines = repo.dossier_lines(session, n.id)
        files = repo.files_of(session, [d.id for d in lines.values()])
        state = repo.checklist(session, n.id)
        items = [(i.code, i.name_en if lang == "en" else i.name_vi, i.required) for i in award.dossier] if award else []
        known = {code for code, _name, _required in items}
        # A line the commune's (older or newer) catalog had and the province's has not is still shown.
        items += [(code, code, False) for code in lines if code not in known]
        out = []
        for code, name, required in items:
            line, mark = lines.get(code), state.get(code)
            attached = tuple(DossierFile(a.id, a.file_name, a.size) for a in files.get(line.id, [])) if line else ()
            out.append(ChecklistLine(
                code, name, required, bool(line and (line.provided or attached)), attached,
                bool(mark and mark.checked), mark.note if mark else "", mark.changed_by if mark else "",
                _local(mark.changed_at) if mark else None,
                bool(mark and (mark.checked_epoch, mark.checked_version) < (n.origin_epoch, n.version))))
        return tuple(out)

    @staticmethod
    def _comments(session: Session, nomination_id: str) -> tuple[CommentView, ...]:
        return tuple(CommentView(c.id, c.author, c.text, _local(c.created_at), verdict)
                     for c, verdict in repo.comments(session, nomination_id))

    def _documents(self, n: Nomination, batch_id: str, meetings: list[str]) -> tuple[PrintableDocument, ...]:
        """The printed documents of the dossier: its achievement report, and its batch's papers
        (submission, lists, the council's minutes and ballots of the meetings that voted on it)."""
        out = [PrintableDocument(kind, n.id, BY_KIND[kind].title_vi)
               for kind, spec in BY_KIND.items() if spec.target == NOMINATION]
        targets: list[tuple[str, str]] = []
        if self.printing is not None:
            try:
                targets = self.printing.batch_targets(batch_id)
            except DomainError:
                targets = []  # the batch's papers cannot be listed; the report still can
        for kind, target in targets:
            spec = BY_KIND[kind]
            if spec.target == NOMINATION or (spec.target == MEETING and target not in meetings):
                continue  # another dossier's report, a meeting that did not vote on this one
            out.append(PrintableDocument(kind, target, spec.title_vi))
        return tuple(out)

    def file_path(self, nomination_id: str, attachment_id: str) -> Path:
        """A copy of one of the dossier's attached files under its own name, to open it."""
        with self.db.reader() as session:
            row = repo.dossier_file(session, clean_text(nomination_id), clean_text(attachment_id))
            sha, name = row.sha256, row.file_name
        if self.attachments is None:
            raise ValidationError("ATTACHMENTS_UNAVAILABLE", field="files")
        return self.attachments.readable_copy(sha, name)

    # Writing -------------------------------------------------------------------------------
    def _province_nomination(self, session: Session, nomination_id: str) -> Nomination:
        office = session.get(Office, 1)
        if office is None or office.role != Role.PROVINCE.value:
            raise StateError("REVIEW_PROVINCE_ONLY", field="status")
        return get_live(session, Nomination, clean_text(nomination_id), field="nomination")

    def set_item(self, nomination_id: str, item_code: str, checked: bool, note: str = "") -> Change:
        """The reviewer checks (or unchecks) one dossier item, with a note. Nothing another screen
        shows changes: the queue lists no checklist."""
        code = clean_text(item_code)
        self.access.require(roles.REVIEW)
        with self.db.transaction(self.actor) as session:
            n = self._province_nomination(session, nomination_id)
            award = self._award(n.award_code)
            known = {i.code for i in award.dossier} if award else set()
            known |= set(repo.dossier_lines(session, n.id))
            if code not in known:
                raise ValidationError("DOSSIER_ITEM_UNKNOWN", field="documents", value=code)
            repo.set_checklist_item(session, n, code, bool(checked), clean_text(note), self.actor)
        return Change.NONE

    def add_comment(self, nomination_id: str, text: str) -> Change:
        """A reviewer's comment on the dossier, signed with the account (or officer) and the time."""
        body = clean_multiline(text)
        if not body:
            raise ValidationError("REQUIRED", field="comment")
        if len(body) > COMMENT_MAX:
            raise ValidationError("TEXT_TOO_LONG", field="comment", max=COMMENT_MAX)
        self.access.require(roles.REVIEW)
        signed = self.access.signed_in
        with self.db.transaction(self.actor) as session:
            n = self._province_nomination(session, nomination_id)
            repo.add_comment(session, n.id, body, self.actor, signed.account_id if signed else None)
        return Change.NONE

    def decide(self, nomination_id: str, outcome: str, reason: str = "") -> Change:
        """Approve, return (reason required) or reject (reason required) the dossier's current
        version; the checklist and the comments so far are kept with the verdict."""
        if outcome not in (*VERDICTS, "in_review"):
            raise ValidationError("ENUM_INVALID", field="status", value=outcome, allowed=[*VERDICTS, "in_review"])
        self.reviews.review(clean_text(nomination_id), outcome, reason)
        return Change.NOMINATIONS

