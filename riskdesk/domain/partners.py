"""Partners: the platforms that bring customers and co-fund loans, merchants that sell on
instalments, guarantors and collection agencies. The bank must know them (due diligence with
evidence and review dates), keep joint lending within the regulator's limits, and see which
partners bring bad loans or complaints."""
from __future__ import annotations

from datetime import date, datetime
from decimal import Decimal

from sqlmodel import Field, SQLModel

from riskdesk.domain.types import Money, UtcDateTime


class Partner(SQLModel, table=True):
    id: int | None = Field(default=None, primary_key=True)
    code: str = Field(max_length=24, unique=True)  # as the origination system names it
    name: str = Field(max_length=128)
    kind: str = Field(max_length=24)  # platform, merchant, guarantor, collection_agency
    licence_no: str = Field(default="", max_length=64)
    registration_no: str = Field(default="", max_length=64)  # unified social credit code
    region: str = Field(default="", max_length=64)
    status: str = Field(default="onboarding", max_length=16)  # onboarding/active/suspended/exited
    status_reason: str = Field(default="", max_length=1000)
    next_review: date | None = None
    created_at: datetime = Field(sa_type=UtcDateTime)
    updated_at: datetime = Field(sa_type=UtcDateTime)
    version: int = Field(default=1)


class PartnerCheck(SQLModel, table=True):
    """One due-diligence item of a partner, with its evidence; the latest row per item
    counts (the earlier ones are the history)."""
    __tablename__ = "partner_check"

    id: int | None = Field(default=None, primary_key=True)
    partner_id: int = Field(foreign_key="partner.id", index=True)
    item: str = Field(max_length=32)
    passed: bool
    evidence: str = Field(max_length=2000)
    review_due: date | None = None
    checked_by: str = Field(max_length=64)
    checked_at: datetime = Field(sa_type=UtcDateTime)


class CapitalFigure(SQLModel, table=True):
    """The bank's net tier-1 capital and total loan balance from a date: the bases of the
    joint-lending limits, set by compliance from the finance department's figures."""
    __tablename__ = "capital_figure"

    effective_date: date = Field(primary_key=True)
    net_tier1_capital: Decimal = Field(sa_type=Money)
    total_loan_balance: Decimal = Field(sa_type=Money)
    set_by: str = Field(max_length=64)
    set_at: datetime = Field(sa_type=UtcDateTime)
