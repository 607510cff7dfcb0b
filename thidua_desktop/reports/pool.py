"""Rendering documents from prepared data, here or in worker processes (a batch's hundreds of PDFs).

The print service gathers each document's data in its one read transaction and hands the data,
with the wording and the QR text, to :func:`render_document`: in this process for one document or
a small batch, or through a :class:`RenderPool` of worker processes for a large one, this process
drawing too once it has gathered the batch. Workers get plain data (frozen dataclasses from
``reports/``) and never a database session: the office database is encrypted, and a worker with
its own session would read a later state of the records than the batch's transaction. A worker
imports ReportLab and ``reports/`` only: no Qt, no SQLAlchemy.

Workers start with ``spawn`` on every platform, as Windows has to: forking a GUI process with Qt
threads and an open database connection is not safe. Everything a worker runs is at module top
level here, so a spawned child can import it. Rendering is deterministic (``invariant`` PDFs, the
parent's font), so a document comes out byte for byte the same in either process."""

from __future__ import annotations

import multiprocessing
import os
from collections.abc import Callable
from concurrent.futures import Future, ProcessPoolExecutor
from dataclasses import dataclass
from types import TracebackType
from typing import Any

from ..domain.errors import DomainError
from .fonts import FontChoice, register_fonts
from .model import PrintJob
from .page import capture_pdf_title

Render = Callable[[Any, PrintJob], bytes]

# A batch of more documents than this, on a computer with more than one CPU, is rendered in a
# pool. Starting a worker costs about half a second of CPU (importing ReportLab, reading the fonts,
# and its first documents, drawn before its caches are warm), and a dossier takes 5-8 ms once they
# are, so a worker only gains from some 120 documents up.
POOL_MIN_DOCUMENTS = 120
# Processes drawing a batch, this one included: each holds ReportLab and one document (60-80 MB),
# and an office PC printing a batch need not give it more cores than this.
MAX_PROCESSES = 4


@dataclass(frozen=True)
class Rendered:
    pdf: bytes
    titles: tuple[str, ...]  # the metadata titles the renderer wrote (page.capture_pdf_title)


def render_document(render: Render, data: Any, job: PrintJob) -> Rendered:
    with capture_pdf_title() as titles:
        pdf = render(data, job)
    return Rendered(pdf, tuple(titles))


@dataclass(frozen=True)
class _Refusal:
    """A :class:`DomainError` raised in a worker, carried back whole: the exception's own pickling
    would rebuild it from its message, losing the reason code and parameters the user sees."""

    kind: type[DomainError]
    args: tuple[Any, ...]
    state: dict[str, Any]

    def rebuild(self) -> DomainError:
        error = self.kind.__new__(self.kind)
        Exception.__init__(error, *self.args)
        error.__dict__.update(self.state)
        return error


def _start_worker(font: FontChoice) -> None:
    register_fonts(font)  # once per worker, the parent's faces


def _render_in_worker(render: Render, data: Any, job: PrintJob) -> Rendered | _Refusal:
    try:
        return render_document(render, data, job)
    except DomainError as exc:
        return _Refusal(type(exc), exc.args, dict(exc.__dict__))


def usable_cpus() -> int:
    if hasattr(os, "sched_getaffinity"):
        return len(os.sched_getaffinity(0))
    return os.cpu_count() or 1


def pool_size(documents: int) -> int:
    """How many processes draw a batch of ``documents``, this one included (it draws too once the
    batch is gathered); 1: all of it here.

    A frozen build (PyInstaller) pools too: its entry script calls
    ``multiprocessing.freeze_support()`` first (installer/launcher.py), so a spawned worker runs
    this module's worker code, not the app."""
    if documents <= POOL_MIN_DOCUMENTS:
        return 1
    return max(1, min(usable_cpus(), MAX_PROCESSES, documents))


class RenderPool:
    """Worker processes rendering documents; results come back in the order they were submitted
    because the caller keeps the futures in that order. Leaving the block cancels what has not
    started (a cancelled or failed batch does not render the rest). A document not yet started
    can be taken back (``future.cancel()``) and drawn by the caller itself."""

    def __init__(self, workers: int) -> None:
        self._executor = ProcessPoolExecutor(max_workers=workers, mp_context=multiprocessing.get_context("spawn"),
                                             initializer=_start_worker, initargs=(register_fonts(),))

    def submit(self, render: Render, data: Any, job: PrintJob) -> Future[Rendered | _Refusal]:
        return self._executor.submit(_render_in_worker, render, data, job)

    @staticmethod
    def result(future: Future[Rendered | _Refusal]) -> Rendered:
        """The document, or the worker's refusal raised here as the error it was."""
        outcome = future.result()
        if isinstance(outcome, _Refusal):
            raise outcome.rebuild()
        return outcome

    def __enter__(self) -> RenderPool:
        return self

    def __exit__(self, kind: type[BaseException] | None, error: BaseException | None,
                 trace: TracebackType | None) -> None:
        self._executor.shutdown(wait=True, cancel_futures=True)
