"""``riskdesk bench rings --rows N``: the fraud-ring link store at scale (issue 33).

A SQLite file gets N demo applications (not timed), a hundredth of them in rings that share
devices, phones and employers, all within the 90-day window. That import takes many minutes at
a million, so the imported file is built once per size and schema (in a child process, under
the user cache folder or ``--workdir``, as ``bench queue`` does) and copied for each run: every
timed build starts from the same state. Then two figures, each as wall and process CPU time:

- build: ``rings rebuild``'s work: the link store emptied and filled from all N applications,
  every component computed and the rings kept with their cases (goal: 60 s at a million);
- update: a further 10,000-row import's links and the rings they touch, as the scoring job
  does it after an import (goal: 2 s).
"""
from __future__ import annotations

import os
import shutil
import sqlite3
import tempfile
import time
from contextlib import closing
from datetime import datetime, timedelta
from pathlib import Path

import numpy as np
import pandas as pd
from sqlalchemy import select

from riskdesk.bench.pipeline import _bench_database
from riskdesk.bench.queue import _batch_row, build_once, default_path, done_mark, is_complete
from riskdesk.demo.frame import demo_frame
from riskdesk.domain.applications import Application
from riskdesk.domain.tables import table_of
from riskdesk.services.admin.users import sign_in
from riskdesk.services.credit.rulesets import current_rule_set
from riskdesk.services.intake.applications import import_frame
from riskdesk.services.rings import detect
from riskdesk.storage.bulk import bulk_cache
from riskdesk.storage.clock import utcnow
from riskdesk.storage.engine import make_engine
from riskdesk.storage.session import unit_of_work

UPDATE_ROWS = 10_000
BENCH = "rings"
# The demo rows are submitted in the 60 days before the build and rings are looked for in the
# last 90: a file older than this would time a smaller graph.
FRESH_DAYS = 20


def _frame(rows: int, seed: int, prefix: str) -> pd.DataFrame:
    """Demo rows submitted in the last 60 days; one row in a hundred on a ring device (pools of
    6), a phone pool and an employer pool tying some of them across rings."""
    frame = demo_frame(rows, seed=seed)
    rng = np.random.default_rng(seed)
    frame["application_no"] = [f"{prefix}{i:08d}" for i in range(rows)]
    now = utcnow() + timedelta(hours=8)
    minutes = rng.integers(60, 60 * 24 * 60, rows)
    frame["submitted_at"] = [(now - timedelta(minutes=int(m))).strftime("%Y-%m-%d %H:%M:%S")
                             for m in minutes]
    ring = rng.random(rows) < 0.01
    k = int(ring.sum())
    frame.loc[ring, "device_id"] = [f"{prefix}ring{int(v)}" for v in rng.integers(0, k // 6 + 1,
                                                                                   k)]
    frame["employer"] = None
    frame.loc[ring, "employer"] = [f"某某{int(v)}科技有限公司" for v in rng.integers(0, k // 4 + 1,
                                                                                  k)]
    return frame


def build_database(path: Path, rows: int) -> None:
    """The imported database, marked complete for this schema at the end (a killed build is
    not reused); run in a child process by :func:`build_once`."""
    for suffix in ("", "-wal", "-shm"):
        Path(str(path) + suffix).unlink(missing_ok=True)
    engine, actor, _ = _bench_database(path)
    import_frame(engine, actor, frame=_frame(rows, 1, "B"), file_name="bench.csv",
                 sha256="1" * 64, score=False)
    engine.dispose()  # the last connection's close checkpoints the WAL into the file
    con = sqlite3.connect(path, isolation_level=None)
    con.execute("PRAGMA journal_mode=DELETE")  # one file to copy
    _batch_row(con, done_mark(BENCH), 0, utcnow().strftime("%Y-%m-%d %H:%M:%S"))
    con.close()


def _stale(path: Path) -> bool:
    """Built more than FRESH_DAYS ago (its rows would be leaving the window)."""
    if not is_complete(path, BENCH):
        return False
    with closing(sqlite3.connect(path)) as con:
        (at,) = con.execute("SELECT MAX(finished_at) FROM import_batch WHERE file_name = ?",
                            (done_mark(BENCH),)).fetchone()
    return utcnow() - datetime.fromisoformat(str(at)[:19]) > timedelta(days=FRESH_DAYS)


def _load() -> str:
    return "load " + " / ".join(f"{v:.1f}" for v in os.getloadavg())


def bench_rings(rows: int, *, workdir: Path | None = None) -> str:
    base = default_path(rows, workdir, BENCH)
    lines = [f"imported database: {base}"]
    if _stale(base):
        base.unlink()
    build_once(base, rows, build_database, BENCH, lines, what="imported database")
    with tempfile.TemporaryDirectory(dir=workdir) as tmp:
        db = Path(tmp) / "rings.sqlite"
        shutil.copyfile(base, db)
        # on disk before the clock starts: the copy's gigabyte of dirty pages was otherwise
        # flushed by the build's own commit (34 s wall with it on disk, 47-62 s without)
        with open(db, "rb+") as copied:
            os.fsync(copied.fileno())
        engine = make_engine(str(db))
        with unit_of_work(engine) as session:
            actor = sign_in(session, username="bench", password="bench-password", channel="bench")
        assert actor is not None
        lines.append(f"before the build: {_load()}")
        start, cpu = time.perf_counter(), time.process_time()
        built = detect.rebuild(engine, actor)
        build, build_cpu = time.perf_counter() - start, time.process_time() - cpu
        lines.append(f"after the build: {_load()}")
        import_frame(engine, actor, frame=_frame(UPDATE_ROWS, 2, "U"), file_name="update.csv",
                     sha256="2" * 64, score=False)
        with unit_of_work(engine, write=False) as session:
            apps = table_of(Application).c
            ids = [int(i) for i in session.execute(
                select(apps.id).where(apps.application_no.like("U%"))).scalars()]
        start, cpu = time.perf_counter(), time.process_time()
        with unit_of_work(engine) as session, bulk_cache(session.connection()):  # as the job
            _, settings = current_rule_set(session, actor)
            changes = detect.after_scoring(session, actor, application_ids=ids, settings=settings,
                                           now=utcnow(session))
            work = time.perf_counter() - start
        update, update_cpu = time.perf_counter() - start, time.process_time() - cpu
        lines.append(f"after the update: {_load()}")
        engine.dispose()
    touched = (len(changes.opened) + len(changes.updated)) if changes else 0
    return "\n".join([
        *lines,
        f"build: {rows:,} applications, {built.edges:,} links, {built.rings:,} rings in "
        f"{build:.1f} s wall, {build_cpu:.1f} s CPU (goal 60 s at 1,000,000)",
        f"update: {UPDATE_ROWS:,} new applications, {touched:,} rings opened or grown in "
        f"{update:.2f} s wall (its commit {update - work:.2f} s), {update_cpu:.2f} s CPU "
        "(goal 2 s)"])
