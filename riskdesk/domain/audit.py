"""The hash-chained audit trail.

Each row keeps the exact canonical text that was hashed, so verification never depends on how a
database rounds times or orders JSON keys; ``audit_head`` is the row writers lock to append.
"""
from __future__ import annotations

from datetime import datetime

from sqlmodel import Field, SQLModel

from riskdesk.domain.types import LongText, UtcDateTime

GENESIS_HASH = "0" * 64


class AuditEvent(SQLModel, table=True):
    __tablename__ = "audit_event"

    seq: int = Field(primary_key=True, sa_column_kwargs={"autoincrement": False})
    at: datetime = Field(sa_type=UtcDateTime, index=True)
    actor_id: int | None = Field(default=None)
    actor: str = Field(max_length=64)
    action: str = Field(max_length=64, index=True)
    entity_type: str = Field(max_length=64)
    entity_id: str = Field(max_length=64)
    before: str | None = Field(default=None, sa_type=LongText)
    after: str | None = Field(default=None, sa_type=LongText)
    prev_hash: str = Field(max_length=64)
    hash: str = Field(max_length=64, unique=True)
    canonical: str = Field(sa_type=LongText)
    # "<key fingerprint>:<Ed25519 signature of the canonical text>" for the kinds that are
    # signed (services/audit/signatures.py); outside the hashed text, so old events still hash
    signature: str | None = Field(default=None, max_length=160)


class AuditHead(SQLModel, table=True):
    __tablename__ = "audit_head"

    id: int = Field(primary_key=True, sa_column_kwargs={"autoincrement": False})
    seq: int = Field(default=0)
    hash: str = Field(default=GENESIS_HASH, max_length=64)


class AuditAnchor(SQLModel, table=True):
    """The chain's head at a moment, sealed with an HMAC under a key the bank keeps outside
    the database: a rewrite of the chain that recomputes every hash cannot forge these."""
    __tablename__ = "audit_anchor"

    id: int | None = Field(default=None, primary_key=True)
    seq: int
    hash: str = Field(max_length=64)
    at: datetime = Field(sa_type=UtcDateTime)
    key_id: str = Field(max_length=32)
    mac: str = Field(max_length=64)
    note: str = Field(default="", max_length=200)
