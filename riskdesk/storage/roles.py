"""Database roles for a shared bank database, as a script the DBA runs (``riskdesk db
roles-sql``): an owner role that holds the schema and runs the migrations, and an application
role the workstations connect as, with no DDL and no UPDATE or DELETE on the audit tables.
The append-only triggers stand behind this; neither stops the owner, which is why the owner's
credentials stay with the DBA and the chain is anchored outside the database (docs/security.md).
"""
from __future__ import annotations

import re

from sqlmodel import SQLModel

import riskdesk.domain.schema  # noqa: F401 - every table registered on the metadata

# The decision feed's records and acknowledgements are never changed once written (issue 29).
INSERT_ONLY = ("audit_event", "audit_anchor", "decision_feed", "feed_ack")
# Origination reads the feed through this view and writes acknowledgements, nothing else.
FEED_VIEW = "decision_feed_view"
FEED_ACK = "feed_ack"
READ_ONLY = ("alembic_version",)
NAME = re.compile(r"^[A-Za-z_][A-Za-z0-9_]{0,62}$")


def _tables() -> list[str]:
    return sorted(SQLModel.metadata.tables)


def _check(*names: str) -> None:
    for n in names:
        if not NAME.match(n):
            raise ValueError(f"not a plain SQL name: {n!r}")


def postgresql(*, database: str, owner: str, app: str,
               origination: str = "origination") -> str:
    _check(database, owner, app, origination)
    plain = [t for t in _tables() if t not in INSERT_ONLY]
    lines = [
        f"-- riskdesk roles for PostgreSQL database {database}: run as a superuser, once;",
        "-- set the passwords yourself (\\password), never in this file.",
        f"DO $$ BEGIN CREATE ROLE {owner} LOGIN; EXCEPTION WHEN duplicate_object THEN NULL; "
        "END $$;",
        f"DO $$ BEGIN CREATE ROLE {app} LOGIN; EXCEPTION WHEN duplicate_object THEN NULL; "
        "END $$;",
        f"ALTER DATABASE {database} OWNER TO {owner};",
        f"ALTER SCHEMA public OWNER TO {owner};",
        f"REVOKE ALL ON DATABASE {database} FROM PUBLIC;",
        f"GRANT CONNECT, TEMPORARY ON DATABASE {database} TO {app};",
        "REVOKE CREATE ON SCHEMA public FROM PUBLIC;",
        f"GRANT USAGE ON SCHEMA public TO {app};",
        "-- the tables the migrations made, owned by the owner role",
        *(f"ALTER TABLE {t} OWNER TO {owner};" for t in _tables()),
        "ALTER FUNCTION audit_event_append_only() OWNER TO " + owner + ";",
        *(f"GRANT SELECT, INSERT, UPDATE, DELETE ON {t} TO {app};" for t in plain
          if t not in READ_ONLY),
        *(f"GRANT SELECT ON {t} TO {app};" for t in READ_ONLY),
        *(f"REVOKE UPDATE, DELETE, TRUNCATE ON {t} FROM {app};" for t in INSERT_ONLY),
        *(f"GRANT SELECT, INSERT ON {t} TO {app};" for t in INSERT_ONLY),
        f"GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO {app};",
        "-- the origination system (issue 29): reads the decision feed's view, writes",
        "-- acknowledgements (INSERT INTO feed_ack (seq) VALUES (...)), nothing else",
        f"DO $$ BEGIN CREATE ROLE {origination} LOGIN; EXCEPTION WHEN duplicate_object THEN "
        "NULL; END $$;",
        f"GRANT CONNECT ON DATABASE {database} TO {origination};",
        f"GRANT USAGE ON SCHEMA public TO {origination};",
        f"ALTER VIEW {FEED_VIEW} OWNER TO {owner};",
        f"GRANT SELECT ON {FEED_VIEW} TO {origination};",
        f"GRANT INSERT ON {FEED_ACK} TO {origination};",
        "-- tables of later migrations: run this script again after `riskdesk db upgrade`",
    ]
    return "\n".join(lines) + "\n"


def mariadb(*, database: str, owner: str, app: str, origination: str = "origination") -> str:
    """MariaDB cannot subtract a table from a database-wide grant, so the application role
    gets per-table grants: run the script again after each `riskdesk db upgrade`. SELECT on
    ``alembic_version`` too: the app checks the schema's revision before anything else
    (without it the application role could not start: 1142 SELECT command denied)."""
    _check(database, owner, app, origination)
    lines = [
        f"-- riskdesk roles for MariaDB database {database}: run as root, once per upgrade;",
        "-- set the passwords yourself (ALTER USER ... IDENTIFIED BY), never in this file.",
        f"CREATE USER IF NOT EXISTS '{owner}'@'%';",
        f"CREATE USER IF NOT EXISTS '{app}'@'%';",
        f"GRANT ALL PRIVILEGES ON `{database}`.* TO '{owner}'@'%';",
        "-- temporary tables (each session's own) for the bulk path's joined updates, the",
        "-- ring store's device keys and a scoring run's rule marks (PostgreSQL's script",
        "-- grants TEMPORARY on the database)",
        f"GRANT CREATE TEMPORARY TABLES ON `{database}`.* TO '{app}'@'%';",
    ]
    for t in sorted({*_tables(), *READ_ONLY}):  # alembic_version is no model's table
        if t in INSERT_ONLY:
            grant = "SELECT, INSERT"
        elif t in READ_ONLY:
            grant = "SELECT"
        else:
            grant = "SELECT, INSERT, UPDATE, DELETE"
        lines.append(f"GRANT {grant} ON `{database}`.`{t}` TO '{app}'@'%';")
    lines += [
        "-- the origination system (issue 29): reads the decision feed's view, writes",
        "-- acknowledgements (INSERT INTO feed_ack (seq) VALUES (...)), nothing else",
        f"CREATE USER IF NOT EXISTS '{origination}'@'%';",
        f"GRANT SELECT ON `{database}`.`{FEED_VIEW}` TO '{origination}'@'%';",
        f"GRANT INSERT ON `{database}`.`{FEED_ACK}` TO '{origination}'@'%';",
        "FLUSH PRIVILEGES;",
    ]
    return "\n".join(lines) + "\n"


def script(dialect: str, *, database: str, owner: str = "riskdesk_owner",
           app: str = "riskdesk_app", origination: str = "origination") -> str:
    if dialect == "postgresql":
        return postgresql(database=database, owner=owner, app=app, origination=origination)
    if dialect in ("mysql", "mariadb"):
        return mariadb(database=database, owner=owner, app=app, origination=origination)
    raise ValueError("roles are for PostgreSQL and MariaDB; a local SQLite file has none")
