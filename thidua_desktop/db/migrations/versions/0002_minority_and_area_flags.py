"""Flags for the directive's statistics: ethnic-minority people, border and remote villages.

The minority flag is derived from the ethnicity code and backfilled here: every group except
Kinh (code 01 of Decision 121-TCTK/PPCĐ) is an ethnic minority.

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-25
"""
from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0002"
down_revision: str | Sequence[str] | None = "0001"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("people") as batch:
        batch.add_column(sa.Column("is_ethnic_minority", sa.Boolean(), nullable=False,
                                   server_default=sa.false()))
    with op.batch_alter_table("villages") as batch:
        batch.add_column(sa.Column("is_border", sa.Boolean(), nullable=False, server_default=sa.false()))
        batch.add_column(sa.Column("is_remote", sa.Boolean(), nullable=False, server_default=sa.false()))
    op.execute(
        "UPDATE people SET is_ethnic_minority = "
        "CASE WHEN ethnicity_code IS NOT NULL AND ethnicity_code <> '01' THEN 1 ELSE 0 END"
        if op.get_bind().dialect.name == "sqlite"
        else "UPDATE people SET is_ethnic_minority = "
        "(ethnicity_code IS NOT NULL AND ethnicity_code <> '01')"
    )


def downgrade() -> None:
    with op.batch_alter_table("villages") as batch:
        batch.drop_column("is_remote")
        batch.drop_column("is_border")
    with op.batch_alter_table("people") as batch:
        batch.drop_column("is_ethnic_minority")
