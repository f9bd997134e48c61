"""Fast bulk inserts: the driver's executemany with plain tuples, in chunks.

The ORM's per-row bookkeeping costs more than the database itself at a million rows; this path
converts each column once (vectorised) to what the driver takes and hands over tuples.
"""
from __future__ import annotations

import gc
import sqlite3
from collections.abc import Callable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from datetime import datetime
from typing import Any

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc
from sqlalchemy import Connection, Engine, Table

from riskdesk.storage.engine import (
    SQLITE_CACHE_KIB,
    SQLITE_SYNCHRONOUS,
    SQLITE_TEMP_STORE,
    set_journal_at_once,
)

BULK_CACHE_KIB = 3 * 1024 * 1024  # 3 GiB at most; pages are taken only as they are needed

CHUNK = 20_000
JOURNAL_SWITCH_ROWS = 50_000  # below this the WAL's double write costs less than a switch
_PLACEHOLDER = {"qmark": "?", "format": "%s", "pyformat": "%s", "numeric": "?", "named": "?"}


def column_values(conn: Connection, s: pd.Series) -> list[Any]:
    """One column as driver values: None for missing, SQLite-format text for times there."""
    if pd.api.types.is_datetime64_any_dtype(s):
        if conn.dialect.name == "sqlite":  # SQLAlchemy's SQLite DATETIME text, by Arrow
            times = pa.array(s.astype("datetime64[us]"), from_pandas=True)
            # "%Y-%m-%d %H:%M:%S.%f" as Arrow casts microsecond times (strftime: 10x slower)
            return list(pc.cast(times, pa.string()).to_pylist())
        return [None if pd.isna(v) else v.to_pydatetime() for v in s]
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
) -> int:
    """INSERT the given columns (equal-length lists); ``check`` runs between chunks.

    ``same``: columns with one value for every row (a batch id, a key id, a time stamp). On
    SQLite they are written into the statement once instead of bound on every row (six of
    the import's sixty values per application); elsewhere they are bound like the rest."""
    names = list(columns)
    if not names:
        return 0
    n = len(columns[names[0]])
    if same and conn.dialect.name != "sqlite":
        columns = {**columns, **{k: [v] * n for k, v in same.items()}}
        names, same = list(columns), None
    prep = conn.dialect.identifier_preparer
    ph = _PLACEHOLDER[conn.dialect.paramstyle]
    fixed = dict(same or {})
    values = [ph] * len(names) + [_sqlite_literal(v) for v in fixed.values()]
    sql = (f"INSERT INTO {prep.format_table(table)} "
           f"({', '.join(prep.quote(c) for c in [*names, *fixed])}) "
           f"VALUES ({', '.join(values)})")
    return _execute_rows(conn, sql, columns, names, check)


def _sqlite_literal(value: Any) -> str:
    if isinstance(value, bool) or not isinstance(value, int | str):
        raise TypeError(f"not a plain int or str: {type(value).__name__}")
    return str(value) if isinstance(value, int) else "'" + value.replace("'", "''") + "'"


def update_columns(conn: Connection, table: Table, columns: Mapping[str, Sequence[Any]], *,
                   keys: Sequence[str]) -> int:
    """``UPDATE table SET others = ? WHERE keys = ?`` for each row of the given columns
    (equal-length lists)."""
    prep = conn.dialect.identifier_preparer
    ph = _PLACEHOLDER[conn.dialect.paramstyle]
    sets = [c for c in columns if c not in keys]
    sql = (f"UPDATE {prep.format_table(table)} SET "
           f"{', '.join(f'{prep.quote(c)} = {ph}' for c in sets)} WHERE "
           f"{' AND '.join(f'{prep.quote(c)} = {ph}' for c in keys)}")
    return _execute_rows(conn, sql, columns, [*sets, *keys], None)


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


def frame_of(conn: Connection, query: Any) -> pd.DataFrame:
    """A query's rows as a frame, through the driver without per-value result processing
    (several times faster than building SQLAlchemy rows at a million rows)."""
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
def collector_paused() -> Iterator[None]:
    """No cyclic garbage collection while a bulk job builds millions of rows as tuples and
    lists (none of them in reference cycles; they are freed by reference counting). Each full
    collection walks every live object: together about an eighth of a million-row import."""
    if not gc.isenabled():  # nested, or paused by the caller
        yield
        return
    gc.disable()
    try:
        yield
    finally:
        gc.enable()


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


@contextmanager
def deferred_sqlite_indexes(conn: Connection, tables: Sequence[str], *, rows_added: int,
                            minimum: int = 50_000) -> Iterator[bool]:
    """Bulk-load trick for SQLite: drop the secondary indexes, load, recreate them.

    Building an index by sorting beats a million random B-tree inserts, but rebuilding costs
    in proportion to the whole table, so this applies only when the load at least doubles the
    tables. Index definitions are read back from ``sqlite_master``, so they are recreated
    exactly as the migrations made them; unique constraints stay and are enforced throughout.
    SQLite DDL is transactional: a failed or cancelled load rolls the indexes back too.
    """
    if conn.dialect.name != "sqlite" or rows_added < minimum:
        yield False
        return
    names = ", ".join("'" + t.replace("'", "''") + "'" for t in tables)
    existing = sum(int(conn.exec_driver_sql(f'SELECT COUNT(*) FROM "{t}"').scalar() or 0)
                   for t in tables)
    if rows_added < existing:
        yield False
        return
    indexes = conn.exec_driver_sql(
        f"SELECT name, sql FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL "
        f"AND tbl_name IN ({names})").fetchall()
    for name, _ in indexes:
        conn.exec_driver_sql(f'DROP INDEX "{name}"')
    yield True
    for _, sql in indexes:
        conn.exec_driver_sql(sql)


def next_ids(conn: Connection, table: Table, count: int) -> list[int] | None:
    """Ids for ``count`` new rows, known before the insert: on SQLite the write transaction
    holds the database lock, so MAX(id)+1... are ours. None elsewhere (look them up)."""
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
