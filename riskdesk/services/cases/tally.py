"""The queue's counts kept as counters (issue 27, issue 34): how many cases there are ("all"),
are open ("open"), are open with no assignee ("unassigned") and wait for their four-eyes
check ("awaiting_check", whatever their open flag).

Counting 10 million cases takes SQLite, PostgreSQL and MariaDB 100 ms or more however they are
indexed (and counting the 180,000 unassigned ones 28-38 ms on PostgreSQL), and the queue shows
its views' counts on every refresh. So ``case_tally`` keeps these tallies, changed in the same
transaction as the case rows they count: by :mod:`~riskdesk.services.cases.opening` for every
insert and by ``work.save`` (the one place a service changes a case's status, assignee or open
flag: claim, assign, decide, check, post-loan actions, model reviews all go through it) for
every change. Nothing else inserts a case or UPDATEs those columns; a case object changed
through the ORM (ring closing) moves them in its flush. A test runs random sequences of
operations and compares the tallies with ``COUNT(*)``.

Each tally is spread over :data:`SHARDS` rows by the writing user, so officers deciding side by
side do not wait on one row lock (PostgreSQL, MariaDB); a tally reads as the sum of its rows.
Within a transaction the rows are always changed in the same order (:data:`TALLIES`).
"""
from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from sqlalchemy import Connection, event, func, inspect, select
from sqlalchemy.orm import Session as OrmSession
from sqlmodel import Session

from riskdesk.domain.cases import Case, CaseTally
from riskdesk.domain.enums import CaseStatus
from riskdesk.domain.tables import table_of
from riskdesk.services.actor import Actor

SHARDS = 16  # as migrations 0019 and 0022 create them
TALLIES = ("all", "open", "unassigned", "awaiting_check")  # the order rows are changed in
T = table_of(CaseTally).c
C = table_of(Case).c
WATCHED = ("is_open", "assignee_id", "status")  # the columns the tallies but "all" follow


def shard_of(actor: Actor | None) -> int:
    return (actor.user_id or 0) % SHARDS if actor is not None else 0


def counted_in(*, is_open: Any, assignee_id: Any, status: Any) -> dict[str, int]:
    """The tallies besides "all" a case with these values counts in (1) or not (0)."""
    open_ = bool(is_open)
    return {"open": int(open_), "unassigned": int(open_ and assignee_id is None),
            "awaiting_check": int(str(status) == CaseStatus.AWAITING_CHECK.value)}


def add(conn: Connection | Session, *, shard: int, deltas: Mapping[str, int]) -> None:
    """Adds ``deltas`` (tally name -> change) to the tallies of ``shard`` (a row lock each
    until the transaction ends), in :data:`TALLIES` order."""
    for name in TALLIES:
        if deltas.get(name):
            conn.execute(table_of(CaseTally).update()
                         .where(T.tally == name, T.shard == shard)
                         .values(n=T.n + deltas[name]))


def opened(conn: Connection | Session, actor: Actor | None,
           rows: list[dict[str, Any]] | None = None, *, n: int = 0) -> None:
    """New cases: ``rows`` (the values inserted), or ``n`` cases opened new and unassigned."""
    if rows is None:
        deltas = {name: d * n for name, d in counted_in(
            is_open=True, assignee_id=None, status=CaseStatus.NEW.value).items()}
    else:
        deltas, n = {}, len(rows)
        for row in rows:
            _count(deltas, {name: row.get(name) for name in WATCHED})
    add(conn, shard=shard_of(actor), deltas={"all": n, **deltas})


def moved(session: Session, actor: Actor | None, *, before: Mapping[str, Any],
          after: Mapping[str, Any]) -> None:
    """A case saved: its :data:`WATCHED` values ``before`` and ``after``."""
    deltas: dict[str, int] = {}
    _count(deltas, before, -1)
    _count(deltas, after)
    add(session, shard=shard_of(actor), deltas=deltas)


def watched(case: Case) -> dict[str, Any]:
    """The case's values the tallies follow (before a save: the save reloads the object)."""
    return {name: getattr(case, name) for name in WATCHED}


def _count(deltas: dict[str, int], values: Mapping[str, Any], sign: int = 1) -> None:
    for name, d in counted_in(**values).items():
        deltas[name] = deltas.get(name, 0) + sign * d


@event.listens_for(OrmSession, "before_flush")
def _flushed(session: OrmSession, _context: Any, _instances: Any) -> None:
    """A case added, deleted or changed through the ORM (an object's ``status``, ``is_open``
    or ``assignee_id`` set and flushed, as ring closing does) moves the tallies too, in the
    flush's transaction (shard 0). The services' own UPDATE and INSERT statements do not pass
    through here."""
    deltas: dict[str, int] = {}
    for case in session.new:
        if isinstance(case, Case):
            deltas["all"] = deltas.get("all", 0) + 1
            _count(deltas, {**watched(case), "is_open": case.is_open is not False})
    for case in session.deleted:
        if isinstance(case, Case):
            deltas["all"] = deltas.get("all", 0) - 1
            _count(deltas, _before(session, case), -1)
    for case in session.dirty:
        if isinstance(case, Case):
            attrs = inspect(case).attrs
            if any(attrs[name].history.added for name in WATCHED):
                before = _before(session, case)
                _count(deltas, before, -1)
                _count(deltas, {name: attrs[name].history.added[0]
                                if attrs[name].history.added else before[name]
                                for name in WATCHED})
    if any(deltas.values()):
        add(session.connection(), shard=0, deltas=deltas)


def _before(session: OrmSession, case: Case) -> dict[str, Any]:
    """A flushed case's :data:`WATCHED` values as stored: from the object's history, or read
    from its row when a value was set without the old one loaded (an expired attribute)."""
    attrs, out = inspect(case).attrs, {}
    for name in WATCHED:
        history = attrs[name].history
        if history.deleted or history.unchanged:
            out[name] = (history.deleted or history.unchanged)[0]
    if len(out) < len(WATCHED):
        row = session.connection().execute(select(*(C[n] for n in WATCHED))
                                           .where(C.id == case.id)).one()
        out = {**row._mapping, **out}
    return out


def total(session: Session | Connection, *, name: str) -> int:
    """The tally ``name`` (one of :data:`TALLIES`)."""
    return int(session.execute(select(func.coalesce(func.sum(T.n), 0))
                               .where(T.tally == name)).scalar() or 0)


# The tallies set from the cases present, for the benchmarks' bulk builders that write cases
# around the services (plain sqlite3 connections, or the server's bulk path); the same SQL on
# every database.
RECOUNT_SQL = [
    "UPDATE case_tally SET n = 0",
    "UPDATE case_tally SET n = (SELECT count(*) FROM review_case) "
    "WHERE tally = 'all' AND shard = 0",
    "UPDATE case_tally SET n = (SELECT count(*) FROM review_case WHERE is_open = TRUE) "
    "WHERE tally = 'open' AND shard = 0",
    "UPDATE case_tally SET n = (SELECT count(*) FROM review_case WHERE assignee_id IS NULL "
    "AND is_open = TRUE) WHERE tally = 'unassigned' AND shard = 0",
    "UPDATE case_tally SET n = (SELECT count(*) FROM review_case WHERE status = "
    "'awaiting_check') WHERE tally = 'awaiting_check' AND shard = 0",
]
