"""The province's review (thẩm định) work: a review deadline per round of dossiers, the dossier
checklist a reviewer ticks with notes, the reviewers' comments (all three local to the office),
and the checklist as it stood copied into each review row (which travels to the commune).

A CCCD becomes unique per office instead of per database: the province holds every commune's
people, and the same person on two communes' registers was quarantined on import before.

Revision ID: 0016
Revises: 0015
Create Date: 2026-12-10

"""
from typing import Sequence, Union

from alembic import op
import sqlalchemy as sa


revision: str = '0016'
down_revision: Union[str, Sequence[str], None] = '0015'
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None

_LIVE_SQLITE = sa.text('cccd IS NOT NULL AND deleted = 0')
_LIVE_POSTGRESQL = sa.text('cccd IS NOT NULL AND deleted = false')


def upgrade() -> None:
    op.create_table('review_deadlines',
    sa.Column('round_key', sa.String(length=80), nullable=False),
    sa.Column('deadline', sa.Date(), nullable=False),
    sa.Column('changed_by', sa.String(length=200), nullable=False),
    sa.Column('changed_at', sa.DateTime(), nullable=False),
    sa.PrimaryKeyConstraint('round_key', name=op.f('pk_review_deadlines'))
    )
    op.create_table('review_checklist_items',
    sa.Column('id', sa.Integer(), autoincrement=True, nullable=False),
    sa.Column('nomination_id', sa.String(length=36), nullable=False),
    sa.Column('item_code', sa.String(length=40), nullable=False),
    sa.Column('checked', sa.Boolean(), nullable=False),
    sa.Column('note', sa.Text(), nullable=False),
    sa.Column('checked_epoch', sa.Integer(), nullable=False),
    sa.Column('checked_version', sa.Integer(), nullable=False),
    sa.Column('changed_by', sa.String(length=200), nullable=False),
    sa.Column('changed_at', sa.DateTime(), nullable=False),
    sa.ForeignKeyConstraint(['nomination_id'], ['nominations.id'],
                            name=op.f('fk_review_checklist_items_nomination_id_nominations')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_review_checklist_items')),
    sa.UniqueConstraint('nomination_id', 'item_code', name=op.f('uq_review_checklist_items_nomination_id'))
    )
    with op.batch_alter_table('review_checklist_items', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_review_checklist_items_nomination_id'), ['nomination_id'], unique=False)

    op.create_table('review_comments',
    sa.Column('id', sa.Integer(), autoincrement=True, nullable=False),
    sa.Column('nomination_id', sa.String(length=36), nullable=False),
    sa.Column('review_id', sa.String(length=36), nullable=True),
    sa.Column('author', sa.String(length=200), nullable=False),
    sa.Column('account_id', sa.Integer(), nullable=True),
    sa.Column('text', sa.Text(), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.ForeignKeyConstraint(['nomination_id'], ['nominations.id'],
                            name=op.f('fk_review_comments_nomination_id_nominations')),
    sa.ForeignKeyConstraint(['review_id'], ['nomination_reviews.id'],
                            name=op.f('fk_review_comments_review_id_nomination_reviews')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_review_comments'))
    )
    with op.batch_alter_table('review_comments', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_review_comments_nomination_id'), ['nomination_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_review_comments_review_id'), ['review_id'], unique=False)

    with op.batch_alter_table('nomination_reviews', schema=None) as batch_op:
        batch_op.add_column(sa.Column('checklist', sa.JSON(), nullable=False, server_default='[]'))

    # Index changes need no table copy: plain statements on SQLite and PostgreSQL alike.
    op.drop_index('uq_people_cccd_live', table_name='people', sqlite_where=_LIVE_SQLITE,
                  postgresql_where=_LIVE_POSTGRESQL)
    op.create_index('uq_people_cccd_live', 'people', ['origin_node', 'cccd'], unique=True,
                    sqlite_where=_LIVE_SQLITE, postgresql_where=_LIVE_POSTGRESQL)


def downgrade() -> None:
    # Fails when two offices' live people share a CCCD: only one of them could be kept, and which
    # is not for a migration to choose.
    op.drop_index('uq_people_cccd_live', table_name='people', sqlite_where=_LIVE_SQLITE,
                  postgresql_where=_LIVE_POSTGRESQL)
    op.create_index('uq_people_cccd_live', 'people', ['cccd'], unique=True,
                    sqlite_where=_LIVE_SQLITE, postgresql_where=_LIVE_POSTGRESQL)
    with op.batch_alter_table('nomination_reviews', schema=None) as batch_op:
        batch_op.drop_column('checklist')
    with op.batch_alter_table('review_comments', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_review_comments_review_id'))
        batch_op.drop_index(batch_op.f('ix_review_comments_nomination_id'))
    op.drop_table('review_comments')
    with op.batch_alter_table('review_checklist_items', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_review_checklist_items_nomination_id'))
    op.drop_table('review_checklist_items')
    op.drop_table('review_deadlines')
