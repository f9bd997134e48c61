"""rule and policy proposals (four-eyes)

``rule_proposal`` holds a change of the rules or the decision policy that compliance proposed
(what, why, effective from, the versions it was made against) until a second person approves
or rejects it; an approval names the rule-set and policy versions it wrote (issue 30).

Revision ID: 0015
Revises: 0014
"""
from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects import mysql

revision: str = '0015'
down_revision: str | None = '0014'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

_TIME = sa.DateTime().with_variant(mysql.DATETIME(fsp=6), 'mariadb').with_variant(
    mysql.DATETIME(fsp=6), 'mysql')
_TEXT = sa.Text().with_variant(mysql.MEDIUMTEXT(), 'mariadb').with_variant(
    mysql.MEDIUMTEXT(), 'mysql')


def upgrade() -> None:
    op.create_table('rule_proposal',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('status', sa.String(length=12), nullable=False),
    sa.Column('changes', _TEXT, nullable=False),
    sa.Column('why', sa.String(length=500), nullable=False),
    sa.Column('effective_from', _TIME, nullable=True),
    sa.Column('base_rule_set_id', sa.Integer(), nullable=False),
    sa.Column('base_policy_version_id', sa.Integer(), nullable=False),
    sa.Column('proposed_by', sa.String(length=64), nullable=False),
    sa.Column('proposed_at', _TIME, nullable=False),
    sa.Column('decided_by', sa.String(length=64), nullable=True),
    sa.Column('decided_at', _TIME, nullable=True),
    sa.Column('decision_note', sa.String(length=500), nullable=False),
    sa.Column('rule_set_id', sa.Integer(), nullable=True),
    sa.Column('policy_version_id', sa.Integer(), nullable=True),
    sa.ForeignKeyConstraint(['base_policy_version_id'], ['policy_version.id'], ),
    sa.ForeignKeyConstraint(['base_rule_set_id'], ['rule_set.id'], ),
    sa.ForeignKeyConstraint(['policy_version_id'], ['policy_version.id'], ),
    sa.ForeignKeyConstraint(['rule_set_id'], ['rule_set.id'], ),
    sa.PrimaryKeyConstraint('id')
    )
    op.create_index(op.f('ix_rule_proposal_status'), 'rule_proposal', ['status'], unique=False)


def downgrade() -> None:
    op.drop_index(op.f('ix_rule_proposal_status'), table_name='rule_proposal')
    op.drop_table('rule_proposal')
