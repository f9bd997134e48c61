"""PostgreSQL's COPY in its binary form only where it writes what the text form writes
(issue 34)."""
from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from datetime import date, datetime, timedelta, timezone
from decimal import Decimal
from typing import Any

import numpy as np
import pandas as pd
import pytest
from sqlalchemy import (
    BigInteger,
    Boolean,
    Column,
    Date,
    DateTime,
    Double,
    Engine,
    Integer,
    LargeBinary,
    MetaData,
    Numeric,
    SmallInteger,
    String,
    Table,
    Text,
    cast,
    select,
)
from sqlalchemy import exc as sa_exc

from riskdesk.storage import pg_copy
from riskdesk.storage.bulk import insert_columns
from riskdesk.storage.session import unit_of_work

ON_POSTGRESQL = pytest.mark.parametrize(
    "db_url", [pytest.param("postgresql", marks=pytest.mark.server)], indirect=True)
INT2, INT4, INT8, FLOAT4, FLOAT8, NUMERIC, BOOL, TIMESTAMP, DATE, CHAR, VARCHAR, BYTEA = (
    21, 23, 20, 700, 701, 1700, 16, 1114, 1082, 1042, 1043, 17)


def _chosen(values: list[Any], oid: int) -> Any:
    packed = pg_copy.binary_columns({"c": values}, ["c"], [oid])
    return None if packed is None else list(packed["c"])


def test_binary_only_for_types_packed_exactly() -> None:
    """Each column's Python types decide: one column the binary form would write otherwise
    than the text form (or refuse) sends the whole table as text."""
    assert _chosen([1, np.int64(2), None], INT4) == [1, 2, None]
    assert _chosen([-2**15, 2**15 - 1], INT2) is not None
    assert _chosen([0.5, 3, np.int64(4), None], FLOAT8) == [0.5, 3, 4, None]
    # numeric: decimals and integers (numpy's as integers); floats go as text (below)
    assert _chosen([Decimal("1.10"), 7, np.int64(2**53 + 1), None], NUMERIC) == [
        Decimal("1.10"), 7, 2**53 + 1, None]
    assert _chosen([True, np.bool_(False), None], BOOL) == [True, False, None]
    assert _chosen([datetime(2026, 1, 1), None], TIMESTAMP) is not None
    assert _chosen([date(2026, 1, 1), None], DATE) is not None
    assert _chosen(["a", None], VARCHAR) == ["a", None]
    assert _chosen([b"x", bytearray(b"y"), None], BYTEA) is not None
    assert _chosen([None, None], INT4) == [None, None]
    # the text form's business (its own conversion or its own error), not the binary form's
    for values, oid in (
            ([True, 1], INT4),  # a true/false for a number: refused by the server
            ([2**31], INT4), ([-2**31 - 1], INT4), ([np.int64(2**32 + 5)], INT4),  # would wrap
            ([np.int32(40_000)], INT2), ([2**63], INT8),
            ([1, 0], BOOL),  # 0 and 1 for a true/false
            (["12.5"], NUMERIC), ([0.1], NUMERIC), ([np.float64(0.1)], NUMERIC),
            ([np.float32(0.1)], FLOAT8),
            ([0.5], FLOAT4),  # real: the binary form rounds twice
            (["2026-01-01"], TIMESTAMP),
            ([datetime(2026, 1, 1, 8, tzinfo=timezone(timedelta(hours=8)))], TIMESTAMP),
            ([pd.Timestamp("2026-01-01 00:00:00.0000009")], TIMESTAMP),  # nanoseconds
            ([pd.NaT], TIMESTAMP), ([datetime(2026, 1, 1)], DATE),  # a time for a date
            ([5], VARCHAR), (["ab"], CHAR),  # no binary form for char(n) in psycopg
            ([None], 0), ([None], 99_999)):  # a type not listed (a domain), even all null
        assert _chosen(values, oid) is None, (values, oid)


@contextmanager
def _formats_sent(monkeypatch: pytest.MonkeyPatch) -> Iterator[list[str]]:
    """The format of each COPY statement the bulk path sends, read from the statement."""
    sent: list[str] = []
    errors = pg_copy.driver_errors

    @contextmanager
    def spy(conn: Any, sql: str) -> Iterator[None]:
        sent.append("binary" if sql.endswith("(FORMAT BINARY)") else "text")
        with errors(conn, sql):
            yield

    monkeypatch.setattr(pg_copy, "driver_errors", spy)
    yield sent


@ON_POSTGRESQL
def test_both_forms_write_the_same_rows(engine: Engine, monkeypatch: pytest.MonkeyPatch) -> None:
    """The same rows through the binary form and (forced) through the text form come back
    the same, compared as the server spells them (a numeric's scale included)."""
    meta = MetaData()
    table = Table("copy_forms", meta, Column("id", Integer, primary_key=True),
                  Column("n", Numeric), Column("m", Numeric(14, 2)), Column("f", Double),
                  Column("b", Boolean), Column("i", BigInteger), Column("k", Integer),
                  Column("h", SmallInteger), Column("t", DateTime), Column("d", Date),
                  Column("s", String(40)), Column("x", LargeBinary))
    meta.create_all(engine)
    rows = 300
    columns: dict[str, list[Any]] = {
        "n": [None if k % 7 == 0 else Decimal(k - 150).scaleb(k % 9 - 4) if k % 3
              else np.int64(k * 2**40 + 1) for k in range(rows)],
        "m": [None if k % 6 == 0 else Decimal(k) / 8 if k % 2 else np.int64(k)
              for k in range(rows)],
        "f": [None if k % 5 == 0 else np.float64(k / 7) if k % 2 else k * 2**53 + 1
              for k in range(rows)],
        "b": [None if k % 6 == 0 else np.bool_(k % 2) if k % 3 else k % 2 == 0
              for k in range(rows)],
        "i": [None if k % 8 == 0 else np.int64((k - 150) * 2**55) for k in range(rows)],
        "k": [None if k % 4 == 0 else (k - 150) * 14_000_000 for k in range(rows)],
        "h": [None if k % 4 == 1 else np.int16(k * 100 - 15_000) for k in range(rows)],
        "t": [None if k % 9 == 0 else datetime(2026, 1, 1) + timedelta(seconds=k * 86_413,
              microseconds=k * 997) for k in range(rows)],
        "d": [None if k % 10 == 0 else date(2000, 1, 1) + timedelta(days=k) for k in range(rows)],
        "s": [None if k % 11 == 0 else f"王秀英\t\\N{k}\n" for k in range(rows)],
        "x": [None if k % 4 == 0 else bytes(range(k % 30)) + b"\\\0" for k in range(rows)]}
    written = [c for c in table.c if c.name != "id"]
    back: dict[str, list[Any]] = {}
    with _formats_sent(monkeypatch) as sent:
        for form in ("binary", "text"):
            if form == "text":
                monkeypatch.setattr(pg_copy, "binary_columns", lambda *a: None)
            with unit_of_work(engine) as session:
                conn = session.connection()
                conn.execute(table.delete())
                insert_columns(conn, table, columns)
                back[form] = [tuple(r) for r in conn.execute(
                    select(*[cast(c, Text) for c in written]).order_by(table.c.id))]
    assert sent == ["binary", "text"]
    assert back["binary"] == back["text"]
    assert back["binary"][1][0] == "-0.149" and back["binary"][3][0] == "3298534883329"


@ON_POSTGRESQL
def test_an_integer_out_of_range_is_the_servers_error(
        engine: Engine, monkeypatch: pytest.MonkeyPatch) -> None:
    """An integer too big for its column goes in the text form, where the server refuses it,
    rather than wrapping round in the binary form."""
    meta = MetaData()
    table = Table("copy_range", meta, Column("id", Integer, primary_key=True),
                  Column("k", Integer))
    meta.create_all(engine)
    with _formats_sent(monkeypatch) as sent, pytest.raises(sa_exc.DataError, match="range"), \
            unit_of_work(engine) as session:
        insert_columns(session.connection(), table, {"k": [1, 2**31]})
    assert sent == ["text"]
    with engine.connect() as conn:
        assert conn.execute(select(table.c.k)).all() == []


def test_choosing_the_form_loads_neither_numpy_nor_pandas() -> None:
    """A case decision's feed record is written by COPY from the window, which has loaded
    neither (issue 35): choosing the form must not load them."""
    import subprocess
    import sys

    code = ("import sys; from riskdesk.storage import pg_copy; "
            "assert pg_copy.binary_columns({'c': [1, None]}, ['c'], [23]) is not None; "
            "print(sorted(m for m in ('numpy', 'pandas') if m in sys.modules))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         check=True)
    assert out.stdout.strip() == "[]"
