"""Vietnamese and English words for the codes that appear in reason evidence.

Kept next to the rules (not in Qt .ts files) because reports printed outside the GUI need them
too. Terms follow /work/shared/domain/GLOSSARY.md.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from thidua_desktop.domain.enums import (
    DisciplineLevel,
    InitiativeLevel,
    PendingMatterKind,
    SubjectType,
    TaskRating,
)

Pair = tuple[str, str]  # (vi, en)

RATING: dict[str, Pair] = {
    TaskRating.EXCELLENT: ("Hoàn thành xuất sắc nhiệm vụ", "completed tasks excellently"),
    TaskRating.GOOD: ("Hoàn thành tốt nhiệm vụ", "completed tasks well"),
    TaskRating.COMPLETED: ("Hoàn thành nhiệm vụ", "completed tasks"),
    TaskRating.NOT_COMPLETED: ("Không hoàn thành nhiệm vụ", "did not complete tasks"),
}

DISCIPLINE: dict[str, Pair] = {
    DisciplineLevel.REPRIMAND: ("khiển trách", "reprimand"),
    DisciplineLevel.WARNING: ("cảnh cáo", "warning"),
    DisciplineLevel.SALARY_DEMOTION: ("hạ bậc lương", "salary demotion"),
    DisciplineLevel.DEMOTION: ("giáng chức", "demotion"),
    DisciplineLevel.REMOVAL: ("cách chức", "removal from office"),
    DisciplineLevel.DISMISSAL: ("buộc thôi việc", "dismissal"),
}

INITIATIVE: dict[str, Pair] = {
    InitiativeLevel.GRASSROOTS: ("cấp cơ sở", "grassroots-level"),
    InitiativeLevel.PROVINCIAL: ("cấp tỉnh", "provincial-level"),
    InitiativeLevel.NATIONAL: ("toàn quốc", "national-level"),
}

PENDING: dict[str, Pair] = {
    PendingMatterKind.DISCIPLINE_REVIEW: ("đang xem xét kỷ luật", "a discipline review is open"),
    PendingMatterKind.INVESTIGATION: ("đang bị điều tra, thanh tra", "an investigation is open"),
    PendingMatterKind.COMPLAINT: ("đang giải quyết khiếu nại", "a complaint is being considered"),
}

SUBJECT: dict[str, Pair] = {
    SubjectType.INDIVIDUAL: ("cá nhân", "individuals"),
    SubjectType.COLLECTIVE: ("tập thể", "collectives"),
    SubjectType.HOUSEHOLD: ("hộ gia đình", "households"),
}


def pick(pair: Pair, lang: str) -> str:
    return pair[0] if lang == "vi" else pair[1]


def word(table: dict[str, Pair], code: object, lang: str) -> str:
    pair = table.get(str(code))
    return pick(pair, lang) if pair else str(code)


def join(items: Sequence[object], lang: str, last: str | None = None) -> str:
    """"2023, 2024 và 2025" / "2023, 2024 and 2025"."""
    words = [str(i) for i in items]
    if not words:
        return ""
    if len(words) == 1:
        return words[0]
    conj = last if last is not None else ("và" if lang == "vi" else "and")
    return f"{', '.join(words[:-1])} {conj} {words[-1]}"


def fmt_date(value: str | date | None, lang: str) -> str:
    """dd/mm/yyyy on Vietnamese text (Decree 30/2020 style), ISO on English text."""
    if value is None:
        return "?"
    day = date.fromisoformat(value) if isinstance(value, str) else value
    return day.strftime("%d/%m/%Y") if lang == "vi" else day.isoformat()


def fmt_pct(value: float) -> str:
    text = f"{value:.1f}".rstrip("0").rstrip(".")
    return text
