"""PostgreSQL's planner and executor as riskdesk's work wants them: statistics after a bulk
load, and no JIT compilation.

**Statistics.** A table filled by COPY has no column statistics until autovacuum's ANALYZE
comes round (a minute or more later, and only once the transaction committed). A scoring run
straight after a first import then planned its grouped and joined statements blind: a GROUP BY
over 200,000 phone hashes estimated at 200 groups, sorted and hashed on disk, an index looked
up per group. ANALYZE inside the load's own transaction samples the rows it wrote (PostgreSQL
counts the transaction's own inserts as live) and its statistics commit or roll back with
them, as PostgreSQL's own bulk-loading advice says after a COPY. Measured at 200,000
applications (2026-12-07): ANALYZE of the import's tables 0.13 s (see STATISTICS_TARGET);
the following scoring run 20.0 -> 14.4 s (issue 34). SQLite plans from its indexes alone (no
ANALYZE has ever been run on our files, and one would change plans the benches settled);
MariaDB's InnoDB recalculates its persistent statistics itself once a tenth of a table
changed.

**No JIT.** Our statements are index lookups, keyset pages and set-based bulk writes. Once a
bulk statement's estimated cost passes ``jit_above_cost`` (100,000 by default: any statement
over the applications of a first run), PostgreSQL spends 0.7-0.8 s compiling it to machine
code with LLVM before it runs: the scoring run's scope read of 100,000 applications took
1.12 s with JIT and 0.57 s without; its feed records' INSERT ... SELECT spent 0.82 s of 1.38 s
compiling. Each of riskdesk's connections switches it off for itself (``options``): the
server's setting for other applications stays the DBA's.
"""
from __future__ import annotations

from collections.abc import Iterator, Sequence
from contextlib import contextmanager

from sqlalchemy import Connection

# libpq's options for each of riskdesk's PostgreSQL connections (see the module's docstring)
SESSION_OPTIONS = "-c jit=off"


def connect_options(url_options: str | tuple[str, ...] | None) -> str:
    """The ``options`` a PostgreSQL connection is opened with: any the URL names, then ours."""
    named = (url_options,) if isinstance(url_options, str) else tuple(url_options or ())
    return " ".join(o for o in (*named, SESSION_OPTIONS) if o)

ANALYZE_FROM = 10_000  # fewer new rows: the planner's estimates from the old statistics hold
SHARE = 0.1  # as autovacuum's analyze_scale_factor: a load adding a tenth of a table
# A sample of 300 x this many rows (the server's default is 100: 30,000 rows). The point is
# not to plan blind; 6,000 rows already tell a column of distinct hashes from one of a few
# values. ANALYZE of the import's three tables at 200,000 rows: 0.91 s at 100, 0.13 s at 20.
STATISTICS_TARGET = 20


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
        conn.exec_driver_sql(f"SET LOCAL default_statistics_target = {STATISTICS_TARGET}")
        conn.exec_driver_sql(f"ANALYZE {', '.join(prep.quote(t) for t in tables)}")
        conn.exec_driver_sql("SET LOCAL default_statistics_target TO DEFAULT")
