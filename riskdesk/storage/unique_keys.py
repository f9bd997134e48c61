"""PostgreSQL: a first load's unique keys built once after it (issue 35's link store, 34).

:func:`riskdesk.storage.bulk.deferred_indexes` keeps every unique index through a load, so
that it is enforced throughout. For a table the load fills from empty, nothing is lost by
building its primary and unique keys after the rows are in, inside the same transaction:
adding a key back checks every row, and a duplicate fails the load as its INSERT would have
failed, rolling everything back. The first fill of the ring store's keys (486,000 at
200,000 applications) went into both of its keys row by row: the fill 7.0-7.7 s so, against
6.3-6.7 s and 0.6 s to build the two keys after (alternating, same data).
"""
from __future__ import annotations

from collections.abc import Iterator, Sequence
from contextlib import contextmanager

from sqlalchemy import Connection

from riskdesk.storage.bulk import _doubles, _owned, constraints_set_aside
from riskdesk.storage.catalog import our_tables


@contextmanager
def deferred_unique_keys(conn: Connection, tables: Sequence[str], *,
                         rows_added: int, minimum: int = 50_000) -> Iterator[bool]:
    """PostgreSQL: the primary and unique keys of ``tables`` dropped for a load that at least
    doubles them (a first load, in practice) and added back after it; whether any were.
    A key that a foreign key still points at is kept (set the foreign keys pointing at these
    tables aside first, ``bulk.deferred_foreign_keys``, to let it go too): the decisions'
    primary key, which the challengers' shadow scores point at, stays while their two
    unique keys go. Dropping a key locks its table against readers until the load commits."""
    if conn.dialect.name != "postgresql" or rows_added < minimum or \
            not _doubles(conn, tables, rows_added) or not _owned(conn, tables):
        yield False
        return
    keys = conn.exec_driver_sql(
        "SELECT t.relname, c.conname, pg_get_constraintdef(c.oid) FROM pg_constraint c "
        f"JOIN pg_class t ON t.oid = c.conrelid WHERE c.contype IN ('p', 'u') "
        f"AND {our_tables(tables, 't')} AND NOT EXISTS (SELECT 1 FROM pg_constraint f "
        "WHERE f.contype = 'f' AND f.conindid = c.conindid) "
        "ORDER BY t.relname, c.contype, c.conname").fetchall()
    if not keys:
        yield False
        return
    with constraints_set_aside(conn, keys):
        yield True
