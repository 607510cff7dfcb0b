"""Duplicates across communes (issue 14): the same person nominated by two communes, nominated
twice for the same achievement, or with award histories that disagree; and the officer's answer.

Findings are found afresh at every look (``rules/duplicates.py`` over the records read here):
the province's own rows, and the records the sync quarantine holds back, which are shown, never
skipped. Both sides are always kept: an answer never deletes, merges or edits a commune's row (one
writer per row). It is stored (``duplicate_resolutions``, audited like every write) and stands
while the records it was given on stay as they were; a finding whose records change comes back.

The answers (``duplicate_views.CHOICES``), each with a required reason:
- different people: not a duplicate; no finding about these two records while they are unchanged;
- same person, keep both: noted;
- same person, return one nomination: a review row "returned" with the reason, as the review
  screen writes it (services/reviews.py, its role check included); the commune sees it after its
  next bundle;
- link a held-back record to the person already held: remembered, and the held-back records of
  its commune are tried again at once (what its next bundle would do), so the record stands beside
  the existing person when nothing else holds it back (migration 0016 lets two communes hold one
  CCCD); it is never merged into it."""

from __future__ import annotations

import logging
from collections.abc import Iterable
from datetime import date, datetime
from typing import Any

from ..db import Session
from ..db.models import AwardHistory, Nomination, Person
from ..db.models.duplicates import DuplicateResolution
from ..db.repositories import duplicates as repo
from ..db.repositories import reviews as reviews_repo
from ..db.repositories import sync_rows
from ..domain.errors import NotFoundError, StateError, ValidationError
from ..domain.ethnicity import ethnic_group_by_code
from ..domain.text import clean_text, search_key
from ..rules.duplicates import (
    AWARD_FIELDS,
    AwardRecord,
    Finding,
    NominationRecord,
    PersonRecord,
    detect,
    stamp,
)
from . import access as roles
from .base import CatalogSource, ServiceBase
from .duplicate_views import (
    CHOICES,
    DIFFERENT_PEOPLE,
    LINK_PERSON,
    RETURN_NOMINATION,
    Detected,
    FindingView,
    PersonDetail,
    ResolutionView,
    build_view,
    person_detail,
)
from .reviews import ReviewService

log = logging.getLogger("thidua")
REASON_MAX = 2000  # characters of an answer's reason


def _text(value: Any) -> str:
    return value if isinstance(value, str) else ""


def _opt_text(value: Any) -> str | None:
    return value if isinstance(value, str) and value else None


def _int(value: Any) -> int:
    return value if type(value) is int else 0


def _date(value: Any) -> date | None:
    """A held-back record's date, or None when it holds none or no date at all (it may be held
    back precisely for a bad value)."""
    if isinstance(value, date):
        return value
    if not isinstance(value, str) or len(value) > 40:
        return None
    try:
        return date.fromisoformat(value)
    except ValueError:
        return None


def _newest(records: Iterable[dict[str, Any]], applied: set[str]) -> list[dict[str, Any]]:
    """One held-back record per id, its newest version; none for ids the office holds (a held-back
    copy of a held row is one of its versions, not another record) nor for tombstones."""
    best: dict[str, dict[str, Any]] = {}
    for data in records:
        row_id = data["id"]
        if row_id in applied:
            continue
        held = best.get(row_id)
        if held is None or (_int(data.get("origin_epoch")), _int(data.get("version"))) >= (
                _int(held.get("origin_epoch")), _int(held.get("version"))):
            best[row_id] = data
    return [data for data in best.values() if data.get("deleted") is not True]


def _people_stamp(finding: Finding) -> str:
    """The two people's records alone: what a "different people" answer stands on."""
    return stamp(r for r in finding.records if r[0] == "people")


def _ethnicity(code: str | None) -> str:
    group = ethnic_group_by_code(code) if code else None
    return group.name if group else (code or "")


class DuplicateService(ServiceBase):
    def __init__(self, db: Any, actor: str = "system", catalog: CatalogSource | None = None, *,
                 access: roles.Access | None = None, reviews: ReviewService | None = None) -> None:
        super().__init__(db, actor, catalog, access=access)
        self.reviews = reviews or ReviewService(db, actor, catalog, access=self.access)

    # Looking -----------------------------------------------------------------------------------
    def findings(self) -> list[FindingView]:
        """The open findings (no answer stands for them), same person first, then double
        nominations, then award histories."""
        with self.db.reader() as session:
            found = self._detect(session)
            answered = self._answered(session, found.findings)
            return [self._view(found, f) for f in found.findings if f.key not in answered]

    def finding(self, key: str) -> FindingView:
        """One open finding by its key (NOT_FOUND once answered, or once its records changed)."""
        for view in self.findings():
            if view.key == key:
                return view
        raise NotFoundError("NOT_FOUND", field="finding", id=key)

    def open_counts(self) -> dict[str, int]:
        """Open findings per commune code (a finding about two communes counts for both)."""
        counts: dict[str, int] = {}
        for view in self.findings():
            for code in view.commune_codes:
                counts[code] = counts.get(code, 0) + 1
        return counts

    def resolutions(self, limit: int = 200) -> list[ResolutionView]:
        """The answers given, newest first."""
        with self.db.reader() as session:
            return [self._resolution_view(session, r) for r in repo.recent_resolutions(session, limit)]

    # Answering ---------------------------------------------------------------------------------
    def resolve(self, key: str, fingerprint: str, choice: str, reason: str,
                nomination_id: str | None = None) -> ResolutionView:
        """Answer a finding. ``fingerprint`` is the one shown (FindingView.fingerprint): if its
        records changed meanwhile, DUPLICATE_FINDING_CHANGED (look again); if another officer
        answered it first, DUPLICATE_ALREADY_RESOLVED naming them. ``nomination_id``: for
        RETURN_NOMINATION, which of the finding's nominations goes back to its commune."""
        if choice not in CHOICES:
            raise ValidationError("ENUM_INVALID", field="choice", value=choice, allowed=list(CHOICES))
        why = clean_text(reason)
        if not why:
            raise ValidationError("REASON_REQUIRED", field="reason")
        if len(why) > REASON_MAX:
            raise ValidationError("TEXT_TOO_LONG", field="reason", max=REASON_MAX)
        self.access.require(roles.REVIEW)  # the review's reviewers and leaders answer findings
        with self.db.transaction(self.actor) as session:
            found = self._detect(session)
            finding = next((f for f in found.findings if f.key == key), None)
            answered = self._answered(session, [finding] if finding else [])
            if finding is None or finding.fingerprint != fingerprint or key in answered:
                self._refuse_stale(session, key, fingerprint)
            assert finding is not None
            view = self._view(found, finding)
            if choice not in view.choices:
                raise StateError("DUPLICATE_CHOICE_NOT_ALLOWED", field="choice", choice=choice)
            row = DuplicateResolution(
                finding_key=finding.key, pair_key=finding.pair, kind=finding.kind.value,
                fingerprint=finding.fingerprint, person_fingerprint=_people_stamp(finding), choice=choice, reason=why,
                records=[list(r) for r in sorted(finding.records)],
                sides={"a": {"person_id": view.a.person_id, "commune": view.a.commune_code,
                             "held_back": view.a.held_back},
                       "b": {"person_id": view.b.person_id, "commune": view.b.commune_code,
                             "held_back": view.b.held_back}},
                resolved_by=self.actor)
            if choice == RETURN_NOMINATION:
                line = next((n for n in view.nominations if n.id == nomination_id), None)
                if line is None:
                    raise ValidationError("DUPLICATE_NOMINATION_NOT_IN_FINDING", field="nomination")
                if line.held_back:
                    raise StateError("DUPLICATE_NOMINATION_HELD_BACK", field="nomination")
                row.nomination_id = line.id
                # The review's own path: its role check, its state machine, its row for the commune.
                row.review_id = self.reviews.review(line.id, "returned", why, session=session)
            elif choice == LINK_PERSON:
                held, kept = (view.b, view.a) if view.b.held_back else (view.a, view.b)
                row.person_id, row.linked_row_id = kept.person_id, held.person_id
                self._release(session, found.people[held.person_id].node)
            repo.add_resolution(session, row)
            log.info("duplicate answered: kind=%s choice=%s id=%s", row.kind, choice, row.id)
            return self._resolution_view(session, row)

    def _refuse_stale(self, session: Session, key: str, fingerprint: str) -> None:
        for row in reversed(repo.resolutions(session, [key], [])):
            if row.fingerprint == fingerprint:
                raise StateError("DUPLICATE_ALREADY_RESOLVED", field="finding", actor=row.resolved_by,
                                 at=row.resolved_at.strftime("%H:%M %d/%m/%Y"))
        raise StateError("DUPLICATE_FINDING_CHANGED", field="finding")

    @staticmethod
    def _release(session: Session, node: str) -> None:
        """Try the commune's held-back records again now, as its next bundle's import would (parents
        first, until nothing more applies); a record that still cannot be applied stays held back."""
        office = repo.office(session)
        allowed = {node} | ({office.node_id} if office is not None else set())
        report = sync_rows.ApplyReport()
        session.info["applying_remote"] = True  # the commune's rows, as it wrote them: not stamped as ours
        try:
            progress = True
            while progress:
                progress = False
                for item in repo.held_back_entries(session, node, sync_rows.UNFIT):
                    if sync_rows.apply_record(session, item.table_name, item.payload, report, allowed,
                                              item.bundle_id, retry=True):
                        item.resolved_at = datetime.now()
                        progress = True
                    else:
                        item.attempts += 1
        finally:
            session.info["applying_remote"] = False
        session.flush()

    # Reading -----------------------------------------------------------------------------------
    def _detect(self, session: Session) -> Detected:
        held_back = repo.held_back(session, "people")
        held_people = _newest(held_back, repo.live_ids(session, Person, (d["id"] for d in held_back)))
        held_records = {d["id"]: self._held_person(d) for d in held_people if _text(d.get("full_name"))}
        numbers = [p.cccd for p in held_records.values() if p.cccd]
        keys = [(search_key(p.full_name), p.birth_date) for p in held_records.values() if p.birth_date]
        rows = repo.candidate_people(session, numbers, keys)
        people = {p.id: self._person(p) for p in rows}
        people.update(held_records)
        villages = repo.village_names(session, [p.village_id for p in rows if p.village_id]
                                      + [_text(d.get("village_id")) for d in held_people])
        details: dict[str, PersonDetail] = {}
        for person in rows:
            raw = {"gender": person.gender, "birth_year": person.birth_year, "position": person.position,
                   "workplace": person.workplace}
            details[person.id] = person_detail(people[person.id], raw, villages.get(person.village_id or "", ""),
                                               _ethnicity(person.ethnicity_code))
        for data in held_people:
            if data["id"] in held_records:
                details[data["id"]] = person_detail(held_records[data["id"]], data,
                                                    villages.get(_text(data.get("village_id")), ""),
                                                    _ethnicity(_opt_text(data.get("ethnicity_code"))))
        nominations, batch_names = self._nominations(session, set(people))
        awards = self._awards(session, set(people))
        periods = {award.code: award.period_years for award in self.catalog.awards}
        findings = detect(list(people.values()), list(nominations.values()), list(awards.values()), periods)
        return Detected(people, details, nominations, batch_names, awards, repo.offices_by_node(session), findings)

    @staticmethod
    def _person(row: Person) -> PersonRecord:
        return PersonRecord(row.id, row.origin_node, row.full_name, row.birth_date, row.ethnicity_code, row.cccd,
                            row.origin_epoch, row.version)

    @staticmethod
    def _held_person(data: dict[str, Any]) -> PersonRecord:
        return PersonRecord(data["id"], _text(data.get("origin_node")), _text(data.get("full_name")),
                            _date(data.get("birth_date")), _opt_text(data.get("ethnicity_code")),
                            _opt_text(data.get("cccd")), _int(data.get("origin_epoch")), _int(data.get("version")),
                            held_back=str(data.get("_reason") or "HELD_BACK"))

    def _nominations(self, session: Session, person_ids: set[str]
                     ) -> tuple[dict[str, NominationRecord], dict[str, str]]:
        rows = repo.nominations_of(session, person_ids)
        held = [d for d in repo.held_back(session, "nominations") if _text(d.get("person_id")) in person_ids]
        held = _newest(held, repo.live_ids(session, Nomination, (d["id"] for d in held)))
        held_batches = {d["id"]: d for d in repo.held_back(session, "nomination_batches")}
        batches = repo.batches(session, [n.batch_id for n in rows] + [_text(d.get("batch_id")) for d in held])
        for batch_id, data in held_batches.items():
            batches.setdefault(batch_id, (_int(data.get("year")), _text(data.get("name"))))
        latest = reviews_repo.latest_reviews(session, [n.id for n in rows])
        out: dict[str, NominationRecord] = {}
        names: dict[str, str] = {}
        for row in rows:
            year, name = batches.get(row.batch_id, (0, ""))
            status = reviews_repo.effective_state(row, latest.get(row.id)).status
            out[row.id] = NominationRecord(row.id, row.person_id or "", row.origin_node, row.award_code, year or None,
                                           status, row.origin_epoch, row.version)
            names[row.id] = name
        for data in held:
            year, name = batches.get(_text(data.get("batch_id")), (0, ""))
            out[data["id"]] = NominationRecord(data["id"], _text(data.get("person_id")), _text(data.get("origin_node")),
                                               _text(data.get("award_code")), year or None, _text(data.get("status")),
                                               _int(data.get("origin_epoch")), _int(data.get("version")),
                                               held_back=str(data.get("_reason") or "HELD_BACK"))
            names[data["id"]] = name
        return out, names

    @staticmethod
    def _awards(session: Session, person_ids: set[str]) -> dict[str, AwardRecord]:
        out: dict[str, AwardRecord] = {}
        for row in repo.awards_of(session, person_ids):
            values = {name: getattr(row, name) for name in AWARD_FIELDS}
            out[row.id] = AwardRecord(row.id, row.person_id or "", row.origin_node, row.award_code, row.year, row.title,
                                      values, row.origin_epoch, row.version)
        held = [d for d in repo.held_back(session, "award_history") if _text(d.get("person_id")) in person_ids]
        for data in _newest(held, repo.live_ids(session, AwardHistory, (d["id"] for d in held))):
            if type(data.get("year")) is not int:
                continue  # no year: nothing to compare it by (it is held back for that, and shown on the Sync screen)
            values = {name: _date(data.get(name)) if name == "decision_date" else data.get(name)
                      for name in AWARD_FIELDS}
            out[data["id"]] = AwardRecord(data["id"], _text(data.get("person_id")), _text(data.get("origin_node")),
                                          _text(data.get("award_code")), int(data["year"]), _text(data.get("title")),
                                          values, _int(data.get("origin_epoch")), _int(data.get("version")),
                                          held_back=str(data.get("_reason") or "HELD_BACK"))
        return out

    def _answered(self, session: Session, findings: list[Finding]) -> set[str]:
        """The keys of the findings an answer still stands for: one given on the same records, or
        "different people" given on the same two person records."""
        if not findings:
            return set()
        stored = repo.resolutions(session, [f.key for f in findings], [f.pair for f in findings])
        by_key = {(r.finding_key, r.fingerprint) for r in stored}
        apart = {(r.pair_key, r.person_fingerprint) for r in stored if r.choice == DIFFERENT_PEOPLE}
        out = set()
        for finding in findings:
            if (finding.key, finding.fingerprint) in by_key or (
                    finding.a != finding.b and (finding.pair, _people_stamp(finding)) in apart):
                out.add(finding.key)
        return out

    def _view(self, found: Detected, finding: Finding) -> FindingView:
        return build_view(found, finding, self._award_name, self._award_short)

    def _award_name(self, code: str, title: str) -> str:
        try:
            return self.catalog.award(code).name_vi
        except NotFoundError:  # a free-text award (OTHER), or one a newer catalog knows
            return title or code

    def _award_short(self, code: str) -> str:
        try:
            return self.catalog.award(code).short_vi
        except NotFoundError:
            return code

    @staticmethod
    def _resolution_view(session: Session, row: DuplicateResolution) -> ResolutionView:
        sides = row.sides or {}
        codes = tuple(dict.fromkeys(str((sides.get(s) or {}).get("commune") or "") for s in ("a", "b")))
        held = False
        if row.choice == LINK_PERSON and row.linked_row_id:
            held = row.linked_row_id not in repo.live_ids(session, Person, [row.linked_row_id])
        return ResolutionView(row.id, row.finding_key, row.kind, row.choice, row.reason, row.resolved_by,
                              row.resolved_at, codes, row.nomination_id, row.person_id, row.linked_row_id, held)
