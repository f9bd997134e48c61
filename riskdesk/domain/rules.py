"""Rule settings as versioned data, rule hits, and the dated LPR table.

A rule set is an immutable version: a change by compliance writes a new version (all rules,
one of them changed) with an effective date, so an old decision points at exactly the
thresholds it was judged by.
"""
from __future__ import annotations

from datetime import date, datetime
from decimal import Decimal

from sqlalchemy import Index, UniqueConstraint
from sqlmodel import Field, SQLModel

import riskdesk.domain.applications  # noqa: F401 - a table its foreign keys name
import riskdesk.domain.scoring  # noqa: F401 - a table its foreign keys name
from riskdesk.domain.types import LongText, Percent, UtcDateTime


class RuleSet(SQLModel, table=True):
    __tablename__ = "rule_set"

    id: int | None = Field(default=None, primary_key=True)
    effective_from: datetime = Field(sa_type=UtcDateTime)
    created_at: datetime = Field(sa_type=UtcDateTime)
    created_by: str = Field(max_length=64)
    note: str = Field(default="", max_length=500)


class RuleSetting(SQLModel, table=True):
    __tablename__ = "rule_setting"

    rule_set_id: int = Field(foreign_key="rule_set.id", primary_key=True)
    code: str = Field(max_length=32, primary_key=True)
    name: str = Field(max_length=128)
    severity: str = Field(max_length=8)
    enabled: bool
    params: str = Field(sa_type=LongText)  # canonical JSON
    source: str = Field(max_length=255)
    # A hit of a hard-stop rule forbids approval by anyone (issue 26); kept with the version, so
    # compliance changes it with the rule set.
    hard_stop: bool = Field(default=False)


class RuleHit(SQLModel, table=True):
    __tablename__ = "rule_hit"
    __table_args__ = (UniqueConstraint("application_id", "rule_set_id", "code"),)

    id: int | None = Field(default=None, primary_key=True)
    application_id: int = Field(foreign_key="application.id")  # leads the unique key
    rule_set_id: int = Field(foreign_key="rule_set.id")
    run_id: int = Field(foreign_key="score_run.id")
    code: str = Field(max_length=32, index=True)
    severity: str = Field(max_length=8)
    detail: str = Field(max_length=500)  # canonical JSON of the sentence's numbers (no PII)


class LprRate(SQLModel, table=True):
    """One-year Loan Prime Rate by effective date (the 4x LPR benchmark)."""
    __tablename__ = "lpr_rate"

    effective_date: date = Field(primary_key=True)
    one_year_pct: Decimal = Field(sa_type=Percent)


class ListEntry(SQLModel, table=True):
    """An identifier on the blacklist or the allowlist (issue 30): only its keyed hash (the
    one the applications carry; devices hashed the same way), never the plain value. An entry
    stays while its removal waits for a second user; a removed one is kept for the record
    (``live`` None), so the same value can be listed again. Past ``expires_at`` it no longer
    matches."""
    __tablename__ = "list_entry"
    __table_args__ = (UniqueConstraint("list_name", "kind", "value_key", "live"),
                      Index("ix_list_entry_key", "kind", "value_key"))

    id: int | None = Field(default=None, primary_key=True)
    list_name: str = Field(max_length=8)  # black, allow
    kind: str = Field(max_length=8)  # id_no, phone, card, device
    value_key: str = Field(max_length=64)
    masked: str = Field(max_length=32)
    reason: str = Field(max_length=500)
    source: str = Field(default="manual", max_length=128)  # manual, the file it came from
    expires_at: datetime | None = Field(default=None, sa_type=UtcDateTime)
    added_by: str = Field(max_length=64)
    added_at: datetime = Field(sa_type=UtcDateTime)
    live: int | None = Field(default=1)  # 1 while listed (removal pending too), None removed
    removal_requested_by: str | None = Field(default=None, max_length=64)
    removal_requested_at: datetime | None = Field(default=None, sa_type=UtcDateTime)
    removal_reason: str = Field(default="", max_length=500)
    removed_by: str | None = Field(default=None, max_length=64)
    removed_at: datetime | None = Field(default=None, sa_type=UtcDateTime)


# The former name (until riskdesk/domain/__init__.py names ListEntry).
BlacklistEntry = ListEntry
