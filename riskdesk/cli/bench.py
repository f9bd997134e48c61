"""`riskdesk bench ...`: the benchmarks."""
from __future__ import annotations

import argparse
from pathlib import Path

from riskdesk.cli.common import Subparsers

SERVER_HELP = ("a PostgreSQL or MariaDB server's URL: the bench runs in a database of its own "
               "made there (dropped after) and the same work on a fresh SQLite file; the last "
               "line is the ratio to SQLite")


def add_parser(sub: Subparsers) -> None:
    bench = sub.add_parser("bench", help="benchmarks")
    bs = bench.add_subparsers(dest="bench_command", required=True)
    bi = bs.add_parser("import", help="import throughput against a raw pandas+sqlite3 floor")
    bi.add_argument("--rows", type=int, default=1_000_000)
    bi.add_argument("--workdir", type=Path)
    bi.add_argument("--db", help=SERVER_HELP)
    bsc = bs.add_parser("score", help="scoring throughput against a bare predict floor")
    bsc.add_argument("--rows", type=int, default=1_000_000)
    bsc.add_argument("--workdir", type=Path)
    bsc.add_argument("--db", help=SERVER_HELP)
    bsc.add_argument("--challenger", action="store_true",
                     help="with a second model approved to score in shadow beside the active one "
                          "(issue 32)")
    br = bs.add_parser("report", help="the monthly report over a month of N applications")
    br.add_argument("--cases", type=int, default=100_000)
    br.add_argument("--workdir", type=Path)
    bcc = bs.add_parser("concurrency", help="N simulated officers (processes) working one "
                        "queue on PostgreSQL: actions/s, latency, conflicts, lost decisions")
    bcc.add_argument("--users", type=int, default=20)
    bcc.add_argument("--seconds", type=float, default=30.0)
    bcc.add_argument("--rows", type=int, default=12_000,
                     help="demo applications the queue is built from")
    bcc.add_argument("--db", help="a PostgreSQL URL to use (default: a throwaway database on "
                     "RISKDESK_BENCH_PG, the local server)")
    brg = bs.add_parser("rings", help="fraud rings: the link store built over N applications "
                        "and updated for a 10,000-row import (issue 33)")
    brg.add_argument("--rows", type=int, default=1_000_000)
    brg.add_argument("--workdir", type=Path)
    bbt = bs.add_parser("backtest", help="a rule and policy change backtested over N "
                        "applications of the last 90 days (issue 30; goal < 10 s for 100,000)")
    bbt.add_argument("--rows", type=int, default=100_000)
    bbt.add_argument("--workdir", type=Path)
    bm = bs.add_parser("monitor", help="a full daily post-loan monitoring run over N loans "
                       "(12 repayments and ~5 fund flows each)")
    bm.add_argument("--loans", type=int, default=1_000_000)
    bm.add_argument("--workdir", type=Path)
    brs = bs.add_parser("reasons", help="exact reason codes: the shallow-tree table engine "
                        "against XGBoost's pred_contribs on one thread (issue 35)")
    brs.add_argument("--rows", type=int, default=200_000)
    bst = bs.add_parser("start", help="the signed-in main window's time to shown and peak "
                        "memory against a bare PySide6 window with a table, each in a fresh "
                        "process, median of 3 (issue 35; goal within 8x, under 250 MB)")
    bst.add_argument("--db", help="the database to sign in to (default: the demo database, "
                     "built first if missing); password from RISKDESK_PASSWORD, else the demo's")
    bst.add_argument("--user", default="officer")
    bq = bs.add_parser("queue", help="the case queue through its Qt model at N cases "
                       "(builds the database once, then reuses it)")
    bq.add_argument("--rows", type=int, default=10_000_000)
    bq.add_argument("--workdir", type=Path, help="where the database is built "
                    "(default: the user cache folder)")
    bq.add_argument("--db", help="a PostgreSQL or MariaDB server's URL: the queue database is "
                    "built there once (named for its size and schema) and reused")


def run(args: argparse.Namespace) -> int:
    if args.bench_command == "queue":  # no pandas/xgboost import cost in its memory
        from riskdesk.ui.bench_queue import bench_queue

        print(bench_queue(args.rows, workdir=args.workdir, db=args.db))
        return 0
    if args.bench_command == "start":  # the windows start in child processes
        from riskdesk.bench.start import bench_start

        print(bench_start(db=args.db, user=args.user))
        return 0
    if args.bench_command == "concurrency":
        from riskdesk.bench.concurrency import bench_concurrency

        print(bench_concurrency(args.users, seconds=args.seconds, db=args.db, rows=args.rows))
        return 0
    if args.bench_command == "backtest":
        from riskdesk.bench.backtest import bench_backtest

        print(bench_backtest(args.rows, workdir=args.workdir))
        return 0
    if args.bench_command == "monitor":
        from riskdesk.bench.monitor import bench_monitor

        print(bench_monitor(args.loans, workdir=args.workdir))
        return 0
    if args.bench_command == "reasons":
        from riskdesk.bench.reasons import bench_reasons

        print(bench_reasons(args.rows))
        return 0
    if args.bench_command == "rings":
        from riskdesk.bench.rings import bench_rings

        print(bench_rings(args.rows, workdir=args.workdir))
        return 0
    from riskdesk.bench.pipeline import bench_import, bench_report, bench_score

    if args.bench_command == "report":
        print(bench_report(args.cases, workdir=args.workdir))
        return 0
    if args.bench_command == "score":
        print(bench_score(args.rows, workdir=args.workdir, db=args.db,
                          challenger=args.challenger))
        return 0
    print(bench_import(args.rows, workdir=args.workdir, db=args.db))
    return 0
