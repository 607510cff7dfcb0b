"""The printable document kinds, listed once. The print service and its batch printer, the CLI's
``thidua print`` (its help and its check of the kind) and the GUI's print menus all read this list.

Each kind names the record it is printed from (its target), how its data is gathered (a function
of a ``print_*`` module, given the print context and the record id), how it is drawn (a renderer in
``reports/``) and which of its records belong to a nomination batch (``thidua print batch``). The
order is the filing order of a batch's folder.

A new kind: its gatherer in a ``print_*`` module, its renderer in ``reports/`` (with its wording
template, ``reports/templates/``), one line here (its functions named "module:function", their
modules imported in ``_modules``), and its menu label in ``ui/print_actions.py``;
the screen whose record it is printed from offers it by target (docs/architecture.md)."""

from __future__ import annotations

import functools
from collections.abc import Callable
from dataclasses import dataclass
from types import ModuleType
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from ..reports.model import PrintJob
    from .print_context import PrintContext

# The records a document is printed from; each screen's print menu offers the kinds of its record.
BATCH, NOMINATION, MEETING, DECISION, MOVEMENT = "batch", "nomination", "meeting", "decision", "movement"
PROVINCE_DECISION = "province_decision"  # a decision of the provincial chairman, printed at the province
# A period of the province's statistics ("2026", "2024-2026"; a form's number first: "0601-2026").
STATISTICS = "statistics"


@functools.cache
def _modules() -> dict[str, ModuleType]:
    """The gatherers' and the renderers' modules, imported on the first use of a spec's functions.

    Late on purpose: the kinds' names are read by every ``thidua`` command line's parser and by
    the GUI's menus, which must not pay for ReportLab, the ORM models and the statistics services
    (about 0.3 s) before anything is printed."""
    from ..reports import (
        achievement_report,
        certificate,
        council_papers,
        decision,
        movement_report,
        nominee_list,
        province_decision,
        submission,
    )
    from ..reports import province_statistics as paper_statistics
    from . import (
        print_awards,
        print_council,
        print_dossier,
        print_movement,
        print_province,
        print_reports,
        province_statistics,
    )

    found = (achievement_report, certificate, council_papers, decision, movement_report, nominee_list,
             province_decision, submission, paper_statistics, print_awards, print_council, print_dossier,
             print_movement, print_province, print_reports, province_statistics)
    return {module.__name__.removeprefix("thidua_desktop."): module for module in found}


def _resolve(ref: str) -> Any:
    """``"reports.submission:render"`` -> that function (its module named from the package down)."""
    module, name = ref.split(":")
    return getattr(_modules()[module], name)


@dataclass(frozen=True)
class DocumentSpec:
    """One printable document: what it is about, how its data is gathered and how it is drawn.

    The functions are named here ("module:function") and imported when first used, through the
    ``gather``, ``render`` and ``in_batch`` properties; the spec is otherwise what it was."""

    kind: str  # the CLI name: "submission", "report", …
    target: str  # BATCH, NOMINATION, MEETING, DECISION, MOVEMENT, PROVINCE_DECISION or STATISTICS
    title_vi: str
    gather_ref: str  # Callable[[PrintContext, str], Any]
    render_ref: str  # Callable[[Any, PrintJob], bytes]
    # The targets of this document inside a nomination batch (for ``print batch``); None: not part.
    in_batch_ref: str | None = None  # Callable[[PrintContext, str], list[str]]
    dated: bool = True  # the heading carries the print date

    @property
    def gather(self) -> Callable[[PrintContext, str], Any]:
        return _resolve(self.gather_ref)

    @property
    def render(self) -> Callable[[Any, PrintJob], bytes]:
        return _resolve(self.render_ref)

    @property
    def in_batch(self) -> Callable[[PrintContext, str], list[str]] | None:
        return _resolve(self.in_batch_ref) if self.in_batch_ref is not None else None


_DOSSIER, _COUNCIL, _AWARDS = "services.print_dossier:", "services.print_council:", "services.print_awards:"
_MOVEMENT, _PROVINCE, _STATS = "services.print_movement:", "services.print_province:", "services.province_statistics:"

DOCUMENTS: tuple[DocumentSpec, ...] = (
    DocumentSpec("submission", BATCH, "Tờ trình đề nghị khen thưởng", _DOSSIER + "gather_batch",
                 "reports.submission:render", in_batch_ref=_DOSSIER + "submission_targets"),
    DocumentSpec("report", NOMINATION, "Báo cáo thành tích", "services.print_reports:gather_report",
                 "reports.achievement_report:render", in_batch_ref=_DOSSIER + "nomination_ids_in_batch"),
    DocumentSpec("list", BATCH, "Danh sách đề nghị khen thưởng", _DOSSIER + "gather_batch",
                 "reports.nominee_list:render_list", in_batch_ref=_DOSSIER + "submission_targets"),
    DocumentSpec("minutes", MEETING, "Biên bản họp Hội đồng Thi đua - Khen thưởng", _COUNCIL + "gather_minutes",
                 "reports.council_papers:render_minutes", in_batch_ref=_COUNCIL + "meetings_in_batch", dated=False),
    DocumentSpec("ballots", MEETING, "Phiếu bầu", _COUNCIL + "gather_ballots",
                 "reports.council_papers:render_ballots", in_batch_ref=_COUNCIL + "ballot_meetings_in_batch",
                 dated=False),
    DocumentSpec("decision", DECISION, "Quyết định khen thưởng", _AWARDS + "gather_decision",
                 "reports.decision:render", in_batch_ref=_AWARDS + "decisions_in_batch", dated=False),
    DocumentSpec("certificate", DECISION, "Giấy khen", _AWARDS + "gather_certificates",
                 "reports.certificate:render", in_batch_ref=_AWARDS + "decisions_in_batch", dated=False),
    DocumentSpec("public-list", BATCH, "Danh sách công khai", _DOSSIER + "gather_public",
                 "reports.nominee_list:render_public", in_batch_ref=_DOSSIER + "levels_in_batch"),
    # The provincial chairman's: in no commune's batch (the province decides for several communes).
    DocumentSpec("province-decision", PROVINCE_DECISION, "Quyết định khen thưởng của Chủ tịch UBND tỉnh",
                 _PROVINCE + "gather_decision", "reports.province_decision:render_decision", dated=False),
    DocumentSpec("province-certificate", PROVINCE_DECISION, "Bằng khen, giấy chứng nhận của Chủ tịch UBND tỉnh",
                 _PROVINCE + "gather_certificates", "reports.province_decision:render_certificates", dated=False),
    DocumentSpec("movement-report", MOVEMENT, "Báo cáo kết quả phong trào thi đua", _MOVEMENT + "gather_movement",
                 "reports.movement_report:render", in_batch_ref=_MOVEMENT + "movement_of_batch"),
    # The province's statistics over a period: the Ministry's yearly forms (Biểu 0601–0605, their
    # layouts as data in resources/statistics/) and Sở Nội vụ's periodic report on the directive.
    DocumentSpec("statistics-form", STATISTICS, "Biểu báo cáo thống kê thi đua, khen thưởng",
                 _STATS + "gather_form", _STATS + "render_form_paper"),
    DocumentSpec("directive-report", STATISTICS, "Báo cáo kết quả thực hiện Chỉ thị về thi đua",
                 _STATS + "gather_directive_report", "reports.province_statistics:render_directive_report"),
)

BY_KIND: dict[str, DocumentSpec] = {spec.kind: spec for spec in DOCUMENTS}
KINDS: tuple[str, ...] = tuple(BY_KIND)


def kinds_for(target: str) -> tuple[str, ...]:
    """The kinds printed from one kind of record, in filing order ("meeting" -> minutes, ballots)."""
    return tuple(spec.kind for spec in DOCUMENTS if spec.target == target)
