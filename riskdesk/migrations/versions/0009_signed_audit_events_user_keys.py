"""signed audit events and users' signing keys

The signature goes beside each event (a new nullable column, added without rebuilding the
table, so SQLite keeps its append-only triggers); events recorded before are left unsigned and
reported as such by ``audit verify``. ``user_key`` holds each user's public key and wrapped
private key (issue 24).

Revision ID: 0009
Revises: 0008
"""
from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects import mysql

revision: str = '0009'
down_revision: str | None = '0008'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

_TIME = sa.DateTime().with_variant(mysql.DATETIME(fsp=6), 'mariadb').with_variant(
    mysql.DATETIME(fsp=6), 'mysql')


def upgrade() -> None:
    op.add_column('audit_event', sa.Column('signature', sa.String(length=160), nullable=True))
    op.create_table('user_key',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('user_id', sa.Integer(), nullable=False),
    sa.Column('fingerprint', sa.String(length=32), nullable=False),
    sa.Column('public_key', sa.String(length=64), nullable=False),
    sa.Column('wrapped', sa.String(length=255), nullable=False),
    sa.Column('status', sa.String(length=16), nullable=False),
    sa.Column('root', sa.Boolean(), nullable=False),
    sa.Column('created_at', _TIME, nullable=False),
    sa.Column('countersigned_by', sa.String(length=64), nullable=False),
    sa.Column('changed_at', _TIME, nullable=True),
    sa.ForeignKeyConstraint(['user_id'], ['app_user.id'], ),
    sa.PrimaryKeyConstraint('id'),
    sa.UniqueConstraint('fingerprint')
    )
    op.create_index(op.f('ix_user_key_user_id'), 'user_key', ['user_id'], unique=False)


def downgrade() -> None:
    op.drop_index(op.f('ix_user_key_user_id'), table_name='user_key')
    op.drop_table('user_key')
    op.drop_column('audit_event', 'signature')
