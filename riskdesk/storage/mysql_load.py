"""MariaDB's bulk path by ``LOAD DATA LOCAL INFILE`` served from memory (issue 34).

The rows of one chunk are written in LOAD DATA's text format (tab between fields, a newline
after each row, ``\\N`` for NULL, backslash escapes for backslash, NUL, tab, newline and
carriage return; bytes as hex text through ``SET col = UNHEX(@var)``) by Arrow's kernels,
and the server reads them as if from a client file: no SQL to parse.

The bytes never touch the disk (they are personal data): the driver's file sender
(``pymysql.connections._send_local_file``) is replaced, once, by :func:`_send_registered`,
which serves only a buffer this module registered for that very connection under a random
name for the one statement, and refuses every other name a server asks for. That closes
the well-known hole of ``local_infile`` (a server asking a client for any file it can read).

LOAD DATA LOCAL turns duplicate keys and conversion errors into warnings and skips the rows
(as IGNORE would): after each load the affected rows are compared with the rows sent and
any warning is raised as the INSERT would have raised it (IntegrityError or DataError), so
the unit of work rolls back and the file is written whole or not at all."""
from __future__ import annotations

import contextlib
import re
import secrets
import threading
import weakref
from collections.abc import Sequence
from decimal import Decimal
from typing import Any

from riskdesk.storage.mysql_literals import string_bytes, typed_text

LOAD_ROWS = 5_000  # fewer rows: a multi-row INSERT
MAX_ERRORS = 65_535  # the server's largest max_error_count (and a load's count is 16 bits)
PACKET = 1024 * 1024  # the data goes in packets of this size (pymysql's own sender: 16 KiB)
_INTEGRITY = {1048, 1062, 1263, 1364, 1451, 1452, 1557, 1586}  # NULL, duplicate, foreign key
_BUFFERS: weakref.WeakKeyDictionary[Any, tuple[bytes, memoryview]] = \
    weakref.WeakKeyDictionary()
_LOCK = threading.Lock()
_ESCAPES = [("\\", "\\\\"), ("\0", "\\0"), ("\t", "\\t"), ("\n", "\\n"), ("\r", "\\r")]
_SPECIAL = "[\\\\\\x00\\t\\n\\r]"


def install() -> bool:
    """The driver's file sender replaced by :func:`_send_registered` (idempotent). False
    unless the replacement demonstrably takes effect (the driver's LOAD LOCAL handler looks
    the sender up by that name in the module replaced): then the client must not allow LOAD
    DATA LOCAL at all (no ``local_infile`` in the connect arguments). Fails closed."""
    try:
        import pymysql.connections as connections
    except ImportError:
        return False
    current = getattr(connections, "_send_local_file", None)
    handler = getattr(getattr(connections, "MySQLResult", None), "_read_load_local_packet",
                      None)
    code = getattr(handler, "__code__", None)
    if current is None or code is None or "_send_local_file" not in code.co_names or \
            getattr(handler, "__globals__", None) is not vars(connections):
        return False
    if current is not _send_registered:
        connections._send_local_file = _send_registered
    return True


def _send_registered(filename: bytes | str, conn: Any) -> None:
    """The driver's sender: the buffer registered for ``conn`` under exactly this name, in
    packets; any other name is refused (the driver then ends the data, empty, so the server
    loads nothing, and this error is raised)."""
    from pymysql import err

    name = filename.encode() if isinstance(filename, str) else bytes(filename)
    with _LOCK:
        registered = _BUFFERS.get(conn)
    if registered is None or not secrets.compare_digest(registered[0], name):
        raise err.OperationalError(
            2068, f"refused: the server asked for a client file ({name[:80]!r}) that riskdesk "
                  "did not offer")
    data = registered[1]
    size = max(1024, min(PACKET, conn.max_allowed_packet - 1024))
    for start in range(0, len(data), size):
        conn.write_packet(data[start:start + size])


def usable(raw: Any, rows: int) -> bool:
    """Can this bulk write of ``rows`` rows go by LOAD DATA LOCAL: enough rows, a connection
    made with ``local_infile`` and the sender installed, a server that allows it."""
    if rows < LOAD_ROWS or not getattr(raw, "_local_infile", False) or not install():
        return False
    with raw.cursor() as cursor:
        cursor.execute("SELECT @@local_infile")
        row = cursor.fetchone()
    return bool(row and int(row[0]))


def statement(prep: Any, target: str, names: Sequence[str],
              columns: Sequence[Sequence[Any]]) -> tuple[str, memoryview] | None:
    """The LOAD DATA statement (for a buffer named ``{name}``) and the rows' text for one
    chunk; None if a column holds values this cannot write exactly (the chunk then goes by
    INSERT)."""
    import pyarrow as pa
    import pyarrow.compute as pc

    fields, targets, sets = [], [], []
    for k, (name, values) in enumerate(zip(names, columns, strict=True)):
        text = _column_text(list(values))
        if text is None:
            return None
        column, hexed = text
        fields.append(pc.fill_null(column, "\\N"))
        if hexed:
            targets.append(f"@v{k}")
            sets.append(f"{prep.quote(name)} = UNHEX(@v{k})")
        else:
            targets.append(prep.quote(name))
    joined = fields[0] if len(fields) == 1 else pc.binary_join_element_wise(*fields, "\t")
    rows = pc.binary_join_element_wise(joined, pa.scalar("\n"), "")
    offsets, data = string_bytes(rows)
    sql = (f"LOAD DATA LOCAL INFILE '{{name}}' INTO TABLE {target} CHARACTER SET utf8mb4 "
           "FIELDS TERMINATED BY X'09' ENCLOSED BY '' ESCAPED BY X'5C' "
           f"LINES TERMINATED BY X'0A' ({', '.join(targets)})"
           + (f" SET {', '.join(sets)}" if sets else ""))
    return sql, data[int(offsets[0]):int(offsets[-1])]


def _column_text(values: list[Any]) -> tuple[Any, bool] | None:
    """One column as LOAD DATA text (nulls where missing) and whether it is hex for UNHEX."""
    import pyarrow as pa
    import pyarrow.compute as pc

    kinds = set(map(type, values)) - {type(None)}
    if kinds <= {str}:
        strings = pa.array(values, pa.string())
        if pc.any(pc.match_substring_regex(strings, _SPECIAL)).as_py():
            for old, new in _ESCAPES:
                strings = pc.replace_substring(strings, old, new)
        return strings, False
    typed = typed_text(values, kinds)
    if typed is not None:
        return typed[0], False  # as the INSERT writes them, unquoted
    if kinds == {int}:  # past 64 bits
        return None
    if kinds == {bytes}:
        return pa.array([None if v is None else v.hex() for v in values], pa.string()), True
    if kinds == {Decimal} and all(v is None or v.is_finite() for v in values):
        return pa.array([None if v is None else str(v) for v in values], pa.string()), False
    return None


def load(cursor: Any, sql: str, data: memoryview, rows: int, ids: list[int] | None) -> None:
    """One LOAD DATA of ``rows`` rows from ``data``, registered for this connection alone
    under a fresh random name while the statement runs. A row skipped or a warning: the
    error the INSERT would have raised (the first warning's text). Notes alone (a decimal
    rounded to its column's scale) pass, as they pass an INSERT: so that SHOW WARNINGS lists
    them all (64 by default), the session's ``max_error_count`` is raised for the load and
    set back after it, and the ``@v{k}`` variables (the last row's bytes: personal data)
    set to NULL, in this job, whatever happens (a connection that cannot be set back is
    closed, never pooled so)."""
    cursor.execute("SELECT @@SESSION.max_error_count")
    before = int(cursor.fetchone()[0])
    reset = ", ".join([f"SESSION max_error_count = {before}",
                       *(f"{v} = NULL" for v in sorted(set(re.findall(r"@v\d+", sql))))])
    cursor.execute(f"SET SESSION max_error_count = {max(before, MAX_ERRORS)}")
    failed = True
    try:
        _load(cursor, sql, data, rows, ids)
        failed = False
    finally:
        try:
            cursor.execute(f"SET {reset}")
        except Exception:
            if not failed:  # else the load's own error is the one raised
                raise
            with contextlib.suppress(Exception):
                cursor.connection.close()


def _load(cursor: Any, sql: str, data: memoryview, rows: int, ids: list[int] | None) -> None:
    from pymysql import err

    conn = cursor.connection
    name = f"riskdesk-{secrets.token_hex(16)}"
    with _LOCK:
        _BUFFERS[conn] = (name.encode(), data)
    try:
        cursor.execute(sql.replace("{name}", name))
    finally:
        with _LOCK:
            _BUFFERS.pop(conn, None)
    loaded, count = cursor.rowcount, cursor.warning_count
    if loaded != rows or count:
        cursor.execute("SHOW WARNINGS")
        warnings = list(cursor.fetchall())
        serious = [w for w in warnings if w[0] != "Note"]
        # notes alone pass, as by INSERT, if all were listed (the count stops at 65,535)
        if loaded != rows or serious or len(warnings) < count or count >= MAX_ERRORS:
            first = (serious or warnings or [("", 0, "no warning")])[0]
            code, text = int(first[1]), f"{first[2]} (LOAD DATA: {loaded} of {rows} rows loaded)"
            raise (err.IntegrityError if code in _INTEGRITY else err.DataError)(code, text)
    if ids is not None:  # the load's first id (not in its OK packet, unlike an INSERT's)
        cursor.execute("SELECT LAST_INSERT_ID()")
        first_id = int(cursor.fetchone()[0])
        ids.extend(range(first_id, first_id + rows))
