"""The provincial officer's answers to duplicate findings across communes (the same person
nominated by two communes, nominated twice for one achievement, or with award histories that
disagree). Local to the office, never synced; starts empty.

Revision ID: 0017
Revises: 0016
Create Date: 2026-12-10

"""
from typing import Sequence, Union

from alembic import op
import sqlalchemy as sa


revision: str = '0017'
down_revision: Union[str, Sequence[str], None] = '0016'
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None


def upgrade() -> None:
    op.create_table('duplicate_resolutions',
    sa.Column('id', sa.Integer(), autoincrement=True, nullable=False),
    sa.Column('finding_key', sa.String(length=120), nullable=False),
    sa.Column('pair_key', sa.String(length=120), nullable=False),
    sa.Column('kind', sa.String(length=24), nullable=False),
    sa.Column('fingerprint', sa.String(length=64), nullable=False),
    sa.Column('person_fingerprint', sa.String(length=64), nullable=False),
    sa.Column('choice', sa.String(length=24), nullable=False),
    sa.Column('reason', sa.Text(), nullable=False),
    sa.Column('records', sa.JSON(), nullable=False),
    sa.Column('sides', sa.JSON(), nullable=False),
    sa.Column('nomination_id', sa.String(length=36), nullable=True),
    sa.Column('review_id', sa.String(length=36), nullable=True),
    sa.Column('person_id', sa.String(length=36), nullable=True),
    sa.Column('linked_row_id', sa.String(length=64), nullable=True),
    sa.Column('resolved_by', sa.String(length=200), nullable=False),
    sa.Column('resolved_at', sa.DateTime(), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_duplicate_resolutions'))
    )
    with op.batch_alter_table('duplicate_resolutions', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_duplicate_resolutions_finding_key'), ['finding_key'], unique=False)
        batch_op.create_index(batch_op.f('ix_duplicate_resolutions_pair_key'), ['pair_key'], unique=False)


def downgrade() -> None:
    with op.batch_alter_table('duplicate_resolutions', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_duplicate_resolutions_pair_key'))
        batch_op.drop_index(batch_op.f('ix_duplicate_resolutions_finding_key'))
    op.drop_table('duplicate_resolutions')
