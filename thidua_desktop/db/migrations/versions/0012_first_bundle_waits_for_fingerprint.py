"""A commune's first bundle waits for the province to confirm its fingerprint (sync_waiting), and a
quarantined record says what exactly is wrong with it (sync_quarantine.detail).

Revision ID: 0012
Revises: 0011
Create Date: 2026-12-06

"""
from typing import Sequence, Union

from alembic import op
import sqlalchemy as sa


revision: str = '0012'
down_revision: Union[str, Sequence[str], None] = '0011'
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None


def upgrade() -> None:
    op.create_table('sync_waiting',
    sa.Column('bundle_id', sa.String(length=36), nullable=False),
    sa.Column('peer_code', sa.String(length=16), nullable=False),
    sa.Column('seq', sa.Integer(), nullable=False),
    sa.Column('key_id', sa.String(length=32), nullable=False),
    sa.Column('fingerprint', sa.String(length=32), nullable=False),
    sa.Column('sign_key', sa.String(length=128), nullable=False),
    sa.Column('box_key', sa.String(length=128), nullable=False),
    sa.Column('file_name', sa.String(length=255), nullable=False),
    sa.Column('original_name', sa.String(length=255), nullable=False),
    sa.Column('received_at', sa.DateTime(), nullable=False),
    sa.PrimaryKeyConstraint('bundle_id', name=op.f('pk_sync_waiting'))
    )
    with op.batch_alter_table('sync_waiting', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_sync_waiting_peer_code'), ['peer_code'], unique=False)
    with op.batch_alter_table('sync_quarantine', schema=None) as batch_op:
        batch_op.add_column(sa.Column('detail', sa.Text(), nullable=False, server_default=''))


def downgrade() -> None:
    with op.batch_alter_table('sync_quarantine', schema=None) as batch_op:
        batch_op.drop_column('detail')
    with op.batch_alter_table('sync_waiting', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_sync_waiting_peer_code'))
    op.drop_table('sync_waiting')
