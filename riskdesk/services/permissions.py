"""The permission matrix (action -> roles allowed), checked by services and read by the GUI.

The review-workspace issue extends this table; every write service calls :func:`require`.
"""
from __future__ import annotations

from enum import StrEnum

from riskdesk.domain.enums import Role, label
from riskdesk.errors import PermissionDenied
from riskdesk.i18n import QT_TRANSLATE_NOOP, join_list, translate
from riskdesk.services.actor import Actor


class Action(StrEnum):
    USER_MANAGE = "user.manage"
    APPLICATION_IMPORT = "application.import"
    APPLICATION_VIEW = "application.view"
    AUDIT_VERIFY = "audit.verify"
    MODEL_TRAIN = "model.train"
    MODEL_PROPOSE = "model.propose"
    MODEL_APPROVE = "model.approve"
    MODEL_MONITOR = "model.monitor"
    MODEL_VALIDATE = "model.validate"
    SCORE_RUN = "score.run"
    RULE_CHANGE = "rule.change"
    POLICY_CHANGE = "policy.change"
    RULE_APPROVE = "rule.approve"
    CASE_WORK = "case.work"
    CASE_ASSIGN = "case.assign"
    CASE_CHECK = "case.check"
    KEY_EXPORT = "key.export"
    KEY_ROTATE = "key.rotate"
    SETTINGS_CHANGE = "settings.change"
    QUEUE_EXPORT = "queue.export"
    PII_UNMASK = "pii.unmask"
    COMPLAINT_WORK = "complaint.work"
    COMPLAINT_ASSIGN = "complaint.assign"
    COMPLAINT_EXTEND_SPECIAL = "complaint.extend_special"
    COMPLAINT_SETTINGS = "complaint.settings"
    REPORT_CASE = "report.case"
    REPORT_MONTHLY = "report.monthly"
    LOAN_IMPORT = "loan.import"
    LOAN_MONITOR = "loan.monitor"
    LOAN_POLICY = "loan.policy"
    AUDIT_EXPORT = "audit.export"
    FINDING_IMPORT = "finding.import"
    FINDING_FOLLOW_UP = "finding.follow_up"
    PARTNER_MANAGE = "partner.manage"
    TIME_ZONE_CHANGE = "settings.time_zone"
    CASE_ATTACH = "case.attach"
    COMPLAINT_ATTACH = "complaint.attach"
    FEATURE_NOTES = "model.feature_notes"
    FEED_EXPORT = "decisions.export"
    LIST_VIEW = "lists.view"
    LIST_CHANGE = "lists.change"
    LIST_APPROVE = "lists.approve"
    RING_VIEW = "rings.view"
    RING_REBUILD = "rings.rebuild"


ACTION_LABELS = {
    Action.USER_MANAGE: QT_TRANSLATE_NOOP("Permissions", "manage users and roles"),
    Action.APPLICATION_IMPORT: QT_TRANSLATE_NOOP("Permissions", "import applications"),
    Action.APPLICATION_VIEW: QT_TRANSLATE_NOOP("Permissions", "view applications"),
    Action.AUDIT_VERIFY: QT_TRANSLATE_NOOP("Permissions", "verify the audit trail"),
    Action.MODEL_TRAIN: QT_TRANSLATE_NOOP("Permissions", "train credit models"),
    Action.MODEL_PROPOSE: QT_TRANSLATE_NOOP("Permissions", "propose a model for activation"),
    Action.MODEL_APPROVE: QT_TRANSLATE_NOOP(
        "Permissions", "approve a model on its validation report (validator)"),
    Action.MODEL_MONITOR: QT_TRANSLATE_NOOP("Permissions", "record model monitoring"),
    Action.MODEL_VALIDATE: QT_TRANSLATE_NOOP(
        "Permissions", "validate a model: issue its validation report (independent validator)"),
    Action.SCORE_RUN: QT_TRANSLATE_NOOP("Permissions", "score applications"),
    Action.RULE_CHANGE: QT_TRANSLATE_NOOP("Permissions", "change rule settings"),
    Action.POLICY_CHANGE: QT_TRANSLATE_NOOP("Permissions", "change the decision policy"),
    Action.RULE_APPROVE: QT_TRANSLATE_NOOP(
        "Permissions", "approve a rule or policy change (second person)"),
    Action.CASE_WORK: QT_TRANSLATE_NOOP("Permissions", "work cases: claim, note, decide"),
    Action.CASE_ASSIGN: QT_TRANSLATE_NOOP("Permissions", "assign cases to others"),
    Action.CASE_CHECK: QT_TRANSLATE_NOOP("Permissions", "check another officer's decision"),
    Action.KEY_EXPORT: QT_TRANSLATE_NOOP("Permissions", "export the data key for escrow"),
    Action.KEY_ROTATE: QT_TRANSLATE_NOOP(
        "Permissions", "rotate the data key (re-encrypt personal data under a new key)"),
    Action.SETTINGS_CHANGE: QT_TRANSLATE_NOOP("Permissions", "change workstation settings"),
    Action.QUEUE_EXPORT: QT_TRANSLATE_NOOP("Permissions", "export the case queue (masked)"),
    Action.PII_UNMASK: QT_TRANSLATE_NOOP("Permissions", "see unmasked personal data"),
    Action.COMPLAINT_WORK: QT_TRANSLATE_NOOP(
        "Permissions", "register and handle complaints"),
    Action.COMPLAINT_ASSIGN: QT_TRANSLATE_NOOP("Permissions", "assign complaints"),
    Action.COMPLAINT_EXTEND_SPECIAL: QT_TRANSLATE_NOOP(
        "Permissions", "approve a special complaint extension"),
    Action.COMPLAINT_SETTINGS: QT_TRANSLATE_NOOP("Permissions", "change complaint deadlines"),
    Action.REPORT_CASE: QT_TRANSLATE_NOOP("Permissions", "issue case audit reports"),
    Action.REPORT_MONTHLY: QT_TRANSLATE_NOOP("Permissions", "issue the monthly report"),
    Action.LOAN_IMPORT: QT_TRANSLATE_NOOP("Permissions", "import loans, repayments and flows"),
    Action.LOAN_MONITOR: QT_TRANSLATE_NOOP("Permissions", "run post-loan monitoring"),
    Action.LOAN_POLICY: QT_TRANSLATE_NOOP("Permissions", "change post-loan thresholds"),
    Action.AUDIT_EXPORT: QT_TRANSLATE_NOOP("Permissions", "export an offline audit pack"),
    Action.FINDING_IMPORT: QT_TRANSLATE_NOOP("Permissions", "bring audit findings back"),
    Action.FINDING_FOLLOW_UP: QT_TRANSLATE_NOOP("Permissions", "follow up audit findings"),
    Action.PARTNER_MANAGE: QT_TRANSLATE_NOOP("Permissions", "keep the partner register"),
    Action.TIME_ZONE_CHANGE: QT_TRANSLATE_NOOP(
        "Permissions", "set the bank's time zone for months and reports"),
    Action.FEATURE_NOTES: QT_TRANSLATE_NOOP(
        "Permissions", "write the notes that explain the model's reasons"),
    Action.CASE_ATTACH: QT_TRANSLATE_NOOP("Permissions", "attach evidence files to cases"),
    Action.COMPLAINT_ATTACH: QT_TRANSLATE_NOOP(
        "Permissions", "attach evidence files to complaints"),
    Action.FEED_EXPORT: QT_TRANSLATE_NOOP(
        "Permissions", "export the decision feed and record its acknowledgements"),
    Action.LIST_VIEW: QT_TRANSLATE_NOOP("Permissions", "see the blacklist and allowlist"),
    Action.LIST_CHANGE: QT_TRANSLATE_NOOP(
        "Permissions", "add to the blacklist and allowlist, and ask for a removal"),
    Action.LIST_APPROVE: QT_TRANSLATE_NOOP(
        "Permissions", "approve a list removal (second person)"),
    Action.RING_VIEW: QT_TRANSLATE_NOOP("Permissions", "see fraud rings and their graphs"),
    Action.RING_REBUILD: QT_TRANSLATE_NOOP(
        "Permissions", "rebuild the fraud-ring links and recompute every ring"),
}

ALL_ROLES = frozenset(Role)
MATRIX: dict[Action, frozenset[Role]] = {
    Action.USER_MANAGE: frozenset({Role.ADMIN}),
    Action.APPLICATION_IMPORT: frozenset({Role.OFFICER, Role.SENIOR_OFFICER, Role.ADMIN}),
    Action.APPLICATION_VIEW: ALL_ROLES,
    Action.AUDIT_VERIFY: ALL_ROLES,
    Action.MODEL_TRAIN: frozenset({Role.ADMIN, Role.SENIOR_OFFICER, Role.COMPLIANCE}),
    Action.MODEL_PROPOSE: frozenset({Role.ADMIN}),
    # a model is approved by its validator (issue 31): not a case-working role
    Action.MODEL_APPROVE: frozenset({Role.COMPLIANCE}),
    Action.MODEL_VALIDATE: frozenset({Role.COMPLIANCE}),
    Action.MODEL_MONITOR: frozenset({Role.ADMIN, Role.SENIOR_OFFICER, Role.COMPLIANCE}),
    Action.SCORE_RUN: frozenset({Role.OFFICER, Role.SENIOR_OFFICER, Role.ADMIN}),
    Action.RULE_CHANGE: frozenset({Role.COMPLIANCE}),
    Action.POLICY_CHANGE: frozenset({Role.COMPLIANCE}),
    # A proposed rule or policy change takes effect when a second person approves (issue 30).
    Action.RULE_APPROVE: frozenset({Role.COMPLIANCE, Role.SENIOR_OFFICER}),
    Action.CASE_WORK: frozenset({Role.OFFICER, Role.SENIOR_OFFICER}),
    Action.CASE_ASSIGN: frozenset({Role.SENIOR_OFFICER}),
    Action.CASE_CHECK: frozenset({Role.SENIOR_OFFICER}),
    Action.KEY_EXPORT: frozenset({Role.ADMIN}),
    Action.KEY_ROTATE: frozenset({Role.ADMIN}),
    Action.SETTINGS_CHANGE: frozenset({Role.ADMIN}),
    Action.QUEUE_EXPORT: frozenset({Role.OFFICER, Role.SENIOR_OFFICER, Role.COMPLIANCE,
                                    Role.AUDITOR}),
    # Those who verify identity and phone with the applicant; auditors see masked data.
    Action.PII_UNMASK: frozenset({Role.OFFICER, Role.SENIOR_OFFICER, Role.COMPLIANCE}),
    Action.COMPLAINT_WORK: frozenset({Role.OFFICER, Role.SENIOR_OFFICER, Role.COMPLIANCE}),
    Action.COMPLAINT_ASSIGN: frozenset({Role.SENIOR_OFFICER, Role.COMPLIANCE}),
    Action.COMPLAINT_EXTEND_SPECIAL: frozenset({Role.SENIOR_OFFICER}),
    Action.COMPLAINT_SETTINGS: frozenset({Role.COMPLIANCE}),
    # Auditors review cases offline: issuing a report is a read, archived and audited.
    Action.REPORT_CASE: frozenset({Role.OFFICER, Role.SENIOR_OFFICER, Role.COMPLIANCE,
                                   Role.AUDITOR}),
    Action.REPORT_MONTHLY: frozenset({Role.COMPLIANCE, Role.SENIOR_OFFICER, Role.AUDITOR}),
    Action.LOAN_IMPORT: frozenset({Role.OFFICER, Role.SENIOR_OFFICER, Role.ADMIN}),
    Action.LOAN_MONITOR: frozenset({Role.OFFICER, Role.SENIOR_OFFICER, Role.ADMIN}),
    Action.LOAN_POLICY: frozenset({Role.COMPLIANCE}),
    Action.AUDIT_EXPORT: frozenset({Role.AUDITOR, Role.COMPLIANCE}),
    Action.FINDING_IMPORT: frozenset({Role.AUDITOR, Role.COMPLIANCE}),
    Action.FINDING_FOLLOW_UP: frozenset({Role.COMPLIANCE, Role.SENIOR_OFFICER}),
    Action.PARTNER_MANAGE: frozenset({Role.COMPLIANCE}),
    # Which calendar month an event falls in is a reporting rule: compliance owns it.
    Action.TIME_ZONE_CHANGE: frozenset({Role.COMPLIANCE}),
    # What a reason means to an officer is a model-governance text: compliance owns it.
    Action.FEATURE_NOTES: frozenset({Role.COMPLIANCE}),
    # Attaching a file is work on the record, not a decision (nothing is signed): any officer
    # on an open case, the complaint handlers on a complaint; auditors only read (issue 27).
    Action.CASE_ATTACH: frozenset({Role.OFFICER, Role.SENIOR_OFFICER}),
    Action.COMPLAINT_ATTACH: frozenset({Role.OFFICER, Role.SENIOR_OFFICER, Role.COMPLIANCE}),
    # The decision feed to origination (issue 29): compliance watches it, an administrator
    # runs the file exchange.
    Action.FEED_EXPORT: frozenset({Role.COMPLIANCE, Role.ADMIN}),
    # The blacklist and allowlist (issue 30): compliance keeps them; a removal takes a second
    # person; senior officers and auditors see them (masked).
    Action.LIST_VIEW: frozenset({Role.COMPLIANCE, Role.SENIOR_OFFICER, Role.AUDITOR}),
    Action.LIST_CHANGE: frozenset({Role.COMPLIANCE}),
    Action.LIST_APPROVE: frozenset({Role.COMPLIANCE, Role.SENIOR_OFFICER}),
    # Fraud rings (issue 33): everyone who works or reviews cases reads them (masked), as a
    # ring case's audit report; administrators run the system, not the cases, and do not.
    Action.RING_VIEW: frozenset({Role.OFFICER, Role.SENIOR_OFFICER, Role.COMPLIANCE,
                                 Role.AUDITOR}),
    # A rebuild re-links every application and recomputes every ring in one run: rings merge
    # and cases open across the whole queue. Not an officer's daily task (imports keep the
    # links current): a senior officer after a rule change, an administrator after a key
    # rotation.
    Action.RING_REBUILD: frozenset({Role.SENIOR_OFFICER, Role.ADMIN}),
}


def allowed(actor: Actor, action: Action) -> bool:
    return any(actor.has(r) for r in MATRIX[action])


def require(actor: Actor, action: Action) -> None:
    if not allowed(actor, action):
        raise PermissionDenied(
            translate("Permissions", "{user} may not {action}; this needs the role: {roles}.").format(
                user=actor.username,
                action=translate("Permissions", ACTION_LABELS[action]),
                roles=join_list(label(r) for r in sorted(MATRIX[action])),
            )
        )
