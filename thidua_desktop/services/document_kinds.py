"""The printable document kinds, listed once. The print service and its batch printer, the CLI's
``thidua print`` (its help and its check of the kind) and the GUI's print menus all read this list.

Each kind names the record it is printed from (its target), how its data is gathered (a function
of a ``print_*`` module, given the print context and the record id), how it is drawn (a renderer in
``reports/``) and which of its records belong to a nomination batch (``thidua print batch``). The
order is the filing order of a batch's folder.

A new kind: its gatherer in a ``print_*`` module, its renderer in ``reports/`` (with its wording
template, ``reports/templates/``), one line here, and its menu label in ``ui/print_actions.py``;
the screen whose record it is printed from offers it by target (docs/architecture.md)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

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

if TYPE_CHECKING:
    from ..reports.model import PrintJob
    from .print_context import PrintContext

# The records a document is printed from; each screen's print menu offers the kinds of its record.
BATCH, NOMINATION, MEETING, DECISION, MOVEMENT = "batch", "nomination", "meeting", "decision", "movement"
PROVINCE_DECISION = "province_decision"  # a decision of the provincial chairman, printed at the province
# A period of the province's statistics ("2026", "2024-2026"; a form's number first: "0601-2026").
STATISTICS = "statistics"


@dataclass(frozen=True)
class DocumentSpec:
    """One printable document: what it is about, how its data is gathered and how it is drawn."""

    kind: str  # the CLI name: "submission", "report", …
    target: str  # BATCH, NOMINATION, MEETING, DECISION, MOVEMENT, PROVINCE_DECISION or STATISTICS
    title_vi: str
    gather: Callable[[PrintContext, str], Any]
    render: Callable[[Any, PrintJob], bytes]
    # The targets of this document inside a nomination batch (for ``print batch``); None: not part.
    in_batch: Callable[[PrintContext, str], list[str]] | None = None
    dated: bool = True  # the heading carries the print date


DOCUMENTS: tuple[DocumentSpec, ...] = (
    DocumentSpec("submission", BATCH, "Tờ trình đề nghị khen thưởng", print_dossier.gather_batch,
                 submission.render, in_batch=print_dossier.submission_targets),
    DocumentSpec("report", NOMINATION, "Báo cáo thành tích", print_reports.gather_report,
                 achievement_report.render, in_batch=print_dossier.nomination_ids_in_batch),
    DocumentSpec("list", BATCH, "Danh sách đề nghị khen thưởng", print_dossier.gather_batch,
                 nominee_list.render_list, in_batch=print_dossier.submission_targets),
    DocumentSpec("minutes", MEETING, "Biên bản họp Hội đồng Thi đua - Khen thưởng", print_council.gather_minutes,
                 council_papers.render_minutes, in_batch=print_council.meetings_in_batch, dated=False),
    DocumentSpec("ballots", MEETING, "Phiếu bầu", print_council.gather_ballots,
                 council_papers.render_ballots, in_batch=print_council.ballot_meetings_in_batch, dated=False),
    DocumentSpec("decision", DECISION, "Quyết định khen thưởng", print_awards.gather_decision,
                 decision.render, in_batch=print_awards.decisions_in_batch, dated=False),
    DocumentSpec("certificate", DECISION, "Giấy khen", print_awards.gather_certificates,
                 certificate.render, in_batch=print_awards.decisions_in_batch, dated=False),
    DocumentSpec("public-list", BATCH, "Danh sách công khai", print_dossier.gather_public,
                 nominee_list.render_public, in_batch=print_dossier.levels_in_batch),
    # The provincial chairman's: in no commune's batch (the province decides for several communes).
    DocumentSpec("province-decision", PROVINCE_DECISION, "Quyết định khen thưởng của Chủ tịch UBND tỉnh",
                 print_province.gather_decision, province_decision.render_decision, dated=False),
    DocumentSpec("province-certificate", PROVINCE_DECISION, "Bằng khen, giấy chứng nhận của Chủ tịch UBND tỉnh",
                 print_province.gather_certificates, province_decision.render_certificates, dated=False),
    DocumentSpec("movement-report", MOVEMENT, "Báo cáo kết quả phong trào thi đua", print_movement.gather_movement,
                 movement_report.render, in_batch=print_movement.movement_of_batch),
    # The province's statistics over a period: the Ministry's yearly forms (Biểu 0601–0605, their
    # layouts as data in resources/statistics/) and Sở Nội vụ's periodic report on the directive.
    DocumentSpec("statistics-form", STATISTICS, "Biểu báo cáo thống kê thi đua, khen thưởng",
                 province_statistics.gather_form, province_statistics.render_form_paper),
    DocumentSpec("directive-report", STATISTICS, "Báo cáo kết quả thực hiện Chỉ thị về thi đua",
                 province_statistics.gather_directive_report, paper_statistics.render_directive_report),
)

BY_KIND: dict[str, DocumentSpec] = {spec.kind: spec for spec in DOCUMENTS}
KINDS: tuple[str, ...] = tuple(BY_KIND)


def kinds_for(target: str) -> tuple[str, ...]:
    """The kinds printed from one kind of record, in filing order ("meeting" -> minutes, ballots)."""
    return tuple(spec.kind for spec in DOCUMENTS if spec.target == target)
