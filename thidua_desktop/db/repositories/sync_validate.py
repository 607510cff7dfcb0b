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
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime
from operator import itemgetter
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
    return column_check(model, column)(value)


ValueCheck = Callable[[Any], "str | None"]


def column_check(model: type, column: Column[Any]) -> ValueCheck:
    """The check of one column's values, its type looked at once: an import checks a hundred
    thousand records of thirty columns, and asking each value what its column's type is cost more
    than the check itself."""
    nullable = column.nullable
    typed = _typed_check(model, column)

    def check(value: Any) -> str | None:
        if value is None:
            return None if nullable else "empty, but required"
        return typed(value)
    return check


def _typed_check(model: type, column: Column[Any]) -> ValueCheck:
    kind = column.type
    if isinstance(kind, JSON):
        shape = _container(model, column.key)
        if shape is None:
            return lambda _value: None
        wanted = _kind(shape())
        return lambda value: None if isinstance(value, shape) else f"{_kind(value)} instead of {wanted}"
    if isinstance(kind, Boolean):
        return lambda value: None if isinstance(value, bool) or (type(value) is int and value in (0, 1)) else (
            f"{_kind(value)} instead of true/false")
    if isinstance(kind, Integer):
        low, high = (INT64_MIN, INT64_MAX) if isinstance(kind, BigInteger) else (INT32_MIN, INT32_MAX)

        def whole(value: Any) -> str | None:
            if type(value) is not int:
                return f"{_kind(value)} instead of a whole number"
            return None if low <= value <= high else "number out of range"
        return whole
    if isinstance(kind, Float | Numeric):
        def number(value: Any) -> str | None:
            if type(value) not in (int, float):
                return f"{_kind(value)} instead of a number"
            # Compared, not converted: float() of a 400-digit integer raises OverflowError. NaN fails too.
            return None if -1e300 < value < 1e300 else "number out of range"
        return number
    if isinstance(kind, DateTime):
        return lambda value: _parses(value, datetime.fromisoformat, "a date and time")
    if isinstance(kind, Date):
        return lambda value: _parses(value, date.fromisoformat, "a date")
    if isinstance(kind, String):
        limit = kind.length or MAX_TEXT

        def text(value: Any) -> str | None:
            if not isinstance(value, str):
                return f"{_kind(value)} instead of a text"
            if len(value) > limit:
                return f"longer than {limit} characters"
            # PostgreSQL's text never holds NUL; nothing our forms accept does either (clean_text).
            return "holds a NUL character" if "\x00" in value else None
        return text
    return lambda _value: None


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
    if _passes(model, data):
        return None
    return _first_problem(model, data)


def _passes(model: type[Synced], data: dict[str, Any]) -> bool:
    """True when every value is one of its column's common good ones (a text within its length, a
    32-bit whole number, true/false, an allowed empty value) and the other columns' values pass
    their checks: nearly every record, at a third of the cost of the ordered walk (which, for the
    rest, finds the first problem in column order). A record that lacks a column (an older app's)
    always takes the ordered walk."""
    fast = _fast_checks(model)
    try:
        texts, wholes, flags = fast.texts(data), fast.wholes(data), fast.flags(data)
    except KeyError:
        return False
    for value, (limit, nullable) in zip(texts, fast.text_specs, strict=True):
        if type(value) is str:
            if len(value) > limit or "\x00" in value:
                return False
        elif value is not None or not nullable:
            return False
    for value, nullable in zip(wholes, fast.whole_nullable, strict=True):
        if type(value) is int:
            if not INT32_MIN <= value <= INT32_MAX:
                return False
        elif value is not None or not nullable:
            return False
    for value, nullable in zip(flags, fast.flag_nullable, strict=True):
        if type(value) is not bool and (value is not None or not nullable):
            return False
    for key, check in fast.others:
        if key not in data or check(data[key]) is not None:
            return False
    return True


def _first_problem(model: type[Synced], data: dict[str, Any]) -> Problem | None:
    # Only a record ``_passes`` refused comes here: each column's full check, in column order.
    for key, _common_values, _nullable, check, pattern in _checks(model):
        if key not in data:
            if pattern is not None:
                return "BAD_RECORD", f"{key}: missing"
            continue
        problem = check(data[key])
        if problem is not None:
            return "BAD_VALUE", f"{key}: {problem}"
    return None


def _getter(keys: list[str]) -> Callable[[dict[str, Any]], tuple[Any, ...]]:
    """The values of ``keys`` as one tuple (KeyError if one is missing), in one C call."""
    if len(keys) == 1:
        key = keys[0]
        return lambda data: (data[key],)
    return itemgetter(*keys) if keys else (lambda _data: ())


@dataclass(frozen=True)
class FastChecks:
    """``_checks`` grouped by kind for ``_passes``."""

    texts: Callable[[dict[str, Any]], tuple[Any, ...]]
    text_specs: list[tuple[int, bool]]  # (length limit, nullable)
    wholes: Callable[[dict[str, Any]], tuple[Any, ...]]
    whole_nullable: list[bool]
    flags: Callable[[dict[str, Any]], tuple[Any, ...]]
    flag_nullable: list[bool]
    others: list[tuple[str, ValueCheck]]  # every other column (dates, JSON, patterns …) and its check


_FAST: dict[type, FastChecks] = {}


def _with_pattern(check: ValueCheck, pattern: re.Pattern[str]) -> ValueCheck:
    def checked(value: Any) -> str | None:
        problem = check(value)
        if problem is None and value is not None and not pattern.fullmatch(value):
            return "not of the expected form"
        return problem
    return checked


def _fast_checks(model: type[Synced]) -> FastChecks:
    fast = _FAST.get(model)
    if fast is None:
        groups: dict[Any, list[tuple[str, int, bool]]] = {str: [], int: [], bool: []}
        others: list[tuple[str, ValueCheck]] = []
        for key, common, nullable, check, pattern in _checks(model):
            if pattern is not None:
                others.append((key, check))  # the pattern is part of its check (``_checks``)
            elif common is not None:
                groups[common[0]].append((key, common[1], nullable))
            else:
                others.append((key, check))
        texts, wholes, flags = groups[str], groups[int], groups[bool]
        fast = _FAST[model] = FastChecks(
            _getter([k for k, _, _ in texts]), [(limit, n) for _, limit, n in texts],
            _getter([k for k, _, _ in wholes]), [n for _, _, n in wholes],
            _getter([k for k, _, _ in flags]), [n for _, _, n in flags], others)
    return fast


Common = tuple[type, int] | None  # (str, length limit), (int, 0) or (bool, 0): a value the check passes at once
_CHECKS: dict[type, list[tuple[str, Common, bool, ValueCheck, re.Pattern[str] | None]]] = {}


def _common(column: Column[Any]) -> Common:
    kind = column.type
    if isinstance(kind, Boolean):
        return bool, 0
    if isinstance(kind, Integer):
        return int, 0  # within 32 bits passes at once; a BigInteger's larger values take the full check
    if isinstance(kind, String) and not isinstance(kind, DateTime | Date):
        return str, kind.length or MAX_TEXT
    return None


def _checks(model: type[Synced]) -> list[tuple[str, Common, bool, ValueCheck, re.Pattern[str] | None]]:
    """(column key, its common good values, nullable, its check, its pattern if any) for each
    column of ``model``, built once. A column with a pattern has it in its check too."""
    checks = _CHECKS.get(model)
    if checks is None:
        table = model.__tablename__
        # A mapped class's __table__ is a Table (typed as a FromClause): its columns are Columns.
        checks = []
        for column in model.__table__.columns:
            pattern = PATTERNS.get((table, column.key))
            check = column_check(model, column)  # type: ignore[arg-type]
            checks.append((column.key, _common(column), bool(column.nullable),  # type: ignore[arg-type]
                           check if pattern is None else _with_pattern(check, pattern), pattern))
        _CHECKS[model] = checks
    return checks
