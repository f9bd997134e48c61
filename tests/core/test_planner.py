"""PostgreSQL's planner as riskdesk wants it (storage.planner, issue 34): a large import on
PostgreSQL leaves the applications' tables analysed in its own transaction, so a scoring run
straight after it does not plan blind; a small load into a large table does not pay for an
ANALYZE; the other databases are left alone; riskdesk's connections run without JIT."""
from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import Engine, text

from riskdesk.services.intake.applications import import_file
from riskdesk.storage import planner as statistics
from riskdesk.storage.planner import connect_options
from riskdesk.storage.session import unit_of_work
from tests.helpers import sample, write_csv


def _stats(engine: Engine, table: str) -> tuple[float, int]:
    """``reltuples`` and how many columns have statistics."""
    with engine.connect() as conn:
        tuples = conn.execute(text("SELECT reltuples FROM pg_class WHERE relname = :t "
                                   "AND relkind = 'r'"), {"t": table}).scalar_one()
        columns = conn.execute(text("SELECT COUNT(*) FROM pg_stats WHERE tablename = :t"),
                               {"t": table}).scalar_one()
    return float(tuples), int(columns)


def test_an_import_leaves_its_tables_analysed_on_postgresql(
        engine: Engine, actors: dict, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(statistics, "ANALYZE_FROM", 20)  # a large load, at a test's size
    path = write_csv(sample(30, seed=7), tmp_path / "apps.csv")
    if engine.dialect.name == "postgresql":
        assert _stats(engine, "application")[1] == 0  # a new database: nothing sampled yet
    result = import_file(engine, actors["officer"], path=path, score=False)
    assert result.inserted == 30
    if engine.dialect.name != "postgresql":
        return
    for table in ("application", "applicant", "application_features"):
        tuples, columns = _stats(engine, table)
        with engine.connect() as conn:
            rows = conn.exec_driver_sql(f"SELECT COUNT(*) FROM {table}").scalar_one()
        assert tuples == rows > 0 and columns > 0, table


def test_a_load_small_for_its_table_is_not_analysed(
        server_engine: Engine, monkeypatch: pytest.MonkeyPatch) -> None:
    """On PostgreSQL a load of a twentieth of its table is left to autovacuum and a fifth is
    analysed with it; on MariaDB the same loads run and nothing else does."""
    monkeypatch.setattr(statistics, "ANALYZE_FROM", 1)
    postgresql = server_engine.dialect.name == "postgresql"
    with server_engine.begin() as conn:
        conn.exec_driver_sql("CREATE TABLE stat_probe (id INTEGER PRIMARY KEY, h VARCHAR(40))")
    load(server_engine, 1000, 1)
    if postgresql:
        with server_engine.begin() as conn:
            conn.exec_driver_sql("ANALYZE stat_probe")
        assert _stats(server_engine, "stat_probe")[0] == 1000
    load(server_engine, 50, 1001)  # 5 % of the table
    if postgresql:
        assert _stats(server_engine, "stat_probe")[0] == 1000
    load(server_engine, 200, 2001)  # a fifth
    if postgresql:
        assert _stats(server_engine, "stat_probe")[0] == 1250
    with server_engine.connect() as conn:
        assert conn.exec_driver_sql("SELECT COUNT(*) FROM stat_probe").scalar_one() == 1250


def load(engine: Engine, rows: int, first: int) -> None:
    with unit_of_work(engine) as session:
        conn = session.connection()
        with statistics.analyzed_after(conn, ["stat_probe"], rows_added=rows):
            conn.execute(text("INSERT INTO stat_probe (id, h) VALUES (:i, :h)"),
                         [{"i": i, "h": f"row {i}"} for i in range(first, first + rows)])


def test_postgresql_connections_run_without_jit(server_engine: Engine) -> None:
    """Compiling a first run's statements cost more than running them (see storage.planner);
    MariaDB has no JIT."""
    if server_engine.dialect.name == "postgresql":
        with server_engine.connect() as conn:
            assert conn.exec_driver_sql("SHOW jit").scalar_one() == "off"
    assert connect_options(None) == "-c jit=off"
    assert connect_options("-c search_path=risk") == "-c search_path=risk -c jit=off"
