"""The decision feed back to origination (issue 29): one record per final decision, numbered
in the transaction that makes it final; origination's acknowledgements; the feed's head.

No personal data: application and loan numbers, codes, versions and staff user names only.
"""
from __future__ import annotations

from datetime import datetime

from sqlalchemy import BigInteger, Column, Index, Text, func
from sqlmodel import Field, SQLModel

from riskdesk.domain.types import UtcDateTime


class FeedRecord(SQLModel, table=True):
    __tablename__ = "decision_feed"
    __table_args__ = (Index("ix_decision_feed_source", "source", "source_id"),)

    # Given from feed_head under its lock, never by the database: sequences commit in order.
    seq: int = Field(sa_column=Column(BigInteger, primary_key=True, autoincrement=False))
    source: str = Field(max_length=16)  # score / case / postloan (/ ring, issue 33)
    source_id: int  # decision_record.id / review_case.id / loan_action.id
    application_no: str = Field(default="", max_length=40)
    loan_no: str = Field(default="", max_length=40)
    decision: str = Field(max_length=24)
    rule_codes: str = Field(default="", max_length=255)
    feature_codes: str = Field(default="", max_length=255)
    model_version_id: int | None = Field(default=None)
    rule_set_id: int | None = Field(default=None)
    policy_version_id: int | None = Field(default=None)
    decided_by: str = Field(default="", max_length=64)
    checked_by: str = Field(default="", max_length=64)
    final_at: datetime = Field(sa_type=UtcDateTime)
    audit_seq: int | None = Field(default=None)  # the audit event that made it final
    signature: str | None = Field(default=None, sa_type=Text)


class FeedAck(SQLModel, table=True):
    """A sequence origination confirmed: through the view (the ``origination`` role inserts
    the sequence alone, the time defaults) or from its file (``riskdesk decisions ack``)."""
    __tablename__ = "feed_ack"

    seq: int = Field(sa_column=Column(BigInteger, primary_key=True, autoincrement=False))
    acknowledged_at: datetime = Field(sa_column=Column(
        UtcDateTime, nullable=False, server_default=func.current_timestamp()))
    source: str = Field(default="view", max_length=16,
                        sa_column_kwargs={"server_default": "view"})


class FeedHead(SQLModel, table=True):
    """The one row locked while a sequence is given; ``exported_to``: the last sequence a file
    export wrote."""
    __tablename__ = "feed_head"

    id: int = Field(primary_key=True, sa_column_kwargs={"autoincrement": False})
    seq: int = Field(default=0, sa_type=BigInteger)
    exported_to: int = Field(default=0, sa_type=BigInteger)


__all__ = ["FeedAck", "FeedHead", "FeedRecord"]
