"""Is an incoming record fit to merge? Checked against its table's columns before anything is
written: an object with an id, each value of its column's type, within the column's length, an
integer and a text that SQLite and PostgreSQL both hold, a date that parses. A record that fails
goes to the quarantine with the reason (never aborting the bundle, never reaching the database as
a half-typed row).

A signed bundle is not a trusted one: the commune's key may be on a stolen laptop, and a bug in
another app version can write nonsense. Unknown keys (a newer app's fields) are not checked here;
``from_json`` ignores them."""

from __future__ import annotations

import inspect
import re
from datetime import date, datetime
from typing import Any

from sqlalchemy import JSON, BigInteger, Boolean, Date, DateTime, Float, Integer, Numeric, String
from sqlalchemy.sql.schema import Column

from ..models import Synced

INT64_MIN, INT64_MAX = -(2 ** 63), 2 ** 63 - 1
# An Integer column is 32-bit on PostgreSQL (the province's server); SQLite would take 64 bits, but
# a record must be as welcome at a province on either, with the same reason when it is not.
INT32_MIN, INT32_MAX = -(2 ** 31), 2 ** 31 - 1
MAX_TEXT = 1_000_000  # a Text column has no declared length; nothing an officer writes comes near
MAX_ROW_ID = 64
# Columns every synced record carries: without them the merge cannot tell who wrote what, when.
REQUIRED = ("id", "origin_node", "origin_epoch", "version")

Problem = tuple[str, str]  # (reason code, detail such as "birth_date: not a date")
# Columns whose text becomes a path or a key elsewhere: an attachment's hash names its stored file.
PATTERNS = {("attachments", "sha256"): re.compile(r"[0-9a-f]{64}")}


def _kind(value: Any) -> str:
    if value is None:
        return "null"
    return {bool: "true/false", int: "a number", float: "a number", str: "a text", list: "a list",
            dict: "an object"}.get(type(value), type(value).__name__)


def _container(model: type, key: str) -> type | None:
    """dict or list for a JSON column declared ``Mapped[dict]`` / ``Mapped[list]`` (the code that
    reads it back expects that shape), else None."""
    for klass in model.__mro__:
        annotation = inspect.get_annotations(klass).get(key)  # strings: this package uses postponed annotations
        if annotation is not None:
            text = str(annotation)
            return dict if "Mapped[dict" in text else list if "Mapped[list" in text else None
    return None


def check_value(model: type, column: Column[Any], value: Any) -> str | None:
    """What is wrong with ``value`` for ``column`` (a few words), or None."""
    kind = column.type
    if value is None:
        return None if column.nullable else "empty, but required"
    if isinstance(kind, JSON):
        shape = _container(model, column.key)
        return f"{_kind(value)} instead of {_kind(shape())}" if shape and not isinstance(value, shape) else None
    if isinstance(kind, Boolean):
        return None if isinstance(value, bool) or (type(value) is int and value in (0, 1)) else (
            f"{_kind(value)} instead of true/false")
    if isinstance(kind, Integer):
        if type(value) is not int:
            return f"{_kind(value)} instead of a whole number"
        low, high = (INT64_MIN, INT64_MAX) if isinstance(kind, BigInteger) else (INT32_MIN, INT32_MAX)
        return None if low <= value <= high else "number out of range"
    if isinstance(kind, Float | Numeric):
        if type(value) not in (int, float):
            return f"{_kind(value)} instead of a number"
        # Compared, not converted: float() of a 400-digit integer raises OverflowError. NaN fails too.
        return None if -1e300 < value < 1e300 else "number out of range"
    if isinstance(kind, DateTime):
        return _parses(value, datetime.fromisoformat, "a date and time")
    if isinstance(kind, Date):
        return _parses(value, date.fromisoformat, "a date")
    if isinstance(kind, String):
        if not isinstance(value, str):
            return f"{_kind(value)} instead of a text"
        limit = kind.length or MAX_TEXT
        if len(value) > limit:
            return f"longer than {limit} characters"
        # PostgreSQL's text never holds NUL; nothing our forms accept does either (clean_text).
        return "holds a NUL character" if "\x00" in value else None
    return None


def _parses(value: Any, parse: Any, what: str) -> str | None:
    if not isinstance(value, str) or len(value) > 40:
        return f"{_kind(value)} instead of {what}"
    try:
        parse(value)
    except ValueError:
        return f"not {what}"
    return None


def check_record(model: type[Synced] | None, data: Any) -> Problem | None:
    """("BAD_RECORD", detail) when ``data`` is not a record at all, ("BAD_VALUE", "column: what")
    for the first bad value, None when it may be merged. With ``model`` None only the shape is
    checked (the table is unknown to this app version)."""
    if not isinstance(data, dict):
        return "BAD_RECORD", f"{_kind(data)} instead of an object"
    row_id = data.get("id")
    if not isinstance(row_id, str) or not row_id or len(row_id) > MAX_ROW_ID:
        return "BAD_RECORD", "id: missing or not a short text"
    if model is None:
        return None
    missing = [key for key in REQUIRED if key not in data]
    if missing:
        return "BAD_RECORD", f"{missing[0]}: missing"
    table = model.__tablename__
    for column in model.__table__.columns:
        if column.key in data:
            value = data[column.key]
            # A mapped class's __table__ is a Table (typed as a FromClause): its columns are Columns.
            problem = check_value(model, column, value)  # type: ignore[arg-type]  # a Column, see above
            pattern = PATTERNS.get((table, column.key))
            if problem is None and pattern is not None and value is not None and not pattern.fullmatch(value):
                problem = "not of the expected form"
            if problem is not None:
                return "BAD_VALUE", f"{column.key}: {problem}"
        elif (table, column.key) in PATTERNS:
            return "BAD_RECORD", f"{column.key}: missing"
    return None
