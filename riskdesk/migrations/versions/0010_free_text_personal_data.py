"""free text personal data: text_pii, and existing free text cleaned

Personal data typed into notes, drafts, case reasons, complaints and findings is now kept
masked in the text and encrypted in ``text_pii`` (issue 25). Rows written before are cleaned
here with the data key (an audit event records how many rows of each table); audit events
already written cannot change: ``audit verify`` lists those with personal data once. Offline
(the DBA's SQL script) only the table is made: the clean-up needs the data key, so it runs at
the next ``riskdesk db upgrade`` from a workstation holding it, or on a local file's start.

Revision ID: 0010
Revises: 0009
"""
from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import context, op
from sqlalchemy.dialects import mysql

revision: str = '0010'
down_revision: str | None = '0009'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

_TIME = sa.DateTime().with_variant(mysql.DATETIME(fsp=6), 'mariadb').with_variant(
    mysql.DATETIME(fsp=6), 'mysql')


def upgrade() -> None:
    op.create_table('text_pii',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('entity', sa.String(length=32), nullable=False),
    sa.Column('entity_id', sa.String(length=64), nullable=False),
    sa.Column('field', sa.String(length=32), nullable=False),
    sa.Column('position', sa.Integer(), nullable=False),
    sa.Column('kind', sa.String(length=16), nullable=False),
    sa.Column('masked', sa.String(length=24), nullable=False),
    sa.Column('value_enc', sa.LargeBinary().with_variant(mysql.BLOB(), 'mariadb').with_variant(mysql.BLOB(), 'mysql'), nullable=False),
    sa.Column('key_id', sa.String(length=32), nullable=False),
    sa.Column('created_at', _TIME, nullable=False),
    sa.PrimaryKeyConstraint('id')
    )
    op.create_index('ix_text_pii_entity', 'text_pii', ['entity', 'entity_id', 'field'],
                    unique=False)
    if context.is_offline_mode():
        return
    from riskdesk.services.actor import Actor
    from riskdesk.services.privacy.free_text import clean_existing

    bind = op.get_bind()
    if bind.dialect.name == "sqlite":  # the cleaned text's old bytes are zeroed, not freed
        bind.exec_driver_sql("PRAGMA secure_delete = ON")
    clean_existing(bind, Actor(user_id=None, username="migration 0010"))


def downgrade() -> None:
    op.drop_index('ix_text_pii_entity', table_name='text_pii')
    op.drop_table('text_pii')
