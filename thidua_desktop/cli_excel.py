"""``thidua import people|collectives|awards FILE.xlsx [--dry-run] [--json]``: Excel imports.

The command prints the per-row report (what each row becomes, every problem with its row, column
and reason), then, unless ``--dry-run``, writes the accepted rows in one transaction.

``--header-row N``, ``--map "Họ và tên=C"`` and ``--year`` choose what the wizard lets the officer
choose (cli_import_mapping.py); a value that cannot be understood exits 2.

Decisions, so that a script can rely on them:
- rows with errors are never written; the other rows are, unless ``--strict`` (then nothing is
  written while any row has an error);
- likely duplicates are left out unless ``--include-duplicates``;
- exit code 0 when no row has an error, 1 when some rows have errors (the data was refused: fix the
  file and run again; rows already written come back as "unchanged" or "duplicate", never twice) or
  when the file itself is refused (not .xlsx, password, too large, unsafe) as for any other refusal;
  2 is kept for a malformed command line (cli.EXIT_CODES_HELP).
"""

from __future__ import annotations

import argparse
import json
import sys
from typing import TYPE_CHECKING, Any

# Nothing of the import is loaded when the parser is built: the kinds (spreadsheets.headers) when
# argparse checks or shows them; the mapping options, the import report and the service (the ORM,
# openpyxl) when ``thidua import`` runs.
from .cli_common import LazyChoices

if TYPE_CHECKING:
    from .services.excel_import_report import ImportReport, ImportResult, RowReport

__all__ = ["add_import_parser", "cmd_import"]

_ACTIONS = {
    "create": ("tạo mới", "new"), "update": ("cập nhật", "update"), "skip": ("bỏ qua", "skip"),
    "duplicate": ("có thể trùng", "possible duplicate"), "error": ("lỗi", "error"),
}


def _out(text: str) -> None:
    sys.stdout.write(text + "\n")


def _t(lang: str, vi: str, en: str) -> str:
    return vi if lang == "vi" else en


def add_import_parser(sub: Any) -> None:
    """Add ``import`` to the ``thidua`` sub-commands (``sub`` is build_parser's subparsers action)."""
    p = sub.add_parser("import", help="nhập từ Excel / import from Excel")
    p.add_argument("kind", help="people | collectives | awards").choices = LazyChoices(_kinds)
    p.add_argument("file", help="tệp .xlsx / the .xlsx file")
    p.add_argument("--sheet", help="tên trang / sheet name (default: the best match)")
    p.add_argument("--dry-run", action="store_true", help="chỉ xem trước, không ghi / report only, write nothing")
    p.add_argument("--json", action="store_true")
    p.add_argument("--include-duplicates", action="store_true",
                   help="nhập cả dòng có thể trùng / also import likely duplicates as new records")
    p.add_argument("--strict", action="store_true",
                   help="không ghi gì nếu có dòng lỗi / write nothing while any row has an error")
    p.add_argument("--header-row", metavar="N[-M]",
                   help="dòng tiêu đề (5, hoặc 5-6 khi tiêu đề gồm nhiều dòng) / the header row(s)")
    p.add_argument("--map", action="append", metavar="TRƯỜNG=CỘT",
                   help="chọn cột cho một trường, ví dụ «Họ và tên=C» (lặp lại được; «Ghi chú=» để bỏ) / "
                        "put a field in a column, e.g. «Full name=C» (repeatable; «Notes=» leaves it out)")
    p.add_argument("--year", type=int, metavar="NĂM",
                   help="năm khen thưởng khi tệp không có cột năm / the award year of a file without a year column")
    p.set_defaults(func=_run)


def _kinds() -> tuple[str, ...]:
    from .spreadsheets.headers import KINDS

    return KINDS


def _run(args: argparse.Namespace) -> int:
    from .cli_common import opened as _opened
    from .cli_import_mapping import ImportUsageError, parse_options, usage

    try:  # a malformed option is said before the office is opened
        args.import_options = parse_options(args)
    except ImportUsageError as exc:
        return usage(exc, getattr(args, "lang", "vi"))
    with _opened(args) as app:
        return cmd_import(args, app)


def _service(app: Any) -> Any:
    service = getattr(app, "excel_import", None)
    if service is None:  # until bootstrap wires app.excel_import
        from .services.excel_import import ExcelImportService

        service = ExcelImportService(app.db, app.actor, app.current_catalog)
    return service


def cmd_import(args: argparse.Namespace, app: Any) -> int:
    from .cli_import_mapping import ImportUsageError, apply_overrides, check_plan, parse_options, usage
    from .domain.errors import ValidationError
    from .services.excel_import_report import field_title
    from .spreadsheets.headers import missing_required

    lang = getattr(args, "lang", "vi")
    service = _service(app)
    options = getattr(args, "import_options", None) or parse_options(args)
    plan = service.analyse(args.file, args.kind, sheet=args.sheet, header_rows=options.header_rows)
    try:
        check_plan(plan, options)
    except ImportUsageError as exc:
        return usage(exc, lang)
    mapping = apply_overrides(plan.mapping, options.columns)
    missing = missing_required(args.kind, mapping)
    if (not plan.header_found and not options.columns) or missing:
        needed = missing[0] if missing else ("name" if args.kind == "collectives" else "full_name")
        raise ValidationError("IMPORT_NO_HEADER", field="file", file=plan.file, sheet=plan.sheet,
                              needed=field_title(needed, lang))
    report = service.preview(plan, mapping, year=options.year)
    write = not args.dry_run and not (args.strict and report.has_errors)
    result = service.commit(report, include_duplicates=args.include_duplicates) if write else None
    if args.json:
        data = report.to_json(lang)
        data["dry_run"] = bool(args.dry_run)
        data["written"] = result.to_json() if result is not None else None
        _out(json.dumps(data, ensure_ascii=False, indent=2, default=str))
    else:
        _print_report(report, result, args, lang)
    if report.has_errors:
        errors = report.counts["error"]
        sys.stderr.write(_t(lang, f"{errors} dòng có lỗi, chưa được nhập. Hãy sửa tệp rồi chạy lại.",
                            f"{errors} row(s) have errors and were not imported. Fix the file and run again.")
                         + "\n")
        return 1
    return 0


def _row_title(row: RowReport) -> str:
    values = row.values
    return str(values.get("full_name") or values.get("name") or values.get("collective") or values.get("text") or "")


def _print_report(report: ImportReport, result: ImportResult | None, args: argparse.Namespace, lang: str) -> None:
    from .services.excel_import_report import field_title
    from .spreadsheets.headers import column_letter

    plan = report.plan
    header = plan.header
    _out(_t(lang, f"Tệp «{plan.file}», trang «{plan.sheet}»: tiêu đề dòng {header.first_row}–{header.last_row}, "
                  f"dữ liệu từ dòng {header.data_start}.",
            f"File «{plan.file}», sheet «{plan.sheet}»: header rows {header.first_row}–{header.last_row}, "
            f"data from row {header.data_start}."))
    columns = ", ".join(f"{column_letter(col)} «{header.label_of(col)}» → {field_title(name, lang)}"
                        for name, col in sorted(report.mapping.items(), key=lambda item: item[1]) if name != "seq")
    _out(_t(lang, f"Các cột: {columns}.", f"Columns: {columns}."))
    for notice in plan.notices:
        _out(notice.message(lang))
    if report.year is not None and "award_year" not in report.mapping and report.year != plan.title_year:
        _out(_t(lang, f"Năm khen thưởng của các dòng: {report.year} (--year).",
                f"Award year of the rows: {report.year} (--year)."))
    for row in report.rows:
        action = _ACTIONS[row.action][0 if lang == "vi" else 1]
        line = _t(lang, f"Dòng {row.row}: {action}", f"Row {row.row}: {action}")
        if title := _row_title(row):
            line += f" — {title}"
        if row.changes:
            changed = ", ".join(f"{field_title(k, lang)}: «{old or ''}» → «{new}»"
                                for k, (old, new) in row.changes.items())
            line += f" ({changed})"
        if row.awards:
            line += " + " + "; ".join(f"{a['title']} {a['year']}" for a in row.awards)
        _out(line)
        if row.skip_reason:
            data = row.to_json(lang)
            _out(f"    {data['skip_message']}")
        for problem in row.problems:
            _out(f"    {'✗' if problem.severity == 'error' else '!'} {problem.message(lang)}")
    counts = report.counts
    _out(_t(lang, f"Tổng: {counts['create']} tạo mới, {counts['update']} cập nhật, {counts['duplicate']} có thể trùng, "
                  f"{counts['error']} lỗi, {counts['skip']} bỏ qua, {counts['blank']} dòng trống.",
            f"Total: {counts['create']} new, {counts['update']} updates, {counts['duplicate']} possible duplicates, "
            f"{counts['error']} errors, {counts['skip']} skipped, {counts['blank']} blank rows."))
    if result is None:
        if args.dry_run:
            _out(_t(lang, "Chạy thử: chưa ghi gì vào sổ.", "Dry run: nothing was written."))
        else:
            _out(_t(lang, "Có dòng lỗi nên không ghi gì (--strict).", "Rows have errors, so nothing was written "
                                                                       "(--strict)."))
        return
    _out(_t(lang, f"Đã ghi vào sổ: {result.created} mới, {result.updated} cập nhật, {result.awards_added} khen "
                  f"thưởng; {result.skipped} dòng không ghi.",
            f"Written: {result.created} new, {result.updated} updated, {result.awards_added} awards; "
            f"{result.skipped} rows not written."))
