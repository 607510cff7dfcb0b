"""Award statistics of a year, as the province's reports ask for them (legal reference §8):
counts by award, by level and by kind, and the shares of women, ethnic minorities, direct
workers and people of border or remote villages."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from datetime import date

from ..db.repositories import statistics as repo
from .base import ServiceBase


@dataclass
class YearStatistics:
    year: int
    by_award: Counter[str] = field(default_factory=Counter)
    by_level: Counter[str] = field(default_factory=Counter)
    by_kind: Counter[str] = field(default_factory=Counter)
    people: int = 0
    collectives: int = 0
    women: int = 0
    ethnic_minority: int = 0
    direct_workers: int = 0
    border_or_remote: int = 0

    def share(self, count: int) -> float:
        return count / self.people if self.people else 0.0


@dataclass(frozen=True)
class ValuesInForce:
    """The office's own values a year's figures go out with: the base salary in force at the end of
    the year (reward amounts follow it) and the vote threshold of each award put to the council's vote."""

    year: int
    base_salary: int | None
    base_salary_from: date | None
    thresholds: dict[str, float]  # award code -> share of votes needed (%)


class StatisticsService(ServiceBase):
    def values_in_force(self, year: int) -> ValuesInForce:
        """Read from the catalog in force now, so a value saved in Settings shows at once."""
        catalog = self.catalog
        end = date(year, 12, 31)
        entries = [e for e in catalog.parameters.base_salary if e.valid_from <= end]  # sorted by valid_from
        latest = entries[-1] if entries else None
        thresholds = {a.code: a.vote.threshold_pct for a in catalog.awards if a.vote and a.vote.required}
        return ValuesInForce(year, latest.amount if latest else None, latest.valid_from if latest else None,
                             thresholds)

    def year(self, year: int) -> YearStatistics:
        stats = YearStatistics(year)
        with self.db.reader() as session:
            rows = repo.award_rows(session, year)
        for code, level, kind, gender, minority, direct, remote, is_collective in rows:
            stats.by_award[code] += 1
            stats.by_level[level] += 1
            stats.by_kind[kind] += 1
            if is_collective:
                stats.collectives += 1
                continue
            stats.people += 1
            stats.women += gender == "female"
            stats.ethnic_minority += minority
            stats.direct_workers += direct
            stats.border_or_remote += remote
        return stats
