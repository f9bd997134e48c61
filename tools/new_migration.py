"""Autogenerate the next migration from the models against a database at the current head.

Usage: python tools/new_migration.py REV "message". Review the file before committing.
"""
from __future__ import annotations

import re
import sys
import tempfile
from pathlib import Path

from alembic import command
from sqlalchemy import create_engine

from riskdesk.storage.migrate import alembic_config

VERSIONS = Path(__file__).resolve().parents[1] / "riskdesk" / "migrations" / "versions"


def main(rev: str, message: str) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        engine = create_engine(f"sqlite:///{tmp}/x.sqlite")
        cfg = alembic_config()
        with engine.begin() as conn:
            cfg.attributes["connection"] = conn
            command.upgrade(cfg, "head")
            command.revision(cfg, message=message, autogenerate=True, rev_id=rev)
    path = next(VERSIONS.glob(f"{rev}_*.py"))
    s = path.read_text()
    s = s.replace("sqlmodel.sql.sqltypes.AutoString(", "sa.String(")
    s = re.sub(r"^import sqlmodel\n", "", s, flags=re.M)
    s = re.sub(r"^\s*# ### .*###\n", "", s, flags=re.M)
    s = re.sub(r"Create Date: .*\n", "", s)
    path.write_text(s)
    print(path)


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
