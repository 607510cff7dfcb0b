"""What the office sets once for its documents, kept as LocalParameter rows: the names and wording
typed in Cài đặt → Văn bản (``document_settings``) and the certificate blank calibration
(``certificate_calibration``).

A leaf of the services: the officials service, the print context, the certificate gatherer and the
calibration service all read these rows, and none of them has to import another to do so (that
used to tie officials ↔ print_context and printing ↔ certificate_layout into import cycles)."""

from __future__ import annotations

from dataclasses import asdict, dataclass
from typing import Any

from ..db import Session
from ..db.models import LocalParameter
from ..domain.text import clean_text
from ..reports.certificate import Calibration

SETTINGS_KEY = "document_settings"
CALIBRATION_KEY = "certificate_calibration"


@dataclass(frozen=True)
class DocumentSettings:
    """Names and wording the office sets once (Cài đặt → Văn bản); blank values print as dots."""

    chairman_name: str = ""
    vice_chairman_name: str = ""
    sign_as_deputy: bool = False  # "KT. CHỦ TỊCH / PHÓ CHỦ TỊCH" instead of the chairman
    place: str = ""  # the place in "Quảng Uyên, ngày …"; defaults to the unit name without "Xã"
    drafting_unit: str = ""  # the "Lưu: VT, …" abbreviation
    council_secretary_name: str = ""
    # The province's own regulation on emulation and commendation ("Căn cứ Quyết định số …"): set at
    # the province, they travel down with its wording; a commune's own value wins (legal_bases.py).
    province_rules_number: str = ""  # "25/2025/QĐ-UBND"
    province_rules_date: str = ""  # "20/08/2025"
    province_rules_title: str = ""  # "Quy định công tác thi đua, khen thưởng trên địa bàn tỉnh"

    def to_json(self) -> dict[str, Any]:
        return asdict(self)

    @classmethod
    def from_json(cls, data: dict[str, Any] | None) -> DocumentSettings:
        known = {f: data[f] for f in cls.__dataclass_fields__ if data and f in data}
        values: dict[str, Any] = {k: (bool(v) if k == "sign_as_deputy" else clean_text(str(v)))
                                  for k, v in known.items()}
        return cls(**values)


def load_settings(session: Session) -> DocumentSettings:
    row = session.get(LocalParameter, SETTINGS_KEY)
    return DocumentSettings.from_json(row.value if row else None)


def load_calibration(session: Session) -> Calibration:
    row = session.get(LocalParameter, CALIBRATION_KEY)
    return Calibration.from_json(row.value if row else None)
