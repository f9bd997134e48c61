"""post-loan loans repayments fund flows alerts snapshots

Revision ID: 0004
Revises: 0003
"""
from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects import mysql

revision: str = '0004'
down_revision: str | None = '0003'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table('monitoring_policy',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('params', sa.Text().with_variant(mysql.MEDIUMTEXT(), 'mariadb').with_variant(mysql.MEDIUMTEXT(), 'mysql'), nullable=False),
    sa.Column('created_by', sa.String(length=64), nullable=False),
    sa.Column('created_at', sa.DateTime().with_variant(mysql.DATETIME(fsp=6), 'mariadb').with_variant(mysql.DATETIME(fsp=6), 'mysql'), nullable=False),
    sa.Column('note', sa.String(length=500), nullable=False),
    sa.PrimaryKeyConstraint('id')
    )
    op.create_table('monitoring_run',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('as_of', sa.Date(), nullable=False),
    sa.Column('policy_id', sa.Integer(), nullable=False),
    sa.Column('started_at', sa.DateTime().with_variant(mysql.DATETIME(fsp=6), 'mariadb').with_variant(mysql.DATETIME(fsp=6), 'mysql'), nullable=False),
    sa.Column('finished_at', sa.DateTime().with_variant(mysql.DATETIME(fsp=6), 'mariadb').with_variant(mysql.DATETIME(fsp=6), 'mysql'), nullable=True),
    sa.Column('started_by', sa.String(length=64), nullable=False),
    sa.Column('loans', sa.Integer(), nullable=False),
    sa.Column('alerts', sa.Integer(), nullable=False),
    sa.Column('cases_opened', sa.Integer(), nullable=False),
    sa.Column('cases_updated', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['policy_id'], ['monitoring_policy.id'], ),
    sa.PrimaryKeyConstraint('id')
    )
    op.create_index(op.f('ix_monitoring_run_as_of'), 'monitoring_run', ['as_of'], unique=False)

    op.create_table('loan',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('loan_no', sa.String(length=40), nullable=False),
    sa.Column('application_id', sa.Integer(), nullable=False),
    sa.Column('principal', sa.Numeric(precision=14, scale=2), nullable=False),
    sa.Column('start_date', sa.Date(), nullable=False),
    sa.Column('disbursed_at', sa.DateTime().with_variant(mysql.DATETIME(fsp=6), 'mariadb').with_variant(mysql.DATETIME(fsp=6), 'mysql'), nullable=False),
    sa.Column('term_months', sa.Integer(), nullable=False),
    sa.Column('apr', sa.Numeric(precision=7, scale=4), nullable=False),
    sa.Column('repayment_type', sa.String(length=24), nullable=False),
    sa.Column('content_hash', sa.String(length=64), nullable=False),
    sa.Column('batch_id', sa.Integer(), nullable=True),
    sa.Column('created_at', sa.DateTime().with_variant(mysql.DATETIME(fsp=6), 'mariadb').with_variant(mysql.DATETIME(fsp=6), 'mysql'), nullable=False),
    sa.ForeignKeyConstraint(['application_id'], ['application.id'], ),
    sa.ForeignKeyConstraint(['batch_id'], ['import_batch.id'], ),
    sa.PrimaryKeyConstraint('id'),
    sa.UniqueConstraint('application_id'),
    sa.UniqueConstraint('loan_no')
    )
    op.create_table('fund_flow',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('flow_no', sa.String(length=40), nullable=False),
    sa.Column('loan_id', sa.Integer(), nullable=False),
    sa.Column('at', sa.DateTime().with_variant(mysql.DATETIME(fsp=6), 'mariadb').with_variant(mysql.DATETIME(fsp=6), 'mysql'), nullable=False),
    sa.Column('amount', sa.Numeric(precision=14, scale=2), nullable=False),
    sa.Column('direction', sa.String(length=3), nullable=False),
    sa.Column('channel', sa.String(length=16), nullable=False),
    sa.Column('counterparty_hash', sa.String(length=64), nullable=False),
    sa.Column('counterparty_masked', sa.String(length=24), nullable=False),
    sa.Column('counterparty_name', sa.String(length=128), nullable=False),
    sa.Column('counterparty_type', sa.String(length=24), nullable=False),
    sa.Column('mcc', sa.String(length=4), nullable=False),
    sa.ForeignKeyConstraint(['loan_id'], ['loan.id'], ),
    sa.PrimaryKeyConstraint('id'),
    sa.UniqueConstraint('flow_no')
    )
    op.create_index('ix_fund_flow_loan_at', 'fund_flow', ['loan_id', 'at'], unique=False)

    op.create_table('loan_snapshot',
    sa.Column('month', sa.String(length=7), nullable=False),
    sa.Column('loan_id', sa.Integer(), nullable=False),
    sa.Column('as_of', sa.Date(), nullable=False),
    sa.Column('dpd', sa.Integer(), nullable=False),
    sa.Column('category', sa.String(length=16), nullable=False),
    sa.Column('balance', sa.Numeric(precision=14, scale=2), nullable=False),
    sa.Column('overdue_amount', sa.Numeric(precision=14, scale=2), nullable=False),
    sa.ForeignKeyConstraint(['loan_id'], ['loan.id'], ),
    sa.PrimaryKeyConstraint('month', 'loan_id')
    )
    op.create_table('repayment',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('loan_id', sa.Integer(), nullable=False),
    sa.Column('instalment_no', sa.Integer(), nullable=False),
    sa.Column('due_date', sa.Date(), nullable=False),
    sa.Column('due_amount', sa.Numeric(precision=14, scale=2), nullable=False),
    sa.Column('due_principal', sa.Numeric(precision=14, scale=2), nullable=False),
    sa.Column('paid_date', sa.Date(), nullable=True),
    sa.Column('paid_amount', sa.Numeric(precision=14, scale=2), nullable=False),
    sa.ForeignKeyConstraint(['loan_id'], ['loan.id'], ),
    sa.PrimaryKeyConstraint('id'),
    sa.UniqueConstraint('loan_id', 'instalment_no')
    )
    op.create_table('loan_alert',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('loan_id', sa.Integer(), nullable=False),
    sa.Column('code', sa.String(length=32), nullable=False),
    sa.Column('trigger_key', sa.String(length=64), nullable=False),
    sa.Column('severity', sa.String(length=8), nullable=False),
    sa.Column('detected_on', sa.Date(), nullable=False),
    sa.Column('detail', sa.Text().with_variant(mysql.MEDIUMTEXT(), 'mariadb').with_variant(mysql.MEDIUMTEXT(), 'mysql'), nullable=False),
    sa.Column('case_id', sa.Integer(), nullable=True),
    sa.Column('run_id', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['case_id'], ['review_case.id'], ),
    sa.ForeignKeyConstraint(['loan_id'], ['loan.id'], ),
    sa.ForeignKeyConstraint(['run_id'], ['monitoring_run.id'], ),
    sa.PrimaryKeyConstraint('id'),
    sa.UniqueConstraint('loan_id', 'code', 'trigger_key')
    )
    op.create_index(op.f('ix_loan_alert_case_id'), 'loan_alert', ['case_id'], unique=False)
    op.create_index(op.f('ix_loan_alert_code'), 'loan_alert', ['code'], unique=False)


def downgrade() -> None:
    op.drop_index(op.f('ix_loan_alert_code'), table_name='loan_alert')
    op.drop_index(op.f('ix_loan_alert_case_id'), table_name='loan_alert')

    op.drop_table('loan_alert')
    op.drop_table('repayment')
    op.drop_table('loan_snapshot')
    op.drop_index('ix_fund_flow_loan_at', table_name='fund_flow')

    op.drop_table('fund_flow')
    op.drop_table('loan')
    op.drop_index(op.f('ix_monitoring_run_as_of'), table_name='monitoring_run')

    op.drop_table('monitoring_run')
    op.drop_table('monitoring_policy')
