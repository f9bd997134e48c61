"""The one clock: UTC, naive datetimes, from the database server where there is one.

Several workstations write to a shared database; their own clocks drift, the server's does not
differ between them. SQLite is local, so the local clock is the server clock there.
"""
from __future__ import annotations

from datetime import UTC, datetime

from sqlalchemy import text
from sqlalchemy.orm import Session

_SQL = {
    "postgresql": "SELECT (clock_timestamp() AT TIME ZONE 'UTC')",
    "mysql": "SELECT UTC_TIMESTAMP(6)",
    "mariadb": "SELECT UTC_TIMESTAMP(6)",
}


def utcnow(session: Session | None = None) -> datetime:
    if session is not None:
        sql = _SQL.get(session.get_bind().dialect.name)
        if sql:
            value = session.execute(text(sql)).scalar_one()
            if isinstance(value, datetime):
                return value.replace(tzinfo=None)
    return datetime.now(UTC).replace(tzinfo=None)
