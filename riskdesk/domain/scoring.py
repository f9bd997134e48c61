"""Models, scores, reasons, policy versions and decision records.

A decision is reproducible months later because each record names the model, rule-set and
policy versions that made it, and the triggers it evaluated. The model artefact itself (XGBoost's
own UBJ bytes) is stored in the database, so every workstation scores with the same bytes.
"""
from __future__ import annotations

from datetime import datetime

from sqlalchemy import UniqueConstraint
from sqlmodel import Field, SQLModel

import riskdesk.domain.applications  # noqa: F401 - a table its foreign keys name
import riskdesk.domain.rules  # noqa: F401 - a table its foreign keys name
from riskdesk.domain.types import Double, LargeBlob, LongText, UtcDateTime
from riskdesk.i18n import QT_TRANSLATE_NOOP, translate

# The name the demo registers its bundled model under (riskdesk/demo/database.py): shown in
# the reader's language like any word of the app (issue 28: English in Chinese windows).
DEMO_MODEL_NAME = QT_TRANSLATE_NOOP("Models", "demo model (bundled)")


def model_name(name: str) -> str:
    """A model's name as shown: the demo's in the reader's language (also as the start of a
    version recalibrated from it, issue 32), any other as named."""
    if name.startswith(DEMO_MODEL_NAME):
        return translate("Models", DEMO_MODEL_NAME) + name[len(DEMO_MODEL_NAME):]
    return name


class ModelVersion(SQLModel, table=True):
    __tablename__ = "model_version"

    id: int | None = Field(default=None, primary_key=True)
    name: str = Field(max_length=128)
    status: str = Field(max_length=16, index=True)
    # 1 while active, NULL otherwise: the unique constraint allows one active model only.
    active_slot: int | None = Field(default=None, unique=True)
    artefact: bytes = Field(sa_type=LargeBlob)
    artefact_format: str = Field(max_length=8)
    artefact_sha256: str = Field(max_length=64)
    meta: str = Field(sa_type=LongText)  # canonical JSON: features, params, metrics, data
    training_sha256: str = Field(max_length=64)
    auc: float = Field(sa_type=Double)
    ks: float = Field(sa_type=Double)
    created_at: datetime = Field(sa_type=UtcDateTime)
    created_by: str = Field(max_length=64)
    proposed_at: datetime | None = Field(default=None, sa_type=UtcDateTime)
    proposed_by: str | None = Field(default=None, max_length=64)
    approved_at: datetime | None = Field(default=None, sa_type=UtcDateTime)
    approved_by: str | None = Field(default=None, max_length=64)
    # The validator's approval (issue 31): the validation report it rests on (its archive row
    # and SHA-256), the validator's findings, and when the model is due for validation again.
    validation_report_id: int | None = Field(default=None)
    validation_sha256: str | None = Field(default=None, max_length=64)
    validation_findings: str | None = Field(default=None, sa_type=LongText)
    next_validation_at: datetime | None = Field(default=None, sa_type=UtcDateTime)
    # 1 while the model is the challenger scoring in shadow (issue 32), NULL otherwise: one
    # challenger at a time. Who approved it for shadow, and when (the activation's approval
    # keeps approved_by / approved_at).
    shadow_slot: int | None = Field(default=None, unique=True, index=True)
    shadow_approved_by: str | None = Field(default=None, max_length=64)
    shadow_approved_at: datetime | None = Field(default=None, sa_type=UtcDateTime)


class PolicyVersion(SQLModel, table=True):
    """PD bands and the review SLA, versioned: every decision names the version it used."""
    __tablename__ = "policy_version"

    id: int | None = Field(default=None, primary_key=True)
    approve_below: float = Field(sa_type=Double)  # PD < this: approve band
    decline_from: float = Field(sa_type=Double)  # PD >= this: decline band
    review_sla_hours: int
    # Approvals above this amount (CNY) need a second, senior person, like overrides.
    four_eyes_amount: float = Field(default=100_000.0, sa_type=Double)
    effective_from: datetime = Field(sa_type=UtcDateTime)
    created_at: datetime = Field(sa_type=UtcDateTime)
    created_by: str = Field(max_length=64)
    note: str = Field(default="", max_length=500)


class ScoreRun(SQLModel, table=True):
    """One scoring job (from import, CLI or GUI): what it used and what it produced."""
    __tablename__ = "score_run"

    id: int | None = Field(default=None, primary_key=True)
    model_version_id: int = Field(foreign_key="model_version.id")
    rule_set_id: int = Field(foreign_key="rule_set.id")
    policy_version_id: int = Field(foreign_key="policy_version.id")
    started_at: datetime = Field(sa_type=UtcDateTime)
    finished_at: datetime | None = Field(default=None, sa_type=UtcDateTime)
    username: str = Field(max_length=64)
    scope: str = Field(max_length=16)
    # The manual-review triggers every decision of this run evaluated (canonical JSON).
    evaluated: str = Field(sa_type=LongText)
    scored: int = 0
    flagged: int = 0
    rule_hits: int = 0
    cases: int = 0


class Score(SQLModel, table=True):
    __tablename__ = "score"
    __table_args__ = (UniqueConstraint("application_id", "model_version_id"),)

    id: int | None = Field(default=None, primary_key=True)
    application_id: int = Field(foreign_key="application.id")
    model_version_id: int = Field(foreign_key="model_version.id")
    run_id: int = Field(foreign_key="score_run.id")
    pd: float = Field(sa_type=Double)
    margin: float = Field(sa_type=Double)
    points: int
    band: str = Field(max_length=8)
    scored_at: datetime = Field(sa_type=UtcDateTime)


class ScoreReason(SQLModel, table=True):
    """One of the top contributions (XGBoost's exact per-feature SHAP values, log-odds)."""
    __tablename__ = "score_reason"

    score_id: int = Field(foreign_key="score.id", primary_key=True)
    rank: int = Field(primary_key=True, sa_column_kwargs={"autoincrement": False})
    feature: str = Field(max_length=64)
    value: str = Field(max_length=64)
    contribution: float = Field(sa_type=Double)


class DecisionRecord(SQLModel, table=True):
    __tablename__ = "decision_record"
    __table_args__ = (UniqueConstraint("application_id", "model_version_id", "rule_set_id",
                                       "policy_version_id"),
                      UniqueConstraint("application_id", "current_slot"))

    id: int | None = Field(default=None, primary_key=True)
    # Searched through the unique constraint, which starts with application_id.
    application_id: int = Field(foreign_key="application.id")
    score_id: int = Field(foreign_key="score.id")
    model_version_id: int = Field(foreign_key="model_version.id")
    rule_set_id: int = Field(foreign_key="rule_set.id")
    policy_version_id: int = Field(foreign_key="policy_version.id")
    run_id: int = Field(foreign_key="score_run.id")
    outcome: str = Field(max_length=16)
    band: str = Field(max_length=8)
    pd: float = Field(sa_type=Double)
    points: int
    # Rule triggers that fired, comma-separated; the run lists every trigger evaluated.
    flags: str = Field(default="", max_length=255)
    # 1 on the application's latest decision, NULL on older ones (what the table shows).
    current_slot: int | None = Field(default=None)
    max_severity: str | None = Field(default=None, max_length=8)
    decided_at: datetime = Field(sa_type=UtcDateTime)


class ShadowScore(SQLModel, table=True):
    """A challenger's score of one application beside the active model's decision on it
    (issue 32): kept apart from ``score`` so no decision, case, feed record or window ever
    reads it as the score. ``flagged``: what the challenger's band would have led to under the
    same policy and the same rule hits as ``decision_record_id`` (the champion's decision)."""
    __tablename__ = "shadow_score"
    # One per decision and challenger: a re-decided application is scored again beside its
    # new decision, and the old pair stays as it was (a report cut off earlier reads it).
    __table_args__ = (UniqueConstraint("decision_record_id", "model_version_id"),)

    id: int | None = Field(default=None, primary_key=True)
    application_id: int = Field(foreign_key="application.id")
    model_version_id: int = Field(foreign_key="model_version.id")
    decision_record_id: int = Field(foreign_key="decision_record.id")
    run_id: int = Field(foreign_key="score_run.id")
    policy_version_id: int = Field(foreign_key="policy_version.id")
    pd: float = Field(sa_type=Double)
    points: int
    band: str = Field(max_length=8)
    flagged: bool
    created_at: datetime = Field(sa_type=UtcDateTime)


class MonitorRun(SQLModel, table=True):
    """Monthly model monitoring numbers, kept for the compliance report."""
    __tablename__ = "monitor_run"

    id: int | None = Field(default=None, primary_key=True)
    month: str = Field(max_length=7, index=True)
    model_version_id: int = Field(foreign_key="model_version.id")
    computed_at: datetime = Field(sa_type=UtcDateTime)
    computed_by: str = Field(max_length=64)
    applications: int
    score_psi: float | None = Field(default=None, sa_type=Double)
    auc: float | None = Field(default=None, sa_type=Double)
    ks: float | None = Field(default=None, sa_type=Double)
    override_rate: float | None = Field(default=None, sa_type=Double)
    details: str = Field(sa_type=LongText)  # canonical JSON: feature PSIs, counts
