"""Attached contents that no attachment row names any more: found by the integrity check and
removed by ``thidua maintenance prune-attachments`` (or the settings screen), an admin's action.

A content becomes unreferenced when a save failed after its file was stored (services/attachments.py
stores the file first), or when every row naming it was purged. A *deleted* row is a tombstone
that is still sent to peers and may be revived by sync or a recovery bundle, so its content is
kept: only a content named by no row at all, live or deleted, is an orphan.

**The safety window.** Nothing younger than 24 hours is removed: on a server office another
computer may have stored a file a moment ago and be about to commit the row that names it. In the
data folder the age is the file's modification time (``put_file`` touches a file it stores again).
The database's ``attachment_contents`` has no time of its own (adding one is a migration), so
there the age counts from when a check or a prune first *saw* the content unreferenced, noted in
``local_parameters`` (never earlier than its real age). A content seen again in use loses its note.

**The race with a save.** The prune runs under the office's write lock and deletes only parts
still named by no row, checked in the DELETE itself; a save waiting for the lock and naming a
pruned content finds it gone at its commit and writes it again from its own folder
(db/repositories/attachments.keep_contents_in_database). The data folder's files go after the
commit, each checked once more against the rows."""

from __future__ import annotations

import logging
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta

from ..db import Database, DatabaseBusy, Session
from ..db.models import AuditEntry
from ..db.repositories import attachments as repo
from .access import ADMIN, check_signed_in, signed_in_as
from .attachments import AttachmentStore

log = logging.getLogger("thidua")

SAFETY_WINDOW = timedelta(hours=24)


@dataclass(frozen=True)
class OrphanReport:
    """Unreferenced contents, in the database and this computer's folder (one count per content)."""

    count: int
    size: int
    ready_count: int  # past the safety window: what a prune would remove now
    ready_size: int


@dataclass(frozen=True)
class PruneResult:
    count: int  # contents removed (from the database, this computer's folder, or both)
    size: int
    waiting: int  # unreferenced but inside the safety window: kept for now


@dataclass
class _Scan:
    sizes: dict[str, int] = field(default_factory=dict)  # every orphan: sha256 -> bytes
    stored_ready: set[str] = field(default_factory=set)  # in the database, past the window
    local_ready: set[str] = field(default_factory=set)  # in this computer's folder, past the window
    marks: dict[str, str] = field(default_factory=dict)  # the database's sightings, as they should be now
    marks_changed: bool = False

    @property
    def ready(self) -> set[str]:
        return self.stored_ready | self.local_ready

    def report(self) -> OrphanReport:
        ready = self.ready
        return OrphanReport(len(self.sizes), sum(self.sizes.values()), len(ready),
                            sum(self.sizes[sha] for sha in ready))


def find_orphans(db: Database, store: AttachmentStore, now: datetime | None = None) -> OrphanReport:
    """What a prune would find. On a server office the first sightings are noted on the way (a
    short write; when another writer holds the lock past the timeout they wait for the next check)."""
    now = now or datetime.now(UTC)
    if store.in_database:
        try:
            with db.transaction("system") as session:
                scan = _scan(session, store, now)
                if scan.marks_changed:
                    repo.save_orphan_marks(session, scan.marks)
                return scan.report()
        except DatabaseBusy:
            log.info("orphan sightings not noted: the database was busy")
    with db.reader() as session:
        return _scan(session, store, now).report()


def prune_orphans(db: Database, store: AttachmentStore, actor: str, now: datetime | None = None) -> PruneResult:
    """Remove the orphans past the safety window: the database's parts in one transaction (with
    an audit entry naming the count, the bytes and the hashes), this computer's files after it
    commits. An office with accounts needs an admin signed in (ROLE_REQUIRED, LOGIN_REQUIRED)."""
    now = now or datetime.now(UTC)
    with db.transaction(actor) as session:
        # The account behind ``actor`` (the App's signed-in one), its role read now, in this transaction.
        check_signed_in(session, signed_in_as(session, actor), ADMIN)
        scan = _scan(session, store, now)
        gone = repo.delete_unreferenced(session, scan.stored_ready) if scan.stored_ready else {}
        if gone or scan.marks_changed:
            repo.save_orphan_marks(session, {sha: seen for sha, seen in scan.marks.items() if sha not in gone})
        planned = set(gone) | scan.local_ready
        if planned:  # a prune that finds nothing to remove changes nothing worth a line in the log
            session.add(AuditEntry(actor=actor, action="prune", table_name="attachment_contents",
                                   row_id="orphans",
                                   new_values={"contents": len(planned), "bytes": sum(scan.sizes[s] for s in planned),
                                               "from_database": len(gone), "from_folder": len(scan.local_ready),
                                               "sha256": sorted(planned)}))
    removed = set(gone)
    if scan.local_ready:
        with db.reader() as session:  # a row committed since names it again: keep the file
            named = repo.referenced_among(session, scan.local_ready)
        removed |= {sha for sha in scan.local_ready - named if store.remove_local(sha)}
    size = sum(scan.sizes[sha] for sha in removed)
    log.info("pruned %d unreferenced attached file(s), %d bytes", len(removed), size)
    return PruneResult(len(removed), size, len(scan.sizes) - len(scan.ready))


def _scan(session: Session, store: AttachmentStore, now: datetime) -> _Scan:
    scan = _Scan()
    cutoff = now - SAFETY_WINDOW
    if store.in_database:
        stored = repo.unreferenced_contents(session)
        seen = repo.orphan_marks(session)
        # A content in use again drops its note; one seen for the first time (or whose note
        # cannot be read) is noted now.
        noted = {sha: _parsed(seen.get(sha, "")) or now for sha in stored}
        scan.marks = {sha: when.isoformat(timespec="seconds") for sha, when in noted.items()}
        scan.marks_changed = scan.marks != seen
        scan.sizes.update(stored)
        scan.stored_ready = {sha for sha, when in noted.items() if when <= cutoff}
    files = store.local_files()
    named = repo.referenced_among(session, files) if files else set()
    for sha, info in files.items():
        if sha in named:
            continue
        scan.sizes.setdefault(sha, info.st_size)
        if datetime.fromtimestamp(info.st_mtime, UTC) <= cutoff:
            scan.local_ready.add(sha)
    return scan


def _parsed(when: str) -> datetime | None:
    try:
        found = datetime.fromisoformat(when)
    except ValueError:
        return None
    return found if found.tzinfo is not None else found.replace(tzinfo=UTC)


__all__ = ["SAFETY_WINDOW", "OrphanReport", "PruneResult", "find_orphans", "prune_orphans"]
