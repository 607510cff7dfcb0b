"""The office keeps its officials with their terms (chairman, vice-chairmen, council chair,
vice-chairs, secretary): every document is signed by the holder in office on its date.

The names an office typed in Cài đặt → Văn bản in before this revision are copied into the table
by the app when it opens (services/officials.py, ``adopt_document_settings``), because synced rows
are stamped by the session, not by a migration.

Revision ID: 0010
Revises: 0009
Create Date: 2026-12-06

"""
from typing import Sequence, Union

from alembic import op
import sqlalchemy as sa


revision: str = '0010'
down_revision: Union[str, Sequence[str], None] = '0009'
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None


def upgrade() -> None:
    op.create_table('office_officials',
    sa.Column('role', sa.String(length=32), nullable=False),
    sa.Column('full_name', sa.String(length=200), nullable=False),
    sa.Column('title', sa.String(length=200), nullable=False),
    sa.Column('term_start', sa.Date(), nullable=False),
    sa.Column('term_end', sa.Date(), nullable=True),
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.Column('origin_node', sa.String(length=36), nullable=False),
    sa.Column('origin_epoch', sa.Integer(), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.Column('clock', sa.Integer(), nullable=False),
    sa.Column('updated_at', sa.DateTime(), nullable=False),
    sa.Column('deleted', sa.Boolean(), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_office_officials'))
    )
    with op.batch_alter_table('office_officials', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_office_officials_origin_node'), ['origin_node'], unique=False)
        batch_op.create_index(batch_op.f('ix_office_officials_role'), ['role'], unique=False)
        batch_op.create_index(batch_op.f('ix_office_officials_version'), ['version'], unique=False)


def downgrade() -> None:
    with op.batch_alter_table('office_officials', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_office_officials_version'))
        batch_op.drop_index(batch_op.f('ix_office_officials_role'))
        batch_op.drop_index(batch_op.f('ix_office_officials_origin_node'))
    op.drop_table('office_officials')
