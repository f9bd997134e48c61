"""``riskdesk bench start``: how long the signed-in main window takes to show, and its peak
memory, next to a bare PySide6 window with a table drawn the same way (issue 35).

Each window starts in a fresh process (``python -m riskdesk.ui.bench_start``, so this side
never imports Qt), three times each, alternating so a neighbour's burst on a shared machine
falls on both; the median of each is kept. The time runs from launching the process to the
window shown and drawn: the interpreter's start, every import, opening the database, the
sign-in with its password-based key derivation (which unlocks the user's signing key) and
the first paint all count. The goal: within 8x the bare window, under 250 MB.
"""
from __future__ import annotations

import json
import os
import statistics
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path

RUNS = 3
GOAL_RATIO = 8.0
GOAL_PEAK_MIB = 250.0
HEAVY = ("xgboost", "sklearn", "scipy", "pandas")
# Alembic and what it brings: only for a schema that is not this riskdesk's (migrate.py).
SCHEMA_TOOLS = ("alembic", "mako", "pygments")


@dataclass(frozen=True)
class Start:
    """One window start: seconds from launch to shown (and its phases where known), peak MiB,
    the heavy packages (and the schema tools) loaded by then."""

    seconds: float
    peak_mib: float
    phases: tuple[tuple[str, float], ...] = ()
    heavy: tuple[str, ...] = ()
    schema_tools: tuple[str, ...] = ()


PHASES = (("imported", "imports"), ("signed_in", "opening the database and signing in"),
          ("built", "building the window"), ("shown", "drawing"))


def parse(line: str, launched: float) -> Start:
    """A child's JSON line as a :class:`Start`; its clock marks become phase lengths."""
    data = json.loads(line)
    phases, last = [], launched
    for key, name in PHASES:
        if key in data:
            phases.append((name, float(data[key]) - last))
            last = float(data[key])
    return Start(float(data["shown"]) - launched, float(data["peak_mib"]),
                 tuple(phases) if len(phases) > 1 else (), tuple(data.get("heavy", ())),
                 tuple(data.get("schema_tools", ())))


def start_once(window: str, *, db: str | None = None, user: str | None = None,
               env: dict[str, str] | None = None) -> Start:
    """One start of ``window`` (``bare`` or ``signed-in``) in a fresh process."""
    args = [sys.executable, "-m", "riskdesk.ui.bench_start", window]
    if window == "signed-in":
        args += ["--db", str(db), "--user", str(user), "--lang", "en"]
    child_env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", **(env or {})}
    launched = time.time()
    done = subprocess.run(args, capture_output=True, text=True, env=child_env, timeout=600)
    lines = [s for s in done.stdout.splitlines() if s.startswith("{")]
    if done.returncode != 0 or not lines:
        raise SystemExit(f"the {window} window did not start (exit {done.returncode}): "
                         f"{(done.stderr or done.stdout).strip()[-800:]}")
    return parse(lines[-1], launched)


def median_start(starts: list[Start]) -> Start:
    """The run with the median time (its own memory and phases, so they add up), with the
    median peak memory of all runs and every heavy package any run loaded."""
    by_time = sorted(starts, key=lambda s: s.seconds)[len(starts) // 2]
    heavy = tuple(sorted({m for s in starts for m in s.heavy}))
    return Start(by_time.seconds, statistics.median(s.peak_mib for s in starts),
                 by_time.phases, heavy)


def report(bare: Start, app: Start, *, db: str, user: str, runs: int,
           load: tuple[float, float]) -> str:
    """The bench's lines: both windows, the signed-in one's phases, the ratios against the
    goals, and which of the heavy packages were loaded before the window showed."""
    ratio_time, ratio_mem = app.seconds / bare.seconds, app.peak_mib / bare.peak_mib
    met = ratio_time <= GOAL_RATIO and app.peak_mib < GOAL_PEAK_MIB
    lines = [f"bench start: {user} signed in on {db} against a bare PySide6 window with a "
             "table; each shown and drawn offscreen at 1280x800 in a fresh process, median "
             f"of {runs} (load average {load[0]:.1f} at start, {load[1]:.1f} at end)",
             f"{'bare PySide6 window':<28} {bare.seconds:6.2f} s {bare.peak_mib:6.0f} MB peak",
             f"{'signed-in main window':<28} {app.seconds:6.2f} s {app.peak_mib:6.0f} MB peak"]
    if app.phases:
        lines.append("  of which " + ", ".join(f"{name} {s:.2f} s" for name, s in app.phases))
    lines.append(f"{'ratio':<28} {ratio_time:6.1f}x time {ratio_mem:4.1f}x memory "
                 f"(goal: within {GOAL_RATIO:.0f}x, under {GOAL_PEAK_MIB:.0f} MB: "
                 f"{'met' if met else 'NOT met'})")
    lines.append("loaded before the window showed: "
                 + (", ".join(app.heavy) if app.heavy else f"none of {', '.join(HEAVY)}"))
    return "\n".join(lines)


def bench_start(*, db: str | None, user: str, runs: int = RUNS) -> str:
    """``db``: a database file or URL (default: the demo database, built first if missing).
    The password is RISKDESK_PASSWORD's, else the demo's."""
    from riskdesk import config

    target = db or str(config.demo_db_path())
    notes = []
    if db is None and not Path(target).exists():
        began = time.perf_counter()
        built = subprocess.run([sys.executable, "-m", "riskdesk", "demo", "--db", target,
                                "--no-gui"], capture_output=True, text=True)
        if built.returncode != 0:
            raise SystemExit(f"building the demo database failed: {built.stderr[-800:]}")
        notes.append(f"built the demo database {target} in {time.perf_counter() - began:.0f} s")
    env = {}
    if not os.environ.get(config.PASSWORD_ENV):
        from riskdesk.demo.frame import DEMO_PASSWORD

        env[config.PASSWORD_ENV] = DEMO_PASSWORD
    load_before = os.getloadavg()[0]
    bare, app = [], []
    for _ in range(runs):  # alternating: a burst of load falls on both
        bare.append(start_once("bare"))
        app.append(start_once("signed-in", db=target, user=user, env=env))
    text = report(median_start(bare), median_start(app), db=target, user=user, runs=runs,
                  load=(load_before, os.getloadavg()[0]))
    return "\n".join([*notes, text])
