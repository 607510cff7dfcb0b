"""What a document gatherer may use: the open session, the office, the catalog, the office's
document settings and the wording templates. One context per print, read-only."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import asdict, dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from ..db import Session
from ..db.models import CouncilMember, LocalParameter
from ..db.repositories.common import live
from ..domain.errors import NotFoundError
from ..domain.text import clean_text
from ..reports.model import Signer, Wording
from ..reports.templates import load_template
from ..rules.catalog import Catalog
from .office import OfficeView

SETTINGS_KEY = "document_settings"


@dataclass(frozen=True)
class DocumentSettings:
    """Names and wording the office sets once (Cài đặt → Văn bản); blank values print as dots."""

    chairman_name: str = ""
    vice_chairman_name: str = ""
    sign_as_deputy: bool = False  # "KT. CHỦ TỊCH / PHÓ CHỦ TỊCH" instead of the chairman
    place: str = ""  # the place in "Quảng Uyên, ngày …"; defaults to the unit name without "Xã"
    drafting_unit: str = ""  # the "Lưu: VT, …" abbreviation
    council_secretary_name: str = ""

    def to_json(self) -> dict[str, Any]:
        return asdict(self)

    @classmethod
    def from_json(cls, data: dict[str, Any] | None) -> DocumentSettings:
        known = {f: data[f] for f in cls.__dataclass_fields__ if data and f in data}
        return cls(**{k: (bool(v) if k == "sign_as_deputy" else clean_text(str(v))) for k, v in known.items()})


def load_settings(session: Session) -> DocumentSettings:
    row = session.get(LocalParameter, SETTINGS_KEY)
    return DocumentSettings.from_json(row.value if row else None)


def short_unit_name(unit_name: str) -> str:
    """"Xã Quảng Uyên" → "Quảng Uyên" (the place name a document heading uses)."""
    for prefix in ("Xã ", "Phường ", "Thị trấn ", "Tỉnh ", "Thành phố "):
        if unit_name.startswith(prefix):
            return unit_name[len(prefix):]
    return unit_name


@dataclass
class PrintContext:
    session: Session
    office: OfficeView
    catalog: Catalog
    settings: DocumentSettings
    today: date
    override_dir: Path | None = None
    options: dict[str, Any] = field(default_factory=dict)
    pushed: dict[str, dict[str, Any]] = field(default_factory=dict)  # the province's wording
    _templates: dict[str, dict[str, Any]] = field(default_factory=dict)

    def template(self, name: str) -> dict[str, Any]:
        if name not in self._templates:
            self._templates[name] = load_template(name, self.override_dir, self.pushed)
        return self._templates[name]

    def values(self) -> dict[str, object]:
        common = self.template("common")
        unit = self.office.unit_name
        prose = unit[:1].lower() + unit[1:] if unit[:1].isupper() and unit[1:2].islower() else unit
        return {
            # "xã Quảng Uyên" inside a sentence, "XÃ QUẢNG UYÊN" in the heading, "Xã Quảng Uyên" as a title
            "unit_name": prose, "unit_title": unit, "unit_name_upper": unit.upper(),
            "unit_short": short_unit_name(unit),
            "place": self.settings.place or short_unit_name(unit),
            "province_name": common.get("province_name", ""), "province_body": common.get("province_body", ""),
            "province_reviewer": common.get("province_reviewer", ""),
            "drafting_unit": self.settings.drafting_unit or common.get("drafting_unit", ""),
            "chairman_name": self.chairman_name(),
        }

    def chairman_name(self) -> str:
        """The name the office typed in its settings, else the council's chair."""
        if self.settings.chairman_name:
            return self.settings.chairman_name
        chair = self.session.scalars(live(CouncilMember).where(CouncilMember.council_role == "chair")
                                     .order_by(CouncilMember.id)).first()
        return chair.full_name if chair else ""

    def wording(self, name: str) -> Wording:
        return Wording(self.template("common"), self.template(name), self.values())

    def chairman_signer(self, authority_key: str = "on_behalf_of_committee") -> Signer:
        """The chairman signs, or a vice-chairman "KT. CHỦ TỊCH / PHÓ CHỦ TỊCH" when the office says so."""
        common = self.template("common")
        if self.settings.sign_as_deputy:
            return Signer(str(common.get("deputy_for_chairman", "KT. CHỦ TỊCH")), "PHÓ CHỦ TỊCH",
                          self.settings.vice_chairman_name)
        return Signer(str(common.get(authority_key, "")), str(common.get("chairman_title", "CHỦ TỊCH")),
                      self.chairman_name())

    def award_name(self, code: str) -> str:
        try:
            return self.catalog.award(code).name_vi
        except NotFoundError:  # an award dropped from a newer catalog still prints by its code
            return code


Gather = Callable[[PrintContext, str], Any]
