"""decision feed to origination

``decision_feed`` (one record per final decision, numbered under ``feed_head``'s lock),
``feed_ack`` (what origination confirmed), ``feed_head``, and the view ``decision_feed_view``
the ``origination`` role reads (``riskdesk db roles-sql``). Existing final decisions are
numbered here, in the order they became final by the audit trail (issue 29).

Revision ID: 0014
Revises: 0013
"""
from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects import mysql

revision: str = '0014'
down_revision: str | None = '0013'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

UtcDateTime = sa.DateTime().with_variant(mysql.DATETIME(fsp=6), "mysql", "mariadb")

VIEW = ("CREATE VIEW decision_feed_view AS SELECT f.seq, f.application_no, f.loan_no, "
        "f.decision, f.rule_codes, f.feature_codes, f.model_version_id, f.rule_set_id, "
        "f.policy_version_id, f.decided_by, f.checked_by, f.final_at, f.signature, "
        "a.acknowledged_at FROM decision_feed f LEFT JOIN feed_ack a ON a.seq = f.seq")


def upgrade() -> None:
    # MariaDB's DATETIME(6) takes its default at the same precision.
    now = sa.text("CURRENT_TIMESTAMP(6)") if op.get_bind().dialect.name in (
        "mysql", "mariadb") else sa.func.current_timestamp()
    op.create_table(
        'decision_feed',
        sa.Column('seq', sa.BigInteger(), autoincrement=False, nullable=False),
        sa.Column('source', sa.String(length=16), nullable=False),
        sa.Column('source_id', sa.Integer(), nullable=False),
        sa.Column('application_no', sa.String(length=40), nullable=False),
        sa.Column('loan_no', sa.String(length=40), nullable=False),
        sa.Column('decision', sa.String(length=24), nullable=False),
        sa.Column('rule_codes', sa.String(length=255), nullable=False),
        sa.Column('feature_codes', sa.String(length=255), nullable=False),
        sa.Column('model_version_id', sa.Integer(), nullable=True),
        sa.Column('rule_set_id', sa.Integer(), nullable=True),
        sa.Column('policy_version_id', sa.Integer(), nullable=True),
        sa.Column('decided_by', sa.String(length=64), nullable=False),
        sa.Column('checked_by', sa.String(length=64), nullable=False),
        sa.Column('final_at', UtcDateTime, nullable=False),
        sa.Column('audit_seq', sa.Integer(), nullable=True),
        sa.Column('signature', sa.Text(), nullable=True),
        sa.PrimaryKeyConstraint('seq'),
    )
    op.create_index('ix_decision_feed_source', 'decision_feed', ['source', 'source_id'])
    op.create_table(
        'feed_ack',
        sa.Column('seq', sa.BigInteger(), autoincrement=False, nullable=False),
        sa.Column('acknowledged_at', UtcDateTime, nullable=False,
                  server_default=now),
        sa.Column('source', sa.String(length=16), nullable=False, server_default='view'),
        sa.PrimaryKeyConstraint('seq'),
    )
    op.create_table(
        'feed_head',
        sa.Column('id', sa.Integer(), autoincrement=False, nullable=False),
        sa.Column('seq', sa.BigInteger(), nullable=False),
        sa.Column('exported_to', sa.BigInteger(), nullable=False),
        sa.PrimaryKeyConstraint('id'),
    )
    op.bulk_insert(sa.table('feed_head', sa.column('id', sa.Integer),
                            sa.column('seq', sa.BigInteger),
                            sa.column('exported_to', sa.BigInteger)),
                   [{'id': 1, 'seq': 0, 'exported_to': 0}])
    op.execute(VIEW)
    if op.get_context().as_sql:  # the DBA's offline script: an empty database has no
        return  # decisions to number (a database with decisions is upgraded online)
    from sqlalchemy.orm import Session

    from riskdesk.services.feed.records import backfill

    with Session(bind=op.get_bind()) as session:
        backfill(session)
        session.flush()


def downgrade() -> None:
    op.execute("DROP VIEW decision_feed_view")
    op.drop_table('feed_head')
    op.drop_table('feed_ack')
    op.drop_index('ix_decision_feed_source', table_name='decision_feed')
    op.drop_table('decision_feed')
