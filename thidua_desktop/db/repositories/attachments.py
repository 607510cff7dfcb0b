"""Queries over the attachment rows of every owner, and, for a server office, the files' bytes
in ``attachment_contents`` (content-addressed by SHA-256, in parts of at most ``PART_BYTES``).

A commune's SQLite office keeps its files in its data folder and never writes that table
(services/attachments.py). On a server office the content must be in the database by the time a
row that names it is visible to the other computers: :func:`keep_contents_in_database` checks it
in every transaction that adds an attachment row (or applies a bundle's rows), and writes what is
missing from this computer's folder before the commit, in that same transaction."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Sequence
from functools import partial
from typing import TYPE_CHECKING, Any
from weakref import WeakSet

from sqlalchemy import Connection, delete, event, exists, func, select, text
from sqlalchemy.dialects.postgresql import insert as pg_insert
from sqlalchemy.orm import Session, sessionmaker

from ..models.base import utcnow
from ..models.office import Attachment, AttachmentContent, LocalParameter
from .common import live

if TYPE_CHECKING:
    from ..engine import Database

# Small enough that a part never strains the app's or the server's memory, large enough that a
# 200 MB scan is only 50 rows.
PART_BYTES = 4 * 1024 * 1024
_NEW_SHAS = "thidua_new_attachment_shas"  # session.info: hashes of attachment rows added or revived
_bound: WeakSet[sessionmaker[Session]] = WeakSet()


def live_attachments(session: Session) -> Sequence[Attachment]:
    """Every live attachment row, whatever it is attached to (the integrity check reads them all)."""
    return session.scalars(live(Attachment)).all()


# The bytes of a server office ---------------------------------------------------------------
def has_content(session: Session | Connection, sha256: str) -> bool:
    return session.execute(select(AttachmentContent.part).where(AttachmentContent.sha256 == sha256)
                           .limit(1)).first() is not None


def part_count(session: Session, sha256: str) -> int:
    return int(session.scalar(select(func.count()).where(AttachmentContent.sha256 == sha256)) or 0)


def read_part(session: Session, sha256: str, part: int) -> bytes:
    """One part (one query each, so a large file is never fetched whole)."""
    return bytes(session.scalar(select(AttachmentContent.content).where(
        AttachmentContent.sha256 == sha256, AttachmentContent.part == part)) or b"")


def write_content(conn: Session | Connection, sha256: str, parts: Iterable[bytes]) -> int:
    """Insert a file's parts, numbered from 0 (an empty file is one empty part, so that it is
    found); a part already there is kept (the same hash is the same content, so two computers
    storing one photo at once both succeed). PostgreSQL only. Returns the bytes written."""
    written, count = 0, 0
    for chunk in parts:
        _insert_part(conn, sha256, count, chunk)
        written, count = written + len(chunk), count + 1
    if count == 0:
        _insert_part(conn, sha256, 0, b"")
    return written


def _insert_part(conn: Session | Connection, sha256: str, number: int, chunk: bytes) -> None:
    conn.execute(pg_insert(AttachmentContent).values(sha256=sha256, part=number, content=chunk)
                 .on_conflict_do_nothing())


def store_content(db: Database, sha256: str, parts: Iterable[bytes]) -> bool:
    """Put a file's content into a server office's database in a transaction of its own, unless
    it is there already; True when it was written. The transaction does not take the office's
    write lock (engine.py): a content row is keyed by its hash and stamps no version, so storing
    a large file never makes the other officers' saves wait. An error (such as the file changing
    while it is read) rolls the whole file back."""
    with db.engine.begin() as conn:
        if has_content(conn, sha256):
            return False
        write_content(conn, sha256, parts)
    return True


def read_content(db: Database, sha256: str) -> Iterator[bytes]:
    """The stored content part by part (nothing when there is none), in one read transaction."""
    with db.reader() as session:
        for number in range(part_count(session, sha256)):
            yield read_part(session, sha256, number)


def stored_digest(db: Database, sha256: str) -> str | None:
    with db.reader() as session:
        found = content_digest(session, sha256)
    return None if found is None else found[0]


def missing_in_database(db: Database) -> list[str]:
    with db.reader() as session:
        return missing_contents(session)


def content_digest(session: Session, sha256: str) -> tuple[str, int] | None:
    """(SHA-256 in hex, size) of the stored content, computed by the server (PostgreSQL 11+) so
    the integrity check does not download every file; None when there is none."""
    row = session.execute(text(
        "SELECT encode(sha256(string_agg(content, ''::bytea ORDER BY part)), 'hex'), sum(length(content)) "
        "FROM attachment_contents WHERE sha256 = :sha"), {"sha": sha256}).one()
    return None if row[0] is None else (str(row[0]), int(row[1]))


def missing_contents(session: Session | Connection, shas: Iterable[str] | None = None) -> list[str]:
    """Hashes of live attachment rows with no content in the database (only among ``shas`` when
    given), in a stable order."""
    stmt = (select(Attachment.sha256).distinct()
            .where(Attachment.deleted.is_(False),
                   ~exists().where(AttachmentContent.sha256 == Attachment.sha256))
            .order_by(Attachment.sha256))
    if shas is not None:
        wanted = sorted(set(shas))
        if not wanted:
            return []
        stmt = stmt.where(Attachment.sha256.in_(wanted))
    return [str(sha) for sha in session.scalars(stmt)]


def keep_contents_in_database(db: Database, parts_on_this_computer: Callable[[str], Iterator[bytes] | None]) -> None:
    """On a server office, make every transaction that adds (or revives) an attachment row, or
    applies a bundle's rows, end with the content of each such live row in the database: what is
    missing is read through ``parts_on_this_computer(sha256)`` (the file in this computer's
    folder, checked against its hash; None when it is not here) and written before the commit,
    in the same transaction. A row whose content is nowhere to be found still commits, as a row
    whose file is missing does in a commune (the integrity check names it). Once per database."""
    if db.is_sqlite:
        return
    # The sessionmaker is the one every session of this Database comes from (stamping.py hooks
    # the same one); listening there keeps other databases in the process (a second computer in a
    # test, a staged copy) out of it.
    factory: sessionmaker[Session] = db._factory
    if factory in _bound:
        return
    _bound.add(factory)
    event.listen(factory, "before_flush", _note_new_attachments)
    event.listen(factory, "before_commit", partial(_store_missing, parts_on_this_computer))


def _note_new_attachments(session: Session, _context: Any, _instances: Any) -> None:
    shas = [obj.sha256 for obj in (*session.new, *session.dirty)
            if isinstance(obj, Attachment) and not obj.deleted and obj.sha256]
    if shas:
        session.info.setdefault(_NEW_SHAS, set()).update(shas)


def _store_missing(parts_on_this_computer: Callable[[str], Iterator[bytes] | None], session: Session) -> None:
    # before_commit runs before the commit's own flush: flush first, so rows added since the
    # last flush are seen (by _note_new_attachments and by the query below).
    session.flush()
    shas: set[str] | None = session.info.pop(_NEW_SHAS, None)
    if session.info.get("applying_remote"):
        shas = None  # a bundle's rows arrive as bulk inserts the ORM does not see: check them all
    elif not shas:
        return
    for sha in missing_contents(session, shas):
        parts = parts_on_this_computer(sha)
        if parts is not None:
            write_content(session, sha, parts)


# Integrity and clean-up in bulk ----------------------------------------------------------------
_CHUNK = 500  # hashes per query: well under every driver's parameter limit, few round trips
ORPHAN_MARKS_KEY = "attachment_orphans_seen"  # local_parameters: {"seen": {sha256: ISO time}}


def _chunks(values: Iterable[str]) -> Iterator[list[str]]:
    ordered = sorted(set(values))
    for start in range(0, len(ordered), _CHUNK):
        yield ordered[start:start + _CHUNK]


def live_hashes(session: Session) -> dict[str, list[str]]:
    """The content hash of every live attachment row, with the owner tables naming it (the
    integrity check names the table of a missing file, never the record)."""
    found: dict[str, list[str]] = {}
    for sha, owner in session.execute(select(Attachment.sha256, Attachment.owner_table)
                                      .where(Attachment.deleted.is_(False))
                                      .order_by(Attachment.sha256, Attachment.owner_table)):
        found.setdefault(str(sha), []).append(str(owner))
    return found


def content_digests(session: Session, shas: Iterable[str]) -> dict[str, tuple[str, int]]:
    """``content_digest`` for many hashes at once, one query per 500: {sha256: (digest, size)} for
    those with stored content. The ORDER BY inside the aggregate keeps PostgreSQL to a sorted
    group-by (it never hashes ordered aggregates), so the server holds one file at a time, as the
    single-file query did."""
    found: dict[str, tuple[str, int]] = {}
    for chunk in _chunks(shas):
        rows = session.execute(text(
            "SELECT sha256, encode(sha256(string_agg(content, ''::bytea ORDER BY part)), 'hex'), "
            "sum(length(content)) FROM attachment_contents WHERE sha256 = ANY(:shas) GROUP BY sha256"),
            {"shas": chunk})
        found.update({str(sha): (str(digest), int(size)) for sha, digest, size in rows})
    return found


def referenced_among(session: Session, shas: Iterable[str]) -> set[str]:
    """Those of ``shas`` that any attachment row names, live or deleted: a tombstone is still
    sent to peers and may be revived (sync, recovery), so its content is never an orphan."""
    found: set[str] = set()
    for chunk in _chunks(shas):
        found.update(str(sha) for sha in session.scalars(
            select(Attachment.sha256).distinct().where(Attachment.sha256.in_(chunk))))
    return found


def unreferenced_contents(session: Session) -> dict[str, int]:
    """{sha256: stored bytes} of the contents in the database that no attachment row names, live
    or deleted (a server office). ``length`` of a stored part reads only its header."""
    rows = session.execute(
        select(AttachmentContent.sha256, func.sum(func.length(AttachmentContent.content)))
        .where(~exists().where(Attachment.sha256 == AttachmentContent.sha256))
        .group_by(AttachmentContent.sha256))
    return {str(sha): int(size or 0) for sha, size in rows}


def delete_unreferenced(session: Session, shas: Iterable[str]) -> dict[str, int]:
    """Delete the stored parts of ``shas`` that are still named by no attachment row, checked in
    the DELETE itself; {sha256: bytes} of what went. The caller holds the office's write lock, so
    no row naming one of them can commit meanwhile (a save waiting behind it finds its content
    gone and writes it again from its own folder: keep_contents_in_database)."""
    gone: dict[str, int] = {}
    for chunk in _chunks(shas):
        rows = session.execute(
            delete(AttachmentContent)
            .where(AttachmentContent.sha256.in_(chunk),
                   ~exists().where(Attachment.sha256 == AttachmentContent.sha256))
            .returning(AttachmentContent.sha256, func.length(AttachmentContent.content))
            .execution_options(synchronize_session=False))
        for sha, size in rows:
            gone[str(sha)] = gone.get(str(sha), 0) + int(size or 0)
    return gone


def orphan_marks(session: Session) -> dict[str, str]:
    """{sha256: ISO time} when each unreferenced content was first seen so: the contents table
    has no time of its own, so a server's safety window counts from that sighting."""
    row = session.get(LocalParameter, ORPHAN_MARKS_KEY)
    seen = row.value.get("seen") if row is not None and isinstance(row.value, dict) else None
    return {str(k): str(v) for k, v in seen.items()} if isinstance(seen, dict) else {}


def save_orphan_marks(session: Session, marks: dict[str, str]) -> None:
    """Write the sightings (PostgreSQL, upsert). Through Core, not the ORM: bookkeeping of hashes
    and times, not an officer's change, so it adds no audit entry of its own at every check."""
    stmt = pg_insert(LocalParameter).values(key=ORPHAN_MARKS_KEY, value={"seen": marks}, changed_by="system",
                                   changed_at=utcnow())
    session.execute(stmt.on_conflict_do_update(index_elements=[LocalParameter.key],
                                                set_={"value": stmt.excluded.value,
                                                      "changed_at": stmt.excluded.changed_at}))
