"""applicant id checksum checked at import

The import tests every ID number's check digit; keeping the result spares each scoring run
decrypting every applicant's ID number to test it again. Rows written before stay NULL and
are still tested by decrypting.

Revision ID: 0008
Revises: 0007
"""
from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = '0008'
down_revision: str | None = '0007'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table('applicant', schema=None) as batch_op:
        batch_op.add_column(sa.Column('id_checksum_ok', sa.Boolean(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table('applicant', schema=None) as batch_op:
        batch_op.drop_column('id_checksum_ok')
