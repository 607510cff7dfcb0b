"""The word-search index over the folded search keys of people and collectives (issue 15).

A search "nguyen thi h" keeps every row whose ``search_key`` contains each word (``LIKE
'%word%'``): diacritics ignored and đ = d, because the key is folded (domain/text.py). No B-tree
index serves ``LIKE '%word%'``, so each keystroke scanned the register. The index below finds
the rows holding the words of three characters or more; the LIKE terms are kept in the query,
so the results are exactly the same as without an index (a word of one or two characters is
checked by LIKE on the rows the longer words found, or on the name-ordered scan).

- **SQLite**: an FTS5 table with the trigram tokenizer (SQLite 3.34+, in both drivers we ship),
  reading its text from the table itself (external content). Triggers keep it in step on every
  insert, update and delete, whoever writes (the services, a bundle import's Core executemany,
  a restore of an older file that is then migrated). A common word's first page is found by
  walking the names in order (the model's ``ix_people_name_order``) and stopping after a page;
  until migration 0022 a covering index made here served that walk.
- **PostgreSQL**: a ``pg_trgm`` GIN index on the key; the planner uses it for ``LIKE
  '%word%'`` by itself. ``CREATE EXTENSION`` needs the right to create it (trusted since
  PostgreSQL 13); refused, the search keeps working without the index, only slower.

``ensure`` is idempotent and runs in migration 0020 and again after every later migration: a
migration that rebuilds ``people`` in SQLite batch mode drops the table's triggers and renumbers
its rows, so an index missing a trigger is rebuilt from the table (about a second for 100k
people); one with all its triggers is left as it is."""

from __future__ import annotations

import logging
from collections.abc import Iterator, Sequence
from contextlib import contextmanager

from sqlalchemy import Connection, text
from sqlalchemy.exc import DBAPIError

log = logging.getLogger("thidua")

# Table searched -> its FTS5 index (SQLite) and its trigram index (PostgreSQL).
INDEXED = {"people": "people_search", "collectives": "collectives_search"}
PG_INDEXES = {table: f"ix_{table}_search_trgm" for table in INDEXED}
NAME_ORDER_INDEX = "ix_people_name_search"  # SQLite: 0020's covering index in name order, dropped by 0022
# Schema objects the ORM models do not declare (compare_metadata and autogenerate skip them).
SHADOW_SUFFIXES = ("_data", "_idx", "_content", "_docsize", "_config")
OWN_NAMES = frozenset({*INDEXED.values(), *(f"{fts}{s}" for fts in INDEXED.values() for s in SHADOW_SUFFIXES),
                       *PG_INDEXES.values()})


def include_name(name: str | None, type_: str, _parent: object) -> bool:
    """For Alembic's ``include_name``: the index objects are this module's, not the models'."""
    return name not in OWN_NAMES


def _triggers(table: str, fts: str) -> list[str]:
    # The 'delete' command of an external-content table must be given the row's old text: the
    # triggers hand it exactly what the index was given, so the index never drifts.
    return [
        f"CREATE TRIGGER IF NOT EXISTS {fts}_insert AFTER INSERT ON {table} BEGIN "
        f"INSERT INTO {fts}(rowid, search_key) VALUES (new.rowid, new.search_key); END",
        f"CREATE TRIGGER IF NOT EXISTS {fts}_delete AFTER DELETE ON {table} BEGIN "
        f"INSERT INTO {fts}({fts}, rowid, search_key) VALUES ('delete', old.rowid, old.search_key); END",
        f"CREATE TRIGGER IF NOT EXISTS {fts}_update AFTER UPDATE OF search_key ON {table} BEGIN "
        f"INSERT INTO {fts}({fts}, rowid, search_key) VALUES ('delete', old.rowid, old.search_key); "
        f"INSERT INTO {fts}(rowid, search_key) VALUES (new.rowid, new.search_key); END",
    ]


def _sqlite_statements(table: str, fts: str) -> list[str]:
    return [
        f"CREATE VIRTUAL TABLE IF NOT EXISTS {fts} USING fts5(search_key, content='{table}', "
        "tokenize='trigram')",
        *_triggers(table, fts),
        f"INSERT INTO {fts}({fts}) VALUES ('rebuild')",  # from the table as it is now
    ]


def ensure(conn: Connection) -> bool:
    """Create (or re-create and rebuild) the search index in the open transaction of ``conn``.
    False when this database cannot have one (no FTS5 trigram in this SQLite, or no right to
    create pg_trgm): the search then runs on LIKE alone, with the same results."""
    if conn.dialect.name == "sqlite":
        return _ensure_sqlite(conn)
    if conn.dialect.name == "postgresql":
        return _ensure_postgresql(conn)
    return False


def _ensure_sqlite(conn: Connection) -> bool:
    present = {name for (name,) in conn.exec_driver_sql("SELECT name FROM sqlite_master")}
    try:
        with conn.begin_nested():
            for table, fts in INDEXED.items():
                if fts in present and all(f"{fts}_{t}" in present for t in ("insert", "delete", "update")):
                    continue  # in step: its triggers have seen every write since it was built
                for statement in _sqlite_statements(table, fts):
                    conn.exec_driver_sql(statement)
    except DBAPIError as exc:  # no fts5 module, or a SQLite before 3.34 without the trigram tokenizer
        log.warning("word search index not available in this SQLite: %s", type(exc).__name__)
        return False
    return True


def _ensure_postgresql(conn: Connection) -> bool:
    try:
        with conn.begin_nested():  # a refused statement aborts only this savepoint, not the migration
            conn.exec_driver_sql("CREATE EXTENSION IF NOT EXISTS pg_trgm")
            for table, index in PG_INDEXES.items():
                conn.exec_driver_sql(f"CREATE INDEX IF NOT EXISTS {index} ON {table} "
                                     "USING gin (search_key gin_trgm_ops)")
    except DBAPIError as exc:  # no right to create the extension, or it is not installed on the server
        log.warning("pg_trgm not available, word search runs without an index: %s", type(exc).__name__)
        return False
    return True


def drop(conn: Connection) -> None:
    """Remove the index (the downgrade of migration 0020)."""
    if conn.dialect.name == "sqlite":
        for fts in INDEXED.values():
            for suffix in ("insert", "delete", "update"):
                conn.exec_driver_sql(f"DROP TRIGGER IF EXISTS {fts}_{suffix}")
            conn.exec_driver_sql(f"DROP TABLE IF EXISTS {fts}")
        conn.exec_driver_sql(f"DROP INDEX IF EXISTS {NAME_ORDER_INDEX}")
    elif conn.dialect.name == "postgresql":
        for index in PG_INDEXES.values():
            conn.exec_driver_sql(f"DROP INDEX IF EXISTS {index}")


def has_index(conn: Connection, table: str) -> bool:
    """Whether ``table``'s FTS5 index exists in this SQLite database (one lookup in the catalog)."""
    fts = INDEXED.get(table)
    if fts is None or conn.dialect.name != "sqlite":
        return False
    return conn.execute(text("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = :name"),
                        {"name": fts}).first() is not None


_CHUNK = 900  # ids per statement, well under SQLite's limit on bound parameters


@contextmanager
def bulk_writes(conn: Connection, table: str, ids: Sequence[str]) -> Iterator[None]:
    """For a writer of many rows at once (a bundle import's executemany): the triggers cost about
    40 µs a row (FTS5 flushes its pending terms at the statement savepoint a trigger opens), so
    inside this block they are dropped, and the index is brought in step with two set-based
    statements instead: before, the entries of ``ids`` as stored are removed; after (whatever
    happened in between), the rows of ``ids`` as they are now are indexed and the triggers made
    again. ``ids`` must name every row of ``table`` the block inserts, updates or deletes. DDL is
    transactional in SQLite: a rollback of the caller's transaction undoes all of it together."""
    fts = INDEXED[table]
    if conn.dialect.name != "sqlite" or not has_index(conn, table):
        yield
        return
    unique = list(dict.fromkeys(ids))  # a row's entry removed twice would corrupt the index
    chunks = [unique[i:i + _CHUNK] for i in range(0, len(unique), _CHUNK)]

    def each_chunk(sql: str) -> None:
        for chunk in chunks:
            marks = ",".join("?" * len(chunk))
            conn.exec_driver_sql(sql.replace("(?)", f"({marks})"), tuple(chunk))

    each_chunk(f"INSERT INTO {fts}({fts}, rowid, search_key) SELECT 'delete', rowid, search_key "
               f"FROM {table} WHERE id IN (?)")
    for suffix in ("insert", "delete", "update"):
        conn.exec_driver_sql(f"DROP TRIGGER IF EXISTS {fts}_{suffix}")
    try:
        yield
    finally:
        each_chunk(f"INSERT INTO {fts}(rowid, search_key) SELECT rowid, search_key FROM {table} WHERE id IN (?)")
        for statement in _triggers(table, fts):
            conn.exec_driver_sql(statement)
