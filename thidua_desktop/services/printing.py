"""Printing: one entry point for every document, by kind and record id.

``render`` gathers the document's data in one read transaction, stamps the verification QR and
returns PDF bytes; ``save`` writes them atomically (a power cut never leaves half a PDF under
the final name); ``print_batch`` writes a whole nomination batch into a folder; ``verify_qr``
checks a paper copy's code against the record as it stands now."""

from __future__ import annotations

import logging
import os
import re
from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor, wait
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass, fields, is_dataclass, replace
from datetime import date
from functools import partial
from pathlib import Path
from typing import Any

from ..db.models import LocalParameter, NominationBatch
from ..db.repositories import officials as officials_repo
from ..db.repositories.common import get_live
from ..db.repositories.dossier_review import unit_of_node
from ..domain.enums import Role
from ..domain.errors import DomainError, NotFoundError, Notice, StateError, ValidationError
from ..domain.text import clean_text, search_key
from ..private_files import clean_stale_temps, temp_beside
from ..reports.model import PrintJob
from ..reports.pool import Rendered, RenderPool, pool_size, render_document
from ..reports.qr import QrPayload, content_hash, make_payload, parse_payload
from . import legal_bases, template_store
from .base import ServiceBase
from .document_kinds import BATCH, BY_KIND, KINDS, DocumentSpec
from .office import OfficeService
from .print_context import SETTINGS_KEY, DocumentSettings, PrintContext, load_settings
from .print_missing import missing_blanks
from .progress import Progress
from .template_store import pushed_templates


@dataclass(frozen=True)
class RenderedDocument:
    kind: str
    target_id: str
    title: str
    pdf: bytes
    qr_text: str
    # What the document still prints as dotted blanks (not those meant for a hand): print_missing.py.
    missing: tuple[Notice, ...] = ()
    # What the file's metadata and its page call this document ("Giấy chứng nhận", "Tờ trình về việc …");
    # ``title`` is the kind's short name, for file names and window titles.
    pdf_title: str = ""

    def file_name(self) -> str:
        return f"{self.kind}-{file_target(self.target_id)}.pdf"


_RECORD_ID = re.compile(r"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}", re.IGNORECASE)


def file_target(target_id: str) -> str:
    """The target's part of a file name. A record's id is cut to its last 8 characters, which
    are random (its first ones are the time it was made, db/models/base.py: two nominees' reports
    made in the same minute would get the same name and one saved over the other); any other
    target names the paper ("0601-2024-2026", a form and its years) and is kept whole, with what a
    file name cannot hold (":", "/", spaces) turned into "-"."""
    record = _RECORD_ID.match(target_id)
    if record is not None:
        return record.group(0)[-8:]
    return re.sub(r"[^A-Za-z0-9._-]+", "-", target_id).strip("-.")[:60] or "x"


@dataclass(frozen=True)
class QrCheck:
    status: str  # "match", "changed", "not_found"
    kind: str
    record_id: str
    title: str

    def to_json(self) -> dict[str, str]:
        return {"status": self.status, "kind": self.kind, "record_id": self.record_id, "title": self.title}


@dataclass(frozen=True)
class _Prepared:
    """A document's data as gathered, before it is drawn (here or in a worker process)."""

    spec: DocumentSpec
    target_id: str
    data: Any
    job: PrintJob
    missing: tuple[Notice, ...]

    def finish(self, rendered: Rendered) -> RenderedDocument:
        spec = self.spec
        return RenderedDocument(spec.kind, self.target_id, spec.title_vi, rendered.pdf, str(self.job.qr_text),
                                self.missing, rendered.titles[-1] if rendered.titles else spec.title_vi)


log = logging.getLogger("thidua")

WRITERS = 8  # threads writing a batch's files (see print_batch)
# A pooled batch is drawn here too once it is gathered (see _render_in_pool); tests turn it off to
# send every document through a worker.
RENDER_HERE_TOO = True

# How a copy was printed (date, blank-form mode, calibration) is not part of what it vouches for.
PRINT_TIME_FIELDS = frozenset({"printed_on", "issued_on", "render_options"})


def qr_content(data: Any) -> Any:
    """The part of a document's data its QR vouches for: everything but print-time fields."""
    if is_dataclass(data) and not isinstance(data, type):
        return {f.name: getattr(data, f.name) for f in fields(data) if f.name not in PRINT_TIME_FIELDS}
    return data


class PrintService(ServiceBase):
    def __init__(self, *args: Any, override_dir: Path | None = None, today: Callable[[], date] = date.today,
                 **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.override_dir = override_dir
        self._today = today

    @staticmethod
    def kinds() -> tuple[str, ...]:
        """Every document kind, in the filing order of a batch's folder (services/document_kinds.py)."""
        return KINDS

    @staticmethod
    def spec(kind: str) -> DocumentSpec:
        if kind not in BY_KIND:
            raise ValidationError("PRINT_KIND_UNKNOWN", field="kind", value=kind, allowed=", ".join(KINDS))
        return BY_KIND[kind]

    def _context(self, session: Any, options: dict[str, Any] | None, target_id: str = "") -> PrintContext:
        """``target_id``: the record printed (render and missing), whose writer may be a commune."""
        office = OfficeService(self.db, self.actor).office()
        settings = with_pushed_legal_bases(load_settings(session), template_store.pushed_legal_bases(session))
        owner = officials_repo.origin_node_of(session, target_id.split(":", 1)[0]) if target_id else None
        unit = unit_of_node(session, owner) if owner and owner != office.node_id else None
        if office.role == Role.PROVINCE.value and unit is not None:
            # A commune's record printed at the province (a dossier under review) is the commune's
            # paper: its heading, signed by its own officials; the province's own document settings
            # (its place, its chairman) are not the commune's, so the defaults apply.
            session.info[officials_repo.OWNER_NODE] = owner
            office = replace(office, role=Role.COMMUNE.value, unit_code=unit.code, unit_name=unit.name,
                             node_id=str(owner))
            settings = with_pushed_legal_bases(DocumentSettings(), template_store.pushed_legal_bases(session))
        return PrintContext(session=session, office=office, catalog=self.catalog, settings=settings,
                            today=self._today(), override_dir=self.override_dir, options=dict(options or {}),
                            pushed=pushed_templates(session))

    def _prepare(self, ctx: PrintContext, spec: DocumentSpec, target_id: str) -> _Prepared:
        """Everything a document needs from the database: its data, wording and QR text."""
        data = spec.gather(ctx, target_id)
        payload = make_payload(spec.kind, target_id, qr_content(data))
        job = PrintJob(wording=ctx.wording(spec.kind), qr_text=payload.text(),
                       issued_on=ctx.today if spec.dated else None, author=ctx.office.unit_name)
        return _Prepared(spec, target_id, data, job, tuple(missing_blanks(ctx, spec.kind, data)))

    def _render(self, ctx: PrintContext, spec: DocumentSpec, target_id: str) -> RenderedDocument:
        prepared = self._prepare(ctx, spec, target_id)
        return prepared.finish(render_document(spec.render, prepared.data, prepared.job))

    def render(self, kind: str, target_id: str, *, options: dict[str, Any] | None = None) -> RenderedDocument:
        spec = self.spec(clean_text(kind))
        target = clean_text(target_id)
        if not target:
            raise ValidationError("REQUIRED", field="target_id")
        with self.db.reader() as session:
            return self._render(self._context(session, options, target), spec, target)

    def missing(self, kind: str, target_id: str, *, options: dict[str, Any] | None = None) -> list[Notice]:
        """What the document would still print as dotted blanks with the data and settings as they are."""
        spec = self.spec(clean_text(kind))
        with self.db.reader() as session:
            ctx = self._context(session, options, clean_text(target_id))
            return missing_blanks(ctx, spec.kind, spec.gather(ctx, clean_text(target_id)))

    def save(self, kind: str, target_id: str, out: str | Path, *,
             options: dict[str, Any] | None = None) -> RenderedDocument:
        doc = self.render(kind, target_id, options=options)
        write_atomically(Path(out), doc.pdf)
        return doc

    def batch_targets(self, batch_id: str) -> list[tuple[str, str]]:
        """(kind, record id) of every document that belongs to a batch, in filing order."""
        with self.db.reader() as session:
            get_live(session, NominationBatch, clean_text(batch_id), field="batch_id")
            ctx = self._context(session, None)
            return [(kind, target) for kind in self.kinds() if (spec := self.spec(kind)).in_batch is not None
                    for target in spec.in_batch(ctx, clean_text(batch_id))]

    def print_batch(self, batch_id: str, out_dir: str | Path, progress: Progress | None = None,
                    rendered_out: list[RenderedDocument] | None = None, *,
                    workers: int | None = None) -> list[Path]:
        """Every document of a batch: submission and lists, each dossier's report, the council's
        papers and the decisions with their certificates. All are rendered before any is written,
        so cancelling (``progress``) leaves the folder as it was.

        ``workers``: processes to render in, this one included; by default several for a large
        batch on a computer with several CPUs (reports/pool.py), 1 renders here only. The files
        are the same either way."""
        folder = Path(out_dir)
        targets = self.batch_targets(batch_id)
        count = pool_size(len(targets)) if workers is None else workers
        rendered: list[RenderedDocument] | None = None
        if count > 1:
            try:
                rendered = self._render_in_pool(targets, count, progress)
            except BrokenProcessPool:
                # A worker could not start or was ended (by the system, or a build without its
                # multiprocessing support): the batch is drawn here instead, into the same files.
                log.warning("print pool broken; drawing the batch in this process")
        if rendered is None:
            rendered = []
            with self.db.reader() as session:
                ctx = self._context(session, None)
                for kind, target in targets:
                    if progress:
                        progress.step(len(rendered), len(targets))
                    rendered.append(self._render(ctx, self.spec(kind), target))
        if rendered_out is not None:  # the caller also wants the documents (their missing blanks)
            rendered_out.extend(rendered)
        try:
            folder.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise DomainError("OUTPUT_UNWRITABLE", field="out", value=str(folder)) from exc
        paths = [folder / f"{index:03d}-{doc.file_name()}" for index, doc in enumerate(rendered, start=1)]
        # Each file is flushed to the disk before its rename (write_atomically); the flushes wait on
        # the disk, not the CPU, and overlap in threads: 500 files took 5 s one after another, under
        # 1 s eight at a time. The first failure in filing order is the one raised.
        clean_stale_temps(folder)  # once for the batch, not once per file
        with ThreadPoolExecutor(max_workers=WRITERS) as writers:
            list(writers.map(partial(write_atomically, clean=False), paths, [doc.pdf for doc in rendered]))
        return paths

    def _render_in_pool(self, targets: list[tuple[str, str]], processes: int,
                        progress: Progress | None) -> list[RenderedDocument]:
        """The batch's data gathered here, in one read transaction as the serial path does, and
        each document drawn by one of ``processes - 1`` worker processes while the next is
        gathered. Once everything is gathered this process draws too (RENDER_HERE_TOO): the
        documents no worker has started yet, from the last backwards while the workers go
        forwards, so no core idles at the end. The results are taken in filing order. As when
        rendering here, the first document in filing order that fails (its gatherer, or its
        renderer here or in a worker) stops the batch with its error, and what has not started is
        cancelled."""
        total = len(targets)
        finished: list[int] = []  # appended to by the pool's thread as each document comes back
        reported = 0

        def report() -> None:  # never backwards, though the workers finish out of filing order
            nonlocal reported
            reported = max(reported, len(finished))
            if progress:
                progress.step(reported, total)

        def came_back(future: Future[Any]) -> None:
            if not future.cancelled():  # a document taken back is counted when drawn here
                finished.append(1)

        # The batch-wide documents (submission, lists: every nominee, many pages) go to the workers
        # first, so no long one is left alone at the end while the other workers idle.
        order = sorted(range(total), key=lambda i: (self.spec(targets[i][0]).target != BATCH, i))
        outcomes: dict[int, tuple[_Prepared, Future[Any] | Rendered]] = {}
        failed: tuple[int, DomainError] | None = None  # the first refusal in filing order
        with RenderPool(processes - 1) as pool:
            with self.db.reader() as session:
                ctx = self._context(session, None)
                for index in order:
                    if failed is not None and index > failed[0]:
                        continue  # after the refusal in filing order: never reached serially either
                    report()
                    kind, target = targets[index]
                    try:
                        prepared = self._prepare(ctx, self.spec(kind), target)
                    except DomainError as exc:
                        failed = (index, exc)
                        continue
                    future = pool.submit(prepared.spec.render, prepared.data, prepared.job)
                    future.add_done_callback(came_back)
                    outcomes[index] = (prepared, future)
            for index in reversed(order if RENDER_HERE_TOO else []):
                if index not in outcomes or (failed is not None and index > failed[0]):
                    continue
                prepared, outcome = outcomes[index]
                if not isinstance(outcome, Future) or not outcome.cancel():
                    break  # a worker has it, and (taken in order) every one before it
                report()
                try:
                    outcomes[index] = (prepared, render_document(prepared.spec.render, prepared.data, prepared.job))
                except DomainError as exc:
                    failed = (index, exc)
                finished.append(1)
            rendered: list[RenderedDocument] = []
            for index in range(total):  # filing order
                if failed is not None and index == failed[0]:
                    raise failed[1]
                prepared, outcome = outcomes[index]
                if isinstance(outcome, Future):
                    while not outcome.done():  # a Cancel is heard within a fraction of a second
                        report()
                        wait([outcome], timeout=0.2)
                    outcome = pool.result(outcome)
                rendered.append(prepared.finish(outcome))
        return rendered

    def verify_qr(self, text: str) -> QrCheck:
        payload: QrPayload = parse_payload(text)
        try:
            spec = self.spec(payload.kind)
        except ValidationError:
            raise ValidationError("QR_TEXT_INVALID", field="qr") from None
        with self.db.reader() as session:
            # A commune's paper checked at the province is signed by the commune's own officials.
            owner = officials_repo.origin_node_of(session, payload.record_id.split(":", 1)[0])
            if owner:
                session.info[officials_repo.OWNER_NODE] = owner
            ctx = self._context(session, None)
            try:
                data = spec.gather(ctx, payload.record_id)
            except NotFoundError:
                return QrCheck("not_found", payload.kind, payload.record_id, spec.title_vi)
        status = "match" if content_hash(qr_content(data)) == payload.digest else "changed"
        return QrCheck(status, payload.kind, payload.record_id, spec.title_vi)

    # The province's wording for all communes (services/template_store.py) ---------------------
    def export_wording(self, target: str | Path) -> list[Path]:
        return template_store.export(self.db, Path(target))

    def load_wording(self, source: str | Path) -> int:
        """Province only: the edited wording becomes the next revision sent to every commune."""
        self._province_only()
        return template_store.load(self.db, Path(source), self.actor, access=self.access)

    def reset_wording(self) -> int:
        self._province_only()
        return template_store.clear(self.db, self.actor, access=self.access)

    def wording_revision(self) -> int:
        with self.db.reader() as session:
            return template_store.revision(session)

    def _province_only(self) -> None:
        if OfficeService(self.db, self.actor).office().role != Role.PROVINCE.value:
            raise StateError("WORDING_PROVINCE_ONLY", field="role")

    def document_settings(self) -> DocumentSettings:
        with self.db.reader() as session:
            return load_settings(session)

    def province_legal_bases(self) -> dict[str, str]:
        """The legal bases the province sent down with its wording (a commune's own values win)."""
        with self.db.reader() as session:
            return template_store.pushed_legal_bases(session)

    def set_document_settings(self, settings: DocumentSettings) -> None:
        value = DocumentSettings.from_json(settings.to_json()).to_json()
        value.update(legal_bases.checked(value))  # the date refused here, before anything is written
        province = OfficeService(self.db, self.actor).office().role == Role.PROVINCE.value
        with self.db.transaction(self.actor) as session:
            if province:  # the province's legal bases travel down with its wording
                template_store.set_legal_bases(session, legal_bases.checked(value), self.actor)
            row = session.get(LocalParameter, SETTINGS_KEY)
            if row is None:
                session.add(LocalParameter(key=SETTINGS_KEY, value=value, changed_by=self.actor))
            else:
                row.value = value
                row.changed_by = self.actor


def with_pushed_legal_bases(settings: DocumentSettings, pushed: dict[str, str]) -> DocumentSettings:
    """The office's settings with the province's legal bases where the office set none."""
    values: dict[str, Any] = legal_bases.effective(legal_bases.of(settings), pushed)  # text fields only
    return replace(settings, **values)


def safe_file_stem(text: str) -> str:
    """A file name from a title: no diacritics, no characters Windows refuses."""
    return re.sub(r"[^a-z0-9]+", "-", search_key(text)).strip("-")[:60] or "tai-lieu"


def write_atomically(path: Path, data: bytes, *, clean: bool = True) -> None:
    """Write next to the target then rename: the old file or the new one, never half of either.
    The temporary file is private (0600) and removed on any failure; one left by a killed process
    goes at the next document written into that folder (see :mod:`thidua_desktop.private_files`),
    or before a batch (``clean=False`` for each of its files)."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        with temp_beside(path, clean=clean) as tmp, tmp.open("wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
    except OSError as exc:
        raise DomainError("OUTPUT_UNWRITABLE", field="out", value=str(path)) from exc
