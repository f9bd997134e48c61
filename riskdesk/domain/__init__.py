"""SQLModel tables and enums: the vocabulary of the whole app."""
from riskdesk.domain.applications import Applicant, Application, ApplicationFeatures, ImportBatch
from riskdesk.domain.audit import AuditEvent, AuditHead
from riskdesk.domain.keys import DataKey
from riskdesk.domain.users import User, UserRole

__all__ = [
    "Applicant",
    "Application",
    "ApplicationFeatures",
    "AuditEvent",
    "AuditHead",
    "DataKey",
    "ImportBatch",
    "User",
    "UserRole",
]
