"""Which data key encrypted the personal data of this database.

The key itself lives in the OS keyring; the database keeps only its id and a check value, so a
wrong or missing key is reported instead of producing garbage.
"""
from __future__ import annotations

from datetime import datetime

from sqlmodel import Field, SQLModel

from riskdesk.domain.types import UtcDateTime


class DataKey(SQLModel, table=True):
    __tablename__ = "data_key"

    key_id: str = Field(primary_key=True, max_length=32)
    check_value: str = Field(max_length=64)
    active: bool = Field(default=True)
    created_at: datetime = Field(sa_type=UtcDateTime)
