"""Applying a peer's rows fast: table by table, in chunks of a few thousand, inside the import's
one transaction (so memory stays flat whatever the bundle's size).

For each chunk: every record is checked (``check_record``) and converted once; the stored
(origin, epoch, version) of the chunk's ids comes from one query; references and unique values are
checked before anything is written (``sync_plan``). New rows then go in with one Core
``executemany``, newer versions of held rows with one flush. Only the rows that need a decision of
their own (a conflict, an id twice in a bundle, a unique value another changed row may free) take
the row-by-row path, ``sync_rows.apply_record``, in the order the bundle gave them. A row that
would be refused is quarantined with its cause and never sends its chunk down the slow path; the
savepoint around each chunk's writes is only a guard against a refusal nobody foresaw.

What is merged is what ``apply_record`` would merge row by row: the rules (one writer per row,
newest version wins, equal versions with different content are a conflict) live there and here
alike, and the sync tests hold both to them."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from datetime import date, datetime
from operator import itemgetter
from typing import Any

from sqlalchemy import Boolean, Connection, Date, DateTime, bindparam, insert, select
from sqlalchemy.exc import IntegrityError, StatementError
from sqlalchemy.orm import Session

from ..models import Attachment
from .sync_plan import TablePlan, chunks, missing_references, plan_for, unique_clashes
from .sync_rows import (
    ApplyReport,
    _key,
    _note_received,
    _quarantine,
    _row_id,
    _same_content,
    apply_record,
    model_for,
    quarantine_raw,
)
from .sync_validate import check_record

# Rows per chunk: big enough that the per-chunk queries cost little per row, small enough that a
# chunk of the widest table stays a few megabytes.
CHUNK_ROWS = 2000

Pair = tuple[int, dict[str, Any], dict[str, Any]]  # (position in the chunk, record, column values)


class PreparedInsert:
    """``insert(table)`` for one set of columns, compiled once for the connection's dialect, with
    each column's bind processor (date, JSON …) looked up once: the rows then go to the driver's
    ``executemany`` as plain tuples (or dicts, for a driver with named parameters). The defaults
    a Core insert would fill in for the columns a row lacks are filled here."""

    def __init__(self, connection: Connection, plan: TablePlan, keys: tuple[str, ...]) -> None:
        dialect = connection.dialect
        table = plan.table
        absent = [c for c in table.columns if c.key not in keys and c.default is not None and c.default.is_scalar]
        callables = [c for c in table.columns if c.key not in keys and c.default is not None
                     and c.default.is_callable]
        self.fixed = {c.key: c.default.arg for c in absent}  # type: ignore[union-attr]  # a scalar default
        # A callable default (new_uuid, utcnow) takes a context argument it does not use.
        self.computed = {c.key: c.default.arg for c in callables}  # type: ignore[union-attr]
        self.keys = (*keys, *self.fixed, *self.computed)
        compiled = insert(table).values({key: bindparam(key) for key in self.keys}).compile(dialect=dialect)
        self.sql = compiled.string
        self.positional = bool(compiled.positional)
        order = list(compiled.positiontup or []) if self.positional else list(self.keys)
        self.order = order
        processors = {c.key: _bind_processor(c, dialect) for c in table.columns}
        self.take = itemgetter(*order) if len(order) > 1 else (lambda values: (values[order[0]],))
        # Only the columns with a processor are touched row by row (a date, a JSON value).
        self.processed = [(index, process) for index, key in enumerate(order)
                          if (process := processors.get(key)) is not None]

    def parameters(self, rows: list[dict[str, Any]]) -> list[Any]:
        out: list[Any] = []
        fixed, computed, processed, take = self.fixed, self.computed, self.processed, self.take
        for values in rows:
            if fixed or computed:
                values = {**values, **fixed, **{key: make(None) for key, make in computed.items()}}
            row = list(take(values))
            for index, process in processed:
                if row[index] is not None:
                    row[index] = process(row[index])
            out.append(tuple(row) if self.positional else dict(zip(self.order, row, strict=True)))
        return out


def _bind_processor(column: Any, dialect: Any) -> Callable[[Any], Any] | None:
    """The column's bind processor, or a faster one where SQLite's is a formatting loop: a
    DateTime as SQLAlchemy stores it in SQLite ("2026-11-25 08:30:00.000000") is what
    ``isoformat(" ", "microseconds")`` writes, in C, and a Date what ``isoformat()`` writes; a
    checked true/false (or 0/1) needs no conversion for the sqlite3 driver, which binds bool as
    0/1. Anything unusual (an aware datetime, a date in a DateTime column) still goes through
    SQLAlchemy's own."""
    processor = column.type.dialect_impl(dialect).bind_processor(dialect)
    if dialect.name != "sqlite" or processor is None:
        return processor
    if isinstance(column.type, Boolean):
        return None  # checked: true, false, 0 or 1, which sqlite3 stores as SQLAlchemy would (0/1)
    if isinstance(column.type, DateTime):
        return lambda value: value.isoformat(" ", "microseconds") if type(value) is datetime and \
            value.tzinfo is None else processor(value)
    if isinstance(column.type, Date):
        return lambda value: value.isoformat() if type(value) is date else processor(value)
    return processor


_PREPARED: dict[tuple[str, str, tuple[str, ...]], PreparedInsert] = {}


def prepared_insert(connection: Connection, plan: TablePlan, keys: tuple[str, ...]) -> PreparedInsert:
    key = (connection.dialect.name, plan.name, keys)
    statement = _PREPARED.get(key)
    if statement is None:
        statement = _PREPARED[key] = PreparedInsert(connection, plan, keys)
    return statement


# A trigger that copies each new row's text into a full-text index (the word search's FTS5 table):
# fired row by row it costs ten times what one INSERT … SELECT of the chunk costs, because FTS5
# writes its pending terms out at every statement. Only a trigger of exactly this form is deferred.
_INDEX_TRIGGER = re.compile(
    r"CREATE TRIGGER (?:IF NOT EXISTS )?(?P<name>\w+) AFTER INSERT ON (?P<table>\w+) BEGIN "
    r"INSERT INTO (?P<index>\w+)\(rowid, (?P<column>\w+)\) VALUES \(new\.rowid, new\.(?P=column)\); END")


@contextmanager
def deferred_index_triggers(connection: Connection, table: str) -> Iterator[None]:
    """Run the body's inserts into ``table`` without its full-text index triggers, then index the
    rows it added in one statement and put the triggers back, all in the caller's transaction (a
    rollback undoes the whole, triggers included). Other databases and tables: nothing changes."""
    if connection.dialect.name != "sqlite":
        yield
        return
    found = connection.exec_driver_sql(
        "SELECT sql FROM sqlite_master WHERE type = 'trigger' AND tbl_name = ?", (table,)).scalars().all()
    deferred = [(sql, match) for sql in found if (match := _INDEX_TRIGGER.fullmatch(" ".join(str(sql).split())))
                and match["table"] == table]
    if not deferred:
        yield
        return
    before = int(connection.exec_driver_sql(f'SELECT coalesce(max(rowid), 0) FROM "{table}"').scalar() or 0)
    for _sql, match in deferred:
        connection.exec_driver_sql(f'DROP TRIGGER "{match["name"]}"')
    yield
    # New rows take rowids above the largest (the tables have no AUTOINCREMENT and are far from 2^63).
    for sql, match in deferred:
        connection.exec_driver_sql(f'INSERT INTO "{match["index"]}"(rowid, "{match["column"]}") '
                                   f'SELECT rowid, "{match["column"]}" FROM "{table}" WHERE rowid > ?', (before,))
        connection.exec_driver_sql(str(sql))


def _jsonish(value: Any) -> Any:
    return value.isoformat() if isinstance(value, date | datetime) else value


def _newest_per_epoch(pairs: list[Pair]) -> Iterable[dict[str, Any]]:
    """One record per (origin, epoch) of ``pairs``, the one with the highest version: what the
    received marks need (``_note_received`` keeps the highest), at one look per record."""
    newest: dict[tuple[Any, Any], dict[str, Any]] = {}
    for _, data, _values in pairs:  # checked: version is a whole number
        key = (data.get("origin_node"), data.get("origin_epoch"))
        held = newest.get(key)
        if held is None or data["version"] > held["version"]:
            newest[key] = data
    return newest.values()


class BundleApplier:
    """Applies one bundle's rows in the caller's transaction. ``table`` may be called once per table
    with any iterable (a generator reading the bundle is the point); ``raw`` quarantines a line that
    was not a record at all."""

    def __init__(self, session: Session, report: ApplyReport, allowed_origins: set[str], bundle_id: str,
                 has_attachment: Callable[[str], bool] = lambda _sha: True, chunk_rows: int | None = None) -> None:
        self.session = session
        self.report = report
        self.allowed = allowed_origins
        self.bundle_id = bundle_id
        self.has_attachment = has_attachment
        self.chunk_rows = chunk_rows or CHUNK_ROWS
        self.rows_seen = 0

    def raw(self, table: str, text: str, detail: str) -> None:
        quarantine_raw(self.session, self.bundle_id, table, text, detail, self.report)

    def table(self, table: str, rows: Iterable[Any]) -> None:
        model = model_for(table)
        if model is None:  # a newer app's table: each record is quarantined (UNKNOWN_TABLE, BAD_RECORD)
            for data in rows:
                self.rows_seen += 1
                apply_record(self.session, table, data, self.report, self.allowed, self.bundle_id)
            return
        plan = plan_for(model)
        chunk: list[Any] = []
        for data in rows:
            chunk.append(data)
            if len(chunk) >= self.chunk_rows:
                self._chunk(plan, chunk)
                chunk = []
        if chunk:
            self._chunk(plan, chunk)

    # One chunk ------------------------------------------------------------------------------------
    def _chunk(self, plan: TablePlan, rows: list[Any]) -> None:
        self.rows_seen += len(rows)
        # The look-ups below go to the connection, past the ORM (a tenth of an import was its
        # statement handling): whatever the session still holds is written first.
        self.session.flush()
        candidates = self._checked(plan, rows)
        if not candidates:
            return
        fresh, newer, same, slow = self._sort(plan, candidates)
        if same:
            self._compare(plan, same, slow)
        # Held rows this chunk may change: a unique value one of them holds may be freed by it.
        moving = {data["id"] for _, data, _ in newer + slow}
        self._insert(plan, fresh, slow, moving)
        if newer:
            self._update(plan, newer, slow, moving)
        for _, data, _ in sorted(slow, key=lambda pair: pair[0]):
            apply_record(self.session, plan.name, data, self.report, self.allowed, self.bundle_id, checked=True)

    def _checked(self, plan: TablePlan, rows: list[Any]) -> list[Pair]:
        """The records fit to merge, with their column values; the others are quarantined with the
        reason ``apply_record`` would give (checked in the same order)."""
        session, report, bundle_id, table = self.session, self.report, self.bundle_id, plan.name
        out: list[Pair] = []
        for position, data in enumerate(rows):
            problem = check_record(plan.model, data)
            if problem is not None:
                _quarantine(session, bundle_id, table, _row_id(data), data, problem[0], report, False, problem[1])
                continue
            if plan.model is Attachment and not data.get("deleted") and not self.has_attachment(str(data["sha256"])):
                _quarantine(session, bundle_id, table, str(data["id"]), data, "ATTACHMENT_MISSING", report, False)
                continue
            if str(data.get("origin_node")) not in self.allowed:
                _quarantine(session, bundle_id, table, str(data["id"]), data, "NOT_SENDERS_ROW", report, False)
                continue
            try:
                values = plan.values(data)
            except (TypeError, ValueError):
                _quarantine(session, bundle_id, table, str(data["id"]), data, "BAD_VALUE", report, False)
                continue
            out.append((position, data, values))
        for data in _newest_per_epoch(out):
            _note_received(report, data)
        return out

    def _sort(self, plan: TablePlan, candidates: list[Pair]) -> tuple[list[Pair], list[Pair], list[Pair], list[Pair]]:
        """(new rows, newer versions, same versions, rows for the row-by-row path); older versions
        are counted unchanged here (a tombstone never comes back)."""
        table = plan.table
        ids = sorted({data["id"] for _, data, _ in candidates})
        stored: dict[str, Any] = {}
        for part in chunks(ids):
            stmt = select(table.c.id, table.c.origin_node, table.c.origin_epoch, table.c.version).where(
                table.c.id.in_(part))
            stored.update((row[0], row) for row in self.session.connection().execute(stmt))
        fresh: list[Pair] = []
        newer: list[Pair] = []
        same: list[Pair] = []
        slow: list[Pair] = []
        seen: set[str] = set()
        for pair in candidates:
            data = pair[1]
            row_id = data["id"]
            if row_id in seen:  # twice in one bundle: the second meets the first row by row
                slow.append(pair)
                continue
            seen.add(row_id)
            held = stored.get(row_id)
            if held is None:
                fresh.append(pair)
            elif held.origin_node != data.get("origin_node"):
                slow.append(pair)  # another office's row: a conflict, decided row by row
            else:
                incoming, current = _key(data), (int(held.origin_epoch or 0), int(held.version or 0))
                if incoming > current:
                    newer.append(pair)
                elif incoming == current:
                    same.append(pair)
                else:
                    self.report.unchanged += 1
        return fresh, newer, same, slow

    def _compare(self, plan: TablePlan, same: list[Pair], slow: list[Pair]) -> None:
        """A version already held: unchanged when the content is the same, else a conflict."""
        table = plan.table
        current: dict[str, dict[str, Any]] = {}
        for part in chunks([data["id"] for _, data, _ in same]):
            for row in self.session.connection().execute(select(table).where(table.c.id.in_(part))):
                mapping = row._mapping
                current[mapping["id"]] = {column.key: _jsonish(mapping[column]) for column in table.columns}
        for pair in same:
            if _same_content(current[pair[1]["id"]], pair[1]):
                self.report.unchanged += 1
            else:
                slow.append(pair)

    def _screen(self, plan: TablePlan, pairs: list[Pair], slow: list[Pair], moving: set[str]) -> list[Pair]:
        """The rows that may be written: a row pointing at nothing is quarantined as
        REFERENCE_MISSING, one whose unique value another row keeps as DUPLICATE_VALUE; a clash
        with a row this chunk also changes goes row by row (that change may free the value)."""
        session, report, bundle_id, table = self.session, self.report, self.bundle_id, plan.name
        missing = missing_references(session, plan, [values for _, _, values in pairs])
        for position, detail in missing.items():
            data = pairs[position][1]
            _quarantine(session, bundle_id, table, data["id"], data, "REFERENCE_MISSING", report, False, detail)
        pairs = [pair for position, pair in enumerate(pairs) if position not in missing]
        clashes = unique_clashes(session, plan, [values for _, _, values in pairs])
        keep: list[Pair] = []
        for position, pair in enumerate(pairs):
            clash = clashes.get(position)
            if clash is None:
                keep.append(pair)
            elif clash[1] & moving:
                slow.append(pair)
            else:
                _quarantine(session, bundle_id, table, pair[1]["id"], pair[1], "DUPLICATE_VALUE", report, False,
                            clash[0])
        return keep

    def _insert(self, plan: TablePlan, fresh: list[Pair], slow: list[Pair], moving: set[str]) -> None:
        keep = self._screen(plan, fresh, slow, moving) if fresh else []
        if not keep:
            return
        groups: dict[tuple[str, ...], list[dict[str, Any]]] = {}
        for _, _, values in keep:  # executemany needs the same keys in every row: an older app's lack some
            groups.setdefault(tuple(values), []).append(values)
        try:
            with self.session.begin_nested():
                connection = self.session.connection()
                with deferred_index_triggers(connection, plan.name):
                    for keys, rows in groups.items():
                        statement = prepared_insert(connection, plan, keys)
                        connection.exec_driver_sql(statement.sql, statement.parameters(rows))
        except (IntegrityError, StatementError):
            slow.extend(keep)  # refused although checked: the row-by-row path finds which and why
            return
        self.report.new += len(keep)

    def _update(self, plan: TablePlan, newer: list[Pair], slow: list[Pair], moving: set[str]) -> None:
        """Newer versions of held rows through the ORM (audited as a row-by-row update is)."""
        keep = self._screen(plan, newer, slow, moving)
        if not keep:
            return
        model = plan.model
        held: dict[str, Any] = {}
        for part in chunks([data["id"] for _, data, _ in keep]):
            held.update((row.id, row) for row in self.session.scalars(select(model).where(model.id.in_(part))))
        try:
            with self.session.begin_nested():
                for _, data, values in keep:
                    row = held[data["id"]]
                    for key, value in values.items():
                        setattr(row, key, value)
                self.session.flush()
        except (IntegrityError, StatementError):
            for row in held.values():
                self.session.expire(row)
            slow.extend(keep)
            return
        self.report.updated += len(keep)
