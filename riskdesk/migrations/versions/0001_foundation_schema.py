"""Foundation schema: users, data keys, audit trail, applicants, applications, import batches.

Revision ID: 0001
Revises: (none)
"""
from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects import mysql

revision: str = '0001'
down_revision: str | None = None
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table('app_user',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('username', sa.String(length=64), nullable=False),
    sa.Column('display_name', sa.String(length=128), nullable=False),
    sa.Column('password_hash', sa.String(length=255), nullable=False),
    sa.Column('active', sa.Boolean(), nullable=False),
    sa.Column('failed_logins', sa.Integer(), nullable=False),
    sa.Column('locked_until', sa.DateTime().with_variant(mysql.DATETIME(fsp=6), 'mariadb').with_variant(mysql.DATETIME(fsp=6), 'mysql'), nullable=True),
    sa.Column('created_at', sa.DateTime().with_variant(mysql.DATETIME(fsp=6), 'mariadb').with_variant(mysql.DATETIME(fsp=6), 'mysql'), nullable=False),
    sa.Column('password_changed_at', sa.DateTime().with_variant(mysql.DATETIME(fsp=6), 'mariadb').with_variant(mysql.DATETIME(fsp=6), 'mysql'), nullable=False),
    sa.PrimaryKeyConstraint('id'),
    sa.UniqueConstraint('username')
    )
    op.create_table('audit_event',
    sa.Column('seq', sa.Integer(), autoincrement=False, nullable=False),
    sa.Column('at', sa.DateTime().with_variant(mysql.DATETIME(fsp=6), 'mariadb').with_variant(mysql.DATETIME(fsp=6), 'mysql'), nullable=False),
    sa.Column('actor_id', sa.Integer(), nullable=True),
    sa.Column('actor', sa.String(length=64), nullable=False),
    sa.Column('action', sa.String(length=64), nullable=False),
    sa.Column('entity_type', sa.String(length=64), nullable=False),
    sa.Column('entity_id', sa.String(length=64), nullable=False),
    sa.Column('before', sa.Text().with_variant(mysql.MEDIUMTEXT(), 'mariadb').with_variant(mysql.MEDIUMTEXT(), 'mysql'), nullable=True),
    sa.Column('after', sa.Text().with_variant(mysql.MEDIUMTEXT(), 'mariadb').with_variant(mysql.MEDIUMTEXT(), 'mysql'), nullable=True),
    sa.Column('prev_hash', sa.String(length=64), nullable=False),
    sa.Column('hash', sa.String(length=64), nullable=False),
    sa.Column('canonical', sa.Text().with_variant(mysql.MEDIUMTEXT(), 'mariadb').with_variant(mysql.MEDIUMTEXT(), 'mysql'), nullable=False),
    sa.PrimaryKeyConstraint('seq'),
    sa.UniqueConstraint('hash')
    )
    with op.batch_alter_table('audit_event', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_audit_event_action'), ['action'], unique=False)
        batch_op.create_index(batch_op.f('ix_audit_event_at'), ['at'], unique=False)

    op.create_table('audit_head',
    sa.Column('id', sa.Integer(), autoincrement=False, nullable=False),
    sa.Column('seq', sa.Integer(), nullable=False),
    sa.Column('hash', sa.String(length=64), nullable=False),
    sa.PrimaryKeyConstraint('id')
    )
    op.bulk_insert(
        sa.table("audit_head", sa.column("id", sa.Integer), sa.column("seq", sa.Integer),
                 sa.column("hash", sa.String)),
        [{"id": 1, "seq": 0, "hash": "0" * 64}],
    )
    op.create_table('data_key',
    sa.Column('key_id', sa.String(length=32), nullable=False),
    sa.Column('check_value', sa.String(length=64), nullable=False),
    sa.Column('active', sa.Boolean(), nullable=False),
    sa.Column('created_at', sa.DateTime().with_variant(mysql.DATETIME(fsp=6), 'mariadb').with_variant(mysql.DATETIME(fsp=6), 'mysql'), nullable=False),
    sa.PrimaryKeyConstraint('key_id')
    )
    op.create_table('import_batch',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('file_name', sa.String(length=255), nullable=False),
    sa.Column('sha256', sa.String(length=64), nullable=False),
    sa.Column('rows_total', sa.Integer(), nullable=False),
    sa.Column('rows_inserted', sa.Integer(), nullable=False),
    sa.Column('rows_present', sa.Integer(), nullable=False),
    sa.Column('rows_conflict', sa.Integer(), nullable=False),
    sa.Column('rows_rejected', sa.Integer(), nullable=False),
    sa.Column('user_id', sa.Integer(), nullable=True),
    sa.Column('username', sa.String(length=64), nullable=False),
    sa.Column('started_at', sa.DateTime().with_variant(mysql.DATETIME(fsp=6), 'mariadb').with_variant(mysql.DATETIME(fsp=6), 'mysql'), nullable=False),
    sa.Column('finished_at', sa.DateTime().with_variant(mysql.DATETIME(fsp=6), 'mariadb').with_variant(mysql.DATETIME(fsp=6), 'mysql'), nullable=True),
    sa.Column('outcome', sa.String(length=16), nullable=False),
    sa.Column('message', sa.String(length=2000), nullable=False),
    sa.ForeignKeyConstraint(['user_id'], ['app_user.id'], ),
    sa.PrimaryKeyConstraint('id')
    )
    with op.batch_alter_table('import_batch', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_import_batch_sha256'), ['sha256'], unique=False)

    op.create_table('user_role',
    sa.Column('user_id', sa.Integer(), nullable=False),
    sa.Column('role', sa.String(length=32), nullable=False),
    sa.ForeignKeyConstraint(['user_id'], ['app_user.id'], ),
    sa.PrimaryKeyConstraint('user_id', 'role')
    )
    op.create_table('applicant',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('name', sa.String(length=128), nullable=False),
    sa.Column('id_no_enc', sa.LargeBinary().with_variant(sa.BLOB(), 'mariadb').with_variant(sa.BLOB(), 'mysql'), nullable=False),
    sa.Column('id_no_hash', sa.String(length=64), nullable=False),
    sa.Column('id_no_masked', sa.String(length=18), nullable=False),
    sa.Column('birth_date', sa.Date(), nullable=False),
    sa.Column('gender', sa.String(length=1), nullable=False),
    sa.Column('region_code', sa.String(length=6), nullable=False),
    sa.Column('key_id', sa.String(length=32), nullable=False),
    sa.Column('first_batch_id', sa.Integer(), nullable=True),
    sa.Column('created_at', sa.DateTime().with_variant(mysql.DATETIME(fsp=6), 'mariadb').with_variant(mysql.DATETIME(fsp=6), 'mysql'), nullable=False),
    sa.ForeignKeyConstraint(['first_batch_id'], ['import_batch.id'], ),
    sa.PrimaryKeyConstraint('id'),
    sa.UniqueConstraint('id_no_hash')
    )
    with op.batch_alter_table('applicant', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_applicant_name'), ['name'], unique=False)

    op.create_table('application',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('application_no', sa.String(length=40), nullable=False),
    sa.Column('applicant_id', sa.Integer(), nullable=False),
    sa.Column('batch_id', sa.Integer(), nullable=False),
    sa.Column('product', sa.String(length=24), nullable=False),
    sa.Column('channel', sa.String(length=24), nullable=False),
    sa.Column('amount', sa.Numeric(precision=14, scale=2), nullable=False),
    sa.Column('term_months', sa.Integer(), nullable=False),
    sa.Column('apr', sa.Numeric(precision=7, scale=4), nullable=False),
    sa.Column('upfront_fee', sa.Numeric(precision=14, scale=2), nullable=False),
    sa.Column('monthly_fee', sa.Numeric(precision=14, scale=2), nullable=False),
    sa.Column('other_fees', sa.Numeric(precision=14, scale=2), nullable=False),
    sa.Column('repayment_type', sa.String(length=24), nullable=False),
    sa.Column('purpose', sa.String(length=32), nullable=False),
    sa.Column('submitted_at', sa.DateTime().with_variant(mysql.DATETIME(fsp=6), 'mariadb').with_variant(mysql.DATETIME(fsp=6), 'mysql'), nullable=False),
    sa.Column('phone_enc', sa.LargeBinary().with_variant(sa.BLOB(), 'mariadb').with_variant(sa.BLOB(), 'mysql'), nullable=False),
    sa.Column('phone_hash', sa.String(length=64), nullable=False),
    sa.Column('phone_masked', sa.String(length=16), nullable=False),
    sa.Column('card_enc', sa.LargeBinary().with_variant(sa.BLOB(), 'mariadb').with_variant(sa.BLOB(), 'mysql'), nullable=True),
    sa.Column('card_hash', sa.String(length=64), nullable=True),
    sa.Column('card_masked', sa.String(length=24), nullable=True),
    sa.Column('device_id', sa.String(length=64), nullable=True),
    sa.Column('ip', sa.String(length=45), nullable=True),
    sa.Column('outcome', sa.String(length=8), nullable=True),
    sa.Column('content_hash', sa.String(length=64), nullable=False),
    sa.Column('key_id', sa.String(length=32), nullable=False),
    sa.Column('created_at', sa.DateTime().with_variant(mysql.DATETIME(fsp=6), 'mariadb').with_variant(mysql.DATETIME(fsp=6), 'mysql'), nullable=False),
    sa.ForeignKeyConstraint(['applicant_id'], ['applicant.id'], ),
    sa.ForeignKeyConstraint(['batch_id'], ['import_batch.id'], ),
    sa.PrimaryKeyConstraint('id'),
    sa.UniqueConstraint('application_no')
    )
    with op.batch_alter_table('application', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_application_applicant_id'), ['applicant_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_application_card_hash'), ['card_hash'], unique=False)
        batch_op.create_index(batch_op.f('ix_application_device_id'), ['device_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_application_phone_hash'), ['phone_hash'], unique=False)
        batch_op.create_index('ix_application_submitted_id', ['submitted_at', 'id'], unique=False)

    op.create_table('application_features',
    sa.Column('application_id', sa.Integer(), nullable=False),
    sa.Column('annual_income', sa.Float(precision=53).with_variant(mysql.DOUBLE(), 'mariadb').with_variant(mysql.DOUBLE(), 'mysql'), nullable=True),
    sa.Column('emp_length_years', sa.Integer(), nullable=True),
    sa.Column('verification_status', sa.String(length=20), nullable=True),
    sa.Column('lender_grade', sa.String(length=4), nullable=True),
    sa.Column('delinq_2yrs', sa.Integer(), nullable=True),
    sa.Column('inq_last_6mths', sa.Integer(), nullable=True),
    sa.Column('revol_util', sa.Float(precision=53).with_variant(mysql.DOUBLE(), 'mariadb').with_variant(mysql.DOUBLE(), 'mysql'), nullable=True),
    sa.Column('acc_now_delinq', sa.Integer(), nullable=True),
    sa.Column('open_il_6m', sa.Integer(), nullable=True),
    sa.Column('open_il_12m', sa.Integer(), nullable=True),
    sa.Column('open_il_24m', sa.Integer(), nullable=True),
    sa.Column('total_bal_il', sa.Float(precision=53).with_variant(mysql.DOUBLE(), 'mariadb').with_variant(mysql.DOUBLE(), 'mysql'), nullable=True),
    sa.Column('all_util', sa.Float(precision=53).with_variant(mysql.DOUBLE(), 'mariadb').with_variant(mysql.DOUBLE(), 'mysql'), nullable=True),
    sa.Column('inq_fi', sa.Integer(), nullable=True),
    sa.Column('inq_last_12m', sa.Integer(), nullable=True),
    sa.Column('delinq_amnt', sa.Float(precision=53).with_variant(mysql.DOUBLE(), 'mariadb').with_variant(mysql.DOUBLE(), 'mysql'), nullable=True),
    sa.Column('num_il_tl', sa.Integer(), nullable=True),
    sa.Column('total_il_high_credit_limit', sa.Float(precision=53).with_variant(mysql.DOUBLE(), 'mariadb').with_variant(mysql.DOUBLE(), 'mysql'), nullable=True),
    sa.ForeignKeyConstraint(['application_id'], ['application.id'], ),
    sa.PrimaryKeyConstraint('application_id')
    )


def downgrade() -> None:
    op.drop_table('application_features')
    with op.batch_alter_table('application', schema=None) as batch_op:
        batch_op.drop_index('ix_application_submitted_id')
        batch_op.drop_index(batch_op.f('ix_application_phone_hash'))
        batch_op.drop_index(batch_op.f('ix_application_device_id'))
        batch_op.drop_index(batch_op.f('ix_application_card_hash'))
        batch_op.drop_index(batch_op.f('ix_application_applicant_id'))

    op.drop_table('application')
    with op.batch_alter_table('applicant', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_applicant_name'))

    op.drop_table('applicant')
    op.drop_table('user_role')
    with op.batch_alter_table('import_batch', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_import_batch_sha256'))

    op.drop_table('import_batch')
    op.drop_table('data_key')
    op.drop_table('audit_head')
    with op.batch_alter_table('audit_event', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_audit_event_at'))
        batch_op.drop_index(batch_op.f('ix_audit_event_action'))

    op.drop_table('audit_event')
    op.drop_table('app_user')
