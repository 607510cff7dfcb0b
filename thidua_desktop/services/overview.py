"""What the overview screen shows: nominations by status, the directive's group shares among
this year's awards, movement targets, and what needs the officer's attention."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, timedelta

from ..db.repositories import overview as repo
from .base import ServiceBase
from .movements import MovementService


@dataclass(frozen=True)
class GroupShares:
    total: int
    women: int
    ethnic_minority: int
    direct_workers: int
    border_or_remote: int

    def share(self, count: int) -> float:
        return count / self.total if self.total else 0.0


@dataclass
class Overview:
    year: int
    by_status: dict[str, int]
    shares: GroupShares
    returned: int
    stale_drafts: int
    batches_due: list[tuple[str, str, date]]
    targets: list[dict[str, object]] = field(default_factory=list)
    # Live villages, people, collectives, movements and nominations: the "start here" steps.
    setup: dict[str, int] = field(default_factory=dict)

    @property
    def just_started(self) -> bool:
        """No one in the register or no movement yet: the overview shows where to begin."""
        return not (self.setup.get("people", 0) + self.setup.get("collectives", 0)) or not self.setup.get("movements")


class OverviewService(ServiceBase):
    def overview(self, today: date | None = None, year: int | None = None) -> Overview:
        today = today or date.today()
        year = year or today.year
        with self.db.reader() as session:
            by_status = repo.nominations_by_status(session)
            awards = repo.person_awards_in_year(session, year)
            shares = GroupShares(
                total=len(awards), women=sum(1 for a in awards if a[0] == "female"),
                ethnic_minority=sum(1 for a in awards if a[1]), direct_workers=sum(1 for a in awards if a[2]),
                border_or_remote=sum(1 for a in awards if a[3] or a[4]))
            stale = repo.stale_drafts(session, today - timedelta(days=30))
            due = repo.batches_due(session, today, today + timedelta(days=14))
            setup = repo.setup_counts(session)
        movements = MovementService(self.db, self.actor, self.catalog)
        targets = []
        for movement in movements.list():
            for ind in movements.indicators(str(movement["id"])):
                targets.append({"movement": movement["name"], **ind})
        return Overview(year, by_status, shares, by_status.get("returned", 0), stale, due, targets, setup)
