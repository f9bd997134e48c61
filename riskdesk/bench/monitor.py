"""``bench monitor``: one full daily post-loan monitoring run (days past due, the five
categories and the month's snapshot, every repayment and fund-flow rule, cases raised) over N
loans with 12 instalments and about 5 outgoing fund flows each, on SQLite.

The book is built once per size by a child process and reused: the applicants, applications
and pre-loan cases of ``bench queue``, then a loan per application, its schedule as paid (a few
percent of borrowers stop paying, a few pay in part) and its flows (mostly ordinary spending; a
few loans show each cash-out or banned-use pattern). Before each measurement the previous run's
alerts, post-loan cases and snapshots are removed, so every run is a first run.
"""
from __future__ import annotations

import sqlite3
import sys
import time
from datetime import date, datetime
from pathlib import Path
from typing import Any

AS_OF = date(2026, 11, 24)
CHUNK = 200_000


def build(path: Path, loans: int) -> None:
    import numpy as np

    from riskdesk.bench.queue import _batch_row, done_mark, drop_indexes
    from riskdesk.bench.queue import build as build_applications

    build_applications(path, loans)
    con = sqlite3.connect(path, isolation_level=None)
    for pragma in ("journal_mode=OFF", "synchronous=OFF", "cache_size=-2000000",
                   "temp_store=MEMORY", "foreign_keys=OFF"):
        con.execute(f"PRAGMA {pragma}")
    con.execute("DELETE FROM import_batch WHERE file_name = ?", (done_mark("queue"),))
    indexes = drop_indexes(con, ("loan", "repayment", "fund_flow"))
    rng = np.random.default_rng(8)
    con.execute("BEGIN")
    flow_no = 0
    for start in range(0, loans, CHUNK):
        n = min(CHUNK, loans - start)
        flow_no = _write_chunk(con, rng, start, n, flow_no)
        print(f"  built {start + n:,} / {loans:,} loans", file=sys.stderr, flush=True)
    con.execute("COMMIT")
    for _name, sql in indexes:
        con.execute(sql)
    # The unique keys SQLAlchemy declares inline are automatic indexes: kept.
    con.execute("ANALYZE")
    stamp = datetime(2026, 11, 24, 9).strftime("%Y-%m-%d %H:%M:%S")
    _batch_row(con, done_mark("monitor"), 0, stamp)
    con.close()


def _write_chunk(con: sqlite3.Connection, rng: Any, start: int, n: int, flow_no: int) -> int:
    import numpy as np
    import pandas as pd

    ids = np.arange(start + 1, start + n + 1)
    principal = (rng.integers(10, 400, n) * 500).astype(float)
    first = pd.Timestamp(AS_OF) - pd.Timedelta(days=730)
    start_day = first + pd.to_timedelta(rng.integers(0, 720, n), unit="D")
    disbursed = start_day + pd.to_timedelta(rng.integers(8 * 3600, 18 * 3600, n), unit="s")
    con.executemany(
        "INSERT INTO loan (id, loan_no, application_id, principal, start_date, disbursed_at, "
        "term_months, apr, repayment_type, content_hash, created_at) "
        "VALUES (?, ?, ?, ?, ?, ?, 12, 18.5, 'equal_instalment', '', ?)",
        zip(ids.tolist(), [f"BL{i:09d}" for i in ids.tolist()], ids.tolist(),
            principal.tolist(), start_day.strftime("%Y-%m-%d").tolist(),
            disbursed.strftime("%Y-%m-%d %H:%M:%S").tolist(),
            disbursed.strftime("%Y-%m-%d %H:%M:%S").tolist(), strict=True))
    # Schedules: 12 monthly instalments; 3 % of borrowers stop paying, 1 % pay in part.
    k = np.tile(np.arange(1, 13), n)
    loan = np.repeat(ids, 12)
    due = np.repeat(start_day.to_numpy(), 12) + (k * 30).astype("timedelta64[D]")
    each = np.repeat(np.round(principal * 1.1 / 12, 2), 12)
    part = np.repeat(np.round(principal / 12, 2), 12)
    stops = np.repeat(np.where(rng.random(n) < 0.03, rng.integers(1, 12, n), 99), 12)
    partial = np.repeat(rng.random(n) < 0.01, 12)
    past = due < np.datetime64(AS_OF)
    paid_amount = np.where(past & (k < stops), np.where(partial & (k % 3 == 0),
                                                         np.round(each * 0.4, 2), each), 0.0)
    paid_date = pd.Series(pd.DatetimeIndex(due - np.timedelta64(1, "D")).strftime("%Y-%m-%d"))
    paid_date = paid_date.where(paid_amount > 0, None)
    con.executemany(
        "INSERT INTO repayment (loan_id, instalment_no, due_date, due_amount, due_principal, "
        "paid_date, paid_amount) VALUES (?, ?, ?, ?, ?, ?, ?)",
        zip(loan.tolist(), k.tolist(), pd.DatetimeIndex(due).strftime("%Y-%m-%d").tolist(),
            each.tolist(), part.tolist(), paid_date.tolist(), paid_amount.tolist(),
            strict=True))
    # Flows: about five per loan, mostly ordinary; a few of each pattern.
    count = rng.poisson(5, n)
    m = int(count.sum())
    owner = np.repeat(np.arange(n), count)
    when = disbursed.to_numpy()[owner] + (rng.random(m) * 90 * 86400).astype(
        "timedelta64[s]")
    amount = np.round(principal[owner] * rng.uniform(0.01, 0.12, m), 2)
    kind = np.asarray(["merchant", "person"], dtype=object)[rng.integers(0, 2, m)]
    mcc = np.where(kind == "merchant", np.asarray(["5411", "5812", "5732", "5311"])[
        rng.integers(0, 4, m)], "").astype(object)
    channel = np.full(m, "transfer", dtype=object)
    pattern = rng.random(m)
    fast = pattern < 0.002  # proceeds out at once
    when[fast] = disbursed.to_numpy()[owner[fast]] + np.timedelta64(2, "h")
    amount[fast] = np.round(principal[owner[fast]] * 0.8, 2)
    kind[(pattern >= 0.002) & (pattern < 0.003)] = "credit_card"
    banned = (pattern >= 0.003) & (pattern < 0.004)
    mcc[banned], kind[banned] = "6513", "merchant"
    kind[(pattern >= 0.004) & (pattern < 0.005)] = "own_account"
    cash = (pattern >= 0.005) & (pattern < 0.006)
    channel[cash], amount[cash] = "cash", 60_000.0
    account = (6_222_000_000_000_000 + rng.integers(0, 10**12, m)).astype(str)
    masked = [a[:6] + "******" + a[-4:] for a in account.tolist()]
    numbers = [f"BF{flow_no + i:010d}" for i in range(1, m + 1)]
    keep = when < np.datetime64(AS_OF)
    rows = zip(np.asarray(numbers)[keep].tolist(), ids[owner][keep].tolist(),
               pd.DatetimeIndex(when[keep]).strftime("%Y-%m-%d %H:%M:%S").tolist(),
               amount[keep].tolist(), channel[keep].tolist(),
               [a[:12] for a in account[keep].tolist()],  # a stand-in for the keyed hash
               np.asarray(masked)[keep].tolist(), kind[keep].tolist(), mcc[keep].tolist(),
               strict=True)
    con.executemany(
        "INSERT INTO fund_flow (flow_no, loan_id, at, amount, direction, channel, "
        "counterparty_hash, counterparty_masked, counterparty_name, counterparty_type, mcc) "
        "VALUES (?, ?, ?, ?, 'out', ?, ?, ?, '', ?, ?)", rows)
    return flow_no + m


def _reset(path: Path) -> None:
    """Forget earlier measured runs (alerts, their cases, snapshots): each run is a first."""
    from riskdesk.services.cases.tally import RECOUNT_SQL

    con = sqlite3.connect(path, isolation_level=None)
    con.execute("BEGIN")
    con.execute("DELETE FROM loan_alert")
    con.execute("DELETE FROM loan_snapshot")
    con.execute("DELETE FROM review_case WHERE kind IN ('post_loan', 'annual_review')")
    con.execute("DELETE FROM monitoring_run")
    for sql in RECOUNT_SQL:  # the queue's tallies, as the deleted cases leave them
        con.execute(sql)
    con.execute("COMMIT")
    con.close()


def bench_monitor(loans: int, *, workdir: Path | None = None) -> str:
    from riskdesk.bench.queue import build_once, default_path

    path = default_path(loans, workdir, "monitor")
    lines = [f"bench monitor: {loans:,} loans in {path}"]
    build_once(path, loans, build, "monitor", lines, "book")
    _reset(path)
    from riskdesk.services.actor import Actor
    from riskdesk.services.admin.users import roles_of
    from riskdesk.services.postloan.monitoring import run_monitoring
    from riskdesk.storage.engine import make_engine
    from riskdesk.storage.session import unit_of_work

    engine = make_engine(str(path))
    with unit_of_work(engine, write=False) as session:
        officer = session.execute(_officer_query()).scalar_one()
        actor = Actor(officer, "officer01", roles_of(session, user_id=officer))
    with sqlite3.connect(path) as con:
        instalments, = con.execute("SELECT count(*) FROM repayment").fetchone()
        flows, = con.execute("SELECT count(*) FROM fund_flow").fetchone()
    lines.append(f"{instalments:,} instalments, {flows:,} fund flows")
    start = time.perf_counter()
    first = run_monitoring(engine, actor, as_of=AS_OF)
    took = time.perf_counter() - start
    lines.append(f"full monitoring run: {took:.1f} s, {first.loans / took:,.0f} loans/s "
                 f"({first.alerts:,} alerts, {first.cases_opened:,} cases opened; goal < 60 s)")
    for code, n in sorted((first.by_code or {}).items()):
        lines.append(f"  {code}: {n:,}")
    start = time.perf_counter()
    again = run_monitoring(engine, actor, as_of=AS_OF)
    took = time.perf_counter() - start
    lines.append(f"second run the same day: {took:.1f} s ({again.alerts} new alerts, "
                 f"{again.cases_opened} cases)")
    engine.dispose()
    return "\n".join(lines)


def _officer_query() -> Any:
    from sqlalchemy import text

    return text("SELECT id FROM app_user WHERE username = 'officer01'")


