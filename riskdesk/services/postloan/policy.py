"""Post-loan thresholds as versioned, audited data: the five-category day floors, the early
warning triggers and the large-value figures of ``docs/regulation.md``. A change by compliance is a
new version; each monitoring run records the version it applied.
"""
from __future__ import annotations

import json
from typing import Any

from sqlmodel import Session, col, select

from riskdesk.domain.loans import MonitoringPolicy
from riskdesk.errors import InvalidInput
from riskdesk.i18n import QT_TRANSLATE_NOOP, translate
from riskdesk.services.actor import Actor
from riskdesk.services.audit import trail as audit
from riskdesk.services.permissions import Action, require
from riskdesk.services.privacy import free_text
from riskdesk.storage.clock import utcnow

CATEGORIES = ("normal", "special_mention", "substandard", "doubtful", "loss")
NON_PERFORMING = ("substandard", "doubtful", "loss")

# The first day past due at which each category's floor applies (Measures for Risk
# Classification of Financial Assets, 2023: any overdue -> special mention; more than 90 days
# -> substandard; more than 270 -> doubtful; more than 360 -> loss).
DEFAULTS: dict[str, Any] = {
    "category_from_dpd": {"special_mention": 1, "substandard": 91, "doubtful": 271,
                          "loss": 361},
    "dpd_alerts": [1, 30, 60, 90],
    "partial_payments": 2,  # instalments paid only in part before a warning
    "proceeds_out_hours": 24,  # proceeds moved out at once ...
    "proceeds_out_share": 0.5,  # ... this share of the principal to one account
    "other_credit_days": 90,  # repaying other credit this soon after disbursement is cash-out
    "banned_types": ["real_estate", "securities", "futures", "asset_management",
                     "equity_investment"],
    # 1520 residential builders, 6513 and 7013 real-estate agents, 6211 securities brokers
    "banned_mcc": ["1520", "6211", "6513", "7013"],
    "own_account_types": ["own_account"],
    "credit_types": ["credit_card", "loan"],
    # Same-day totals (PBOC Order 2016 No. 3, natural persons)
    "large_value": {"cash": 50000, "transfer": 500000, "cross_border": 200000},
    "annual_review_after_months": 12,
    "joint_min_partner_share": 30,  # per cent of a jointly funded loan the partner must fund  # loans longer than a year: credit re-reviewed yearly
    "case_sla_hours": 72,
}
SOURCE = QT_TRANSLATE_NOOP(
    "PostLoan", "Measures for Risk Classification of Financial Assets (2023); CBIRC Order 2020 "
    "No. 9; PBOC Order 2016 No. 3")


def current(session: Session) -> MonitoringPolicy:
    """The version in force; the first run writes the defaults as version 1."""
    row = session.exec(select(MonitoringPolicy).order_by(col(MonitoringPolicy.id).desc())).first()
    if row is None:
        row = MonitoringPolicy(params=_canonical(DEFAULTS), created_by="system",
                               created_at=utcnow(session),
                               note="defaults from docs/regulation.md")
        session.add(row)
        session.flush()
    return row


def params(row: MonitoringPolicy) -> dict[str, Any]:
    return {**DEFAULTS, **json.loads(row.params)}


def _canonical(value: dict[str, Any]) -> str:
    return json.dumps(value, sort_keys=True, separators=(",", ":"))


def change(session: Session, actor: Actor, *, changes: dict[str, Any],
           note: str) -> MonitoringPolicy:
    require(actor, Action.LOAN_POLICY)
    if not note.strip():
        raise InvalidInput(translate("PostLoan", "Say why the thresholds change."))
    old = current(session)
    new = {**params(old), **changes}
    unknown = sorted(set(changes) - set(DEFAULTS))
    if unknown:
        raise InvalidInput(translate("PostLoan", "Unknown post-loan setting: {names}.").format(
            names=", ".join(unknown)))
    floors = new["category_from_dpd"]
    days = [int(floors[c]) for c in CATEGORIES[1:]]
    if days[0] < 1 or days != sorted(set(days)) or len(days) != len(set(days)):
        raise InvalidInput(translate(
            "PostLoan", "Category floors must rise: special mention < substandard < doubtful "
            "< loss, from day 1."))
    cleaned = free_text.scan(note.strip())  # personal data kept apart (issue 25)
    row = MonitoringPolicy(params=_canonical(new), created_by=actor.username,
                           created_at=utcnow(session), note=cleaned.fit(500))
    session.add(row)
    session.flush()
    free_text.keep(session, cleaned=cleaned, entity="monitoring_policy", entity_id=row.id or 0,
                   field="note")
    audit.append(session, actor, action="loan.policy.change", entity_type="monitoring_policy",
                 entity_id=row.id or 0,
                 before=json.loads(old.params), after={**new, "note": row.note})
    return row


def category_of(dpd: int, floors: dict[str, int]) -> str:
    """The floor category of a loan this many days past due."""
    out = "normal"
    for name in CATEGORIES[1:]:
        if dpd >= int(floors[name]):
            out = name
    return out
