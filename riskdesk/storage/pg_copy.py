"""PostgreSQL's bulk path: ``COPY ... FROM STDIN``, in its binary form where it is exact.

In COPY's text form psycopg spells every value out and the server parses it back; in the
binary form the values are packed as the server stores them. For 200,000 rows of a scoring
run's scores the text form took 0.64-0.73 s of the job's own thread, the binary form
0.10-0.12 s (issue 34). The binary form is taken only where each column's values are all of
a Python type whose binary form is the same value the text form gives (checked column by
column: ``_binary_types``); a column of any other type (a time with a zone, a number given as
text, a true/false given as 0 and 1, an integer out of its column's range, a column type
not listed) sends the whole table in the text form, as before, with the server's own
conversions and checks. So does a ``numeric`` column given floats (the import's money):
converting them one by one cost more than the binary form saved.
"""
from __future__ import annotations

import sys
from collections.abc import Callable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from datetime import date, datetime
from decimal import Decimal
from typing import Any

from sqlalchemy import Connection, Table
from sqlalchemy import exc as sa_exc

_NONE = type(None)
_RANGES = {21: 2**15, 23: 2**31, 20: 2**63}  # smallint, integer, bigint: -n <= value < n


def _binary_types() -> dict[int, frozenset[type]]:
    """Column type OID -> the Python types packed exactly in COPY's binary form (None aside).
    numpy's scalars (columns sliced from arrays hold them) only once numpy is loaded: none
    can be there before, and a COPY from the window (a case decision's feed record) does
    not load it (issue 35)."""
    np = sys.modules.get("numpy")
    np_ints: frozenset[type] = frozenset({np.int8, np.int16, np.int32, np.int64, np.uint8,
                                          np.uint16, np.uint32}) if np else frozenset()
    # not float32: its text form is its own shortest digits ("0.1"), its binary form the
    # double it widens to (0.10000000149011612)
    np_floats: frozenset[type] = frozenset({np.float64}) if np else frozenset()
    ints = frozenset({int}) | np_ints
    text = frozenset({str})
    return {
        21: ints, 23: ints, 20: ints,  # smallint, integer, bigint: ranges checked below
        701: ints | {float} | np_floats,  # double precision
        # numeric: no floats (made Decimal(repr(x)) one by one, the import's money columns
        # cost more than the binary form saved: 200,000 applications imported in 9.4-12.3 s
        # so, 8.3-10.4 s in text, alternating; issue 34)
        1700: ints | {Decimal},
        16: frozenset({bool}) | (frozenset({np.bool_}) if np else frozenset()),  # boolean
        1114: frozenset({datetime}),  # timestamp (naive: checked below)
        1082: frozenset({date}),  # date (a datetime is not a date here)
        25: text, 1043: text,  # text, varchar
        17: frozenset({bytes, bytearray, memoryview}),  # bytea
    }


@contextmanager
def driver_errors(conn: Connection, sql: str) -> Iterator[None]:
    """The driver's errors as SQLAlchemy raises them for an INSERT (IntegrityError and the
    rest), so callers catch the same exceptions whichever path wrote."""
    dbapi = conn.dialect.loaded_dbapi
    try:
        yield
    except dbapi.Error as exc:
        raise sa_exc.DBAPIError.instance(sql[:200], None, exc, dbapi.Error,
                                         dialect=conn.dialect) from exc


def copy_rows(conn: Connection, table: Table, columns: Mapping[str, Sequence[Any]],
              names: Sequence[str], check: Callable[[int], None] | None, chunk: int) -> int:
    """``COPY table (names) FROM STDIN`` on the unit of work's own connection (same
    transaction: a refused file or a failed audit rolls it back with the rest), fed row by
    row through psycopg's copy API; ``check`` runs every ``chunk`` rows. Constraint
    violations are raised as by INSERT (psycopg's errors, wrapped by SQLAlchemy's)."""
    prep = conn.dialect.identifier_preparer
    oids = column_types(conn, table, names)
    packed = binary_columns(columns, names, oids)
    sql = (f"COPY {prep.format_table(table)} ({', '.join(prep.quote(c) for c in names)}) "
           "FROM STDIN" + (" (FORMAT BINARY)" if packed is not None else ""))
    rows = columns if packed is None else packed
    n = len(columns[names[0]])
    raw = conn.connection.driver_connection
    assert raw is not None
    with driver_errors(conn, sql), raw.cursor() as cursor, cursor.copy(sql) as copy:
        if packed is not None:
            copy.set_types(oids)
        for start in range(0, n, chunk):
            end = start + chunk
            for row in zip(*(rows[c][start:end] for c in names), strict=True):
                copy.write_row(row)
            if check is not None:
                check(min(n, end))
    return n


def column_types(conn: Connection, table: Table, names: Sequence[str]) -> list[int]:
    """The type OIDs of ``names`` in ``table`` as the server has them (0 for a name it does
    not know: then COPY's own error, in the text form)."""
    found: dict[str, int] = dict(conn.exec_driver_sql(
        "SELECT a.attname, a.atttypid FROM pg_attribute a "
        "WHERE a.attrelid = to_regclass(%s) AND a.attnum > 0 AND NOT a.attisdropped",
        (conn.dialect.identifier_preparer.format_table(table),)).all())
    return [int(found.get(name, 0)) for name in names]


def binary_columns(columns: Mapping[str, Sequence[Any]], names: Sequence[str],
                   oids: Sequence[int]) -> dict[str, Sequence[Any]] | None:
    """The columns ready for COPY's binary form, or None when any column must go as text:
    its type has no entry here (the text form is the server's own conversion), or its
    values' types are not all packed exactly for it, or an integer is out of its column's
    range (psycopg's binary integers wrap where the server refuses the text)."""
    allowed = _binary_types()
    out: dict[str, Sequence[Any]] = {}
    for name, oid in zip(names, oids, strict=True):
        values = columns[name]
        types = set(map(type, values))
        kinds = types - {_NONE}
        if oid not in allowed or not kinds <= allowed[oid]:
            return None
        if oid in _RANGES and kinds and not _in_range(values, _RANGES[oid], _NONE in types):
            return None
        if oid == 1114 and not _naive(values):
            return None
        if oid == 1700 and not kinds <= {int, Decimal}:
            values = [v if v is None or isinstance(v, (int, Decimal)) else int(v)
                      for v in values]  # numpy's integers as integers
        out[name] = values
    return out


def _in_range(values: Sequence[Any], bound: int, nulls: bool) -> bool:
    """Are the integers within -bound <= v < bound? (min and max in C: 200,000 values in a
    few milliseconds.)"""
    present = [v for v in values if v is not None] if nulls else values
    return bool(-bound <= min(present) and max(present) < bound)


def _naive(values: Sequence[Any]) -> bool:
    """Are the times all without a zone? (The text form drops a zone; the binary one refuses
    a zoned time for a column without one.)"""
    return not any(v.tzinfo is not None for v in values if v is not None)
