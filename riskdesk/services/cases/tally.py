"""The number of cases and of open cases, kept as counters (issue 27).

Counting 10 million cases takes SQLite, PostgreSQL and MariaDB 100 ms or more however they are
indexed, and the queue shows the "All" count on every refresh. So ``case_tally`` keeps two
tallies, "all" and "open", changed in the same transaction as the case rows they count: by
:mod:`~riskdesk.services.cases.opening` for every insert and by the two places a case's
status is saved (``work._save`` and ``postloan_actions._save``) for every open/closed change.
Nothing else inserts a case or UPDATEs ``is_open``; a case object changed through the ORM (ring
closing) moves them in its flush. A test runs random sequences of operations and compares the
tallies with ``COUNT(*)``.

Each tally is spread over :data:`SHARDS` rows by the writing user, so officers deciding side by
side do not wait on one row lock (PostgreSQL, MariaDB); a tally reads as the sum of its rows.
Within a transaction the rows are always changed in the same order ("all", then "open").
"""
from __future__ import annotations

from typing import Any

from sqlalchemy import Connection, event, func, inspect, select
from sqlalchemy.orm import Session as OrmSession
from sqlmodel import Session

from riskdesk.domain.cases import Case, CaseTally
from riskdesk.domain.tables import table_of
from riskdesk.services.actor import Actor

SHARDS = 16  # as migration 0019 creates them
T = table_of(CaseTally).c


def shard_of(actor: Actor | None) -> int:
    return (actor.user_id or 0) % SHARDS if actor is not None else 0


def add(conn: Connection | Session, *, shard: int, all_: int = 0, open_: int = 0) -> None:
    """Adds to the tallies of ``shard`` (a row lock each until the transaction ends)."""
    for name, delta in (("all", all_), ("open", open_)):
        if delta:
            conn.execute(table_of(CaseTally).update()
                         .where(T.tally == name, T.shard == shard)
                         .values(n=T.n + delta))


def opened(conn: Connection | Session, actor: Actor | None, *, n: int) -> None:
    """``n`` new cases, all open."""
    add(conn, shard=shard_of(actor), all_=n, open_=n)


def moved(session: Session, actor: Actor | None, *, was_open: bool, is_open: bool) -> None:
    """A case saved from open to closed or back."""
    if was_open != is_open:
        add(session, shard=shard_of(actor), open_=1 if is_open else -1)


@event.listens_for(OrmSession, "before_flush")
def _flushed(session: OrmSession, _context: Any, _instances: Any) -> None:
    """A case opened or closed through the ORM (an object's ``is_open`` set and flushed, as
    ring closing does) moves the tallies too, in the flush's transaction (shard 0). The
    services' own UPDATE and INSERT statements do not pass through here."""
    all_ = open_ = 0
    for case in session.new:
        if isinstance(case, Case):
            all_, open_ = all_ + 1, open_ + (case.is_open is not False)
    for case in session.deleted:
        if isinstance(case, Case):
            all_, open_ = all_ - 1, open_ - bool(case.is_open)
    for case in session.dirty:
        if isinstance(case, Case):
            history = inspect(case).attrs.is_open.history
            if history.added and history.deleted:
                open_ += bool(history.added[0]) - bool(history.deleted[0])
    if all_ or open_:
        add(session.connection(), shard=0, all_=all_, open_=open_)


def total(session: Session | Connection, *, name: str) -> int:
    """The tally ``name`` ("all" or "open")."""
    return int(session.execute(select(func.coalesce(func.sum(T.n), 0))
                               .where(T.tally == name)).scalar() or 0)


# The tallies set from the cases present, for the benchmarks' bulk builders that write cases
# around the services through plain sqlite3 connections.
RECOUNT_SQL = [
    "UPDATE case_tally SET n = 0",
    "UPDATE case_tally SET n = (SELECT count(*) FROM review_case) "
    "WHERE tally = 'all' AND shard = 0",
    "UPDATE case_tally SET n = (SELECT count(*) FROM review_case WHERE is_open = 1) "
    "WHERE tally = 'open' AND shard = 0",
]
