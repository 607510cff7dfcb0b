"""Fewer, office-first indexes on the synced tables (issue 14's province import).

Each synced table had an index on ``origin_node`` and one on ``version``. At the province, which
holds every commune's rows, the version index mixes all communes' change counters, so each
bundle's rows landed on nearly every one of its pages, and the import slowed as the province
filled. One index (origin_node, origin_epoch, version) replaces both: it serves "this office's
rows" and "those past what a peer acknowledged, in version order" alike, and a bundle's rows go
to one place in it. On ``people`` the name order is one narrow index (sort_key, id) instead of
the plain index on sort_key and the covering one (sort_key, id, deleted, search_key) that 0020
made on SQLite: each page of a name index that an import touches is written at its commit, and
the covering one was twice as wide for no measurable gain in the search.

Revision ID: 0022
Revises: 0021
Create Date: 2026-12-07

"""
from typing import Sequence, Union

from alembic import op
import sqlalchemy as sa


revision: str = '0022'
down_revision: Union[str, Sequence[str], None] = '0021'
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None

SYNC_COLUMNS = {"origin_node", "origin_epoch", "version"}
NAME_ORDER = "CREATE INDEX IF NOT EXISTS ix_people_name_order ON people (sort_key, id)"
COVERING = "CREATE INDEX IF NOT EXISTS ix_people_name_search ON people (sort_key, id, deleted, search_key)"


def _synced_tables() -> list[str]:
    inspector = sa.inspect(op.get_bind())
    return sorted(t for t in inspector.get_table_names()
                  if SYNC_COLUMNS <= {c["name"] for c in inspector.get_columns(t)})


def upgrade() -> None:
    conn = op.get_bind()
    for table in _synced_tables():
        conn.exec_driver_sql(f"DROP INDEX IF EXISTS ix_{table}_origin_node")
        conn.exec_driver_sql(f"DROP INDEX IF EXISTS ix_{table}_version")
        conn.exec_driver_sql(f"CREATE INDEX IF NOT EXISTS ix_{table}_origin_version "
                             f"ON {table} (origin_node, origin_epoch, version)")
    conn.exec_driver_sql(NAME_ORDER)
    conn.exec_driver_sql("DROP INDEX IF EXISTS ix_people_sort_key")
    conn.exec_driver_sql("DROP INDEX IF EXISTS ix_people_name_search")


def downgrade() -> None:
    conn = op.get_bind()
    conn.exec_driver_sql("CREATE INDEX IF NOT EXISTS ix_people_sort_key ON people (sort_key)")
    conn.exec_driver_sql("DROP INDEX IF EXISTS ix_people_name_order")
    if conn.dialect.name == "sqlite":  # 0020's, with its word-search index
        conn.exec_driver_sql(COVERING)
    for table in _synced_tables():
        conn.exec_driver_sql(f"DROP INDEX IF EXISTS ix_{table}_origin_version")
        conn.exec_driver_sql(f"CREATE INDEX IF NOT EXISTS ix_{table}_origin_node ON {table} (origin_node)")
        conn.exec_driver_sql(f"CREATE INDEX IF NOT EXISTS ix_{table}_version ON {table} (version)")
