"""Enumerations stored as short strings; labels are marked for translation where they live.

One list per concept: importers, services and the GUI all read these.
"""
from __future__ import annotations

from enum import StrEnum

from riskdesk.i18n import QT_TRANSLATE_NOOP, translate


class Role(StrEnum):
    OFFICER = "officer"
    SENIOR_OFFICER = "senior_officer"
    COMPLIANCE = "compliance"
    AUDITOR = "auditor"
    ADMIN = "admin"


class Product(StrEnum):
    CASH_LOAN = "cash_loan"
    INSTALMENT = "instalment"
    CREDIT_CARD = "credit_card"


class Channel(StrEnum):
    OWN_APP = "own_app"
    PARTNER = "partner"


class RepaymentType(StrEnum):
    EQUAL_INSTALMENT = "equal_instalment"
    EQUAL_PRINCIPAL = "equal_principal"
    INTEREST_ONLY = "interest_only"
    BULLET = "bullet"
    REVOLVING = "revolving"


class Purpose(StrEnum):
    CONSUMPTION = "consumption"
    HOME_IMPROVEMENT = "home_improvement"
    EDUCATION = "education"
    MEDICAL = "medical"
    TRAVEL = "travel"
    CAR = "car"
    DEBT_CONSOLIDATION = "debt_consolidation"
    OTHER = "other"


class Outcome(StrEnum):
    GOOD = "good"
    BAD = "bad"


class ImportOutcome(StrEnum):
    COMMITTED = "committed"
    REFUSED = "refused"


LABELS: dict[str, str] = {
    "officer": QT_TRANSLATE_NOOP("Enum", "officer"),
    "senior_officer": QT_TRANSLATE_NOOP("Enum", "senior officer"),
    "compliance": QT_TRANSLATE_NOOP("Enum", "compliance"),
    "auditor": QT_TRANSLATE_NOOP("Enum", "auditor"),
    "admin": QT_TRANSLATE_NOOP("Enum", "admin"),
    "cash_loan": QT_TRANSLATE_NOOP("Enum", "cash loan"),
    "instalment": QT_TRANSLATE_NOOP("Enum", "instalment"),
    "credit_card": QT_TRANSLATE_NOOP("Enum", "credit card"),
    "own_app": QT_TRANSLATE_NOOP("Enum", "own app"),
    "partner": QT_TRANSLATE_NOOP("Enum", "partner platform"),
    "equal_instalment": QT_TRANSLATE_NOOP("Enum", "equal instalments"),
    "equal_principal": QT_TRANSLATE_NOOP("Enum", "equal principal"),
    "interest_only": QT_TRANSLATE_NOOP("Enum", "interest only"),
    "bullet": QT_TRANSLATE_NOOP("Enum", "bullet"),
    "revolving": QT_TRANSLATE_NOOP("Enum", "revolving"),
    "consumption": QT_TRANSLATE_NOOP("Enum", "consumption"),
    "home_improvement": QT_TRANSLATE_NOOP("Enum", "home improvement"),
    "education": QT_TRANSLATE_NOOP("Enum", "education"),
    "medical": QT_TRANSLATE_NOOP("Enum", "medical"),
    "travel": QT_TRANSLATE_NOOP("Enum", "travel"),
    "car": QT_TRANSLATE_NOOP("Enum", "car"),
    "debt_consolidation": QT_TRANSLATE_NOOP("Enum", "debt consolidation"),
    "other": QT_TRANSLATE_NOOP("Enum", "other"),
    "good": QT_TRANSLATE_NOOP("Enum", "good"),
    "bad": QT_TRANSLATE_NOOP("Enum", "bad"),
    "committed": QT_TRANSLATE_NOOP("Enum", "committed"),
    "refused": QT_TRANSLATE_NOOP("Enum", "refused"),
}


def label(value: str | None) -> str:
    """The translated label of a stored enum value (the value itself if unknown)."""
    if value is None:
        return ""
    return translate("Enum", LABELS.get(value, value))


class ModelStatus(StrEnum):
    TRAINED = "trained"
    PROPOSED = "proposed"
    ACTIVE = "active"
    RETIRED = "retired"
    # Approved to score in shadow beside the active model (a challenger, issue 32): its scores
    # are kept apart and never decide anything.
    SHADOW = "shadow"


class Band(StrEnum):
    APPROVE = "approve"
    REVIEW = "review"
    DECLINE = "decline"


class DecisionOutcome(StrEnum):
    AUTO_APPROVE = "auto_approve"
    FLAGGED = "flagged"


class Severity(StrEnum):
    LOW = "low"
    MEDIUM = "medium"
    HIGH = "high"


SEVERITY_RANK = {Severity.LOW: 1, Severity.MEDIUM: 2, Severity.HIGH: 3}


class CaseKind(StrEnum):
    PRE_LOAN = "pre_loan"
    FRAUD = "fraud"
    POST_LOAN = "post_loan"
    PARTNER_REVIEW = "partner_review"
    HUMAN_REVIEW = "human_review"
    DATA_INCIDENT = "data_incident"
    ANNUAL_REVIEW = "annual_review"
    MODEL_REVIEW = "model_review"  # drift or decay of the model in force (issue 32)


class CaseStatus(StrEnum):
    NEW = "new"
    IN_REVIEW = "in_review"
    PENDING_INFO = "pending_info"
    ESCALATED = "escalated"
    AWAITING_CHECK = "awaiting_check"
    RETURNED = "returned"  # sent back by the checker: with its maker again, the reason shown
    DECIDED = "decided"
    CLOSED = "closed"


CLOSED_STATUSES = (CaseStatus.DECIDED.value, CaseStatus.CLOSED.value)
# A partner review's flags: the limits breached (services/partners/performance.py opens the
# review; the queue names them without loading that module, issue 35).
BAD_RATE_DOUBLED, COMPLAINTS_OVER = "BAD_RATE_DOUBLED", "COMPLAINTS_OVER"

# What a case's history shows for each audit action on it.
LABELS.update({
    "case.view": QT_TRANSLATE_NOOP("Enum", "opened the case"),
    "feature_note.change": QT_TRANSLATE_NOOP("Enum", "changed a feature note"),
    "score.run": QT_TRANSLATE_NOOP("Enum", "scoring run (scored, checked, opened the case)"),
    "case.claim": QT_TRANSLATE_NOOP("Enum", "claimed"),
    "case.assign": QT_TRANSLATE_NOOP("Enum", "assigned"),
    "case.note": QT_TRANSLATE_NOOP("Enum", "added a note"),
    "case.decide": QT_TRANSLATE_NOOP("Enum", "decided"),
    "case.check.confirm": QT_TRANSLATE_NOOP("Enum", "confirmed the decision (four-eyes)"),
    "case.check.send_back": QT_TRANSLATE_NOOP("Enum", "sent the decision back"),
    "pii.unmask": QT_TRANSLATE_NOOP("Enum", "looked at unmasked personal data"),
    "id_no": QT_TRANSLATE_NOOP("Enum", "ID number"),
    "card": QT_TRANSLATE_NOOP("Enum", "bank card"),
})


LABELS.update({
    "trained": QT_TRANSLATE_NOOP("Enum", "trained"),
    "proposed": QT_TRANSLATE_NOOP("Enum", "proposed"),
    "active": QT_TRANSLATE_NOOP("Enum", "active"),
    "retired": QT_TRANSLATE_NOOP("Enum", "retired"),
    "shadow": QT_TRANSLATE_NOOP("Enum", "in shadow (challenger)"),
    "approve": QT_TRANSLATE_NOOP("Enum", "approve"),
    "review": QT_TRANSLATE_NOOP("Enum", "review"),
    "decline": QT_TRANSLATE_NOOP("Enum", "decline"),
    "auto_approve": QT_TRANSLATE_NOOP("Enum", "automatic approval"),
    "flagged": QT_TRANSLATE_NOOP("Enum", "flagged"),
    "low": QT_TRANSLATE_NOOP("Enum", "low"),
    "medium": QT_TRANSLATE_NOOP("Enum", "medium"),
    "high": QT_TRANSLATE_NOOP("Enum", "high"),
    "pre_loan": QT_TRANSLATE_NOOP("Enum", "pre-loan review"),
    "fraud": QT_TRANSLATE_NOOP("Enum", "fraud"),
    "post_loan": QT_TRANSLATE_NOOP("Enum", "post-loan"),
    "partner_review": QT_TRANSLATE_NOOP("Enum", "partner review"),
    "human_review": QT_TRANSLATE_NOOP("Enum", "human review requested"),
    "data_incident": QT_TRANSLATE_NOOP("Enum", "data incident"),
    "annual_review": QT_TRANSLATE_NOOP("Enum", "annual re-review"),
    "new": QT_TRANSLATE_NOOP("Enum", "new"),
    "in_review": QT_TRANSLATE_NOOP("Enum", "in review"),
    "pending_info": QT_TRANSLATE_NOOP("Enum", "pending information"),
    "escalated": QT_TRANSLATE_NOOP("Enum", "escalated"),
    "awaiting_check": QT_TRANSLATE_NOOP("Enum", "awaiting check"),
    "returned": QT_TRANSLATE_NOOP("Enum", "returned"),
    "decided": QT_TRANSLATE_NOOP("Enum", "decided"),
    "closed": QT_TRANSLATE_NOOP("Enum", "closed"),
    "identity": QT_TRANSLATE_NOOP("Enum", "identity"),
    "phone": QT_TRANSLATE_NOOP("Enum", "phone"),
    "income": QT_TRANSLATE_NOOP("Enum", "income"),
    "employer": QT_TRANSLATE_NOOP("Enum", "employer"),
    "site_visit": QT_TRANSLATE_NOOP("Enum", "site visit"),
    "credit_bureau": QT_TRANSLATE_NOOP("Enum", "credit bureau"),
    "verified": QT_TRANSLATE_NOOP("Enum", "verified"),
    "discrepancy": QT_TRANSLATE_NOOP("Enum", "discrepancy"),
    "unable_to_verify": QT_TRANSLATE_NOOP("Enum", "unable to verify"),
    "request_info": QT_TRANSLATE_NOOP("Enum", "request information"),
    "escalate": QT_TRANSLATE_NOOP("Enum", "escalate"),
})


# Complaints (docs/regulation.md): the one list of channels, categories, states and outcomes.
class ComplaintChannel(StrEnum):
    PHONE = "phone"
    APP = "app"
    LETTER = "letter"
    BRANCH = "branch"
    REGULATOR = "regulator_referral"


class ComplaintCategory(StrEnum):
    COLLECTION = "collection_conduct"
    FEES = "interest_and_fees"
    PRIVACY = "privacy"
    IDENTITY_THEFT = "identity_theft"
    SERVICE = "service_quality"
    OTHER = "other"


class ComplaintStatus(StrEnum):
    RECEIVED = "received"
    INVESTIGATING = "investigating"
    RESPONDED = "responded"
    CLOSED = "closed"
    WITHDRAWN = "withdrawn"


class Reaction(StrEnum):
    ACCEPTED = "accepted"
    REJECTED = "rejected"
    NO_ANSWER = "no_answer"


class RootCause(StrEnum):
    PROCESS = "process_gap"
    SYSTEM = "system_error"
    STAFF = "staff_conduct"
    PARTNER = "partner_conduct"
    PRODUCT = "product_design"
    DISCLOSURE = "disclosure"
    FRAUD = "third_party_fraud"
    NO_FAULT = "no_fault_found"


class Extension(StrEnum):
    NONE = "none"
    COMPLEX = "complex"
    SPECIAL_REQUESTED = "special_requested"
    SPECIAL = "special"


LABELS.update({
    "app": QT_TRANSLATE_NOOP("Enum", "app"),
    "letter": QT_TRANSLATE_NOOP("Enum", "letter"),
    "branch": QT_TRANSLATE_NOOP("Enum", "in branch"),
    "regulator_referral": QT_TRANSLATE_NOOP("Enum", "regulator referral"),
    "collection_conduct": QT_TRANSLATE_NOOP("Enum", "collection conduct"),
    "interest_and_fees": QT_TRANSLATE_NOOP("Enum", "interest and fees"),
    "privacy": QT_TRANSLATE_NOOP("Enum", "personal information and privacy"),
    "identity_theft": QT_TRANSLATE_NOOP("Enum", "unauthorised loan or identity theft"),
    "service_quality": QT_TRANSLATE_NOOP("Enum", "service quality"),
    "received": QT_TRANSLATE_NOOP("Enum", "received"),
    "investigating": QT_TRANSLATE_NOOP("Enum", "investigating"),
    "responded": QT_TRANSLATE_NOOP("Enum", "responded"),
    "withdrawn": QT_TRANSLATE_NOOP("Enum", "withdrawn"),
    "accepted": QT_TRANSLATE_NOOP("Enum", "accepted"),
    "rejected": QT_TRANSLATE_NOOP("Enum", "rejected"),
    "no_answer": QT_TRANSLATE_NOOP("Enum", "no answer"),
    "process_gap": QT_TRANSLATE_NOOP("Enum", "process gap"),
    "system_error": QT_TRANSLATE_NOOP("Enum", "system error"),
    "staff_conduct": QT_TRANSLATE_NOOP("Enum", "staff conduct"),
    "partner_conduct": QT_TRANSLATE_NOOP("Enum", "partner conduct"),
    "product_design": QT_TRANSLATE_NOOP("Enum", "product design"),
    "disclosure": QT_TRANSLATE_NOOP("Enum", "disclosure"),
    "third_party_fraud": QT_TRANSLATE_NOOP("Enum", "third-party fraud"),
    "no_fault_found": QT_TRANSLATE_NOOP("Enum", "no fault found"),
    "none": QT_TRANSLATE_NOOP("Enum", "none"),
    "complex": QT_TRANSLATE_NOOP("Enum", "complex case (30 days)"),
    "special_requested": QT_TRANSLATE_NOOP("Enum", "special extension requested"),
    "special": QT_TRANSLATE_NOOP("Enum", "special extension (60 days)"),
    "complaint.register": QT_TRANSLATE_NOOP("Enum", "registered"),
    "complaint.investigate": QT_TRANSLATE_NOOP("Enum", "started investigating"),
    "complaint.assign": QT_TRANSLATE_NOOP("Enum", "assigned"),
    "complaint.extend": QT_TRANSLATE_NOOP("Enum", "extended (complex case)"),
    "complaint.special_requested": QT_TRANSLATE_NOOP("Enum", "asked for a special extension"),
    "complaint.special_approved": QT_TRANSLATE_NOOP("Enum", "approved the special extension"),
    "complaint.respond": QT_TRANSLATE_NOOP("Enum", "replied"),
    "complaint.close": QT_TRANSLATE_NOOP("Enum", "closed"),
    "complaint.reopen": QT_TRANSLATE_NOOP("Enum", "reopened"),
    "complaint.withdraw": QT_TRANSLATE_NOOP("Enum", "recorded the withdrawal"),
    "complaint.escalate": QT_TRANSLATE_NOOP("Enum", "escalated to compliance"),
    "complaint.link_case": QT_TRANSLATE_NOOP("Enum", "linked a fraud case"),
    "case.open": QT_TRANSLATE_NOOP("Enum", "opened"),
    "case": QT_TRANSLATE_NOOP("Enum", "case audit report"),
    "monthly": QT_TRANSLATE_NOOP("Enum", "monthly compliance report"),
    "validation": QT_TRANSLATE_NOOP("Enum", "model validation report"),
})


LABELS.update({
    "normal": QT_TRANSLATE_NOOP("Enum", "normal"),
    "special_mention": QT_TRANSLATE_NOOP("Enum", "special mention"),
    "substandard": QT_TRANSLATE_NOOP("Enum", "substandard"),
    "doubtful": QT_TRANSLATE_NOOP("Enum", "doubtful"),
    "loss": QT_TRANSLATE_NOOP("Enum", "loss"),
    "out": QT_TRANSLATE_NOOP("Enum", "out"),
    "in": QT_TRANSLATE_NOOP("Enum", "in"),
    "transfer": QT_TRANSLATE_NOOP("Enum", "transfer"),
    "cash": QT_TRANSLATE_NOOP("Enum", "cash"),
    "cross_border": QT_TRANSLATE_NOOP("Enum", "cross-border"),
    "loan.monitor": QT_TRANSLATE_NOOP("Enum", "ran post-loan monitoring"),
    "case.open": QT_TRANSLATE_NOOP("Enum", "opened the case"),
    "case.alert": QT_TRANSLATE_NOOP("Enum", "added an early warning"),
})


LABELS.update({  # fund-flow counterparty types
    "person": QT_TRANSLATE_NOOP("Enum", "person"),
    "company": QT_TRANSLATE_NOOP("Enum", "company"),
    "merchant": QT_TRANSLATE_NOOP("Enum", "merchant"),
    "own_account": QT_TRANSLATE_NOOP("Enum", "own account"),
    "loan": QT_TRANSLATE_NOOP("Enum", "loan"),
    "real_estate": QT_TRANSLATE_NOOP("Enum", "real estate"),
    "securities": QT_TRANSLATE_NOOP("Enum", "securities"),
    "futures": QT_TRANSLATE_NOOP("Enum", "futures"),
    "asset_management": QT_TRANSLATE_NOOP("Enum", "asset management"),
    "equity_investment": QT_TRANSLATE_NOOP("Enum", "equity investment"),
})


LABELS.update({
    "audit.anchor": QT_TRANSLATE_NOOP("Enum", "sealed the audit head with the anchor key"),
    "loan.policy.change": QT_TRANSLATE_NOOP("Enum", "changed the post-loan thresholds"),
})


LABELS.update({  # audit findings' follow-up
    "in_progress": QT_TRANSLATE_NOOP("Enum", "in progress"),
    "resolved": QT_TRANSLATE_NOOP("Enum", "resolved"),
    "open": QT_TRANSLATE_NOOP("Enum", "open"),
    "audit.export": QT_TRANSLATE_NOOP("Enum", "exported an audit pack"),
    "finding.import": QT_TRANSLATE_NOOP("Enum", "brought an audit finding back"),
    "finding.follow_up": QT_TRANSLATE_NOOP("Enum", "followed up an audit finding"),
})
LABELS.update({  # exports of a table (services/reporting/table_export.py) and of the queue
    "table.export": QT_TRANSLATE_NOOP("Enum", "exported a table"),
    "queue.export": QT_TRANSLATE_NOOP("Enum", "exported the case queue"),
})


LABELS.update({  # partners
    "platform": QT_TRANSLATE_NOOP("Enum", "platform"),
    "guarantor": QT_TRANSLATE_NOOP("Enum", "guarantor"),
    "collection_agency": QT_TRANSLATE_NOOP("Enum", "collection agency"),
    "onboarding": QT_TRANSLATE_NOOP("Enum", "onboarding"),
    "suspended": QT_TRANSLATE_NOOP("Enum", "suspended"),
    "exited": QT_TRANSLATE_NOOP("Enum", "exited"),
    "partner.register": QT_TRANSLATE_NOOP("Enum", "registered a partner"),
    "partner.check": QT_TRANSLATE_NOOP("Enum", "recorded a due-diligence check"),
    "partner.status": QT_TRANSLATE_NOOP("Enum", "changed a partner's status"),
    "partner.capital": QT_TRANSLATE_NOOP("Enum", "set the capital figures"),
})
LABELS.update({  # the blacklist and allowlist (issue 30)
    "list.add": QT_TRANSLATE_NOOP("Enum", "added a list entry"),
    "list.import": QT_TRANSLATE_NOOP("Enum", "loaded list entries from a file"),
    "list.remove.request": QT_TRANSLATE_NOOP("Enum", "asked to remove a list entry"),
    "list.remove.approve": QT_TRANSLATE_NOOP("Enum", "approved a list entry's removal"),
    "list.allow.silenced": QT_TRANSLATE_NOOP("Enum", "allowlist silenced a shared-key rule"),
})


LABELS.update({  # post-loan actions on a loan's case (services/cases/postloan_actions.py)
    "monitor": QT_TRANSLATE_NOOP("Enum", "continue monitoring"),
    "contact": QT_TRANSLATE_NOOP("Enum", "contact the borrower"),
    "request_docs": QT_TRANSLATE_NOOP("Enum", "request documents on the use of funds"),
    "freeze_line": QT_TRANSLATE_NOOP("Enum", "freeze the undrawn line"),
    "call_early": QT_TRANSLATE_NOOP("Enum", "call the loan early"),
    "reclassify": QT_TRANSLATE_NOOP("Enum", "reclassify the loan"),
    "suspicious": QT_TRANSLATE_NOOP("Enum", "report suspicious activity"),
    "done": QT_TRANSLATE_NOOP("Enum", "done"),
    "confirmed": QT_TRANSLATE_NOOP("Enum", "confirmed"),
    "sent_back": QT_TRANSLATE_NOOP("Enum", "sent back"),
    "sms": QT_TRANSLATE_NOOP("Enum", "text message"),
    "visit": QT_TRANSLATE_NOOP("Enum", "visit"),
    "promised_to_pay": QT_TRANSLATE_NOOP("Enum", "promised to pay"),
    "refused_to_pay": QT_TRANSLATE_NOOP("Enum", "refused to pay"),
    "disputes_debt": QT_TRANSLATE_NOOP("Enum", "disputes the debt"),
    "not_reached": QT_TRANSLATE_NOOP("Enum", "not reached"),
    "case.postloan": QT_TRANSLATE_NOOP("Enum", "took a post-loan action"),
    "case.postloan.confirm": QT_TRANSLATE_NOOP("Enum", "confirmed the post-loan action "
                                                        "(four-eyes)"),
    "case.postloan.send_back": QT_TRANSLATE_NOOP("Enum", "sent the post-loan action back"),
})


LABELS.update({  # model reviews (services/credit/model_review.py, issue 32)
    "model_review": QT_TRANSLATE_NOOP("Enum", "model review"),
    "keep": QT_TRANSLATE_NOOP("Enum", "keep the model"),
    "recalibrate": QT_TRANSLATE_NOOP("Enum", "recalibrate"),
    "retrain": QT_TRANSLATE_NOOP("Enum", "retrain"),
    "retire": QT_TRANSLATE_NOOP("Enum", "retire the model"),
    "model.review.close": QT_TRANSLATE_NOOP("Enum", "closed the model review"),
})
