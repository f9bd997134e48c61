"""case tally: the queue's "All" and open-case counts kept as counters; masked phone index

``case_tally`` holds how many cases there are and how many are open, each split over 16 rows
(shards) by the writing user and kept in the same transaction as every case insert and every
open/closed change (services/cases/tally.py): the queue's "All" and "Overdue" counts at 10
million cases read a few rows instead of counting them (issue 27). Filled here from the cases
present. And ``(phone_masked, id)`` on ``application``: a masked phone copied from the grid
(``138****5678``) is searched on what the grid shows, as a masked ID number is.

Revision ID: 0019
Revises: 0018
"""
from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = '0019'
down_revision: str | None = '0018'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

SHARDS = 16  # services/cases/tally.py


def upgrade() -> None:
    table = op.create_table(
        'case_tally',
        sa.Column('tally', sa.String(length=16), nullable=False),
        sa.Column('shard', sa.Integer(), autoincrement=False, nullable=False),
        sa.Column('n', sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint('tally', 'shard'),
    )
    op.bulk_insert(table, [{"tally": t, "shard": s, "n": 0}
                           for t in ("all", "open") for s in range(SHARDS)])
    op.create_index('ix_application_phone_masked', 'application', ['phone_masked', 'id'],
                    unique=False)
    # The cases present go to shard 0, in offline SQL for a DBA too (see 0022).
    op.execute(sa.text("UPDATE case_tally SET n = (SELECT count(*) FROM review_case) "
                       "WHERE tally = 'all' AND shard = 0"))
    op.execute(sa.text("UPDATE case_tally SET n = (SELECT count(*) FROM review_case "
                       "WHERE is_open = TRUE) WHERE tally = 'open' AND shard = 0"))


def downgrade() -> None:
    op.drop_index('ix_application_phone_masked', table_name='application')
    op.drop_table('case_tally')
