"""evidence files on cases and complaints

``evidence_file`` lists each file (name, type from its content, size, SHA-256 of the plain
bytes, who and when, the version it supersedes) on a case or a complaint; ``evidence_chunk``
holds its bytes encrypted with the data key, in pieces of at most 4 MiB so no row needs more
than MariaDB's default ``max_allowed_packet`` (issue 27).

Revision ID: 0011
Revises: 0010
"""
from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects import mysql

revision: str = '0011'
down_revision: str | None = '0010'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

_TIME = sa.DateTime().with_variant(mysql.DATETIME(fsp=6), 'mariadb').with_variant(
    mysql.DATETIME(fsp=6), 'mysql')
_BLOB = sa.LargeBinary().with_variant(mysql.LONGBLOB(), 'mariadb').with_variant(
    mysql.LONGBLOB(), 'mysql')


def upgrade() -> None:
    op.create_table('evidence_file',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('case_id', sa.Integer(), nullable=True),
    sa.Column('complaint_id', sa.Integer(), nullable=True),
    sa.Column('name', sa.String(length=255), nullable=False),
    sa.Column('kind', sa.String(length=8), nullable=False),
    sa.Column('media_type', sa.String(length=100), nullable=False),
    sa.Column('size', sa.Integer(), nullable=False),
    sa.Column('sha256', sa.String(length=64), nullable=False),
    sa.Column('note', sa.String(length=1000), nullable=False),
    sa.Column('supersedes_id', sa.Integer(), nullable=True),
    sa.Column('chunks', sa.Integer(), nullable=False),
    sa.Column('key_id', sa.String(length=32), nullable=False),
    sa.Column('added_by_id', sa.Integer(), nullable=False),
    sa.Column('added_by', sa.String(length=64), nullable=False),
    sa.Column('added_at', _TIME, nullable=False),
    sa.CheckConstraint('(case_id IS NULL) <> (complaint_id IS NULL)',
                       name='ck_evidence_one_owner'),
    sa.ForeignKeyConstraint(['added_by_id'], ['app_user.id'], ),
    sa.ForeignKeyConstraint(['case_id'], ['review_case.id'], ),
    sa.ForeignKeyConstraint(['complaint_id'], ['complaint.id'], ),
    sa.ForeignKeyConstraint(['supersedes_id'], ['evidence_file.id'], ),
    sa.PrimaryKeyConstraint('id'),
    sa.UniqueConstraint('supersedes_id')
    )
    op.create_index('ix_evidence_case', 'evidence_file', ['case_id', 'id'], unique=False)
    op.create_index('ix_evidence_complaint', 'evidence_file', ['complaint_id', 'id'],
                    unique=False)
    op.create_table('evidence_chunk',
    sa.Column('file_id', sa.Integer(), nullable=False),
    sa.Column('seq', sa.Integer(), autoincrement=False, nullable=False),
    sa.Column('data', _BLOB, nullable=False),
    sa.ForeignKeyConstraint(['file_id'], ['evidence_file.id'], ),
    sa.PrimaryKeyConstraint('file_id', 'seq')
    )


def downgrade() -> None:
    op.drop_table('evidence_chunk')
    op.drop_index('ix_evidence_complaint', table_name='evidence_file')
    op.drop_index('ix_evidence_case', table_name='evidence_file')
    op.drop_table('evidence_file')
