"""SQLModel tables and enums: the vocabulary of the whole app."""
from riskdesk.domain.applications import Applicant, Application, ApplicationFeatures, ImportBatch
from riskdesk.domain.audit import AuditAnchor, AuditEvent, AuditHead
from riskdesk.domain.cases import Case, InvestigationNote, NoteDraft
from riskdesk.domain.complaints import Complaint
from riskdesk.domain.evidence import EvidenceChunk, EvidenceFile
from riskdesk.domain.feed import FeedAck, FeedHead, FeedRecord
from riskdesk.domain.findings import Finding
from riskdesk.domain.keys import DataKey
from riskdesk.domain.loans import (
    FundFlow,
    Loan,
    LoanAction,
    LoanAlert,
    LoanSnapshot,
    MonitoringPolicy,
    MonitoringRun,
    Repayment,
)
from riskdesk.domain.partners import CapitalFigure, Partner, PartnerCheck
from riskdesk.domain.proposals import RuleProposal
from riskdesk.domain.reports import Report
from riskdesk.domain.rings import CaseApplication, FraudRing, LinkEdge, LinkKey, RingMember
from riskdesk.domain.rules import BlacklistEntry, LprRate, RuleHit, RuleSet, RuleSetting
from riskdesk.domain.scoring import (
    DecisionRecord,
    ModelVersion,
    MonitorRun,
    PolicyVersion,
    Score,
    ScoreReason,
    ScoreRun,
)
from riskdesk.domain.text_pii import TextPii
from riskdesk.domain.users import AppSetting, RoleRequest, User, UserKey, UserRole

__all__ = [
    "Applicant",
    "AppSetting",
    "Application",
    "ApplicationFeatures",
    "AuditAnchor",
    "AuditEvent",
    "AuditHead",
    "BlacklistEntry",
    "CapitalFigure",
    "Case",
    "CaseApplication",
    "Complaint",
    "DecisionRecord",
    "DataKey",
    "EvidenceChunk",
    "EvidenceFile",
    "FeedAck",
    "FraudRing",
    "FeedHead",
    "FeedRecord",
    "Finding",
    "FundFlow",
    "ImportBatch",
    "InvestigationNote",
    "Loan",
    "LoanAction",
    "LoanAlert",
    "LinkEdge",
    "LinkKey",
    "LoanSnapshot",
    "NoteDraft",
    "LprRate",
    "ModelVersion",
    "MonitorRun",
    "MonitoringPolicy",
    "MonitoringRun",
    "Partner",
    "PartnerCheck",
    "PolicyVersion",
    "Repayment",
    "Report",
    "RingMember",
    "RoleRequest",
    "RuleHit",
    "RuleProposal",
    "RuleSet",
    "RuleSetting",
    "Score",
    "ScoreReason",
    "ScoreRun",
    "TextPii",
    "User",
    "UserKey",
    "UserRole",
]
