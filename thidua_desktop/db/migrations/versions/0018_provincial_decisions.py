"""The reward fund's income (quỹ thi đua, khen thưởng), one ledger per office: the province's and
each commune's own. Payments are the office's decisions themselves (one per decision, its total),
so nothing is back-filled: a fund opened today already shows every decision issued before.

Provincial decisions need no new column: a decision of the provincial chairman is a ``decisions``
row with level "province", its recipients point at the communes' nominations, and their award
history rows carry issuing_body and award_form (0014).

Revision ID: 0018
Revises: 0017
Create Date: 2026-12-11

"""
from typing import Sequence, Union

from alembic import op
import sqlalchemy as sa


revision: str = '0018'
down_revision: Union[str, Sequence[str], None] = '0017'
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None


def upgrade() -> None:
    op.create_table('fund_income',
    sa.Column('received_on', sa.Date(), nullable=False),
    sa.Column('amount', sa.BigInteger(), nullable=False),
    sa.Column('source', sa.String(length=300), nullable=False),
    sa.Column('note', sa.Text(), nullable=False),
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.Column('origin_node', sa.String(length=36), nullable=False),
    sa.Column('origin_epoch', sa.Integer(), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.Column('clock', sa.Integer(), nullable=False),
    sa.Column('updated_at', sa.DateTime(), nullable=False),
    sa.Column('deleted', sa.Boolean(), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_fund_income'))
    )
    with op.batch_alter_table('fund_income', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_fund_income_origin_node'), ['origin_node'], unique=False)
        batch_op.create_index(batch_op.f('ix_fund_income_received_on'), ['received_on'], unique=False)
        batch_op.create_index(batch_op.f('ix_fund_income_version'), ['version'], unique=False)


def downgrade() -> None:
    with op.batch_alter_table('fund_income', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_fund_income_version'))
        batch_op.drop_index(batch_op.f('ix_fund_income_received_on'))
        batch_op.drop_index(batch_op.f('ix_fund_income_origin_node'))
    op.drop_table('fund_income')
