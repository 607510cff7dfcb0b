"""The word-search index over people's and collectives' folded search keys (issue 15): an FTS5
trigram table kept in step by triggers on SQLite, a pg_trgm GIN index on PostgreSQL (skipped,
with the search still working, where the extension cannot be created). The existing rows are
indexed here. See db/search_index.py.

Revision ID: 0020
Revises: 0018
Create Date: 2026-12-07

"""
from typing import Sequence, Union

from alembic import op

from thidua_desktop.db import search_index


revision: str = '0020'
down_revision: Union[str, Sequence[str], None] = '0018'
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None


def upgrade() -> None:
    search_index.ensure(op.get_bind())


def downgrade() -> None:
    search_index.drop(op.get_bind())
