"""Generic helpers shared by the repositories."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any, TypeVar

from sqlalchemy import ColumnElement, Select, column, func, literal_column, select, table, text
from sqlalchemy.orm import Session

from ...domain.errors import NotFoundError
from ..models.base import Synced
from ..search_index import INDEXED, has_index

T = TypeVar("T", bound=Synced)


def get_live(session: Session, model: type[T], row_id: str | None, field: str = "id") -> T:
    """The row with this id that is not a tombstone, or NotFoundError naming the field."""
    row = session.get(model, row_id) if row_id else None
    if row is None or row.deleted:
        raise NotFoundError("NOT_FOUND", field=field, table=model.__tablename__, id=row_id or "")
    return row


def live(model: type[T]) -> Select[T]:
    return select(model).where(model.deleted.is_(False))


def count(session: Session, stmt: Select[*tuple[Any, ...]], up_to: int | None = None) -> int:
    """The rows ``stmt`` selects; with ``up_to``, counting stops there (a search as you type over
    100k people needs "more than 1,000", not the exact figure, and the exact one costs a scan)."""
    stmt = stmt.order_by(None)
    if up_to is not None:
        # Only a constant selected: SQLite then counts from a covering index, not the rows.
        stmt = stmt.with_only_columns(literal_column("1")).limit(up_to)
    return int(session.scalar(select(func.count()).select_from(stmt.subquery())) or 0)


def page(session: Session, stmt: Select[*tuple[Any, ...]], offset: int, limit: int) -> Sequence[Any]:
    return session.scalars(stmt.offset(max(offset, 0)).limit(max(limit, 0))).all()


def like_key(text: str) -> str:
    """A LIKE pattern over a folded search key; escapes the LIKE wildcards the user typed."""
    escaped = text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return f"%{escaped}%"


def word_terms(search_column: Any, search_key: str) -> list[ColumnElement[bool]]:
    """Every word of the folded search text must occur somewhere in the folded key."""
    return [search_column.like(like_key(word), escape="\\") for word in search_key.split()]


# Above this many index matches the words are common: the first page is found sooner by walking the
# names in order (the name-order index) and stopping after a page than by sorting every match.
# Below it, the index's matches are few enough to fetch and sort at once.
INDEX_DENSE = 5000
TRIGRAM = 3  # the trigram index finds words of three characters or more


def indexed_rows(session: Session, model: type[Synced], search_key: str) -> ColumnElement[bool] | None:
    """The rows of ``model`` the word-search index holds for the words of three characters or
    more, as a condition to add beside ``word_terms`` (which still decide: the results are the
    same with or without it). None when the index cannot narrow the search: no long word, no
    index (PostgreSQL, whose pg_trgm index the planner uses by itself for LIKE), or words so
    common that the name-ordered scan is faster."""
    name = model.__tablename__
    words = sorted({w for w in search_key.split() if len(w) >= TRIGRAM}, key=len, reverse=True)
    if not words or not has_index(session.connection(), name):
        return None
    fts = INDEXED[name]
    # Probed one word at a time, the longest (likely the rarest) first: an AND of two common words
    # costs the index more than the name-ordered scan costs. The first rare word narrows the
    # search; the other words are left to ``word_terms``.
    probe = text(f"SELECT count(*) FROM (SELECT rowid FROM {fts} WHERE {fts} MATCH :match LIMIT :dense)")
    for word in words:
        match = '"' + word.replace('"', '""') + '"'  # a quoted phrase: with trigrams, a substring
        if int(session.scalar(probe, {"match": match, "dense": INDEX_DENSE}) or 0) < INDEX_DENSE:
            break
    else:
        return None
    matched = text(f"{fts} MATCH :{fts}_match").bindparams(**{f"{fts}_match": match})
    found: Select[tuple[Any]] = select(column("rowid")).select_from(table(fts)).where(matched)
    return literal_column(f"{name}.rowid").in_(found)
