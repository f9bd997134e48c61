"""Post-loan data: funded loans, their repayment schedule as paid, and where the money went.

A loan comes from an approved application (one loan per application). Counterparty accounts in
fund flows are bank-card or account numbers: personal data, so only their keyed hash (to match a
borrower's own other account) and a masked form are kept, like the applicant's own card.
"""
from __future__ import annotations

from datetime import date, datetime
from decimal import Decimal

from sqlalchemy import Index, UniqueConstraint
from sqlmodel import Field, SQLModel

import riskdesk.domain.applications  # noqa: F401 - a table its foreign keys name
import riskdesk.domain.cases  # noqa: F401 - a table its foreign keys name
import riskdesk.domain.partners  # noqa: F401 - a table its foreign keys name
import riskdesk.domain.users  # noqa: F401 - a table its foreign keys name
from riskdesk.domain.types import LongText, Money, Percent, UtcDateTime


class Loan(SQLModel, table=True):
    id: int | None = Field(default=None, primary_key=True)
    loan_no: str = Field(max_length=40, unique=True)
    application_id: int = Field(foreign_key="application.id", unique=True)
    principal: Decimal = Field(sa_type=Money)
    start_date: date  # the first instalment falls due a month later
    disbursed_at: datetime = Field(sa_type=UtcDateTime)  # proceeds-out windows count from here
    term_months: int
    apr: Decimal = Field(sa_type=Percent)
    repayment_type: str = Field(max_length=24)  # equal_instalment / bullet / interest_only ...
    content_hash: str = Field(max_length=64)  # a re-import with other content is a conflict
    partner_id: int | None = Field(default=None, foreign_key="partner.id", index=True)
    # the partner's share of a jointly funded loan (per cent); None: the bank funds it alone
    partner_share: Decimal | None = Field(default=None, sa_type=Percent)
    batch_id: int | None = Field(default=None, foreign_key="import_batch.id")
    created_at: datetime = Field(sa_type=UtcDateTime)
    # What post-loan actions did to the loan (services/cases/postloan_actions.py, issue 26):
    # the undrawn line frozen, the loan called early, a class above its DPD floor.
    line_frozen_at: datetime | None = Field(default=None, sa_type=UtcDateTime)
    called_at: datetime | None = Field(default=None, sa_type=UtcDateTime)
    category_override: str | None = Field(default=None, max_length=16)


class LoanAction(SQLModel, table=True):
    """One post-loan action on a loan's case, with its reason: continue monitoring, contact the
    borrower (channel, outcome, promise-to-pay date), request documents, freeze the line, call
    early or reclassify (these two wait for a senior's check), report suspicious activity."""
    __tablename__ = "loan_action"

    id: int | None = Field(default=None, primary_key=True)
    case_id: int = Field(foreign_key="review_case.id", index=True)
    loan_id: int = Field(foreign_key="loan.id", index=True)
    action: str = Field(max_length=24)
    status: str = Field(max_length=16)  # done / awaiting_check / confirmed / sent_back
    reason: str = Field(max_length=2000)
    detail: str = Field(default="{}", max_length=1000)  # canonical JSON (channel, class, ...)
    promise_date: date | None = Field(default=None, index=True)
    maker_id: int = Field(foreign_key="app_user.id")
    maker: str = Field(max_length=64)
    made_at: datetime = Field(sa_type=UtcDateTime)
    checker_id: int | None = Field(default=None, foreign_key="app_user.id")
    checker: str = Field(default="", max_length=64)
    checked_at: datetime | None = Field(default=None, sa_type=UtcDateTime)
    check_reason: str = Field(default="", max_length=2000)


class Repayment(SQLModel, table=True):
    """One instalment of the schedule and what was paid against it (by the data's date)."""
    __table_args__ = (UniqueConstraint("loan_id", "instalment_no"),)

    id: int | None = Field(default=None, primary_key=True)
    loan_id: int = Field(foreign_key="loan.id")  # leads the unique key
    instalment_no: int
    due_date: date
    due_amount: Decimal = Field(sa_type=Money)
    due_principal: Decimal = Field(sa_type=Money)
    paid_date: date | None = Field(default=None)
    paid_amount: Decimal = Field(default=Decimal(0), sa_type=Money)


class FundFlow(SQLModel, table=True):
    __tablename__ = "fund_flow"
    __table_args__ = (Index("ix_fund_flow_loan_at", "loan_id", "at"),)

    id: int | None = Field(default=None, primary_key=True)
    flow_no: str = Field(max_length=40, unique=True)  # the core system's transaction id
    loan_id: int = Field(foreign_key="loan.id")
    at: datetime = Field(sa_type=UtcDateTime)
    amount: Decimal = Field(sa_type=Money)
    direction: str = Field(max_length=3)  # out / in
    channel: str = Field(max_length=16)  # transfer / cash / cross_border
    counterparty_hash: str = Field(default="", max_length=64)
    counterparty_masked: str = Field(default="", max_length=24)
    counterparty_name: str = Field(default="", max_length=128)
    # person, company, own_account, credit_card, loan, real_estate, securities, merchant ...
    counterparty_type: str = Field(max_length=24)
    mcc: str = Field(default="", max_length=4)  # merchant category code, card payments


class LoanAlert(SQLModel, table=True):
    """One early-warning hit with its evidence; ``trigger_key`` names the cause (an overdue
    episode, a flow, a day), so a second run finds it and raises nothing twice."""
    __tablename__ = "loan_alert"
    __table_args__ = (UniqueConstraint("loan_id", "code", "trigger_key"),)

    id: int | None = Field(default=None, primary_key=True)
    loan_id: int = Field(foreign_key="loan.id")
    code: str = Field(max_length=32, index=True)
    trigger_key: str = Field(max_length=64)
    severity: str = Field(max_length=8)
    detected_on: date
    detail: str = Field(sa_type=LongText)  # canonical JSON of the evidence (no plain PII)
    case_id: int | None = Field(default=None, foreign_key="review_case.id", index=True)
    run_id: int = Field(foreign_key="monitoring_run.id")


class LoanSnapshot(SQLModel, table=True):
    """Each loan's standing in a month, as its latest monitoring run in that month saw it:
    the portfolio view and the report's roll rates (category last month -> this month)."""
    __tablename__ = "loan_snapshot"

    month: str = Field(max_length=7, primary_key=True)  # YYYY-MM
    loan_id: int = Field(foreign_key="loan.id", primary_key=True)
    as_of: date
    dpd: int
    category: str = Field(max_length=16)
    balance: Decimal = Field(sa_type=Money)
    overdue_amount: Decimal = Field(sa_type=Money)


class MonitoringPolicy(SQLModel, table=True):
    """Post-loan thresholds as versioned data (compliance changes them, audited); the run
    records the version it used."""
    __tablename__ = "monitoring_policy"

    id: int | None = Field(default=None, primary_key=True)
    params: str = Field(sa_type=LongText)  # canonical JSON, see services.postloan.policy.DEFAULTS
    created_by: str = Field(max_length=64)
    created_at: datetime = Field(sa_type=UtcDateTime)
    note: str = Field(default="", max_length=500)


class MonitoringRun(SQLModel, table=True):
    __tablename__ = "monitoring_run"

    id: int | None = Field(default=None, primary_key=True)
    as_of: date = Field(index=True)
    policy_id: int = Field(foreign_key="monitoring_policy.id")
    started_at: datetime = Field(sa_type=UtcDateTime)
    finished_at: datetime | None = Field(default=None, sa_type=UtcDateTime)
    started_by: str = Field(max_length=64)
    loans: int = 0
    alerts: int = 0
    cases_opened: int = 0
    cases_updated: int = 0
