"""Audit findings: what an auditor recorded in an offline audit pack, brought back into the
live database, and followed up there. The same table lives in a pack (outside its seal)."""
from __future__ import annotations

from datetime import datetime

from sqlmodel import Field, SQLModel

from riskdesk.domain.types import UtcDateTime


class Finding(SQLModel, table=True):
    __tablename__ = "audit_finding"

    id: int | None = Field(default=None, primary_key=True)
    # pack id + the finding's own id there: a second import of the same pack adds nothing
    ref: str = Field(max_length=80, unique=True)
    pack_id: str = Field(default="", max_length=40)
    case_id: int | None = Field(default=None, index=True)  # no FK: a pack's copy of a case
    complaint_id: int | None = Field(default=None)
    month: str = Field(default="", max_length=7)  # a finding on the month as a whole
    severity: str = Field(max_length=8)  # low, medium, high
    text: str = Field(max_length=4000)
    recommendation: str = Field(default="", max_length=2000)
    auditor: str = Field(max_length=64)
    found_at: datetime = Field(sa_type=UtcDateTime)
    imported_at: datetime | None = Field(default=None, sa_type=UtcDateTime)
    imported_by: str = Field(default="", max_length=64)
    status: str = Field(default="open", max_length=16)  # open, in_progress, resolved, accepted
    follow_up: str = Field(default="", max_length=2000)
    updated_at: datetime | None = Field(default=None, sa_type=UtcDateTime)
    version: int = Field(default=1)
