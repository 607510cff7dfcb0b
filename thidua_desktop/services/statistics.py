"""Award statistics of a year, as the province's reports ask for them (legal reference §8):
counts by award, by level and by kind, and the shares of women, ethnic minorities, direct
workers and people of border or remote villages."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

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


class StatisticsService(ServiceBase):
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
