"""case tally: "unassigned" and "awaiting_check" kept as counters too

The queue's "Unassigned" view (open cases with no assignee) and "Awaiting check" view (cases
whose status is awaiting_check) were the two costly counts left among the six saved views at
10 million cases on PostgreSQL (index-only scans of 180,000 and 100,000 entries: 28-38 ms and
12 ms). Two more tallies of 16 shards each in ``case_tally``, kept in the same transaction as
every case insert and every change of a case's status, assignee or open flag
(services/cases/tally.py) as "all" and "open" are; filled here from the cases present.

Revision ID: 0022
Revises: 0021
"""
from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = '0022'
down_revision: str | None = '0021'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

SHARDS = 16  # services/cases/tally.py
TALLIES = ("unassigned", "awaiting_check")


def upgrade() -> None:
    table = sa.table('case_tally', sa.column('tally', sa.String(16)),
                     sa.column('shard', sa.Integer()), sa.column('n', sa.Integer()))
    op.bulk_insert(table, [{"tally": t, "shard": s, "n": 0}
                           for t in TALLIES for s in range(SHARDS)])
    # The cases present go to shard 0, in offline SQL for a DBA too (a populated server
    # upgraded by script would otherwise start both at 0); TRUE reads as the open flag on
    # all three databases.
    op.execute(sa.text("UPDATE case_tally SET n = (SELECT count(*) FROM review_case "
                       "WHERE assignee_id IS NULL AND is_open = TRUE) "
                       "WHERE tally = 'unassigned' AND shard = 0"))
    op.execute(sa.text("UPDATE case_tally SET n = (SELECT count(*) FROM review_case "
                       "WHERE status = 'awaiting_check') "
                       "WHERE tally = 'awaiting_check' AND shard = 0"))


def downgrade() -> None:
    op.execute(sa.text("DELETE FROM case_tally WHERE tally IN ('unassigned', "
                       "'awaiting_check')"))
