"""Benchmarks: performance goals are measured here, never in timed unit tests.

``bench import``: our import of an N-row demo CSV into a fresh SQLite database (validation,
encryption, keyed hashes, three tables, audit), against a raw floor: ``pandas.read_csv`` plus
``sqlite3`` executemany of the same rows into one table in one transaction.
"""
from __future__ import annotations

import sqlite3
import tempfile
import time
from pathlib import Path

import pandas as pd

from riskdesk.services.actor import Actor
from riskdesk.services.demo import demo_frame
from riskdesk.services.imports.service import import_file
from riskdesk.services.users import create_user
from riskdesk.storage import migrate
from riskdesk.storage.engine import make_engine
from riskdesk.storage.session import unit_of_work


def _raw_floor(csv: Path, db: Path) -> float:
    start = time.perf_counter()
    frame = pd.read_csv(csv)
    con = sqlite3.connect(db)
    cols = ", ".join(f'"{c}"' for c in frame.columns)
    con.execute(f"CREATE TABLE raw ({cols})")
    marks = ", ".join("?" for _ in frame.columns)
    with con:
        con.executemany(f"INSERT INTO raw VALUES ({marks})",
                        frame.astype(object).where(frame.notna(), None).itertuples(
                            index=False, name=None))
    con.close()
    return time.perf_counter() - start


def bench_import(rows: int, *, workdir: Path | None = None) -> str:
    with tempfile.TemporaryDirectory(prefix="riskdesk-bench-", dir=workdir) as tmp:
        base = Path(tmp)
        csv = base / "applications.csv"
        t0 = time.perf_counter()
        demo_frame(rows, seed=1).to_csv(csv, index=False)
        generated = time.perf_counter() - t0

        engine = make_engine(str(base / "ours.sqlite"))
        migrate.upgrade(engine)
        with unit_of_work(engine) as session:
            user = create_user(session, None, username="bench", password="bench-password",
                               roles=["admin"])
        actor = Actor(user.id, "bench", frozenset({"admin"}))
        start = time.perf_counter()
        result = import_file(engine, actor, csv)
        ours = time.perf_counter() - start
        engine.dispose()
        if result.refused or result.inserted != rows:
            raise RuntimeError(f"bench import did not load all rows: {result.problem_lines(5)}")

        floor = _raw_floor(csv, base / "raw.sqlite")
        mb = csv.stat().st_size / 1e6
    ratio = ours / floor
    return "\n".join([
        f"bench import: {rows:,} rows ({mb:.0f} MB CSV, generated in {generated:.1f} s)",
        f"  riskdesk import : {ours:7.2f} s  {rows / ours:>10,.0f} rows/s  "
        "(validate, encrypt, hash, 3 tables, audit; one transaction)",
        f"  raw floor       : {floor:7.2f} s  {rows / floor:>10,.0f} rows/s  "
        "(pandas.read_csv + sqlite3 executemany, one table, one transaction)",
        f"  ratio           : {ratio:7.2f}  (goal <= 2, limit 3)",
    ])
