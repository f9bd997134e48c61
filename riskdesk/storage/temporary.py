"""Temporary tables a bulk statement joins, on every database (issue 34)."""
from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from sqlalchemy import Connection, Table


@contextmanager
def temporary_table(conn: Connection, table: Table) -> Iterator[Table]:
    """``table`` (declared with the ``TEMPORARY`` prefix: this connection's alone) created
    for the block and dropped after it. MariaDB keeps a temporary table through a rollback
    (creating and dropping one commits nothing), so it is dropped whatever happens;
    PostgreSQL's goes with the transaction that made it, which after a failed statement
    accepts no DROP (the DROP's error would replace the statement's)."""
    table.create(conn)
    try:
        yield table
    except BaseException:
        if conn.dialect.name != "postgresql":
            table.drop(conn)
        raise
    table.drop(conn)
