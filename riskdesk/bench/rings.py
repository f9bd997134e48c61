"""``riskdesk bench rings --rows N``: the fraud-ring link store at scale (issue 33).

A fresh SQLite file gets N demo applications (not timed), a hundredth of them in rings that
share devices, phones and employers, all within the 90-day window. Then two figures:

- build: ``rings rebuild``'s work: the link store emptied and filled from all N applications,
  every component computed and the rings kept with their cases (goal: 60 s at a million);
- update: a further 10,000-row import's links and the rings they touch, as the scoring job
  does it after an import (goal: 2 s).
"""
from __future__ import annotations

import tempfile
import time
from datetime import timedelta
from pathlib import Path

import numpy as np
import pandas as pd
from sqlalchemy import select

from riskdesk.bench.pipeline import _bench_database
from riskdesk.demo.frame import demo_frame
from riskdesk.domain.applications import Application
from riskdesk.domain.tables import table_of
from riskdesk.services.credit.rulesets import current_rule_set
from riskdesk.services.intake.applications import import_frame
from riskdesk.services.rings import detect
from riskdesk.storage.clock import utcnow
from riskdesk.storage.session import unit_of_work

UPDATE_ROWS = 10_000


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


def bench_rings(rows: int, *, workdir: Path | None = None) -> str:
    with tempfile.TemporaryDirectory(dir=workdir) as tmp:
        engine, actor, _ = _bench_database(Path(tmp) / "rings.sqlite")
        import_frame(engine, actor, frame=_frame(rows, 1, "B"), file_name="bench.csv",
                     sha256="1" * 64, score=False)
        start = time.perf_counter()
        built = detect.rebuild(engine, actor)
        build = time.perf_counter() - start
        import_frame(engine, actor, frame=_frame(UPDATE_ROWS, 2, "U"), file_name="update.csv",
                     sha256="2" * 64, score=False)
        with unit_of_work(engine, write=False) as session:
            apps = table_of(Application).c
            ids = [int(i) for i in session.execute(
                select(apps.id).where(apps.application_no.like("U%"))).scalars()]
        start = time.perf_counter()
        with unit_of_work(engine) as session:
            _, settings = current_rule_set(session, actor)
            changes = detect.after_scoring(session, actor, application_ids=ids, settings=settings,
                                           now=utcnow(session))
        update = time.perf_counter() - start
        engine.dispose()
    touched = (len(changes.opened) + len(changes.updated)) if changes else 0
    return "\n".join([
        f"build: {rows:,} applications, {built.edges:,} links, {built.rings:,} rings in "
        f"{build:.1f} s (goal 60 s at 1,000,000)",
        f"update: {UPDATE_ROWS:,} new applications, {touched:,} rings opened or grown in "
        f"{update:.2f} s (goal 2 s)"])
