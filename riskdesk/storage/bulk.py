"""Fast bulk inserts: the driver's executemany with plain tuples, in chunks.

The ORM's per-row bookkeeping costs more than the database itself at a million rows; this path
converts each column once (vectorised) to what the driver takes and hands over tuples.
"""
from __future__ import annotations

import functools
import sqlite3
from collections.abc import Callable, Iterator, Mapping, Sequence
from concurrent.futures import ThreadPoolExecutor
from contextlib import contextmanager
from datetime import datetime
from typing import TYPE_CHECKING, Any, TypeVar

from sqlalchemy import Connection, Engine, MetaData, Table

from riskdesk.collector import collector_paused as collector_paused  # the bulk jobs' pause
from riskdesk.storage import mysql_load
from riskdesk.storage.catalog import our_tables, sql_strings
from riskdesk.storage.engine import (
    SQLITE_CACHE_KIB,
    SQLITE_SYNCHRONOUS,
    SQLITE_TEMP_STORE,
    set_journal_at_once,
)
from riskdesk.storage.mysql_keys import keys_checked_once
from riskdesk.storage.mysql_literals import mysql_rows, one_ahead, statements
from riskdesk.storage.pg_copy import copy_rows, driver_errors

if TYPE_CHECKING:  # pandas and Arrow load on first use, not with the window (issue 35)
    import pandas as pd

T = TypeVar("T")

BULK_CACHE_KIB = 3 * 1024 * 1024  # 3 GiB at most; pages are taken only as they are needed

CHUNK = 20_000
JOURNAL_SWITCH_ROWS = 50_000  # below this the WAL's double write costs less than a switch
_PLACEHOLDER = {"qmark": "?", "format": "%s", "pyformat": "%s", "numeric": "?", "named": "?"}


def column_values(conn: Connection, s: pd.Series) -> list[Any]:
    """One column as driver values: None for missing, SQLite-format text for times there."""
    import numpy as np
    import pandas as pd
    import pyarrow as pa
    import pyarrow.compute as pc

    if pd.api.types.is_datetime64_any_dtype(s):
        if conn.dialect.name == "sqlite":  # SQLAlchemy's SQLite DATETIME text, by Arrow
            times = pa.array(s.astype("datetime64[us]"), from_pandas=True)
            # "%Y-%m-%d %H:%M:%S.%f" as Arrow casts microsecond times (strftime: 10x slower)
            return list(pc.cast(times, pa.string()).to_pylist())
        times = np.array(s.dt.to_pydatetime(), dtype=object)  # in C, not per value
        times[s.isna().to_numpy()] = None
        return list(times.tolist())
    if isinstance(s.dtype, pd.StringDtype) and s.dtype.storage == "pyarrow":
        return list(pa.array(s.array).to_pylist())  # nulls become None on the way
    if isinstance(s.dtype, pd.Int64Dtype):
        return list(s.astype(object).where(s.notna(), None).tolist())  # Python ints
    if pd.api.types.is_float_dtype(s):
        floats = s.to_numpy(dtype=float)
        out = floats.astype(object)
        out[np.isnan(floats)] = None
        return list(out.tolist())
    return list(s.astype(object).where(s.notna(), None).tolist())


def insert_columns(
    conn: Connection,
    table: Table,
    columns: Mapping[str, Sequence[Any]],
    *,
    check: Callable[[int], None] | None = None,
    same: Mapping[str, Any] | None = None,
    ids: list[int] | None = None,
) -> int:
    """INSERT the given columns (equal-length lists); ``check`` runs between chunks.

    ``same``: columns with one value for every row (a batch id, a key id, a time stamp). On
    SQLite they are written into the statement once instead of bound on every row (six of
    the import's sixty values per application); elsewhere they are bound like the rest.

    ``ids``: on MariaDB, where :func:`consecutive_ids` holds, a list extended with the new
    rows' auto-increment ids in row order (elsewhere :func:`next_ids` gives them before)."""
    names = list(columns)
    if not names:
        return 0
    n = len(columns[names[0]])
    if same and conn.dialect.name != "sqlite":
        columns = {**columns, **{k: [v] * n for k, v in same.items()}}
        names, same = list(columns), None
    if conn.dialect.name == "postgresql":
        return copy_rows(conn, table, columns, names, check, CHUNK)
    if conn.dialect.name in ("mysql", "mariadb"):  # keys checked once, not per row
        with keys_checked_once(conn, table, columns):
            return _insert_values(conn, conn.dialect.identifier_preparer.format_table(table),
                                  columns, names, check, ids)
    prep = conn.dialect.identifier_preparer
    ph = _PLACEHOLDER[conn.dialect.paramstyle]
    fixed = dict(same or {})
    values = [ph] * len(names) + [_sqlite_literal(v) for v in fixed.values()]
    sql = (f"INSERT INTO {prep.format_table(table)} "
           f"({', '.join(prep.quote(c) for c in [*names, *fixed])}) "
           f"VALUES ({', '.join(values)})")
    return _execute_rows(conn, sql, columns, names, check)


class Alongside:
    """Work handed over to be done while the bulk path loads (see :func:`prepared_alongside`);
    ``submit(fn)`` gives back what to call for ``fn``'s result (its error raised there)."""

    def __init__(self, pool: ThreadPoolExecutor | None) -> None:
        self._pool = pool

    def submit(self, fn: Callable[[], T]) -> Callable[[], T]:
        return fn if self._pool is None else self._pool.submit(fn).result


@contextmanager
def prepared_alongside(conn: Connection) -> Iterator[Alongside]:
    """On MariaDB a second thread for building the next table's columns while this one's
    rows load: the server does the loading (LOAD DATA, or INSERTs sent from the driver's own
    thread) and the caller only waits on the socket, without the GIL. 200,000 applications'
    columns took 0.5 s of a 9.8 s import, the server idle meanwhile (issue 34). Elsewhere
    the work is done when its result is asked for, as before: SQLite's binding and COPY's
    rows need the GIL themselves (a second thread measured no faster on SQLite), and the
    columns are not held in memory beside the previous table's (on MariaDB they are: at a
    million applications about half a gigabyte more at the peak, the features' floats beside
    the applications' columns). On the way out the thread's work is waited for, also after
    an error (the caller's error is the one raised)."""
    if conn.dialect.name not in ("mysql", "mariadb"):
        yield Alongside(None)
        return
    with ThreadPoolExecutor(max_workers=1, thread_name_prefix="riskdesk-columns") as pool:
        yield Alongside(pool)


def bound_columns(conn: Connection, table: Table, rows: Sequence[Mapping[str, Any]],
                  ) -> dict[str, list[Any]]:
    """Row dicts, as an ORM insert takes them, turned into the columns :func:`insert_columns`
    and :func:`update_columns` take: each value through its column type's own bind
    processor, exactly as an INSERT through SQLAlchemy would send it (dates, times and
    decimals as SQLAlchemy stores them on SQLite; unchanged on the servers, whose drivers
    take them as they are). Every row has the first row's keys."""
    if not rows:
        return {}
    out: dict[str, list[Any]] = {}
    for name in rows[0]:
        values = [r[name] for r in rows]
        process = table.c[name].type.dialect_impl(conn.dialect).bind_processor(conn.dialect)
        out[name] = values if process is None else \
            [None if v is None else process(v) for v in values]
    return out


def _sqlite_literal(value: Any) -> str:
    if isinstance(value, bool) or not isinstance(value, int | str):
        raise TypeError(f"not a plain int or str: {type(value).__name__}")
    return str(value) if isinstance(value, int) else "'" + value.replace("'", "''") + "'"


def update_columns(conn: Connection, table: Table, columns: Mapping[str, Sequence[Any]], *,
                   keys: Sequence[str]) -> int:
    """``UPDATE table SET others = ? WHERE keys = ?`` for each row of the given columns
    (equal-length lists). On the servers, where the driver sends an UPDATE per row (MariaDB:
    a round trip each, 2,673 of them were 0.5 s of a 20,000-application scoring run;
    PostgreSQL: 1.2 s for the rule flags of a 200,000-application run's 37,000 decisions), a
    larger batch with distinct keys goes through a temporary table instead
    (:func:`_update_joined`)."""
    prep = conn.dialect.identifier_preparer
    ph = _PLACEHOLDER[conn.dialect.paramstyle]
    sets = [c for c in columns if c not in keys]
    if conn.dialect.name != "sqlite" and sets and len(columns[keys[0]]) >= \
            JOINED_UPDATE_ROWS and _joinable(table, columns, keys):
        return _update_joined(conn, table, columns, keys, sets)
    sql = (f"UPDATE {prep.format_table(table)} SET "
           f"{', '.join(f'{prep.quote(c)} = {ph}' for c in sets)} WHERE "
           f"{' AND '.join(f'{prep.quote(c)} = {ph}' for c in keys)}")
    return _execute_rows(conn, sql, columns, [*sets, *keys], None)


JOINED_UPDATE_ROWS = 100  # fewer: the round trips cost less than the temporary table


def _joinable(table: Table, columns: Mapping[str, Sequence[Any]], keys: Sequence[str]) -> bool:
    """Keys the temporary table can index (no TEXT or BLOB without a length), and no two
    rows with the same keys (a joined update applies one of them, the driver's row-by-row
    updates the last)."""
    from sqlalchemy import LargeBinary, String

    if any(isinstance(table.c[k].type, String | LargeBinary) and
           getattr(table.c[k].type, "length", None) is None for k in keys):
        return False
    rows = list(zip(*(columns[k] for k in keys), strict=True))
    return len(set(rows)) == len(rows)


def _update_joined(conn: Connection, table: Table, columns: Mapping[str, Sequence[Any]],
                   keys: Sequence[str], sets: Sequence[str]) -> int:
    """The rows written by the bulk path (COPY, or MariaDB's multi-row INSERT) into a
    temporary table with the target's column types (visible to this connection alone), then
    one joined ``UPDATE``, in the unit of work's transaction. MariaDB keeps a temporary table
    through a rollback (creating and dropping it commits nothing), so it is dropped whatever
    happens; PostgreSQL's goes with the transaction (``ON COMMIT DROP``) and is dropped when
    the update is done (after an error the transaction accepts no statement)."""
    prep = conn.dialect.identifier_preparer
    target = prep.format_table(table)
    name = f"rd_update_{table.name}"[:63]
    rows = prep.quote(name)
    cols = ", ".join(prep.quote(c) for c in columns)
    on = " AND ".join(f"t.{prep.quote(k)} = r.{prep.quote(k)}" for k in keys)
    if conn.dialect.name == "postgresql":
        conn.exec_driver_sql(f"CREATE TEMPORARY TABLE {rows} ON COMMIT DROP AS "
                             f"SELECT {cols} FROM {target} WITH NO DATA")
        copy_rows(conn, Table(name, MetaData()), columns, list(columns), None, CHUNK)
        conn.exec_driver_sql(
            f"UPDATE {target} t SET "
            f"{', '.join(f'{prep.quote(c)} = r.{prep.quote(c)}' for c in sets)} "
            f"FROM {rows} r WHERE {on}")
        conn.exec_driver_sql(f"DROP TABLE {rows}")
        return len(columns[keys[0]])
    conn.exec_driver_sql(f"DROP TEMPORARY TABLE IF EXISTS {rows}")
    conn.exec_driver_sql(
        f"CREATE TEMPORARY TABLE {rows} (INDEX ({', '.join(prep.quote(k) for k in keys)})) "
        f"SELECT {cols} FROM {target} LIMIT 0")
    try:
        _insert_values(conn, rows, columns, list(columns), None)
        conn.exec_driver_sql(
            f"UPDATE {target} t JOIN {rows} r ON {on} SET "
            f"{', '.join(f't.{prep.quote(c)} = r.{prep.quote(c)}' for c in sets)}")
    finally:
        conn.exec_driver_sql(f"DROP TEMPORARY TABLE IF EXISTS {rows}")
    return len(columns[keys[0]])


def _execute_rows(conn: Connection, sql: str, columns: Mapping[str, Sequence[Any]],
                  names: Sequence[str], check: Callable[[int], None] | None) -> int:
    """The driver's executemany of ``sql`` over the columns' rows (in ``names`` order), in
    chunks; ``check`` runs between them."""
    n = len(columns[names[0]])
    for start in range(0, n, CHUNK):  # a chunk's rows at a time: no million tuples at once
        end = start + CHUNK
        conn.exec_driver_sql(sql, list(zip(*(columns[c][start:end] for c in names),
                                           strict=True)))
        if check is not None:
            check(min(n, end))
    return n


MYSQL_STATEMENT_BYTES = 4 * 1024 * 1024  # well under the server's max_allowed_packet (16 MiB)


def consecutive_ids(conn: Connection) -> bool:
    """Does this MariaDB server number a multi-row INSERT's rows consecutively from the id it
    reports (``innodb_autoinc_lock_mode`` 0 or 1, the default, and an increment of 1)? Then
    a bulk write knows its rows' ids without looking them up again, 900 keys a query."""
    if conn.dialect.name not in ("mysql", "mariadb"):
        return False
    mode, step = conn.exec_driver_sql(
        "SELECT @@innodb_autoinc_lock_mode, @@auto_increment_increment").one()
    return int(mode) in (0, 1) and int(step) == 1


def _insert_values(conn: Connection, target: str, columns: Mapping[str, Sequence[Any]],
                   names: Sequence[str], check: Callable[[int], None] | None,
                   ids: list[int] | None = None) -> int:
    """MariaDB's bulk path: multi-row ``INSERT ... VALUES (...), (...)`` statements of a few
    megabytes each, their literals built a column at a time (``mysql_literals.mysql_rows``),
    on the unit of work's own connection (same transaction); ``check`` runs between chunks.
    While the server inserts one statement's rows, the next statement is built
    (``mysql_literals.one_ahead``). From :data:`mysql_load.LOAD_ROWS` rows on, where the
    connection and the server allow it, each chunk goes instead as one ``LOAD DATA LOCAL``
    served from memory (``mysql_load``: a fifth to a third less of the import's writing
    stage, the server parsing no SQL); a chunk with values it cannot write exactly goes by
    INSERT. ``insert_columns`` checks the rows' foreign keys once around this
    (``mysql_keys``).
    ``ids``: extended with each statement's ids, its first auto-increment id onwards (see
    :func:`consecutive_ids`)."""
    from pymysql.constants import SERVER_STATUS

    prep = conn.dialect.identifier_preparer
    head = f"INSERT INTO {target} ({', '.join(prep.quote(c) for c in names)}) VALUES "
    n = len(columns[names[0]])
    raw = conn.connection.driver_connection
    assert raw is not None
    backslash = not raw.server_status & SERVER_STATUS.SERVER_STATUS_NO_BACKSLASH_ESCAPES
    with driver_errors(conn, head), raw.cursor() as cursor, one_ahead() as send:
        loading = mysql_load.usable(raw, n)
        for start in range(0, n, CHUNK):
            end = start + CHUNK
            part = [columns[c][start:end] for c in names]
            load = mysql_load.statement(prep, target, names, part) if loading else None
            if load is not None:
                send(functools.partial(mysql_load.load, cursor, *load, len(part[0]), ids))
                if check is not None:
                    check(min(n, end))
                continue
            rows = mysql_rows(raw, part, backslash)
            for sql, count in statements(head.encode(), rows, MYSQL_STATEMENT_BYTES):
                send(functools.partial(_execute_numbered, cursor, sql, count, ids))
            del rows
            if check is not None:
                check(min(n, end))
    return n


def _execute_numbered(cursor: Any, sql: bytes, rows: int, ids: list[int] | None) -> None:
    cursor.execute(sql)
    if ids is not None:
        ids.extend(range(cursor.lastrowid, cursor.lastrowid + rows))


def frame_of(conn: Connection, query: Any) -> pd.DataFrame:
    """A query's rows as a frame, through the driver without per-value result processing
    (several times faster than building SQLAlchemy rows at a million rows)."""
    import pandas as pd

    sql = str(query.compile(dialect=conn.dialect, compile_kwargs={"literal_binds": True}))
    cursor = conn.connection.dbapi_connection.cursor()  # type: ignore[union-attr]
    try:
        cursor.execute(sql)
        names = [d[0] for d in cursor.description]
        rows = cursor.fetchall()
    finally:
        cursor.close()
    if not rows:
        return pd.DataFrame({name: pd.Series([], dtype=object) for name in names})
    return pd.DataFrame.from_records(rows, columns=names, coerce_float=False)


def select_in(conn: Connection, table: Table, key: str, columns: Sequence[str],
              keys: Sequence[Any], *, chunk: int = 900,
              where: Mapping[str, Any] | None = None) -> list[tuple[Any, ...]]:
    """``SELECT key, columns FROM table WHERE key IN (...) [AND col = value ...]`` in chunks,
    through the driver: compiling a 5,000-parameter IN clause per chunk costs more than
    running it. An empty table (a first load) answers at once."""
    if not keys or is_empty(conn, table):
        return []
    prep = conn.dialect.identifier_preparer
    ph = _PLACEHOLDER[conn.dialect.paramstyle]
    cols = ", ".join(prep.quote(c) for c in (key, *columns))
    extra = "".join(f"{prep.quote(c)} = {ph} AND " for c in (where or {}))
    head = f"SELECT {cols} FROM {prep.format_table(table)} WHERE {extra}{prep.quote(key)} IN ("
    fixed = tuple((where or {}).values())
    out: list[tuple[Any, ...]] = []
    unique = list(dict.fromkeys(keys))
    for start in range(0, len(unique), chunk):
        part = unique[start:start + chunk]
        sql = head + ", ".join([ph] * len(part)) + ")"
        out.extend(tuple(r) for r in conn.exec_driver_sql(sql, fixed + tuple(part)).fetchall())
    return out


@contextmanager
def bulk_load_bind(engine: Engine, rows: int) -> Iterator[Engine | Connection]:
    """What a large load writes through: on a SQLite file nobody else has open, one connection
    switched from WAL to a rollback journal (with full syncs) until the load ends.

    In WAL mode every page of a million-row load is written twice, to the WAL and again by the
    checkpoint at commit (a quarter of the write); with a rollback journal new pages are
    written once and only the few existing pages the load changes are journalled. Atomicity is
    the same: a killed load leaves a hot journal that the next opener rolls back. When other
    connections are open (the GUI's readers) the switch is refused at once and the load runs
    in WAL mode as before. Anything else: the engine itself."""
    if engine.dialect.name != "sqlite" or rows < JOURNAL_SWITCH_ROWS or engine.url.database in (
            None, "", ":memory:"):
        yield engine
        return
    with engine.connect() as conn:
        raw = conn.connection.driver_connection
        assert raw is not None
        switched = set_journal_at_once(raw, "DELETE")
        if switched:
            raw.execute("PRAGMA synchronous=FULL")
        # With temporary storage in files SQLite's sorter works in one buffer sized from the
        # page cache (up to 512 MiB, so a million-row index sorts without a temporary file);
        # with it in memory every record is allocated on its own: rebuilds 25-30 % slower.
        raw.execute("PRAGMA temp_store=FILE")
        try:
            yield conn
        finally:
            if conn.in_transaction():  # the pragmas below are refused inside a transaction
                conn.rollback()
            raw.execute(f"PRAGMA temp_store={SQLITE_TEMP_STORE}")
            if switched:
                raw.execute(f"PRAGMA synchronous={SQLITE_SYNCHRONOUS}")
                try:
                    raw.execute("PRAGMA journal_mode=WAL")
                except sqlite3.OperationalError:  # a reader came meanwhile: next connect
                    pass


@contextmanager
def bulk_cache(conn: Connection, kib: int = BULK_CACHE_KIB) -> Iterator[None]:
    """A large SQLite page cache while one bulk write runs (dirty index pages stay in memory
    instead of spilling to the WAL again and again); the workstation's default after."""
    sqlite = conn.dialect.name == "sqlite"
    if sqlite:
        conn.exec_driver_sql(f"PRAGMA cache_size=-{kib}")
    try:
        yield
    finally:
        if sqlite:
            conn.exec_driver_sql(f"PRAGMA cache_size=-{SQLITE_CACHE_KIB}")


def _doubles(conn: Connection, tables: Sequence[str], rows_added: int) -> bool:
    """Does a load of ``rows_added`` rows at least double what ``tables`` hold (a first load,
    in practice)? Only such a load is worth dropping and rebuilding what guards the tables."""
    prep = conn.dialect.identifier_preparer
    existing = sum(int(conn.exec_driver_sql(f"SELECT COUNT(*) FROM {prep.quote(t)}").scalar()
                       or 0) for t in tables)
    return rows_added >= existing


def _owned(conn: Connection, tables: Sequence[str], *, referenced: bool = False,
           pointing_at: Sequence[str] | None = None) -> bool:
    """PostgreSQL: may this session drop and put back what guards ``tables`` (with
    ``referenced``, also the tables their foreign keys point at, or only ``pointing_at`` of
    them)? ALTER TABLE and DROP INDEX are the owner's, so only the owner role (or one that is
    a member of it) may. The
    application role of ``riskdesk db roles-sql`` owns no table: its loads keep their
    indexes and keys and are checked row by row, as any later load (a first import as that
    role was refused with "must be owner of table applicant" before this check)."""
    pointed = (" OR r.oid IN (SELECT c.confrelid FROM pg_constraint c JOIN pg_class t ON "
               f"t.oid = c.conrelid WHERE c.contype = 'f' AND {our_tables(tables, 't')}"
               f"{_pointing(pointing_at)})") if referenced else ""
    return bool(conn.exec_driver_sql(
        "SELECT COALESCE(bool_and(pg_has_role(current_user, r.relowner, 'USAGE')), false) "
        f"FROM pg_class r WHERE r.relkind = 'r' AND ({our_tables(tables, 'r')}{pointed})"
    ).scalar())


def _pointing(tables: Sequence[str] | None) -> str:
    """PostgreSQL: the condition on a foreign key (``pg_constraint`` as ``c``) that it points
    at one of ``tables`` (None: any table)."""
    if tables is None:
        return ""
    return (" AND c.confrelid IN (SELECT p.oid FROM pg_class p WHERE "
            f"{our_tables(tables, 'p')})")


@contextmanager
def deferred_indexes(conn: Connection, tables: Sequence[str], *, rows_added: int,
                     minimum: int = 50_000) -> Iterator[bool]:
    """Bulk-load trick for SQLite and PostgreSQL: drop the secondary indexes, load, recreate
    them.

    Building an index by sorting beats a million random B-tree inserts, but rebuilding costs
    in proportion to the whole table, so this applies only when the load at least doubles the
    tables. Index definitions are read back from the catalogue (``sqlite_master``,
    ``pg_get_indexdef``), so they are recreated exactly as the migrations made them; unique
    constraints stay and are enforced throughout (on PostgreSQL every unique index stays).
    DDL is transactional on both: a failed or cancelled load rolls the indexes back too. On
    PostgreSQL the dropped indexes lock their tables against readers until the load commits,
    which is why this waits for a load that at least doubles them (a first load, in practice).
    MariaDB's DDL commits at once, so it keeps its indexes.
    """
    dialect = conn.dialect.name
    if dialect not in ("sqlite", "postgresql") or rows_added < minimum:
        yield False
        return
    if not _doubles(conn, tables, rows_added) or \
            (dialect == "postgresql" and not _owned(conn, tables)):
        yield False
        return
    if dialect == "postgresql":
        indexes = conn.exec_driver_sql(
            "SELECT i.relname, pg_get_indexdef(x.indexrelid) FROM pg_index x "
            "JOIN pg_class i ON i.oid = x.indexrelid JOIN pg_class t ON t.oid = x.indrelid "
            f"WHERE {our_tables(tables, 't')} AND NOT x.indisunique "
            "AND NOT x.indisprimary").fetchall()
    else:
        indexes = conn.exec_driver_sql(
            f"SELECT name, sql FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL "
            f"AND tbl_name IN ({sql_strings(tables)})").fetchall()
    for name, _ in indexes:
        conn.exec_driver_sql(f'DROP INDEX "{name}"')
    yield True
    for _, sql in indexes:
        conn.exec_driver_sql(sql)


deferred_sqlite_indexes = deferred_indexes  # its first name, from when it was SQLite's alone


@contextmanager
def deferred_foreign_keys(conn: Connection, tables: Sequence[str], *, rows_added: int,
                          minimum: int = 20_000,
                          pointing_at: Sequence[str] | None = None) -> Iterator[bool]:
    """PostgreSQL only: the listed tables' foreign keys dropped for a load that at least
    doubles them and added back after it, so that each is checked once by one join over the
    table instead of by a trigger per row that looks up and locks the row it points at (six
    such triggers were nine tenths of writing a scoring run's decisions).

    Nothing is loosened: adding a key back checks every row, inside the same transaction, and
    a row pointing nowhere fails the load as it would have failed its INSERT (an
    IntegrityError), rolling everything back. The price is the lock: until the load commits,
    readers of these tables and of the tables they point at wait, which is why this waits
    for a load that at least doubles them (a first load, in practice). ``pointing_at``: only
    the keys that point at these tables (the others keep their triggers, and the tables they
    point at their readers: the cases' keys to the users, whom every sign-in reads)."""
    if conn.dialect.name != "postgresql" or rows_added < minimum:
        yield False
        return
    if not _doubles(conn, tables, rows_added) or \
            not _owned(conn, tables, referenced=True, pointing_at=pointing_at):
        yield False
        return
    keys = conn.exec_driver_sql(
        "SELECT t.relname, c.conname, pg_get_constraintdef(c.oid) FROM pg_constraint c "
        "JOIN pg_class t ON t.oid = c.conrelid WHERE c.contype = 'f' "
        f"AND {our_tables(tables, 't')}{_pointing(pointing_at)} "
        "ORDER BY t.relname, c.conname").fetchall()
    with constraints_set_aside(conn, keys):
        yield True


@contextmanager
def constraints_set_aside(conn: Connection, keys: Sequence[Any]) -> Iterator[None]:
    """PostgreSQL: the constraints ``keys`` (table, name, ``pg_get_constraintdef``) dropped
    for the block and added back after it, each checking every row as it is added."""
    prep = conn.dialect.identifier_preparer
    for table, name, _ in keys:
        conn.exec_driver_sql(f"ALTER TABLE {prep.quote(table)} DROP CONSTRAINT "
                             f"{prep.quote(name)}")
    yield
    for table, name, definition in keys:
        conn.exec_driver_sql(f"ALTER TABLE {prep.quote(table)} ADD CONSTRAINT "
                             f"{prep.quote(name)} {definition}")


def next_ids(conn: Connection, table: Table, count: int) -> list[int] | None:
    """Ids for ``count`` new rows, known before the insert: on SQLite the write transaction
    holds the database lock, so MAX(id)+1... are ours; on PostgreSQL they are drawn from the
    id column's sequence (ours whatever else commits; a rolled-back load leaves a gap, as an
    INSERT would). None elsewhere (look them up after)."""
    if conn.dialect.name == "postgresql":
        if count == 0:
            return []
        seq = conn.exec_driver_sql("SELECT pg_get_serial_sequence(%s, 'id')",
                                   (table.name,)).scalar()
        if seq is None:
            return None
        drawn = conn.exec_driver_sql("SELECT nextval(%s) FROM generate_series(1, %s)",
                                     (seq, count)).fetchall()
        return sorted(int(r[0]) for r in drawn)
    if conn.dialect.name != "sqlite":
        return None
    top = conn.exec_driver_sql(f'SELECT COALESCE(MAX(id), 0) FROM "{table.name}"').scalar()
    start = int(top or 0) + 1
    return list(range(start, start + count))


def is_empty(conn: Connection, table: Table) -> bool:
    name = conn.dialect.identifier_preparer.format_table(table)
    return conn.exec_driver_sql(f"SELECT 1 FROM {name} LIMIT 1").first() is None


def scalar_value(conn: Connection, value: datetime) -> Any:
    """One timestamp as the driver takes it (SQLAlchemy's text form on SQLite)."""
    if conn.dialect.name == "sqlite":
        return value.strftime("%Y-%m-%d %H:%M:%S.%f")
    return value
