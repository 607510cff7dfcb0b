"""Excel exports: gathers the rows from the database and hands them to the pure builders of
:mod:`thidua_desktop.spreadsheets.exports`. One call writes one workbook.

What each kind contains:

- ``nominees`` (needs ``batch_id``): the batch's nominations, one section per award in catalog
  order, names in Vietnamese order (given name, middle, family) within a section. Left out:
  deleted nominations, rejected ones (by the council, the commune or the province's review: the
  status the nominations screen shows), and nominees since removed from the register.
- ``register`` (no target): every live person in Vietnamese name order with the award history,
  one line per award received, oldest first. The person's columns are filled on the first line
  of each person only and the block is drawn as one (no inner borders), the way paper registers
  look, while every line stays a plain row an officer can copy; a person without awards has one
  line with the award columns empty. People are read in pages of :attr:`ExcelExportService.PAGE`
  and rows are streamed to the file, so 100 000 people never sit in memory at once.
- ``statistics`` (needs ``year``): the figures of :class:`StatisticsService.year` (the Reports
  screen), by award, level and kind, and the shares of women, ethnic minorities, direct workers
  and people of border or remote villages among the awards to individuals.
- ``indicators`` (needs ``movement_id``): the movement's indicators with baseline, target, the
  result by kind (sum for a count, latest value for a level or a percentage), the rate towards
  the target by direction, and a note saying how the result was read and whether it is met.

The file is written next to its destination under a temporary name and moved into place at the
end, so a failed export never leaves half a workbook under the user's file name."""

from __future__ import annotations

import contextlib
import os
from collections.abc import Callable, Generator
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any, cast

from ..db import Database
from ..db.repositories import exports as repo
from ..db.repositories import reviews as reviews_repo
from ..db.repositories.people import village_names
from ..domain.enums import AuthorityLevel, AwardKind, CommendationKind, Role, in_dossier
from ..domain.errors import DomainError, ValidationError
from ..domain.ethnicity import ethnic_group_by_code
from ..domain.indicators import Direction, is_latest_value
from ..domain.positions import position_with_unit
from ..domain.text import name_sort_key, nfc, vi_collation_key
from ..domain.validation import parse_int
from ..reports.blocks import place_date
from ..reports.words import roman
from ..rules.labels import SUBJECT
from ..spreadsheets import exports as xl
from ..spreadsheets.style import replace_atomically
from .base import CatalogSource, ServiceBase
from .movements import MovementService
from .office import OfficeService
from .print_context import PrintContext, load_settings, short_unit_name
from .statistics import StatisticsService

GENDER_VI = {"male": "Nam", "female": "Nữ"}
LEVEL_VI = {AuthorityLevel.COMMUNE.value: "Cấp xã", AuthorityLevel.PROVINCE.value: "Cấp tỉnh",
            AuthorityLevel.CENTRAL.value: "Trung ương"}
KIND_VI = {CommendationKind.REGULAR.value: "Thường xuyên", CommendationKind.THEMATIC.value: "Theo chuyên đề",
           CommendationKind.AD_HOC.value: "Đột xuất", CommendationKind.CONTRIBUTION.value: "Quá trình cống hiến",
           CommendationKind.SENIORITY.value: "Theo niên hạn", CommendationKind.FOREIGN.value: "Đối ngoại"}


@dataclass(frozen=True)
class ExportResult:
    kind: str
    path: Path
    rows: int  # data lines of the table (nominees, register lines, figures, indicators)


def dmy(day: date | None) -> str:
    return f"{day.day:02d}/{day.month:02d}/{day.year:04d}" if day else ""  # strftime is 3x slower


class ExcelExportService(ServiceBase):
    KINDS = ("nominees", "register", "statistics", "indicators")
    PAGE = 1000  # people read from the database at a time for the register

    def __init__(self, db: Database, actor: str = "system", catalog: CatalogSource | None = None, *,
                 today: Callable[[], date] = date.today) -> None:
        super().__init__(db, actor, catalog)
        self.today = today

    # Entry point ---------------------------------------------------------------------------------
    def export(self, kind: str, out: Path | str, *, batch_id: str | None = None, year: int | None = None,
               movement_id: str | None = None) -> ExportResult:
        """Write one workbook. Refuses an unknown kind, a missing target (batch, year, movement)
        and a destination that is not a writable ``.xlsx`` path, each with its own code."""
        kind = nfc(str(kind or "")).strip().lower()
        if kind not in self.KINDS:
            raise ValidationError("EXPORT_KIND_UNKNOWN", field="kind", value=kind, allowed=", ".join(self.KINDS))
        if kind == "nominees" and not batch_id:
            raise ValidationError("EXPORT_NEEDS_BATCH", field="batch")
        if kind == "statistics" and year is None:
            raise ValidationError("EXPORT_NEEDS_YEAR", field="year")
        if kind == "indicators" and not movement_id:
            raise ValidationError("EXPORT_NEEDS_MOVEMENT", field="movement")
        if kind == "statistics":
            year = parse_int(year, "year", min=1945, max=2100)
        path = self._destination(out)
        write: Callable[[Path], int]
        if kind == "nominees":
            data = self._nominee_list(str(batch_id))
            write = lambda target: xl.write_nominee_list(data, target)  # noqa: E731
        elif kind == "statistics":
            report = self._statistics(int(year or 0))
            write = lambda target: xl.write_statistics(report, target)  # noqa: E731
        elif kind == "indicators":
            table = self._indicators(str(movement_id))
            write = lambda target: xl.write_indicators(table, target)  # noqa: E731
        else:
            write = self._write_register
        try:
            rows = replace_atomically(write, path)
        except OSError as exc:  # read-only folder, full disk, the file open in Excel on Windows
            raise DomainError("EXPORT_PATH_UNWRITABLE", field="file", value=str(path)) from exc
        return ExportResult(kind, path, rows)

    @staticmethod
    def _destination(out: Path | str) -> Path:
        text = nfc(str(out or "")).strip()
        if not text:
            raise ValidationError("EXPORT_PATH_REQUIRED", field="file")
        path = Path(text).expanduser()
        if path.is_dir():
            raise ValidationError("EXPORT_PATH_IS_FOLDER", field="file", value=str(path))
        if path.suffix.lower() != ".xlsx":
            raise ValidationError("EXPORT_NOT_XLSX", field="file", value=path.name)
        folder = path.parent if str(path.parent) else Path(".")
        if not folder.is_dir():
            raise ValidationError("EXPORT_FOLDER_MISSING", field="file", value=str(folder))
        if not os.access(folder, os.W_OK) or (path.exists() and not os.access(path, os.W_OK)):
            raise DomainError("EXPORT_PATH_UNWRITABLE", field="file", value=str(path))
        return path.absolute()

    # Shared wording ------------------------------------------------------------------------------
    def _letterhead(self) -> xl.Letterhead:
        office = OfficeService(self.db, self.actor, self._catalog).office()
        unit = office.unit_name
        if office.role == Role.PROVINCE.value and not unit.lower().startswith("tỉnh"):
            unit = f"Tỉnh {unit}"
        # Who signs and the place name come from the same settings as the printed documents.
        with self.db.reader() as session:
            ctx = PrintContext(session=session, office=office, catalog=self.catalog, settings=load_settings(session),
                               today=self.today())
            signer = ctx.chairman_signer(required=False)  # a working file: blank when nobody is in office
            place = ctx.settings.place or short_unit_name(unit)
        return xl.Letterhead(agency=("ỦY BAN NHÂN DÂN", unit.upper()), place_date=place_date(place, self.today()),
                             preparer=office.officer_name, signer=(signer.authority, signer.title),
                             signer_name=signer.name)

    def award_label(self, code: str, title: str = "", *, subject: bool = True) -> str:
        """The award's Vietnamese name; awards that share a name are told apart by their subject
        (``subject``) or their short form. A record from paper outside the catalog keeps its title."""
        try:
            award = self.catalog.award(code)
        except DomainError:
            return title or code
        twins = [a for a in self.catalog.awards if a.name_vi == award.name_vi]
        if len(twins) == 1:
            return award.name_vi
        same = [a for a in twins if a.subject_type == award.subject_type]
        if len(same) == 1:
            return f"{award.name_vi} ({SUBJECT[award.subject_type.value][0]})" if subject else award.name_vi
        # Same name, same subject (LĐTT for officials and for workers): the short form's
        # parenthesis tells them apart ("LĐTT (NLĐ)"); the one without keeps the plain name.
        extra = award.short_vi[award.short_vi.find("("):] if "(" in award.short_vi else ""
        plain = [a for a in same if "(" not in a.short_vi]
        if extra:
            return f"{award.name_vi} {extra}"
        return award.name_vi if len(plain) == 1 else f"{award.name_vi} ({award.short_vi})"

    # Nominee list --------------------------------------------------------------------------------
    def _nominee_list(self, batch_id: str) -> xl.NomineeList:
        with self.db.reader() as session:
            batch = repo.batch(session, batch_id)
            rows = repo.batch_nominations(session, batch.id)
            reviews = reviews_repo.latest_reviews(session, [r[0].id for r in rows])
            # The same nominees as the printed tờ trình and its list (passed by the council, not decided).
            kept = [r for r in rows if in_dossier(reviews_repo.effective_state(r[0], reviews.get(r[0].id)).status)]
            lines = [(nomination.award_code, self._sort_key(person, collective),
                      self._nominee_line(nomination, person, collective, village))
                     for nomination, person, collective, village in kept]
            batch_name, batch_year = batch.name, batch.year
        order = {code: index for index, code in enumerate(self.catalog.codes)}
        codes = sorted({code for code, _key, _line in lines}, key=lambda c: (order.get(c, len(order)), c))
        groups = []
        for number, code in enumerate(codes, start=1):
            members = tuple(line for _c, _k, line in sorted((x for x in lines if x[0] == code),
                                                            key=lambda x: x[1]))
            groups.append(xl.NomineeGroup(self._group_title(number, code, len(members)), members))
        head, unit = self._letterhead(), self._unit_prose()
        note = (f"(Kèm theo Tờ trình số      /TTr-UBND ngày      tháng      năm {self.today().year} "
                f"của Ủy ban nhân dân {unit})")
        title = batch_name if str(batch_year) in batch_name else f"{batch_name} (năm {batch_year})"
        return xl.NomineeList(head, (title,), note, tuple(groups))

    def _unit_prose(self) -> str:
        """"Xã Quảng Uyên" → "xã Quảng Uyên" (inside a sentence)."""
        unit = OfficeService(self.db, self.actor, self._catalog).office().unit_name
        return unit[:1].lower() + unit[1:] if unit[1:2].islower() else unit

    @staticmethod
    def _sort_key(person: Any, collective: Any) -> tuple[Any, ...]:
        if person is not None:
            return (0, name_sort_key(person.full_name), person.id)
        return (1, vi_collation_key(collective.name), collective.id)

    def _nominee_line(self, nomination: Any, person: Any, collective: Any, village: str | None) -> xl.NomineeLine:
        award = self.award_label(nomination.award_code, subject=False)  # the section names the subject
        if nomination.commendation_kind != CommendationKind.REGULAR.value:
            award = f"{award} ({KIND_VI.get(nomination.commendation_kind, nomination.commendation_kind).lower()})"
        summary = nomination.achievement_summary or ""
        if person is not None:
            group = ethnic_group_by_code(person.ethnicity_code) if person.ethnicity_code else None
            unit = position_with_unit(person.position, person.workplace or village or "")
            born = person.birth_date.year if person.birth_date else person.birth_year
            return xl.NomineeLine(person.full_name, born, person.gender == "female", group.name if group else "",
                                  unit, summary, award)
        return xl.NomineeLine(collective.name, None, None, "", village or collective.address or "", summary, award)

    def _group_title(self, number: int, code: str, count: int) -> str:
        try:
            award = self.catalog.award(code)
        except DomainError:
            return f"{roman(number)}. {code}: {count}"
        label = self.award_label(code, subject=False)
        shown = f"Danh hiệu “{label}”" if award.kind is AwardKind.EMULATION_TITLE else label
        return f"{roman(number)}. {shown}: {count} {SUBJECT[award.subject_type.value][0]}"

    # Register ------------------------------------------------------------------------------------
    def _write_register(self, target: Path) -> int:
        head = self._letterhead()
        with contextlib.closing(self._register_people()) as people:
            counts = xl.write_register(head, (f"(Số liệu đến ngày {dmy(self.today())})",), people, target)
        return counts.rows

    def _register_people(self) -> Generator[xl.RegisterPerson, None, None]:
        """Register records page by page. Rows are unpacked as tuples (in the repository's column
        order): named access on 100 000s of rows is measurably slower."""
        awards_of: dict[tuple[str, str], str] = {}
        ethnicities: dict[str, str] = {}
        with self.db.reader() as session:
            villages = village_names(session)
            for page in repo.people_pages(session, self.PAGE):
                awards = repo.awards_of_people(session, [p[0] for p in page])
                for (pid, name, gender, born_on, born_in, ethnicity, cccd, phone, position, workplace, village,
                     direct, hometown, qualification, theory, academic, duties) in page:
                    lines = []
                    for _pid, code, title, _kind, kind, year, number, decided_on, level, issuer in awards.get(pid, ()):
                        label = awards_of.get((code, title))
                        if label is None:
                            label = awards_of[(code, title)] = self.award_label(code, title, subject=False)
                        lines.append(xl.AwardLine(year, label, KIND_VI.get(kind, ""), LEVEL_VI.get(level, level),
                                                  number, dmy(decided_on), issuer))
                    group = ethnicities.get(ethnicity or "")
                    if group is None:
                        found = ethnic_group_by_code(ethnicity) if ethnicity else None
                        group = ethnicities[ethnicity or ""] = found.name if found else ""
                    birth = dmy(born_on) or (f"{born_in:04d}" if born_in else "")
                    yield xl.RegisterPerson(name, GENDER_VI.get(gender, gender), birth, group, cccd or "", phone or "",
                                            position, workplace, villages.get(village or "", ""), bool(direct),
                                            tuple(lines), hometown, qualification, theory, academic,
                                            "; ".join(x for x in duties.splitlines() if x))

    # Statistics ----------------------------------------------------------------------------------
    def _statistics(self, year: int) -> xl.StatisticsReport:
        stats = StatisticsService(self.db, self.actor, self._catalog).year(year)
        total = stats.people + stats.collectives

        def share(count: int, of: int) -> float | None:
            return count / of if of else None

        order = {code: index for index, code in enumerate(self.catalog.codes)}
        awards = sorted(stats.by_award.items(), key=lambda kv: (order.get(kv[0], len(order)), kv[0]))
        levels = [*LEVEL_VI, *sorted(set(stats.by_level) - set(LEVEL_VI))]
        kinds = [*KIND_VI, *sorted(set(stats.by_kind) - set(KIND_VI))]
        sections = (
            xl.StatSection("I", "Tổng số lượt khen thưởng", (
                xl.StatLine("Tổng số", "Lượt", total, share(total, total)),
                xl.StatLine("Cá nhân", "Lượt", stats.people, share(stats.people, total)),
                xl.StatLine("Tập thể, hộ gia đình", "Lượt", stats.collectives, share(stats.collectives, total)))),
            xl.StatSection("II", "Theo danh hiệu thi đua, hình thức khen thưởng", tuple(
                xl.StatLine(self.award_label(code, "Khen thưởng khác (ngoài danh mục)"), "Lượt", n, share(n, total))
                for code, n in awards)),
            xl.StatSection("III", "Theo cấp khen thưởng", tuple(
                xl.StatLine(LEVEL_VI.get(lv, lv), "Lượt", stats.by_level.get(lv, 0),
                            share(stats.by_level.get(lv, 0), total)) for lv in levels)),
            xl.StatSection("IV", "Theo loại hình khen thưởng", tuple(
                xl.StatLine(KIND_VI.get(k, k), "Lượt", stats.by_kind.get(k, 0), share(stats.by_kind.get(k, 0), total))
                for k in kinds)),
            xl.StatSection("V", "Khen thưởng cá nhân thuộc các nhóm ưu tiên", tuple(
                xl.StatLine(label, "Lượt", n, share(n, stats.people)) for label, n in (
                    ("Nữ", stats.women), ("Người dân tộc thiểu số", stats.ethnic_minority),
                    ("Người lao động trực tiếp", stats.direct_workers),
                    ("Người ở thôn, xóm biên giới, vùng sâu, vùng xa", stats.border_or_remote)))),
        )
        notes = ("Ghi chú: tỷ lệ ở mục I đến IV tính trên tổng số lượt khen thưởng; tỷ lệ ở mục V tính trên "
                 "số lượt khen thưởng cá nhân.",
                 f"Số liệu lấy từ sổ theo dõi khen thưởng năm {year}, đến ngày {dmy(self.today())}.")
        return xl.StatisticsReport(self._letterhead(), year, sections, notes)

    # Movement indicators -------------------------------------------------------------------------
    def _indicators(self, movement_id: str) -> xl.IndicatorTable:
        movements = MovementService(self.db, self.actor, self._catalog)
        movement = movements.get(movement_id)
        indicators = movements.indicators(movement_id)
        details = [f"Mã phong trào: {movement.code}"]
        if movement.period_start or movement.period_end:
            details.append(f"Thời gian thực hiện: từ {movement.period_start or '…'} đến {movement.period_end or '…'}")
        lines = tuple(xl.IndicatorLine(
            str(i["name"]), str(i["unit"] or ""), _float(i["baseline"]), _float(i["target"]), _float(i["result"]),
            # MovementService.indicators: reporting_dates a list of ISO dates, percent a float or None.
            "; ".join(dmy(date.fromisoformat(str(d))) for d in cast(list[object], i["reporting_dates"] or [])),
            None if i["percent"] is None else float(cast(float, i["percent"])) / 100,
            _indicator_note(i)) for i in indicators)
        return xl.IndicatorTable(self._letterhead(), f"Phong trào: {movement.name}", tuple(details), lines)


def _indicator_note(indicator: dict[str, object]) -> str:
    """"Tổng các lần báo cáo" or "Số liệu báo cáo gần nhất", "chỉ tiêu cần giảm", then the verdict."""
    parts = ["Số liệu báo cáo gần nhất" if is_latest_value(str(indicator["kind"])) else "Tổng các lần báo cáo"]
    if indicator["direction"] == Direction.DOWN.value:
        parts.append("chỉ tiêu cần giảm")
    if indicator["achieved"] is not None:
        parts.append("đạt" if indicator["achieved"] else "chưa đạt")
    return "; ".join(parts)


def _float(value: object) -> float | None:
    # The indicator dicts hold numbers or None as ``object``; float() takes them all.
    return None if value is None else float(value)  # type: ignore[arg-type]  # a number typed as object
