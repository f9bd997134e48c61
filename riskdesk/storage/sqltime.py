"""Time arithmetic inside SQL, the same on SQLite, PostgreSQL and MariaDB: a window of hours
after an instant, and the bank's local calendar day of a stored UTC instant."""
from __future__ import annotations

from typing import Any

from sqlalchemy import func, literal_column, text


def plus_hours(dialect: str, column: Any, hours: float) -> Any:
    seconds = int(round(float(hours) * 3600))
    if dialect == "sqlite":  # text times compare as text: same format as stored
        return func.strftime("%Y-%m-%d %H:%M:%f", column, f"+{seconds} seconds")
    if dialect == "postgresql":
        return column + literal_column(f"interval '{seconds} seconds'")
    return func.date_add(column, text(f"INTERVAL {seconds} SECOND"))


def local_day(dialect: str, column: Any, offset_hours: float) -> Any:
    """The calendar day at a fixed UTC offset (the bank's zone has no daylight saving)."""
    return func.date(plus_hours(dialect, column, offset_hours))
