"""What a document gatherer may use: the open session, the office, the catalog, the office's
document settings and the wording templates. One context per print, read-only."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from ..db import Session
from ..db.repositories import council as council_repo
from ..db.repositories import officials as officials_repo
from ..domain.errors import DomainError, NotFoundError
from ..reports.model import Signer, Wording
from ..reports.templates import load_template
from ..rules.catalog import Catalog
from .legal_bases import legal_basis_values
from .office import OfficeView
from .officials import (
    CHAIRMAN,
    COUNCIL_CHAIR,
    COUNCIL_VICE_CHAIR,
    VICE_CHAIRMAN,
    holder_in,
    missing,
    require_holder,
)
from .print_settings import SETTINGS_KEY, DocumentSettings, load_settings

# The settings are defined in print_settings.py (a leaf the officials service can read too) and
# stay importable from here, beside the context that carries them.
__all__ = ["SETTINGS_KEY", "DocumentSettings", "Gather", "PrintContext", "load_settings", "short_unit_name"]


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
    _officials_kept: bool | None = None
    # The office's values for the wording, read once per context: a batch prints hundreds of
    # documents in one context, and each asked the database for the chairman again.
    _values: dict[str, object] | None = None
    # What a gatherer worked out once for the whole context (one read transaction, so it cannot
    # change): a batch's nominee rows, which its targets and three of its documents each need.
    memo: dict[tuple[str, str], Any] = field(default_factory=dict)

    def template(self, name: str) -> dict[str, Any]:
        if name not in self._templates:
            self._templates[name] = load_template(name, self.override_dir, self.pushed)
        return self._templates[name]

    def values(self) -> dict[str, object]:
        if self._values is None:
            self._values = self._read_values()
        return dict(self._values)  # a copy: callers may add their own keys

    def _read_values(self) -> dict[str, object]:
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
            **legal_basis_values(self.settings, common),
        }

    def officials_kept(self) -> bool:
        """Whether the office keeps its officials with their terms (Cài đặt → Lãnh đạo ký văn bản).
        An office that never entered one still signs with the names typed in its settings."""
        if self._officials_kept is None:
            self._officials_kept = officials_repo.kept(self.session)
        return self._officials_kept

    def holder_name(self, role: str, on: date | None = None, fallback: str | None = None) -> str:
        """Who held ``role`` on ``on`` (default: the print date), else ``fallback``'s holder;
        OFFICIAL_MISSING when nobody did (printing stops and says what to fill in)."""
        return require_holder(self.session, role, on or self.today, self.office.unit_name, fallback).full_name

    def chairman_name(self, on: date | None = None) -> str:
        """The chairman in office on ``on`` (default: the print date), "" when none is known;
        an office that keeps no officials: the name typed in its settings, else the council's chair."""
        if self.officials_kept():
            found = holder_in(self.session, CHAIRMAN, on or self.today)
            return found.full_name if found else ""
        if self.settings.chairman_name:
            return self.settings.chairman_name
        chair = council_repo.first_chair(self.session)
        return chair.full_name if chair else ""

    def _legacy_name(self, role: str, on: date) -> str:
        name = self.settings.vice_chairman_name if role == VICE_CHAIRMAN else self.settings.chairman_name
        if not name:
            raise missing(role, on, self.office.unit_name)
        return name

    def wording(self, name: str) -> Wording:
        return Wording(self.template("common"), self.template(name), self.values())

    def chairman_signer(self, authority_key: str = "on_behalf_of_committee", on: date | None = None,
                        required: bool = True) -> Signer:
        """The holder in office on ``on`` (default: the print date) signs: the chairman, or a
        vice-chairman "KT. CHỦ TỊCH / PHÓ CHỦ TỊCH" when the office says so. A paper the council
        issues ("TM. HỘI ĐỒNG") is signed by the council's chair, who is the commune chairman unless
        the office names another. Nobody in office: OFFICIAL_MISSING (printing stops), or with
        ``required`` False a blank name (a workbook the officer still edits)."""
        try:
            return self._signer(authority_key, on)
        except DomainError as exc:
            if required or exc.code != "OFFICIAL_MISSING":
                raise
            return self._signer(authority_key, on, blank=True)

    def _signer(self, authority_key: str, on: date | None, blank: bool = False) -> Signer:
        common = self.template("common")
        day = on or self.today
        council = authority_key == "on_behalf_of_council"
        deputy = self.settings.sign_as_deputy
        if blank:
            name = ""
        elif self.officials_kept():
            if deputy:
                role, fallback = (COUNCIL_VICE_CHAIR, VICE_CHAIRMAN) if council else (VICE_CHAIRMAN, None)
            else:
                role, fallback = (COUNCIL_CHAIR, CHAIRMAN) if council else (CHAIRMAN, None)
            name = self.holder_name(role, day, fallback)
        else:
            name = self._legacy_name(VICE_CHAIRMAN if deputy else CHAIRMAN, day)
        if deputy:
            return Signer(str(common.get("deputy_for_chairman", "KT. CHỦ TỊCH")), "PHÓ CHỦ TỊCH", name)
        return Signer(str(common.get(authority_key, "")), str(common.get("chairman_title", "CHỦ TỊCH")), name)

    def award_name(self, code: str) -> str:
        try:
            return self.catalog.award(code).name_vi
        except NotFoundError:  # an award dropped from a newer catalog still prints by its code
            return code


Gather = Callable[[PrintContext, str], Any]
