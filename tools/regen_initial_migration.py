"""Regenerate migration 0001 from the models (only while 0001 has not been released)."""
from __future__ import annotations

import re
import tempfile
from pathlib import Path

from alembic import command
from sqlalchemy import create_engine

from riskdesk.storage.migrate import alembic_config

VERSIONS = Path(__file__).resolve().parents[1] / "riskdesk" / "migrations" / "versions"


def main() -> None:
    for old in VERSIONS.glob("0001_*.py"):
        old.unlink()
    with tempfile.TemporaryDirectory() as tmp:
        engine = create_engine(f"sqlite:///{tmp}/x.sqlite")
        cfg = alembic_config()
        with engine.begin() as conn:
            cfg.attributes["connection"] = conn
            command.revision(cfg, message="foundation schema", autogenerate=True, rev_id="0001")
    path = next(VERSIONS.glob("0001_*.py"))
    s = path.read_text()
    s = s.replace("sqlmodel.sql.sqltypes.AutoString(", "sa.String(")
    s = re.sub(r"^import sqlmodel\n", "", s, flags=re.M)
    s = re.sub(r"^\s*# ### .*###\n", "", s, flags=re.M)
    s = s.replace('"""foundation schema\n', '"""Foundation schema: users, data keys, audit trail, '
                  'applicants, applications, import batches.\n', 1)
    seed = (
        "    op.bulk_insert(\n"
        '        sa.table("audit_head", sa.column("id", sa.Integer), sa.column("seq", sa.Integer),\n'
        '                 sa.column("hash", sa.String)),\n'
        '        [{"id": 1, "seq": 0, "hash": "0" * 64}],\n'
        "    )\n"
    )
    s = s.replace("    op.create_table('data_key',", seed + "    op.create_table('data_key',", 1)
    s = re.sub(r"Create Date: .*\n", "", s).replace("Revises: \n", "Revises: (none)\n")
    path.write_text(s)
    print(path)


if __name__ == "__main__":
    main()
