"""Printing and Excel benchmark, against baselines measured in the same run:

- 500 nomination dossiers (each nominee's achievement report, plus the batch's submission with its
  list) against a bare ReportLab canvas writing the same number of pages of text in the same font;
- the register of 100,000 people exported to Excel against openpyxl ``write_only`` dumping the same
  rows with no styling;
- the Excel import preview (analyse + preview) of a 50,000-row list against one openpyxl read-only
  pass over the same file's values (it took minutes when the sheet's width was recounted per row).

    .venv/bin/python scripts/bench_documents.py [--dossiers 500] [--people 100000] [--preview-rows 49990]
    .venv/bin/python scripts/bench_documents.py --only-preview

Not a test: the figures go in the README (speed targets never live in timed tests)."""

from __future__ import annotations

import argparse
import os
import tempfile
import time
from pathlib import Path


def _seconds(work) -> float:  # type: ignore[no-untyped-def]
    started = time.perf_counter()
    work()
    return time.perf_counter() - started


def _cccd(i: int) -> str:
    """Province 004, then the century-and-sex digit and the birth year, as a real CCCD has them."""
    female, year = i % 2 == 1, 1960 + i % 40
    return f"004{int(female)}{year % 100:02d}{i:06d}"


def bare_canvas(pages: int, lines: list[str], out: Path) -> None:
    """The floor: one canvas, the same embedded font, drawString per line, no layout engine."""
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen.canvas import Canvas

    from thidua_desktop.reports.fonts import REGULAR, register_fonts

    register_fonts()
    canvas = Canvas(str(out), pagesize=A4)
    for _ in range(pages):
        canvas.setFont(REGULAR, 13)
        y = 800.0
        for line in lines:
            canvas.drawString(85, y, line)
            y -= 16
        canvas.showPage()
    canvas.save()


def write_only_dump(rows: list[tuple[object, ...]], out: Path) -> None:
    from openpyxl import Workbook

    book = Workbook(write_only=True)
    sheet = book.create_sheet()
    for row in rows:
        sheet.append(row)
    book.save(out)


def excel_list(rows: int, out: Path) -> None:
    """A commune's list as Excel saves it: shared strings, a merged title, a header, ``rows`` people."""
    from openpyxl import Workbook

    book = Workbook()
    sheet = book.active
    sheet.title = "Danh sách"
    sheet.append(["DANH SÁCH CÁN BỘ, CÔNG CHỨC XÃ QUẢNG UYÊN"])
    sheet.merge_cells("A1:H1")
    sheet.append(["STT", "Họ và tên", "Giới tính", "Năm sinh", "Dân tộc", "Số CCCD", "Chức vụ", "Thôn, xóm"])
    for i in range(rows):
        sheet.append([i + 1, f"Nông Thị Phương Số {i}", "Nữ" if i % 2 else "Nam", 1960 + i % 40, "Tày", _cccd(i),
                      "Trưởng thôn", "Nà Pồng"])
    book.save(out)


def read_only_pass(path: Path) -> None:
    from openpyxl import load_workbook

    book = load_workbook(path, read_only=True, data_only=True)
    for _row in book.active.iter_rows(values_only=True):
        pass
    book.close()


def bench_preview(tmp: Path, rows: int) -> tuple[float, float, int]:
    """Seconds for analyse + preview, seconds for the baseline, and the rows previewed."""
    from thidua_desktop.bootstrap import open_app

    app = open_app(tmp / "xa-nhap")
    app.office.init_office("commune", "01576")
    path = tmp / "danh-sach.xlsx"
    excel_list(rows, path)
    report = []
    preview_s = _seconds(lambda: report.append(app.excel_import.preview(app.excel_import.analyse(path, "people"))))
    app.close()
    return preview_s, _seconds(lambda: read_only_pass(path)), len(report[0].rows)


def print_preview(preview_s: float, base_s: float, rows: int) -> None:
    print(f"excel import preview: {rows} rows in {preview_s:.2f} s ({preview_s / max(rows, 1) * 1000:.2f} ms per row)")
    print(f"  baseline openpyxl read-only pass over the same file: {base_s:.2f} s  → ratio {preview_s / base_s:.1f}")


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--dossiers", type=int, default=500)
    parser.add_argument("--people", type=int, default=100_000)
    parser.add_argument("--preview-rows", type=int, default=49_990)  # with the title and header: under 50,000
    parser.add_argument("--only-preview", action="store_true")
    args = parser.parse_args()
    if args.only_preview:
        with tempfile.TemporaryDirectory() as tmp_name:
            os.environ["THIDUA_CONFIG_DIR"] = str(Path(tmp_name) / "config")
            print_preview(*bench_preview(Path(tmp_name), args.preview_rows))
        return 0
    os.environ["THIDUA_DOC_FONT"] = "bundled"
    with tempfile.TemporaryDirectory() as tmp_name:
        tmp = Path(tmp_name)
        os.environ["THIDUA_CONFIG_DIR"] = str(tmp / "config")
        from pypdf import PdfReader

        from thidua_desktop.bootstrap import open_app
        from thidua_desktop.services.nominations import NomineeDraft
        from thidua_desktop.services.people import PersonInput

        app = open_app(tmp / "xa")
        app.office.init_office("commune", "01576")
        print(f"preparing {args.people} people and {args.dossiers} nominations …", flush=True)
        chunk = 5_000
        ids: list[str] = []
        for start in range(0, args.people, chunk):
            made = app.people.create_many([
                PersonInput(f"Nông Thị Phương Số {i}", "female" if i % 2 else "male", birth=f"{1960 + i % 40}",
                            ethnicity="Tày", cccd=_cccd(i), phone=f"09{i:08d}", position="Trưởng thôn",
                            workplace="Thôn Nà Pồng")
                for i in range(start, min(start + chunk, args.people))])
            ids += [p.id for p in made[: max(0, args.dossiers - len(ids))]]
        batch = app.nominations.create_batch("Đo hiệu năng", 2026).id
        app.nominations.create_many(batch_id=batch, award_code="LDTT", nominees=[
            NomineeDraft(person_id=pid, achievement_summary="Hoàn thành tốt nhiệm vụ được giao năm 2026.")
            for pid in ids[: args.dossiers]])

        out = tmp / "dossiers"
        out.mkdir()
        targets = [t for kind, t in app.printing.batch_targets(batch) if kind == "report"]
        pages = 0

        def print_dossiers() -> None:
            nonlocal pages
            for index, target in enumerate(targets):
                doc = app.printing.render("report", target)
                (out / f"{index:04d}.pdf").write_bytes(doc.pdf)
            app.printing.save("submission", batch, out / "to-trinh.pdf")

        dossier_s = _seconds(print_dossiers)
        pages = sum(len(PdfReader(str(p)).pages) for p in out.glob("*.pdf"))
        lines = ["Báo cáo thành tích đề nghị tặng danh hiệu Lao động tiên tiến năm 2026 — dòng mẫu"] * 40
        canvas_s = _seconds(lambda: bare_canvas(pages, lines, tmp / "bare.pdf"))

        excel = tmp / "so-dang-ky.xlsx"
        export_s = _seconds(lambda: app.excel_export.export("register", excel))
        rows = [(i + 1, f"Nông Thị Phương Số {i}", "Nữ" if i % 2 else "Nam", f"{1960 + i % 40}", "Tày",
                 _cccd(i), f"09{i:08d}", "Trưởng thôn", "Thôn Nà Pồng", "", "", "")
                for i in range(args.people)]
        dump_s = _seconds(lambda: write_only_dump(rows, tmp / "dump.xlsx"))
        app.close()
        preview = bench_preview(tmp, args.preview_rows)

    print(f"dossiers: {len(targets)} reports + submission, {pages} pages in {dossier_s:.2f} s "
          f"({dossier_s / max(len(targets), 1) * 1000:.0f} ms per dossier)")
    print(f"  baseline bare canvas, same pages: {canvas_s:.2f} s  → ratio {dossier_s / canvas_s:.1f}")
    print(f"register export: {args.people} people in {export_s:.2f} s")
    print(f"  baseline openpyxl write_only dump: {dump_s:.2f} s  → ratio {export_s / dump_s:.1f}")
    print_preview(*preview)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
