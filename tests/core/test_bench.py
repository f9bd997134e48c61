"""The benchmarks run end to end on tiny sizes (their numbers are for the issue notes, never
asserted here): a bench that no longer runs would go unnoticed until someone needs it."""
from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest


def test_bench_report_runs_on_a_small_month(tmp_path: Path) -> None:
    from riskdesk.bench.pipeline import bench_report

    out = bench_report(1500, workdir=tmp_path)
    assert "over 1,500 applications" in out and "riskdesk report monthly" in out


def test_bench_monitor_runs_every_rule_on_a_small_book(tmp_path: Path) -> None:
    from riskdesk.bench.monitor import bench_monitor

    out = bench_monitor(3000, workdir=tmp_path)
    assert "built in" in out and "loans/s" in out
    assert "second run the same day" in out and "(0 new alerts, 0 cases)" in out
    for code in ("DPD", "PROCEEDS_OUT", "BANNED_USE", "OTHER_CREDIT", "ROUND_TRIP"):
        assert f"  {code}: " in out  # the book carries each pattern
    again = bench_monitor(3000, workdir=tmp_path)  # reused, and measured as a first run again
    assert "reusing the book" in again and "cases opened" in again


@pytest.mark.server
def test_bench_concurrency_loses_nothing(tmp_path: Path) -> None:
    from riskdesk.bench.concurrency import bench_concurrency

    out = bench_concurrency(3, seconds=2, rows=1500)  # a few hundred open cases are enough
    assert "actions/s" in out and "p95" in out
    assert "errors    : 0" in out and "lost      : 0 decision(s)" in out
    assert "audit chain verified" in out


def test_bench_import_measures_both_sides_in_fresh_processes(tmp_path: Path) -> None:
    from riskdesk.bench.pipeline import bench_import

    out = bench_import(300, workdir=tmp_path)
    lines = out.splitlines()
    assert lines[0].startswith("bench import: 300 rows")
    ours = float(lines[1].split(":")[1].split("s")[0])
    floor = float(lines[2].split(":")[1].split("s")[0])
    ratio = float(lines[3].split(":")[1].split("(")[0])
    assert ours > 0 and floor > 0.005
    # the printed times are rounded to 10 ms: the ratio lies within what they allow
    assert (ours - 0.005) / (floor + 0.005) - 0.01 <= ratio <= (ours + 0.005) / (floor - 0.005)
    alone = float(lines[4].split(":")[1].split("s")[0])
    alone_ratio = float(lines[4].split("s", 1)[1].split("x")[0].split()[-1])
    assert lines[4].lstrip().startswith("write alone")  # it checks it wrote every row
    # The write alone is part of what our import does, and its ratio is to the same floor.
    assert 0 <= alone <= ours
    assert (alone - 0.005) / (floor + 0.005) - 0.01 <= alone_ratio <= \
        (alone + 0.005) / (floor - 0.005) + 0.01
    stages = lines[5].split(":", 1)[1].split(";")
    assert [s.strip().rsplit(" ", 2)[0] for s in stages][:4] == [
        "Reading applications.csv", "Checking 300 rows", "Comparing with stored applications",
        "Writing applications"]
    assert sum(float(s.strip().rsplit(" ", 2)[1]) for s in stages) == pytest.approx(ours, abs=0.05)
    assert list(tmp_path.iterdir()) == []  # the work folder is cleaned up


def _server_databases(kind: str) -> set[str]:
    from sqlalchemy import create_engine, text

    from tests.conftest import SERVERS, unavailable

    sql = ("SELECT datname FROM pg_database" if kind == "postgresql"
           else "SELECT schema_name FROM information_schema.schemata")
    engine = create_engine(SERVERS[kind])
    try:
        with engine.connect() as conn:
            return {str(r[0]) for r in conn.execute(text(sql))}
    except Exception as exc:  # noqa: BLE001 - any connection failure means "no server"
        unavailable(kind, exc)
        raise
    finally:
        engine.dispose()


@pytest.mark.parametrize("bench", ["import", "score"])
@pytest.mark.parametrize("kind", [pytest.param("postgresql", marks=pytest.mark.server),
                                  pytest.param("mariadb", marks=pytest.mark.server)])
def test_bench_on_a_server_ends_with_the_ratio_to_sqlite(
        kind: str, bench: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """``bench import|score --db URL`` (issue 34): the same work on a database of its own on
    the server and on a fresh SQLite file; the last line is the server's time over SQLite's;
    the server's database is dropped after."""
    from riskdesk.bench import pipeline, servers
    from tests.conftest import SERVERS

    _server_databases(kind)  # reachable (or skipped; failed with CI=true)
    made: list[str] = []

    @contextmanager
    def scratch(url: str) -> Iterator[str]:
        with servers.scratch_database(url) as one:
            made.append(one.rsplit("/", 1)[1].split("?")[0])
            yield one

    monkeypatch.setattr(pipeline, "scratch_database", scratch)
    run = pipeline.bench_import if bench == "import" else pipeline.bench_score
    out = run(200, workdir=tmp_path, db=SERVERS[kind])
    lines = out.splitlines()
    label = "PostgreSQL" if kind == "postgresql" else "MariaDB"
    assert f" on {label} (" in lines[0] and "dropped after" in lines[0]
    verb = f"riskdesk {bench}"
    server = float(next(x for x in lines if f"{verb}, {label}" in x).split(":")[1].split("s")[0])
    sqlite = float(next(x for x in lines if f"{verb}, SQLite" in x).split(":")[1].split("s")[0])
    assert lines[-1].startswith("ratio to SQLite: ")
    ratio = float(lines[-1].split(":")[1])
    assert server > 0 and sqlite > 0.005
    assert (server - 0.005) / (sqlite + 0.005) - 0.01 <= ratio <= \
        (server + 0.005) / (sqlite - 0.005) + 0.01
    assert len(made) == 1 and made[0] not in _server_databases(kind)  # dropped after
    assert list(tmp_path.iterdir()) == []


def test_bench_rings_builds_once_and_times_the_build_and_an_update(tmp_path: Path) -> None:
    """``bench rings`` (issue 33) on a small file: the imported database built once and
    reused; the build and the 10,000-row update each timed, wall and CPU."""
    from riskdesk.bench.rings import bench_rings

    first = bench_rings(2000, workdir=tmp_path)
    assert "built in" in first
    build = next(x for x in first.splitlines() if x.startswith("build: 2,000 applications, "))
    links = int(build.split(", ")[1].split(" ")[0].replace(",", ""))
    assert links >= 2 * 2000  # about three keys an application
    update = first.splitlines()[-1]
    assert update.startswith("update: 10,000 new applications, ") and "(goal 2 s)" in update
    wall = float(update.split(" in ")[1].split(" s wall")[0])
    commit = float(update.split("its commit ")[1].split(" s)")[0])
    assert 0 <= commit <= wall
    again = bench_rings(2000, workdir=tmp_path)
    assert "reusing the imported database" in again
