"""``bench queue --db URL``: the queue database on a PostgreSQL or MariaDB server (issue 34).

Built once per size and schema, as the SQLite bench builds its file, in a database named for
both (``rd_bench_queue_<rows>_<schema>``), and reused while it is complete. The rows are the
SQLite bench's own (:func:`riskdesk.bench.queue._write_chunk`, the same generator and seed),
handed to the bulk path every import uses (``storage.bulk.insert_columns``: COPY on
PostgreSQL, multi-row INSERTs on MariaDB); the secondary indexes are built after the rows.
"""
from __future__ import annotations

import multiprocessing
import re
import sys
import time
from collections.abc import Iterable, Sequence
from typing import Any

from riskdesk.bench import servers
from riskdesk.bench.queue import CHUNK, NOW, OFFICERS, done_mark

_INSERT = re.compile(r"INSERT INTO (\w+) \((.*?)\) VALUES \((.*)\)", re.S)
QUEUE_TABLES = ("applicant", "application", "review_case")


def database_name(rows: int) -> str:
    from riskdesk.storage.migrate import head_revision

    return f"rd_bench_queue_{rows}_{re.sub(r'[^0-9a-z]', '', head_revision().lower())}"[:63]


def is_complete(url: str) -> bool:
    from sqlalchemy import text

    from riskdesk.storage.engine import make_engine

    engine = make_engine(url)
    try:
        with engine.connect() as conn:
            return conn.execute(text("SELECT 1 FROM import_batch WHERE file_name = :n"),
                                {"n": done_mark()}).first() is not None
    except Exception:  # noqa: BLE001 - half-built, or not migrated: build again
        return False
    finally:
        engine.dispose()


def build_once(db: str, rows: int, lines: list[str]) -> str:
    """The queue database's URL on ``db``'s server, built in a child process unless a
    complete one for this size and schema is there."""
    name = database_name(rows)
    url = servers.database_url(db, name)
    if servers.exists(db, name) and is_complete(url):
        lines.append(f"reusing the database {name} built earlier")
        return url
    servers.drop(db, name)
    servers.create(db, name)
    start = time.perf_counter()
    child = multiprocessing.get_context("spawn").Process(target=build, args=(url, rows))
    child.start()
    child.join()
    if child.exitcode != 0:
        raise SystemExit(f"building {name} failed (exit code {child.exitcode})")
    lines.append(f"built {name} in {time.perf_counter() - start:.0f} s")
    return url


class _BulkWriter:
    """Takes the SQLite builder's ``executemany(INSERT ..., rows)`` and writes the rows by the
    bulk path: ``?`` marks take the row's values in order, the constants written in the
    statement become columns of one value."""

    def __init__(self, conn: Any) -> None:
        self.conn = conn

    def executemany(self, sql: str, rows: Iterable[Sequence[Any]]) -> None:
        from sqlmodel import SQLModel

        import riskdesk.domain.schema  # noqa: F401 - every table in the metadata
        from riskdesk.storage.bulk import insert_columns

        match = _INSERT.fullmatch(sql.strip())
        assert match is not None, sql
        table, names, values = match.groups()
        names_l = [n.strip() for n in names.split(",")]
        values_l = [v.strip() for v in values.split(",")]
        data = list(rows)
        columns: dict[str, list[Any]] = {}
        marks = 0
        for name, value in zip(names_l, values_l, strict=True):
            if value == "?":
                columns[name] = [r[marks] for r in data]
                marks += 1
            else:
                columns[name] = [_constant(value)] * len(data)
        insert_columns(self.conn, SQLModel.metadata.tables[table], columns)


def _constant(token: str) -> Any:
    if token.startswith("'"):
        return token[1:-1].replace("''", "'")
    return float(token) if "." in token else int(token)


def build(url: str, rows: int) -> None:
    """Schema by the migrations, users by the service, the rows by the bulk path with the
    queue tables' secondary indexes dropped first and built after (sorted builds)."""
    import numpy as np
    from sqlalchemy import text

    from riskdesk.bench.queue import _write_chunk
    from riskdesk.demo.frame import _id_numbers, _names
    from riskdesk.domain.enums import Role
    from riskdesk.security.datakey import load_cipher
    from riskdesk.services.actor import Actor
    from riskdesk.services.admin.users import create_user
    from riskdesk.storage import migrate
    from riskdesk.storage.engine import make_engine
    from riskdesk.storage.session import unit_of_work

    engine = make_engine(url)
    migrate.upgrade(engine)
    with unit_of_work(engine) as session:
        admin = create_user(session, None, username="bench-admin", password="bench-password",
                            roles=["admin"])
        actor = Actor(admin.id or 0, "bench-admin", frozenset({Role.ADMIN}))
        for i in range(1, OFFICERS + 1):
            create_user(session, actor, username=f"officer{i:02d}", password="bench-password",
                        roles=["officer"])
        cipher = load_cipher(session)
    stamp = NOW.strftime("%Y-%m-%d %H:%M:%S")
    with engine.connect() as conn:
        officer_ids = [r[0] for r in conn.execute(text(
            "SELECT id FROM app_user WHERE username LIKE :p ORDER BY id"), {"p": "officer%"})]
        indexes = _drop_indexes(conn)
        batch = _batch_row(conn, "bench-queue", rows, stamp)
        conn.commit()
        writer = _BulkWriter(conn)
        rng = np.random.default_rng(20261124)
        all_ids = _id_numbers(rng, rows)
        for start in range(0, rows, CHUNK):
            n = min(CHUNK, rows - start)
            _write_chunk(writer, cipher, rng, start, n, all_ids[start:start + n],  # type: ignore[arg-type]
                         _names(rng, n), officer_ids, batch, stamp)
            conn.commit()
            print(f"  built {start + n:,} / {rows:,} cases", file=sys.stderr, flush=True)
        for name, sql in indexes:
            conn.exec_driver_sql(sql)
            conn.commit()
            print(f"  index {name}", file=sys.stderr, flush=True)
        _after_build(conn, rows)
        _batch_row(conn, done_mark(), 0, stamp)
        conn.commit()
    engine.dispose()


def _after_build(conn: Any, rows: int) -> None:
    """Sequences past the ids written, the queue's tallies, fresh planner statistics (and on
    PostgreSQL the visibility map)."""
    from riskdesk.services.cases import tally

    postgresql = conn.dialect.name == "postgresql"
    if postgresql:
        for table in QUEUE_TABLES:
            conn.exec_driver_sql(f"SELECT setval(pg_get_serial_sequence('{table}', 'id'), "
                                 f"{rows})")
    else:
        for table in QUEUE_TABLES:
            conn.exec_driver_sql(f"ALTER TABLE {table} AUTO_INCREMENT = {rows + 1}")
    for sql in getattr(tally, "RECOUNT_SQL", []):
        conn.exec_driver_sql(sql.replace("is_open = 1", "is_open = TRUE"))
    conn.commit()
    if postgresql:
        # VACUUM as well: a bulk load leaves the visibility map unset, so every index-only
        # count fetched its rows from the heap (the six view counts: 3.4 s at 10 million,
        # 52-109 ms after) until autovacuum came round, as it does on a bank's server
        conn.commit()
        conn.execution_options(isolation_level="AUTOCOMMIT")  # VACUUM: outside a transaction
        for table in QUEUE_TABLES:
            conn.exec_driver_sql(f"VACUUM (ANALYZE) {table}")
        conn.commit()
        conn.execution_options(isolation_level=conn.default_isolation_level)
        return
    for table in QUEUE_TABLES:
        conn.exec_driver_sql(f"ANALYZE TABLE {table}")
    conn.commit()


def _drop_indexes(conn: Any) -> list[tuple[str, str]]:
    """The queue tables' secondary (non-unique) indexes dropped; each one's name and the
    statement that builds it again."""
    names = ", ".join(f"'{t}'" for t in QUEUE_TABLES)
    if conn.dialect.name == "postgresql":
        found = [(str(n), str(sql)) for n, sql in conn.exec_driver_sql(
            "SELECT i.relname, pg_get_indexdef(x.indexrelid) FROM pg_index x "
            "JOIN pg_class i ON i.oid = x.indexrelid JOIN pg_class t ON t.oid = x.indrelid "
            "WHERE t.relnamespace = current_schema()::regnamespace AND NOT x.indisunique "
            f"AND t.relname IN ({names})")]
        for name, _ in found:
            conn.exec_driver_sql(f'DROP INDEX "{name}"')
        return found
    columns: dict[tuple[str, str], list[str]] = {}
    for table, name, column in conn.exec_driver_sql(
            "SELECT table_name, index_name, column_name FROM information_schema.statistics "
            f"WHERE table_schema = DATABASE() AND non_unique = 1 AND table_name IN ({names}) "
            "ORDER BY table_name, index_name, seq_in_index"):
        columns.setdefault((str(table), str(name)), []).append(f"`{column}`")
    made = []
    for (table, name), cols in columns.items():
        try:
            conn.exec_driver_sql(f"ALTER TABLE `{table}` DROP INDEX `{name}`")
        except Exception:  # noqa: BLE001 - an index a foreign key needs stays
            conn.rollback()
            continue
        made.append((name, f"ALTER TABLE `{table}` ADD INDEX `{name}` ({', '.join(cols)})"))
    return made


def _batch_row(conn: Any, name: str, rows: int, stamp: str) -> int:
    from sqlalchemy import text

    conn.execute(text(
        "INSERT INTO import_batch (file_name, sha256, rows_total, rows_inserted, rows_present, "
        "rows_conflict, rows_rejected, username, started_at, finished_at, outcome, message) "
        "VALUES (:n, :s, :r, :r, 0, 0, 0, 'bench-admin', :t, :t, 'imported', '')"),
        {"n": name, "s": "0" * 64, "r": rows, "t": stamp})
    return int(conn.execute(text("SELECT max(id) FROM import_batch")).scalar_one())
