"""Render every page of every printable document of the demo office to PNG (docs/documents/),
so each page can be looked at the way a commune chairman would before signing it and a
provincial reviewer would before accepting it.

    .venv/bin/python scripts/render_documents.py [--out docs/documents] [--dpi 80] [--pages N]

Files are named <document>-p<N>.png (N from 1); the PNGs a previous run left in the folder are
removed first, so a document that got shorter leaves no stale page behind. Uses the bundled font
so the images are the same on every machine."""

from __future__ import annotations

import argparse
import os
import tempfile
from datetime import date
from pathlib import Path
from typing import Any


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--out", default="docs/documents")
    parser.add_argument("--dpi", type=int, default=80)
    parser.add_argument("--pages", type=int, default=0, help="at most this many pages per document (0: all)")
    args = parser.parse_args()
    os.environ["THIDUA_DOC_FONT"] = "bundled"
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    for old in out.glob("*.png"):
        old.unlink()
    with tempfile.TemporaryDirectory() as tmp_name:
        tmp = Path(tmp_name)
        os.environ["THIDUA_CONFIG_DIR"] = str(tmp / "config")
        import pypdfium2

        from thidua_desktop.bootstrap import open_app
        from thidua_desktop.services.demo import DemoBuilder

        app = open_app(tmp / "xa")
        app.office.init_office("commune", "01576", officer_name="Nông Thị Mai")
        DemoBuilder(app, seed=2026, today=date(2026, 11, 25)).build(people=120)
        batch = app.nominations.batches()[0].id
        targets: dict[str, str] = {}
        for kind, target in app.printing.batch_targets(batch):
            targets.setdefault(kind, target)
        movements = app.movements.list()
        if "movement-report" in app.printing.kinds() and movements:
            targets.setdefault("movement-report", str(movements[0]["id"]))
        for kind in app.printing.kinds():
            if kind not in targets:
                print(f"{kind}: nothing to print in the demo office")
                continue
            doc = app.printing.render(kind, targets[kind])
            if os.environ.get("KEEP_PDF"):
                (out / f"{kind}.pdf").write_bytes(doc.pdf)
            count = _save_pages(pypdfium2, doc.pdf, out, kind, args.dpi, args.pages)
            print(f"{kind}: {count} page(s) → {out / (kind + '-p1.png')} …")
        count = _save_pages(pypdfium2, app.certificate_layout.preview(), out, "certificate-blank", args.dpi, 1)
        print(f"certificate on a blank (calibration preview) → {out / 'certificate-blank-p1.png'}")
        app.close()
    return 0


def _save_pages(pypdfium2: Any, pdf_bytes: bytes, out: Path, name: str, dpi: int, limit: int) -> int:
    """Every page (or the first ``limit``) as <name>-p<N>.png; returns the document's page count."""
    pdf = pypdfium2.PdfDocument(pdf_bytes)
    try:
        total = len(pdf)
        for index in range(total if limit <= 0 else min(limit, total)):
            image = pdf[index].render(scale=dpi / 72).to_pil()
            image.save(out / f"{name}-p{index + 1}.png", optimize=True)
        return total
    finally:
        pdf.close()


if __name__ == "__main__":
    raise SystemExit(main())
