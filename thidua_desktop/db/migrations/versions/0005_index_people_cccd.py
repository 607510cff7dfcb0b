"""Index people.cccd: every new person is checked for a repeated CCCD, and without the index that
check reads the whole register (an Excel import of thousands of rows slowed to minutes).

Revision ID: 0005
Revises: 0004
Create Date: 2026-11-25

"""
from typing import Sequence, Union

from alembic import op


revision: str = '0005'
down_revision: Union[str, Sequence[str], None] = '0004'
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None


def upgrade() -> None:
    with op.batch_alter_table('people', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_people_cccd'), ['cccd'], unique=False)


def downgrade() -> None:
    with op.batch_alter_table('people', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_people_cccd'))
