"""Alembic environment. The app calls it through ``thidua_desktop.db.migrate`` with an open
connection; there is no alembic.ini."""

from __future__ import annotations

from alembic import context

from thidua_desktop.db.models import Base
from thidua_desktop.db.search_index import include_name

config = context.config
target_metadata = Base.metadata


def run_migrations_online() -> None:
    connection = config.attributes["connection"]
    context.configure(
        connection=connection,
        target_metadata=target_metadata,
        render_as_batch=True,  # SQLite cannot ALTER most things; batch mode rebuilds tables
        compare_type=True,
        include_name=include_name,  # the word-search index is made by hand (db/search_index.py)
    )
    with context.begin_transaction():
        context.run_migrations()


run_migrations_online()
