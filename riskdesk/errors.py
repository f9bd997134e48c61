"""Typed errors the services raise; each carries a message fit to show a user.

Messages never hold plain personal data: callers pass masked values.
"""
from __future__ import annotations


class RiskdeskError(Exception):
    """Base of every error a user may see; ``str(err)`` is the translated message."""


class ConfigurationError(RiskdeskError):
    pass


class DatabaseUnavailable(RiskdeskError):
    pass


class SchemaTooNew(RiskdeskError):
    pass


class SchemaOutdated(RiskdeskError):
    pass


class AuthenticationFailed(RiskdeskError):
    pass


class PermissionDenied(RiskdeskError):
    pass


class NotFound(RiskdeskError):
    pass


class InvalidInput(RiskdeskError):
    pass


class KeyUnavailable(RiskdeskError):
    pass


class Cancelled(RiskdeskError):
    pass


class StaleVersion(RiskdeskError):
    """Someone saved the record since it was read."""


class NeedsConfirmation(RiskdeskError):
    """The step is allowed but the user must say so explicitly first (e.g. deciding a case
    assigned to someone else); the call is repeated with its confirming flag."""
