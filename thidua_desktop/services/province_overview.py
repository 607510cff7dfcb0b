"""The province's first screen: one row per enrolled commune with what the provincial officer
must act on (dossiers waiting for review, results not yet sent back, keys to confirm, records that
could not be applied, duplicate findings to answer, provincial decisions not yet sent) and whether
the commune is late or blocked. Read-only, a handful of grouped queries whatever the number of
communes, plus the duplicates screen's detection for its open findings. No Qt here."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime

from ..db.repositories import province_overview as repo
from ..domain.enums import Role
from ..domain.text import search_key
from ..domain.validation import parse_int
from .base import ServiceBase
from .changes import Change
from .duplicates import DuplicateService

DEFAULT_LATE_DAYS = 30
MAX_LATE_DAYS = 365
FILTERS = ("all", "late", "blocked", "waiting_review")


@dataclass(frozen=True)
class CommuneRow:
    """One commune as the province sees it.

    ``late``: nothing arrived from it for ``late_days`` days or more (counted from its enrolment
    while it never sent anything). ``blocked``: a bundle waits for its key to be confirmed, or some
    of its records wait in the quarantine or in a conflict: its data does not flow until an officer
    acts. A revoked commune is neither."""

    unit_code: str
    unit_name: str
    peer_status: str  # pending | waiting | confirmed | revoked
    last_received: datetime | None  # the last bundle applied
    last_sent: datetime | None
    waiting_review: int  # dossiers submitted, received or in review, with no verdict on this version
    returned_open: int  # returned for more information and not resubmitted since
    results_unsent: int  # verdicts not yet written into a bundle for the commune
    decided_unsent: int  # dossiers a provincial decision awarded, not yet written into a bundle for it
    conflicts: int  # open conflicts between its version of a record and another
    duplicates_open: int  # duplicate findings about its people or nominations no officer answered yet
    quarantined: int  # open records from its bundles that could not be applied
    keys_waiting: int  # different keys (fingerprints) that bundles claiming to be from it were signed with
    bundles_waiting: int  # bundles kept until that key is confirmed
    days_silent: int | None  # days since anything last arrived (or since enrolment); None when unknown
    late: bool
    blocked: bool

    @property
    def status(self) -> str:
        """revoked | blocked | late | ok: the first that applies (blocked needs an officer now)."""
        if self.peer_status == "revoked":
            return "revoked"
        if self.blocked:
            return "blocked"
        return "late" if self.late else "ok"

    @property
    def name_key(self) -> str:
        return search_key(self.unit_name)


@dataclass(frozen=True)
class ProvinceOverview:
    rows: list[CommuneRow]
    late_days: int
    today: date

    @property
    def late(self) -> int:
        return sum(1 for r in self.rows if r.late)

    @property
    def blocked(self) -> int:
        return sum(1 for r in self.rows if r.blocked)

    @property
    def waiting_review(self) -> int:
        return sum(r.waiting_review for r in self.rows)


def matches(row: CommuneRow, kind: str = "all", search: str = "") -> bool:
    """Whether ``row`` passes a filter of FILTERS and a search on its name or code, typed with or
    without accents ("quang uyen" finds "Quảng Uyên", "đông" finds "Đông Khê" and "Dong Khe")."""
    if kind == "late" and not row.late:
        return False
    if kind == "blocked" and not row.blocked:
        return False
    if kind == "waiting_review" and not row.waiting_review:
        return False
    wanted = search_key(search)
    return not wanted or wanted in row.name_key or wanted in row.unit_code.casefold()


def select_rows(rows: Iterable[CommuneRow], kind: str = "all", search: str = "") -> list[CommuneRow]:
    return [row for row in rows if matches(row, kind, search)]


class ProvinceOverviewService(ServiceBase):
    """What the provincial office's Tổng quan toàn tỉnh shows; only a province has communes."""

    def overview(self, today: date | None = None, late_days: int | None = None) -> ProvinceOverview:
        """Every commune this office has enrolled, with its counts and status on ``today``.
        ``late_days``: the number of silent days that makes a commune late (default: the office's
        setting, else 30)."""
        today = today or date.today()
        with self.db.reader() as session:
            days = late_days if late_days is not None else repo.late_days(session) or DEFAULT_LATE_DAYS
            peers = repo.commune_peers(session)
            if repo.office_role(session) != Role.PROVINCE.value or not peers:
                return ProvinceOverview([], days, today)
            # Verdicts are this office's rows: sent once their version is within what went to the commune.
            marks = [(p.node_id, int(epoch), version) for p in peers if p.node_id
                     for epoch, version in p.sent_upto.items() if epoch.lstrip("-").isdigit()]
            dossiers = repo.dossier_counts(session, marks)
            quarantined = repo.quarantined_by_sender(session)
            conflicts = repo.open_conflicts_by_node(session)
            waiting = repo.waiting_keys(session)
        # The findings are computed (the duplicates screen's own detection), not stored: counted
        # there, so this screen and that one never disagree.
        duplicates = DuplicateService(self.db, self.actor, self._catalog, access=self.access).open_counts()
        rows = [self._row(peer, dossiers, quarantined, conflicts, waiting, duplicates, today, days)
                for peer in peers]
        return ProvinceOverview(rows, days, today)

    @staticmethod
    def _row(peer: repo.PeerRow, dossiers: dict[str, repo.DossierCounts], quarantined: dict[str, int],
             conflicts: dict[str, int], waiting: dict[str, repo.WaitingKeys], duplicates: dict[str, int],
             today: date, late_days: int) -> CommuneRow:
        node = peer.node_id
        counts = dossiers.get(node, repo.DossierCounts()) if node else repo.DossierCounts()
        held = waiting.get(peer.unit_code)
        # A bundle waiting for its key still arrived: the commune is not silent, it is blocked.
        arrivals = [moment for moment in (peer.last_received_at, held.last_arrived if held else None) if moment]
        since = max(arrivals) if arrivals else peer.enrolled_at
        silent = (today - since.date()).days if since is not None else None
        revoked = peer.status == "revoked"
        quarantine = quarantined.get(node, 0) if node else 0
        conflict = conflicts.get(node, 0) if node else 0
        keys = held.keys if held else 0
        return CommuneRow(
            unit_code=peer.unit_code, unit_name=peer.unit_name, peer_status=peer.status,
            last_received=peer.last_received_at, last_sent=peer.last_sent_at,
            waiting_review=counts.waiting_review, returned_open=counts.returned_open,
            results_unsent=counts.results_unsent, decided_unsent=counts.decided_unsent, conflicts=conflict,
            duplicates_open=duplicates.get(peer.unit_code, 0), quarantined=quarantine,
            keys_waiting=keys, bundles_waiting=held.bundles if held else 0, days_silent=silent,
            late=not revoked and silent is not None and silent >= late_days,
            blocked=not revoked and bool(keys or quarantine or conflict))

    # The setting ---------------------------------------------------------------------------------
    def late_days(self) -> int:
        with self.db.reader() as session:
            return repo.late_days(session) or DEFAULT_LATE_DAYS

    def set_late_days(self, days: int | str) -> Change:
        """How many silent days make a commune late, kept for this office (1 to 365)."""
        value = parse_int(days, "late_days", min=1, max=MAX_LATE_DAYS)
        with self.db.transaction(self.actor) as session:
            repo.set_late_days(session, value, self.actor)
        return Change.SETTINGS
