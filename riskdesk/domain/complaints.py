"""Customer complaints: the register the regulator's deadlines run on (docs/regulation.md)."""
from __future__ import annotations

from datetime import datetime

from sqlalchemy import Index
from sqlmodel import Field, SQLModel

import riskdesk.domain.applications  # noqa: F401 - a table its foreign keys name
import riskdesk.domain.cases  # noqa: F401 - a table its foreign keys name
import riskdesk.domain.users  # noqa: F401 - a table its foreign keys name
from riskdesk.domain.types import UtcDateTime


class Complaint(SQLModel, table=True):
    __tablename__ = "complaint"
    __table_args__ = (
        Index("ix_complaint_status_due", "status", "due_at", "id"),
        Index("ix_complaint_received", "received_at", "id"),
    )

    id: int | None = Field(default=None, primary_key=True)
    number: str = Field(max_length=24, unique=True)  # TS-YYYYMM-NNNNNN, told to the customer
    # The call centre's own ticket number when imported: a re-import finds it again.
    source_ref: str | None = Field(default=None, max_length=64, unique=True)
    channel: str = Field(max_length=24)
    category: str = Field(max_length=32, index=True)
    # The customer, when the bank knows them; the name as given otherwise.
    applicant_id: int | None = Field(default=None, foreign_key="applicant.id", index=True)
    complainant_name: str = Field(max_length=128)
    # Someone complaining on the customer's behalf, with how they are authorised.
    proxy_name: str = Field(default="", max_length=128)
    proxy_authorisation: str = Field(default="", max_length=500)
    application_id: int | None = Field(default=None, foreign_key="application.id", index=True)
    partner_id: int | None = None  # reserved for the partner issue (no table yet)
    description: str = Field(max_length=4000)
    received_at: datetime = Field(sa_type=UtcDateTime)
    due_at: datetime = Field(sa_type=UtcDateTime)
    # none, complex (to 30 days), special_requested, special (to 60 days, approved)
    extension: str = Field(default="none", max_length=20)
    extension_reason: str = Field(default="", max_length=1000)
    complainant_told_at: datetime | None = Field(default=None, sa_type=UtcDateTime)
    extension_approved_by_id: int | None = Field(default=None, foreign_key="app_user.id")
    status: str = Field(max_length=16)
    escalated: bool = Field(default=False)
    assignee_id: int | None = Field(default=None, foreign_key="app_user.id", index=True)
    # Who the complaint is about: the handler may be neither (recusal).
    subject_user_id: int | None = Field(default=None, foreign_key="app_user.id")
    subject_team: str = Field(default="", max_length=64)
    response: str = Field(default="", max_length=4000)
    responded_at: datetime | None = Field(default=None, sa_type=UtcDateTime)
    reaction: str = Field(default="", max_length=16)  # accepted, rejected, no_answer
    root_cause: str = Field(default="", max_length=32)
    rectification: str = Field(default="", max_length=2000)
    closed_at: datetime | None = Field(default=None, sa_type=UtcDateTime)
    reopen_count: int = Field(default=0)
    fraud_case_id: int | None = Field(default=None, foreign_key="review_case.id")
    created_by_id: int = Field(foreign_key="app_user.id")
    created_at: datetime = Field(sa_type=UtcDateTime)
    updated_at: datetime = Field(sa_type=UtcDateTime)
    version: int = Field(default=1)
