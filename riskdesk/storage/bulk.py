"""Fast bulk inserts: the driver's executemany with plain tuples, in chunks.

The ORM's per-row bookkeeping costs more than the database itself at a million rows; this path
converts each column once (vectorised) to what the driver takes and hands over tuples.
"""
from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

import numpy as np
import pandas as pd
from sqlalchemy import Connection, Table

CHUNK = 20_000
_PLACEHOLDER = {"qmark": "?", "format": "%s", "pyformat": "%s", "numeric": "?", "named": "?"}


def column_values(conn: Connection, s: pd.Series) -> list[Any]:
    """One column as driver values: None for missing, SQLite-format text for times there."""
    sqlite = conn.dialect.name == "sqlite"
    if pd.api.types.is_datetime64_any_dtype(s):
        present = s.notna()
        if sqlite:
            text = s.dt.strftime("%Y-%m-%d %H:%M:%S.%f")
            return text.astype(object).where(present, None).tolist()
        return [v.to_pydatetime() if v is not pd.NaT else None for v in s]  # type: ignore[union-attr]
    if isinstance(s.dtype, pd.Int64Dtype):
        arr = s.to_numpy(dtype=object, na_value=None)
        return [None if v is None else int(v) for v in arr]
    if pd.api.types.is_float_dtype(s):
        arr = s.to_numpy(dtype=float)
        obj = arr.astype(object)
        obj[np.isnan(arr)] = None
        return obj.tolist()
    return s.astype(object).where(s.notna(), None).tolist()


def insert_columns(
    conn: Connection,
    table: Table,
    columns: dict[str, Sequence[Any]],
    *,
    check: Callable[[int], None] | None = None,
) -> int:
    """INSERT the given columns (equal-length lists); ``check`` runs between chunks."""
    names = list(columns)
    if not names:
        return 0
    n = len(columns[names[0]])
    prep = conn.dialect.identifier_preparer
    ph = _PLACEHOLDER[conn.dialect.paramstyle]
    sql = (f"INSERT INTO {prep.format_table(table)} ({', '.join(prep.quote(c) for c in names)}) "
           f"VALUES ({', '.join([ph] * len(names))})")
    rows = list(zip(*(columns[c] for c in names), strict=True))
    for start in range(0, n, CHUNK):
        conn.exec_driver_sql(sql, rows[start:start + CHUNK])
        if check is not None:
            check(min(n, start + CHUNK))
    return n


def select_in(conn: Connection, table: Table, key: str, columns: Sequence[str],
              keys: Sequence[Any], *, chunk: int = 900) -> list[tuple[Any, ...]]:
    """``SELECT key, columns FROM table WHERE key IN (...)`` in chunks, through the driver:
    compiling a 5,000-parameter IN clause per chunk costs more than running it."""
    prep = conn.dialect.identifier_preparer
    ph = _PLACEHOLDER[conn.dialect.paramstyle]
    cols = ", ".join(prep.quote(c) for c in (key, *columns))
    head = f"SELECT {cols} FROM {prep.format_table(table)} WHERE {prep.quote(key)} IN ("
    out: list[tuple[Any, ...]] = []
    unique = list(dict.fromkeys(keys))
    for start in range(0, len(unique), chunk):
        part = unique[start:start + chunk]
        sql = head + ", ".join([ph] * len(part)) + ")"
        out.extend(tuple(r) for r in conn.exec_driver_sql(sql, tuple(part)).fetchall())
    return out
