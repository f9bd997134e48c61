"""PostgreSQL's planner as riskdesk wants it (storage.planner, issue 34): a large import on
PostgreSQL leaves the applications' tables analysed in its own transaction, so a scoring run
straight after it does not plan blind; a small load into a large table does not pay for an
ANALYZE; an ANALYZE kept waiting gives way and the load still commits; the other databases
are left alone; riskdesk's connections run without JIT unless someone chose otherwise."""
from __future__ import annotations

import logging
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import Engine, text

from riskdesk.services.intake.applications import import_file
from riskdesk.services.rings import relink
from riskdesk.storage import planner
from riskdesk.storage.engine import make_engine
from riskdesk.storage.session import unit_of_work
from tests.helpers import activate_default, sample, write_csv

# what only PostgreSQL has (a planner's statistics to wait for, JIT): run there alone
ON_POSTGRESQL = pytest.mark.parametrize(
    "server_engine", [pytest.param("postgresql", marks=pytest.mark.server)], indirect=True)


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
    monkeypatch.setattr(planner, "ANALYZE_FROM", 20)  # a large load, at a test's size
    path = write_csv(sample(30, seed=7), tmp_path / "apps.csv")
    if engine.dialect.name == "postgresql":
        assert _stats(engine, "application")[1] == 0  # a new database: nothing sampled yet
    result = import_file(engine, actors["officer"], path=path, score=False)
    assert result.inserted == 30
    if engine.dialect.name != "postgresql":
        return
    for table in ("application", "applicant", "application_features"):
        _assert_sampled_by_us(engine, table)


def _assert_sampled_by_us(engine: Engine, table: str, at_least: int = 1) -> None:
    """``table`` analysed with all its rows counted, at our sample size (a histogram of at
    most 21 bounds: autovacuum's, at the server's target, would have more)."""
    tuples, columns = _stats(engine, table)
    with engine.connect() as conn:
        rows = conn.exec_driver_sql(f"SELECT COUNT(*) FROM {table}").scalar_one()
        bounds = conn.exec_driver_sql(
            "SELECT MAX(array_length(histogram_bounds::text::text[], 1)) FROM pg_stats "
            f"WHERE tablename = '{table}'").scalar_one()
    assert rows >= at_least and tuples == rows and columns > 0, table
    assert bounds is None or bounds <= planner.STATISTICS_TARGET + 1, table


@pytest.mark.parametrize("db_url", [pytest.param("postgresql", marks=pytest.mark.server)],
                         indirect=True)
def test_a_first_scoring_run_analyses_what_it_reads_back(
        engine: Engine, actors: dict, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The link keys before the edges are joined to them, the decisions before the cases and
    the feed records read them back: analysed in the run's transactions, at our sample size
    (not autovacuum's, which would sample at the server's target)."""
    monkeypatch.setattr(planner, "ANALYZE_FROM", 20)
    monkeypatch.setattr(relink, "SQL_FROM", 1)  # the first fill, in SQL, at a test's size
    activate_default(engine, actors)
    analysed: list[str] = []
    real = planner._analyze

    def spy(conn: Any, tables: Any) -> None:
        analysed.extend(tables)
        real(conn, tables)

    monkeypatch.setattr(planner, "_analyze", spy)
    result = import_file(engine, actors["officer"], path=write_csv(
        sample(60, seed=35), tmp_path / "first.csv"))
    assert result.scoring is not None and result.scoring.decisions == 60
    assert {"link_key", "decision_record"} <= set(analysed), analysed
    for table in ("link_key", "decision_record"):
        _assert_sampled_by_us(engine, table, at_least=20)


def _probe(engine: Engine) -> None:
    """A table of 1,000 rows with statistics, which autovacuum leaves alone."""
    with engine.begin() as conn:
        conn.exec_driver_sql("CREATE TABLE stat_probe (id INTEGER PRIMARY KEY, h VARCHAR(40))"
                             + (" WITH (autovacuum_enabled = off)"
                                if engine.dialect.name == "postgresql" else ""))
    load(engine, 1000, 1)
    if engine.dialect.name == "postgresql":
        with engine.begin() as conn:
            conn.exec_driver_sql("ANALYZE stat_probe")
        assert _stats(engine, "stat_probe")[0] == 1000


def load(engine: Engine, rows: int, first: int) -> None:
    with unit_of_work(engine) as session:
        conn = session.connection()
        with planner.analyzed_after(conn, ["stat_probe"], rows_added=rows):
            conn.execute(text("INSERT INTO stat_probe (id, h) VALUES (:i, :h)"),
                         [{"i": i, "h": f"row {i}"} for i in range(first, first + rows)])


def test_a_load_small_for_its_table_is_not_analysed(
        server_engine: Engine, monkeypatch: pytest.MonkeyPatch) -> None:
    """On PostgreSQL a load of a twentieth of its table is left to autovacuum and a fifth is
    analysed with it; on MariaDB the same loads run and nothing else does."""
    monkeypatch.setattr(planner, "ANALYZE_FROM", 1)
    postgresql = server_engine.dialect.name == "postgresql"
    _probe(server_engine)
    load(server_engine, 50, 1001)  # 5 % of the table
    if postgresql:
        assert _stats(server_engine, "stat_probe")[0] == 1000
    load(server_engine, 200, 2001)  # a fifth
    if postgresql:
        assert _stats(server_engine, "stat_probe")[0] == 1250
    with server_engine.connect() as conn:
        assert conn.exec_driver_sql("SELECT COUNT(*) FROM stat_probe").scalar_one() == 1250


@ON_POSTGRESQL
def test_an_analyze_kept_waiting_gives_way_and_the_load_commits(
        server_engine: Engine, monkeypatch: pytest.MonkeyPatch,
        caplog: pytest.LogCaptureFixture) -> None:
    """A VACUUM or another ANALYZE holding the table: ours waits ``ANALYZE_LOCK_WAIT``, is
    rolled back to its savepoint and logged, and the rows commit with the settings as they
    were for the rest of the transaction."""
    monkeypatch.setattr(planner, "ANALYZE_FROM", 1)
    monkeypatch.setattr(planner, "ANALYZE_LOCK_WAIT", "200ms")
    _probe(server_engine)
    with server_engine.connect() as holder:  # the lock VACUUM and ANALYZE take
        holder.exec_driver_sql("LOCK TABLE stat_probe IN SHARE UPDATE EXCLUSIVE MODE")
        with caplog.at_level(logging.WARNING, logger=planner.__name__), \
                unit_of_work(server_engine) as session:
            conn = session.connection()
            with planner.analyzed_after(conn, ["stat_probe"], rows_added=500):
                conn.execute(text("INSERT INTO stat_probe (id, h) VALUES (:i, 'x')"),
                             [{"i": i} for i in range(5001, 5501)])
            assert conn.exec_driver_sql("SHOW lock_timeout").scalar_one() == "0"
        holder.rollback()
    assert "statistics not taken after the load of stat_probe" in caplog.text
    assert "lock timeout" in caplog.text
    assert _stats(server_engine, "stat_probe")[0] == 1000  # not analysed
    with server_engine.connect() as conn:
        assert conn.exec_driver_sql("SELECT COUNT(*) FROM stat_probe").scalar_one() == 1500


@ON_POSTGRESQL
def test_postgresql_connections_run_without_jit_unless_chosen(server_engine: Engine) -> None:
    """Compiling a first run's statements cost more than running them (see storage.planner);
    a client's own choice (``options`` in the URL, as PGOPTIONS would) stands."""
    with server_engine.connect() as conn:
        assert conn.exec_driver_sql("SHOW jit").scalar_one() == "off"
    url = server_engine.url.render_as_string(hide_password=False)
    chosen = make_engine(url + "?options=-c%20jit%3Don%20-c%20statement_timeout%3D1234")
    try:
        with chosen.connect() as conn:
            assert conn.exec_driver_sql("SHOW jit").scalar_one() == "on"
            assert conn.exec_driver_sql("SHOW statement_timeout").scalar_one() == "1234ms"
    finally:
        chosen.dispose()
