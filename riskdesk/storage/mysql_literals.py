"""MariaDB's side of the bulk path (``storage.bulk``): a column's values as SQL literals
built in one pass (Arrow's kernels, escaped as pymysql escapes), rows cut into multi-row
``INSERT`` statements straight from Arrow's buffers, and the driver run one statement ahead on
a second thread while the next is built (issue 34)."""
from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from datetime import date, datetime
from decimal import Decimal
from typing import Any

_MYSQL_LITERAL: dict[type, Callable[[Any], str]] = {
    int: str,
    bool: lambda v: "1" if v else "0",
    float: lambda v: "NULL" if v != v else repr(v),  # NaN: missing
    Decimal: str,
    bytes: lambda v: "X'" + v.hex() + "'",
    datetime: lambda v: "'" + v.replace(tzinfo=None).isoformat(" ") + "'",
    date: lambda v: "'" + v.isoformat() + "'",
    type(None): lambda _v: "NULL",
}


def mysql_literals(conn: Any, values: Sequence[Any], backslash: bool) -> list[str]:
    """One column's values as SQL literals, by their Python type (the driver's own escaping
    for any other type): a dictionary lookup per value instead of pymysql's generic path,
    which cost two thirds of a MariaDB import. ``backslash``: the server's escape mode (as
    :func:`mysql_rows` is told it)."""
    from pymysql.converters import escape_string

    out = []
    text: Callable[[str], str] = escape_string  # as pymysql escapes, minding the server's mode
    if not backslash:
        text = lambda v: v.replace("'", "''")  # noqa: E731
    for v in values:
        if type(v) is str:
            out.append("'" + text(v) + "'")
            continue
        literal = _MYSQL_LITERAL.get(type(v))
        out.append(literal(v) if literal is not None else str(conn.escape(v)))
    return out


@contextmanager
def one_ahead() -> Iterator[Callable[[Callable[[], None]], None]]:
    """``send(job)``: run the job on a second thread, after the previous one ended (in
    order, one at a time; the previous job's error raised here). The caller builds the next
    statement while the server works on this one: the driver's thread waits on the socket
    without the GIL. Leaving, the last job is waited for, so no statement is ever left
    running on the connection (after an error too: its own error is then dropped)."""
    from concurrent.futures import Future, ThreadPoolExecutor

    pool = ThreadPoolExecutor(1, thread_name_prefix="riskdesk-bulk")
    pending: list[Future[None]] = []

    def send(job: Callable[[], None]) -> None:
        if pending:
            pending.pop().result()
        pending.append(pool.submit(job))

    try:
        yield send
        if pending:
            pending.pop().result()
    finally:
        pool.shutdown(wait=True)


_MYSQL_ESCAPES = [("\\", "\\\\"), ("\0", "\\0"), ("\n", "\\n"), ("\r", "\\r"),
                  ("\x1a", "\\Z"), ('"', '\\"'), ("'", "\\'")]  # pymysql's escape_string
_MYSQL_SPECIAL = "[" + "".join(f"\\x{ord(c):02x}" for c, _ in _MYSQL_ESCAPES) + "]"


def mysql_rows(raw: Any, columns: Sequence[Sequence[Any]], backslash: bool) -> Any:
    """Rows as ``(literal,...),`` strings (an Arrow string array): each column turned into
    SQL literals in one pass by its values' type (Arrow's kernels: no Python call per value),
    then joined row-wise. Values of mixed or other types go through :func:`mysql_literals`.
    """
    import pyarrow as pa
    import pyarrow.compute as pc

    text = [pc.fill_null(_mysql_column(raw, list(v), backslash), "NULL") for v in columns]
    joined = text[0] if len(text) == 1 else pc.binary_join_element_wise(*text, ",")
    return pc.binary_join_element_wise(pa.scalar("("), joined, pa.scalar("),"), "")


def _mysql_column(raw: Any, values: list[Any], backslash: bool) -> Any:
    """One column's SQL literals, nulls where the value is missing (None, a float's NaN)."""
    import pyarrow as pa
    import pyarrow.compute as pc

    kinds = set(map(type, values)) - {type(None)}
    if kinds <= {str}:
        strings = pa.array(values, pa.string())
        if backslash and pc.any(pc.match_substring_regex(strings, _MYSQL_SPECIAL)).as_py():
            for old, new in _MYSQL_ESCAPES:
                strings = pc.replace_substring(strings, old, new)
        elif not backslash:
            strings = pc.replace_substring(strings, "'", "''")
        return _mysql_quoted(strings)
    typed = typed_text(values, kinds)
    if typed is not None:
        text, quoted = typed
        return _mysql_quoted(text) if quoted else text
    if kinds == {bytes}:
        return pa.array([None if v is None else _MYSQL_LITERAL[bytes](v) for v in values],
                        pa.string())
    return pa.array(mysql_literals(raw, values, backslash), pa.string())  # "NULL" written


def typed_text(values: list[Any], kinds: set[type]) -> tuple[Any, bool] | None:
    """A column whose values (``kinds``: their types, None left out) are all floats, bools,
    ints, naive times or dates, as text by Arrow's casts, nulls where missing (None, a
    float's NaN), and whether SQL quotes it (times, dates); None for any other column or
    integers past 64 bits. The same text both of MariaDB's bulk paths write: the INSERT's
    literals and LOAD DATA's fields (``storage.mysql_load``)."""
    import numpy as np
    import pyarrow as pa
    import pyarrow.compute as pc

    if kinds == {float}:  # NaN, like None, missing
        return pc.cast(pa.array(np.asarray(values, dtype=float), from_pandas=True),
                       pa.string()), False
    if kinds == {bool}:
        return pc.if_else(pa.array(values, pa.bool_()), "1", "0"), False
    if kinds == {int}:
        try:
            return pc.cast(pa.array(values, pa.int64()), pa.string()), False
        except OverflowError:  # beyond 64 bits: the caller's own way
            return None
    if kinds == {datetime} and not any(v.tzinfo for v in values if v is not None):
        return pc.cast(pa.array(values, pa.timestamp("us")), pa.string()), True
    if kinds == {date}:
        return pc.cast(pa.array(values, pa.date32()), pa.string()), True
    return None


def _mysql_quoted(strings: Any) -> Any:
    import pyarrow as pa
    import pyarrow.compute as pc

    return pc.binary_join_element_wise(pa.scalar("'"), strings, pa.scalar("'"), "")


def string_bytes(strings: Any) -> tuple[Any, memoryview]:
    """An Arrow string array's value offsets (this array's own, as an int32 NumPy view) and
    its data buffer's bytes: rows read straight from Arrow, no Python string per row."""
    import numpy as np

    _, offsets_buffer, data = strings.buffers()
    offsets = np.frombuffer(offsets_buffer, dtype=np.int32)[
        strings.offset:strings.offset + len(strings) + 1]
    return offsets, memoryview(data)


def statements(head: bytes, rows: Any, limit: int) -> Iterator[tuple[bytes, int]]:
    """``head`` followed by as many of the ``(...),`` rows as fit in
    ``limit`` bytes (at least one), the last comma dropped; read straight from
    the Arrow array's buffers, and each statement's row count."""
    import numpy as np

    offsets, view = string_bytes(rows)
    start = 0
    while start < len(rows):
        end = int(np.searchsorted(offsets, offsets[start] + limit,
                                  side="right")) - 1
        end = min(len(rows), max(end, start + 1))
        yield head + view[offsets[start]:offsets[end] - 1], end - start
        start = end
