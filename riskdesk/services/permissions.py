"""The permission matrix (action -> roles allowed), checked by services and read by the GUI.

The review-workspace issue extends this table; every write service calls :func:`require`.
"""
from __future__ import annotations

from enum import StrEnum

from riskdesk.domain.enums import Role, label
from riskdesk.errors import PermissionDenied
from riskdesk.i18n import QT_TRANSLATE_NOOP, translate
from riskdesk.services.actor import Actor


class Action(StrEnum):
    USER_CREATE = "user.create"
    APPLICATION_IMPORT = "application.import"
    APPLICATION_VIEW = "application.view"
    AUDIT_VERIFY = "audit.verify"


ACTION_LABELS = {
    Action.USER_CREATE: QT_TRANSLATE_NOOP("Permissions", "create users"),
    Action.APPLICATION_IMPORT: QT_TRANSLATE_NOOP("Permissions", "import applications"),
    Action.APPLICATION_VIEW: QT_TRANSLATE_NOOP("Permissions", "view applications"),
    Action.AUDIT_VERIFY: QT_TRANSLATE_NOOP("Permissions", "verify the audit trail"),
}

ALL_ROLES = frozenset(Role)
MATRIX: dict[Action, frozenset[Role]] = {
    Action.USER_CREATE: frozenset({Role.ADMIN}),
    Action.APPLICATION_IMPORT: frozenset({Role.OFFICER, Role.SENIOR_OFFICER, Role.ADMIN}),
    Action.APPLICATION_VIEW: ALL_ROLES,
    Action.AUDIT_VERIFY: ALL_ROLES,
}


def allowed(actor: Actor, action: Action) -> bool:
    return any(actor.has(r) for r in MATRIX[action])


def require(actor: Actor, action: Action) -> None:
    if not allowed(actor, action):
        raise PermissionDenied(
            translate("Permissions", "{user} may not {action}; this needs the role: {roles}.").format(
                user=actor.username,
                action=translate("Permissions", ACTION_LABELS[action]),
                roles=", ".join(label(r) for r in sorted(MATRIX[action])),
            )
        )
