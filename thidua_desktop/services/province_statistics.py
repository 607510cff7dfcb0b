"""Statistics for the province across its communes: awards by commune, level, kind, title or form
and the directive's priority groups, for a year or a run of years; the movement indicators the
communes reported, added up by each indicator's kind (domain/province_figures.py: a sum for counts,
a weighted mean for levels and percentages, never a sum of percentages); the Ministry of Home
Affairs' yearly statistical forms filled from them (layouts as data in resources/statistics/); and
Sở Nội vụ's periodic report on Directive 12/CT-UBND. Read-only. No Qt here."""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from ..db import Session
from ..db.repositories import province_overview as peers_repo
from ..db.repositories import province_statistics as repo
from ..domain import province_figures as pf
from ..domain.errors import DomainError, ValidationError
from ..domain.indicators import Reading, assess, indicator_result, is_latest_value
from ..domain.statistical_forms import Basis, FilledForm, FormLayout, fill, parse_forms
from ..domain.text import search_key
from ..domain.validation import parse_int
from ..paths import resource_path
from ..reports import province_statistics as paper
from ..reports.blocks import place_date
from ..reports.model import PrintJob, Signer, Wording
from ..spreadsheets import exports as xl
from ..spreadsheets import statistical_forms as xl_forms
from ..spreadsheets.style import replace_atomically
from .base import CatalogSource, ServiceBase
from .changes import Change
from .excel_export import KIND_VI, LEVEL_VI
from .office import OfficeService
from .print_context import PrintContext, load_settings, short_unit_name
from .template_store import pushed_templates

FORMS_FILE = "statistics/bnv_yearly_forms.json"
# The document kinds of services/document_kinds.py; their wording is resources/documents/<kind>.json.
FORM_KIND, REPORT_KIND = "statistics-form", "directive-report"
INFERENCE_FILE = "catalog/award_inference.json"
# What the figures are read from: the screen watches these kinds.
WATCHES = Change.PEOPLE | Change.COLLECTIVES | Change.RECORDS | Change.MOVEMENTS | Change.DECISIONS | Change.SYNC
GROUP_VI = {"women": "Nữ", "ethnic_minority": "Người dân tộc thiểu số", "direct_worker": "Người lao động trực tiếp",
            "border_remote": "Ở vùng biên giới, vùng sâu, vùng xa"}
METHOD_VI = {pf.SUM: "Cộng dồn", pf.WEIGHTED_MEAN: "Bình quân gia quyền", pf.MEAN: "Bình quân cộng",
             pf.NONE: "Chưa có số liệu"}
UNKNOWN_COMMUNE = "?"  # rows of an office that is not an enrolled commune (the province's own)


@dataclass(frozen=True)
class Period:
    first_year: int
    last_year: int

    @property
    def first_day(self) -> date:
        return date(self.first_year, 1, 1)

    @property
    def last_day(self) -> date:
        return date(self.last_year, 12, 31)

    @property
    def text_vi(self) -> str:
        if self.first_year == self.last_year:
            return f"năm {self.first_year}"
        return f"giai đoạn {self.first_year} - {self.last_year}"


@dataclass(frozen=True)
class CommuneFigures:
    """One commune's awards over the period (lượt), by level and the priority groups."""

    code: str
    name: str
    total: int = 0
    individual: int = 0
    collective: int = 0  # collectives and households
    central: int = 0
    province: int = 0
    commune: int = 0
    women: int = 0
    ethnic_minority: int = 0
    direct_worker: int = 0
    border_remote: int = 0
    movements: int = 0
    activities: int = 0


@dataclass(frozen=True)
class CombinedIndicator:
    """An indicator reported by one or more communes (same movement code, name, unit and kind)."""

    movement_code: str
    movement_name: str
    name: str
    unit: str
    kind: str
    value: float | None
    method: str  # domain/province_figures: sum | weighted_mean | mean | none
    reporting: int
    met: int  # communes meeting their own target by its direction
    parts: tuple[pf.IndicatorPart, ...] = ()


@dataclass(frozen=True)
class ProvinceFigures:
    period: Period
    lines: tuple[pf.AwardLine, ...]
    communes: tuple[CommuneFigures, ...]
    by_level: dict[str, int] = field(default_factory=dict)
    by_kind: dict[str, int] = field(default_factory=dict)
    by_award: dict[str, int] = field(default_factory=dict)
    groups: dict[str, int] = field(default_factory=dict)
    indicators: tuple[CombinedIndicator, ...] = ()

    @property
    def total(self) -> int:
        return len(self.lines)

    @property
    def individuals(self) -> int:
        return sum(1 for x in self.lines if x.subject == "individual")


@dataclass(frozen=True)
class FileResult:
    path: Path
    cells: dict[tuple[str, str], str] = field(default_factory=dict)  # xlsx: where each figure went


class ProvinceStatisticsService(ServiceBase):
    def __init__(self, db: Any, actor: str = "system", catalog: CatalogSource | None = None, *,
                 today: Callable[[], date] = date.today, **kwargs: Any) -> None:
        super().__init__(db, actor, catalog, **kwargs)
        self.today = today

    # Periods and forms -----------------------------------------------------------------------------
    @staticmethod
    def period(first_year: int | str, last_year: int | str | None = None) -> Period:
        first = parse_int(first_year, "first_year", min=1945, max=2100)
        last = parse_int(last_year if last_year not in (None, "") else first_year, "last_year", min=1945, max=2100)
        assert first is not None and last is not None  # parse_int refuses a blank
        if last < first:
            raise ValidationError("PERIOD_REVERSED", field="last_year", value=str(last))
        return Period(first, last)

    @staticmethod
    def forms() -> tuple[Basis, tuple[FormLayout, ...]]:
        """The yearly forms as the shipped data describes them (which circular, which layouts)."""
        return parse_forms(json.loads(resource_path(FORMS_FILE).read_text(encoding="utf-8")))

    # Figures ---------------------------------------------------------------------------------------
    def figures(self, period: Period) -> ProvinceFigures:
        with self.db.reader() as session:
            return self.figures_in(session, period)

    def figures_in(self, session: Session, period: Period) -> ProvinceFigures:
        """``figures`` inside a reading session the caller holds (the print service's)."""
        peers = peers_repo.commune_peers(session)
        rows = repo.award_rows(session, period.first_year, period.last_year)
        indicators = repo.indicators(session)
        values = repo.values_until(session, period.last_day)
        activity = repo.movement_counts(session, period.first_day, period.last_day)
        code_of = {p.node_id: p.unit_code for p in peers if p.node_id}
        names = {p.unit_code: p.unit_name for p in peers}
        forms = self._form_of()
        lines = tuple(pf.AwardLine(
            code_of.get(r.node, UNKNOWN_COMMUNE), r.award_code, r.award_kind,
            r.award_form or forms.get(r.award_code, ""), r.level, r.kind, r.subject,
            women=r.gender == "female", ethnic_minority=r.minority, direct_worker=r.direct_worker,
            border_remote=r.border_remote) for r in rows)
        communes = [self._commune(code, names.get(code, code), lines, activity, peers)
                    for code in sorted(names)]
        if any(x.commune == UNKNOWN_COMMUNE for x in lines):
            communes.append(self._commune(UNKNOWN_COMMUNE, "Đơn vị khác", lines, activity, peers))
        return ProvinceFigures(period, lines, tuple(communes), pf.tally(lines, "level"), pf.tally(lines, "kind"),
                               pf.tally(lines, "award_code"), pf.tally(lines, "group"),
                               self._combine(indicators, values, code_of, period))

    @staticmethod
    def _commune(code: str, name: str, lines: tuple[pf.AwardLine, ...], activity: dict[str, dict[str, int]],
                 peers: list[peers_repo.PeerRow]) -> CommuneFigures:
        mine = [x for x in lines if x.commune == code]
        node = next((p.node_id for p in peers if p.unit_code == code), "")
        counts = activity.get(node, {}) if node else {}
        groups = {g: pf.count(mine, {"group": g}) for g in pf.GROUPS}
        return CommuneFigures(
            code, name, len(mine), pf.count(mine, {"subject": "individual"}),
            pf.count(mine, {"subject": ["collective", "household"]}), pf.count(mine, {"level": "central"}),
            pf.count(mine, {"level": "province"}), pf.count(mine, {"level": "commune"}),
            women=groups["women"], ethnic_minority=groups["ethnic_minority"],
            direct_worker=groups["direct_worker"], border_remote=groups["border_remote"],
            movements=counts.get("movements", 0), activities=counts.get("activities", 0))

    def _form_of(self) -> dict[str, str]:
        """The form (loại khen thưởng) of each catalog award, for lines that recorded none: an
        emulation title is one (award_inference.json's default), a commendation form is read from
        its name by the same rules as an import."""
        from ..rules.award_names import load_award_names  # the rules layer reads its own data file

        names = load_award_names()
        out: dict[str, str] = {}
        for award in self.catalog.awards:
            if award.kind.value == "emulation_title":
                out[award.code] = "emulation_title"
            else:
                try:
                    out[award.code] = names.form_of(award.name_vi)[0]
                except (DomainError, ValueError, KeyError):
                    out[award.code] = ""
        return out

    @staticmethod
    def _combine(indicators: list[repo.IndicatorRow], values: list[repo.ValueRow], code_of: dict[str, str],
                 period: Period) -> tuple[CombinedIndicator, ...]:
        """Each commune's result by the indicator's kind (counts: reports within the period; levels
        and percentages: the latest report up to its end), then the communes combined by kind."""
        by_indicator: dict[str, list[repo.ValueRow]] = {}
        for v in values:
            by_indicator.setdefault(v.indicator_id, []).append(v)
        groups: dict[tuple[str, str, str, str], list[tuple[repo.IndicatorRow, pf.IndicatorPart]]] = {}
        for ind in indicators:
            latest = is_latest_value(ind.kind)
            mine = [v for v in by_indicator.get(ind.id, []) if latest or v.held_on >= period.first_day]
            result = indicator_result(ind.kind, [Reading(v.held_on, v.value, (v.clock, v.id)) for v in mine])
            weight = None
            if latest and mine:
                last = max(mine, key=lambda v: (v.held_on, v.clock, v.id))
                weight = float(last.participants) if last.participants else None
            achieved = assess(ind.direction, ind.baseline, ind.target, result).achieved
            key = (ind.movement_code, search_key(ind.name), search_key(ind.unit), ind.kind)
            part = pf.IndicatorPart(code_of.get(ind.node, UNKNOWN_COMMUNE), result, weight, achieved)
            groups.setdefault(key, []).append((ind, part))
        out = []
        for (_code, _name, _unit, kind), items in groups.items():
            first = items[0][0]
            parts = tuple(p for _i, p in items)
            combined = pf.combine(kind, parts)
            out.append(CombinedIndicator(first.movement_code, first.movement_name, first.name, first.unit, kind,
                                         combined.value, combined.method, combined.reporting,
                                         sum(1 for p in parts if p.achieved), parts))
        return tuple(sorted(out, key=lambda c: (c.movement_code, search_key(c.name), c.kind)))

    # Forms -----------------------------------------------------------------------------------------
    def fill_form(self, number: str, period: Period, figures: ProvinceFigures | None = None) -> FilledForm:
        basis, layouts = self.forms()
        layout = next((f for f in layouts if f.number == str(number).strip()), None)
        if layout is None:
            raise ValidationError("STAT_FORM_UNKNOWN", field="form", value=str(number),
                                  allowed=", ".join(f.number for f in layouts))
        data = figures or self.figures(period)
        return fill(layout, basis, period.text_vi.capitalize(), data.lines, self._row_values(data))

    def _row_values(self, data: ProvinceFigures) -> dict[str, list[tuple[str, str]]]:
        """Codes and Vietnamese labels of every dimension a form row may expand by, in order."""
        inference = json.loads(resource_path(INFERENCE_FILE).read_text(encoding="utf-8"))
        form_labels = [(code, str(f.get("label_vi", code))[:1].upper() + str(f.get("label_vi", code))[1:])
                       for code, f in inference.get("forms", {}).items() if code != "emulation_title"]
        return {"commune": [(c.code, c.name) for c in data.communes],
                "level": [("central", "Cấp Nhà nước, Trung ương"), ("province", "Cấp tỉnh"), ("commune", "Cấp xã")],
                "kind": list(KIND_VI.items()),
                "award_code": [(a.code, a.name_vi) for a in self.catalog.awards],
                "form": [("emulation_title", "Danh hiệu thi đua"), *form_labels],
                "subject": [("individual", "Cá nhân"), ("collective", "Tập thể"), ("household", "Hộ gia đình")],
                "award_kind": [("emulation_title", "Danh hiệu thi đua"),
                               ("commendation_form", "Hình thức khen thưởng")]}

    def export_form(self, number: str, period: Period, out: Path | str) -> FileResult:
        """The filled form as a workbook; refuses a destination that is not a writable .xlsx."""
        from .excel_export import ExcelExportService  # its destination checks and wording

        excel = ExcelExportService(self.db, self.actor, self._catalog, today=self.today)
        path = excel._destination(out)
        form = self.fill_form(number, period)
        head = self._letterhead()
        try:
            cells = replace_atomically(lambda target: xl_forms.write_form(form, head, target), path)
        except OSError as exc:
            raise DomainError("EXPORT_PATH_UNWRITABLE", field="file", value=str(path)) from exc
        return FileResult(path, cells)

    def export_form_pdf(self, number: str, period: Period, out: Path | str) -> FileResult:
        form = self.fill_form(number, period)
        job, signer = self._job()
        return self._write(Path(out), paper.render_form(form, job, signer))

    # The periodic report on the directive ----------------------------------------------------------
    def directive_report(self, period: Period) -> paper.DirectiveReport:
        return self.directive_report_of(self.figures(period), self._report_wording())

    @staticmethod
    def directive_report_of(data: ProvinceFigures, wording: Wording) -> paper.DirectiveReport:
        period = data.period
        signer = Signer("", str(wording.doc.get("signer_title", "GIÁM ĐỐC")), "")
        return paper.DirectiveReport(
            period.text_vi,
            tuple(paper.CommuneLine(c.name, c.movements, c.activities, c.total, c.women, c.ethnic_minority)
                  for c in data.communes),
            tuple(paper.IndicatorLine(i.movement_name, i.name, i.unit, METHOD_VI[i.method], i.value, i.reporting,
                                      i.met) for i in data.indicators),
            tuple((LEVEL_VI.get(k, k), data.by_level.get(k, 0)) for k in ("central", "province", "commune")),
            tuple((KIND_VI.get(k, k), n) for k, n in data.by_kind.items()),
            tuple((GROUP_VI[g], data.groups.get(g, 0)) for g in pf.GROUPS),
            data.individuals, data.total, signer)

    def export_directive_report(self, period: Period, out: Path | str) -> FileResult:
        report = self.directive_report(period)
        job = PrintJob(wording=self._report_wording(), qr_text=None, issued_on=self.today(),
                       author=self._office_name())
        return self._write(Path(out), paper.render_directive_report(report, job))

    # Shared ----------------------------------------------------------------------------------------
    def _office_name(self) -> str:
        return OfficeService(self.db, self.actor, self._catalog).office().unit_name

    def _context_values(self) -> tuple[dict[str, Any], dict[str, object], Signer, str]:
        office = OfficeService(self.db, self.actor, self._catalog).office()
        with self.db.reader() as session:
            ctx = PrintContext(session=session, office=office, catalog=self.catalog, settings=load_settings(session),
                               today=self.today())
            return ctx.template("common"), ctx.values(), ctx.chairman_signer(required=False), office.unit_name

    def _report_wording(self) -> Wording:
        office = OfficeService(self.db, self.actor, self._catalog).office()
        with self.db.reader() as session:
            ctx = PrintContext(session=session, office=office, catalog=self.catalog, settings=load_settings(session),
                               today=self.today(), pushed=pushed_templates(session))
            return ctx.wording(REPORT_KIND)  # the province's and this office's edits of the wording apply

    def _job(self) -> tuple[PrintJob, Signer]:
        office = OfficeService(self.db, self.actor, self._catalog).office()
        with self.db.reader() as session:
            ctx = PrintContext(session=session, office=office, catalog=self.catalog, settings=load_settings(session),
                               today=self.today(), pushed=pushed_templates(session))
            return PrintJob(wording=ctx.wording(FORM_KIND), qr_text=None, issued_on=self.today(),
                            author=office.unit_name), ctx.chairman_signer(required=False)

    def _letterhead(self) -> xl.Letterhead:
        _common, values, signer, unit = self._context_values()
        place = str(values.get("place") or short_unit_name(unit))
        return xl.Letterhead(agency=("ỦY BAN NHÂN DÂN", unit.upper()), place_date=place_date(place, self.today()),
                             signer=(signer.authority, signer.title), signer_name=signer.name)

    @staticmethod
    def _write(path: Path, pdf: bytes) -> FileResult:
        if path.suffix.lower() != ".pdf":
            raise ValidationError("EXPORT_NOT_PDF", field="file", value=path.name)
        try:
            replace_atomically(lambda target: target.write_bytes(pdf), path)
        except OSError as exc:
            raise DomainError("EXPORT_PATH_UNWRITABLE", field="file", value=str(path)) from exc
        return FileResult(path)


# The printed statistics as document kinds (services/document_kinds.py): ``thidua print`` and the
# print menus reach them as any other document. The target is the period: "2026" or "2024-2026";
# for a form, its number first: "0601-2026".
@dataclass(frozen=True)
class FormPaper:
    """One yearly statistical form to print, and who signs it."""

    form: FilledForm
    signer: Signer


def period_target(period: Period) -> str:
    return str(period.first_year) if period.first_year == period.last_year else \
        f"{period.first_year}-{period.last_year}"


def form_target(number: str, period: Period) -> str:
    return f"{number}-{period_target(period)}"


def _period_of(years: list[str], target: str) -> Period:
    if not 1 <= len(years) <= 2 or not all(y.strip().isdigit() for y in years):
        raise ValidationError("STAT_TARGET_INVALID", field="target", value=target)
    return ProvinceStatisticsService.period(years[0], years[-1])


def parse_period_target(target: str) -> Period:
    return _period_of(str(target).strip().split("-"), target)


def parse_form_target(target: str) -> tuple[str, Period]:
    number, *years = str(target).strip().split("-")
    return number, _period_of(years, target)


def _figures(ctx: PrintContext, period: Period) -> ProvinceFigures:
    service = ProvinceStatisticsService(None, "print", ctx.catalog, today=lambda: ctx.today)
    return service.figures_in(ctx.session, period)


def gather_form(ctx: PrintContext, target_id: str) -> FormPaper:
    number, period = parse_form_target(target_id)
    service = ProvinceStatisticsService(None, "print", ctx.catalog, today=lambda: ctx.today)
    form = service.fill_form(number, period, service.figures_in(ctx.session, period))
    return FormPaper(form, ctx.chairman_signer(required=False))


def render_form_paper(data: FormPaper, job: PrintJob) -> bytes:
    return paper.render_form(data.form, job, data.signer)


def gather_directive_report(ctx: PrintContext, target_id: str) -> paper.DirectiveReport:
    period = parse_period_target(target_id)
    return ProvinceStatisticsService.directive_report_of(_figures(ctx, period), ctx.wording(REPORT_KIND))
