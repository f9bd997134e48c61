"""fraud rings: the link store, rings and the case-application link table

``link_key`` (a shared key's keyed hash and masked form), ``link_edge`` (one application's tie
of its applicant to a key), ``fraud_ring`` and ``ring_member``, ``case_application`` (the
applications a ring case covers), and the optional import columns ``contact_phone`` and
``employer`` on ``application`` as keyed hashes and masked forms (issue 33). Plain ADD COLUMN
and CREATE INDEX (no batch rebuild), as in 0012.

Revision ID: 0016
Revises: 0015
"""
from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects import mysql

revision: str = '0016'
down_revision: str | None = '0015'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table('link_key',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('kind', sa.String(length=8), nullable=False),
    sa.Column('key_hash', sa.String(length=64), nullable=False),
    sa.Column('masked', sa.String(length=32), nullable=False),
    sa.PrimaryKeyConstraint('id'),
    sa.UniqueConstraint('kind', 'key_hash')
    )
    op.create_table('link_edge',
    sa.Column('application_id', sa.Integer(), nullable=False),
    sa.Column('key_id', sa.Integer(), nullable=False),
    sa.Column('via', sa.String(length=16), nullable=False),
    sa.Column('applicant_id', sa.Integer(), nullable=False),
    sa.Column('seen_at', sa.DateTime().with_variant(mysql.DATETIME(fsp=6), 'mariadb').with_variant(mysql.DATETIME(fsp=6), 'mysql'), nullable=False),
    sa.ForeignKeyConstraint(['applicant_id'], ['applicant.id'], ),
    sa.ForeignKeyConstraint(['application_id'], ['application.id'], ),
    sa.ForeignKeyConstraint(['key_id'], ['link_key.id'], ),
    sa.PrimaryKeyConstraint('application_id', 'key_id', 'via')
    )
    op.create_index('ix_link_edge_applicant_seen', 'link_edge', ['applicant_id', 'seen_at'], unique=False)
    op.create_index('ix_link_edge_key_seen', 'link_edge', ['key_id', 'seen_at'], unique=False)

    op.create_table('case_application',
    sa.Column('case_id', sa.Integer(), nullable=False),
    sa.Column('application_id', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['application_id'], ['application.id'], ),
    sa.ForeignKeyConstraint(['case_id'], ['review_case.id'], ),
    sa.PrimaryKeyConstraint('case_id', 'application_id')
    )
    op.create_index('ix_case_application_application_id', 'case_application', ['application_id'], unique=False)

    op.create_table('fraud_ring',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('status', sa.String(length=16), nullable=False),
    sa.Column('case_id', sa.Integer(), nullable=True),
    sa.Column('applicants', sa.Integer(), nullable=False),
    sa.Column('applications', sa.Integer(), nullable=False),
    sa.Column('keys', sa.Integer(), nullable=False),
    sa.Column('amount', sa.Numeric(precision=14, scale=2), nullable=False),
    sa.Column('metrics', sa.Text().with_variant(mysql.MEDIUMTEXT(), 'mariadb').with_variant(mysql.MEDIUMTEXT(), 'mysql'), nullable=False),
    sa.Column('first_seen', sa.DateTime().with_variant(mysql.DATETIME(fsp=6), 'mariadb').with_variant(mysql.DATETIME(fsp=6), 'mysql'), nullable=True),
    sa.Column('last_seen', sa.DateTime().with_variant(mysql.DATETIME(fsp=6), 'mariadb').with_variant(mysql.DATETIME(fsp=6), 'mysql'), nullable=True),
    sa.Column('created_at', sa.DateTime().with_variant(mysql.DATETIME(fsp=6), 'mariadb').with_variant(mysql.DATETIME(fsp=6), 'mysql'), nullable=False),
    sa.Column('updated_at', sa.DateTime().with_variant(mysql.DATETIME(fsp=6), 'mariadb').with_variant(mysql.DATETIME(fsp=6), 'mysql'), nullable=False),
    sa.ForeignKeyConstraint(['case_id'], ['review_case.id'], ),
    sa.PrimaryKeyConstraint('id')
    )
    op.create_table('ring_member',
    sa.Column('ring_id', sa.Integer(), nullable=False),
    sa.Column('applicant_id', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['applicant_id'], ['applicant.id'], ),
    sa.ForeignKeyConstraint(['ring_id'], ['fraud_ring.id'], ),
    sa.PrimaryKeyConstraint('ring_id', 'applicant_id')
    )
    op.create_index('ix_ring_member_applicant_id', 'ring_member', ['applicant_id'], unique=False)

    op.add_column('application', sa.Column('contact_phone_hash', sa.String(length=64), nullable=True))
    op.add_column('application', sa.Column('contact_phone_masked', sa.String(length=16), nullable=True))
    op.add_column('application', sa.Column('employer_hash', sa.String(length=64), nullable=True))
    op.add_column('application', sa.Column('employer_masked', sa.String(length=32), nullable=True))


def downgrade() -> None:
    op.drop_column('application', 'employer_masked')
    op.drop_column('application', 'employer_hash')
    op.drop_column('application', 'contact_phone_masked')
    op.drop_column('application', 'contact_phone_hash')

    op.drop_index('ix_ring_member_applicant_id', table_name='ring_member')

    op.drop_table('ring_member')
    op.drop_table('fraud_ring')
    op.drop_index('ix_case_application_application_id', table_name='case_application')

    op.drop_table('case_application')
    op.drop_index('ix_link_edge_key_seen', table_name='link_edge')
    op.drop_index('ix_link_edge_applicant_seen', table_name='link_edge')

    op.drop_table('link_edge')
    op.drop_table('link_key')
