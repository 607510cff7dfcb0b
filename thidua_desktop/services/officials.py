"""Lãnh đạo ký văn bản: the office's officials with their terms, the one source of who signs.

The commune chairman and vice-chairmen, the council's chair, vice-chairs and secretary are kept
with the dates of their terms. Every document asks who held the post on its own date
(``holder``), so the minutes of a meeting and the decision of the same week name the same
chairman. A post with one holder at a time (chairman, council chair, secretary) refuses an
overlapping term; a missing holder stops printing with a message saying what to fill in and where.

Offices that typed the chairman's and vice-chairman's names in Cài đặt → Văn bản in before this
table existed keep working: ``adopt_document_settings`` copies the names into terms once, when the
office has never entered an official."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from ..db import Session
from ..db.models import LocalParameter, OfficeOfficial
from ..db.repositories import officials as repo
from ..db.repositories.common import get_live
from ..domain.errors import StateError, ValidationError, ValidationErrors
from ..domain.text import clean_text
from ..domain.validation import parse_date
from .base import ServiceBase
from .office import OfficeService

# print_settings.SETTINGS_KEY, named here so that opening an office need not import print_settings,
# which brings ReportLab (tests/cli/test_cli_start_imports.py holds the two equal).
DOCUMENT_SETTINGS_KEY = "document_settings"

CHAIRMAN, VICE_CHAIRMAN = "chairman", "vice_chairman"
COUNCIL_CHAIR, COUNCIL_VICE_CHAIR, SECRETARY = "council_chair", "council_vice_chair", "secretary"
ROLES = (CHAIRMAN, VICE_CHAIRMAN, COUNCIL_CHAIR, COUNCIL_VICE_CHAIR, SECRETARY)
# Posts one person holds at a time; a commune may have several vice-chairmen and council vice-chairs.
SINGLE_HOLDER = frozenset({CHAIRMAN, COUNCIL_CHAIR, SECRETARY})
# The present communes and wards exist since 1/7/2025 (Resolution 1657/NQ-UBTVQH15): a name typed in
# the settings before terms were kept is taken as holding the post from then on.
REFORM_DAY = date(2025, 7, 1)

_LABELS: dict[str, tuple[str, str]] = {
    CHAIRMAN: ("Chủ tịch UBND {unit}", "chairman of the {unit_en} People's Committee"),
    VICE_CHAIRMAN: ("Phó Chủ tịch UBND {unit}", "vice-chairman of the {unit_en} People's Committee"),
    COUNCIL_CHAIR: ("Chủ tịch Hội đồng Thi đua - Khen thưởng", "chair of the Emulation and Commendation Council"),
    COUNCIL_VICE_CHAIR: ("Phó Chủ tịch Hội đồng Thi đua - Khen thưởng",
                         "vice-chair of the Emulation and Commendation Council"),
    SECRETARY: ("Thư ký Hội đồng Thi đua - Khen thưởng", "secretary of the Emulation and Commendation Council"),
}
_UNIT_WORDS = (("Phường", "phường", "ward"), ("Tỉnh", "tỉnh", "provincial"), ("Thành phố", "thành phố", "city"))


def unit_words(unit_name: str) -> tuple[str, str]:
    """"xã"/"commune" for "Xã Quảng Uyên", "phường"/"ward" for a ward …"""
    for prefix, vi, en in _UNIT_WORDS:
        if unit_name.startswith(prefix):
            return vi, en
    return "xã", "commune"


def role_label(role: str, unit_name: str = "", lang: str = "vi") -> str:
    """"Chủ tịch UBND xã" (the post as the documents and messages name it)."""
    vi, en = _LABELS.get(role, (role, role))
    unit_vi, unit_en = unit_words(unit_name)
    return (vi if lang == "vi" else en).format(unit=unit_vi, unit_en=unit_en)


def dmy(day: date | None) -> str:
    return day.strftime("%d/%m/%Y") if day else ""


@dataclass(frozen=True)
class OfficialView:
    id: str
    role: str
    full_name: str
    title: str
    term_start: date
    term_end: date | None

    def covers(self, day: date) -> bool:
        return self.term_start <= day and (self.term_end is None or day <= self.term_end)

    def term_text(self) -> str:
        return f"{dmy(self.term_start)} – {dmy(self.term_end) or '…'}"


def view(row: OfficeOfficial) -> OfficialView:
    return OfficialView(row.id, row.role, row.full_name, row.title, row.term_start, row.term_end)


def missing(role: str, on: date, unit_name: str) -> StateError:
    """The refusal when nobody holds ``role`` on ``on``: it names the post, the date and where to fill it in."""
    return StateError("OFFICIAL_MISSING", field="officials", role=role, role_vi=role_label(role, unit_name),
                      role_en=role_label(role, unit_name, "en"), date=dmy(on))


def holder_in(session: Session, role: str, on: date) -> OfficeOfficial | None:
    """The holder of ``role`` on ``on`` (the earliest term, when a post has several holders)."""
    found = repo.holders(session, role, on)
    return found[0] if found else None


def require_holder(session: Session, role: str, on: date, unit_name: str,
                   fallback: str | None = None) -> OfficeOfficial:
    """The holder of ``role`` on ``on``, else of ``fallback`` (the commune chairman chairs the
    council unless the office names another chair), else OFFICIAL_MISSING naming ``role``."""
    found = holder_in(session, role, on) or (holder_in(session, fallback, on) if fallback else None)
    if found is None:
        raise missing(role, on, unit_name)
    return found


class OfficialsService(ServiceBase):
    def _unit(self) -> str:
        return OfficeService(self.db, self.actor).office().unit_name

    def role_label(self, role: str, lang: str = "vi") -> str:
        return role_label(role, self._unit(), lang)

    def terms(self) -> list[OfficialView]:
        """Every term entered, by post (the order of ``ROLES``), the latest term first."""
        order = {role: i for i, role in enumerate(ROLES)}
        with self.db.reader() as session:
            rows = [view(r) for r in repo.all_officials(session)]
        return sorted(rows, key=lambda o: (order.get(o.role, len(order)), -o.term_start.toordinal(), o.full_name))

    def holder(self, role: str, on: date) -> OfficialView | None:
        with self.db.reader() as session:
            found = holder_in(session, role, on)
            return view(found) if found else None

    def holders(self, role: str, on: date) -> list[OfficialView]:
        with self.db.reader() as session:
            return [view(r) for r in repo.holders(session, role, on)]

    def kept(self) -> bool:
        with self.db.reader() as session:
            return repo.kept(session)

    def add(self, *, role: str, full_name: str, term_start: str, term_end: str = "", title: str = "") -> OfficialView:
        """A new term. For a post with one holder at a time, a term that overlaps another is refused
        (OFFICIAL_TERM_OVERLAP): the earlier term is ended first."""
        role = clean_text(role)
        name = clean_text(full_name)
        problems = []
        if role not in ROLES:
            problems.append(ValidationError("ENUM_INVALID", field="role", value=role, allowed=", ".join(ROLES)))
        if not name:
            problems.append(ValidationError("REQUIRED", field="full_name"))
        start = end = None
        try:
            start = parse_date(term_start, "term_start")
        except ValidationError as exc:
            problems.append(exc)
        if clean_text(term_end):
            try:
                end = parse_date(term_end, "term_end")
            except ValidationError as exc:
                problems.append(exc)
        if problems:
            raise ValidationErrors(problems) if len(problems) > 1 else problems[0]
        assert start is not None
        self._check_order(start, end)
        unit = self._unit()
        with self.db.transaction(self.actor) as session:
            self._check_overlap(session, role, name, start, end, unit)
            row = OfficeOfficial(role=role, full_name=name, title=clean_text(title) or role_label(role, unit),
                                 term_start=start, term_end=end)
            session.add(row)
            session.flush()
            return view(row)

    def end_term(self, official_id: str, term_end: str) -> OfficialView:
        """The last day of a term (a new chairman is then entered from the next day)."""
        end = parse_date(term_end, "term_end")
        unit = self._unit()
        with self.db.transaction(self.actor) as session:
            row = get_live(session, OfficeOfficial, clean_text(official_id), field="official_id")
            self._check_order(row.term_start, end)
            self._check_overlap(session, row.role, row.full_name, row.term_start, end, unit, skip=row.id)
            row.term_end = end
            session.flush()
            return view(row)

    def remove(self, official_id: str) -> None:
        """A term entered by mistake (a term that ended is ended, not removed)."""
        with self.db.transaction(self.actor) as session:
            get_live(session, OfficeOfficial, clean_text(official_id), field="official_id").deleted = True

    @staticmethod
    def _check_order(start: date, end: date | None) -> None:
        if end is not None and end < start:
            raise ValidationError("OFFICIAL_TERM_ORDER", field="term_end", term_start=dmy(start), term_end=dmy(end))

    @staticmethod
    def _check_overlap(session: Session, role: str, name: str, start: date, end: date | None, unit: str,
                       skip: str = "") -> None:
        last = date.max
        for other in repo.of_role(session, role):
            if other.id == skip or (role not in SINGLE_HOLDER and other.full_name != name):
                continue
            if start <= (other.term_end or last) and other.term_start <= (end or last):
                raise StateError("OFFICIAL_TERM_OVERLAP", field="term_start", role=role,
                                 role_vi=role_label(role, unit), role_en=role_label(role, unit, "en"),
                                 other=other.full_name, other_term=view(other).term_text())

    def adopt_document_settings(self) -> int:
        """Once, for an office that has never entered an official: the chairman's, vice-chairman's
        and secretary's names typed in Cài đặt → Văn bản in become terms that started with the
        office's first document (or on 1/7/2025) and have no end. Returns the terms made."""
        if not OfficeService(self.db, self.actor).is_initialised():
            return 0
        with self.db.reader() as session:
            if repo.any_rows(session):
                return 0
            row = session.get(LocalParameter, DOCUMENT_SETTINGS_KEY)
            if row is None or not row.value:
                return 0  # nothing typed: no need to load print_settings (and ReportLab with it)
            from .print_settings import DocumentSettings

            settings = DocumentSettings.from_json(row.value)
            first = repo.earliest_document_date(session)
        names = [(CHAIRMAN, settings.chairman_name), (VICE_CHAIRMAN, settings.vice_chairman_name),
                 (SECRETARY, settings.council_secretary_name)]
        names = [(role, name) for role, name in names if name]
        if not names:
            return 0
        start = min(first, REFORM_DAY) if first else REFORM_DAY
        unit = self._unit()
        with self.db.transaction(self.actor) as session:
            for role, name in names:
                session.add(OfficeOfficial(role=role, full_name=name, title=role_label(role, unit), term_start=start))
        return len(names)
