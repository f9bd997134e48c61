"""Importing this module registers every table on ``SQLModel.metadata``: for what needs the
whole schema (Alembic's autogenerate, the database roles' grants, audit packs, the bench's
server queue), not for a window that reads a few tables (issue 35)."""
from __future__ import annotations

import importlib

TABLE_MODULES = ("applications", "audit", "cases", "complaints", "evidence", "feed",
                 "findings", "keys", "loans", "partners", "proposals", "reports", "rings",
                 "rules", "scoring", "text_pii", "users")

for _module in TABLE_MODULES:
    importlib.import_module(f"riskdesk.domain.{_module}")
