"""Persistence: engine, ORM models, migrations and repositories. The only package that imports SQLAlchemy."""

from sqlalchemy.orm import Session

from .engine import Database, make_engine

__all__ = ["Database", "Session", "make_engine"]
