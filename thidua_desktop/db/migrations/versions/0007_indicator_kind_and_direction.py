"""Movement indicators get a kind (count: summed over activities; level or percentage: the latest
reported value) and a direction (up: higher is better; down: lower is better). Existing rows become
counts; one whose target is below its baseline (poverty rate 18.5 → 10) is read as one to reduce.

Revision ID: 0007
Revises: 0006
Create Date: 2026-12-08

"""
from typing import Sequence, Union

from alembic import op
import sqlalchemy as sa


revision: str = '0007'
down_revision: Union[str, Sequence[str], None] = '0006'
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None


def upgrade() -> None:
    with op.batch_alter_table('movement_indicators', schema=None) as batch_op:
        batch_op.add_column(sa.Column('kind', sa.String(length=16), nullable=False, server_default='count'))
        batch_op.add_column(sa.Column('direction', sa.String(length=8), nullable=False, server_default='up'))
    op.execute("UPDATE movement_indicators SET direction = 'down' "
               "WHERE baseline IS NOT NULL AND target IS NOT NULL AND target < baseline")


def downgrade() -> None:
    with op.batch_alter_table('movement_indicators', schema=None) as batch_op:
        batch_op.drop_column('direction')
        batch_op.drop_column('kind')
