"""Issued reports: the exact bytes, their hash, who issued them and the cut-off they reflect."""
from __future__ import annotations

from datetime import datetime

from sqlmodel import Field, SQLModel

from riskdesk.domain.types import LargeBlob, UtcDateTime


class Report(SQLModel, table=True):
    __tablename__ = "report"

    id: int | None = Field(default=None, primary_key=True)
    report_no: str = Field(max_length=32, unique=True)  # printed on every page
    kind: str = Field(max_length=16)  # monthly, case
    subject: str = Field(max_length=40)  # YYYY-MM or an application number
    language: str = Field(max_length=8)
    cut_off: datetime = Field(sa_type=UtcDateTime)
    generated_at: datetime = Field(sa_type=UtcDateTime)
    generated_by: str = Field(max_length=64)
    sha256: str = Field(max_length=64, index=True)
    size: int
    pdf: bytes = Field(sa_type=LargeBlob)
