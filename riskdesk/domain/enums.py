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
