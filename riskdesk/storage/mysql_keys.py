"""MariaDB's foreign keys checked once per bulk write instead of once per row (issue 34).

InnoDB checks every inserted row's foreign keys by looking up, and share-locking, the row it
points at: at 200,000 applications that is 200,000 random reads of the applicants' pages on
top of the inserts into the applications' own indexes. For a bulk write of thousands of rows
this reads the parent keys once instead, for the distinct values the in-memory columns hold,
in key order and with the same share lock InnoDB's own check takes (``LOCK IN SHARE MODE``:
a concurrent delete of a parent waits for our commit); a value with no parent row raises the
IntegrityError the server would have raised, before any row is written. Then the rows go in
with the session's ``foreign_key_checks`` off, set back on afterwards whatever happens (and
the connection invalidated, never pooled with the checks off, if that fails).

Only where this keeps exactly the server's guarantee: single-column keys on integer columns
whose values are all plain ints, parents in the same schema and not the table itself (a row
may point at a row of the same write), and not on a Galera node; anything else keeps the
server's per-row checks. The keys are read from ``information_schema`` (what the server
enforces, not what the metadata says)."""
from __future__ import annotations

from collections.abc import Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Connection, Table
from sqlalchemy import exc as sa_exc

from riskdesk.i18n import translate

KEYS_ONCE_ROWS = 5_000  # fewer: the per-row checks cost less than reading the keys
IN_CHUNK = 10_000  # parent keys per query (70-80 kB of SQL)
RUN = 100  # consecutive values read as one range from this many on
_INTEGERS = {"tinyint", "smallint", "mediumint", "int", "integer", "bigint"}


@dataclass(frozen=True)
class ForeignKey:
    """One single-column foreign key a bulk write checks itself: constraint ``name`` on the
    child's ``column``, pointing at ``parent``'s ``parent_column`` (same schema)."""

    name: str
    column: str
    parent: str
    parent_column: str


def foreign_keys(conn: Connection, table: Table, names: Sequence[str]) -> list[ForeignKey] | None:
    """The keys of ``table`` that a write of columns ``names`` must check, or None when they
    cannot all be checked here (the server must check them: see the module's docstring). A key
    whose column is not written, is nullable, defaults to NULL and is not generated points
    nowhere and needs no check; any other unwritten key column could get a value (a NOT NULL
    column with no default shows NULL as its default too, and a non-strict ``sql_mode`` fills
    it with 0): the server checks it. So it does on a table with an INSERT trigger."""
    rows = conn.exec_driver_sql(
        "SELECT k.CONSTRAINT_NAME, k.COLUMN_NAME, k.REFERENCED_TABLE_SCHEMA, "
        "k.REFERENCED_TABLE_NAME, k.REFERENCED_COLUMN_NAME, c.DATA_TYPE, c.COLUMN_DEFAULT, "
        "c.IS_NULLABLE, c.EXTRA, "
        "(SELECT COUNT(*) FROM information_schema.KEY_COLUMN_USAGE o "
        " WHERE o.CONSTRAINT_SCHEMA = k.CONSTRAINT_SCHEMA AND o.TABLE_NAME = k.TABLE_NAME "
        " AND o.CONSTRAINT_NAME = k.CONSTRAINT_NAME), "
        "(SELECT COUNT(*) FROM information_schema.TRIGGERS t "
        " WHERE t.EVENT_OBJECT_SCHEMA = k.TABLE_SCHEMA AND t.EVENT_OBJECT_TABLE = k.TABLE_NAME "
        " AND t.EVENT_MANIPULATION = 'INSERT') "
        "FROM information_schema.KEY_COLUMN_USAGE k JOIN information_schema.COLUMNS c "
        "ON c.TABLE_SCHEMA = k.TABLE_SCHEMA AND c.TABLE_NAME = k.TABLE_NAME "
        "AND c.COLUMN_NAME = k.COLUMN_NAME "
        "WHERE k.TABLE_SCHEMA = COALESCE(%s, DATABASE()) AND k.TABLE_NAME = %s "
        "AND k.REFERENCED_TABLE_NAME IS NOT NULL",
        (table.schema, table.name)).fetchall()
    schema = table.schema or conn.exec_driver_sql("SELECT DATABASE()").scalar()
    keys = []
    for (name, column, parent_schema, parent, parent_column, kind, default, nullable, extra,
         width, triggers) in rows:
        if int(triggers):  # it may set a key column, or write rows of its own, unchecked
            return None
        if column not in names:
            generated = any(w in str(extra or "").upper()
                            for w in ("GENERATED", "VIRTUAL", "PERSISTENT", "STORED"))
            if str(nullable).upper() == "YES" and not generated and (
                    default is None or str(default).upper() == "NULL"):
                continue
            return None
        if int(width) != 1 or parent_schema != schema or parent == table.name or \
                str(kind).lower() not in _INTEGERS:
            return None
        keys.append(ForeignKey(name, column, parent, parent_column))
    return keys


@contextmanager
def keys_checked_once(conn: Connection, table: Table,
                      columns: Mapping[str, Sequence[Any]]) -> Iterator[None]:
    """Around a MariaDB bulk write of ``columns`` into ``table``: its foreign keys checked
    here once, the server's per-row checks off while the rows go in (see the module's
    docstring). Fewer than :data:`KEYS_ONCE_ROWS` rows, a session whose checks are already
    off (a caller that answers for its rows), a Galera node (:func:`_galera`) or keys this
    cannot check: unchanged. If setting the checks back fails, the connection is invalidated
    and that error raised (unless the write's own error is already on its way)."""
    names = list(columns)
    rows = len(columns[names[0]]) if names else 0
    if conn.dialect.name not in ("mysql", "mariadb") or rows < KEYS_ONCE_ROWS or not int(
            conn.exec_driver_sql("SELECT @@SESSION.foreign_key_checks").scalar() or 0):
        yield
        return
    if _galera(conn):
        yield  # the server's checks: our share locks are not certified cluster-wide
        return
    keys = foreign_keys(conn, table, names)
    wanted = None if keys is None else [(k, _distinct_ints(columns[k.column])) for k in keys]
    if not wanted or any(values is None for _, values in wanted):
        yield  # no key to check, or one the server must check
        return
    for key, values in wanted:
        assert values is not None
        _check_parents(conn, table, key, values)
    with checks_off(conn):
        yield


@contextmanager
def checks_off(conn: Connection) -> Iterator[None]:
    """The session's ``foreign_key_checks`` off for the block, for rows already checked (or
    derived from checked ones), and set back on whatever happens; if that fails the
    connection is invalidated, never pooled with the checks off, and that error raised
    (unless the block's own error is already on its way)."""
    with _session_off(conn, "foreign_key_checks"):
        yield


@contextmanager
def _session_off(conn: Connection, variable: str) -> Iterator[None]:
    """The session's switch ``variable`` off for the block and on again whatever happens;
    if that fails the connection is invalidated, never pooled with it off, and that error
    raised (unless the block's own error is already on its way)."""
    conn.exec_driver_sql(f"SET SESSION {variable} = 0")
    failed = True
    try:
        yield
        failed = False
    finally:
        try:
            conn.exec_driver_sql(f"SET SESSION {variable} = 1")
        except Exception:
            conn.invalidate()
            if not failed:
                raise


def insert_into_empty(conn: Connection, table: str, statement: str) -> int:
    """``statement``, an ``INSERT ... SELECT`` into ``table``, empty before it; its row count.

    MariaDB (10.6+) loads an empty InnoDB table in bulk, as ``mariadb-dump``'s output is: the
    rows sorted and each index built a page at a time, one undo record for the table, the
    table locked until the transaction ends. It takes that path only with the session's
    ``unique_checks`` off as well as ``foreign_key_checks`` (the caller holds those off:
    :func:`checks_off`), so this sets the first for the statement and back on whatever
    happens (see :func:`_session_off`). A first ring store fill's 560,000 edges at 200,000
    applications: 6.8-7.3 s with their commit, 4.6-4.9 s so (issue 34).

    The rows are counted back at once, which also puts them into the table's indexes: on
    10.11.19 a duplicate key in such a load is no error, the statement reports every row
    and the load's rows are silently dropped, the rest of the transaction committing
    without them. A count short of the statement's raises instead, so nothing is lost
    unnoticed (a count above it is other writers' rows, committed meanwhile: a rebuild
    empties the table in its own transaction). Only for a table with no secondary unique
    index (MySQL's own ``unique_checks`` skips their checks) that nothing else reads before
    the commit (read back within its own transaction with rows not yet in its indexes, a
    table took minutes to join). Only on MariaDB, not on a Galera node (its write-sets are
    certified row by row): elsewhere the statement runs as it is."""
    if not getattr(conn.dialect, "is_mariadb", False) or _galera(conn):
        return int(conn.exec_driver_sql(statement).rowcount)
    name = conn.dialect.identifier_preparer.quote(table)
    with _session_off(conn, "unique_checks"):
        written = int(conn.exec_driver_sql(statement).rowcount)
        kept = int(conn.exec_driver_sql(f"SELECT COUNT(*) FROM {name}").scalar_one())
    if kept < written:
        raise RuntimeError(translate(
            "Storage", "The bulk load into {table} kept {kept} of {written} rows (a duplicate "
            "key): nothing of it is saved.").format(table=table, kept=kept, written=written))
    return written


@contextmanager
def derived_rows(conn: Connection) -> Iterator[None]:
    """MariaDB: no per-row key checks for an ``INSERT ... SELECT`` whose rows point only at
    rows this transaction wrote or has already locked: a scoring run's decisions at its own
    scores (which hold their applications' and the model's keys) and its own run (the rule
    set's and policy's), its cases at those decisions and their applications. The server's
    check would look each parent up again and lock it in share mode; ours hold already
    (rows we wrote are locked until we commit; the parents of our earlier rows were locked
    in share mode when those rows' keys were checked), so under READ COMMITTED, where the
    SELECT itself locks nothing, no parent can go before the commit. A 200,000-application
    scoring run's decisions took 8.5 s and its 54,000 cases 10.3 s with the checks (issue
    34). Elsewhere, and on a Galera node (see :func:`_galera`), the server checks as
    before."""
    if conn.dialect.name not in ("mysql", "mariadb") or _galera(conn):
        yield
        return
    with checks_off(conn):
        yield


def _galera(conn: Connection) -> bool:
    """Is this session replicated by Galera (``wsrep_on``)? There ``LOCK IN SHARE MODE``
    locks the parent rows on this node alone, and with ``foreign_key_checks`` off the parent
    keys are not in the write-set the cluster certifies: a parent deleted meanwhile on
    another node would leave orphans. (MySQL has no such variable: no row.)"""
    row = conn.exec_driver_sql("SHOW SESSION VARIABLES LIKE 'wsrep_on'").first()
    return row is not None and str(row[1]).upper() in ("ON", "1")


def _distinct_ints(values: Sequence[Any]) -> list[int] | None:
    """The distinct non-null values in ascending order (the parent's pages then read in
    order), or None if any is not a plain int (written into the query as digits)."""
    found = set(values)
    found.discard(None)
    if any(type(v) is not int for v in found):
        return None
    return sorted(found)


def _check_parents(conn: Connection, table: Table, key: ForeignKey, values: list[int]) -> None:
    """Every value has its parent row, share-locked until the transaction ends; else the
    server's own error (1452) for the first value missing, as SQLAlchemy wraps it. Runs of
    consecutive values (the ids a bulk write just made, in practice) are read as one range,
    the rest in IN lists; DISTINCT, as the parent's column need not be unique."""
    prep = conn.dialect.identifier_preparer
    parent, column = prep.quote(key.parent), prep.quote(key.parent_column)
    for where, part in _pieces(values):
        sql = f"SELECT COUNT(DISTINCT {column}) FROM {parent} WHERE {column} {where}"
        if int(conn.exec_driver_sql(sql + " LOCK IN SHARE MODE").scalar() or 0) == len(part):
            continue
        present = {int(v) for (v,) in conn.exec_driver_sql(
            f"SELECT DISTINCT {column} FROM {parent} WHERE {column} {where}")}
        missing = next(v for v in part if v not in present)
        raise _missing_parent(conn, table, key, missing)


def _pieces(values: list[int]) -> Iterator[tuple[str, list[int]]]:
    """Ascending distinct values as ``BETWEEN lo AND hi`` for each run of at least
    :data:`RUN` consecutive ones and ``IN (...)`` lists of the others, with their values."""
    loose: list[int] = []
    start = 0
    for end in range(1, len(values) + 1):
        if end < len(values) and values[end] == values[end - 1] + 1:
            continue
        run = values[start:end]
        if len(run) >= RUN:
            yield f"BETWEEN {run[0]} AND {run[-1]}", run
        else:
            loose.extend(run)
        start = end
    for k in range(0, len(loose), IN_CHUNK):
        part = loose[k:k + IN_CHUNK]
        yield f"IN ({', '.join(map(str, part))})", part


def _missing_parent(conn: Connection, table: Table, key: ForeignKey, value: int) -> Exception:
    """The error the server raises for a child row with no parent (1452, worded as its own
    and naming the value), as SQLAlchemy wraps a driver's IntegrityError: callers catch the
    same exception whichever side checked."""
    prep = conn.dialect.identifier_preparer
    dbapi = conn.dialect.loaded_dbapi
    message = (f"Cannot add or update a child row: a foreign key constraint fails "
               f"({prep.quote(table.name)}, CONSTRAINT {prep.quote(key.name)} FOREIGN KEY "
               f"({prep.quote(key.column)}) REFERENCES {prep.quote(key.parent)} "
               f"({prep.quote(key.parent_column)})): no row for {key.column} = {value}")
    error = dbapi.IntegrityError(1452, message)
    return sa_exc.DBAPIError.instance(f"INSERT INTO {prep.quote(table.name)}", None, error,
                                      dbapi.Error, dialect=conn.dialect)
