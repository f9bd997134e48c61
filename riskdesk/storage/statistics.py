"""The planner's statistics after a bulk load on PostgreSQL.

A table filled by COPY has no column statistics until autovacuum's ANALYZE comes round (a
minute or more later, and only once the transaction committed). A scoring run straight after
a first import then planned its grouped and joined statements blind: a GROUP BY over 200,000
phone hashes estimated at 200 groups, sorted and hashed on disk, an index looked up per group.
ANALYZE inside the load's own transaction samples the rows it wrote (PostgreSQL counts the
transaction's own inserts as live) and its statistics commit or roll back with them, as
``pg_restore`` and PostgreSQL's own bulk-loading advice do after a COPY. Measured at 200,000
applications (2026-12-07): ANALYZE of the import's tables 0.5-0.7 s; the following scoring run
20.0 -> 16.7 s (issue 34).

SQLite plans from its indexes alone (no ANALYZE has ever been run on our files, and one would
change plans the benches settled); MariaDB's InnoDB recalculates its persistent statistics
itself once a tenth of a table changed.
"""
from __future__ import annotations

from collections.abc import Iterator, Sequence
from contextlib import contextmanager

from sqlalchemy import Connection

ANALYZE_FROM = 10_000  # fewer new rows: the planner's estimates from the old statistics hold
SHARE = 0.1  # as autovacuum's analyze_scale_factor: a load adding a tenth of a table


@contextmanager
def analyzed_after(conn: Connection, tables: Sequence[str], *, rows_added: int) -> Iterator[None]:
    """On PostgreSQL, ``ANALYZE`` the listed tables when the block ends without error, if the
    load added at least ``ANALYZE_FROM`` rows and a tenth of what the tables held before
    (the catalogue's estimate, read before the load: no count of a large table)."""
    if conn.dialect.name != "postgresql" or rows_added < ANALYZE_FROM:
        yield
        return
    names = ", ".join("'" + t.replace("'", "''") + "'" for t in tables)
    before = sum(max(0.0, float(n)) for n, in conn.exec_driver_sql(
        "SELECT reltuples FROM pg_class WHERE relkind = 'r' "
        f"AND relnamespace = current_schema()::regnamespace AND relname IN ({names})"))
    yield
    if rows_added >= SHARE * before:
        prep = conn.dialect.identifier_preparer
        conn.exec_driver_sql(f"ANALYZE {', '.join(prep.quote(t) for t in tables)}")
