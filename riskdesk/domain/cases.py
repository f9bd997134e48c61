"""The case: the unit of review work every later feature (queue, notes, four-eyes) builds on."""
from __future__ import annotations

from datetime import datetime
from decimal import Decimal

from sqlalchemy import Index
from sqlmodel import Field, SQLModel

import riskdesk.domain.applications  # noqa: F401 - a table its foreign keys name
import riskdesk.domain.scoring  # noqa: F401 - a table its foreign keys name
import riskdesk.domain.users  # noqa: F401 - a table its foreign keys name
from riskdesk.domain.types import Double, Money, UtcDateTime

# Each queue sort has an index (column, id): keyset pages at 10 million cases read only the
# rows they show. Views have their own: "My cases" and "Unassigned" by due date or PD,
# "Overdue", and status + band by PD.
QUEUE_SORTS = ("kind", "status", "priority", "due_at", "application_no", "applicant_name",
               "product", "channel", "amount", "pd")


class Case(SQLModel, table=True):
    __tablename__ = "review_case"  # CASE is an SQL keyword
    __table_args__ = (
        *(Index(f"ix_case_sort_{c}", c, "id") for c in QUEUE_SORTS),
        Index("ix_case_assignee_open_due", "assignee_id", "is_open", "due_at", "id"),
        Index("ix_case_assignee_open_pd", "assignee_id", "is_open", "pd", "id"),
        Index("ix_case_open_due", "is_open", "due_at", "id"),
        Index("ix_case_status_band_pd", "status", "band", "pd", "id"),
        # The default order, priority then due time (issue 27): for "All" and "My cases";
        # the masked ID number the grid shows, which search matches (docs/search.md).
        Index("ix_case_priority_due", "priority", "due_at", "id"),
        Index("ix_case_assignee_open_priority_due", "assignee_id", "is_open", "priority",
              "due_at", "id"),
        Index("ix_case_id_no_masked", "id_no_masked", "id"),
    )

    id: int | None = Field(default=None, primary_key=True)
    kind: str = Field(max_length=24)
    application_id: int | None = Field(default=None, foreign_key="application.id", index=True)
    # One case per cause: "pre_loan:<application id>"; NULL where repeats are legitimate.
    dedupe_key: str | None = Field(default=None, max_length=64, unique=True)
    status: str = Field(max_length=16)
    # status not decided/closed, kept with it: one indexable value for the open-case views.
    is_open: bool = Field(default=True)
    priority: int  # 1 (most urgent) .. 4
    due_at: datetime = Field(sa_type=UtcDateTime)
    assignee_id: int | None = Field(default=None, foreign_key="app_user.id")
    decision: str | None = Field(default=None, max_length=16)  # approve / decline
    maker_id: int | None = Field(default=None, foreign_key="app_user.id")  # awaiting a check
    reason: str = Field(default="", max_length=2000)
    decided_by_id: int | None = Field(default=None, foreign_key="app_user.id")
    checked_by_id: int | None = Field(default=None, foreign_key="app_user.id")
    decision_record_id: int | None = Field(default=None, foreign_key="decision_record.id")
    created_at: datetime = Field(sa_type=UtcDateTime)
    updated_at: datetime = Field(sa_type=UtcDateTime)
    # Optimistic locking: writers UPDATE ... WHERE version = the version they read.
    version: int = Field(default=1)
    # The queue's read model, copied from the application and its current decision when the
    # case opens (services/cases/opening.py) and while it is open (a decided case keeps the
    # score it was decided on), so the queue filters, sorts and counts on this one table.
    # Never NULL, so keyset paging needs no NULLS FIRST/LAST: "" or -1 stands for "none".
    application_no: str = Field(default="", max_length=40)
    applicant_name: str = Field(default="", max_length=128)
    id_no_masked: str = Field(default="", max_length=18)
    product: str = Field(default="", max_length=24)
    channel: str = Field(default="", max_length=24)
    amount: Decimal = Field(default=Decimal(-1), sa_type=Money)
    submitted_at: datetime | None = Field(default=None, sa_type=UtcDateTime)
    pd: float = Field(default=-1.0, sa_type=Double)
    points: int = Field(default=-1)
    band: str = Field(default="", max_length=8)
    flags: str = Field(default="", max_length=255)


class InvestigationNote(SQLModel, table=True):
    """Append-only: a correction is a new note that points at the one it corrects."""
    __tablename__ = "investigation_note"

    id: int | None = Field(default=None, primary_key=True)
    case_id: int = Field(foreign_key="review_case.id", index=True)
    kind: str = Field(max_length=16)  # identity, phone, income, employer, site_visit, ...
    outcome: str = Field(max_length=16)  # verified, discrepancy, unable_to_verify
    text: str = Field(max_length=4000)
    corrects_id: int | None = Field(default=None, foreign_key="investigation_note.id")
    author_id: int = Field(foreign_key="app_user.id")
    author: str = Field(max_length=64)
    created_at: datetime = Field(sa_type=UtcDateTime)


class NoteDraft(SQLModel, table=True):
    """The note an officer is writing, saved as they type: a crash loses nothing."""
    __tablename__ = "note_draft"

    case_id: int = Field(foreign_key="review_case.id", primary_key=True)
    user_id: int = Field(foreign_key="app_user.id", primary_key=True)
    kind: str = Field(default="", max_length=16)
    outcome: str = Field(default="", max_length=16)
    text: str = Field(default="", max_length=4000)
    updated_at: datetime = Field(sa_type=UtcDateTime)


class CaseTally(SQLModel, table=True):
    """How many cases there are ("all"), are open ("open"), are open with no assignee
    ("unassigned") and await their check ("awaiting_check"), kept in the same transaction as
    every insert and every change of those (services/cases/tally.py), so the queue's "All",
    "Unassigned", "Awaiting check" and "Overdue" counts read a few rows instead of counting
    10 million (issues 27, 34). Each tally is split over SHARDS rows by the writing user, so
    officers deciding side by side do not queue on one row lock; a tally is the sum of its
    rows."""
    __tablename__ = "case_tally"

    tally: str = Field(primary_key=True, max_length=16)
    shard: int = Field(primary_key=True, sa_column_kwargs={"autoincrement": False})
    n: int = Field(default=0)
