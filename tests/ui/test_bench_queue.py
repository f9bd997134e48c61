"""riskdesk bench queue, measured through the queue's Qt model."""
from __future__ import annotations

from pathlib import Path
from typing import Any

from riskdesk.ui.bench_queue import bench_queue


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
