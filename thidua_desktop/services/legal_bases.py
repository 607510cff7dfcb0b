"""The legal bases a document cites that only an office knows: the province's own regulation on
emulation and commendation ("Căn cứ Quyết định số 25/2025/QĐ-UBND ngày 20 tháng 8 năm 2025 của
UBND tỉnh … ban hành Quy định …").

The province types them in Cài đặt → Văn bản in; they travel down with its document wording
(``template_store``); a commune's own value, when set, wins. Unknown values print the dotted blank."""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING, Any

from ..domain.errors import ValidationError
from ..domain.text import clean_text
from ..domain.validation import parse_date

if TYPE_CHECKING:
    from .print_context import DocumentSettings

FIELDS = ("province_rules_number", "province_rules_date", "province_rules_title")
BLANKS = {"province_rules_number": "……/……/QĐ-UBND", "province_rules_date": "ngày ……",
          "province_rules_title": "Quy định công tác thi đua, khen thưởng trên địa bàn tỉnh"}


def of(settings: DocumentSettings) -> dict[str, str]:
    return {f: str(getattr(settings, f)) for f in FIELDS}


def checked(values: dict[str, Any]) -> dict[str, str]:
    """The values as stored: cleaned text, the date as dd/mm/yyyy (refused when it is no date)."""
    out = {f: clean_text(str(values.get(f) or "")) for f in FIELDS}
    if out["province_rules_date"]:
        out["province_rules_date"] = parse_date(out["province_rules_date"], "province_rules_date").strftime("%d/%m/%Y")
    return out


def effective(own: dict[str, str], pushed: dict[str, Any] | None) -> dict[str, str]:
    """Each value: the office's own, else the province's."""
    pushed = pushed or {}
    return {f: own.get(f) or clean_text(str(pushed.get(f) or "")) for f in FIELDS}


def long_date(text: str) -> str:
    """"20/08/2025" → "ngày 20 tháng 8 năm 2025" (two digits for days below 10 and months 1–2)."""
    try:
        day = parse_date(text, "province_rules_date")
    except ValidationError:  # a damaged stored value prints the blank
        return ""
    return _long(day)


def _long(day: date) -> str:
    month = f"{day.month:02d}" if day.month <= 2 else str(day.month)
    return f"ngày {day.day:02d} tháng {month} năm {day.year}"


def legal_basis_values(settings: DocumentSettings, common: dict[str, Any]) -> dict[str, str]:
    """The placeholders of the "province_rules" ground, blanks where a value is unknown."""
    blanks = {**BLANKS, **(common.get("legal_basis_blanks") or {})}
    date_text = long_date(settings.province_rules_date) if settings.province_rules_date else ""
    return {"province_rules_number": settings.province_rules_number or str(blanks["province_rules_number"]),
            "province_rules_date": date_text or str(blanks["province_rules_date"]),
            "province_rules_title": settings.province_rules_title or str(blanks["province_rules_title"])}
