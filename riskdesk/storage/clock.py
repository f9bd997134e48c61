"""The one clock: UTC, naive datetimes, from the database server where there is one.

Several workstations write to a shared database; their own clocks drift, the server's does not
differ between them. SQLite is local, so the local clock is the server clock there.

Every "now" in riskdesk comes from here: no SQL uses the server's ``now()`` behind its back,
and no module calls ``datetime.now`` or ``date.today`` itself. That is what lets the test
suite run at a fixed instant whatever the machine's clock says:

- :func:`shift_to` moves this process's clock (all databases): the tests start every worker at
  the same instant, which then ticks on in real time so that events keep their order.
- ``RISKDESK_CLOCK_OFFSET`` (seconds, may be negative) moves the clock of a process started
  with it wherever no server is asked: on a local SQLite file, and for the reads that pass no
  session (a window's colouring of overdue rows, an import's "lies in the future" check). The
  tests hand it to the command-line processes they start, so those agree with the test
  process. Whatever is recorded on a server database takes the server's own time
  (``utcnow(session)``), so a workstation cannot move the shared database's clock by setting
  a variable.
"""
from __future__ import annotations

import os
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, datetime, timedelta

from sqlalchemy import text
from sqlalchemy.orm import Session

OFFSET_ENV = "RISKDESK_CLOCK_OFFSET"

_SQL = {
    "postgresql": "SELECT (clock_timestamp() AT TIME ZONE 'UTC')",
    "mysql": "SELECT UTC_TIMESTAMP(6)",
    "mariadb": "SELECT UTC_TIMESTAMP(6)",
}

_shift: timedelta | None = None  # set by shift_to: this process's clock, on every database


def env_offset() -> timedelta | None:
    value = os.environ.get(OFFSET_ENV, "").strip()
    if not value:
        return None
    try:
        return timedelta(seconds=float(value))
    except ValueError:
        raise ValueError(f"{OFFSET_ENV} must be a number of seconds, not {value!r}") from None


def _machine() -> datetime:
    return datetime.now(UTC).replace(tzinfo=None)


def utcnow(session: Session | None = None) -> datetime:
    """Now, in UTC without a zone: the server's time on a server database."""
    if _shift is not None:
        return _machine() + _shift
    if session is not None:
        sql = _SQL.get(session.get_bind().dialect.name)
        if sql:
            value = session.execute(text(sql)).scalar_one()
            if isinstance(value, datetime):
                return value.replace(tzinfo=None)
    offset = env_offset()
    return _machine() + offset if offset is not None else _machine()


def shift_to(instant: datetime | None) -> timedelta | None:
    """Make this process's clock read ``instant`` (naive UTC) now and tick on from there;
    ``None`` gives the real clock back. Returns the offset to the machine's clock, for
    processes started from this one (:data:`OFFSET_ENV`)."""
    global _shift
    _shift = None if instant is None else instant - _machine()
    return _shift


def shift_by(offset: timedelta) -> None:
    """Make this process's clock run ``offset`` ahead of the machine's (behind if negative)."""
    global _shift
    _shift = offset


@contextmanager
def shifted(instant: datetime) -> Iterator[timedelta]:
    """:func:`shift_to` for the length of a ``with`` block, then back to what it was."""
    global _shift
    before = _shift
    try:
        offset = shift_to(instant)
        assert offset is not None
        yield offset
    finally:
        _shift = before

