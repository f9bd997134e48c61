"""riskdesk bench queue, measured through the queue's Qt model."""
from __future__ import annotations

import os
from pathlib import Path
from typing import Any

import pytest

from riskdesk.ui.bench_queue import bench_queue
from tests.conftest import SERVERS, unavailable


def test_bench_queue_builds_once_and_measures_every_operation(qapp: Any, tmp_path: Path) -> None:
    # qapp first: the bench makes a bare QCoreApplication when none exists, and a test
    # process that later builds widgets needs the QApplication.
    first = bench_queue(3000, workdir=tmp_path)
    assert "built in" in first
    for operation in ("All sorted by PD: first page", "My cases: last page",
                      "status new + band decline: count", "counts of all six saved views",
                      "find by exact ID number", "name-prefix search", "peak memory"):
        assert operation in first
    assert "ID search found 1 case(s)" in first
    again = bench_queue(3000, workdir=tmp_path)
    assert "reusing the database" in again


@pytest.mark.parametrize("kind", [pytest.param("postgresql", marks=pytest.mark.server),
                                  pytest.param("mariadb", marks=pytest.mark.server)])
def test_bench_queue_on_a_server_builds_its_database_once(qapp: Any, kind: str) -> None:
    """``bench queue --db URL`` (issue 34): the database built on the server through the bulk
    path, named for its size and schema, measured through the same Qt model, then reused."""
    from riskdesk.bench import queue_server, servers

    url, rows = SERVERS[kind], 1000 + os.getpid() % 997  # not another run's database
    name = queue_server.database_name(rows)
    try:
        if servers.exists(url, name):
            servers.drop(url, name)
    except Exception as exc:  # noqa: BLE001 - any connection failure means "no server"
        unavailable(kind, exc)
    try:
        first = bench_queue(rows, db=url)
        label = "PostgreSQL" if kind == "postgresql" else "MariaDB"
        assert first.splitlines()[0].startswith(f"bench queue: {rows:,} cases on {label}")
        assert f"built {name} in" in first
        measured = [line for line in first.splitlines() if " ms cold " in line]
        assert len(measured) == 18 and all(line.endswith(("ok", "OVER 100 ms"))
                                           for line in measured)
        assert "ID search found 1 case(s)" in first
        again = bench_queue(rows, db=url)
        assert f"reusing the database {name} built earlier" in again
    finally:
        servers.drop(url, name)
