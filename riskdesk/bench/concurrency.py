"""``bench concurrency``: N simulated officers (processes) working one queue on PostgreSQL for
a bounded time: each picks an open case (several often pick the same one), reads it, claims it,
writes a note and decides, as the case window does, with the version it read. Prints actions/s,
latency percentiles, conflicts (a colleague was first: handled and said), other errors, and then
checks that every decision a worker was told was saved is in the database as it was made, that
the decisions in the audit trail are exactly those, and that the chain verifies.

Without ``--db`` it makes a throwaway database on the local server (RISKDESK_BENCH_PG, default
the test server at 127.0.0.1) and drops it afterwards.
"""
from __future__ import annotations

import multiprocessing
import os
import random
import statistics
import time
import uuid
from dataclasses import dataclass, field
from typing import Any

ADMIN_URL = os.environ.get("RISKDESK_BENCH_PG",
                           "postgresql+psycopg://postgres@127.0.0.1:5432/test")


@dataclass
class WorkerReport:
    user: str
    actions: int = 0
    latencies: list[float] = field(default_factory=list)
    conflicts: int = 0
    errors: list[str] = field(default_factory=list)
    decided: list[tuple[int, str, int]] = field(default_factory=list)  # case, decision, version


def _worker(url: str, user_id: int, name: str, case_ids: list[int], seconds: float,
            seed: int, out: Any) -> None:
    from riskdesk.demo.frame import DEMO_PASSWORD
    from riskdesk.errors import InvalidInput, StaleVersion
    from riskdesk.services.actor import Actor
    from riskdesk.services.admin.users import sign_in
    from riskdesk.services.cases import work as cases
    from riskdesk.storage.engine import make_engine
    from riskdesk.storage.session import unit_of_work

    engine = make_engine(url)
    with unit_of_work(engine) as session:  # each officer signs in: their decisions are signed
        signed_in = sign_in(session, username=name, password=DEMO_PASSWORD, channel="bench")
    assert signed_in is not None and signed_in.user_id == user_id
    actor: Actor = signed_in
    rng = random.Random(seed)
    report = WorkerReport(name)
    deadline = time.monotonic() + seconds

    def timed(step: Any) -> Any:
        start = time.perf_counter()
        try:
            return step()
        finally:
            report.latencies.append(time.perf_counter() - start)
            report.actions += 1

    def in_unit(fn: Any) -> Any:
        def run() -> Any:
            with unit_of_work(engine) as session:
                return fn(session)
        return run

    remaining = list(case_ids)  # what this officer still believes open
    while remaining and time.monotonic() < deadline:
        case_id = remaining.pop(rng.randrange(len(remaining)))
        try:
            case = timed(in_unit(lambda s, c=case_id: cases.get_case(s, case_id=c)))
            if case.status not in ("new", "in_review") or case.assignee_id not in (None, user_id):
                continue  # a colleague has it: on to the next
            case = timed(in_unit(lambda s, c=case: cases.claim(s, actor, case_id=c.id,
                                                               version=c.version)))
            timed(in_unit(lambda s, c=case: cases.add_note(
                s, actor, case_id=c.id, kind="phone", outcome="verified",
                text=f"called the applicant ({name})")))
            decision = rng.choice(("decline", "request_info", "decline", "escalate"))
            done = timed(in_unit(lambda s, c=case, d=decision: cases.decide(
                s, actor, case_id=c.id, version=c.version, decision=d, reason=f"{d} by {name}")))
            report.decided.append((done.id, decision, done.version))
        except (StaleVersion, InvalidInput):
            report.conflicts += 1  # a colleague was first: the window says so and reloads
        except Exception as exc:  # noqa: BLE001 - every other failure is counted and shown
            report.errors.append(f"{type(exc).__name__}: {exc}"[:300])
    engine.dispose()
    out.put(report)


def _setup(url: str, users: int, rows: int) -> tuple[list[tuple[int, str]], list[int]]:
    from sqlalchemy import text

    from riskdesk.demo.database import build_demo
    from riskdesk.demo.frame import DEMO_PASSWORD
    from riskdesk.services.admin.signing_keys import countersign
    from riskdesk.services.admin.users import create_user, sign_in
    from riskdesk.storage.engine import make_engine
    from riskdesk.storage.session import unit_of_work

    build_demo(url, rows=rows, post_loan=False)  # the officers work the pre-loan queue only
    engine = make_engine(url)
    with engine.connect() as conn:
        admin_id = conn.execute(text("SELECT id FROM app_user WHERE username = 'admin'")
                                ).scalar_one()
        case_ids = list(conn.execute(text(
            "SELECT id FROM review_case WHERE status = 'new' AND kind = 'pre_loan' "
            "AND band <> 'decline'")).scalars())
    with unit_of_work(engine) as session:  # signed in first: role changes are signed
        signed_admin = sign_in(session, username="admin", password=DEMO_PASSWORD, channel="bench")
    assert signed_admin is not None and signed_admin.user_id == admin_id
    people = []
    with unit_of_work(engine) as session:
        for i in range(1, users + 1):
            u = create_user(session, signed_admin, username=f"bench{i:02d}",
                            password=DEMO_PASSWORD, roles=["officer"])
            people.append((u.id or 0, u.username))
    for user_id, name in people:  # each officer's key made and countersigned, as at a bank
        with unit_of_work(engine) as session:
            officer = sign_in(session, username=name, password=DEMO_PASSWORD, channel="bench")
        assert officer is not None and officer.signer is not None
        with unit_of_work(engine) as session:
            countersign(session, signed_admin, user_id=user_id,
                        fingerprint=officer.signer.fingerprint)
    engine.dispose()
    return people, case_ids


def _check(url: str, reports: list[WorkerReport]) -> list[str]:
    """Every saved decision is in the database as made; the trail holds exactly these."""
    from sqlalchemy import text

    from riskdesk.services.audit.trail import verify
    from riskdesk.storage.engine import make_engine
    from riskdesk.storage.session import unit_of_work

    engine = make_engine(url)
    problems = []
    accepted = {(c, d) for r in reports for c, d, _ in r.decided}
    with engine.connect() as conn:
        for r in reports:
            for case_id, decision, version in r.decided:
                row = conn.execute(text(
                    "SELECT c.version, c.status, c.decision, u.username FROM review_case c "
                    "LEFT JOIN app_user u ON u.id = c.assignee_id WHERE c.id = :i"),
                    {"i": case_id}).one()
                status = {"decline": "decided", "request_info": "pending_info",
                          "escalate": "escalated"}[decision]
                # a later accepted step on the same case (another decision) may follow
                if row.version < version or (row.version == version and (
                        row.status != status or row.username != r.user)):
                    problems.append(f"case {case_id}: {decision} by {r.user} is not as saved")
        trail = conn.execute(text(
            "SELECT count(*) FROM audit_event WHERE action = 'case.decide' AND actor LIKE "
            "'bench%'")).scalar_one()
    if trail != len(accepted):
        problems.append(f"the audit trail holds {trail} decisions, the workers saved "
                        f"{len(accepted)}")
    with unit_of_work(engine, write=False) as session:
        result = verify(session)
    if not result.ok:
        problems.append(f"audit chain broken at {result.broken_seq}: {result.reason}")
    engine.dispose()
    return problems


def bench_concurrency(users: int, *, seconds: float = 30.0, db: str | None = None,
                      rows: int = 12_000) -> str:
    """``rows``: the demo applications the queue is built from (a test needs far fewer)."""
    from sqlalchemy import create_engine, text

    made = None
    if db is None:
        name = f"rd_bench_{uuid.uuid4().hex[:10]}"
        admin = create_engine(ADMIN_URL, isolation_level="AUTOCOMMIT")
        with admin.connect() as conn:
            conn.execute(text(f'CREATE DATABASE "{name}"'))
        made = name
        db = ADMIN_URL.rsplit("/", 1)[0] + "/" + name
    try:
        started = time.perf_counter()
        people, case_ids = _setup(db, users, rows)
        lines = [f"bench concurrency: {users} officers for {seconds:g} s on {len(case_ids):,} "
                 f"open cases (PostgreSQL; set up in {time.perf_counter() - started:.0f} s)"]
        ctx = multiprocessing.get_context("spawn")
        out = ctx.Queue()
        workers = [ctx.Process(target=_worker, args=(db, uid, uname, case_ids, seconds, i, out))
                   for i, (uid, uname) in enumerate(people)]
        t0 = time.perf_counter()
        for w in workers:
            w.start()
        reports = [out.get(timeout=seconds + 300) for _ in workers]
        for w in workers:
            w.join(timeout=60)
        wall = time.perf_counter() - t0
        latencies = sorted(x for r in reports for x in r.latencies)
        actions = sum(r.actions for r in reports)
        errors = [e for r in reports for e in r.errors]
        decided = sum(len(r.decided) for r in reports)
        problems = _check(db, reports)
        p50 = statistics.median(latencies) if latencies else 0.0
        p95 = latencies[int(0.95 * (len(latencies) - 1))] if latencies else 0.0
        lines += [
            f"  actions   : {actions:,} in {wall:.1f} s = {actions / wall:,.0f} actions/s "
            "(read, claim, note, decide; each its own transaction)",
            f"  latency   : p50 {1000 * p50:.1f} ms, p95 {1000 * p95:.1f} ms, max "
            f"{1000 * (latencies[-1] if latencies else 0):.1f} ms",
            f"  decisions : {decided:,} saved; conflicts handled: "
            f"{sum(r.conflicts for r in reports):,} (a colleague was first)",
            f"  errors    : {len(errors)}" + (f" (first: {errors[0]})" if errors else ""),
            f"  lost      : {len(problems)} decision(s) not in the database as saved"
            + (f" ({problems[0]})" if problems else "") + "; audit chain "
            + ("verified" if not any("chain" in p for p in problems) else "BROKEN"),
        ]
        return "\n".join(lines)
    finally:
        if made is not None:
            with admin.connect() as conn:
                conn.execute(text(f'DROP DATABASE IF EXISTS "{made}" WITH (FORCE)'))
            admin.dispose()
