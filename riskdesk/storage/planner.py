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

The sample is small on purpose and temporary: the load's rows still count as modified since
the last ANALYZE (``n_mod_since_analyze``), so autovacuum analyses the tables again at the
server's own target once they committed. ANALYZE waits behind a VACUUM or another ANALYZE of
the same table; it gives up after ``ANALYZE_LOCK_WAIT`` (the import goes on without it, as it
would go on after any failure of it) rather than hold a first load's locks longer. One thing a
rollback does not undo: ``pg_class.reltuples``, which ANALYZE updates in place; it runs last,
after the indexes and keys are back, so only a failure after that (the audit event, the
commit) leaves the table's size estimate high until the next VACUUM or ANALYZE.

**No JIT.** Our statements are index lookups, keyset pages and set-based bulk writes. Once a
bulk statement's estimated cost passes ``jit_above_cost`` (100,000 by default: any statement
over the applications of a first run), PostgreSQL spends 0.7-0.8 s compiling it to machine
code with LLVM before it runs: the scoring run's scope read of 100,000 applications took
1.12 s with JIT and 0.57 s without; its feed records' INSERT ... SELECT spent 0.82 s of 1.38 s
compiling. Each of riskdesk's connections switches it off for itself when it opens, unless
the server's default was overridden for it (for the database or the role, or by the client's
``options``/``PGOPTIONS``: then that choice stands); the server's setting for other
applications stays the DBA's. Set by a statement, not by a startup option, so a connection
pooler that refuses startup options (PgBouncer) and servers without JIT (before 11) work.
"""
from __future__ import annotations

import logging
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from typing import Any

from sqlalchemy import Connection, Engine, event, text
from sqlalchemy import exc as sa_exc

from riskdesk.storage.catalog import our_tables

log = logging.getLogger(__name__)

ANALYZE_FROM = 10_000  # fewer new rows: the planner's estimates from the old statistics hold
SHARE = 0.1  # as autovacuum's analyze_scale_factor: a load adding a tenth of a table
# A sample of 300 x this many rows (the server's default is 100: 30,000 rows). The point is
# not to plan blind; 6,000 rows already tell a column of distinct hashes from one of a few
# values. ANALYZE of the import's three tables at 200,000 rows: 0.91 s at 100, 0.13 s at 20.
STATISTICS_TARGET = 20
ANALYZE_LOCK_WAIT = "2s"

# JIT off for this session where nobody chose otherwise for it: only while the setting comes
# from the server's defaults (``pg_settings.source``). No row (no such setting): nothing set.
NO_JIT = ("SELECT set_config('jit', 'off', false) FROM pg_settings "
          "WHERE name = 'jit' AND source IN ('default', 'configuration file')")


def install(engine: Engine) -> None:
    """Each new PostgreSQL connection of ``engine`` switches JIT off for itself (see above)."""
    if engine.dialect.name != "postgresql":
        return

    @event.listens_for(engine, "connect")
    def _no_jit(dbapi_conn: Any, _record: Any) -> None:
        autocommit = dbapi_conn.autocommit
        dbapi_conn.autocommit = True  # a session setting, outside any transaction
        try:
            with dbapi_conn.cursor() as cursor:
                cursor.execute(NO_JIT)
        finally:
            dbapi_conn.autocommit = autocommit


@contextmanager
def analyzed_after(conn: Connection, tables: Sequence[str], *, rows_added: int) -> Iterator[None]:
    """On PostgreSQL, ``ANALYZE`` the listed tables when the block ends without error, if the
    load added at least ``ANALYZE_FROM`` rows and a tenth of what the tables held before
    (the catalogue's estimate, read before the load: no count of a large table). Outermost
    around a load: it runs after the load's indexes and keys are back."""
    if conn.dialect.name != "postgresql" or rows_added < ANALYZE_FROM:
        yield
        return
    before = _estimated(conn, tables)
    yield
    if rows_added >= SHARE * before:
        _analyze(conn, tables)


def analyzed(conn: Connection, tables: Sequence[str], *, rows_added: int) -> None:
    """On PostgreSQL, ``ANALYZE`` the listed tables now, within the transaction that just
    wrote ``rows_added`` rows into them, before statements that read them back, under the
    same rule as :func:`analyzed_after` (the catalogue's estimate of their size is not moved
    by the load itself). A first 200,000-application run planned blind without it: its
    486,000 new link keys joined to the applications by an index lookup per key (2.3 s of the
    edges' INSERT, 1.2 s by hash joins after an ANALYZE); its cases' and feed records'
    statements looked up each decision's application one by one. Unlike
    :func:`analyzed_after` this runs mid-transaction, so a run that fails after it leaves the
    tables' size estimate (``reltuples``, not rolled back) high until autovacuum's next
    ANALYZE: plans for a table larger than it is, nothing worse."""
    if conn.dialect.name != "postgresql" or rows_added < ANALYZE_FROM:
        return
    if rows_added >= SHARE * _estimated(conn, tables):
        _analyze(conn, tables)


def _estimated(conn: Connection, tables: Sequence[str]) -> float:
    """The catalogue's estimate of the tables' rows (no count of a large table)."""
    return sum(max(0.0, float(n)) for n, in conn.exec_driver_sql(
        f"SELECT reltuples FROM pg_class WHERE relkind = 'r' AND {our_tables(tables)}"))


def _analyze(conn: Connection, tables: Sequence[str]) -> None:
    """ANALYZE at our sample size, in a savepoint: a lock it waited for too long, or any
    other failure of it, is logged and rolled back to the savepoint, and the load goes on
    (the statistics are an aid to the planner, not part of the data)."""
    prep = conn.dialect.identifier_preparer
    settings = {"lock_timeout": ANALYZE_LOCK_WAIT,
                "default_statistics_target": str(STATISTICS_TARGET)}
    was = conn.exec_driver_sql(
        "SELECT " + ", ".join(f"current_setting('{k}')" for k in settings)).one()
    conn.exec_driver_sql("SAVEPOINT rd_analyze")
    try:
        _set_local(conn, settings)
        conn.exec_driver_sql(f"ANALYZE {', '.join(prep.quote(t) for t in tables)}")
    except sa_exc.DBAPIError as exc:
        conn.exec_driver_sql("ROLLBACK TO SAVEPOINT rd_analyze")  # undoes the settings too
        conn.exec_driver_sql("RELEASE SAVEPOINT rd_analyze")
        log.warning("statistics not taken after the load of %s: %s", ", ".join(tables),
                    str(exc.orig).splitlines()[0] if exc.orig else exc)
        return
    conn.exec_driver_sql("RELEASE SAVEPOINT rd_analyze")
    _set_local(conn, dict(zip(settings, was, strict=True)))  # as they were, for what follows


def _set_local(conn: Connection, settings: dict[str, str]) -> None:
    """``SET LOCAL`` of each setting (for this transaction; undone with a savepoint)."""
    conn.execute(text("SELECT " + ", ".join(
        f"set_config(:k{i}, :v{i}, true)" for i in range(len(settings)))),
        {**{f"k{i}": k for i, k in enumerate(settings)},
         **{f"v{i}": v for i, v in enumerate(settings.values())}})
