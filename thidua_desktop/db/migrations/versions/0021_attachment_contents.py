"""Attached files' bytes in the database, for a server office (issue 14): several computers share
one PostgreSQL database, and a file kept in the data folder of the computer it was added on could
not be opened on another. ``attachment_contents`` holds each file once, by its SHA-256, in parts
of at most 4 MiB. The table is made on SQLite too (one schema for both) and stays empty there: a
commune's files stay in its data folder (services/attachments.py says why). Files already in a
server office's data folders move in when each computer first starts this version
(bootstrap.py), not here: only that computer can read them.

Revision ID: 0021
Revises: 0020
Create Date: 2026-12-07

"""
from typing import Sequence, Union

from alembic import op
import sqlalchemy as sa


revision: str = '0021'
down_revision: Union[str, Sequence[str], None] = '0020'
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None


def upgrade() -> None:
    # Idempotent, as 0020 is: a database whose recorded revision was set back (a test does it to
    # run 0020 again) still upgrades.
    if sa.inspect(op.get_bind()).has_table('attachment_contents'):
        return
    op.create_table('attachment_contents',
    sa.Column('sha256', sa.String(length=64), nullable=False),
    sa.Column('part', sa.Integer(), nullable=False),
    sa.Column('content', sa.LargeBinary(), nullable=False),
    sa.PrimaryKeyConstraint('sha256', 'part', name=op.f('pk_attachment_contents'))
    )


def downgrade() -> None:
    op.drop_table('attachment_contents')
