"""The rules riskdesk knows, with default settings and their sources (docs/regulation.md).

Only the defaults live here; the settings in force are rule-set versions in the database,
changed by the compliance role. Each rule's sentence takes the numbers stored with a hit.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from riskdesk.i18n import QT_TRANSLATE_NOOP, translate

# Sources are stored with each rule setting in English and shown through source_text().
INTERNAL = QT_TRANSLATE_NOOP("Rules", "internal policy")
CBIRC_2020_9 = QT_TRANSLATE_NOOP("Rules",
                                 "CBIRC Order 2020 No. 9 (Interim Measures for Internet Loans)")
CBIRC_2020_9_UNVERIFIED = QT_TRANSLATE_NOOP(
    "Rules", "CBIRC Order 2020 No. 9 (Interim Measures for Internet Loans) (wording unverified)")
PRICING_2025 = QT_TRANSLATE_NOOP(
    "Rules", "facilitation-lending notice 2025 / window guidance (24 % all-in cap)")
GB11643 = QT_TRANSLATE_NOOP("Rules", "GB 11643 (citizen identity number)")


@dataclass(frozen=True)
class RuleDef:
    code: str
    name: str
    severity: str
    params: dict[str, Any]
    source: str
    sentence: str
    enabled: bool = True
    doc: str = ""
    param_names: tuple[str, ...] = field(default=())
    # A hit forbids approval by anyone (issue 26); the default for a new rule set: compliance
    # changes it with the rule set (services.credit.rulesets.change_rule).
    hard_stop: bool = False


@dataclass(frozen=True)
class Setting:
    """A rule as a rule-set version sets it. Kept here with the rules rather than beside the
    pandas evaluation, so the rules tab reads settings without loading pandas (issue 35)."""

    code: str
    severity: str
    enabled: bool
    params: dict[str, Any]
    hard_stop: bool = False  # a hit forbids approval by anyone (issue 26)


RULES: tuple[RuleDef, ...] = (
    RuleDef("SHARED_DEVICE", QT_TRANSLATE_NOOP("Rules", "Device shared by several applicants"),
            "medium", {"min_applicants": 3, "days": 30}, INTERNAL,
            QT_TRANSLATE_NOOP("Rules", "Device used by {n} applicants within {days} days")),
    RuleDef("SHARED_PHONE", QT_TRANSLATE_NOOP("Rules", "Phone shared by several applicants"),
            "high", {"min_applicants": 2, "days": 30}, INTERNAL,
            QT_TRANSLATE_NOOP("Rules", "Phone number given by {n} applicants within {days} days")),
    RuleDef("SHARED_CARD", QT_TRANSLATE_NOOP("Rules", "Bank card shared by several applicants"),
            "high", {"min_applicants": 2, "days": 30}, INTERNAL,
            QT_TRANSLATE_NOOP("Rules", "Bank card given by {n} applicants within {days} days")),
    RuleDef("MULTI_LENDING", QT_TRANSLATE_NOOP("Rules", "Many applications from one person"),
            "medium", {"min_applications": 3, "days": 7}, INTERNAL,
            QT_TRANSLATE_NOOP("Rules", "{n} applications from this ID number within {days} days")),
    RuleDef("AGE_MISMATCH", QT_TRANSLATE_NOOP("Rules", "Stated age differs from the ID number"),
            "high", {"tolerance_years": 1}, INTERNAL,
            QT_TRANSLATE_NOOP("Rules", "Stated age {stated}, the ID number gives {actual}")),
    RuleDef("ID_CHECKSUM", QT_TRANSLATE_NOOP("Rules", "Invalid ID number checksum"),
            "high", {}, GB11643,
            QT_TRANSLATE_NOOP("Rules", "The ID number's check character is wrong"),
            hard_stop=True),
    RuleDef("DEBT_TO_INCOME", QT_TRANSLATE_NOOP("Rules", "Debt service above income limit"),
            "medium", {"max_ratio": 0.5, "existing_payment_rate": 0.03}, INTERNAL,
            QT_TRANSLATE_NOOP("Rules", "Monthly repayments are {ratio:.0%} of monthly income "
                              "(limit {limit:.0%})"),
            doc="(this loan's instalment + existing instalment balances x payment rate) / "
                "(annual income / 12)"),
    RuleDef("AMOUNT_CEILING", QT_TRANSLATE_NOOP("Rules", "Above the personal credit-loan ceiling"),
            "high", {"ceiling": 200_000, "days": 365}, CBIRC_2020_9,
            QT_TRANSLATE_NOOP("Rules", "This person's applications total {total:,.0f} CNY within "
                              "{days} days (ceiling {ceiling:,.0f})"), hard_stop=True),
    RuleDef("COST_CEILING", QT_TRANSLATE_NOOP("Rules", "All-in annual cost above the ceiling"),
            "high", {"ceiling_pct": 24.0, "lpr_multiple": 4}, PRICING_2025,
            QT_TRANSLATE_NOOP("Rules", "All-in annual cost {cost:.2f} % (band {band}); ceiling "
                              "{ceiling:.0f} %; 4x LPR benchmark {lpr4:.2f} %"),
            doc="APR + (upfront + monthly x term + other fees) / amount x 12 / term x 100",
            hard_stop=True),
    RuleDef("BULLET_TERM", QT_TRANSLATE_NOOP("Rules", "Bullet repayment longer than allowed"),
            "medium", {"max_months": 12}, CBIRC_2020_9,
            QT_TRANSLATE_NOOP("Rules", "Bullet repayment over {term} months (limit {limit})")),
    RuleDef("OUTSIDE_REGION", QT_TRANSLATE_NOOP("Rules", "Borrower outside the licensed regions"),
            "high", {"licensed_prefixes": []}, CBIRC_2020_9_UNVERIFIED,
            QT_TRANSLATE_NOOP("Rules", "Borrower's region {region} is outside the licensed "
                              "regions"), enabled=False,
            doc="enable for a local bank and list its licensed region-code prefixes"),
    RuleDef("BLACKLIST", QT_TRANSLATE_NOOP("Rules", "Internal blacklist hit"),
            "high", {}, INTERNAL,
            QT_TRANSLATE_NOOP("Rules", "The {kind} is on the internal blacklist"),
            hard_stop=True),
    RuleDef("PARTNER_SUSPENDED", QT_TRANSLATE_NOOP("Rules", "Partner not active"),
            "high", {}, INTERNAL,
            QT_TRANSLATE_NOOP("Rules", "Applied through partner {partner}, whose status is "
                              "{status}"),
            doc="the partner register's status is onboarding, suspended or exited (issue 30)"),
    # Judged on the link store, not per application (services/rings, issue 33): one fraud
    # case per ring of at least min_applicants joined by keys seen within days, a key shared
    # by more than key_cap applicants joining nobody.
    RuleDef("FRAUD_RING", QT_TRANSLATE_NOOP("Rules", "Fraud ring"),
            "high", {"min_applicants": 4, "days": 90, "key_cap": 50}, INTERNAL,
            QT_TRANSLATE_NOOP("Rules", "Ring of {n} applicants sharing devices, phones, cards "
                              "or employers within {days} days"),
            doc="connected applicants over shared keys; IP addresses never join"),
)
BY_CODE = {r.code: r for r in RULES}

COST_BANDS = (12.0, 24.0)


def sentence(code: str, detail: dict[str, Any]) -> str:
    rule = BY_CODE.get(code)
    if rule is None:
        return code
    text = translate("Rules", rule.sentence)
    if "status" in detail:  # a partner's status, in the reader's language
        detail = {**detail, "status": translate("Enum", str(detail["status"]))}
    try:
        return text.format(**detail)
    except (KeyError, ValueError, IndexError):
        return f"{translate('Rules', rule.name)}: {detail}"


# The post-loan early-warning rules (services.postloan.monitoring) by code: their thresholds are the
# post-loan policy's, their names are shown beside the pre-loan rules'.
POST_LOAN_NAMES = {
    "FIRST_PAYMENT_MISSED": QT_TRANSLATE_NOOP("PostLoan", "First payment missed"),
    "DPD": QT_TRANSLATE_NOOP("PostLoan", "Days past due crossed a threshold"),
    "PARTIAL_PAYMENTS": QT_TRANSLATE_NOOP("PostLoan", "Repeated partial payments"),
    "PROCEEDS_OUT": QT_TRANSLATE_NOOP("PostLoan", "Proceeds moved out at once"),
    "OTHER_CREDIT": QT_TRANSLATE_NOOP("PostLoan", "Proceeds repay other credit"),
    "BANNED_USE": QT_TRANSLATE_NOOP("PostLoan", "Banned use of proceeds"),
    "ROUND_TRIP": QT_TRANSLATE_NOOP("PostLoan", "Round trip to own account"),
    "LARGE_VALUE": QT_TRANSLATE_NOOP("PostLoan", "Large-value same-day total"),
    "ANNUAL_REVIEW": QT_TRANSLATE_NOOP("PostLoan", "Annual credit re-review due"),
    "PROMISE_BROKEN": QT_TRANSLATE_NOOP("PostLoan", "Promise to pay not kept"),
    "JOINT_SHARE": QT_TRANSLATE_NOOP("PostLoan", "Partner share of a joint loan below the "
                                                 "minimum"),
}


def rule_name(code: str) -> str:
    rule = BY_CODE.get(code)
    if rule is not None:
        return translate("Rules", rule.name)
    if code in POST_LOAN_NAMES:
        return translate("PostLoan", POST_LOAN_NAMES[code])
    return code


def source_text(source: str) -> str:
    """A stored source in the reader's language (a source compliance typed is shown as is)."""
    return translate("Rules", source) if source else ""
