"""What the achievement report (Decree 152/2025 Mẫu số 05) asks of a person: hometown, professional
qualification, political theory level, academic title or degree and the duties assigned (the position
was already there); and an initiative's scope of effect (phạm vi ảnh hưởng). All text, "" when not
known, so existing rows and rows from an older app stay valid.

Revision ID: 0011
Revises: 0010
Create Date: 2026-12-06

"""
from typing import Sequence, Union

from alembic import op
import sqlalchemy as sa


revision: str = '0011'
down_revision: Union[str, Sequence[str], None] = '0010'
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None


def upgrade() -> None:
    with op.batch_alter_table('people', schema=None) as batch_op:
        batch_op.add_column(sa.Column('hometown', sa.String(length=300), nullable=False, server_default=''))
        batch_op.add_column(sa.Column('qualification', sa.String(length=200), nullable=False, server_default=''))
        batch_op.add_column(sa.Column('political_theory', sa.String(length=100), nullable=False,
                                      server_default=''))
        batch_op.add_column(sa.Column('academic_title', sa.String(length=200), nullable=False, server_default=''))
        batch_op.add_column(sa.Column('duties', sa.Text(), nullable=False, server_default=''))
    with op.batch_alter_table('initiatives', schema=None) as batch_op:
        batch_op.add_column(sa.Column('scope', sa.String(length=16), nullable=False, server_default=''))


def downgrade() -> None:
    with op.batch_alter_table('initiatives', schema=None) as batch_op:
        batch_op.drop_column('scope')
    with op.batch_alter_table('people', schema=None) as batch_op:
        batch_op.drop_column('duties')
        batch_op.drop_column('academic_title')
        batch_op.drop_column('political_theory')
        batch_op.drop_column('qualification')
        batch_op.drop_column('hometown')
