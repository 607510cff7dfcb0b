"""Printing and Excel benchmark, against baselines measured in the same run:

- 500 nomination dossiers (each nominee's achievement report, plus the batch's submission with its
  list) against a bare ReportLab canvas writing the same number of pages of text in the same font;
- the register of 100,000 people exported to Excel against openpyxl ``write_only`` dumping the same
  rows with no styling.

    .venv/bin/python scripts/bench_documents.py [--dossiers 500] [--people 100000]

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


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--dossiers", type=int, default=500)
    parser.add_argument("--people", type=int, default=100_000)
    args = parser.parse_args()
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

    print(f"dossiers: {len(targets)} reports + submission, {pages} pages in {dossier_s:.2f} s "
          f"({dossier_s / max(len(targets), 1) * 1000:.0f} ms per dossier)")
    print(f"  baseline bare canvas, same pages: {canvas_s:.2f} s  → ratio {dossier_s / canvas_s:.1f}")
    print(f"register export: {args.people} people in {export_s:.2f} s")
    print(f"  baseline openpyxl write_only dump: {dump_s:.2f} s  → ratio {export_s / dump_s:.1f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
