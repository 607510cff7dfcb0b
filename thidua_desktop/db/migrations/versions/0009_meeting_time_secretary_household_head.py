"""A council meeting keeps its start time ("HH:MM", "" when unknown) and who took the minutes
(the secretary, a council member). Households already have a head (``collectives.head_person_id``
since 0001); the app now fills and prints it, so no column is needed for it here.

Revision ID: 0009
Revises: 0008
Create Date: 2026-12-06

"""
from typing import Sequence, Union

from alembic import op
import sqlalchemy as sa


revision: str = '0009'
down_revision: Union[str, Sequence[str], None] = '0008'
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None


def upgrade() -> None:
    with op.batch_alter_table('council_meetings', schema=None) as batch_op:
        batch_op.add_column(sa.Column('started_at', sa.String(length=5), nullable=False, server_default=''))
        batch_op.add_column(sa.Column('secretary_member_id', sa.String(length=36), nullable=True))
        batch_op.create_foreign_key(batch_op.f('fk_council_meetings_secretary_member_id_council_members'),
                                    'council_members', ['secretary_member_id'], ['id'])


def downgrade() -> None:
    with op.batch_alter_table('council_meetings', schema=None) as batch_op:
        batch_op.drop_constraint(batch_op.f('fk_council_meetings_secretary_member_id_council_members'),
                                 type_='foreignkey')
        batch_op.drop_column('secretary_member_id')
        batch_op.drop_column('started_at')
