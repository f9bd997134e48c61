"""Applicants, applications, their credit-bureau features, and the import batches that brought them.

Personal data: the national ID number lives with the applicant; the phone and bank card are as
stated on each application (a person changes phones; fraud rules look for a phone or card shared
across applicants). Each is stored encrypted, as a keyed hash for exact search and grouping, and
masked for display. Names stay plain for prefix search.
"""
from __future__ import annotations

from datetime import date, datetime
from decimal import Decimal

from sqlalchemy import Index
from sqlmodel import Field, SQLModel

import riskdesk.domain.partners  # noqa: F401 - a table its foreign keys name
import riskdesk.domain.users  # noqa: F401 - a table its foreign keys name
from riskdesk.domain.types import Cipher, Double, Money, Percent, UtcDateTime


class ImportBatch(SQLModel, table=True):
    __tablename__ = "import_batch"

    id: int | None = Field(default=None, primary_key=True)
    file_name: str = Field(max_length=255)
    sha256: str = Field(max_length=64, index=True)
    rows_total: int = 0
    rows_inserted: int = 0
    rows_present: int = 0
    rows_conflict: int = 0
    rows_rejected: int = 0
    user_id: int | None = Field(default=None, foreign_key="app_user.id")
    username: str = Field(max_length=64)
    started_at: datetime = Field(sa_type=UtcDateTime)
    finished_at: datetime | None = Field(default=None, sa_type=UtcDateTime)
    outcome: str = Field(max_length=16)
    message: str = Field(default="", max_length=2000)


class Applicant(SQLModel, table=True):
    __tablename__ = "applicant"

    id: int | None = Field(default=None, primary_key=True)
    name: str = Field(max_length=128, index=True)
    id_no_enc: bytes = Field(sa_type=Cipher)
    id_no_hash: str = Field(max_length=64, unique=True)
    id_no_masked: str = Field(max_length=18)
    birth_date: date
    # GB 11643 check digit, tested when the ID number was written (the import refuses a bad
    # one); None where another path wrote the row: scoring then decrypts and tests it.
    id_checksum_ok: bool | None = None
    gender: str = Field(max_length=1)
    region_code: str = Field(max_length=6)
    key_id: str = Field(max_length=32)
    first_batch_id: int | None = Field(default=None, foreign_key="import_batch.id")
    created_at: datetime = Field(sa_type=UtcDateTime)


class Application(SQLModel, table=True):
    __tablename__ = "application"
    __table_args__ = (
        Index("ix_application_submitted_id", "submitted_at", "id"),
        # A masked phone copied from the grid is searched on what the grid shows (issue 27).
        Index("ix_application_phone_masked", "phone_masked", "id"),
    )

    id: int | None = Field(default=None, primary_key=True)
    application_no: str = Field(max_length=40, unique=True)
    applicant_id: int = Field(foreign_key="applicant.id", index=True)
    batch_id: int = Field(foreign_key="import_batch.id")
    product: str = Field(max_length=24)
    channel: str = Field(max_length=24)
    amount: Decimal = Field(sa_type=Money)
    term_months: int
    apr: Decimal = Field(sa_type=Percent)
    upfront_fee: Decimal = Field(default=Decimal(0), sa_type=Money)
    monthly_fee: Decimal = Field(default=Decimal(0), sa_type=Money)
    other_fees: Decimal = Field(default=Decimal(0), sa_type=Money)
    repayment_type: str = Field(max_length=24)
    purpose: str = Field(max_length=32)
    submitted_at: datetime = Field(sa_type=UtcDateTime)
    phone_enc: bytes = Field(sa_type=Cipher)
    phone_hash: str = Field(max_length=64, index=True)
    phone_masked: str = Field(max_length=16)
    card_enc: bytes | None = Field(default=None, sa_type=Cipher)
    card_hash: str | None = Field(default=None, max_length=64, index=True)
    card_masked: str | None = Field(default=None, max_length=24)
    device_id: str | None = Field(default=None, max_length=64, index=True)
    ip: str | None = Field(default=None, max_length=45)
    # Optional (issue 33): the emergency contact's phone (keyed like ``phone``, so it matches
    # another applicant's own) and the normalised employer, as keyed hashes and masked forms.
    contact_phone_hash: str | None = Field(default=None, max_length=64)
    contact_phone_masked: str | None = Field(default=None, max_length=16)
    employer_hash: str | None = Field(default=None, max_length=64)
    employer_masked: str | None = Field(default=None, max_length=32)
    outcome: str | None = Field(default=None, max_length=8)
    partner_id: int | None = Field(default=None, foreign_key="partner.id", index=True)
    stated_age: int | None = None  # as the applicant declared it; a rule checks the ID
    # SHA-256 over the imported content (PII as keyed hashes): re-imports compare against it.
    content_hash: str = Field(max_length=64)
    key_id: str = Field(max_length=32)
    created_at: datetime = Field(sa_type=UtcDateTime)


class ApplicationFeatures(SQLModel, table=True):
    """Credit-bureau and declared features as typed columns: the scoring path reads no JSON."""

    __tablename__ = "application_features"

    application_id: int = Field(foreign_key="application.id", primary_key=True)
    annual_income: float | None = Field(default=None, sa_type=Double)
    emp_length_years: int | None = None
    verification_status: str | None = Field(default=None, max_length=20)
    lender_grade: str | None = Field(default=None, max_length=4)
    delinq_2yrs: int | None = None
    inq_last_6mths: int | None = None
    revol_util: float | None = Field(default=None, sa_type=Double)
    acc_now_delinq: int | None = None
    open_il_6m: int | None = None
    open_il_12m: int | None = None
    open_il_24m: int | None = None
    total_bal_il: float | None = Field(default=None, sa_type=Double)
    all_util: float | None = Field(default=None, sa_type=Double)
    inq_fi: int | None = None
    inq_last_12m: int | None = None
    delinq_amnt: float | None = Field(default=None, sa_type=Double)
    num_il_tl: int | None = None
    total_il_high_credit_limit: float | None = Field(default=None, sa_type=Double)
