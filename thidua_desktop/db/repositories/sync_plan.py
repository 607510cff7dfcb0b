"""What an incoming table's rows are checked against before they are written, worked out once per
table: how each JSON value becomes a column value, which rows each foreign key points into, and
which unique indexes a row must not collide with.

With these the merge knows before it writes whether a row would be refused, so it writes a whole
chunk at once and quarantines only the rows that would fail, each with the real cause: a
reference that has not arrived (``REFERENCE_MISSING``) or a value that must be unique and is
already held (``DUPLICATE_VALUE``), never the one for the other."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from sqlalchemy import Column, ColumnElement, Date, DateTime, Table, select, tuple_
from sqlalchemy.orm import Session

from ..models import Synced

# How many values one IN (...) carries: far under SQLite's limit on bound parameters (32766), and
# small enough that the database plans it as index look-ups.
IN_CHUNK = 900

# A partial unique index holds only for the rows its WHERE clause selects. The clause is SQL; the
# same test in Python, to check incoming rows before they are written. An index not listed here is
# not checked in advance (a collision then falls back to the row-by-row path, which names it).
PARTIAL_UNIQUE: dict[str, Callable[[dict[str, Any]], bool]] = {
    "uq_people_cccd_live": lambda values: values.get("cccd") is not None and not values.get("deleted", False),
}


@dataclass(frozen=True)
class Reference:
    column: str  # the key of the pointing column
    target: Column[Any]  # the column it points at (a primary key)
    same_table: bool  # a parent row of the same table (a collective's parent)


@dataclass(frozen=True)
class Unique:
    name: str
    columns: tuple[str, ...]
    applies: Callable[[dict[str, Any]], bool]
    where: dict[str, Any]  # dialect name -> the index's WHERE clause (partial indexes)


class TablePlan:
    """One synced table, as the merge needs it."""

    def __init__(self, model: type[Synced]) -> None:
        self.model = model
        self.name = model.__tablename__
        table = model.__table__
        assert isinstance(table, Table)
        self.table: Table = table
        self.keys = [column.key for column in table.columns]
        self.key_set = frozenset(self.keys)
        self.converters: list[tuple[str, Callable[[str], Any]]] = []
        for column in table.columns:
            if isinstance(column.type, DateTime):
                self.converters.append((column.key, datetime.fromisoformat))
            elif isinstance(column.type, Date):
                self.converters.append((column.key, date.fromisoformat))
        self.fill: Callable[[dict[str, Any]], None] | None = getattr(model, "fill_missing", None)
        self.references = [Reference(fk.parent.key, fk.column, fk.column.table is table) for fk in table.foreign_keys]
        self.uniques: list[Unique] = []
        for index in table.indexes:
            if not index.unique:
                continue
            where = {dialect: index.dialect_options[dialect].get("where") for dialect in ("sqlite", "postgresql")}
            partial = any(clause is not None for clause in where.values())
            applies = PARTIAL_UNIQUE.get(str(index.name)) if partial else (lambda _values: True)
            if applies is not None:
                self.uniques.append(Unique(str(index.name), tuple(c.key for c in index.columns), applies, where))

    def values(self, data: dict[str, Any]) -> dict[str, Any]:
        """Column values from a checked JSON record (``from_json``, with the work per column done
        once per table). Raises ValueError or TypeError for a value that does not convert."""
        # A record of this app version holds only known columns: copied whole (no loop in Python).
        values = dict(data) if data.keys() <= self.key_set else {key: data[key] for key in self.keys if key in data}
        for key, convert in self.converters:
            value = values.get(key)
            if value is not None:
                values[key] = convert(value)
        if self.fill is not None:
            self.fill(values)
        return values


_PLANS: dict[type[Synced], TablePlan] = {}


def plan_for(model: type[Synced]) -> TablePlan:
    plan = _PLANS.get(model)
    if plan is None:
        plan = _PLANS[model] = TablePlan(model)
    return plan


def chunks(items: Sequence[Any], size: int = IN_CHUNK) -> Iterable[Sequence[Any]]:
    for start in range(0, len(items), size):
        yield items[start:start + size]


def _held(session: Session, target: Column[Any], wanted: set[Any]) -> set[Any]:
    held: set[Any] = set()
    values = sorted(wanted, key=str)
    for part in chunks(values):
        held.update(session.connection().execute(select(target).where(target.in_(part))).scalars())
    return held


def missing_references(session: Session, plan: TablePlan, rows: Sequence[dict[str, Any]],
                       written_ids: Iterable[str] = ()) -> dict[int, str]:
    """{position in ``rows``: "column: what"} for the rows whose foreign keys point at nothing the
    database holds. A reference to the same table may also point at an earlier row of ``rows``
    (``rows`` are written in order) or at ``written_ids``. One query per foreign key per chunk,
    on the session's connection (past the ORM): the session's pending writes must be flushed."""
    problems: dict[int, str] = {}
    for ref in plan.references:
        wanted = {values[ref.column] for values in rows if values.get(ref.column) is not None}
        if not wanted:
            continue
        held = _held(session, ref.target, wanted)
        earlier: set[Any] = set(written_ids) if ref.same_table else set()
        for position, values in enumerate(rows):
            if ref.same_table:
                # Written in order: a row may point at one before it in the same chunk, not after.
                pointed = values.get(ref.column)
                if pointed is not None and pointed not in held and pointed not in earlier \
                        and position not in problems:
                    problems[position] = f"{ref.column}: not held"
                if position not in problems:
                    earlier.add(values.get("id"))
                continue
            pointed = values.get(ref.column)
            if pointed is not None and pointed not in held and position not in problems:
                problems[position] = f"{ref.column}: not held"
    return problems


def _dialect(session: Session) -> str:
    return session.get_bind().dialect.name


def unique_clashes(session: Session, plan: TablePlan, rows: Sequence[dict[str, Any]],
                   ) -> dict[int, tuple[str, set[str]]]:
    """{position in ``rows``: ("column: what", ids of the rows it clashes with)} for rows whose
    values of a unique index are already held by another row, stored or earlier in ``rows``. The
    caller decides: a clash with a row this import also changes may resolve itself, one with a row
    it leaves alone cannot. The values themselves (a CCCD) never go into the text."""
    clashes: dict[int, tuple[str, set[str]]] = {}
    dialect = _dialect(session)
    for unique in plan.uniques:
        keyed: dict[int, tuple[Any, ...]] = {}
        for position, values in enumerate(rows):
            if unique.applies(values) and all(values.get(key) is not None for key in unique.columns):
                keyed[position] = tuple(values[key] for key in unique.columns)
        if not keyed:
            continue
        holders: dict[tuple[Any, ...], set[str]] = {}
        columns = [plan.table.c[key] for key in unique.columns]
        where: ColumnElement[bool] | None = unique.where.get(dialect)
        wanted = sorted(set(keyed.values()), key=str)
        for part in chunks(wanted, IN_CHUNK // max(1, len(columns))):
            match = tuple_(*columns).in_(part) if len(columns) > 1 else columns[0].in_([v[0] for v in part])
            stmt = select(plan.table.c.id, *columns).where(match)
            if where is not None:
                stmt = stmt.where(where)
            for row in session.connection().execute(stmt):
                holders.setdefault(tuple(row[1:]), set()).add(row[0])
        label = unique.columns[-1]
        for position, key in keyed.items():
            own = str(rows[position].get("id"))
            others = holders.get(key, set()) - {own}
            if others:
                clashes.setdefault(position, (f"{label}: already held by another record", others))
            else:
                holders.setdefault(key, set()).add(own)  # a later row of the chunk clashes with this one
    return clashes


def diagnose(session: Session, plan: TablePlan, values: dict[str, Any]) -> tuple[str, str]:
    """Why the database refused one row: (reason code, "column: what")."""
    unique = unique_clashes(session, plan, [values])
    if unique:
        return "DUPLICATE_VALUE", unique[0][0]
    missing = missing_references(session, plan, [values])
    if missing:
        return "REFERENCE_MISSING", missing[0]
    return "DATABASE_REFUSED", ""
