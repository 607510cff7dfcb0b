"""A ballot keeps the reason the council gave for voting on a nominee whose eligibility check was
not met or not complete (printed in the minutes).

Revision ID: 0008
Revises: 0007
Create Date: 2026-12-06

"""
from typing import Sequence, Union

from alembic import op
import sqlalchemy as sa


revision: str = '0008'
down_revision: Union[str, Sequence[str], None] = '0007'
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None


def upgrade() -> None:
    with op.batch_alter_table('council_ballots', schema=None) as batch_op:
        batch_op.add_column(sa.Column('override_reason', sa.Text(), nullable=False, server_default=''))


def downgrade() -> None:
    with op.batch_alter_table('council_ballots', schema=None) as batch_op:
        batch_op.drop_column('override_reason')
