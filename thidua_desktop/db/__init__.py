"""Persistence: engine, ORM models, migrations and repositories. The only package that imports SQLAlchemy."""

from sqlalchemy.orm import Session

from .engine import Database, DatabaseBusy, busy_wait, make_engine

__all__ = ["Database", "DatabaseBusy", "Session", "busy_wait", "make_engine"]
