"""A batch rendered in worker processes (reports/pool.py) prints the very files one process prints;
the verification QR, drawn as one path, still scans to the text the record checks against."""

from __future__ import annotations

import io
from datetime import date
from pathlib import Path
from typing import Any

import pypdfium2
import pytest
import zxingcpp
from pypdf import PdfReader
from pypdf.generic import ContentStream
from reportlab.lib.pagesizes import A4
from reportlab.pdfgen.canvas import Canvas

from thidua_desktop.domain.errors import DomainError, StateError
from thidua_desktop.reports.model import PrintJob
from thidua_desktop.reports.page import QR_SIZE, _qr_modules, draw_qr
from thidua_desktop.reports.pool import RenderPool
from thidua_desktop.services import printing
from thidua_desktop.services.print_context import DocumentSettings
from thidua_desktop.services.printing import RenderedDocument
from thidua_desktop.services.progress import Cancelled, Progress

QR = "TDQR1|report|0b6f1a4e-1a2b-4c3d-9e8f-001122334455|0123456789abcdef0123"


@pytest.fixture
def office(commune, monkeypatch, load_demo):  # type: ignore[no-untyped-def]
    monkeypatch.setenv("THIDUA_DOC_FONT", "bundled")
    load_demo(commune, seed=2026, people=60, today=date(2026, 11, 25))
    commune.printing.set_document_settings(DocumentSettings(chairman_name="Hoàng Văn Chủ"))
    return commune


def _decode(pdf: bytes, page: int = 0) -> list[str]:
    """What a phone reads off the printed page (rendered at 300 dpi)."""
    document = pypdfium2.PdfDocument(pdf)
    try:
        sheet = document[page]
        image = sheet.render(scale=300 / 72).to_pil()
        sheet.close()
    finally:
        document.close()
    return [found.text for found in zxingcpp.read_barcodes(image)]


def test_the_pool_prints_the_same_files_as_one_process(office, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    batch = office.nominations.batches()[0].id
    here: list[RenderedDocument] = []
    pooled: list[RenderedDocument] = []
    serial = office.printing.print_batch(batch, tmp_path / "one", rendered_out=here, workers=1)
    parallel = office.printing.print_batch(batch, tmp_path / "pool", rendered_out=pooled, workers=2)
    kinds = {doc.kind for doc in here}
    # every kind of data a batch holds crosses to a worker and back: lists, reports, the council's
    # papers, the decision and its certificates
    assert {"submission", "report", "list", "minutes", "decision", "certificate"} <= kinds
    assert [p.name for p in parallel] == [p.name for p in serial] and len(serial) > 8
    assert [p.read_bytes() for p in parallel] == [p.read_bytes() for p in serial]
    assert [(d.kind, d.target_id, d.pdf_title, d.qr_text, d.missing) for d in pooled] == \
        [(d.kind, d.target_id, d.pdf_title, d.qr_text, d.missing) for d in here]


def test_every_document_drawn_in_a_worker_is_the_same(office, tmp_path: Path,  # type: ignore[no-untyped-def]
                                                      monkeypatch: pytest.MonkeyPatch) -> None:
    """With this process drawing nothing itself, every kind of data crosses to a worker and back."""
    monkeypatch.setattr(printing, "RENDER_HERE_TOO", False)
    here_calls: list[int] = []
    real = printing.render_document
    monkeypatch.setattr(printing, "render_document", lambda *args: here_calls.append(1) or real(*args))
    batch = office.nominations.batches()[0].id
    pooled = office.printing.print_batch(batch, tmp_path / "pool", workers=2)
    assert here_calls == []
    serial = office.printing.print_batch(batch, tmp_path / "one", workers=1)
    assert [(p.name, p.read_bytes()) for p in pooled] == [(p.name, p.read_bytes()) for p in serial]


def test_this_process_draws_what_no_worker_has_started(office, tmp_path: Path,  # type: ignore[no-untyped-def]
                                                       monkeypatch: pytest.MonkeyPatch) -> None:
    here: list[str] = []
    real = printing.render_document
    monkeypatch.setattr(printing, "render_document", lambda render, *args: here.append("x") or real(render, *args))
    batch = office.nominations.batches()[0].id
    pooled = office.printing.print_batch(batch, tmp_path / "pool", workers=2)
    assert 0 < len(here) < len(pooled)  # some drawn here, the rest by the worker
    serial = office.printing.print_batch(batch, tmp_path / "one", workers=1)
    assert [(p.name, p.read_bytes()) for p in pooled] == [(p.name, p.read_bytes()) for p in serial]


def test_a_broken_pool_draws_the_batch_here(office, tmp_path: Path,  # type: ignore[no-untyped-def]
                                            monkeypatch: pytest.MonkeyPatch) -> None:
    """A worker that cannot start (a frozen build without multiprocessing support, a process the
    system ended) breaks the pool: the batch is drawn in this process instead, the same files."""
    from concurrent.futures.process import BrokenProcessPool

    def broken(self: RenderPool, *args: Any) -> None:
        raise BrokenProcessPool("a child process terminated abruptly")

    monkeypatch.setattr(RenderPool, "submit", broken)
    batch = office.nominations.batches()[0].id
    pooled = office.printing.print_batch(batch, tmp_path / "pool", workers=2)
    monkeypatch.undo()
    serial = office.printing.print_batch(batch, tmp_path / "one", workers=1)
    assert [(p.name, p.read_bytes()) for p in pooled] == [(p.name, p.read_bytes()) for p in serial]


def test_a_movement_batch_prints_the_same_in_the_pool(office, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    """The movement's report (its chart data) and the ballots cross to a worker too."""
    from .test_movement_report import _awarded_batch, _movement

    batch, _awarded = _awarded_batch(office, _movement(office, "CT12-2026-CDS").id, count=3)
    serial = office.printing.print_batch(batch, tmp_path / "one", workers=1)
    parallel = office.printing.print_batch(batch, tmp_path / "pool", workers=2)
    assert {"movement-report", "ballots"} <= {p.name.split("-", 1)[1].rsplit("-", 1)[0] for p in serial}
    assert [(p.name, p.read_bytes()) for p in parallel] == [(p.name, p.read_bytes()) for p in serial]


def test_cancelling_a_pooled_batch_writes_nothing(office, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    batch = office.nominations.batches()[0].id
    seen: list[tuple[int, int]] = []

    def cancel_soon(done: int, total: int) -> None:
        seen.append((done, total))
        if len(seen) == 3:
            progress.cancel()

    progress = Progress(cancel_soon)
    with pytest.raises(Cancelled):
        office.printing.print_batch(batch, tmp_path / "dot", progress, workers=2)
    assert not (tmp_path / "dot").exists()
    assert [done for done, _ in seen] == sorted(done for done, _ in seen)  # never backwards


def test_printed_qr_scans_to_the_text_the_record_checks(office) -> None:  # type: ignore[no-untyped-def]
    batch = office.nominations.batches()[0].id
    report = next(target for kind, target in office.printing.batch_targets(batch) if kind == "report")
    doc = office.printing.render("report", report)
    assert _decode(doc.pdf) == [doc.qr_text]
    assert office.printing.verify_qr(_decode(doc.pdf)[0]).status == "match"


def test_qr_is_one_path_of_row_runs() -> None:
    buffer = io.BytesIO()
    canvas = Canvas(buffer, pagesize=A4, invariant=True)
    draw_qr(canvas, QR, 100, 100, QR_SIZE * 4)
    canvas.showPage()
    canvas.save()
    pdf = buffer.getvalue()
    page = PdfReader(io.BytesIO(pdf)).pages[0]
    operators = [op for _args, op in ContentStream(page.get_contents(), page.pdf).operations]
    modules = _qr_modules(QR)
    runs = sum(1 for row in modules for col, dark in enumerate(row) if dark and (col == 0 or not row[col - 1]))
    assert operators.count(b"re") == runs < sum(sum(row) for row in modules)  # runs, not one square each
    assert sum(operators.count(op) for op in (b"f", b"f*", b"B", b"B*")) == 1  # filled once
    assert _decode(pdf) == [QR]


def test_reportlab_uses_its_c_accelerator() -> None:
    from reportlab.lib import rl_accel

    assert rl_accel.fp_str.__module__ == "_rl_accel"


def refuse(data: Any, job: PrintJob) -> bytes:
    """A renderer that refuses, at module level so a spawned worker can import it."""
    raise StateError("OFFICIAL_MISSING", field="officials", role="chairman", date=str(data))


def test_a_workers_refusal_comes_back_as_the_same_error() -> None:
    job = PrintJob(wording=None, qr_text=None, issued_on=None, author="")  # type: ignore[arg-type]
    with RenderPool(1) as pool, pytest.raises(DomainError) as raised:
        pool.result(pool.submit(refuse, "07/12/2026", job))
    assert type(raised.value) is StateError
    assert (raised.value.code, raised.value.field, raised.value.params) == (
        "OFFICIAL_MISSING", "officials", {"role": "chairman", "date": "07/12/2026"})


def test_cached_font_subsets_write_what_reportlab_writes(monkeypatch: pytest.MonkeyPatch) -> None:
    """The subsets kept per process (reports/fonts.py) go into the file exactly as ReportLab's own."""
    from reportlab.pdfbase.ttfonts import TTFontFace

    from thidua_desktop.reports import fonts

    def page() -> bytes:
        buffer = io.BytesIO()
        canvas = Canvas(buffer, pagesize=A4, invariant=True)
        for face in (fonts.REGULAR, fonts.BOLD):
            canvas.setFont(face, 13)
            canvas.drawString(80, 700, "Báo cáo thành tích — Nông Thị Phương, Đàm Ngọc Thu")
        canvas.showPage()
        canvas.save()
        return buffer.getvalue()

    monkeypatch.setenv("THIDUA_DOC_FONT", "bundled")
    fonts.register_fonts()
    cached = [page(), page()]  # the second from the cache
    monkeypatch.setattr(fonts._SubsetCachingFace, "addSubsetObjects", TTFontFace.addSubsetObjects)
    assert cached == [page(), page()]
