"""The import binds dates and flags itself on SQLite (sync_apply._bind_processor): what it writes
must be exactly what SQLAlchemy writes for the same value, or a row imported and a row typed in
would compare and sort differently."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta, timezone
from typing import Any

from hypothesis import given
from hypothesis import strategies as st
from sqlalchemy import Boolean, Column, Date, DateTime
from sqlalchemy.dialects import sqlite

from thidua_desktop.db.repositories.sync_apply import _bind_processor

DIALECT = sqlite.dialect()


def _both(column: Column[Any], value: Any) -> tuple[Any, Any]:
    ours = _bind_processor(column, DIALECT)
    theirs = column.type.dialect_impl(DIALECT).bind_processor(DIALECT)
    assert ours is not None and theirs is not None
    return ours(value), theirs(value)


@given(st.datetimes(min_value=datetime(1, 1, 1), max_value=datetime(9999, 12, 31)))
def test_a_naive_datetime_is_written_as_sqlalchemy_writes_it(value: datetime) -> None:
    ours, theirs = _both(Column("at", DateTime()), value)
    assert ours == theirs


@given(st.datetimes(min_value=datetime(1900, 1, 1), max_value=datetime(2100, 1, 1),
                    timezones=st.sampled_from([UTC, timezone(timedelta(hours=7))])))
def test_an_aware_datetime_goes_through_sqlalchemy(value: datetime) -> None:
    ours, theirs = _both(Column("at", DateTime()), value)
    assert ours == theirs and "+" not in ours  # no offset appended, as SQLAlchemy stores it


@given(st.dates(min_value=date(1, 1, 1), max_value=date(9999, 12, 31)))
def test_a_date_is_written_as_sqlalchemy_writes_it(value: date) -> None:
    ours, theirs = _both(Column("on", Date()), value)
    assert ours == theirs


def test_a_date_in_a_datetime_column_and_flags_and_dates() -> None:
    assert _both(Column("at", DateTime()), date(2026, 12, 7)) == ("2026-12-07 00:00:00.000000",) * 2
    assert _bind_processor(Column("flag", Boolean()), DIALECT) is None  # sqlite3 binds True/False as 1/0
    assert _both(Column("on", Date()), date(2026, 1, 2)) == ("2026-01-02",) * 2
