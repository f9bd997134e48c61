"""queue: priority-then-due order and masked ID search

The case queue's default order is priority, then due time (issue 27): indexes
``(priority, due_at, id)`` for "All" and ``(assignee_id, is_open, priority, due_at, id)`` for
"My cases", so keyset pages read only the rows they show at 10 million cases; and
``(id_no_masked, id)``, the masked ID number the grid shows, which search matches.

Revision ID: 0013
Revises: 0012
"""
from __future__ import annotations

from collections.abc import Sequence

from alembic import op

revision: str = '0013'
down_revision: str | None = '0012'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

INDEXES = {
    "ix_case_priority_due": ["priority", "due_at", "id"],
    "ix_case_assignee_open_priority_due": ["assignee_id", "is_open", "priority", "due_at",
                                           "id"],
    "ix_case_id_no_masked": ["id_no_masked", "id"],
}


def upgrade() -> None:
    for name, columns in INDEXES.items():
        op.create_index(name, "review_case", columns, unique=False)


def downgrade() -> None:
    for name in INDEXES:
        op.drop_index(name, table_name="review_case")
