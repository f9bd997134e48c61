"""Benchmark databases on a server: ``--db URL`` names the server (and a database there to
connect through); the benchmark makes its own database next to it, so a bench never writes
into a database somebody works in, and drops it afterwards (the queue bench keeps its one,
named for its size and schema, to reuse it as the SQLite bench reuses its file)."""
from __future__ import annotations

import uuid
from collections.abc import Iterator
from contextlib import contextmanager

from sqlalchemy import create_engine, text

from riskdesk.storage.engine import normalise_url


def is_postgresql(url: str) -> bool:
    return normalise_url(url).get_backend_name() == "postgresql"


def kind_label(url: str) -> str:
    """The server's kind as the bench output names it."""
    return "PostgreSQL" if is_postgresql(url) else "MariaDB"


def database_url(url: str, name: str) -> str:
    """``url`` pointing at database ``name`` on the same server."""
    return normalise_url(url).set(database=name).render_as_string(hide_password=False)


def _on_server(url: str, statement: str) -> list[tuple[object, ...]]:
    admin = create_engine(normalise_url(url), isolation_level="AUTOCOMMIT")
    try:
        with admin.connect() as conn:
            result = conn.execute(text(statement))
            return [tuple(r) for r in result.fetchall()] if result.returns_rows else []
    finally:
        admin.dispose()


def exists(url: str, name: str) -> bool:
    if is_postgresql(url):
        sql = f"SELECT 1 FROM pg_database WHERE datname = '{name}'"
    else:
        sql = f"SELECT 1 FROM information_schema.schemata WHERE schema_name = '{name}'"
    return bool(_on_server(url, sql))


def create(url: str, name: str) -> str:
    """A new empty database ``name`` on ``url``'s server; its URL."""
    _on_server(url, f'CREATE DATABASE "{name}"' if is_postgresql(url) else
               f"CREATE DATABASE `{name}` CHARACTER SET utf8mb4")
    return database_url(url, name)


def drop(url: str, name: str) -> None:
    _on_server(url, f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)' if is_postgresql(url)
               else f"DROP DATABASE IF EXISTS `{name}`")


@contextmanager
def scratch_database(url: str, prefix: str = "rd_bench") -> Iterator[str]:
    """A uniquely named database on ``url``'s server for one bench run, dropped after it."""
    name = f"{prefix}_{uuid.uuid4().hex[:10]}"
    made = create(url, name)
    try:
        yield made
    finally:
        drop(url, name)
