"""``thidua print``, ``thidua verify-qr`` and ``thidua export``: documents and workbooks from the CLI."""

from __future__ import annotations

import argparse
import sys
import textwrap
from typing import TYPE_CHECKING, Any

from .cli_common import opened as _opened
from .cli_common import out as _out
from .cli_common import print_json as _json
from .cli_common import say as _t
from .services.document_kinds import KINDS

if TYPE_CHECKING:
    from .services.printing import RenderedDocument

# The kinds come from the one registry the print service and the GUI's menus read too (its names
# only: the renderers and ReportLab load when a document is printed, not when the parser is built).
PRINT_HELP = " | ".join(KINDS) + ", hoặc batch / or batch"


class _WholeKinds(argparse.HelpFormatter):
    """Help lines broken between kinds only, never inside one at its hyphen ("province-" / "certificate")."""

    def _split_lines(self, text: str, width: int) -> list[str]:
        return textwrap.wrap(" ".join(text.split()), width, break_on_hyphens=False)


def cmd_print(args: argparse.Namespace) -> int:
    options: dict[str, Any] = {k: v for k, v in (("level", args.level), ("mode", args.mode),
                                                  ("number", args.number)) if v}
    with _opened(args) as app:
        if args.kind == "batch":
            docs: list[RenderedDocument] = []
            paths = app.printing.print_batch(args.target, args.out, rendered_out=docs)
            for rendered in docs:
                _warn_missing(args.lang, rendered, prefix=f"{rendered.file_name()}: ")
            if args.json:
                _json({"files": [str(p) for p in paths], "titles": [d.pdf_title for d in docs]})
            else:
                _out(_t(args.lang, f"Đã in {len(paths)} văn bản vào {args.out}",
                        f"Printed {len(paths)} documents into {args.out}"))
                for path, rendered in zip(paths, docs, strict=True):
                    _out(f"  {path.name}: {rendered.pdf_title}")
            return 0
        doc = app.printing.save(args.kind, args.target, args.out, options=options)
        _warn_missing(args.lang, doc)
        if args.json:
            _json({"file": args.out, "kind": doc.kind, "target": doc.target_id, "qr": doc.qr_text,
                   "title": doc.pdf_title})
        else:
            # The document named as its page and its file's metadata name it (the paper is Vietnamese).
            _out(_t(args.lang, f"Đã ghi «{doc.pdf_title}»: {args.out}",
                    f"Wrote {doc.kind} «{doc.pdf_title}»: {args.out}"))
    return 0


def _warn_missing(lang: str, doc: RenderedDocument, prefix: str = "") -> None:
    """What the document still prints as dotted blanks: warnings on stderr; the file is written."""
    from .messages import render

    for notice in doc.missing:
        label = _t(lang, "Cảnh báo: còn để trống", "Warning: left blank")
        sys.stderr.write(f"{prefix}{label}: {render(notice, lang)}\n")


def cmd_verify_qr(args: argparse.Namespace) -> int:
    with _opened(args) as app:
        check = app.printing.verify_qr(args.text)
    if args.json:
        _json(check.to_json())
    else:
        lines = {
            "match": (f"KHỚP: {check.title} đúng với hồ sơ đang lưu ({check.record_id}).",
                      f"MATCH: the {check.kind} agrees with the stored record ({check.record_id})."),
            "changed": (f"KHÔNG KHỚP: hồ sơ {check.record_id} đã thay đổi sau khi in {check.title.lower()}; "
                        "hãy đối chiếu bản giấy với bản đang lưu.",
                        f"CHANGED: record {check.record_id} changed after this {check.kind} was printed."),
            "not_found": (f"KHÔNG TÌM THẤY hồ sơ {check.record_id} trong dữ liệu của đơn vị này.",
                          f"NOT FOUND: record {check.record_id} is not in this office's data."),
        }
        vi, en = lines[check.status]
        _out(_t(args.lang, vi, en))
    return 0 if check.status == "match" else 1


def cmd_export(args: argparse.Namespace) -> int:
    with _opened(args) as app:
        result = app.excel_export.export(args.kind, args.out, batch_id=args.batch, year=args.year,
                                         movement_id=args.movement)
    rows = getattr(result, "rows", 0)
    if args.json:
        _json({"file": str(result.path), "rows": rows})
    else:
        _out(_t(args.lang, f"Đã xuất {rows} dòng: {result.path}", f"Exported {rows} rows: {result.path}"))
    return 0


def cmd_templates(args: argparse.Namespace) -> int:
    with _opened(args) as app:
        if args.action == "export":
            files = app.printing.export_wording(args.path)
            _out(_t(args.lang, f"Đã ghi {len(files)} tệp mẫu văn bản vào {args.path}",
                    f"Wrote {len(files)} wording files into {args.path}"))
            return 0
        revision = app.printing.load_wording(args.path) if args.action == "load" else app.printing.reset_wording()
    _out(_t(args.lang, f"Mẫu văn bản lần sửa {revision}: sẽ gửi xuống các xã trong gói đồng bộ tới.",
            f"Wording revision {revision}: it goes to the communes in the next bundles."))
    return 0


def add_parsers(sub: Any, parser_class: type[argparse.ArgumentParser]) -> None:
    p = sub.add_parser("print", help="in văn bản / print a document", formatter_class=_WholeKinds)
    p.add_argument("kind", help=PRINT_HELP)
    p.add_argument("target", help="mã hồ sơ / record id")
    p.add_argument("--out", required=True, help="tệp PDF (hoặc thư mục với batch) / PDF file (folder for batch)")
    p.add_argument("--level", choices=["commune", "province"], help="tờ trình: cấp quyết định / deciding level")
    p.add_argument("--mode", choices=["full", "blank"], help="giấy khen: in đầy đủ hay in lên phôi / certificate mode")
    p.add_argument("--number", help="số văn bản / document number")
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=cmd_print)

    p = sub.add_parser("verify-qr", help="đối chiếu mã QR trên bản giấy / check a paper copy's QR text")
    p.add_argument("text")
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=cmd_verify_qr)

    p = sub.add_parser("export", help="xuất Excel / export a workbook")
    p.add_argument("kind", choices=["nominees", "register", "statistics", "indicators"])
    p.add_argument("--out", required=True)
    p.add_argument("--batch", help="đợt đề nghị (nominees) / nomination batch")
    p.add_argument("--year", type=int, help="năm (statistics) / year")
    p.add_argument("--movement", help="phong trào (indicators) / movement")
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=cmd_export)

    templates = sub.add_parser("templates", help="mẫu văn bản / document wording").add_subparsers(
        dest="action", required=True, parser_class=parser_class)
    p = templates.add_parser("export", help="ghi mẫu đang dùng ra thư mục / write the wording in use")
    p.add_argument("path")
    p.set_defaults(func=cmd_templates)
    p = templates.add_parser("load", help="tỉnh nạp mẫu đã sửa / province loads edited wording")
    p.add_argument("path")
    p.set_defaults(func=cmd_templates)
    templates.add_parser("reset", help="tỉnh trở về mẫu gốc / province goes back to the shipped wording") \
        .set_defaults(func=cmd_templates)

    from .cli_excel import add_import_parser

    add_import_parser(sub)
