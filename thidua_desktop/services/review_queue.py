"""The province's review queue (hàng chờ thẩm định): every dossier the communes submitted, by round
(đợt), award and commune, with the round's review deadline, what is overdue, how long each dossier
has waited and whether the commune changed it since it was last reviewed. Read-only but for the
deadlines; the verdicts are ReviewService's. No Qt here."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date

from ..db.models import NominationBatch, Office
from ..db.repositories import review_queue as repo
from ..db.repositories.common import live
from ..domain.enums import Role
from ..domain.errors import NotFoundError, StateError
from ..domain.text import clean_text
from ..domain.validation import parse_date
from . import access as roles
from .base import ServiceBase
from .changes import Change

# The statuses of a dossier still with the province (no verdict on its current version).
WAITING = ("submitted", "received", "in_review")
STATUS_FILTERS = ("waiting", "approved", "returned", "rejected", "all")


@dataclass(frozen=True)
class QueueItem:
    """One dossier in the queue.

    ``status`` is what the dossier shows (the province's latest review of its current version, else
    the commune's status); a returned dossier the commune took back to correct stays "returned"
    (``with_commune``) until it comes back submitted. ``changed_since_review``: its current version
    is newer than the one the latest real review (in review, approved, returned, rejected) looked
    at. ``days_waiting`` and ``overdue`` only while it waits for the province."""

    nomination_id: str
    nominee_name: str
    nominee_sort: str
    unit_code: str
    unit_name: str
    award_code: str
    award_name: str
    round_key: str
    batch_name: str
    year: int
    status: str
    reason: str
    version: int
    reviewed_version: int | None
    submitted_on: date | None
    days_waiting: int | None
    deadline: date | None
    overdue: bool
    changed_since_review: bool
    with_commune: bool

    @property
    def waiting(self) -> bool:
        return self.status in WAITING


@dataclass(frozen=True)
class ReviewRound:
    """A round (đợt): the communes' batches of one year and kind (and movement, when thematic)."""

    key: str
    year: int
    kind: str  # annual | thematic | ad_hoc
    movement_name: str
    deadline: date | None
    dossiers: int
    waiting: int
    overdue: int


@dataclass(frozen=True)
class ReviewQueue:
    items: list[QueueItem]
    rounds: list[ReviewRound]  # newest year first
    communes: list[tuple[str, str]]  # (code, name) of the communes with dossiers, by code
    awards: list[tuple[str, str]]  # (code, name) in the catalog's order
    today: date

    @property
    def waiting(self) -> int:
        return sum(1 for item in self.items if item.waiting)

    @property
    def overdue(self) -> int:
        return sum(1 for item in self.items if item.overdue)

    @property
    def changed(self) -> int:
        return sum(1 for item in self.items if item.changed_since_review)


def matches(item: QueueItem, *, round_key: str | None = None, award_code: str | None = None,
            unit_code: str | None = None, status: str = "waiting") -> bool:
    """Whether ``item`` passes the queue's filters (None or "all": any)."""
    if round_key and item.round_key != round_key:
        return False
    if award_code and item.award_code != award_code:
        return False
    if unit_code and item.unit_code != unit_code:
        return False
    if status == "waiting":
        return item.waiting
    return status in ("", "all") or item.status == status


def select_items(items: Iterable[QueueItem], *, round_key: str | None = None, award_code: str | None = None,
                 unit_code: str | None = None, status: str = "waiting") -> list[QueueItem]:
    return [item for item in items
            if matches(item, round_key=round_key, award_code=award_code, unit_code=unit_code, status=status)]


def _newer(epoch: int, version: int, seen_epoch: int | None, seen_version: int | None) -> bool:
    return seen_version is not None and (epoch, version) > (seen_epoch or 0, seen_version)


def _item(row: repo.QueueRow, award_name: str, deadline: date | None, today: date) -> QueueItem:
    current = (row.epoch, row.version)
    # reviews.effective_state on the row's columns: a review counts for the version it looked at.
    shown = row.status
    if row.review_status is not None and row.status == "submitted" and current == (row.review_epoch,
                                                                                  row.review_version):
        shown = row.review_status
    reason = row.review_reason if shown != row.status else row.status_reason
    with_commune = shown in ("draft", "council_voted") and row.verdict_status == "returned"
    if with_commune:
        shown, reason = "returned", row.review_reason
    waiting = shown in WAITING
    submitted_on = row.submitted_at.date() if row.submitted_at is not None else None
    days = (today - submitted_on).days if waiting and submitted_on is not None else None
    return QueueItem(
        nomination_id=row.nomination_id, nominee_name=row.nominee_name, nominee_sort=row.nominee_sort,
        unit_code=row.unit_code, unit_name=row.unit_name, award_code=row.award_code, award_name=award_name,
        round_key=row.round_key, batch_name=row.batch_name, year=row.year, status=shown, reason=reason,
        version=row.version, reviewed_version=row.verdict_version, submitted_on=submitted_on, days_waiting=days,
        deadline=deadline, overdue=waiting and deadline is not None and today > deadline,
        changed_since_review=_newer(row.epoch, row.version, row.verdict_epoch, row.verdict_version),
        with_commune=with_commune)


class ReviewQueueService(ServiceBase):
    """What the province's Hàng chờ thẩm định shows, and the round deadlines it sets."""

    def _award_name(self, code: str, lang: str) -> str:
        try:
            award = self.catalog.award(code)
        except NotFoundError:
            return code  # an award the province's catalog no longer has: its code, not a guess
        return award.name_en if lang == "en" else award.name_vi

    def queue(self, today: date | None = None, lang: str = "vi") -> ReviewQueue:
        """Every submitted dossier of every commune, as of ``today``."""
        today = today or date.today()
        with self.db.reader() as session:
            office = session.get(Office, 1)
            if office is None or office.role != Role.PROVINCE.value:
                return ReviewQueue([], [], [], [], today)
            rows = repo.queue_rows(session)
            deadlines = repo.deadlines(session)
        names = {code: self._award_name(code, lang) for code in {r.award_code for r in rows}}
        items = [_item(r, names[r.award_code], deadlines.get(r.round_key), today) for r in rows]
        return ReviewQueue(items, self._rounds(rows, items, deadlines),
                           sorted({(i.unit_code, i.unit_name) for i in items}),
                           self._awards(names), today)

    def _awards(self, names: dict[str, str]) -> list[tuple[str, str]]:
        order = {a.code: index for index, a in enumerate(self.catalog.awards)}
        return sorted(names.items(), key=lambda pair: (order.get(pair[0], len(order)), pair[0]))

    @staticmethod
    def _rounds(rows: list[repo.QueueRow], items: list[QueueItem], deadlines: dict[str, date]) -> list[ReviewRound]:
        found: dict[str, ReviewRound] = {}
        for row, item in zip(rows, items, strict=True):
            was = found.get(row.round_key) or ReviewRound(row.round_key, row.year, row.batch_kind, row.movement_name,
                                                          deadlines.get(row.round_key), 0, 0, 0)
            found[row.round_key] = ReviewRound(was.key, was.year, was.kind, was.movement_name, was.deadline,
                                               was.dossiers + 1, was.waiting + item.waiting,
                                               was.overdue + item.overdue)
        return sorted(found.values(), key=lambda r: (-r.year, r.kind, r.movement_name, r.key))

    def set_deadline(self, round_key: str, deadline: str | date | None) -> Change:
        """The province's review deadline for a round (None or "": no deadline)."""
        key = clean_text(round_key)
        day = deadline if isinstance(deadline, date) else (
            parse_date(deadline, "review_deadline") if clean_text(deadline or "") else None)
        self.access.require(roles.REVIEW)
        with self.db.transaction(self.actor) as session:
            office = session.get(Office, 1)
            if office is None or office.role != Role.PROVINCE.value:
                raise StateError("REVIEW_PROVINCE_ONLY", field="deadline")
            known = {repo.round_key(b.year, b.kind, b.movement_id) for b in session.scalars(live(NominationBatch))}
            if key not in known:
                raise NotFoundError("NOT_FOUND", field="batch", table="nomination_batches", id=key)
            repo.set_deadline(session, key, day, self.actor)
        return Change.NOMINATIONS
