"""Render the first page of every printable document of the demo office to PNG (docs/documents/),
so the layout can be looked at the way a commune chairman would before signing.

    .venv/bin/python scripts/render_documents.py [--out docs/documents] [--dpi 80]

Uses the bundled font so the images are the same on every machine."""

from __future__ import annotations

import argparse
import os
import tempfile
from datetime import date
from pathlib import Path


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--out", default="docs/documents")
    parser.add_argument("--dpi", type=int, default=80)
    parser.add_argument("--pages", type=int, default=1, help="pages per document")
    args = parser.parse_args()
    os.environ["THIDUA_DOC_FONT"] = "bundled"
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp_name:
        tmp = Path(tmp_name)
        os.environ["THIDUA_CONFIG_DIR"] = str(tmp / "config")
        import pypdfium2

        from thidua_desktop.bootstrap import open_app
        from thidua_desktop.services.demo import DemoBuilder
        from thidua_desktop.services.print_context import DocumentSettings

        app = open_app(tmp / "xa")
        app.office.init_office("commune", "01576", officer_name="Nông Thị Mai")
        DemoBuilder(app, seed=2026, today=date(2026, 11, 25)).build(people=120)
        app.printing.set_document_settings(DocumentSettings(chairman_name="Hoàng Văn Thắng"))
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
            pdf = pypdfium2.PdfDocument(doc.pdf)
            for index in range(min(args.pages, len(pdf))):
                image = pdf[index].render(scale=args.dpi / 72).to_pil()
                suffix = "" if index == 0 else f"-{index + 1}"
                image.save(out / f"{kind}{suffix}.png", optimize=True)
            print(f"{kind}: {len(pdf)} page(s) → {out / (kind + '.png')}")
            pdf.close()
        blank = pypdfium2.PdfDocument(app.certificate_layout.preview())
        blank[0].render(scale=args.dpi / 72).to_pil().save(out / "certificate-blank.png", optimize=True)
        blank.close()
        print(f"certificate on a blank (calibration preview) → {out / 'certificate-blank.png'}")
        app.close()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
