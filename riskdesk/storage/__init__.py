"""Engines, units of work, the one clock, and schema migrations."""
from riskdesk.storage.engine import make_engine, redact_url
from riskdesk.storage.session import unit_of_work

__all__ = ["make_engine", "redact_url", "unit_of_work"]
