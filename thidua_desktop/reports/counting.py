"""The one place where documents count nominees. A person nominated for two awards is one person
in "… và 22 cá nhân" and one line under each award; households are told apart from other
collectives. Every document of a dossier (tờ trình, its list, the public list, the minutes, the
decision) takes its numbers from here, so they agree with each other and with the database."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Protocol


class Countable(Protocol):
    nomination_id: str
    nominee_id: str
    is_collective: bool
    is_household: bool


@dataclass(frozen=True)
class NomineeCounts:
    people: int
    collectives: int  # collectives other than households
    households: int
    nominations: int

    @property
    def nominees(self) -> int:
        return self.people + self.collectives + self.households

    def phrase(self) -> str:
        """"01 tập thể, 04 hộ gia đình và 22 cá nhân", leaving out the parts that are zero."""
        parts = [f"{n:02d} {label}" for n, label in ((self.collectives, "tập thể"), (self.households, "hộ gia đình"),
                                                     (self.people, "cá nhân")) if n]
        if not parts:
            return "00 cá nhân"
        return parts[0] if len(parts) == 1 else ", ".join(parts[:-1]) + " và " + parts[-1]


def count_nominees(rows: Iterable[Countable]) -> NomineeCounts:
    """Distinct nominees of each kind (by the person's or collective's id), and the nominations."""
    seen: dict[str, str] = {}
    nominations = 0
    for row in rows:
        nominations += 1
        kind = "household" if row.is_household else "collective" if row.is_collective else "person"
        seen[row.nominee_id or row.nomination_id] = kind
    kinds = list(seen.values())
    return NomineeCounts(kinds.count("person"), kinds.count("collective"), kinds.count("household"), nominations)
