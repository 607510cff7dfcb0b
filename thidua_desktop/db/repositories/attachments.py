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

from sqlalchemy import Connection, event, exists, func, select, text
from sqlalchemy.dialects.postgresql import insert as pg_insert
from sqlalchemy.orm import Session, sessionmaker

from ..models.office import Attachment, AttachmentContent
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
