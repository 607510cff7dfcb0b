"""The column that says whether a row is a person, a collective or a household.

Exports from other commendation software keep everyone in one sheet and tell them apart by a type
column: codes (CANHAN / TAPTHE / HOGIADINH), abbreviations (CN / TT / HGĐ) or words (cá nhân, tập
thể, hộ gia đình), with or without diacritics. The column is found by its values, whatever its
header says, so it is never read as an award title.

No Qt, no database.
"""

from __future__ import annotations

import re
from typing import Any

from ..domain.text import search_key
from .cells import cell_text
from .reading import SheetGrid

__all__ = ["COLLECTIVE", "HOUSEHOLD", "INDIVIDUAL", "find_type_column", "subject_type_of"]

INDIVIDUAL, COLLECTIVE, HOUSEHOLD = "individual", "collective", "household"

# Folded without spaces or punctuation: "Hộ gia đình" -> "hogiadinh", "HO_GIA_DINH" -> "hogiadinh".
_WORDS: dict[str, str] = {
    **dict.fromkeys(("canhan", "cn", "individual", "person", "nguoi"), INDIVIDUAL),
    **dict.fromkeys(("tapthe", "tt", "collective", "donvi", "tochuc", "coquan"), COLLECTIVE),
    **dict.fromkeys(("hogiadinh", "hgd", "giadinh", "ho", "household"), HOUSEHOLD),
}
_FOLD = re.compile(r"[\W_]+")
MIN_SHARE = 0.75  # of a column's filled data cells (a typo or two in a long list is an error of its row)
SCAN_ROWS = 2000
EARLY_LOOK = 20


def subject_type_of(value: Any) -> str | None:
    """individual / collective / household for a type cell, None for anything else."""
    text = cell_text(value)
    if not text or len(text) > 30:
        return None
    return _WORDS.get(_FOLD.sub("", search_key(text)))


def find_type_column(grid: SheetGrid, data_start: int) -> tuple[int, frozenset[str]] | None:
    """(column, the types it names) for the column whose filled data cells are (nearly) all subject
    types, or None. At least two filled cells, and the most of them when two columns qualify."""
    best: tuple[int, int, frozenset[str]] | None = None
    last = min(grid.max_row, data_start + SCAN_ROWS)
    for col in range(1, grid.max_col + 1):
        filled = hits = 0
        kinds: set[str] = set()
        for row in range(data_start, last + 1):
            value = grid.value(row, col)
            if (row, col) in grid.template_cells or not cell_text(value):
                continue
            filled += 1
            if (kind := subject_type_of(value)) is not None:
                hits += 1
                kinds.add(kind)
            if filled >= EARLY_LOOK and hits < MIN_SHARE * filled:
                break  # names, dates, numbers: not the type column (and a wide sheet is not read twice)
        if filled >= 2 and hits >= MIN_SHARE * filled and (best is None or hits > best[0]):
            best = (hits, col, frozenset(kinds))
    return (best[1], best[2]) if best else None
