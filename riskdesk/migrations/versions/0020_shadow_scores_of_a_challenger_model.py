"""shadow scores of a challenger model

``shadow_score`` holds what a challenger model (approved for shadow) scored for each
decision the scoring job made with the active model, with the band and the outcome it
would have led to under the same policy and rule hits; nothing decides on it (issue 32).
``model_version`` gets ``shadow_slot`` (1 on the one challenger, unique) and who approved it
for shadow and when.

Revision ID: 0020
Revises: 0019
"""
from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects import mysql

revision: str = '0020'
down_revision: str | None = '0019'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

_TIME = sa.DateTime().with_variant(mysql.DATETIME(fsp=6), 'mariadb').with_variant(
    mysql.DATETIME(fsp=6), 'mysql')
_DOUBLE = sa.Float(precision=53).with_variant(mysql.DOUBLE(), 'mariadb').with_variant(
    mysql.DOUBLE(), 'mysql')


def upgrade() -> None:
    op.create_table(
        'shadow_score',
        sa.Column('id', sa.Integer(), nullable=False),
        sa.Column('application_id', sa.Integer(), nullable=False),
        sa.Column('model_version_id', sa.Integer(), nullable=False),
        sa.Column('decision_record_id', sa.Integer(), nullable=False),
        sa.Column('run_id', sa.Integer(), nullable=False),
        sa.Column('policy_version_id', sa.Integer(), nullable=False),
        sa.Column('pd', _DOUBLE, nullable=False),
        sa.Column('points', sa.Integer(), nullable=False),
        sa.Column('band', sa.String(length=8), nullable=False),
        sa.Column('flagged', sa.Boolean(), nullable=False),
        sa.Column('created_at', _TIME, nullable=False),
        sa.ForeignKeyConstraint(['application_id'], ['application.id']),
        sa.ForeignKeyConstraint(['decision_record_id'], ['decision_record.id']),
        sa.ForeignKeyConstraint(['model_version_id'], ['model_version.id']),
        sa.ForeignKeyConstraint(['policy_version_id'], ['policy_version.id']),
        sa.ForeignKeyConstraint(['run_id'], ['score_run.id']),
        sa.PrimaryKeyConstraint('id'),
        sa.UniqueConstraint('decision_record_id', 'model_version_id'),
    )
    # Plain ADD COLUMN and a unique index (no batch rebuild of model_version, as 0018).
    op.add_column('model_version', sa.Column('shadow_slot', sa.Integer(), nullable=True))
    op.add_column('model_version', sa.Column('shadow_approved_by', sa.String(length=64),
                                             nullable=True))
    op.add_column('model_version', sa.Column('shadow_approved_at', _TIME, nullable=True))
    op.create_index('ix_model_version_shadow_slot', 'model_version', ['shadow_slot'],
                    unique=True)


def downgrade() -> None:
    op.drop_index('ix_model_version_shadow_slot', table_name='model_version')
    for column in ('shadow_approved_at', 'shadow_approved_by', 'shadow_slot'):
        op.drop_column('model_version', column)
    op.drop_table('shadow_score')
