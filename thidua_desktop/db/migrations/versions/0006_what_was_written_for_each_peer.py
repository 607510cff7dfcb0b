"""Remember the highest version written into a bundle for each peer, so "not yet sent" (changed
since the last bundle) and "awaiting confirmation" (sent, not yet acknowledged) can be told apart.

Revision ID: 0006
Revises: 0005
Create Date: 2026-12-06

"""
from typing import Sequence, Union

from alembic import op
import sqlalchemy as sa


revision: str = '0006'
down_revision: Union[str, Sequence[str], None] = '0005'
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None


def upgrade() -> None:
    with op.batch_alter_table('sync_peers', schema=None) as batch_op:
        batch_op.add_column(sa.Column('sent_upto', sa.JSON(), nullable=False, server_default='{}'))


def downgrade() -> None:
    with op.batch_alter_table('sync_peers', schema=None) as batch_op:
        batch_op.drop_column('sent_upto')
