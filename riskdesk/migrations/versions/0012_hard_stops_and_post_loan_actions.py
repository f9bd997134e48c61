"""hard stops and post-loan actions

``rule_setting.hard_stop``: a hit of such a rule forbids approval by anyone; rule sets written
before take the defaults (COST_CEILING, AMOUNT_CEILING, ID_CHECKSUM, BLACKLIST). ``loan_action``
records each post-loan action on a loan's case; ``loan`` keeps what they did to it (line frozen,
called early, a class above its DPD floor) (issue 26).

Revision ID: 0012
Revises: 0011
"""
from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects import mysql

revision: str = '0012'
down_revision: str | None = '0011'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

_TIME = sa.DateTime().with_variant(mysql.DATETIME(fsp=6), 'mariadb').with_variant(
    mysql.DATETIME(fsp=6), 'mysql')
HARD_STOPS = ("COST_CEILING", "AMOUNT_CEILING", "ID_CHECKSUM", "BLACKLIST")


def upgrade() -> None:
    # Plain ADD COLUMN (no batch rebuild): works in the DBA's offline script on every
    # database, and leaves SQLite's tables (and their triggers) as they are.
    op.add_column('rule_setting', sa.Column('hard_stop', sa.Boolean(), nullable=False,
                                            server_default=sa.false()))
    setting = sa.table('rule_setting', sa.column('code', sa.String),
                       sa.column('hard_stop', sa.Boolean))
    op.execute(setting.update().where(setting.c.code.in_(HARD_STOPS))
               .values(hard_stop=sa.true()))
    op.add_column('loan', sa.Column('line_frozen_at', _TIME, nullable=True))
    op.add_column('loan', sa.Column('called_at', _TIME, nullable=True))
    op.add_column('loan', sa.Column('category_override', sa.String(length=16), nullable=True))
    op.create_table('loan_action',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('case_id', sa.Integer(), nullable=False),
    sa.Column('loan_id', sa.Integer(), nullable=False),
    sa.Column('action', sa.String(length=24), nullable=False),
    sa.Column('status', sa.String(length=16), nullable=False),
    sa.Column('reason', sa.String(length=2000), nullable=False),
    sa.Column('detail', sa.String(length=1000), nullable=False),
    sa.Column('promise_date', sa.Date(), nullable=True),
    sa.Column('maker_id', sa.Integer(), nullable=False),
    sa.Column('maker', sa.String(length=64), nullable=False),
    sa.Column('made_at', _TIME, nullable=False),
    sa.Column('checker_id', sa.Integer(), nullable=True),
    sa.Column('checker', sa.String(length=64), nullable=False),
    sa.Column('checked_at', _TIME, nullable=True),
    sa.Column('check_reason', sa.String(length=2000), nullable=False),
    sa.ForeignKeyConstraint(['case_id'], ['review_case.id'], ),
    sa.ForeignKeyConstraint(['loan_id'], ['loan.id'], ),
    sa.ForeignKeyConstraint(['maker_id'], ['app_user.id'], ),
    sa.ForeignKeyConstraint(['checker_id'], ['app_user.id'], ),
    sa.PrimaryKeyConstraint('id')
    )
    op.create_index('ix_loan_action_case_id', 'loan_action', ['case_id'], unique=False)
    op.create_index('ix_loan_action_loan_id', 'loan_action', ['loan_id'], unique=False)
    op.create_index('ix_loan_action_promise_date', 'loan_action', ['promise_date'],
                    unique=False)


def downgrade() -> None:
    op.drop_index('ix_loan_action_promise_date', table_name='loan_action')
    op.drop_index('ix_loan_action_loan_id', table_name='loan_action')
    op.drop_index('ix_loan_action_case_id', table_name='loan_action')
    op.drop_table('loan_action')
    with op.batch_alter_table('loan', schema=None) as batch_op:
        batch_op.drop_column('category_override')
        batch_op.drop_column('called_at')
        batch_op.drop_column('line_frozen_at')
    with op.batch_alter_table('rule_setting', schema=None) as batch_op:
        batch_op.drop_column('hard_stop')
