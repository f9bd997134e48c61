"""A proposed change of the rules or the decision policy, awaiting a second person (issue 30).

Compliance proposes (what, why, effective from); a different person, compliance or a senior
officer, approves it, and only then are the new rule-set and policy versions written. The
proposal keeps the versions it was made against and the versions its approval wrote, so a
proposal made stale by another approval is refused rather than silently merged.
"""
from __future__ import annotations

from datetime import datetime

from sqlmodel import Field, SQLModel

import riskdesk.domain.rules  # noqa: F401 - a table its foreign keys name
import riskdesk.domain.scoring  # noqa: F401 - a table its foreign keys name
from riskdesk.domain.types import LongText, UtcDateTime


class RuleProposal(SQLModel, table=True):
    __tablename__ = "rule_proposal"

    id: int | None = Field(default=None, primary_key=True)
    status: str = Field(max_length=12, index=True)  # proposed / approved / rejected / withdrawn
    # canonical JSON: {"rules": {CODE: {"params": {...}, "severity": .., "enabled": ..,
    # "hard_stop": ..}}, "policy": {name: value}, "restores": {"rule_set": N, "policy": M}}
    changes: str = Field(sa_type=LongText)
    why: str = Field(max_length=500)
    effective_from: datetime | None = Field(default=None, sa_type=UtcDateTime)
    base_rule_set_id: int = Field(foreign_key="rule_set.id")
    base_policy_version_id: int = Field(foreign_key="policy_version.id")
    proposed_by: str = Field(max_length=64)
    proposed_at: datetime = Field(sa_type=UtcDateTime)
    decided_by: str | None = Field(default=None, max_length=64)
    decided_at: datetime | None = Field(default=None, sa_type=UtcDateTime)
    decision_note: str = Field(default="", max_length=500)
    rule_set_id: int | None = Field(default=None, foreign_key="rule_set.id")
    policy_version_id: int | None = Field(default=None, foreign_key="policy_version.id")
