"""partners

Revision ID: 0007
Revises: 0006
"""
from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects import mysql

revision: str = '0007'
down_revision: str | None = '0006'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table('capital_figure',
    sa.Column('effective_date', sa.Date(), nullable=False),
    sa.Column('net_tier1_capital', sa.Numeric(precision=14, scale=2), nullable=False),
    sa.Column('total_loan_balance', sa.Numeric(precision=14, scale=2), nullable=False),
    sa.Column('set_by', sa.String(length=64), nullable=False),
    sa.Column('set_at', sa.DateTime().with_variant(mysql.DATETIME(fsp=6), 'mariadb').with_variant(mysql.DATETIME(fsp=6), 'mysql'), nullable=False),
    sa.PrimaryKeyConstraint('effective_date')
    )
    op.create_table('partner',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('code', sa.String(length=24), nullable=False),
    sa.Column('name', sa.String(length=128), nullable=False),
    sa.Column('kind', sa.String(length=24), nullable=False),
    sa.Column('licence_no', sa.String(length=64), nullable=False),
    sa.Column('registration_no', sa.String(length=64), nullable=False),
    sa.Column('region', sa.String(length=64), nullable=False),
    sa.Column('status', sa.String(length=16), nullable=False),
    sa.Column('status_reason', sa.String(length=1000), nullable=False),
    sa.Column('next_review', sa.Date(), nullable=True),
    sa.Column('created_at', sa.DateTime().with_variant(mysql.DATETIME(fsp=6), 'mariadb').with_variant(mysql.DATETIME(fsp=6), 'mysql'), nullable=False),
    sa.Column('updated_at', sa.DateTime().with_variant(mysql.DATETIME(fsp=6), 'mariadb').with_variant(mysql.DATETIME(fsp=6), 'mysql'), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.PrimaryKeyConstraint('id'),
    sa.UniqueConstraint('code')
    )
    op.create_table('partner_check',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('partner_id', sa.Integer(), nullable=False),
    sa.Column('item', sa.String(length=32), nullable=False),
    sa.Column('passed', sa.Boolean(), nullable=False),
    sa.Column('evidence', sa.String(length=2000), nullable=False),
    sa.Column('review_due', sa.Date(), nullable=True),
    sa.Column('checked_by', sa.String(length=64), nullable=False),
    sa.Column('checked_at', sa.DateTime().with_variant(mysql.DATETIME(fsp=6), 'mariadb').with_variant(mysql.DATETIME(fsp=6), 'mysql'), nullable=False),
    sa.ForeignKeyConstraint(['partner_id'], ['partner.id'], ),
    sa.PrimaryKeyConstraint('id')
    )
    op.create_index(op.f('ix_partner_check_partner_id'), 'partner_check', ['partner_id'], unique=False)
    # New nullable columns with an inline REFERENCES: no table rebuild on SQLite (an
    # application table of millions of rows), ADD COLUMN + constraint elsewhere.
    _add_partner_column('application')
    op.create_index(op.f('ix_application_partner_id'), 'application', ['partner_id'], unique=False)
    _add_partner_column('loan')
    op.add_column('loan', sa.Column('partner_share', sa.Numeric(precision=7, scale=4), nullable=True))
    op.create_index(op.f('ix_loan_partner_id'), 'loan', ['partner_id'], unique=False)


def _add_partner_column(table: str) -> None:
    if op.get_context().dialect.name == "sqlite":  # inline REFERENCES, no rebuild
        op.execute(f"ALTER TABLE {table} ADD COLUMN partner_id INTEGER REFERENCES partner (id)")
    else:
        op.add_column(table, sa.Column('partner_id', sa.Integer(), sa.ForeignKey('partner.id'),
                                       nullable=True))


def downgrade() -> None:
    op.drop_index(op.f('ix_loan_partner_id'), table_name='loan')
    with op.batch_alter_table('loan', schema=None) as batch_op:  # SQLite: drop = rebuild
        batch_op.drop_column('partner_share')
        batch_op.drop_column('partner_id')
    op.drop_index(op.f('ix_application_partner_id'), table_name='application')
    with op.batch_alter_table('application', schema=None) as batch_op:
        batch_op.drop_column('partner_id')
    op.drop_index(op.f('ix_partner_check_partner_id'), table_name='partner_check')
    op.drop_table('partner_check')
    op.drop_table('partner')
    op.drop_table('capital_figure')
