"""What the Excel import wizard's steps share: the file and kind, the service's plan and preview,
the officer's mapping and row choices, and the result once written. No widgets here."""

from __future__ import annotations

from dataclasses import dataclass, field

from ..services.excel_import import ExcelImportService
from ..services.excel_import_report import KINDS as IMPORT_KINDS
from ..services.excel_import_report import ImportPlan, ImportReport, ImportResult, RowReport

# people, collectives, awards, then the records the rules read: ratings, initiatives, discipline
KINDS = IMPORT_KINDS


def default_choice(row: RowReport) -> str:
    """What the commit does with a row nobody decided: create and update rows are written,
    likely duplicates are left out (as the service does without ``resolutions``)."""
    return row.action if row.action in ("create", "update") else "skip"


@dataclass
class ImportState:
    service: ExcelImportService
    kind: str = "people"
    path: str = ""
    plan: ImportPlan | None = None
    mapping: dict[str, int] = field(default_factory=dict)  # field -> 1-based column
    report: ImportReport | None = None
    choices: dict[int, str] = field(default_factory=dict)  # row -> "create", "skip" or a record id
    result: ImportResult | None = None
    year: int | None = None  # the award year of a file without a year column (step 1)

    def set_plan(self, plan: ImportPlan | None) -> None:
        """A new analysis: the mapping starts from its proposal and any preview is void."""
        self.plan = plan
        self.mapping = plan.mapping if plan is not None else {}
        self.set_report(None)

    def set_report(self, report: ImportReport | None) -> None:
        self.report = report
        self.choices = {}

    def choice(self, row: RowReport) -> str:
        return self.choices.get(row.row, default_choice(row))

    def set_choice(self, row: RowReport, choice: str) -> None:
        if choice == default_choice(row):
            self.choices.pop(row.row, None)
        else:
            self.choices[row.row] = choice

    def planned(self) -> dict[str, int]:
        """What a commit would write now: records created, records updated, awards added."""
        out = {"create": 0, "update": 0, "awards": 0}
        for row in self.report.rows if self.report else []:
            if row.action == "error":
                continue
            choice = self.choice(row)
            if choice == "skip":
                continue
            out["create" if choice == "create" else "update"] += 1
            out["awards"] += len(row.awards)
        return out
