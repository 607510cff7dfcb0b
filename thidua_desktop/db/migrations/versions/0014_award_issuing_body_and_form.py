"""An award's issuing body in finer steps than its level (the President, the Government, a ministry,
a province, a former district, a commune), its form (order, medal, state honorary title, Bằng khen,
Giấy khen …) and whether both were inferred from its name by an import that named no issuer. Text ""
and false when not known, so existing rows and rows from an older app stay valid.

Revision ID: 0014
Revises: 0013
Create Date: 2026-12-08

"""
from typing import Sequence, Union

from alembic import op
import sqlalchemy as sa


revision: str = '0014'
down_revision: Union[str, Sequence[str], None] = '0013'
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None


def upgrade() -> None:
    with op.batch_alter_table('award_history', schema=None) as batch_op:
        batch_op.add_column(sa.Column('issuing_body', sa.String(length=16), nullable=False, server_default=''))
        batch_op.add_column(sa.Column('award_form', sa.String(length=32), nullable=False, server_default=''))
        batch_op.add_column(sa.Column('inferred_from_name', sa.Boolean(), nullable=False,
                                      server_default=sa.false()))


def downgrade() -> None:
    with op.batch_alter_table('award_history', schema=None) as batch_op:
        batch_op.drop_column('inferred_from_name')
        batch_op.drop_column('award_form')
        batch_op.drop_column('issuing_body')
