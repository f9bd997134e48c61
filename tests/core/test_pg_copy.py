"""PostgreSQL's COPY in its binary form only where it writes what the text form writes
(issue 34)."""
from __future__ import annotations

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
    String,
    Table,
    select,
)

from riskdesk.storage import pg_copy
from riskdesk.storage.bulk import insert_columns
from riskdesk.storage.session import unit_of_work

ON_POSTGRESQL = pytest.mark.parametrize(
    "db_url", [pytest.param("postgresql", marks=pytest.mark.server)], indirect=True)
INT4, FLOAT8, NUMERIC, BOOL, TIMESTAMP, DATE, VARCHAR, BYTEA = (
    23, 701, 1700, 16, 1114, 1082, 1043, 17)


def test_binary_only_for_types_packed_exactly() -> None:
    """Each column's Python types decide: one column the binary form would write otherwise
    than the text form (or refuse) sends the whole table as text."""
    def chosen(values: list[Any], oid: int) -> Any:
        packed = pg_copy.binary_columns({"c": values}, ["c"], [oid])
        return None if packed is None else list(packed["c"])

    assert chosen([1, np.int64(2), None], INT4) == [1, 2, None]
    assert chosen([0.5, np.float32(0.25), 3, None], FLOAT8) == [0.5, 0.25, 3, None]
    # floats for numeric go as the digits the text form sends, not as their binary expansion
    assert chosen([0.1, np.float64(2.675), Decimal("1.10"), 7, None], NUMERIC) == [
        Decimal("0.1"), Decimal("2.675"), Decimal("1.10"), 7, None]
    assert chosen([True, np.bool_(False), None], BOOL) == [True, False, None]
    assert chosen([datetime(2026, 1, 1), pd.Timestamp("2026-01-02 03:04:05.678"), None],
                  TIMESTAMP) is not None
    assert chosen([date(2026, 1, 1), None], DATE) is not None
    assert chosen(["a", None], VARCHAR) == ["a", None]
    assert chosen([b"x", bytearray(b"y"), None], BYTEA) is not None
    assert chosen([None, None], INT4) == [None, None]
    # the text form's business (its own conversion or its own error), not the binary form's
    for values, oid in (([True, 1], INT4),  # a true/false for a number: refused by the server
                        ([1, 0], BOOL),  # 0 and 1 for a true/false
                        (["12.5"], NUMERIC), (["2026-01-01"], TIMESTAMP),
                        ([datetime(2026, 1, 1, 8, tzinfo=timezone(timedelta(hours=8)))],
                         TIMESTAMP),  # a zoned time: the binary form refuses it
                        ([datetime(2026, 1, 1)], DATE),  # a time for a date
                        ([5], VARCHAR), ([pd.NaT], TIMESTAMP), ([1], 0)):
        assert chosen(values, oid) is None, (values, oid)


@ON_POSTGRESQL
def test_both_forms_write_the_same_rows(engine: Engine, monkeypatch: pytest.MonkeyPatch) -> None:
    """The same rows through the binary form and (forced) through the text form come back
    equal, value for value, and each went the way expected."""
    meta = MetaData()
    table = Table("copy_forms", meta, Column("id", Integer, primary_key=True),
                  Column("n", Numeric), Column("f", Double), Column("b", Boolean),
                  Column("i", BigInteger), Column("t", DateTime), Column("d", Date),
                  Column("s", String(40)), Column("x", LargeBinary))
    meta.create_all(engine)
    rows = 300
    columns: dict[str, list[Any]] = {
        "n": [None if k % 7 == 0 else (k - 150) * 10.0 ** (k % 9 - 4) for k in range(rows)],
        "f": [None if k % 5 == 0 else np.float64(k / 7) for k in range(rows)],
        "b": [None if k % 6 == 0 else np.bool_(k % 2) for k in range(rows)],
        "i": [None if k % 8 == 0 else np.int64(k * 2**33) for k in range(rows)],
        "t": [None if k % 9 == 0 else datetime(2026, 1, 1) + timedelta(seconds=k * 86_413,
              microseconds=k * 997) for k in range(rows)],
        "d": [None if k % 10 == 0 else date(2000, 1, 1) + timedelta(days=k) for k in range(rows)],
        "s": [None if k % 11 == 0 else f"王秀英\t\\N{k}\n" for k in range(rows)],
        "x": [None if k % 4 == 0 else bytes(range(k % 30)) + b"\\\0" for k in range(rows)]}
    sent: list[str] = []
    copy_rows = pg_copy.copy_rows

    def spy(conn: Any, tbl: Table, cols: Any, names: Any, check: Any, chunk: int) -> int:
        sent.append("binary" if pg_copy.binary_columns(cols, names, pg_copy.column_types(
            conn, tbl, names)) is not None else "text")
        return copy_rows(conn, tbl, cols, names, check, chunk)

    monkeypatch.setattr("riskdesk.storage.bulk.copy_rows", spy)
    back: dict[str, list[Any]] = {}
    for form in ("binary", "text"):
        if form == "text":
            monkeypatch.setattr(pg_copy, "binary_columns", lambda *a: None)
        with unit_of_work(engine) as session:
            conn = session.connection()
            conn.execute(table.delete())
            insert_columns(conn, table, columns)
            back[form] = [tuple(r) for r in conn.execute(
                select(*[c for c in table.c if c.name != "id"]).order_by(table.c.id))]
    assert sent == ["binary", "text"]
    assert back["binary"] == back["text"]
    # a float for a numeric column: the digits of its shortest form, not its binary expansion
    assert back["binary"][3][0] == Decimal("-14.700000000000001")
