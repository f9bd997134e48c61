"""``bench backtest``: a rule and policy change backtested over N applications submitted in the
last 90 days (issue 30; goal: 100,000 in under 10 s on the 2-core machine).

The database is a fresh SQLite file with N demo applications spread over the window, imported
and scored by the shipped model (not timed). The timed part is the service the command and the
tab call: the window read, both sides' rule evaluation, bands, outcomes and the list of
changed applications, in a read-only unit of work; the bench checks it wrote nothing.
"""
from __future__ import annotations

import tempfile
import time
from pathlib import Path


def bench_backtest(rows: int, *, days: int = 90, workdir: Path | None = None) -> str:
    import numpy as np
    import pandas as pd
    from sqlalchemy import func, select

    from riskdesk.bench.pipeline import _activate_default_model, _bench_database
    from riskdesk.config import SOURCE_TIMEZONE
    from riskdesk.demo.frame import demo_frame
    from riskdesk.domain.audit import AuditEvent
    from riskdesk.domain.scoring import DecisionRecord
    from riskdesk.services.credit.backtest import backtest
    from riskdesk.services.credit.proposals import parse_changes
    from riskdesk.services.credit.scoring_job import score_applications
    from riskdesk.services.intake.applications import import_frame
    from riskdesk.storage.clock import utcnow
    from riskdesk.storage.session import unit_of_work

    changes = parse_changes(["SHARED_DEVICE.min_applicants=10"], ["approve_below=0.06"])
    with tempfile.TemporaryDirectory(prefix="riskdesk-bench-", dir=workdir) as tmp:
        engine, actor, compliance = _bench_database(Path(tmp) / "backtest.sqlite")
        t0 = time.perf_counter()
        frame = demo_frame(rows, seed=5)
        span = days * 86400 - 3600  # all inside the window, none in the future
        ago = np.random.default_rng(5).integers(60, span, rows)
        local = (pd.Timestamp(utcnow()) - pd.to_timedelta(ago, unit="s")).tz_localize(
            "UTC").tz_convert(SOURCE_TIMEZONE)
        frame["submitted_at"] = local.strftime("%Y-%m-%d %H:%M:%S")
        if import_frame(engine, actor, frame=frame, file_name="bench", sha256="5" * 64,
                        score=False).refused:
            raise RuntimeError("bench data did not load")
        del frame
        _activate_default_model(engine, actor, compliance)
        score_applications(engine, actor, scope="all")
        built = time.perf_counter() - t0

        def counts() -> tuple[int, int]:
            with unit_of_work(engine, write=False) as s:
                return (int(s.scalar(select(func.count()).select_from(DecisionRecord)) or 0),
                        int(s.scalar(select(func.count()).select_from(AuditEvent)) or 0))

        before = counts()
        timings = []
        for _ in range(2):
            with unit_of_work(engine, write=False) as session:
                start = time.perf_counter()
                r = backtest(session, compliance, changes=changes, days=days)
                timings.append(time.perf_counter() - start)
        unchanged = counts() == before
        engine.dispose()
    first, second = timings
    return "\n".join([
        f"bench backtest: {r.applications:,} applications in the last {days} days "
        f"(database built and scored in {built:.1f} s); change: {'; '.join(r.changes)}",
        f"  flagged before {r.before.flagged:,}, after {r.after.flagged:,}; "
        f"{len(r.changed):,} applications change; {r.known:,} known outcomes",
        f"  riskdesk rules backtest : {first:7.2f} s  {r.applications / first:>10,.0f} "
        f"applications/s  ({'ok' if first < 10 else 'OVER 10 s'}; goal < 10 s for 100,000)",
        f"  again (warm)            : {second:7.2f} s",
        f"  records written         : {'none' if unchanged else 'SOME (wrong)'}",
    ])
