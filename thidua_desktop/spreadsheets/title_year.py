"""The award year named by a list's title ("DANH SÁCH KHEN THƯỞNG NĂM 2023"), for files that have
no year column.

Only the rows above the header are read. A date line ("Quảng Uyên, ngày 05 tháng 12 năm 2025",
which official forms put at the top right) is not a title, and neither is a period ("giai đoạn
2020 - 2025", "năm học 2023 - 2024"). Two titles naming two different years say nothing.

No Qt, no database.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..domain.text import search_key
from ..domain.validation import MAX_YEAR
from .cells import cell_text
from .reading import SheetGrid

__all__ = ["TitleYear", "title_year"]

MIN_AWARD_YEAR = 1945
_YEAR = re.compile(r"\bnam (\d{4})\b(?!\s*[-–/]\s*\d{4})")
_DATE_LINE = re.compile(r"\bngay\b.*\bthang\b")


@dataclass(frozen=True)
class TitleYear:
    year: int
    row: int
    text: str  # the title as written


def title_year(grid: SheetGrid, before_row: int) -> TitleYear | None:
    """The one year the title rows (1 .. before_row - 1) name, or None."""
    found: dict[int, tuple[int, str]] = {}
    for row in range(1, min(before_row, grid.max_row + 1)):
        for value in dict.fromkeys(cell_text(v) for v in grid.rows[row - 1]):
            key = " ".join(re.sub(r"[^\w/–-]+", " ", search_key(value)).split())
            if not key or _DATE_LINE.search(key):
                continue
            for match in _YEAR.finditer(key):
                year = int(match[1])
                if MIN_AWARD_YEAR <= year <= MAX_YEAR:
                    found.setdefault(year, (row, value))
    if len(found) != 1:
        return None
    year, (row, text) = next(iter(found.items()))
    return TitleYear(year, row, text)
