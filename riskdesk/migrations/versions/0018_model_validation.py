"""model validation: the validator's approval on the model version

``model_version`` records the validation report an approval rests on (its archive row and
SHA-256), the validator's findings and the date the model is due for validation again
(issue 31).

Revision ID: 0018
Revises: 0017
"""
from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects import mysql

revision: str = '0018'
down_revision: str | None = '0017'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

_TIME = sa.DateTime().with_variant(mysql.DATETIME(fsp=6), 'mariadb').with_variant(
    mysql.DATETIME(fsp=6), 'mysql')
_TEXT = sa.Text().with_variant(mysql.MEDIUMTEXT(), 'mariadb').with_variant(
    mysql.MEDIUMTEXT(), 'mysql')


def upgrade() -> None:
    # Plain ADD COLUMN (no batch rebuild), as 0012: the DBA's offline script works everywhere.
    op.add_column('model_version', sa.Column('validation_report_id', sa.Integer(),
                                             nullable=True))
    op.add_column('model_version', sa.Column('validation_sha256', sa.String(length=64),
                                             nullable=True))
    op.add_column('model_version', sa.Column('validation_findings', _TEXT, nullable=True))
    op.add_column('model_version', sa.Column('next_validation_at', _TIME, nullable=True))


def downgrade() -> None:
    # Plain DROP COLUMN too (SQLite 3.35+): a batch rebuild would drop and recreate
    # model_version, which scores reference, and SQLite refuses that with foreign keys on.
    for column in ('next_validation_at', 'validation_findings', 'validation_sha256',
                   'validation_report_id'):
        op.drop_column('model_version', column)
