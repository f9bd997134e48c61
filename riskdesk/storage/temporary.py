"""Temporary tables a bulk statement joins, on every database (issue 34)."""
from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from sqlalchemy import Connection, Table


@contextmanager
def temporary_table(conn: Connection, table: Table) -> Iterator[Table]:
    """``table`` (declared with the ``TEMPORARY`` prefix: this connection's alone) created
    for the block and dropped after it, inside the caller's transaction.

    MariaDB commits the open transaction on a plain ``DROP TABLE``, even of a temporary
    table (SQLAlchemy's ``Table.drop`` says no more): there it is ``DROP TEMPORARY TABLE``,
    which commits nothing, run before the create too (a copy left on a pooled connection)
    and after the block whatever happens, since MariaDB keeps a temporary table through a
    rollback. PostgreSQL's goes with the transaction that made it, which after a failed
    statement accepts no DROP. A failing drop after a failed block never hides the block's
    error."""
    mysql = conn.dialect.name in ("mysql", "mariadb")
    if mysql:
        _drop(conn, table)
    table.create(conn)
    try:
        yield table
    except BaseException:
        if conn.dialect.name != "postgresql":
            try:
                _drop(conn, table)
            except Exception:  # the block's error is the one to report
                pass
        raise
    _drop(conn, table)


def _drop(conn: Connection, table: Table) -> None:
    if conn.dialect.name in ("mysql", "mariadb"):
        name = conn.dialect.identifier_preparer.format_table(table)
        conn.exec_driver_sql(f"DROP TEMPORARY TABLE IF EXISTS {name}")
    else:
        table.drop(conn)
