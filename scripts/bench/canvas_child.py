"""Child process of the printing figure's baseline: ``python -m bench.canvas_child OUT_DIR FILES``
writes FILES two-page PDFs with a bare ReportLab canvas, one PDF per document, in the app's
document font (embedded, as ReportLab embeds a TrueType font's subset in each file), about forty
lines of Vietnamese text a page. No layout engine, no QR code: the floor for the same pages."""

from __future__ import annotations

import sys
from pathlib import Path

LINES = [
    "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM — Độc lập - Tự do - Hạnh phúc",
    "BÁO CÁO THÀNH TÍCH ĐỀ NGHỊ TẶNG DANH HIỆU LAO ĐỘNG TIÊN TIẾN NĂM 2026",
    "Họ và tên: Nông Thị Phương; dân tộc Tày; quê quán xã Quảng Uyên, tỉnh Cao Bằng",
    "Hoàn thành tốt nhiệm vụ được giao; chấp hành tốt chủ trương, chính sách của Đảng, pháp luật.",
] * 10


def main(argv: list[str]) -> int:
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen.canvas import Canvas

    from thidua_desktop.reports.fonts import REGULAR, register_fonts

    out, files = Path(argv[0]), int(argv[1])
    out.mkdir(parents=True, exist_ok=True)
    register_fonts()
    for index in range(files):
        canvas = Canvas(str(out / f"{index:04d}.pdf"), pagesize=A4)
        for _page in range(2):
            canvas.setFont(REGULAR, 13)
            y = 800.0
            for line in LINES:
                canvas.drawString(60, y, line)
                y -= 18
            canvas.showPage()
        canvas.save()
    print(files * 2)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
