"""Fraud rings: the link store over applicants and the keys they share, and the rings found in it.

Issue 33. A key is a device, a phone (the applicant's own or an emergency contact's: one HMAC
field, so a contact phone that is another applicant's phone joins them), a bank card or a
normalised employer; only its keyed hash and a masked form are stored. An edge row says one
application tied its applicant to one key at one time (``via`` names the column); the edge
between an applicant and a key is the group of its rows, with its first and last seen times and
its applications. IP addresses never become keys (carrier NAT puts strangers on one address).

A ring is a connected component of applicants over the edges seen in a window, ignoring keys
shared by more applicants than a cap and allowlisted keys (``services/rings``). Its ID is
``RING-`` and its id in six digits. One fraud case per ring, linked to every member
application through ``case_application``.
"""
from __future__ import annotations

from datetime import datetime
from decimal import Decimal

from sqlalchemy import Index, UniqueConstraint
from sqlmodel import Field, SQLModel

import riskdesk.domain.applications  # noqa: F401 - a table its foreign keys name
import riskdesk.domain.cases  # noqa: F401 - a table its foreign keys name
from riskdesk.domain.types import LongText, Money, UtcDateTime

KEY_KINDS = ("device", "phone", "card", "employer")
VIAS = ("device", "phone", "card", "contact_phone", "employer")


class LinkKey(SQLModel, table=True):
    __tablename__ = "link_key"
    __table_args__ = (UniqueConstraint("kind", "key_hash"),)

    id: int | None = Field(default=None, primary_key=True)
    kind: str = Field(max_length=8)  # KEY_KINDS
    key_hash: str = Field(max_length=64)  # HMAC of the value (never the value)
    masked: str = Field(max_length=32)


class LinkEdge(SQLModel, table=True):
    """One application's tie of its applicant to one key."""
    __tablename__ = "link_edge"
    __table_args__ = (
        # each names the other id too: the walk out from an import reads no edge row
        Index("ix_link_edge_key_seen_applicant", "key_id", "seen_at", "applicant_id"),
        Index("ix_link_edge_applicant_seen_key", "applicant_id", "seen_at", "key_id"),
    )

    application_id: int = Field(foreign_key="application.id", primary_key=True)
    key_id: int = Field(foreign_key="link_key.id", primary_key=True)
    via: str = Field(max_length=16, primary_key=True)  # VIAS
    applicant_id: int = Field(foreign_key="applicant.id")
    seen_at: datetime = Field(sa_type=UtcDateTime)


class FraudRing(SQLModel, table=True):
    __tablename__ = "fraud_ring"

    id: int | None = Field(default=None, primary_key=True)
    status: str = Field(max_length=16)  # open, confirmed, closed, expired, merged
    case_id: int | None = Field(default=None, foreign_key="review_case.id")
    applicants: int = 0
    applications: int = 0
    keys: int = 0
    amount: Decimal = Field(default=Decimal(0), sa_type=Money)
    metrics: str = Field(default="{}", sa_type=LongText)  # canonical JSON, no personal data
    first_seen: datetime | None = Field(default=None, sa_type=UtcDateTime)
    last_seen: datetime | None = Field(default=None, sa_type=UtcDateTime)
    created_at: datetime = Field(sa_type=UtcDateTime)
    updated_at: datetime = Field(sa_type=UtcDateTime)


class RingMember(SQLModel, table=True):
    __tablename__ = "ring_member"

    ring_id: int = Field(foreign_key="fraud_ring.id", primary_key=True)
    applicant_id: int = Field(foreign_key="applicant.id", primary_key=True, index=True)


class CaseApplication(SQLModel, table=True):
    """The applications a case covers beyond its own (a ring case covers all its members')."""
    __tablename__ = "case_application"

    case_id: int = Field(foreign_key="review_case.id", primary_key=True)
    application_id: int = Field(foreign_key="application.id", primary_key=True, index=True)


# A ring's statuses a growing component joins and a member's case window shows: a ring
# awaiting its confirmed-fraud check (services/rings/closing.py) is as live as an open one.
LIVE_STATUSES = ("open", "awaiting_check", "confirmed")


def ring_code(ring_id: int) -> str:
    """The ring's ID as officers write it: ``RING-000123``."""
    return f"RING-{ring_id:06d}"
