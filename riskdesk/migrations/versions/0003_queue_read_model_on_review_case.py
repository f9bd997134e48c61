"""Queue read model on review_case; role grants waiting for a second admin; app settings;
complaints (and users' teams, for recusal); the archive of issued reports.

The queue's read model: the columns the queue filters and sorts on, copied from
the application and its decision (backfilled here), each sort with its (column, id) index.

Revision ID: 0003
Revises: 0002
"""
from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects import mysql

revision: str = '0003'
down_revision: str | None = '0002'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table('report',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('report_no', sa.String(length=32), nullable=False),
    sa.Column('kind', sa.String(length=16), nullable=False),
    sa.Column('subject', sa.String(length=40), nullable=False),
    sa.Column('language', sa.String(length=8), nullable=False),
    sa.Column('cut_off', sa.DateTime().with_variant(mysql.DATETIME(fsp=6), 'mariadb').with_variant(mysql.DATETIME(fsp=6), 'mysql'), nullable=False),
    sa.Column('generated_at', sa.DateTime().with_variant(mysql.DATETIME(fsp=6), 'mariadb').with_variant(mysql.DATETIME(fsp=6), 'mysql'), nullable=False),
    sa.Column('generated_by', sa.String(length=64), nullable=False),
    sa.Column('sha256', sa.String(length=64), nullable=False),
    sa.Column('size', sa.Integer(), nullable=False),
    sa.Column('pdf', sa.LargeBinary().with_variant(mysql.LONGBLOB(), 'mariadb').with_variant(mysql.LONGBLOB(), 'mysql'), nullable=False),
    sa.PrimaryKeyConstraint('id'),
    sa.UniqueConstraint('report_no')
    )
    op.create_index('ix_report_sha256', 'report', ['sha256'], unique=False)

    op.create_table('complaint',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('number', sa.String(length=24), nullable=False),
    sa.Column('source_ref', sa.String(length=64), nullable=True),
    sa.Column('channel', sa.String(length=24), nullable=False),
    sa.Column('category', sa.String(length=32), nullable=False),
    sa.Column('applicant_id', sa.Integer(), nullable=True),
    sa.Column('complainant_name', sa.String(length=128), nullable=False),
    sa.Column('proxy_name', sa.String(length=128), nullable=False),
    sa.Column('proxy_authorisation', sa.String(length=500), nullable=False),
    sa.Column('application_id', sa.Integer(), nullable=True),
    sa.Column('partner_id', sa.Integer(), nullable=True),
    sa.Column('description', sa.String(length=4000), nullable=False),
    sa.Column('received_at', sa.DateTime().with_variant(mysql.DATETIME(fsp=6), 'mariadb').with_variant(mysql.DATETIME(fsp=6), 'mysql'), nullable=False),
    sa.Column('due_at', sa.DateTime().with_variant(mysql.DATETIME(fsp=6), 'mariadb').with_variant(mysql.DATETIME(fsp=6), 'mysql'), nullable=False),
    sa.Column('extension', sa.String(length=20), nullable=False),
    sa.Column('extension_reason', sa.String(length=1000), nullable=False),
    sa.Column('complainant_told_at', sa.DateTime().with_variant(mysql.DATETIME(fsp=6), 'mariadb').with_variant(mysql.DATETIME(fsp=6), 'mysql'), nullable=True),
    sa.Column('extension_approved_by_id', sa.Integer(), nullable=True),
    sa.Column('status', sa.String(length=16), nullable=False),
    sa.Column('escalated', sa.Boolean(), nullable=False),
    sa.Column('assignee_id', sa.Integer(), nullable=True),
    sa.Column('subject_user_id', sa.Integer(), nullable=True),
    sa.Column('subject_team', sa.String(length=64), nullable=False),
    sa.Column('response', sa.String(length=4000), nullable=False),
    sa.Column('responded_at', sa.DateTime().with_variant(mysql.DATETIME(fsp=6), 'mariadb').with_variant(mysql.DATETIME(fsp=6), 'mysql'), nullable=True),
    sa.Column('reaction', sa.String(length=16), nullable=False),
    sa.Column('root_cause', sa.String(length=32), nullable=False),
    sa.Column('rectification', sa.String(length=2000), nullable=False),
    sa.Column('closed_at', sa.DateTime().with_variant(mysql.DATETIME(fsp=6), 'mariadb').with_variant(mysql.DATETIME(fsp=6), 'mysql'), nullable=True),
    sa.Column('reopen_count', sa.Integer(), nullable=False),
    sa.Column('fraud_case_id', sa.Integer(), nullable=True),
    sa.Column('created_by_id', sa.Integer(), nullable=False),
    sa.Column('created_at', sa.DateTime().with_variant(mysql.DATETIME(fsp=6), 'mariadb').with_variant(mysql.DATETIME(fsp=6), 'mysql'), nullable=False),
    sa.Column('updated_at', sa.DateTime().with_variant(mysql.DATETIME(fsp=6), 'mariadb').with_variant(mysql.DATETIME(fsp=6), 'mysql'), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['applicant_id'], ['applicant.id'], ),
    sa.ForeignKeyConstraint(['application_id'], ['application.id'], ),
    sa.ForeignKeyConstraint(['assignee_id'], ['app_user.id'], ),
    sa.ForeignKeyConstraint(['created_by_id'], ['app_user.id'], ),
    sa.ForeignKeyConstraint(['extension_approved_by_id'], ['app_user.id'], ),
    sa.ForeignKeyConstraint(['fraud_case_id'], ['review_case.id'], ),
    sa.ForeignKeyConstraint(['subject_user_id'], ['app_user.id'], ),
    sa.PrimaryKeyConstraint('id'),
    sa.UniqueConstraint('number'),
    sa.UniqueConstraint('source_ref')
    )
    op.create_index('ix_complaint_applicant_id', 'complaint', ['applicant_id'], unique=False)
    op.create_index('ix_complaint_application_id', 'complaint', ['application_id'], unique=False)
    op.create_index('ix_complaint_assignee_id', 'complaint', ['assignee_id'], unique=False)
    op.create_index('ix_complaint_category', 'complaint', ['category'], unique=False)
    op.create_index('ix_complaint_received', 'complaint', ['received_at', 'id'], unique=False)
    op.create_index('ix_complaint_status_due', 'complaint', ['status', 'due_at', 'id'], unique=False)

    op.add_column('app_user', sa.Column('team', sa.String(length=64), nullable=False, server_default=sa.text("''")))

    op.create_table('app_setting',
    sa.Column('key', sa.String(length=64), nullable=False),
    sa.Column('value', sa.String(length=2000), nullable=False),
    sa.Column('changed_by', sa.String(length=64), nullable=False),
    sa.Column('changed_at', sa.DateTime().with_variant(mysql.DATETIME(fsp=6), 'mariadb').with_variant(mysql.DATETIME(fsp=6), 'mysql'), nullable=False),
    sa.PrimaryKeyConstraint('key')
    )
    op.create_table('role_request',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('user_id', sa.Integer(), nullable=False),
    sa.Column('roles', sa.String(length=255), nullable=False),
    sa.Column('requested_by_id', sa.Integer(), nullable=False),
    sa.Column('requested_at', sa.DateTime().with_variant(mysql.DATETIME(fsp=6), 'mariadb').with_variant(mysql.DATETIME(fsp=6), 'mysql'), nullable=False),
    sa.Column('status', sa.String(length=16), nullable=False),
    sa.Column('decided_by_id', sa.Integer(), nullable=True),
    sa.Column('decided_at', sa.DateTime().with_variant(mysql.DATETIME(fsp=6), 'mariadb').with_variant(mysql.DATETIME(fsp=6), 'mysql'), nullable=True),
    sa.Column('note', sa.String(length=500), nullable=False),
    sa.ForeignKeyConstraint(['decided_by_id'], ['app_user.id'], ),
    sa.ForeignKeyConstraint(['requested_by_id'], ['app_user.id'], ),
    sa.ForeignKeyConstraint(['user_id'], ['app_user.id'], ),
    sa.PrimaryKeyConstraint('id')
    )
    op.create_index('ix_role_request_user_id', 'role_request', ['user_id'], unique=False)

    op.add_column('review_case', sa.Column('is_open', sa.Boolean(), nullable=False, server_default=sa.true()))
    op.add_column('review_case', sa.Column('application_no', sa.String(length=40), nullable=False, server_default=sa.text("''")))
    op.add_column('review_case', sa.Column('applicant_name', sa.String(length=128), nullable=False, server_default=sa.text("''")))
    op.add_column('review_case', sa.Column('id_no_masked', sa.String(length=18), nullable=False, server_default=sa.text("''")))
    op.add_column('review_case', sa.Column('product', sa.String(length=24), nullable=False, server_default=sa.text("''")))
    op.add_column('review_case', sa.Column('channel', sa.String(length=24), nullable=False, server_default=sa.text("''")))
    op.add_column('review_case', sa.Column('amount', sa.Numeric(precision=14, scale=2), nullable=False, server_default=sa.text("'-1'")))
    op.add_column('review_case', sa.Column('submitted_at', sa.DateTime().with_variant(mysql.DATETIME(fsp=6), 'mariadb').with_variant(mysql.DATETIME(fsp=6), 'mysql'), nullable=True))
    op.add_column('review_case', sa.Column('pd', sa.Float(precision=53).with_variant(mysql.DOUBLE(), 'mariadb').with_variant(mysql.DOUBLE(), 'mysql'), nullable=False, server_default=sa.text("'-1'")))
    op.add_column('review_case', sa.Column('points', sa.Integer(), nullable=False, server_default=sa.text("'-1'")))
    op.add_column('review_case', sa.Column('band', sa.String(length=8), nullable=False, server_default=sa.text("''")))
    op.add_column('review_case', sa.Column('flags', sa.String(length=255), nullable=False, server_default=sa.text("''")))
    _backfill()
    op.drop_index('ix_review_case_due_at', table_name='review_case')
    op.drop_index('ix_review_case_kind', table_name='review_case')
    op.drop_index('ix_review_case_status', table_name='review_case')
    op.create_index('ix_case_assignee_open_due', 'review_case', ['assignee_id', 'is_open', 'due_at', 'id'], unique=False)
    op.create_index('ix_case_assignee_open_pd', 'review_case', ['assignee_id', 'is_open', 'pd', 'id'], unique=False)
    op.create_index('ix_case_open_due', 'review_case', ['is_open', 'due_at', 'id'], unique=False)
    op.create_index('ix_case_sort_amount', 'review_case', ['amount', 'id'], unique=False)
    op.create_index('ix_case_sort_applicant_name', 'review_case', ['applicant_name', 'id'], unique=False)
    op.create_index('ix_case_sort_application_no', 'review_case', ['application_no', 'id'], unique=False)
    op.create_index('ix_case_sort_channel', 'review_case', ['channel', 'id'], unique=False)
    op.create_index('ix_case_sort_due_at', 'review_case', ['due_at', 'id'], unique=False)
    op.create_index('ix_case_sort_kind', 'review_case', ['kind', 'id'], unique=False)
    op.create_index('ix_case_sort_pd', 'review_case', ['pd', 'id'], unique=False)
    op.create_index('ix_case_sort_priority', 'review_case', ['priority', 'id'], unique=False)
    op.create_index('ix_case_sort_product', 'review_case', ['product', 'id'], unique=False)
    op.create_index('ix_case_sort_status', 'review_case', ['status', 'id'], unique=False)
    op.create_index('ix_case_status_band_pd', 'review_case', ['status', 'band', 'pd', 'id'], unique=False)


_FROM_APPLICATION = {"application_no": "a.application_no", "product": "a.product",
                     "channel": "a.channel", "amount": "a.amount",
                     "submitted_at": "a.submitted_at"}
_FROM_APPLICANT = {"applicant_name": "p.name", "id_no_masked": "p.id_no_masked"}
_FROM_DECISION = {"pd": "d.pd", "points": "d.points", "band": "d.band", "flags": "d.flags"}


def _backfill() -> None:
    """Correlated subqueries: the one UPDATE form SQLite, PostgreSQL and MariaDB share."""
    op.execute(sa.text("UPDATE review_case SET is_open = :closed "
                       "WHERE status IN ('decided', 'closed')").bindparams(closed=False))
    for column, source in _FROM_APPLICATION.items():
        op.execute(f"UPDATE review_case SET {column} = (SELECT {source} FROM application a "
                   f"WHERE a.id = review_case.application_id) "
                   "WHERE application_id IS NOT NULL")
    for column, source in _FROM_APPLICANT.items():
        op.execute(f"UPDATE review_case SET {column} = (SELECT {source} FROM application a "
                   "JOIN applicant p ON p.id = a.applicant_id "
                   "WHERE a.id = review_case.application_id) WHERE application_id IS NOT NULL")
    for column, source in _FROM_DECISION.items():
        op.execute(f"UPDATE review_case SET {column} = (SELECT {source} FROM decision_record d "
                   "WHERE d.id = review_case.decision_record_id) "
                   "WHERE decision_record_id IS NOT NULL")


def downgrade() -> None:
    op.drop_table('report')
    op.drop_column('app_user', 'team')
    op.drop_table('complaint')
    op.drop_index('ix_role_request_user_id', table_name='role_request')

    op.drop_table('role_request')
    op.drop_table('app_setting')
    op.drop_index('ix_case_status_band_pd', table_name='review_case')
    op.drop_index('ix_case_sort_status', table_name='review_case')
    op.drop_index('ix_case_sort_product', table_name='review_case')
    op.drop_index('ix_case_sort_priority', table_name='review_case')
    op.drop_index('ix_case_sort_pd', table_name='review_case')
    op.drop_index('ix_case_sort_kind', table_name='review_case')
    op.drop_index('ix_case_sort_due_at', table_name='review_case')
    op.drop_index('ix_case_sort_channel', table_name='review_case')
    op.drop_index('ix_case_sort_application_no', table_name='review_case')
    op.drop_index('ix_case_sort_applicant_name', table_name='review_case')
    op.drop_index('ix_case_sort_amount', table_name='review_case')
    op.drop_index('ix_case_assignee_open_due', table_name='review_case')
    op.drop_index('ix_case_assignee_open_pd', table_name='review_case')
    op.drop_index('ix_case_open_due', table_name='review_case')
    op.create_index('ix_review_case_status', 'review_case', ['status'], unique=False)
    op.create_index('ix_review_case_kind', 'review_case', ['kind'], unique=False)
    op.create_index('ix_review_case_due_at', 'review_case', ['due_at'], unique=False)
    op.drop_column('review_case', 'flags')
    op.drop_column('review_case', 'band')
    op.drop_column('review_case', 'points')
    op.drop_column('review_case', 'pd')
    op.drop_column('review_case', 'submitted_at')
    op.drop_column('review_case', 'amount')
    op.drop_column('review_case', 'channel')
    op.drop_column('review_case', 'product')
    op.drop_column('review_case', 'id_no_masked')
    op.drop_column('review_case', 'applicant_name')
    op.drop_column('review_case', 'application_no')
    op.drop_column('review_case', 'is_open')
