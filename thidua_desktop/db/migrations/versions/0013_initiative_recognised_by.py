"""Who recognised an initiative (cơ quan công nhận sáng kiến: the grassroots initiative council, the
province …), as the lists of initiatives a commune imports name it. Text, "" when not known, so
existing rows and rows from an older app stay valid.

Revision ID: 0013
Revises: 0012
Create Date: 2026-12-08

"""
from typing import Sequence, Union

from alembic import op
import sqlalchemy as sa


revision: str = '0013'
down_revision: Union[str, Sequence[str], None] = '0012'
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None


def upgrade() -> None:
    with op.batch_alter_table('initiatives', schema=None) as batch_op:
        batch_op.add_column(sa.Column('recognised_by', sa.String(length=300), nullable=False, server_default=''))


def downgrade() -> None:
    with op.batch_alter_table('initiatives', schema=None) as batch_op:
        batch_op.drop_column('recognised_by')
