"""The case: the unit of review work every later feature (queue, notes, four-eyes) builds on."""
from __future__ import annotations

from datetime import datetime

from sqlmodel import Field, SQLModel

from riskdesk.domain.types import UtcDateTime


class Case(SQLModel, table=True):
    __tablename__ = "review_case"  # CASE is an SQL keyword

    id: int | None = Field(default=None, primary_key=True)
    kind: str = Field(max_length=24, index=True)
    application_id: int | None = Field(default=None, foreign_key="application.id", index=True)
    # One case per cause: "pre_loan:<application id>"; NULL where repeats are legitimate.
    dedupe_key: str | None = Field(default=None, max_length=64, unique=True)
    status: str = Field(max_length=16, index=True)
    priority: int  # 1 (most urgent) .. 4
    due_at: datetime = Field(sa_type=UtcDateTime, index=True)
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
